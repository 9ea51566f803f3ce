/*
 * userfile_password.c: the password check of a looked-up account. crypt_rn()
 * runs whatever the account (an unknown login has a dummy hash of the same
 * cost), and the result is compared in full, so neither a missing login nor
 * the place of a first wrong octet shows in the time taken.
 */
#include <crypt.h>
#include <string.h>

#include "userfile.h"

/* Compares all of the stored hash whatever the first difference. */
static bool uf_equal(const char *computed, const char *stored)
{
	size_t lc = strlen(computed), ls = strlen(stored), i;
	volatile unsigned char diff = (unsigned char)(lc != ls);

	for (i = 0; i < ls; i++)
		diff |= (unsigned char)(stored[i] ^ (i < lc ? computed[i] : 0));
	return diff == 0;
}

bool userfile_check_password(const struct user *u, const char *password)
{
	struct crypt_data data;
	const char *out;
	bool ok;

	if (password == NULL || strlen(password) > POSTERN_MAX_PASSWORD)
		return false;
	memset(&data, 0, sizeof(data));
	out = crypt_rn(password, u->hash, &data, (int)sizeof(data));
	/* libxcrypt fails with NULL or a "*..." token, never a match. */
	ok = out != NULL && out[0] != '*' && u->login[0] != '\0' &&
	     !u->locked && uf_equal(out, u->hash);
	explicit_bzero(&data, sizeof(data));
	return ok;
}
