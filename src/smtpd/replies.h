/*
 * replies.h: every reply smtpd sends, named, with its code and enhanced
 * status code (RFC 3463, RFC 2034) kept together, and the one emitter that
 * writes them and carries their side effects (error counting, closing).
 */
#ifndef POSTERN_SMTPD_REPLIES_H
#define POSTERN_SMTPD_REPLIES_H

#include <stddef.h>

struct session;

/* Reply flags. */
#define RF_ERROR 0x1 /* a protocol error: counts towards error_limit */
#define RF_NOESC 0x2 /* no enhanced code: greeting, HELO/EHLO, 3xx */

/*
 * X(name, code, enhanced code, flags, text). The class digit of the code
 * and of the enhanced code agree (RFC 3463 2); tests/unit/test_smtpd_replies
 * checks the whole list.
 */
#define SMTPD_REPLIES(X)                                                       \
	X(R_GREETING, 220, NULL, RF_NOESC, "ESMTP postern")                    \
	X(R_HELO, 250, NULL, RF_NOESC, "Hello")                                \
	X(R_DONE, 250, "2.0.0", 0, "Ok")                                       \
	X(R_MAIL_OK, 250, "2.1.0", 0, "Ok")                                    \
	X(R_RCPT_OK, 250, "2.1.5", 0, "Ok")                                    \
	X(R_QUEUED, 250, "2.0.0", 0, "Ok: queued as")                          \
	X(R_VRFY, 252, "2.0.0", 0,                                             \
	  "Cannot VRFY user, but will accept message and attempt delivery")    \
	X(R_HELP, 214, "2.0.0", 0,                                             \
	  "Commands: HELO EHLO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP AUTH")  \
	X(R_BYE, 221, "2.0.0", 0, "Bye")                                       \
	X(R_AUTH_OK, 235, "2.7.0", 0, "Authentication successful")             \
	X(R_AUTH_CHALLENGE, 334, NULL, RF_NOESC, "")                           \
	X(R_DATA_GO, 354, NULL, RF_NOESC, "End data with <CR><LF>.<CR><LF>")   \
	X(R_TIMEOUT, 421, "4.4.2", 0, "Timeout exceeded")                      \
	X(R_SESSION_TIME, 421, "4.4.2", 0, "Session time limit exceeded")      \
	X(R_TOO_MANY_ERRORS, 421, "4.7.0", 0, "Too many errors")               \
	X(R_TOO_MANY_COMMANDS, 421, "4.7.0", 0,                                \
	  "Too many commands without a transaction")                           \
	X(R_TOO_MANY_AUTH, 421, "4.7.0", 0, "Too many failed authentications") \
	X(R_CONFIG_ERROR, 421, "4.3.0", 0,                                     \
	  "Service not available: configuration error")                        \
	X(R_INTERNAL, 421, "4.3.0", 0, "Internal error")                       \
	X(R_TEMP_USERS, 451, "4.3.0", 0, "Temporary recipient lookup failure") \
	X(R_TEMP_LOCAL, 451, "4.3.0", 0, "Local error in processing")          \
	X(R_RELAY_TEMP, 451, "4.3.0", 0, "Relay temporarily failed")           \
	X(R_DISK_FULL, 452, "4.3.1", 0, "Insufficient system storage")         \
	X(R_TOO_MANY_RCPTS, 452, "4.5.3", 0, "Too many recipients")            \
	X(R_AUTH_TEMP, 454, "4.7.0", 0, "Temporary authentication failure")    \
	X(R_UNKNOWN, 500, "5.5.2", RF_ERROR, "Command not recognized")         \
	X(R_LINE_TOO_LONG, 500, "5.5.2", RF_ERROR, "Line too long")            \
	X(R_NUL, 500, "5.5.2", RF_ERROR, "NUL character in command")           \
	X(R_AUTH_TOO_LONG, 500, "5.5.6", RF_ERROR,                             \
	  "Authentication Exchange line is too long")                          \
	X(R_NO_ARGS, 501, "5.5.4", RF_ERROR, "No parameters allowed")          \
	X(R_NEED_ARG, 501, "5.5.4", RF_ERROR, "Argument required")             \
	X(R_BAD_HELO, 501, "5.5.4", RF_ERROR, "Invalid domain name")           \
	X(R_MAIL_SYNTAX, 501, "5.5.4", RF_ERROR,                               \
	  "Syntax: MAIL FROM:<address>")                                       \
	X(R_RCPT_SYNTAX, 501, "5.5.4", RF_ERROR, "Syntax: RCPT TO:<address>")  \
	X(R_BAD_PARAM, 501, "5.5.4", RF_ERROR, "Invalid parameter")            \
	X(R_AUTH_SYNTAX, 501, "5.5.4", RF_ERROR,                               \
	  "Syntax: AUTH mechanism [initial-response]")                         \
	X(R_BAD_SENDER, 501, "5.1.7", RF_ERROR, "Bad sender address syntax")   \
	X(R_BAD_RCPT, 501, "5.1.3", RF_ERROR, "Bad recipient address syntax")  \
	X(R_AUTH_CANCEL, 501, "5.7.0", RF_ERROR, "Authentication cancelled")   \
	X(R_AUTH_BASE64, 501, "5.5.2", RF_ERROR, "Invalid base64 data")        \
	X(R_NOT_IMPL, 502, "5.5.1", RF_ERROR, "Command not implemented")       \
	X(R_NEED_HELO, 503, "5.5.1", RF_ERROR, "Send HELO/EHLO first")         \
	X(R_NEED_MAIL, 503, "5.5.1", RF_ERROR, "Need MAIL command")            \
	X(R_NESTED_MAIL, 503, "5.5.1", RF_ERROR, "Nested MAIL command")        \
	X(R_AUTH_AGAIN, 503, "5.5.1", RF_ERROR, "Already authenticated")       \
	X(R_AUTH_IN_TXN, 503, "5.5.1", RF_ERROR,                               \
	  "AUTH not allowed during a mail transaction")                        \
	X(R_AUTH_MECH, 504, "5.5.4", RF_ERROR,                                 \
	  "Unrecognized authentication type")                                  \
	X(R_AUTH_FAILED, 535, "5.7.8", 0,                                      \
	  "Authentication credentials invalid")                                \
	X(R_AUTH_ENCRYPT, 538, "5.7.11", 0,                                    \
	  "Encryption required for requested authentication mechanism")        \
	X(R_NO_SUCH_USER, 550, "5.1.1", 0, "No such user here")                \
	X(R_BARE_LINE_END, 550, "5.5.2", 0,                                    \
	  "Message refused: bare CR or LF in data")                            \
	X(R_TOO_BIG, 552, "5.3.4", 0, "Message size exceeds fixed limit")      \
	X(R_8BIT_ADDR, 553, "5.6.7", RF_ERROR,                                 \
	  "Non-ASCII address not supported")                                   \
	X(R_NOT_OWNER, 553, "5.7.1", 0, "Sender address not owned by user")    \
	X(R_NO_VALID_RCPTS, 554, "5.5.1", RF_ERROR, "No valid recipients")     \
	X(R_RELAY_DENIED, 554, "5.7.1", 0, "Relay access denied")              \
	X(R_LOOP, 554, "5.4.6", 0, "Too many Received headers: mail loop")     \
	X(R_RELAY_FAILED, 554, "5.3.0", 0, "Relay failed")                     \
	X(R_RELAY_PARTIAL, 554, "5.3.0", 0,                                    \
	  "Relayed, but local delivery failed: do not retry")                  \
	X(R_UNKNOWN_PARAM, 555, "5.5.4", RF_ERROR, "Unsupported parameter")

