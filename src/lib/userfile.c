/*
 * userfile.c: lookups in the user file of INTERFACE.md. Every lookup reads
 * the whole file through one fixed buffer, so a bad line anywhere fails
 * every lookup alike, and unknown logins cost the same file scan and
 * crypt_rn() run as known ones (popa3d's AUTH_DUMMY_SALT, with the file's
 * own cost). Line syntax: userfile_parse.c; passwords: userfile_password.c.
 */
#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "userfile.h"

/* Reads of the user file: 10,000 accounts are a few dozen read(2)s. */
#define UF_READ_BUF 65536
/*
 * A user file is read whole on every lookup: a bound keeps a mistaken
 * users_file (a log, a sparse file) from stalling sessions. 64 MiB is
 * some 500,000 accounts.
 */
#define UF_MAX_FILE_SIZE (64L * 1024 * 1024)
/* Logins one scan looks for: postmaster key, local@domain, local. */
#define UF_MAX_WANT 3

struct uf_reader {
	int fd;
	size_t start, end;
	long total; /* octets read so far, at most UF_MAX_FILE_SIZE */
	bool eof;
	char buf[UF_READ_BUF];
};

struct uf_scan {
	const char *want[UF_MAX_WANT]; /* in order of preference */
	size_t n_want;
	int best; /* index in want of the account in u, -1 for none yet */
	char setting[POSTERN_MAX_HASH + 1]; /* first usable account's, or "" */
};

/*
 * The next line into line (size octets with its NUL, LF stripped, *len_r
 * octets, NULs included): 1, 0 at the end, -1 on a read error. A longer line is
 * consumed whole and reported through too_long_r, so the line count stays
 * right.
 */
static int uf_getline(struct uf_reader *r, char *line, size_t size,
		      size_t *len_r, bool *too_long_r)
{
	size_t len = 0, take;
	bool got = false;
	const char *b, *nl;
	ssize_t n;

	*too_long_r = false;
	for (;;) {
		if (r->start == r->end) {
			if (r->eof)
				break;
			n = read(r->fd, r->buf, sizeof(r->buf));
			if (n < 0 && errno == EINTR)
				continue;
			if (n > 0 && (r->total += n) > UF_MAX_FILE_SIZE)
				errno = EFBIG;
			if (n < 0 || r->total > UF_MAX_FILE_SIZE)
				return -1;
			r->eof = n == 0;
			r->start = 0;
			r->end = (size_t)n;
			continue;
		}
		got = true;
		b = r->buf + r->start;
		nl = memchr(b, '\n', r->end - r->start);
		take = nl != NULL ? (size_t)(nl - b) : r->end - r->start;
		if (len + take < size)
			memcpy(line + len, b, take);
		else
			*too_long_r = true;
		len = *too_long_r ? size - 1 : len + take;
		r->start += take + (nl != NULL);
		if (nl != NULL)
			break;
	}
	line[len] = '\0';
	*len_r = len;
	return got ? 1 : 0;
}

/*
 * The crypt setting of a hash (algorithm, cost and salt): up to its last
 * '$' ("$y$j9T$salt$", "$6$rounds=N$salt$"), or bcrypt's fixed 29 octets,
 * whose salt runs into the checksum. false when hash has no such form.
 */
static bool uf_setting(const char *hash, char *out, size_t size)
{
	const char *last;
	size_t n, dollars = 0;

	if (hash[0] != '$')
		return false;
	for (last = hash; *last != '\0'; last++)
		dollars += *last == '$';
	if (strncmp(hash, "$2", 2) == 0 && hash[2] != '\0' && hash[3] == '$')
		n = strlen(hash) >= 29 ? 29 : 0;
	else if (dollars >= 3)
		n = (size_t)(strrchr(hash, '$') - hash) + 1;
	else
		n = 0;
	if (n == 0 || n >= size)
		return false;
	memcpy(out, hash, n);
	out[n] = '\0';
	return true;
}

/* Without a usable account: yescrypt at libxcrypt's default cost, with a
   fixed salt (it only has to cost what a real check costs). */
