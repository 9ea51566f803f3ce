/*
 * userfile_parse.c: the syntax of the user file (INTERFACE.md): which
 * logins are valid, how a login:hash[:maildir] line splits and what each
 * field may hold, and how logins compare. The servers and postern-passwd
 * both judge lines here, so the tool refuses exactly what they refuse.
 */
#include <stdint.h>
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

/*
 * Checks for the scan, which looks at every octet of the file on every
 * lookup. Most account lines hold no octet below 0x21 and no DEL at all:
 * uf_line_plain() tells so in 16-octet blocks that compilers turn into
 * vector instructions (no intrinsics; a constant trip count suffices), and
 * a plain line then needs no per-field octet checks. Other lines get the
 * word-at-a-time checks below. An octet below lo (lo <= 0x80) or 0x7f
 * marks a word; both tests are exact as to whether any octet matches (the
 * "haszero"/"hasless" tricks: a borrow only spreads above a true match).
 * Octets from 0x80 up pass, as in uf_clean().
 */
#define UF_ONES  0x0101010101010101ULL
#define UF_HIGHS 0x8080808080808080ULL
#define UF_BLOCK 16

static void uf_block_marks(unsigned char *acc, const unsigned char *p)
{
	int j;

	for (j = 0; j < UF_BLOCK; j++)
		acc[j] |= (unsigned char)((p[j] <= 0x20) | (p[j] == 0x7f));
}

/* True when line has no octet below 0x21 and no DEL; false for lines
   shorter than a block, which take the word-at-a-time path. */
static bool uf_line_plain(const char *line, size_t len)
{
	const unsigned char *p = (const unsigned char *)line;
	unsigned char acc[UF_BLOCK] = { 0 };
	uint64_t w[UF_BLOCK / 8], any = 0;
	size_t i;

	if (len < UF_BLOCK)
		return false;
	for (i = 0; i + UF_BLOCK < len; i += UF_BLOCK)
		uf_block_marks(acc, p + i);
	/* The last block overlaps what was checked: no octet loop. */
	uf_block_marks(acc, p + len - UF_BLOCK);
	memcpy(w, acc, sizeof(w));
	for (i = 0; i < UF_BLOCK / 8; i++)
		any |= w[i];
	return any == 0;
}

static bool uf_word_clean(const char *p, uint64_t below)
{
	const uint64_t del = UF_ONES * 0x7f;
	uint64_t w, x;

	memcpy(&w, p, 8);
	x = w ^ del;
	return ((((w - below) & ~w) | ((x - UF_ONES) & ~x)) & UF_HIGHS) == 0;
}

static bool uf_span_clean(const char *p, size_t n, unsigned lo)
{
	const uint64_t below = UF_ONES * lo;
	size_t i;

	if (n < 8) {
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)p[i];

			if (c < lo || c == 0x7f)
				return false;
		}
		return true;
	}
	for (i = 0; i + 8 < n; i += 8)
		if (!uf_word_clean(p + i, below))
			return false;
	/* The last 8 octets, overlapping what was checked: no octet loop. */
	return uf_word_clean(p + n - 8, below);
}

bool userfile_line_ok(const char *line, size_t len, struct userfile_span *s)
{
	const char *c1, *c2, *end = line + len;
	bool plain = uf_line_plain(line, len);
	size_t i = 0;

	memset(s, 0, sizeof(*s));
	while (!plain && i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	/* A comment may hold anything but NUL ("#x:y" is no account). */
	if (i == len || line[i] == '#')
		return plain || memchr(line, '\0', len) == NULL;
	c1 = memchr(line, ':', len);
	if (c1 == NULL)
		return false;
	s->login_len = (size_t)(c1 - line);
	if (s->login_len == 0 || s->login_len > POSTERN_MAX_LOGIN ||
	    (!plain && !uf_span_clean(line, s->login_len, 0x21)) ||
	    memchr(line, '/', s->login_len) != NULL ||
	    (line[0] == '.' &&
	     (s->login_len == 1 || (s->login_len == 2 && line[1] == '.'))))
		return false;
	s->hash_off = s->login_len + 1;
	c2 = memchr(c1 + 1, ':', (size_t)(end - c1 - 1));
	s->hash_len = (size_t)((c2 != NULL ? c2 : end) - (c1 + 1));
	if (s->hash_len == 0 || s->hash_len > POSTERN_MAX_HASH ||
	    (!plain && !uf_span_clean(c1 + 1, s->hash_len, 0x21)))
		return false;
	if (c2 != NULL) {
		s->maildir_off = (size_t)(c2 + 1 - line);
		s->maildir_len = (size_t)(end - c2 - 1);
		if (s->maildir_len == 0 || c2[1] != '/' ||
		    s->maildir_len >= POSTERN_MAX_PATHNAME ||
		    (!plain && !uf_span_clean(c2 + 1, s->maildir_len, 0x20)))
			return false;
	}
	s->account = true;
	return true;
}
