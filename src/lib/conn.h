/*
 * conn.h: one client connection: buffered input read by lines or in chunks,
 * buffered output flushed explicitly. The raw I/O goes through function
 * pointers so that TLS can slot in later and tests can trickle input.
 */
#ifndef POSTERN_CONN_H
#define POSTERN_CONN_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "postern_limits.h"

struct conn;

/*
 * Raw transport. read returns >0 bytes read, 0 at end of input, -1 with errno
 * set on error; write returns bytes written (>0) or -1 with errno. Both may be
 * partial. They are only called once poll() said the fd is ready, unless
 * poll_fd is -1 (tests), in which case they are called directly.
 */
struct conn_ops {
	ssize_t (*read)(struct conn *c, void *buf, size_t n);
	ssize_t (*write)(struct conn *c, const void *buf, size_t n);
};

/*
 * RFC 5321 4.5.3.2 makes 5 minutes the shortest wait either side allows; a
 * peer that has not taken a reply off the wire in that time is gone.
 */
#define CONN_DEFAULT_WRITE_TIMEOUT_MS 300000

struct conn {
	const struct conn_ops *ops;
	void *ctx;  /* for ops: a TLS session, a test's script */
	int in_fd;  /* polled for input; -1: never poll, just read */
	int out_fd; /* polled for output; -1: never poll, just write */
	int write_timeout_ms; /* bound on one flush; default 300000 */
	bool failed; /* a write failed or timed out: later output is dropped */
	/* The flush under way is of a full buffer, in the middle of a reply:
	   the transport may hold a partial packet back for what follows
	   (MSG_MORE), so that a reply longer than the buffer is not cut
	   into a packet that Nagle's algorithm then holds for an ACK. */
	bool more;

	char in[POSTERN_IO_INBUF];
	size_t in_start, in_end;
	size_t in_shown; /* of those, how many conn_peek has already returned */
	bool in_eof;
	bool in_skip; /* discarding the rest of an over-long line */

	char out[POSTERN_IO_OUTBUF];
	size_t out_len;
};

/* Results of the reading functions. */
enum conn_status {
	CONN_OK = 0,
	CONN_EOF,      /* the peer closed (a partial last line is dropped) */
	CONN_TOO_LONG, /* the line did not fit; it was consumed up to its LF */
	CONN_TIMEOUT,  /* nothing arrived before the deadline */
	CONN_ERROR     /* read error (errno set) */
};

/* Flags a line read may report. */
#define CONN_LINE_BARE_LF 0x1 /* the line ended in LF without CR */
#define CONN_LINE_NUL     0x2 /* the line held a NUL byte */
#define CONN_LINE_BARE_CR 0x4 /* a CR not followed by LF inside the line */
#define CONN_LINE_8BIT    0x8 /* a byte >= 0x80 inside the line */

/*
 * Sets c up over the file descriptors in_fd and out_fd (the same for a
 * socket) with the plain read(2)/write(2) transport: send() with
 * MSG_NOSIGNAL|MSG_DONTWAIT on sockets, writes of at most PIPE_BUF on pipes,
 * so that no write blocks past write_timeout_ms. Never fails. A write to a
 * pipe whose reader is gone raises SIGPIPE unless the program ignores it.
 */
void conn_init_fd(struct conn *c, int in_fd, int out_fd);

/*
 * Sets c up over a custom transport; in_fd/out_fd may be -1 (no polling:
 * then no deadline can be enforced, and output is flushed before every
 * read because nothing tells whether the read would block).
 */
void conn_init_ops(struct conn *c, const struct conn_ops *ops, void *ctx,
		   int in_fd, int out_fd);

/*
 * Reads one line into buf (size bytes, NUL-terminated, without its line end;
 * *len_r is its length, which may be less than strlen when it holds a NUL).
 * A line ends at CRLF or at a bare LF (flag CONN_LINE_BARE_LF). A line that
 * does not fit in size-1 bytes is consumed through its LF and reported as
 * CONN_TOO_LONG, using no extra memory; so is any line longer than
 * POSTERN_IO_INBUF octets with its line end, whatever size says. For an
 * RFC limit L counted with CRLF, pass size = L - 1.
 * Waits at most timeout_ms in total (negative: forever). Before it would
 * block, it flushes pending output, so that pipelined commands are answered
 * in one write (RFC 2920); if that flush fails it returns CONN_ERROR.
 * After CONN_TIMEOUT nothing is lost: a partial line stays buffered and the
 * next call goes on with it. On any result but CONN_OK, *len_r is 0 and buf
 * is "" (when size > 0); *flags_r is set only with CONN_OK.
 */
enum conn_status conn_read_line(struct conn *c, char *buf, size_t size,
				size_t *len_r, unsigned *flags_r,
				int timeout_ms);

/*
 * Streaming input for DATA and the like: points *data_r at all buffered
 * bytes (*len_r of them) without consuming them; the caller consumes what it
 * used with conn_consume(). It returns at once when some buffered bytes were
 * not returned by the previous conn_peek; otherwise (the caller left a
 * partial line) it reads more first, so calling it in a loop never spins.
 * Flushes output before it would block. Waits at most timeout_ms. Returns
 * CONN_TOO_LONG when the buffer is full of bytes already returned and none
 * were consumed; CONN_EOF when no new byte will come (*len_r still counts
 * what is left). The bytes are the connection's own: a caller may
 * overwrite those it then consumes (smtpd's DATA un-stuffs in place).
 */
enum conn_status conn_peek(struct conn *c, char **data_r, size_t *len_r,
			   int timeout_ms);

/* Marks n bytes (n <= what conn_peek returned) as used. */
void conn_consume(struct conn *c, size_t n);

/*
 * True when input is already waiting: bytes in the buffer, or the fd polls
 * readable right now. Used to decide whether to flush (pipelining). False
 * when in_fd is -1 and the buffer is empty.
 */
bool conn_input_pending(struct conn *c);

/*
 * Buffered output. Appends; flushes by itself when the buffer fills. A write
 * error or a flush that takes longer than write_timeout_ms (errno ETIMEDOUT)
 * sets c->failed and returns -1; after that, output is dropped and -1
 * returned at once (errno EPIPE). conn_printf output longer than
 * POSTERN_IO_OUTBUF - 1 octets is refused whole (-1, errno EMSGSIZE)
 * without setting c->failed.
 */
int conn_write(struct conn *c, const void *data, size_t n);
int conn_puts(struct conn *c, const char *s);
int conn_printf(struct conn *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int conn_vprintf(struct conn *c, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Writes out everything buffered. 0, or -1 as for conn_write. */
int conn_flush(struct conn *c);

/* Bytes of output buffered and not yet written. */
size_t conn_output_pending(const struct conn *c);

#endif
