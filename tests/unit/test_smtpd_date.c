/*
 * test_smtpd_date.c: the Received header's date (RFC 5322 3.3, UTC),
 * against gmtime_r() and strftime() over fixed edge cases and a spread of
 * times from 1970 to 9999.
 */
#include <criterion/criterion.h>
#include <string.h>
#include <time.h>

#include "../../src/smtpd/date.h"

static void expect_libc(int64_t t)
{
	char want[64], got[DATE_RFC5322_SIZE];
	time_t tt = (time_t)t;
	struct tm tm;

	cr_assert_not_null(gmtime_r(&tt, &tm));
	strftime(want, sizeof want, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	date_rfc5322(t, got);
	cr_assert_str_eq(got, want, "t=%lld", (long long)t);
	cr_assert_lt(strlen(got), DATE_RFC5322_SIZE);
}

Test(smtpd_date, fixed)
{
	char got[DATE_RFC5322_SIZE];

	date_rfc5322(0, got);
	cr_assert_str_eq(got, "Thu, 01 Jan 1970 00:00:00 +0000");
	date_rfc5322(784111777, got);
	cr_assert_str_eq(got, "Sun, 06 Nov 1994 08:49:37 +0000");
	date_rfc5322(951782400, got); /* 2000 is a leap year */
	cr_assert_str_eq(got, "Tue, 29 Feb 2000 00:00:00 +0000");
	date_rfc5322(253402300799, got);
	cr_assert_str_eq(got, "Fri, 31 Dec 9999 23:59:59 +0000");
}

Test(smtpd_date, edges_agree_with_libc)
{
	/* Around the turns of months and years, 1900 and 2100 not leap. */
	static const int64_t days[] = { 0,     58,    59,    60,    364,
					365,   10957, 11016, 11017, 11322,
					47540, 47541, 47482, 47483, 2932896 };
	size_t i;
	int64_t s;

	for (i = 0; i < sizeof days / sizeof days[0]; i++)
		for (s = -1; s <= 1; s++)
			if (days[i] * 86400 + s >= 0)
				expect_libc(days[i] * 86400 + s);
}

Test(smtpd_date, spread_agrees_with_libc)
{
	uint64_t x = 88172645463325252u; /* xorshift64 */
	int i;

	for (i = 0; i < 20000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		expect_libc((int64_t)(x % 253402300800u));
	}
}

Test(smtpd_date, now_is_now)
{
	int64_t a = (int64_t)time(NULL), b = date_now(), c = time(NULL);

	cr_assert(a <= b && b <= c);
}
