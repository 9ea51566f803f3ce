/*
 * log.c: one log line per event, prefixed with the session's key=value
 * fields, to the journal (with each key=value also a POSTERN_KEY field),
 * to syslog (LOG_MAIL), or to stderr as "ident[pid]: message" in one
 * write(2). Nothing goes to an fd 2 that may be the client's connection.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fmt.h"
#include "log.h"
#include "log_journal.h"
#include "sdload.h"

#define LOG_MAX_FIELDS 8
#define LOG_KEY_SIZE   32
#define LOG_VALUE_SIZE 256

enum log_backend {
	LOG_BACKEND_STDERR,
	LOG_BACKEND_SYSLOG,
	LOG_BACKEND_JOURNAL
};

struct log_field {
	char key[LOG_KEY_SIZE];
	char value[LOG_VALUE_SIZE];
};

static struct {
	bool ready, syslog_open;
	enum log_backend backend;
	/* openlog(3) keeps the pointer, so ident lives here for good. */
	char ident[32];
	struct log_field fields[LOG_MAX_FIELDS];
	size_t n_fields;
} logst;

/*
 * The one place that picks a backend. The journal, where it listens, when
 * systemd connected fd 2 to it, or when a unit's fd 2 is no place for logs
 * (StandardInput=socket makes fd 2 the connection unless StandardError=
 * says otherwise). Else a closed or socket fd 2 may be the client's
 * connection (inetd, xinetd, systemd-socket-activate --inetd): syslog.
 * Else a terminal, a pipe or a file: stderr. Nothing is loaded here;
 * libsystemd comes with the first journal entry.
 */
static enum log_backend log_choose_backend(void)
{
	struct stat st;
	bool have = fstat(STDERR_FILENO, &st) == 0;

	if (log_journal_wanted(have ? &st : NULL))
		return LOG_BACKEND_JOURNAL;
	return have && !S_ISSOCK(st.st_mode) ? LOG_BACKEND_STDERR
					     : LOG_BACKEND_SYSLOG;
}

static void log_open_syslog(void)
{
	if (!logst.syslog_open)
		openlog(logst.ident, LOG_PID, LOG_MAIL);
	logst.syslog_open = true;
}

/*
 * A closed fd 2 would be the next file opened (a message in tmp/, the
 * config), and whatever writes to stderr after us (a fortify or sanitizer
 * report, a relay command) would write into it. /dev/null takes the slot;
 * when fd 0 or 1 is closed too, the lowest fd is not 2 and nothing is done.
 */
static void log_plug_stderr(void)
{
	int fd = open("/dev/null", O_RDWR);

	if (fd >= 0 && fd != STDERR_FILENO)
		close(fd);
}

void log_init(const char *ident)
{
	fmt_snprintf(logst.ident, sizeof(logst.ident), "%s",
		     ident != NULL && ident[0] != '\0' ? ident : "postern");
	logst.backend = log_choose_backend();
	if (fcntl(STDERR_FILENO, F_GETFD) == -1 && errno == EBADF)
		log_plug_stderr();
	/* A new ident needs a new openlog. */
	logst.syslog_open = false;
	if (logst.backend == LOG_BACKEND_SYSLOG)
		log_open_syslog();
	logst.ready = true;
}

void log_set_field(const char *key, const char *value)
{
	size_t i;

	if (key == NULL || key[0] == '\0')
		return;
	for (i = 0; i < logst.n_fields; i++)
		if (strncmp(logst.fields[i].key, key, LOG_KEY_SIZE - 1) == 0)
			break;
	if (value == NULL) {
		if (i == logst.n_fields)
			return;
		memmove(&logst.fields[i], &logst.fields[i + 1],
			(logst.n_fields - i - 1) * sizeof(logst.fields[0]));
		logst.n_fields--;
		return;
	}
	if (i == logst.n_fields) {
		/* Full: the fields are fixed, a ninth one is dropped. */
		if (logst.n_fields == LOG_MAX_FIELDS)
			return;
		logst.n_fields++;
		log_escape(logst.fields[i].key, sizeof(logst.fields[i].key),
			   key);
	}
	log_escape(logst.fields[i].value, sizeof(logst.fields[i].value), value);
}

/* The octets c takes in an escaped value. */
static size_t log_width(unsigned char c)
{
	if (c < 0x21 || c > 0x7e || c == '"' || c == '\\' || c == '=')
		return 4;
	return 1;
}

