/*
 * cmdline.c: -c/-h/-V parsing and session ids for smtpd and pop3d, so that
 * both programs answer the options INTERFACE.md fixes in the same way.
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cmdline.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif

int cmdline_parse(int argc, char **argv, const char *name,
		  void (*usage)(FILE *f), int bad_usage,
		  const char **cfg_path_r, bool *explicit_r)
{
	int opt;

	while ((opt = getopt(argc, argv, "c:hV")) != -1) {
		switch (opt) {
		case 'c':
			*cfg_path_r = optarg;
			*explicit_r = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("%s (postern) %s\n", name, PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return bad_usage;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return bad_usage;
	}
	return -1;
}

void cmdline_session_id(char *id, size_t size)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	snprintf(id, size, "%llX%05lX%lX", (unsigned long long)now.tv_sec,
		 now.tv_nsec / 1000, (unsigned long)getpid());
}
