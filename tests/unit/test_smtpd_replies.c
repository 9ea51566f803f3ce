/*
 * test_smtpd_replies.c: walks smtpd's whole table of named replies: codes
 * in range, class digits of code and enhanced code in agreement (RFC 3463
 * 2, RFC 2034 4), names unique, texts printable; then the emitter's wire
 * format and side effects (error counting, closing after 421).
 */
#include <criterion/criterion.h>
#include <string.h>
#include <sys/types.h>

#include "../../src/smtpd/replies.h"
#include "../../src/smtpd/smtpd.h"

Test(smtpd_replies, every_entry_is_valid)
{
	size_t i;

	for (i = 0; i < R__COUNT; i++)
		cr_expect(reply_valid(&smtpd_replies[i]), "%s is not valid",
			  smtpd_replies[i].name);
}

Test(smtpd_replies, class_digits_agree)
{
	size_t i;

	for (i = 0; i < R__COUNT; i++) {
		const struct reply *r = &smtpd_replies[i];

		if (r->esc == NULL)
			continue;
		cr_expect_eq(r->code / 100, r->esc[0] - '0', "%s: %d vs %s",
			     r->name, r->code, r->esc);
	}
}

Test(smtpd_replies, names_unique)
{
	size_t i, j;

	for (i = 0; i < R__COUNT; i++) {
		cr_expect_eq(strncmp(smtpd_replies[i].name, "R_", 2), 0);
		for (j = i + 1; j < R__COUNT; j++)
			cr_expect_neq(strcmp(smtpd_replies[i].name,
					     smtpd_replies[j].name),
				      0, "%s twice", smtpd_replies[i].name);
	}
}

/* Only the greeting, the HELO/EHLO reply and 3xx go without a code. */
Test(smtpd_replies, enhanced_code_everywhere_else)
{
	size_t i;

	for (i = 0; i < R__COUNT; i++) {
		const struct reply *r = &smtpd_replies[i];

		if (r->esc == NULL)
			cr_expect(r->code / 100 == 3 || i == R_GREETING ||
					  i == R_HELO,
				  "%s lacks an enhanced code", r->name);
	}
}

Test(smtpd_replies, validator_catches_mismatches)
{
	const struct reply bad[] = {
		{ "R_X", 550, "4.1.1", 0, "class" },
		{ "R_X", 250, "2.1", 0, "short" },
		{ "R_X", 250, "2.1.1234", 0, "long detail" },
		{ "R_X", 250, "2..1", 0, "empty subject" },
		{ "R_X", 199, "1.0.0", 0, "range" },
		{ "R_X", 560, "5.0.0", 0, "range" },
		{ "R_X", 354, "3.0.0", 0, "3xx with code" },
		{ "R_X", 550, NULL, RF_NOESC, "5xx without code" },
		{ "R_X", 250, "2.0.0", 0, "cr\r" },
	};
	const struct reply good = { "R_X", 554, "5.7.11", 0, "three digits" };
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_expect_not(reply_valid(&bad[i]), "%s accepted", bad[i].text);
	cr_expect(reply_valid(&good));
}

/* A transport that keeps what is written, for the emitter tests. */
static char wire[4096];
static size_t wire_len;

static ssize_t cap_read(struct conn *c, void *buf, size_t n)
{
	return 0;
}

static ssize_t cap_write(struct conn *c, const void *buf, size_t n)
{
	if (n > sizeof(wire) - wire_len)
		n = sizeof(wire) - wire_len;
	memcpy(wire + wire_len, buf, n);
	wire_len += n;
	return (ssize_t)n;
}

static const struct conn_ops cap_ops = { cap_read, cap_write };
static struct session sess;

static void setup(void)
{
	memset(&sess, 0, sizeof(sess));
	conn_init_ops(&sess.conn, &cap_ops, NULL, -1, -1);
	wire_len = 0;
}

static const char *flushed(void)
{
	conn_flush(&sess.conn);
	wire[wire_len < sizeof(wire) ? wire_len : sizeof(wire) - 1] = '\0';
	return wire;
}

Test(smtpd_replies, emitter_format, .init = setup)
{
	const char *lines[] = { "mx.example.org", "PIPELINING", "8BITMIME" };

	reply(&sess, R_RCPT_OK);
	reply_addr(&sess, R_NO_SUCH_USER, "a@b.example");
	reply_fmt(&sess, R_QUEUED, "%s %s", "Ok: queued as", "ABC1");
	reply_lines(&sess, R_HELO, lines, 3);
	reply(&sess, R_DATA_GO);
	cr_expect_str_eq(flushed(),
			 "250 2.1.5 Ok\r\n"
			 "550 5.1.1 <a@b.example>: No such user here\r\n"
			 "250 2.0.0 Ok: queued as ABC1\r\n"
			 "250-mx.example.org\r\n250-PIPELINING\r\n"
			 "250 8BITMIME\r\n"
			 "354 End data with <CR><LF>.<CR><LF>\r\n");
	cr_expect_eq(sess.errors, 0);
	cr_expect_not(sess.closing);
}

Test(smtpd_replies, errors_counted_and_421_closes, .init = setup)
{
	reply(&sess, R_UNKNOWN);
	reply(&sess, R_NEED_MAIL);
	reply(&sess, R_NO_SUCH_USER);
	cr_expect_eq(sess.errors, 2);
	cr_expect_not(sess.closing);
	reply(&sess, R_TIMEOUT);
	cr_expect(sess.closing);
	cr_expect_eq(sess.exit_code, 1);
	cr_expect_str_eq(flushed(), "500 5.5.2 Command not recognized\r\n"
				    "503 5.5.1 Need MAIL command\r\n"
				    "550 5.1.1 No such user here\r\n"
				    "421 4.4.2 Timeout exceeded\r\n");
}
