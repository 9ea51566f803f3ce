/*
 * test_smtpd_data.c: smtpd's DATA byte machine, table-driven: the end of
 * data only at <CRLF>.<CRLF> (RFC 5321 4.1.1.4), dot-unstuffing (4.5.2),
 * the smuggling vectors in both bare_line_ends modes, the size limit at
 * N-1, N and N+1, Received: counting (6.3). Every case is fed whole, one
 * octet at a time, and in chunks of 7, and must give the same result; the
 * machine works in place, so what follows the end must come back as it
 * was. Random inputs fed in random chunks must store what they store
 * whole.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "../../src/smtpd/data.h"
#include "postern_limits.h"

struct sink {
	char buf[65536];
	size_t len;
};

static int sink_write(void *ctx, const char *p, size_t n)
{
	struct sink *s = ctx;

	if (n > sizeof(s->buf) - s->len)
		return 28; /* ENOSPC */
	memcpy(s->buf + s->len, p, n);
	s->len += n;
	return 0;
}

struct dcase {
	const char *name;
	const char *in; /* NUL-free input */
	bool normalize;
	unsigned long long limit;
	const char *stored; /* NULL: nothing acceptable is stored */
	size_t rest;        /* octets after the end, left unused */
	bool bare, too_big;
	unsigned long long size;
};

static const struct dcase cases[] = {
	{ "simple", "a\r\nb\r\n.\r\n", false, 0, "a\nb\n", 0, false, false, 6 },
	{ "empty", ".\r\n", false, 0, "", 0, false, false, 0 },
	{ "rest kept", "a\r\n.\r\nQUIT\r\n", false, 0, "a\n", 6, false, false,
	  3 },
	{ "unstuff", "..a\r\n...\r\n..\r\n.\r\n", false, 0, ".a\n..\n.\n", 0,
	  false, false, 11 },
	{ "dot inside", "a.\r\n .\r\n.\r\n", false, 0, "a.\n .\n", 0, false,
	  false, 8 },
	{ "no end", "a\r\n.x\r\n", false, 0, NULL, 0, false, false, 0 },
	{ "lf.lf", "a\n.\nMAIL\r\n.\r\n", false, 0, NULL, 0, true, false, 0 },
	{ "cr.lf", "a\r.\nMAIL\r\n.\r\n", false, 0, NULL, 0, true, false, 0 },
	{ "lf.crlf", "a\n.\r\nMAIL\r\n.\r\n", false, 0, NULL, 0, true, false,
	  0 },
	{ "crlf.cr", "a\r\n.\rMAIL\r\n.\r\n", false, 0, NULL, 0, true, false,
	  0 },
	{ "crlf.lf", "a\r\n.\nMAIL\r\n.\r\n", false, 0, NULL, 0, true, false,
	  0 },
	{ "cr.cr", "a\r.\rMAIL\r\n.\r\n", false, 0, NULL, 0, true, false, 0 },
	{ "crlf.crcrlf", "a\r\n.\r\r\nMAIL\r\n.\r\n", false, 0, NULL, 0, true,
	  false, 0 },
	{ "n lf.lf", "a\n.\nMAIL\r\n.\r\n", true, 0, "a\n.\nMAIL\n", 0, false,
	  false, 12 },
	{ "n cr.lf", "a\r.\nMAIL\r\n.\r\n", true, 0, "a\n.\nMAIL\n", 0, false,
	  false, 12 },
	{ "n lf.crlf", "a\n.\r\nMAIL\r\n.\r\n", true, 0, "a\n.\nMAIL\n", 0,
	  false, false, 12 },
	{ "n crlf.cr", "a\r\n.\rMAIL\r\n.\r\n", true, 0, "a\n.\nMAIL\n", 0,
	  false, false, 12 },
	{ "n crlf.lf", "a\r\n.\nMAIL\r\n.\r\n", true, 0, "a\n.\nMAIL\n", 0,
	  false, false, 12 },
	{ "n cr.cr", "a\r.\rMAIL\r\n.\r\n", true, 0, "a\n.\nMAIL\n", 0, false,
	  false, 12 },
	{ "n crlf.crcrlf", "a\r\n.\r\r\nMAIL\r\n.\r\n", true, 0,
	  "a\n.\n\nMAIL\n", 0, false, false, 14 },
	{ "bare cr text", "a\rb\r\n.\r\n", false, 0, NULL, 0, true, false, 0 },
	{ "n bare cr text", "a\rb\r\n.\r\n", true, 0, "a\nb\n", 0, false, false,
	  6 },
	{ "limit n-1", "12345678\r\n.\r\n", false, 11, "12345678\n", 0, false,
	  false, 10 },
	{ "limit n", "12345678\r\n.\r\n", false, 10, "12345678\n", 0, false,
	  false, 10 },
	{ "limit n+1", "12345678\r\n.\r\n", false, 9, NULL, 0, false, true,
	  10 },
	{ "limit unstuffed", "..345678\r\n.\r\n", false, 9, ".345678\n", 0,
	  false, false, 9 },
};

