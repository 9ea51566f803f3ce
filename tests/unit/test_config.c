/*
 * test_config.c: the configuration file of INTERFACE.md: defaults, every
 * key with good and bad values, numeric bounds at N-1/N/N+1, overflow,
 * syntax (comments, blanks, duplicates, long lines), missing files, lists
 * and config_is_local_domain. Files live in a mkdtemp directory.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "config.h" alone would find autoconf's header first (-I. comes first). */
#include "../../src/lib/config.h"

static char dir[1024];
static char path[1100];
static char err[8192];
static struct config cfg;

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, sizeof dir, "%s/test_config.XXXXXX",
		 tmp != NULL && *tmp != '\0' ? tmp : ".");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/postern.conf", dir);
	err[0] = '\0';
}

static void teardown(void)
{
	(void)unlink(path);
	(void)rmdir(dir);
}

TestSuite(config, .init = setup, .fini = teardown);

/* Writes n octets as the configuration file and loads it (-c given). */
static int load_n(const char *text, size_t n)
{
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f);
	cr_assert_eq(fwrite(text, 1, n, f), n);
	cr_assert_eq(fclose(f), 0);
	return config_load(&cfg, path, true, err, sizeof err);
}

static int load(const char *text)
{
	return load_n(text, strlen(text));
}

/* Asserts that text fails on line with a message containing what. */
static void load_fails(const char *text, unsigned line, const char *what)
{
	char prefix[1200];

	cr_assert_eq(load(text), -1, "accepted: %s", text);
	snprintf(prefix, sizeof prefix, "%s:%u: ", path, line);
	cr_assert_eq(strncmp(err, prefix, strlen(prefix)), 0, "'%s' for '%s'",
		     err, text);
	cr_assert_not_null(strstr(err, what), "'%s' lacks '%s'", err, what);
}

static void assert_defaults(const struct config *c)
{
	cr_assert_gt(strlen(c->hostname), 0);
	cr_assert_eq(c->n_local_domains, 1);
	cr_assert_eq(strcasecmp(c->local_domains[0], c->hostname), 0);
	cr_assert_str_eq(c->users_file, SYSCONFDIR "/postern/users");
	cr_assert_str_eq(c->mail_root, LOCALSTATEDIR "/mail/postern");
	cr_assert_str_eq(c->postmaster, "");
	cr_assert_eq(c->strict_rfc821_envelopes, false);
	cr_assert_eq(c->message_size_limit, 10240000);
	cr_assert_eq(c->recipient_limit, 100);
	cr_assert_eq(c->relay_argc, 0);
	cr_assert_null(c->relay_argv[0]);
	cr_assert_eq(c->loopback_is_local, true);
	cr_assert_eq(c->plaintext_auth, PLAINTEXT_AUTH_LOCAL);
	cr_assert_eq(c->auth_failure_delay, 2);
	cr_assert_eq(c->auth_failure_limit, 3);
	cr_assert_eq(c->sender_login_match, true);
	cr_assert_eq(c->bare_line_ends, BARE_LINE_ENDS_REJECT);
	cr_assert_eq(c->error_limit, 10);
	cr_assert_eq(c->smtpd_timeout, 300);
	cr_assert_eq(c->pop3d_timeout, 600);
}

Test(config, defaults)
{
	char host[POSTERN_MAX_DOMAIN + 1] = "";

	config_defaults(&cfg);
	assert_defaults(&cfg);
	/* the system's name when it is a domain name (it is, here or not) */
	if (gethostname(host, sizeof host) == 0 &&
	    strcmp(cfg.hostname, "localhost") != 0)
		cr_assert_str_eq(cfg.hostname, host);
}

Test(config, missing_file_without_and_with_explicit)
{
	cr_assert_eq(config_load(&cfg, path, false, err, sizeof err), 0);
	assert_defaults(&cfg);
	cr_assert_eq(config_load(&cfg, path, true, err, sizeof err), -1);
	cr_assert_not_null(strstr(err, path));
	cr_assert_not_null(strstr(err, "No such file"), "%s", err);
}

