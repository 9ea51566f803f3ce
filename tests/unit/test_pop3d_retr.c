/*
 * test_pop3d_retr.c: retr_stream, pop3d's RETR/TOP transform: LF to CRLF,
 * dot-stuffing, a missing last line end, TOP's header and body lines, the
 * counted size, and a differential test against a byte-at-a-time reference
 * across the read buffer's boundaries.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pop3d.h"

/* Output side of the connection: everything written, bounded. */
static char out[1 << 20];
static size_t out_len;
static int fail_writes;

static ssize_t sink_write(struct conn *c, const void *buf, size_t n)
{
	(void)c;
	if (fail_writes) {
		errno = EPIPE;
		return -1;
	}
	cr_assert_leq(out_len + n, sizeof out);
	memcpy(out + out_len, buf, n);
	out_len += n;
	return (ssize_t)n;
}

static ssize_t no_read(struct conn *c, void *buf, size_t n)
{
	(void)c;
	(void)buf;
	(void)n;
	return 0;
}

static const struct conn_ops ops = { no_read, sink_write };
static struct conn conn;

/* A file holding data, positioned at its start. */
static int file_of(const char *data, size_t n)
{
	FILE *f = tmpfile();
	int fd;

	cr_assert_not_null(f);
	cr_assert_eq(fwrite(data, 1, n, f), n);
	cr_assert_eq(fflush(f), 0);
	fd = dup(fileno(f));
	fclose(f);
	cr_assert_eq(lseek(fd, 0, SEEK_SET), 0);
	return fd;
}

/* Streams data through retr_stream; returns its result, fills out. */
static int run(const char *data, size_t n, int64_t lines, uint64_t *size_r)
{
	int fd = file_of(data, n), r;

	out_len = 0;
	conn_init_ops(&conn, &ops, NULL, -1, -1);
	r = retr_stream(&conn, fd, lines, size_r);
	conn_flush(&conn);
	close(fd);
	return r;
}

struct retr_case {
	const char *in, *out;
	uint64_t size;
};

Test(retr, transforms)
{
	static const struct retr_case cases[] = {
		{ "", "", 0 },
		{ "a\nb\n", "a\r\nb\r\n", 6 },
		{ "\n\n", "\r\n\r\n", 4 },
		{ ".\n", "..\r\n", 3 },
		{ "..\n.x\n", "...\r\n..x\r\n", 8 },
		{ "a.\n.\n", "a.\r\n..\r\n", 7 },
		{ "a\r\nb\n", "a\r\nb\r\n", 6 },
		{ "no end", "no end\r\n", 8 },
		{ ".", "..\r\n", 3 },
		{ "x\r", "x\r\n", 3 },
		{ "a\rb\n", "a\rb\r\n", 5 },
		{ "\r\n.\r\n", "\r\n..\r\n", 5 },
	};
	uint64_t size;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct retr_case *c = &cases[i];

		cr_assert_eq(run(c->in, strlen(c->in), -1, &size), 0);
		cr_assert_eq(out_len, strlen(c->out), "case %zu", i);
		cr_assert_arr_eq(out, c->out, out_len, "case %zu", i);
		cr_assert_eq(size, c->size, "case %zu: size %llu", i,
			     (unsigned long long)size);
	}
}

Test(retr, top)
{
	static const char msg[] = "H: 1\nH: 2\n\n.b1\nb2\nb3\n";

	static const struct {
		int64_t lines;
		const char *out;
	} cases[] = {
		{ 0, "H: 1\r\nH: 2\r\n\r\n" },
		{ 1, "H: 1\r\nH: 2\r\n\r\n..b1\r\n" },
		{ 3, "H: 1\r\nH: 2\r\n\r\n..b1\r\nb2\r\nb3\r\n" },
		{ INT64_MAX, "H: 1\r\nH: 2\r\n\r\n..b1\r\nb2\r\nb3\r\n" },
	};

	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cr_assert_eq(run(msg, strlen(msg), cases[i].lines, NULL), 0);
		cr_assert_eq(out_len, strlen(cases[i].out), "case %zu", i);
		cr_assert_arr_eq(out, cases[i].out, out_len, "case %zu", i);
	}
	/* CRLF files: the blank line is "\r\n". */
	cr_assert_eq(run("H\r\n\r\nb\r\n", 8, 0, NULL), 0);
	cr_assert_eq(out_len, 5);
	cr_assert_arr_eq(out, "H\r\n\r\n", 5);
	/* No blank line: all of it is header. */
	cr_assert_eq(run("H: 1\nH: 2", 9, 0, NULL), 0);
	cr_assert_eq(out_len, 12);
	cr_assert_arr_eq(out, "H: 1\r\nH: 2\r\n", 12);
}

/* The reference: the same rules, one octet at a time. */
static size_t reference(const char *in, size_t n, char *ref, uint64_t *size)
{
	size_t i, k = 0, stuffed = 0;
	bool bol = true;

	for (i = 0; i < n; i++) {
		if (bol && in[i] == '.') {
			ref[k++] = '.';
			stuffed++;
		}
		bol = false;
		if (in[i] == '\n') {
			if (k == 0 || ref[k - 1] != '\r')
				ref[k++] = '\r';
			ref[k++] = '\n';
			bol = true;
		} else {
			ref[k++] = in[i];
		}
	}
	if (!bol) {
		if (ref[k - 1] != '\r')
			ref[k++] = '\r';
		ref[k++] = '\n';
	}
	*size = k - stuffed;
	return k;
}

Test(retr, differential_across_buffers)
{
	static char in[70000], ref[3 * 70000];
	static const char alphabet[] = ".\n\r.\nab";
	static const size_t sizes[] = { 16383, 16384, 16385, 32768, 70000 };
	uint64_t size, ref_size;
	size_t s, i, k;

	srand(1939);
	for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
		for (i = 0; i < sizes[s]; i++)
			in[i] = alphabet[rand() % (sizeof alphabet - 1)];
		/* A CRLF split across the first read, a dot after it. */
		in[16383] = '\r';
		if (sizes[s] > 16385) {
			in[16384] = '\n';
			in[16385] = '.';
		}
		k = reference(in, sizes[s], ref, &ref_size);
		cr_assert_eq(run(in, sizes[s], -1, &size), 0);
		cr_assert_eq(out_len, k, "size %zu", sizes[s]);
		cr_assert_arr_eq(out, ref, k, "size %zu", sizes[s]);
		cr_assert_eq(size, ref_size);
		/* Counting alone gives the same size. */
		k = (size_t)file_of(in, sizes[s]);
		cr_assert_eq(retr_stream(NULL, (int)k, -1, &size), 0);
		close((int)k);
		cr_assert_eq(size, ref_size);
	}
}

Test(retr, failures)
{
	static char big[100000];
	int fd;

	/* The connection fails once the output buffer fills: -2. */
	memset(big, 'a', sizeof big);
	fail_writes = 1;
	cr_assert_eq(run(big, sizeof big, -1, NULL), -2);
	fail_writes = 0;
	/* A file that cannot be read: -1 with errno. */
	fd = open("/dev/null", O_WRONLY);
	cr_assert_geq(fd, 0);
	conn_init_ops(&conn, &ops, NULL, -1, -1);
	cr_assert_eq(retr_stream(&conn, fd, -1, NULL), -1);
	cr_assert_eq(errno, EBADF);
	close(fd);
}
