/*
 * drop.c: loading a maildrop. Every message of new/ and cur/ goes into one
 * compact array, its name into one arena, both grown by doubling under the
 * limits of limits.h; then they are sorted into delivery order in place
 * (heapsort: no scratch memory). Sizes come from the name's ,W= when its
 * ,S= matches the file (one fstatat each), else from one counting pass.
 */
#include "pop3d.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "maildir.h"

#define DROP_FIRST_MSGS  256
#define DROP_FIRST_NAMES 16384
/* Names are at most NAME_MAX (255) octets and a NUL. */
#define DROP_MAX_NAMES ((size_t)POSTERN_POP3_MAX_MESSAGES * 256)

/* Doubles *cap (elements of elem octets) until need fits, up to max. */
static int grow(void **p, size_t *cap, size_t need, size_t elem, size_t first,
		size_t max)
{
	size_t n = *cap ? *cap : first, bytes;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need && n <= max / 2)
		n *= 2;
	if (n > max)
		n = max;
	if (n < need || __builtin_mul_overflow(n, elem, &bytes)) {
		errno = EFBIG;
		return -1;
	}
	q = realloc(*p, bytes);
	if (q == NULL)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

/* Delivery time in microseconds: from the name, else the mtime. */
static uint64_t time_key(const char *name, const struct stat *st)
{
	uint64_t sec;
	uint32_t usec;

	if (!maildir_name_time(name, &sec, &usec)) {
		sec = st->st_mtim.tv_sec > 0 ? (uint64_t)st->st_mtim.tv_sec : 0;
		usec = (uint32_t)(st->st_mtim.tv_nsec / 1000);
	}
	if (sec > (UINT64_MAX - usec) / 1000000)
		return UINT64_MAX;
	return sec * 1000000 + usec;
}

/*
 * The octets RETR will send. ,W= is trusted only when ,S= equals the
 * file's size and W is possible for it (each LF may gain a CR, and a
 * last line its CRLF).
 */
