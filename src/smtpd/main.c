/*
 * main.c: smtpd's entry point. Parses -c/-h/-V, loads the configuration,
 * finds the connection (systemd fd 3, inetd stdin/stdout, or a pipe) and
 * serves one SMTP session on it. Exit codes follow the ucspi convention:
 * 0 after QUIT, 1 after an I/O failure or a closed session, 100 for bad
 * usage, 111 for setup errors (a bad configuration also gets 421 4.3.0).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmdline.h"
#include "log.h"
#include "replies.h"
#include "smtpd.h"

#define EXIT_USAGE 100
#define EXIT_SETUP 111

/* The session is big (I/O buffers, the line); it lives here, not on the
   stack, and there is exactly one per process. */
static struct session session;

static void usage(FILE *f)
{
	fprintf(f,
		"usage: smtpd [-c config-file] [-h] [-V]\n"
		"Serves one SMTP session on stdin/stdout (inetd) or fd 3 "
		"(systemd Accept=yes).\n"
		"  -c FILE  configuration file (default %s)\n"
		"  -h       this help\n"
		"  -V       version\n",
		CONFIG_DEFAULT_FILE);
}

int main(int argc, char **argv)
{
	struct session *s = &session;
	const char *cfg_path = CONFIG_DEFAULT_FILE;
	bool explicit = false;
	char err[512];
	int rc, cfg_rc;

	log_init("smtpd");
	rc = cmdline_parse(argc, argv, "smtpd", usage, EXIT_USAGE, &cfg_path,
			   &explicit);
	if (rc >= 0)
		return rc;
	/* A vanished client is a write error (EPIPE), never a signal. */
	signal(SIGPIPE, SIG_IGN);
	/* An ignored SIGCHLD is inherited through exec (a supervisor may
	   ignore it); then relay_command's child is reaped by the kernel,
	   its exit status is lost and waitpid() cannot see it end. */
	signal(SIGCHLD, SIG_DFL);
	config_defaults(&s->cfg);
	cfg_rc = config_load(&s->cfg, cfg_path, explicit, err, sizeof(err));
	if (cfg_rc < 0)
		log_msg(LOG_ERR, "event=config_error error=\"%s\"", err);
	if (peer_setup(&s->peer, s->cfg.loopback_is_local) < 0) {
		log_msg(LOG_ERR, "event=setup_error error=\"no connection\"");
		return EXIT_SETUP;
	}
	conn_init_fd(&s->conn, s->peer.in_fd, s->peer.out_fd);
	log_set_field("peer", s->peer.addr[0] != '\0' ? s->peer.addr
			      : s->peer.is_socket     ? "unknown"
						      : "local");
	if (cfg_rc < 0) {
		/* INTERFACE.md: the client learns only that it must retry. */
		reply(s, R_CONFIG_ERROR);
		conn_flush(&s->conn);
		return EXIT_SETUP;
	}
	session_init(s);
	log_set_field("session", s->id);
	log_msg(LOG_INFO, "event=connect local=%s",
		s->peer.local ? "yes" : "no");
	rc = session_run(s);
	session_free(s);
	return rc;
}
