/*
 * test_log_backends.c: log.c's journal and syslog backends against
 * datagram listeners bound by the test itself at the journal's socket and
 * at /dev/log, inside a private mount namespace (each Criterion test runs
 * in its own process), and that libsystemd is loaded only for the journal.
 */
#include <criterion/criterion.h>
#include <dlfcn.h>
#include <link.h>
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <fcntl.h>
#include <unistd.h>

#include "log.h"
#include "sdload.h"

#define JOURNAL_SOCKET "/run/systemd/journal/socket"

static void clear_env(void)
{
	unsetenv("JOURNAL_STREAM");
	unsetenv("SYSTEMD_EXEC_PID");
}

TestSuite(logb, .init = clear_env);

/*
 * This test process's own mounts, or a skip. Only as root: a user
 * namespace cannot be entered by the test process, which has threads
 * (unshare(2): EINVAL); the log-*.sh tests cover that case with unshare -rm.
 */
static void private_mounts(void)
{
	if (unshare(CLONE_NEWNS) != 0)
		cr_skip_test("no private mount namespace (needs root): %s",
			     strerror(errno));
	cr_assert_eq(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), 0);
}

/* An empty tmpfs on dir, seen only by this test. */
static void tmpfs_on(const char *dir)
{
	cr_assert_eq(mount("tmpfs", dir, "tmpfs", 0, "mode=0755"), 0,
		     "mount %s: %s", dir, strerror(errno));
}

/* A datagram socket bound at path, as journald and syslogd bind theirs. */
static int listen_at(const char *path)
{
	struct sockaddr_un sun;
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);

	cr_assert(fd >= 0);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", path);
	cr_assert_eq(bind(fd, (struct sockaddr *)&sun, sizeof(sun)), 0,
		     "bind %s: %s", path, strerror(errno));
	return fd;
}

/* The journal's socket on a fresh /run. */
static int journal_listener(void)
{
	tmpfs_on("/run");
	cr_assert_eq(mkdir("/run/systemd", 0755), 0);
	cr_assert_eq(mkdir("/run/systemd/journal", 0755), 0);
	return listen_at(JOURNAL_SOCKET);
}

/* /dev/log on a fresh /dev; nothing in this test needs the rest. */
static int syslog_listener(void)
{
	tmpfs_on("/dev");
	return listen_at("/dev/log");
}

/* One datagram, NUL-terminated; waits up to 2 s, -1 on none. */
static ssize_t recv_one(int fd, char *buf, size_t size, int wait_ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	ssize_t r;

	if (poll(&pfd, 1, wait_ms) != 1)
		return -1;
	r = recv(fd, buf, size - 1, 0);
	cr_assert(r >= 0);
	buf[r] = '\0';
	return r;
}

/* Makes fd 2 one end of a stream socketpair (a journal stream, or the
   connection under inetd); returns the other end. */
static int socket_stderr(void)
{
	int sv[2];

	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	cr_assert_eq(dup2(sv[0], STDERR_FILENO), STDERR_FILENO);
	close(sv[0]);
	return sv[1];
}

/* JOURNAL_STREAM naming fd 2, as systemd sets it (systemd.exec(5)). */
static void set_journal_stream(void)
{
	struct stat st;
	char v[64];

	cr_assert_eq(fstat(STDERR_FILENO, &st), 0);
	snprintf(v, sizeof(v), "%llu:%llu", (unsigned long long)st.st_dev,
		 (unsigned long long)st.st_ino);
	setenv("JOURNAL_STREAM", v, 1);
}

/* Asks the dynamic loader itself, not sdload's own flag. */
static bool libsystemd_mapped(void)
{
	void *h = dlopen("libsystemd.so.0", RTLD_LAZY | RTLD_NOLOAD);

	if (h != NULL)
		dlclose(h);
	return h != NULL;
}

static void assert_nothing_on(int fd)
{
	char c;

	cr_assert_eq(recv(fd, &c, 1, MSG_DONTWAIT), -1);
	cr_assert_eq(errno, EAGAIN);
}

Test(logb, journal_stream_entry)
{
	char buf[8192];
	int j, peer;

	private_mounts();
	j = journal_listener();
	peer = socket_stderr();
	set_journal_stream();
	log_init("smtpd");
	log_set_field("peer", "192.0.2.1");
	log_set_field("session", "S1");
	/* Chosen, but nothing loaded before the first entry. */
	cr_assert_not(libsystemd_mapped());
	log_msg(LOG_NOTICE, "event=auth mech=PLAIN result=failed "
			    "error=\"bad password\" free words x=1 =y z=");
	cr_assert(recv_one(j, buf, sizeof(buf), 2000) > 0);
	cr_assert_str_eq(
		buf,
		"MESSAGE=peer=192.0.2.1 session=S1 event=auth mech=PLAIN "
		"result=failed error=\"bad password\" free words x=1 =y z=\n"
		"PRIORITY=5\nSYSLOG_FACILITY=2\nSYSLOG_IDENTIFIER=smtpd\n"
		"POSTERN_PEER=192.0.2.1\nPOSTERN_SESSION=S1\n"
		"POSTERN_EVENT=auth\nPOSTERN_MECH=PLAIN\n"
		"POSTERN_RESULT=failed\nPOSTERN_ERROR=bad password\n"
		"POSTERN_X=1\nPOSTERN_Z=\n");
	cr_assert(libsystemd_mapped());
	cr_assert(sdload_loaded());
	/* Not a byte onto fd 2. */
	assert_nothing_on(peer);
}

