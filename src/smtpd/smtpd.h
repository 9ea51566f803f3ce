/*
 * smtpd.h: the state of one SMTP session (RFC 5321), shared by the files of
 * smtpd: the session loop, the verb handlers, the DATA machine, delivery
 * and relaying. Nothing here is global; everything hangs off the session.
 */
#ifndef POSTERN_SMTPD_H
#define POSTERN_SMTPD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "../lib/config.h"
#include "conn.h"
#include "postern_limits.h"
#include "maildir.h"
#include "peer.h"
#include "replies.h"
#include "smtp_addr.h"

/*
 * Commands that move no mail (NOOP, RSET, VRFY, HELP, EXPN, HELO, EHLO,
 * AUTH, refused RCPTs, MAILs refused without a protocol error) a client
 * may send between two accepted messages before
 * it is disconnected: far above what any real client needs, low enough to
 * stop a flood from holding the process (RFC 5321 7.8, "Resistance to
 * attacks").
 */
#define SMTPD_MAX_JUNK_COMMANDS 100

/*
 * The longest delay after a failed AUTH, however many failures came before
 * (auth_failure_delay grows with each failure up to this).
 */
#define SMTPD_MAX_AUTH_DELAY 30

/*
 * How long relay_command may run. The client waits at most 10 minutes for
 * the reply to the final dot (RFC 5321 4.5.3.2.6); stay well below that.
 */
#define SMTPD_RELAY_MAX_SECONDS 300

/* Session states, as bits so that a command table row can allow several. */
enum smtpd_state {
	ST_FRESH = 1 << 0,   /* before HELO/EHLO */
	ST_GREETED = 1 << 1, /* after HELO/EHLO, no transaction */
	ST_MAIL = 1 << 2,    /* MAIL accepted, no recipient yet */
	ST_RCPT = 1 << 3     /* at least one recipient accepted */
};

/* An accepted recipient: local (box >= 0, index into txn.boxes) or relay. */
struct smtpd_rcpt {
	char addr[POSTERN_MAX_PATH + 1];
	int box; /* -1: relayed through relay_command */
};

/* The mail transaction between MAIL and the end of DATA (or RSET). */
struct smtpd_txn {
	struct smtp_path from;
	struct smtpd_rcpt *rcpts; /* distinct accepted addresses */
	size_t n_rcpts, cap_rcpts;
	char **boxes; /* distinct Maildirs of local recipients */
	size_t n_boxes, cap_boxes;
	unsigned n_accepted; /* RCPT commands answered 250 */
	size_t n_relay;      /* rcpts with box == -1 */
};

/*
 * Maildirs this session has created (or found) and cleaned of stale tmp/
 * files: each process serves one connection, so checking every message's
 * Maildirs again (four mkdirs each) and scanning tmp/ after every message
 * buys nothing. A few slots cover nearly every session; a Maildir that finds
 * no slot is simply checked again at its next message.
 */
#define SMTPD_KNOWN_BOXES 4
/* Recipients whose lookup a session remembers (cmd_rcpt.c). */
#define SMTPD_RCPT_MEMO 4

/* One remembered recipient lookup: found (with its Maildir) or not. */
struct smtpd_rcpt_memo {
	char local[POSTERN_MAX_LOCAL_PART + 1];
	char domain[POSTERN_MAX_DOMAIN + 1];
	bool found;
	char maildir[POSTERN_MAX_PATHNAME];
};

struct session {
	struct conn conn;
	struct config cfg;
	struct peer peer;
	int state;          /* one enum smtpd_state bit */
	bool esmtp;         /* EHLO (not HELO) was used */
	bool authenticated; /* AUTH succeeded (RFC 4954) */
	bool closing;       /* a 421 or 221 was sent: end the session */
	int exit_code;      /* when closing: 0 after QUIT, else 1 */
	char helo[POSTERN_MAX_DOMAIN + 1];
	char login[POSTERN_MAX_LOGIN + 1]; /* the authenticated login */
	char id[32];                       /* session id for logs */
	unsigned errors;                   /* protocol errors (error_limit) */
	unsigned junk;                     /* SMTPD_MAX_JUNK_COMMANDS counter */
	unsigned auth_failures;   /* failed AUTH (auth_failure_limit) */
	unsigned messages;        /* messages accepted */
	struct timespec deadline; /* CLOCK_MONOTONIC end of the session */
	struct smtpd_txn txn;
	char known_boxes[SMTPD_KNOWN_BOXES][POSTERN_MAX_PATHNAME];
	size_t n_known_boxes; /* deliver.c: slots in use */
	struct smtpd_rcpt_memo rcpt_memo[SMTPD_RCPT_MEMO];
	size_t n_rcpt_memo, next_rcpt_memo; /* cmd_rcpt.c */
	/* one command line or AUTH response, with room for the NUL */
	char line[POSTERN_SMTP_MAX_AUTH_LINE + 1];
};