#define N_CASES (sizeof(cases) / sizeof(cases[0]))

static struct data_machine m;
static struct sink sk;

/* The input, which the machine overwrites. */
static char work[4096];

/* Feeds in chunks of chunk octets; returns octets used. */
static size_t run(const struct dcase *c, size_t chunk)
{
	size_t n = strlen(c->in), off = 0, k, used;

	cr_assert_lt(n, sizeof(work));
	memcpy(work, c->in, n);
	memset(&sk, 0, sizeof(sk));
	data_init(&m, c->normalize, c->limit, sink_write, &sk);
	while (off < n && !m.done) {
		k = n - off < chunk ? n - off : chunk;
		used = data_feed(&m, work + off, k);
		cr_assert(used == k || m.done, "%s: stopped early", c->name);
		off += used;
	}
	data_flush(&m);
	return off;
}

static void check(const struct dcase *c, size_t chunk)
{
	size_t used = run(c, chunk), n = strlen(c->in);

	cr_expect_eq(m.bare, c->bare, "%s/%zu: bare", c->name, chunk);
	cr_expect_eq(m.too_big, c->too_big, "%s/%zu: too_big", c->name, chunk);
	if (c->stored == NULL && !c->bare && !c->too_big) {
		cr_expect_not(m.done, "%s/%zu: ended", c->name, chunk);
		return;
	}
	cr_expect(m.done, "%s/%zu: no end", c->name, chunk);
	cr_expect_eq(n - used, c->rest, "%s/%zu: rest", c->name, chunk);
	cr_expect(memcmp(work + used, c->in + used, n - used) == 0,
		  "%s/%zu: the rest was changed", c->name, chunk);
	if (!c->bare)
		cr_expect_eq(m.size, c->size, "%s/%zu: size %llu", c->name,
			     chunk, (unsigned long long)m.size);
	cr_expect_eq(data_acceptable(&m), c->stored != NULL, "%s/%zu: verdict",
		     c->name, chunk);
	if (c->stored == NULL)
		return;
	cr_expect_eq(sk.len, strlen(c->stored), "%s/%zu: stored length",
		     c->name, chunk);
	cr_expect(sk.len == strlen(c->stored) &&
			  memcmp(sk.buf, c->stored, sk.len) == 0,
		  "%s/%zu: stored bytes", c->name, chunk);
	cr_expect_eq(m.stored, sk.len);
}

Test(smtpd_data, cases_whole)
{
	size_t i;

	for (i = 0; i < N_CASES; i++)
		check(&cases[i], 1 << 20);
}

Test(smtpd_data, cases_trickled)
{
	size_t i;

	for (i = 0; i < N_CASES; i++)
		check(&cases[i], 1);
}

Test(smtpd_data, cases_chunked)
{
	size_t i;

	for (i = 0; i < N_CASES; i++)
		check(&cases[i], 7);
}

/* A long line in one chunk goes out whole, exactly. */
Test(smtpd_data, long_lines_stream)
{
	static char in[49152 + 16];
	size_t n = sizeof(in) - 16;

	memset(in, 'x', n);
	memcpy(in + n, "\r\n.\r\n", 6);
	memset(&sk, 0, sizeof(sk));
	data_init(&m, false, 0, sink_write, &sk);
	cr_assert_eq(data_feed(&m, in, n + 5), n + 5);
	cr_assert(m.done);
	data_flush(&m);
	cr_expect_eq(sk.len, n + 1);
	cr_expect_eq(sk.buf[n], '\n');
	cr_expect_eq(m.stored_lf, 1);
}

