/*
 * base64.c: RFC 4648 section 4 base64 for SASL (RFC 4954, RFC 5034).
 * Decoding is strict (RFC 4648 section 3.3: reject what is not in the
 * alphabet; section 3.5: reject non-zero pad bits), so that one string has
 * only one meaning and nothing can be smuggled past the checks after it.
 */
#include <stdint.h>
#include <string.h>

#include "base64.h"

static const char b64_alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* The largest result we report: it must fit in ssize_t. */
#define B64_MAX_RESULT ((size_t)PTRDIFF_MAX)

ssize_t base64_encode(const void *in, size_t n, char *out, size_t outsize)
{
	const unsigned char *p = in;
	size_t i, o = 0;

	/* 4 * ceil(n / 3) + 1 must neither wrap nor exceed outsize. */
	if (n / 3 >= (B64_MAX_RESULT - 5) / 4 ||
	    BASE64_ENCODED_SIZE(n) > outsize)
		return -1;
	for (i = 0; i + 2 < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 |
			     p[i + 2];

		out[o++] = b64_alphabet[v >> 18];
		out[o++] = b64_alphabet[(v >> 12) & 63];
		out[o++] = b64_alphabet[(v >> 6) & 63];
		out[o++] = b64_alphabet[v & 63];
	}
	if (i < n) {
		/* RFC 4648 section 4: one or two bytes left get "==" or "=". */
		uint32_t v = (uint32_t)p[i] << 16;

		if (i + 1 < n)
			v |= (uint32_t)p[i + 1] << 8;
		out[o++] = b64_alphabet[v >> 18];
		out[o++] = b64_alphabet[(v >> 12) & 63];
		out[o++] = i + 1 < n ? b64_alphabet[(v >> 6) & 63] : '=';
		out[o++] = '=';
	}
	out[o] = '\0';
	return (ssize_t)o;
}

/* The 6-bit value of c, or -1 when c is not in the alphabet. */
static int b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * Decodes the last quartet q (which may end in "=" or "==") into out.
 * Returns the number of bytes (1 to 3) or -1.
 */
static int b64_decode_last(const unsigned char *q, unsigned char *out,
			   size_t room)
{
	int a = b64_value(q[0]), b = b64_value(q[1]);
	int c = q[2] == '=' ? 0 : b64_value(q[2]);
	int d = q[3] == '=' ? 0 : b64_value(q[3]);
	int len = q[2] == '=' ? 1 : q[3] == '=' ? 2 : 3;

	/* "x=y=" and "xy=z" put padding before data: not base64. */
	if (a < 0 || b < 0 || c < 0 || d < 0 || (q[2] == '=' && q[3] != '='))
		return -1;
	/* RFC 4648 section 3.5: the bits under the padding must be zero. */
	if ((len == 1 && (b & 15) != 0) || (len == 2 && (c & 3) != 0))
		return -1;
	if ((size_t)len > room)
		return -1;
	out[0] = (unsigned char)(a << 2 | b >> 4);
	if (len > 1)
		out[1] = (unsigned char)((b & 15) << 4 | c >> 2);
	if (len > 2)
		out[2] = (unsigned char)((c & 3) << 6 | d);
	return len;
}

ssize_t base64_decode(const char *in, size_t n, void *out, size_t outsize)
{
	const unsigned char *p = (const unsigned char *)in;
	unsigned char *o = out;
	size_t i, len = 0;
	int last;

	/* RFC 4648 section 4: the encoding is always whole quartets. */
	if (n % 4 != 0)
		return -1;
	if (n == 0)
		return 0;
	for (i = 0; i + 4 < n; i += 4) {
		int a = b64_value(p[i]), b = b64_value(p[i + 1]);
		int c = b64_value(p[i + 2]), d = b64_value(p[i + 3]);

		/* '=' is not in the alphabet: padding only in the last one. */
		if (a < 0 || b < 0 || c < 0 || d < 0 || outsize - len < 3)
			return -1;
		o[len++] = (unsigned char)(a << 2 | b >> 4);
		o[len++] = (unsigned char)((b & 15) << 4 | c >> 2);
		o[len++] = (unsigned char)((c & 3) << 6 | d);
	}
	last = b64_decode_last(p + i, o + len, outsize - len);
	if (last < 0)
		return -1;
	return (ssize_t)(len + (size_t)last);
}
