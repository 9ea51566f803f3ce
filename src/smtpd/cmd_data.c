/*
 * cmd_data.c: DATA (RFC 5321 4.1.1.4). Opens the tmp file, answers 354,
 * streams the message through the byte machine of data.c into it, and
 * answers once for the whole message after its end: refused, or delivered
 * (deliver.c). One log line per transaction.
 */
#include <stdio.h>
#include <string.h>

#include "deliver.h"
#include "fmt.h"
#include "log.h"
#include "replies.h"
#include "smtpd.h"

/* Reads until the end of the data; false when the session must end. */
static bool receive(struct session *s, struct data_machine *m)
{
	enum conn_status st;
	char *p;
	size_t n;

	while (!m->done) {
		/* The session's time bound holds for a fast sender too. */
		st = session_read_timeout(s) == 0
			     ? CONN_TIMEOUT
			     : conn_peek(&s->conn, &p, &n,
					 session_read_timeout(s));
		if (st != CONN_OK) {
			session_read_failed(s, st);
			return false;
		}
		/* The message is un-stuffed in the input buffer itself and
		   written from there: no copy, no buffer of its own. */
		conn_consume(&s->conn, data_feed(m, p, n));
	}
	return true;
}

/* Why a complete message is refused, or R__COUNT when it is not. */
static enum reply_id verdict(const struct data_machine *m)
{
	if (m->too_big)
		return R_TOO_BIG; /* RFC 1870 6.2 */
	if (m->bare)
		return R_BARE_LINE_END;
	if (m->received > POSTERN_MAX_RECEIVED_HEADERS)
		return R_LOOP; /* RFC 5321 6.3 */
	if (m->sink_error != 0)
		return deliver_errno_reply(m->sink_error);
	return R__COUNT;
}

/* The recipients, escaped and comma-separated, cut to fit buf. */
static const char *rcpt_list(const struct session *s, char *buf, size_t size)
{
	char one[128];
	size_t i, len = 0, k;

	buf[0] = '\0';
	for (i = 0; i < s->txn.n_rcpts; i++) {
		log_escape(one, sizeof(one), s->txn.rcpts[i].addr);
		k = strlen(one);
		if (len + k + 5 >= size) {
			fmt_snprintf(buf + len, size - len, "...");
			break;
		}
		len += (size_t)fmt_snprintf(buf + len, size - len, "%s%s",
					    i > 0 ? "," : "", one);
	}
	return buf;
}

/* result: the reply's word, or "aborted" for a client that went away. */
static void log_txn(const struct session *s, const struct smtpd_msg *msg,
		    const struct data_machine *m, const char *result, int code)
{
	char helo[128], from[128], rcpts[1024];

	log_msg(LOG_INFO,
		"event=message msgid=%s helo=%s from=%s rcpts=%s nrcpt=%zu "
		"size=%llu result=%s code=%d",
		msg->id, log_escape(helo, sizeof(helo), s->helo),
		log_escape(from, sizeof(from), s->txn.from.addr),
		rcpt_list(s, rcpts, sizeof(rcpts)), s->txn.n_rcpts,
		(unsigned long long)m->size, result, code);
}

void cmd_data(struct session *s, char *arg)
{
	struct data_machine m;
	struct smtpd_msg msg;
	enum reply_id r;
	char word[REPLY_WORD_MAX];

	if (s->state != ST_RCPT) {
		reply(s, R_NO_VALID_RCPTS); /* RFC 5321 3.3 */
		return;
	}
	r = deliver_begin(s, &msg);
	if (r != R__COUNT) {
		reply(s, r);
		return;
	}
	reply(s, R_DATA_GO);
	data_init(&m, s->cfg.bare_line_ends == BARE_LINE_ENDS_NORMALIZE,
		  s->cfg.message_size_limit, deliver_sink, &msg);
	if (!receive(s, &m)) {
		/* A dropped or silent client leaves nothing behind. */
		deliver_abort(&msg);
		log_txn(s, &msg, &m, "aborted", 0);
		return;
	}
	r = verdict(&m);
	if (r == R__COUNT)
		r = deliver_commit(s, &msg, &m);
	else
		deliver_abort(&msg);
	if (r == R_QUEUED) {
		reply_fmt(s, r, "%s %s", smtpd_replies[r].text, msg.id);
		s->messages++;
		s->junk = 0;
	} else {
		reply(s, r);
	}
	log_txn(s, &msg, &m, reply_word(word, sizeof(word), r),
		smtpd_replies[r].code);
	session_reset_txn(s);
}
