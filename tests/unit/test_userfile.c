/*
 * test_userfile.c: the user file of INTERFACE.md: syntax and bad lines,
 * locked accounts, real $y$, $6$ and $2b$ hashes made here with
 * crypt_gensalt_rn, case-insensitive logins, recipients and postmaster,
 * the dummy hash for unknown logins, and a 10,000-account file.
 */
#include <criterion/criterion.h>
#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "userfile.h"

static char dir[256];
static struct config cfg;

static void setup(void)
{
	const char *t = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/userfile.XXXXXX", t ? t : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
	memset(&cfg, 0, sizeof(cfg));
	snprintf(cfg.users_file, sizeof(cfg.users_file), "%s/users", dir);
	snprintf(cfg.mail_root, sizeof(cfg.mail_root), "/var/mail/postern");
	snprintf(cfg.local_domains[0], sizeof(cfg.local_domains[0]),
		 "example.org");
	snprintf(cfg.local_domains[1], sizeof(cfg.local_domains[1]),
		 "mx.example.org");
	cfg.n_local_domains = 2;
}

static void teardown(void)
{
	unlink(cfg.users_file);
	rmdir(dir);
}

TestSuite(userfile, .init = setup, .fini = teardown);

/* Writes the user file: len octets (NULs allowed) of content. */
static void write_users_n(const char *content, size_t len)
{
	FILE *f = fopen(cfg.users_file, "w");

	cr_assert_not_null(f);
	cr_assert_eq(fwrite(content, 1, len, f), len);
	cr_assert_eq(fclose(f), 0);
}

static void write_users(const char *content)
{
	write_users_n(content, strlen(content));
}

