/*
 * test_conn.c: conn_peek/conn_consume across buffer boundaries, input
 * pending, and the buffered writer: auto-flush at full, partial writes,
 * failures, and write deadlines on real sockets and pipes.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "conn.h"

/* A scripted peer: hands out data at most chunk bytes per read. */
struct script {
	const char *data;
	size_t len, pos, chunk;
	size_t reads, asked;
};

static ssize_t script_read(struct conn *c, void *buf, size_t n)
{
	struct script *s = c->ctx;
	size_t k = s->len - s->pos;

	s->reads++;
	s->asked = n;
	if (k > s->chunk)
		k = s->chunk;
	if (k > n)
		k = n;
	memcpy(buf, s->data + s->pos, k);
	s->pos += k;
	return (ssize_t)k;
}

/* The output side: records writes, can accept little or fail. */
struct sink {
	char *buf;
	size_t len, cap, calls;
	size_t more_calls; /* of which with c->more set (MSG_MORE) */
	size_t max;        /* most bytes taken per call */
	int fail_errno;    /* fail every call with this */
	int eintr;         /* fail this many calls with EINTR first */
};

static struct sink sink;

static ssize_t sink_write(struct conn *c, const void *buf, size_t n)
{
	sink.calls++;
	if (c->more)
		sink.more_calls++;
	if (sink.eintr > 0) {
		sink.eintr--;
		errno = EINTR;
		return -1;
	}
	if (sink.fail_errno != 0) {
		errno = sink.fail_errno;
		return -1;
	}
	if (n > sink.max)
		n = sink.max;
	cr_assert_leq(sink.len + n, sink.cap);
	memcpy(sink.buf + sink.len, buf, n);
	sink.len += n;
	return (ssize_t)n;
}

static const struct conn_ops ops = { script_read, sink_write };

static struct conn *new_conn(struct script *s)
{
	struct conn *c = malloc(sizeof(*c));

	cr_assert_not_null(c);
	free(sink.buf);
	memset(&sink, 0, sizeof(sink));
	sink.cap = 4 * POSTERN_IO_OUTBUF;
	sink.buf = malloc(sink.cap);
	sink.max = SIZE_MAX;
	cr_assert_not_null(sink.buf);
	conn_init_ops(c, &ops, s, -1, -1);
	return c;
}

/*
 * A broken deadline would hang the test and the whole "make check"; the
 * default SIGALRM kills the test instead. (Criterion 2.4.1's .timeout did
 * not fire here when tests ran in parallel workers.)
 */
static void watchdog(void)
{
	alarm(10);
}

static char *pattern(size_t n)
{
	char *p = malloc(n);
	size_t i;

	cr_assert_not_null(p);
	for (i = 0; i < n; i++)
		p[i] = (char)(i * 7 + i / 251);
	return p;
}

/*
 * Streams n bytes through conn_peek/conn_consume, keeping back up to `keep`
 * bytes of each window as a DATA parser keeps a partial line.
 */
static void stream(size_t n, size_t chunk, size_t keep)
{
	char *in = pattern(n), *out = malloc(n + 1);
	struct script s = { in, n, 0, chunk, 0, 0 };
	struct conn *c = new_conn(&s);
	size_t got = 0, len, use, rounds = 0;
	char *data;
	enum conn_status st;

	cr_assert_not_null(out);
	while ((st = conn_peek(c, &data, &len, -1)) == CONN_OK) {
		cr_assert_lt(rounds++, 4 * n + 10, "peek spins");
		cr_assert_gt(len, 0);
		use = len > keep ? len - keep : 0;
		cr_assert_leq(got + use, n);
		memcpy(out + got, data, use);
		got += use;
		conn_consume(c, use);
	}
	cr_assert_eq(st, CONN_EOF, "chunk %zu keep %zu", chunk, keep);
	/* What was kept back is still there at EOF. */
	cr_assert_eq(got + len, n);
	memcpy(out + got, data, len);
	conn_consume(c, len);
	cr_assert(memcmp(in, out, n) == 0, "chunk %zu keep %zu", chunk, keep);
	cr_assert_eq(conn_peek(c, &data, &len, -1), CONN_EOF);
	cr_assert_eq(len, 0);
	free(in);
	free(out);
	free(c);
}

