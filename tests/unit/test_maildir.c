/*
 * test_maildir.c: Maildir creation, unique names, the tmp -> new delivery
 * with its checks, undelivery, tmp cleaning, scanning, and the parsing of
 * sizes and times from file names; each test in its own mkdtemp dir.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "maildir.h"

static char top[256];

static void setup(void)
{
	const char *t = getenv("TMPDIR");

	snprintf(top, sizeof(top), "%s/maildir.XXXXXX", t ? t : "/tmp");
	cr_assert_not_null(mkdtemp(top));
	umask(022);
}

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	return remove(path);
}

static void teardown(void)
{
	nftw(top, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

TestSuite(maildir, .init = setup, .fini = teardown);

/* top/rel into buf. */
static const char *at(char *buf, size_t size, const char *rel)
{
	snprintf(buf, size, "%s/%s", top, rel);
	return buf;
}

static bool is_dir_0700(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
	       (st.st_mode & 07777) == 0700;
}

static void put_file(const char *rel, const char *content)
{
	char path[512];
	FILE *f = fopen(at(path, sizeof(path), rel), "w");

	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	fputs(content, f);
	cr_assert_eq(fclose(f), 0);
}

static void read_file(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	size_t n;

	cr_assert_not_null(f, "%s: %s", path, strerror(errno));
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
}

Test(maildir, create)
{
	char d[512], p[512];

	at(d, sizeof(d), "alice");
	cr_assert_eq(maildir_create(d), 0);
	cr_assert(is_dir_0700(d));
	cr_assert(is_dir_0700(at(p, sizeof(p), "alice/tmp")));
	cr_assert(is_dir_0700(at(p, sizeof(p), "alice/new")));
	cr_assert(is_dir_0700(at(p, sizeof(p), "alice/cur")));
	/* Again, and with one part missing. */
	cr_assert_eq(rmdir(at(p, sizeof(p), "alice/cur")), 0);
	cr_assert_eq(maildir_create(d), 0);
	cr_assert(is_dir_0700(p));
}

