/*
 * load_net.c: the load client's connections: blocking TCP sockets to
 * 127.0.0.1 whose every operation is bounded by SO_RCVTIMEO/SO_SNDTIMEO, a
 * buffered reader that refuses over-long lines, SMTP reply parsing, and the
 * percentile statistics the modes print.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "load.h"

uint64_t load_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int lconn_open(struct lconn *c, int port, int timeout_ms)
{
	struct sockaddr_in sin;
	struct timeval tv;
	int one = 1;

	c->start = c->end = 0;
	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (c->fd < 0) {
		perror("load: socket");
		return -1;
	}
	tv.tv_sec = timeout_ms / 1000;
	tv.tv_usec = (timeout_ms % 1000) * 1000;
	if (setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0 ||
	    setsockopt(c->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) < 0 ||
	    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) < 0) {
		perror("load: setsockopt");
		lconn_close(c);
		return -1;
	}
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(c->fd, (struct sockaddr *)&sin, sizeof sin) < 0) {
		perror("load: connect");
		lconn_close(c);
		return -1;
	}
	return 0;
}

void lconn_close(struct lconn *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
}

int lconn_write(struct lconn *c, const void *data, size_t n)
{
	const char *p = data;

	/* Each send either makes progress or fails (timeout: EAGAIN), so the
	   loop ends within n sends. */
	while (n > 0) {
		ssize_t w = send(c->fd, p, n, MSG_NOSIGNAL);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			perror("load: send");
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int lconn_cmd(struct lconn *c, const char *line)
{
	char buf[LOAD_MAX_LINE];
	int n = snprintf(buf, sizeof buf, "%s\r\n", line);

	if (n < 0 || (size_t)n >= sizeof buf) {
		fprintf(stderr, "load: command too long\n");
		return -1;
	}
	return lconn_write(c, buf, (size_t)n);
}

long lconn_fill(struct lconn *c)
{
	ssize_t r;

	if (c->start < c->end)
		return (long)(c->end - c->start);
	c->start = c->end = 0;
	do
		r = recv(c->fd, c->buf, sizeof c->buf, 0);
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		perror(errno == EAGAIN ? "load: read timeout" : "load: recv");
		return -1;
	}
	c->end = (size_t)r;
	return (long)r;
}

int lconn_line(struct lconn *c, char *out, size_t size)
{
	size_t len = 0;

	for (;;) {
		long avail = lconn_fill(c);
		char *lf;
		size_t take;

		if (avail < 0)
			return -1;
		if (avail == 0)
			return len == 0 ? 0 : -1;
		lf = memchr(c->buf + c->start, '\n', (size_t)avail);
		take = lf ? (size_t)(lf - (c->buf + c->start)) + 1
			  : (size_t)avail;
		/* The LF becomes the NUL, so a line fits in size bytes. */
		if (len + take > size) {
			fprintf(stderr, "load: reply line too long\n");
			return -1;
		}
		memcpy(out + len, c->buf + c->start, take);
		len += take;
		c->start += take;
		if (lf)
			break;
	}
	/* len >= 1 and out[len-1] is the LF; strip it and a CR before it. */
	len--;
	if (len > 0 && out[len - 1] == '\r')
		len--;
	out[len] = '\0';
	return 1;
}

int lconn_smtp_reply(struct lconn *c, char *last, size_t size)
{
	for (int i = 0; i < LOAD_MAX_REPLY_LINES; i++) {
		int r = lconn_line(c, last, size);

		if (r <= 0) {
			if (r == 0)
				fprintf(stderr, "load: connection closed\n");
			return -1;
		}
		if (strlen(last) < 3 || last[0] < '2' || last[0] > '5' ||
		    last[1] < '0' || last[1] > '9' || last[2] < '0' ||
		    last[2] > '9' ||
		    (last[3] != '\0' && last[3] != ' ' && last[3] != '-')) {
			fprintf(stderr, "load: bad reply: %.80s\n", last);
			return -1;
		}
		if (last[3] != '-')
			return (last[0] - '0') * 100 + (last[1] - '0') * 10 +
			       (last[2] - '0');
	}
	fprintf(stderr, "load: reply of more than %d lines\n",
		LOAD_MAX_REPLY_LINES);
	return -1;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

uint64_t load_percentile(const uint64_t *sorted, size_t n, double p)
{
	/* Nearest rank: the smallest value with at least p% at or below it. */
	double rank = p / 100.0 * (double)n;
	size_t k = (size_t)rank;

	if ((double)k < rank)
		k++;
	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return sorted[k - 1];
}

void load_print_stats(const char *prefix, uint64_t *v, size_t n)
{
	double sum = 0;

	if (n == 0) {
		printf("%sn=0", prefix);
		return;
	}
	qsort(v, n, sizeof *v, cmp_u64);
	for (size_t i = 0; i < n; i++)
		sum += (double)v[i];
	printf("%smedian_us=%.1f %sp99_us=%.1f %smin_us=%.1f %smax_us=%.1f "
	       "%smean_us=%.1f",
	       prefix, (double)load_percentile(v, n, 50) / 1e3, prefix,
	       (double)load_percentile(v, n, 99) / 1e3, prefix,
	       (double)v[0] / 1e3, prefix, (double)v[n - 1] / 1e3, prefix,
	       sum / (double)n / 1e3);
}
