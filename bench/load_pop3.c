/*
 * load_pop3.c: the POP3 modes of the load client. "pop3" downloads a whole
 * maildrop in one session (STAT, LIST, UIDL, RETR each, QUIT) and checks
 * that every RETR carries exactly the octets LIST announced (RFC 1939
 * section 11); "stat" times login and STAT over sequential sessions.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"

/* RFC 1939 section 7: a unique-id is 1 to 70 characters 0x21 to 0x7E. */
#define UID_MAX 70
/* Messages one session may list; the same bound as postern's. */
#define MAX_MESSAGES 1000000ul

/* Sends cmd (unless NULL) and expects a "+OK" line, left in line. */
static int pop_ok(struct lconn *c, const char *cmd, char *line, size_t size)
{
	int r;

	if (cmd && lconn_cmd(c, cmd) < 0)
		return -1;
	r = lconn_line(c, line, size);
	if (r <= 0 || strncmp(line, "+OK", 3) != 0) {
		fprintf(stderr, "load: %s: %.80s\n", cmd ? cmd : "greeting",
			r > 0 ? line : "(no reply)");
		return -1;
	}
	return 0;
}

/* Connects, reads the greeting and logs in; *login_ns is the PASS time. */
static int pop_login(struct lconn *c, const struct load_opts *o,
		     uint64_t *login_ns)
{
	char line[LOAD_MAX_LINE], cmd[LOAD_MAX_LINE];
	uint64_t t;

	if (lconn_open(c, o->port, o->timeout_ms) < 0 ||
	    pop_ok(c, NULL, line, sizeof line) < 0)
		return -1;
	snprintf(cmd, sizeof cmd, "USER %s", o->user);
	if (pop_ok(c, cmd, line, sizeof line) < 0)
		return -1;
	snprintf(cmd, sizeof cmd, "PASS %s", o->pass);
	t = load_now_ns();
	if (pop_ok(c, cmd, line, sizeof line) < 0)
		return -1;
	*login_ns = load_now_ns() - t;
	return 0;
}

/* STAT: "+OK nn mm" (RFC 1939 section 5). */
static int pop_stat(struct lconn *c, unsigned long *n_r, uint64_t *size_r)
{
	char line[LOAD_MAX_LINE];

	if (pop_ok(c, "STAT", line, sizeof line) < 0)
		return -1;
	if (sscanf(line, "+OK %lu %" SCNu64, n_r, size_r) != 2 ||
	    *n_r > MAX_MESSAGES) {
		fprintf(stderr, "load: bad STAT reply: %.80s\n", line);
		return -1;
	}
	return 0;
}

/* A unique-id as RFC 1939 section 7 defines it. */
static int uid_ok(const char *uid)
{
	size_t len = strlen(uid);

	if (len < 1 || len > UID_MAX)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (uid[i] < 0x21 || uid[i] > 0x7e)
			return 0;
	return 1;
}

/*
 * LIST or UIDL: exactly n lines "i value" in order, then ".". For LIST the
 * sizes go into sizes[]; for UIDL (sizes NULL) each id is checked.
 */
static int pop_multi(struct lconn *c, const char *cmd, unsigned long n,
		     uint64_t *sizes)
{
	char line[LOAD_MAX_LINE], val[LOAD_MAX_LINE];
	unsigned long i, num;

	if (pop_ok(c, cmd, line, sizeof line) < 0)
		return -1;
	for (i = 1; i <= n; i++) {
		if (lconn_line(c, line, sizeof line) <= 0)
			return -1;
		if (sscanf(line, "%lu %1000s", &num, val) != 2 || num != i)
			goto bad;
		if (sizes ? sscanf(val, "%" SCNu64, &sizes[i - 1]) != 1
			  : !uid_ok(val))
			goto bad;
	}
	if (lconn_line(c, line, sizeof line) <= 0)
		return -1;
	if (strcmp(line, ".") == 0)
		return 0;
bad:
	fprintf(stderr, "load: %s: bad line %lu: %.80s\n", cmd, i, line);
	return -1;
}

/* Where the RETR reader is within a line (RFC 1939 section 3). */
enum retr_state {
	R_BOL,   /* at the start of a line */
	R_DOT,   /* a '.' opened the line */
	R_DOTCR, /* ".\r" opened the line: the end if LF follows */
	R_MID,   /* inside a line */
	R_CR     /* inside a line, after a CR */
};

/*
 * Reads a RETR body up to its terminating ".CRLF" and counts its octets
 * after removing the byte-stuffing; every line must end in CRLF. The
 * count may not run past limit (a runaway server). 0, or -1.
 */
