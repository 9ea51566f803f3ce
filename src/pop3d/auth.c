/*
 * auth.c: the AUTHORIZATION state (RFC 1939 section 4): USER and PASS,
 * CAPA, STLS and QUIT, and the login shared with AUTH: the password check
 * that costs the same for unknown users, the failure delay and limit, the
 * maildrop lock ([IN-USE], RFC 2449 section 8.1.1) and loading the drop.
 */
#include "pop3d.h"

#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "sasl.h"

/* Sleeps seconds, resuming after signals. */
static void delay(unsigned seconds)
{
	struct timespec ts = { .tv_sec = seconds, .tv_nsec = 0 };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

enum pop3_result pop3_auth_failed(struct pop3_session *s, const char *login,
				  const char *mech, const char *why)
{
	char esc[128];

	s->auth_failures++;
	log_msg(LOG_NOTICE, "event=auth_failed mech=%s login=\"%s\" why=%s",
		mech, log_escape(esc, sizeof esc, login), why);
	/* Slow down guessing; each failure waits longer than the last, but
	   never past the end of the session. */
	if (s->cfg->auth_failure_delay > 0) {
		uint64_t now = pop3_now_ms(), wait, left;

		left = s->deadline_ms > now ? (s->deadline_ms - now) / 1000 : 0;
		wait = (uint64_t)s->cfg->auth_failure_delay * s->auth_failures;
		delay((unsigned)(wait < left ? wait : left));
	}
	if (s->cfg->auth_failure_limit > 0 &&
	    s->auth_failures >= s->cfg->auth_failure_limit) {
		log_msg(LOG_NOTICE, "event=auth_limit failures=%u",
			s->auth_failures);
		s->done = true;
		s->exit_code = 1;
		return pop3_reply(s, POP3_ERR,
				  "[AUTH] authentication failed, closing");
	}
	return pop3_reply(s, POP3_ERR, "[AUTH] authentication failed");
}

/*
 * Takes the maildrop lock (RFC 1939 section 8). Returns 1 when the drop is
 * to be loaded (locked, or on a read-only file system), 0 when the Maildir
 * does not exist yet, or -1 with the reply set.
 */
static int lock_drop(struct pop3_session *s, const struct user *u, int *fd_r)
{
	char esc[128];

	switch (lock_maildrop(u->maildir, fd_r)) {
	case LOCK_OK:
		return 1;
	case LOCK_NODIR:
		/* No delivery so far: an empty maildrop (INTERFACE.md). */
		return 0;
	case LOCK_READONLY:
		log_msg(LOG_NOTICE, "event=read_only maildir=\"%s\"",
			log_escape(esc, sizeof esc, u->maildir));
		return 1;
	case LOCK_BUSY:
		log_msg(LOG_INFO, "event=in_use login=\"%s\"",
			log_escape(esc, sizeof esc, u->login));
		pop3_reply(s, POP3_ERR,
			   "[IN-USE] maildrop is locked by another session");
		return -1;
	case LOCK_ERROR:
		break;
	}
	log_msg(LOG_ERR, "event=lock_failed maildir=\"%s\" error=\"%s\"",
		log_escape(esc, sizeof esc, u->maildir), strerror(errno));
	pop3_reply(s, POP3_ERR, "[SYS/TEMP] cannot lock the maildrop");
	return -1;
}

/* Locks and loads u's maildrop and enters TRANSACTION. */
static enum pop3_result open_drop(struct pop3_session *s, const struct user *u,
				  const char *mech)
{
	char esc[128];
	int fd = -1, load;

	load = lock_drop(s, u, &fd);
	if (load < 0)
		return POP3_ERR;
	/* Without a Maildir nothing is loaded (nor created): mail that
	   arrives during the session is not part of it anyway. */
	if (load > 0 && drop_load(&s->drop, u->maildir) < 0) {
		log_msg(LOG_ERR,
			"event=drop_failed maildir=\"%s\" error=\"%s\"",
			log_escape(esc, sizeof esc, u->maildir),
			strerror(errno));
		drop_free(&s->drop);
		if (fd >= 0)
			close(fd);
		return pop3_reply(s, POP3_ERR,
				  "[SYS/TEMP] cannot read the maildrop");
	}
	s->lock_fd = fd;
	s->state = POP3_TRANSACTION;
	memcpy(s->login, u->login, sizeof s->login);
	log_set_field("login", s->login);
	log_msg(LOG_INFO, "event=login mech=%s messages=%zu octets=%llu", mech,
		s->drop.n, (unsigned long long)s->drop.total);
	return pop3_reply(s, POP3_OK, "maildrop has %zu messages (%llu octets)",
			  s->drop.n, (unsigned long long)s->drop.total);
}

enum pop3_result pop3_login(struct pop3_session *s, const char *login,
			    const char *password, const char *mech)
{
	struct user u;
	enum userfile_status st;
	enum pop3_result r;
	bool ok;

	/* Same work whether or not the login exists: on NOT_FOUND, u holds
	   a dummy hash that userfile_check_password runs crypt on. */
	st = userfile_lookup(s->cfg, login, &u);
	if (st == USERFILE_TEMPFAIL) {
		explicit_bzero(&u, sizeof u);
		return pop3_reply(
			s, POP3_ERR,
			"[SYS/TEMP] user database unavailable, try again later");
	}
	ok = userfile_check_password(&u, password);
	if (!ok)
		r = pop3_auth_failed(s, login, mech,
				     st == USERFILE_NOT_FOUND ? "unknown"
				     : u.locked               ? "locked"
							      : "password");
	else
		r = open_drop(s, &u, mech);
	explicit_bzero(&u, sizeof u);
	return r;
}

static enum pop3_result cmd_user(struct pop3_session *s, char *arg)
{
	size_t n = strlen(arg);

	if (!pop3_plaintext_allowed(s))
		return pop3_reply(s, POP3_ERR, "%s", POP3_NO_PLAINTEXT);
	/* RFC 1939 section 7: any name gets +OK; PASS decides. A name too
	   long to be a login keeps its first octets and cannot match. */
	if (n > POSTERN_MAX_LOGIN)
		n = POSTERN_MAX_LOGIN;
	memcpy(s->user, arg, n);
	s->user[n] = '\0';
	s->have_user = true;
	return pop3_reply(s, POP3_OK, "send PASS");
}

static enum pop3_result cmd_pass(struct pop3_session *s, char *arg)
{
	size_t n = strlen(arg);
	enum pop3_result r;

	if (!s->have_user)
		return pop3_reply(s, POP3_BAD, "USER first");
	s->have_user = false; /* a failed PASS starts over with USER */
	if (!pop3_plaintext_allowed(s))
		r = pop3_reply(s, POP3_ERR, "%s", POP3_NO_PLAINTEXT);
	else if (!sasl_valid_credential(arg, n))
		r = pop3_auth_failed(s, s->user, "USER", "malformed");
	else
		r = pop3_login(s, s->user, arg, "USER");
	/* The password is taken verbatim (spaces and all) and wiped. */
	explicit_bzero(arg, n);
	return r;
}

static enum pop3_result cmd_stls(struct pop3_session *s, char *arg)
{
	(void)arg;
	return pop3_reply(s, POP3_ERR, "TLS not available");
}

static enum pop3_result cmd_quit(struct pop3_session *s, char *arg)
{
	(void)arg;
	s->done = true;
	s->exit_code = 0;
	return pop3_reply(s, POP3_OK, "bye");
}

const struct pop3_cmd pop3_auth_cmds[] = {
	{ "USER", cmd_user, ARGS_REQUIRED, 0 },
	{ "PASS", cmd_pass, ARGS_RAW, CMD_SECRET },
	{ "AUTH", pop3_cmd_auth, ARGS_OPTIONAL, CMD_SECRET },
	{ "CAPA", pop3_cmd_capa, ARGS_NONE, 0 },
	{ "STLS", cmd_stls, ARGS_NONE, 0 },
	{ "QUIT", cmd_quit, ARGS_NONE, 0 },
	{ NULL, NULL, ARGS_NONE, 0 },
};
