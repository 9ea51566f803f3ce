/*
 * ufedit.h: reading and atomically rewriting the user file
 * (login:hash[:maildir] lines, INTERFACE.md) for postern-passwd. Lines are
 * streamed one at a time through a fixed buffer, so memory does not grow
 * with the file; comments, blank lines and order pass through unchanged.
 */
#ifndef POSTERN_UFEDIT_H
#define POSTERN_UFEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "postern_limits.h"

/* One line of the user file, as ufedit_scan and ufedit_rewrite pass it. */
struct ufline {
	unsigned long lineno; /* 1-based */
	const char *text;     /* the whole line, without its LF */
	size_t len;
	bool is_entry; /* false for comments and blank lines */
	/* For entries: the fields, NUL-terminated copies. */
	char login[POSTERN_MAX_LOGIN + 1];
	char hash[POSTERN_MAX_HASH + 1];
	char maildir[POSTERN_MAX_PATHNAME]; /* "" when the line has none */
	bool has_maildir;
};

/*
 * Called for every line. For ufedit_rewrite, out is the new file: the
 * callback writes what replaces the line (nothing deletes it; the line
 * itself keeps it, see ufedit_put_line). For ufedit_scan, out is NULL.
 * Returns 0 to go on, -1 to stop with an error it has already reported.
 */
typedef int ufedit_line_fn(void *ctx, const struct ufline *l, FILE *out);

/*
 * Called once after the last line (rewrite only), to append lines.
 * Returns 0, or -1 after reporting an error.
 */
typedef int ufedit_end_fn(void *ctx, FILE *out);

/*
 * Reads path line by line and calls fn for each. A line longer than
 * POSTERN_MAX_FILE_LINE, or one the servers would refuse (NUL byte, bad
 * login, empty or over-long hash, control characters: their own
 * userfile_parse_line judges it) is an error naming FILE:LINE and saying
 * what the servers would log. A missing file is an empty one when missing_ok.
 * Returns 0, or -1 after printing the error to stderr.
 */
int ufedit_scan(const char *path, bool missing_ok, ufedit_line_fn *fn,
		void *ctx);

/*
 * Rewrites path under an exclusive lock on "path.lock": takes the lock
 * (waiting a bounded time), streams the current file through fn into a new
 * file in the same directory (O_EXCL, same owner and mode as the old one;
 * a new user file gets mode 0640 and, when run as root and the group
 * exists, group postern), calls end, then fsyncs it, renames it over path
 * and fsyncs the directory. On any error the old file stays untouched.
 * After the rename, still under the lock, it writes path's index
 * (userindex_write); an index that cannot be written is a warning on
 * stderr, since the change stands and the servers then read the whole
 * file. Returns 0, or -1 after printing the error to stderr.
 */
int ufedit_rewrite(const char *path, ufedit_line_fn *fn, ufedit_end_fn *end,
		   void *ctx);

/*
 * Writes path's index (userindex_write) under the lock on "path.lock", as
 * a rewrite does, with *n_r the accounts in it. Returns 0, or -1 after
 * printing the error (a bad line as FILE:LINE) to stderr; the old index
 * is then gone.
 */
int ufedit_index(const char *path, uint64_t *n_r);

/* Writes l's text and a LF to out, unchanged. Returns 0 or -1 (EIO). */
int ufedit_put_line(const struct ufline *l, FILE *out);

/*
 * Writes an entry "login:hash[:maildir]" and a LF to out; maildir NULL or
 * "" leaves the field out. Returns 0 or -1.
 */
int ufedit_put_entry(FILE *out, const char *login, const char *hash,
		     const char *maildir);

#endif
