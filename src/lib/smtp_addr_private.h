/*
 * smtp_addr_private.h: what smtp_addr.c (the argument) and smtp_addr_path.c
 * (the path grammar) share; not for use outside the smtp_addr module.
 * Character classes are ASCII only and never depend on the locale.
 */
#ifndef POSTERN_SMTP_ADDR_PRIVATE_H
#define POSTERN_SMTP_ADDR_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "smtp_addr.h"

/* True for an ASCII letter or digit (RFC 5234 ALPHA / DIGIT). */
static inline bool smtp_addr_is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* True for RFC 5322 3.2.3 atext: what a Dot-string atom is made of. */
static inline bool smtp_addr_is_atext(unsigned char c)
{
	return smtp_addr_is_alnum(c) ||
	       (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/* True for printable ASCII, SP included (%d32-126). */
static inline bool smtp_addr_is_print(unsigned char c)
{
	return c >= 32 && c <= 126;
}

/*
 * Parses the path s[0..len) (without its angle brackets; bracketed says
 * whether it had them) into *p: "" is the null path (only when bracketed
 * and allow_null), "Postmaster" alone needs allow_postmaster, a source
 * route is checked and dropped. Returns SMTP_ADDR_8BIT for any byte
 * >= 0x80, SMTP_ADDR_TOO_LONG past the RFC 5321 4.5.3.1 limits,
 * SMTP_ADDR_SYNTAX otherwise when invalid. Reads only s[0..len); on
 * failure *p may be partly written.
 */
enum smtp_addr_status smtp_addr_parse_path(const char *s, size_t len,
					   bool bracketed, bool allow_null,
					   bool allow_postmaster,
					   struct smtp_path *p);

/*
 * True when s[0..len) is an RFC 5321 Domain (dns_only) or also an
 * address-literal (!dns_only). Does not check the 255-octet limit.
 */
bool smtp_addr_domain_ok(const char *s, size_t len, bool dns_only);

#endif