Test(maildir, create_missing_parent_fails)
{
	char d[512], p[512];

	at(d, sizeof(d), "no/such/alice");
	errno = 0;
	cr_assert_eq(maildir_create(d), -1);
	cr_assert_eq(errno, ENOENT);
	cr_assert_neq(access(at(p, sizeof(p), "no"), F_OK), 0);
	/* A file where the Maildir should be. */
	put_file("file", "x");
	cr_assert_eq(maildir_create(at(d, sizeof(d), "file")), -1);
	cr_assert_eq(errno, ENOTDIR);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

Test(maildir, unique_names_10000)
{
	enum {
		N = 10000
	};

	char d[512], **names = calloc(N, sizeof(char *));
	struct maildir_file f;
	size_t i;

	cr_assert_not_null(names);
	cr_assert_eq(maildir_create(at(d, sizeof(d), "m")), 0);
	for (i = 0; i < N; i++) {
		cr_assert_eq(maildir_open_tmp(d, "mx.example.org", &f), 0,
			     "open %zu: %s", i, strerror(errno));
		cr_assert_eq(close(f.fd), 0);
		names[i] = strdup(f.unique);
		cr_assert_not_null(names[i]);
	}
	qsort(names, N, sizeof(char *), cmp_str);
	for (i = 1; i < N; i++)
		cr_assert_str_neq(names[i - 1], names[i]);
	for (i = 0; i < N; i++)
		free(names[i]);
	free(names);
}

Test(maildir, unique_name_form_and_host_escapes)
{
	char d[512], want[64], path[1024];
	struct maildir_file f;
	uint64_t sec;
	uint32_t usec;
	const char *dot;

	cr_assert_eq(maildir_create(at(d, sizeof(d), "m")), 0);
	cr_assert_eq(maildir_open_tmp(d, "a/b:c d\\e", &f), 0);
	close(f.fd);
	dot = strchr(f.unique, '.');
	cr_assert_not_null(dot);
	cr_assert(maildir_name_time(f.unique, &sec, &usec));
	cr_assert(sec > 1000000000);
	cr_assert(usec < 1000000);
	snprintf(want, sizeof(want), "P%ldQ", (long)getpid());
	cr_assert_not_null(strstr(f.unique, want), "%s", f.unique);
	cr_assert_not_null(strstr(f.unique, ".a\\057b\\072c\\040d\\134e"), "%s",
			   f.unique);
	cr_assert_str_eq(strrchr(f.unique, '.'), ".a\\057b\\072c\\040d\\134e");
	cr_assert_eq(access(f.tmp_path, F_OK), 0);
	snprintf(path, sizeof(path), "%s/tmp/%s", d, f.unique);
	cr_assert_str_eq(f.tmp_path, path);
	maildir_abort(&f);
	cr_assert_neq(access(path, F_OK), 0);
}

/* Writes content into a fresh tmp file of d and finishes it. */
static void make_message(const char *d, const char *content,
			 struct maildir_file *f)
{
	size_t n = strlen(content), lines = 0, i;

	for (i = 0; i < n; i++)
		lines += content[i] == '\n';
	cr_assert_eq(maildir_open_tmp(d, "mx", f), 0);
	cr_assert_eq(write(f->fd, content, n), (ssize_t)n);
	cr_assert_eq(maildir_finish(f, n, n + lines), 0, "%s", strerror(errno));
}

Test(maildir, deliver_finish_abort)
{
	char d[512], p[1024], buf[64], want[320];
	struct maildir_file f;
	struct stat st;

	cr_assert_eq(maildir_create(at(d, sizeof(d), "m")), 0);
	make_message(d, "Subject: x\n\nhi\n", &f);
	cr_assert_eq(f.fd, -1);
	snprintf(want, sizeof(want), "%s,S=15,W=18", f.unique);
	cr_assert_str_eq(f.name, want);
	cr_assert_eq(maildir_deliver(f.tmp_path, d, f.name), 0);
	snprintf(p, sizeof(p), "%s/new/%s", d, f.name);
	read_file(p, buf, sizeof(buf));
	cr_assert_str_eq(buf, "Subject: x\n\nhi\n");
	maildir_abort(&f);
	maildir_abort(&f);
	cr_assert_eq(stat(p, &st), 0);
	cr_assert_eq(st.st_nlink, 1);
	cr_assert_eq(st.st_mode & 0777, 0600);
	/* A second delivery of that name never overwrites. */
	put_file("m/tmp/other", "other\n");
	errno = 0;
	cr_assert_eq(
		maildir_deliver(at(p, sizeof(p), "m/tmp/other"), d, f.name),
		-1);
	cr_assert_eq(errno, EEXIST);
}

Test(maildir, finish_checks_size)
{
	char d[512];
	struct maildir_file f;

	cr_assert_eq(maildir_create(at(d, sizeof(d), "m")), 0);
	cr_assert_eq(maildir_open_tmp(d, "mx", &f), 0);
	cr_assert_eq(write(f.fd, "abc\n", 4), 4);
	errno = 0;
	cr_assert_eq(maildir_finish(&f, 5, 6), -1);
	cr_assert_eq(errno, EIO);
	cr_assert_eq(f.fd, -1);
	cr_assert_str_eq(f.name, "");
	maildir_abort(&f);
	cr_assert_neq(access(f.tmp_path, F_OK), 0);
	errno = 0;
	cr_assert_eq(maildir_finish(&f, 4, 5), -1);
	cr_assert_eq(errno, EBADF);
}

Test(maildir, two_maildirs_same_name_and_undeliver)
{
	char a[512], b[512], p[1024];
	struct maildir_file f;

	cr_assert_eq(maildir_create(at(a, sizeof(a), "a")), 0);
	cr_assert_eq(maildir_create(at(b, sizeof(b), "b")), 0);
	make_message(a, "x\n", &f);
	cr_assert_eq(maildir_deliver(f.tmp_path, a, f.name), 0);
	cr_assert_eq(maildir_deliver(f.tmp_path, b, f.name), 0);
	snprintf(p, sizeof(p), "%s/new/%s", a, f.name);
	cr_assert_eq(access(p, F_OK), 0);
	snprintf(p, sizeof(p), "%s/new/%s", b, f.name);
	cr_assert_eq(access(p, F_OK), 0);
	/* A later recipient failed: take the copies back. */
	cr_assert_eq(maildir_undeliver(b, f.name), 0);
	cr_assert_neq(access(p, F_OK), 0);
	errno = 0;
	cr_assert_eq(maildir_undeliver(b, f.name), -1);
	cr_assert_eq(errno, ENOENT);
	maildir_abort(&f);
	snprintf(p, sizeof(p), "%s/new/%s", a, f.name);
	cr_assert_eq(access(p, F_OK), 0);
}

Test(maildir, deliver_into_missing_maildir_fails)
{
	char a[512], b[512];
	struct maildir_file f;

	cr_assert_eq(maildir_create(at(a, sizeof(a), "a")), 0);
	make_message(a, "x\n", &f);
	cr_assert_eq(
		maildir_deliver(f.tmp_path, at(b, sizeof(b), "none"), f.name),
		-1);
	cr_assert_eq(errno, ENOENT);
	maildir_abort(&f);
}

Test(maildir, open_tmp_fails_without_tmp)
{
	char d[512];
	struct maildir_file f;

	errno = 0;
	cr_assert_eq(maildir_open_tmp(at(d, sizeof(d), "none"), "mx", &f), -1);
	cr_assert_eq(errno, ENOENT);
	cr_assert_eq(f.fd, -1);
	maildir_abort(&f);
}

/* Across file systems link(2) gives EXDEV and the copy path runs. */
Test(maildir, deliver_across_file_systems)
{
	char shm[] = "/dev/shm/maildir.XXXXXX", d[512], src[600], p[1024];
	char buf[64];
	struct maildir_file f;
	struct stat s1, s2;

	if (mkdtemp(shm) == NULL)
		cr_skip_test("no /dev/shm");
	if (stat(shm, &s1) != 0 || stat(top, &s2) != 0 ||
	    s1.st_dev == s2.st_dev) {
		rmdir(shm);
		cr_skip_test("/dev/shm and TMPDIR share a file system");
	}
	snprintf(src, sizeof(src), "%s/m", shm);
	cr_assert_eq(maildir_create(src), 0);
	cr_assert_eq(maildir_create(at(d, sizeof(d), "m")), 0);
	make_message(src, "across\n", &f);
	cr_assert_eq(maildir_deliver(f.tmp_path, d, f.name), 0);
	snprintf(p, sizeof(p), "%s/new/%s", d, f.name);
	read_file(p, buf, sizeof(buf));
	cr_assert_str_eq(buf, "across\n");
	/* The copy's own tmp file is gone. */
	snprintf(p, sizeof(p), "%s/tmp/%s", d, f.name);
	cr_assert_neq(access(p, F_OK), 0);
	maildir_abort(&f);
	nftw(shm, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void age(const char *rel, time_t when)
{
	char p[512];
	struct timespec ts[2] = { { when, 0 }, { when, 0 } };

	cr_assert_eq(utimensat(AT_FDCWD, at(p, sizeof(p), rel), ts,
			       AT_SYMLINK_NOFOLLOW),
		     0);
}

Test(maildir, clean_tmp_removes_only_old_files)
{
	char d[512], p[512];
	time_t now = time(NULL);

	cr_assert_eq(maildir_create(at(d, sizeof(d), "m")), 0);
	put_file("m/tmp/old", "x");
	put_file("m/tmp/edge", "x");
	put_file("m/tmp/fresh", "x");
	cr_assert_eq(mkdir(at(p, sizeof(p), "m/tmp/olddir"), 0700), 0);
	put_file("m/new/oldnew", "x");
	age("m/tmp/old", now - POSTERN_MAILDIR_TMP_MAX_AGE - 1);
	age("m/tmp/edge", now - POSTERN_MAILDIR_TMP_MAX_AGE);
	age("m/tmp/olddir", now - POSTERN_MAILDIR_TMP_MAX_AGE - 100);
	age("m/new/oldnew", now - POSTERN_MAILDIR_TMP_MAX_AGE - 100);
	/* A bound of 0 examines nothing. */
	maildir_clean_tmp(d, now, 0);
	cr_assert_eq(access(at(p, sizeof(p), "m/tmp/old"), F_OK), 0);
	maildir_clean_tmp(d, now, 100);
	cr_assert_neq(access(at(p, sizeof(p), "m/tmp/old"), F_OK), 0);
	cr_assert_eq(access(at(p, sizeof(p), "m/tmp/edge"), F_OK), 0);
	cr_assert_eq(access(at(p, sizeof(p), "m/tmp/fresh"), F_OK), 0);
	cr_assert_eq(access(at(p, sizeof(p), "m/tmp/olddir"), F_OK), 0);
	cr_assert_eq(access(at(p, sizeof(p), "m/new/oldnew"), F_OK), 0);
	/* A missing Maildir is no error. */
	maildir_clean_tmp(at(p, sizeof(p), "none"), now, 100);
}

struct seen {
	int n, new_n, cur_n, stop_at;
	char names[8][64];
};

static int record(void *ctx, const char *sub, const char *name)
{
	struct seen *s = ctx;

	if (s->n < 8)
		snprintf(s->names[s->n], sizeof(s->names[0]), "%s/%s", sub,
			 name);
	s->n++;
	if (strcmp(sub, "new") == 0)
		s->new_n++;
	else if (strcmp(sub, "cur") == 0)
		s->cur_n++;
	return s->n == s->stop_at ? 7 : 0;
}

static bool seen_name(const struct seen *s, const char *n)
{
	int i;

	for (i = 0; i < s->n && i < 8; i++)
		if (strcmp(s->names[i], n) == 0)
			return true;
	return false;
}

Test(maildir, scan_new_and_cur)
{
	char d[512], p[512], t[512];
	struct seen s;

	cr_assert_eq(maildir_create(at(d, sizeof(d), "m")), 0);
	put_file("m/new/1.M1P1Q1.h,S=1,W=2", "x");
	put_file("m/new/2.M1P1Q1.h", "x");
	put_file("m/cur/3.M1P1Q1.h:2,S", "x");
	put_file("m/cur/.hidden", "x");
	put_file("m/tmp/4.M1P1Q1.h", "x");
	cr_assert_eq(mkdir(at(p, sizeof(p), "m/cur/subdir"), 0700), 0);
	/* A symlink could point out of the Maildir: never a message. */
	cr_assert_eq(symlink(at(t, sizeof(t), "m/new/2.M1P1Q1.h"),
			     at(p, sizeof(p), "m/cur/link")),
		     0);
	memset(&s, 0, sizeof(s));
	cr_assert_eq(maildir_scan(d, record, &s, 100), 0);
	cr_assert_eq(s.n, 3);
	cr_assert_eq(s.new_n, 2);
	cr_assert_eq(s.cur_n, 1);
	cr_assert(seen_name(&s, "new/1.M1P1Q1.h,S=1,W=2"));
	cr_assert(seen_name(&s, "new/2.M1P1Q1.h"));
	cr_assert(seen_name(&s, "cur/3.M1P1Q1.h:2,S"));
	/* The bound, and a callback that stops the scan. */
	memset(&s, 0, sizeof(s));
	cr_assert_eq(maildir_scan(d, record, &s, 2), 0);
	cr_assert_eq(s.n, 2);
	memset(&s, 0, sizeof(s));
	s.stop_at = 1;
	cr_assert_eq(maildir_scan(d, record, &s, 100), 7);
	cr_assert_eq(s.n, 1);
}

Test(maildir, scan_missing_and_broken)
{
	char d[512];
	struct seen s;

	memset(&s, 0, sizeof(s));
	cr_assert_eq(maildir_scan(at(d, sizeof(d), "none"), record, &s, 10), 0);
	cr_assert_eq(s.n, 0);
	cr_assert_eq(mkdir(at(d, sizeof(d), "m"), 0700), 0);
	put_file("m/new", "not a directory");
	errno = 0;
	cr_assert_eq(maildir_scan(d, record, &s, 10), -1);
	cr_assert_eq(errno, ENOTDIR);
}

struct size_case {
	const char *name;
	int mask;
	uint64_t s, w;
};

static const struct size_case size_cases[] = {
	{ "1.M2P3Q4.host,S=100,W=102:2,S", 3, 100, 102 },
	{ "1.M2P3Q4.host,W=102,S=100", 3, 100, 102 },
	{ "1.M2P3Q4.host,S=100", 1, 100, 0 },
	{ "1.M2P3Q4.host,W=7:2,", 2, 0, 7 },
	{ "1.M2P3Q4.host", 0, 0, 0 },
	{ "1.M2P3Q4.host:2,S=5,W=6", 0, 0, 0 },
	{ "1.M2P3Q4.host,S=1:2,W=5", 1, 1, 0 },
	{ "1.M2P3Q4.host,S=,W=", 0, 0, 0 },
	{ "1.M2P3Q4.host,S=12a,W=-1", 0, 0, 0 },
	{ "1.M2P3Q4.host,S= 12,W=+3", 0, 0, 0 },
	{ "1.M2P3Q4.host,S=0,W=0", 3, 0, 0 },
	{ "1.M2P3Q4.host,S=bad,S=5", 0, 0, 0 },
	{ "1.M2P3Q4.host,S=5,W=6,S=7", 3, 5, 6 },
	{ "1.M2P3Q4.host,X=1,S=9", 1, 9, 0 },
	{ "S=5,W=6", 2, 0, 6 },
	{ "1.M2P3Q4.host,S=18446744073709551615", 1, UINT64_MAX, 0 },
	{ "1.M2P3Q4.host,S=18446744073709551616", 0, 0, 0 },
	{ "1.M2P3Q4.host,S=99999999999999999999999", 0, 0, 0 },
	{ "1.M2P3Q4.host,W=000000000000000000000000000042", 2, 0, 42 },
	{ "", 0, 0, 0 },
};

Test(maildir, name_sizes)
{
	size_t i;
	uint64_t s, w;

	for (i = 0; i < sizeof(size_cases) / sizeof(size_cases[0]); i++) {
		const struct size_case *t = &size_cases[i];

		s = w = 12345;
		cr_assert_eq(maildir_name_sizes(t->name, &s, &w), t->mask, "%s",
			     t->name);
		if (t->mask & 1)
			cr_assert_eq(s, t->s, "%s", t->name);
		if (t->mask & 2)
			cr_assert_eq(w, t->w, "%s", t->name);
	}
}

struct time_case {
	const char *name;
	bool ok;
	uint64_t sec;
	uint32_t usec;
};

static const struct time_case time_cases[] = {
	{ "1700000000.M123456P99Q1.host,S=1", true, 1700000000, 123456 },
	{ "1700000000.M5P99.host", true, 1700000000, 5 },
	{ "1700000000.12345.host", true, 1700000000, 0 },
	{ "1700000000.M1234567P1.host", true, 1700000000, 0 },
	{ "1700000000.MP1.host", true, 1700000000, 0 },
	{ "1700000000.", true, 1700000000, 0 },
	{ "0.M999999P1.h", true, 0, 999999 },
	{ "18446744073709551615.M1P1", true, UINT64_MAX, 1 },
	{ "18446744073709551616.M1P1", false, 0, 0 },
	{ "1700000000", false, 0, 0 },
	{ "1700000000x.M1", false, 0, 0 },
	{ ".M1P1.host", false, 0, 0 },
	{ "abc.M1P1.host", false, 0, 0 },
	{ "", false, 0, 0 },
};

Test(maildir, name_time)
{
	size_t i;
	uint64_t sec;
	uint32_t usec;

	for (i = 0; i < sizeof(time_cases) / sizeof(time_cases[0]); i++) {
		const struct time_case *t = &time_cases[i];

		cr_assert_eq(maildir_name_time(t->name, &sec, &usec), t->ok,
			     "%s", t->name);
		if (!t->ok)
			continue;
		cr_assert_eq(sec, t->sec, "%s", t->name);
		cr_assert_eq(usec, t->usec, "%s", t->name);
	}
}
