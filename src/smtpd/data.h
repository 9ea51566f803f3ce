/*
 * data.h: the DATA byte machine (RFC 5321 4.1.1.4, 4.5.2). It takes the
 * bytes after "354" in chunks of any size, finds the end of the data,
 * un-stuffs dots, turns CRLF into LF and hands the message to a sink. It
 * works in place: what it stores of a chunk only ever gets shorter, so the
 * stored octets are written over the chunk's own and handed to the sink
 * from there, and the machine holds no buffer at all, whatever the message
 * size. It knows nothing of sockets or files.
 */
#ifndef POSTERN_SMTPD_DATA_H
#define POSTERN_SMTPD_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The sink: writes n octets somewhere; 0, or an errno value, after which
 * the machine stores nothing more but still finds the end of the data.
 */
typedef int (*data_sink_fn)(void *ctx, const char *p, size_t n);

struct data_machine {
	/* settings */
	bool normalize; /* bare_line_ends = normalize */
	uint64_t limit; /* message_size_limit; 0: none */
	data_sink_fn sink;
	void *sink_ctx;

	/* results */
	bool done;          /* <CRLF>.<CRLF> seen */
	bool bare;          /* a bare CR or LF was seen (reject mode) */
	bool too_big;       /* size went over limit */
	int sink_error;     /* the sink's errno, 0 if none */
	uint64_t size;      /* octets as sent: CRLF ends, dots removed */
	uint64_t stored;    /* octets given to the sink */
	uint64_t stored_lf; /* of which line ends (LF) */
	unsigned received;  /* Received: fields in the header section */

	/* state */
	int state;
	bool line_proper; /* the current line began after a real CRLF */
	bool in_header;   /* still in the header section (RFC 5322 2.1) */
	size_t line_len;  /* octets stored of the current line */
	int hdr_match;    /* octets of "Received:" matched, -1: none */
	char *out;        /* where the next stored octet goes */
	/* The line end and dot a chunk's first octet can release, which
	   were in the chunk before: they go to the sink from here. */
	char carry[2];
};

/*
 * Prepares m for one message: normalize as bare_line_ends says, limit in
 * octets (0: none), and the sink for the stored octets.
 */
void data_init(struct data_machine *m, bool normalize, uint64_t limit,
	       data_sink_fn sink, void *sink_ctx);

/*
 * Feeds n octets of p, which it overwrites: what is stored of the octets
 * it used goes to the front of p and from there to the sink, in one call
 * (two, rarely: when a dot or line end held back at the end of the chunk
 * before does not fit in place). The octets it did not use are left as
 * they were. Returns how many were used: all of them, or fewer when the
 * end of the data came first (m->done is then true and the rest belongs
 * to the next command).
 */
size_t data_feed(struct data_machine *m, char *p, size_t n);

/*
 * After m->done: 0, or the sink's error (also in m->sink_error). Nothing
 * is buffered, so there is nothing left to hand over.
 */
int data_flush(struct data_machine *m);

/* True when the stored message may be delivered: not too big, no bare
   line end refused, no sink error, no mail loop. */
bool data_acceptable(const struct data_machine *m);

#endif
