/*
 * sha256.h: SHA-256 (FIPS 180-4) of a short string, for the UIDLs of
 * Maildir names that cannot serve as UIDLs themselves (RFC 1939 section 7).
 */
#ifndef POSTERN_POP3D_SHA256_H
#define POSTERN_POP3D_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32

/* Computes the SHA-256 digest of the n octets at data into out. */
void sha256(const void *data, size_t n, uint8_t out[SHA256_DIGEST_SIZE]);

/*
 * Writes the digest of data as 64 lower-case hex digits and a NUL into
 * hex (at least 2 * SHA256_DIGEST_SIZE + 1 octets).
 */
void sha256_hex(const void *data, size_t n, char *hex);

#endif
