/*
 * data.h: the DATA byte machine (RFC 5321 4.1.1.4, 4.5.2). It takes the
 * bytes after "354" in chunks of any size, finds the end of the data,
 * un-stuffs dots, turns CRLF into LF and hands the message to a sink in
 * bounded pieces. It holds no more than one output buffer, whatever the
 * message size, and knows nothing of sockets or files.
 */
#ifndef POSTERN_SMTPD_DATA_H
#define POSTERN_SMTPD_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Output is handed to the sink in pieces of at most this many octets. */
#define DATA_OUTBUF 16384

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
	size_t out_len;
	char out[DATA_OUTBUF];
};

/*
 * Prepares m for one message: normalize as bare_line_ends says, limit in
 * octets (0: none), and the sink for the stored octets.
 */
void data_init(struct data_machine *m, bool normalize, uint64_t limit,
	       data_sink_fn sink, void *sink_ctx);

/*
 * Feeds n octets of p. Returns how many were used: all of them, or fewer
 * when the end of the data came first (m->done is then true and the rest
 * belongs to the next command).
 */
size_t data_feed(struct data_machine *m, const char *p, size_t n);

/*
 * Hands what is still buffered to the sink (after m->done). Returns 0 or
 * the sink's error (also in m->sink_error).
 */
int data_flush(struct data_machine *m);

/* True when the stored message may be delivered: not too big, no bare
   line end refused, no sink error, no mail loop. */
bool data_acceptable(const struct data_machine *m);

#endif