Test(config, unreadable_file_is_an_error_even_without_explicit)
{
	char fifo[1200];

	/* a directory: only a missing default file means defaults */
	cr_assert_eq(config_load(&cfg, dir, false, err, sizeof err), -1);
	cr_assert_not_null(strstr(err, dir), "%s", err);
	cr_assert_not_null(strstr(err, "not a regular file"), "%s", err);
	/* a FIFO without a writer fails at once instead of hanging */
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	cr_assert_eq(mkfifo(fifo, 0600), 0);
	cr_assert_eq(config_load(&cfg, fifo, true, err, sizeof err), -1);
	cr_assert_not_null(strstr(err, "not a regular file"), "%s", err);
	(void)unlink(fifo);
	/* unreadable: permission denied (skipped as root, who reads all) */
	if (geteuid() != 0) {
		cr_assert_eq(load("recipient_limit = 5\n"), 0);
		cr_assert_eq(chmod(path, 0), 0);
		cr_assert_eq(config_load(&cfg, path, false, err, sizeof err),
			     -1);
		cr_assert_not_null(strstr(err, "Permission denied"), "%s", err);
	}
}

Test(config, empty_file_and_comments_only)
{
	cr_assert_eq(load(""), 0);
	assert_defaults(&cfg);
	cr_assert_eq(load("# nothing\n\n   \n\t# indented\n#no=key\n"), 0);
	assert_defaults(&cfg);
}

Test(config, every_key)
{
	cr_assert_eq(load("hostname = MX.Example.org\n"
			  "local_domains = example.org, Example.NET\n"
			  "users_file = /etc/p/users\n"
			  "mail_root = /srv/mail\n"
			  "postmaster = krissyj@example.org\n"
			  "strict_rfc821_envelopes = yes\n"
			  "message_size_limit = 0\n"
			  "recipient_limit = 2\n"
			  "relay_command = /usr/sbin/sendmail -i -f\n"
			  "loopback_is_local = no\n"
			  "plaintext_auth = yes\n"
			  "auth_failure_delay = 0\n"
			  "auth_failure_limit = 1\n"
			  "sender_login_match = no\n"
			  "bare_line_ends = normalize\n"
			  "error_limit = 20\n"
			  "smtpd_timeout = 60\n"
			  "pop3d_timeout = 1200\n"),
		     0, "%s", err);
	cr_assert_str_eq(cfg.hostname, "MX.Example.org");
	cr_assert_eq(cfg.n_local_domains, 2);
	cr_assert_str_eq(cfg.local_domains[0], "example.org");
	cr_assert_str_eq(cfg.local_domains[1], "example.net");
	cr_assert_str_eq(cfg.users_file, "/etc/p/users");
	cr_assert_str_eq(cfg.mail_root, "/srv/mail");
	cr_assert_str_eq(cfg.postmaster, "krissyj@example.org");
	cr_assert_eq(cfg.strict_rfc821_envelopes, true);
	cr_assert_eq(cfg.message_size_limit, 0);
	cr_assert_eq(cfg.recipient_limit, 2);
	cr_assert_eq(cfg.relay_argc, 3);
	cr_assert_str_eq(cfg.relay_argv[0], "/usr/sbin/sendmail");
	cr_assert_str_eq(cfg.relay_argv[1], "-i");
	cr_assert_str_eq(cfg.relay_argv[2], "-f");
	cr_assert_null(cfg.relay_argv[3]);
	cr_assert_eq(cfg.loopback_is_local, false);
	cr_assert_eq(cfg.plaintext_auth, PLAINTEXT_AUTH_YES);
	cr_assert_eq(cfg.auth_failure_delay, 0);
	cr_assert_eq(cfg.auth_failure_limit, 1);
	cr_assert_eq(cfg.sender_login_match, false);
	cr_assert_eq(cfg.bare_line_ends, BARE_LINE_ENDS_NORMALIZE);
	cr_assert_eq(cfg.error_limit, 20);
	cr_assert_eq(cfg.smtpd_timeout, 60);
	cr_assert_eq(cfg.pop3d_timeout, 1200);
}

Test(config, enum_and_boolean_words)
{
	cr_assert_eq(load("plaintext_auth = no\nbare_line_ends = reject\n"
			  "strict_rfc821_envelopes = YES\n"
			  "loopback_is_local = No\n"),
		     0, "%s", err);
	cr_assert_eq(cfg.plaintext_auth, PLAINTEXT_AUTH_NO);
	cr_assert_eq(cfg.bare_line_ends, BARE_LINE_ENDS_REJECT);
	cr_assert_eq(cfg.strict_rfc821_envelopes, true);
	cr_assert_eq(cfg.loopback_is_local, false);
	cr_assert_eq(load("plaintext_auth = Local\n"), 0, "%s", err);
	cr_assert_eq(cfg.plaintext_auth, PLAINTEXT_AUTH_LOCAL);
}

