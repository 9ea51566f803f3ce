/*
 * config.c: the "key = value" configuration file of INTERFACE.md. It is
 * read for every connection, so it goes through one fixed buffer with no
 * allocation; each key has a type, every value is checked, and an error
 * names the file and the line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"

enum config_type {
	CT_BOOL,
	CT_UINT,   /* unsigned, within [min, max] */
	CT_UINT64, /* uint64_t, within [min, max] */
	CT_HOSTNAME,
	CT_DOMAINS,
	CT_PATH,
	CT_LOGIN,
	CT_RELAY,
	CT_PLAINTEXT_AUTH,
	CT_BARE_LINE_ENDS
};

struct config_key {
	const char *name;
	enum config_type type;
	size_t offset;
	uint64_t min, max;
};

/* One row's name, type, field and bounds (numbers only). */
/* clang-format off */
#define CK(name, type, min, max) \
	#name, type, offsetof(struct config, name), min, max
/* clang-format on */

static const struct config_key config_keys[] = {
	{ CK(hostname, CT_HOSTNAME, 0, 0) },
	{ CK(local_domains, CT_DOMAINS, 0, 0) },
	{ CK(users_file, CT_PATH, 0, 0) },
	{ CK(mail_root, CT_PATH, 0, 0) },
	{ CK(postmaster, CT_LOGIN, 0, 0) },
	{ CK(strict_rfc821_envelopes, CT_BOOL, 0, 0) },
	{ CK(message_size_limit, CT_UINT64, 0, CONFIG_MAX_MESSAGE_SIZE) },
	{ CK(recipient_limit, CT_UINT, 1, POSTERN_MAX_RECIPIENTS) },
	{ CK(relay_command, CT_RELAY, 0, 0) },
	{ CK(loopback_is_local, CT_BOOL, 0, 0) },
	{ CK(plaintext_auth, CT_PLAINTEXT_AUTH, 0, 0) },
	{ CK(auth_failure_delay, CT_UINT, 0, CONFIG_MAX_AUTH_FAILURE_DELAY) },
	{ CK(auth_failure_limit, CT_UINT, 1, CONFIG_MAX_AUTH_FAILURE_LIMIT) },
	{ CK(sender_login_match, CT_BOOL, 0, 0) },
	{ CK(bare_line_ends, CT_BARE_LINE_ENDS, 0, 0) },
	{ CK(error_limit, CT_UINT, 1, CONFIG_MAX_ERROR_LIMIT) },
	{ CK(smtpd_timeout, CT_UINT, 1, POSTERN_SMTP_SESSION_MAX_SECONDS) },
	{ CK(pop3d_timeout, CT_UINT, 1, POSTERN_POP3_SESSION_MAX_SECONDS) },
};

/* Words of the enum keys, in the order of their enum values. */
static const char *const yes_no_words[] = { "no", "yes", NULL };
static const char *const plaintext_auth_words[] = { "local", "yes", "no",
						    NULL };
static const char *const bare_line_ends_words[] = { "reject", "normalize",
						    NULL };

#define BLANKS " \t"

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* ASCII only, whatever the locale: domains compare case-insensitively. */
static bool ascii_equal_nocase(const char *a, const char *b)
{
	while (*a != '\0' && ascii_lower(*a) == ascii_lower(*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

/*
 * RFC 5321 4.1.2 Domain: sub-domains of letters, digits and inner
 * hyphens, each 1 to 63 octets (RFC 1035 2.3.4), all at most 255.
 */
static bool config_valid_domain(const char *s, size_t n)
{
	size_t i, label = 0;

	if (n == 0 || n > POSTERN_MAX_DOMAIN)
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '.') {
			if (label == 0 || s[i - 1] == '-')
				return false;
			label = 0;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			   (c >= '0' && c <= '9') || (c == '-' && label > 0)) {
			if (++label > 63)
				return false;
		} else {
			return false;
		}
	}
	return label > 0 && s[n - 1] != '-';
}

/* The login rule of the user file (INTERFACE.md), for postmaster. */
static bool config_valid_login(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > POSTERN_MAX_LOGIN || strcmp(s, ".") == 0 ||
	    strcmp(s, "..") == 0)
		return false;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c == 0x7f || c == ':' || c == '/')
			return false;
	}
	return true;
}

