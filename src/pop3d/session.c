/*
 * session.c: the POP3 read-dispatch loop. Reads bounded command lines,
 * looks the keyword up in the table of the current state (RFC 1939 section
 * 3), enforces each command's arguments, writes the status line and counts
 * protocol errors. Output is flushed only when no more input is waiting.
 */
#include "pop3d.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ascii.h"
#include "fmt.h"
#include "log.h"

uint64_t pop3_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

enum pop3_result pop3_reply(struct pop3_session *s, enum pop3_result r,
			    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(s->msg, sizeof s->msg, fmt, ap);
	va_end(ap);
	return r;
}

bool pop3_plaintext_allowed(const struct pop3_session *s)
{
	switch (s->cfg->plaintext_auth) {
	case PLAINTEXT_AUTH_YES:
		return true;
	case PLAINTEXT_AUTH_LOCAL:
		return s->peer->local;
	case PLAINTEXT_AUTH_NO:
		break;
	}
	return false;
}

enum pop3_result pop3_cmd_capa(struct pop3_session *s, char *arg)
{
	(void)arg;
	conn_puts(s->conn, "+OK capability list follows\r\n"
			   "TOP\r\n"
			   "UIDL\r\n"
			   "RESP-CODES\r\n"
			   "AUTH-RESP-CODE\r\n"
			   "PIPELINING\r\n");
	/* RFC 2449 section 6.8: USER only where it may be used. */
	if (s->state == POP3_AUTHORIZATION && pop3_plaintext_allowed(s))
		conn_puts(s->conn, "USER\r\nSASL PLAIN LOGIN\r\n");
	conn_puts(s->conn, "IMPLEMENTATION postern\r\n.\r\n");
	return POP3_QUIET;
}

enum pop3_result pop3_cmd_noop(struct pop3_session *s, char *arg)
{
	(void)arg;
	return pop3_reply(s, POP3_OK, "%s", "");
}

/*
 * How long the next read may wait: pop3d_timeout (RFC 1939 section 3: at
 * least ten minutes), but never past the end of the session.
 */
static int read_timeout_ms(const struct pop3_session *s)
{
	uint64_t now = pop3_now_ms();
	uint64_t idle = (uint64_t)s->cfg->pop3d_timeout * 1000;
	uint64_t left = s->deadline_ms > now ? s->deadline_ms - now : 0;

	if (left < idle)
		idle = left;
	return idle > INT32_MAX ? INT32_MAX : (int)idle;
}

/* Ends the session after a read that returned no line. */
static void read_failed(struct pop3_session *s, enum conn_status st)
{
	s->done = true;
	s->exit_code = 1;
	if (st == CONN_TIMEOUT) {
		/* RFC 1939 section 3: close without entering UPDATE. */
		log_msg(LOG_INFO, "event=timeout");
		conn_puts(s->conn, "-ERR disconnected for inactivity\r\n");
	} else if (st == CONN_EOF) {
		log_msg(LOG_INFO, "event=hangup");
	} else {
		log_msg(LOG_INFO, "event=read_error");
	}
}

int pop3_read_line(struct pop3_session *s, char *buf, size_t size,
		   size_t *len_r)
{
	unsigned flags = 0;
	enum conn_status st;

	st = conn_read_line(s->conn, buf, size, len_r, &flags,
			    read_timeout_ms(s));
	if (st == CONN_TOO_LONG)
		return -1;
	if (st != CONN_OK) {
		read_failed(s, st);
		return -2;
	}
	if (flags & CONN_LINE_NUL)
		return -3; /* no command or credential holds a NUL */
	return 0;
}

/* Splits the keyword off line; returns it, and the argument in *arg_r. */
static const struct pop3_cmd *lookup(const struct pop3_cmd *table, char *line,
				     char **arg_r)
{
	char *sp = strchr(line, ' ');
	size_t vlen = sp ? (size_t)(sp - line) : strlen(line);
	const struct pop3_cmd *c;

	*arg_r = sp ? sp + 1 : NULL;
	for (c = table; c->verb != NULL; c++)
		if (strlen(c->verb) == vlen &&
		    ascii_ncasecmp(c->verb, line, vlen) == 0)
			return c;
	return NULL;
}

