/*
 * auth.c: SMTP AUTH (RFC 4954) with PLAIN (RFC 4616) and LOGIN, decoded by
 * the library's SASL code. A failure of any kind costs one password check
 * and the same delay, whether the login exists or not; credentials never
 * reach a log; after auth_failure_limit failures the session ends.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ascii.h"
#include "fmt.h"
#include "log.h"
#include "replies.h"
#include "sasl.h"
#include "smtpd.h"
#include "userfile.h"

/* The LOGIN mechanism's prompts, base64 of "Username:" and "Password:". */
#define LOGIN_PROMPT_USER "VXNlcm5hbWU6"
#define LOGIN_PROMPT_PASS "UGFzc3dvcmQ6"

bool auth_sender_owned(const struct session *s, const struct smtp_path *from)
{
	if (!s->authenticated || from->null_path)
		return false;
	if (strchr(s->login, '@') != NULL)
		return ascii_casecmp(from->addr, s->login) == 0;
	return ascii_casecmp(from->local_unquoted, s->login) == 0 &&
	       config_is_local_domain(&s->cfg, from->domain);
}

/*
 * Sends a 334 challenge and reads the response into s->line. Returns its
 * length, or -1 when the session ended or the line was too long (already
 * answered).
 */
static long challenge(struct session *s, const char *text)
{
	reply_fmt(s, R_AUTH_CHALLENGE, "%s", text);
	return session_read_continuation(s);
}

/* Sleeps auth_failure_delay times the failures so far, up to a bound. */
static void failure_delay(const struct session *s)
{
	unsigned long secs =
		(unsigned long)s->cfg.auth_failure_delay * s->auth_failures;
	struct timespec ts;

	if (secs > SMTPD_MAX_AUTH_DELAY)
		secs = SMTPD_MAX_AUTH_DELAY;
	ts.tv_sec = (time_t)secs;
	ts.tv_nsec = 0;
	while (nanosleep(&ts, &ts) != 0)
		;
}

/*
 * Checks the credentials. Malformed ones (well_formed false) still cost a
 * lookup and a crypt of the dummy hash, so that no kind of failure answers
 * sooner than another.
 */
static void verify(struct session *s, const char *mech, struct sasl_creds *cr,
		   bool well_formed)
{
	struct user u;
	enum userfile_status us;
	bool ok;

	us = userfile_lookup(&s->cfg, well_formed ? cr->login : "", &u);
	if (us == USERFILE_TEMPFAIL) {
		reply(s, R_AUTH_TEMP);
		return;
	}
	ok = userfile_check_password(&u, well_formed ? cr->password : "") &&
	     well_formed && us == USERFILE_FOUND;
	explicit_bzero(u.hash, sizeof(u.hash));
	if (ok) {
		s->authenticated = true;
		fmt_snprintf(s->login, sizeof(s->login), "%s", u.login);
		log_set_field("login", s->login);
		log_msg(LOG_INFO, "event=auth mech=%s result=ok", mech);
		reply(s, R_AUTH_OK);
		return;
	}
	s->auth_failures++;
	log_msg(LOG_NOTICE, "event=auth mech=%s result=failed failures=%u",
		mech, s->auth_failures);
	failure_delay(s);
	reply(s, R_AUTH_FAILED);
	if (s->auth_failures >= s->cfg.auth_failure_limit)
		reply(s, R_TOO_MANY_AUTH);
}

/* Answers a decoded exchange; wipes the credentials. */
static void finish(struct session *s, const char *mech, enum sasl_status st,
		   struct sasl_creds *cr)
{
	if (st == SASL_CANCEL)
		reply(s, R_AUTH_CANCEL); /* RFC 4954 4 */
	else if (st == SASL_BAD_BASE64)
		reply(s, R_AUTH_BASE64);
	else
		verify(s, mech, cr, st == SASL_OK);
	sasl_wipe(cr);
	explicit_bzero(s->line, sizeof(s->line));
}

/* RFC 4954 4: "=" is an empty initial response. */
static const char *initial(const char *ir)
{
	return strcmp(ir, "=") == 0 ? "" : ir;
}

static void auth_plain(struct session *s, const char *ir)
{
	struct sasl_creds cr;
	enum sasl_status st;
	long len;

	if (ir != NULL) {
		ir = initial(ir);
		st = sasl_plain_decode(ir, strlen(ir), &cr);
	} else {
		/* RFC 4616 2 over RFC 4954 4: an empty challenge, "334 ". */
		if ((len = challenge(s, "")) < 0)
			return;
		st = sasl_plain_decode(s->line, (size_t)len, &cr);
	}
	finish(s, "PLAIN", st, &cr);
}

/* Worse of two outcomes: a cancel or bad base64 answers 501 at once. */
static enum sasl_status worse(enum sasl_status a, enum sasl_status b)
{
	if (a == SASL_CANCEL || a == SASL_BAD_BASE64)
		return a;
	return b != SASL_OK ? b : a;
}

static void auth_login(struct session *s, const char *ir)
{
	struct sasl_creds cr;
	enum sasl_status st;
	long len;

	memset(&cr, 0, sizeof(cr));
	if (ir != NULL) {
		ir = initial(ir);
		st = sasl_login_decode(ir, strlen(ir), cr.login,
				       sizeof(cr.login));
	} else {
		if ((len = challenge(s, LOGIN_PROMPT_USER)) < 0)
			return;
		st = sasl_login_decode(s->line, (size_t)len, cr.login,
				       sizeof(cr.login));
	}
	/* A malformed user name still gets the password prompt, so that
	   the exchange tells nothing before the end. */
	if (st == SASL_OK || st == SASL_BAD_CREDS) {
		if ((len = challenge(s, LOGIN_PROMPT_PASS)) < 0) {
			sasl_wipe(&cr);
			return;
		}
		st = worse(st,
			   sasl_login_decode(s->line, (size_t)len, cr.password,
					     sizeof(cr.password)));
	}
	finish(s, "LOGIN", st, &cr);
}

void cmd_auth(struct session *s, char *arg)
{
	char *ir = strchr(arg, ' ');

	if (s->authenticated) {
		reply(s, R_AUTH_AGAIN); /* RFC 4954 4 */
		return;
	}
	if (!auth_allowed(s)) {
		reply(s, R_AUTH_ENCRYPT); /* RFC 4954 6 */
		return;
	}
	if (ir != NULL) {
		*ir++ = '\0';
		ir += strspn(ir, " ");
		if (strchr(ir, ' ') != NULL) {
			reply(s, R_AUTH_SYNTAX);
			return;
		}
	}
	if (ascii_casecmp(arg, "PLAIN") == 0)
		auth_plain(s, ir);
	else if (ascii_casecmp(arg, "LOGIN") == 0)
		auth_login(s, ir);
	else
		reply(s, R_AUTH_MECH);
}
