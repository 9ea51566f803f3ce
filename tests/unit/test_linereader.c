/*
 * test_linereader.c: conn_read_line() on good and hostile input, every case
 * whole, trickled one byte per read and in odd chunks; limits at N-1, N,
 * N+1; deadlines on real pipes; RFC 2920 reply batching.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "conn.h"

/* A scripted peer: hands out data at most chunk bytes per read. */
struct script {
	const char *data;
	size_t len, pos, chunk;
	size_t reads;
};

static ssize_t script_read(struct conn *c, void *buf, size_t n)
{
	struct script *s = c->ctx;
	size_t k = s->len - s->pos;

	s->reads++;
	if (k > s->chunk)
		k = s->chunk;
	if (k > n)
		k = n;
	memcpy(buf, s->data + s->pos, k);
	s->pos += k;
	return (ssize_t)k;
}

/* Output side for the tests: counts write calls, keeps what was written. */
static size_t writes;
static char written[4096];
static size_t written_len;
static int write_errno;

static ssize_t count_write(struct conn *c, const void *buf, size_t n)
{
	writes++;
	if (write_errno != 0) {
		errno = write_errno;
		return -1;
	}
	if (n > sizeof(written) - written_len)
		n = sizeof(written) - written_len;
	memcpy(written + written_len, buf, n);
	written_len += n;
	return (ssize_t)n;
}

static size_t fd_reads, fd_asked;

static ssize_t fd_read(struct conn *c, void *buf, size_t n)
{
	fd_reads++;
	fd_asked = n;
	return read(c->in_fd, buf, n);
}

static const struct conn_ops script_ops = { script_read, count_write };
static const struct conn_ops pipe_in_ops = { fd_read, count_write };

struct step {
	enum conn_status st;
	const char *text;
	size_t len;
	unsigned flags;
};

struct line_case {
	const char *name;
	const char *in;
	size_t in_len;
	struct step steps[4]; /* up to and including the CONN_EOF */
};

/* Lines are read with size 16: 15 octets of text fit, 16 do not. */
#define SIZE 16
#define A14  "aaaaaaaaaaaaaa" /* N-1 = 14, N = 15 */
#define C(name, in, ...)                                                       \
	{                                                                      \
		name, in, sizeof(in) - 1,                                      \
		{                                                              \
			__VA_ARGS__                                            \
		}                                                              \
	}
#define OK(t, f)                                                               \
	{                                                                      \
		CONN_OK, t, sizeof(t) - 1, f                                   \
	}
#define LONG                                                                   \
	{                                                                      \
		CONN_TOO_LONG, "", 0, 0                                        \
	}
#define END                                                                    \
	{                                                                      \
		CONN_EOF, "", 0, 0                                             \
	}
#define LF  CONN_LINE_BARE_LF
#define CR  CONN_LINE_BARE_CR
#define NUL CONN_LINE_NUL
#define B8  CONN_LINE_8BIT

