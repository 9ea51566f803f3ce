/*
 * test_pop3d_drop.c: the maildrop of pop3d in a temporary Maildir: order
 * by delivery time, sizes from names only when ,S= matches, UIDLs and
 * their digests, messages moved by other readers, UPDATE, and the lock.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pop3d.h"
#include "sha256.h"

static char dir[64];

static void setup(void)
{
	char p[128];

	strcpy(dir, "/tmp/test_pop3d_drop.XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(p, sizeof p, "%s/new", dir);
	cr_assert_eq(mkdir(p, 0700), 0);
	snprintf(p, sizeof p, "%s/cur", dir);
	cr_assert_eq(mkdir(p, 0700), 0);
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

/* Writes dir/sub/name with content. */
static void put(const char *sub, const char *name, const char *content)
{
	char p[512];
	FILE *f;

	snprintf(p, sizeof p, "%s/%s/%s", dir, sub, name);
	f = fopen(p, "w");
	cr_assert_not_null(f, "%s", p);
	fputs(content, f);
	cr_assert_eq(fclose(f), 0);
}

static bool exists(const char *sub, const char *name)
{
	char p[512];

	snprintf(p, sizeof p, "%s/%s/%s", dir, sub, name);
	return access(p, F_OK) == 0;
}

TestSuite(drop, .init = setup, .fini = teardown);

Test(drop, order_sizes_and_duplicates)
{
	struct maildrop d;

	put("new", "1700000300.M1P1.h,S=5,W=7", "abcd\n");
	put("cur", "1700000100.M2P1.h:2,S", "x\ny\n");
	put("new", "1700000100.M1P1.h", "z\n");
	put("new", "1700000100.M1P1.h,S=9,W=99", "lie\n");
	/* One message caught in both new/ and cur/ is listed once. */
	put("new", "1700000200.M5P1.h", "dup\n");
	put("cur", "1700000200.M5P1.h:2,S", "dup\n");
	put("new", ".hidden", "not a message\n");
	cr_assert_eq(drop_load(&d, dir), 0);
	cr_assert_eq(d.n, 5);
	cr_assert_str_eq(drop_name(&d, 0), "1700000100.M1P1.h");
	cr_assert_str_eq(drop_name(&d, 1), "1700000100.M1P1.h,S=9,W=99");
	cr_assert_str_eq(drop_name(&d, 2), "1700000100.M2P1.h:2,S");
	cr_assert_str_eq(drop_name(&d, 3), "1700000200.M5P1.h");
	cr_assert_str_eq(drop_name(&d, 4), "1700000300.M1P1.h,S=5,W=7");
	cr_assert_eq(d.msgs[0].size, 3);
	cr_assert_eq(d.msgs[1].size, 5, "a ,S= that does not match is ignored");
	cr_assert_eq(d.msgs[2].size, 6);
	cr_assert_eq(d.msgs[4].size, 7);
	cr_assert_eq(d.total, 3 + 5 + 6 + 5 + 7);
	cr_assert(d.msgs[2].flags & DROP_IN_CUR);
	drop_free(&d);
}

Test(drop, name_without_time_uses_mtime)
{
	struct timespec ts[2] = { { 1600000000, 0 }, { 1600000000, 0 } };
	struct maildrop d;
	char p[256];

	put("new", "1700000000.M1P1.h", "a\n");
	put("new", "foreign-name", "b\n");
	snprintf(p, sizeof p, "%s/new/foreign-name", dir);
	cr_assert_eq(utimensat(AT_FDCWD, p, ts, 0), 0);
	cr_assert_eq(drop_load(&d, dir), 0);
	cr_assert_eq(d.n, 2);
	cr_assert_str_eq(drop_name(&d, 0), "foreign-name");
	drop_free(&d);
}

Test(drop, skips_what_is_not_a_plain_file)
{
	struct maildrop d;
	char p[256];

	put("new", "1700000000.M1P1.h", "a\n");
	snprintf(p, sizeof p, "%s/new/1700000001.link", dir);
	cr_assert_eq(symlink("/etc/passwd", p), 0);
	snprintf(p, sizeof p, "%s/new/1700000002.fifo", dir);
	cr_assert_eq(mkfifo(p, 0600), 0);
	snprintf(p, sizeof p, "%s/cur/1700000003.dir", dir);
	cr_assert_eq(mkdir(p, 0700), 0);
	cr_assert_eq(drop_load(&d, dir), 0);
	cr_assert_eq(d.n, 1);
	drop_free(&d);
}

