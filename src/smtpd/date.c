/*
 * date.c: the Received header's date in UTC. localtime_r() and strftime()
 * read /etc/localtime through stdio and malloc on every message, and run
 * code in parts of libc.so that nothing else in a session touches: with
 * time(), about 60 KiB of resident memory on average (the kernel maps 64
 * KiB of a library around each page a process touches). UTC is a correct
 * RFC 5322 zone ("+0000"), as qmail and others write it, and needs only
 * arithmetic.
 */
#include <time.h>

#include "date.h"

/* Appends n as exactly width decimal digits. */
static char *put_num(char *o, unsigned n, int width)
{
	int i;

	for (i = width - 1; i >= 0; i--) {
		o[i] = (char)('0' + n % 10);
		n /= 10;
	}
	return o + width;
}

static char *put_str(char *o, const char *s)
{
	while (*s != '\0')
		*o++ = *s++;
	return o;
}

void date_rfc5322(int64_t t, char out[DATE_RFC5322_SIZE])
{
	static const char days[7][4] = { "Thu", "Fri", "Sat", "Sun",
					 "Mon", "Tue", "Wed" };
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr",
					    "May", "Jun", "Jul", "Aug",
					    "Sep", "Oct", "Nov", "Dec" };
	int64_t d, secs, era, doe, yoe, doy, mp, y, m, day;
	char *o = out;

	if (t < 0)
		t = 0;
	d = t / 86400;
	secs = t % 86400;
	/* Civil date from days since 1970-01-01 (H. Hinnant's algorithm:
	   400-year eras starting on 1 March). */
	d += 719468;
	era = d / 146097;
	doe = d - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	day = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y = yoe + era * 400 + (m <= 2);
	o = put_str(o, days[(t / 86400) % 7]);
	o = put_str(o, ", ");
	o = put_num(o, (unsigned)day, 2);
	*o++ = ' ';
	o = put_str(o, months[m - 1]);
	*o++ = ' ';
	o = put_num(o, (unsigned)(y % 10000), 4);
	*o++ = ' ';
	o = put_num(o, (unsigned)(secs / 3600), 2);
	*o++ = ':';
	o = put_num(o, (unsigned)(secs / 60 % 60), 2);
	*o++ = ':';
	o = put_num(o, (unsigned)(secs % 60), 2);
	o = put_str(o, " +0000");
	*o = '\0';
}

int64_t date_now(void)
{
	struct timespec ts;

	/* Not time(2): importing it runs its ifunc resolver at start-up,
	   in a part of libc.so that clock_gettime does not share. */
	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return 0;
	return (int64_t)ts.tv_sec;
}
