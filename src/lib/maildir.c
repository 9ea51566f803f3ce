/*
 * maildir.c: Maildir delivery (cr.yp.to/proto/maildir.html): a uniquely
 * named file in tmp/, written, fsynced and closed with every result
 * checked, then linked into each recipient's new/ and new/ fsynced.
 * Scanning and file name parsing for pop3d are in maildir_scan.c.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "fmt.h"
#include "maildir.h"
#include "maildir_private.h"

/* Delivered messages in this process: the Q part of unique names. */
static unsigned long maildir_counter;

/* dir/sub or dir/sub/name into dst; -1 with ENAMETOOLONG if it is cut. */
int maildir_path(char *dst, size_t size, const char *dir, const char *sub,
		 const char *name)
{
	int r;

	if (name != NULL)
		r = fmt_snprintf(dst, size, "%s/%s/%s", dir, sub, name);
	else
		r = fmt_snprintf(dst, size, "%s/%s", dir, sub);
	if (r < 0 || (size_t)r >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/*
 * "<sec>.M<usec>P<pid>Q<n>.<host>": time, pid and counter make it unique
 * on this host. The Maildir convention writes '/' and ':' of the host as
 * \057 and \072; other octets that do not belong in a file name (space,
 * controls, 8-bit) get the same octal form.
 */
static void maildir_unique(char *dst, size_t size, const char *host)
{
	struct timespec ts;
	size_t n;
	int r;
	const unsigned char *h;

	clock_gettime(CLOCK_REALTIME, &ts);
	r = fmt_snprintf(dst, size, "%lld.M%ldP%ldQ%lu.", (long long)ts.tv_sec,
			 ts.tv_nsec / 1000, (long)getpid(), ++maildir_counter);
	n = r > 0 && (size_t)r < size ? (size_t)r : 0;
	if (host == NULL || host[0] == '\0')
		host = "localhost";
	for (h = (const unsigned char *)host; *h != '\0'; h++) {
		if (*h > 0x20 && *h < 0x7f && *h != '/' && *h != ':' &&
		    *h != '\\') {
			if (n + 1 >= size)
				break;
			dst[n++] = (char)*h;
		} else {
			if (n + 4 >= size)
				break;
			fmt_snprintf(dst + n, 5, "\\%03o", *h);
			n += 4;
		}
	}
	dst[n] = '\0';
}

/* 0 when err is 0; else -1 with errno set to err (saved across cleanup). */
static int maildir_result(int err)
{
	if (err == 0)
		return 0;
	errno = err;
	return -1;
}

/* fsync(2) of a directory, so that entries made in it are durable. */
static int maildir_sync_path(const char *path)
{
	int fd, err = 0;

	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1)
		return -1;
	if (fsync(fd) == -1)
		err = errno;
	if (close(fd) == -1 && err == 0)
		err = errno;
	return maildir_result(err);
}

/*
 * fsyncs the parent of dir, whose entry for dir was just made: without it a
 * crash could lose the new Maildir, and with it the first message that was
 * already answered 250.
 */
static int maildir_sync_parent(const char *dir)
{
	char parent[POSTERN_MAX_PATHNAME];
	size_t n = strlen(dir);
	char *slash;

	if (n >= sizeof(parent))
		return errno = ENAMETOOLONG, -1;
	memcpy(parent, dir, n + 1);
	while (n > 1 && parent[n - 1] == '/')
		parent[--n] = '\0';
	slash = strrchr(parent, '/');
	if (slash == NULL)
		return maildir_sync_path(".");
	if (slash == parent)
		slash[1] = '\0';
	else
		*slash = '\0';
	return maildir_sync_path(parent);
}

int maildir_create(const char *dir)
{
	static const char *const subs[] = { "tmp", "new", "cur" };
	char path[POSTERN_MAX_PATHNAME];
	bool made_sub = false;
	size_t i;

	/* Not mkdir -p: a missing parent is the administrator's mistake. */
	if (mkdir(dir, 0700) == 0) {
		if (maildir_sync_parent(dir) == -1)
			return -1;
	} else if (errno != EEXIST) {
		return -1;
	}
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++) {
		if (maildir_path(path, sizeof(path), dir, subs[i], NULL) == -1)
			return -1;
		if (mkdir(path, 0700) == 0)
			made_sub = true;
		else if (errno != EEXIST)
			return -1;
	}
	if (made_sub && maildir_sync_path(dir) == -1)
		return -1;
	return 0;
}

int maildir_open_tmp(const char *dir, const char *host, struct maildir_file *f)
{
	int tries;

	f->fd = -1;
	f->tmp_path[0] = f->unique[0] = f->name[0] = '\0';
	/* A clash means another process with our pid in the same
	   microsecond; a new counter value settles it. */
	for (tries = 0; tries < 3; tries++) {
		maildir_unique(f->unique, sizeof(f->unique), host);
		if (maildir_path(f->tmp_path, sizeof(f->tmp_path), dir, "tmp",
				 f->unique) == -1)
			break;
		f->fd = open(f->tmp_path,
			     O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
				     O_NOCTTY | O_CLOEXEC,
			     0600);
		if (f->fd >= 0)
			return 0;
		if (errno != EEXIST)
			break;
	}
	f->tmp_path[0] = '\0';
	return -1;
}

