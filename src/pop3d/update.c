/*
 * update.c: the UPDATE state (RFC 1939 section 6), entered only by QUIT.
 * Deleted messages are unlinked, found by their unique name wherever
 * another reader put them; messages that were read move from new/ to cur/
 * with the info ":2,S" (seen), as Maildir readers expect. Files that were
 * not part of the session (mail that arrived meanwhile) are never touched.
 */
#include "pop3d.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "log.h"

/*
 * Which of new/ and cur/ this UPDATE changed: only those are fsynced, so a
 * QUIT that deletes and reads nothing costs no fsync, and one that only
 * deletes from cur/ leaves new/ alone.
 */
struct changed {
	bool new_dir, cur_dir;
};

static void note_change(const struct maildrop *d, int dirfd, struct changed *c)
{
	if (dirfd == d->new_fd)
		c->new_dir = true;
	else if (dirfd == d->cur_fd)
		c->cur_dir = true;
}

static int remove_message(struct maildrop *d, size_t i, struct changed *c)
{
	const struct drop_msg *m = &d->msgs[i];
	int dirfd = m->flags & DROP_IN_CUR ? d->cur_fd : d->new_fd;
	char name[UINT8_MAX + 1];

	if (dirfd >= 0 && unlinkat(dirfd, drop_name(d, i), 0) == 0) {
		note_change(d, dirfd, c);
		return 0;
	}
	if (dirfd >= 0 && errno != ENOENT)
		return -1;
	if (drop_locate(d, i, &dirfd, name) < 0)
		return errno == ENOENT ? 0 : -1; /* gone already: as asked */
	if (unlinkat(dirfd, name, 0) == 0) {
		note_change(d, dirfd, c);
		return 0;
	}
	return errno == ENOENT ? 0 : -1;
}

/*
 * The name in cur/ with the seen flag: "unique:2,S", or the flags of an
 * existing ":2," info with S added in ASCII order, as the Maildir
 * convention keeps them. 0, or -1 when it would not fit a name.
 */
static int seen_name(const char *name, char *out, size_t size)
{
	const char *info = strchr(name, ':');
	size_t pre, k;
	int n;

	if (info == NULL) {
		n = fmt_snprintf(out, size, "%s:2,S", name);
		return n < 0 || (size_t)n >= size ? -1 : 0;
	}
	if (strncmp(info, ":2,", 3) != 0 || strchr(info + 3, 'S') != NULL) {
		n = fmt_snprintf(out, size, "%s", name);
		return n < 0 || (size_t)n >= size ? -1 : 0;
	}
	pre = (size_t)(info + 3 - name);
	for (k = 0; info[3 + k] != '\0' && info[3 + k] < 'S'; k++)
		;
	n = fmt_snprintf(out, size, "%.*sS%s", (int)(pre + k), name,
			 info + 3 + k);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* A message read in this session moves from new/ to cur/. */
static void mark_seen(struct maildrop *d, size_t i, struct changed *c)
{
	char name[UINT8_MAX + 1], seen[UINT8_MAX + 1];
	const char *from = drop_name(d, i);
	int dirfd = d->new_fd;
	char esc[128];

	if (d->new_fd < 0 || d->cur_fd < 0 || (d->msgs[i].flags & DROP_IN_CUR))
		return;
	if (seen_name(from, seen, sizeof seen) < 0)
		return;
	if (renameat(d->new_fd, from, d->cur_fd, seen) == 0) {
		c->new_dir = c->cur_dir = true;
		return;
	}
	if (errno == ENOENT) {
		/* Moved meanwhile: if another reader put it into cur/, it
		   keeps that reader's flags. */
		if (drop_locate(d, i, &dirfd, name) < 0 || dirfd != d->new_fd ||
		    seen_name(name, seen, sizeof seen) < 0)
			return;
		from = name;
		if (renameat(d->new_fd, from, d->cur_fd, seen) == 0) {
			c->new_dir = c->cur_dir = true;
			return;
		}
	}
	log_msg(LOG_NOTICE, "event=mark_seen_failed name=\"%s\" error=\"%s\"",
		log_escape(esc, sizeof esc, from), strerror(errno));
}

size_t update_commit(struct maildrop *d)
{
	struct changed c = { false, false };
	size_t i, failed = 0;
	char esc[128];

	for (i = 0; i < d->n; i++) {
		if (d->msgs[i].flags & DROP_DELETED) {
			if (remove_message(d, i, &c) == 0)
				continue;
			/* RFC 1939 section 6: report it, the rest stays. */
			failed++;
			log_msg(LOG_ERR,
				"event=remove_failed name=\"%s\" error=\"%s\"",
				log_escape(esc, sizeof esc, drop_name(d, i)),
				strerror(errno));
		} else if (d->msgs[i].flags & DROP_READ) {
			mark_seen(d, i, &c);
		}
	}
	/* Make the removals and moves durable before saying +OK; a directory
	   this session did not change has nothing to make durable. */
	if (c.new_dir && d->new_fd >= 0)
		fsync(d->new_fd);
	if (c.cur_dir && d->cur_fd >= 0)
		fsync(d->cur_fd);
	return failed;
}
