/*
 * floor-pop3.c: the benchmark's POP3 floor, one session on stdin/stdout
 * serving the Maildir named by -d. Any USER/PASS is accepted; PASS lists
 * new/ and cur/ with one stat(2) per file; RETR streams a file with LF
 * turned into CRLF and dot-stuffing (RFC 1939 section 3). Read-only: DELE
 * and TOP answer "not implemented". What a POP3 server costs at least.
 */
#include <dirent.h>
#include <fcntl.h>
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "floor_io.h"

/* RFC 2449 section 4: a command is at most 255 octets. */
#define CMD_MAX 256
/* Bounds on the maildrop, as postern has them. */
#define MAX_MESSAGES 1000000u
#define NAMES_MAX    ((size_t)256 * 1024 * 1024)
/* RFC 1939 section 7: a unique-id is at most 70 characters. */
#define UID_MAX 70

struct msg {
	uint64_t sec, usec; /* delivery time, from the name: the order */
	uint64_t size;      /* octets RETR sends, before stuffing */
	size_t name;        /* offset into names */
	int sub;            /* 0: new/, 1: cur/ */
};

struct drop {
	int dirfd[2];
	struct msg *m;
	size_t n, cap;
	char *names;
	size_t nlen, ncap;
	uint64_t total;
};

static const char *const subdirs[2] = { "new", "cur" };

/*
 * p (cap elements of size octets) made to hold used + need elements, at
 * most max: the same pointer, a larger block, or NULL (p still valid).
 */
static void *grow(void *p, size_t *cap, size_t used, size_t need, size_t size,
		  size_t max)
{
	size_t ncap = *cap ? *cap : 1024;
	void *np;

	if (used + need <= *cap)
		return p;
	while (ncap < used + need && ncap <= max / 2)
		ncap *= 2;
	if (ncap < used + need || ncap > max)
		return NULL;
	np = realloc(p, ncap * size);
	if (np)
		*cap = ncap;
	return np;
}

/* ",W=<n>" before any ':' of the name: the CRLF size, as Dovecot and
   postern write it. 1 when found. */
static int name_w(const char *name, uint64_t *w)
{
	for (const char *p = strstr(name, ",W="); p; p = strstr(p + 1, ",W=")) {
		const char *colon = strchr(name, ':');
		char *end;

		if (colon && p > colon)
			return 0;
		*w = strtoull(p + 3, &end, 10);
		if (end > p + 3 && (*end == '\0' || *end == ',' || *end == ':'))
			return 1;
	}
	return 0;
}