Test(logb, journal_values_escaped_and_bounded)
{
	char buf[16384], msg[2048], want[128], key[64];
	size_t n = 0;
	const char *p;
	int j, i;

	private_mounts();
	j = journal_listener();
	socket_stderr();
	set_journal_stream();
	log_init("pop3d");
	log_set_field("login", "a b\n\"=");
	/* A key of 56 characters is a field, one of 57 is none. */
	memset(key, 'k', 56);
	key[56] = '\0';
	n += (size_t)snprintf(msg + n, sizeof(msg) - n, "%s=a K%s=b", key, key);
	for (i = 0; i < 100; i++)
		n += (size_t)snprintf(msg + n, sizeof(msg) - n, " f%d=%d", i,
				      i);
	log_msg(LOG_ERR, "%s\nforged=1", msg);
	cr_assert(recv_one(j, buf, sizeof(buf), 2000) > 0);
	cr_assert(strstr(buf, "\nPRIORITY=3\n") != NULL);
	cr_assert(strstr(buf, "\nPOSTERN_LOGIN=a\\x20b\\x0a\\x22\\x3d\n"));
	memset(key, 'K', 56);
	snprintf(want, sizeof(want), "\nPOSTERN_%s=a\n", key);
	cr_assert(strstr(buf, want) != NULL, "%s", buf);
	cr_assert(strstr(buf, "=b\n") == NULL);
	/* At most 40 pairs become fields: login, the long key, f0..f37. */
	cr_assert(strstr(buf, "\nPOSTERN_F37=37\n") != NULL);
	cr_assert(strstr(buf, "POSTERN_F38=") == NULL);
	/* The newline stayed out of MESSAGE, so nothing could be forged. */
	cr_assert(strstr(buf, "f99=99?forged=1\n") != NULL);
	for (i = 0, p = buf; (p = strstr(p, "\nPOSTERN_")) != NULL; p++)
		i++;
	cr_assert_eq(i, 40);
}

Test(logb, unit_process_with_socket_stderr_uses_journal)
{
	char buf[4096], pid[32];
	int j, peer;

	private_mounts();
	j = journal_listener();
	peer = socket_stderr();
	/* StandardInput=socket: fd 2 is the connection, no JOURNAL_STREAM. */
	snprintf(pid, sizeof(pid), "%ld", (long)getpid());
	setenv("SYSTEMD_EXEC_PID", pid, 1);
	log_init("smtpd");
	log_msg(LOG_INFO, "event=connect");
	cr_assert(recv_one(j, buf, sizeof(buf), 2000) > 0);
	cr_assert(strncmp(buf, "MESSAGE=event=connect\nPRIORITY=6\n", 33) == 0);
	assert_nothing_on(peer);
}

Test(logb, child_of_a_unit_uses_syslog)
{
	char buf[4096], pid[32];
	int j, s, peer;

	private_mounts();
	j = journal_listener();
	s = syslog_listener();
	peer = socket_stderr();
	/* inetd run as a service: the variable names inetd, not us. */
	snprintf(pid, sizeof(pid), "%ld", (long)getppid());
	setenv("SYSTEMD_EXEC_PID", pid, 1);
	log_init("smtpd");
	log_msg(LOG_INFO, "event=connect");
	cr_assert(recv_one(s, buf, sizeof(buf), 2000) > 0);
	assert_nothing_on(j);
	assert_nothing_on(peer);
	cr_assert_not(libsystemd_mapped());
}

Test(logb, syslog_mail_facility_ident_pid)
{
	char buf[4096], want[128];
	int s, peer;

	private_mounts();
	s = syslog_listener();
	peer = socket_stderr();
	log_init("pop3d");
	log_set_field("peer", "192.0.2.1");
	log_msg(LOG_INFO, "event=login user=\"bob\"");
	log_msg(LOG_ERR, "event=x");
	/* RFC 3164 4.1.1: PRI = facility * 8 + severity; mail is 2. */
	cr_assert(recv_one(s, buf, sizeof(buf), 2000) > 0);
	cr_assert(strncmp(buf, "<22>", 4) == 0, "%s", buf);
	snprintf(want, sizeof(want),
		 " pop3d[%ld]: peer=192.0.2.1 event=login user=\"bob\"",
		 (long)getpid());
	cr_assert(strstr(buf, want) != NULL, "%s", buf);
	cr_assert(recv_one(s, buf, sizeof(buf), 2000) > 0);
	cr_assert(strncmp(buf, "<19>", 4) == 0, "%s", buf);
	assert_nothing_on(peer);
	cr_assert_not(libsystemd_mapped());
}

