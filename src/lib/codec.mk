# src/lib/codec.mk: filled in as its part lands.
