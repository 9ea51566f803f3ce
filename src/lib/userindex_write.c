/*
 * userindex_write.c: userindex_write(), which postern-passwd runs after
 * each change of the user file (userindex.h has the format). The user
 * file is read once through the scan's reader (uf_nextline) and every
 * line is judged by userfile_parse_line(), as the servers' scan judges
 * it. Each new login goes into an open-addressing table that doubles as
 * it fills, so memory is 8 octets per slot (at most USERINDEX_MAX_SLOTS),
 * never a copy of the file; where two logins hash alike, their real
 * logins are read back from the file with pread(2). The table is written
 * to a temporary file beside the index, fsynced and renamed over it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "postern_limits.h"
#include "syncdir.h"
#include "userfile.h"
#include "userfile_private.h"
#include "userindex.h"

/*
 * The racy-clock rule: a file whose ctime is not older than this is read
 * only after a pause, so that any later change gets a newer ctime even
 * where the file system clock ticks coarsely (a few ms on Linux). ctime
 * alone is the witness: every change sets it to the time of the change,
 * and unlike mtime (touch -d) it cannot be set to another time.
 */
#define UIW_RACY_NS 50000000L
/* Reads of the file before it is declared unstable: about 5 seconds of
   pauses. */
#define UIW_MAX_TRIES 100
/* Mode of the index, less what the user file's mode withholds: it holds
   no password hashes, but its login hashes could be guessed back from a
   list of names, so it is no more readable than the user file. */
#define UIW_INDEX_MODE 0644

struct uiw_table {
	struct userindex_slot *slots;
	uint32_t n_slots; /* a power of two, at least 2 * n_accounts */
	uint64_t n_accounts;
	uint64_t setting_off;
};

