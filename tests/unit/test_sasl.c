/*
 * test_sasl.c: SASL PLAIN (RFC 4616) and LOGIN decoding: the seed's
 * AUTH LOGIN values, authzid handling, every forbidden byte, length limits
 * at N and N+1, bad base64, the "*" cancel and a one-character password.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "base64.h"
#include "sasl.h"

/* Encodes n raw octets and decodes them as a PLAIN response. */
static enum sasl_status plain(const char *raw, size_t n, struct sasl_creds *cr)
{
	static char b64[BASE64_ENCODED_SIZE(2048)];

	cr_assert(n <= 2048);
	cr_assert_geq(base64_encode(raw, n, b64, sizeof b64), 0);
	return sasl_plain_decode(b64, strlen(b64), cr);
}

/* Encodes n raw octets and decodes them as one LOGIN step. */
static enum sasl_status login_step(const char *raw, size_t n, char *out,
				   size_t outsize)
{
	static char b64[BASE64_ENCODED_SIZE(2048)];

	cr_assert(n <= 2048);
	cr_assert_geq(base64_encode(raw, n, b64, sizeof b64), 0);
	return sasl_login_decode(b64, strlen(b64), out, outsize);
}

#define PLAIN(lit, cr) plain(lit, sizeof lit - 1, cr)

static bool all_zero(const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n-- > 0)
		if (*c++ != 0)
			return false;
	return true;
}

Test(sasl, login_seed_values)
{
	char out[POSTERN_MAX_LOGIN + 1];

	cr_assert_eq(sasl_login_decode("d2VsZG9u", 8, out, sizeof out),
		     SASL_OK);
	cr_assert_str_eq(out, "weldon");
	cr_assert_eq(sasl_login_decode("dzNsZDBu", 8, out, sizeof out),
		     SASL_OK);
	cr_assert_str_eq(out, "w3ld0n");
}

Test(sasl, plain_without_authzid)
{
	struct sasl_creds cr;

	/* literal base64, so that this does not lean on base64_encode */
	cr_assert_eq(sasl_plain_decode("AHdlbGRvbgB3M2xkMG4=", 20, &cr),
		     SASL_OK);
	cr_assert_str_eq(cr.login, "weldon");
	cr_assert_str_eq(cr.password, "w3ld0n");
	sasl_wipe(&cr);
	cr_assert(all_zero(&cr, sizeof cr));
}

Test(sasl, plain_with_equal_authzid)
{
	struct sasl_creds cr;

	cr_assert_eq(PLAIN("weldon\0weldon\0w3ld0n", &cr), SASL_OK);
	cr_assert_str_eq(cr.login, "weldon");
	cr_assert_str_eq(cr.password, "w3ld0n");
}

Test(sasl, plain_mismatching_authzid)
{
	struct sasl_creds cr;

	cr_assert_eq(PLAIN("admin\0weldon\0w3ld0n", &cr), SASL_BAD_CREDS);
	cr_assert(all_zero(&cr, sizeof cr));
	/* byte for byte: case and prefixes differ too */
	cr_assert_eq(PLAIN("Weldon\0weldon\0w3ld0n", &cr), SASL_BAD_CREDS);
	cr_assert_eq(PLAIN("weldo\0weldon\0w3ld0n", &cr), SASL_BAD_CREDS);
	cr_assert_eq(PLAIN("weldonx\0weldon\0w3ld0n", &cr), SASL_BAD_CREDS);
}

Test(sasl, plain_wrong_number_of_separators)
{
	struct sasl_creds cr;

	cr_assert_eq(PLAIN("weldon", &cr), SASL_BAD_CREDS);
	cr_assert_eq(PLAIN("weldon\0w3ld0n", &cr), SASL_BAD_CREDS);
	cr_assert_eq(PLAIN("\0weldon\0w3\0ld0n", &cr), SASL_BAD_CREDS);
	cr_assert_eq(PLAIN("\0weldon\0w3ld0n\0", &cr), SASL_BAD_CREDS);
	cr_assert_eq(PLAIN("\0\0weldon\0w3ld0n", &cr), SASL_BAD_CREDS);
}

Test(sasl, plain_empty_parts)
{
	struct sasl_creds cr;

	cr_assert_eq(PLAIN("\0\0w3ld0n", &cr), SASL_BAD_CREDS);
	cr_assert_eq(PLAIN("\0weldon\0", &cr), SASL_BAD_CREDS);
	cr_assert_eq(PLAIN("\0\0", &cr), SASL_BAD_CREDS);
	cr_assert_eq(sasl_plain_decode("", 0, &cr), SASL_BAD_CREDS);
}