Test(conn_peek, across_buffer_boundaries)
{
	static const size_t chunks[] = {
		1, 7, 4096, POSTERN_IO_INBUF - 1, POSTERN_IO_INBUF, SIZE_MAX
	};
	static const size_t keeps[] = { 0, 1, 3, 999 };
	size_t i, k, n = 5 * POSTERN_IO_INBUF + 17;

	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
		for (k = 0; k < sizeof(keeps) / sizeof(keeps[0]); k++)
			stream(chunks[i] == 1 ? 3000 : n, chunks[i], keeps[k]);
}

/* Nothing consumed: the next peek reads more instead of spinning. */
Test(conn_peek, reads_more_when_nothing_consumed)
{
	struct script s = { "abcdef", 6, 0, 2, 0, 0 };
	struct conn *c = new_conn(&s);
	char *data;
	size_t len;

	cr_assert_eq(conn_peek(c, &data, &len, -1), CONN_OK);
	cr_assert_eq(len, 2);
	cr_assert_eq(conn_peek(c, &data, &len, -1), CONN_OK);
	cr_assert_eq(len, 4);
	conn_consume(c, 1);
	cr_assert_eq(conn_peek(c, &data, &len, -1), CONN_OK);
	cr_assert_eq(len, 5);
	cr_assert(memcmp(data, "bcdef", 5) == 0);
	cr_assert_eq(conn_peek(c, &data, &len, -1), CONN_EOF);
	cr_assert_eq(len, 5);
	free(c);
}

/* A full buffer of bytes the caller will not take is reported, not looped. */
Test(conn_peek, full_buffer_is_too_long)
{
	size_t n = POSTERN_IO_INBUF + 10;
	char *in = pattern(n);
	struct script s = { in, n, 0, 1000, 0, 0 };
	struct conn *c = new_conn(&s);
	char *data;
	size_t len, rounds = 0;
	enum conn_status st;

	while ((st = conn_peek(c, &data, &len, -1)) == CONN_OK)
		cr_assert_lt(rounds++, 100);
	cr_assert_eq(st, CONN_TOO_LONG);
	cr_assert_eq(len, POSTERN_IO_INBUF);
	/* One byte taken: room for one more, which is read. */
	conn_consume(c, 1);
	cr_assert_eq(conn_peek(c, &data, &len, -1), CONN_OK);
	cr_assert_eq(len, POSTERN_IO_INBUF);
	cr_assert(memcmp(data, in + 1, len) == 0);
	free(in);
	free(c);
}

/* Reads ask for the whole free buffer; leftovers move only when needed. */
Test(conn_peek, reads_are_large)
{
	size_t n = 3 * POSTERN_IO_INBUF;
	char *in = pattern(n);
	struct script s = { in, n, 0, SIZE_MAX, 0, 0 };
	struct conn *c = new_conn(&s);
	char *data;
	size_t len;

	cr_assert_eq(conn_peek(c, &data, &len, -1), CONN_OK);
	cr_assert_eq(s.asked, POSTERN_IO_INBUF);
	cr_assert_eq(len, POSTERN_IO_INBUF);
	conn_consume(c, len - 3);
	cr_assert_eq(conn_peek(c, &data, &len, -1), CONN_OK);
	/* The 3 kept bytes moved to the front; the read took the rest. */
	cr_assert_eq(s.asked, POSTERN_IO_INBUF - 3);
	cr_assert_eq(len, POSTERN_IO_INBUF);
	cr_assert(memcmp(data, in + POSTERN_IO_INBUF - 3, len) == 0);
	cr_assert_eq(s.reads, 2);
	free(in);
	free(c);
}

Test(conn_peek, consume_more_than_buffered_is_clamped)
{
	struct script s = { "abc", 3, 0, SIZE_MAX, 0, 0 };
	struct conn *c = new_conn(&s);
	char *data;
	size_t len;

	cr_assert_eq(conn_peek(c, &data, &len, -1), CONN_OK);
	conn_consume(c, 100);
	cr_assert_eq(c->in_start, c->in_end);
	cr_assert_eq(conn_peek(c, &data, &len, -1), CONN_EOF);
	cr_assert_eq(len, 0);
	free(c);
}

