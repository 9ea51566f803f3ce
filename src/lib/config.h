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

#include "postern_limits.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif
#ifndef LOCALSTATEDIR
#define LOCALSTATEDIR "/var"
#endif

#define CONFIG_DEFAULT_FILE      SYSCONFDIR "/postern/postern.conf"
#define CONFIG_DEFAULT_USERS     SYSCONFDIR "/postern/users"
#define CONFIG_DEFAULT_MAIL_ROOT LOCALSTATEDIR "/mail/postern"

/* How many local domains the configuration may name. */
#define CONFIG_MAX_LOCAL_DOMAINS 64
/* relay_argv's size: the program, at most 14 arguments, and NULL. */
#define CONFIG_RELAY_ARGV_SIZE 16

/*
 * Defaults and bounds of the numeric keys (INTERFACE.md gives the
 * defaults). A value outside [min, max] is an error, never clamped.
 */
/* message_size_limit: 0 (no limit) to 1 TiB, so that sums of sizes and
   the SIZE parameter (RFC 1870) stay far from uint64_t overflow. */
#define CONFIG_DEFAULT_MESSAGE_SIZE 10240000
#define CONFIG_MAX_MESSAGE_SIZE     (UINT64_C(1) << 40)
/* recipient_limit: 1 to POSTERN_MAX_RECIPIENTS; default
   POSTERN_DEFAULT_RECIPIENT_LIMIT (RFC 5321 4.5.3.1.8). */
/* auth_failure_delay: 0 to 60 seconds; more only ties up the process. */
#define CONFIG_DEFAULT_AUTH_FAILURE_DELAY 2
#define CONFIG_MAX_AUTH_FAILURE_DELAY     60
/* auth_failure_limit: 1 to 100 failed logins per session. */
#define CONFIG_DEFAULT_AUTH_FAILURE_LIMIT 3
#define CONFIG_MAX_AUTH_FAILURE_LIMIT     100
/* error_limit: 1 to 1000 protocol errors per session. */
#define CONFIG_DEFAULT_ERROR_LIMIT 10
#define CONFIG_MAX_ERROR_LIMIT     1000
/* smtpd_timeout: 1 to POSTERN_SMTP_SESSION_MAX_SECONDS; RFC 5321 4.5.3.2
   asks for at least 5 minutes, which is the default. */
#define CONFIG_DEFAULT_SMTPD_TIMEOUT 300
/* pop3d_timeout: 1 to POSTERN_POP3_SESSION_MAX_SECONDS; RFC 1939 section 3
   asks for at least 10 minutes, which is the default. */
#define CONFIG_DEFAULT_POP3D_TIMEOUT 600
/* The configuration file itself: a wrong -c (a log, a device) is refused
   after this many octets instead of being read for ever. */
#define CONFIG_MAX_FILE_SIZE (1024 * 1024)

enum plaintext_auth {
	PLAINTEXT_AUTH_LOCAL = 0, /* only on local connections (default) */
	PLAINTEXT_AUTH_YES,
	PLAINTEXT_AUTH_NO
};

enum bare_line_ends {
	BARE_LINE_ENDS_REJECT = 0, /* default */
	BARE_LINE_ENDS_NORMALIZE
};

/*
 * About 30 KiB: keep one per process (static, or in the session struct),
 * and pass pointers to it; never copy a loaded one (see relay_argv).
 * The fields a session always uses come first and the big arrays last,
 * so that a loaded configuration dirties few pages.
 */
struct config {
	bool strict_rfc821_envelopes;
	bool loopback_is_local;
	bool sender_login_match;
	enum plaintext_auth plaintext_auth;
	enum bare_line_ends bare_line_ends;
	unsigned recipient_limit;
	unsigned auth_failure_delay;
	unsigned auth_failure_limit;
	unsigned error_limit;
	unsigned smtpd_timeout;
	unsigned pop3d_timeout;
	uint64_t message_size_limit; /* 0: no limit */
	size_t n_local_domains;
	int relay_argc;
	/* The relay program and its fixed arguments, split at white space
	   (no shell): after loading, relay_command holds the words separated
	   by NULs and relay_argv[0..relay_argc-1] point into it, then NULL.
	   relay_argv[0] is an absolute path; relay_argc is 0 when unset.
	   Because of these pointers a loaded struct config must not be
	   copied by value (memcpy, assignment): pass a pointer to it. */
	char *relay_argv[CONFIG_RELAY_ARGV_SIZE];
	char hostname[POSTERN_MAX_DOMAIN + 1];
	char postmaster[POSTERN_MAX_LOGIN + 1]; /* "" when unset */
	char users_file[POSTERN_MAX_PATHNAME];
	char mail_root[POSTERN_MAX_PATHNAME];
	char relay_command[POSTERN_MAX_FILE_LINE];
	/* local_domains, lower-cased; hostname when the key is absent */
	char local_domains[CONFIG_MAX_LOCAL_DOMAINS][POSTERN_MAX_DOMAIN + 1];
};

/*
 * Fills cfg with the built-in defaults: hostname from gethostname(2), or
 * "localhost" when that is not a valid domain name; local_domains is the
 * hostname, lower-cased.
 */
void config_defaults(struct config *cfg);

/*
 * Fills cfg with the defaults (config_defaults), then loads path over them.
 * When explicit is false (no -c given) a missing file (ENOENT) is not an
 * error: the defaults stand. Any other failure to open it, or a path that
 * is not a regular file (a FIFO would block), is an error.
 * Syntax: "key = value" lines, blanks around '=' optional, leading and
 * trailing blanks (and a CR before the LF) stripped; '#' as the first
 * non-blank starts a comment line; the last of several lines with one key
 * wins. Lines are at most POSTERN_MAX_FILE_LINE octets and hold no control
 * characters but tab.
 * Values: yes/no and the enum words in any case; numbers in decimal within
 * the bounds above; hostname and local_domains entries are domain names
 * (letters, digits, inner hyphens, 1 to 63 octets per label, at most
 * POSTERN_MAX_DOMAIN; at most CONFIG_MAX_LOCAL_DOMAINS, repeats kept
 * once); users_file and mail_root absolute paths; postmaster a login as
 * the user file allows, or empty for none; relay_command empty for none.
 * local_domains is the hostname when the file does not set it.
 * Returns 0, or -1 after writing "FILE:LINE: what is wrong" (or "FILE:
 * strerror") into err; cfg is then partly loaded and must not be used.
 */
int config_load(struct config *cfg, const char *path, bool explicit, char *err,
		size_t errlen);

/* True when domain (case-insensitive) is one of local_domains. */
bool config_is_local_domain(const struct config *cfg, const char *domain);

#endif