/* The CRLF size the slow way: the file's octets plus one per LF. */
static int crlf_size(int fd, uint64_t *size)
{
	char buf[65536];
	ssize_t r;
	char last = '\n';

	*size = 0;
	while ((r = read(fd, buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < r; i++)
			*size += 1 + (buf[i] == '\n');
		last = buf[r - 1];
	}
	if (last != '\n')
		*size += 2; /* RETR ends the last line with CRLF */
	return r < 0 ? -1 : 0;
}

static int add_msg(struct drop *d, int sub, const char *name)
{
	struct stat st;
	struct msg *m;
	size_t len = strlen(name) + 1;
	char *end, *names;

	if (fstatat(d->dirfd[sub], name, &st, 0) < 0 || !S_ISREG(st.st_mode))
		return 0; /* gone meanwhile, or not a message */
	m = grow(d->m, &d->cap, d->n, 1, sizeof *d->m, MAX_MESSAGES);
	if (!m)
		return -1;
	d->m = m;
	names = grow(d->names, &d->ncap, d->nlen, len, 1, NAMES_MAX);
	if (!names)
		return -1;
	d->names = names;
	m = &d->m[d->n];
	m->sub = sub;
	m->name = d->nlen;
	memcpy(d->names + d->nlen, name, len);
	d->nlen += len;
	m->sec = strtoull(name, &end, 10);
	m->usec =
		*end == '.' && end[1] == 'M' ? strtoull(end + 2, NULL, 10) : 0;
	if (!name_w(name, &m->size)) {
		int fd = openat(d->dirfd[sub], name, O_RDONLY | O_CLOEXEC);

		if (fd < 0 || crlf_size(fd, &m->size) < 0) {
			if (fd >= 0)
				close(fd);
			return -1;
		}
		close(fd);
	}
	d->total += m->size;
	d->n++;
	return 0;
}

static const char *sort_names;

static int by_time(const void *a, const void *b)
{
	const struct msg *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	if (x->usec != y->usec)
		return x->usec < y->usec ? -1 : 1;
	return strcmp(sort_names + x->name, sort_names + y->name);
}

/* Lists new/ and cur/ (a missing one is empty), in delivery order. */
static int drop_open(struct drop *d, const char *maildir)
{
	char path[4096];

	for (int sub = 0; sub < 2; sub++) {
		struct dirent *de;
		DIR *dir;

		d->dirfd[sub] = -1;
		if ((size_t)snprintf(path, sizeof path, "%s/%s", maildir,
				     subdirs[sub]) >= sizeof path)
			return -1;
		d->dirfd[sub] = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (d->dirfd[sub] < 0)
			continue;
		dir = fdopendir(dup(d->dirfd[sub]));
		if (!dir)
			return -1;
		while ((de = readdir(dir)) != NULL)
			if (de->d_name[0] != '.' &&
			    add_msg(d, sub, de->d_name) < 0) {
				closedir(dir);
				return -1;
			}
		closedir(dir);
	}
	sort_names = d->names;
	if (d->n > 0)
		qsort(d->m, d->n, sizeof *d->m, by_time);
	return 0;
}

/* Streams message m: LF becomes CRLF, a leading '.' is doubled. */
static int retr(struct fio *f, const struct drop *d, const struct msg *m)
{
	char buf[65536], hdr[64];
	int fd = openat(d->dirfd[m->sub], d->names + m->name,
			O_RDONLY | O_CLOEXEC);
	int bol = 1;
	ssize_t r;

	if (fd < 0)
		return fio_puts(f, "-ERR [SYS/TEMP] cannot open message\r\n");
	snprintf(hdr, sizeof hdr, "+OK %" PRIu64 " octets\r\n", m->size);
	fio_puts(f, hdr);
	while ((r = read(fd, buf, sizeof buf)) > 0) {
		const char *p = buf, *e = buf + r;

		while (p < e) {
			const char *lf = memchr(p, '\n', (size_t)(e - p));
			const char *stop = lf ? lf : e;

			if (bol && *p == '.')
				fio_put(f, ".", 1);
			fio_put(f, p, (size_t)(stop - p));
			if (lf)
				fio_put(f, "\r\n", 2);
			bol = lf != NULL;
			p = lf ? lf + 1 : e;
		}
	}
	close(fd);
	/* A read error mid-message cannot be signalled in-band: hang up. */
	if (r < 0)
		return -1;
	return fio_puts(f, bol ? ".\r\n" : "\r\n.\r\n");
}

/* The message a "RETR n"/"LIST n" argument names, or NULL. */
static const struct msg *arg_msg(const struct drop *d, const char *arg)
{
	char *end;
	unsigned long k;

	if (*arg < '1' || *arg > '9')
		return NULL;
	k = strtoul(arg, &end, 10);
	return *end == '\0' && k <= d->n ? &d->m[k - 1] : NULL;
}

/* The unique part of a name (before ',' or ':'), at most UID_MAX. */
static void put_uid(struct fio *f, const char *name)
{
	size_t len = strcspn(name, ",:");

	fio_put(f, name, len > UID_MAX ? UID_MAX : len);
}

/* LIST or UIDL, for one message (arg) or all. */
static void list(struct fio *f, const struct drop *d, const char *arg, int uidl)
{
	char num[64];

	if (*arg) {
		const struct msg *m = arg_msg(d, arg);

		if (!m) {
			fio_puts(f, "-ERR no such message\r\n");
			return;
		}
		snprintf(num, sizeof num, "+OK %s ", arg);
		fio_puts(f, num);
		if (uidl) {
			put_uid(f, d->names + m->name);
			fio_puts(f, "\r\n");
		} else {
			snprintf(num, sizeof num, "%" PRIu64 "\r\n", m->size);
			fio_puts(f, num);
		}
		return;
	}
	fio_puts(f, "+OK\r\n");
	for (size_t i = 0; i < d->n; i++) {
		if (uidl) {
			snprintf(num, sizeof num, "%zu ", i + 1);
			fio_puts(f, num);
			put_uid(f, d->names + d->m[i].name);
			fio_puts(f, "\r\n");
		} else {
			snprintf(num, sizeof num, "%zu %" PRIu64 "\r\n", i + 1,
				 d->m[i].size);
			fio_puts(f, num);
		}
	}
	fio_puts(f, ".\r\n");
}

/* TRANSACTION state (RFC 1939 section 5), read-only. 1 for QUIT. */
static int transaction(struct fio *f, struct drop *d, const char *verb,
		       const char *arg)
{
	char buf[64];

	if (strcasecmp(verb, "QUIT") == 0) {
		fio_puts(f, "+OK bye\r\n");
		return 1;
	}
	if (strcasecmp(verb, "STAT") == 0) {
		snprintf(buf, sizeof buf, "+OK %zu %" PRIu64 "\r\n", d->n,
			 d->total);
		fio_puts(f, buf);
	} else if (strcasecmp(verb, "LIST") == 0 ||
		   strcasecmp(verb, "UIDL") == 0) {
		list(f, d, arg, toupper((unsigned char)verb[0]) == 'U');
	} else if (strcasecmp(verb, "RETR") == 0) {
		const struct msg *m = arg_msg(d, arg);

		if (!m)
			fio_puts(f, "-ERR no such message\r\n");
		else if (retr(f, d, m) < 0)
			return -1;
	} else if (strcasecmp(verb, "NOOP") == 0 ||
		   strcasecmp(verb, "RSET") == 0) {
		fio_puts(f, "+OK\r\n");
	} else {
		fio_puts(f, "-ERR not implemented\r\n");
	}
	return 0;
}

static int session(struct fio *f, const char *maildir)
{
	static struct drop d;
	char line[CMD_MAX];
	int authed = 0;

	fio_puts(f, "+OK floor POP3\r\n");
	for (;;) {
		int r = fio_line(f, line, sizeof line);
		char *arg;

		if (r <= 0)
			return 1;
		if (r == 2) {
			fio_puts(f, "-ERR line too long\r\n");
			continue;
		}
		arg = line + strcspn(line, " ");
		if (*arg)
			*arg++ = '\0';
		if (authed) {
			r = transaction(f, &d, line, arg);
			if (r != 0)
				return r < 0 || fio_flush(f) < 0;
		} else if (strcasecmp(line, "USER") == 0) {
			fio_puts(f, "+OK\r\n");
		} else if (strcasecmp(line, "PASS") == 0) {
			if (drop_open(&d, maildir) < 0) {
				fio_puts(f, "-ERR [SYS/TEMP] maildrop\r\n");
				fio_flush(f);
				return 1;
			}
			authed = 1;
			fio_puts(f, "+OK\r\n");
		} else if (strcasecmp(line, "QUIT") == 0) {
			fio_puts(f, "+OK bye\r\n");
			return fio_flush(f) < 0;
		} else if (strcasecmp(line, "CAPA") == 0) {
			fio_puts(f,
				 "+OK\r\nUSER\r\nUIDL\r\nPIPELINING\r\n.\r\n");
		} else {
			fio_puts(f, "-ERR not implemented\r\n");
		}
	}
}

int main(int argc, char **argv)
{
	static struct fio f;
	const char *maildir = NULL;
	int secs = 600, ch;

	while ((ch = getopt(argc, argv, "d:t:")) != -1) {
		if (ch == 'd')
			maildir = optarg;
		else if (ch == 't')
			secs = fio_secs(optarg);
		else
			return 2;
	}
	if (!maildir) {
		fprintf(stderr, "usage: floor-pop3 -d MAILDIR [-t SECS]\n");
		return 2;
	}
	fio_init(&f, secs);
	return session(&f, maildir);
}
