/*
 * test_cmdline.c: the -c/-h/-V options both servers share, and session
 * ids.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmdline.h"

static int usage_calls;

static void fake_usage(FILE *f)
{
	(void)f;
	usage_calls++;
}

/* Runs cmdline_parse on a NULL-terminated argument list. */
static int parse(const char *const *args, const char **path, bool *explicit)
{
	static char store[8][64];
	char *argv[9];
	int argc = 0;

	while (args[argc] != NULL && argc < 8) {
		snprintf(store[argc], sizeof(store[argc]), "%s", args[argc]);
		argv[argc] = store[argc];
		argc++;
	}
	argv[argc] = NULL;
	usage_calls = 0;
	*path = "default";
	*explicit = false;
	return cmdline_parse(argc, argv, "testd", fake_usage, 100, path,
			     explicit);
}

Test(cmdline, config_file)
{
	const char *const argv[] = { "testd", "-c", "/etc/x.conf", NULL };
	const char *path;
	bool explicit;

	cr_assert_eq(parse(argv, &path, &explicit), -1);
	cr_assert_str_eq(path, "/etc/x.conf");
	cr_assert(explicit);
}

Test(cmdline, no_options_keep_default)
{
	const char *const argv[] = { "testd", NULL };
	const char *path;
	bool explicit;

	cr_assert_eq(parse(argv, &path, &explicit), -1);
	cr_assert_str_eq(path, "default");
	cr_assert(!explicit);
}

Test(cmdline, help_and_version_exit_zero)
{
	const char *const help[] = { "testd", "-h", NULL };
	const char *const version[] = { "testd", "-V", NULL };
	const char *path;
	bool explicit;

	cr_assert_eq(parse(help, &path, &explicit), 0);
	cr_assert_eq(usage_calls, 1);
	cr_assert_eq(parse(version, &path, &explicit), 0);
	cr_assert_eq(usage_calls, 0);
}

Test(cmdline, bad_usage)
{
	const char *const unknown[] = { "testd", "-x", NULL };
	const char *const missing[] = { "testd", "-c", NULL };
	const char *const extra[] = { "testd", "stray", NULL };
	const char *path;
	bool explicit;

	cr_assert_eq(parse(unknown, &path, &explicit), 100);
	cr_assert_eq(usage_calls, 1);
	cr_assert_eq(parse(missing, &path, &explicit), 100);
	cr_assert_eq(parse(extra, &path, &explicit), 100);
}

/* What getopt(3) with "c:hV" made of these, as GNU libc does it. */
Test(cmdline, getopt_forms)
{
	const char *const glued[] = { "testd", "-c/etc/g.conf", NULL };
	const char *const twice[] = { "testd", "-c", "a", "-cb", NULL };
	const char *const dashes[] = { "testd", "-c", "--", NULL };
	const char *const ended[] = { "testd", "--", "-c", "x", NULL };
	const char *const after[] = { "testd", "-c", "x", "--", NULL };
	const char *const permuted[] = { "testd", "stray", "-h", NULL };
	const char *const cluster[] = { "testd", "-Vh", NULL };
	const char *const lone[] = { "testd", "-", NULL };
	const char *path;
	bool explicit;

	cr_assert_eq(parse(glued, &path, &explicit), -1);
	cr_assert_str_eq(path, "/etc/g.conf");
	cr_assert(explicit);
	cr_assert_eq(parse(twice, &path, &explicit), -1);
	cr_assert_str_eq(path, "b");
	cr_assert_eq(parse(dashes, &path, &explicit), -1);
	cr_assert_str_eq(path, "--");
	cr_assert_eq(parse(ended, &path, &explicit), 100);
	cr_assert_not(explicit);
	cr_assert_eq(parse(after, &path, &explicit), -1);
	cr_assert_str_eq(path, "x");
	cr_assert_eq(parse(permuted, &path, &explicit), 0);
	cr_assert_eq(usage_calls, 1);
	cr_assert_eq(parse(cluster, &path, &explicit), 0);
	cr_assert_eq(usage_calls, 0);
	cr_assert_eq(parse(lone, &path, &explicit), 100);
}

Test(cmdline, session_id_hex_and_bounded)
{
	char id[64], small[8];
	size_t i;

	cmdline_session_id(id, sizeof(id));
	cr_assert(strlen(id) > 8);
	for (i = 0; id[i] != '\0'; i++)
		cr_assert(strchr("0123456789ABCDEF", id[i]) != NULL, "%s", id);
	memset(small, 'x', sizeof(small));
	cmdline_session_id(small, sizeof(small));
	cr_assert_eq(strlen(small), sizeof(small) - 1);
}

/* "%llX%05lX%lX": seconds (8 hex digits until 2106), microseconds padded
   to 5, then the pid; a cut id is the start of the whole one. */
Test(cmdline, session_id_layout)
{
	char id[64], pid[32], cut[12];
	size_t n, p;

	cmdline_session_id(id, sizeof(id));
	snprintf(pid, sizeof(pid), "%lX", (unsigned long)getpid());
	n = strlen(id);
	p = strlen(pid);
	cr_assert_eq(n, 8 + 5 + p, "%s", id);
	cr_assert_str_eq(id + n - p, pid);
	cmdline_session_id(cut, sizeof(cut));
	cr_assert_eq(strncmp(cut, id, 6), 0, "%s %s", cut, id);
	cmdline_session_id(id, 1);
	cr_assert_str_eq(id, "");
}
