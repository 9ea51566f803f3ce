/*
 * peer.h: where the connection comes from. systemd Accept=yes passes it as
 * fd 3 (LISTEN_FDS=1); inetd, xinetd, tcpserver and
 * "systemd-socket-activate --inetd" pass it as stdin/stdout; a pipe or file
 * on stdin is a transcript and counts as local.
 */
#ifndef POSTERN_PEER_H
#define POSTERN_PEER_H

#include <stdbool.h>

struct peer {
	int in_fd, out_fd;
	bool is_socket;
	/* "192.0.2.1", "2001:db8::1", "" when not a socket */
	char addr[64];
	/* the address literal for trace headers: "[192.0.2.1]",
	   "[IPv6:2001:db8::1]", "[local]" ... */
	char literal[80];
	bool loopback;
	bool local; /* loopback (when loopback_is_local) or not a socket */
};

/*
 * Finds the connection and its peer address (getpeername; an IPv4-mapped
 * IPv6 address counts as IPv4; TCPREMOTEIP under tcpserver when the socket
 * gives none). Returns 0, or -1 when fd 3 was promised but is unusable.
 */
int peer_setup(struct peer *p, bool loopback_is_local);

#endif
