/*
 * config.h: the key = value configuration file of INTERFACE.md, shared by
 * smtpd and pop3d. Every key is typed and range-checked; an error names the
 * file and the line.
 */
#ifndef POSTERN_CONFIG_H
#define POSTERN_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "limits.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif
#ifndef LOCALSTATEDIR
#define LOCALSTATEDIR "/var"
#endif

#define CONFIG_DEFAULT_FILE SYSCONFDIR "/postern/postern.conf"
#define CONFIG_DEFAULT_USERS SYSCONFDIR "/postern/users"
#define CONFIG_DEFAULT_MAIL_ROOT LOCALSTATEDIR "/mail/postern"

/* How many local domains the configuration may name. */
#define CONFIG_MAX_LOCAL_DOMAINS 64

enum plaintext_auth {
	PLAINTEXT_AUTH_LOCAL = 0, /* only on local connections (default) */
	PLAINTEXT_AUTH_YES,
	PLAINTEXT_AUTH_NO
};

enum bare_line_ends {
	BARE_LINE_ENDS_REJECT = 0, /* default */
	BARE_LINE_ENDS_NORMALIZE
};

struct config {
	char hostname[POSTERN_MAX_DOMAIN + 1];
	/* local_domains, lower-cased; hostname when the key is absent */
	char local_domains[CONFIG_MAX_LOCAL_DOMAINS][POSTERN_MAX_DOMAIN + 1];
	size_t n_local_domains;
	char users_file[POSTERN_MAX_PATHNAME];
	char mail_root[POSTERN_MAX_PATHNAME];
	char postmaster[POSTERN_MAX_LOGIN + 1]; /* "" when unset */
	bool strict_rfc821_envelopes;
	uint64_t message_size_limit; /* 0: no limit */
	unsigned recipient_limit;
	/* The relay program and its fixed arguments, split at white space
	   (no shell); relay_argc 0 when unset. */
	char relay_command[POSTERN_MAX_FILE_LINE];
	char *relay_argv[16];
	int relay_argc;
	bool loopback_is_local;
	enum plaintext_auth plaintext_auth;
	unsigned auth_failure_delay;
	unsigned auth_failure_limit;
	bool sender_login_match;
	enum bare_line_ends bare_line_ends;
	unsigned error_limit;
	unsigned smtpd_timeout;
	unsigned pop3d_timeout;
};

/* Fills cfg with the built-in defaults (hostname from gethostname(2)). */
void config_defaults(struct config *cfg);

/*
 * Loads path over the defaults. When explicit is false (no -c given) a
 * missing file is not an error: the defaults stand. On error returns -1 and
 * writes "FILE:LINE: what is wrong" (or "FILE: strerror") into err.
 */
int config_load(struct config *cfg, const char *path, bool explicit,
		char *err, size_t errlen);

/* True when domain (case-insensitive) is one of local_domains. */
bool config_is_local_domain(const struct config *cfg, const char *domain);

#endif
