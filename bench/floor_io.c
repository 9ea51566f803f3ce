/*
 * floor_io.c: the floors' connection on stdin/stdout (inetd convention):
 * reads through one buffer, replies buffered and flushed only before a
 * blocking read, every wait bounded by poll(2).
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "floor_io.h"

void fio_init(struct fio *f, int secs)
{
	f->in = 0;
	f->out = 1;
	f->timeout_ms = secs * 1000;
	f->start = f->end = f->olen = 0;
}

static int wait_fd(int fd, short ev, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = ev };
	int r;

	do
		r = poll(&p, 1, timeout_ms);
	while (r < 0 && errno == EINTR);
	return r > 0 ? 0 : -1;
}

int fio_flush(struct fio *f)
{
	size_t off = 0;

	while (off < f->olen) {
		ssize_t w;

		if (wait_fd(f->out, POLLOUT, f->timeout_ms) < 0)
			return -1;
		w = write(f->out, f->ob + off, f->olen - off);
		if (w < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (w <= 0)
			return -1;
		off += (size_t)w;
	}
	f->olen = 0;
	return 0;
}

int fio_put(struct fio *f, const void *data, size_t n)
{
	const char *p = data;

	while (n > 0) {
		size_t room = sizeof f->ob - f->olen;
		size_t k = n < room ? n : room;

		memcpy(f->ob + f->olen, p, k);
		f->olen += k;
		p += k;
		n -= k;
		if (f->olen == sizeof f->ob && fio_flush(f) < 0)
			return -1;
	}
	return 0;
}

int fio_puts(struct fio *f, const char *s)
{
	return fio_put(f, s, strlen(s));
}

long fio_fill(struct fio *f)
{
	ssize_t r;

	if (f->start < f->end)
		return (long)(f->end - f->start);
	if (fio_flush(f) < 0 || wait_fd(f->in, POLLIN, f->timeout_ms) < 0)
		return -1;
	do
		r = read(f->in, f->ib, sizeof f->ib);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return -1;
	f->start = 0;
	f->end = (size_t)r;
	return (long)r;
}

int fio_line(struct fio *f, char *buf, size_t size)
{
	size_t len = 0, seen = 0;
	int toolong = 0;

	/* An over-long line is skipped, but not forever. */
	while (seen < FLOOR_MAX_SKIP) {
		long avail = fio_fill(f);
		char *p = f->ib + f->start, *lf;
		size_t take;

		if (avail <= 0)
			return (int)avail;
		lf = memchr(p, '\n', (size_t)avail);
		take = lf ? (size_t)(lf - p) : (size_t)avail;
		if (!toolong && len + take < size) {
			memcpy(buf + len, p, take);
			len += take;
		} else {
			toolong = 1; /* keep reading, keep nothing */
		}
		f->start += take + (lf != NULL);
		seen += take;
		if (lf)
			break;
	}
	if (seen >= FLOOR_MAX_SKIP)
		return -1;
	if (toolong)
		return 2;
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	buf[len] = '\0';
	return 1;
}

int fio_secs(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s < '0' || *s > '9' || *end != '\0' || v < 1 || v > 86400) {
		fprintf(stderr, "floor: bad timeout %s\n", s);
		exit(2);
	}
	return (int)v;
}
