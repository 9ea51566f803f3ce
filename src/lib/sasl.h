/*
 * sasl.h: decoding of SASL PLAIN (RFC 4616) and LOGIN responses, shared by
 * smtpd and pop3d. Credentials that hold NUL (beyond PLAIN's separators),
 * CR, LF or ':' are refused here, before any lookup, so that no such byte
 * can reach the user file, a log or crypt(3).
 */
#ifndef POSTERN_SASL_H
#define POSTERN_SASL_H

#include <stddef.h>

#include "postern_limits.h"

enum sasl_status {
	SASL_OK = 0,
	SASL_CANCEL,     /* the client sent "*" (RFC 4954 4, RFC 5034 4) */
	SASL_BAD_BASE64, /* not valid base64 */
	SASL_BAD_CREDS   /* malformed, too long, forbidden bytes, or an
			    authorization identity other than the login */
};

struct sasl_creds {
	char login[POSTERN_MAX_LOGIN + 1];
	char password[POSTERN_MAX_PASSWORD + 1];
};

/*
 * Decodes a PLAIN response (base64 of authzid NUL authcid NUL passwd, the
 * n characters of b64) into cr. The authorization identity must be empty
 * or equal to the login (byte for byte), else SASL_BAD_CREDS: we grant no
 * identity but the one that authenticated. Exactly two NULs; an empty
 * login or password, a login over POSTERN_MAX_LOGIN or a password over
 * POSTERN_MAX_PASSWORD octets, or CR, LF or ':' in either: SASL_BAD_CREDS.
 * "*" alone: SASL_CANCEL. Anything but SASL_OK leaves cr zeroed. The
 * caller wipes cr after use (sasl_wipe).
 */
enum sasl_status sasl_plain_decode(const char *b64, size_t n,
				   struct sasl_creds *cr);

/*
 * Decodes one LOGIN response (the base64 user name or password) into out
 * (outsize bytes, NUL-terminated; pass sizeof cr->login or sizeof
 * cr->password). Results that are empty, hold NUL, CR, LF or ':', or are
 * longer than outsize - 1 or than POSTERN_MAX_LOGIN/POSTERN_MAX_PASSWORD
 * are SASL_BAD_CREDS; "*" alone is SASL_CANCEL. out is "" unless SASL_OK.
 */
enum sasl_status sasl_login_decode(const char *b64, size_t n, char *out,
				   size_t outsize);

/*
 * True when the string s (n bytes) may be a login or password: no NUL, CR,
 * LF or ':' and not empty. Used by POP3 USER/PASS as well; it does not
 * check length (callers compare n with POSTERN_MAX_LOGIN/_PASSWORD).
 */
int sasl_valid_credential(const char *s, size_t n);

/* Wipes cr so that the password does not linger in memory. */
void sasl_wipe(struct sasl_creds *cr);

#endif
