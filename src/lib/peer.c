/*
 * peer.c: finds the connection (systemd's fd 3, inetd's stdin/stdout, or a
 * transcript on a pipe) and the client's numeric address, without DNS.
 * Whether the peer is local decides where plaintext AUTH is allowed.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <systemd/sd-daemon.h>

#include "fmt.h"
#include "log.h"
#include "peer.h"
#include "sdload.h"

/* An IPv4 or IPv6 address, with IPv4-mapped IPv6 already unmapped. */
struct peer_ip {
	int family;

	union {
		struct in_addr v4;
		struct in6_addr v6;
	} a;
};

static bool fd_is_socket(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

/*
 * LISTEN_PID/LISTEN_FDS (sd_listen_fds(3)): 1 and fd 3 when systemd
 * passed us one connected stream socket, 0 when it passed nothing, -1
 * when it passed something we cannot serve (a listening socket from an
 * Accept=no unit, several fds, a closed fd).
 */
static int peer_listen_fd(void)
{
	const char *pid = getenv("LISTEN_PID");
	char *end;
	unsigned long v;
	int n;

	if (pid == NULL || getenv("LISTEN_FDS") == NULL)
		return 0;
	errno = 0;
	v = strtoul(pid, &end, 10);
	if (errno != 0 || end == pid || *end != '\0' ||
	    v != (unsigned long)getpid())
		return 0;
	/* Only now is libsystemd loaded (sdload.h): inetd, tcpserver and
	   transcripts never pay for it. Unsets LISTEN_*, so that a relay
	   command does not inherit them. */
	n = sdload_listen_fds(1);
	if (n == -ENOSYS) {
		char why[256];

		log_msg(LOG_ERR, "event=listen_fds_error error=%s",
			log_escape(why, sizeof(why), sdload_error()));
		return -1;
	}
	if (n == 0)
		return 0;
	if (n != 1) {
		log_msg(LOG_ERR, "event=listen_fds_error fds=%d", n);
		return -1;
	}
	if (sdload_is_socket(SD_LISTEN_FDS_START, AF_UNSPEC, SOCK_STREAM, 0) <=
	    0) {
		log_msg(LOG_ERR,
			"event=listen_fds_error fd=%d error=\"not a connected "
			"stream socket (a socket unit without Accept=yes?)\"",
			SD_LISTEN_FDS_START);
		return -1;
	}
	return 1;
}

/* Reads an address from getpeername(2); false when there is none. */
static bool peer_sockaddr(int fd, struct peer_ip *ip, bool *is_unix)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	*is_unix = false;
	memset(&ss, 0, sizeof(ss));
	if (getpeername(fd, (struct sockaddr *)&ss, &len) == -1)
		return false;
	if (ss.ss_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		ip->family = AF_INET;
		ip->a.v4 = ((struct sockaddr_in *)&ss)->sin_addr;
		return true;
	}
	if (ss.ss_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		ip->family = AF_INET6;
		ip->a.v6 = ((struct sockaddr_in6 *)&ss)->sin6_addr;
		return true;
	}
	if (ss.ss_family == AF_UNIX) {
		*is_unix = true;
		return true;
	}
	return false;
}

/* TCPREMOTEIP from tcpserver (ucspi-tcp), validated as a numeric address. */
static bool peer_env_addr(struct peer_ip *ip)
{
	const char *s = getenv("TCPREMOTEIP");

	if (s == NULL || strlen(s) >= INET6_ADDRSTRLEN)
		return false;
	if (inet_pton(AF_INET, s, &ip->a.v4) == 1) {
		ip->family = AF_INET;
		return true;
	}
	if (inet_pton(AF_INET6, s, &ip->a.v6) == 1) {
		ip->family = AF_INET6;
		return true;
	}
	return false;
}

/* "::ffff:192.0.2.1" is the IPv4 client of a dual-stack socket. */
static void peer_unmap(struct peer_ip *ip)
{
	struct in_addr v4;

	if (ip->family != AF_INET6 || !IN6_IS_ADDR_V4MAPPED(&ip->a.v6))
		return;
	memcpy(&v4, &ip->a.v6.s6_addr[12], sizeof(v4));
	ip->family = AF_INET;
	ip->a.v4 = v4;
}

/* Appends the decimal form of v (below 1000) at out; returns the end. */
static char *peer_put_dec(char *out, unsigned v)
{
	if (v >= 100)
		*out++ = (char)('0' + v / 100);
	if (v >= 10)
		*out++ = (char)('0' + v / 10 % 10);
	*out++ = (char)('0' + v % 10);
	return out;
}

