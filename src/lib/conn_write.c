/*
 * conn_write.c: the output side of a connection. Replies collect in a fixed
 * buffer and go out in one write when the reader would block or the buffer
 * fills (RFC 2920); a flush is bounded by write_timeout_ms, and a lost reply
 * fails the connection for good.
 */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "conn.h"
#include "conn_private.h"
#include "fmt.h"

/*
 * Marks the output side dead. Replies are positional (RFC 5321 4.2, RFC 1939
 * section 3): once one is lost, nothing later can be trusted to line up.
 */
static int out_failed(struct conn *c)
{
	c->failed = true;
	c->out_len = 0;
	return -1;
}

int conn_flush(struct conn *c)
{
	int64_t deadline;
	size_t off = 0;
	ssize_t n;
	int r;

	if (c->failed) {
		errno = EPIPE;
		return -1;
	}
	if (c->out_len == 0)
		return 0;
	deadline = conn_deadline_after(c->write_timeout_ms);
	while (off < c->out_len) {
		if (c->out_fd >= 0) {
			r = conn_wait_fd(c->out_fd, POLLOUT, deadline);
			if (r == 0)
				errno = ETIMEDOUT;
			if (r <= 0)
				return out_failed(c);
		}
		n = c->ops->write(c, c->out + off, c->out_len - off);
		if (n > 0 && (size_t)n <= c->out_len - off) {
			off += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) &&
		    c->out_fd >= 0) {
			if (!conn_deadline_passed(deadline))
				continue;
			errno = ETIMEDOUT;
		} else if (n >= 0) {
			errno = EIO; /* wrote nothing, or claims more than asked
				      */
		}
		return out_failed(c);
	}
	c->out_len = 0;
	return 0;
}

/*
 * A flush of a full buffer in the middle of a reply (see c->more). It
 * keeps the last octet back: the flush that ends the reply then always
 * has something to send without MSG_MORE, which pushes out all that the
 * kernel held.
 */
static int flush_more(struct conn *c)
{
	char last;
	int r;

	if (c->out_len < 2)
		return conn_flush(c);
	last = c->out[--c->out_len];
	c->more = true;
	r = conn_flush(c);
	c->more = false;
	if (r < 0)
		return r;
	c->out[0] = last;
	c->out_len = 1;
	return 0;
}

int conn_write(struct conn *c, const void *data, size_t n)
{
	const char *p = data;
	size_t room, k;

	if (c->failed) {
		errno = EPIPE;
		return -1;
	}
	while (n > 0) {
		room = sizeof(c->out) - c->out_len;
		k = n < room ? n : room;
		memcpy(c->out + c->out_len, p, k);
		c->out_len += k;
		p += k;
		n -= k;
		if (c->out_len == sizeof(c->out) && flush_more(c) < 0)
			return -1;
	}
	return 0;
}

int conn_puts(struct conn *c, const char *s)
{
	return conn_write(c, s, strlen(s));
}

int conn_vprintf(struct conn *c, const char *fmt, va_list ap)
{
	size_t room;
	va_list ap2;
	int n;

	if (c->failed) {
		errno = EPIPE;
		return -1;
	}
	/* conn_write keeps out_len below the size, so room is at least 1. */
	room = sizeof(c->out) - c->out_len;
	va_copy(ap2, ap);
	n = fmt_vsnprintf(c->out + c->out_len, room, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return -1;
	if ((size_t)n >= sizeof(c->out)) {
		errno = EMSGSIZE; /* would have to be cut: refuse it whole */
		return -1;
	}
	if ((size_t)n < room) {
		c->out_len += (size_t)n;
		return 0;
	}
	/* It fits after a flush; if only in the whole buffer, that flush
	   sends the octet flush_more kept as well. */
	if (flush_more(c) < 0 ||
	    ((size_t)n >= sizeof(c->out) - c->out_len && conn_flush(c) < 0))
		return -1;
	room = sizeof(c->out) - c->out_len;
	n = fmt_vsnprintf(c->out + c->out_len, room, fmt, ap);
	if (n < 0 || (size_t)n >= room)
		return -1;
	c->out_len += (size_t)n;
	return 0;
}

int conn_printf(struct conn *c, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = conn_vprintf(c, fmt, ap);
	va_end(ap);
	return r;
}

size_t conn_output_pending(const struct conn *c)
{
	return c->out_len;
}
