/*
 * log.h: logging for both programs. Under systemd, entries go to the
 * journal with structured fields; when fd 2 is a socket or closed
 * (inetd often passes the connection as stderr), to syslog with the mail
 * facility; else to stderr. Logs never go onto the connection. Messages
 * are "key=value" lists, so that the journal can split them into fields.
 */
#ifndef POSTERN_LOG_H
#define POSTERN_LOG_H

#include <stddef.h>
#include <syslog.h>

/*
 * Chooses the backend and remembers ident ("smtpd", "pop3d"). Call once,
 * before anything is logged (a message logged earlier initialises with
 * ident "postern"). The journal, if its socket exists, when
 * JOURNAL_STREAM names fd 2 or when SYSTEMD_EXEC_PID is our pid and fd 2
 * is a socket or closed; else syslog when fd 2 is a socket or closed;
 * else stderr. The stderr backend writes "ident[pid]: message\n" in one
 * write(2); syslog gets LOG_PID and the mail facility; a journal entry
 * gets MESSAGE (the line), PRIORITY, SYSLOG_FACILITY=2, SYSLOG_IDENTIFIER
 * and each key=value (or key="value") of the line as POSTERN_KEY=value,
 * the key in upper case. libsystemd is loaded at the first journal entry;
 * when it cannot be, that and every later line goes to syslog. A closed
 * fd 2 (with 0 and 1 open) is then opened on /dev/null, so that no file
 * the program opens later becomes stderr.
 */
void log_init(const char *ident);

/*
 * Sets a field added to every later message, e.g. ("session", "a1b2c3") or
 * ("peer", "192.0.2.1"), as "key=value " in the order first set. At most
 * 8 fields (a ninth key is dropped); keys up to 31 and values up to 255
 * octets, escaped as by log_escape. NULL value removes the field; setting
 * a key again replaces its value in place.
 */
void log_set_field(const char *key, const char *value);

/*
 * Logs one message at priority prio (LOG_INFO, LOG_ERR, ...), after the
 * fields; a line is cut at 4 KiB, and control characters in it become '?'
 * so that no message can forge a line. errno is preserved.
 */
void log_msg(int prio, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Escapes a client-supplied value for a log line into dst (size bytes,
 * always NUL-terminated, truncated with "..." when long): bytes outside
 * 0x21-0x7E, '"', '\\' and '=' become \xHH, so that no value can forge a
 * field or a line. Returns dst.
 */
char *log_escape(char *dst, size_t size, const char *src);

#endif
