/*
 * pop3d.h: the state of one POP3 session (RFC 1939), shared by pop3d's
 * files: the command tables of the AUTHORIZATION and TRANSACTION states,
 * the maildrop, its lock, the streaming of messages and the UPDATE state.
 */
#ifndef POSTERN_POP3D_H
#define POSTERN_POP3D_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conn.h"
#include "postern_limits.h"
#include "peer.h"
#include "userfile.h"

/* Longest UIDL: RFC 1939 section 7 allows 1 to 70 characters. */
#define POP3_MAX_UIDL 70
/* Our digest UIDLs: SHA-256 in hex. */
#define POP3_DIGEST_UIDL_LEN 64

/* USER, PASS and AUTH where plaintext_auth forbids them (RFC 3206). */
#define POP3_NO_PLAINTEXT                                                      \
	"[AUTH] plaintext authentication disallowed on this connection"

/* Flags of one message of the maildrop. */
#define DROP_IN_CUR  0x1  /* last seen in cur/ (else new/) */
#define DROP_DELETED 0x2  /* marked by DELE, undone by RSET */
#define DROP_READ    0x4  /* sent by RETR: moves to cur/ at UPDATE */
#define DROP_GONE    0x8  /* not found by the last pass over new/ and cur/ */
#define DROP_FOUND   0x10 /* found by the pass under way */

/*
 * One message. Names live in one arena (struct maildrop), so that a large
 * maildrop costs 24 octets a message plus its name, not a malloc each.
 */
struct drop_msg {
	uint64_t size;    /* octets RETR sends with CRLF, before dot-stuffing */
	uint64_t key;     /* delivery time in microseconds: the order */
	uint32_t name;    /* offset of the NUL-terminated name in the arena */
	uint8_t name_len; /* NAME_MAX is 255 */
	uint8_t uniq_len; /* the unique part: the name up to ':' */
	uint8_t flags;
};

/* 20,000 messages must cost well under 2 MB with their names. */
_Static_assert(sizeof(struct drop_msg) <= 24, "struct drop_msg grew");

/* The messages of a session, fixed at login (RFC 1939 section 4). */
struct maildrop {
	int new_fd, cur_fd; /* directories new/ and cur/, or -1 */
	char path[POSTERN_MAX_PATHNAME];
	struct drop_msg *msgs;
	size_t n, cap;
	char *names;
	size_t names_len, names_cap;
	uint64_t total; /* octets of all messages */
	/* Message indexes in the order of their unique names, made at the
	   first search for moved messages (drop_locate), and when that
	   search last ran over the whole Maildir. */
	uint32_t *by_uniq;
	uint64_t located_ms;
};

enum pop3_state {
	POP3_AUTHORIZATION = 0,
	POP3_TRANSACTION
};

/* What a command handler did; the loop writes the status line. */
enum pop3_result {
	POP3_OK,   /* "+OK <msg>" */
	POP3_ERR,  /* "-ERR <msg>" */
	POP3_BAD,  /* "-ERR <msg>", and one more protocol error counted */
	POP3_QUIET /* the handler wrote its whole reply itself */
};

struct pop3_session {
	struct conn *conn;
	const struct config *cfg;
	const struct peer *peer;
	enum pop3_state state;
	unsigned errors;        /* protocol errors, against error_limit */
	unsigned auth_failures; /* against auth_failure_limit */
	bool have_user;         /* USER given, waiting for PASS */
	char user[POSTERN_MAX_LOGIN + 1];
	char login[POSTERN_MAX_LOGIN + 1]; /* after login */
	int lock_fd;
	struct maildrop drop;
	uint64_t deadline_ms; /* monotonic end of the session */
	char id[32];          /* session id, a field of every log line */
	unsigned retrieved;   /* RETR count, for the log */
	size_t deleted;       /* removed at UPDATE, for the log */
	size_t delete_failed; /* deleted but not removed at UPDATE */
	bool done;            /* the session ends after this reply */
	int exit_code;
	char msg[POSTERN_POP3_MAX_COMMAND + 64]; /* text after +OK / -ERR */
};

/* Arguments a command takes; the dispatcher enforces it. */
enum pop3_args {
	ARGS_NONE,     /* no argument */
	ARGS_OPTIONAL, /* an optional argument (spaces trimmed) */
	ARGS_REQUIRED, /* one or more words (spaces trimmed) */
	ARGS_RAW       /* the rest of the line verbatim (PASS) */
};

#define CMD_SECRET 0x1 /* never log the argument */

struct pop3_cmd {
	const char *verb;
	enum pop3_result (*fn)(struct pop3_session *s, char *arg);
	enum pop3_args args;
	unsigned flags;
};

/* The AUTHORIZATION and TRANSACTION tables, ended by a NULL verb. */
extern const struct pop3_cmd pop3_auth_cmds[];
extern const struct pop3_cmd pop3_trans_cmds[];

/* session.c */

/*
 * Runs the session from the greeting to its end and returns the exit
 * code: 0 after QUIT, 1 after an I/O failure, a timeout or a hang-up.
 */
int pop3_session_run(struct pop3_session *s);