static int retr_body(struct lconn *c, uint64_t limit, uint64_t *octets_r)
{
	enum retr_state st = R_BOL;
	uint64_t n = 0;

	for (;;) {
		long avail = lconn_fill(c);

		if (avail <= 0)
			return -1;
		for (const char *p = c->buf + c->start, *e = p + avail; p < e;
		     p++) {
			char ch = *p;

			switch (st) {
			case R_DOT:
				if (ch == '\r') {
					st = R_DOTCR;
				} else if (ch == '.') {
					n++; /* the dot stuffing protected */
					st = R_MID;
				} else {
					return -1; /* not stuffed */
				}
				break;
			case R_BOL:
			case R_MID:
				if (ch == '\n')
					return -1; /* bare LF */
				if (ch == '.' && st == R_BOL) {
					st = R_DOT;
				} else if (ch == '\r') {
					st = R_CR;
				} else {
					st = R_MID;
					n++;
				}
				break;
			case R_CR:
				if (ch != '\n')
					return -1; /* bare CR */
				n += 2;
				st = R_BOL;
				break;
			case R_DOTCR:
				if (ch != '\n')
					return -1;
				c->start = (size_t)(p + 1 - c->buf);
				*octets_r = n;
				return 0;
			}
			if (n > limit)
				return -1;
		}
		c->start = c->end;
	}
}

/* RETR of every message; each must carry the octets LIST gave. */
static int pop_retr_all(struct lconn *c, unsigned long n, const uint64_t *sizes,
			uint64_t *total_r)
{
	char line[LOAD_MAX_LINE], cmd[64];

	*total_r = 0;
	for (unsigned long i = 0; i < n; i++) {
		uint64_t got;

		snprintf(cmd, sizeof cmd, "RETR %lu", i + 1);
		if (pop_ok(c, cmd, line, sizeof line) < 0)
			return -1;
		if (retr_body(c, sizes[i], &got) < 0 || got != sizes[i]) {
			fprintf(stderr,
				"load: RETR %lu: not the %" PRIu64
				" octets LIST said\n",
				i + 1, sizes[i]);
			return -1;
		}
		*total_r += got;
	}
	return 0;
}

static int check_count(const struct load_opts *o, unsigned long n)
{
	if (o->expect >= 0 && n != (unsigned long)o->expect) {
		fprintf(stderr, "load: %lu messages, expected %ld\n", n,
			o->expect);
		return -1;
	}
	return 0;
}

int load_pop3(const struct load_opts *o)
{
	struct lconn *c = malloc(sizeof *c);
	char line[LOAD_MAX_LINE];
	uint64_t *sizes = NULL, login, t0, t1, drop, total = 0, sum = 0;
	unsigned long n;
	int rc = 1;

	if (!c)
		return 1;
	c->fd = -1;
	if (pop_login(c, o, &login) < 0)
		goto out;
	t0 = load_now_ns();
	if (pop_stat(c, &n, &drop) < 0 || check_count(o, n) < 0)
		goto out;
	sizes = calloc(n ? n : 1, sizeof *sizes);
	if (!sizes || pop_multi(c, "LIST", n, sizes) < 0 ||
	    pop_multi(c, "UIDL", n, NULL) < 0)
		goto out;
	for (unsigned long i = 0; i < n; i++)
		sum += sizes[i];
	if (sum != drop) {
		fprintf(stderr,
			"load: STAT says %" PRIu64 ", LIST %" PRIu64 "\n", drop,
			sum);
		goto out;
	}
	if (pop_retr_all(c, n, sizes, &total) < 0 ||
	    pop_ok(c, "QUIT", line, sizeof line) < 0)
		goto out;
	t1 = load_now_ns();
	printf("mode=pop3 n=%lu octets=%" PRIu64 " login_us=%.1f secs=%.4f "
	       "mb_per_sec=%.2f\n",
	       n, total, (double)login / 1e3, (double)(t1 - t0) / 1e9,
	       (double)total / 1e6 / ((double)(t1 - t0) / 1e9));
	rc = 0;
out:
	lconn_close(c);
	free(c);
	free(sizes);
	return rc;
}

int load_stat(const struct load_opts *o)
{
	struct lconn *c = malloc(sizeof *c);
	uint64_t *login = calloc(o->count, sizeof *login);
	uint64_t *stat = calloc(o->count, sizeof *stat);
	uint64_t *both = calloc(o->count, sizeof *both);
	char line[LOAD_MAX_LINE];
	unsigned done = 0;

	if (!c || !login || !stat || !both)
		return 1;
	c->fd = -1;
	for (; done < o->count; done++) {
		unsigned long n;
		uint64_t drop, t;

		if (pop_login(c, o, &login[done]) < 0)
			break;
		t = load_now_ns();
		if (pop_stat(c, &n, &drop) < 0)
			break;
		stat[done] = load_now_ns() - t;
		both[done] = login[done] + stat[done];
		if (check_count(o, n) < 0 ||
		    pop_ok(c, "QUIT", line, sizeof line) < 0)
			break;
		lconn_close(c);
	}
	lconn_close(c);
	printf("mode=stat n=%u ", done);
	load_print_stats("", both, done);
	printf(" ");
	load_print_stats("login_", login, done);
	printf(" ");
	load_print_stats("stat_", stat, done);
	printf("\n");
	free(c);
	free(login);
	free(stat);
	free(both);
	return done == o->count ? 0 : 1;
}
