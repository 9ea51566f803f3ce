/*
 * userindex.h: the user file's index, "<users_file>.index", as Postfix
 * keeps virtual.db beside virtual. Without it every lookup reads and
 * checks the whole user file (INTERFACE.md: a bad line anywhere fails
 * every lookup), which costs about 0.3 ms per connection at 10,000
 * accounts. postern-passwd writes the index after every change and on
 * `postern-passwd index`, from a user file it has checked line by line;
 * the servers use it only while the user file is the very file it was
 * made from (device, inode, size, mtime and ctime to the nanosecond), and
 * otherwise scan the file as before. So a hand edit is never missed: it
 * only makes lookups slow again until the index is rewritten.
 *
 * The index holds logins' hashes and line offsets, never password
 * hashes: each lookup reads its line from the user file itself and judges
 * it with userfile_parse_line().
 */
#ifndef POSTERN_USERINDEX_H
#define POSTERN_USERINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/* Appended to users_file to name the index. */
#define USERINDEX_SUFFIX ".index"
#define USERINDEX_MAGIC  "pstnidx1"
/* Written as is and read back on the same host: a host of the other byte
   order sees another value and ignores the index. */
#define USERINDEX_BYTE_ORDER 0x01020304u
/* At most 2^24 slots (8 accounts per slot pair: far beyond the 64 MiB
   a user file may have). */
#define USERINDEX_MAX_SLOTS (1u << 24)
#define USERINDEX_NO_OFFSET UINT64_MAX

/* The file: this header, then n_slots struct userindex_slot. */
struct userindex_head {
	char magic[8]; /* USERINDEX_MAGIC, no NUL */
	uint32_t byte_order;
	uint32_t n_slots; /* a power of two, 8 .. USERINDEX_MAX_SLOTS */
	/* The user file it was made from, as fstat(2) gave it. */
	uint64_t dev, ino, size;
	int64_t mtime_sec, mtime_nsec, ctime_sec, ctime_nsec;
	/* The first account line whose unlocked hash gives a crypt setting
	   (what the scan takes for the dummy hash), or USERINDEX_NO_OFFSET. */
	uint64_t setting_off;
	uint64_t n_accounts; /* distinct logins, for `postern-passwd` */
};

/*
 * Open addressing with linear probing from userindex_hash(login) modulo
 * n_slots. off1 is the offset of the login's first line plus one; 0 marks
 * an empty slot, which ends a probe. A login appears once.
 */
struct userindex_slot {
	uint32_t hash;
	uint32_t off1;
};

/* FNV-1a over the login with ASCII letters lowered, as logins compare. */
uint32_t userindex_hash(const char *login, size_t len);

/* true when head describes the user file st (same device, inode, size,
   mtime and ctime) and is well formed for an index of index_size octets. */
bool userindex_head_matches(const struct userindex_head *head,
			    const struct stat *st, uint64_t index_size);

/* An open index, for lookups while the user file's fd stays open. */
struct userindex {
	int fd;
	struct userindex_head head;
};

/*
 * Opens users_path's index for the user file open on users_fd (st its
 * fstat): 1 when it may be used, 0 when there is none, or it is stale,
 * badly formed, not a regular file, writable by group or others, or not
 * owned by the user file's owner (these are logged once per call; a
 * missing index is not). ix is to be closed with userindex_close() only
 * after 1.
 */
int userindex_open(const char *users_path, const struct stat *st,
		   struct userindex *ix);

/*
 * The offsets of lines whose login hashes as login does, in probe order:
 * calls fn(ctx, offset) for each until fn returns non-zero, and returns
 * that value; 0 when the probe ends; -1 on a read error or a malformed
 * slot (offset past the user file's size), which makes the index unusable.
 */
int userindex_probe(struct userindex *ix, const char *login, size_t len,
		    int (*fn)(void *ctx, uint64_t off), void *ctx);

void userindex_close(struct userindex *ix);

/*
 * Writes users_path's index (postern-passwd): reads the user file, checks
 * every line with userfile_parse_line(), and writes the index to a
 * temporary file that is fsynced and renamed over "<users_path>.index"
 * (then the directory is fsynced). The user file must not change while it
 * is read: a file changed within the last tick of the file system clock
 * is waited for (bounded) and read again, so that a change the index
 * cannot see always leaves a newer ctime. On a bad line or any error the
 * old index is removed (the servers then scan) and -1 returned with err
 * saying why; 0 on success with *n_accounts_r set.
 */
int userindex_write(const char *users_path, char *err, size_t err_size,
		    uint64_t *n_accounts_r);

#endif
