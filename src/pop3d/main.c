/*
 * main.c: pop3d serves one POP3 session (RFC 1939) on the connection it
 * is given (systemd fd 3, inetd stdin/stdout, or a pipe), then exits: 0
 * after QUIT, 1 after an I/O failure, a timeout or a hang-up, 111 when it
 * cannot be set up (a bad configuration gets -ERR [SYS/PERM]).
 */
#include "pop3d.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmdline.h"
#include "log.h"

/* ucspi convention: a temporary setup failure. */
#define EXIT_SETUP 111

static void usage(FILE *f)
{
	fprintf(f, "usage: pop3d [-c FILE] [-h] [-V]\n"
		   "  -c FILE  configuration file (default " CONFIG_DEFAULT_FILE
		   ")\n"
		   "  -h       this help\n"
		   "  -V       version\n"
		   "Serves one POP3 session on stdin/stdout or on fd 3 "
		   "(LISTEN_FDS=1).\n");
}

/* The session's one summary line, however it ended. */
static void log_session_end(const struct pop3_session *s, int code)
{
	log_msg(LOG_INFO,
		"event=disconnect auth=%s retrieved=%u deleted=%zu "
		"failed=%zu errors=%u exit=%d",
		s->login[0] != '\0' ? "yes" : "no", s->retrieved, s->deleted,
		s->delete_failed, s->errors, code);
}

int main(int argc, char **argv)
{
	/* Static: the connection's buffers are larger than a polite stack
	   frame, and there is exactly one session per process. */
	static struct conn conn;
	static struct config cfg;
	static struct pop3_session s;
	const char *path = CONFIG_DEFAULT_FILE;
	bool explicit = false, cfg_ok;
	struct peer peer;
	char err[POSTERN_MAX_PATHNAME + 128];
	int code;

	log_init("pop3d");
	code = cmdline_parse(argc, argv, "pop3d", usage, EXIT_SETUP, &path,
			     &explicit);
	if (code >= 0)
		return code;
	/* A client that hangs up is a write error, not a killed process. */
	signal(SIGPIPE, SIG_IGN);
	umask(077);
	config_defaults(&cfg);
	cfg_ok = config_load(&cfg, path, explicit, err, sizeof err) == 0;
	if (peer_setup(&peer, cfg_ok ? cfg.loopback_is_local : true) < 0) {
		log_msg(LOG_ERR, "event=no_connection");
		return EXIT_SETUP;
	}
	conn_init_fd(&conn, peer.in_fd, peer.out_fd);
	log_set_field("peer", peer.addr[0] ? peer.addr : "local");
	cmdline_session_id(s.id, sizeof s.id);
	log_set_field("session", s.id);
	if (!cfg_ok) {
		log_msg(LOG_ERR, "event=config_error error=\"%s\"", err);
		conn_puts(&conn,
			  "-ERR [SYS/PERM] server configuration error\r\n");
		conn_flush(&conn);
		return EXIT_SETUP;
	}
	s.conn = &conn;
	s.cfg = &cfg;
	s.peer = &peer;
	s.lock_fd = -1;
	s.drop.new_fd = s.drop.cur_fd = -1;
	s.deadline_ms = pop3_now_ms() +
			(uint64_t)POSTERN_POP3_SESSION_MAX_SECONDS * 1000;
	code = pop3_session_run(&s);
	log_session_end(&s, code);
	drop_free(&s.drop);
	if (s.lock_fd >= 0)
		close(s.lock_fd);
	return code;
}