static const char *uf_default_setting(void)
{
	static const char rbytes[16] = "postern-dummy-1";
	static char setting[CRYPT_GENSALT_OUTPUT_SIZE];

	if (setting[0] == '\0' &&
	    crypt_gensalt_rn("$y$", 0, rbytes, (int)sizeof(rbytes), setting,
			     (int)sizeof(setting)) == NULL &&
	    crypt_gensalt_rn("$6$", 0, rbytes, (int)sizeof(rbytes), setting,
			     (int)sizeof(setting)) == NULL)
		setting[0] = '\0';
	return setting;
}

/* Copies e into u; false when the default maildir path does not fit. */
static bool uf_fill(const struct config *cfg, const struct userfile_entry *e,
		    struct user *u)
{
	int r;

	snprintf(u->login, sizeof(u->login), "%s", e->login);
	snprintf(u->hash, sizeof(u->hash), "%s", e->hash);
	u->locked = userfile_hash_locked(e->hash);
	if (e->maildir != NULL)
		r = snprintf(u->maildir, sizeof(u->maildir), "%s", e->maildir);
	else
		r = snprintf(u->maildir, sizeof(u->maildir), "%s/%s",
			     cfg->mail_root, e->login);
	return r >= 0 && (size_t)r < sizeof(u->maildir);
}

/* Looks at one account line: the dummy setting, then the wanted logins. */
static const char *uf_consider(const struct config *cfg, struct uf_scan *sc,
			       const struct userfile_entry *e, struct user *u)
{
	size_t i, stop;

	if (sc->setting[0] == '\0' && !userfile_hash_locked(e->hash))
		(void)uf_setting(e->hash, sc->setting, sizeof(sc->setting));
	/* The first line for a login wins, as in passwd(5). */
	stop = sc->best < 0 ? sc->n_want : (size_t)sc->best;
	for (i = 0; i < stop; i++) {
		if (!userfile_login_equal(e->login, sc->want[i]))
			continue;
		if (!uf_fill(cfg, e, u))
			return "maildir path too long";
		sc->best = (int)i;
		break;
	}
	return NULL;
}

/* Opens the user file: a regular file, since a FIFO or a device could
   block or never end. -1 when it cannot be read (logged). */
