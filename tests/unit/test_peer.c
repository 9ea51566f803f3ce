/*
 * test_peer.c: peer_setup over a pipe (a transcript), a UNIX socketpair,
 * real TCP connections on 127.0.0.1 and ::1 passed as stdin, TCPREMOTEIP,
 * and systemd's LISTEN_FDS with fd 3 (in forked children, since fd 3 may
 * belong to the test runner).
 */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "peer.h"

/* A TCP connection over loopback; srv is the server's end. */
struct tcp {
	int srv, cli;
};

/*
 * Connects a client bound to src (NULL: any) to a listener on dst:0 of
 * family fam. false when the family is not available here (IPv6).
 */
static bool tcp_connect(int fam, const char *dst, const char *src,
			struct tcp *t)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int lfd, one = 1, zero = 0, cfam = fam;

	memset(&ss, 0, sizeof(ss));
	lfd = socket(fam, SOCK_STREAM, 0);
	if (lfd < 0)
		return false;
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (fam == AF_INET6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;

		/* Off, so that ::ffff:127.0.0.1 can be bound. */
		setsockopt(lfd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof(zero));
		s6->sin6_family = AF_INET6;
		cr_assert_eq(inet_pton(AF_INET6, dst, &s6->sin6_addr), 1);
		len = sizeof(*s6);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;

		s4->sin_family = AF_INET;
		cr_assert_eq(inet_pton(AF_INET, dst, &s4->sin_addr), 1);
		len = sizeof(*s4);
	}
	if (bind(lfd, (struct sockaddr *)&ss, len) != 0) {
		close(lfd);
		return false;
	}
	cr_assert_eq(listen(lfd, 1), 0);
	cr_assert_eq(getsockname(lfd, (struct sockaddr *)&ss, &len), 0);
	if (fam == AF_INET6 && strncmp(dst, "::ffff:", 7) == 0) {
		/* Connect as an IPv4 client to the mapped listener. */
		struct sockaddr_in s4;

		memset(&s4, 0, sizeof(s4));
		s4.sin_family = AF_INET;
		s4.sin_port = ((struct sockaddr_in6 *)&ss)->sin6_port;
		inet_pton(AF_INET, dst + 7, &s4.sin_addr);
		memcpy(&ss, &s4, sizeof(s4));
		len = sizeof(s4);
		cfam = AF_INET;
	}
	t->cli = socket(cfam, SOCK_STREAM, 0);
	cr_assert(t->cli >= 0);
	if (src != NULL) {
		struct sockaddr_in b;

		memset(&b, 0, sizeof(b));
		b.sin_family = AF_INET;
		inet_pton(AF_INET, src, &b.sin_addr);
		cr_assert_eq(bind(t->cli, (struct sockaddr *)&b, sizeof(b)), 0);
	}
	cr_assert_eq(connect(t->cli, (struct sockaddr *)&ss, len), 0);
	t->srv = accept(lfd, NULL, NULL);
	cr_assert(t->srv >= 0);
	close(lfd);
	return true;
}

/* Asks the dynamic loader itself whether libsystemd is in the process. */
static bool libsystemd_mapped(void)
{
	void *h = dlopen("libsystemd.so.0", RTLD_LAZY | RTLD_NOLOAD);

	if (h != NULL)
		dlclose(h);
	return h != NULL;
}

