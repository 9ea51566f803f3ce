/*
 * retr.c: streams a Maildir file as RETR and TOP send it (RFC 1939
 * sections 3, 7): LF line ends become CRLF and lines starting with '.' are
 * dot-stuffed, through a fixed buffer into the connection's output buffer,
 * so that memory does not grow with the message. The same pass, counting
 * instead of writing, gives a message's size when its name does not.
 */
#include "pop3d.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* Read size: the file is streamed through this much stack. */
#define RETR_CHUNK 16384

struct xfer {
	struct conn *c;    /* NULL: count only */
	uint64_t counted;  /* octets emitted, without the stuffed dots */
	int64_t body_left; /* TOP: body lines still to send; -1: no limit */
	size_t line_len;   /* octets of the current line so far */
	bool in_body;      /* past the header's blank line */
	bool last_cr;      /* the last octet emitted was CR */
	bool stop;         /* TOP has sent what it was asked for */
};

static void emit(struct xfer *x, const char *p, size_t n, bool stuffing)
{
	if (n == 0)
		return;
	if (x->c != NULL)
		conn_write(x->c, p, n);
	if (!stuffing)
		x->counted += n;
}

/* A line ended: TOP counts header and body lines (RFC 1939 section 7). */
static void end_of_line(struct xfer *x)
{
	/* An empty line, or one holding only the CR of a CRLF. */
	bool empty = x->line_len == 0 || (x->line_len == 1 && x->last_cr);

	x->line_len = 0;
	x->last_cr = false;
	if (x->body_left < 0)
		return;
	if (!x->in_body) {
		if (empty) {
			x->in_body = true;
			x->stop = x->body_left == 0;
		}
		return;
	}
	if (--x->body_left == 0)
		x->stop = true;
}

/* Emits one chunk of the file, converting line ends and stuffing dots. */
static void chunk(struct xfer *x, const char *p, size_t n)
{
	const char *end = p + n, *lf;
	size_t seg;

	while (p < end && !x->stop) {
		/* RFC 1939 section 3: a line starting with the termination
		   octet gets one more, which the client removes. */
		if (x->line_len == 0 && *p == '.')
			emit(x, ".", 1, true);
		lf = memchr(p, '\n', (size_t)(end - p));
		seg = (size_t)((lf != NULL ? lf : end) - p);
		if (seg > 0) {
			emit(x, p, seg, false);
			x->line_len += seg;
			x->last_cr = p[seg - 1] == '\r';
		}
		if (lf == NULL)
			break;
		/* A CRLF already in the file stays one CRLF. */
		if (x->last_cr)
			emit(x, "\n", 1, false);
		else
			emit(x, "\r\n", 2, false);
		end_of_line(x);
		p = lf + 1;
	}
}

int retr_stream(struct conn *c, int fd, int64_t body_lines, uint64_t *size_r)
{
	char buf[RETR_CHUNK];
	struct xfer x = { .c = c, .body_left = body_lines };
	ssize_t n;

	while (!x.stop) {
		if (c != NULL && c->failed)
			return -2;
		n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		chunk(&x, buf, (size_t)n);
	}
	/* A last line without its end still needs one before ".CRLF". */
	if (!x.stop && x.line_len > 0)
		emit(&x, x.last_cr ? "\n" : "\r\n", x.last_cr ? 1 : 2, false);
	if (size_r != NULL)
		*size_r = x.counted;
	return c != NULL && c->failed ? -2 : 0;
}