static const struct line_case cases[] = {
	C("crlf", "HELO a\r\n", OK("HELO a", 0), END),
	C("bare lf", "HELO a\n", OK("HELO a", LF), END),
	C("empty", "\r\n", OK("", 0), END),
	C("empty lf", "\n", OK("", LF), END),
	C("bare cr", "a\rb\r\n", OK("a\rb", CR), END),
	C("cr cr lf", "a\r\r\n", OK("a\r", CR), END),
	C("cr first", "\rx\r\n", OK("\rx", CR), END),
	C("nul", "a\0b\r\n", OK("a\0b", NUL), END),
	C("nul only", "\0\r\n", OK("\0", NUL), END),
	C("8bit", "caf\xc3\xa9\r\n", OK("caf\xc3\xa9", B8), END),
	C("all flags", "\xff\0\r.\n", OK("\xff\0\r.", B8 | NUL | CR | LF), END),
	C("three", "A\r\nB\nC\r\n", OK("A", 0), OK("B", LF), OK("C", 0), END),
	C("two empty", "\r\n\r\n", OK("", 0), OK("", 0), END),
	C("nothing", "", END),
	C("eof mid line", "abc", END),
	C("eof after cr", "abc\r", END),
	C("eof after line", "HELO\r\nabc", OK("HELO", 0), END),
	C("N-1", A14 "\r\n", OK(A14, 0), END),
	C("N", A14 "a\r\n", OK(A14 "a", 0), END),
	C("N+1", A14 "aa\r\nNOOP\r\n", LONG, OK("NOOP", 0), END),
	C("N+2", A14 "aaa\r\nNOOP\r\n", LONG, OK("NOOP", 0), END),
	C("N lf", A14 "a\n", OK(A14 "a", LF), END),
	C("N+1 lf", A14 "aa\nX\n", LONG, OK("X", LF), END),
	C("N with cr", A14 "\r\r\n", OK(A14 "\r", CR), END),
	C("N+1 with cr", A14 "a\r\r\nX\r\n", LONG, OK("X", 0), END),
	C("N+1 nul", A14 "\0\0\r\nX\r\n", LONG, OK("X", 0), END),
	C("cr run", A14 A14 "\r\r\r\r\n.\r\n", LONG, OK(".", 0), END),
	C("long tail", A14 A14 "QUIT\r\nRSET\r\n", LONG, OK("RSET", 0), END),
	C("eof in long line", A14 A14 A14, END),
};

static void run_case(const struct line_case *lc, size_t chunk)
{
	struct script s = { lc->in, lc->in_len, 0, chunk, 0 };
	struct conn *c = malloc(sizeof(*c));
	char buf[64];
	size_t len, i;
	unsigned flags;
	enum conn_status st;

	cr_assert_not_null(c);
	memset(buf, 'Z', sizeof(buf));
	conn_init_ops(c, &script_ops, &s, -1, -1);
	for (i = 0; i < 4; i++) {
		const struct step *want = &lc->steps[i];

		st = conn_read_line(c, buf, SIZE, &len, &flags, -1);
		cr_assert_eq(st, want->st, "%s (chunk %zu) step %zu: status %d",
			     lc->name, chunk, i, (int)st);
		cr_assert_eq(len, want->len, "%s step %zu: len %zu", lc->name,
			     i, len);
		cr_assert(memcmp(buf, want->text, len) == 0, "%s", lc->name);
		cr_assert_eq(buf[len], '\0', "%s", lc->name);
		if (st == CONN_OK)
			cr_assert_eq(flags, want->flags,
				     "%s step %zu: flags %#x", lc->name, i,
				     flags);
		if (st == CONN_EOF)
			break;
	}
	cr_assert_eq(st, CONN_EOF, "%s: no EOF step", lc->name);
	/* EOF stays EOF. */
	st = conn_read_line(c, buf, SIZE, &len, &flags, -1);
	cr_assert_eq(st, CONN_EOF, "%s: after EOF", lc->name);
	free(c);
}

static void run_all(size_t chunk)
{
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i], chunk);
}

Test(linereader, whole)
{
	run_all(SIZE_MAX);
}

Test(linereader, trickled)
{
	run_all(1);
}

Test(linereader, chunks_of_3)
{
	run_all(3);
}

/* size 1 holds only the empty line; size 0 not even that. */
Test(linereader, tiny_sizes)
{
	struct script s = { "\r\nx\r\n\r\n", 7, 0, 1, 0 };
	struct conn *c = malloc(sizeof(*c));
	char buf[1] = { 'Z' };
	size_t len;
	unsigned flags;

	cr_assert_not_null(c);
	conn_init_ops(c, &script_ops, &s, -1, -1);
	cr_assert_eq(conn_read_line(c, buf, 1, &len, &flags, -1), CONN_OK);
	cr_assert_eq(buf[0], '\0');
	cr_assert_eq(conn_read_line(c, buf, 1, &len, &flags, -1),
		     CONN_TOO_LONG);
	buf[0] = 'Z';
	cr_assert_eq(conn_read_line(c, buf, 0, &len, &flags, -1),
		     CONN_TOO_LONG);
	cr_assert_eq(buf[0], 'Z'); /* size 0: not written */
	cr_assert_eq(conn_read_line(c, buf, 1, &len, &flags, -1), CONN_EOF);
	free(c);
}

