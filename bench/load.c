/*
 * load.c: the benchmark load client. "greet" times connect-to-greeting over
 * sequential connections; "smtp" delivers messages from concurrent clients
 * and checks them in the Maildir; "pop3" and "stat" (load_pop3.c) download
 * a maildrop and time a login with STAT. One line of key=value results.
 */
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load.h"

/* Bounds on what the options may ask for, so a run always ends. */
#define MAX_COUNT    1000000u
#define MAX_CLIENTS  256u
#define MAX_PER_CONN 10000u
#define MAX_SIZE     ((size_t)1 << 30)
/* Octets of body per line in generated messages, CRLF included. */
#define MSG_LINE 78

static void usage(void)
{
	fprintf(stderr,
		"usage: load greet -p PORT [-n CONNS] [-o RAWFILE] [-T MS]\n"
		"       load smtp -p PORT -c CLIENTS -n CONNS -k MSGS -s SIZE "
		"-r RCPT [-m MAILDIR]\n"
		"       load pop3 -p PORT -u USER -w PASS [-e COUNT]\n"
		"       load stat -p PORT -u USER -w PASS [-n SESSIONS] "
		"[-e COUNT]\n");
	exit(2);
}

static unsigned long num(const char *s, unsigned long max)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (*s < '0' || *s > '9' || *end != '\0' || v > max) {
		fprintf(stderr, "load: bad number %s (at most %lu)\n", s, max);
		exit(2);
	}
	return v;
}

/* Every latency in nanoseconds, one a line, for pooling across runs. */
static int write_raw(const char *path, const uint64_t *v, unsigned n)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		return -1;
	}
	for (unsigned i = 0; i < n; i++)
		fprintf(f, "%llu\n", (unsigned long long)v[i]);
	if (fclose(f) != 0) {
		perror(path);
		return -1;
	}
	return 0;
}

int load_greet(const struct load_opts *o)
{
	uint64_t *lat = calloc(o->count, sizeof *lat);
	struct lconn *c = malloc(sizeof *c);
	char line[LOAD_MAX_LINE];
	uint64_t t0 = load_now_ns();
	unsigned done = 0;

	if (!lat || !c) {
		perror("load");
		return 1;
	}
	for (; done < o->count; done++) {
		uint64_t start = load_now_ns();
		int r;

		if (lconn_open(c, o->port, o->timeout_ms) < 0)
			break;
		/* The greeting is the first line (RFC 5321 4.3.1, RFC 1939
		   section 4): "220 ..." or "+OK ...". */
		r = lconn_line(c, line, sizeof line);
		lat[done] = load_now_ns() - start;
		if (r <= 0 || (strncmp(line, "220", 3) != 0 &&
			       strncmp(line, "+OK", 3) != 0)) {
			fprintf(stderr, "load: bad greeting: %.80s\n",
				r > 0 ? line : "(none)");
			lconn_close(c);
			break;
		}
		/* QUIT and wait for the close, so sessions never overlap. */
		if (lconn_cmd(c, "QUIT") < 0 ||
		    lconn_line(c, line, sizeof line) <= 0) {
			lconn_close(c);
			break;
		}
		for (int i = 0; i < 16 && lconn_fill(c) > 0; i++)
			c->start = c->end;
		lconn_close(c);
	}
	if (o->raw && write_raw(o->raw, lat, done) < 0)
		done = 0;
	printf("mode=greet n=%u secs=%.3f ", done,
	       (double)(load_now_ns() - t0) / 1e9);
	load_print_stats("", lat, done);
	printf("\n");
	free(lat);
	free(c);
	return done == o->count ? 0 : 1;
}

/* One generated message: headers, lines of text, one dot-stuffed line. */
struct message {
	char *wire; /* as sent after DATA: stuffed, ending in CRLF.CRLF */
	size_t len;
};

