/*
 * test_smtp_addr.c: smtp_addr_parse() and smtp_addr_valid_domain() against
 * tables of valid and invalid MAIL FROM:/RCPT TO: arguments, each run in
 * lax and strict mode on an exact-size heap copy (so that ASan sees any
 * read past the NUL), plus every limit at N-1, N and N+1.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtp_addr.h"

enum verb {
	MAIL,
	RCPT
};

#define OK    SMTP_ADDR_OK
#define SYN   SMTP_ADDR_SYNTAX
#define NS    SMTP_ADDR_NOT_STRICT
#define LONG  SMTP_ADDR_TOO_LONG
#define BIT8  SMTP_ADDR_8BIT
#define PARAM SMTP_ADDR_BAD_PARAM

struct pcase {
	const char *arg;
	enum verb verb;
	enum smtp_addr_status lax, strict;
	const char *addr;     /* when OK: the expected addr */
	const char *unquoted; /* when OK and not NULL: local_unquoted */
	const char *domain;   /* when OK and not NULL: domain */
	size_t nparams;       /* when OK */
};

/* Parses c->arg in one mode; checks the status and every output. */
static void run(const struct pcase *c, size_t i, bool strict)
{
	struct smtp_param params[POSTERN_MAX_ESMTP_PARAMS];
	enum smtp_addr_status want = strict ? c->strict : c->lax, st;
	struct smtp_path p;
	size_t n = 99;
	char *buf = strdup(c->arg);

	cr_assert_not_null(buf);
	st = smtp_addr_parse(buf, strict, c->verb == MAIL, c->verb == RCPT, &p,
			     params, POSTERN_MAX_ESMTP_PARAMS, &n);
	cr_expect_eq(st, want, "case %zu '%s' %s: got %d, want %d", i, c->arg,
		     strict ? "strict" : "lax", (int)st, (int)want);
	if (st == OK && want == OK) {
		cr_expect_str_eq(p.addr, c->addr, "case %zu '%s'", i, c->arg);
		cr_expect_eq(p.null_path, c->addr[0] == '\0', "case %zu", i);
		if (c->unquoted != NULL)
			cr_expect_str_eq(p.local_unquoted, c->unquoted,
					 "case %zu '%s'", i, c->arg);
		if (c->domain != NULL)
			cr_expect_str_eq(p.domain, c->domain, "case %zu '%s'",
					 i, c->arg);
		cr_expect_eq(n, c->nparams, "case %zu '%s': %zu params", i,
			     c->arg, n);
	} else if (st != OK) {
		cr_expect_eq(n, 0, "case %zu: params on failure", i);
		cr_expect(!p.null_path && p.addr[0] == '\0' &&
				  p.local[0] == '\0' && p.domain[0] == '\0',
			  "case %zu: path left on failure", i);
	}
	free(buf);
}

static void run_table(const struct pcase *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		run(&t[i], i, false);
		run(&t[i], i, true);
	}
}

#define RUN(t) run_table(t, sizeof(t) / sizeof(t[0]))
/* clang-format off */
/* A row that fails in lax mode (and maybe in strict mode too). */
#define BAD(arg, verb, lax, strict) \
	{ arg, verb, lax, strict, NULL, NULL, NULL, 0 }
/* A row that lax mode accepts, with the addr and parameter count wanted. */
#define GOOD(arg, verb, strict, addr, n) \
	{ arg, verb, OK, strict, addr, NULL, NULL, n }
/* The same, also checking local_unquoted and domain. */
#define FULL(arg, verb, strict, addr, unq, dom, n) \
	{ arg, verb, OK, strict, addr, unq, dom, n }
/* clang-format on */

