# man/local.mk: filled in as its part lands.
