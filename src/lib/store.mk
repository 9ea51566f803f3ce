# src/lib/store.mk: filled in as its part lands.