/* Every address form of the seed conversations and the strict-mode text. */
static const struct pcase seed_cases[] = {
	FULL("<sender@his.address>", MAIL, OK, "sender@his.address", "sender",
	     "his.address", 0),
	GOOD("<recipient@his.address>", RCPT, OK, "recipient@his.address", 0),
	GOOD("<webmaster@kioskea.net>", MAIL, OK, "webmaster@kioskea.net", 0),
	GOOD("<meandus@meandus.net>", RCPT, OK, "meandus@meandus.net", 0),
	GOOD("<tittom@tittom.fr>", RCPT, OK, "tittom@tittom.fr", 0),
	FULL("manager@computersupply.com", MAIL, NS,
	     "manager@computersupply.com", "manager", "computersupply.com", 0),
	GOOD("james@directsales.com", RCPT, NS, "james@directsales.com", 0),
	FULL(" the dude <dude@example.com>", MAIL, NS, "dude@example.com",
	     "dude", "example.com", 0),
	GOOD(" dude@example.com", MAIL, NS, "dude@example.com", 0),
	GOOD("<marysue@hughes.net>", MAIL, OK, "marysue@hughes.net", 0),
	GOOD("<jennys@hughes.net>", RCPT, OK, "jennys@hughes.net", 0),
	GOOD(" <jennys@hughes.net>", RCPT, OK, "jennys@hughes.net", 0),
	GOOD("\"The Dude\" <dude@example.com> SIZE=5", MAIL, NS,
	     "dude@example.com", 1),
	GOOD("John Q. Public<jqp@example.com>", MAIL, NS, "jqp@example.com", 0),
	GOOD("=?utf-8?q?J=C3=B6rg?= <j@example.com>", MAIL, NS, "j@example.com",
	     0),
	GOOD("dude@example.com SIZE=100", MAIL, NS, "dude@example.com", 1),
	GOOD("dude@example.com AUTH=<>", MAIL, NS, "dude@example.com", 1),
};

Test(smtp_addr, seed_forms)
{
	RUN(seed_cases);
}

static const struct pcase local_cases[] = {
	FULL("<\"john doe\"@example.com>", MAIL, OK, "\"john doe\"@example.com",
	     "john doe", NULL, 0),
	FULL("<\"a\\\"b\"@x.org>", MAIL, OK, "\"a\\\"b\"@x.org", "a\"b", NULL,
	     0),
	FULL("<\"a\\\\b\"@x.org>", MAIL, OK, "\"a\\\\b\"@x.org", "a\\b", NULL,
	     0),
	FULL("<\"a>b c@d\"@x.org>", MAIL, OK, "\"a>b c@d\"@x.org", "a>b c@d",
	     NULL, 0),
	FULL("<\"\\a\"@x.org>", MAIL, OK, "\"\\a\"@x.org", "a", NULL, 0),
	FULL("<\"\"@x.org>", MAIL, OK, "\"\"@x.org", "", NULL, 0),
	FULL("\"john doe\"@example.com SIZE=1", MAIL, NS,
	     "\"john doe\"@example.com", "john doe", NULL, 1),
	GOOD("<a.b+tag@x.org>", MAIL, OK, "a.b+tag@x.org", 0),
	GOOD("<!#$%&'*+-/=?^_`{|}~@x.org>", MAIL, OK,
	     "!#$%&'*+-/=?^_`{|}~@x.org", 0),
	BAD("<\"abc@x.org>", MAIL, SYN, SYN),
	BAD("<\"a\"b@x.org>", MAIL, SYN, SYN),
	BAD("<a\"b\"@x.org>", MAIL, SYN, SYN),
	BAD("<\"a\tb\"@x.org>", MAIL, SYN, SYN),
	BAD("<\"a\\\x01\"@x.org>", MAIL, SYN, SYN),
	BAD("<\"a\\\"@x.org>", MAIL, SYN, SYN),
	BAD("<.a@x.org>", MAIL, SYN, SYN),
	BAD("<a.@x.org>", MAIL, SYN, SYN),
	BAD("<a..b@x.org>", MAIL, SYN, SYN),
	BAD("<a b@x.org>", MAIL, SYN, SYN),
	BAD("<a(b)@x.org>", MAIL, SYN, SYN),
	BAD("<a@b@x.org>", MAIL, SYN, SYN),
	BAD("<@x.org>", MAIL, SYN, SYN),
	BAD("<a,b@x.org>", MAIL, SYN, SYN),
	BAD("<a\x01@x.org>", MAIL, SYN, SYN),
	BAD("<a\x7f@x.org>", MAIL, SYN, SYN),
};

Test(smtp_addr, local_part)
{
	RUN(local_cases);
}