static int make_message(struct message *m, size_t size, const char *rcpt)
{
	char head[512];
	int h = snprintf(
		head, sizeof head,
		"From: <bench@example.org>\r\nTo: <%s>\r\n"
		"Subject: bench\r\n\r\n.a line starting with a dot\r\n",
		rcpt);
	size_t body, pos;

	/* The stuffed dot is on the wire but not in the message (RFC 5321
	   4.5.2), so the message proper is h - 1 octets of head. */
	if (h < 0 || (size_t)h >= sizeof head || size < (size_t)h - 1 + 2) {
		fprintf(stderr, "load: message size too small\n");
		return -1;
	}
	m->len = size + 1 + 3;
	m->wire = malloc(m->len);
	if (!m->wire)
		return -1;
	memcpy(m->wire, head, (size_t)h);
	pos = (size_t)h;
	body = size - ((size_t)h - 1);
	while (body > 0) {
		/* Full lines, then a last one of MSG_LINE to 2 * MSG_LINE - 1
		   octets, so no line is shorter than its CRLF. */
		size_t n = body >= 2 * MSG_LINE ? MSG_LINE : body;

		for (size_t i = 0; i + 2 < n; i++)
			m->wire[pos + i] = (char)('a' + (pos + i) % 26);
		memcpy(m->wire + pos + n - 2, "\r\n", 2);
		pos += n;
		body -= n;
	}
	memcpy(m->wire + pos, ".\r\n", 3);
	return 0;
}

struct smtp_shared {
	const struct load_opts *o;
	const struct message *msg;
	pthread_barrier_t start;
	atomic_ulong ok;     /* 250 after the final dot */
	atomic_ulong failed; /* anything else */
};

static int expect(struct lconn *c, const char *cmd, int want)
{
	char line[LOAD_MAX_LINE];
	int code;

	if (cmd && lconn_cmd(c, cmd) < 0)
		return -1;
	code = lconn_smtp_reply(c, line, sizeof line);
	if (code != want) {
		if (code > 0)
			fprintf(stderr, "load: %s: %.80s\n",
				cmd ? cmd : "reply", line);
		return -1;
	}
	return 0;
}

static void smtp_connection(struct smtp_shared *sh, struct lconn *c)
{
	const struct load_opts *o = sh->o;
	char rcpt[LOAD_MAX_LINE];
	unsigned k = 0;

	snprintf(rcpt, sizeof rcpt, "RCPT TO:<%s>", o->rcpt);
	if (lconn_open(c, o->port, o->timeout_ms) < 0)
		goto out;
	if (expect(c, NULL, 220) < 0 ||
	    expect(c, "EHLO load.bench.example", 250) < 0)
		goto out;
	for (; k < o->per_conn; k++) {
		if (expect(c, "MAIL FROM:<bench@example.org>", 250) < 0 ||
		    expect(c, rcpt, 250) < 0 || expect(c, "DATA", 354) < 0 ||
		    lconn_write(c, sh->msg->wire, sh->msg->len) < 0 ||
		    expect(c, NULL, 250) < 0)
			break;
		atomic_fetch_add(&sh->ok, 1);
	}
	if (k == o->per_conn)
		expect(c, "QUIT", 221);
out:
	atomic_fetch_add(&sh->failed, o->per_conn - k);
	lconn_close(c);
}

static void *smtp_client(void *arg)
{
	struct smtp_shared *sh = arg;
	struct lconn *c = malloc(sizeof *c);

	pthread_barrier_wait(&sh->start);
	for (unsigned i = 0; c && i < sh->o->count; i++)
		smtp_connection(sh, c);
	if (!c)
		atomic_fetch_add(&sh->failed, 1);
	free(c);
	return NULL;
}

/* Entries in dir/new not starting with '.'; -1 when it cannot be read. */
static long count_new(const char *maildir)
{
	char path[4096];
	struct dirent *de;
	long n = 0;
	DIR *d;

	if ((size_t)snprintf(path, sizeof path, "%s/new", maildir) >=
	    sizeof path)
		return -1;
	d = opendir(path);
	if (!d)
		return 0; /* postern creates the Maildir on first delivery */
	while ((de = readdir(d)) != NULL)
		n += de->d_name[0] != '.';
	closedir(d);
	return n;
}

