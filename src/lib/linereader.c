/*
 * linereader.c: conn_read_line(), the bounded line reader of both protocols.
 * It scans conn_peek()'s window of the connection's fixed buffer and copies
 * a finished line into the caller's array, so no memory grows with the
 * input; an over-long line is discarded through its LF, never split.
 */
#include <stdint.h>
#include <string.h>

#include "conn.h"
#include "conn_private.h"

/*
 * Finishes the line data[0..linelen), which ends in LF. A too-long line is
 * refused after the fact, whole: RFC 5321 4.5.3.1.4 and RFC 2449 section 4
 * bound the line, and answering its tail as a new command would let a client
 * smuggle one (popa3d DESIGN, "RFC compliance").
 */
static enum conn_status end_line(struct conn *c, const char *data,
				 size_t linelen, char *buf, size_t size,
				 size_t *len_r, unsigned *flags_r)
{
	size_t len = linelen - 1, i;
	unsigned flags = 0;

	if (len > 0 && data[len - 1] == '\r')
		len--;
	else
		flags |= CONN_LINE_BARE_LF;
	if (c->in_skip || len >= size) {
		c->in_skip = false;
		conn_consume(c, linelen);
		return CONN_TOO_LONG;
	}
	for (i = 0; i < len; i++) {
		unsigned char b = (unsigned char)data[i];

		if (b == '\0')
			flags |= CONN_LINE_NUL;
		else if (b == '\r')
			flags |= CONN_LINE_BARE_CR;
		else if (b >= 0x80)
			flags |= CONN_LINE_8BIT;
	}
	memcpy(buf, data, len);
	buf[len] = '\0';
	*len_r = len;
	*flags_r = flags;
	conn_consume(c, linelen);
	return CONN_OK;
}

enum conn_status conn_read_line(struct conn *c, char *buf, size_t size,
				size_t *len_r, unsigned *flags_r,
				int timeout_ms)
{
	/* conn_peek() takes a relative timeout; a line read has one deadline.
	 */
	int64_t deadline = conn_deadline_after(timeout_ms);
	size_t scanned = 0, len;
	enum conn_status st;
	const char *lf;
	char *data;

	*len_r = 0;
	*flags_r = 0;
	if (size > 0)
		buf[0] = '\0';
	/* Whatever is buffered is looked at before anything is read. */
	c->in_shown = 0;
	for (;;) {
		st = conn_peek(c, &data, &len, conn_ms_left(deadline));
		if (st == CONN_TOO_LONG) {
			/* The buffer is full of one line: drop it, keep going.
			 */
			c->in_skip = true;
			conn_consume(c, len);
			scanned = 0;
			continue;
		}
		if (st != CONN_OK)
			break;
		lf = memchr(data + scanned, '\n', len - scanned);
		if (lf != NULL) {
			st = end_line(c, data, (size_t)(lf - data) + 1, buf,
				      size, len_r, flags_r);
			break;
		}
		/* size + 1 octets without LF hold at least size of text. */
		if (c->in_skip || len > size) {
			c->in_skip = true;
			conn_consume(c, len);
			scanned = 0;
		} else {
			scanned = len;
		}
		/* A client that keeps sending must not outlast the deadline. */
		if (conn_deadline_passed(deadline)) {
			st = CONN_TIMEOUT;
			break;
		}
	}
	/* A conn_peek() after us starts with what we left buffered. */
	c->in_shown = 0;
	return st;
}
