/*
 * cmdline.h: the command line both servers share (INTERFACE.md: -c FILE,
 * -h, -V) and the session id that names a session in every log line.
 */
#ifndef POSTERN_CMDLINE_H
#define POSTERN_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Parses argv for program name: -c FILE sets *cfg_path_r and *explicit_r;
 * -h prints usage to stdout, -V prints "name (postern) VERSION". Returns -1
 * when the program should go on, else its exit code: 0 after -h or -V,
 * bad_usage (after usage on stderr) for anything else.
 */
int cmdline_parse(int argc, char **argv, const char *name,
		  void (*usage)(FILE *f), int bad_usage,
		  const char **cfg_path_r, bool *explicit_r);

/*
 * Writes a session id into id (size bytes): the time, its microseconds and
 * the pid in hex, unique among this host's sessions and free of
 * characters that a log line would escape.
 */
void cmdline_session_id(char *id, size_t size);

#endif