/* total octets of line (with CRLF) -> result, at a real limit and size. */
static void limit_case(size_t size, size_t total, enum conn_status want,
		       size_t chunk)
{
	size_t n = total + 8, len;
	char *in = malloc(n), *buf = malloc(size);
	struct conn *c = malloc(sizeof(*c));
	struct script s = { in, n, 0, chunk, 0 };
	unsigned flags;

	cr_assert(in && buf && c);
	memset(in, 'x', total - 2);
	memcpy(in + total - 2, "\r\nQUIT\r\n", 8);
	conn_init_ops(c, &script_ops, &s, -1, -1);
	cr_assert_eq(conn_read_line(c, buf, size, &len, &flags, -1), want,
		     "size %zu total %zu chunk %zu", size, total, chunk);
	if (want == CONN_OK)
		cr_assert_eq(len, total - 2);
	/* The next command is read intact either way. */
	cr_assert_eq(conn_read_line(c, buf, size, &len, &flags, -1), CONN_OK);
	cr_assert_str_eq(buf, "QUIT");
	free(in);
	free(buf);
	free(c);
}

Test(linereader, rfc_limits)
{
	static const size_t chunks[] = { 1, 7, SIZE_MAX };
	/* RFC 5321 4.5.3.1.4: 512 octets with CRLF; size = L - 1. */
	const size_t L[] = { POSTERN_SMTP_MAX_COMMAND, POSTERN_POP3_MAX_COMMAND,
			     POSTERN_SMTP_MAX_AUTH_LINE };
	size_t i, k;

	for (i = 0; i < 3; i++) {
		for (k = 0; k < 3; k++) {
			limit_case(L[i] - 1, L[i] - 1, CONN_OK, chunks[k]);
			limit_case(L[i] - 1, L[i], CONN_OK, chunks[k]);
			limit_case(L[i] - 1, L[i] + 1, CONN_TOO_LONG,
				   chunks[k]);
		}
	}
}

/* The input buffer bounds every line, whatever size the caller offers. */
Test(linereader, inbuf_limit)
{
	size_t big = 2 * POSTERN_IO_INBUF;

	limit_case(big, POSTERN_IO_INBUF - 1, CONN_OK, SIZE_MAX);
	limit_case(big, POSTERN_IO_INBUF, CONN_OK, SIZE_MAX);
	limit_case(big, POSTERN_IO_INBUF + 1, CONN_TOO_LONG, SIZE_MAX);
	limit_case(big, POSTERN_IO_INBUF, CONN_OK, 1);
	limit_case(big, POSTERN_IO_INBUF + 1, CONN_TOO_LONG, 1);
}

/* A megabyte without LF is one CONN_TOO_LONG, in fixed memory. */
Test(linereader, huge_line)
{
	limit_case(POSTERN_SMTP_MAX_COMMAND - 1, 1 << 20, CONN_TOO_LONG, 4096);
	limit_case(POSTERN_SMTP_MAX_COMMAND - 1, 1 << 20, CONN_TOO_LONG,
		   SIZE_MAX);
}

/* ---- On real pipes: deadlines and reply batching. ---- */

/*
 * A broken deadline would hang the test and the whole "make check"; the
 * default SIGALRM kills the test instead. (Criterion 2.4.1's .timeout did
 * not fire here when tests ran in parallel workers.)
 */
static void watchdog(void)
{
	alarm(10);
}

struct piped {
	struct conn c;
	int in[2];
};

