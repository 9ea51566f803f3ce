/*
 * session.c: the read-dispatch loop of one SMTP session and its command
 * table. Each row names a verb, its handler, whether it takes an argument,
 * the states it is allowed in and the reply when it is not; the loop checks
 * all of that, and the length and content of the line, before a handler
 * runs, and bounds errors, floods, idle time and the session's length.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ascii.h"
#include "cmdline.h"
#include "log.h"
#include "replies.h"
#include "smtpd.h"

enum arg_policy {
	ARG_NONE,
	ARG_REQUIRED,
	ARG_OPTIONAL
};

/* Row flags. */
#define CF_JUNK     0x1 /* moves no mail: counts towards the flood bound */
#define CF_ENVELOPE 0x2 /* MAIL/RCPT: extensions lengthen the line */
#define CF_AUTHLINE 0x4 /* AUTH: an initial response may be long */

struct command {
	const char *verb;
	void (*handler)(struct session *s, char *arg);
	enum arg_policy args;
	int states;                /* enum smtpd_state bits it is allowed in */
	enum reply_id bad_state;   /* reply in any other state */
	enum reply_id bad_state_2; /* ... in ST_MAIL/ST_RCPT, if different */
	unsigned flags;
};

#define ST_ANY (ST_FRESH | ST_GREETED | ST_MAIL | ST_RCPT)
#define ST_TXN (ST_MAIL | ST_RCPT)

static const struct command commands[] = {
	{ "HELO", cmd_helo, ARG_REQUIRED, ST_ANY, R_DONE, R_DONE, CF_JUNK },
	{ "EHLO", cmd_ehlo, ARG_REQUIRED, ST_ANY, R_DONE, R_DONE, CF_JUNK },
	{ "MAIL", cmd_mail, ARG_REQUIRED, ST_GREETED, R_NEED_HELO,
	  R_NESTED_MAIL, CF_ENVELOPE },
	{ "RCPT", cmd_rcpt, ARG_REQUIRED, ST_TXN, R_NEED_MAIL, R_NEED_MAIL,
	  CF_ENVELOPE },
	{ "DATA", cmd_data, ARG_NONE, ST_TXN, R_NEED_MAIL, R_NEED_MAIL, 0 },
	{ "RSET", cmd_rset, ARG_NONE, ST_ANY, R_DONE, R_DONE, CF_JUNK },
	{ "NOOP", cmd_noop, ARG_OPTIONAL, ST_ANY, R_DONE, R_DONE, CF_JUNK },
	{ "QUIT", cmd_quit, ARG_NONE, ST_ANY, R_DONE, R_DONE, 0 },
	{ "VRFY", cmd_vrfy, ARG_REQUIRED, ST_ANY, R_DONE, R_DONE, CF_JUNK },
	{ "EXPN", cmd_expn, ARG_OPTIONAL, ST_ANY, R_DONE, R_DONE, CF_JUNK },
	{ "HELP", cmd_help, ARG_OPTIONAL, ST_ANY, R_DONE, R_DONE, CF_JUNK },
	{ "STARTTLS", cmd_starttls, ARG_OPTIONAL, ST_ANY, R_DONE, R_DONE, 0 },
	/* Failed AUTHs have their own bound; refused ones (538) would not. */
	{ "AUTH", cmd_auth, ARG_REQUIRED, ST_GREETED, R_NEED_HELO,
	  R_AUTH_IN_TXN, CF_AUTHLINE | CF_JUNK },
	/* sentinel: any other verb */
	{ NULL, NULL, ARG_OPTIONAL, 0, R_UNKNOWN, R_UNKNOWN, 0 },
};

void session_init(struct session *s)
{
	s->state = ST_FRESH;
	s->exit_code = 1;
	cmdline_session_id(s->id, sizeof(s->id));
	clock_gettime(CLOCK_MONOTONIC, &s->deadline);
	s->deadline.tv_sec += POSTERN_SMTP_SESSION_MAX_SECONDS;
	s->conn.write_timeout_ms = (int)s->cfg.smtpd_timeout * 1000;
}

int session_read_timeout(const struct session *s)
{
	struct timespec now;
	long long left_ms, idle_ms = (long long)s->cfg.smtpd_timeout * 1000;

	clock_gettime(CLOCK_MONOTONIC, &now);
	left_ms = (long long)(s->deadline.tv_sec - now.tv_sec) * 1000 +
		  (s->deadline.tv_nsec - now.tv_nsec) / 1000000;
	if (left_ms <= 0)
		return 0;
	return (int)(left_ms < idle_ms ? left_ms : idle_ms);
}

void session_reset_txn(struct session *s)
{
	struct smtpd_txn *t = &s->txn;
	size_t i;

	for (i = 0; i < t->n_boxes; i++)
		free(t->boxes[i]);
	free(t->boxes);
	free(t->rcpts);
	memset(t, 0, sizeof(*t));
	if (s->state & (ST_MAIL | ST_RCPT))
		s->state = ST_GREETED;
}

void session_free(struct session *s)
{
	session_reset_txn(s);
}

/* The reply for a read that did not give a line; closes the session. */
void session_read_failed(struct session *s, enum conn_status st)
{
	if (st == CONN_TIMEOUT) {
		reply(s, session_read_timeout(s) == 0 ? R_SESSION_TIME
						      : R_TIMEOUT);
	} else {
		log_msg(LOG_INFO, "event=close reason=%s",
			st == CONN_EOF ? "eof" : "read_error");
	}
	s->closing = true;
	s->exit_code = 1;
}