/* No journald (sd_journal_sendv would drop the entries without a word):
   a journal stream on fd 2 then means syslog, not the stream. */
Test(logb, no_journal_socket_means_syslog)
{
	char buf[4096];
	int s, peer;

	private_mounts();
	tmpfs_on("/run");
	s = syslog_listener();
	peer = socket_stderr();
	set_journal_stream();
	log_init("smtpd");
	log_msg(LOG_WARNING, "event=one");
	log_msg(LOG_INFO, "event=two");
	cr_assert(recv_one(s, buf, sizeof(buf), 2000) > 0);
	cr_assert(strncmp(buf, "<20>", 4) == 0, "%s", buf);
	cr_assert(strstr(buf, ": event=one") != NULL, "%s", buf);
	cr_assert(recv_one(s, buf, sizeof(buf), 2000) > 0);
	cr_assert(strstr(buf, ": event=two") != NULL, "%s", buf);
	assert_nothing_on(peer);
	cr_assert_not(libsystemd_mapped());
}

/* Whatever JOURNAL_STREAM says, a pipe it does not name gets lines. */
Test(logb, stale_journal_stream_means_stderr)
{
	char buf[256], want[128];
	int p[2];
	ssize_t r;

	cr_assert_eq(pipe(p), 0);
	setenv("JOURNAL_STREAM", "8:12345", 1);
	cr_assert_eq(dup2(p[1], STDERR_FILENO), STDERR_FILENO);
	close(p[1]);
	log_init("t");
	log_msg(LOG_INFO, "m");
	r = read(p[0], buf, sizeof(buf) - 1);
	cr_assert(r > 0);
	buf[r] = '\0';
	snprintf(want, sizeof(want), "t[%ld]: m\n", (long)getpid());
	cr_assert_str_eq(buf, want);
	cr_assert_not(libsystemd_mapped());
	cr_assert_str_eq(sdload_error(), "");
}

/*
 * Hides libsystemd.so.0 behind an empty file, in this test's mounts only.
 * The dynamic loader finds it beside libc (the ld.so.cache's directory on
 * Debian); a system keeping it elsewhere skips the test.
 */
static void hide_libsystemd(void)
{
	struct link_map *lm = NULL;
	char path[4096], *real, *slash;
	void *libc = dlopen("libc.so.6", RTLD_LAZY | RTLD_NOLOAD);
	int fd;

	cr_assert_not_null(libc);
	cr_assert_eq(dlinfo(libc, RTLD_DI_LINKMAP, &lm), 0);
	snprintf(path, sizeof(path), "%s", lm->l_name);
	dlclose(libc);
	slash = strrchr(path, '/');
	cr_assert_not_null(slash);
	snprintf(slash + 1, sizeof(path) - (size_t)(slash + 1 - path),
		 "libsystemd.so.0");
	real = realpath(path, NULL);
	if (real == NULL)
		cr_skip_test("no libsystemd.so.0 beside libc (%s)", path);
	fd = open("/run/empty", O_WRONLY | O_CREAT | O_EXCL, 0644);
	cr_assert(fd >= 0);
	close(fd);
	cr_assert_eq(mount("/run/empty", real, NULL, MS_BIND, NULL), 0,
		     "bind over %s: %s", real, strerror(errno));
	free(real);
}

/* Without a loadable libsystemd the journal's lines, and a word on why,
   go to syslog; the library is not tried again. */
Test(logb, journal_without_libsystemd_falls_back_to_syslog)
{
	char buf[4096];
	int j, s, peer;

	private_mounts();
	j = journal_listener();
	hide_libsystemd();
	s = syslog_listener();
	peer = socket_stderr();
	set_journal_stream();
	log_init("smtpd");
	log_msg(LOG_INFO, "event=one");
	log_msg(LOG_INFO, "event=two");
	cr_assert(recv_one(s, buf, sizeof(buf), 2000) > 0);
	cr_assert(strncmp(buf, "<20>", 4) == 0, "%s", buf);
	cr_assert(strstr(buf, ": event=log_fallback backend=syslog error=") !=
			  NULL,
		  "%s", buf);
	cr_assert(recv_one(s, buf, sizeof(buf), 2000) > 0);
	cr_assert(strstr(buf, ": event=one") != NULL, "%s", buf);
	cr_assert(recv_one(s, buf, sizeof(buf), 2000) > 0);
	cr_assert(strstr(buf, ": event=two") != NULL, "%s", buf);
	cr_assert(recv_one(s, buf, sizeof(buf), 200) < 0);
	cr_assert_str_neq(sdload_error(), "");
	cr_assert_not(sdload_loaded());
	assert_nothing_on(j);
	assert_nothing_on(peer);
}
