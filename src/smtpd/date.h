/*
 * date.h: the date-time of the Received trace header (RFC 5322 3.3), in
 * UTC, written without the C library's time zone machinery.
 */
#ifndef POSTERN_SMTPD_DATE_H
#define POSTERN_SMTPD_DATE_H

#include <stdint.h>

/* "Sun, 06 Nov 1994 08:49:37 +0000" and its NUL. */
#define DATE_RFC5322_SIZE 32

/*
 * Writes the RFC 5322 date-time of t (seconds since the epoch, UTC, at
 * least 0 and before the year 10000) into out, as strftime's
 * "%a, %d %b %Y %H:%M:%S +0000" would for gmtime(t).
 */
void date_rfc5322(int64_t t, char out[DATE_RFC5322_SIZE]);

/* The current time in seconds since the epoch (CLOCK_REALTIME). */
int64_t date_now(void);

#endif
