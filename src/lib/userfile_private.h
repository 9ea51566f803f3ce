/*
 * userfile_private.h: what a lookup's two ways share, the scan of the
 * whole file (userfile.c) and the lookup through the index
 * (userfile_indexed.c): the logins wanted and what was found.
 */
#ifndef POSTERN_USERFILE_PRIVATE_H
#define POSTERN_USERFILE_PRIVATE_H

#include <sys/stat.h>

#include "userfile.h"

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
