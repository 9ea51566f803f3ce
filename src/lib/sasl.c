/*
 * sasl.c: decodes SASL PLAIN (RFC 4616) and LOGIN responses into a login
 * and a password, refusing anything that could not be a credential before
 * it reaches a lookup, a log or crypt(3). Every buffer that held decoded
 * bytes is wiped with explicit_bzero before it goes out of scope.
 */
#include <string.h>

#include "base64.h"
#include "sasl.h"

/* RFC 4616 section 2: authzid NUL authcid NUL passwd, each bounded. */
#define SASL_PLAIN_MAX                                                         \
	(POSTERN_MAX_LOGIN + 1 + POSTERN_MAX_LOGIN + 1 + POSTERN_MAX_PASSWORD)
/* One LOGIN step carries either a login or a password. */
#define SASL_LOGIN_MAX                                                         \
	(POSTERN_MAX_LOGIN > POSTERN_MAX_PASSWORD ? POSTERN_MAX_LOGIN          \
						  : POSTERN_MAX_PASSWORD)

/*
 * True when b64 is well-formed base64, whatever its length: tells a
 * response too long to be a credential (SASL_BAD_CREDS) from one that is
 * not base64 at all (SASL_BAD_BASE64). Decodes quartet by quartet so that
 * no input length needs a bigger buffer.
 */
static int sasl_is_base64(const char *b64, size_t n)
{
	unsigned char tmp[3];
	size_t i;
	int ok = n % 4 == 0;

	for (i = 0; ok && i < n; i += 4) {
		ssize_t r = base64_decode(b64 + i, 4, tmp, sizeof tmp);

		/* padding is allowed only in the last quartet */
		ok = r == 3 || (r > 0 && i + 4 == n);
	}
	explicit_bzero(tmp, sizeof tmp);
	return ok;
}

/*
 * Decodes b64 into buf (size bytes) and stores the length in *len_r.
 * "*" alone is the client's cancel (RFC 4954 section 4, RFC 5034
 * section 4), recognised before decoding since it is not base64.
 */
static enum sasl_status sasl_decode(const char *b64, size_t n,
				    unsigned char *buf, size_t size,
				    size_t *len_r)
{
	ssize_t r;

	if (n == 1 && b64[0] == '*')
		return SASL_CANCEL;
	r = base64_decode(b64, n, buf, size);
	if (r >= 0) {
		*len_r = (size_t)r;
		return SASL_OK;
	}
	return sasl_is_base64(b64, n) ? SASL_BAD_CREDS : SASL_BAD_BASE64;
}

int sasl_valid_credential(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	/* NUL would cut a C string short; CR and LF would forge log or file
	   lines; ':' separates the fields of the user file. */
	for (i = 0; i < n; i++)
		if (s[i] == '\0' || s[i] == '\r' || s[i] == '\n' || s[i] == ':')
			return 0;
	return 1;
}

/* Splits and checks a decoded PLAIN message (m, len bytes) into cr. */
static enum sasl_status sasl_plain_split(const unsigned char *m, size_t len,
					 struct sasl_creds *cr)
{
	const unsigned char *nul1, *nul2, *login, *pass;
	size_t zlen, llen, plen;

	nul1 = memchr(m, '\0', len);
	if (nul1 == NULL)
		return SASL_BAD_CREDS;
	nul2 = memchr(nul1 + 1, '\0', len - (size_t)(nul1 + 1 - m));
	if (nul2 == NULL)
		return SASL_BAD_CREDS;
	zlen = (size_t)(nul1 - m);
	login = nul1 + 1;
	llen = (size_t)(nul2 - login);
	pass = nul2 + 1;
	plen = len - (size_t)(pass - m);
	/* A third NUL makes the password fail sasl_valid_credential. */
	if (llen > POSTERN_MAX_LOGIN || plen > POSTERN_MAX_PASSWORD ||
	    !sasl_valid_credential((const char *)login, llen) ||
	    !sasl_valid_credential((const char *)pass, plen))
		return SASL_BAD_CREDS;
	/* RFC 4616 section 2: we act only as the identity that proved
	   itself, so an authzid must be empty or name that same login. */
	if (zlen != 0 && (zlen != llen || memcmp(m, login, llen) != 0))
		return SASL_BAD_CREDS;
	memcpy(cr->login, login, llen);
	cr->login[llen] = '\0';
	memcpy(cr->password, pass, plen);
	cr->password[plen] = '\0';
	return SASL_OK;
}

enum sasl_status sasl_plain_decode(const char *b64, size_t n,
				   struct sasl_creds *cr)
{
	unsigned char buf[SASL_PLAIN_MAX];
	size_t len = 0;
	enum sasl_status st;

	sasl_wipe(cr);
	st = sasl_decode(b64, n, buf, sizeof buf, &len);
	if (st == SASL_OK)
		st = sasl_plain_split(buf, len, cr);
	if (st != SASL_OK)
		sasl_wipe(cr);
	explicit_bzero(buf, sizeof buf);
	return st;
}

enum sasl_status sasl_login_decode(const char *b64, size_t n, char *out,
				   size_t outsize)
{
	unsigned char buf[SASL_LOGIN_MAX];
	size_t len = 0;
	enum sasl_status st;

	if (outsize == 0)
		return SASL_BAD_CREDS;
	out[0] = '\0';
	st = sasl_decode(b64, n, buf, sizeof buf, &len);
	if (st == SASL_OK &&
	    (len >= outsize || !sasl_valid_credential((char *)buf, len)))
		st = SASL_BAD_CREDS;
	if (st == SASL_OK) {
		memcpy(out, buf, len);
		out[len] = '\0';
	}
	explicit_bzero(buf, sizeof buf);
	return st;
}

void sasl_wipe(struct sasl_creds *cr)
{
	explicit_bzero(cr, sizeof *cr);
}