Test(config, bad_values)
{
	static const struct {
		const char *line, *what;
	} bad[] = {
		{ "strict_rfc821_envelopes = true", "not yes or no" },
		{ "loopback_is_local = 1", "not yes or no" },
		{ "sender_login_match =", "not yes or no" },
		{ "sender_login_match = yes no", "not yes or no" },
		{ "plaintext_auth = tls", "not local, yes or no" },
		{ "bare_line_ends = fix", "not reject or normalize" },
		{ "recipient_limit = ten", "recipient_limit: not a decimal" },
		{ "recipient_limit = -1", "not a decimal" },
		{ "recipient_limit = +5", "not a decimal" },
		{ "recipient_limit = 0x10", "not a decimal" },
		{ "recipient_limit = 1 0", "not a decimal" },
		{ "recipient_limit = 5k", "not a decimal" },
		{ "recipient_limit =", "not a decimal" },
		{ "hostname = -mx.example.org", "not a valid domain" },
		{ "hostname = mx-.example.org", "not a valid domain" },
		{ "hostname = mx..example.org", "not a valid domain" },
		{ "hostname = mx.example.org.", "not a valid domain" },
		{ "hostname = mx_1.example.org", "not a valid domain" },
		{ "hostname = [192.0.2.1]", "not a valid domain" },
		{ "hostname = mx example", "not a valid domain" },
		{ "hostname =", "not a valid domain" },
		{ "local_domains = example.org, bad_domain", "not a valid" },
		{ "local_domains = , ,", "empty list" },
		{ "local_domains =", "empty list" },
		{ "users_file = etc/users", "not an absolute path" },
		{ "users_file =", "not an absolute path" },
		{ "mail_root = ~/mail", "not an absolute path" },
		{ "postmaster = a:b", "not a valid login" },
		{ "postmaster = a/b", "not a valid login" },
		{ "postmaster = a b", "not a valid login" },
		{ "postmaster = ..", "not a valid login" },
		{ "postmaster = .", "not a valid login" },
		{ "relay_command = sendmail -i", "not an absolute path" },
		{ "hostname = a\x01.example", "control character" },
		{ "hostname = a.example\x7f", "control character" },
		{ "hostname = a.example\rx", "control character" },
	};

	char text[256];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(text, sizeof text, "# first\n%s\n", bad[i].line);
		load_fails(text, 2, bad[i].what);
	}
}

Test(config, nul_in_file)
{
	cr_assert_eq(load_n("hostname = a\0b.example\n", 23), -1);
	cr_assert_not_null(strstr(err, ":1: control character"), "%s", err);
}

/* Loads "key = v" and checks the result against expect_ok. */
static void try_number(const char *key, unsigned long long v, bool expect_ok)
{
	char text[128];

	snprintf(text, sizeof text, "%s = %llu\n", key, v);
	if (expect_ok)
		cr_assert_eq(load(text), 0, "%s: %s", text, err);
	else
		load_fails(text, 1, "not a decimal number from");
}

Test(config, numeric_bounds)
{
	static const struct {
		const char *key;
		unsigned long long min, max;
	} keys[] = {
		{ "message_size_limit", 0, 1ULL << 40 },
		{ "recipient_limit", 1, 10000 },
		{ "auth_failure_delay", 0, 60 },
		{ "auth_failure_limit", 1, 100 },
		{ "error_limit", 1, 1000 },
		{ "smtpd_timeout", 1, 3600 },
		{ "pop3d_timeout", 1, 7200 },
	};

	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (keys[i].min > 0)
			try_number(keys[i].key, keys[i].min - 1, false);
		try_number(keys[i].key, keys[i].min, true);
		try_number(keys[i].key, keys[i].min + 1, true);
		try_number(keys[i].key, keys[i].max - 1, true);
		try_number(keys[i].key, keys[i].max, true);
		try_number(keys[i].key, keys[i].max + 1, false);
	}
	cr_assert_eq(load("message_size_limit = 1099511627776\n"), 0);
	cr_assert_eq(cfg.message_size_limit, 1ULL << 40);
	cr_assert_eq(load("recipient_limit = 0010000\n"), 0);
	cr_assert_eq(cfg.recipient_limit, 10000);
	load_fails("error_limit = 0\n", 1,
		   "error_limit: not a decimal number "
		   "from 1 to 1000");
}

