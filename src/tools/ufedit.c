/*
 * ufedit.c: the user file as postern-passwd reads and rewrites it. Lines
 * stream through one fixed buffer; a rewrite happens under flock(2) on a
 * lock file beside the user file (the user file itself is replaced by
 * rename, so a lock on it would guard the wrong inode) and goes through a
 * temporary file in the same directory: write, fsync, rename, fsync dir.
 * The index (userindex.h) is written under the same lock, so that the
 * last editor's index describes the last editor's file.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "syncdir.h"
#include "ufedit.h"
#include "userfile.h"
#include "userindex.h"

/* How long an edit waits for another editor to finish (milliseconds). */
#define UFEDIT_LOCK_WAIT_MS 10000
#define UFEDIT_LOCK_POLL_MS 50
/* Mode of a user file that does not exist yet: the servers read it as
   group postern; the hashes are no one else's business. */
#define UFEDIT_NEW_MODE 0640

/* One line and its terminating NUL; longer lines are an error. */
static char linebuf[POSTERN_MAX_FILE_LINE + 1];

/* 1: a line in linebuf (*len octets, LF removed); 0: end of file;
   -1: longer than POSTERN_MAX_FILE_LINE; -2: read error. */
static int read_line(FILE *f, size_t *len)
{
	size_t n = 0;
	int c;

	while ((c = getc(f)) != EOF) {
		if (c == '\n')
			break;
		/* Room for the NUL; the LF counts towards the limit. */
		if (n + 2 > POSTERN_MAX_FILE_LINE)
			return -1;
		linebuf[n++] = (char)c;
	}
	if (c == EOF && ferror(f))
		return -2;
	if (c == EOF && n == 0)
		return 0;
	linebuf[n] = '\0';
	*len = n;
	return 1;
}

/*
 * Fills l from linebuf; NULL, or what makes the line bad. The servers'
 * own parser judges it, on a copy: it cuts the line at its ':'s, and
 * l->text must stay whole for ufedit_put_line.
 */
static const char *parse_line(struct ufline *l, size_t len)
{
	static char work[POSTERN_MAX_FILE_LINE + 1];
	struct userfile_entry e;
	const char *bad;

	l->text = linebuf;
	l->len = len;
	l->is_entry = false;
	memcpy(work, linebuf, len + 1);
	bad = userfile_parse_line(work, len, &e);
	if (bad != NULL || e.login == NULL)
		return bad;
	/* The parser bounds each field by the size of its copy here. */
	l->is_entry = true;
	memcpy(l->login, e.login, strlen(e.login) + 1);
	memcpy(l->hash, e.hash, strlen(e.hash) + 1);
	l->has_maildir = e.maildir != NULL;
	l->maildir[0] = '\0';
	if (e.maildir != NULL)
		memcpy(l->maildir, e.maildir, strlen(e.maildir) + 1);
	return NULL;
}

/* Streams f through fn (and end); 0 or -1 after reporting. */
static int stream(const char *path, FILE *f, ufedit_line_fn *fn,
		  ufedit_end_fn *end, void *ctx, FILE *out)
{
	static struct ufline l;
	const char *bad;
	size_t len;
	int r;

	for (l.lineno = 1;; l.lineno++) {
		r = read_line(f, &len);
		if (r == 0)
			break;
		if (r == -2) {
			fprintf(stderr, "postern-passwd: %s: %s\n", path,
				strerror(errno));
			return -1;
		}
		bad = r == -1 ? "line too long" : parse_line(&l, len);
		if (bad != NULL) {
			fprintf(stderr, "postern-passwd: %s:%lu: %s\n", path,
				l.lineno, bad);
			return -1;
		}
		if (fn(ctx, &l, out) < 0)
			return -1;
	}
	return end != NULL ? end(ctx, out) : 0;
}

