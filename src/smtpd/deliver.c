/*
 * deliver.c: a message's way from DATA to the Maildirs. The trace headers
 * (RFC 5321 4.4) go first into one tmp/ file, the message streams in
 * after them, and only when it is complete and fsynced is it linked into
 * every recipient's new/ (after relaying, if any). Any failure removes
 * every copy, so a 4xx never leaves a part delivered.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "deliver.h"
#include "fmt.h"
#include "log.h"
#include "userfile.h"

/* tmp/ entries looked at per Maildir and session when removing a crash's
   leftovers. */
#define DELIVER_CLEAN_ENTRIES 256

static ssize_t known_slot(const struct session *s, const char *dir)
{
	size_t i;

	for (i = 0; i < s->n_known_boxes; i++)
		if (strcmp(s->known_boxes[i], dir) == 0)
			return (ssize_t)i;
	return -1;
}

/*
 * maildir_create, once per Maildir and session: the mkdirs of tmp/, new/
 * and cur/ all fail with EEXIST after the first message. A creation is
 * made durable by maildir_create itself (it fsyncs the parents), so
 * skipping it later loses nothing; a Maildir removed meanwhile shows as
 * ENOENT, and the callers then forget it and create it again. The first
 * time a Maildir is used in the session its tmp/ is also cleaned of
 * files a crash left (older than 36 hours: they cannot be a delivery in
 * progress), which is all the Maildir convention asks.
 */
static int ensure_box(struct session *s, const char *dir)
{
	size_t n = strlen(dir);

	if (known_slot(s, dir) >= 0)
		return 0;
	if (maildir_create(dir) < 0)
		return -1;
	maildir_clean_tmp(dir, (time_t)date_now(), DELIVER_CLEAN_ENTRIES);
	if (s->n_known_boxes < SMTPD_KNOWN_BOXES &&
	    n < sizeof(s->known_boxes[0])) {
		memcpy(s->known_boxes[s->n_known_boxes], dir, n + 1);
		s->n_known_boxes++;
	}
	return 0;
}

/* After ENOENT under dir: it is no longer known to exist. */
static void forget_box(struct session *s, const char *dir)
{
	ssize_t i = known_slot(s, dir);

	if (i < 0)
		return;
	s->n_known_boxes--;
	if ((size_t)i != s->n_known_boxes)
		memcpy(s->known_boxes[i], s->known_boxes[s->n_known_boxes],
		       sizeof(s->known_boxes[0]));
}

static int write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return w < 0 ? errno : EIO;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int deliver_sink(void *ctx, const char *p, size_t n)
{
	struct smtpd_msg *msg = ctx;

	return write_all(msg->f.fd, p, n);
}

enum reply_id deliver_errno_reply(int err)
{
	/* RFC 3463 4.3.1: mail system full; EDQUOT is the user's share. */
	if (err == ENOSPC || err == EDQUOT)
		return R_DISK_FULL;
	return R_TEMP_LOCAL;
}

/*
 * The Maildir that holds the tmp file: the first local recipient's, or
 * for relay-only mail the authenticated user's own.
 */
static enum reply_id spool_dir(struct session *s, struct smtpd_msg *msg)
{
	struct user u;

	if (s->txn.n_boxes > 0) {
		fmt_snprintf(msg->spool, sizeof(msg->spool), "%s",
			     s->txn.boxes[0]);
		return R__COUNT;
	}
	if (userfile_lookup(&s->cfg, s->login, &u) != USERFILE_FOUND)
		return R_TEMP_USERS;
	fmt_snprintf(msg->spool, sizeof(msg->spool), "%s", u.maildir);
	return R__COUNT;
}

/* The queue id: the alphanumerics of the Maildir unique name up to its
   host part, an RFC 5322 atom as the Received "id" clause needs. */
static void make_id(struct smtpd_msg *msg)
{
	const char *u = msg->f.unique;
	size_t n = 0, dots = 0;

	for (; *u != '\0' && dots < 2 && n + 1 < sizeof(msg->id); u++) {
		if (*u == '.')
			dots++;
		else if ((*u >= '0' && *u <= '9') || (*u >= 'A' && *u <= 'Z') ||
			 (*u >= 'a' && *u <= 'z'))
			msg->id[n++] = *u;
	}
	msg->id[n] = '\0';
}

static const char *protocol_name(const struct session *s)
{
	/* RFC 3848: ESMTPA is ESMTP with AUTH. */
	if (s->authenticated)
		return "ESMTPA";
	return s->esmtp ? "ESMTP" : "SMTP";
}

/*
 * Return-Path (RFC 5321 4.4: added at final delivery; relayed copies start
 * after it) and Received, with the peer as an address literal: no DNS.
 */
static int format_headers(const struct session *s, struct smtpd_msg *msg,
			  char *buf, size_t size)
{
	char date[DATE_RFC5322_SIZE], from[POSTERN_MAX_DOMAIN + 96],
		rcpt[POSTERN_MAX_PATH + 16];
	int rp, r;

	date_rfc5322(date_now(), date); /* RFC 5322 3.3, in UTC */
	if (s->peer.is_socket)
		fmt_snprintf(from, sizeof(from), "%s (%s)", s->helo,
			     s->peer.literal);
	else
		fmt_snprintf(from, sizeof(from), "%s", s->helo);
	rcpt[0] = '\0';
	if (s->txn.n_rcpts == 1)
		fmt_snprintf(rcpt, sizeof(rcpt), "\n\tfor <%s>",
			     s->txn.rcpts[0].addr);
	rp = fmt_snprintf(buf, size, "Return-Path: <%s>\n", s->txn.from.addr);
	if (rp < 0 || (size_t)rp >= size)
		return -1;
	r = fmt_snprintf(buf + rp, size - (size_t)rp,
			 "Received: from %s\n\tby %s with %s id %s%s; %s\n",
			 from, s->cfg.hostname, protocol_name(s), msg->id, rcpt,
			 date);
	if (r < 0 || (size_t)r >= size - (size_t)rp)
		return -1;
	msg->relay_offset = rp;
	return rp + r;
}