/* Sets the text the loop writes after "+OK " or "-ERR ". Returns r. */
enum pop3_result pop3_reply(struct pop3_session *s, enum pop3_result r,
			    const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Reads one line (an AUTH continuation) of at most size-1 octets into buf
 * under the session's timeouts. 0; -1 when the line was too long, -3 when
 * it held a NUL (a reply is due either way); -2 when the session is over
 * (s->done is set).
 */
int pop3_read_line(struct pop3_session *s, char *buf, size_t size,
		   size_t *len_r);

/* CAPA (RFC 2449 section 5), in both states. */
enum pop3_result pop3_cmd_capa(struct pop3_session *s, char *arg);

/* NOOP: +OK in both states where allowed. */
enum pop3_result pop3_cmd_noop(struct pop3_session *s, char *arg);

/* True when plaintext_auth allows USER, PASS and AUTH here. */
bool pop3_plaintext_allowed(const struct pop3_session *s);

/* Milliseconds on the monotonic clock. */
uint64_t pop3_now_ms(void);

/* auth.c */

/*
 * Checks login and password (wiped by the caller) as USER/PASS and AUTH
 * do; on success locks and loads the maildrop and enters TRANSACTION.
 * Sets s->msg and returns the reply, after the failure delay.
 */
enum pop3_result pop3_login(struct pop3_session *s, const char *login,
			    const char *password, const char *mech);

/*
 * A failed login: waits auth_failure_delay (longer with each failure),
 * counts it, and ends the session at auth_failure_limit. Returns POP3_ERR
 * with the [AUTH] reply set.
 */
enum pop3_result pop3_auth_failed(struct pop3_session *s, const char *login,
				  const char *mech, const char *why);

/* auth_sasl.c */

/* AUTH (RFC 5034) with PLAIN and LOGIN; without a mechanism, lists them. */
enum pop3_result pop3_cmd_auth(struct pop3_session *s, char *arg);

/* drop.c */

/*
 * Reads the Maildir at path into d: every message of new/ and cur/, in
 * delivery order (time from the name, else the file's mtime; ties by
 * name), with its size. A missing Maildir is an empty maildrop. 0, or -1
 * with errno (d is then empty and may be freed).
 */
int drop_load(struct maildrop *d, const char *path);

/* Frees what drop_load allocated and closes the directories. */
void drop_free(struct maildrop *d);

/*
 * Records that message i is now called name, in cur/ when cur is true.
 * The name (at most NAME_MAX octets) may move in the arena: pointers from
 * drop_name() are invalid afterwards.
 */
void drop_remember(struct maildrop *d, size_t i, const char *name, bool cur);

/* The file name of message i (0-based) as last seen; see drop_remember. */
const char *drop_name(const struct maildrop *d, size_t i);

/*
 * Opens message i for reading, finding it by its unique name in new/ or
 * cur/ when another reader moved or renamed it (and remembering where).
 * A file descriptor, or -1 with errno (ENOENT: the message is gone).
 */
int drop_open(struct maildrop *d, size_t i);

/*
 * Looks message i up by its unique name in new/ and cur/, points *dirfd_r
 * and name_r (NAME_MAX + 1 octets) at where it is now and remembers that
 * (drop_remember). 0, or -1 with errno (ENOENT: gone). One pass over the
 * Maildir finds every moved message of the drop again, so that a folder
 * another reader moved as a whole costs one pass, not one per message; a
 * message that pass did not find is searched again only a second later.
 */
int drop_locate(struct maildrop *d, size_t i, int *dirfd_r, char *name_r);

/*
 * Writes message i's UIDL into out (POP3_MAX_UIDL + 1 octets): its unique
 * name when that is 1-70 characters in 0x21-0x7E, else the hex SHA-256 of
 * it (RFC 1939 section 7: stable across sessions, never repeated).
 */
void drop_uidl(const struct maildrop *d, size_t i, char *out);

/* lock.c */

enum lock_status {
	LOCK_OK = 0,
	LOCK_BUSY,  /* another session holds the maildrop */
	LOCK_NODIR, /* the Maildir does not exist: nothing to lock */
	/* On a read-only file system (an archive, or one the kernel
	   remounted read-only after errors) no session can change the
	   maildrop, so it is served without a lock: RETR works and the
	   removals of UPDATE fail with [SYS/TEMP] (RFC 1939 section 6). */
	LOCK_READONLY,
	LOCK_ERROR /* errno set */
};

/*
 * Takes the exclusive lock of the maildrop at maildir (an fcntl lock on
 * its .pop3d.lock file). *fd_r keeps the lock until closed or until the
 * process ends, whichever comes first.
 */
enum lock_status lock_maildrop(const char *maildir, int *fd_r);

/* retr.c */

/*
 * Streams the file fd onto c (c NULL: only counts) as RETR sends it: LF
 * becomes CRLF (an existing CRLF stays), a line starting with '.' gets
 * one more (RFC 1939 section 3), and a last line without its end gets
 * CRLF. With body_lines >= 0 (TOP) it stops after the header, the blank
 * line and that many body lines. The ".CRLF" terminator is the caller's.
 * *size_r (may be NULL) receives the octets before dot-stuffing.
 * 0, -1 on a read error (errno), -2 when the connection failed.
 */
int retr_stream(struct conn *c, int fd, int64_t body_lines, uint64_t *size_r);

/* update.c */

/*
 * The UPDATE state (RFC 1939 section 6): unlinks the deleted messages,
 * moves read messages from new/ to cur/ with ":2,S". Returns the number
 * of deleted messages that could not be removed.
 */
size_t update_commit(struct maildrop *d);

#endif
