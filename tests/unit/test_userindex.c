/*
 * test_userindex.c: lookups through the user file's index (userindex.c,
 * userfile_indexed.c). The indexes are made here, by a small writer of
 * the test's own, so that the reader is tested apart from
 * userindex_write() and can be fed stale, foreign and broken indexes. A
 * user file with a bad line shows which way a lookup went: the scan
 * answers TEMPFAIL, a fresh index (which vouches for every line) answers.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "userfile.h"
#include "userindex.h"

static char dir[256], index_path[POSTERN_MAX_PATHNAME + 8];
static struct config cfg;

static void setup(void)
{
	const char *t = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/userindex.XXXXXX", t ? t : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
	memset(&cfg, 0, sizeof(cfg));
	snprintf(cfg.users_file, sizeof(cfg.users_file), "%s/users", dir);
	snprintf(index_path, sizeof(index_path), "%s%s", cfg.users_file,
		 USERINDEX_SUFFIX);
	snprintf(cfg.mail_root, sizeof(cfg.mail_root), "/var/mail/postern");
	snprintf(cfg.local_domains[0], sizeof(cfg.local_domains[0]),
		 "example.org");
	cfg.n_local_domains = 1;
}

static void teardown(void)
{
	unlink(index_path);
	unlink(cfg.users_file);
	rmdir(dir);
}

TestSuite(userindex, .init = setup, .fini = teardown);

static void write_users(const char *content)
{
	FILE *f = fopen(cfg.users_file, "w");

	cr_assert_not_null(f);
	cr_assert_eq(fputs(content, f) >= 0, 1);
	cr_assert_eq(fclose(f), 0);
}

/* An index being made: the header and the slots, before writing. */
struct made {
	struct userindex_head head;
	struct userindex_slot *slot;
};

static void put(struct made *m, const char *login, size_t len, uint64_t off)
{
	uint32_t h = userindex_hash(login, len), i;

	for (i = h & (m->head.n_slots - 1); m->slot[i].off1 != 0;
	     i = (i + 1) & (m->head.n_slots - 1))
		;
	m->slot[i].hash = h;
	m->slot[i].off1 = (uint32_t)off + 1;
}

/*
 * Makes the index of the user file as it is now: every account line in
 * order (the test files hold no duplicates), the setting of the first
 * line whose hash starts with '$'. The test may change m before
 * write_index().
 */
static void make_index(struct made *m, uint32_t n_slots)
{
	struct stat st;
	char *content, *line, *nl, *colon;
	FILE *f;

	cr_assert_eq(stat(cfg.users_file, &st), 0);
	memset(m, 0, sizeof(*m));
	memcpy(m->head.magic, USERINDEX_MAGIC, sizeof(m->head.magic));
	m->head.byte_order = USERINDEX_BYTE_ORDER;
	m->head.n_slots = n_slots;
	m->head.dev = (uint64_t)st.st_dev;
	m->head.ino = (uint64_t)st.st_ino;
	m->head.size = (uint64_t)st.st_size;
	m->head.mtime_sec = st.st_mtim.tv_sec;
	m->head.mtime_nsec = st.st_mtim.tv_nsec;
	m->head.ctime_sec = st.st_ctim.tv_sec;
	m->head.ctime_nsec = st.st_ctim.tv_nsec;
	m->head.setting_off = USERINDEX_NO_OFFSET;
	m->slot = calloc(n_slots, sizeof(*m->slot));
	content = calloc(1, (size_t)st.st_size + 1);
	cr_assert(m->slot != NULL && content != NULL);
	f = fopen(cfg.users_file, "r");
	cr_assert_not_null(f);
	cr_assert_eq(fread(content, 1, (size_t)st.st_size, f),
		     (size_t)st.st_size);
	fclose(f);
	for (line = content; *line != '\0'; line = nl + 1) {
		nl = strchr(line, '\n');
		cr_assert_not_null(nl);
		colon = memchr(line, ':', (size_t)(nl - line));
		if (line[0] != '#' && colon != NULL) {
			put(m, line, (size_t)(colon - line),
			    (uint64_t)(line - content));
			m->head.n_accounts++;
			if (colon[1] == '$' &&
			    m->head.setting_off == USERINDEX_NO_OFFSET)
				m->head.setting_off =
					(uint64_t)(line - content);
		}
	}
	free(content);
}

static void write_index(struct made *m, mode_t mode)
{
	FILE *f = fopen(index_path, "w");

	cr_assert_not_null(f);
	cr_assert_eq(fwrite(&m->head, sizeof(m->head), 1, f), 1);
	cr_assert_eq(fwrite(m->slot, sizeof(*m->slot), m->head.n_slots, f),
		     m->head.n_slots);
	cr_assert_eq(fclose(f), 0);
	cr_assert_eq(chmod(index_path, mode), 0);
	free(m->slot);
}

