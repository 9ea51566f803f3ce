/*
 * peer.h: where the connection comes from. systemd Accept=yes passes it as
 * fd 3 (LISTEN_FDS=1); inetd, xinetd, tcpserver and
 * "systemd-socket-activate --inetd" pass it as stdin/stdout; a pipe or file
 * on stdin is a transcript and counts as local.
 */
#ifndef POSTERN_PEER_H
#define POSTERN_PEER_H

#include <stdbool.h>

/* Room for an address in text: INET6_ADDRSTRLEN (46) and more. */
#define PEER_ADDR_SIZE 64

struct peer {
	int in_fd, out_fd;
	bool is_socket;
	/* "192.0.2.1", "2001:db8::1", "" when not a socket */
	char addr[PEER_ADDR_SIZE];
	/* the address literal for trace headers (RFC 5321 4.1.3):
	   "[192.0.2.1]", "[IPv6:2001:db8::1]"; "[local]" for a transcript
	   or an AF_UNIX peer; "[unknown]" for a socket without a peer */
	char literal[80];
	bool loopback; /* 127.0.0.0/8, ::1, or an AF_UNIX peer */
	bool local;    /* loopback (when loopback_is_local) or not a socket */
};

/*
 * Finds the connection and its peer address (getpeername; an IPv4-mapped
 * IPv6 address counts as IPv4; TCPREMOTEIP under tcpserver when the socket
 * gives none, if it is a numeric address). Never does DNS. With LISTEN_PID
 * our pid and LISTEN_FDS set, the connection is fd 3 and LISTEN_* are
 * unset; only then is libsystemd loaded (sdload.h). Returns 0, or -1
 * (logged) when fd 3 was promised but is unusable: several fds, a closed
 * fd, a listening socket (Accept=no), or no loadable libsystemd.
 */
int peer_setup(struct peer *p, bool loopback_is_local);

/*
 * Writes the address at addr (a struct in_addr for AF_INET, else a
 * struct in6_addr) in text into out, exactly as glibc's inet_ntop(3)
 * does.
 */
void peer_format_ip(int family, const void *addr, char out[PEER_ADDR_SIZE]);

#endif