/* Trims spaces around a non-raw argument; an empty one counts as none. */
static char *trim(char *arg)
{
	size_t n;

	if (arg == NULL)
		return NULL;
	while (*arg == ' ')
		arg++;
	n = strlen(arg);
	while (n > 0 && arg[n - 1] == ' ')
		arg[--n] = '\0';
	return n ? arg : NULL;
}

static enum pop3_result dispatch(struct pop3_session *s, char *line)
{
	const struct pop3_cmd *table = s->state == POP3_AUTHORIZATION
					       ? pop3_auth_cmds
					       : pop3_trans_cmds;
	const struct pop3_cmd *c;
	enum pop3_result r;
	char *arg, esc[64];

	c = lookup(table, line, &arg);
	if (c == NULL) {
		/* Only the keyword: the rest may be a mistyped password. */
		line[strcspn(line, " ")] = '\0';
		log_msg(LOG_INFO, "event=unknown_command verb=\"%s\"",
			log_escape(esc, sizeof esc, line));
		return pop3_reply(s, POP3_BAD, "unknown command");
	}
	if (c->args != ARGS_RAW)
		arg = trim(arg);
	if (c->args == ARGS_NONE && arg != NULL)
		return pop3_reply(s, POP3_BAD, "%s takes no argument", c->verb);
	if ((c->args == ARGS_REQUIRED || c->args == ARGS_RAW) && arg == NULL)
		return pop3_reply(s, POP3_BAD, "%s needs an argument", c->verb);
	/* Handlers may cut or wipe arg: keep what the log may show now. */
	log_escape(esc, sizeof esc,
		   (c->flags & CMD_SECRET) ? "(hidden)"
		   : arg                   ? arg
					   : "");
	r = c->fn(s, arg);
	if (r == POP3_BAD)
		log_msg(LOG_INFO, "event=bad_command verb=%s arg=\"%s\"",
			c->verb, esc);
	return r;
}

/*
 * Writes the status line for r; counts errors against error_limit. The
 * error that reaches the limit says so in its own reply: a second line
 * would be read as the reply to the client's next (pipelined) command,
 * and RFC 1939 section 3 gives each command one response.
 */
static void answer(struct pop3_session *s, enum pop3_result r)
{
	bool closing = false;

	if (r == POP3_QUIET)
		return;
	if (r == POP3_BAD && !s->done && s->cfg->error_limit > 0 &&
	    ++s->errors >= s->cfg->error_limit) {
		log_msg(LOG_NOTICE, "event=error_limit errors=%u", s->errors);
		closing = true;
		s->done = true;
		s->exit_code = 1;
	}
	conn_printf(s->conn, "%s%s%s%s\r\n", r == POP3_OK ? "+OK" : "-ERR",
		    s->msg[0] ? " " : "", s->msg,
		    closing ? " (too many errors, closing)" : "");
}

int pop3_session_run(struct pop3_session *s)
{
	char line[POSTERN_POP3_MAX_COMMAND - 1]; /* RFC 2449 4: with CRLF */
	size_t len;
	int r;

	conn_printf(s->conn, "+OK %s POP3 server ready\r\n", s->cfg->hostname);
	while (!s->done) {
		s->msg[0] = '\0';
		r = pop3_read_line(s, line, sizeof line, &len);
		if (r == -2)
			break;
		if (r == -1)
			answer(s, pop3_reply(s, POP3_BAD, "line too long"));
		else if (r == -3)
			answer(s, pop3_reply(s, POP3_BAD, "NUL in line"));
		else
			answer(s, dispatch(s, line));
		if (s->conn->failed) {
			s->done = true;
			s->exit_code = 1;
		}
	}
	if (conn_flush(s->conn) < 0)
		s->exit_code = 1;
	return s->exit_code;
}