/* The test's connection; freed by the suite's fini, whatever the test did. */
static struct piped *piped;

static struct piped *piped_new(const struct conn_ops *ops)
{
	struct piped *p = malloc(sizeof(*p));

	cr_assert_not_null(p);
	watchdog();
	cr_assert_eq(pipe(p->in), 0);
	conn_init_ops(&p->c, ops, NULL, p->in[0], -1);
	writes = written_len = 0;
	write_errno = 0;
	fd_reads = fd_asked = 0;
	piped = p;
	return p;
}

static void piped_free(void)
{
	free(piped);
	piped = NULL;
}

TestSuite(linereader_fd, .fini = piped_free);

static void feed(struct piped *p, const char *s)
{
	cr_assert_eq(write(p->in[1], s, strlen(s)), (ssize_t)strlen(s));
}

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static enum conn_status rl(struct piped *p, char *buf, int ms)
{
	size_t len;
	unsigned flags;

	return conn_read_line(&p->c, buf, 64, &len, &flags, ms);
}

Test(linereader_fd, timeout_on_silence)
{
	struct piped *p = piped_new(&pipe_in_ops);
	char buf[64];
	int64_t t0 = mono_ms();

	cr_assert_eq(rl(p, buf, 50), CONN_TIMEOUT);
	cr_assert_geq(mono_ms() - t0, 45);
	cr_assert_str_eq(buf, "");
}

/* A timeout mid-line loses nothing: the rest completes the same line. */
Test(linereader_fd, timeout_keeps_partial_line)
{
	struct piped *p = piped_new(&pipe_in_ops);
	char buf[64];

	feed(p, "HEL");
	cr_assert_eq(rl(p, buf, 50), CONN_TIMEOUT);
	feed(p, "O x\r\n");
	cr_assert_eq(rl(p, buf, 50), CONN_OK);
	cr_assert_str_eq(buf, "HELO x");
}

/* A timeout inside an over-long line: still one TOO_LONG, then in sync. */
Test(linereader_fd, timeout_while_skipping)
{
	struct piped *p = piped_new(&pipe_in_ops);
	char junk[200];

	memset(junk, 'j', sizeof(junk) - 1);
	junk[sizeof(junk) - 1] = '\0';
	feed(p, junk);
	cr_assert_eq(rl(p, junk, 50), CONN_TIMEOUT);
	/* Known too long already: dropped, not held in the buffer. */
	cr_assert_eq(p->c.in_end, p->c.in_start);
	feed(p, "QUIT\r\nNOOP\r\n");
	cr_assert_eq(rl(p, junk, 50), CONN_TOO_LONG);
	cr_assert_eq(rl(p, junk, 50), CONN_OK);
	cr_assert_str_eq(junk, "NOOP");
}

