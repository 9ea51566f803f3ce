/*
 * test_fmt.c: fmt_snprintf against the C library's snprintf: random
 * conversions of every kind fmt.h knows (flags, widths, precisions,
 * length modifiers, edge values), every buffer size down to 0, and the
 * fixed formats postern writes; unknown conversions are refused.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"

/* The formats are made at run time: that is the point of the test. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-security"
/* Truncation is what the buffer sizes test. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

static uint64_t rng = 0x243F6A8885A308D3u;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* A value that often sits at an edge of its type. */
static uint64_t value(void)
{
	static const uint64_t edges[] = { 0,          1,
					  7,          8,
					  9,          10,
					  15,         16,
					  99,         100,
					  127,        128,
					  255,        256,
					  32767,      32768,
					  65535,      65536,
					  INT_MAX,    (uint64_t)INT_MAX + 1,
					  UINT_MAX,   (uint64_t)UINT_MAX + 1,
					  INT64_MAX,  (uint64_t)INT64_MAX + 1,
					  UINT64_MAX, UINT64_MAX - 1 };
	uint64_t r = next();

	if (r % 3 == 0)
		return edges[(r >> 8) % (sizeof(edges) / sizeof(edges[0]))];
	if (r % 3 == 1)
		return (r >> 8) % 100000;
	return next();
}

/* Both outputs of one format and argument, in every buffer size. */
#define COMPARE(fmt, ...)                                                      \
	do {                                                                   \
		char want[512], got[512];                                      \
		int wn = snprintf(want, sizeof(want), fmt, __VA_ARGS__);       \
		int gn = fmt_snprintf(got, sizeof(got), fmt, __VA_ARGS__);     \
		size_t sz;                                                     \
                                                                               \
		cr_assert_eq(gn, wn, "'%s': %d, want %d", fmt, gn, wn);        \
		cr_assert_str_eq(got, want, "'%s'", fmt);                      \
		for (sz = 0; sz <= (size_t)wn + 1 && sz < 40; sz++) {          \
			memset(got, 'Z', sizeof(got));                         \
			memset(want, 'Z', sizeof(want));                       \
			snprintf(want, sz, fmt, __VA_ARGS__);                  \
			cr_assert_eq(fmt_snprintf(got, sz, fmt, __VA_ARGS__),  \
				     wn);                                      \
			cr_assert(memcmp(got, want, sz + 1) == 0,              \
				  "'%s' in %zu octets", fmt, sz);              \
		}                                                              \
	} while (0)

/* "%[flags][width][.prec]" into f; returns where the rest goes. */
static char *spec(char *f, const char *flag_set, bool precision, int *star_w,
		  int *star_p)
{
	size_t i;

	*f++ = 'a';
	*f++ = '%';
	for (i = 0; flag_set[i] != '\0'; i++)
		if (next() % 4 == 0)
			*f++ = flag_set[i];
	*star_w = *star_p = INT_MIN;
	switch (next() % 4) {
	case 1:
		f += sprintf(f, "%u", (unsigned)(next() % 30));
		break;
	case 2:
		*f++ = '*';
		*star_w = (int)(next() % 50) - 25;
		break;
	default:
		break;
	}
	if (precision) {
		switch (next() % 5) {
		case 1:
			f += sprintf(f, ".%u", (unsigned)(next() % 25));
			break;
		case 2:
			*f++ = '.';
			break;
		case 3:
			f += sprintf(f, ".*");
			*star_p = (int)(next() % 40) - 10;
			break;
		default:
			break;
		}
	}
	return f;
}

/* Calls COMPARE with the star arguments the spec asked for. */
#define COMPARE_STARS(fmt, sw, sp, arg)                                        \
	do {                                                                   \
		if (sw != INT_MIN && sp != INT_MIN)                            \
			COMPARE(fmt, sw, sp, arg);                             \
		else if (sw != INT_MIN)                                        \
			COMPARE(fmt, sw, arg);                                 \
		else if (sp != INT_MIN)                                        \
			COMPARE(fmt, sp, arg);                                 \
		else                                                           \
			COMPARE(fmt, arg);                                     \
	} while (0)