#define SMTPD_REPLY_ENUM(name, code, esc, flags, text) name,

enum reply_id {
	SMTPD_REPLIES(SMTPD_REPLY_ENUM) R__COUNT
};

#undef SMTPD_REPLY_ENUM

struct reply {
	const char *name; /* "R_DONE": for the test; reply_word() logs it */
	int code;         /* 200..559 */
	const char *esc;  /* "x.y.z", NULL with RF_NOESC */
	unsigned flags;   /* RF_* */
	const char *text;
};

/* The table, indexed by enum reply_id, R__COUNT entries. */
extern const struct reply smtpd_replies[R__COUNT];

/*
 * Sends reply id with its table text. Every reply goes through here or the
 * variants below: they count protocol errors (RF_ERROR) and set
 * s->closing after a 421. A reply whose class digits disagree aborts the
 * program (a bug, never the client's doing).
 */
void reply(struct session *s, enum reply_id id);

/* Sends reply id with text formatted from fmt instead of the table text. */
void reply_fmt(struct session *s, enum reply_id id, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Sends reply id as "<addr>: text" (Postfix style, for recipients). */
void reply_addr(struct session *s, enum reply_id id, const char *addr);

/*
 * Sends a multi-line reply of n >= 1 lines (RFC 5321 4.2.1: "250-" on all
 * lines but the last, which has "250 ").
 */
void reply_lines(struct session *s, enum reply_id id, const char *const *lines,
		 size_t n);

/* Room for any reply_word(), with its NUL. */
#define REPLY_WORD_MAX 32

/*
 * The reply's name as logs give it, a stable lower-case word without the
 * "R_" ("too_big" for R_TOO_BIG), written into dst (size octets, always
 * NUL-terminated). Returns dst.
 */
char *reply_word(char *dst, size_t size, enum reply_id id);

/* True when the table entry is self-consistent (code range, class digits,
   enhanced code syntax, flags); used by the emitter and the unit test. */
int reply_valid(const struct reply *r);

#endif
