/*
 * postern-passwd: adds, changes the password of, locks, unlocks, removes
 * and lists accounts in the user file of smtpd(8) and pop3d(8), and
 * writes its index. The file is rewritten atomically under a lock, and
 * the index after it (ufedit.c); new passwords are read without echo and
 * hashed with yescrypt (pwprompt.c).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pwprompt.h"
#include "ufedit.h"
#include "userfile.h"

#ifndef POSTERN_VERSION
#define POSTERN_VERSION "unknown"
#endif

enum op {
	OP_ADD,
	OP_PASSWD,
	OP_LOCK,
	OP_UNLOCK,
	OP_REMOVE,
	OP_LIST,
	OP_INDEX
};

struct edit {
	enum op op;
	const char *login;
	const char *maildir; /* add: NULL for the default */
	char hash[POSTERN_MAX_HASH + 1];
	const struct config *cfg;
	unsigned found;
};

struct command {
	const char *name;
	enum op op;
	int min_args, max_args; /* after the command word */
};

static const struct command commands[] = {
	{ "add", OP_ADD, 1, 2 },       { "passwd", OP_PASSWD, 1, 1 },
	{ "lock", OP_LOCK, 1, 1 },     { "unlock", OP_UNLOCK, 1, 1 },
	{ "remove", OP_REMOVE, 1, 1 }, { "del", OP_REMOVE, 1, 1 },
	{ "list", OP_LIST, 0, 0 },     { "index", OP_INDEX, 0, 0 },
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: postern-passwd [-c config] [-f userfile] [-r cost] [-L] "
		"command [args]\n"
		"  add LOGIN [MAILDIR]   add an account (-L: locked, no password)\n"
		"  passwd LOGIN          set a new password\n"
		"  lock LOGIN            refuse logins, keep receiving mail\n"
		"  unlock LOGIN          allow logins again\n"
		"  remove LOGIN          remove the account (alias: del)\n"
		"  list                  list accounts, status and Maildir\n"
		"  index                 write the index the servers look up "
		"logins in\n"
		"Passwords come from the terminal without echo, or as one line "
		"on standard input.\n"
		"Every change rewrites the index too; after an edit by hand, "
		"run index again.\n");
}

/* The hash of a "lock" or "unlock"; NULL keeps the line as it is. */
static const char *toggle(struct edit *e, const struct ufline *l, char *buf,
			  size_t size)
{
	const char *h = l->hash;

	if (e->op == OP_LOCK) {
		if (userfile_hash_locked(h))
			return NULL;
		snprintf(buf, size, "!%s", h);
		return buf;
	}
	if (!userfile_hash_locked(h))
		return NULL;
	h += strspn(h, "!");
	snprintf(buf, size, "%s", h);
	return buf;
}

/* One line of the old file: copied, replaced or (remove) dropped. */
static int edit_line(void *ctx, const struct ufline *l, FILE *out)
{
	struct edit *e = ctx;
	char h[POSTERN_MAX_HASH + 2];
	const char *nh = NULL, *md = l->has_maildir ? l->maildir : NULL;

	if (!l->is_entry || !userfile_login_equal(l->login, e->login))
		return ufedit_put_line(l, out);
	e->found++;
	switch (e->op) {
	case OP_ADD:
		fprintf(stderr, "postern-passwd: %s exists (line %lu)\n",
			l->login, l->lineno);
		return -1;
	case OP_REMOVE:
		return 0;
	case OP_PASSWD:
		/* A '!' lock outlives a new password, as with passwd -l. */
		snprintf(h, sizeof h, "%s%s", l->hash[0] == '!' ? "!" : "",
			 e->hash);
		nh = h;
		break;
	default:
		nh = toggle(e, l, h, sizeof h);
		if (nh == NULL)
			fprintf(stderr, "postern-passwd: %s is already %s\n",
				l->login,
				e->op == OP_LOCK ? "locked" : "unlocked");
		break;
	}
	if (nh == NULL)
		return ufedit_put_line(l, out);
	if (nh[0] == '\0' || strcmp(nh, "*") == 0) {
		fprintf(stderr,
			"postern-passwd: %s has no password to unlock; set one "
			"with passwd\n",
			l->login);
		return -1;
	}
	if (strlen(nh) > POSTERN_MAX_HASH) {
		fprintf(stderr, "postern-passwd: %s: hash too long\n",
			l->login);
		return -1;
	}
	return ufedit_put_entry(out, l->login, nh, md);
}

/* After the last line: add appends, the others must have found it. */
static int edit_end(void *ctx, FILE *out)
{
	struct edit *e = ctx;

	if (e->op == OP_ADD)
		return ufedit_put_entry(out, e->login, e->hash, e->maildir);
	if (e->found == 0) {
		fprintf(stderr, "postern-passwd: no account %s\n", e->login);
		return -1;
	}
	return 0;
}

/* Counts lines whose login matches, for checks before a prompt. */
static int count_line(void *ctx, const struct ufline *l, FILE *out)
{
	struct edit *e = ctx;

	(void)out;
	if (l->is_entry && userfile_login_equal(l->login, e->login))
		e->found++;
	return 0;
}

