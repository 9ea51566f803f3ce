/*
 * floor-smtp.c: the benchmark's SMTP floors, one session on stdin/stdout.
 * Without -d (the exec floor) it greets, answers every command with a fixed
 * 250 (354 for DATA, 221 for QUIT) and discards the message. With -d MAILDIR
 * (the durable floor) each message is written into tmp/, fsynced, renamed
 * into new/ and new/ fsynced before its 250: what durability costs at least.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <unistd.h>

#include "floor_io.h"

/* RFC 5321 4.5.3.1.4 and extensions: a command line fits easily. */
#define CMD_MAX      2048
#define PATH_MAX_LEN 4096

/* The durable floor's Maildir and the message being written. */
struct sink {
	const char *maildir;
	int newfd;  /* new/, for fsync after the rename */
	int fd;     /* the tmp file; -1 when none */
	int failed; /* a write failed: answer 451 */
	unsigned seq;
	size_t len;
	char tmp[PATH_MAX_LEN], dst[PATH_MAX_LEN];
	char buf[65536];
};

/* Where the DATA reader is within a line (RFC 5321 4.5.2). */
enum dstate {
	D_BOL,
	D_DOT,
	D_DOTCR,
	D_MID,
	D_CR
};

/* Writes out the buffered part of the message; a failure sticks. */
static void sink_write(struct sink *s)
{
	for (size_t off = 0; !s->failed && off < s->len;) {
		ssize_t w = write(s->fd, s->buf + off, s->len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			s->failed = 1;
		else
			off += (size_t)w;
	}
	s->len = 0;
}

static void emit(struct sink *s, char ch)
{
	if (s->fd < 0 || s->failed)
		return;
	if (s->len == sizeof s->buf)
		sink_write(s);
	s->buf[s->len++] = ch;
}

/* One step of the DATA machine; 1 when "CRLF.CRLF" ended the message. The
   file gets LF line ends, the Maildir convention. */
static int data_step(struct sink *s, enum dstate *st, char ch)
{
	switch (*st) {
	case D_DOTCR:
		if (ch == '\n')
			return 1;
		emit(s, '\r');
		*st = D_MID;
		break;
	case D_CR:
		if (ch == '\n') {
			emit(s, '\n');
			*st = D_BOL;
			return 0;
		}
		emit(s, '\r');
		*st = D_MID;
		break;
	case D_BOL:
		if (ch == '.') {
			*st = D_DOT; /* stuffed, or the end */
			return 0;
		}
		break;
	case D_DOT:
		if (ch == '\r') {
			*st = D_DOTCR;
			return 0;
		}
		break;
	case D_MID:
		break;
	}
	if (ch == '\r') {
		*st = D_CR;
	} else {
		emit(s, ch);
		*st = ch == '\n' ? D_BOL : D_MID;
	}
	return 0;
}

/* Reads the message through its final dot. 0, or -1 if input failed. */
static int data_read(struct fio *f, struct sink *s)
{
	enum dstate st = D_BOL;

	for (;;) {
		long avail = fio_fill(f);

		if (avail <= 0)
			return -1;
		for (long i = 0; i < avail; i++) {
			if (data_step(s, &st, f->ib[f->start + (size_t)i])) {
				f->start += (size_t)i + 1;
				return 0;
			}
		}
		f->start = f->end;
	}
}

static void sink_open(struct sink *s)
{
	struct timeval tv;
	int n;

	s->fd = -1;
	s->failed = 0;
	s->len = 0;
	if (!s->maildir)
		return;
	gettimeofday(&tv, NULL);
	n = snprintf(s->tmp, sizeof s->tmp, "%s/tmp/%lld.M%06ldP%ldQ%u.floor",
		     s->maildir, (long long)tv.tv_sec, (long)tv.tv_usec,
		     (long)getpid(), ++s->seq);
	if (n < 0 || (size_t)n >= sizeof s->tmp) {
		s->failed = 1;
		return;
	}
	s->fd = open(s->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (s->fd < 0)
		s->failed = 1;
}

/* Makes the message durable; 0 when it is safely in new/. */
static int sink_finish(struct sink *s)
{
	const char *base;

	if (!s->maildir)
		return 0;
	if (s->fd < 0)
		return -1;
	sink_write(s);
	base = strrchr(s->tmp, '/') + 1;
	if (s->failed || fsync(s->fd) < 0 || close(s->fd) < 0 ||
	    (size_t)snprintf(s->dst, sizeof s->dst, "%s/new/%s", s->maildir,
			     base) >= sizeof s->dst ||
	    rename(s->tmp, s->dst) < 0 || fsync(s->newfd) < 0) {
		unlink(s->tmp);
		return -1;
	}
	return 0;
}

static int session(struct fio *f, struct sink *s)
{
	char line[CMD_MAX];

	fio_puts(f, "220 floor.bench.example ESMTP\r\n");
	for (;;) {
		int r = fio_line(f, line, sizeof line);

		if (r <= 0)
			return 1;
		if (r == 2) {
			fio_puts(f, "500 5.5.2 line too long\r\n");
		} else if (strncasecmp(line, "QUIT", 4) == 0) {
			fio_puts(f, "221 2.0.0 bye\r\n");
			return fio_flush(f) < 0;
		} else if (strncasecmp(line, "DATA", 4) == 0) {
			fio_puts(f, "354 go ahead\r\n");
			sink_open(s);
			if (data_read(f, s) < 0) {
				if (s->fd >= 0)
					unlink(s->tmp);
				return 1;
			}
			fio_puts(f, sink_finish(s) == 0
					    ? "250 2.0.0 ok\r\n"
					    : "451 4.3.0 not stored\r\n");
		} else {
			fio_puts(f, "250 2.0.0 ok\r\n");
		}
	}
}

int main(int argc, char **argv)
{
	static struct fio f;
	static struct sink s;
	char path[PATH_MAX_LEN];
	int secs = 300, ch;

	while ((ch = getopt(argc, argv, "d:t:")) != -1) {
		if (ch == 'd')
			s.maildir = optarg;
		else if (ch == 't')
			secs = fio_secs(optarg);
		else
			return 2;
	}
	fio_init(&f, secs);
	s.fd = -1;
	if (s.maildir) {
		if ((size_t)snprintf(path, sizeof path, "%s/new", s.maildir) >=
		    sizeof path)
			return 111;
		s.newfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (s.newfd < 0) {
			fio_puts(&f, "421 4.3.0 no Maildir\r\n");
			fio_flush(&f);
			return 111;
		}
	}
	return session(&f, &s);
}