long session_read_continuation(struct session *s)
{
	size_t len;
	unsigned flags;
	enum conn_status st;

	st = session_read_timeout(s) == 0
		     ? CONN_TIMEOUT
		     : conn_read_line(&s->conn, s->line, sizeof(s->line), &len,
				      &flags, session_read_timeout(s));
	if (st == CONN_OK && len + 2 <= POSTERN_SMTP_MAX_AUTH_LINE)
		return (long)len;
	/* RFC 4954 6: a response over our buffer is 500 5.5.6. (The AUTH
	   command line itself is a command line: 500 5.5.2, RFC 4954 4.) */
	if (st == CONN_OK || st == CONN_TOO_LONG)
		reply(s, R_AUTH_TOO_LONG);
	else
		session_read_failed(s, st);
	return -1;
}

static const struct command *command_find(const char *verb)
{
	const struct command *c;

	for (c = commands; c->verb != NULL; c++)
		if (ascii_casecmp(c->verb, verb) == 0)
			break;
	return c;
}

/* RFC 5321 4.5.3.1.4 and what our extensions add (RFC 1870, RFC 4954). */
static size_t command_max_line(const struct session *s, const struct command *c)
{
	if (c->flags & CF_AUTHLINE)
		return POSTERN_SMTP_MAX_AUTH_LINE;
	if (!(c->flags & CF_ENVELOPE))
		return POSTERN_SMTP_MAX_COMMAND;
	if (auth_allowed(s))
		return POSTERN_SMTP_MAX_ENVELOPE_LINE;
	return POSTERN_SMTP_MAX_COMMAND + POSTERN_SMTP_SIZE_EXTRA;
}

/*
 * Checks a command line against its row: the reply that refuses it, or
 * R__COUNT when the handler may run.
 */
static enum reply_id command_check(const struct session *s,
				   const struct command *c, size_t len,
				   const char *arg)
{
	bool has_arg = arg != NULL && *arg != '\0';

	if (len + 2 > command_max_line(s, c))
		return R_LINE_TOO_LONG;
	if (c->verb == NULL)
		return R_UNKNOWN;
	if (c->args == ARG_NONE && has_arg)
		return R_NO_ARGS;
	if (c->args == ARG_REQUIRED && !has_arg)
		return R_NEED_ARG;
	if (!(c->states & s->state))
		return (s->state & ST_TXN) ? c->bad_state_2 : c->bad_state;
	return R__COUNT;
}

/* Splits a command line into verb and argument and runs its handler. */
static void dispatch(struct session *s, char *line, size_t len, unsigned flags)
{
	const struct command *c;
	enum reply_id refusal;
	size_t raw_len = len; /* the bound counts what was sent */
	char *arg;

	if (flags & CONN_LINE_NUL) {
		reply(s, R_NUL);
		return;
	}
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		line[--len] = '\0';
	arg = strchr(line, ' ');
	if (arg != NULL) {
		*arg++ = '\0';
		arg += strspn(arg, " ");
	}
	c = command_find(line);
	refusal = command_check(s, c, raw_len, arg);
	if (refusal != R__COUNT) {
		reply(s, refusal);
		return;
	}
	if ((c->flags & CF_JUNK) && ++s->junk > SMTPD_MAX_JUNK_COMMANDS) {
		reply(s, R_TOO_MANY_COMMANDS);
		return;
	}
	c->handler(s, arg != NULL ? arg : line + strlen(line));
}

/* After each command: the bounds that end a session (RFC 5321 7.8). */
static void check_bounds(struct session *s)
{
	if (s->closing)
		return;
	if (s->errors >= s->cfg.error_limit)
		reply(s, R_TOO_MANY_ERRORS);
	else if (s->junk > SMTPD_MAX_JUNK_COMMANDS)
		reply(s, R_TOO_MANY_COMMANDS);
}

static void log_session_end(const struct session *s)
{
	char helo[128];

	log_escape(helo, sizeof(helo), s->helo);
	log_msg(LOG_INFO,
		"event=disconnect helo=%s auth=%s messages=%u errors=%u "
		"exit=%d",
		helo, s->authenticated ? "yes" : "no", s->messages, s->errors,
		s->exit_code);
}

int session_run(struct session *s)
{
	enum conn_status st;
	size_t len;
	unsigned flags;

	reply_fmt(s, R_GREETING, "%s %s", s->cfg.hostname,
		  smtpd_replies[R_GREETING].text);
	while (!s->closing) {
		/* A busy client gets no more time than an idle one: a read
		   that finds data at once would never time out. */
		if (session_read_timeout(s) == 0)
			st = CONN_TIMEOUT;
		else
			st = conn_read_line(&s->conn, s->line, sizeof(s->line),
					    &len, &flags,
					    session_read_timeout(s));
		if (st == CONN_OK)
			dispatch(s, s->line, len, flags);
		else if (st == CONN_TOO_LONG)
			reply(s, R_LINE_TOO_LONG);
		else
			session_read_failed(s, st);
		check_bounds(s);
	}
	conn_flush(&s->conn);
	log_session_end(s);
	return s->exit_code;
}
