/*
 * floor_io.h: buffered stdin/stdout for the benchmark floors: bounded line
 * reads, output flushed before every blocking read (RFC 2920 pipelining),
 * and a timeout on every wait.
 */
#ifndef BENCH_FLOOR_IO_H
#define BENCH_FLOOR_IO_H

#include <stddef.h>

#define FLOOR_INBUF  65536
#define FLOOR_OUTBUF 65536
/* Octets of one over-long line read before giving up on the client. */
#define FLOOR_MAX_SKIP (1024 * 1024)

struct fio {
	int in, out;
	int timeout_ms;
	size_t start, end, olen;
	char ib[FLOOR_INBUF];
	char ob[FLOOR_OUTBUF];
};

/* Sets f up on fds 0 and 1 with a timeout of secs seconds per wait. */
void fio_init(struct fio *f, int secs);

/* Writes out what is buffered. 0, or -1 on error or timeout. */
int fio_flush(struct fio *f);

/* Appends n bytes, flushing when the buffer fills. 0, or -1. */
int fio_put(struct fio *f, const void *data, size_t n);

/* Appends a NUL-terminated string. 0, or -1. */
int fio_puts(struct fio *f, const char *s);

/*
 * Makes input available, flushing output first if it must wait. Returns the
 * count of buffered bytes at f->ib + f->start, 0 at end of input, -1 on error
 * or timeout.
 */
long fio_fill(struct fio *f);

/*
 * Reads a line (CRLF or LF stripped) into buf of size bytes. 1 for a line,
 * 0 at end of input, -1 on error or timeout, 2 for a line too long for buf,
 * which is then consumed through its LF.
 */
int fio_line(struct fio *f, char *buf, size_t size);

/* Parses "%u" seconds or exits with a usage message. */
int fio_secs(const char *s);

#endif