/* session.c */

/*
 * Sets s up for a session over the already set up s->conn, s->cfg and
 * s->peer: state, id, deadline. Never fails.
 */
void session_init(struct session *s);

/* Sends the greeting and serves commands until the session ends; returns
   the exit code (0 after QUIT, 1 after an I/O failure, timeout or 421). */
int session_run(struct session *s);

/*
 * Milliseconds a read may wait now: smtpd_timeout, cut to what is left of
 * the session's time bound (0 when it is spent).
 */
int session_read_timeout(const struct session *s);

/*
 * Ends the session after a read that gave no line or data: answers a
 * timeout with 421 4.4.2; EOF and errors get no answer. Sets s->closing.
 */
void session_read_failed(struct session *s, enum conn_status st);

/* Forgets the mail transaction (RSET, HELO/EHLO, after DATA). */
void session_reset_txn(struct session *s);

/* Frees what the session holds (the transaction's lists). */
void session_free(struct session *s);

/*
 * Reads one line into s->line for a verb that continues a dialogue (AUTH
 * responses). Returns its length, or -1 after answering a timeout (421,
 * s->closing set) or a line too long (500 5.5.6), or on EOF/I/O error (closing
 * set, nothing answered).
 */
long session_read_continuation(struct session *s);

/* cmd_helo.c: HELO and EHLO (RFC 5321 4.1.1.1) */
void cmd_helo(struct session *s, char *arg);
void cmd_ehlo(struct session *s, char *arg);

/* True when AUTH may be used on this connection (plaintext_auth). */
bool auth_allowed(const struct session *s);

/* cmd_mail.c: MAIL (RFC 5321 4.1.1.2, RFC 1870, RFC 6152, RFC 4954 5) */
void cmd_mail(struct session *s, char *arg);

/*
 * RFC 5321 4.1.1.2 and 4.1.1.3: the argument starts with keyword ("FROM:",
 * "TO:") in any case. Returns what follows it, or NULL.
 */
const char *smtpd_after_keyword(const char *arg, const char *keyword);

/*
 * The reply for an address smtp_addr_parse refused:
 * 553 5.6.7 for 8-bit, 501 5.5.4 for a bad parameter, else 501 5.1.7
 * (sender) or 501 5.1.3 (recipient).
 */
enum reply_id smtpd_addr_refusal(enum smtp_addr_status st, bool sender);

/* cmd_rcpt.c: RCPT (RFC 5321 4.1.1.3) */
void cmd_rcpt(struct session *s, char *arg);

/* cmd_misc.c: RSET, NOOP, QUIT, VRFY, EXPN, HELP, STARTTLS */
void cmd_rset(struct session *s, char *arg);
void cmd_noop(struct session *s, char *arg);
void cmd_quit(struct session *s, char *arg);
void cmd_vrfy(struct session *s, char *arg);
void cmd_expn(struct session *s, char *arg);
void cmd_help(struct session *s, char *arg);
void cmd_starttls(struct session *s, char *arg);

/* cmd_data.c: DATA (RFC 5321 4.1.1.4) */
void cmd_data(struct session *s, char *arg);

/* auth.c: AUTH PLAIN and LOGIN (RFC 4954, RFC 4616) */
void cmd_auth(struct session *s, char *arg);

/*
 * True when the authenticated user may use the sender address from as
 * MAIL FROM for relayed mail (sender_login_match): the login itself when
 * it is an address, else login@ any local domain.
 */
bool auth_sender_owned(const struct session *s, const struct smtp_path *from);

#endif