Test(config, numeric_overflow)
{
	/* past uint64_t, and (the last two) past a 32-bit unsigned */
	static const char *const big[] = {
		"99999999999999999999",
		"18446744073709551615",
		"18446744073709551616",
		"000000000000000000000000000000099999999999999999999",
		"4294967296",
		"4294967297",
	};
	char text[128];
	size_t i;

	for (i = 0; i < sizeof big / sizeof big[0]; i++) {
		if (i < 4) {
			snprintf(text, sizeof text, "message_size_limit = %s\n",
				 big[i]);
			load_fails(text, 1, "not a decimal number");
		}
		snprintf(text, sizeof text, "recipient_limit = %s\n", big[i]);
		load_fails(text, 1, "not a decimal number");
	}
}

Test(config, unknown_key_names_file_and_line)
{
	char want[1200];

	cr_assert_eq(load("hostname = mx.example.org\n\n# note\nbogus = 1\n"),
		     -1);
	snprintf(want, sizeof want, "%s:4: unknown key 'bogus'", path);
	cr_assert_str_eq(err, want);
	/* keys are case-sensitive, and a key needs its '=' */
	load_fails("Hostname = mx.example.org\n", 1, "unknown key 'Hostname'");
	load_fails("\n\nhostname mx.example.org\n", 3, "missing '='");
	load_fails("= mx.example.org\n", 1, "unknown key ''");
	load_fails("hostname\n", 1, "missing '='");
}

Test(config, duplicate_keys_take_the_last_value)
{
	cr_assert_eq(load("recipient_limit = 5\nrecipient_limit = 7\n"
			  "local_domains = a.example b.example\n"
			  "local_domains = c.example\n"
			  "relay_command = /bin/a x y z\n"
			  "relay_command = /bin/b\n"
			  "postmaster = alice\npostmaster =\n"),
		     0, "%s", err);
	cr_assert_eq(cfg.recipient_limit, 7);
	cr_assert_eq(cfg.n_local_domains, 1);
	cr_assert_str_eq(cfg.local_domains[0], "c.example");
	cr_assert_eq(cfg.relay_argc, 1);
	cr_assert_str_eq(cfg.relay_argv[0], "/bin/b");
	cr_assert_null(cfg.relay_argv[1]);
	cr_assert_str_eq(cfg.postmaster, "");
	/* an empty relay_command turns relaying off again */
	cr_assert_eq(load("relay_command = /bin/a\nrelay_command =\n"), 0);
	cr_assert_eq(cfg.relay_argc, 0);
	cr_assert_null(cfg.relay_argv[0]);
}

Test(config, blanks_and_line_ends)
{
	cr_assert_eq(load("recipient_limit=3\n"
			  "  error_limit =4\n"
			  "\tsmtpd_timeout\t=\t5 \t\n"
			  "pop3d_timeout = 6\r\n"
			  "mail_root = /srv/my mail  \n"
			  "hostname=mx.example.org"),
		     0, "%s", err);
	cr_assert_eq(cfg.recipient_limit, 3);
	cr_assert_eq(cfg.error_limit, 4);
	cr_assert_eq(cfg.smtpd_timeout, 5);
	cr_assert_eq(cfg.pop3d_timeout, 6);
	cr_assert_str_eq(cfg.mail_root, "/srv/my mail");
	/* the last line had no LF; local_domains follows the hostname */
	cr_assert_str_eq(cfg.hostname, "mx.example.org");
	cr_assert_str_eq(cfg.local_domains[0], "mx.example.org");
}

Test(config, local_domains_default_to_the_configured_hostname)
{
	cr_assert_eq(load("hostname = MX.Example.ORG\n"), 0, "%s", err);
	cr_assert_str_eq(cfg.hostname, "MX.Example.ORG");
	cr_assert_eq(cfg.n_local_domains, 1);
	cr_assert_str_eq(cfg.local_domains[0], "mx.example.org");
	/* order does not matter: local_domains wins when given */
	cr_assert_eq(load("local_domains = example.org\nhostname = mx.b.c\n"),
		     0);
	cr_assert_eq(cfg.n_local_domains, 1);
	cr_assert_str_eq(cfg.local_domains[0], "example.org");
}