Test(conn_pending, buffer_and_fd)
{
	struct conn *c = malloc(sizeof(*c));
	char *data;
	size_t len;
	int p[2];

	watchdog();
	cr_assert_not_null(c);
	cr_assert_eq(pipe(p), 0);
	conn_init_fd(c, p[0], p[0]);
	cr_assert(!conn_input_pending(c));
	cr_assert_eq(write(p[1], "ab", 2), 2);
	cr_assert(conn_input_pending(c)); /* in the pipe */
	cr_assert_eq(conn_peek(c, &data, &len, 50), CONN_OK);
	cr_assert(conn_input_pending(c)); /* in the buffer */
	conn_consume(c, 2);
	cr_assert(!conn_input_pending(c));
	close(p[1]);
	cr_assert(!conn_input_pending(c)); /* EOF is no input */
	cr_assert_eq(conn_peek(c, &data, &len, 50), CONN_EOF);
	cr_assert(!conn_input_pending(c));
	close(p[0]);
	free(c);
}

Test(conn_pending, no_fd)
{
	struct script s = { "x", 1, 0, SIZE_MAX, 0, 0 };
	struct conn *c = new_conn(&s);
	char *data;
	size_t len;

	cr_assert(!conn_input_pending(c));
	cr_assert_eq(conn_peek(c, &data, &len, -1), CONN_OK);
	cr_assert(conn_input_pending(c));
	free(c);
}

/* ---- The writer. ---- */

Test(conn_write, buffered_until_flush)
{
	struct conn *c = new_conn(NULL);

	cr_assert_eq(conn_puts(c, "220 hi\r\n"), 0);
	cr_assert_eq(sink.calls, 0);
	cr_assert_eq(conn_output_pending(c), 8);
	cr_assert_eq(conn_flush(c), 0);
	cr_assert_eq(sink.calls, 1);
	cr_assert_eq(conn_output_pending(c), 0);
	cr_assert(memcmp(sink.buf, "220 hi\r\n", 8) == 0);
	cr_assert_eq(conn_flush(c), 0);
	cr_assert_eq(sink.calls, 1); /* nothing to do, no call */
	free(c);
}

/*
 * A full buffer goes out at once, marked as the middle of a reply (MSG_MORE
 * on a socket) and keeping its last octet back, so that the flush that
 * ends the reply has something to send unmarked.
 */
Test(conn_write, auto_flush_when_full)
{
	struct conn *c = new_conn(NULL);
	char *data = pattern(POSTERN_IO_OUTBUF + 1);

	cr_assert_eq(conn_write(c, data, POSTERN_IO_OUTBUF - 1), 0);
	cr_assert_eq(sink.calls, 0);
	cr_assert_eq(conn_write(c, data + POSTERN_IO_OUTBUF - 1, 1), 0);
	cr_assert_eq(sink.calls, 1);
	cr_assert_eq(sink.len, POSTERN_IO_OUTBUF - 1);
	cr_assert(sink.more_calls == 1 && !c->more);
	cr_assert_eq(conn_output_pending(c), 1);
	cr_assert_eq(conn_write(c, data + POSTERN_IO_OUTBUF, 1), 0);
	cr_assert_eq(sink.calls, 1);
	cr_assert_eq(conn_output_pending(c), 2);
	cr_assert_eq(conn_flush(c), 0);
	cr_assert_eq(sink.calls, 2);
	cr_assert_eq(sink.more_calls, 1);
	cr_assert_eq(sink.len, POSTERN_IO_OUTBUF + 1);
	cr_assert(memcmp(sink.buf, data, POSTERN_IO_OUTBUF + 1) == 0);
	free(data);
	free(c);
}

/* conn_printf output that fits only after a flush, or only in the whole
   buffer, goes out whole and in order. */
Test(conn_write, printf_across_a_flush)
{
	struct conn *c = new_conn(NULL);
	char *data = pattern(POSTERN_IO_OUTBUF);
	char *big = malloc(POSTERN_IO_OUTBUF);

	cr_assert_not_null(big);
	memset(big, 'b', POSTERN_IO_OUTBUF - 1);
	big[POSTERN_IO_OUTBUF - 1] = '\0';
	cr_assert_eq(conn_write(c, data, POSTERN_IO_OUTBUF - 3), 0);
	cr_assert_eq(conn_printf(c, "%s", "12345"), 0);
	cr_assert_eq(conn_printf(c, "%s", big), 0);
	cr_assert_eq(conn_flush(c), 0);
	cr_assert_eq(sink.len, 2 * POSTERN_IO_OUTBUF + 1);
	cr_assert(memcmp(sink.buf, data, POSTERN_IO_OUTBUF - 3) == 0);
	cr_assert(memcmp(sink.buf + POSTERN_IO_OUTBUF - 3, "12345", 5) == 0);
	cr_assert(memcmp(sink.buf + POSTERN_IO_OUTBUF + 2, big,
			 POSTERN_IO_OUTBUF - 1) == 0);
	cr_assert(!c->more);
	free(big);
	free(data);
	free(c);
}

