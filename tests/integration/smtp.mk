# tests/integration/smtp.mk: filled in as its part lands.
