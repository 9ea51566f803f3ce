/*
 * drop_find.c: finding a message of the maildrop again. Other Maildir
 * readers (an IMAP server, mutt) may move a file from new/ to cur/ or
 * change its flags during a session; what stays is the unique name before
 * ':', which is also where the UIDL comes from (RFC 1939 section 7).
 */
#include "pop3d.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "maildir.h"
#include "sha256.h"

/* Orders message indexes by unique name (the name up to ':'). */
static int uniq_cmp(const struct maildrop *d, const char *u, size_t ulen,
		    uint32_t j)
{
	const struct drop_msg *m = &d->msgs[j];
	size_t n = ulen < m->uniq_len ? ulen : m->uniq_len;
	int r = memcmp(u, d->names + m->name, n);

	if (r != 0)
		return r;
	return ulen < m->uniq_len ? -1 : ulen > m->uniq_len;
}

static int by_uniq_cmp(const void *a, const void *b, void *ctx)
{
	const struct maildrop *d = ctx;
	const struct drop_msg *m = &d->msgs[*(const uint32_t *)a];

	return uniq_cmp(d, d->names + m->name, m->uniq_len,
			*(const uint32_t *)b);
}

/* maildir_scan callback: the message of this unique name is here now. */
static int relocate_one(void *ctx, const char *subdir, const char *name)
{
	struct maildrop *d = ctx;
	size_t lo = 0, hi = d->n, mid, len = strlen(name);
	size_t ulen = strcspn(name, ":");
	int r;

	if (len > UINT8_MAX)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		r = uniq_cmp(d, name, ulen, d->by_uniq[mid]);
		if (r == 0) {
			drop_remember(d, d->by_uniq[mid], name,
				      strcmp(subdir, "cur") == 0);
			d->msgs[d->by_uniq[mid]].flags |= DROP_FOUND;
			return 0;
		}
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0; /* mail that arrived during the session: not ours */
}

/* One pass over new/ and cur/ that finds every message of the drop. */
static int relocate_all(struct maildrop *d)
{
	size_t i;
	int r;

	if (d->by_uniq == NULL) {
		d->by_uniq = calloc(d->n ? d->n : 1, sizeof *d->by_uniq);
		if (d->by_uniq == NULL)
			return -1;
		for (i = 0; i < d->n; i++)
			d->by_uniq[i] = (uint32_t)i;
		qsort_r(d->by_uniq, d->n, sizeof *d->by_uniq, by_uniq_cmp, d);
	}
	for (i = 0; i < d->n; i++)
		d->msgs[i].flags &= (uint8_t)~DROP_FOUND;
	r = maildir_scan(d->path, relocate_one, d, POSTERN_POP3_MAX_MESSAGES);
	for (i = 0; i < d->n; i++) {
		if (r == 0 && !(d->msgs[i].flags & DROP_FOUND))
			d->msgs[i].flags |= DROP_GONE;
		else if (d->msgs[i].flags & DROP_FOUND)
			d->msgs[i].flags &= (uint8_t) ~(DROP_GONE | DROP_FOUND);
	}
	return r < 0 ? -1 : 0;
}

int drop_locate(struct maildrop *d, size_t i, int *dirfd_r, char *name_r)
{
	const struct drop_msg *m = &d->msgs[i];
	uint64_t now = pop3_now_ms();

	/* Only a message the last pass did find can have moved since; one
	   it did not is gone, unless that pass raced with a rename. */
	if (!(m->flags & DROP_GONE) || now - d->located_ms >= 1000) {
		if (relocate_all(d) < 0)
			return -1;
		d->located_ms = now;
	}
	*dirfd_r = m->flags & DROP_IN_CUR ? d->cur_fd : d->new_fd;
	if ((m->flags & DROP_GONE) || *dirfd_r < 0) {
		errno = ENOENT;
		return -1;
	}
	memcpy(name_r, drop_name(d, i), (size_t)m->name_len + 1);
	return 0;
}

/* Opens a plain file, refusing symlinks, FIFOs and devices. */
static int open_message(int dirfd, const char *name)
{
	struct stat st;
	int fd;

	if (dirfd < 0) {
		errno = ENOENT;
		return -1;
	}
	fd = openat(dirfd, name,
		    O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

int drop_open(struct maildrop *d, size_t i)
{
	const struct drop_msg *m = &d->msgs[i];
	char name[UINT8_MAX + 1];
	int dirfd = m->flags & DROP_IN_CUR ? d->cur_fd : d->new_fd;
	int fd;

	fd = open_message(dirfd, drop_name(d, i));
	if (fd >= 0 || errno != ENOENT)
		return fd;
	if (drop_locate(d, i, &dirfd, name) < 0)
		return -1;
	return open_message(dirfd, name);
}

void drop_uidl(const struct maildrop *d, size_t i, char *out)
{
	const struct drop_msg *m = &d->msgs[i];
	const char *u = d->names + m->name;
	size_t k;

	/* RFC 1939 section 7: 1 to 70 characters in 0x21-0x7E. */
	for (k = 0; k < m->uniq_len; k++)
		if ((unsigned char)u[k] < 0x21 || (unsigned char)u[k] > 0x7e)
			break;
	if (k == m->uniq_len && k >= 1 && k <= POP3_MAX_UIDL) {
		memcpy(out, u, k);
		out[k] = '\0';
		return;
	}
	sha256_hex(u, m->uniq_len, out);
}
