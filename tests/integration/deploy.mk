# tests/integration/deploy.mk: filled in as its part lands.
