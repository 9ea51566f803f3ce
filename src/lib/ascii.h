/*
 * ascii.h: case-insensitive comparison of protocol words (verbs, keywords,
 * mechanism names, addresses), ASCII only as RFC 5321 2.4 and RFC 1939
 * section 3 mean it, whatever the locale. Not strcasecmp(3): that reads
 * the locale's tolower table, in a part of libc.so's read-only data that
 * nothing else a session does touches, and the kernel maps 64 KiB of a
 * library around each page a process touches.
 */
#ifndef POSTERN_ASCII_H
#define POSTERN_ASCII_H

#include <stddef.h>

static inline unsigned char ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Like strncasecmp(3) in the C locale: <0, 0 or >0. */
static inline int ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;
	size_t i;

	for (i = 0; i < n; i++) {
		int d = ascii_lower(x[i]) - ascii_lower(y[i]);

		if (d != 0 || x[i] == '\0')
			return d;
	}
	return 0;
}

/* Like strcasecmp(3) in the C locale: <0, 0 or >0. */
static inline int ascii_casecmp(const char *a, const char *b)
{
	return ascii_ncasecmp(a, b, (size_t)-1);
}

#endif
