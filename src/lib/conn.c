/*
 * conn.c: one client connection over a pluggable transport. Input goes into
 * a fixed buffer, waited for with poll() and a deadline (no alarm/longjmp);
 * output is buffered and flushed before any read that would block, so that a
 * pipelined burst (RFC 2920) is answered in one write. Lines: linereader.c;
 * output: conn_write.c.
 */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "conn.h"
#include "conn_private.h"

/* A single poll() waits at most this long; longer waits just poll again. */
#define CONN_MAX_POLL_MS (24 * 3600 * 1000)
/* POSIX _POSIX_PIPE_BUF: the least PIPE_BUF any system may have. */
#define CONN_MIN_PIPE_BUF 512

static int64_t now_ms(void)
{
	struct timespec ts;

	/* CLOCK_MONOTONIC: a clock step must neither cut nor stretch a wait. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Absolute deadline for a relative timeout; -1 means none. */
int64_t conn_deadline_after(int timeout_ms)
{
	return timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
}

int conn_ms_left(int64_t deadline)
{
	int64_t left;

	if (deadline < 0)
		return -1;
	left = deadline - now_ms();
	if (left <= 0)
		return 0;
	return left > CONN_MAX_POLL_MS ? CONN_MAX_POLL_MS : (int)left;
}

bool conn_deadline_passed(int64_t deadline)
{
	return deadline >= 0 && conn_ms_left(deadline) == 0;
}

/*
 * Waits until fd is ready for events: 1 ready (including hang-up or error,
 * which the following read or write then reports), 0 deadline passed, -1
 * poll() failed. A signal (EINTR) just shortens one round.
 */
int conn_wait_fd(int fd, short events, int64_t deadline)
{
	struct pollfd p;
	int ms, r;

	for (;;) {
		p.fd = fd;
		p.events = events;
		p.revents = 0;
		ms = conn_ms_left(deadline);
		r = poll(&p, 1, ms);
		if (r > 0)
			return 1;
		if (r == 0 && conn_ms_left(deadline) == 0)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
	}
}

/* True when fd holds input right now (a poll() that does not wait). */
static bool readable_now(int fd)
{
	struct pollfd p;
	int r;

	do {
		p.fd = fd;
		p.events = POLLIN;
		p.revents = 0;
		r = poll(&p, 1, 0);
	} while (r < 0 && errno == EINTR);
	return r > 0 && (p.revents & POLLIN) != 0;
}

static ssize_t fd_read(struct conn *c, void *buf, size_t n)
{
	return read(c->in_fd, buf, n);
}

/*
 * On a socket a read can be tried without poll(): MSG_DONTWAIT never blocks,
 * and EAGAIN is the cue to flush and wait. While DATA streams in, that is
 * one system call per buffer instead of two.
 */
static ssize_t socket_read(struct conn *c, void *buf, size_t n)
{
	return recv(c->in_fd, buf, n, MSG_DONTWAIT);
}

static ssize_t fd_write(struct conn *c, const void *buf, size_t n)
{
	return write(c->out_fd, buf, n);
}

/*
 * MSG_DONTWAIT: a send never blocks past the flush deadline, whatever the
 * socket's mode; MSG_NOSIGNAL: a vanished peer is EPIPE, not SIGPIPE;
 * MSG_MORE while the reply goes on (c->more): the last flush, before the
 * next read, sends without it and pushes everything out.
 */
static ssize_t socket_write(struct conn *c, const void *buf, size_t n)
{
	return send(c->out_fd, buf, n,
		    MSG_NOSIGNAL | MSG_DONTWAIT | (c->more ? MSG_MORE : 0));
}

/*
 * A blocking pipe write bigger than PIPE_BUF may wait for the reader however
 * long it takes; one of at most PIPE_BUF octets completes at once after
 * poll() reported POLLOUT (Linux: a free page). We must not change the
 * pipe's O_NONBLOCK flag: the file description is shared with other
 * processes.
 */
static ssize_t pipe_write(struct conn *c, const void *buf, size_t n)
{
	long chunk = fpathconf(c->out_fd, _PC_PIPE_BUF);

	if (chunk < CONN_MIN_PIPE_BUF)
		chunk = CONN_MIN_PIPE_BUF;
	if (n > (size_t)chunk)
		n = (size_t)chunk;
	return write(c->out_fd, buf, n);
}

/* Indexed by [input is a socket][output kind]. */
enum {
	OUT_OTHER,
	OUT_SOCKET,
	OUT_PIPE
};
static const struct conn_ops fd_ops[2][3] = {
	{ { fd_read, fd_write },
	  { fd_read, socket_write },
	  { fd_read, pipe_write } },
	{ { socket_read, fd_write },
	  { socket_read, socket_write },
	  { socket_read, pipe_write } },
};

void conn_init_fd(struct conn *c, int in_fd, int out_fd)
{
	struct stat st;
	int in_socket = 0, out_kind = OUT_OTHER;

	if (fstat(in_fd, &st) == 0 && S_ISSOCK(st.st_mode))
		in_socket = 1;
	if (fstat(out_fd, &st) == 0) {
		if (S_ISSOCK(st.st_mode))
			out_kind = OUT_SOCKET;
		else if (S_ISFIFO(st.st_mode))
			out_kind = OUT_PIPE;
	}
	conn_init_ops(c, &fd_ops[in_socket][out_kind], NULL, in_fd, out_fd);
}

void conn_init_ops(struct conn *c, const struct conn_ops *ops, void *ctx,
		   int in_fd, int out_fd)
{
	/* The buffers need no clearing: only [in_start, in_end) is read. */
	c->ops = ops;
	c->ctx = ctx;
	c->in_fd = in_fd;
	c->out_fd = out_fd;
	c->write_timeout_ms = CONN_DEFAULT_WRITE_TIMEOUT_MS;
	c->failed = false;
	c->more = false;
	c->in_start = c->in_end = c->in_shown = 0;
	c->in_eof = false;
	c->in_skip = false;
	c->out_len = 0;
}

/*
 * Makes the free tail of the input buffer large, so that one read can take
 * a whole pipelined burst or a big piece of DATA. Unconsumed bytes (a partial
 * line, usually short) move to the front only when the tail is under half
 * the buffer: most reads start on an empty buffer and move nothing.
 */
static void make_room(struct conn *c)
{
	size_t keep = c->in_end - c->in_start;

	if (keep == 0) {
		c->in_start = c->in_end = 0;
		return;
	}
	if (c->in_start == 0 || sizeof(c->in) - c->in_end >= sizeof(c->in) / 2)
		return;
	memmove(c->in, c->in + c->in_start, keep);
	c->in_start = 0;
	c->in_end = keep;
}

/*
 * Flushes pending output unless input is already waiting, in which case the
 * replies collect until the client's burst is read: RFC 2920 section 4 lets
 * a server hold replies back until it would block waiting for input.
 */
static int flush_before_wait(struct conn *c)
{
	if (c->out_len == 0)
		return 0;
	if (c->in_fd >= 0 && readable_now(c->in_fd))
		return 0;
	return conn_flush(c);
}

/*
 * Reads once into the free tail of the buffer (make_room() first). Pending
 * replies are flushed first unless input is waiting; on a socket the read
 * itself tells (socket_read), elsewhere a poll() that does not wait.
 */
static enum conn_status fill(struct conn *c, int64_t deadline)
{
	size_t room = sizeof(c->in) - c->in_end;
	bool try_first = c->ops->read == socket_read && c->in_fd >= 0;
	ssize_t n;

	if (!try_first && flush_before_wait(c) < 0)
		return CONN_ERROR;
	for (;;) {
		if (c->in_fd >= 0 && !try_first) {
			int r = conn_wait_fd(c->in_fd, POLLIN, deadline);

			if (r == 0)
				return CONN_TIMEOUT;
			if (r < 0)
				return CONN_ERROR;
		}
		n = c->ops->read(c, c->in + c->in_end, room);
		if (n > 0 && (size_t)n <= room) {
			c->in_end += (size_t)n;
			return CONN_OK;
		}
		if (n == 0) {
			/* The peer may have half-closed and still read. */
			c->in_eof = true;
			(void)conn_flush(c);
			return CONN_EOF;
		}
		if (n > 0) {
			errno = EIO; /* a transport that overran the buffer */
			return CONN_ERROR;
		}
		if (errno == EINTR)
			continue;
		if ((errno != EAGAIN && errno != EWOULDBLOCK) || c->in_fd < 0)
			return CONN_ERROR;
		if (try_first) {
			/* Nothing waiting: now the replies must go out. */
			try_first = false;
			if (conn_flush(c) < 0)
				return CONN_ERROR;
		} else if (conn_deadline_passed(deadline)) {
			return CONN_TIMEOUT;
		}
	}
}

enum conn_status conn_peek(struct conn *c, char **data_r, size_t *len_r,
			   int timeout_ms)
{
	enum conn_status st = CONN_OK;

	if (c->in_end - c->in_start <= c->in_shown) {
		/* Everything buffered was seen: the caller needs more. */
		make_room(c);
		if (c->in_eof)
			st = CONN_EOF;
		else if (c->in_end == sizeof(c->in))
			st = CONN_TOO_LONG;
		else
			st = fill(c, conn_deadline_after(timeout_ms));
	}
	*data_r = c->in + c->in_start;
	*len_r = c->in_end - c->in_start;
	if (st == CONN_OK)
		c->in_shown = *len_r;
	return st;
}

void conn_consume(struct conn *c, size_t n)
{
	size_t avail = c->in_end - c->in_start;

	if (n > avail)
		n = avail;
	c->in_start += n;
	c->in_shown = c->in_shown > n ? c->in_shown - n : 0;
	if (c->in_start == c->in_end)
		c->in_start = c->in_end = 0;
}

bool conn_input_pending(struct conn *c)
{
	if (c->in_end > c->in_start)
		return true;
	if (c->in_eof || c->in_fd < 0)
		return false;
	return readable_now(c->in_fd);
}