/* "192.0.2.1" from four octets; returns the end (not terminated). */
static char *peer_put_v4(char *out, const unsigned char *b)
{
	int i;

	for (i = 0; i < 4; i++) {
		if (i > 0)
			*out++ = '.';
		out = peer_put_dec(out, b[i]);
	}
	return out;
}

/*
 * inet_ntop(3) as glibc writes it (RFC 5952: lower-case hex, no leading
 * zeros, the first longest run of two or more zero groups as "::", and
 * "::a.b.c.d" for an IPv4-compatible address). By hand because inet_ntop
 * lies alone in its part of libc.so, which the kernel maps 64 KiB at a
 * time: 64 KiB of resident memory in every session, for this one call.
 */
void peer_format_ip(int family, const void *addr, char out[PEER_ADDR_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *b = addr;
	unsigned w[8];
	int i, best = -1, best_len = 0, cur = -1, shift;
	char *o = out;

	if (family == AF_INET) {
		*peer_put_v4(o, b) = '\0';
		return;
	}
	for (i = 0; i < 8; i++) {
		w[i] = (unsigned)b[2 * i] << 8 | b[2 * i + 1];
		if (w[i] == 0 && cur < 0)
			cur = i;
		if (cur >= 0 && (w[i] != 0 || i == 7)) {
			int len = i - cur + (w[i] == 0);

			if (len > best_len) {
				best = cur;
				best_len = len;
			}
			cur = -1;
		}
	}
	if (best_len < 2)
		best = -1;
	for (i = 0; i < 8; i++) {
		if (best >= 0 && i >= best && i < best + best_len) {
			if (i == best)
				*o++ = ':';
			continue;
		}
		if (i > 0)
			*o++ = ':';
		if (i == 6 && best == 0 &&
		    (best_len == 6 || (best_len == 5 && w[5] == 0xffff))) {
			o = peer_put_v4(o, b + 12);
			break;
		}
		for (shift = 12; shift > 0 && (w[i] >> shift) == 0; shift -= 4)
			;
		for (; shift >= 0; shift -= 4)
			*o++ = hex[(w[i] >> shift) & 0xf];
	}
	if (best >= 0 && best + best_len == 8)
		*o++ = ':';
	*o = '\0';
}

/* Fills addr, literal (RFC 5321 4.1.3) and loopback from ip. */
static void peer_set_addr(struct peer *p, struct peer_ip *ip)
{
	peer_unmap(ip);
	peer_format_ip(ip->family, &ip->a, p->addr);
	if (ip->family == AF_INET) {
		fmt_snprintf(p->literal, sizeof(p->literal), "[%s]", p->addr);
		/* RFC 1122 3.2.1.3: all of 127.0.0.0/8 is loopback. */
		p->loopback = (ntohl(ip->a.v4.s_addr) >> 24) == 127;
	} else {
		fmt_snprintf(p->literal, sizeof(p->literal), "[IPv6:%s]",
			     p->addr);
		p->loopback = IN6_IS_ADDR_LOOPBACK(&ip->a.v6);
	}
}

/* Peer of a socket connection, TCPREMOTEIP when the socket names none. */
static void peer_from_socket(struct peer *p, int fd)
{
	struct peer_ip ip;
	bool is_unix;

	memset(&ip, 0, sizeof(ip));
	if (peer_sockaddr(fd, &ip, &is_unix) && is_unix) {
		/* Same host, like loopback; a proxy on a UNIX socket is
		   the case loopback_is_local = no is there for. */
		fmt_snprintf(p->literal, sizeof(p->literal), "[local]");
		p->loopback = true;
	} else if (ip.family != 0 || peer_env_addr(&ip)) {
		peer_set_addr(p, &ip);
	} else {
		fmt_snprintf(p->literal, sizeof(p->literal), "[unknown]");
	}
}

int peer_setup(struct peer *p, bool loopback_is_local)
{
	int lfd = peer_listen_fd();

	memset(p, 0, sizeof(*p));
	if (lfd < 0) {
		p->in_fd = p->out_fd = -1;
		return -1;
	}
	if (lfd == 1) {
		p->in_fd = p->out_fd = SD_LISTEN_FDS_START;
		p->is_socket = true;
	} else {
		p->in_fd = STDIN_FILENO;
		p->out_fd = STDOUT_FILENO;
		p->is_socket = fd_is_socket(STDIN_FILENO);
	}
	if (p->is_socket) {
		peer_from_socket(p, p->in_fd);
	} else {
		/* A transcript on a pipe or file: the operator's own input. */
		fmt_snprintf(p->literal, sizeof(p->literal), "[local]");
	}
	p->local = !p->is_socket || (p->loopback && loopback_is_local);
	return 0;
}
