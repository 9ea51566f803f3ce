/*
 * userfile.h: the user file of INTERFACE.md (login:hash[:maildir] lines),
 * lookups by login and by recipient, and password checks with crypt_rn()
 * that take the same time whether or not the login exists.
 */
#ifndef POSTERN_USERFILE_H
#define POSTERN_USERFILE_H

#include <stdbool.h>

#include "config.h"
#include "limits.h"

enum userfile_status {
	USERFILE_FOUND = 0,
	USERFILE_NOT_FOUND,
	USERFILE_TEMPFAIL /* unreadable file or a bad line anywhere in it
			     (451 4.3.0, -ERR [SYS/TEMP]); logged */
};

struct user {
	char login[POSTERN_MAX_LOGIN + 1]; /* as written in the file */
	char hash[POSTERN_MAX_HASH + 1];
	char maildir[POSTERN_MAX_PATHNAME]; /* given, or mail_root/login */
	bool locked;                        /* hash "*" or "!..." */
};

/*
 * Looks up login (ASCII case-insensitive) in cfg->users_file. The whole
 * file is checked, so a bad line anywhere is USERFILE_TEMPFAIL. On
 * USERFILE_NOT_FOUND, u_r still receives a dummy hash of the same cost as
 * the file's accounts (see userfile_check_password), and its login is "".
 */
enum userfile_status userfile_lookup(const struct config *cfg,
				     const char *login, struct user *u_r);

/*
 * Resolves a recipient local@domain (domain may be "" for a bare
 * postmaster) as INTERFACE.md says: with domain local, the account
 * "local@domain", else the account "local"; a non-local domain is
 * USERFILE_NOT_FOUND. postmaster (any case, no domain or a local domain)
 * is always found: the "postmaster" key's account, else an account named
 * postmaster, else a user whose maildir is <mail_root>/postmaster and whose
 * hash is "*". Callers check config_is_local_domain() first to tell
 * "relay" from "no such user".
 */
enum userfile_status userfile_lookup_recipient(const struct config *cfg,
					       const char *local,
					       const char *domain,
					       struct user *u_r);

/*
 * Checks password against u->hash with crypt_rn() into a local buffer and
 * compares in constant time. For a user from USERFILE_NOT_FOUND (login "")
 * it runs crypt_rn() on the dummy hash and returns false, so an unknown
 * login costs what a wrong password costs. Locked accounts, "*" and failure
 * tokens never match. The caller wipes the password.
 */
bool userfile_check_password(const struct user *u, const char *password);

/*
 * True when s may be a login: 1..POSTERN_MAX_LOGIN octets, no ':', white
 * space, '/', control characters or NUL, not "." or "..".
 */
bool userfile_valid_login(const char *s);

#endif
