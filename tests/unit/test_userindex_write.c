/*
 * test_userindex_write.c: userindex_write() (userindex_write.c), read
 * back here with a probe of the test's own as userindex.h documents the
 * format: the header's identity, sizes and dummy setting, every login
 * findable once, the first line winning over case variants, colliding
 * hashes, comments and blank lines, bad lines and over-large files (no
 * index, the old one removed), the racy-clock wait, mode and owner, and
 * no temporary files left behind.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "userfile.h"
#include "userindex.h"

static char dir[256], users[POSTERN_MAX_PATHNAME];
static char index_path[POSTERN_MAX_PATHNAME + 8];
static char err[POSTERN_MAX_PATHNAME + 256];

static void setup(void)
{
	const char *t = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/userindex_write.XXXXXX", t ? t : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(users, sizeof(users), "%s/users", dir);
	snprintf(index_path, sizeof(index_path), "%s%s", users,
		 USERINDEX_SUFFIX);
}

/* Removes every file the test made, then the directory. */
static void teardown(void)
{
	char path[POSTERN_MAX_PATHNAME + 300];
	struct dirent *d;
	DIR *dp = opendir(dir);

	if (dp != NULL) {
		while ((d = readdir(dp)) != NULL) {
			if (strcmp(d->d_name, ".") == 0 ||
			    strcmp(d->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
			unlink(path);
		}
		closedir(dp);
	}
	rmdir(dir);
}

TestSuite(userindex_write, .init = setup, .fini = teardown);

static void write_file_n(const char *path, const char *content, size_t len)
{
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f);
	cr_assert_eq(fwrite(content, 1, len, f), len);
	cr_assert_eq(fclose(f), 0);
}

static void write_users(const char *content)
{
	write_file_n(users, content, strlen(content));
}

/* The names in dir, sorted and joined by spaces. */
static const char *dir_listing(void)
{
	static char out[4096];
	char names[16][256];
	struct dirent *d;
	DIR *dp = opendir(dir);
	size_t n = 0, i, j;

	cr_assert_not_null(dp);
	while ((d = readdir(dp)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		cr_assert_lt(n, 16);
		snprintf(names[n++], sizeof(names[0]), "%s", d->d_name);
	}
	closedir(dp);
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char tmp[256];

			memcpy(tmp, names[j], sizeof(tmp));
			memcpy(names[j], names[j - 1], sizeof(tmp));
			memcpy(names[j - 1], tmp, sizeof(tmp));
		}
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(out, " ");
		strcat(out, names[i]);
	}
	return out;
}

/* An index read back whole. */
struct idx {
	struct userindex_head head;
	struct userindex_slot *slot;
	uint64_t size;
	struct stat st; /* of the index file */
};

static void read_index(struct idx *x)
{
	FILE *f = fopen(index_path, "r");
	size_t n;

	cr_assert_not_null(f, "no index: %s", strerror(errno));
	cr_assert_eq(fstat(fileno(f), &x->st), 0);
	x->size = (uint64_t)x->st.st_size;
	cr_assert_eq(fread(&x->head, sizeof(x->head), 1, f), 1);
	cr_assert_eq(memcmp(x->head.magic, USERINDEX_MAGIC, 8), 0);
	cr_assert_eq(x->head.byte_order, USERINDEX_BYTE_ORDER);
	n = x->head.n_slots;
	cr_assert_eq(x->size, sizeof(x->head) + n * sizeof(*x->slot));
	x->slot = calloc(n, sizeof(*x->slot));
	cr_assert_not_null(x->slot);
	cr_assert_eq(fread(x->slot, sizeof(*x->slot), n, f), n);
	fclose(f);
}

/* The whole user file as it is now, NUL-terminated. */
static char *users_content(size_t *len_r)
{
	struct stat st;
	char *c;
	FILE *f = fopen(users, "r");

	cr_assert_not_null(f);
	cr_assert_eq(fstat(fileno(f), &st), 0);
	c = calloc(1, (size_t)st.st_size + 1);
	cr_assert_not_null(c);
	cr_assert_eq(fread(c, 1, (size_t)st.st_size, f), (size_t)st.st_size);
	fclose(f);
	*len_r = (size_t)st.st_size;
	return c;
}