Test(linereader_fd, zero_timeout_takes_waiting_line)
{
	struct piped *p = piped_new(&pipe_in_ops);
	char buf[64];

	feed(p, "NOOP\r\n");
	cr_assert_eq(rl(p, buf, 0), CONN_OK);
	cr_assert_eq(rl(p, buf, 0), CONN_TIMEOUT);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* A signal in the middle of the wait is not an error (EINTR). */
Test(linereader_fd, signal_during_wait)
{
	struct piped *p = piped_new(&pipe_in_ops);
	struct sigaction sa;
	struct itimerval it = { { 0, 10000 }, { 0, 10000 } };
	char buf[64];

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm; /* no SA_RESTART: poll() sees EINTR */
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	cr_assert_eq(rl(p, buf, 100), CONN_TIMEOUT);
	feed(p, "NOOP\r\n");
	cr_assert_eq(rl(p, buf, 100), CONN_OK);
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
}

/* RFC 2920: replies to a burst go out in one write, when input runs dry. */
Test(linereader_fd, pipelined_burst_one_write)
{
	struct piped *p = piped_new(&pipe_in_ops);
	char buf[64];

	feed(p, "MAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n");
	cr_assert_eq(rl(p, buf, 50), CONN_OK);
	conn_puts(&p->c, "250 1\r\n");
	cr_assert_eq(rl(p, buf, 50), CONN_OK);
	conn_puts(&p->c, "250 2\r\n");
	cr_assert_eq(rl(p, buf, 50), CONN_OK);
	cr_assert_str_eq(buf, "DATA");
	conn_puts(&p->c, "354 go\r\n");
	cr_assert_eq(writes, 0);
	cr_assert_eq(rl(p, buf, 50), CONN_TIMEOUT);
	cr_assert_eq(writes, 1);
	cr_assert_eq(written_len, 22);
	cr_assert(memcmp(written, "250 1\r\n250 2\r\n354 go\r\n", 22) == 0);
}

/* Bytes still in the pipe (not yet buffered) also hold the replies back. */
Test(linereader_fd, waiting_input_defers_flush)
{
	struct piped *p = piped_new(&pipe_in_ops);
	char buf[64];

	feed(p, "NOOP\r\nNO");
	cr_assert_eq(rl(p, buf, 50), CONN_OK);
	conn_puts(&p->c, "250 ok\r\n");
	feed(p, "OP\r\n");
	cr_assert_eq(rl(p, buf, 50), CONN_OK);
	cr_assert_str_eq(buf, "NOOP");
	cr_assert_eq(writes, 0);
	conn_puts(&p->c, "250 ok\r\n");
	cr_assert_eq(rl(p, buf, 50), CONN_TIMEOUT);
	cr_assert_eq(writes, 1);
	cr_assert_eq(written_len, 16);
}

/* A partial line and an empty pipe: flush before waiting for the rest. */
Test(linereader_fd, partial_line_flushes)
{
	struct piped *p = piped_new(&pipe_in_ops);
	char buf[64];

	feed(p, "NOOP\r\nQU");
	cr_assert_eq(rl(p, buf, 50), CONN_OK);
	conn_puts(&p->c, "250 ok\r\n");
	cr_assert_eq(rl(p, buf, 50), CONN_TIMEOUT);
	cr_assert_eq(writes, 1);
}

/* The client half-closes after QUIT: the reply still goes out. */
Test(linereader_fd, eof_flushes)
{
	struct piped *p = piped_new(&pipe_in_ops);
	char buf[64];

	feed(p, "NOOP\r\n");
	close(p->in[1]);
	cr_assert_eq(rl(p, buf, 50), CONN_OK);
	conn_puts(&p->c, "250 ok\r\n");
	cr_assert_eq(rl(p, buf, 50), CONN_EOF);
	cr_assert_eq(writes, 1);
	cr_assert_eq(rl(p, buf, 50), CONN_EOF);
}

/* On a socket EOF polls readable: the reply must still go out. */
Test(linereader_fd, eof_flushes_socket)
{
	struct conn *c = malloc(sizeof(*c));
	char buf[64];
	size_t len;
	unsigned flags;
	int sv[2];

	cr_assert_not_null(c);
	watchdog();
	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	conn_init_fd(c, sv[0], sv[0]);
	cr_assert_eq(write(sv[1], "QUIT\r\n", 6), 6);
	cr_assert_eq(shutdown(sv[1], SHUT_WR), 0);
	cr_assert_eq(conn_read_line(c, buf, 64, &len, &flags, 50), CONN_OK);
	conn_puts(c, "221 bye\r\n");
	cr_assert_eq(conn_read_line(c, buf, 64, &len, &flags, 50), CONN_EOF);
	cr_assert_eq(read(sv[1], buf, sizeof(buf)), 9);
	cr_assert(memcmp(buf, "221 bye\r\n", 9) == 0);
	free(c);
}

/* On a socket too, replies wait while input keeps coming (recv first). */
Test(linereader_fd, socket_burst_batched)
{
	struct conn *c = malloc(sizeof(*c));
	char buf[64];
	size_t len;
	unsigned flags;
	int sv[2], i;

	cr_assert_not_null(c);
	watchdog();
	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	conn_init_fd(c, sv[0], sv[0]);
	/* Each line reaches the socket only after the previous one is read. */
	for (i = 0; i < 3; i++) {
		cr_assert_eq(write(sv[1], "NOOP\r\n", 6), 6);
		cr_assert_eq(conn_read_line(c, buf, 64, &len, &flags, 50),
			     CONN_OK);
		conn_puts(c, "250 ok\r\n");
	}
	cr_assert_eq(recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT), -1);
	cr_assert_eq(errno, EAGAIN);
	cr_assert_eq(conn_read_line(c, buf, 64, &len, &flags, 50),
		     CONN_TIMEOUT);
	cr_assert_eq(recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT), 24);
	free(c);
}