static void index_now(uint32_t n_slots)
{
	struct made m;

	make_index(&m, n_slots);
	write_index(&m, 0644);
}

/* A user file whose third line is bad: only an index can answer. */
static const char users_with_bad_line[] =
	"# users\n"
	"alice:$6$saltsalt$alicehash:/srv/mail/alice\n"
	"bad line\n"
	"bob@example.org:$6$bobsalt$bobhash\n"
	"bob:$6$other$bare\n"
	"carol:!$6$locked$x\n";

Test(userindex, fresh_index_answers)
{
	struct user u;

	write_users(users_with_bad_line);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_TEMPFAIL);
	index_now(16);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.login, "alice");
	cr_assert_str_eq(u.hash, "$6$saltsalt$alicehash");
	cr_assert_str_eq(u.maildir, "/srv/mail/alice");
	cr_assert_eq(userfile_lookup(&cfg, "ALICE", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.login, "alice");
	/* Unknown: the dummy is the first '$' account's setting. */
	cr_assert_eq(userfile_lookup(&cfg, "zed", &u), USERFILE_NOT_FOUND);
	cr_assert_str_eq(u.login, "");
	cr_assert_str_eq(u.hash, "$6$saltsalt$");
	/* Locked: found, with the dummy as hash. */
	cr_assert_eq(userfile_lookup(&cfg, "carol", &u), USERFILE_FOUND);
	cr_assert(u.locked);
	cr_assert_str_eq(u.hash, "$6$saltsalt$");
	cr_assert_eq(userfile_lookup(&cfg, "bad line", &u), USERFILE_NOT_FOUND);
}

Test(userindex, recipients_in_order_of_preference)
{
	struct user u;

	write_users(users_with_bad_line);
	index_now(8);
	cr_assert_eq(userfile_lookup_recipient(&cfg, "bob", "example.org", &u),
		     USERFILE_FOUND);
	cr_assert_str_eq(u.login, "bob@example.org");
	cr_assert_str_eq(u.maildir, "/var/mail/postern/bob@example.org");
	cr_assert_eq(
		userfile_lookup_recipient(&cfg, "Alice", "EXAMPLE.org", &u),
		USERFILE_FOUND);
	cr_assert_str_eq(u.login, "alice");
	cr_assert_eq(userfile_lookup_recipient(&cfg, "dave", "example.org", &u),
		     USERFILE_NOT_FOUND);
	cr_assert_eq(userfile_lookup_recipient(&cfg, "alice", "other.net", &u),
		     USERFILE_NOT_FOUND);
	/* postmaster without an account still has a Maildir. */
	cr_assert_eq(userfile_lookup_recipient(&cfg, "postmaster", "", &u),
		     USERFILE_FOUND);
	cr_assert_str_eq(u.maildir, "/var/mail/postern/postmaster");
}

/* Any change to the user file makes the index stale: back to the scan. */
Test(userindex, stale_index_is_not_used)
{
	struct user u;

	write_users(users_with_bad_line);
	index_now(16);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_FOUND);
	/* Same content, a new ctime (after a tick of the file system's
	   clock, which may be coarse). */
	usleep(30000);
	cr_assert_eq(chmod(cfg.users_file, 0640), 0);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_TEMPFAIL);
	/* Rewritten: a new size and times. */
	write_users("alice:$6$s$h\nbad line\nzoe:$6$s$z\n");
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_TEMPFAIL);
	index_now(16);
	cr_assert_eq(userfile_lookup(&cfg, "zoe", &u), USERFILE_FOUND);
}

Test(userindex, index_writable_by_others_is_not_used)
{
	struct user u;
	struct made m;

	write_users(users_with_bad_line);
	make_index(&m, 16);
	write_index(&m, 0664);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_TEMPFAIL);
	cr_assert_eq(chmod(index_path, 0644), 0);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_FOUND);
	cr_assert_eq(chmod(index_path, 0646), 0);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_TEMPFAIL);
}

Test(userindex, malformed_heads_are_not_used)
{
	struct user u;
	struct made m;
	FILE *f;
	int i;

	write_users(users_with_bad_line);
	for (i = 0; i < 6; i++) {
		make_index(&m, 16);
		switch (i) {
		case 0:
			m.head.magic[0] = 'x';
			break;
		case 1:
			m.head.byte_order = 0x04030201u;
			break;
		case 2:
			m.head.n_slots = 12; /* not a power of two */
			break;
		case 3:
			m.head.n_accounts = 1; /* and a slot too many below */
			break;
		case 4:
			m.head.setting_off = m.head.size;
			break;
		default:
			m.head.n_accounts = 17;
			break;
		}
		write_index(&m, 0644);
		if (i == 3) {
			f = fopen(index_path, "a");
			cr_assert_not_null(f);
			cr_assert_eq(fwrite("\0\0\0\0\0\0\0\0", 8, 1, f), 1);
			cr_assert_eq(fclose(f), 0);
		}
		cr_assert_eq(userfile_lookup(&cfg, "alice", &u),
			     USERFILE_TEMPFAIL, "case %d", i);
	}
	/* Cut short. */
	index_now(16);
	cr_assert_eq(truncate(index_path, 100), 0);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_TEMPFAIL);
	/* Not a regular file. */
	unlink(index_path);
	cr_assert_eq(mkdir(index_path, 0755), 0);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_TEMPFAIL);
	cr_assert_eq(rmdir(index_path), 0);
	/* Empty. */
	f = fopen(index_path, "w");
	cr_assert_not_null(f);
	fclose(f);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_TEMPFAIL);
}

