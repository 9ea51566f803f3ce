/*
 * userindex.c: the servers' side of the user file's index (userindex.h):
 * whether an index may be used for the user file open now, and probes of
 * its slots. The index only says where to look; userfile.c reads the line
 * there and judges it as a scan would. Written by userindex_write.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "log.h"
#include "postern_limits.h"
#include "userindex.h"

/* Slots read per pread(2) of a probe: one cache line's worth and more. */
#define USERINDEX_PROBE_BATCH 16

uint32_t userindex_hash(const char *login, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)login[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		h = (h ^ c) * 16777619u;
	}
	return h;
}

static bool userindex_same_file(const struct userindex_head *h,
				const struct stat *st)
{
	return h->dev == (uint64_t)st->st_dev &&
	       h->ino == (uint64_t)st->st_ino &&
	       h->size == (uint64_t)st->st_size &&
	       h->mtime_sec == (int64_t)st->st_mtim.tv_sec &&
	       h->mtime_nsec == (int64_t)st->st_mtim.tv_nsec &&
	       h->ctime_sec == (int64_t)st->st_ctim.tv_sec &&
	       h->ctime_nsec == (int64_t)st->st_ctim.tv_nsec;
}

/* Everything but the user file's identity. */
static bool userindex_well_formed(const struct userindex_head *h,
				  uint64_t index_size)
{
	return memcmp(h->magic, USERINDEX_MAGIC, sizeof(h->magic)) == 0 &&
	       h->byte_order == USERINDEX_BYTE_ORDER && h->n_slots >= 8 &&
	       h->n_slots <= USERINDEX_MAX_SLOTS &&
	       (h->n_slots & (h->n_slots - 1)) == 0 &&
	       index_size ==
		       sizeof(*h) + (uint64_t)h->n_slots *
					    sizeof(struct userindex_slot) &&
	       (h->setting_off == USERINDEX_NO_OFFSET ||
		h->setting_off < h->size) &&
	       h->n_accounts <= h->n_slots;
}

bool userindex_head_matches(const struct userindex_head *head,
			    const struct stat *st, uint64_t index_size)
{
	return userindex_well_formed(head, index_size) &&
	       userindex_same_file(head, st);
}

/* Logs why an index that exists is not used (once per lookup). */
static void userindex_ignored(const char *path, const char *why)
{
	char esc[POSTERN_MAX_PATHNAME];

	log_escape(esc, sizeof(esc), path);
	log_msg(LOG_WARNING,
		"event=userfile_index_ignored file=%s reason=\"%s\"", esc, why);
}

int userindex_open(const char *users_path, const struct stat *st,
		   struct userindex *ix)
{
	char path[POSTERN_MAX_PATHNAME];
	struct stat ist;
	ssize_t n;
	int r;

	r = fmt_snprintf(path, sizeof(path), "%s%s", users_path,
			 USERINDEX_SUFFIX);
	if (r < 0 || (size_t)r >= sizeof(path))
		return 0;
	ix->fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (ix->fd == -1) {
		if (errno != ENOENT)
			userindex_ignored(path, strerror(errno));
		return 0;
	}
	/* The index steers which line a login gets: only the user file's
	   owner may have written it. */
	if (fstat(ix->fd, &ist) != 0 || !S_ISREG(ist.st_mode) ||
	    ist.st_uid != st->st_uid || (ist.st_mode & 022) != 0) {
		userindex_ignored(path, "not a regular file of the user "
					"file's owner, unwritable by others");
		goto unusable;
	}
	do
		n = pread(ix->fd, &ix->head, sizeof(ix->head), 0);
	while (n < 0 && errno == EINTR);
	if (n != (ssize_t)sizeof(ix->head) ||
	    !userindex_well_formed(&ix->head, (uint64_t)ist.st_size)) {
		userindex_ignored(path, "malformed; rewrite it with "
					"postern-passwd index");
		goto unusable;
	}
	if (!userindex_same_file(&ix->head, st)) {
		userindex_ignored(path, "made from another version of the "
					"user file; run postern-passwd index");
		goto unusable;
	}
	return 1;
unusable:
	close(ix->fd);
	ix->fd = -1;
	return 0;
}

int userindex_probe(struct userindex *ix, const char *login, size_t len,
		    int (*fn)(void *ctx, uint64_t off), void *ctx)
{
	struct userindex_slot slot[USERINDEX_PROBE_BATCH];
	uint32_t h = userindex_hash(login, len), mask = ix->head.n_slots - 1;
	uint32_t i = h & mask, probed = 0, k, j;
	ssize_t n;
	int r;

	/* Every slot at most once: a full table cannot loop. */
	while (probed < ix->head.n_slots) {
		k = ix->head.n_slots - i;
		if (k > USERINDEX_PROBE_BATCH)
			k = USERINDEX_PROBE_BATCH;
		do
			n = pread(ix->fd, slot, k * sizeof(slot[0]),
				  (off_t)(sizeof(ix->head) +
					  (uint64_t)i * sizeof(slot[0])));
		while (n < 0 && errno == EINTR);
		if (n != (ssize_t)(k * sizeof(slot[0])))
			return -1;
		for (j = 0; j < k; j++, probed++) {
			if (slot[j].off1 == 0)
				return 0;
			if ((uint64_t)slot[j].off1 > ix->head.size)
				return -1;
			if (slot[j].hash != h)
				continue;
			if ((r = fn(ctx, (uint64_t)slot[j].off1 - 1)) != 0)
				return r;
		}
		i = (i + k) & mask;
	}
	return 0;
}

void userindex_close(struct userindex *ix)
{
	if (ix->fd != -1)
		close(ix->fd);
	ix->fd = -1;
}