/* Runs peer_setup with fd as stdin, then puts stdin back. */
static int setup_on_stdin(int fd, bool loopback_is_local, struct peer *p)
{
	int saved = dup(STDIN_FILENO), r;

	cr_assert(saved >= 0);
	cr_assert_eq(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	r = peer_setup(p, loopback_is_local);
	dup2(saved, STDIN_FILENO);
	close(saved);
	return r;
}

static void clear_env(void)
{
	unsetenv("LISTEN_PID");
	unsetenv("LISTEN_FDS");
	unsetenv("TCPREMOTEIP");
}

TestSuite(peer, .init = clear_env);

Test(peer, pipe_is_local_transcript)
{
	struct peer p;
	int fds[2];

	cr_assert_eq(pipe(fds), 0);
	/* tcpserver's variable means nothing without a socket. */
	setenv("TCPREMOTEIP", "192.0.2.1", 1);
	cr_assert_eq(setup_on_stdin(fds[0], false, &p), 0);
	cr_assert_eq(p.in_fd, 0);
	cr_assert_eq(p.out_fd, 1);
	cr_assert_not(p.is_socket);
	cr_assert_str_eq(p.addr, "");
	cr_assert_str_eq(p.literal, "[local]");
	cr_assert_not(p.loopback);
	cr_assert(p.local);
	cr_assert_not(libsystemd_mapped());
}

Test(peer, unix_socketpair)
{
	struct peer p;
	int sv[2];

	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	cr_assert_eq(setup_on_stdin(sv[0], true, &p), 0);
	cr_assert(p.is_socket);
	cr_assert_eq(p.in_fd, 0);
	cr_assert_eq(p.out_fd, 1);
	cr_assert_str_eq(p.addr, "");
	cr_assert_str_eq(p.literal, "[local]");
	cr_assert(p.loopback);
	cr_assert(p.local);
	cr_assert_eq(setup_on_stdin(sv[0], false, &p), 0);
	cr_assert_not(p.local);
}

Test(peer, tcp_ipv4_loopback)
{
	struct peer p;
	struct tcp t;

	cr_assert(tcp_connect(AF_INET, "127.0.0.1", NULL, &t));
	cr_assert_eq(setup_on_stdin(t.srv, true, &p), 0);
	cr_assert(p.is_socket);
	cr_assert_str_eq(p.addr, "127.0.0.1");
	cr_assert_str_eq(p.literal, "[127.0.0.1]");
	cr_assert(p.loopback);
	cr_assert(p.local);
	cr_assert_eq(setup_on_stdin(t.srv, false, &p), 0);
	cr_assert(p.loopback);
	cr_assert_not(p.local);
	/* inetd's socket on stdin: libsystemd is not needed, nor loaded. */
	cr_assert_not(libsystemd_mapped());
}

Test(peer, tcp_all_of_127_8_is_loopback)
{
	struct peer p;
	struct tcp t;

	cr_assert(tcp_connect(AF_INET, "127.0.0.1", "127.0.0.2", &t));
	cr_assert_eq(setup_on_stdin(t.srv, true, &p), 0);
	cr_assert_str_eq(p.addr, "127.0.0.2");
	cr_assert(p.loopback);
	cr_assert(p.local);
}

Test(peer, tcp_ipv6_loopback)
{
	struct peer p;
	struct tcp t;

	if (!tcp_connect(AF_INET6, "::1", NULL, &t))
		cr_skip_test("no IPv6 loopback here");
	cr_assert_eq(setup_on_stdin(t.srv, true, &p), 0);
	cr_assert_str_eq(p.addr, "::1");
	cr_assert_str_eq(p.literal, "[IPv6:::1]");
	cr_assert(p.loopback);
	cr_assert(p.local);
}

Test(peer, tcp_ipv4_mapped_is_ipv4)
{
	struct peer p;
	struct tcp t;

	if (!tcp_connect(AF_INET6, "::ffff:127.0.0.1", NULL, &t))
		cr_skip_test("no dual-stack IPv6 sockets here");
	cr_assert_eq(setup_on_stdin(t.srv, true, &p), 0);
	cr_assert_str_eq(p.addr, "127.0.0.1");
	cr_assert_str_eq(p.literal, "[127.0.0.1]");
	cr_assert(p.loopback);
	cr_assert(p.local);
}

/* A socket without a peer name: tcpserver's TCPREMOTEIP stands in. */
static void tcpremoteip_case(const char *env, const char *addr,
			     const char *literal, bool local)
{
	struct peer p;
	int s = socket(AF_INET, SOCK_STREAM, 0);

	cr_assert(s >= 0);
	if (env != NULL)
		setenv("TCPREMOTEIP", env, 1);
	else
		unsetenv("TCPREMOTEIP");
	cr_assert_eq(setup_on_stdin(s, true, &p), 0);
	cr_assert(p.is_socket);
	cr_assert_str_eq(p.addr, addr, "TCPREMOTEIP=%s", env ? env : "(unset)");
	cr_assert_str_eq(p.literal, literal);
	cr_assert_eq(p.local, local, "TCPREMOTEIP=%s", env ? env : "(unset)");
	close(s);
}

Test(peer, tcpremoteip)
{
	tcpremoteip_case("192.0.2.7", "192.0.2.7", "[192.0.2.7]", false);
	tcpremoteip_case("127.0.0.1", "127.0.0.1", "[127.0.0.1]", true);
	tcpremoteip_case("2001:db8::5", "2001:db8::5", "[IPv6:2001:db8::5]",
			 false);
	tcpremoteip_case("::ffff:10.1.2.3", "10.1.2.3", "[10.1.2.3]", false);
	/* Not numeric: never looked up, never trusted. */
	tcpremoteip_case("mail.example.org", "", "[unknown]", false);
	tcpremoteip_case("192.0.2.7 x", "", "[unknown]", false);
	tcpremoteip_case("", "", "[unknown]", false);
	tcpremoteip_case(NULL, "", "[unknown]", false);
}

/*
 * systemd cases run in a child that owns fd 3. The child reports through
 * its exit status: 0 when every check held, else the failed check's line.
 */
#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c))                                                      \
			_exit(__LINE__ % 250 + 1);                             \
	} while (0)

