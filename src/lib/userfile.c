/*
 * userfile.c: lookups in the user file of INTERFACE.md. Without a fresh
 * index (userindex.h, userfile_indexed.c) a lookup reads the whole file
 * through one fixed buffer, so a bad line anywhere fails every lookup
 * alike; with one, postern-passwd has checked every line of this very
 * file. Unknown logins cost the same lookup and crypt_rn() run as known
 * ones (popa3d's AUTH_DUMMY_SALT, with the file's own cost). Line syntax:
 * userfile_parse.c; passwords: userfile_password.c.
 */
#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fmt.h"
#include "log.h"
#include "userfile.h"
#include "userfile_private.h"

int uf_nextline(struct uf_reader *r, const char **line_r, size_t *len_r)
{
	size_t searched = 0, avail;
	const char *b, *nl;
	ssize_t n;

	for (;;) {
		b = r->buf + r->start;
		avail = r->end - r->start;
		nl = memchr(b + searched, '\n', avail - searched);
		if (nl != NULL || avail >= POSTERN_MAX_FILE_LINE ||
		    (r->eof && avail > 0)) {
			*line_r = b;
			*len_r = nl != NULL ? (size_t)(nl - b) : avail;
			r->line_off = (uint64_t)r->total - avail;
			r->start += *len_r + (nl != NULL);
			return 1;
		}
		if (r->eof)
			return 0;
		searched = avail;
		if (r->start > 0) {
			memmove(r->buf, b, avail);
			r->start = 0;
			r->end = avail;
		}
		/* avail < POSTERN_MAX_FILE_LINE, so there is room. */
		n = read(r->fd, r->buf + r->end, sizeof(r->buf) - r->end);
		if (n < 0 && errno == EINTR)
			continue;
		if (n > 0 && (r->total += n) > UF_MAX_FILE_SIZE)
			errno = EFBIG;
		if (n < 0 || r->total > UF_MAX_FILE_SIZE)
			return -1;
		r->eof = n == 0;
		r->end += (size_t)n;
		if (r->end > r->high)
			r->high = r->end;
	}
}

bool userfile_hash_setting(const char *hash, char *out, size_t size)
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

	fmt_snprintf(u->login, sizeof(u->login), "%s", e->login);
	fmt_snprintf(u->hash, sizeof(u->hash), "%s", e->hash);
	u->locked = userfile_hash_locked(e->hash);
	if (e->maildir != NULL)
		r = fmt_snprintf(u->maildir, sizeof(u->maildir), "%s",
				 e->maildir);
	else
		r = fmt_snprintf(u->maildir, sizeof(u->maildir), "%s/%s",
				 cfg->mail_root, e->login);
	return r >= 0 && (size_t)r < sizeof(u->maildir);
}