/* The tmp file in msg->spool, which is created if missing. */
static int open_spool(struct session *s, struct smtpd_msg *msg)
{
	if (ensure_box(s, msg->spool) < 0)
		return -1;
	if (maildir_open_tmp(msg->spool, s->cfg.hostname, &msg->f) == 0)
		return 0;
	if (errno != ENOENT || known_slot(s, msg->spool) < 0)
		return -1;
	/* Removed since an earlier message of the session: make it again. */
	forget_box(s, msg->spool);
	if (ensure_box(s, msg->spool) < 0)
		return -1;
	return maildir_open_tmp(msg->spool, s->cfg.hostname, &msg->f);
}

enum reply_id deliver_begin(struct session *s, struct smtpd_msg *msg)
{
	char hdr[2048];
	enum reply_id r;
	int len, err;
	size_t i;

	memset(msg, 0, sizeof(*msg));
	msg->f.fd = -1;
	r = spool_dir(s, msg);
	if (r != R__COUNT)
		return r;
	if (open_spool(s, msg) < 0) {
		err = errno;
		log_msg(LOG_ERR, "event=error op=open_tmp errno=%d", err);
		return deliver_errno_reply(err);
	}
	make_id(msg);
	len = format_headers(s, msg, hdr, sizeof(hdr));
	err = len < 0 ? EOVERFLOW : write_all(msg->f.fd, hdr, (size_t)len);
	if (err != 0) {
		maildir_abort(&msg->f);
		return deliver_errno_reply(err);
	}
	msg->header_len = (uint64_t)len;
	for (i = 0; i < (size_t)len; i++)
		msg->header_lf += hdr[i] == '\n';
	return R__COUNT;
}

void deliver_abort(struct smtpd_msg *msg)
{
	maildir_abort(&msg->f);
}

/*
 * True when box/new/name already is our file: two account lines that name
 * one Maildir in different ways ("/m/a" and "/m/a/", a symlink) get one
 * copy, as recipients of one account do.
 */
static bool already_there(const struct smtpd_msg *msg, const char *box)
{
	char path[POSTERN_MAX_PATHNAME];
	struct stat a, b;
	int r;

	r = fmt_snprintf(path, sizeof(path), "%s/new/%s", box, msg->f.name);
	return r > 0 && (size_t)r < sizeof(path) &&
	       stat(msg->f.tmp_path, &a) == 0 && stat(path, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Links the finished file into every local recipient's new/, or none. */
static int deliver_local(struct session *s, struct smtpd_msg *msg)
{
	size_t i, j;
	int err;

	for (i = 0; i < s->txn.n_boxes; i++) {
		if (maildir_deliver(msg->f.tmp_path, s->txn.boxes[i],
				    msg->f.name) == 0)
			continue;
		err = errno;
		if (err == ENOENT && known_slot(s, s->txn.boxes[i]) >= 0) {
			/* Removed since an earlier message of the session
			   (ensure_box skipped it): create it and try again. */
			forget_box(s, s->txn.boxes[i]);
			if (ensure_box(s, s->txn.boxes[i]) == 0 &&
			    maildir_deliver(msg->f.tmp_path, s->txn.boxes[i],
					    msg->f.name) == 0)
				continue;
			err = errno;
		}
		if (err == EEXIST && already_there(msg, s->txn.boxes[i]))
			continue;
		log_msg(LOG_ERR, "event=error op=deliver msgid=%s errno=%d",
			msg->id, err);
		for (j = 0; j < i; j++)
			(void)maildir_undeliver(s->txn.boxes[j], msg->f.name);
		return err;
	}
	return 0;
}

enum reply_id deliver_commit(struct session *s, struct smtpd_msg *msg,
			     const struct data_machine *m)
{
	uint64_t size = msg->header_len + m->stored;
	enum relay_result rr;
	size_t i;
	int err;

	if (maildir_finish(&msg->f, size,
			   size + msg->header_lf + m->stored_lf) < 0)
		goto fail;
	/* Create every Maildir first: a missing one must fail the message
	   before anything is relayed (src/smtpd/README.relay). */
	for (i = 0; i < s->txn.n_boxes; i++)
		if (ensure_box(s, s->txn.boxes[i]) < 0)
			goto fail;
	if (s->txn.n_relay > 0) {
		rr = relay_run(s, msg);
		if (rr != RELAY_OK) {
			deliver_abort(msg);
			return rr == RELAY_TEMPFAIL ? R_RELAY_TEMP
						    : R_RELAY_FAILED;
		}
	}
	err = deliver_local(s, msg);
	if (err != 0) {
		deliver_abort(msg);
		/* Relayed copies cannot be called back: a 4xx now would have
		   the client send them again. */
		return s->txn.n_relay > 0 ? R_RELAY_PARTIAL
					  : deliver_errno_reply(err);
	}
	deliver_abort(msg); /* the tmp name only; the new/ links stay */
	return R_QUEUED;
fail:
	err = errno;
	log_msg(LOG_ERR, "event=error op=finish msgid=%s errno=%d", msg->id,
		err);
	deliver_abort(msg);
	return deliver_errno_reply(err);
}