int ufedit_scan(const char *path, bool missing_ok, ufedit_line_fn *fn,
		void *ctx)
{
	FILE *f = fopen(path, "re");
	int r;

	if (f == NULL) {
		if (errno == ENOENT && missing_ok)
			return 0;
		fprintf(stderr, "postern-passwd: %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	r = stream(path, f, fn, NULL, ctx, NULL);
	fclose(f);
	return r;
}

int ufedit_put_line(const struct ufline *l, FILE *out)
{
	if (fwrite(l->text, 1, l->len, out) != l->len || putc('\n', out) < 0)
		return -1;
	return 0;
}

int ufedit_put_entry(FILE *out, const char *login, const char *hash,
		     const char *maildir)
{
	bool md = maildir != NULL && maildir[0] != '\0';

	if (fprintf(out, "%s:%s%s%s\n", login, hash, md ? ":" : "",
		    md ? maildir : "") < 0)
		return -1;
	return 0;
}

/* Takes an exclusive flock on "path.lock", waiting a bounded time. */
static int lock_take(const char *path)
{
	char lpath[POSTERN_MAX_PATHNAME];
	struct timespec pause = { 0, UFEDIT_LOCK_POLL_MS * 1000000L };
	int fd, waited;

	if ((size_t)snprintf(lpath, sizeof lpath, "%s.lock", path) >=
	    sizeof lpath) {
		fprintf(stderr, "postern-passwd: %s: path too long\n", path);
		return -1;
	}
	fd = open(lpath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		fprintf(stderr, "postern-passwd: %s: %s\n", lpath,
			strerror(errno));
		return -1;
	}
	for (waited = 0; flock(fd, LOCK_EX | LOCK_NB) < 0;
	     waited += UFEDIT_LOCK_POLL_MS) {
		if ((errno != EWOULDBLOCK && errno != EINTR) ||
		    waited >= UFEDIT_LOCK_WAIT_MS) {
			fprintf(stderr, "postern-passwd: %s: %s\n", lpath,
				errno == EWOULDBLOCK
					? "held by another editor; try again"
					: strerror(errno));
			close(fd);
			return -1;
		}
		nanosleep(&pause, NULL);
	}
	return fd;
}

/* Gives the new file the old one's owner and mode (or the defaults). */
static int copy_owner(int fd, const struct stat *old, const char *tmp)
{
	uid_t uid = old != NULL ? old->st_uid : geteuid();
	gid_t gid = old != NULL ? old->st_gid : getegid();
	mode_t mode = old != NULL ? old->st_mode & 07777 : UFEDIT_NEW_MODE;
	struct group *g;

	if (old == NULL && geteuid() == 0 && (g = getgrnam("postern")) != NULL)
		gid = g->gr_gid;
	if (fchown(fd, uid, gid) < 0 || fchmod(fd, mode) < 0) {
		fprintf(stderr,
			"postern-passwd: %s: cannot keep owner/mode: %s\n", tmp,
			strerror(errno));
		return -1;
	}
	return 0;
}

/* Opens the current file; *f_r stays NULL when it does not exist. */
static int open_old(const char *path, FILE **f_r, struct stat *st_r)
{
	const char *why;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

	*f_r = NULL;
	if (fd < 0 && errno == ENOENT)
		return 0;
	if (fd < 0) {
		why = errno == ELOOP ? "a symbolic link; name its target"
				     : strerror(errno);
	} else if (fstat(fd, st_r) < 0) {
		why = strerror(errno);
	} else if (!S_ISREG(st_r->st_mode)) {
		why = "not a regular file";
	} else if ((*f_r = fdopen(fd, "r")) == NULL) {
		why = strerror(errno);
	} else {
		return 0;
	}
	fprintf(stderr, "postern-passwd: %s: %s\n", path, why);
	if (fd >= 0)
		close(fd);
	return -1;
}

/*
 * Finishes the temporary file: flush, fsync, close, rename, fsync dir.
 * Until the rename, a failure removes tmp and leaves path as it was.
 */
static int commit(FILE *out, const char *tmp, const char *path)
{
	int fd = fileno(out);

	if (fflush(out) != 0 || ferror(out) || fsync(fd) < 0) {
		fprintf(stderr, "postern-passwd: %s: %s\n", tmp,
			strerror(errno));
		fclose(out);
		unlink(tmp);
		return -1;
	}
	if (fclose(out) != 0 || rename(tmp, path) < 0) {
		fprintf(stderr, "postern-passwd: %s: %s\n", path,
			strerror(errno));
		unlink(tmp);
		return -1;
	}
	if (sync_parent_dir(path) < 0) {
		fprintf(stderr, "postern-passwd: %s: directory fsync: %s\n",
			path, strerror(errno));
		return -1;
	}
	return 0;
}

/* The index of path, under the lock the caller holds; -1 after printing
   why (a warning after an edit, which stands). */
static int write_index(const char *path, bool after_edit, uint64_t *n_r)
{
	char err[POSTERN_MAX_PATHNAME + 256];

	if (userindex_write(path, err, sizeof err, n_r) == 0)
		return 0;
	if (after_edit)
		fprintf(stderr,
			"postern-passwd: warning: the index was not written "
			"(%s); the servers read the whole user file until "
			"postern-passwd index succeeds\n",
			err);
	else
		fprintf(stderr, "postern-passwd: %s\n", err);
	return -1;
}

int ufedit_index(const char *path, uint64_t *n_r)
{
	int lockfd, r;

	if ((lockfd = lock_take(path)) < 0)
		return -1;
	r = write_index(path, false, n_r);
	close(lockfd);
	return r;
}

int ufedit_rewrite(const char *path, ufedit_line_fn *fn, ufedit_end_fn *end,
		   void *ctx)
{
	char tmp[POSTERN_MAX_PATHNAME];
	struct stat st;
	FILE *old = NULL, *out;
	int lockfd, fd, r = -1;

	if ((size_t)snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >=
	    sizeof tmp) {
		fprintf(stderr, "postern-passwd: %s: path too long\n", path);
		return -1;
	}
	if ((lockfd = lock_take(path)) < 0)
		return -1;
	if (open_old(path, &old, &st) < 0)
		goto unlock;
	/* mkstemp opens with O_CREAT | O_EXCL and mode 0600. */
	fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "postern-passwd: %s: %s\n", tmp,
			strerror(errno));
		goto unlock;
	}
	if (copy_owner(fd, old != NULL ? &st : NULL, tmp) < 0 ||
	    (out = fdopen(fd, "w")) == NULL) {
		close(fd);
		goto remove;
	}
	if (old != NULL)
		r = stream(path, old, fn, end, ctx, out);
	else
		r = end != NULL ? end(ctx, out) : 0;
	if (r == 0) {
		r = commit(out, tmp, path);
		if (r == 0)
			(void)write_index(path, true, NULL);
		goto unlock;
	}
	fclose(out);
remove:
	unlink(tmp);
unlock:
	if (old != NULL)
		fclose(old);
	close(lockfd);
	return r;
}