/* A hash of password with the given algorithm prefix. */
static const char *make_hash(const char *prefix, const char *password)
{
	static char out[8][CRYPT_OUTPUT_SIZE];
	static int next;
	char setting[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data data;
	char *h;

	/* Cheapest costs libxcrypt allows: the tests check logic only. */
	unsigned long cost = strcmp(prefix, "$6$") == 0    ? 1000
			     : strcmp(prefix, "$2b$") == 0 ? 4
							   : 0;
	cr_assert_not_null(crypt_gensalt_rn(prefix, cost, NULL, 0, setting,
					    sizeof(setting)));
	memset(&data, 0, sizeof(data));
	h = crypt_rn(password, setting, &data, sizeof(data));
	cr_assert(h != NULL && h[0] != '*');
	next = (next + 1) % 8;
	snprintf(out[next], sizeof(out[next]), "%s", h);
	return out[next];
}

static enum userfile_status lookup(const char *login, struct user *u)
{
	memset(u, 0x5a, sizeof(*u));
	return userfile_lookup(&cfg, login, u);
}

Test(userfile, missing_file_is_tempfail)
{
	struct user u;

	cr_assert_eq(lookup("alice", &u), USERFILE_TEMPFAIL);
	cr_assert_str_eq(u.login, "");
	cr_assert_not(userfile_check_password(&u, "x"));
}

Test(userfile, comments_and_blank_lines)
{
	struct user u;
	char buf[1024];

	snprintf(buf, sizeof(buf),
		 "# accounts\n\n   \n\t\n  # indented comment\n"
		 "alice:%s\n#bob:%s\n",
		 make_hash("$6$", "pw"), make_hash("$6$", "pw"));
	write_users(buf);
	cr_assert_eq(lookup("alice", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.login, "alice");
	cr_assert(userfile_check_password(&u, "pw"));
	cr_assert_eq(lookup("#bob", &u), USERFILE_NOT_FOUND);
	cr_assert_eq(lookup("bob", &u), USERFILE_NOT_FOUND);
}

/* Each line, put after a good account, makes every lookup TEMPFAIL. */
static const char *const bad_lines[] = {
	"nocolon",
	":$6$x$y",
	"al ice:$6$x$y",
	"al\tice:$6$x$y",
	"a/b:$6$x$y",
	".:$6$x$y",
	"..:$6$x$y",
	"al\x01ice:$6$x$y",
	"al\x7fice:$6$x$y",
	" alice:$6$x$y",
	"carol:",
	"carol::/var/mail/carol",
	"carol:$6$x y",
	"carol:$6$x$y\r",
	"carol:$6$x$y:relative/maildir",
	"carol:$6$x$y:",
	"carol:$6$x$y:/mail/ca\nrol",
	"carol:$6$x$y:/mail/ca\x1brol",
};

Test(userfile, bad_lines_are_tempfail)
{
	char buf[512];
	struct user u;
	size_t i;

	for (i = 0; i < sizeof(bad_lines) / sizeof(bad_lines[0]); i++) {
		snprintf(buf, sizeof(buf), "bob:*\n%s\nzed:*\n", bad_lines[i]);
		write_users(buf);
		cr_assert_eq(lookup("bob", &u), USERFILE_TEMPFAIL,
			     "line %zu: \"%s\"", i, bad_lines[i]);
		cr_assert_eq(lookup("zed", &u), USERFILE_TEMPFAIL);
		cr_assert_eq(lookup("nobody", &u), USERFILE_TEMPFAIL);
		cr_assert_eq(userfile_lookup_recipient(&cfg, "bob",
						       "example.org", &u),
			     USERFILE_TEMPFAIL);
	}
}

Test(userfile, nul_byte_is_tempfail)
{
	struct user u;
	static const char content[] = "bob:*\nal\0ice:$6$x$y\n";

	write_users_n(content, sizeof(content) - 1);
	cr_assert_eq(lookup("bob", &u), USERFILE_TEMPFAIL);
}

/* A login of n octets. */
static void long_login(char *buf, size_t n)
{
	memset(buf, 'a', n);
	buf[n] = '\0';
}

Test(userfile, login_length_limit)
{
	char login[POSTERN_MAX_LOGIN + 2], buf[POSTERN_MAX_LOGIN + 64];
	struct user u;

	long_login(login, POSTERN_MAX_LOGIN);
	snprintf(buf, sizeof(buf), "%s:*\n", login);
	write_users(buf);
	cr_assert_eq(lookup(login, &u), USERFILE_FOUND);
	long_login(login, POSTERN_MAX_LOGIN + 1);
	snprintf(buf, sizeof(buf), "%s:*\n", login);
	write_users(buf);
	cr_assert_eq(lookup("b", &u), USERFILE_TEMPFAIL);
}

/* "bob:x:/" and a maildir of "a"s: a line of total octets with its LF. */
static void line_of(char *buf, size_t total, bool lf)
{
	size_t n = total - 1;

	memcpy(buf, "bob:x:/", 7);
	memset(buf + 7, 'a', n - 7);
	buf[n] = lf ? '\n' : '\0';
	buf[n + 1] = '\0';
}

Test(userfile, line_length_limit)
{
	static char buf[POSTERN_MAX_FILE_LINE + 8];
	struct user u;

	/* N-1, N octets with the LF: fine; N+1: a bad line. */
	line_of(buf, POSTERN_MAX_FILE_LINE - 1, true);
	write_users(buf);
	cr_assert_eq(lookup("bob", &u), USERFILE_FOUND);
	line_of(buf, POSTERN_MAX_FILE_LINE, true);
	write_users(buf);
	cr_assert_eq(lookup("bob", &u), USERFILE_FOUND);
	cr_assert_eq(strlen(u.maildir), POSTERN_MAX_FILE_LINE - 7);
	line_of(buf, POSTERN_MAX_FILE_LINE + 1, true);
	write_users(buf);
	cr_assert_eq(lookup("bob", &u), USERFILE_TEMPFAIL);
	/* The same without the final LF. */
	line_of(buf, POSTERN_MAX_FILE_LINE, false);
	write_users(buf);
	cr_assert_eq(lookup("bob", &u), USERFILE_FOUND);
	line_of(buf, POSTERN_MAX_FILE_LINE + 1, false);
	write_users(buf);
	cr_assert_eq(lookup("bob", &u), USERFILE_TEMPFAIL);
}

Test(userfile, last_line_without_newline)
{
	char buf[256];
	struct user u;

	snprintf(buf, sizeof(buf), "a:*\nbob:%s", make_hash("$6$", "pw"));
	write_users(buf);
	cr_assert_eq(lookup("bob", &u), USERFILE_FOUND);
	cr_assert(userfile_check_password(&u, "pw"));
}

Test(userfile, bad_line_logged_with_file_and_line)
{
	static char log[2048], want[POSTERN_MAX_PATHNAME + 32];
	int p[2], saved;
	ssize_t n;
	struct user u;

	write_users("a:*\n# c\nbad line\n");
	cr_assert_eq(pipe(p), 0);
	saved = dup(STDERR_FILENO);
	dup2(p[1], STDERR_FILENO);
	close(p[1]);
	cr_assert_eq(lookup("a", &u), USERFILE_TEMPFAIL);
	dup2(saved, STDERR_FILENO);
	close(saved);
	n = read(p[0], log, sizeof(log) - 1);
	cr_assert(n > 0);
	log[n] = '\0';
	close(p[0]);
	snprintf(want, sizeof(want), "%s:3 ", cfg.users_file);
	cr_assert_not_null(strstr(log, want), "log: %s", log);
}

Test(userfile, locked_accounts_never_authenticate)
{
	char buf[1024];
	struct user u;

	snprintf(buf, sizeof(buf), "alice:%s\ncarol:*\ndave:!%s\n",
		 make_hash("$6$", "a"), make_hash("$6$", "secret"));
	write_users(buf);
	cr_assert_eq(lookup("carol", &u), USERFILE_FOUND);
	cr_assert(u.locked);
	cr_assert_str_eq(u.login, "carol");
	cr_assert_str_eq(u.maildir, "/var/mail/postern/carol");
	cr_assert_not(userfile_check_password(&u, "*"));
	cr_assert_not(userfile_check_password(&u, ""));
	cr_assert_eq(lookup("dave", &u), USERFILE_FOUND);
	cr_assert(u.locked);
	cr_assert_not(userfile_check_password(&u, "secret"));
	/* What the caller holds is a dummy, never the locked hash. */
	cr_assert_null(strstr(u.hash, "!"));
}

static void check_algorithm(const char *prefix)
{
	char buf[1024];
	struct user u;

	snprintf(buf, sizeof(buf), "alice:%s\nbob:%s\n",
		 make_hash(prefix, "correct horse"), make_hash(prefix, "x"));
	write_users(buf);
	cr_assert_eq(lookup("alice", &u), USERFILE_FOUND);
	cr_assert_not(u.locked);
	cr_assert_eq(strncmp(u.hash, prefix, strlen(prefix)), 0);
	cr_assert(userfile_check_password(&u, "correct horse"), "%s", prefix);
	cr_assert_not(userfile_check_password(&u, "correct hors"));
	cr_assert_not(userfile_check_password(&u, "correct horse "));
	cr_assert_not(userfile_check_password(&u, "Correct horse"));
	cr_assert_not(userfile_check_password(&u, ""));
	cr_assert_not(userfile_check_password(&u, u.hash));
	/* A one-character password. */
	cr_assert_eq(lookup("bob", &u), USERFILE_FOUND);
	cr_assert(userfile_check_password(&u, "x"), "%s", prefix);
	cr_assert_not(userfile_check_password(&u, "y"));
	cr_assert_not(userfile_check_password(&u, "xx"));
}

Test(userfile, yescrypt)
{
	check_algorithm("$y$");
}

Test(userfile, sha512crypt)
{
	check_algorithm("$6$");
}

Test(userfile, bcrypt)
{
	check_algorithm("$2b$");
}

Test(userfile, password_length_limit)
{
	char pw[POSTERN_MAX_PASSWORD + 2], buf[1024];
	struct user u;

	memset(pw, 'p', POSTERN_MAX_PASSWORD);
	pw[POSTERN_MAX_PASSWORD] = '\0';
	snprintf(buf, sizeof(buf), "alice:%s\n", make_hash("$6$", pw));
	write_users(buf);
	cr_assert_eq(lookup("alice", &u), USERFILE_FOUND);
	cr_assert(userfile_check_password(&u, pw));
	/* One more octet is refused before crypt sees it. */
	strcat(pw, "p");
	cr_assert_not(userfile_check_password(&u, pw));
	cr_assert_not(userfile_check_password(&u, NULL));
}

Test(userfile, case_insensitive_login)
{
	char buf[512];
	struct user u;

	snprintf(buf, sizeof(buf), "Alice@Example.ORG:%s\n",
		 make_hash("$6$", "pw"));
	write_users(buf);
	cr_assert_eq(lookup("alice@example.org", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.login, "Alice@Example.ORG");
	cr_assert_str_eq(u.maildir, "/var/mail/postern/Alice@Example.ORG");
	cr_assert(userfile_check_password(&u, "pw"));
	cr_assert_eq(lookup("ALICE@EXAMPLE.ORG", &u), USERFILE_FOUND);
	cr_assert_eq(lookup("alice", &u), USERFILE_NOT_FOUND);
	/* ASCII only: no locale folds 8-bit octets. */
	write_users("\xc3\x89mile:*\n");
	cr_assert_eq(lookup("\xc3\x89mile", &u), USERFILE_FOUND);
	cr_assert_eq(lookup("\xc3\xa9mile", &u), USERFILE_NOT_FOUND);
}

Test(userfile, maildir_default_and_explicit)
{
	struct user u;

	write_users("alice:*\nbob:*:/srv/mail/b o b\n");
	cr_assert_eq(lookup("alice", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/var/mail/postern/alice");
	cr_assert_eq(lookup("BOB", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/srv/mail/b o b");
}

Test(userfile, first_line_for_a_login_wins)
{
	struct user u;

	write_users("alice:*:/first\nALICE:*:/second\n");
	cr_assert_eq(lookup("alice", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/first");
}

Test(userfile, invalid_login_lookups)
{
	struct user u;

	write_users("alice:*\n");
	cr_assert_eq(lookup("", &u), USERFILE_NOT_FOUND);
	cr_assert_eq(lookup("ali ce", &u), USERFILE_NOT_FOUND);
	cr_assert_eq(lookup("alice:*", &u), USERFILE_NOT_FOUND);
	cr_assert_eq(lookup("../alice", &u), USERFILE_NOT_FOUND);
	cr_assert_str_eq(u.login, "");
}

static enum userfile_status rcpt(const char *local, const char *domain,
				 struct user *u)
{
	memset(u, 0x5a, sizeof(*u));
	return userfile_lookup_recipient(&cfg, local, domain, u);
}

Test(userfile, recipients)
{
	struct user u;

	write_users("bob@example.org:*:/m/bob-full\nbob:*:/m/bob\n"
		    "carl:*\nBob@MX.example.org:*:/m/bob-mx\n");
	cr_assert_eq(rcpt("bob", "example.org", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/m/bob-full");
	cr_assert_eq(rcpt("BOB", "EXAMPLE.org", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.login, "bob@example.org");
	cr_assert_eq(rcpt("bob", "mx.example.org", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/m/bob-mx");
	/* No local@domain account: the bare login. */
	cr_assert_eq(rcpt("carl", "mx.example.org", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.login, "carl");
	cr_assert_eq(rcpt("nobody", "example.org", &u), USERFILE_NOT_FOUND);
	cr_assert_str_eq(u.login, "");
	/* Not ours: never an account, whatever the file says. */
	cr_assert_eq(rcpt("bob", "example.net", &u), USERFILE_NOT_FOUND);
	cr_assert_eq(rcpt("carl", "", &u), USERFILE_NOT_FOUND);
	/* Local parts a login cannot be. */
	cr_assert_eq(rcpt("b b", "example.org", &u), USERFILE_NOT_FOUND);
	/* "bob@mx.example.org"@example.org is not that address login. */
	cr_assert_eq(rcpt("bob@mx.example.org", "example.org", &u),
		     USERFILE_NOT_FOUND);
}

Test(userfile, postmaster_without_account)
{
	struct user u;

	write_users("alice:*\n");
	cr_assert_eq(rcpt("postmaster", "", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/var/mail/postern/postmaster");
	cr_assert(u.locked);
	cr_assert_not(userfile_check_password(&u, "*"));
	cr_assert_eq(rcpt("PostMaster", "example.org", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/var/mail/postern/postmaster");
	cr_assert_eq(rcpt("postmaster", "example.net", &u), USERFILE_NOT_FOUND);
}

Test(userfile, postmaster_account_and_key)
{
	struct user u;

	write_users("postmaster:*:/m/pm\npostmaster@example.org:*:/m/pm-full\n"
		    "alice:*:/m/alice\n");
	cr_assert_eq(rcpt("postmaster", "", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/m/pm");
	cr_assert_eq(rcpt("postmaster", "example.org", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/m/pm-full");
	snprintf(cfg.postmaster, sizeof(cfg.postmaster), "ALICE");
	cr_assert_eq(rcpt("postmaster", "", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/m/alice");
	cr_assert_eq(rcpt("Postmaster", "mx.example.org", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/m/alice");
	/* A key naming no account: postmaster still gets its mail. */
	snprintf(cfg.postmaster, sizeof(cfg.postmaster), "gone");
	cr_assert_eq(rcpt("postmaster", "", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/m/pm");
}

Test(userfile, dummy_hash_uses_first_usable_setting)
{
	char buf[1024], want[128];
	const char *real = make_hash("$6$", "pw");
	struct user u;

	snprintf(buf, sizeof(buf), "locked:*\nlocked2:!%s\nalice:%s\nbob:%s\n",
		 make_hash("$y$", "z"), real, make_hash("$y$", "q"));
	write_users(buf);
	cr_assert_eq(lookup("nosuch", &u), USERFILE_NOT_FOUND);
	cr_assert_str_eq(u.login, "");
	/* alice's setting: "$6$rounds=1000$salt$", without the checksum. */
	snprintf(want, sizeof(want), "%s", real);
	*(strrchr(want, '$') + 1) = '\0';
	cr_assert_str_eq(u.hash, want);
	cr_assert_not(userfile_check_password(&u, "pw"));
	cr_assert_not(userfile_check_password(&u, ""));
	/* Locked accounts carry the same dummy. */
	cr_assert_eq(lookup("locked", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.hash, want);
}

Test(userfile, dummy_hash_bcrypt_setting)
{
	char buf[512];
	const char *real = make_hash("$2b$", "pw");
	struct user u;

	snprintf(buf, sizeof(buf), "alice:%s\n", real);
	write_users(buf);
	cr_assert_eq(lookup("nosuch", &u), USERFILE_NOT_FOUND);
	/* "$2b$NN$" and 22 octets of salt. */
	cr_assert_eq(strlen(u.hash), 29);
	cr_assert_eq(strncmp(u.hash, real, 29), 0);
}

Test(userfile, dummy_hash_without_usable_account)
{
	struct user u;
	struct crypt_data data;
	const char *h;

	write_users("carol:*\ndave:!$6$abc$def\n");
	cr_assert_eq(lookup("nosuch", &u), USERFILE_NOT_FOUND);
	cr_assert_eq(strncmp(u.hash, "$y$", 3), 0, "%s", u.hash);
	/* A setting crypt accepts, so the check costs a real one. */
	memset(&data, 0, sizeof(data));
	h = crypt_rn("pw", u.hash, &data, sizeof(data));
	cr_assert(h != NULL && h[0] != '*');
	cr_assert_not(userfile_check_password(&u, "pw"));
}

Test(userfile, ten_thousand_accounts)
{
	FILE *f = fopen(cfg.users_file, "w");
	const char *h = make_hash("$6$", "last");
	struct timespec t0, t1;
	struct user u;
	int i;

	cr_assert_not_null(f);
	for (i = 0; i < 10000; i++)
		fprintf(f, "user%d@example.org:%s\n", i, h);
	cr_assert_eq(fclose(f), 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < 10; i++)
		cr_assert_eq(lookup("USER9999@example.org", &u),
			     USERFILE_FOUND);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	cr_assert_str_eq(u.login, "user9999@example.org");
	cr_assert(userfile_check_password(&u, "last"));
	cr_assert_eq(lookup("user10000@example.org", &u), USERFILE_NOT_FOUND);
	cr_log_info("10,000-account lookup: %.2f ms",
		    ((double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		     (double)(t1.tv_nsec - t0.tv_nsec) / 1e6) /
			    10);
}

struct login_case {
	const char *s;
	bool ok;
};

static const struct login_case login_cases[] = {
	{ "krissyj", true }, { "krissyj@example.com", true },
	{ "a", true },       { "a.b-c_d+e", true },
	{ "...", true },     { "caf\xc3\xa9", true },
	{ "", false },       { ".", false },
	{ "..", false },     { "a:b", false },
	{ "a b", false },    { "a\tb", false },
	{ "a/b", false },    { "/", false },
	{ "a\nb", false },   { "a\x7f", false },
	{ "\x01", false },
};

Test(userfile, valid_login_table)
{
	char buf[POSTERN_MAX_LOGIN + 2];
	size_t i;

	for (i = 0; i < sizeof(login_cases) / sizeof(login_cases[0]); i++)
		cr_assert_eq(userfile_valid_login(login_cases[i].s),
			     login_cases[i].ok, "\"%s\"", login_cases[i].s);
	cr_assert_not(userfile_valid_login(NULL));
	long_login(buf, POSTERN_MAX_LOGIN - 1);
	cr_assert(userfile_valid_login(buf));
	long_login(buf, POSTERN_MAX_LOGIN);
	cr_assert(userfile_valid_login(buf));
	long_login(buf, POSTERN_MAX_LOGIN + 1);
	cr_assert_not(userfile_valid_login(buf));
}

/* Not a regular file: a FIFO would block, a device might never end. */
Test(userfile, not_a_regular_file)
{
	struct user u;

	cr_assert_eq(mkfifo(cfg.users_file, 0600), 0);
	cr_assert_eq(lookup("alice", &u), USERFILE_TEMPFAIL);
	unlink(cfg.users_file);
	cr_assert_eq(mkdir(cfg.users_file, 0700), 0);
	cr_assert_eq(lookup("alice", &u), USERFILE_TEMPFAIL);
	rmdir(cfg.users_file);
	snprintf(cfg.users_file, sizeof(cfg.users_file), "/dev/zero");
	cr_assert_eq(lookup("alice", &u), USERFILE_TEMPFAIL);
}

Test(userfile, huge_file_is_tempfail)
{
	FILE *f = fopen(cfg.users_file, "w");
	struct user u;

	cr_assert_not_null(f);
	fputs("alice:*\n", f);
	cr_assert_eq(fclose(f), 0);
	cr_assert_eq(truncate(cfg.users_file, 65L * 1024 * 1024), 0);
	cr_assert_eq(lookup("alice", &u), USERFILE_TEMPFAIL);
}

/* userfile_line_ok() (the scan's fast check) against userfile_parse_line()
   (the judge): the same verdict, and the same fields. */
static void same_verdict(const char *line, size_t len)
{
	char copy[POSTERN_MAX_FILE_LINE + 1];
	struct userfile_entry e;
	struct userfile_span sp;
	const char *bad;
	bool ok;

	cr_assert_lt(len, sizeof(copy));
	memcpy(copy, line, len);
	copy[len] = '\0';
	ok = userfile_line_ok(line, len, &sp);
	bad = userfile_parse_line(copy, len, &e);
	cr_assert_eq(ok, bad == NULL, "line \"%.*s\" (%zu): fast %d, parse %s",
		     (int)len, line, len, ok, bad ? bad : "ok");
	if (!ok)
		return;
	cr_assert_eq(sp.account, e.login != NULL);
	if (!sp.account)
		return;
	cr_assert_eq(strlen(e.login), sp.login_len);
	cr_assert_eq(e.hash, copy + sp.hash_off);
	cr_assert_eq(strlen(e.hash), sp.hash_len);
	if (e.maildir == NULL) {
		cr_assert_eq(sp.maildir_len, 0);
	} else {
		cr_assert_eq(e.maildir, copy + sp.maildir_off);
		cr_assert_eq(strlen(e.maildir), sp.maildir_len);
	}
}

Test(userfile, fast_check_agrees_with_parse)
{
	static const char *lines[] = {
		"",
		" ",
		"\t \t",
		"#",
		"  # x:y:z",
		"#x:y",
		"\t#a:b",
		"alice:$y$j9T$abc$def",
		"alice:$y$j9T$abc$def:/srv/mail/a",
		"alice:x:/a:b:c",
		"alice:x:",
		"alice:x:rel",
		"alice:",
		":x",
		"a:x",
		".:x",
		"..:x",
		"...:x",
		".a:x",
		"a/b:x",
		" alice:x",
		"alice :x",
		"alice: x",
		"alice:x y",
		"alice:x:/a b",
		"alice:x\t",
		"alice:x:/a\t",
		"al\x7f:x",
		"alice:\x7fx",
		"alice:x:/\x7f",
		"alice:\x80\xff",
		"\x80:x",
		"alice:x:/\x80",
		"alice:abcdefg",
		"alice:abcdefgh",
		"alice:abcdefghi",
		"alice:abcdefg ",
		"alice:abcdefgh\x01",
		"alice:*",
		"alice:!$6$x$y",
		"alice:x:/",
		"no colon here",
		"alice:x\r",
		"alice@example.org:x:/m/alice@example.org",
	};
	char buf[POSTERN_MAX_FILE_LINE];
	const char alpha[] = "a.:/# \t$*!\x7f\x1f\x80\x20\x21\x7e\xff";
	size_t i, j, len;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		same_verdict(lines[i], strlen(lines[i]));
	/* NULs anywhere, a comment included. */
	same_verdict("alice:x\0y", 9);
	same_verdict("al\0ce:xyz", 9);
	same_verdict("alice:x:/a\0b", 12);
	same_verdict("# a\0b", 5);
	same_verdict("\0", 1);
	/* The bounds: login, hash and maildir lengths. */
	for (len = POSTERN_MAX_LOGIN - 1; len <= POSTERN_MAX_LOGIN + 1; len++) {
		memset(buf, 'l', len);
		memcpy(buf + len, ":x", 2);
		same_verdict(buf, len + 2);
	}
	for (len = POSTERN_MAX_HASH - 1; len <= POSTERN_MAX_HASH + 1; len++) {
		memcpy(buf, "a:", 2);
		memset(buf + 2, 'h', len);
		same_verdict(buf, len + 2);
	}
	for (len = POSTERN_MAX_PATHNAME - 9; len <= POSTERN_MAX_PATHNAME - 7;
	     len++) {
		memcpy(buf, "a:x:/", 5);
		memset(buf + 5, 'm', len - 1);
		same_verdict(buf, len + 4);
	}
	/* Random lines over the octets that matter: short ones, and longer
	   ones where they are rare, which the 16-octet plain check sees. */
	srand(7);
	for (i = 0; i < 200000; i++) {
		int rare = i % 2 == 0 ? 3 : 40;

		len = (size_t)rand() % (i % 2 == 0 ? 24 : 90);
		for (j = 0; j < len; j++)
			buf[j] = rand() % rare == 0
					 ? alpha[rand() % (sizeof(alpha) - 1)]
					 : (char)('a' + rand() % 3);
		same_verdict(buf, len);
	}
}

/* Lines cut by the end of the 64 KiB read buffer, a long one included. */
Test(userfile, lines_across_read_buffer)
{
	size_t size = 200000, n = 0, i;
	char *content = malloc(size + 8192), *at;
	struct user u;

	cr_assert_not_null(content);
	for (i = 0; n < size; i++) {
		if (i % 500 == 499) {
			/* A maildir of some 3,900 octets. */
			n += (size_t)sprintf(content + n, "long%zu:h%zu:/", i,
					     i);
			memset(content + n, 'm', 3900);
			n += 3900;
			content[n++] = '\n';
		} else {
			n += (size_t)sprintf(content + n,
					     "u%zu:$6$salt$%080zu\n", i, i);
		}
	}
	write_users_n(content, n);
	/* Every account starting within 100 octets of 65536, 131072. */
	for (at = content; at < content + n; at = strchr(at, '\n') + 1) {
		size_t off = (size_t)(at - content), len;
		char login[32];

		if (off % 65536 < 65436 && off % 65536 > 100)
			continue;
		len = (size_t)(strchr(at, ':') - at);
		cr_assert_lt(len, sizeof(login));
		memcpy(login, at, len);
		login[len] = '\0';
		cr_assert_eq(userfile_lookup(&cfg, login, &u), USERFILE_FOUND,
			     "%s at %zu", login, off);
		cr_assert_str_eq(u.login, login);
		cr_assert_eq(strncmp(u.hash, at + len + 1, strlen(u.hash)), 0);
		cr_assert_eq(at[len + 1 + strlen(u.hash)] == '\n' ||
				     at[len + 1 + strlen(u.hash)] == ':',
			     1);
	}
	/* A bad last line without LF, after several buffers, still fails. */
	memcpy(content + n, "bad line", 8);
	write_users_n(content, n + 8);
	cr_assert_eq(userfile_lookup(&cfg, "u1", &u), USERFILE_TEMPFAIL);
	free(content);
}