static void uiw_err(char *err, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void uiw_err(char *err, size_t size, const char *fmt, ...)
{
	va_list ap;

	if (size == 0)
		return;
	va_start(ap, fmt);
	(void)vsnprintf(err, size, fmt, ap);
	va_end(ap);
}

static int uiw_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * Whether the line at off in fd starts with login (len octets, compared
 * as userfile_login_equal compares) and a ':': 1, 0, or -1 on a read
 * error. A file that changed under us may give anything here; the
 * fstat(2) after the read notices the change and the read starts again.
 */
static int uiw_same_login(int fd, uint64_t off, const char *login, size_t len)
{
	char buf[POSTERN_MAX_LOGIN + 1];
	size_t got = 0, i;
	ssize_t n;

	while (got < len + 1) {
		n = pread(fd, buf + got, len + 1 - got, (off_t)(off + got));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		got += (size_t)n;
	}
	if (buf[len] != ':')
		return 0;
	for (i = 0; i < len; i++)
		if (uiw_lower((unsigned char)buf[i]) !=
		    uiw_lower((unsigned char)login[i]))
			return 0;
	return 1;
}

/* Puts (hash, off + 1) into the first empty slot of its probe. */
static void uiw_place(struct userindex_slot *slots, uint32_t n_slots,
		      uint32_t hash, uint32_t off1)
{
	uint32_t mask = n_slots - 1, i = hash & mask;

	/* The table is at most half full, so an empty slot comes. */
	while (slots[i].off1 != 0)
		i = (i + 1) & mask;
	slots[i].hash = hash;
	slots[i].off1 = off1;
}

/* Doubles the table, which keeps every probe ending at an empty slot. */
static int uiw_grow(struct uiw_table *t, char *err, size_t err_size)
{
	struct userindex_slot *ns;
	uint32_t n = t->n_slots * 2, i;

	if (t->n_slots >= USERINDEX_MAX_SLOTS) {
		uiw_err(err, err_size,
			"too many accounts for an index (at most %u)",
			USERINDEX_MAX_SLOTS / 2);
		return -1;
	}
	ns = calloc(n, sizeof(*ns));
	if (ns == NULL) {
		uiw_err(err, err_size, "index table: %s", strerror(errno));
		return -1;
	}
	for (i = 0; i < t->n_slots; i++)
		if (t->slots[i].off1 != 0)
			uiw_place(ns, n, t->slots[i].hash, t->slots[i].off1);
	free(t->slots);
	t->slots = ns;
	t->n_slots = n;
	return 0;
}

/*
 * Adds the account line at off whose login is login[0 .. len), unless an
 * earlier line has that login (the first line wins). 0 or -1 with err.
 */
static int uiw_add(struct uiw_table *t, int fd, const char *path,
		   const char *login, size_t len, uint64_t off, char *err,
		   size_t err_size)
{
	uint32_t hash = userindex_hash(login, len), mask = t->n_slots - 1;
	uint32_t i;
	int r;

	for (i = hash & mask; t->slots[i].off1 != 0; i = (i + 1) & mask) {
		if (t->slots[i].hash != hash)
			continue;
		r = uiw_same_login(fd, (uint64_t)t->slots[i].off1 - 1, login,
				   len);
		if (r < 0) {
			uiw_err(err, err_size, "%s: %s", path, strerror(errno));
			return -1;
		}
		if (r == 1)
			return 0;
	}
	if (2 * (t->n_accounts + 1) > t->n_slots &&
	    uiw_grow(t, err, err_size) < 0)
		return -1;
	/* off < UF_MAX_FILE_SIZE, so off + 1 fits. */
	uiw_place(t->slots, t->n_slots, hash, (uint32_t)(off + 1));
	t->n_accounts++;
	return 0;
}

/* Empties t for a new read: 8 slots (the least), no accounts. */
static int uiw_table_reset(struct uiw_table *t, char *err, size_t err_size)
{
	free(t->slots);
	t->n_slots = 8;
	t->n_accounts = 0;
	t->setting_off = USERINDEX_NO_OFFSET;
	t->slots = calloc(t->n_slots, sizeof(*t->slots));
	if (t->slots == NULL) {
		uiw_err(err, err_size, "index table: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Reads the user file open on fd into t, judging every line. 0, or -1
 * with err ("FILE:LINE: reason" for a bad line).
 */
static int uiw_scan(int fd, const char *path, struct uiw_table *t, char *err,
		    size_t err_size)
{
	static struct uf_reader rd;
	static char line[POSTERN_MAX_FILE_LINE];
	char setting[POSTERN_MAX_HASH + 1];
	struct userfile_entry e;
	const char *bad = NULL, *p;
	unsigned long lineno = 0;
	size_t len, line_high = 0;
	uint64_t off;
	int r;

	rd.fd = fd;
	rd.start = rd.end = rd.high = 0;
	rd.total = 0;
	rd.eof = false;
	while ((r = uf_nextline(&rd, &p, &len)) == 1) {
		off = rd.line_off;
		lineno++;
		if (len >= sizeof(line)) {
			bad = "line too long";
			break;
		}
		memcpy(line, p, len);
		line[len] = '\0';
		if (len + 1 > line_high)
			line_high = len + 1;
		if ((bad = userfile_parse_line(line, len, &e)) != NULL)
			break;
		if (e.login == NULL)
			continue;
		/* The dummy setting, as userfile.c's uf_consider takes it. */
		if (t->setting_off == USERINDEX_NO_OFFSET &&
		    !userfile_hash_locked(e.hash) &&
		    userfile_hash_setting(e.hash, setting, sizeof(setting)))
			t->setting_off = off;
		if (uiw_add(t, fd, path, e.login, strlen(e.login), off, err,
			    err_size) < 0) {
			r = -2;
			break;
		}
	}
	if (bad != NULL)
		uiw_err(err, err_size, "%s:%lu: %s", path, lineno, bad);
	else if (r == -1)
		uiw_err(err, err_size, "%s: %s", path,
			errno == EFBIG ? "larger than 64 MiB"
				       : strerror(errno));
	/* Hashes are secrets: leave none behind in memory. */
	explicit_bzero(line, line_high);
	explicit_bzero(rd.buf, rd.high);
	explicit_bzero(setting, sizeof(setting));
	return bad != NULL || r < 0 ? -1 : 0;
}

/* Whether a's and b's (dev, ino, size, mtime, ctime) are the same. */
static bool uiw_same_stat(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	       a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
	       a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* Whether ts is older than limit. */
static bool uiw_before(const struct timespec *ts, const struct timespec *limit)
{
	return ts->tv_sec < limit->tv_sec ||
	       (ts->tv_sec == limit->tv_sec && ts->tv_nsec < limit->tv_nsec);
}

/* Whether st's ctime is within UIW_RACY_NS of now (or later). */
static bool uiw_too_recent(const struct stat *st)
{
	struct timespec limit;

	if (clock_gettime(CLOCK_REALTIME, &limit) != 0)
		return true;
	limit.tv_nsec -= UIW_RACY_NS;
	if (limit.tv_nsec < 0) {
		limit.tv_nsec += 1000000000L;
		limit.tv_sec--;
	}
	return !uiw_before(&st->st_ctim, &limit);
}

static void uiw_pause(void)
{
	struct timespec pause = { 0, UIW_RACY_NS };

	/* An early wake-up costs a try at most; the tries are bounded. */
	(void)nanosleep(&pause, NULL);
}

/*
 * One read of the user file: 1 when t holds the index of the file whose
 * fstat is *st_r, 0 when the file is too new or changed meanwhile (read it
 * again later), -1 with err on an error or a bad line.
 */
static int uiw_read_once(const char *path, struct uiw_table *t,
			 struct stat *st_r, char *err, size_t err_size)
{
	struct stat after, now;
	int fd, r;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		uiw_err(err, err_size, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, st_r) != 0) {
		uiw_err(err, err_size, "%s: %s", path, strerror(errno));
		r = -1;
	} else if (!S_ISREG(st_r->st_mode)) {
		/* A FIFO or a device could block or never end. */
		uiw_err(err, err_size, "%s: not a regular file", path);
		r = -1;
	} else if (st_r->st_size > UF_MAX_FILE_SIZE) {
		uiw_err(err, err_size, "%s: larger than 64 MiB", path);
		r = -1;
	} else if (uiw_too_recent(st_r)) {
		r = 0;
	} else if (uiw_table_reset(t, err, err_size) < 0) {
		r = -1;
	} else {
		r = uiw_scan(fd, path, t, err, err_size) < 0 ? -1 : 1;
		/* A change while it was read (even one that made a line bad
		   for a moment, or a rename over path): read it again. */
		if (fstat(fd, &after) != 0 || stat(path, &now) != 0) {
			uiw_err(err, err_size, "%s: %s", path, strerror(errno));
			r = -1;
		} else if (!uiw_same_stat(st_r, &after) ||
			   now.st_dev != st_r->st_dev ||
			   now.st_ino != st_r->st_ino) {
			r = 0;
		}
	}
	close(fd);
	return r;
}

/* Reads the user file until it holds still; 0, or -1 with err. */
static int uiw_read(const char *path, struct uiw_table *t, struct stat *st_r,
		    char *err, size_t err_size)
{
	int tries, r;

	for (tries = 0; tries < UIW_MAX_TRIES; tries++) {
		r = uiw_read_once(path, t, st_r, err, err_size);
		if (r != 0)
			return r < 0 ? -1 : 0;
		uiw_pause();
	}
	uiw_err(err, err_size,
		"%s: the user file keeps changing (or its timestamps are in "
		"the future)",
		path);
	return -1;
}

/* Writes all of buf to fd; 0 or -1 (errno set). */
static int uiw_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Writes the index of t, made from the user file st, to tmp (a mkstemp
 * template), then renames it to ipath. 0, or -1 with err and no tmp left.
 */
static int uiw_store(const char *ipath, char *tmp, const struct stat *st,
		     const struct uiw_table *t, char *err, size_t err_size)
{
	struct userindex_head h;
	const char *what = tmp;
	int fd;

	memset(&h, 0, sizeof(h));
	memcpy(h.magic, USERINDEX_MAGIC, sizeof(h.magic));
	h.byte_order = USERINDEX_BYTE_ORDER;
	h.n_slots = t->n_slots;
	h.dev = (uint64_t)st->st_dev;
	h.ino = (uint64_t)st->st_ino;
	h.size = (uint64_t)st->st_size;
	h.mtime_sec = (int64_t)st->st_mtim.tv_sec;
	h.mtime_nsec = (int64_t)st->st_mtim.tv_nsec;
	h.ctime_sec = (int64_t)st->st_ctim.tv_sec;
	h.ctime_nsec = (int64_t)st->st_ctim.tv_nsec;
	h.setting_off = t->setting_off;
	h.n_accounts = t->n_accounts;

	/* O_CREAT | O_EXCL, mode 0600 until fchmod. */
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		uiw_err(err, err_size, "%s: %s", tmp, strerror(errno));
		return -1;
	}
	/* The servers use an index only if the user file's owner owns it. */
	if (fchown(fd, st->st_uid, st->st_gid) != 0) {
		uiw_err(err, err_size,
			"%s: cannot give it the user file's owner and group "
			"(%lu:%lu): %s",
			tmp, (unsigned long)st->st_uid,
			(unsigned long)st->st_gid, strerror(errno));
		goto fail;
	}
	if (fchmod(fd, UIW_INDEX_MODE & st->st_mode) != 0 ||
	    uiw_write_all(fd, &h, sizeof(h)) != 0 ||
	    uiw_write_all(fd, t->slots,
			  (size_t)t->n_slots * sizeof(*t->slots)) != 0 ||
	    fsync(fd) != 0)
		goto fail_errno;
	if (close(fd) != 0) {
		fd = -1;
		goto fail_errno;
	}
	fd = -1;
	what = ipath;
	if (rename(tmp, ipath) != 0)
		goto fail_errno;
	if (sync_parent_dir(ipath) != 0) {
		uiw_err(err, err_size, "%s: directory fsync: %s", ipath,
			strerror(errno));
		return -1;
	}
	return 0;
fail_errno:
	uiw_err(err, err_size, "%s: %s", what, strerror(errno));
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return -1;
}

/* After a failure: no index, so that the servers scan the file. */
static void uiw_drop(const char *ipath, char *err, size_t err_size)
{
	size_t n;

	if (unlink(ipath) == 0 || errno == ENOENT)
		return;
	n = strnlen(err, err_size);
	if (n + 1 < err_size)
		uiw_err(err + n, err_size - n,
			" (and the old index %s could not be removed: %s)",
			ipath, strerror(errno));
}

int userindex_write(const char *users_path, char *err, size_t err_size,
		    uint64_t *n_accounts_r)
{
	char ipath[POSTERN_MAX_PATHNAME], tmp[POSTERN_MAX_PATHNAME];
	struct uiw_table t = { NULL, 0, 0, USERINDEX_NO_OFFSET };
	struct stat st;
	int r, ri, rt;

	if (err_size > 0)
		err[0] = '\0';
	ri = snprintf(ipath, sizeof(ipath), "%s%s", users_path,
		      USERINDEX_SUFFIX);
	rt = snprintf(tmp, sizeof(tmp), "%s%s.XXXXXX", users_path,
		      USERINDEX_SUFFIX);
	/* No index can have been written under so long a name. */
	if (ri < 0 || rt < 0 || (size_t)rt >= sizeof(tmp)) {
		uiw_err(err, err_size, "%s: path too long for an index",
			users_path);
		return -1;
	}
	r = uiw_read(users_path, &t, &st, err, err_size);
	if (r == 0)
		r = uiw_store(ipath, tmp, &st, &t, err, err_size);
	free(t.slots);
	if (r < 0) {
		uiw_drop(ipath, err, err_size);
		return -1;
	}
	if (n_accounts_r != NULL)
		*n_accounts_r = t.n_accounts;
	return 0;
}