static int message_size(int dirfd, const char *name, const struct stat *st,
			uint64_t *size_r)
{
	uint64_t s, w;
	int fd, r;

	if (maildir_name_sizes(name, &s, &w) == 3 &&
	    s == (uint64_t)st->st_size && w >= s && w - s <= s + 2) {
		*size_r = w;
		return 0;
	}
	fd = openat(dirfd, name,
		    O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -1;
	r = retr_stream(NULL, fd, -1, size_r);
	close(fd);
	return r;
}

/* maildir_scan callback: one message into the array and the arena. */
static int scan_one(void *ctx, const char *subdir, const char *name)
{
	struct maildrop *d = ctx;
	bool cur = strcmp(subdir, "cur") == 0;
	int dirfd = cur ? d->cur_fd : d->new_fd;
	size_t len = strlen(name);
	struct drop_msg *m;
	struct stat st;
	uint64_t size;

	/* Gone since readdir, or not a plain file: not a message. */
	if (dirfd < 0 || len > UINT8_MAX ||
	    fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
	    !S_ISREG(st.st_mode) || message_size(dirfd, name, &st, &size) < 0)
		return 0;
	if (grow((void **)&d->msgs, &d->cap, d->n + 1, sizeof *d->msgs,
		 DROP_FIRST_MSGS, POSTERN_POP3_MAX_MESSAGES) < 0 ||
	    grow((void **)&d->names, &d->names_cap, d->names_len + len + 1, 1,
		 DROP_FIRST_NAMES, DROP_MAX_NAMES) < 0)
		return -1;
	m = &d->msgs[d->n++];
	m->size = size;
	m->key = time_key(name, &st);
	m->name = (uint32_t)d->names_len;
	m->name_len = (uint8_t)len;
	m->uniq_len = (uint8_t)strcspn(name, ":");
	m->flags = cur ? DROP_IN_CUR : 0;
	memcpy(d->names + d->names_len, name, len + 1);
	d->names_len += len + 1;
	return 0;
}

/* Delivery order; equal times by unique name, then by name. */
static int compare(const struct maildrop *d, const struct drop_msg *a,
		   const struct drop_msg *b)
{
	const char *na = d->names + a->name, *nb = d->names + b->name;
	int r;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	r = memcmp(na, nb,
		   a->uniq_len < b->uniq_len ? a->uniq_len : b->uniq_len);
	if (r != 0)
		return r;
	if (a->uniq_len != b->uniq_len)
		return a->uniq_len < b->uniq_len ? -1 : 1;
	return strcmp(na, nb);
}

static void sift_down(struct maildrop *d, size_t root, size_t n)
{
	struct drop_msg *m = d->msgs, t;
	size_t child;

	while ((child = 2 * root + 1) < n) {
		if (child + 1 < n && compare(d, &m[child], &m[child + 1]) < 0)
			child++;
		if (compare(d, &m[root], &m[child]) >= 0)
			return;
		t = m[root];
		m[root] = m[child];
		m[child] = t;
		root = child;
	}
}

/* Heapsort: O(n log n) and, unlike glibc's qsort, no scratch array. */
static void sort(struct maildrop *d)
{
	struct drop_msg t;
	size_t i;

	for (i = d->n / 2; i-- > 0;)
		sift_down(d, i, d->n);
	for (i = d->n; i-- > 1;) {
		t = d->msgs[0];
		d->msgs[0] = d->msgs[i];
		d->msgs[i] = t;
		sift_down(d, 0, i);
	}
}

/*
 * The same unique name in new/ and cur/ is one message caught between
 * the two by a crash (Maildir's rename is atomic, link+unlink is not):
 * list it once, so that UIDLs never repeat. Sorting made such names
 * neighbours. Sums up the sizes.
 */
static void dedupe(struct maildrop *d)
{
	size_t i, out = 0;
	const struct drop_msg *prev = NULL;

	d->total = 0;
	for (i = 0; i < d->n; i++) {
		const struct drop_msg *m = &d->msgs[i];

		if (prev != NULL && prev->uniq_len == m->uniq_len &&
		    memcmp(d->names + prev->name, d->names + m->name,
			   m->uniq_len) == 0)
			continue;
		d->msgs[out] = *m;
		prev = &d->msgs[out++];
		d->total += m->size;
	}
	d->n = out;
}

static int open_subdir(const char *path, const char *sub)
{
	int dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC), fd;

	if (dfd < 0)
		return -1;
	fd = openat(dfd, sub, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	close(dfd);
	return fd;
}

int drop_load(struct maildrop *d, const char *path)
{
	size_t n = strlen(path);
	int r;

	memset(d, 0, sizeof *d);
	d->new_fd = d->cur_fd = -1;
	if (n >= sizeof d->path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(d->path, path, n + 1);
	d->new_fd = open_subdir(path, "new");
	if (d->new_fd < 0 && errno != ENOENT)
		return -1;
	d->cur_fd = open_subdir(path, "cur");
	if (d->cur_fd < 0 && errno != ENOENT)
		return -1;
	if (d->new_fd < 0 && d->cur_fd < 0)
		return 0;
	r = maildir_scan(path, scan_one, d, POSTERN_POP3_MAX_MESSAGES);
	if (r != 0)
		return -1;
	sort(d);
	dedupe(d);
	return 0;
}

void drop_free(struct maildrop *d)
{
	free(d->msgs);
	free(d->names);
	free(d->by_uniq);
	if (d->new_fd >= 0)
		close(d->new_fd);
	if (d->cur_fd >= 0)
		close(d->cur_fd);
	memset(d, 0, sizeof *d);
	d->new_fd = d->cur_fd = -1;
}

void drop_remember(struct maildrop *d, size_t i, const char *name, bool cur)
{
	struct drop_msg *m = &d->msgs[i];
	size_t len = strlen(name);

	if (len > UINT8_MAX)
		return;
	/* A longer name goes to the end of the arena; when the arena is at
	   its bound, the message is simply looked up again next time. */
	if (len > m->name_len) {
		if (grow((void **)&d->names, &d->names_cap,
			 d->names_len + len + 1, 1, DROP_FIRST_NAMES,
			 DROP_MAX_NAMES) < 0)
			return;
		m->name = (uint32_t)d->names_len;
		d->names_len += len + 1;
	}
	memcpy(d->names + m->name, name, len + 1);
	m->name_len = (uint8_t)len;
	m->flags =
		(uint8_t)((m->flags & ~DROP_IN_CUR) | (cur ? DROP_IN_CUR : 0));
}

const char *drop_name(const struct maildrop *d, size_t i)
{
	return d->names + d->msgs[i].name;
}
