# src/pop3d/local.mk: filled in as its part lands.