const char *uf_consider(const struct config *cfg, struct uf_scan *sc,
			const struct userfile_entry *e, struct user *u)
{
	size_t i, stop;

	if (sc->setting[0] == '\0' && !userfile_hash_locked(e->hash))
		(void)userfile_hash_setting(e->hash, sc->setting,
					    sizeof(sc->setting));
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
static int uf_open(const struct config *cfg, char *esc, size_t size,
		   struct stat *st)
{
	int fd, err;

	log_escape(esc, size, cfg->users_file);
	fd = open(cfg->users_file,
		  O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	err = errno;
	if (fd != -1 && fstat(fd, st) != 0) {
		err = errno;
		close(fd);
		fd = -1;
	} else if (fd != -1 && !S_ISREG(st->st_mode)) {
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

/* ASCII case-insensitive equality of n octets, as userfile_login_equal. */
static bool uf_login_equal_n(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

		if (x != y && (x | 0x20) != (y | 0x20))
			return false;
		if (x != y && ((x | 0x20) < 'a' || (x | 0x20) > 'z'))
			return false;
	}
	return true;
}

/*
 * Whether a valid account line needs the full parse: while no dummy
 * setting is known and its hash may give one (a '$' form, so unlocked),
 * or when its login is one still wanted (lengths first, then octets).
 */
static bool uf_wanted(const struct uf_scan *sc, const char *line,
		      const struct userfile_span *sp)
{
	size_t i, stop = sc->best < 0 ? sc->n_want : (size_t)sc->best;

	if (sc->setting[0] == '\0' && line[sp->hash_off] == '$')
		return true;
	for (i = 0; i < stop; i++)
		if (sc->want_len[i] == sp->login_len &&
		    uf_login_equal_n(line, sc->want[i], sp->login_len))
			return true;
	return false;
}

/*
 * Asks the index first. Else reads the whole file; a bad line stops the
 * scan as TEMPFAIL. Every line
 * is checked in place (userfile_line_ok); only a line that is wanted, or
 * that the fast check refuses, is copied and split by
 * userfile_parse_line(), which has the last word on what is bad.
 */
static enum userfile_status uf_scan(const struct config *cfg,
				    struct uf_scan *sc, struct user *u)
{
	static struct uf_reader rd;
	static char line[POSTERN_MAX_FILE_LINE], esc[POSTERN_MAX_PATHNAME];
	struct userfile_entry e;
	struct userfile_span sp;
	enum userfile_status status;
	const char *bad = NULL, *p;
	unsigned long lineno = 0;
	size_t len, line_high = 0;
	struct stat st;
	int r = 0;

	rd.fd = uf_open(cfg, esc, sizeof(esc), &st);
	if (rd.fd == -1)
		return USERFILE_TEMPFAIL;
	if (uf_indexed_scan(cfg, sc, u, rd.fd, &st, esc, &status) == 1) {
		close(rd.fd);
		return status;
	}
	rd.start = rd.end = rd.high = 0;
	rd.total = 0;
	rd.eof = false;
	while (bad == NULL && (r = uf_nextline(&rd, &p, &len)) == 1) {
		lineno++;
		if (len >= sizeof(line)) {
			bad = "line too long";
			continue;
		}
		if (userfile_line_ok(p, len, &sp) &&
		    (!sp.account || !uf_wanted(sc, p, &sp)))
			continue;
		memcpy(line, p, len);
		line[len] = '\0';
		if (len + 1 > line_high)
			line_high = len + 1;
		if ((bad = userfile_parse_line(line, len, &e)) == NULL &&
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
	/* Hashes are secrets too: leave none behind in memory. The octets
	   past what was filled never held any. */
	explicit_bzero(line, line_high);
	explicit_bzero(rd.buf, rd.high);
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
		fmt_snprintf(u->hash, sizeof(u->hash), "%s", dummy);
	return st;
}

enum userfile_status userfile_lookup(const struct config *cfg,
				     const char *login, struct user *u_r)
{
	struct uf_scan sc;

	memset(&sc, 0, sizeof(sc));
	sc.best = -1;
	/* An impossible login still costs a whole scan. */
	if (userfile_valid_login(login)) {
		sc.want_len[sc.n_want] = strlen(login);
		sc.want[sc.n_want++] = login;
	}
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
	size_t i;
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
	r = fmt_snprintf(full, sizeof(full), "%s@%s", local, domain);
	if (domain[0] != '\0' && r > 0 && (size_t)r < sizeof(full) &&
	    userfile_valid_login(full))
		sc.want[sc.n_want++] = full;
	/* A quoted local part with '@' ("bob@other.net"@example.org) must
	   not reach the account of an address login for another domain. */
	if (userfile_valid_login(local) && strchr(local, '@') == NULL)
		sc.want[sc.n_want++] = local;
	/* Lengths once, so that most lines are told apart by length. */
	for (i = 0; i < sc.n_want; i++)
		sc.want_len[i] = strlen(sc.want[i]);
	st = uf_scan(cfg, &sc, u_r);
	if (pm && cfg->postmaster[0] != '\0' && st != USERFILE_TEMPFAIL &&
	    sc.best != 0)
		log_msg(LOG_WARNING, "event=postmaster_missing login=%s",
			cfg->postmaster);
	if (st != USERFILE_NOT_FOUND || !pm)
		return uf_finish(&sc, st, u_r);
	/* RFC 5321 4.5.1: postmaster is always accepted. */
	memset(u_r, 0, sizeof(*u_r));
	r = fmt_snprintf(u_r->maildir, sizeof(u_r->maildir), "%s/postmaster",
			 cfg->mail_root);
	if (r < 0 || (size_t)r >= sizeof(u_r->maildir))
		return uf_finish(&sc, USERFILE_TEMPFAIL, u_r);
	fmt_snprintf(u_r->login, sizeof(u_r->login), "postmaster");
	u_r->locked = true;
	return uf_finish(&sc, USERFILE_FOUND, u_r);
}