Test(fmt, random_integers)
{
	static const char *const lens[] = { "",   "hh", "h", "l",
					    "ll", "z",  "j", "t" };
	static const char convs[] = "diuoxX";
	char f[64], *e;
	int round, sw, sp;

	for (round = 0; round < 200000; round++) {
		size_t li = next() % 8;
		char conv = convs[next() % 6];
		uint64_t v = value();

		e = spec(f, "-0+ #", true, &sw, &sp);
		e += sprintf(e, "%s%cb", lens[li], conv);
		*e = '\0';
		switch (li) {
		case 0:
		case 1:
		case 2:
			COMPARE_STARS(f, sw, sp, (int)v);
			break;
		case 3:
			COMPARE_STARS(f, sw, sp, (long)v);
			break;
		case 4:
			COMPARE_STARS(f, sw, sp, (long long)v);
			break;
		case 5:
			COMPARE_STARS(f, sw, sp, (size_t)v);
			break;
		case 6:
			COMPARE_STARS(f, sw, sp, (intmax_t)v);
			break;
		default:
			COMPARE_STARS(f, sw, sp, (ptrdiff_t)v);
			break;
		}
	}
}

Test(fmt, random_strings_and_chars)
{
	static const char *const strs[] = { "",           "x",
					    "hello",      "mx.example.org",
					    "with space", "0123456789abcdef" };
	char f[64], *e;
	int round, sw, sp;

	for (round = 0; round < 50000; round++) {
		const char *str = strs[next() % 6];

		if (next() % 2) {
			e = spec(f, "-", true, &sw, &sp);
			e += sprintf(e, "s!");
			*e = '\0';
			COMPARE_STARS(f, sw, sp, str);
		} else {
			int ch = (int)(' ' + next() % 95);

			e = spec(f, "-", false, &sw, &sp);
			e += sprintf(e, "c!");
			*e = '\0';
			COMPARE_STARS(f, sw, sp, ch);
		}
	}
}

/* The shapes of postern's own formats. */
Test(fmt, postern_formats)
{
	/* Not literals: the compiler would object to the null arguments. */
	static char null_s[] = "[%s]", null_prec[] = "[%.3s]";
	const char *null = NULL;

	COMPARE("%s %s", "220", "mx.example.org ESMTP postern");
	COMPARE("%d%c", 250, '-');
	COMPARE("+OK %zu messages (%llu octets)\r\n", (size_t)20000,
		123456789012ULL);
	COMPARE("%lld.M%ldP%ldQ%lu.", 1795912560LL, 123456L, 4242L, 1UL);
	COMPARE("\\%03o", 7);
	COMPARE("%s,S=%" PRIu64 ",W=%" PRIu64, "1.M2P3Q4.host",
		(uint64_t)52428755, (uint64_t)53100921);
	COMPARE("missing '=' after '%.*s'", 5, "keyword-long");
	COMPARE("%s: not a decimal number from %llu to %llu", "error_limit",
		1ULL, 1000ULL);
	COMPARE("100%% %s", "done");
	COMPARE(null_s, null);
	COMPARE(null_prec, null);
	COMPARE("%s", "");
	COMPARE("%lX", 0xdeadbeefUL);
	COMPARE("%05lX", 0x1fUL);
	COMPARE("%d %d %i", INT_MIN, INT_MAX, -1);
	COMPARE("%lld %lld", LLONG_MIN, LLONG_MAX);
}

Test(fmt, unknown_conversions_refused)
{
	static const char *const bad[] = { "%f",  "%p",  "%n", "%Lf",
					   "%ls", "%5%", "%q", "%" };
	char buf[16];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(buf, 'Z', sizeof(buf));
		errno = 0;
		cr_assert_eq(fmt_snprintf(buf, sizeof(buf), bad[i], 0), -1,
			     "%s", bad[i]);
		cr_assert_eq(errno, EINVAL);
		cr_assert_str_eq(buf, "");
	}
}
