/*
 * data.c: the DATA byte machine. The data ends only at <CRLF>.<CRLF>
 * (RFC 5321 4.1.1.4); a bare CR or LF never ends a line that could end the
 * data, which closes the SMTP smuggling vectors. Dots are un-stuffed (RFC
 * 5321 4.5.2), CRLF becomes LF, the size is counted as sent, and Received:
 * fields of the header section are counted for loop detection (6.3).
 *
 * The stored octets are written over the input, behind the octets still
 * to be read: a state entered within a chunk owes at most the octets it
 * consumed there (the dot of ".\n", the CR of a bare CR), so the write
 * position never passes the read position. Only the states a chunk starts
 * in can owe octets of the chunk before; those go through m->carry.
 */
#include <string.h>

#include "data.h"
#include "postern_limits.h"

enum {
	S_BOL,   /* at the start of a line */
	S_TEXT,  /* inside a line */
	S_CR,    /* after a CR inside a line */
	S_DOT,   /* after a '.' at the start of a line */
	S_DOT_CR /* after ".\r" at the start of a line */
};

/* "Received:" as a header field name, lower case (RFC 5322 3.6.7). */
static const char received_name[] = "received:";

void data_init(struct data_machine *m, bool normalize, uint64_t limit,
	       data_sink_fn sink, void *sink_ctx)
{
	memset(m, 0, sizeof(*m));
	m->normalize = normalize;
	m->limit = limit;
	m->sink = sink;
	m->sink_ctx = sink_ctx;
	m->state = S_BOL;
	/* The CRLF of the DATA command line precedes the first line. */
	m->line_proper = true;
	m->in_header = true;
}

/*
 * Whether what arrives is still worth storing: once the message is sure
 * to be refused, its octets are only counted (the client must still send
 * them all, RFC 5321 4.5.3.1.10 / RFC 1870 6.2), never written.
 */
static bool storing(const struct data_machine *m)
{
	return !m->too_big && !m->bare && m->sink_error == 0 &&
	       m->received <= POSTERN_MAX_RECEIVED_HEADERS;
}

/* Hands the stored octets from start up to m->out to the sink. */
static void hand_over(struct data_machine *m, const char *start)
{
	int err;

	if (m->out > start && storing(m)) {
		err = m->sink(m->sink_ctx, start, (size_t)(m->out - start));
		if (err != 0)
			m->sink_error = err;
	}
}

int data_flush(struct data_machine *m)
{
	return m->sink_error;
}

bool data_acceptable(const struct data_machine *m)
{
	return storing(m);
}

static void count(struct data_machine *m, size_t n)
{
	m->size += n;
	if (m->limit != 0 && m->size > m->limit)
		m->too_big = true;
}

/* Stores n octets at m->out; p is at or after m->out, or a literal. */
static void append(struct data_machine *m, const char *p, size_t n)
{
	if (!storing(m))
		return;
	if (m->out != p)
		memmove(m->out, p, n);
	m->out += n;
	m->stored += n;
}

/* Matches the start of a header line against "Received:". */
static void track_header(struct data_machine *m, const char *p, size_t n)
{
	size_t k;
	char c;

	for (k = 0; k < n && m->hdr_match >= 0; k++) {
		c = p[k];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != received_name[m->hdr_match]) {
			m->hdr_match = -1;
		} else if (++m->hdr_match == (int)sizeof(received_name) - 1) {
			m->received++;
			m->hdr_match = -1;
		}
	}
}

/* Octets of a line's content. */
static void put(struct data_machine *m, const char *p, size_t n)
{
	if (m->in_header && m->hdr_match >= 0)
		track_header(m, p, n);
	m->line_len += n;
	count(m, n);
	append(m, p, n);
}

/* The end of a line: stored as LF; proper when it was a real CRLF. */
static void line_end(struct data_machine *m, bool proper)
{
	/* RFC 5322 2.1: the first empty line ends the header section. */
	if (m->line_len == 0)
		m->in_header = false;
	m->line_len = 0;
	m->hdr_match = 0;
	m->line_proper = proper;
	m->state = S_BOL;
	count(m, 2);
	if (storing(m)) {
		append(m, "\n", 1);
		m->stored_lf++;
	}
}

/*
 * A bare CR or LF. Either way it is not a CRLF, so the next line cannot
 * end the data; refused, or normalized to a line end by configuration.
 */
static void bare_line_end(struct data_machine *m)
{
	if (!m->normalize)
		m->bare = true;
	line_end(m, false);
}

/* Inside a line: copies the run up to the next CR or LF in one go. */
static size_t feed_text(struct data_machine *m, const char *p, size_t n)
{
	size_t j = 0;

	while (j < n && p[j] != '\r' && p[j] != '\n')
		j++;
	if (j > 0) {
		put(m, p, j);
		return j;
	}
	if (p[0] == '\r')
		m->state = S_CR;
	else
		bare_line_end(m);
	return 1;
}

/*
 * One step of the machine on p[0]: returns the octets used, 0 when the
 * state changed and p[0] must be looked at again.
 */
static size_t step(struct data_machine *m, const char *p, size_t n)
{
	switch (m->state) {
	case S_TEXT:
		return feed_text(m, p, n);
	case S_BOL:
		m->state = p[0] == '.' ? S_DOT : S_TEXT;
		return p[0] == '.' ? 1 : 0;
	case S_CR:
		if (p[0] == '\n') {
			line_end(m, true);
			return 1;
		}
		bare_line_end(m);
		return 0;
	case S_DOT:
		if (p[0] == '\r') {
			m->state = S_DOT_CR;
			return 1;
		}
		if (p[0] != '\n') {
			m->state = S_TEXT; /* a stuffed dot: dropped */
			return 0;
		}
		put(m, ".", 1); /* ".\n": a lone dot, not the end */
		bare_line_end(m);
		return 1;
	case S_DOT_CR:
		if (p[0] == '\n' && m->line_proper) {
			m->done = true;
			return 1;
		}
		put(m, ".", 1); /* after a bare line end, "." is text */
		if (p[0] == '\n') {
			line_end(m, true);
			return 1;
		}
		bare_line_end(m); /* ".\r" then something else */
		return 0;
	}
	return 0;
}

/* The states that hold octets back: a CR, a dot, or both. */
static bool pending(int state)
{
	return state == S_CR || state == S_DOT || state == S_DOT_CR;
}

size_t data_feed(struct data_machine *m, char *p, size_t n)
{
	size_t i = 0, k;

	/* What the states left by the chunk before release: at most ".\n",
	   which fits in place when as many octets were used for it. */
	m->out = m->carry;
	while (i < n && !m->done && pending(m->state))
		i += step(m, p + i, n - i);
	k = (size_t)(m->out - m->carry);
	if (k <= i) {
		memcpy(p, m->carry, k);
		m->out = p + k;
	} else {
		hand_over(m, m->carry);
		m->out = p;
	}
	while (i < n && !m->done)
		i += step(m, p + i, n - i);
	hand_over(m, p);
	return i;
}
