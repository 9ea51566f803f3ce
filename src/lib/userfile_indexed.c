/*
 * userfile_indexed.c: a lookup through the user file's index (userindex.h).
 * For each wanted login in order of preference, the index gives the
 * offsets of the lines whose login hashes alike; each is read from the
 * user file with pread(2) and judged by userfile_parse_line() as the scan
 * would. Anything unexpected (a line that does not start where the index
 * says, a bad line, a read error) is logged and sends the lookup back to
 * the scan of the whole file, which then names what is wrong.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "userfile_private.h"
#include "userindex.h"

/* One byte before the line (its LF), the line, its LF. Static: it holds
   hashes, wiped after every lookup up to uf_ix_high. */
static char uf_ix_buf[POSTERN_MAX_FILE_LINE + 2];
static size_t uf_ix_high;

struct uf_probe {
	const struct config *cfg;
	struct uf_scan *sc;
	struct user *u;
	int fd;
	uint64_t size;     /* the user file's, as the index checked */
	const char *want;  /* the login being probed */
	const char *wrong; /* why the index cannot be trusted, or NULL */
	const char *bad;   /* what uf_consider() refused, or NULL */
};

/*
 * Reads the line that starts at off into uf_ix_buf and splits it
 * (userfile_parse_line). false when off is not the start of a line, the
 * line is too long or bad, or the read fails.
 */
static bool uf_ix_line(const struct uf_probe *p, uint64_t off,
		       struct userfile_entry *e)
{
	uint64_t from = off > 0 ? off - 1 : 0;
	size_t want = sizeof(uf_ix_buf) - 1, got, len;
	char *line, *nl;
	ssize_t n;

	if (off >= p->size)
		return false;
	if (p->size - from < want)
		want = (size_t)(p->size - from);
	do
		n = pread(p->fd, uf_ix_buf, want, (off_t)from);
	while (n < 0 && errno == EINTR);
	if (n != (ssize_t)want)
		return false;
	if (want > uf_ix_high)
		uf_ix_high = want;
	if (off > 0 && uf_ix_buf[0] != '\n')
		return false;
	line = uf_ix_buf + (off - from);
	got = want - (size_t)(off - from);
	nl = memchr(line, '\n', got);
	/* No LF within the bound: too long, unless the file ends there. */
	if (nl == NULL && from + want < p->size)
		return false;
	len = nl != NULL ? (size_t)(nl - line) : got;
	if (len >= POSTERN_MAX_FILE_LINE)
		return false;
	line[len] = '\0';
	return userfile_parse_line(line, len, e) == NULL && e->login != NULL;
}

/* userindex_probe()'s callback: 1 when the line is the wanted login's. */
static int uf_ix_candidate(void *ctx, uint64_t off)
{
	struct uf_probe *p = ctx;
	struct userfile_entry e;

	if (!uf_ix_line(p, off, &e)) {
		p->wrong = "no account line where the index points";
		return -1;
	}
	/* Another login of the same hash: the probe goes on. */
	if (!userfile_login_equal(e.login, p->want))
		return 0;
	p->bad = uf_consider(p->cfg, p->sc, &e, p->u);
	return 1;
}

/* The dummy setting, from the line the index names, as the scan takes
   it: false when that line does not give one. */
static bool uf_ix_setting(struct uf_probe *p, uint64_t off)
{
	struct userfile_entry e;

	if (off == USERINDEX_NO_OFFSET)
		return true;
	return uf_ix_line(p, off, &e) && !userfile_hash_locked(e.hash) &&
	       userfile_hash_setting(e.hash, p->sc->setting,
				     sizeof(p->sc->setting));
}

int uf_indexed_scan(const struct config *cfg, struct uf_scan *sc,
		    struct user *u, int fd, const struct stat *st,
		    const char *esc, enum userfile_status *status_r)
{
	struct uf_probe p = { cfg,  sc,   u,   fd, (uint64_t)st->st_size,
			      NULL, NULL, NULL };
	struct userindex ix;
	size_t i;
	int r = 0;

	if (userindex_open(cfg->users_file, st, &ix) != 1)
		return 0;
	/* The setting first, as the scan meets it before later lines. */
	if (!uf_ix_setting(&p, ix.head.setting_off)) {
		p.wrong = "no usable hash where the index points";
		r = -1;
	}
	for (i = 0; r >= 0 && p.bad == NULL && i < sc->n_want && sc->best < 0;
	     i++) {
		p.want = sc->want[i];
		r = userindex_probe(&ix, sc->want[i], sc->want_len[i],
				    uf_ix_candidate, &p);
	}
	userindex_close(&ix);
	explicit_bzero(uf_ix_buf, uf_ix_high);
	uf_ix_high = 0;
	if (r < 0) {
		log_msg(LOG_WARNING,
			"event=userfile_index_ignored file=%s%s reason=\"%s\"",
			esc, USERINDEX_SUFFIX,
			p.wrong != NULL ? p.wrong
					: "a slot past the user file's end, or "
					  "a read error");
		/* The scan starts from nothing. */
		sc->best = -1;
		sc->setting[0] = '\0';
		return 0;
	}
	if (p.bad != NULL) {
		log_msg(LOG_ERR, "event=userfile_error file=%s error=\"%s\"",
			esc, p.bad);
		*status_r = USERFILE_TEMPFAIL;
	} else {
		*status_r = sc->best < 0 ? USERFILE_NOT_FOUND : USERFILE_FOUND;
	}
	return 1;
}
