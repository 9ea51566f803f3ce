# src/lib/io.mk: filled in as its part lands.