static bool login_at(const char *content, size_t size, uint64_t off,
		     const char *login)
{
	size_t len = strlen(login);

	return off + len < size && (off == 0 || content[off - 1] == '\n') &&
	       strncasecmp(content + off, login, len) == 0 &&
	       content[off + len] == ':';
}

/*
 * The probe userindex.h describes, done here: from hash & (n_slots - 1),
 * slot by slot until an empty one. Returns the offset of the one slot
 * whose line has login (any case), USERINDEX_NO_OFFSET when none; a
 * second such slot fails the test.
 */
static uint64_t probe(const struct idx *x, const char *content, size_t size,
		      const char *login)
{
	uint32_t h = userindex_hash(login, strlen(login));
	uint32_t mask = x->head.n_slots - 1, i, steps;
	uint64_t found = USERINDEX_NO_OFFSET;

	for (i = h & mask, steps = 0; x->slot[i].off1 != 0;
	     i = (i + 1) & mask, steps++) {
		cr_assert_lt(steps, x->head.n_slots, "probe does not end");
		if (x->slot[i].hash != h)
			continue;
		cr_assert_leq(x->slot[i].off1, size);
		if (!login_at(content, size, x->slot[i].off1 - 1, login))
			continue;
		cr_assert_eq(found, USERINDEX_NO_OFFSET, "%s appears twice",
			     login);
		found = x->slot[i].off1 - 1;
	}
	return found;
}

static uint32_t occupied(const struct idx *x)
{
	uint32_t i, n = 0;

	for (i = 0; i < x->head.n_slots; i++)
		n += x->slot[i].off1 != 0;
	return n;
}

/* The header says it is made from the user file as it is now. */
static void assert_identity(const struct idx *x)
{
	struct stat st;

	cr_assert_eq(stat(users, &st), 0);
	cr_assert_eq(x->head.dev, (uint64_t)st.st_dev);
	cr_assert_eq(x->head.ino, (uint64_t)st.st_ino);
	cr_assert_eq(x->head.size, (uint64_t)st.st_size);
	cr_assert_eq(x->head.mtime_sec, (int64_t)st.st_mtim.tv_sec);
	cr_assert_eq(x->head.mtime_nsec, (int64_t)st.st_mtim.tv_nsec);
	cr_assert_eq(x->head.ctime_sec, (int64_t)st.st_ctim.tv_sec);
	cr_assert_eq(x->head.ctime_nsec, (int64_t)st.st_ctim.tv_nsec);
	cr_assert(userindex_head_matches(&x->head, &st, x->size));
}

static uint64_t index_ok(void)
{
	uint64_t n = UINT64_MAX;

	cr_assert_eq(userindex_write(users, err, sizeof(err), &n), 0, "%s",
		     err);
	return n;
}

static void index_fails(const char *want_err)
{
	uint64_t n = 12345;

	cr_assert_eq(userindex_write(users, err, sizeof(err), &n), -1);
	cr_assert_eq(n, 12345);
	cr_assert_not_null(strstr(err, want_err), "error \"%s\", not \"%s\"",
			   err, want_err);
	cr_assert_eq(access(index_path, F_OK), -1, "old index left");
}

static const char sample[] = "# the users\n"                           /* 0 */
			     "\n"                                      /* 12 */
			     "zed:*\n"                                 /* 13 */
			     "locked:!$6$lockedsalt$xyz\n"             /* 19 */
			     "plain:nodollar\n"                        /* 45 */
			     "  # an indented comment\n"               /* 60 */
			     "alice:$6$saltsalt$alicehash\n"           /* 84 */
			     "bob@example.org:$y$j9T$salt$h:/srv/b\n"  /* 112 */
			     "\t\n"                                    /* 149 */
			     "carol:$2b$05$abcdefghijklmnopqrstuu12\n" /* 151 */
			     "dave:x"; /* 189, no LF */