static const struct pcase domain_cases[] = {
	FULL("<a@x>", MAIL, OK, "a@x", NULL, "x", 0),
	FULL("<a@x-y.Example.ORG>", MAIL, OK, "a@x-y.Example.ORG", NULL,
	     "x-y.Example.ORG", 0),
	GOOD("<a@1.2.3.4>", MAIL, OK, "a@1.2.3.4", 0),
	BAD("<a@x.org.>", MAIL, SYN, SYN),
	BAD("<a@.x.org>", MAIL, SYN, SYN),
	BAD("<a@x..org>", MAIL, SYN, SYN),
	BAD("<a@-x.org>", MAIL, SYN, SYN),
	BAD("<a@x-.org>", MAIL, SYN, SYN),
	BAD("<a@x_y.org>", MAIL, SYN, SYN),
	BAD("<a@>", MAIL, SYN, SYN),
	BAD("<a@x.org >", MAIL, SYN, SYN),
	FULL("<a@[192.0.2.1]>", MAIL, OK, "a@[192.0.2.1]", NULL, "[192.0.2.1]",
	     0),
	GOOD("<a@[255.255.255.255]>", MAIL, OK, "a@[255.255.255.255]", 0),
	GOOD("<a@[0.0.0.0]>", MAIL, OK, "a@[0.0.0.0]", 0),
	GOOD("<a@[001.02.3.4]>", MAIL, OK, "a@[001.02.3.4]", 0),
	BAD("<a@[256.0.0.1]>", MAIL, SYN, SYN),
	BAD("<a@[1.2.3.999]>", MAIL, SYN, SYN),
	BAD("<a@[0001.2.3.4]>", MAIL, SYN, SYN),
	BAD("<a@[1.2.3]>", MAIL, SYN, SYN),
	BAD("<a@[1.2.3.4.5]>", MAIL, SYN, SYN),
	BAD("<a@[1.2.3.]>", MAIL, SYN, SYN),
	BAD("<a@[ 1.2.3.4]>", MAIL, SYN, SYN),
	BAD("<a@[1.2.3.4>", MAIL, SYN, SYN),
	BAD("<a@[1.2.3.4]x>", MAIL, SYN, SYN),
	BAD("<a@[]>", MAIL, SYN, SYN),
	GOOD("<a@[IPv6:2001:db8::1]>", MAIL, OK, "a@[IPv6:2001:db8::1]", 0),
	GOOD("<a@[ipv6:::1]>", MAIL, OK, "a@[ipv6:::1]", 0),
	GOOD("<a@[IPv6:2001:db8:0:0:0:0:0:1]>", MAIL, OK,
	     "a@[IPv6:2001:db8:0:0:0:0:0:1]", 0),
	GOOD("<a@[IPv6:::ffff:192.0.2.1]>", MAIL, OK,
	     "a@[IPv6:::ffff:192.0.2.1]", 0),
	GOOD("<a@[IPv6:1:2:3:4:5:6:192.0.2.1]>", MAIL, OK,
	     "a@[IPv6:1:2:3:4:5:6:192.0.2.1]", 0),
	BAD("<a@[IPv6:1:2:3:4:5:6:7:8:9]>", MAIL, SYN, SYN),
	BAD("<a@[IPv6:]>", MAIL, SYN, SYN),
	BAD("<a@[IPv6:gggg::1]>", MAIL, SYN, SYN),
	BAD("<a@[IPv6:fe80::1%eth0]>", MAIL, SYN, SYN),
	BAD("<a@[IPv6:192.0.2.1]>", MAIL, SYN, SYN),
	BAD("<a@[IPv6:1:2:3:4:5:6:7:8:1:2:3:4:5:6:7:8:1:2:3:4:5:6:7:8]>", MAIL,
	    SYN, SYN),
	GOOD("<a@[x-tag:any\"thing>at:all]>", MAIL, OK,
	     "a@[x-tag:any\"thing>at:all]", 0),
	BAD("<a@[tag:]>", MAIL, SYN, SYN),
	BAD("<a@[:abc]>", MAIL, SYN, SYN),
	BAD("<a@[tag-:abc]>", MAIL, SYN, SYN),
	BAD("<a@[t_g:abc]>", MAIL, SYN, SYN),
	BAD("<a@[tag:a[b]>", MAIL, SYN, SYN),
	BAD("<a@[tag:a\\b]>", MAIL, SYN, SYN),
	BAD("<a@[tag:a b]>", MAIL, SYN, SYN),
	BAD("<a@[abc]>", MAIL, SYN, SYN),
};

