/*
 * pwprompt.h: new passwords for postern-passwd: read from the terminal
 * without echo, or one line from standard input for scripts, and hashed
 * with yescrypt through libxcrypt.
 */
#ifndef POSTERN_PWPROMPT_H
#define POSTERN_PWPROMPT_H

#include <stddef.h>

#include "postern_limits.h"

/* Size of a buffer that holds any acceptable password and its NUL. */
#define PW_BUFSIZE (POSTERN_MAX_PASSWORD + 1)

/*
 * Reads a new password for login into buf (PW_BUFSIZE bytes). When
 * standard input is a terminal, prompts twice on it with echo off (restored
 * on every exit path, including SIGINT) and requires both to match;
 * otherwise reads one line from standard input (a LF or end of file ends
 * it). Refuses an empty password, one over POSTERN_MAX_PASSWORD octets and
 * one with control characters (no POP3 client could send them). Returns 0,
 * or -1 after printing why; buf is wiped on failure.
 */
int pw_read_new(const char *login, char *buf);

/*
 * Hashes password with yescrypt ("$y$") into out (outsize bytes, at least
 * POSTERN_MAX_HASH + 1), with a random salt from crypt_gensalt_rn at the
 * given cost (1..11; 0 picks libxcrypt's default). Returns 0, or -1 after
 * printing why (a bad cost, or crypt failing).
 */
int pw_hash(const char *password, unsigned long cost, char *out,
	    size_t outsize);

#endif