int load_smtp(const struct load_opts *o)
{
	struct smtp_shared sh = { .o = o };
	struct message msg;
	pthread_t tid[MAX_CLIENTS];
	unsigned started = 0;
	unsigned long want = (unsigned long)o->clients * o->count * o->per_conn;
	long before = o->maildir ? count_new(o->maildir) : 0, after = 0;
	uint64_t t0, t1;

	if (before < 0 || make_message(&msg, o->size, o->rcpt) < 0)
		return 1;
	sh.msg = &msg;
	pthread_barrier_init(&sh.start, NULL, o->clients + 1);
	for (; started < o->clients; started++)
		if (pthread_create(&tid[started], NULL, smtp_client, &sh)) {
			fprintf(stderr, "load: cannot start clients\n");
			exit(1); /* the barrier can no longer open */
		}
	pthread_barrier_wait(&sh.start);
	t0 = load_now_ns();
	for (unsigned i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	t1 = load_now_ns();
	pthread_barrier_destroy(&sh.start);
	free(msg.wire);
	if (o->maildir)
		after = count_new(o->maildir);
	printf("mode=smtp clients=%u conns=%u per_conn=%u size=%zu ok=%lu "
	       "failed=%lu delivered=%ld secs=%.3f per_sec=%.1f\n",
	       o->clients, o->count, o->per_conn, o->size, (unsigned long)sh.ok,
	       (unsigned long)sh.failed, o->maildir ? after - before : -1L,
	       (double)(t1 - t0) / 1e9,
	       (double)sh.ok / ((double)(t1 - t0) / 1e9));
	if (sh.ok != want || (o->maildir && after - before != (long)sh.ok)) {
		fprintf(stderr, "load: %lu of %lu accepted, %ld in new/\n",
			(unsigned long)sh.ok, want, after - before);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct load_opts o = { .timeout_ms = 30000,
			       .count = 1,
			       .clients = 1,
			       .per_conn = 1,
			       .size = 4096,
			       .expect = -1 };
	const char *mode;
	int ch;

	if (argc < 2)
		usage();
	mode = argv[1];
	optind = 2;
	while ((ch = getopt(argc, argv, "p:n:c:k:s:m:r:u:w:e:o:T:")) != -1) {
		switch (ch) {
		case 'p':
			o.port = (int)num(optarg, 65535);
			break;
		case 'n':
			o.count = (unsigned)num(optarg, MAX_COUNT);
			break;
		case 'c':
			o.clients = (unsigned)num(optarg, MAX_CLIENTS);
			break;
		case 'k':
			o.per_conn = (unsigned)num(optarg, MAX_PER_CONN);
			break;
		case 's':
			o.size = num(optarg, MAX_SIZE);
			break;
		case 'm':
			o.maildir = optarg;
			break;
		case 'r':
			o.rcpt = optarg;
			break;
		case 'u':
			o.user = optarg;
			break;
		case 'w':
			o.pass = optarg;
			break;
		case 'e':
			o.expect = (long)num(optarg, MAX_COUNT);
			break;
		case 'o':
			o.raw = optarg;
			break;
		case 'T':
			o.timeout_ms = (int)num(optarg, 3600000);
			break;
		default:
			usage();
		}
	}
	if (optind != argc || o.port == 0 || o.count == 0 || o.clients == 0 ||
	    o.per_conn == 0 || o.timeout_ms == 0)
		usage();
	if (strcmp(mode, "greet") == 0)
		return load_greet(&o);
	if (strcmp(mode, "smtp") == 0 && o.rcpt)
		return load_smtp(&o);
	if (strcmp(mode, "pop3") == 0 && o.user && o.pass)
		return load_pop3(&o);
	if (strcmp(mode, "stat") == 0 && o.user && o.pass)
		return load_stat(&o);
	usage();
}
