/*
 * smtpd_fuzz.c: a libFuzzer harness that runs one whole smtpd session
 * (the real session loop, handlers, DATA machine and Maildir delivery)
 * over each input. The client's bytes come from the input through a
 * conn_ops transport, in chunks whose size the input's first byte picks
 * (so that lines and the end of data are split at every place); replies
 * go to a sink. The second byte picks one of a few configurations
 * (strict envelopes, normalize, small limits, a relay_command). The mail
 * root lives in a temporary directory, preferably on tmpfs, and is
 * emptied after each session so that it cannot grow. See tests/fuzz/README.
 */
#include <crypt.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "../../src/smtpd/smtpd.h"

/* Configurations an input may pick (its second byte, modulo this). */
#define FUZZ_CONFIGS 4

struct fuzz_input {
	const uint8_t *p;
	size_t n;
	size_t chunk;
};

static struct session session;
static char dir[256];
static char cfg_paths[FUZZ_CONFIGS][300];

static ssize_t fuzz_read(struct conn *c, void *buf, size_t n)
{
	struct fuzz_input *in = c->ctx;

	if (n > in->chunk)
		n = in->chunk;
	if (n > in->n)
		n = in->n;
	memcpy(buf, in->p, n);
	in->p += n;
	in->n -= n;
	return (ssize_t)n;
}

static ssize_t fuzz_write(struct conn *c, const void *buf, size_t n)
{
	(void)c;
	(void)buf;
	return (ssize_t)n;
}

static const struct conn_ops fuzz_ops = { fuzz_read, fuzz_write };

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

/* Empties <mail_root>/<box>/{tmp,new,cur}: deliveries must not pile up. */
static void clean_mail(void)
{
	static const char *const sub[] = { "tmp", "new", "cur" };
	char root[300], path[900];
	struct dirent *b, *e;
	DIR *rd, *d;
	size_t i;

	snprintf(root, sizeof(root), "%s/mail", dir);
	if ((rd = opendir(root)) == NULL)
		return;
	while ((b = readdir(rd)) != NULL) {
		if (b->d_name[0] == '.')
			continue;
		for (i = 0; i < 3; i++) {
			snprintf(path, sizeof(path), "%s/%s/%s", root,
				 b->d_name, sub[i]);
			if ((d = opendir(path)) == NULL)
				continue;
			while ((e = readdir(d)) != NULL) {
				if (e->d_name[0] == '.')
					continue;
				snprintf(path, sizeof(path), "%s/%s/%s/%s",
					 root, b->d_name, sub[i], e->d_name);
				unlink(path);
			}
			closedir(d);
		}
	}
	closedir(rd);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* A cheap hash ($6$, 1000 rounds): the dummy of unknown logins
	   takes its setting, so every AUTH stays fast. Password "w3ld0n". */
	static const char *const extra[FUZZ_CONFIGS] = {
		"",
		("strict_rfc821_envelopes = yes\nrecipient_limit = 3\n"
		 "error_limit = 3\n"),
		"bare_line_ends = normalize\nmessage_size_limit = 300\n",
		"relay_command = /bin/true -x\nsender_login_match = no\n",
	};
	const char *base = getenv("FUZZ_TMPDIR");
	char path[300], text[2048], users[512];
	const char *h;
	int i;

	(void)argc;
	(void)argv;
	if (base == NULL)
		base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(dir, sizeof(dir), "%s/smtpd-fuzz-XXXXXX", base);
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	snprintf(path, sizeof(path), "%s/mail", dir);
	mkdir(path, 0700);
	h = crypt("w3ld0n", "$6$rounds=1000$fuzzsalt$");
	if (h == NULL || h[0] != '$') {
		perror("crypt");
		exit(1);
	}
	snprintf(users, sizeof(users),
		 "weldon:%s\nalice@example.org:%s\nbob:*\nlocked:!x\n", h, h);
	snprintf(path, sizeof(path), "%s/users", dir);
	write_file(path, users);
	for (i = 0; i < FUZZ_CONFIGS; i++) {
		snprintf(text, sizeof(text),
			 "hostname = mx.example.org\n"
			 "local_domains = example.org, example.com\n"
			 "users_file = %s/users\nmail_root = %s/mail\n"
			 "auth_failure_delay = 0\nsmtpd_timeout = 5\n%s",
			 dir, dir, extra[i]);
		snprintf(cfg_paths[i], sizeof(cfg_paths[i]), "%s/conf%d", dir,
			 i);
		write_file(cfg_paths[i], text);
	}
	log_init("smtpd");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct session *s = &session;
	struct fuzz_input in;
	char err[512];

	if (size < 2)
		return 0;
	/* 0: everything at once, else 1..255 octets per read. */
	in.chunk = data[0] == 0 ? size : data[0];
	in.p = data + 2;
	in.n = size - 2;
	memset(s, 0, sizeof(*s));
	if (config_load(&s->cfg, cfg_paths[data[1] % FUZZ_CONFIGS], true, err,
			sizeof(err)) < 0) {
		fprintf(stderr, "%s\n", err);
		abort();
	}
	s->peer.in_fd = s->peer.out_fd = -1;
	s->peer.local = true;
	snprintf(s->peer.literal, sizeof(s->peer.literal), "[local]");
	conn_init_ops(&s->conn, &fuzz_ops, &in, -1, -1);
	session_init(s);
	(void)session_run(s);
	session_free(s);
	clean_mail();
	return 0;
}