Test(userindex_write, header_and_every_account)
{
	const char *logins[] = { "zed",   "locked",          "plain",
				 "alice", "bob@example.org", "carol",
				 "dave" };
	const uint64_t offs[] = { 13, 19, 45, 84, 112, 151, 189 };
	struct idx x;
	char *content;
	size_t size, i;

	write_users(sample);
	cr_assert_eq(index_ok(), 7);
	read_index(&x);
	content = users_content(&size);
	assert_identity(&x);
	cr_assert_eq(x.head.n_accounts, 7);
	cr_assert_eq(x.head.n_slots, 16);
	cr_assert_eq(occupied(&x), 7);
	/* zed is "*", locked is '!', plain has no setting: alice's. */
	cr_assert_eq(x.head.setting_off, 84);
	for (i = 0; i < sizeof(logins) / sizeof(logins[0]); i++) {
		cr_assert_eq(probe(&x, content, size, logins[i]), offs[i], "%s",
			     logins[i]);
	}
	cr_assert_eq(probe(&x, content, size, "ALICE"), 84);
	cr_assert_eq(probe(&x, content, size, "Bob@Example.ORG"), 112);
	cr_assert_eq(probe(&x, content, size, "bob"), USERINDEX_NO_OFFSET);
	cr_assert_eq(probe(&x, content, size, "the"), USERINDEX_NO_OFFSET);
	free(x.slot);
	free(content);
}

/* The servers' side takes it: userindex_open() and userindex_probe(). */
static int first_offset(void *ctx, uint64_t off)
{
	*(uint64_t *)ctx = off;
	return 1;
}

Test(userindex_write, the_reader_accepts_it)
{
	struct userindex ix;
	struct stat st;
	uint64_t off = 0;

	write_users(sample);
	index_ok();
	cr_assert_eq(stat(users, &st), 0);
	cr_assert_eq(userindex_open(users, &st, &ix), 1);
	cr_assert_eq(userindex_probe(&ix, "CAROL", 5, first_offset, &off), 1);
	cr_assert_eq(off, 151);
	cr_assert_eq(userindex_probe(&ix, "nobody", 6, first_offset, &off), 0);
	userindex_close(&ix);
}

/* One lookup's answer, to compare the two ways of looking up. */
struct answer {
	enum userfile_status st;
	struct user u;
};

static void look_all(const struct config *cfg, const char *const *q, size_t n,
		     struct answer *a)
{
	size_t i;

	for (i = 0; i < n; i++) {
		memset(&a[i], 0, sizeof(a[i]));
		if (strchr(q[i], '@') != NULL) {
			char local[128];
			const char *at = strchr(q[i], '@');

			snprintf(local, sizeof(local), "%.*s", (int)(at - q[i]),
				 q[i]);
			a[i].st = userfile_lookup_recipient(cfg, local, at + 1,
							    &a[i].u);
		} else {
			a[i].st = userfile_lookup(cfg, q[i], &a[i].u);
		}
	}
}

