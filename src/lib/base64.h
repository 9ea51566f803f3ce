/*
 * base64.h: RFC 4648 section 4 base64. Decoding is strict: characters
 * outside the alphabet, white space, missing or misplaced padding, and
 * non-zero pad bits are errors.
 */
#ifndef POSTERN_BASE64_H
#define POSTERN_BASE64_H

#include <stddef.h>
#include <sys/types.h>

/* Octets needed to encode n bytes, with the terminating NUL. */
#define BASE64_ENCODED_SIZE(n) ((((n) + 2) / 3) * 4 + 1)

/*
 * Encodes n bytes of in into out (outsize bytes), NUL-terminated, with "="
 * padding and no line breaks. Returns the length of the encoding (without
 * the NUL), or -1 when it does not fit: outsize must be at least
 * BASE64_ENCODED_SIZE(n).
 */
ssize_t base64_encode(const void *in, size_t n, char *out, size_t outsize);

/*
 * Decodes the n characters of in into out (outsize bytes). Returns the
 * number of bytes decoded, or -1 when in is not valid base64 or the result
 * does not fit in outsize. The empty string decodes to 0 bytes. out is not
 * NUL-terminated. On -1, out may hold part of the decoding: a caller
 * decoding secrets wipes it either way.
 */
ssize_t base64_decode(const char *in, size_t n, void *out, size_t outsize);

#endif
