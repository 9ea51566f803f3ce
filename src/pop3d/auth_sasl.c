/*
 * auth_sasl.c: the POP3 AUTH command (RFC 5034) with the PLAIN (RFC 4616)
 * and LOGIN mechanisms, decoded by the library's sasl.h. Both take an
 * initial response or ask for it with a "+ " continuation; "*" cancels.
 */
#include "pop3d.h"

#include <string.h>

#include "ascii.h"
#include "conn.h"
#include "sasl.h"

/* Outcomes of one challenge/response round. */
enum round {
	ROUND_OK,
	ROUND_BAD, /* too long or NUL: a failed authentication */
	ROUND_OVER /* the session ended while waiting */
};

/*
 * Sends "+ prompt" and reads the client's response into line (RFC 5034
 * section 4), bounded by POSTERN_POP3_MAX_AUTH_LINE with its CRLF.
 */
static enum round challenge(struct pop3_session *s, const char *prompt,
			    char *line, size_t size, size_t *len_r)
{
	int r;

	conn_printf(s->conn, "+ %s\r\n", prompt);
	r = pop3_read_line(s, line, size, len_r);
	if (r == -2)
		return ROUND_OVER;
	return r == 0 ? ROUND_OK : ROUND_BAD;
}

/* The reply for a decoding result other than SASL_OK. */
static enum pop3_result sasl_error(struct pop3_session *s, enum sasl_status st,
				   const char *mech)
{
	if (st == SASL_CANCEL)
		return pop3_reply(s, POP3_ERR, "authentication cancelled");
	return pop3_auth_failed(s, "", mech,
				st == SASL_BAD_BASE64 ? "bad_base64"
						      : "malformed");
}

static enum pop3_result auth_plain(struct pop3_session *s, char *ir)
{
	char line[POSTERN_POP3_MAX_AUTH_LINE - 1];
	struct sasl_creds cr;
	enum sasl_status st;
	enum pop3_result r;
	size_t len;

	if (ir == NULL) {
		switch (challenge(s, "", line, sizeof line, &len)) {
		case ROUND_OVER:
			return POP3_QUIET;
		case ROUND_BAD:
			return pop3_auth_failed(s, "", "PLAIN", "too_long");
		case ROUND_OK:
			break;
		}
		ir = line;
	} else if (strcmp(ir, "=") == 0) {
		ir[0] = '\0'; /* RFC 5034 section 4: "=" is an empty one */
	}
	st = sasl_plain_decode(ir, strlen(ir), &cr);
	explicit_bzero(ir, strlen(ir));
	if (st != SASL_OK)
		r = sasl_error(s, st, "PLAIN");
	else
		r = pop3_login(s, cr.login, cr.password, "PLAIN");
	sasl_wipe(&cr);
	return r;
}

/*
 * One LOGIN round: the initial response if given, else a challenge.
 * Returns SASL_OK with out filled, or another status; *over is set when
 * the session ended.
 */
static enum sasl_status login_round(struct pop3_session *s, char *ir,
				    const char *prompt, char *out,
				    size_t outsize, bool *over)
{
	char line[POSTERN_POP3_MAX_AUTH_LINE - 1];
	enum sasl_status st;
	size_t len;

	if (ir == NULL) {
		switch (challenge(s, prompt, line, sizeof line, &len)) {
		case ROUND_OVER:
			*over = true;
			return SASL_BAD_CREDS;
		case ROUND_BAD:
			return SASL_BAD_CREDS;
		case ROUND_OK:
			break;
		}
		ir = line;
	}
	st = sasl_login_decode(ir, strlen(ir), out, outsize);
	explicit_bzero(ir, strlen(ir));
	return st;
}

static enum pop3_result auth_login(struct pop3_session *s, char *ir)
{
	char user[POSTERN_MAX_LOGIN + 1];
	char pass[POSTERN_MAX_PASSWORD + 1];
	enum sasl_status st;
	enum pop3_result r;
	bool over = false;

	/* "Username:" and "Password:" in base64, as clients expect. */
	st = login_round(s, ir, "VXNlcm5hbWU6", user, sizeof user, &over);
	if (st == SASL_OK)
		st = login_round(s, NULL, "UGFzc3dvcmQ6", pass, sizeof pass,
				 &over);
	if (over)
		r = POP3_QUIET;
	else if (st != SASL_OK)
		r = sasl_error(s, st, "LOGIN");
	else
		r = pop3_login(s, user, pass, "LOGIN");
	explicit_bzero(user, sizeof user);
	explicit_bzero(pass, sizeof pass);
	return r;
}

enum pop3_result pop3_cmd_auth(struct pop3_session *s, char *arg)
{
	char *ir;

	if (!pop3_plaintext_allowed(s))
		return pop3_reply(s, POP3_ERR, "%s", POP3_NO_PLAINTEXT);
	if (arg == NULL) {
		/* Not in RFC 5034, but clients of RFC 1734 servers probe
		   with a bare AUTH for the list of mechanisms. */
		conn_puts(s->conn,
			  "+OK mechanisms follow\r\nPLAIN\r\nLOGIN\r\n.\r\n");
		return POP3_QUIET;
	}
	ir = strchr(arg, ' ');
	if (ir != NULL) {
		*ir++ = '\0';
		while (*ir == ' ')
			ir++;
		if (strchr(ir, ' ') != NULL)
			return pop3_reply(
				s, POP3_BAD,
				"AUTH takes a mechanism and one response");
	}
	if (ascii_casecmp(arg, "PLAIN") == 0)
		return auth_plain(s, ir);
	if (ascii_casecmp(arg, "LOGIN") == 0)
		return auth_login(s, ir);
	return pop3_reply(s, POP3_ERR, "unsupported authentication mechanism");
}