/* Lookups through the written index answer as the scan of the file. */
Test(userindex_write, lookups_agree_with_the_scan)
{
	static const char *const q[] = {
		"alice",
		"ALICE",
		"Bob",
		"bob",
		"carol",
		"nobody",
		"dave",
		"bob@example.org",
		"BOB@Example.org",
		"carol@example.org",
		"alice@other.net",
		"postmaster@example.org",
		"eve@example.org",
	};

	enum {
		N = sizeof(q) / sizeof(q[0])
	};
	struct answer with[N], without[N];
	struct config cfg;
	struct userindex ix;
	struct stat st;
	size_t i;

	memset(&cfg, 0, sizeof(cfg));
	snprintf(cfg.users_file, sizeof(cfg.users_file), "%s", users);
	snprintf(cfg.mail_root, sizeof(cfg.mail_root), "/var/mail/postern");
	snprintf(cfg.local_domains[0], sizeof(cfg.local_domains[0]),
		 "example.org");
	cfg.n_local_domains = 1;
	write_users("# agreement\n"
		    "zed:*\n"
		    "old:!$6$locked$h\n"
		    "Bob:$6$bobsalt$first:/srv/mail/bob\n"
		    "alice:plain\n"
		    "bob:$6$later$second\n"
		    "\n"
		    "carol:$y$j9T$carolsalt$h\n"
		    "BOB@example.org:!$2b$05$abcdefghijklmnopqrstuu12\n"
		    "dave:$6$dave$h\n"
		    "eve@example.org:$6$eve$h\n"
		    "ALICE:$6$alice2$h\n");
	index_ok();
	cr_assert_eq(stat(users, &st), 0);
	cr_assert_eq(userindex_open(users, &st, &ix), 1);
	userindex_close(&ix);
	look_all(&cfg, q, N, with);
	cr_assert_eq(unlink(index_path), 0);
	look_all(&cfg, q, N, without);
	for (i = 0; i < N; i++) {
		cr_assert_eq(with[i].st, without[i].st, "%s", q[i]);
		cr_assert_str_eq(with[i].u.login, without[i].u.login, "%s",
				 q[i]);
		cr_assert_str_eq(with[i].u.hash, without[i].u.hash, "%s", q[i]);
		cr_assert_str_eq(with[i].u.maildir, without[i].u.maildir, "%s",
				 q[i]);
		cr_assert_eq(with[i].u.locked, without[i].u.locked, "%s", q[i]);
	}
	/* The cases that matter: the first Bob line, the file's setting. */
	cr_assert_str_eq(with[3].u.hash, "$6$bobsalt$first");
	cr_assert_str_eq(with[5].u.hash, "$6$bobsalt$");
}

Test(userindex_write, slots_grow_in_powers_of_two)
{
	static const struct {
		unsigned accounts;
		uint32_t slots;
	} cases[] = { { 0, 8 },     { 1, 8 },       { 4, 8 },      { 5, 16 },
		      { 8, 16 },    { 9, 32 },      { 16, 32 },    { 17, 64 },
		      { 100, 256 }, { 1024, 2048 }, { 1025, 4096 } };
	struct idx x;
	char line[64];
	size_t c;
	unsigned i;

	for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		FILE *f = fopen(users, "w");

		cr_assert_not_null(f);
		for (i = 0; i < cases[c].accounts; i++) {
			snprintf(line, sizeof(line), "user%u:*\n", i);
			fputs(line, f);
		}
		cr_assert_eq(fclose(f), 0);
		cr_assert_eq(index_ok(), cases[c].accounts);
		read_index(&x);
		cr_assert_eq(x.head.n_slots, cases[c].slots, "%u accounts",
			     cases[c].accounts);
		cr_assert_eq(x.head.n_accounts, cases[c].accounts);
		cr_assert_eq(occupied(&x), cases[c].accounts);
		cr_assert_eq(x.head.setting_off, USERINDEX_NO_OFFSET);
		free(x.slot);
	}
}

Test(userindex_write, ten_thousand_accounts_all_found)
{
	struct idx x;
	char login[64], *content;
	size_t size;
	unsigned i;
	FILE *f = fopen(users, "w");

	cr_assert_not_null(f);
	fputs("# many\n", f);
	for (i = 0; i < 10000; i++)
		fprintf(f, "user%u@example.org:$6$salt%u$hash\n", i, i);
	cr_assert_eq(fclose(f), 0);
	cr_assert_eq(index_ok(), 10000);
	read_index(&x);
	content = users_content(&size);
	assert_identity(&x);
	cr_assert_eq(x.head.n_slots, 32768);
	cr_assert_eq(x.head.setting_off, 7);
	for (i = 0; i < 10000; i++) {
		snprintf(login, sizeof(login), "USER%u@example.org", i);
		cr_assert_neq(probe(&x, content, size, login),
			      USERINDEX_NO_OFFSET, "%s", login);
	}
	cr_assert_eq(probe(&x, content, size, "user10000@example.org"),
		     USERINDEX_NO_OFFSET);
	free(x.slot);
	free(content);
}

