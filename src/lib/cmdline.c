/*
 * cmdline.c: -c/-h/-V parsing and session ids for smtpd and pop3d, so that
 * both programs answer the options INTERFACE.md fixes in the same way.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmdline.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif

/* What getopt(3) would say about a bad option, then the usage. */
static int cmdline_bad(const char *argv0, const char *what, char opt,
		       void (*usage)(FILE *f), int bad_usage)
{
	if (what != NULL)
		fprintf(stderr, "%s: %s -- '%c'\n", argv0, what, opt);
	usage(stderr);
	return bad_usage;
}

/*
 * getopt(3) with "c:hV" as GNU libc does it, by hand: the options of
 * every session are three letters, and getopt's code lies alone in its
 * part of libc.so, which the kernel maps 64 KiB at a time: 40 KiB of
 * resident memory per session on average, for nothing.
 * Options may be clustered ("-hV"), -c takes the rest of its word or the
 * next one, "--" ends the options, and operands may come anywhere (GNU
 * permutes them to the end), but there must be none.
 */
int cmdline_parse(int argc, char **argv, const char *name,
		  void (*usage)(FILE *f), int bad_usage,
		  const char **cfg_path_r, bool *explicit_r)
{
	const char *argv0 = argc > 0 ? argv[0] : name;
	bool operands = false, options = true;
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!options || a[0] != '-' || a[1] == '\0') {
			operands = true;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			options = false;
			continue;
		}
		for (a++; *a != '\0'; a++) {
			switch (*a) {
			case 'c':
				if (a[1] == '\0' && i + 1 >= argc)
					return cmdline_bad(
						argv0,
						"option requires an argument",
						'c', usage, bad_usage);
				*cfg_path_r = a[1] != '\0' ? a + 1 : argv[++i];
				*explicit_r = true;
				a += strlen(a) - 1; /* the word is used up */
				break;
			case 'h':
				usage(stdout);
				return 0;
			case 'V':
				printf("%s (postern) %s\n", name,
				       PACKAGE_VERSION);
				return 0;
			default:
				return cmdline_bad(argv0, "invalid option", *a,
						   usage, bad_usage);
			}
		}
	}
	if (operands) {
		usage(stderr);
		return bad_usage;
	}
	return -1;
}

/* Appends v in upper-case hex, at least width digits, within end. */
static char *cmdline_put_hex(char *o, const char *end, unsigned long long v,
			     int width)
{
	char digits[16];
	int n = 0;

	do {
		digits[n++] = "0123456789ABCDEF"[v & 0xf];
		v >>= 4;
	} while (v != 0 && n < (int)sizeof(digits));
	while (n < width && n < (int)sizeof(digits))
		digits[n++] = '0';
	while (n > 0 && o < end)
		*o++ = digits[--n];
	return o;
}

/*
 * "%llX%05lX%lX" of the seconds, microseconds and pid, by hand: printf's
 * zero padding runs a routine in a part of libc.so that nothing else of a
 * session touches (28 KiB of resident memory on average).
 */
void cmdline_session_id(char *id, size_t size)
{
	struct timespec now;
	char *o = id, *end;

	if (size == 0)
		return;
	end = id + size - 1;
	clock_gettime(CLOCK_REALTIME, &now);
	o = cmdline_put_hex(o, end, (unsigned long long)now.tv_sec, 1);
	o = cmdline_put_hex(o, end, (unsigned long long)now.tv_nsec / 1000, 5);
	o = cmdline_put_hex(o, end, (unsigned long long)getpid(), 1);
	*o = '\0';
}
