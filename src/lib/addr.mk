# src/lib/addr.mk: filled in as its part lands.
