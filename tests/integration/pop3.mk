# tests/integration/pop3.mk: filled in as its part lands.