/* A reply that cannot be sent ends the read: nobody is listening. */
Test(linereader_fd, failed_flush_is_error)
{
	struct piped *p = piped_new(&pipe_in_ops);
	char buf[64];

	conn_puts(&p->c, "250 ok\r\n");
	write_errno = EPIPE;
	cr_assert_eq(rl(p, buf, 50), CONN_ERROR);
	cr_assert(p->c.failed);
}

/* A whole burst arrives in one read(2) of the whole buffer. */
Test(linereader_fd, burst_in_one_read)
{
	struct piped *p = piped_new(&pipe_in_ops);
	char buf[64];
	int i;

	for (i = 0; i < 200; i++)
		feed(p, "RCPT TO:<someone@example.org>\r\n");
	for (i = 0; i < 200; i++)
		cr_assert_eq(rl(p, buf, 50), CONN_OK);
	cr_assert_eq(fd_reads, 1);
	cr_assert_eq(fd_asked, POSTERN_IO_INBUF);
	cr_assert_eq(rl(p, buf, 50), CONN_TIMEOUT);
}

/* Trickled input through the fd path, one byte per poll round. */
Test(linereader_fd, trickled_pipe)
{
	struct piped *p = piped_new(&pipe_in_ops);
	char buf[64];
	size_t len;
	unsigned flags;
	const char *line = "EHLO [127.0.0.1]\r\n";
	int i;

	conn_puts(&p->c, "220 hi\r\n");
	for (i = 0; line[i] != '\0'; i++) {
		cr_assert_eq(write(p->in[1], line + i, 1), 1);
		if (line[i + 1] != '\0')
			cr_assert_eq(
				conn_read_line(&p->c, buf, 64, &len, &flags, 0),
				CONN_TIMEOUT);
	}
	cr_assert_eq(conn_read_line(&p->c, buf, 64, &len, &flags, 50), CONN_OK);
	cr_assert_str_eq(buf, "EHLO [127.0.0.1]");
	/* Input never ran dry, so the reader never waited nor flushed. */
	cr_assert_eq(writes, 0);
	cr_assert_eq(conn_read_line(&p->c, buf, 64, &len, &flags, 0),
		     CONN_TIMEOUT);
	cr_assert_eq(writes, 1);
}

/*
 * After DATA's end the rest of a pipelined burst is already buffered (and
 * was shown by conn_peek): the next command is read without waiting.
 */
Test(linereader_fd, line_after_peek)
{
	struct piped *p = piped_new(&pipe_in_ops);
	char *data;
	size_t len;
	char buf[64];

	feed(p, "DATA\r\nhi\r\n.\r\nQUIT\r\n");
	cr_assert_eq(rl(p, buf, 50), CONN_OK);
	cr_assert_eq(conn_peek(&p->c, &data, &len, 50), CONN_OK);
	cr_assert_eq(len, 13);
	conn_consume(&p->c, 7);
	cr_assert_eq(rl(p, buf, 50), CONN_OK);
	cr_assert_str_eq(buf, "QUIT");
}
