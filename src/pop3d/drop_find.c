/*
 * drop_find.c: finding a message of the maildrop again. Other Maildir
 * readers (an IMAP server, mutt) may move a file from new/ to cur/ or
 * change its flags during a session; what stays is the unique name before
 * ':', which is also where the UIDL comes from (RFC 1939 section 7).
 */
#include "pop3d.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "maildir.h"
#include "sha256.h"

struct locate {
	const char *uniq;
	size_t uniq_len;
	bool cur;
	char *name; /* NAME_MAX + 1 octets */
};

static int locate_one(void *ctx, const char *subdir, const char *name)
{
	struct locate *l = ctx;
	size_t len = strlen(name);

	if (len > UINT8_MAX || strcspn(name, ":") != l->uniq_len ||
	    memcmp(name, l->uniq, l->uniq_len) != 0)
		return 0;
	memcpy(l->name, name, len + 1);
	l->cur = strcmp(subdir, "cur") == 0;
	return 1;
}

int drop_locate(struct maildrop *d, size_t i, int *dirfd_r, char *name_r)
{
	struct drop_msg *m = &d->msgs[i];
	struct locate l = { .uniq = d->names + m->name,
			    .uniq_len = m->uniq_len,
			    .name = name_r };
	int r;

	r = maildir_scan(d->path, locate_one, &l, POSTERN_POP3_MAX_MESSAGES);
	if (r < 0)
		return -1;
	*dirfd_r = l.cur ? d->cur_fd : d->new_fd;
	if (r == 0 || *dirfd_r < 0) {
		errno = ENOENT;
		return -1;
	}
	drop_remember(d, i, name_r, l.cur);
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
