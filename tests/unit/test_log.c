/*
 * test_log.c: log.c's stderr lines (captured through a pipe on fd 2), its
 * fields, log_escape's escaping and truncation, and that nothing reaches
 * fd 2 when it is a socket (the connection under inetd) or closed.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"

struct capture {
	int saved, rfd;
};

/* Points fd 2 at a pipe whose other end we read later. */
static void capture_begin(struct capture *c)
{
	int p[2];

	cr_assert_eq(pipe(p), 0);
	c->saved = dup(STDERR_FILENO);
	cr_assert(c->saved >= 0);
	cr_assert_eq(dup2(p[1], STDERR_FILENO), STDERR_FILENO);
	close(p[1]);
	c->rfd = p[0];
}

/* Restores fd 2 and returns what was written to it, NUL-terminated. */
static size_t capture_end(struct capture *c, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t r;

	dup2(c->saved, STDERR_FILENO);
	close(c->saved);
	while (len < size - 1 &&
	       (r = read(c->rfd, buf + len, size - 1 - len)) > 0)
		len += (size_t)r;
	buf[len] = '\0';
	close(c->rfd);
	return len;
}

static void prefix(char *buf, size_t size, const char *ident)
{
	snprintf(buf, size, "%s[%ld]: ", ident, (long)getpid());
}

Test(log, stderr_line)
{
	struct capture c;
	char out[512], want[512], pre[64];

	capture_begin(&c);
	log_init("smtpd");
	log_msg(LOG_INFO, "event=%s n=%d", "start", 42);
	capture_end(&c, out, sizeof(out));
	prefix(pre, sizeof(pre), "smtpd");
	snprintf(want, sizeof(want), "%sevent=start n=42\n", pre);
	cr_assert_str_eq(out, want);
}

Test(log, fields_prefix_replace_remove)
{
	struct capture c;
	char out[1024], want[1024], pre[64];

	capture_begin(&c);
	log_init("pop3d");
	log_set_field("session", "a1b2");
	log_set_field("peer", "192.0.2.1");
	log_msg(LOG_INFO, "one");
	log_set_field("peer", "2001:db8::1");
	log_msg(LOG_INFO, "two");
	log_set_field("session", NULL);
	log_set_field("nosuch", NULL);
	log_msg(LOG_INFO, "three");
	capture_end(&c, out, sizeof(out));
	prefix(pre, sizeof(pre), "pop3d");
	snprintf(want, sizeof(want),
		 "%ssession=a1b2 peer=192.0.2.1 one\n"
		 "%ssession=a1b2 peer=2001:db8::1 two\n"
		 "%speer=2001:db8::1 three\n",
		 pre, pre, pre);
	cr_assert_str_eq(out, want);
}

Test(log, at_most_eight_fields)
{
	struct capture c;
	char out[1024], want[1024], key[8], pre[64];
	int i;

	capture_begin(&c);
	log_init("t");
	for (i = 0; i < 9; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		log_set_field(key, "v");
	}
	log_msg(LOG_INFO, "m");
	capture_end(&c, out, sizeof(out));
	prefix(pre, sizeof(pre), "t");
	snprintf(want, sizeof(want),
		 "%sk0=v k1=v k2=v k3=v k4=v k5=v k6=v k7=v m\n", pre);
	cr_assert_str_eq(out, want);
}

Test(log, field_values_escaped)
{
	struct capture c;
	char out[512], want[512], pre[64];

	capture_begin(&c);
	log_init("t");
	log_set_field("user", "a b=\"c\"\n");
	log_msg(LOG_INFO, "m");
	capture_end(&c, out, sizeof(out));
	prefix(pre, sizeof(pre), "t");
	snprintf(want, sizeof(want), "%suser=a\\x20b\\x3d\\x22c\\x22\\x0a m\n",
		 pre);
	cr_assert_str_eq(out, want);
}

Test(log, message_stays_one_line)
{
	struct capture c;
	char out[512], want[512], pre[64];

	capture_begin(&c);
	log_init("t");
	log_msg(LOG_INFO, "a\nb\rc%s", "\x1b[31m");
	capture_end(&c, out, sizeof(out));
	prefix(pre, sizeof(pre), "t");
	snprintf(want, sizeof(want), "%sa?b?c?[31m\n", pre);
	cr_assert_str_eq(out, want);
}

