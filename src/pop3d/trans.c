/*
 * trans.c: the TRANSACTION state (RFC 1939 section 5): STAT, LIST, UIDL,
 * RETR, TOP, DELE, RSET, NOOP, CAPA and QUIT (which runs UPDATE, section
 * 6). Message numbers are parsed without wrap-around; a deleted or absent
 * message is an -ERR.
 */
#include "pop3d.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

/* Parses a decimal number of at most max (no sign, no wrap-around). */
static bool parse_number(const char *p, uint64_t max, uint64_t *n_r)
{
	uint64_t n = 0;

	if (*p == '\0')
		return false;
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return false;
		if (n > (max - (uint64_t)(*p - '0')) / 10)
			return false;
		n = n * 10 + (uint64_t)(*p - '0');
	}
	*n_r = n;
	return true;
}

/*
 * Turns the message-number argument into an index into the drop. On
 * failure sets the reply (RFC 1939: -ERR for a bad or deleted number).
 */
static bool message_index(struct pop3_session *s, const char *arg, size_t *i_r,
			  enum pop3_result *r_r)
{
	uint64_t n;
	size_t k = strspn(arg, "0123456789");

	if (k == 0 || arg[k] != '\0') {
		*r_r = pop3_reply(s, POP3_BAD, "invalid message number");
		return false;
	}
	/* Any number of digits: a huge one is simply absent. */
	if (!parse_number(arg, UINT64_MAX, &n) || n == 0 || n > s->drop.n) {
		*r_r = pop3_reply(s, POP3_ERR, "no such message");
		return false;
	}
	if (s->drop.msgs[n - 1].flags & DROP_DELETED) {
		*r_r = pop3_reply(s, POP3_ERR, "message %llu already deleted",
				  (unsigned long long)n);
		return false;
	}
	*i_r = (size_t)(n - 1);
	return true;
}

/* Counts the messages not marked deleted, and their octets. */
static size_t live(const struct maildrop *d, uint64_t *octets_r)
{
	size_t i, n = 0;
	uint64_t octets = 0;

	for (i = 0; i < d->n; i++) {
		if (d->msgs[i].flags & DROP_DELETED)
			continue;
		n++;
		octets += d->msgs[i].size;
	}
	*octets_r = octets;
	return n;
}

static enum pop3_result cmd_stat(struct pop3_session *s, char *arg)
{
	uint64_t octets;
	size_t n = live(&s->drop, &octets);

	(void)arg;
	return pop3_reply(s, POP3_OK, "%zu %llu", n,
			  (unsigned long long)octets);
}

/* LIST and UIDL share their shape: one line, or all undeleted ones. */
static enum pop3_result listing(struct pop3_session *s, char *arg, bool uidl)
{
	char uid[POP3_MAX_UIDL + 1];
	enum pop3_result r;
	uint64_t octets;
	size_t i, n;

	if (arg != NULL) {
		if (!message_index(s, arg, &i, &r))
			return r;
		if (!uidl)
			return pop3_reply(
				s, POP3_OK, "%zu %llu", i + 1,
				(unsigned long long)s->drop.msgs[i].size);
		drop_uidl(&s->drop, i, uid);
		return pop3_reply(s, POP3_OK, "%zu %s", i + 1, uid);
	}
	n = live(&s->drop, &octets);
	if (uidl)
		conn_puts(s->conn, "+OK unique-id listing follows\r\n");
	else
		conn_printf(s->conn, "+OK %zu messages (%llu octets)\r\n", n,
			    (unsigned long long)octets);
	for (i = 0; i < s->drop.n && !s->conn->failed; i++) {
		if (s->drop.msgs[i].flags & DROP_DELETED)
			continue;
		if (uidl) {
			drop_uidl(&s->drop, i, uid);
			conn_printf(s->conn, "%zu %s\r\n", i + 1, uid);
		} else {
			conn_printf(s->conn, "%zu %llu\r\n", i + 1,
				    (unsigned long long)s->drop.msgs[i].size);
		}
	}
	conn_puts(s->conn, ".\r\n");
	return POP3_QUIET;
}

static enum pop3_result cmd_list(struct pop3_session *s, char *arg)
{
	return listing(s, arg, false);
}

static enum pop3_result cmd_uidl(struct pop3_session *s, char *arg)
{
	return listing(s, arg, true);
}

