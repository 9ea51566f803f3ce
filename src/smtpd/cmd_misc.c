/*
 * cmd_misc.c: the verbs that move no mail: RSET, NOOP, QUIT (RFC 5321
 * 4.1.1.5, 4.1.1.9, 4.1.1.10), VRFY and EXPN (3.5; we reveal no accounts),
 * HELP (4.1.1.8) and STARTTLS, which waits for TLS support (RFC 3207).
 */
#include "replies.h"
#include "smtpd.h"

void cmd_rset(struct session *s, char *arg)
{
	session_reset_txn(s);
	reply(s, R_DONE);
}

void cmd_noop(struct session *s, char *arg)
{
	reply(s, R_DONE);
}

void cmd_quit(struct session *s, char *arg)
{
	reply(s, R_BYE);
	s->closing = true;
	s->exit_code = 0;
}

/*
 * RFC 5321 3.5.3: 252 says "cannot verify, will try delivery", whether or
 * not the user exists, so that VRFY harvests nothing (7.3).
 */
void cmd_vrfy(struct session *s, char *arg)
{
	reply(s, R_VRFY);
}

/* RFC 5321 7.3: EXPN may be disabled; mailing lists do not exist here. */
void cmd_expn(struct session *s, char *arg)
{
	reply(s, R_NOT_IMPL);
}

void cmd_help(struct session *s, char *arg)
{
	reply(s, R_HELP);
}

/* RFC 3207 is not implemented yet: never claim TLS we cannot do. */
void cmd_starttls(struct session *s, char *arg)
{
	reply(s, R_NOT_IMPL);
}