Test(drop, missing_maildir_is_empty)
{
	struct maildrop d;
	char p[256];

	snprintf(p, sizeof p, "%s/nothing", dir);
	cr_assert_eq(drop_load(&d, p), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_eq(d.total, 0);
	drop_free(&d);
}

Test(drop, uidl)
{
	static const char n70[] =
		"1700000000.M1P1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		"aaaaaaaaaaaaaaaaaaaaaaa";
	static const char n71[] =
		"1700000001.M1P1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		"aaaaaaaaaaaaaaaaaaaaaaaa";
	char uid[POP3_MAX_UIDL + 1], hex[65], name[128];
	struct maildrop d;

	cr_assert_eq(strlen(n70), 70);
	cr_assert_eq(strlen(n71), 71);
	put("new", n70, "a\n");
	snprintf(name, sizeof name, "%s:2,S", n71);
	put("cur", name, "b\n");
	put("new", "1700000002.M1P1.caf\xc3\xa9", "c\n");
	cr_assert_eq(drop_load(&d, dir), 0);
	cr_assert_eq(d.n, 3);
	drop_uidl(&d, 0, uid);
	cr_assert_str_eq(uid, n70);
	drop_uidl(&d, 1, uid);
	sha256_hex(n71, strlen(n71), hex);
	cr_assert_str_eq(uid, hex, "the digest is of the unique part only");
	drop_uidl(&d, 2, uid);
	sha256_hex("1700000002.M1P1.caf\xc3\xa9", 21, hex);
	cr_assert_str_eq(uid, hex);
	drop_free(&d);
}

Test(drop, finds_moved_messages)
{
	struct maildrop d;
	char old[256], moved[256], buf[8] = "";
	int fd;

	put("new", "1700000000.M1P1.h", "a\n");
	put("new", "1700000001.M1P1.h", "b\n");
	cr_assert_eq(drop_load(&d, dir), 0);
	/* Another reader moves message 1 to cur/ with flags and removes
	   message 2. */
	snprintf(old, sizeof old, "%s/new/1700000000.M1P1.h", dir);
	snprintf(moved, sizeof moved, "%s/cur/1700000000.M1P1.h:2,RS", dir);
	cr_assert_eq(rename(old, moved), 0);
	snprintf(old, sizeof old, "%s/new/1700000001.M1P1.h", dir);
	cr_assert_eq(unlink(old), 0);
	fd = drop_open(&d, 0);
	cr_assert_geq(fd, 0);
	cr_assert_eq(read(fd, buf, sizeof buf), 2);
	cr_assert_str_eq(buf, "a\n");
	close(fd);
	cr_assert(d.msgs[0].flags & DROP_IN_CUR);
	cr_assert_eq(drop_open(&d, 1), -1);
	cr_assert_eq(errno, ENOENT);
	drop_free(&d);
}

/*
 * Another reader that opens the folder moves every message at once: the
 * first search finds them all again, so that RETR or UPDATE over a large
 * moved maildrop costs one pass over the Maildir, not one per message.
 */
Test(drop, one_pass_finds_all_moved_messages)
{
	struct maildrop d;
	char name[256];
	int dirfd, fd;

	put("new", "1700000000.M1P1.h", "a\n");
	put("new", "1700000001.M1P1.h", "b\n");
	put("new", "1700000002.M1P1.h", "c\n");
	put("new", "1700000003.M1P1.h", "d\n");
	cr_assert_eq(drop_load(&d, dir), 0);
	cr_assert_eq(renameat(d.new_fd, "1700000000.M1P1.h", d.cur_fd,
			      "1700000000.M1P1.h:2,S"),
		     0);
	cr_assert_eq(renameat(d.new_fd, "1700000002.M1P1.h", d.cur_fd,
			      "1700000002.M1P1.h:2,RS"),
		     0);
	cr_assert_eq(unlinkat(d.new_fd, "1700000003.M1P1.h", 0), 0);
	fd = drop_open(&d, 0);
	cr_assert_geq(fd, 0);
	close(fd);
	/* Message 3 was found by the same pass, 2 never moved, 4 is gone. */
	cr_assert(d.msgs[2].flags & DROP_IN_CUR);
	cr_assert_str_eq(drop_name(&d, 2), "1700000002.M1P1.h:2,RS");
	cr_assert(!(d.msgs[1].flags & DROP_IN_CUR));
	cr_assert(d.msgs[3].flags & DROP_GONE);
	cr_assert_eq(drop_locate(&d, 3, &dirfd, name), -1);
	cr_assert_eq(errno, ENOENT);
	/* A later move is found again. */
	cr_assert_eq(renameat(d.new_fd, "1700000001.M1P1.h", d.cur_fd,
			      "1700000001.M1P1.h:2,T"),
		     0);
	cr_assert_eq(drop_locate(&d, 1, &dirfd, name), 0);
	cr_assert_eq(dirfd, d.cur_fd);
	cr_assert_str_eq(name, "1700000001.M1P1.h:2,T");
	drop_free(&d);
}

Test(drop, update)
{
	struct maildrop d;

	put("new", "1700000000.M1P1.h", "read\n");
	put("new", "1700000001.M1P1.h", "deleted\n");
	put("new", "1700000002.M1P1.h", "deleted, then moved\n");
	put("cur", "1700000003.M1P1.h:2,FT", "read in cur\n");
	cr_assert_eq(drop_load(&d, dir), 0);
	cr_assert_eq(d.n, 4);
	d.msgs[0].flags |= DROP_READ;
	d.msgs[1].flags |= DROP_DELETED;
	d.msgs[2].flags |= DROP_DELETED;
	d.msgs[3].flags |= DROP_READ;
	/* Meanwhile another reader moves one and new mail arrives. */
	cr_assert_eq(renameat(d.new_fd, "1700000002.M1P1.h", d.cur_fd,
			      "1700000002.M1P1.h:2,S"),
		     0);
	put("new", "1700000009.M1P1.h", "arrived\n");
	cr_assert_eq(update_commit(&d), 0);
	cr_assert(exists("cur", "1700000000.M1P1.h:2,S"));
	cr_assert(!exists("new", "1700000000.M1P1.h"));
	cr_assert(!exists("new", "1700000001.M1P1.h"));
	cr_assert(!exists("cur", "1700000002.M1P1.h:2,S"));
	cr_assert(exists("cur", "1700000003.M1P1.h:2,FT"));
	cr_assert(exists("new", "1700000009.M1P1.h"));
	drop_free(&d);
}

Test(drop, update_reports_failed_removals)
{
	struct maildrop d;

	put("new", "1700000000.M1P1.h", "a\n");
	put("new", "1700000001.M1P1.h", "b\n");
	cr_assert_eq(drop_load(&d, dir), 0);
	d.msgs[0].flags |= DROP_DELETED;
	d.msgs[1].flags |= DROP_DELETED;
	/* A directory where the file was: unlink fails (EISDIR), even for
	   root; the other removal still happens. */
	cr_assert_eq(unlinkat(d.new_fd, "1700000000.M1P1.h", 0), 0);
	cr_assert_eq(mkdirat(d.new_fd, "1700000000.M1P1.h", 0700), 0);
	cr_assert_eq(update_commit(&d), 1);
	cr_assert(exists("new", "1700000000.M1P1.h"));
	cr_assert(!exists("new", "1700000001.M1P1.h"));
	drop_free(&d);
}

Test(drop, lock)
{
	char p[256];
	pid_t pid;
	int fd, status;

	cr_assert_eq(lock_maildrop(dir, &fd), LOCK_OK);
	cr_assert_geq(fd, 0);
	/* fcntl locks are per process: ask from another one. */
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		int fd2;

		_exit(lock_maildrop(dir, &fd2) == LOCK_BUSY ? 0 : 1);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(fd);
	/* Released with the descriptor (or the process): free again. */
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		int fd2;

		_exit(lock_maildrop(dir, &fd2) == LOCK_OK ? 0 : 1);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	snprintf(p, sizeof p, "%s/nothing", dir);
	cr_assert_eq(lock_maildrop(p, &fd), LOCK_NODIR);
	cr_assert_eq(fd, -1);
}
