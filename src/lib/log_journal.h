/*
 * log_journal.h: log.c's journal backend (systemd-journald's native
 * protocol through libsystemd, loaded by sdload.c on the first entry).
 * Private to log.c; the programs use log.h.
 */
#ifndef POSTERN_LOG_JOURNAL_H
#define POSTERN_LOG_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

/* The longest line log.c builds, its NUL or '\n' included. */
#define LOG_LINE_SIZE 4096

/*
 * Whether entries should go to the journal: journald's socket exists, and
 * either JOURNAL_STREAM names fd 2 (st: fd 2's fstat, NULL when fd 2 is
 * closed), or SYSTEMD_EXEC_PID is our pid and fd 2 is a socket or closed.
 * Loads nothing.
 */
bool log_journal_wanted(const struct stat *st);

/*
 * Sends line[0..len), which starts "MESSAGE=", as one entry with
 * PRIORITY=prio, SYSLOG_FACILITY=2 (mail), SYSLOG_IDENTIFIER=ident and
 * each key=value or key="value" word of line[start..len) as
 * POSTERN_KEY=value (key in upper case; at most 40 such fields; a key of
 * more than 56 characters or other than [A-Za-z0-9_] is none). Returns 0,
 * sd_journal_sendv's negative errno, or -ENOSYS without libsystemd.
 */
int log_journal_send(int prio, const char *ident, char *line, size_t len,
		     size_t start);

#endif
