/*
 * cmd_mail.c: MAIL FROM: (RFC 5321 4.1.1.2) with the parameters of the
 * extensions we offer: SIZE (RFC 1870), BODY (RFC 6152) and AUTH (RFC 4954
 * section 5). The declared size is checked at once, so that a client does
 * not send a message only to have it refused at the end.
 */
#include <stdint.h>
#include <string.h>

#include "ascii.h"
#include "log.h"
#include "replies.h"
#include "smtpd.h"

const char *smtpd_after_keyword(const char *arg, const char *keyword)
{
	size_t n = strlen(keyword);

	if (ascii_ncasecmp(arg, keyword, n) != 0)
		return NULL;
	return arg + n;
}

/*
 * RFC 1870 3: size-value = 1*20DIGIT. Returns false for anything else and
 * for a value beyond 2^64-1, rather than wrapping.
 */
static bool parse_size(const char *v, uint64_t *size_r)
{
	uint64_t n = 0;
	size_t i;

	if (v == NULL || *v == '\0' || strlen(v) > 20)
		return false;
	for (i = 0; v[i] != '\0'; i++) {
		if (v[i] < '0' || v[i] > '9')
			return false;
		if (__builtin_mul_overflow(n, 10, &n) ||
		    __builtin_add_overflow(n, (uint64_t)(v[i] - '0'), &n))
			return false;
	}
	*size_r = n;
	return true;
}

/* Checks the parameters; returns the refusing reply, or R__COUNT. */
static enum reply_id check_params(const struct session *s,
				  const struct smtp_param *p, size_t n)
{
	bool seen_size = false, seen_body = false, seen_auth = false;
	uint64_t size;
	size_t i;

	for (i = 0; i < n; i++) {
		if (ascii_casecmp(p[i].key, "SIZE") == 0 && !seen_size) {
			seen_size = true;
			if (!parse_size(p[i].value, &size))
				return R_BAD_PARAM;
			if (s->cfg.message_size_limit != 0 &&
			    size > s->cfg.message_size_limit)
				return R_TOO_BIG;
		} else if (ascii_casecmp(p[i].key, "BODY") == 0 && !seen_body) {
			/* RFC 6152 2: 7BIT or 8BITMIME; both are stored as
			   they come, byte for byte. */
			seen_body = true;
			if (p[i].value == NULL ||
			    (ascii_casecmp(p[i].value, "7BIT") != 0 &&
			     ascii_casecmp(p[i].value, "8BITMIME") != 0))
				return R_BAD_PARAM;
		} else if (ascii_casecmp(p[i].key, "AUTH") == 0 && !seen_auth) {
			/* RFC 4954 5: accepted; we never pass it on, so the
			   value (xtext or "<>") is only required to exist. */
			seen_auth = true;
			if (p[i].value == NULL)
				return R_BAD_PARAM;
		} else if (ascii_casecmp(p[i].key, "SIZE") == 0 ||
			   ascii_casecmp(p[i].key, "BODY") == 0 ||
			   ascii_casecmp(p[i].key, "AUTH") == 0) {
			return R_BAD_PARAM; /* given twice */
		} else {
			return R_UNKNOWN_PARAM;
		}
	}
	return R__COUNT;
}

/* RFC 3463: 5.1.7 bad sender syntax, 5.1.3 bad recipient syntax. */
enum reply_id smtpd_addr_refusal(enum smtp_addr_status st, bool sender)
{
	switch (st) {
	case SMTP_ADDR_8BIT:
		return R_8BIT_ADDR;
	case SMTP_ADDR_BAD_PARAM:
		return R_BAD_PARAM;
	case SMTP_ADDR_OK:
	case SMTP_ADDR_SYNTAX:
	case SMTP_ADDR_NOT_STRICT:
	case SMTP_ADDR_TOO_LONG:
		break;
	}
	return sender ? R_BAD_SENDER : R_BAD_RCPT;
}

void cmd_mail(struct session *s, char *arg)
{
	struct smtp_param params[POSTERN_MAX_ESMTP_PARAMS];
	enum smtp_addr_status st;
	enum reply_id refusal;
	char *path = (char *)smtpd_after_keyword(arg, "FROM:");
	size_t n;

	if (path == NULL) {
		reply(s, R_MAIL_SYNTAX);
		return;
	}
	st = smtp_addr_parse(path, s->cfg.strict_rfc821_envelopes, true, false,
			     &s->txn.from, params, POSTERN_MAX_ESMTP_PARAMS,
			     &n);
	if (st != SMTP_ADDR_OK) {
		reply(s, smtpd_addr_refusal(st, true));
		return;
	}
	refusal = check_params(s, params, n);
	if (refusal != R__COUNT) {
		memset(&s->txn.from, 0, sizeof(s->txn.from));
		/* A refusal that is no protocol error (552 for SIZE) moves
		   no mail either: without this, MAIL could be repeated
		   without bound (RFC 5321 7.8). */
		if (!(smtpd_replies[refusal].flags & RF_ERROR))
			s->junk++;
		reply(s, refusal);
		return;
	}
	s->state = ST_MAIL;
	reply(s, R_MAIL_OK);
}