Test(config, lists_with_commas_and_spaces)
{
	cr_assert_eq(load("local_domains = A.example, b.example c.example,,"
			  "d.example\t e.example ,f.example, a.example\n"),
		     0, "%s", err);
	/* lower-cased, in order, a repeated domain kept once */
	cr_assert_eq(cfg.n_local_domains, 6);
	cr_assert_str_eq(cfg.local_domains[0], "a.example");
	cr_assert_str_eq(cfg.local_domains[1], "b.example");
	cr_assert_str_eq(cfg.local_domains[2], "c.example");
	cr_assert_str_eq(cfg.local_domains[3], "d.example");
	cr_assert_str_eq(cfg.local_domains[4], "e.example");
	cr_assert_str_eq(cfg.local_domains[5], "f.example");
}

/* A local_domains line with n distinct domains. */
static void domains_line(char *text, size_t size, size_t n)
{
	size_t i, len = (size_t)snprintf(text, size, "local_domains =");

	for (i = 0; i < n; i++)
		len += (size_t)snprintf(text + len, size - len, " d%zu.example",
					i);
	snprintf(text + len, size - len, "\n");
}

Test(config, local_domains_count_limit)
{
	static char text[4096];

	domains_line(text, sizeof text, CONFIG_MAX_LOCAL_DOMAINS - 1);
	cr_assert_eq(load(text), 0, "%s", err);
	cr_assert_eq(cfg.n_local_domains, CONFIG_MAX_LOCAL_DOMAINS - 1);
	domains_line(text, sizeof text, CONFIG_MAX_LOCAL_DOMAINS);
	cr_assert_eq(load(text), 0, "%s", err);
	cr_assert_eq(cfg.n_local_domains, CONFIG_MAX_LOCAL_DOMAINS);
	cr_assert_str_eq(cfg.local_domains[CONFIG_MAX_LOCAL_DOMAINS - 1],
			 "d63.example");
	domains_line(text, sizeof text, CONFIG_MAX_LOCAL_DOMAINS + 1);
	load_fails(text, 1, "local_domains: too many domains");
}

Test(config, domain_label_and_name_lengths)
{
	static char text[1024], name[512];
	size_t n;

	/* a label of 63 octets is fine, 64 is not (RFC 1035 2.3.4) */
	memset(name, 'a', 63);
	snprintf(name + 63, sizeof name - 63, ".example");
	snprintf(text, sizeof text, "hostname = %s\n", name);
	cr_assert_eq(load(text), 0, "%s", err);
	memset(name, 'a', 64);
	snprintf(name + 64, sizeof name - 64, ".example");
	snprintf(text, sizeof text, "hostname = %s\n", name);
	load_fails(text, 1, "not a valid domain");
	/* a name of 255 octets is fine, 256 is not (RFC 5321 4.5.3.1.2) */
	for (n = POSTERN_MAX_DOMAIN; n <= POSTERN_MAX_DOMAIN + 1; n++) {
		size_t i;

		memset(name, 'b', n);
		for (i = 50; i < n - 1; i += 51)
			name[i] = '.';
		name[n] = '\0';
		snprintf(text, sizeof text, "local_domains = %s\n", name);
		if (n <= POSTERN_MAX_DOMAIN) {
			cr_assert_eq(load(text), 0, "%s", err);
			cr_assert_str_eq(cfg.local_domains[0], name);
		} else {
			load_fails(text, 1, "not a valid domain");
		}
	}
}

Test(config, is_local_domain_ignores_case)
{
	cr_assert_eq(load("local_domains = example.org Mail.Example.NET\n"), 0);
	cr_assert(config_is_local_domain(&cfg, "example.org"));
	cr_assert(config_is_local_domain(&cfg, "EXAMPLE.ORG"));
	cr_assert(config_is_local_domain(&cfg, "eXample.Org"));
	cr_assert(config_is_local_domain(&cfg, "mail.example.net"));
	cr_assert(config_is_local_domain(&cfg, "MAIL.EXAMPLE.NET"));
	cr_assert(!config_is_local_domain(&cfg, "example.net"));
	cr_assert(!config_is_local_domain(&cfg, "example.org."));
	cr_assert(!config_is_local_domain(&cfg, "xexample.org"));
	cr_assert(!config_is_local_domain(&cfg, "example.or"));
	cr_assert(!config_is_local_domain(&cfg, ""));
	cr_assert(!config_is_local_domain(&cfg, NULL));
}

