/*
 * relay.c: hands an authenticated user's mail for remote recipients to
 * relay_command, a sendmail-compatible program (Postfix's sendmail, msmtp,
 * nullmailer), run directly (no shell) with the message on its stdin and a
 * bound on its run time. Its exit status decides the reply (sysexits.h:
 * 75 EX_TEMPFAIL is temporary, anything else permanent).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "deliver.h"
#include "log.h"

/* sysexits.h EX_TEMPFAIL, which sendmail-compatible programs use. */
#define RELAY_EX_TEMPFAIL 75
/* The longest relay_wait sleeps before it checks the child again. */
#define RELAY_POLL_NS 100000000L
/* What a child that could not exec its program exits with (as sh does). */
#define RELAY_EX_NOEXEC 127

/* argv: the configured program and arguments, then our own. */
static char **relay_argv(const struct session *s)
{
	const struct smtpd_txn *t = &s->txn;
	size_t n = (size_t)s->cfg.relay_argc + 4 + t->n_relay + 1, i, k = 0;
	char **argv = calloc(n, sizeof(*argv));

	if (argv == NULL)
		return NULL;
	for (i = 0; i < (size_t)s->cfg.relay_argc; i++)
		argv[k++] = s->cfg.relay_argv[i];
	/* -i: a line with a single dot is text, not the end (sendmail(1)).
	   The null sender is the empty string, as sendmail -f takes it. */
	argv[k++] = (char *)"-i";
	argv[k++] = (char *)"-f";
	argv[k++] = (char *)t->from.addr;
	argv[k++] = (char *)"--";
	for (i = 0; i < t->n_rcpts; i++)
		if (t->rcpts[i].box < 0)
			argv[k++] = (char *)t->rcpts[i].addr;
	argv[k] = NULL;
	return argv;
}

/* In the child: stdin from the message, nothing onto the connection. */
static void relay_child(char **argv, int in_fd, const sigset_t *old)
{
	int null_fd = open("/dev/null", O_WRONLY);

	/* Its own process group, so that a timeout kills its helpers too. */
	setpgid(0, 0);
	if (null_fd < 0 || dup2(in_fd, STDIN_FILENO) < 0 ||
	    dup2(null_fd, STDOUT_FILENO) < 0 ||
	    dup2(null_fd, STDERR_FILENO) < 0)
		_exit(RELAY_EX_TEMPFAIL);
	/* The client's socket (fd 3 under systemd) must not leak. */
	closefrom(STDERR_FILENO + 1);
	/* smtpd ignores SIGPIPE; an ignored signal survives exec, and the
	   relay program is entitled to the default. */
	signal(SIGPIPE, SIG_DFL);
	sigprocmask(SIG_SETMASK, old, NULL);
	execv(argv[0], argv);
	_exit(RELAY_EX_NOEXEC);
}

/*
 * Waits for pid at most SMTPD_RELAY_MAX_SECONDS (SIGCHLD is blocked, so
 * sigtimedwait sleeps until it exits, or RELAY_POLL_NS at most); kills
 * its process group after that. Returns its wait status, or -1 when it was
 * killed.
 */
static int relay_wait(pid_t pid, const sigset_t *chld)
{
	struct timespec now, end, left;
	int status;
	pid_t r;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += SMTPD_RELAY_MAX_SECONDS;
	for (;;) {
		r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			return status;
		if (r < 0 && errno != EINTR)
			return -1;
		clock_gettime(CLOCK_MONOTONIC, &now);
		left.tv_sec = end.tv_sec - now.tv_sec;
		left.tv_nsec = end.tv_nsec - now.tv_nsec;
		if (left.tv_nsec < 0) {
			left.tv_sec--;
			left.tv_nsec += 1000000000L;
		}
		if (left.tv_sec < 0)
			break;
		/* Look again at least every RELAY_POLL_NS: a SIGCHLD taken
		   by another thread (a fuzzing harness has some) or merged
		   with an earlier one must not cost the whole bound. */
		if (left.tv_sec > 0 || left.tv_nsec > RELAY_POLL_NS) {
			left.tv_sec = 0;
			left.tv_nsec = RELAY_POLL_NS;
		}
		(void)sigtimedwait(chld, NULL, &left);
	}
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return -1;
}

static enum relay_result relay_verdict(int status)
{
	if (status == -1 || !WIFEXITED(status))
		return RELAY_FAILED;
	if (WEXITSTATUS(status) == 0)
		return RELAY_OK;
	if (WEXITSTATUS(status) == RELAY_EX_TEMPFAIL)
		return RELAY_TEMPFAIL;
	return RELAY_FAILED;
}

enum relay_result relay_run(struct session *s, const struct smtpd_msg *msg)
{
	sigset_t chld, old;
	char **argv = relay_argv(s);
	int in_fd, status, fork_errno;
	pid_t pid;

	in_fd = open(msg->f.tmp_path, O_RDONLY | O_CLOEXEC);
	if (argv == NULL || in_fd < 0 ||
	    lseek(in_fd, msg->relay_offset, SEEK_SET) < 0) {
		log_msg(LOG_ERR, "event=error op=relay_setup errno=%d", errno);
		free(argv);
		if (in_fd >= 0)
			close(in_fd);
		return RELAY_TEMPFAIL;
	}
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);
	pid = fork();
	fork_errno = errno;
	if (pid == 0)
		relay_child(argv, in_fd, &old);
	status = pid < 0 ? -1 : relay_wait(pid, &chld);
	sigprocmask(SIG_SETMASK, &old, NULL);
	close(in_fd);
	free(argv);
	if (pid < 0) {
		log_msg(LOG_ERR, "event=error op=fork errno=%d", fork_errno);
		return RELAY_TEMPFAIL;
	}
	log_msg(LOG_INFO, "event=relay msgid=%s status=%s%d", msg->id,
		status == -1        ? "timeout"
		: WIFEXITED(status) ? "exit"
				    : "signal",
		status == -1        ? SMTPD_RELAY_MAX_SECONDS
		: WIFEXITED(status) ? WEXITSTATUS(status)
				    : WTERMSIG(status));
	return relay_verdict(status);
}