Test(log, long_message_truncated_to_one_line)
{
	static char big[10000], out[20000];
	struct capture c;
	size_t len;

	memset(big, 'x', sizeof(big) - 1);
	capture_begin(&c);
	log_init("t");
	log_msg(LOG_INFO, "%s", big);
	len = capture_end(&c, out, sizeof(out));
	cr_assert(len > 1000 && len <= 4096, "len %zu", len);
	cr_assert_eq(out[len - 1], '\n');
	cr_assert_null(memchr(out, '\n', len - 1));
}

Test(log, errno_preserved)
{
	struct capture c;
	char out[256];

	capture_begin(&c);
	log_init("t");
	errno = ENOSPC;
	log_msg(LOG_ERR, "x");
	cr_assert_eq(errno, ENOSPC);
	capture_end(&c, out, sizeof(out));
}

/* Under inetd fd 2 may be the client's socket: nothing may reach it. */
Test(log, socket_stderr_goes_to_syslog)
{
	int sv[2], saved;
	char buf[64];

	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	saved = dup(STDERR_FILENO);
	dup2(sv[0], STDERR_FILENO);
	log_init("t");
	log_msg(LOG_INFO, "must not reach the client");
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(sv[0]);
	/* Our end is closed: end of file, with no octet before it. */
	cr_assert_eq(read(sv[1], buf, sizeof(buf)), 0);
	close(sv[1]);
}

Test(log, closed_stderr_goes_to_syslog)
{
	struct stat st, null;
	int saved, p[2];
	char buf[64];

	cr_assert_eq(pipe(p), 0);
	saved = dup(STDERR_FILENO);
	close(STDERR_FILENO);
	log_init("t");
	/* Plugged, so that the next file opened does not become stderr. */
	cr_assert_eq(fstat(STDERR_FILENO, &st), 0);
	cr_assert_eq(stat("/dev/null", &null), 0);
	cr_assert(S_ISCHR(st.st_mode) && st.st_rdev == null.st_rdev);
	/* Whatever takes fd 2 later is not ours to write to. */
	cr_assert_eq(dup2(p[1], STDERR_FILENO), STDERR_FILENO);
	log_msg(LOG_INFO, "must not reach fd 2");
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(p[1]);
	cr_assert_eq(read(p[0], buf, sizeof(buf)), 0);
	close(p[0]);
}

struct esc_case {
	const char *in;
	size_t size;
	const char *out;
};

static const struct esc_case esc_cases[] = {
	{ "plain", 64, "plain" },
	{ "", 64, "" },
	{ "a b", 64, "a\\x20b" },
	{ "\"q\"", 64, "\\x22q\\x22" },
	{ "k=v", 64, "k\\x3dv" },
	{ "back\\slash", 64, "back\\x5cslash" },
	{ "\r\n\t\x01\x7f", 64, "\\x0d\\x0a\\x09\\x01\\x7f" },
	{ "caf\xc3\xa9", 64, "caf\\xc3\\xa9" },
	{ "~!#$%&'()*+,-./:;<>?@[]^_`{|}", 64,
	  "~!#$%&'()*+,-./:;<>?@[]^_`{|}" },
	/* Ten octets: they fit in 11, not in 10. */
	{ "abcdefghij", 12, "abcdefghij" },
	{ "abcdefghij", 11, "abcdefghij" },
	{ "abcdefghij", 10, "abcdef..." },
	{ "abcdefghij", 8, "abcd..." },
	/* An escape is never cut in half. */
	{ "a b c", 8, "a..." },
	{ "a b c", 12, "a\\x20b\\x20c" },
	{ "a b c", 11, "a\\x20b..." },
	{ "abcdef", 4, "..." },
	{ "abcdef", 3, ".." },
	{ "abcdef", 1, "" },
};

Test(log, escape_table)
{
	char dst[64];
	size_t i;

	for (i = 0; i < sizeof(esc_cases) / sizeof(esc_cases[0]); i++) {
		const struct esc_case *t = &esc_cases[i];

		memset(dst, 'Z', sizeof(dst));
		cr_assert_eq(log_escape(dst, t->size, t->in), dst);
		cr_assert_str_eq(dst, t->out, "case %zu: \"%s\" size %zu", i,
				 t->in, t->size);
		cr_assert(strlen(dst) < t->size);
		/* Nothing written past size. */
		if (t->size < sizeof(dst))
			cr_assert_eq(dst[t->size], 'Z', "case %zu", i);
	}
}

Test(log, escape_size_zero_writes_nothing)
{
	char dst[4] = "ZZZ";

	cr_assert_eq(log_escape(dst, 0, "abc"), dst);
	cr_assert_str_eq(dst, "ZZZ");
}