Test(userindex_write, first_line_for_a_login_wins)
{
	struct idx x;
	char *content;
	size_t size;

	write_users("Alice:!$6$first$h\n" /* 0 */
		    "bob:$6$bob$h\n"      /* 18 */
		    "alice:$6$second$h\n" /* 31 */
		    "ALICE:$6$third$h\n"  /* 49 */
		    "BOB:*\n");
	cr_assert_eq(index_ok(), 2);
	read_index(&x);
	content = users_content(&size);
	cr_assert_eq(x.head.n_accounts, 2);
	cr_assert_eq(occupied(&x), 2);
	cr_assert_eq(probe(&x, content, size, "alice"), 0);
	cr_assert_eq(probe(&x, content, size, "aLiCe"), 0);
	cr_assert_eq(probe(&x, content, size, "Bob"), 18);
	/* The dummy: the first unlocked line, whatever its login. */
	cr_assert_eq(x.head.setting_off, 18);
	free(x.slot);
	free(content);
}

struct pair {
	uint32_t h, i;
};

static int pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	return x->h < y->h ? -1 : x->h > y->h;
}

/* Two distinct logins "u<8 hex digits>" whose userindex_hash is the
   same: among 300,000 of them, some pairs collide (short decimal ones
   barely do). */
static void colliding_logins(char *a, char *b, size_t size)
{
	enum {
		N = 300000
	};
	struct pair *p = calloc(N, sizeof(*p));
	char s[32];
	uint32_t i;

	cr_assert_not_null(p);
	for (i = 0; i < N; i++) {
		snprintf(s, sizeof(s), "u%08x", i * 2654435761u);
		p[i].h = userindex_hash(s, strlen(s));
		p[i].i = i;
	}
	qsort(p, N, sizeof(*p), pair_cmp);
	for (i = 1; i < N && p[i].h != p[i - 1].h; i++)
		;
	cr_assert_lt(i, N, "no collision among %d logins", N);
	snprintf(a, size, "u%08x", p[i - 1].i * 2654435761u);
	snprintf(b, size, "u%08x", p[i].i * 2654435761u);
	free(p);
}

Test(userindex_write, colliding_hashes_are_told_apart)
{
	char a[32], b[32], text[256], *content;
	struct idx x;
	size_t size;
	uint64_t off_a, off_b;

	colliding_logins(a, b, sizeof(a));
	cr_assert_eq(userindex_hash(a, strlen(a)),
		     userindex_hash(b, strlen(b)));
	/* b's upper-case twin comes last and must not be added. */
	snprintf(text, sizeof(text), "%s:*\nx:*\n%s:*\n%c%s:*\n", a, b, 'U',
		 b + 1);
	write_users(text);
	cr_assert_eq(index_ok(), 3);
	read_index(&x);
	content = users_content(&size);
	off_a = probe(&x, content, size, a);
	off_b = probe(&x, content, size, b);
	cr_assert_eq(off_a, 0);
	cr_assert_eq(off_b, strlen(a) + 3 + 4);
	cr_assert_eq(occupied(&x), 3);
	free(x.slot);
	free(content);
}

Test(userindex_write, bad_lines_fail_and_remove_the_old_index)
{
	static const struct {
		const char *text, *err;
	} bad[] = {
		{ "a:*\n# ok\nno colon here\n", "users:3: no ':'" },
		{ "a:*\n:*\n", "users:2: bad login" },
		{ "a:*\nb:\n", "users:2:" },
		{ "a:*\nb:*:relative/dir\n", "users:2:" },
		{ "a:*\nb c:*\n", "users:2: bad login" },
	};

	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		write_users("good:*\n");
		index_ok();
		cr_assert_eq(access(index_path, F_OK), 0);
		write_users(bad[i].text);
		index_fails(bad[i].err);
		cr_assert_eq(strncmp(err, users, strlen(users)), 0, "%s", err);
		cr_assert_str_eq(dir_listing(), "users");
	}
}

