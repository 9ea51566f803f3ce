/*
 * peakrss.c: runs a program and records its peak resident set (VmHWM) as
 * the kernel has it when the program exits. wait4's ru_maxrss would also
 * count the wrapper's own pages from before exec; stopping the child at its
 * exit with ptrace (PTRACE_O_TRACEEXIT, no other stops) and reading
 * /proc/PID/status while its memory still exists counts the program only.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* "VmHWM:" of /proc/pid/status in kB, or -1. */
static long vmhwm(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/*
 * With -s: each mapping's resident size at exit, "kB path" lines, into
 * FILE.smaps: what the peak is made of (libraries, heap, stack).
 */
static void dump_smaps(pid_t pid, const char *out)
{
	char path[4096], line[4096], name[4096] = "";
	FILE *in, *f;
	long kb;

	snprintf(path, sizeof path, "/proc/%ld/smaps", (long)pid);
	in = fopen(path, "r");
	if ((size_t)snprintf(path, sizeof path, "%s.smaps", out) >=
		    sizeof path ||
	    !in)
		goto out;
	f = fopen(path, "w");
	if (!f)
		goto out;
	while (fgets(line, sizeof line, in)) {
		unsigned long lo, hi;
		int off = 0;

		if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %n", &lo, &hi,
			   &off) == 2 &&
		    off > 0) {
			snprintf(name, sizeof name, "%s", line + off);
			name[strcspn(name, "\n")] = '\0';
		} else if (sscanf(line, "Rss: %ld kB", &kb) == 1 && kb > 0) {
			fprintf(f, "%6ld %s\n", kb, name[0] ? name : "[anon]");
		}
	}
	fclose(f);
out:
	if (in)
		fclose(in);
}

/* Writes the result as one line, through a rename so readers never see
   half of it. */
static void report(const char *out, long hwm, long maxrss, int status)
{
	char tmp[4096];
	FILE *f;

	if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp", out) >= sizeof tmp)
		return;
	f = fopen(tmp, "w");
	if (!f)
		return;
	fprintf(f, "vmhwm_kb=%ld ru_maxrss_kb=%ld status=%d\n", hwm, maxrss,
		status);
	if (fclose(f) == 0)
		rename(tmp, out);
}

/* Follows the child until it is gone; returns its wait status. */
static int trace(pid_t pid, long *hwm, struct rusage *ru, const char *smaps)
{
	int st;

	/* Bounded by the child's life: each stop is an exit or a signal. */
	for (;;) {
		if (wait4(pid, &st, 0, ru) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (!WIFSTOPPED(st))
			return st;
		if (st >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
			*hwm = vmhwm(pid);
			if (smaps)
				dump_smaps(pid, smaps);
			ptrace(PTRACE_CONT, pid, 0, 0);
		} else if (WSTOPSIG(st) == SIGTRAP) {
			/* After exec (PTRACE_TRACEME): only exits matter. */
			ptrace(PTRACE_SETOPTIONS, pid, 0,
			       PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL);
			ptrace(PTRACE_CONT, pid, 0, 0);
		} else {
			ptrace(PTRACE_CONT, pid, 0, WSTOPSIG(st));
		}
	}
}

int main(int argc, char **argv)
{
	struct rusage ru;
	long hwm = -1;
	const char *smaps = NULL;
	pid_t pid;
	int st, null;

	int want_smaps = argc > 1 && strcmp(argv[1], "-s") == 0;

	if (want_smaps) {
		argv++;
		argc--;
	}
	if (argc < 4 || strcmp(argv[1], "-o") != 0) {
		fprintf(stderr,
			"usage: peakrss [-s] -o FILE PROGRAM [ARG...]\n");
		return 2;
	}
	if (want_smaps)
		smaps = argv[2];
	pid = fork();
	if (pid < 0)
		return 111;
	if (pid == 0) {
		if (ptrace(PTRACE_TRACEME, 0, 0, 0) < 0)
			_exit(111);
		execvp(argv[3], argv + 3);
		_exit(127);
	}
	/* The connection (inetd: fds 0 and 1) must close when the program
	   ends, not when we do. */
	null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		if (null > 1)
			close(null);
	}
	memset(&ru, 0, sizeof ru);
	st = trace(pid, &hwm, &ru, smaps);
	report(argv[2], hwm, ru.ru_maxrss, st);
	if (st < 0)
		return 111;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