/* RFC 5321 6.3: Received: fields counted in the header section only. */
Test(smtpd_data, received_counting)
{
	static char in[] = "Received: a\r\nreceived:b\r\nRECEIVED : no\r\n"
			   "X-Received: no\r\n  Received: no\r\n"
			   "\r\nReceived: body\r\n.\r\n";

	memset(&sk, 0, sizeof(sk));
	data_init(&m, false, 0, sink_write, &sk);
	data_feed(&m, in, strlen(in));
	cr_assert(m.done);
	cr_expect_eq(m.received, 2);
}

/* The sink failing: nothing more stored, the end still found. */
Test(smtpd_data, sink_error_keeps_reading)
{
	static char in[sizeof(sk.buf) * 2 + 8];
	size_t n = sizeof(in) - 8;

	memset(in, 'y', n);
	memcpy(in + n, "\r\n.\r\nX", 7);
	memset(&sk, 0, sizeof(sk));
	data_init(&m, false, 0, sink_write, &sk);
	cr_assert_eq(data_feed(&m, in, n + 6), n + 5);
	cr_expect(m.done);
	cr_expect_eq(m.sink_error, 28);
	cr_expect_not(data_acceptable(&m));
}

/* Stores whole[0..n) fed in chunks from next_chunk; the result in got. */
static void feed_chunks(const char *in, size_t n, bool normalize,
			uint64_t *state, struct sink *got,
			struct data_machine *dm, size_t *used_r)
{
	static char buf[4096];
	size_t off = 0, k;

	memcpy(buf, in, n);
	memset(got, 0, sizeof(*got));
	data_init(dm, normalize, 0, sink_write, got);
	while (off < n && !dm->done) {
		if (state == NULL) {
			k = n - off;
		} else {
			*state ^= *state << 13;
			*state ^= *state >> 7;
			*state ^= *state << 17;
			k = 1 + *state % 9;
			if (k > n - off)
				k = n - off;
		}
		off += data_feed(dm, buf + off, k);
	}
	cr_assert(memcmp(buf + off, in + off, n - off) == 0, "rest changed");
	*used_r = off;
}

/*
 * Inputs of dots, CRs, LFs and letters, which put every state at every
 * chunk boundary: chunked feeding stores what whole feeding stores.
 */
Test(smtpd_data, random_chunks_agree)
{
	static const char alphabet[] = "..\r\n\r\nab";
	static struct sink whole, chunked;
	struct data_machine a, b;
	uint64_t x = 0x9E3779B97F4A7C15u, st;
	char in[200];
	size_t n, i, used_a, used_b;
	int round;

	for (round = 0; round < 20000; round++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		n = 1 + x % (sizeof(in) - 6);
		st = x;
		for (i = 0; i < n; i++) {
			st ^= st << 13;
			st ^= st >> 7;
			st ^= st << 17;
			in[i] = alphabet[st % (sizeof(alphabet) - 1)];
		}
		memcpy(in + n, "\r\n.\r\nX", 6);
		n += 6;
		feed_chunks(in, n, round % 2, NULL, &whole, &a, &used_a);
		feed_chunks(in, n, round % 2, &st, &chunked, &b, &used_b);
		cr_assert_eq(used_a, used_b, "round %d", round);
		cr_assert_eq(a.done, b.done);
		cr_assert_eq(a.bare, b.bare);
		cr_assert_eq(a.size, b.size);
		cr_assert_eq(a.stored, b.stored);
		cr_assert_eq(a.stored_lf, b.stored_lf);
		cr_assert_eq(data_acceptable(&a), data_acceptable(&b));
		if (!data_acceptable(&a))
			continue; /* refused: what reached the sink is dropped
				   */
		cr_assert_eq(whole.len, chunked.len, "round %d", round);
		cr_assert(memcmp(whole.buf, chunked.buf, whole.len) == 0,
			  "round %d", round);
		cr_assert_eq(a.stored, whole.len);
	}
}