Test(sasl, one_character_password)
{
	struct sasl_creds cr;
	char out[POSTERN_MAX_PASSWORD + 1];

	cr_assert_eq(PLAIN("\0weldon\0x", &cr), SASL_OK);
	cr_assert_str_eq(cr.password, "x");
	cr_assert_eq(login_step("x", 1, out, sizeof out), SASL_OK);
	cr_assert_str_eq(out, "x");
}

Test(sasl, forbidden_bytes)
{
	static const char forbidden[] = { '\r', '\n', ':', '\0' };
	struct sasl_creds cr;
	char raw[64], out[64];
	size_t i;

	for (i = 0; i < sizeof forbidden; i++) {
		char c = forbidden[i];

		/* in the login: "\0wel?don\0pw" */
		memcpy(raw, "\0wel?don\0pw", 12);
		raw[4] = c;
		cr_assert_eq(plain(raw, 11, &cr), SASL_BAD_CREDS, "login %d",
			     c);
		/* in the password: "\0weldon\0p?w" */
		memcpy(raw, "\0weldon\0p?w", 12);
		raw[9] = c;
		cr_assert_eq(plain(raw, 11, &cr), SASL_BAD_CREDS, "pass %d", c);
		/* alone, at either end and inside a LOGIN step */
		memcpy(raw, "?ab?cd?", 7);
		raw[0] = c;
		cr_assert_eq(login_step(raw, 1, out, sizeof out),
			     SASL_BAD_CREDS, "alone %d", c);
		cr_assert_eq(login_step(raw, 3, out, sizeof out),
			     SASL_BAD_CREDS, "start %d", c);
		memcpy(raw, "ab?cd", 5);
		raw[2] = c;
		cr_assert_eq(login_step(raw, 5, out, sizeof out),
			     SASL_BAD_CREDS, "inside %d", c);
		cr_assert_str_eq(out, "");
		raw[2] = 'x';
		raw[4] = c;
		cr_assert_eq(login_step(raw, 5, out, sizeof out),
			     SASL_BAD_CREDS, "end %d", c);
	}
	/* other controls, space and 8-bit octets may be in a password */
	cr_assert_eq(PLAIN("\0weldon\0a b\t\x01\xc3\xa9", &cr), SASL_OK);
	cr_assert_str_eq(cr.password, "a b\t\x01\xc3\xa9");
}

Test(sasl, plain_length_limits)
{
	static char raw[2 + POSTERN_MAX_LOGIN * 2 + POSTERN_MAX_PASSWORD + 8];
	struct sasl_creds cr;
	size_t n;

	/* login at N and N+1 (password "pw") */
	for (n = POSTERN_MAX_LOGIN - 1; n <= POSTERN_MAX_LOGIN + 1; n++) {
		raw[0] = '\0';
		memset(raw + 1, 'l', n);
		memcpy(raw + 1 + n, "\0pw", 3);
		cr_assert_eq(plain(raw, n + 4, &cr),
			     n <= POSTERN_MAX_LOGIN ? SASL_OK : SASL_BAD_CREDS,
			     "login length %zu", n);
		if (n <= POSTERN_MAX_LOGIN)
			cr_assert_eq(strlen(cr.login), n);
	}
	/* password at N and N+1 */
	for (n = POSTERN_MAX_PASSWORD - 1; n <= POSTERN_MAX_PASSWORD + 1; n++) {
		memcpy(raw, "\0u\0", 3);
		memset(raw + 3, 'p', n);
		cr_assert_eq(plain(raw, n + 3, &cr),
			     n <= POSTERN_MAX_PASSWORD ? SASL_OK
						       : SASL_BAD_CREDS,
			     "password length %zu", n);
		if (n <= POSTERN_MAX_PASSWORD)
			cr_assert_eq(strlen(cr.password), n);
	}
	/* the largest message: authzid = login, both and password at max */
	memset(raw, 'l', POSTERN_MAX_LOGIN);
	raw[POSTERN_MAX_LOGIN] = '\0';
	memset(raw + POSTERN_MAX_LOGIN + 1, 'l', POSTERN_MAX_LOGIN);
	n = 2 * POSTERN_MAX_LOGIN + 1;
	raw[n++] = '\0';
	memset(raw + n, 'p', POSTERN_MAX_PASSWORD);
	n += POSTERN_MAX_PASSWORD;
	cr_assert_eq(plain(raw, n, &cr), SASL_OK);
	raw[n] = 'p';
	cr_assert_eq(plain(raw, n + 1, &cr), SASL_BAD_CREDS);
}

