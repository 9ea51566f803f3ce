/*
 * pwprompt.c: reading a new password (terminal without echo, or one line
 * of a pipe) and hashing it with yescrypt. The password lives only in the
 * caller's buffer and libxcrypt's work area, and both are wiped.
 */
#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "pwprompt.h"

/* Signals that end a prompt: the terminal must get its echo back first. */
static const int prompt_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT,
				      SIGTSTP };
#define N_PROMPT_SIGNALS (sizeof prompt_signals / sizeof prompt_signals[0])

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

/*
 * Reads one line from fd into buf (PW_BUFSIZE). 0: read; -1: error or
 * signal; -2: longer than POSTERN_MAX_PASSWORD. Reading stops at the
 * limit, so no input, however long, is read past it.
 */
static int read_line_fd(int fd, char *buf)
{
	size_t n = 0;
	ssize_t r;
	char c;

	for (;;) {
		/* A signal that came before read() would not interrupt it. */
		if (interrupted)
			return -1;
		r = read(fd, &c, 1);
		if (r < 0 && errno == EINTR && !interrupted)
			continue;
		if (r < 0 || interrupted)
			return -1;
		if (r == 0 || c == '\n')
			break;
		if (n == POSTERN_MAX_PASSWORD)
			return -2;
		buf[n++] = c;
	}
	buf[n] = '\0';
	return 0;
}

/* Prompts on the terminal tty with echo off; same results as above. */
static int read_tty(int tty, const char *prompt, char *buf)
{
	struct sigaction sa, old[N_PROMPT_SIGNALS];
	struct termios saved, quiet;
	int r;

	if (tcgetattr(tty, &saved) < 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal; /* no SA_RESTART: read() must return */
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < N_PROMPT_SIGNALS; i++)
		sigaction(prompt_signals[i], &sa, &old[i]);
	quiet = saved;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK);
	quiet.c_lflag |= ECHONL;
	r = -1;
	/* Echo off (dropping typeahead) before the prompt, as getpass(3)
	   does: an answer typed after the prompt appears is never flushed. */
	if (tcsetattr(tty, TCSAFLUSH, &quiet) == 0 &&
	    write(tty, prompt, strlen(prompt)) >= 0) {
		r = read_line_fd(tty, buf);
		/* TCSAFLUSH also drops what is left of an over-long line. */
		tcsetattr(tty, TCSAFLUSH, &saved);
	}
	for (size_t i = 0; i < N_PROMPT_SIGNALS; i++)
		sigaction(prompt_signals[i], &old[i], NULL);
	if (interrupted) {
		fputc('\n', stderr);
		r = -1;
	}
	return r;
}

/* Why password cannot be a login password, or NULL. */
static const char *refuse(const char *pw)
{
	if (pw[0] == '\0')
		return "empty password";
	for (const char *p = pw; *p != '\0'; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			return "control character in the password";
	return NULL;
}

/* Reads twice from the terminal; both must match. */
static int read_twice(int tty, const char *login, char *buf)
{
	char again[PW_BUFSIZE], prompt[POSTERN_MAX_LOGIN + 32];
	int r;

	snprintf(prompt, sizeof prompt, "New password for %s: ", login);
	r = read_tty(tty, prompt, buf);
	if (r == 0 && refuse(buf) == NULL) {
		r = read_tty(tty, "Retype new password: ", again);
		if (r == 0 && strcmp(buf, again) != 0) {
			fprintf(stderr, "postern-passwd: passwords differ\n");
			r = -3;
		}
	}
	explicit_bzero(again, sizeof again);
	return r;
}

int pw_read_new(const char *login, char *buf)
{
	const char *why;
	int tty = -1, r;

	interrupted = 0;
	if (isatty(STDIN_FILENO)) {
		tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
		r = read_twice(tty >= 0 ? tty : STDIN_FILENO, login, buf);
		if (tty >= 0)
			close(tty);
	} else {
		r = read_line_fd(STDIN_FILENO, buf);
	}
	if (r == -2)
		why = "password too long";
	else if (r == -1)
		why = interrupted ? "interrupted" : "cannot read the password";
	else
		why = r == 0 ? refuse(buf) : NULL;
	if (r == 0 && why == NULL)
		return 0;
	if (why != NULL)
		fprintf(stderr, "postern-passwd: %s\n", why);
	explicit_bzero(buf, PW_BUFSIZE);
	return -1;
}

int pw_hash(const char *password, unsigned long cost, char *out, size_t outsize)
{
	static struct crypt_data work;
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	const char *h;
	int r = -1;

	/* NULL random bytes: libxcrypt takes them from the kernel. */
	if (crypt_gensalt_rn("$y$", cost, NULL, 0, salt, sizeof salt) == NULL) {
		fprintf(stderr,
			"postern-passwd: cannot make a yescrypt salt "
			"with cost %lu (1 to 11): %s\n",
			cost, strerror(errno));
		return -1;
	}
	h = crypt_rn(password, salt, &work, sizeof work);
	/* libxcrypt's failure tokens start with '*'. */
	if (h == NULL || h[0] != '$' || strlen(h) >= outsize ||
	    strlen(h) > POSTERN_MAX_HASH)
		fprintf(stderr, "postern-passwd: crypt failed: %s\n",
			strerror(errno));
	else
		r = snprintf(out, outsize, "%s", h) < 0 ? -1 : 0;
	explicit_bzero(&work, sizeof work);
	return r;
}
