/*
 * lock.c: the exclusive maildrop lock of RFC 1939 section 8. A POSIX
 * record lock (fcntl F_SETLK) on <maildir>/.pop3d.lock: the kernel drops
 * it when the session's process ends however it ends, so a dead session
 * never leaves a stale lock, and NFS carries such locks to the server (NLM
 * on NFSv3, lock state with leases on NFSv4), unlike flock(2) or a lock
 * file whose mere existence is the lock.
 */
#include "pop3d.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fmt.h"

/* The lock file's name; Maildir readers skip names starting with '.'. */
#define LOCK_FILE ".pop3d.lock"

enum lock_status lock_maildrop(const char *maildir, int *fd_r)
{
	char path[POSTERN_MAX_PATHNAME];
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	struct stat st;
	int fd, n;

	*fd_r = -1;
	n = fmt_snprintf(path, sizeof path, "%s/" LOCK_FILE, maildir);
	if (n < 0 || (size_t)n >= sizeof path) {
		errno = ENAMETOOLONG;
		return LOCK_ERROR;
	}
	/* O_NOFOLLOW: whoever can write the Maildir must not be able to
	   make us create or truncate a file elsewhere. */
	fd = open(path,
		  O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC |
			  O_NOCTTY,
		  0600);
	if (fd < 0 && errno == EROFS)
		return LOCK_READONLY;
	if (fd < 0)
		return errno == ENOENT ? LOCK_NODIR : LOCK_ERROR;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return LOCK_ERROR;
	}
	/* Whole file (l_len 0), never waiting: a busy maildrop is [IN-USE]
	   at once (RFC 2449 section 8.1.1). */
	if (fcntl(fd, F_SETLK, &fl) < 0) {
		int e = errno;

		close(fd);
		errno = e;
		return e == EAGAIN || e == EACCES ? LOCK_BUSY : LOCK_ERROR;
	}
	*fd_r = fd;
	return LOCK_OK;
}