/* Partial writes and interrupted calls lose and reorder nothing. */
Test(conn_write, partial_and_interrupted)
{
	struct conn *c = new_conn(NULL);
	size_t n = 2 * POSTERN_IO_OUTBUF + POSTERN_IO_OUTBUF / 2;
	char *data = pattern(n);

	sink.max = 1000;
	sink.eintr = 3;
	cr_assert_eq(conn_write(c, data, n), 0);
	cr_assert_eq(conn_flush(c), 0);
	cr_assert_eq(sink.len, n);
	cr_assert(memcmp(sink.buf, data, n) == 0);
	cr_assert(!c->failed);
	free(data);
	free(c);
}

Test(conn_write, failure_sets_failed)
{
	struct conn *c = new_conn(NULL);

	sink.fail_errno = EPIPE;
	cr_assert_eq(conn_puts(c, "250 ok\r\n"), 0);
	errno = 0;
	cr_assert_eq(conn_flush(c), -1);
	cr_assert_eq(errno, EPIPE);
	cr_assert(c->failed);
	cr_assert_eq(conn_output_pending(c), 0);
	cr_assert_eq(sink.calls, 1);
	/* Dead from now on, without touching the transport again. */
	cr_assert_eq(conn_puts(c, "250 ok\r\n"), -1);
	cr_assert_eq(conn_printf(c, "%d\r\n", 250), -1);
	cr_assert_eq(conn_flush(c), -1);
	cr_assert_eq(sink.calls, 1);
	free(c);
}

Test(conn_write, zero_byte_write_is_failure)
{
	struct conn *c = new_conn(NULL);

	sink.max = 0;
	conn_puts(c, "x");
	cr_assert_eq(conn_flush(c), -1);
	cr_assert_eq(errno, EIO);
	cr_assert(c->failed);
	free(c);
}

Test(conn_printf, formats_and_flushes_when_full)
{
	struct conn *c = new_conn(NULL);
	char *fill = pattern(POSTERN_IO_OUTBUF - 5);

	cr_assert_eq(conn_printf(c, "%d %s\r\n", 250, "2.0.0 ok"), 0);
	cr_assert_eq(conn_flush(c), 0);
	cr_assert_eq(sink.len, 14);
	cr_assert(memcmp(sink.buf, "250 2.0.0 ok\r\n", 14) == 0);
	/* 5 bytes left; a 14-byte reply flushes first, then goes in whole
	   (after the last octet before it, which the flush keeps back). */
	cr_assert_eq(conn_write(c, fill, POSTERN_IO_OUTBUF - 5), 0);
	cr_assert_eq(conn_printf(c, "%d %s\r\n", 250, "2.0.0 ok"), 0);
	cr_assert_eq(sink.calls, 2);
	cr_assert_eq(conn_output_pending(c), 15);
	cr_assert_eq(conn_flush(c), 0);
	cr_assert(memcmp(sink.buf + 14, fill, POSTERN_IO_OUTBUF - 5) == 0);
	cr_assert(memcmp(sink.buf + 9 + POSTERN_IO_OUTBUF, "250 2", 5) == 0);
	free(fill);
	free(c);
}

/* Too big to buffer: refused whole, never cut, the connection lives. */
Test(conn_printf, too_big_refused)
{
	struct conn *c = new_conn(NULL);

	conn_puts(c, "a");
	cr_assert_eq(conn_printf(c, "%*s", POSTERN_IO_OUTBUF, "x"), -1);
	cr_assert_eq(errno, EMSGSIZE);
	cr_assert(!c->failed);
	cr_assert_eq(conn_output_pending(c), 1);
	cr_assert_eq(conn_printf(c, "%*s", POSTERN_IO_OUTBUF - 1, "x"), 0);
	cr_assert_eq(conn_flush(c), 0);
	cr_assert_eq(sink.len, POSTERN_IO_OUTBUF);
	free(c);
}