static int uf_open(const struct config *cfg, char *esc, size_t size)
{
	struct stat st;
	int fd, err;

	log_escape(esc, size, cfg->users_file);
	fd = open(cfg->users_file,
		  O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	err = errno;
	if (fd != -1 && fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
		close(fd);
		fd = -1;
		err = EINVAL;
	}
	if (fd == -1)
		log_msg(LOG_ERR, "event=userfile_error file=%s error=\"%s\"",
			esc,
			err == EINVAL ? "not a regular file" : strerror(err));
	return fd;
}

/* Reads the whole file; a bad line stops the scan as TEMPFAIL. */
static enum userfile_status uf_scan(const struct config *cfg,
				    struct uf_scan *sc, struct user *u)
{
	static struct uf_reader rd;
	static char line[POSTERN_MAX_FILE_LINE], esc[POSTERN_MAX_PATHNAME];
	struct userfile_entry e;
	const char *bad = NULL;
	unsigned long lineno = 0;
	size_t len;
	bool too_long;
	int r = 0;

	rd.fd = uf_open(cfg, esc, sizeof(esc));
	if (rd.fd == -1)
		return USERFILE_TEMPFAIL;
	rd.start = rd.end = 0;
	rd.total = 0;
	rd.eof = false;
	while (bad == NULL && (r = uf_getline(&rd, line, sizeof(line), &len,
					      &too_long)) == 1) {
		lineno++;
		if (too_long)
			bad = "line too long";
		else if ((bad = userfile_parse_line(line, len, &e)) == NULL &&
			 e.login != NULL)
			bad = uf_consider(cfg, sc, &e, u);
	}
	if (bad == NULL && r == -1)
		log_msg(LOG_ERR, "event=userfile_error file=%s error=\"%s\"",
			esc, strerror(errno));
	else if (bad != NULL)
		log_msg(LOG_ERR,
			"event=userfile_error file=%s:%lu error=\"%s\"", esc,
			lineno, bad);
	close(rd.fd);
	/* Hashes are secrets too: leave none behind in memory. */
	explicit_bzero(line, sizeof(line));
	explicit_bzero(rd.buf, sizeof(rd.buf));
	return bad != NULL || r == -1 ? USERFILE_TEMPFAIL
	       : sc->best < 0         ? USERFILE_NOT_FOUND
				      : USERFILE_FOUND;
}

/*
 * After a scan: an unknown login gets login "" and a locked account keeps
 * its login, but both get the dummy setting as hash, so that a password
 * check on them costs a real one (userfile_check_password).
 */
static enum userfile_status uf_finish(const struct uf_scan *sc,
				      enum userfile_status st, struct user *u)
{
	const char *dummy =
		sc->setting[0] != '\0' ? sc->setting : uf_default_setting();

	if (st != USERFILE_FOUND)
		memset(u, 0, sizeof(*u));
	if (st != USERFILE_FOUND || u->locked)
		snprintf(u->hash, sizeof(u->hash), "%s", dummy);
	return st;
}

enum userfile_status userfile_lookup(const struct config *cfg,
				     const char *login, struct user *u_r)
{
	struct uf_scan sc;

	memset(&sc, 0, sizeof(sc));
	sc.best = -1;
	/* An impossible login still costs a whole scan. */
	if (userfile_valid_login(login))
		sc.want[sc.n_want++] = login;
	return uf_finish(&sc, uf_scan(cfg, &sc, u_r), u_r);
}

enum userfile_status userfile_lookup_recipient(const struct config *cfg,
					       const char *local,
					       const char *domain,
					       struct user *u_r)
{
	char full[POSTERN_MAX_LOGIN + 2];
	struct uf_scan sc;
	enum userfile_status st;
	bool pm = userfile_login_equal(local, "postmaster");
	int r;

	memset(&sc, 0, sizeof(sc));
	sc.best = -1;
	if (domain == NULL)
		domain = "";
	/* Only postmaster may come without a domain (RFC 5321 4.1.1.3). */
	if ((domain[0] == '\0' && !pm) ||
	    (domain[0] != '\0' && !config_is_local_domain(cfg, domain)))
		return uf_finish(&sc, USERFILE_NOT_FOUND, u_r);
	if (pm && cfg->postmaster[0] != '\0')
		sc.want[sc.n_want++] = cfg->postmaster;
	r = snprintf(full, sizeof(full), "%s@%s", local, domain);
	if (domain[0] != '\0' && r > 0 && (size_t)r < sizeof(full) &&
	    userfile_valid_login(full))
		sc.want[sc.n_want++] = full;
	/* A quoted local part with '@' ("bob@other.net"@example.org) must
	   not reach the account of an address login for another domain. */
	if (userfile_valid_login(local) && strchr(local, '@') == NULL)
		sc.want[sc.n_want++] = local;
	st = uf_scan(cfg, &sc, u_r);
	if (pm && cfg->postmaster[0] != '\0' && st != USERFILE_TEMPFAIL &&
	    sc.best != 0)
		log_msg(LOG_WARNING, "event=postmaster_missing login=%s",
			cfg->postmaster);
	if (st != USERFILE_NOT_FOUND || !pm)
		return uf_finish(&sc, st, u_r);
	/* RFC 5321 4.5.1: postmaster is always accepted. */
	memset(u_r, 0, sizeof(*u_r));
	r = snprintf(u_r->maildir, sizeof(u_r->maildir), "%s/postmaster",
		     cfg->mail_root);
	if (r < 0 || (size_t)r >= sizeof(u_r->maildir))
		return uf_finish(&sc, USERFILE_TEMPFAIL, u_r);
	snprintf(u_r->login, sizeof(u_r->login), "postmaster");
	u_r->locked = true;
	return uf_finish(&sc, USERFILE_FOUND, u_r);
}
