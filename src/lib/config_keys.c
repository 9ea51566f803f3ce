/*
 * config_keys.c: the keys of the configuration file (INTERFACE.md) and the
 * parsers of their values: each key has a type and bounds, every value is
 * checked before it is stored, and local_domains is kept lower-cased so
 * that lookups compare it with any case of a domain.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "config_private.h"
#include "fmt.h"
#include "userfile.h"

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
bool config_valid_domain(const char *s, size_t n)
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
		p += strspn(p, CONFIG_BLANKS);
		if (*p == '\0')
			break;
		if (argc == CONFIG_RELAY_ARGV_SIZE - 1)
			return "too many words";
		cfg->relay_argv[argc++] = p;
		p += strcspn(p, CONFIG_BLANKS);
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
		/* postmaster names an account: the user file's login rule */
		if (v[0] != '\0' && !userfile_valid_login(v))
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

int config_set_key(struct config *cfg, const char *key, size_t klen,
		   const char *v, char *msg, size_t msglen)
{
	const struct config_key *k = config_find(key, klen);
	const char *err;

	if (k == NULL) {
		fmt_snprintf(msg, msglen, "unknown key '%.*s'",
			     klen > 64 ? 64 : (int)klen, key);
		return -1;
	}
	err = config_set(cfg, k, v);
	if (err == NULL)
		return 0;
	if (k->type == CT_UINT || k->type == CT_UINT64)
		fmt_snprintf(msg, msglen,
			     "%s: not a decimal number from %llu to %llu",
			     k->name, (unsigned long long)k->min,
			     (unsigned long long)k->max);
	else
		fmt_snprintf(msg, msglen, "%s: %s", k->name, err);
	return -1;
}

void config_default_domains(struct config *cfg)
{
	cfg->n_local_domains = 0;
	(void)config_add_domain(cfg, cfg->hostname, strlen(cfg->hostname));
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