Test(smtp_addr, domains_and_literals)
{
	RUN(domain_cases);
}

static const struct pcase special_cases[] = {
	FULL("<@a.example,@b.example:user@c.example>", RCPT, OK,
	     "user@c.example", "user", "c.example", 0),
	GOOD("<@a.example:user@c.example> NOTIFY=NEVER", RCPT, OK,
	     "user@c.example", 1),
	BAD("<@a.example user@c.example>", RCPT, SYN, SYN),
	BAD("<@:u@c.example>", RCPT, SYN, SYN),
	BAD("<@a,b:u@c.example>", RCPT, SYN, SYN),
	BAD("<@a,:u@c.example>", RCPT, SYN, SYN),
	BAD("<@a.example:>", RCPT, SYN, SYN),
	BAD("<@a..b:u@c.example>", RCPT, SYN, SYN),
	BAD("<@[192.0.2.1]:u@c.example>", RCPT, SYN, SYN),
	FULL("<>", MAIL, OK, "", "", "", 0),
	FULL("<> SIZE=100", MAIL, OK, "", "", "", 1),
	FULL(" <>", MAIL, OK, "", "", "", 0),
	BAD("<>", RCPT, SYN, SYN),
	BAD("< >", MAIL, SYN, SYN),
	FULL("the dude <>", MAIL, NS, "", "", "", 0),
	FULL("<Postmaster>", RCPT, OK, "Postmaster", "Postmaster", "", 0),
	FULL("<postmaster>", RCPT, OK, "postmaster", NULL, "", 0),
	FULL("<POSTMASTER>", RCPT, OK, "POSTMASTER", NULL, "", 0),
	FULL("postmaster", RCPT, NS, "postmaster", NULL, "", 0),
	BAD("<Postmaster>", MAIL, SYN, SYN),
	GOOD("<postmaster@example.org>", MAIL, OK, "postmaster@example.org", 0),
	BAD("<\"postmaster\">", RCPT, SYN, SYN),
	BAD("<postmast>", RCPT, SYN, SYN),
	BAD("<postmasters>", RCPT, SYN, SYN),
	BAD("<j\xc3\xb6rg@example.com>", MAIL, BIT8, BIT8),
	BAD("<a@ex\xc3\xa4mple.com>", RCPT, BIT8, BIT8),
	BAD("<\"\xff\"@example.com>", RCPT, BIT8, BIT8),
	BAD("j\xc3\xb6rg@example.com", MAIL, BIT8, BIT8),
	BAD("J\xc3\xb6rg <j@example.com>", MAIL, BIT8, BIT8),
	BAD("<\x80\x01>", MAIL, BIT8, BIT8),
	BAD("<a@b.org> SIZE=\xff", MAIL, PARAM, PARAM),
};

Test(smtp_addr, routes_null_postmaster_8bit)
{
	RUN(special_cases);
}

static const struct pcase params_cases[] = {
	GOOD("<a@b.org> SIZE=100 BODY=8BITMIME AUTH=<>", MAIL, OK, "a@b.org",
	     3),
	GOOD("<a@b.org>  SIZE=1   BODY=7BIT  ", MAIL, OK, "a@b.org", 2),
	GOOD("<a@b.org> ", MAIL, OK, "a@b.org", 0),
	GOOD("<a@b.org> SMTPUTF8 X-Y=z 8=9", MAIL, OK, "a@b.org", 3),
	GOOD("<a@b.org> AUTH=<a@b.org>", MAIL, OK, "a@b.org", 1),
	BAD("<a@b.org> SIZE=", MAIL, PARAM, PARAM),
	BAD("<a@b.org> =", MAIL, PARAM, PARAM),
	BAD("<a@b.org> =\"", MAIL, PARAM, PARAM),
	BAD("<a@b.org> =x", MAIL, PARAM, PARAM),
	BAD("<a@b.org> SIZE=1=2", MAIL, PARAM, PARAM),
	BAD("<a@b.org> SIZE==1", MAIL, PARAM, PARAM),
	BAD("<a@b.org> -X", MAIL, PARAM, PARAM),
	BAD("<a@b.org> K_Y", MAIL, PARAM, PARAM),
	BAD("<a@b.org> K=a\x01", MAIL, PARAM, PARAM),
	BAD("<a@b.org> K=a\tL=b", MAIL, PARAM, PARAM),
	BAD("<a@b.org> <c@d.org>", MAIL, PARAM, PARAM),
	BAD("<a@b.org>SIZE=1", MAIL, SYN, SYN),
	BAD("<a@b.org>\r", MAIL, SYN, SYN),
	BAD("<a@b.org>\t", MAIL, SYN, SYN),
};

