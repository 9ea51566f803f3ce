/*
 * smtp_addr_path.c: the RFC 5321 4.1.2 path grammar (source route,
 * Local-part as Dot-string or Quoted-string, Domain), the 4.1.3 address
 * literals and the 4.5.3.1 size limits. Every function reads only the
 * slice it is given; every copy into struct smtp_path is checked first.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "smtp_addr.h"
#include "smtp_addr_private.h"

/* RFC 1035 2.3.4: a DNS label is at most 63 octets. */
#define DNS_MAX_LABEL 63

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* ASCII-only case-insensitive comparison of n bytes (no locale). */
static bool ascii_caseeq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

/*
 * Domain = sub-domain *("." sub-domain), sub-domain = Let-dig [Ldh-str]:
 * labels of letters, digits and inner hyphens, none empty (so no leading,
 * double or trailing dot), each at most DNS_MAX_LABEL.
 */
static bool dns_domain_ok(const char *s, size_t len)
{
	size_t i = 0;

	for (;;) {
		size_t start = i;

		while (i < len &&
		       (smtp_addr_is_alnum((unsigned char)s[i]) || s[i] == '-'))
			i++;
		if (i == start || i - start > DNS_MAX_LABEL ||
		    s[start] == '-' || s[i - 1] == '-')
			return false;
		if (i == len)
			return true;
		if (s[i] != '.')
			return false;
		i++;
	}
}

/* IPv4-address-literal = Snum 3("." Snum), Snum = 1*3DIGIT, 0..255. */
static bool ipv4_ok(const char *s, size_t len)
{
	size_t i = 0;

	for (int part = 0; part < 4; part++) {
		unsigned value = 0;
		size_t digits = 0;

		if (part > 0) {
			if (i >= len || s[i] != '.')
				return false;
			i++;
		}
		while (i < len && digits < 3 && is_digit((unsigned char)s[i])) {
			value = value * 10 + (unsigned)(s[i] - '0');
			i++;
			digits++;
		}
		if (digits == 0 || value > 255)
			return false;
	}
	return i == len;
}

/*
 * IPv6-addr (4.1.3: IPv6-full, -comp, IPv6v4-full, -comp) is checked by
 * inet_pton(), which needs a C string: the copy is bounded by the longest
 * textual IPv6 address.
 */
static bool ipv6_ok(const char *s, size_t len)
{
	char buf[INET6_ADDRSTRLEN];
	struct in6_addr addr;

	if (len == 0 || len >= sizeof(buf))
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return inet_pton(AF_INET6, buf, &addr) == 1;
}

/*
 * General-address-literal = Standardized-tag ":" 1*dcontent, the tag an
 * Ldh-str (ending in a letter or digit), dcontent = %d33-90 / %d94-126.
 */
static bool general_ok(const char *tag, size_t taglen, const char *s,
		       size_t len)
{
	if (taglen == 0 || tag[taglen - 1] == '-' || len == 0)
		return false;
	for (size_t i = 0; i < taglen; i++)
		if (!smtp_addr_is_alnum((unsigned char)tag[i]) && tag[i] != '-')
			return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 33 || c > 126 || c == '[' || c == '\\' || c == ']')
			return false;
	}
	return true;
}

/* address-literal = "[" ( IPv4 / IPv6 / General ) "]" (4.1.3). */
static bool literal_ok(const char *s, size_t len)
{
	const char *in = s + 1, *colon;
	size_t n;

	if (len < 3 || s[0] != '[' || s[len - 1] != ']')
		return false;
	n = len - 2;
	if (ipv4_ok(in, n))
		return true;
	colon = memchr(in, ':', n);
	if (colon == NULL)
		return false;
	/* ABNF strings are case-insensitive (RFC 5234 2.3): "ipv6:" too. */
	if (colon - in == 4 && ascii_caseeq(in, "IPv6", 4))
		return ipv6_ok(colon + 1, n - 5);
	return general_ok(in, (size_t)(colon - in), colon + 1,
			  n - (size_t)(colon - in) - 1);
}

bool smtp_addr_domain_ok(const char *s, size_t len, bool dns_only)
{
	if (!dns_only && len > 0 && s[0] == '[')
		return literal_ok(s, len);
	return dns_domain_ok(s, len);
}

bool smtp_addr_valid_domain(const char *s)
{
	size_t len = strnlen(s, POSTERN_MAX_DOMAIN + 1);

	return len <= POSTERN_MAX_DOMAIN && smtp_addr_domain_ok(s, len, false);
}

/*
 * The Local-part at the start of s[0..len): a Quoted-string (qtextSMTP,
 * quoted-pairSMTP: printable ASCII, '"' and '\' only escaped) or a
 * Dot-string (atoms of atext joined by single dots). Returns its length,
 * 0 when there is none.
 */
