/*
 * log.h: logging for both programs. Logs never go onto the connection: when
 * fd 2 is a socket (inetd often passes the connection as stderr) they go to
 * syslog with the mail facility, else to stderr. Messages are "key=value"
 * lists so that a structured backend (the journal) can split them.
 */
#ifndef POSTERN_LOG_H
#define POSTERN_LOG_H

#include <stddef.h>
#include <syslog.h>

/*
 * Chooses the backend and remembers ident ("smtpd", "pop3d"). Call once,
 * before anything is logged (a message logged earlier initialises with
 * ident "postern"). The stderr backend writes "ident[pid]: message\n" in
 * one write(2); syslog gets LOG_PID and the mail facility.
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