Test(smtp_addr, params_table)
{
	RUN(params_cases);
}

Test(smtp_addr, params_split_in_place)
{
	char arg[] = " <a@b.org> SIZE=100  BODY=8BITMIME AUTH=<> SMTPUTF8 ";
	struct smtp_param p[4];
	struct smtp_path path;
	size_t n;

	cr_assert_eq(smtp_addr_parse(arg, true, true, false, &path, p, 4, &n),
		     OK);
	cr_assert_eq(n, 4);
	cr_expect_str_eq(p[0].key, "SIZE");
	cr_expect_str_eq(p[0].value, "100");
	cr_expect_str_eq(p[1].key, "BODY");
	cr_expect_str_eq(p[1].value, "8BITMIME");
	cr_expect_str_eq(p[2].key, "AUTH");
	cr_expect_str_eq(p[2].value, "<>");
	cr_expect_str_eq(p[3].key, "SMTPUTF8");
	cr_expect_null(p[3].value);
	cr_expect(p[0].key > arg && p[3].key < arg + sizeof(arg));
	cr_expect_str_eq(path.local, "a");
	cr_expect_str_eq(path.domain, "b.org");
}

static const struct pcase hostile_cases[] = {
	BAD("", MAIL, SYN, SYN),
	BAD("     ", MAIL, SYN, SYN),
	BAD("<abc", MAIL, SYN, SYN),
	BAD("<", RCPT, SYN, SYN),
	BAD(">", RCPT, SYN, SYN),
	BAD("<<a@b.org>>", MAIL, SYN, SYN),
	BAD("<a@b.org", MAIL, SYN, SYN),
	BAD("a@b.org>", MAIL, SYN, SYN),
	BAD("<a@b.org>>", MAIL, SYN, SYN),
	BAD("<a@b.org>x", MAIL, SYN, SYN),
	BAD("!!!", RCPT, SYN, SYN),
	BAD("@", RCPT, SYN, SYN),
	BAD("\"", RCPT, SYN, SYN),
	BAD("\"\\", RCPT, SYN, SYN),
	BAD("<\"\\", RCPT, SYN, SYN),
	BAD("<a@[", RCPT, SYN, SYN),
	BAD("\"unterminated <a@b.org>", MAIL, SYN, SYN),
	BAD("the dude <a@b.org", MAIL, SYN, SYN),
	BAD("a@b.org <a@b.org>", MAIL, PARAM, NS),
	BAD("FROM:<a@b.org>", MAIL, SYN, SYN),
	BAD("\t<a@b.org>", MAIL, SYN, SYN),
};

Test(smtp_addr, hostile_table)
{
	RUN(hostile_cases);
}

/* A valid domain of exactly n >= 3 octets: labels of 50, the last >= 1. */
static void make_domain(char *dst, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = i % 51 == 50 ? '.' : 'b';
	if (dst[n - 1] == '.') {
		dst[n - 1] = 'b';
		dst[n - 2] = '.';
	}
	dst[n] = '\0';
}

/* Parses "<" + local + "@" + a domain of dlen octets + ">" in both modes. */
static enum smtp_addr_status parse_built(const char *local, size_t dlen,
					 struct smtp_path *p)
{
	char buf[1200];
	size_t n, llen = strlen(local);
	enum smtp_addr_status lax, strict;

