/*
 * userfile_parse.c: the syntax of the user file (INTERFACE.md): which
 * logins are valid, how a login:hash[:maildir] line splits and what each
 * field may hold, and how logins compare. The servers and postern-passwd
 * both judge lines here, so the tool refuses exactly what they refuse.
 */
#include <string.h>

#include "userfile.h"

/* ASCII only: a locale must not make two logins one. */
static int uf_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

bool userfile_login_equal(const char *a, const char *b)
{
	for (; uf_lower((unsigned char)*a) == uf_lower((unsigned char)*b);
	     a++, b++)
		if (*a == '\0')
			return true;
	return false;
}

bool userfile_hash_locked(const char *hash)
{
	return strcmp(hash, "*") == 0 || hash[0] == '!';
}

bool userfile_valid_login(const char *s)
{
	size_t n;

	if (s == NULL)
		return false;
	for (n = 0; s[n] != '\0'; n++) {
		unsigned char c = (unsigned char)s[n];

		if (n >= POSTERN_MAX_LOGIN || c <= 0x20 || c == 0x7f ||
		    c == ':' || c == '/')
			return false;
	}
	return n > 0 && strcmp(s, ".") != 0 && strcmp(s, "..") != 0;
}

/* A field of printable ASCII (hash) or of no control octets (maildir). */
static bool uf_clean(const char *s, bool allow_space)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f || (!allow_space && c == ' '))
			return false;
	}
	return true;
}

const char *userfile_parse_line(char *line, size_t len,
				struct userfile_entry *e)
{
	char *c1, *c2, *p = line;

	e->login = e->hash = e->maildir = NULL;
	if (strlen(line) != len)
		return "NUL byte in line";
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == '#')
		return NULL;
	c1 = strchr(line, ':');
	if (c1 == NULL)
		return "no ':' after the login";
	*c1 = '\0';
	if (!userfile_valid_login(line))
		return "bad login (empty, too long, white space, control "
		       "characters, '/', '.' or '..')";
	e->hash = c1 + 1;
	c2 = strchr(c1 + 1, ':');
	if (c2 != NULL) {
		*c2 = '\0';
		e->maildir = c2 + 1;
		if (e->maildir[0] != '/' || !uf_clean(e->maildir, true))
			return "maildir is not an absolute path";
		if (strlen(e->maildir) >= POSTERN_MAX_PATHNAME)
			return "maildir path too long";
	}
	if (e->hash[0] == '\0' || !uf_clean(e->hash, false))
		return "hash empty or not printable";
	if (strlen(e->hash) > POSTERN_MAX_HASH)
		return "hash too long";
	e->login = line;
	return NULL;
}