Test(sasl, login_length_limits)
{
	static char raw[POSTERN_MAX_LOGIN + 8];
	char out[POSTERN_MAX_LOGIN + 1], small[4];
	size_t n;

	memset(raw, 'a', sizeof raw);
	for (n = POSTERN_MAX_LOGIN - 1; n <= POSTERN_MAX_LOGIN + 1; n++)
		cr_assert_eq(login_step(raw, n, out, sizeof out),
			     n <= POSTERN_MAX_LOGIN ? SASL_OK : SASL_BAD_CREDS,
			     "length %zu", n);
	/* the caller's buffer bounds it too: 3 octets and the NUL */
	cr_assert_eq(login_step(raw, 3, small, sizeof small), SASL_OK);
	cr_assert_str_eq(small, "aaa");
	cr_assert_eq(login_step(raw, 4, small, sizeof small), SASL_BAD_CREDS);
	cr_assert_eq(login_step(raw, 1, small, 0), SASL_BAD_CREDS);
}

Test(sasl, login_empty)
{
	char out[16];

	cr_assert_eq(sasl_login_decode("", 0, out, sizeof out), SASL_BAD_CREDS);
}

Test(sasl, bad_base64)
{
	static const char *const bad[] = {
		"d2VsZG9", "d2VsZG9u=", "d2Vs ZG9u", "d2VsZG9u\r", "!!!!",
		"=",       "ZB==",      "**",        "*d2VsZG9u",  "d2VsZG9u*",
	};
	struct sasl_creds cr;
	char out[64];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_assert_eq(sasl_login_decode(bad[i], strlen(bad[i]), out,
					       sizeof out),
			     SASL_BAD_BASE64, "LOGIN %s", bad[i]);
		cr_assert_eq(sasl_plain_decode(bad[i], strlen(bad[i]), &cr),
			     SASL_BAD_BASE64, "PLAIN %s", bad[i]);
	}
}

Test(sasl, long_input_too_long_or_bad_base64)
{
	static char b64[POSTERN_SMTP_MAX_AUTH_LINE + 1];
	struct sasl_creds cr;
	char out[64];

	/* valid base64 far beyond any credential: too long, not bad */
	memset(b64, 'A', POSTERN_SMTP_MAX_AUTH_LINE);
	cr_assert_eq(sasl_plain_decode(b64, POSTERN_SMTP_MAX_AUTH_LINE, &cr),
		     SASL_BAD_CREDS);
	cr_assert_eq(sasl_login_decode(b64, POSTERN_SMTP_MAX_AUTH_LINE, out,
				       sizeof out),
		     SASL_BAD_CREDS);
	/* padding at the very end is still base64 */
	memcpy(b64 + POSTERN_SMTP_MAX_AUTH_LINE - 4, "Zg==", 4);
	cr_assert_eq(sasl_plain_decode(b64, POSTERN_SMTP_MAX_AUTH_LINE, &cr),
		     SASL_BAD_CREDS);
	/* one bad character, padding in the middle, a ragged end */
	b64[100] = '!';
	cr_assert_eq(sasl_plain_decode(b64, POSTERN_SMTP_MAX_AUTH_LINE, &cr),
		     SASL_BAD_BASE64);
	memcpy(b64 + 100, "Zg==", 4);
	cr_assert_eq(sasl_login_decode(b64, POSTERN_SMTP_MAX_AUTH_LINE, out,
				       sizeof out),
		     SASL_BAD_BASE64);
	memset(b64, 'A', POSTERN_SMTP_MAX_AUTH_LINE);
	cr_assert_eq(
		sasl_plain_decode(b64, POSTERN_SMTP_MAX_AUTH_LINE - 1, &cr),
		SASL_BAD_BASE64);
}

Test(sasl, cancel)
{
	struct sasl_creds cr;
	char out[16];

	cr_assert_eq(sasl_plain_decode("*", 1, &cr), SASL_CANCEL);
	cr_assert_eq(sasl_login_decode("*", 1, out, sizeof out), SASL_CANCEL);
	/* "*" is recognised by length, not as a C string prefix */
	cr_assert_eq(sasl_login_decode("*AAA", 1, out, sizeof out),
		     SASL_CANCEL);
	cr_assert_eq(sasl_login_decode("*AAA", 4, out, sizeof out),
		     SASL_BAD_BASE64);
}

Test(sasl, valid_credential)
{
	cr_assert(sasl_valid_credential("weldon", 6));
	cr_assert(sasl_valid_credential("a b", 3));
	cr_assert(sasl_valid_credential("krissyj@example.com", 19));
	cr_assert(!sasl_valid_credential("", 0));
	cr_assert(!sasl_valid_credential("a\0b", 3));
	cr_assert(!sasl_valid_credential("a\rb", 3));
	cr_assert(!sasl_valid_credential("a\nb", 3));
	cr_assert(!sasl_valid_credential("a:b", 3));
	/* n bounds the check: the NUL after "ab" is not looked at */
	cr_assert(sasl_valid_credential("ab\0", 2));
}
