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

/* Runs cmdline_parse on a NULL-terminated argument list (copied, since
   getopt wants writable strings). */
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
	optind = 1;
	opterr = 0;
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