Test(userindex_write, nul_byte_and_long_line)
{
	char big[POSTERN_MAX_FILE_LINE + 16];

	write_users("good:*\n");
	index_ok();
	write_file_n(users, "a:*\nb:\0*\n", 9);
	index_fails("users:2: NUL byte");
	/* 4095 octets and a LF are a line; 4096 are too long. */
	memset(big, 'h', sizeof(big));
	memcpy(big, "long:", 5);
	big[POSTERN_MAX_FILE_LINE - 1] = '\n';
	big[POSTERN_MAX_FILE_LINE] = '\0';
	cr_assert_eq(strlen(big), POSTERN_MAX_FILE_LINE);
	write_users(big);
	index_fails("users:1:"); /* a hash over POSTERN_MAX_HASH */
	memcpy(big, "#ong:", 5);
	write_users(big);
	cr_assert_eq(index_ok(), 0);
	big[POSTERN_MAX_FILE_LINE - 1] = 'h';
	big[POSTERN_MAX_FILE_LINE] = '\n';
	big[POSTERN_MAX_FILE_LINE + 1] = '\0';
	write_users(big);
	index_fails("users:1: line too long");
}

Test(userindex_write, file_over_the_size_bound)
{
	int fd;

	write_users("good:*\n");
	index_ok();
	/* A sparse file: NULs the servers would refuse anyway, but the size
	   is refused first, without reading 64 MiB. */
	fd = open(users, O_WRONLY | O_TRUNC);
	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, 64L * 1024 * 1024 + 1), 0);
	close(fd);
	index_fails("larger than 64 MiB");
	cr_assert_str_eq(dir_listing(), "users");
}

Test(userindex_write, missing_or_not_regular)
{
	write_users("good:*\n");
	index_ok();
	cr_assert_eq(unlink(users), 0);
	index_fails("No such file");
	cr_assert_eq(mkfifo(users, 0600), 0);
	index_fails("not a regular file");
	cr_assert_eq(unlink(users), 0);
	cr_assert_eq(mkdir(users, 0700), 0);
	index_fails("not a regular file");
	cr_assert_eq(rmdir(users), 0);
}

Test(userindex_write, a_symlinked_user_file)
{
	char target[POSTERN_MAX_PATHNAME + 8];
	struct idx x;
	struct stat st;

	snprintf(target, sizeof(target), "%s/real", dir);
	write_file_n(target, "a:*\nb:*\n", 8);
	cr_assert_eq(symlink("real", users), 0);
	cr_assert_eq(index_ok(), 2);
	read_index(&x);
	cr_assert_eq(stat(target, &st), 0);
	cr_assert_eq(x.head.ino, (uint64_t)st.st_ino);
	free(x.slot);
	cr_assert_str_eq(dir_listing(), "real users users.index");
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

Test(userindex_write, a_fresh_file_is_read_after_the_wait)
{
	double t0;
	struct idx x;

	write_users("a:*\n");
	t0 = now_s();
	cr_assert_eq(index_ok(), 1);
	cr_assert_geq(now_s() - t0, 0.045);
	read_index(&x);
	assert_identity(&x);
	free(x.slot);
}

/*
 * The file is rewritten in place (same size, same inode) just after it was
 * written, while the writer waits for its ctime to age. Whatever the
 * timing, the index must never describe the old content under the final
 * file's identity: either it describes the final content, or it no longer
 * matches the file (and the servers scan). On a quiet machine the change
 * comes during the wait and the first case is what happens.
 */
Test(userindex_write, a_change_during_the_wait_is_seen)
{
	struct stat st;
	struct idx x;
	char *content;
	size_t size;
	pid_t pid;
	int fd, status;

	write_users("old1:*\nold2:*\n");
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		struct timespec d = { 0, 10000000L };

		nanosleep(&d, NULL);
		fd = open(users, O_WRONLY);
		if (fd < 0 || pwrite(fd, "new1:*\nnew2", 11, 0) != 11)
			_exit(1);
		_exit(close(fd) == 0 ? 0 : 1);
	}
	cr_assert_eq(index_ok(), 2);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	read_index(&x);
	content = users_content(&size);
	cr_assert_str_eq(content, "new1:*\nnew2:*\n");
	cr_assert_eq(stat(users, &st), 0);
	if (userindex_head_matches(&x.head, &st, x.st.st_size)) {
		cr_assert_eq(probe(&x, content, size, "new1"), 0);
		cr_assert_eq(probe(&x, content, size, "new2"), 7);
		cr_assert_eq(probe(&x, content, size, "old1"),
			     USERINDEX_NO_OFFSET);
	}
	free(x.slot);
	free(content);
}

