/*
 * config.c: reading the "key = value" configuration file of INTERFACE.md.
 * It is read for every connection, so it goes through one fixed buffer
 * with no allocation; lines are split here and handed to config_keys.c,
 * and an error names the file and the line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "config_private.h"
#include "fmt.h"

/*
 * Parses one line (len octets, without its LF; line[len] may be written)
 * into cfg. Returns 0, or -1 with what is wrong in msg.
 */
static int config_line(struct config *cfg, char *line, size_t len, char *msg,
		       size_t msglen)
{
	char *p = line, *v;
	size_t i, klen;

	if (len > 0 && line[len - 1] == '\r')
		len--;
	line[len] = '\0';
	/* NUL would cut the value short, other controls reach logs. */
	for (i = 0; i < len; i++)
		if (((unsigned char)line[i] < ' ' && line[i] != '\t') ||
		    line[i] == 0x7f) {
			fmt_snprintf(msg, msglen, "control character in line");
			return -1;
		}
	p += strspn(p, CONFIG_BLANKS);
	if (*p == '\0' || *p == '#')
		return 0;
	klen = strcspn(p, CONFIG_BLANKS "=");
	v = p + klen + strspn(p + klen, CONFIG_BLANKS);
	if (*v != '=') {
		fmt_snprintf(msg, msglen, "missing '=' after '%.*s'",
			     klen > 64 ? 64 : (int)klen, p);
		return -1;
	}
	v++;
	v += strspn(v, CONFIG_BLANKS);
	for (i = strlen(v); i > 0 && (v[i - 1] == ' ' || v[i - 1] == '\t'); i--)
		v[i - 1] = '\0';
	return config_set_key(cfg, p, klen, v, msg, msglen);
}

struct config_reader {
	struct config *cfg;
	const char *path;
	char *err;
	size_t errlen;
	unsigned long lineno;
	size_t len; /* octets in line */
	char line[POSTERN_MAX_FILE_LINE + 1];
};

/* Ends the current line: parses it, or reports it with file and line. */
static int config_end_line(struct config_reader *r)
{
	char msg[256];

	if (config_line(r->cfg, r->line, r->len, msg, sizeof msg) < 0) {
		fmt_snprintf(r->err, r->errlen, "%s:%lu: %s", r->path,
			     r->lineno, msg);
		return -1;
	}
	r->lineno++;
	r->len = 0;
	return 0;
}

/* Feeds n octets read from the file, line by line, into cfg. */
static int config_feed(struct config_reader *r, const char *p, size_t n)
{
	while (n > 0) {
		const char *nl = memchr(p, '\n', n);
		size_t seg = nl != NULL ? (size_t)(nl - p) : n;

		if (seg > POSTERN_MAX_FILE_LINE - r->len) {
			fmt_snprintf(r->err, r->errlen,
				     "%s:%lu: line longer than %d octets",
				     r->path, r->lineno, POSTERN_MAX_FILE_LINE);
			return -1;
		}
		memcpy(r->line + r->len, p, seg);
		r->len += seg;
		if (nl == NULL)
			break;
		if (config_end_line(r) < 0)
			return -1;
		p += seg + 1;
		n -= seg + 1;
	}
	return 0;
}

static int config_read(struct config_reader *r, int fd)
{
	char buf[4096];
	size_t total = 0;

	for (;;) {
		ssize_t got = read(fd, buf, sizeof buf);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			fmt_snprintf(r->err, r->errlen, "%s: %s", r->path,
				     strerror(errno));
			return -1;
		}
		if (got == 0)
			break;
		total += (size_t)got;
		if (total > CONFIG_MAX_FILE_SIZE) {
			fmt_snprintf(r->err, r->errlen,
				     "%s: larger than %d octets", r->path,
				     CONFIG_MAX_FILE_SIZE);
			return -1;
		}
		if (config_feed(r, buf, (size_t)got) < 0)
			return -1;
	}
	/* a last line without its LF still counts */
	return r->len > 0 ? config_end_line(r) : 0;
}

void config_defaults(struct config *cfg)
{
	_Static_assert(sizeof CONFIG_DEFAULT_USERS <= POSTERN_MAX_PATHNAME &&
			       sizeof CONFIG_DEFAULT_MAIL_ROOT <=
				       POSTERN_MAX_PATHNAME,
		       "default paths fit");

	/* Every field is set, but the struct is not cleared as a whole: a
	   session's one (static, still zero) would have all of its 30 KiB
	   dirtied for nothing. Strings are emptied where they are not. */
	if (cfg->postmaster[0] != '\0')
		cfg->postmaster[0] = '\0';
	if (cfg->relay_command[0] != '\0')
		cfg->relay_command[0] = '\0';
	cfg->relay_argc = 0;
	cfg->relay_argv[0] = NULL;
	cfg->strict_rfc821_envelopes = false;
	if (gethostname(cfg->hostname, sizeof cfg->hostname) != 0)
		cfg->hostname[0] = '\0';
	cfg->hostname[sizeof cfg->hostname - 1] = '\0';
	/* a name we could not put in a greeting is no name */
	if (!config_valid_domain(cfg->hostname, strlen(cfg->hostname)))
		memcpy(cfg->hostname, "localhost", sizeof "localhost");
	config_default_domains(cfg);
	memcpy(cfg->users_file, CONFIG_DEFAULT_USERS,
	       sizeof CONFIG_DEFAULT_USERS);
	memcpy(cfg->mail_root, CONFIG_DEFAULT_MAIL_ROOT,
	       sizeof CONFIG_DEFAULT_MAIL_ROOT);
	cfg->message_size_limit = CONFIG_DEFAULT_MESSAGE_SIZE;
	cfg->recipient_limit = POSTERN_DEFAULT_RECIPIENT_LIMIT;
	cfg->loopback_is_local = true;
	cfg->plaintext_auth = PLAINTEXT_AUTH_LOCAL;
	cfg->auth_failure_delay = CONFIG_DEFAULT_AUTH_FAILURE_DELAY;
	cfg->auth_failure_limit = CONFIG_DEFAULT_AUTH_FAILURE_LIMIT;
	cfg->sender_login_match = true;
	cfg->bare_line_ends = BARE_LINE_ENDS_REJECT;
	cfg->error_limit = CONFIG_DEFAULT_ERROR_LIMIT;
	cfg->smtpd_timeout = CONFIG_DEFAULT_SMTPD_TIMEOUT;
	cfg->pop3d_timeout = CONFIG_DEFAULT_POP3D_TIMEOUT;
}

int config_load(struct config *cfg, const char *path, bool explicit, char *err,
		size_t errlen)
{
	struct config_reader r;
	struct stat st;
	int fd, rc;

	config_defaults(cfg);
	/* O_NONBLOCK: a FIFO named by mistake must not hang the session */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		if (!explicit && errno == ENOENT)
			return 0;
		fmt_snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		fmt_snprintf(err, errlen, "%s: not a regular file", path);
		(void)close(fd);
		return -1;
	}
	r.cfg = cfg;
	r.path = path;
	r.err = err;
	r.errlen = errlen;
	r.lineno = 1;
	r.len = 0;
	/* absent after loading: the hostname (set by then) is the default */
	cfg->n_local_domains = 0;
	rc = config_read(&r, fd);
	(void)close(fd);
	if (rc == 0 && cfg->n_local_domains == 0)
		config_default_domains(cfg);
	return rc;
}
