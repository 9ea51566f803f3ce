/*
 * userfile_private.h: what a lookup's two ways share, the scan of the
 * whole file (userfile.c) and the lookup through the index
 * (userfile_indexed.c): the logins wanted and what was found.
 */
#ifndef POSTERN_USERFILE_PRIVATE_H
#define POSTERN_USERFILE_PRIVATE_H

#include <stdint.h>
#include <sys/stat.h>

#include "userfile.h"

/* Reads of the user file: 10,000 accounts are a few dozen read(2)s. */
#define UF_READ_BUF 65536
/*
 * Without a usable index the user file is read whole on every lookup: a
 * bound keeps a mistaken users_file (a log, a sparse file) from stalling
 * sessions. 64 MiB is some 500,000 accounts. The index writer keeps to it
 * too, which also keeps every offset within 32 bits.
 */
#define UF_MAX_FILE_SIZE (64L * 1024 * 1024)

/* The user file read line by line through one fixed buffer (the scan,
   and the index writer). Set fd and zero the rest before the first line. */
struct uf_reader {
	int fd;
	size_t start, end; /* unread octets of buf */
	size_t high;       /* octets of buf ever filled: what to wipe */
	long total;        /* octets read so far, at most UF_MAX_FILE_SIZE */
	uint64_t line_off; /* offset in the file of the line last returned */
	bool eof;
	char buf[UF_READ_BUF];
};

/*
 * The next line, in place in r->buf (*line_r, *len_r octets without its
 * LF): 1, 0 at the end, -1 on a read error or a file over
 * UF_MAX_FILE_SIZE (errno EFBIG). Lines are not copied: a line cut by the
 * end of the buffer is moved to its start before the next read. A line of
 * POSTERN_MAX_FILE_LINE octets or more comes back with at least that
 * length, and the caller stops there.
 */
int uf_nextline(struct uf_reader *r, const char **line_r, size_t *len_r);

/* Logins one lookup looks for: postmaster key, local@domain, local. */
#define UF_MAX_WANT 3

struct uf_scan {
	const char *want[UF_MAX_WANT]; /* in order of preference */
	size_t want_len[UF_MAX_WANT];
	size_t n_want;
	int best; /* index in want of the account in u, -1 for none yet */
	char setting[POSTERN_MAX_HASH + 1]; /* first usable account's, or "" */
};

/*
 * Looks at one account line: takes the dummy setting from it while there
 * is none, and fills u when its login is wanted above sc->best. NULL, or
 * what is wrong (a default maildir path too long).
 */
const char *uf_consider(const struct config *cfg, struct uf_scan *sc,
			const struct userfile_entry *e, struct user *u);

/*
 * The lookup through the index, for the user file open on fd (st its
 * fstat, esc its name escaped for logs): 1 with *status_r when the index
 * answered, 0 when there is no usable index and the file must be scanned.
 */
int uf_indexed_scan(const struct config *cfg, struct uf_scan *sc,
		    struct user *u, int fd, const struct stat *st,
		    const char *esc, enum userfile_status *status_r);

#endif
