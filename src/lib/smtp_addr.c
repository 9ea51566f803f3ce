/*
 * smtp_addr.c: the MAIL FROM:/RCPT TO: argument (RFC 5321 4.1.2). Finds
 * the path (in <...>, after an RFC 5322 phrase, or bare in lax mode), hands
 * it to the path grammar in smtp_addr_path.c, and splits the ESMTP
 * parameters after it in place. Works on the caller's string only.
 */
#include <string.h>

#include "smtp_addr.h"
#include "smtp_addr_private.h"

/* Where the path lies in the argument, as offsets from its first byte. */
struct extent {
	size_t start;   /* first byte of the path, after any '<' */
	size_t len;     /* bytes of the path, without its brackets */
	size_t end;     /* first byte after the path (and its '>') */
	bool bracketed; /* written as <...> */
	bool lax;       /* a form only lax mode accepts */
};

/*
 * Finds the end of a path starting at s: the first stop byte ('>' or ' ')
 * outside a quoted local part and outside an address literal. A quoted
 * string may hold '>' and ' ' (RFC 5321 qtextSMTP), a general address
 * literal '>' and '"' (dcontent), so neither may end the path. Returns the
 * offset of the stop byte, or of the NUL when there is none.
 */
static size_t path_span(const char *s, char stop)
{
	enum {
		NORMAL,
		QUOTED,
		LITERAL
	} state = NORMAL;

	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		char c = s[i];

		if (state == QUOTED) {
			if (c == '\\' && s[i + 1] != '\0')
				i++;
			else if (c == '"')
				state = NORMAL;
		} else if (state == LITERAL) {
			if (c == ']')
				state = NORMAL;
		} else if (c == stop) {
			break;
		} else if (c == '"') {
			state = QUOTED;
		} else if (c == '[') {
			state = LITERAL;
		}
	}
	return i;
}

/*
 * The display name of "the dude <dude@example.com>": RFC 5322 3.2.5 words
 * (atoms, with '.' as obs-phrase allows, and quoted strings of printable
 * ASCII) and spaces. Returns the offset of the '<' that follows the phrase,
 * or 0 when s does not start with a phrase and a '<'.
 */
static size_t phrase_span(const char *s)
{
	size_t i = 0;

	for (;;) {
		unsigned char c = (unsigned char)s[i];

		if (c == '<')
			return i;
		if (c == ' ' || c == '.' || smtp_addr_is_atext(c)) {
			i++;
			continue;
		}
		if (c != '"')
			return 0;
		for (i++; s[i] != '"'; i++) {
			if (s[i] == '\\' && s[i + 1] != '\0')
				i++;
			if (!smtp_addr_is_print((unsigned char)s[i]))
				return 0;
		}
		i++;
	}
}

/* Locates the path in s, which starts at its first non-space byte. */
static enum smtp_addr_status locate(const char *s, struct extent *e)
{
	size_t lt = s[0] == '<' ? 0 : phrase_span(s);

	memset(e, 0, sizeof(*e));
	if (s[0] == '<' || lt > 0) {
		e->start = lt + 1;
		e->len = path_span(s + e->start, '>');
		if (s[e->start + e->len] != '>')
			return SMTP_ADDR_SYNTAX; /* unterminated "<abc" */
		e->end = e->start + e->len + 1;
		e->bracketed = true;
		e->lax = lt > 0;
	} else {
		/* A bare address ends at the first space outside quotes. */
		e->len = path_span(s, ' ');
		e->end = e->len;
		e->lax = true;
	}
	return SMTP_ADDR_OK;
}

/* RFC 5321 4.1.2 esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-") */
static bool is_keychar(char c)
{
	return smtp_addr_is_alnum((unsigned char)c) || c == '-';
}

/* RFC 5321 4.1.2 esmtp-value = 1*(%d33-60 / %d62-126): no '=', SP, CTL. */
static bool is_valuechar(char c)
{
	return c >= 33 && c <= 126 && c != '=';
}

/*
 * Splits "SP key[=value] *(SP key[=value])" in place. Runs of spaces and
 * trailing spaces are tolerated (clients pad; RFC 5321 4.1.1 says SP, but
 * the robustness principle of 4.5.2 costs nothing here).
 */
static enum smtp_addr_status parse_params(char *s, struct smtp_param *params,
					  size_t max_params, size_t *n_r)
{
	size_t n = 0;

	if (*s != '\0' && *s != ' ')
		return SMTP_ADDR_SYNTAX; /* "<a@b>x", "<<a@b>>" */
	for (;;) {
		char *key, *value = NULL;

		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		if (n >= max_params || !smtp_addr_is_alnum((unsigned char)*s))
			return SMTP_ADDR_BAD_PARAM;
		key = s;
		while (is_keychar(*s))
			s++;
		if (*s == '=') {
			*s++ = '\0';
			value = s;
			while (is_valuechar(*s))
				s++;
			if (s == value)
				return SMTP_ADDR_BAD_PARAM; /* "KEY=" */
		}
		if (*s != ' ' && *s != '\0')
			return SMTP_ADDR_BAD_PARAM; /* "A=1=2", "K\x01" */
		if (*s == ' ')
			*s++ = '\0';
		params[n].key = key;
		params[n].value = value;
		n++;
	}
	*n_r = n;
	return SMTP_ADDR_OK;
}

enum smtp_addr_status smtp_addr_parse(char *arg, bool strict, bool allow_null,
				      bool allow_postmaster,
				      struct smtp_path *path_r,
				      struct smtp_param *params,
				      size_t max_params, size_t *n_params_r)
{
	enum smtp_addr_status st;
	struct extent e;
	size_t n = 0;

	memset(path_r, 0, sizeof(*path_r));
	*n_params_r = 0;
	/* INTERFACE.md: "MAIL FROM: <a@b>" is tolerated in both modes. */
	while (*arg == ' ')
		arg++;
	st = locate(arg, &e);
	if (st == SMTP_ADDR_OK)
		st = smtp_addr_parse_path(arg + e.start, e.len, e.bracketed,
					  allow_null, allow_postmaster, path_r);
	/* Only a path that lax mode would take is "not strict"; anything
	   else keeps its own error, so the client learns what is wrong. */
	if (st == SMTP_ADDR_OK && strict && e.lax)
		st = SMTP_ADDR_NOT_STRICT;
	if (st == SMTP_ADDR_OK)
		st = parse_params(arg + e.end, params, max_params, &n);
	if (st != SMTP_ADDR_OK) {
		memset(path_r, 0, sizeof(*path_r));
		return st;
	}
	*n_params_r = n;
	return SMTP_ADDR_OK;
}