static int list_line(void *ctx, const struct ufline *l, FILE *out)
{
	struct edit *e = ctx;

	(void)out;
	if (!l->is_entry)
		return 0;
	if (l->maildir[0] != '\0')
		printf("%s\t%s\t%s\n", l->login,
		       userfile_hash_locked(l->hash) ? "locked" : "active",
		       l->maildir);
	else
		printf("%s\t%s\t%s/%s\n", l->login,
		       userfile_hash_locked(l->hash) ? "locked" : "active",
		       e->cfg->mail_root, l->login);
	return 0;
}

/* Before a password prompt: the account must (passwd) or must not (add)
   exist. The rewrite checks again under the lock. */
static int precheck(struct edit *e, const char *users)
{
	e->found = 0;
	if (ufedit_scan(users, true, count_line, e) < 0)
		return -1;
	if (e->op == OP_ADD && e->found > 0) {
		fprintf(stderr, "postern-passwd: %s exists\n", e->login);
		return -1;
	}
	if (e->op == OP_PASSWD && e->found == 0) {
		fprintf(stderr, "postern-passwd: no account %s\n", e->login);
		return -1;
	}
	e->found = 0;
	return 0;
}

static int new_hash(struct edit *e, unsigned long cost, bool nopass)
{
	char pw[PW_BUFSIZE];
	int r;

	if (nopass) {
		snprintf(e->hash, sizeof e->hash, "*");
		return 0;
	}
	if (pw_read_new(e->login, pw) < 0)
		return -1;
	r = pw_hash(pw, cost, e->hash, sizeof e->hash);
	explicit_bzero(pw, sizeof pw);
	return r;
}

/*
 * A Maildir for add: absolute and free of control characters, as the
 * servers require; no ':' either, which other readers of login:hash:maildir
 * lines might split at.
 */
static bool valid_maildir(const char *s)
{
	size_t n = strlen(s);

	if (s[0] != '/' || n >= POSTERN_MAX_PATHNAME)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < ' ' || s[i] == 0x7f || s[i] == ':')
			return false;
	return true;
}

static int run(struct edit *e, const char *users, unsigned long cost,
	       bool nopass)
{
	if (e->op == OP_LIST) {
		if (ufedit_scan(users, true, list_line, e) < 0)
			return 1;
		if (fflush(stdout) != 0 || ferror(stdout)) {
			perror("postern-passwd: standard output");
			return 1;
		}
		return 0;
	}
	if (e->op == OP_INDEX) {
		uint64_t n;

		if (ufedit_index(users, &n) < 0)
			return 1;
		printf("%llu %s indexed\n", (unsigned long long)n,
		       n == 1 ? "account" : "accounts");
		if (fflush(stdout) != 0 || ferror(stdout)) {
			perror("postern-passwd: standard output");
			return 1;
		}
		return 0;
	}
	if (e->op == OP_ADD || e->op == OP_PASSWD) {
		if (precheck(e, users) < 0 || new_hash(e, cost, nopass) < 0)
			return 1;
	}
	return ufedit_rewrite(users, edit_line, edit_end, e) < 0 ? 1 : 0;
}

/* Parses -r: yescrypt costs are small numbers; crypt_gensalt_rn checks
   the range. */
static int parse_cost(const char *s, unsigned long *cost_r)
{
	char *end;

	if (s[0] < '0' || s[0] > '9' || strlen(s) > 2)
		return -1;
	*cost_r = strtoul(s, &end, 10);
	return *end == '\0' ? 0 : -1;
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Checks the command line after the options; the usage status or 0. */
static int check_args(const struct command *c, int argc, char **argv,
		      bool nopass)
{
	if (c == NULL || argc - 1 < c->min_args || argc - 1 > c->max_args ||
	    (nopass && c->op != OP_ADD)) {
		usage(stderr);
		return 2;
	}
	if (argc > 1 && !userfile_valid_login(argv[1])) {
		fprintf(stderr,
			"postern-passwd: bad login (1 to %d octets; no ':', "
			"white space, '/' or control characters; not . or ..)\n",
			POSTERN_MAX_LOGIN);
		return 1;
	}
	if (argc > 2 && !valid_maildir(argv[2])) {
		fprintf(stderr, "postern-passwd: bad Maildir (an absolute path "
				"without ':' or control characters)\n");
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct config cfg;
	struct edit e = { 0 };
	const char *conf = NULL, *users = NULL;
	char err[POSTERN_MAX_PATHNAME + 256];
	unsigned long cost = 0;
	bool nopass = false;
	int opt, r;

	while ((opt = getopt(argc, argv, "+c:f:r:LhV")) != -1) {
		switch (opt) {
		case 'c':
			conf = optarg;
			break;
		case 'f':
			users = optarg;
			break;
		case 'r':
			if (parse_cost(optarg, &cost) < 0) {
				fprintf(stderr, "postern-passwd: bad cost %s\n",
					optarg);
				return 2;
			}
			break;
		case 'L':
			nopass = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("postern-passwd %s\n", POSTERN_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage(stderr);
		return 2;
	}
	e.cfg = &cfg;
	e.login = argv[1];
	e.maildir = argc > 2 ? argv[2] : NULL;
	r = check_args(find_command(argv[0]), argc, argv, nopass);
	if (r != 0)
		return r;
	e.op = find_command(argv[0])->op;
	config_defaults(&cfg);
	if (config_load(&cfg, conf != NULL ? conf : CONFIG_DEFAULT_FILE,
			conf != NULL, err, sizeof err) < 0) {
		fprintf(stderr, "postern-passwd: %s\n", err);
		return 1;
	}
	return run(&e, users != NULL ? users : cfg.users_file, cost, nopass);
}
