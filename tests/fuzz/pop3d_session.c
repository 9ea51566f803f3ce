/*
 * pop3d_session.c: a libFuzzer harness that runs one whole pop3d session
 * (greeting, AUTHORIZATION, TRANSACTION, UPDATE) with the input as the
 * client's bytes, against a small Maildir rebuilt in a private directory
 * for every input, since UPDATE unlinks and renames its files. The
 * messages cover what RETR, TOP and the sizes must get right: dot lines,
 * CRLF already stored, a bare CR, 8-bit octets, no final newline, an
 * empty file, a wrong ,S=, a unique name too long or too odd for a UIDL.
 *
 * A DEL octet (0x7f) in the input makes another Maildir reader move,
 * rename and remove messages at that point of the session.
 *
 * The replies are checked as they are written: every LF must follow a CR
 * (RFC 1939 section 3), whatever the messages hold.
 *
 * Build and run: see tests/fuzz/README.pop3d.
 */
#include "pop3d.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"

/* The login and its password, $1$ (MD5-crypt): cheap enough to fuzz. */
#define FUZZ_USERS                                                             \
	"krissyj:$1$abcdefgh$T5ar5peUlP/Jb6r1XQoj7.\n"                         \
	"locked:*\n"                                                           \
	"nodir:$1$abcdefgh$T5ar5peUlP/Jb6r1XQoj7.:%s/nowhere\n"

struct fuzz_msg {
	const char *sub, *name, *text;
};

static const struct fuzz_msg msgs[] = {
	{ "new", "1700000001.M1P1.fuzz,S=47,W=51",
	  "Subject: a\n\n.dot line\n..two\n.\nlast line\n" },
	{ "cur", "1700000002.M2P2.fuzz:2,S",
	  "Subject: b\r\n\r\nCRLF stored\r\nbare\rCR\r\n8bit \xe9\xff" },
	{ "new", "1700000003.M3P3.fuzz,S=999,W=1", "Subject: c\n\nwrong S\n" },
	{ "new", "1700000004.M4P4.fuzz", "" },
	{ "cur",
	  "1700000005.M5P5.a-very-long-unique-name-that-is-well-over-"
	  "seventy-octets-long-for-a-uidl:2,",
	  "\n\n\n.\n" },
	{ "new", "no time \x01 here", "Subject: d\n" },
	{ "cur", "1700000006.M6P6.fuzz:2,FS", "X: y\n\nbody\n\nmore\n\n" },
};

static char root[64], maildir[128];
static struct config cfg;
static struct peer peer;

/* The client: the input, handed out in pieces of chunk octets. */
struct feed {
	const uint8_t *p;
	size_t left, chunk;
	bool last_cr; /* the last octet written was CR */
	bool echo;    /* FUZZ_ECHO set: show the replies on stdout */
	bool meddle;  /* the last read ended at a DEL */
};

static void meddle(void);

static ssize_t feed_read(struct conn *c, void *buf, size_t n)
{
	struct feed *f = c->ctx;
	const uint8_t *del;

	if (n > f->left)
		n = f->left;
	if (n > f->chunk)
		n = f->chunk;
	/* A DEL ends a read; the other reader acts before the next one,
	   once the session has answered every command before the DEL. */
	if (f->meddle)
		meddle();
	del = memchr(f->p, 0x7f, n);
	f->meddle = del != NULL;
	if (del != NULL)
		n = (size_t)(del - f->p) + 1;
	memcpy(buf, f->p, n);
	f->p += n;
	f->left -= n;
	return (ssize_t)n;
}

static ssize_t feed_write(struct conn *c, const void *buf, size_t n)
{
	struct feed *f = c->ctx;
	const uint8_t *p = buf;
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '\n' && !f->last_cr)
			__builtin_trap(); /* a reply line without CRLF */
		f->last_cr = p[i] == '\r';
	}
	if (f->echo && fwrite(buf, 1, n, stdout) != n)
		abort();
	return (ssize_t)n;
}

static const struct conn_ops feed_ops = { feed_read, feed_write };

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		abort();
	close(fd);
}

static void run(const char *cmd)
{
	if (system(cmd) != 0)
		abort();
}

/* Removes what UPDATE left in dir (files, and the one directory). */
static void clear_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
		abort();
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (unlinkat(dirfd(d), e->d_name, 0) < 0 &&
		    unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR) < 0)
			abort();
	}
	closedir(d);
}