	cr_assert(llen + dlen + 3 < sizeof(buf));
	buf[0] = '<';
	memcpy(buf + 1, local, llen);
	buf[1 + llen] = '@';
	make_domain(buf + 2 + llen, dlen);
	strcat(buf, ">");
	strict = smtp_addr_parse(buf, true, true, false, p, NULL, 0, &n);
	lax = smtp_addr_parse(buf, false, true, false, p, NULL, 0, &n);
	cr_expect_eq(lax, strict, "modes differ for '%s'", buf);
	if (lax == OK)
		cr_expect_eq(strlen(p->addr), llen + 1 + dlen);
	return lax;
}

static void repeat(char *dst, char c, size_t n)
{
	memset(dst, c, n);
	dst[n] = '\0';
}

Test(smtp_addr, local_part_limits)
{
	char local[200];
	struct smtp_path p;

	repeat(local, 'a', 63);
	cr_expect_eq(parse_built(local, 5, &p), OK);
	repeat(local, 'a', 64);
	cr_expect_eq(parse_built(local, 5, &p), OK);
	cr_expect_eq(strlen(p.local), 64);
	cr_expect_eq(strlen(p.local_unquoted), 64);
	repeat(local, 'a', 65);
	cr_expect_eq(parse_built(local, 5, &p), LONG);
	/* Quoted: the limit counts the local part as written. */
	repeat(local, '\\', 62);
	local[0] = '"';
	memset(local + 1, '\\', 62);
	for (size_t i = 2; i < 63; i += 2)
		local[i] = '"';
	local[63] = '"';
	local[64] = '\0';
	cr_expect_eq(parse_built(local, 5, &p), OK);
	cr_expect_eq(strlen(p.local), 64);
	cr_expect_eq(strlen(p.local_unquoted), 31);
	cr_expect_eq(p.local_unquoted[0], '"');
	memmove(local + 2, local + 1, 64);
	local[1] = 'x';
	cr_expect_eq(parse_built(local, 5, &p), LONG);
}

Test(smtp_addr, path_and_domain_limits)
{
	char local[16] = "abcdefghij";
	char buf[400];
	struct smtp_path p;

	/* 4.5.3.1.3: a path of 255, 256 and 257 octets with its brackets. */
	cr_expect_eq(parse_built(local, 255 - 2 - 11, &p), OK);
	cr_expect_eq(parse_built(local, 256 - 2 - 11, &p), OK);
	cr_expect_eq(strlen(p.addr), 254);
	cr_expect_eq(parse_built(local, 257 - 2 - 11, &p), LONG);
	cr_expect_eq(parse_built("a", 254, &p), LONG);
	cr_expect_eq(parse_built("a", 256, &p), LONG);
	/* RFC 1035 2.3.4: labels of 63 octets, not 64. */
	memset(buf, 'b', 64);
	strcpy(buf + 63, ".org");
	cr_expect(smtp_addr_valid_domain(buf));
	memset(buf, 'b', 64);
	strcpy(buf + 64, ".org");
	cr_expect(!smtp_addr_valid_domain(buf));
	/* 4.5.3.1.2: a domain of 254, 255 and 256 octets. */
	make_domain(buf, 254);
	cr_expect(smtp_addr_valid_domain(buf));
	make_domain(buf, 255);
	cr_expect(smtp_addr_valid_domain(buf));
	make_domain(buf, 256);
	cr_expect(!smtp_addr_valid_domain(buf));
}

Test(smtp_addr, param_count_limit)
{
	char buf[512];
	struct smtp_param p[POSTERN_MAX_ESMTP_PARAMS];
	struct smtp_path path;
	size_t n;

	for (size_t want = POSTERN_MAX_ESMTP_PARAMS - 1;
	     want <= POSTERN_MAX_ESMTP_PARAMS + 1; want++) {
		strcpy(buf, "<a@b.org>");
		for (size_t i = 0; i < want; i++)
			snprintf(buf + strlen(buf), 16, " K%zu=v", i);
		cr_expect_eq(smtp_addr_parse(buf, true, true, false, &path, p,
					     POSTERN_MAX_ESMTP_PARAMS, &n),
			     want <= POSTERN_MAX_ESMTP_PARAMS ? OK : PARAM,
			     "%zu params", want);
	}
	strcpy(buf, "<a@b.org> SIZE=1");
	cr_expect_eq(
		smtp_addr_parse(buf, true, true, false, &path, NULL, 0, &n),
		PARAM);
	strcpy(buf, "<a@b.org>  ");
	cr_expect_eq(
		smtp_addr_parse(buf, true, true, false, &path, NULL, 0, &n),
		OK);
}