/* Fills the transport until the writer gives up; returns its errno. */
static int write_until_failure(struct conn *c)
{
	char *data = pattern(POSTERN_IO_OUTBUF);
	int i, err = 0;

	c->write_timeout_ms = 50;
	/*
	 * A little already queued: a blocking write(2) bigger than the room
	 * left would now wait for the reader, past any deadline.
	 */
	cr_assert_eq(conn_puts(c, "220 x\r\n"), 0);
	cr_assert_eq(conn_flush(c), 0);
	for (i = 0; i < 256 && err == 0; i++)
		if (conn_write(c, data, POSTERN_IO_OUTBUF) < 0)
			err = errno;
	if (err == 0 && conn_flush(c) < 0)
		err = errno;
	free(data);
	cr_assert(c->failed);
	return err;
}

/* A peer that never reads cannot hold a write past its deadline. */
Test(conn_fd, socket_write_deadline)
{
	struct conn *c = malloc(sizeof(*c));
	int sv[2], sndbuf = 4096;

	watchdog();
	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	/* Smaller than one flush: a blocking send(2) would wait for room. */
	cr_assert_eq(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &sndbuf,
				sizeof(sndbuf)),
		     0);
	conn_init_fd(c, sv[0], sv[0]);
	cr_assert_eq(write_until_failure(c), ETIMEDOUT);
	free(c);
}

Test(conn_fd, pipe_write_deadline)
{
	struct conn *c = malloc(sizeof(*c));
	int p[2];

	watchdog();
	cr_assert_eq(pipe(p), 0);
	conn_init_fd(c, p[0], p[1]);
	cr_assert_eq(write_until_failure(c), ETIMEDOUT);
	free(c);
}

/* A vanished peer is EPIPE, not a SIGPIPE that would kill this test. */
Test(conn_fd, socket_peer_gone)
{
	struct conn *c = malloc(sizeof(*c));
	int sv[2];

	watchdog();
	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	close(sv[1]);
	conn_init_fd(c, sv[0], sv[0]);
	conn_puts(c, "421 4.4.2 bye\r\n");
	cr_assert_eq(conn_flush(c), -1);
	cr_assert(errno == EPIPE || errno == ECONNRESET);
	cr_assert(c->failed);
	free(c);
}

Test(conn_fd, socket_round_trip)
{
	struct conn *c = malloc(sizeof(*c));
	char buf[64], line[64];
	size_t len;
	unsigned flags;
	int sv[2];

	watchdog();
	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	conn_init_fd(c, sv[0], sv[0]);
	cr_assert_eq(write(sv[1], "USER a\r\n", 8), 8);
	cr_assert_eq(conn_read_line(c, line, sizeof(line), &len, &flags, 1000),
		     CONN_OK);
	cr_assert_str_eq(line, "USER a");
	conn_puts(c, "+OK\r\n");
	cr_assert_eq(conn_read_line(c, line, sizeof(line), &len, &flags, 50),
		     CONN_TIMEOUT);
	cr_assert_eq(read(sv[1], buf, sizeof(buf)), 5);
	cr_assert(memcmp(buf, "+OK\r\n", 5) == 0);
	free(c);
}

Test(conn_fd, regular_file_output)
{
	struct conn *c = malloc(sizeof(*c));
	char *data = pattern(3 * POSTERN_IO_OUTBUF), *back;
	FILE *f = tmpfile();

	watchdog();
	cr_assert(f != NULL && c != NULL);
	back = malloc(3 * POSTERN_IO_OUTBUF);
	conn_init_fd(c, -1, fileno(f));
	cr_assert_eq(conn_write(c, data, 3 * POSTERN_IO_OUTBUF), 0);
	cr_assert_eq(conn_flush(c), 0);
	cr_assert_eq(pread(fileno(f), back, 3 * POSTERN_IO_OUTBUF, 0),
		     3 * POSTERN_IO_OUTBUF);
	cr_assert(memcmp(back, data, 3 * POSTERN_IO_OUTBUF) == 0);
	fclose(f);
	free(back);
	free(data);
	free(c);
}