Test(config, relay_command_words)
{
	static char text[512];
	size_t len, i;

	/* CONFIG_RELAY_ARGV_SIZE - 1 words fit, with the NULL after them */
	len = (size_t)snprintf(text, sizeof text, "relay_command = /bin/r");
	for (i = 1; i < CONFIG_RELAY_ARGV_SIZE - 1; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, " a%zu",
					i);
	snprintf(text + len, sizeof text - len, "\n");
	cr_assert_eq(load(text), 0, "%s", err);
	cr_assert_eq(cfg.relay_argc, CONFIG_RELAY_ARGV_SIZE - 1);
	cr_assert_str_eq(cfg.relay_argv[CONFIG_RELAY_ARGV_SIZE - 2], "a14");
	cr_assert_null(cfg.relay_argv[CONFIG_RELAY_ARGV_SIZE - 1]);
	snprintf(text + len, sizeof text - len, " one-more\n");
	load_fails(text, 1, "relay_command: too many words");
	/* tabs and runs of blanks separate words; no shell quoting */
	cr_assert_eq(
		load("relay_command = \t/usr/sbin/sendmail\t -oi  'a b'\n"), 0,
		"%s", err);
	cr_assert_eq(cfg.relay_argc, 4);
	cr_assert_str_eq(cfg.relay_argv[1], "-oi");
	cr_assert_str_eq(cfg.relay_argv[2], "'a");
	cr_assert_str_eq(cfg.relay_argv[3], "b'");
}

/* A comment line of n octets (without its LF), then a bad key line. */
static int long_line(size_t n)
{
	static char text[2 * POSTERN_MAX_FILE_LINE];

	cr_assert(n + 16 < sizeof text);
	memset(text, 'x', n);
	text[0] = '#';
	memcpy(text + n, "\nbogus = 1\n", 12);
	return load(text);
}

Test(config, line_length_limit)
{
	long_line(POSTERN_MAX_FILE_LINE - 1);
	cr_assert_not_null(strstr(err, ":2: unknown key"), "%s", err);
	long_line(POSTERN_MAX_FILE_LINE);
	cr_assert_not_null(strstr(err, ":2: unknown key"), "%s", err);
	cr_assert_eq(long_line(POSTERN_MAX_FILE_LINE + 1), -1);
	cr_assert_not_null(strstr(err, ":1: line longer than 4096"), "%s", err);
	/* an over-long last line without its LF */
	{
		static char text[POSTERN_MAX_FILE_LINE + 32];

		memcpy(text, "hostname = a.example\n", 21);
		memset(text + 21, '#', POSTERN_MAX_FILE_LINE + 1);
		text[21 + POSTERN_MAX_FILE_LINE + 1] = '\0';
		load_fails(text, 2, "line longer than");
	}
}

Test(config, long_value_at_the_limit)
{
	static char text[POSTERN_MAX_FILE_LINE + 2];
	const char *key = "relay_command = /";
	size_t klen = strlen(key);

	memcpy(text, key, klen);
	memset(text + klen, 'r', POSTERN_MAX_FILE_LINE - klen);
	text[POSTERN_MAX_FILE_LINE] = '\0';
	cr_assert_eq(load(text), 0, "%s", err);
	cr_assert_eq(strlen(cfg.relay_argv[0]),
		     POSTERN_MAX_FILE_LINE - klen + 1);
}

Test(config, file_size_limit)
{
	FILE *f = fopen(path, "w");
	size_t n = 0;

	cr_assert_not_null(f);
	while (n <= CONFIG_MAX_FILE_SIZE) {
		cr_assert_eq(fputs("# padding padding padding padding\n", f) >=
				     0,
			     true);
		n += 34;
	}
	cr_assert_eq(fclose(f), 0);
	cr_assert_eq(config_load(&cfg, path, true, err, sizeof err), -1);
	cr_assert_not_null(strstr(err, "larger than"), "%s", err);
}