/* Slots that point where no line of theirs starts send the lookup back
   to the scan; a login of the same hash is passed over. */
Test(userindex, wrong_offsets_fall_back_to_the_scan)
{
	struct user u;
	struct made m;
	uint32_t i;

	write_users(users_with_bad_line);
	/* alice's slot pointing into the middle of her line. */
	make_index(&m, 16);
	for (i = 0; i < 16; i++)
		if (m.slot[i].off1 != 0 &&
		    m.slot[i].hash == userindex_hash("alice", 5))
			m.slot[i].off1 += 3;
	write_index(&m, 0644);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_TEMPFAIL);
	/* Past the end of the user file. */
	make_index(&m, 16);
	for (i = 0; i < 16; i++)
		if (m.slot[i].hash == userindex_hash("alice", 5))
			m.slot[i].off1 = (uint32_t)m.head.size + 1;
	write_index(&m, 0644);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_TEMPFAIL);
	/* At the bad line. */
	make_index(&m, 16);
	for (i = 0; i < 16; i++)
		if (m.slot[i].hash == userindex_hash("alice", 5))
			m.slot[i].off1 =
				(uint32_t)(strstr(users_with_bad_line, "bad") -
					   users_with_bad_line) +
				1;
	write_index(&m, 0644);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_TEMPFAIL);
	/* bob's line filed under alice's hash ahead of alice's own: a
	   collision, passed over. */
	make_index(&m, 16);
	for (i = 0; i < 16; i++)
		m.slot[i].off1 = 0;
	put(&m, "alice", 5,
	    (uint64_t)(strstr(users_with_bad_line, "bob:") -
		       users_with_bad_line));
	put(&m, "alice", 5,
	    (uint64_t)(strstr(users_with_bad_line, "alice") -
		       users_with_bad_line));
	write_index(&m, 0644);
	cr_assert_eq(userfile_lookup(&cfg, "alice", &u), USERFILE_FOUND);
	cr_assert_str_eq(u.login, "alice");
	cr_assert_eq(userfile_lookup(&cfg, "bob", &u), USERFILE_NOT_FOUND);
}

/* A table with no empty slot still ends every probe. */
Test(userindex, full_table)
{
	struct user u;
	struct made m;
	uint32_t i;

	write_users(users_with_bad_line);
	make_index(&m, 8);
	for (i = 0; i < 8; i++)
		if (m.slot[i].off1 == 0) {
			m.slot[i].hash = 1;
			m.slot[i].off1 = 1;
		}
	write_index(&m, 0644);
	cr_assert_eq(userfile_lookup(&cfg, "nobody-at-all", &u),
		     USERFILE_NOT_FOUND);
	cr_assert_eq(userfile_lookup(&cfg, "carol", &u), USERFILE_FOUND);
}

/* The dummy setting comes from the line the index names, which must be
   an unlocked account with a setting. */
Test(userindex, setting_line)
{
	struct user u;
	struct made m;

	write_users(users_with_bad_line);
	make_index(&m, 16);
	m.head.setting_off = (uint64_t)(strstr(users_with_bad_line, "carol") -
					users_with_bad_line);
	write_index(&m, 0644);
	cr_assert_eq(userfile_lookup(&cfg, "zed", &u), USERFILE_TEMPFAIL);
	make_index(&m, 16);
	m.head.setting_off = USERINDEX_NO_OFFSET;
	write_index(&m, 0644);
	cr_assert_eq(userfile_lookup(&cfg, "zed", &u), USERFILE_NOT_FOUND);
	/* No setting in the file: libxcrypt's default, as the scan does. */
	cr_assert_eq(strncmp(u.hash, "$y$", 3) == 0 ||
			     strncmp(u.hash, "$6$", 3) == 0,
		     1);
}

/* Logins hash as they compare: ASCII letters without case. */
Test(userindex, hash_is_case_blind)
{
	cr_assert_eq(userindex_hash("Alice@Example.ORG", 17),
		     userindex_hash("alice@example.org", 17));
	cr_assert_neq(userindex_hash("alice", 5), userindex_hash("alicf", 5));
	/* FNV-1a's published value for "a". */
	cr_assert_eq(userindex_hash("a", 1), 0xe40c292cu);
}