char *log_escape(char *dst, size_t size, const char *src)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s;
	size_t need = 0, limit, n = 0, i;
	bool fits;

	if (size == 0)
		return dst;
	for (s = (const unsigned char *)src; *s != '\0' && need < size; s++)
		need += log_width(*s);
	fits = need < size;
	/* A value cut short ends in "...", and never inside an escape. */
	limit = fits ? size - 1 : (size > 4 ? size - 4 : 0);
	for (s = (const unsigned char *)src; *s != '\0'; s++) {
		if (n + log_width(*s) > limit)
			break;
		if (log_width(*s) == 1) {
			dst[n++] = (char)*s;
			continue;
		}
		dst[n++] = '\\';
		dst[n++] = 'x';
		dst[n++] = hex[*s >> 4];
		dst[n++] = hex[*s & 0xf];
	}
	if (!fits)
		for (i = 0; i < 3 && n < size - 1; i++)
			dst[n++] = '.';
	dst[n] = '\0';
	return dst;
}

/* Appends "key=value " for each field; returns the new length. */
static size_t log_put_fields(char *line, size_t size, size_t len)
{
	size_t i;
	int r;

	for (i = 0; i < logst.n_fields && len < size; i++) {
		r = fmt_snprintf(line + len, size - len, "%s=%s ",
				 logst.fields[i].key, logst.fields[i].value);
		if (r < 0)
			break;
		len += (size_t)r;
	}
	return len < size ? len : size - 1;
}

/* Writes all of buf to fd 2, retrying short writes a bounded number of
   times; a log line is not worth blocking the session on errors. */
static void log_write_stderr(const char *buf, size_t len)
{
	int tries;
	ssize_t w;

	for (tries = 0; len > 0 && tries < 8; tries++) {
		w = write(STDERR_FILENO, buf, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		buf += w;
		len -= (size_t)w;
	}
}

/* line[start..len) to syslog; line[len] must be ours to overwrite. */
static void log_send_syslog(int prio, char *line, size_t len, size_t start)
{
	log_open_syslog();
	line[len] = '\0';
	syslog(prio, "%s", line + start);
}

/* A journal that cannot take the entry gets it through syslog instead;
   without libsystemd, syslog takes every later line too. */
static void log_to_journal(int prio, char *line, size_t len, size_t start)
{
	char why[256];
	int r = log_journal_send(prio, logst.ident, line, len, start);

	if (r == 0)
		return;
	if (r == -ENOSYS) {
		logst.backend = LOG_BACKEND_SYSLOG;
		log_open_syslog();
		syslog(LOG_WARNING,
		       "event=log_fallback backend=syslog error=%s",
		       log_escape(why, sizeof(why), sdload_error()));
	}
	log_send_syslog(prio, line, len, start);
}

void log_msg(int prio, const char *fmt, ...)
{
	/* One octet is kept for the '\n' of stderr or syslog's NUL. */
	char line[LOG_LINE_SIZE];
	size_t len = 0, start, avail, i;
	va_list ap;
	int r = 0, saved_errno = errno;

	if (!logst.ready)
		log_init(NULL);
	if (logst.backend == LOG_BACKEND_STDERR)
		r = fmt_snprintf(line, sizeof(line), "%s[%ld]: ", logst.ident,
				 (long)getpid());
	else if (logst.backend == LOG_BACKEND_JOURNAL)
		r = fmt_snprintf(line, sizeof(line), "MESSAGE=");
	len = r > 0 ? (size_t)r : 0;
	start = len;
	len = log_put_fields(line, sizeof(line) - 1, len);
	avail = sizeof(line) - 1 - len;
	va_start(ap, fmt);
	r = fmt_vsnprintf(line + len, avail, fmt, ap);
	va_end(ap);
	if (r > 0)
		len += (size_t)r < avail ? (size_t)r : avail - 1;
	/* A message stays one line whatever a caller put into it. */
	for (i = start; i < len; i++)
		if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f)
			line[i] = '?';
	if (logst.backend == LOG_BACKEND_JOURNAL) {
		log_to_journal(prio, line, len, start);
	} else if (logst.backend == LOG_BACKEND_SYSLOG) {
		log_send_syslog(prio, line, len, start);
	} else {
		line[len++] = '\n';
		log_write_stderr(line, len);
	}
	errno = saved_errno;
}
