/*
 * userfile.h: the user file of INTERFACE.md (login:hash[:maildir] lines),
 * lookups by login and by recipient, and password checks with crypt_rn()
 * that take the same time whether or not the login exists.
 */
#ifndef POSTERN_USERFILE_H
#define POSTERN_USERFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "postern_limits.h"

enum userfile_status {
	USERFILE_FOUND = 0,
	USERFILE_NOT_FOUND,
	USERFILE_TEMPFAIL /* unreadable file or a bad line anywhere in it
			     (451 4.3.0, -ERR [SYS/TEMP]); logged */
};

struct user {
	char login[POSTERN_MAX_LOGIN + 1]; /* as written in the file */
	/* The account's crypt(3) hash; for a locked account or an unknown
	   login, a dummy setting that costs what the file's accounts cost. */
	char hash[POSTERN_MAX_HASH + 1];
	char maildir[POSTERN_MAX_PATHNAME]; /* given, or mail_root/login */
	bool locked; /* hash "*" or "!...": receives mail, never logs in */
};

/*
 * Looks up login (ASCII case-insensitive) in cfg->users_file. The whole
 * file is checked, so a bad line anywhere is USERFILE_TEMPFAIL (logged
 * with file and line); where a login appears twice, the first line wins.
 * On USERFILE_NOT_FOUND, u_r still receives a dummy hash of the same cost
 * as the file's accounts (see userfile_check_password), and its login is
 * "". The dummy is the setting (algorithm, cost, salt) of the first
 * account with a usable hash, else yescrypt at libxcrypt's default cost.
 */
enum userfile_status userfile_lookup(const struct config *cfg,
				     const char *login, struct user *u_r);

/*
 * Resolves a recipient local@domain (domain may be "" for a bare
 * postmaster) as INTERFACE.md says: with domain local, the account
 * "local@domain", else the account "local" (unless local holds an '@',
 * which would reach another domain's address login); a non-local domain is
 * USERFILE_NOT_FOUND. postmaster (any case, no domain or a local domain)
 * is always found: the "postmaster" key's account, else (with a warning
 * logged when the key names no account) an account named postmaster (at
 * the domain, then bare), else a locked user "postmaster" whose maildir is
 * <mail_root>/postmaster. Any other local part with domain "" is
 * USERFILE_NOT_FOUND. Callers check config_is_local_domain() first to tell
 * "relay" from "no such user".
 */
enum userfile_status userfile_lookup_recipient(const struct config *cfg,
					       const char *local,
					       const char *domain,
					       struct user *u_r);

/*
 * Checks password against u->hash with crypt_rn() into a local buffer
 * (wiped afterwards) and compares the whole output in constant time.
 * Passwords over POSTERN_MAX_PASSWORD octets fail before crypt_rn(). For
 * a user from USERFILE_NOT_FOUND (login "") it runs crypt_rn() on the
 * dummy hash and returns false, so an unknown login costs what a wrong
 * password costs. Locked accounts, "*" and failure tokens never match.
 * The caller wipes the password.
 */
bool userfile_check_password(const struct user *u, const char *password);

/*
 * True when s may be a login: 1..POSTERN_MAX_LOGIN octets, no ':', white
 * space, '/', control characters or NUL, not "." or "..".
 */
bool userfile_valid_login(const char *s);

/* One line of the user file, split by userfile_parse_line(). */
struct userfile_entry {
	const char *login;   /* NULL for a comment or blank line */
	const char *hash;    /* crypt(3) hash, "*" or "!..." (locked) */
	const char *maildir; /* NULL when the line gives none */
};

/*
 * Splits line (len octets without its LF, line[len] a NUL) in place at its
 * first two ':'s into e, whose pointers then point into line, with the
 * checks the servers make: no NUL, a valid login (userfile_valid_login),
 * a hash of 1..POSTERN_MAX_HASH octets of printable ASCII without space,
 * a maildir (rest of the line, ':' allowed) that is an absolute path under
 * POSTERN_MAX_PATHNAME octets without control characters. A line that is
 * blank or whose first non-blank is '#' gives e->login NULL. Returns NULL,
 * or what is wrong with the line (e is then not to be used).
 */
const char *userfile_parse_line(char *line, size_t len,
				struct userfile_entry *e);

/* ASCII case-insensitive equality of logins, whatever the locale. */
bool userfile_login_equal(const char *a, const char *b);

/*
 * The crypt setting of a hash (algorithm, cost and salt) into out: up to
 * its last '$' ("$y$j9T$salt$", "$6$rounds=N$salt$"), or bcrypt's fixed
 * 29 octets, whose salt runs into the checksum. false when hash has no
 * such form or the setting does not fit. The dummy hash for unknown logins
 * is the setting of the file's first unlocked account that has one.
 */
bool userfile_hash_setting(const char *hash, char *out, size_t size);

/* True when hash locks its account: "*" or a leading '!'. */
bool userfile_hash_locked(const char *hash);

/* Where the fields of a line lie, as userfile_line_ok() finds them. */
struct userfile_span {
	bool account;     /* false for a comment or blank line */
	size_t login_len; /* the login is line[0 .. login_len) */
	size_t hash_off, hash_len;
	size_t maildir_off, maildir_len; /* maildir_len 0: none given */
};

/*
 * The scan's fast form of userfile_parse_line(): true when line (len
 * octets without its LF, no NUL needed after it, not modified) passes
 * every check userfile_parse_line() makes, with its fields in s. It may
 * only err towards false: callers then ask userfile_parse_line(), which
 * stays the judge and names what is wrong.
 */
bool userfile_line_ok(const char *line, size_t len, struct userfile_span *s);

#endif
