/*
 * deliver.h: storing a message (the tmp file with its trace headers),
 * delivering it into the recipients' Maildirs, and relaying it through
 * relay_command for authenticated users' remote recipients.
 */
#ifndef POSTERN_SMTPD_DELIVER_H
#define POSTERN_SMTPD_DELIVER_H

#include <stdint.h>
#include <sys/types.h>

#include "data.h"
#include "maildir.h"
#include "replies.h"
#include "smtpd.h"

/* One message on its way: the tmp file and what was written before the
   client's data. */
struct smtpd_msg {
	struct maildir_file f;
	char spool[POSTERN_MAX_PATHNAME]; /* the Maildir holding f */
	char id[64];                      /* queue id, an RFC 5322 atom */
	uint64_t header_len;              /* octets of our trace headers */
	uint64_t header_lf;               /* their lines */
	off_t relay_offset; /* where Received starts: relayed copies carry
			       no Return-Path (RFC 5321 4.4) */
};

/*
 * Opens the tmp file (in the first local recipient's Maildir, created if
 * missing, or the authenticated user's for relay-only mail) and writes
 * Return-Path and Received. R__COUNT on success; else the reply (451
 * 4.3.0, 452 4.3.1) with nothing left behind.
 */
enum reply_id deliver_begin(struct session *s, struct smtpd_msg *msg);

/* A data_sink_fn writing to msg->f (ctx is the struct smtpd_msg). */
int deliver_sink(void *ctx, const char *p, size_t n);

/*
 * After a complete, acceptable message (m): fsyncs it, relays it when
 * there are remote recipients, links it into every local recipient's
 * new/ and removes the tmp name. Returns R_QUEUED when every part is on
 * stable storage or relayed; else the reply, with no local copy left
 * (README.relay tells what happens when the relay succeeded).
 */
enum reply_id deliver_commit(struct session *s, struct smtpd_msg *msg,
			     const struct data_machine *m);

/* Removes the tmp file (a refused or interrupted message). */
void deliver_abort(struct smtpd_msg *msg);

/* 452 4.3.1 for ENOSPC and EDQUOT, else 451 4.3.0. */
enum reply_id deliver_errno_reply(int err);

enum relay_result {
	RELAY_OK = 0,
	RELAY_TEMPFAIL, /* exit 75 (EX_TEMPFAIL), or it could not start */
	RELAY_FAILED    /* any other exit, a signal, or the time bound */
};

/*
 * Runs relay_command once with "-i -f <sender> -- <remote recipients>"
 * and the finished tmp file from the Received header on as its stdin;
 * no shell, stdout and stderr to /dev/null (never onto the connection),
 * at most SMTPD_RELAY_MAX_SECONDS.
 */
enum relay_result relay_run(struct session *s, const struct smtpd_msg *msg);

#endif