/* RETR and TOP: status line and message leave in the same buffer. */
static enum pop3_result send_message(struct pop3_session *s, size_t i,
				     int64_t body_lines)
{
	char esc[128];
	int fd, r;

	fd = drop_open(&s->drop, i);
	if (fd < 0) {
		int e = errno;

		log_msg(LOG_NOTICE,
			"event=open_failed name=\"%s\" error=\"%s\"",
			log_escape(esc, sizeof esc, drop_name(&s->drop, i)),
			strerror(e));
		if (e == ENOENT)
			return pop3_reply(
				s, POP3_ERR,
				"message %zu is gone (removed by another program)",
				i + 1);
		return pop3_reply(s, POP3_ERR,
				  "[SYS/TEMP] cannot open message %zu", i + 1);
	}
	/* The size is RETR's alone: TOP sends only part of the message, and
	   a client that reads as many octets as announced would wait. */
	if (body_lines < 0)
		conn_printf(s->conn, "+OK %llu octets\r\n",
			    (unsigned long long)s->drop.msgs[i].size);
	else
		conn_puts(s->conn, "+OK top of message follows\r\n");
	r = retr_stream(s->conn, fd, body_lines, NULL);
	close(fd);
	if (r == -1) {
		/* The status line is out: the only honest way left to say
		   the message is incomplete is to close the connection. */
		log_msg(LOG_ERR, "event=read_failed name=\"%s\" error=\"%s\"",
			log_escape(esc, sizeof esc, drop_name(&s->drop, i)),
			strerror(errno));
		s->done = true;
		s->exit_code = 1;
		return POP3_QUIET;
	}
	conn_puts(s->conn, ".\r\n");
	return POP3_QUIET;
}

static enum pop3_result cmd_retr(struct pop3_session *s, char *arg)
{
	enum pop3_result r;
	size_t i;

	if (!message_index(s, arg, &i, &r))
		return r;
	r = send_message(s, i, -1);
	if (r == POP3_QUIET && !s->done && !s->conn->failed) {
		s->drop.msgs[i].flags |= DROP_READ;
		s->retrieved++;
	}
	return r;
}

static enum pop3_result cmd_top(struct pop3_session *s, char *arg)
{
	enum pop3_result r;
	char *lines = strchr(arg, ' ');
	uint64_t n;
	size_t i;

	if (lines == NULL)
		return pop3_reply(s, POP3_BAD,
				  "TOP needs a message and a number of lines");
	*lines++ = '\0';
	while (*lines == ' ')
		lines++;
	if (!message_index(s, arg, &i, &r))
		return r;
	/* More lines than any message holds just means all of them. */
	if (strspn(lines, "0123456789") != strlen(lines))
		return pop3_reply(s, POP3_BAD, "invalid number of lines");
	if (!parse_number(lines, INT64_MAX, &n))
		n = INT64_MAX;
	return send_message(s, i, (int64_t)n);
}

static enum pop3_result cmd_dele(struct pop3_session *s, char *arg)
{
	enum pop3_result r;
	size_t i;

	if (!message_index(s, arg, &i, &r))
		return r;
	s->drop.msgs[i].flags |= DROP_DELETED;
	return pop3_reply(s, POP3_OK, "message %zu deleted", i + 1);
}

static enum pop3_result cmd_rset(struct pop3_session *s, char *arg)
{
	uint64_t octets;
	size_t i, n;

	(void)arg;
	for (i = 0; i < s->drop.n; i++)
		s->drop.msgs[i].flags &= (uint8_t)~DROP_DELETED;
	n = live(&s->drop, &octets);
	return pop3_reply(s, POP3_OK, "maildrop has %zu messages (%llu octets)",
			  n, (unsigned long long)octets);
}

static enum pop3_result cmd_quit(struct pop3_session *s, char *arg)
{
	size_t i, deleted = 0, failed;

	(void)arg;
	for (i = 0; i < s->drop.n; i++)
		if (s->drop.msgs[i].flags & DROP_DELETED)
			deleted++;
	failed = update_commit(&s->drop);
	s->done = true;
	s->exit_code = 0;
	/* Logged in the session's one summary line (main.c). */
	s->deleted = deleted - failed;
	s->delete_failed = failed;
	if (failed > 0)
		return pop3_reply(s, POP3_ERR,
				  "[SYS/TEMP] %zu deleted messages not removed",
				  failed);
	return pop3_reply(s, POP3_OK, "bye, %zu messages deleted", deleted);
}

const struct pop3_cmd pop3_trans_cmds[] = {
	{ "STAT", cmd_stat, ARGS_NONE, 0 },
	{ "LIST", cmd_list, ARGS_OPTIONAL, 0 },
	{ "UIDL", cmd_uidl, ARGS_OPTIONAL, 0 },
	{ "RETR", cmd_retr, ARGS_REQUIRED, 0 },
	{ "TOP", cmd_top, ARGS_REQUIRED, 0 },
	{ "DELE", cmd_dele, ARGS_REQUIRED, 0 },
	{ "RSET", cmd_rset, ARGS_NONE, 0 },
	{ "NOOP", pop3_cmd_noop, ARGS_NONE, 0 },
	{ "CAPA", pop3_cmd_capa, ARGS_NONE, 0 },
	{ "QUIT", cmd_quit, ARGS_NONE, 0 },
	{ NULL, NULL, ARGS_NONE, 0 },
};
