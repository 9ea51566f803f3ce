/*
 * config_private.h: what the two halves of the configuration share:
 * config.c reads the file and splits its lines, config_keys.c knows the
 * keys and parses their values. Not for use outside src/lib/config*.c.
 */
#ifndef POSTERN_CONFIG_PRIVATE_H
#define POSTERN_CONFIG_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"

/* The blanks of the file's syntax: around '=', between relay words. */
#define CONFIG_BLANKS " \t"

/*
 * Sets the key named by key[0..klen) from the value v (already stripped of
 * blanks). 0, or -1 with "unknown key '...'" or "KEY: what is wrong" in
 * msg (msglen octets).
 */
int config_set_key(struct config *cfg, const char *key, size_t klen,
		   const char *v, char *msg, size_t msglen);

/* Sets local_domains to the hostname, lower-cased: the default. */
void config_default_domains(struct config *cfg);

/*
 * True when s[0..n) is a domain name as RFC 5321 4.1.2 writes it: labels
 * of letters, digits and inner hyphens, 1 to 63 octets each, at most
 * POSTERN_MAX_DOMAIN in all.
 */
bool config_valid_domain(const char *s, size_t n);

#endif