/* mtime is no witness (touch -d sets it anywhere): a file dated in the
   future is indexed at once. */
Test(userindex_write, mtime_in_the_future)
{
	struct timespec ts[2];
	struct idx x;

	write_users("good:*\n");
	clock_gettime(CLOCK_REALTIME, &ts[0]);
	ts[1] = ts[0];
	ts[1].tv_sec += 3600;
	cr_assert_eq(utimensat(AT_FDCWD, users, ts, 0), 0);
	cr_assert_eq(index_ok(), 1);
	read_index(&x);
	assert_identity(&x);
	free(x.slot);
}

/* A file that never holds still: a bounded wait, then an error. */
Test(userindex_write, a_file_that_keeps_changing, .timeout = 40)
{
	double t0;
	pid_t pid;
	int i, fd;

	write_users("good:*\n");
	index_ok();
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		struct timespec d = { 0, 10000000L };

		for (i = 0; i < 1500; i++) {
			fd = open(users, O_WRONLY);
			if (fd < 0 || pwrite(fd, i % 2 ? "g" : "G", 1, 0) != 1)
				_exit(1);
			close(fd);
			nanosleep(&d, NULL);
		}
		_exit(0);
	}
	/* The child's first change first. */
	usleep(30000);
	t0 = now_s();
	index_fails("keeps changing (or its timestamps are in the future)");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	cr_assert_lt(now_s() - t0, 30.0);
	cr_assert_str_eq(dir_listing(), "users");
}

Test(userindex_write, mode_and_owner)
{
	struct idx x;
	struct stat st;
	mode_t old = umask(077);

	write_users("a:$6$s$h\n");
	cr_assert_eq(chmod(users, 0640), 0);
	if (geteuid() == 0)
		cr_assert_eq(chown(users, 65534, 65534), 0);
	index_ok();
	umask(old);
	read_index(&x);
	cr_assert_eq(stat(users, &st), 0);
	/* 0644 less what the user file's 0640 withholds. */
	cr_assert_eq(x.st.st_mode & 07777, 0640, "mode %o",
		     (unsigned)(x.st.st_mode & 07777));
	cr_assert_eq(x.st.st_uid, st.st_uid);
	cr_assert_eq(x.st.st_gid, st.st_gid);
	cr_assert_eq(x.head.setting_off, 0);
	free(x.slot);
	cr_assert_str_eq(dir_listing(), "users users.index");
}

/* A rewrite replaces the index whole; nothing else stays behind. */
Test(userindex_write, rewrite_replaces_and_leaves_no_temporary)
{
	struct idx x;
	char *content;
	size_t size;

	write_users("a:*\n");
	cr_assert_eq(index_ok(), 1);
	write_users("b:*\nc:*\na:*\n");
	cr_assert_eq(index_ok(), 3);
	cr_assert_str_eq(dir_listing(), "users users.index");
	read_index(&x);
	content = users_content(&size);
	assert_identity(&x);
	cr_assert_eq(probe(&x, content, size, "a"), 8);
	free(x.slot);
	free(content);
}

Test(userindex_write, unwritable_directory)
{
	if (geteuid() == 0)
		cr_skip_test("root writes anywhere");
	write_users("a:*\n");
	index_ok();
	cr_assert_eq(chmod(dir, 0555), 0);
	cr_assert_eq(userindex_write(users, err, sizeof(err), NULL), -1);
	cr_assert_eq(chmod(dir, 0755), 0);
	cr_assert_not_null(strstr(err, "Permission denied"), "%s", err);
	cr_assert_not_null(strstr(err, "could not be removed"), "%s", err);
	cr_assert_str_eq(dir_listing(), "users users.index");
}

Test(userindex_write, path_too_long)
{
	char longp[POSTERN_MAX_PATHNAME + 16];

	memset(longp, 'x', sizeof(longp));
	longp[0] = '/';
	longp[POSTERN_MAX_PATHNAME - 8] = '\0';
	cr_assert_eq(userindex_write(longp, err, sizeof(err), NULL), -1);
	cr_assert_not_null(strstr(err, "path too long"), "%s", err);
}
