/*
 * smtp_addr.h: parsing of the MAIL FROM: and RCPT TO: arguments (RFC 5321
 * 4.1.2, 4.5.3.1) into a path and ESMTP parameters, in strict mode (only
 * "<path>") or lax mode (also a bare address or "phrase <path>"). The parser
 * never reads past the string and never writes past its outputs.
 */
#ifndef POSTERN_SMTP_ADDR_H
#define POSTERN_SMTP_ADDR_H

#include <stdbool.h>
#include <stddef.h>

#include "postern_limits.h"

enum smtp_addr_status {
	SMTP_ADDR_OK = 0,
	SMTP_ADDR_SYNTAX,     /* not a valid path (501 5.1.7 / 5.1.3) */
	SMTP_ADDR_NOT_STRICT, /* a lax form while strict mode is on (501) */
	SMTP_ADDR_TOO_LONG,   /* local part > 64, domain > 255, path > 256 */
	SMTP_ADDR_8BIT,       /* a byte >= 0x80 in the path (553 5.6.7) */
	SMTP_ADDR_BAD_PARAM   /* malformed ESMTP parameter (501 5.5.4) */
};

struct smtp_path {
	bool null_path; /* "<>" */
	/* local part as it goes into headers and logs: a dot-string, or a
	   quoted-string with its quotes (RFC 5321 4.1.2); the 64-octet limit
	   of 4.5.3.1.1 applies to it as written, quotes included */
	char local[POSTERN_MAX_LOCAL_PART + 3];
	/* the local part with quoting removed, for lookups */
	char local_unquoted[POSTERN_MAX_LOCAL_PART + 1];
	/* domain or address literal as written ("" for a bare postmaster) */
	char domain[POSTERN_MAX_DOMAIN + 1];
	/* "local@domain", "" for the null path, "Postmaster" alone */
	char addr[POSTERN_MAX_PATH + 1];
};

/* An ESMTP parameter; key and value point into the caller's argument. */
struct smtp_param {
	const char *key;
	const char *value; /* NULL when the parameter has no "=value" */
};

/*
 * Parses arg, the text after "FROM:" or "TO:" (leading spaces allowed, as
 * INTERFACE.md says for both modes). arg is modified: parameter keys and
 * values are NUL-terminated in place. allow_null accepts "<>" (MAIL);
 * allow_postmaster accepts "<Postmaster>" with no domain (RCPT, RFC 5321
 * 4.5.1, any case). Source routes "<@a,@b:user@c>" are accepted and
 * dropped. At most max_params parameters are returned; more is
 * SMTP_ADDR_BAD_PARAM. A parameter's key is esmtp-keyword, its value
 * esmtp-value (RFC 5321 4.1.2): "KEY=" with nothing after, "=", "=x" and
 * values with control characters or '=' are SMTP_ADDR_BAD_PARAM; runs of
 * spaces between and after parameters are tolerated. In strict mode, a
 * bare address or "phrase <path>" that lax mode would accept is
 * SMTP_ADDR_NOT_STRICT; one lax mode would reject keeps its own error.
 * A byte >= 0x80 in a delimited path is SMTP_ADDR_8BIT, whatever else is
 * wrong with the path (so that smtpd can answer 553 5.6.7).
 * Returns SMTP_ADDR_OK and fills *path_r and params[0..*n_params_r); on
 * any error *path_r is all empty and *n_params_r is 0.
 */
enum smtp_addr_status smtp_addr_parse(char *arg, bool strict, bool allow_null,
				      bool allow_postmaster,
				      struct smtp_path *path_r,
				      struct smtp_param *params,
				      size_t max_params, size_t *n_params_r);

/*
 * True when s is a syntactically valid domain (RFC 5321 Domain) or address
 * literal ("[192.0.2.1]", "[IPv6:...]"), at most 255 octets. For checking
 * the HELO/EHLO argument before it reaches a Received header.
 */
bool smtp_addr_valid_domain(const char *s);

#endif
