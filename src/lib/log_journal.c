/*
 * log_journal.c: log.c's journal entries. Whether systemd wants them
 * (JOURNAL_STREAM, SYSTEMD_EXEC_PID, journald's socket), and each line
 * sent as MESSAGE with its key=value words split into POSTERN_* fields
 * (systemd.journal-fields(7)), through sd_journal_sendv from sdload.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <syslog.h>
#include <unistd.h>

#include "fmt.h"
#include "log_journal.h"
#include "sdload.h"

/* Where the journal takes native entries (systemd-journald.service(8));
   sd_journal_sendv sends to this path. */
#define LOG_JOURNAL_SOCKET "/run/systemd/journal/socket"
/* Journal field names are at most 64 characters (sd_journal_sendv(3)),
   so a key longer than 64 - strlen("POSTERN_") is no field. */
#define LOG_JOURNAL_KEY_MAX 56
/* key=value pairs turned into fields per entry; MESSAGE keeps the rest. */
#define LOG_JOURNAL_MAX_PAIRS 40

/* A decimal environment value, whole; false when unset or malformed. */
static bool log_env_ull(const char *s, char stop, unsigned long long *v,
			const char **rest)
{
	char *end;

	if (s == NULL || *s < '0' || *s > '9')
		return false;
	errno = 0;
	*v = strtoull(s, &end, 10);
	if (errno != 0 || *end != stop)
		return false;
	if (rest != NULL)
		*rest = end + 1;
	return true;
}

/*
 * systemd's documented test (systemd.exec(5), JOURNAL_STREAM): fd 2 is a
 * journal stream when the variable's "device:inode" is fd 2's. An
 * inherited variable with fd 2 redirected elsewhere does not match.
 */
static bool log_journal_stream(const struct stat *st)
{
	unsigned long long dev, ino;
	const char *rest;

	return log_env_ull(getenv("JOURNAL_STREAM"), ':', &dev, &rest) &&
	       log_env_ull(rest, '\0', &ino, NULL) &&
	       dev == (unsigned long long)st->st_dev &&
	       ino == (unsigned long long)st->st_ino;
}

/*
 * A unit's own process (systemd.exec(5): SYSTEMD_EXEC_PID is the pid
 * systemd started; a child of inetd run as a service has another pid).
 */
static bool log_systemd_unit(void)
{
	unsigned long long pid;

	return log_env_ull(getenv("SYSTEMD_EXEC_PID"), '\0', &pid, NULL) &&
	       pid == (unsigned long long)getpid();
}

/* sd_journal_sendv drops entries silently when journald is not there
   (ENOENT), so its socket is looked for first. */
static bool log_journal_listening(void)
{
	struct stat st;

	return stat(LOG_JOURNAL_SOCKET, &st) == 0 && S_ISSOCK(st.st_mode);
}

/* StandardInput=socket leaves fd 2 the connection unless StandardError=
   says otherwise: a unit's own process then still logs to the journal. */
bool log_journal_wanted(const struct stat *st)
{
	bool usable = st != NULL && !S_ISSOCK(st->st_mode);

	return ((st != NULL && log_journal_stream(st)) ||
		(!usable && log_systemd_unit())) &&
	       log_journal_listening();
}

/* Characters of a key that may follow "POSTERN_" in a journal field name
   (sd_journal_sendv(3): A-Z, 0-9 and '_'; lower case is raised). */
static bool log_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

struct log_pair {
	const char *key, *value;
	size_t klen, vlen;
};

/*
 * The next key=value or key="value" word of s[*pos..len), as the fields
 * and smtpd's and pop3d's messages write them; other words are skipped.
 * A quoted value ends at the next '"' (log_escape makes a client's quote
 * \x22), a bare one at the next space.
 */
static bool log_next_pair(const char *s, size_t len, size_t *pos,
			  struct log_pair *p)
{
	size_t i = *pos, k, v;
	char end;

	while (i < len) {
		while (i < len && s[i] == ' ')
			i++;
		for (k = i; i < len && log_key_char(s[i]); i++)
			continue;
		if (i < len && s[i] == '=' && i > k &&
		    i - k <= LOG_JOURNAL_KEY_MAX) {
			p->key = s + k;
			p->klen = i - k;
			end = ++i < len && s[i] == '"' ? '"' : ' ';
			if (end == '"')
				i++;
			for (v = i; i < len && s[i] != end; i++)
				continue;
			p->value = s + v;
			p->vlen = i - v;
			*pos = end == '"' && i < len ? i + 1 : i;
			return true;
		}
		while (i < len && s[i] != ' ')
			i++;
	}
	*pos = i;
	return false;
}

/*
 * Values stay as escaped in the line (log_escape): a field says what
 * MESSAGE says, and a client's octets never reach the journal raw. The
 * fields fill at most buf: each is its key and value from the line plus
 * "POSTERN_" and '='.
 */
int log_journal_send(int prio, const char *ident, char *line, size_t len,
		     size_t start)
{
	struct iovec iov[4 + LOG_JOURNAL_MAX_PAIRS];
	char buf[LOG_LINE_SIZE + LOG_JOURNAL_MAX_PAIRS * 16];
	char prio_f[32], fac_f[32], ident_f[64];
	struct log_pair p;
	size_t pos = start, used = 0, need, j;
	int n = 0;

	fmt_snprintf(prio_f, sizeof(prio_f), "PRIORITY=%d", prio & LOG_PRIMASK);
	fmt_snprintf(fac_f, sizeof(fac_f), "SYSLOG_FACILITY=%d",
		     LOG_FAC(LOG_MAIL));
	fmt_snprintf(ident_f, sizeof(ident_f), "SYSLOG_IDENTIFIER=%s", ident);
	iov[n++] = (struct iovec){ line, len };
	iov[n++] = (struct iovec){ prio_f, strlen(prio_f) };
	iov[n++] = (struct iovec){ fac_f, strlen(fac_f) };
	iov[n++] = (struct iovec){ ident_f, strlen(ident_f) };
	while (n < (int)(sizeof(iov) / sizeof(iov[0])) &&
	       log_next_pair(line, len, &pos, &p)) {
		need = strlen("POSTERN_") + p.klen + 1 + p.vlen;
		if (need > sizeof(buf) - used)
			break;
		iov[n++] = (struct iovec){ buf + used, need };
		memcpy(buf + used, "POSTERN_", strlen("POSTERN_"));
		used += strlen("POSTERN_");
		for (j = 0; j < p.klen; j++) {
			char c = p.key[j];

			buf[used++] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
		}
		buf[used++] = '=';
		memcpy(buf + used, p.value, p.vlen);
		used += p.vlen;
	}
	return sdload_journal_sendv(iov, n);
}