int maildir_finish(struct maildir_file *f, uint64_t size, uint64_t crlf_size)
{
	struct stat st;
	int r, err = 0;

	if (f->fd < 0) {
		errno = EBADF;
		return -1;
	}
	r = fmt_snprintf(f->name, sizeof(f->name),
			 "%s,S=%" PRIu64 ",W=%" PRIu64, f->unique, size,
			 crlf_size);
	if (r < 0 || (size_t)r >= sizeof(f->name))
		err = ENAMETOOLONG;
	/* A size that is not the file's means a write went missing. */
	if (err == 0 && fstat(f->fd, &st) == -1)
		err = errno;
	if (err == 0 && (uint64_t)st.st_size != size)
		err = EIO;
	if (fsync(f->fd) == -1 && err == 0)
		err = errno;
	/* NFS and some disk-full cases report write errors only here. */
	if (close(f->fd) == -1 && err == 0)
		err = errno;
	f->fd = -1;
	if (err != 0)
		f->name[0] = '\0';
	return maildir_result(err);
}

/* fsync(2) of dir/sub, so that a new directory entry is durable. */
static int maildir_sync_dir(const char *dir, const char *sub)
{
	char path[POSTERN_MAX_PATHNAME];

	if (maildir_path(path, sizeof(path), dir, sub, NULL) == -1)
		return -1;
	return maildir_sync_path(path);
}

/* Copies all of in to out in the kernel. 0, or -1 with errno. */
static int maildir_copy_fd(int in, int out)
{
	ssize_t r;

	for (;;) {
		r = sendfile(out, in, NULL, 1 << 20);
		if (r == 0)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
	}
}

/*
 * Across file systems link(2) fails with EXDEV: copy into dir/tmp/name
 * first, so that new/ never shows a partial file, fsync, then link.
 */
static int maildir_copy_in(const char *src, const char *dir, const char *name,
			   const char *new_path)
{
	char tmp[POSTERN_MAX_PATHNAME];
	int in, out, err = 0;

	if (maildir_path(tmp, sizeof(tmp), dir, "tmp", name) == -1)
		return -1;
	in = open(src, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (in == -1)
		return -1;
	out = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		   0600);
	if (out == -1) {
		err = errno;
		close(in);
		errno = err;
		return -1;
	}
	if (maildir_copy_fd(in, out) == -1 || fsync(out) == -1)
		err = errno;
	if (close(out) == -1 && err == 0)
		err = errno;
	close(in);
	if (err == 0 && link(tmp, new_path) == -1)
		err = errno;
	unlink(tmp);
	return maildir_result(err);
}

int maildir_deliver(const char *tmp_path, const char *dir, const char *name)
{
	char new_path[POSTERN_MAX_PATHNAME];
	int err;

	if (maildir_path(new_path, sizeof(new_path), dir, "new", name) == -1)
		return -1;
	/* link, not rename: the tmp file may go to further recipients, and
	   an existing name is never overwritten. */
	if (link(tmp_path, new_path) == -1) {
		if (errno != EXDEV)
			return -1;
		if (maildir_copy_in(tmp_path, dir, name, new_path) == -1)
			return -1;
	}
	if (maildir_sync_dir(dir, "new") == -1) {
		err = errno;
		unlink(new_path);
		errno = err;
		return -1;
	}
	return 0;
}

int maildir_undeliver(const char *dir, const char *name)
{
	char path[POSTERN_MAX_PATHNAME];
	int saved;

	if (maildir_path(path, sizeof(path), dir, "new", name) == -1)
		return -1;
	if (unlink(path) == -1)
		return -1;
	saved = errno;
	/* Best effort: the removal matters less than the delivery did. */
	(void)maildir_sync_dir(dir, "new");
	errno = saved;
	return 0;
}

void maildir_abort(struct maildir_file *f)
{
	int saved = errno;

	if (f->fd >= 0) {
		close(f->fd);
		f->fd = -1;
	}
	if (f->tmp_path[0] != '\0') {
		unlink(f->tmp_path);
		f->tmp_path[0] = '\0';
	}
	errno = saved;
}

void maildir_clean_tmp(const char *dir, time_t now, unsigned max_entries)
{
	char path[POSTERN_MAX_PATHNAME];
	struct dirent *de;
	struct stat st;
	unsigned seen;
	DIR *d;

	if (maildir_path(path, sizeof(path), dir, "tmp", NULL) == -1)
		return;
	d = opendir(path);
	if (d == NULL)
		return;
	for (seen = 0; seen < max_entries && (de = readdir(d)) != NULL;
	     seen++) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) ==
			    -1 ||
		    !S_ISREG(st.st_mode))
			continue;
		/* mtime: a file still being written is never old. */
		if (st.st_mtime < now &&
		    now - st.st_mtime > POSTERN_MAILDIR_TMP_MAX_AGE)
			(void)unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}
