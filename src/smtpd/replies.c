/*
 * replies.c: the table of named replies and the one emitter. Replies are
 * buffered on the connection (the read that would block flushes them, RFC
 * 2920); the emitter counts protocol errors and marks the session closing
 * after any 421 (RFC 5321 3.8), so handlers never do either themselves.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "log.h"
#include "replies.h"
#include "smtpd.h"

#define SMTPD_REPLY_ROW(name, code, esc, flags, text)                          \
	{ #name, code, esc, flags, text },
const struct reply smtpd_replies[R__COUNT] = { SMTPD_REPLIES(SMTPD_REPLY_ROW) };
#undef SMTPD_REPLY_ROW

/* "d.ddd.ddd": class, subject 1-3 digits, detail 1-3 digits (RFC 3463 2). */
static int esc_valid(const char *esc, int class)
{
	const char *p = esc;
	int part, digits;

	if (p[0] - '0' != class || p[1] != '.')
		return 0;
	p += 2;
	for (part = 0; part < 2; part++) {
		for (digits = 0; p[digits] >= '0' && p[digits] <= '9'; digits++)
			;
		if (digits < 1 || digits > 3)
			return 0;
		p += digits;
		if (part == 0 && *p++ != '.')
			return 0;
	}
	return *p == '\0';
}

int reply_valid(const struct reply *r)
{
	int class = r->code / 100;

	if (r->code < 200 || r->code >= 560 || r->text == NULL ||
	    strpbrk(r->text, "\r\n") != NULL)
		return 0;
	if (r->flags & RF_NOESC) {
		/* RFC 2034 4: only 2xx, 4xx and 5xx carry an enhanced code;
		   the greeting and the EHLO reply start with the domain. */
		return r->esc == NULL &&
		       (class == 3 || r->code == 220 || r->code == 250);
	}
	if (r->esc == NULL || class == 3)
		return 0;
	return esc_valid(r->esc, class);
}

static const struct reply *reply_get(enum reply_id id)
{
	const struct reply *r;

	if ((unsigned)id >= R__COUNT)
		abort();
	r = &smtpd_replies[id];
	if (!reply_valid(r))
		abort();
	return r;
}

char *reply_word(char *dst, size_t size, enum reply_id id)
{
	/* Every name starts with "R_" (tests/unit/test_smtpd_replies). */
	const char *name = reply_get(id)->name + 2;
	size_t i;

	if (size == 0)
		return dst;
	for (i = 0; i + 1 < size && name[i] != '\0'; i++)
		dst[i] = (char)ascii_lower((unsigned char)name[i]);
	dst[i] = '\0';
	return dst;
}

/* Side effects of a reply once written: the only place that has them. */
static void reply_account(struct session *s, const struct reply *r)
{
	char word[REPLY_WORD_MAX];

	if (r->flags & RF_ERROR)
		s->errors++;
	if (r->code == 421) {
		s->closing = true;
		s->exit_code = 1;
		log_msg(LOG_INFO, "event=close reason=%s",
			reply_word(word, sizeof(word),
				   (enum reply_id)(r - smtpd_replies)));
	}
}

static void reply_head(struct session *s, const struct reply *r, char sep)
{
	conn_printf(&s->conn, "%d%c", r->code, sep);
	if (r->esc != NULL)
		conn_printf(&s->conn, "%s ", r->esc);
}

void reply(struct session *s, enum reply_id id)
{
	const struct reply *r = reply_get(id);

	reply_head(s, r, ' ');
	conn_printf(&s->conn, "%s\r\n", r->text);
	reply_account(s, r);
}

void reply_fmt(struct session *s, enum reply_id id, const char *fmt, ...)
{
	const struct reply *r = reply_get(id);
	va_list ap;

	reply_head(s, r, ' ');
	va_start(ap, fmt);
	conn_vprintf(&s->conn, fmt, ap);
	va_end(ap);
	conn_puts(&s->conn, "\r\n");
	reply_account(s, r);
}

void reply_addr(struct session *s, enum reply_id id, const char *addr)
{
	const struct reply *r = reply_get(id);

	reply_head(s, r, ' ');
	conn_printf(&s->conn, "<%s>: %s\r\n", addr, r->text);
	reply_account(s, r);
}

void reply_lines(struct session *s, enum reply_id id, const char *const *lines,
		 size_t n)
{
	const struct reply *r = reply_get(id);
	size_t i;

	for (i = 0; i < n; i++) {
		reply_head(s, r, i + 1 < n ? '-' : ' ');
		conn_printf(&s->conn, "%s\r\n", lines[i]);
	}
	reply_account(s, r);
}
