/*
 * maildir.h: Maildir delivery and scanning. A message is written once into
 * tmp/ under a unique name, fsynced, then linked (or, across file systems,
 * copied and fsynced) into each recipient's new/, and each new/ directory is
 * fsynced, so that a reply of 250 means the mail is on stable storage.
 */
#ifndef POSTERN_MAILDIR_H
#define POSTERN_MAILDIR_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "postern_limits.h"

/*
 * A message being written. unique is "<sec>.M<usec>P<pid>Q<n>.<host>", the
 * Maildir convention; the file lives at tmp_path until maildir_finish.
 */
struct maildir_file {
	int fd;
	char tmp_path[POSTERN_MAX_PATHNAME];
	char unique[256];
	char name[320]; /* after maildir_finish: unique,S=<s>,W=<w> */
};

/*
 * Creates dir and its tmp/, new/ and cur/ (mode 0700) where missing; the
 * parent of dir is not created. 0, or -1 with errno.
 */
int maildir_create(const char *dir);

/*
 * Opens a new file in dir/tmp/ (O_EXCL, mode 0600) with a unique name built
 * from the time, the pid, a per-process counter and host (characters '/'
 * and ':' of host are escaped as \057 and \072, as the Maildir convention
 * says, and so are '\\', space, controls and 8-bit octets; an empty host
 * is "localhost"). 0, or -1 with errno (ENOSPC, EDQUOT are the caller's
 * "disk full"); f->fd is -1 and f->tmp_path "" on failure.
 */
int maildir_open_tmp(const char *dir, const char *host, struct maildir_file *f);

/*
 * Sets f->name to unique,S=<size>,W=<crlf_size> (size: octets of the file
 * with LF ends; crlf_size: octets with CRLF ends, what POP3 reports), then
 * fsyncs and closes f->fd, checking every result. 0, or -1 with errno:
 * EIO when size is not the file's size (a write went missing). f->fd is
 * -1 afterwards either way; on failure f->name is "".
 */
int maildir_finish(struct maildir_file *f, uint64_t size, uint64_t crlf_size);

/*
 * Puts the finished file at tmp_path into dir/new/name: link(2) when on the
 * same file system, else a copy that is fsynced; then fsyncs dir/new. 0, or
 * -1 with errno (nothing left behind in new/ on failure).
 */
int maildir_deliver(const char *tmp_path, const char *dir, const char *name);

/* Removes a file from dir/new/name (undoing a delivery). */
int maildir_undeliver(const char *dir, const char *name);

/* Closes (if open) and unlinks f's tmp file. Safe to call twice. */
void maildir_abort(struct maildir_file *f);

/*
 * Removes files in dir/tmp/ older than POSTERN_MAILDIR_TMP_MAX_AGE seconds
 * (left by a crash). Best effort; examines at most max_entries entries.
 */
void maildir_clean_tmp(const char *dir, time_t now, unsigned max_entries);

/*
 * Calls cb for each regular entry in dir/new and dir/cur (subdir is "new"
 * or "cur"), skipping names starting with '.', directories and symbolic
 * links (which could point out of the Maildir). Stops after max_entries
 * entries or when cb returns non-zero. 0 when done (a missing dir is an
 * empty maildrop), -1 with errno on a read error, or what cb returned.
 */
int maildir_scan(const char *dir,
		 int (*cb)(void *ctx, const char *subdir, const char *name),
		 void *ctx, unsigned max_entries);

/*
 * From a Maildir file name, the sizes in its ",S=" and ",W=" fields (in the
 * part before ':'; the first of each counts); a field that is missing,
 * malformed or over UINT64_MAX is reported as absent, and its value as 0.
 * Returns a mask: 1 for S found, 2 for W found.
 */
int maildir_name_sizes(const char *name, uint64_t *s_r, uint64_t *w_r);

/*
 * The delivery time (seconds, microseconds) from a name of the form
 * "<sec>.M<usec>..." or "<sec>.<anything>" (usec 0 when there is no valid
 * M part); false when it has neither.
 */
bool maildir_name_time(const char *name, uint64_t *sec_r, uint32_t *usec_r);

#endif