/* Decimal digits only, checked against max before every step. */
static bool config_number(const char *s, uint64_t min, uint64_t max,
			  uint64_t *v_r)
{
	uint64_t v = 0;

	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		uint64_t d = (uint64_t)(*s - '0');

		if (*s < '0' || *s > '9' || d > max || v > (max - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (v < min)
		return false;
	*v_r = v;
	return true;
}

/* Appends domain (n octets, lower-cased) to local_domains once. */
static const char *config_add_domain(struct config *cfg, const char *d,
				     size_t n)
{
	char *slot;
	size_t i;

	if (!config_valid_domain(d, n))
		return "not a valid domain name";
	if (cfg->n_local_domains == CONFIG_MAX_LOCAL_DOMAINS)
		return "too many domains";
	slot = cfg->local_domains[cfg->n_local_domains];
	for (i = 0; i < n; i++)
		slot[i] = ascii_lower(d[i]);
	slot[n] = '\0';
	for (i = 0; i < cfg->n_local_domains; i++)
		if (strcmp(cfg->local_domains[i], slot) == 0)
			return NULL;
	cfg->n_local_domains++;
	return NULL;
}

/* A later local_domains line replaces the list of an earlier one. */
static const char *config_set_domains(struct config *cfg, const char *v)
{
	const char *err;

	cfg->n_local_domains = 0;
	for (;;) {
		size_t n;

		v += strspn(v, ", \t");
		if (*v == '\0')
			break;
		n = strcspn(v, ", \t");
		err = config_add_domain(cfg, v, n);
		if (err != NULL)
			return err;
		v += n;
	}
	return cfg->n_local_domains == 0 ? "empty list" : NULL;
}

/* Splits the command in place: no shell ever sees it. */
static const char *config_set_relay(struct config *cfg, const char *v)
{
	char *p = cfg->relay_command;
	int argc = 0;

	cfg->relay_argc = 0;
	cfg->relay_argv[0] = NULL;
	if (strlen(v) >= sizeof cfg->relay_command)
		return "too long";
	memmove(cfg->relay_command, v, strlen(v) + 1);
	for (;;) {
		p += strspn(p, BLANKS);
		if (*p == '\0')
			break;
		if (argc == CONFIG_RELAY_ARGV_SIZE - 1)
			return "too many words";
		cfg->relay_argv[argc++] = p;
		p += strcspn(p, BLANKS);
		if (*p != '\0')
			*p++ = '\0';
	}
	cfg->relay_argv[argc] = NULL;
	if (argc > 0 && cfg->relay_argv[0][0] != '/')
		return "program is not an absolute path";
	cfg->relay_argc = argc;
	return NULL;
}

/* Copies s into dst (size bytes) when it fits. */
static const char *config_copy(char *dst, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (n >= size)
		return "too long";
	memcpy(dst, s, n + 1);
	return NULL;
}

_Static_assert(PLAINTEXT_AUTH_YES == 1 && PLAINTEXT_AUTH_NO == 2 &&
		       BARE_LINE_ENDS_NORMALIZE == 1,
	       "the word tables follow the enums");

/* The index of v (in any case) in words, or -1. */
static int config_word(const char *v, const char *const *words)
{
	int i;

	for (i = 0; words[i] != NULL; i++)
		if (ascii_equal_nocase(v, words[i]))
			return i;
	return -1;
}

/* Sets key k from v; returns NULL or what is wrong with v. */
static const char *config_set(struct config *cfg, const struct config_key *k,
			      const char *v)
{
	void *field = (char *)cfg + k->offset;
	uint64_t n;
	int i;

	switch (k->type) {
	case CT_UINT:
	case CT_UINT64:
		if (!config_number(v, k->min, k->max, &n))
			return "not a decimal number in range";
		if (k->type == CT_UINT)
			*(unsigned *)field = (unsigned)n;
		else
			*(uint64_t *)field = n;
		return NULL;
	case CT_HOSTNAME:
		if (!config_valid_domain(v, strlen(v)))
			return "not a valid domain name";
		return config_copy(cfg->hostname, sizeof cfg->hostname, v);
	case CT_DOMAINS:
		return config_set_domains(cfg, v);
	case CT_PATH:
		if (v[0] != '/')
			return "not an absolute path";
		return config_copy(field, POSTERN_MAX_PATHNAME, v);
	case CT_LOGIN:
		if (v[0] != '\0' && !config_valid_login(v))
			return "not a valid login";
		return config_copy(cfg->postmaster, sizeof cfg->postmaster, v);
	case CT_RELAY:
		return config_set_relay(cfg, v);
	case CT_BOOL:
		if ((i = config_word(v, yes_no_words)) < 0)
			return "not yes or no";
		*(bool *)field = i == 1;
		return NULL;
	case CT_PLAINTEXT_AUTH:
		if ((i = config_word(v, plaintext_auth_words)) < 0)
			return "not local, yes or no";
		cfg->plaintext_auth = (enum plaintext_auth)i;
		return NULL;
	case CT_BARE_LINE_ENDS:
		if ((i = config_word(v, bare_line_ends_words)) < 0)
			return "not reject or normalize";
		cfg->bare_line_ends = (enum bare_line_ends)i;
		return NULL;
	}
	return "unhandled type";
}

static const struct config_key *config_find(const char *key, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof config_keys / sizeof config_keys[0]; i++)
		if (strlen(config_keys[i].name) == n &&
		    memcmp(config_keys[i].name, key, n) == 0)
			return &config_keys[i];
	return NULL;
}

/*
 * Parses one line (len octets, without its LF; line[len] may be written)
 * into cfg. Returns 0, or -1 with what is wrong in msg.
 */
static int config_line(struct config *cfg, char *line, size_t len, char *msg,
		       size_t msglen)
{
	const struct config_key *k;
	char *p = line, *v;
	size_t i, klen;
	const char *err;

	if (len > 0 && line[len - 1] == '\r')
		len--;
	line[len] = '\0';
	/* NUL would cut the value short, other controls reach logs. */
	for (i = 0; i < len; i++)
		if (((unsigned char)line[i] < ' ' && line[i] != '\t') ||
		    line[i] == 0x7f) {
			snprintf(msg, msglen, "control character in line");
			return -1;
		}
	p += strspn(p, BLANKS);
	if (*p == '\0' || *p == '#')
		return 0;
	klen = strcspn(p, BLANKS "=");
	v = p + klen + strspn(p + klen, BLANKS);
	if (*v != '=') {
		snprintf(msg, msglen, "missing '=' after '%.*s'",
			 klen > 64 ? 64 : (int)klen, p);
		return -1;
	}
	k = config_find(p, klen);
	if (k == NULL) {
		snprintf(msg, msglen, "unknown key '%.*s'",
			 klen > 64 ? 64 : (int)klen, p);
		return -1;
	}
	v++;
	v += strspn(v, BLANKS);
	for (i = strlen(v); i > 0 && (v[i - 1] == ' ' || v[i - 1] == '\t'); i--)
		v[i - 1] = '\0';
	err = config_set(cfg, k, v);
	if (err == NULL)
		return 0;
	if (k->type == CT_UINT || k->type == CT_UINT64)
		snprintf(msg, msglen,
			 "%s: not a decimal number from %llu to %llu", k->name,
			 (unsigned long long)k->min,
			 (unsigned long long)k->max);
	else
		snprintf(msg, msglen, "%s: %s", k->name, err);
	return -1;
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
		snprintf(r->err, r->errlen, "%s:%lu: %s", r->path, r->lineno,
			 msg);
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
			snprintf(r->err, r->errlen,
				 "%s:%lu: line longer than %d octets", r->path,
				 r->lineno, POSTERN_MAX_FILE_LINE);
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
			snprintf(r->err, r->errlen, "%s: %s", r->path,
				 strerror(errno));
			return -1;
		}
		if (got == 0)
			break;
		total += (size_t)got;
		if (total > CONFIG_MAX_FILE_SIZE) {
			snprintf(r->err, r->errlen, "%s: larger than %d octets",
				 r->path, CONFIG_MAX_FILE_SIZE);
			return -1;
		}
		if (config_feed(r, buf, (size_t)got) < 0)
			return -1;
	}
	/* a last line without its LF still counts */
	return r->len > 0 ? config_end_line(r) : 0;
}

/* local_domains defaults to the hostname, lower-cased. */
static void config_default_domains(struct config *cfg)
{
	cfg->n_local_domains = 0;
	(void)config_add_domain(cfg, cfg->hostname, strlen(cfg->hostname));
}

void config_defaults(struct config *cfg)
{
	_Static_assert(sizeof CONFIG_DEFAULT_USERS <= POSTERN_MAX_PATHNAME &&
			       sizeof CONFIG_DEFAULT_MAIL_ROOT <=
				       POSTERN_MAX_PATHNAME,
		       "default paths fit");

	memset(cfg, 0, sizeof *cfg);
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
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
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

bool config_is_local_domain(const struct config *cfg, const char *domain)
{
	size_t i;

	if (domain == NULL)
		return false;
	for (i = 0; i < cfg->n_local_domains; i++)
		if (ascii_equal_nocase(cfg->local_domains[i], domain))
			return true;
	return false;
}
