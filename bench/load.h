/*
 * load.h: the benchmark load client's shared pieces: TCP connections to
 * 127.0.0.1 with a timeout on every operation, a bounded buffered reader,
 * timing, and the statistics every mode prints.
 */
#ifndef BENCH_LOAD_H
#define BENCH_LOAD_H

#include <stddef.h>
#include <stdint.h>

/* Longest reply line we accept from a server (RFC 5321 4.5.3.1.5: 512). */
#define LOAD_MAX_LINE 1024
/* Lines of one multi-line SMTP reply we accept before calling it runaway. */
#define LOAD_MAX_REPLY_LINES 100
/* Reader buffer: large enough that a RETR streams in few read(2) calls. */
#define LOAD_INBUF 65536

/* Options shared by all modes. */
struct load_opts {
	int port;          /* on 127.0.0.1 */
	int timeout_ms;    /* bound on every connect, read and write */
	unsigned count;    /* greet/stat: sessions; smtp: connections/client */
	unsigned clients;  /* smtp: concurrent clients */
	unsigned per_conn; /* smtp: messages per connection */
	size_t size;       /* smtp: message size in octets */
	const char *maildir; /* smtp: Maildir whose new/ receives them */
	const char *rcpt;    /* smtp: the recipient address */
	const char *user;    /* pop3/stat: login */
	const char *pass;    /* pop3/stat: password */
	long expect;         /* pop3/stat: expected message count, -1: any */
	const char *raw;     /* greet: file for every latency, one a line */
};

/* A connection with its own input buffer. */
struct lconn {
	int fd;
	size_t start, end;
	char buf[LOAD_INBUF];
};

/* Monotonic time in nanoseconds. */
uint64_t load_now_ns(void);

/*
 * Connects to 127.0.0.1:port with send/receive timeouts of timeout_ms on the
 * socket (Linux applies SO_SNDTIMEO to connect too) and TCP_NODELAY. 0, or
 * -1 with a message on stderr.
 */
int lconn_open(struct lconn *c, int port, int timeout_ms);

/* Closes the socket (safe twice). */
void lconn_close(struct lconn *c);

/* Writes all n bytes. 0, or -1 on error or timeout (message on stderr). */
int lconn_write(struct lconn *c, const void *data, size_t n);

/* Writes a NUL-terminated command line followed by CRLF, as one write. */
int lconn_cmd(struct lconn *c, const char *line);

/*
 * Reads one line ending in LF into out (size bytes, NUL-terminated, line end
 * stripped). 1 for a line, 0 at end of input, -1 on error, timeout or a line
 * longer than size-1 (message on stderr).
 */
int lconn_line(struct lconn *c, char *out, size_t size);

/*
 * Makes buffered input available: at least one byte unless the peer closed.
 * Returns the count buffered (0 at end of input), or -1 on error/timeout.
 */
long lconn_fill(struct lconn *c);

/*
 * Reads an SMTP reply (all lines of a multi-line one) and returns its code,
 * or -1 on error. The last line is left in last (size bytes) for messages.
 */
int lconn_smtp_reply(struct lconn *c, char *last, size_t size);

/*
 * Sorts v[0..n) and prints "PREFIXmedian_us=.. p99_us=.. min_us=.. max_us=..
 * mean_us=.." for values in nanoseconds, on stdout (no newline).
 */
void load_print_stats(const char *prefix, uint64_t *v, size_t n);

/* The nearest-rank percentile p (0 < p <= 100) of sorted v[0..n), n > 0. */
uint64_t load_percentile(const uint64_t *sorted, size_t n, double p);

/* Modes; each returns the process exit status (0: all checks passed). */
int load_greet(const struct load_opts *o);
int load_smtp(const struct load_opts *o);
int load_pop3(const struct load_opts *o);
int load_stat(const struct load_opts *o);

#endif