/* Empties new/ and cur/ and puts the messages back. */
static void rebuild(void)
{
	char path[512];
	size_t i;

	snprintf(path, sizeof path, "%s/new", maildir);
	mkdir(path, 0700);
	clear_dir(path);
	snprintf(path, sizeof path, "%s/cur", maildir);
	mkdir(path, 0700);
	clear_dir(path);
	for (i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
		snprintf(path, sizeof path, "%s/%s/%s", maildir, msgs[i].sub,
			 msgs[i].name);
		write_file(path, msgs[i].text);
	}
	/* Not messages: a directory and a symlink. */
	snprintf(path, sizeof path, "%s/new/1700000007.dir", maildir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/cur/1700000008.link", maildir);
	if (symlink("/etc/passwd", path) < 0)
		abort();
}

/*
 * What another reader (mutt, an IMAP server) does during a session: moves
 * everything in new/ to cur/ with flags, renames in cur/, removes a
 * message and delivers a new one.
 */
static void meddle(void)
{
	char from[512], to[600];
	struct dirent *e;
	DIR *d;

	snprintf(from, sizeof from, "%s/new", maildir);
	d = opendir(from);
	if (d == NULL)
		abort();
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || e->d_type != DT_REG)
			continue;
		snprintf(from, sizeof from, "%s/new/%s", maildir, e->d_name);
		snprintf(to, sizeof to, "%s/cur/%s:2,S", maildir, e->d_name);
		rename(from, to);
	}
	closedir(d);
	snprintf(from, sizeof from, "%s/cur/1700000006.M6P6.fuzz:2,FS",
		 maildir);
	snprintf(to, sizeof to, "%s/cur/1700000006.M6P6.fuzz:2,FRS", maildir);
	rename(from, to);
	snprintf(from, sizeof from, "%s/cur/1700000002.M2P2.fuzz:2,S", maildir);
	unlink(from);
	snprintf(from, sizeof from, "%s/new/1700000099.M9P9.fuzz", maildir);
	write_file(from, "Subject: arrived\n\n");
}

static void cleanup(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf %s", root);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", root);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[512], users[512];
	const char *base =
		getenv("FUZZ_TMPDIR") ? getenv("FUZZ_TMPDIR") : "/dev/shm";

	(void)argc;
	(void)argv;
	log_init("pop3d-fuzz");
	snprintf(root, sizeof root, "%.40s/pop3d-fuzz.%d", base, (int)getpid());
	snprintf(maildir, sizeof maildir, "%s/mail/krissyj", root);
	snprintf(path, sizeof path, "mkdir -p %s/mail/krissyj/tmp", root);
	run(path);
	atexit(cleanup);
	snprintf(path, sizeof path, "%s/users", root);
	snprintf(users, sizeof users, FUZZ_USERS, root);
	write_file(path, users);
	config_defaults(&cfg);
	snprintf(cfg.users_file, sizeof cfg.users_file, "%s/users", root);
	snprintf(cfg.mail_root, sizeof cfg.mail_root, "%s/mail", root);
	cfg.plaintext_auth = PLAINTEXT_AUTH_YES;
	cfg.auth_failure_delay = 0;
	cfg.auth_failure_limit = 3;
	cfg.error_limit = 20;
	peer.in_fd = peer.out_fd = -1;
	peer.local = true;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct conn conn;
	static struct pop3_session s;
	/* Some inputs arrive one piece at a time, as from a slow client. */
	struct feed f = { data,
			  size,
			  size % 3 == 0 ? 1 + size % 17 : SIZE_MAX,
			  false,
			  getenv("FUZZ_ECHO") != NULL,
			  false };

	rebuild();
	memset(&s, 0, sizeof s);
	conn_init_ops(&conn, &feed_ops, &f, -1, -1);
	s.conn = &conn;
	s.cfg = &cfg;
	s.peer = &peer;
	s.lock_fd = -1;
	s.drop.new_fd = s.drop.cur_fd = -1;
	s.deadline_ms = pop3_now_ms() +
			(uint64_t)POSTERN_POP3_SESSION_MAX_SECONDS * 1000;
	pop3_session_run(&s);
	drop_free(&s.drop);
	if (s.lock_fd >= 0)
		close(s.lock_fd);
	return 0;
}