static size_t local_span(const char *s, size_t len)
{
	size_t i = 0;

	if (len > 0 && s[0] == '"') {
		for (i = 1; i < len; i++) {
			unsigned char c = (unsigned char)s[i];

			if (c == '"')
				return i + 1;
			if (c == '\\' && i + 1 < len &&
			    smtp_addr_is_print((unsigned char)s[i + 1]))
				i++;
			else if (c == '\\' || !smtp_addr_is_print(c))
				return 0;
		}
		return 0;
	}
	for (;;) {
		size_t start = i;

		while (i < len && smtp_addr_is_atext((unsigned char)s[i]))
			i++;
		if (i == start)
			return 0; /* leading, double or trailing dot */
		if (i == len || s[i] != '.')
			return i;
		i++;
	}
}

/* Copies s[0..len) and a NUL into dst[size]; false when it does not fit. */
static bool copy_out(char *dst, size_t size, const char *s, size_t len)
{
	if (len >= size)
		return false;
	memcpy(dst, s, len);
	dst[len] = '\0';
	return true;
}

/* The valid Local-part s[0..len) without its quotes and backslashes. */
static bool unquote(char *dst, size_t size, const char *s, size_t len)
{
	size_t o = 0;

	if (s[0] != '"')
		return copy_out(dst, size, s, len);
	/* A valid Quoted-string ends in an unescaped '"' at len - 1. */
	for (size_t i = 1; i + 1 < len; i++) {
		if (s[i] == '\\')
			i++;
		if (o + 1 >= size)
			return false;
		dst[o++] = s[i];
	}
	dst[o] = '\0';
	return true;
}

/*
 * "Postmaster" with no domain, any case (RFC 5321 4.5.1, 4.1.1.3): only
 * as a Dot-string, and only where the caller allows it (RCPT).
 */
static enum smtp_addr_status postmaster(const char *s, size_t len, bool allow,
					struct smtp_path *p)
{
	if (!allow || len != 10 || !ascii_caseeq(s, "postmaster", 10))
		return SMTP_ADDR_SYNTAX;
	if (!copy_out(p->local, sizeof(p->local), s, len) ||
	    !copy_out(p->local_unquoted, sizeof(p->local_unquoted), s, len) ||
	    !copy_out(p->addr, sizeof(p->addr), s, len))
		return SMTP_ADDR_TOO_LONG;
	return SMTP_ADDR_OK;
}

/* Mailbox = Local-part "@" ( Domain / address-literal ) */
static enum smtp_addr_status mailbox(const char *s, size_t len,
				     bool allow_postmaster, struct smtp_path *p)
{
	size_t local = local_span(s, len), dlen;
	const char *dom;

	if (local == 0)
		return SMTP_ADDR_SYNTAX;
	if (local > POSTERN_MAX_LOCAL_PART)
		return SMTP_ADDR_TOO_LONG; /* 4.5.3.1.1 */
	if (local == len)
		return postmaster(s, len, allow_postmaster, p);
	if (s[local] != '@')
		return SMTP_ADDR_SYNTAX;
	dom = s + local + 1;
	dlen = len - local - 1;
	if (dlen > POSTERN_MAX_DOMAIN)
		return SMTP_ADDR_TOO_LONG; /* 4.5.3.1.2 */
	if (!smtp_addr_domain_ok(dom, dlen, false))
		return SMTP_ADDR_SYNTAX;
	if (!copy_out(p->local, sizeof(p->local), s, local) ||
	    !unquote(p->local_unquoted, sizeof(p->local_unquoted), s, local) ||
	    !copy_out(p->domain, sizeof(p->domain), dom, dlen) ||
	    !copy_out(p->addr, sizeof(p->addr), s, len))
		return SMTP_ADDR_TOO_LONG;
	return SMTP_ADDR_OK;
}

/*
 * A-d-l = At-domain *( "," At-domain ) ":", At-domain = "@" Domain.
 * Returns the length through the ':', 0 when malformed. The route itself
 * is dropped: RFC 5321 4.1.1.3 and appendix C say servers SHOULD ignore it.
 */
static size_t route_span(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && s[i] == '@') {
		size_t start = ++i;

		while (i < len && s[i] != ',' && s[i] != ':')
			i++;
		if (i == len ||
		    !smtp_addr_domain_ok(s + start, i - start, true))
			return 0;
		if (s[i++] == ':')
			return i;
	}
	return 0;
}

enum smtp_addr_status smtp_addr_parse_path(const char *s, size_t len,
					   bool bracketed, bool allow_null,
					   bool allow_postmaster,
					   struct smtp_path *p)
{
	bool control = false;

	/* 8-bit first, so that smtpd can answer 553 5.6.7 (RFC 6531 3.5)
	   whatever else is wrong with an internationalised address. */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80)
			return SMTP_ADDR_8BIT;
		if (c < 32 || c == 127)
			control = true;
	}
	if (control)
		return SMTP_ADDR_SYNTAX;
	/* 4.5.3.1.3: 256 octets including the angle brackets. */
	if (len > POSTERN_MAX_PATH - 2)
		return SMTP_ADDR_TOO_LONG;
	if (len == 0) {
		if (!bracketed || !allow_null)
			return SMTP_ADDR_SYNTAX;
		p->null_path = true;
		return SMTP_ADDR_OK;
	}
	if (s[0] == '@') {
		size_t route = route_span(s, len);

		if (route == 0)
			return SMTP_ADDR_SYNTAX;
		s += route;
		len -= route;
	}
	return mailbox(s, len, allow_postmaster, p);
}