/* Long inputs of one byte: each must fail cleanly, in both modes. */
Test(smtp_addr, long_garbage)
{
	static const char *const heads[] = { "", "<", "\"", "<\"", "<a@[" };
	static const char fill[] = "x<>\"@[]\\ .:,=";
	size_t len = 100000;
	char *buf = malloc(len + 8);
	struct smtp_path p;
	size_t n;

	cr_assert_not_null(buf);
	for (size_t h = 0; h < sizeof(heads) / sizeof(heads[0]); h++) {
		for (size_t f = 0; f + 1 < sizeof(fill); f++) {
			strcpy(buf, heads[h]);
			memset(buf + strlen(heads[h]), fill[f], len);
			buf[strlen(heads[h]) + len] = '\0';
			for (int strict = 0; strict < 2; strict++) {
				enum smtp_addr_status st =
					smtp_addr_parse(buf, strict, true, true,
							&p, NULL, 0, &n);

				cr_expect_neq(st, OK, "'%s' + %zu x '%c'",
					      heads[h], len, fill[f]);
			}
		}
	}
	free(buf);
}

/*
 * Random short inputs from the bytes that matter to the grammar: whatever
 * the status, outputs must stay within the RFC limits and be consistent.
 */
Test(smtp_addr, random_inputs_keep_invariants)
{
	static const char alpha[] = "ab.@<>\"\\[]:,= -9IPv6\x01\x80";
	struct smtp_param params[POSTERN_MAX_ESMTP_PARAMS];
	struct smtp_path p;
	unsigned long seed = 12345;
	char buf[64];
	size_t n;

	for (int iter = 0; iter < 200000; iter++) {
		size_t len;

		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		len = (seed >> 33) % (sizeof(buf) - 1);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 6364136223846793005UL + 1UL;
			buf[i] = alpha[(seed >> 33) % (sizeof(alpha) - 1)];
		}
		buf[len] = '\0';
		if (smtp_addr_parse(buf, iter & 1, true, true, &p, params,
				    POSTERN_MAX_ESMTP_PARAMS, &n) != OK) {
			cr_assert_eq(n, 0);
			continue;
		}
		cr_assert(strlen(p.local) <= POSTERN_MAX_LOCAL_PART);
		cr_assert(strlen(p.local_unquoted) <= strlen(p.local));
		cr_assert(strlen(p.addr) + 2 <= POSTERN_MAX_PATH);
		cr_assert(p.null_path == (p.addr[0] == '\0'));
		if (p.domain[0] != '\0')
			cr_assert(smtp_addr_valid_domain(p.domain), "%s",
				  p.domain);
		for (size_t i = 0; i < n; i++)
			cr_assert(params[i].key[0] != '\0');
	}
}

Test(smtp_addr, valid_domain)
{
	static const char *const good[] = {
		"python.directsales.com",
		"sender.host.name",
		"machine1.commentcamarche.net",
		"smtp.hughes.net",
		"localhost",
		"x",
		"1.2.3.4",
		"[192.0.2.1]",
		"[IPv6:::1]",
		"[x-tag:abc]",
	};
	static const char *const bad[] = {
		"",
		"example.org.",
		".example.org",
		"exa mple.org",
		"ex\xc3\xa4mple.org",
		"-a.org",
		"a-.org",
		"a..b",
		"a_b.org",
		"[1.2.3.4",
		"[256.1.1.1]",
		"[IPv6:::g]",
		"<a.org>",
		"a.org\r",
		"a@b.org",
		"[]",
	};

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		cr_expect(smtp_addr_valid_domain(good[i]), "%s", good[i]);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_expect(!smtp_addr_valid_domain(bad[i]), "%s", bad[i]);
}