static int run_child(void (*fn)(int), int fd3)
{
	pid_t pid = fork();
	int st;

	cr_assert(pid >= 0);
	if (pid == 0) {
		int fds[2];

		/* stdin is a pipe, so that only fd 3 can make a socket. */
		if (pipe(fds) == 0)
			dup2(fds[0], STDIN_FILENO);
		if (fd3 >= 0)
			dup2(fd3, 3);
		else
			close(3);
		fn(fd3);
		_exit(0);
	}
	cr_assert_eq(waitpid(pid, &st, 0), pid);
	cr_assert(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static void set_listen_env(pid_t pid, const char *nfds)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", (long)pid);
	setenv("LISTEN_PID", buf, 1);
	setenv("LISTEN_FDS", nfds, 1);
}

static void child_listen_ok(int fd3)
{
	struct peer p;

	set_listen_env(getpid(), "1");
	CHECK(peer_setup(&p, true) == 0);
	CHECK(p.in_fd == 3 && p.out_fd == 3);
	CHECK(p.is_socket);
	CHECK(strcmp(p.addr, "127.0.0.1") == 0);
	CHECK(p.loopback && p.local);
	CHECK(libsystemd_mapped());
	/* Unset, so that a relay command does not inherit them. */
	CHECK(getenv("LISTEN_FDS") == NULL && getenv("LISTEN_PID") == NULL);
}

Test(peer, listen_fds_fd3)
{
	struct tcp t;

	cr_assert(tcp_connect(AF_INET, "127.0.0.1", NULL, &t));
	cr_assert_eq(run_child(child_listen_ok, t.srv), 0);
}

static void child_listen_other_pid(int fd3)
{
	struct peer p;

	set_listen_env(getppid(), "1");
	CHECK(peer_setup(&p, true) == 0);
	CHECK(p.in_fd == 0 && p.out_fd == 1);
	CHECK(!p.is_socket && p.local);
	CHECK(!libsystemd_mapped());
}

Test(peer, listen_pid_of_another_process_ignored)
{
	struct tcp t;

	cr_assert(tcp_connect(AF_INET, "127.0.0.1", NULL, &t));
	cr_assert_eq(run_child(child_listen_other_pid, t.srv), 0);
}

static void child_listen_two(int fd3)
{
	struct peer p;

	dup2(3, 4);
	set_listen_env(getpid(), "2");
	CHECK(peer_setup(&p, true) == -1);
}

static void child_listen_bad(int fd3)
{
	struct peer p;

	set_listen_env(getpid(), "1");
	CHECK(peer_setup(&p, true) == -1);
}

Test(peer, listen_fds_unusable)
{
	struct tcp t;
	struct sockaddr_in sin;
	int lfd;

	cr_assert(tcp_connect(AF_INET, "127.0.0.1", NULL, &t));
	cr_assert_eq(run_child(child_listen_two, t.srv), 0);
	/* Closed fd 3. */
	cr_assert_eq(run_child(child_listen_bad, -1), 0);
	/* A listening socket: an Accept=no unit. */
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	cr_assert_eq(bind(lfd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	cr_assert_eq(listen(lfd, 1), 0);
	cr_assert_eq(run_child(child_listen_bad, lfd), 0);
	close(lfd);
}

/*
 * peer_format_ip writes what inet_ntop(3) writes: random addresses whose
 * 16-bit groups are often zero (so that runs of every length and place
 * compress), the IPv4-compatible and -mapped forms, and random IPv4.
 */
Test(peer, format_ip_agrees_with_inet_ntop)
{
	uint64_t x = 0x9E3779B97F4A7C15u;
	unsigned char a[16];
	char want[INET6_ADDRSTRLEN], got[PEER_ADDR_SIZE];
	int round, i;

	for (round = 0; round < 200000; round++) {
		for (i = 0; i < 8; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			/* Half the groups zero, some 0xffff, the rest any. */
			if (x % 4 < 2) {
				a[2 * i] = a[2 * i + 1] = 0;
			} else if (x % 8 == 2) {
				a[2 * i] = a[2 * i + 1] = 0xff;
			} else {
				a[2 * i] = (unsigned char)(x >> 8);
				a[2 * i + 1] = (unsigned char)(x >> 16);
				if (x % 16 == 3)
					a[2 * i] = 0; /* short groups */
			}
		}
		/* The shapes of ::a.b.c.d and ::ffff:a.b.c.d. */
		if (round % 7 == 0)
			memset(a, 0, 10);
		if (round % 14 == 7)
			a[10] = a[11] = 0xff;
		cr_assert_not_null(inet_ntop(AF_INET6, a, want, sizeof(want)));
		peer_format_ip(AF_INET6, a, got);
		cr_assert_str_eq(got, want);
		cr_assert_not_null(
			inet_ntop(AF_INET, a + 12, want, sizeof(want)));
		peer_format_ip(AF_INET, a + 12, got);
		cr_assert_str_eq(got, want);
	}
}
