/*
 * cmd_rcpt.c: RCPT TO: (RFC 5321 4.1.1.3). A recipient at a local domain
 * is looked up in the user file; one at any other domain is relayed only
 * for an authenticated session with relay_command set. Recipients whose
 * accounts share a Maildir get one copy; the lists are capped by
 * recipient_limit (RFC 5321 4.5.3.1.8).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "fmt.h"
#include "log.h"
#include "replies.h"
#include "smtpd.h"
#include "userfile.h"

/* Grows an array of elem-sized items to hold one more, up to max items. */
static bool grow(void **arr, size_t *cap, size_t used, size_t elem, size_t max)
{
	size_t ncap;
	void *p;

	if (used < *cap)
		return true;
	if (used >= max)
		return false;
	ncap = *cap == 0 ? 8 : *cap * 2;
	if (ncap > max)
		ncap = max;
	p = reallocarray(*arr, ncap, elem);
	if (p == NULL)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

/* Index of maildir in txn.boxes, added if new; -1 when out of memory. */
static int box_index(struct smtpd_txn *t, const char *maildir, size_t max)
{
	size_t i;

	for (i = 0; i < t->n_boxes; i++)
		if (strcmp(t->boxes[i], maildir) == 0)
			return (int)i;
	if (!grow((void **)&t->boxes, &t->cap_boxes, t->n_boxes,
		  sizeof(*t->boxes), max))
		return -1;
	t->boxes[t->n_boxes] = strdup(maildir);
	if (t->boxes[t->n_boxes] == NULL)
		return -1;
	return (int)t->n_boxes++;
}

/*
 * Records an accepted recipient: addr with its Maildir, or maildir NULL
 * for a relayed one. A repeated address is recorded once. Returns false
 * when out of memory.
 */
static bool add_rcpt(struct session *s, const char *addr, const char *maildir)
{
	struct smtpd_txn *t = &s->txn;
	size_t i, max = s->cfg.recipient_limit;
	int box = -1;

	for (i = 0; i < t->n_rcpts; i++)
		if (strcmp(t->rcpts[i].addr, addr) == 0)
			return true;
	if (maildir != NULL && (box = box_index(t, maildir, max)) < 0)
		return false;
	if (!grow((void **)&t->rcpts, &t->cap_rcpts, t->n_rcpts,
		  sizeof(*t->rcpts), max))
		return false;
	fmt_snprintf(t->rcpts[t->n_rcpts].addr, sizeof(t->rcpts[0].addr), "%s",
		     addr);
	t->rcpts[t->n_rcpts++].box = box;
	if (box < 0)
		t->n_relay++;
	return true;
}

/*
 * The session's memory of recipient lookups. A client that sends many
 * messages in one connection names the same recipients again and again,
 * and each lookup reads and checks the whole user file. Found and unknown
 * users are remembered, a temporary failure is not; a session lasts at most
 * POSTERN_SMTP_SESSION_MAX_SECONDS, so the next connection sees changes.
 */
static const struct smtpd_rcpt_memo *memo_find(const struct session *s,
					       const struct smtp_path *to)
{
	size_t i;

	for (i = 0; i < s->n_rcpt_memo; i++) {
		const struct smtpd_rcpt_memo *m = &s->rcpt_memo[i];

		if (ascii_casecmp(m->local, to->local_unquoted) == 0 &&
		    ascii_casecmp(m->domain, to->domain) == 0)
			return m;
	}
	return NULL;
}

static void memo_add(struct session *s, const struct smtp_path *to, bool found,
		     const char *maildir)
{
	struct smtpd_rcpt_memo *m = &s->rcpt_memo[s->next_rcpt_memo];

	/* The fields are as large as what the parser and the user file
	   give, so nothing is cut. */
	fmt_snprintf(m->local, sizeof(m->local), "%s", to->local_unquoted);
	fmt_snprintf(m->domain, sizeof(m->domain), "%s", to->domain);
	fmt_snprintf(m->maildir, sizeof(m->maildir), "%s",
		     found ? maildir : "");
	m->found = found;
	s->next_rcpt_memo = (s->next_rcpt_memo + 1) % SMTPD_RCPT_MEMO;
	if (s->n_rcpt_memo < SMTPD_RCPT_MEMO)
		s->n_rcpt_memo++;
}

/* A local recipient: 250, 550 5.1.1 or 451 4.3.0. */
static enum reply_id local_rcpt(struct session *s, const struct smtp_path *to,
				struct user *u)
{
	const struct smtpd_rcpt_memo *m = memo_find(s, to);

	if (m != NULL) {
		if (!m->found)
			return R_NO_SUCH_USER;
		return add_rcpt(s, to->addr, m->maildir) ? R_RCPT_OK
							 : R_INTERNAL;
	}
	switch (userfile_lookup_recipient(&s->cfg, to->local_unquoted,
					  to->domain, u)) {
	case USERFILE_FOUND:
		memo_add(s, to, true, u->maildir);
		return add_rcpt(s, to->addr, u->maildir) ? R_RCPT_OK
							 : R_INTERNAL;
	case USERFILE_NOT_FOUND:
		memo_add(s, to, false, NULL);
		return R_NO_SUCH_USER;
	case USERFILE_TEMPFAIL:
		break;
	}
	return R_TEMP_USERS;
}

/* A recipient elsewhere: relay only for authenticated users (RFC 4954). */
static enum reply_id remote_rcpt(struct session *s, const struct smtp_path *to)
{
	if (!s->authenticated || s->cfg.relay_argc == 0)
		return R_RELAY_DENIED;
	if (s->cfg.sender_login_match && !auth_sender_owned(s, &s->txn.from))
		return R_NOT_OWNER;
	return add_rcpt(s, to->addr, NULL) ? R_RCPT_OK : R_INTERNAL;
}

/* Sends the reply for a looked-up recipient, with its address if refused. */
static void rcpt_reply(struct session *s, enum reply_id r,
		       const struct smtp_path *to)
{
	char addr[128], word[REPLY_WORD_MAX];

	if (r == R_RCPT_OK) {
		s->txn.n_accepted++;
		s->state = ST_RCPT;
		reply(s, r);
		return;
	}
	/* Refused recipients move no mail: a harvest is a flood. */
	s->junk++;
	if (r == R_NO_SUCH_USER || r == R_RELAY_DENIED)
		reply_addr(s, r, to->addr);
	else if (r == R_NOT_OWNER)
		reply_addr(s, r, s->txn.from.addr);
	else
		reply(s, r);
	log_msg(LOG_INFO, "event=rcpt_rejected rcpt=%s reply=%s",
		log_escape(addr, sizeof(addr), to->addr),
		reply_word(word, sizeof(word), r));
}

void cmd_rcpt(struct session *s, char *arg)
{
	struct smtp_param params[POSTERN_MAX_ESMTP_PARAMS];
	struct smtp_path to;
	struct user u;
	enum smtp_addr_status st;
	enum reply_id r;
	char *path = (char *)smtpd_after_keyword(arg, "TO:");
	size_t n;

	if (path == NULL) {
		reply(s, R_RCPT_SYNTAX);
		return;
	}
	st = smtp_addr_parse(path, s->cfg.strict_rfc821_envelopes, false, true,
			     &to, params, POSTERN_MAX_ESMTP_PARAMS, &n);
	if (st != SMTP_ADDR_OK) {
		reply(s, smtpd_addr_refusal(st, false));
		return;
	}
	if (n > 0) {
		reply(s, R_UNKNOWN_PARAM); /* we offer no RCPT parameter */
		return;
	}
	/* RFC 5321 4.5.3.1.10; refused like any recipient, so that it
	   counts towards the flood bound. */
	if (s->txn.n_accepted >= s->cfg.recipient_limit)
		r = R_TOO_MANY_RCPTS;
	else if (to.domain[0] == '\0' ||
		 config_is_local_domain(&s->cfg, to.domain))
		r = local_rcpt(s, &to, &u);
	else
		r = remote_rcpt(s, &to);
	rcpt_reply(s, r, &to);
}
