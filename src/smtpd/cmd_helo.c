/*
 * cmd_helo.c: HELO and EHLO (RFC 5321 4.1.1.1). The client's name is
 * checked (a domain or an address literal) before it can reach a Received
 * header; EHLO lists the extensions we implement (RFC 5321 4.1.1.1,
 * RFC 2920, RFC 1870, RFC 6152, RFC 2034, RFC 4954).
 */
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "replies.h"
#include "smtpd.h"

bool auth_allowed(const struct session *s)
{
	switch (s->cfg.plaintext_auth) {
	case PLAINTEXT_AUTH_YES:
		return true;
	case PLAINTEXT_AUTH_NO:
		return false;
	case PLAINTEXT_AUTH_LOCAL:
		break;
	}
	/* INTERFACE.md: local connections only, until TLS exists. */
	return s->peer.local;
}

/*
 * Common part: a valid name resets the transaction (RFC 5321 4.1.4: HELO
 * or EHLO in a transaction is like RSET). Returns false after a 501.
 */
static bool greet(struct session *s, const char *arg, bool esmtp)
{
	if (strlen(arg) >= sizeof(s->helo) || !smtp_addr_valid_domain(arg)) {
		reply(s, R_BAD_HELO);
		return false;
	}
	session_reset_txn(s);
	fmt_snprintf(s->helo, sizeof(s->helo), "%s", arg);
	s->esmtp = esmtp;
	s->state = ST_GREETED;
	return true;
}

void cmd_helo(struct session *s, char *arg)
{
	if (greet(s, arg, false))
		reply_fmt(s, R_HELO, "%s", s->cfg.hostname);
}

void cmd_ehlo(struct session *s, char *arg)
{
	char first[POSTERN_MAX_DOMAIN + 16], size[32];
	const char *lines[7];
	size_t n = 0;

	if (!greet(s, arg, true))
		return;
	fmt_snprintf(first, sizeof(first), "%s", s->cfg.hostname);
	lines[n++] = first;
	lines[n++] = "PIPELINING";
	/* RFC 1870 4: "SIZE 0" (no number would do too) means no limit. */
	fmt_snprintf(size, sizeof(size), "SIZE %llu",
		     (unsigned long long)s->cfg.message_size_limit);
	lines[n++] = size;
	lines[n++] = "8BITMIME";
	lines[n++] = "ENHANCEDSTATUSCODES";
	if (auth_allowed(s))
		lines[n++] = "AUTH PLAIN LOGIN";
	reply_lines(s, R_HELO, lines, n);
}
