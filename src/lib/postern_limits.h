/*
 * limits.h: every bound postern puts on its input, in one place, each with
 * the reason for its value. Code names these; it never repeats the numbers.
 */
#ifndef POSTERN_LIMITS_H
#define POSTERN_LIMITS_H

/* RFC 5321 4.5.3.1.4: a command line is at most 512 octets with its CRLF. */
#define POSTERN_SMTP_MAX_COMMAND 512
/* RFC 1870 section 3: SIZE adds up to 26 octets to MAIL FROM. */
#define POSTERN_SMTP_SIZE_EXTRA 26
/* RFC 4954 section 3: AUTH= adds up to 500 octets to MAIL FROM. */
#define POSTERN_SMTP_AUTH_EXTRA 500
/* The longest MAIL/RCPT line with every extension we offer. */
#define POSTERN_SMTP_MAX_ENVELOPE_LINE                                         \
	(POSTERN_SMTP_MAX_COMMAND + POSTERN_SMTP_SIZE_EXTRA +                  \
	 POSTERN_SMTP_AUTH_EXTRA)
/* RFC 5321 4.5.3.1.6: a text line is at most 1000 octets with its CRLF. */
#define POSTERN_SMTP_MAX_TEXT_LINE 1000
/*
 * RFC 4954 section 4: a server must accept AUTH lines of at least 12288
 * octets; that is also our bound for AUTH commands and their responses.
 */
#define POSTERN_SMTP_MAX_AUTH_LINE 12288

/* RFC 2449 section 4: a POP3 command is at most 255 octets with its CRLF. */
#define POSTERN_POP3_MAX_COMMAND 255
/*
 * POP3 AUTH continuation lines: PLAIN carrying authzid, login and a
 * 255-octet password (3 x 255 + 2 separators = 767 octets) is 1024 octets of
 * base64; one more page leaves room for CRLF.
 */
#define POSTERN_POP3_MAX_AUTH_LINE 1100

/* RFC 5321 4.5.3.1.1: a local part is at most 64 octets. */
#define POSTERN_MAX_LOCAL_PART 64
/* RFC 5321 4.5.3.1.2: a domain is at most 255 octets. */
#define POSTERN_MAX_DOMAIN 255
/* RFC 5321 4.5.3.1.3: a path is at most 256 octets with its angle brackets. */
#define POSTERN_MAX_PATH 256
/* ESMTP parameters on one MAIL or RCPT line; we know three (SIZE, BODY, AUTH). */
#define POSTERN_MAX_ESMTP_PARAMS 16

/* A login in the user file: an address at most (local part, @, domain). */
#define POSTERN_MAX_LOGIN 255
/* Passwords: longer ones are refused before crypt(3) sees them. */
#define POSTERN_MAX_PASSWORD 255
/* A crypt(3) hash as libxcrypt writes it (CRYPT_OUTPUT_SIZE is 384). */
#define POSTERN_MAX_HASH 384
/* A line of the user file or the configuration file. */
#define POSTERN_MAX_FILE_LINE 4096
/* RFC 1035 2.3.4: a DNS label is at most 63 octets. */
#define POSTERN_MAX_DNS_LABEL 63
/* File system paths we build (Maildirs, files in them). */
#define POSTERN_MAX_PATHNAME 4096

/* RFC 5321 4.5.3.1.8: at least 100 recipients must be accepted. */
#define POSTERN_DEFAULT_RECIPIENT_LIMIT 100
/* A hard ceiling for recipient_limit, whatever the configuration says. */
#define POSTERN_MAX_RECIPIENTS 10000
/* RFC 5321 6.3: more than 100 Received: headers means a mail loop. */
#define POSTERN_MAX_RECEIVED_HEADERS 100

/* Maildir: tmp/ files older than 36 hours are left by a crash. */
#define POSTERN_MAILDIR_TMP_MAX_AGE (36 * 3600)
/* Messages in one POP3 maildrop that a session will list. */
#define POSTERN_POP3_MAX_MESSAGES 1000000

/*
 * I/O buffer sizes. Input: a pipelined burst is one read, and DATA comes
 * in 16 KiB reads (fewer system calls per message, measured). Output: a
 * burst of replies is a few hundred octets; a message that RETR streams
 * goes out in 8 KiB sends as fast as in 64 KiB ones on loopback
 * (measured: 50 MB at about 700 MB/s either way), and every page of this
 * buffer is one that a download dirties.
 */
#define POSTERN_IO_INBUF 16384
#define POSTERN_IO_OUTBUF 8192

/* An SMTP session ends after this long, however busy (RFC 5321 4.5.3.2). */
#define POSTERN_SMTP_SESSION_MAX_SECONDS 3600
/* A POP3 session ends after this long, however busy. */
#define POSTERN_POP3_SESSION_MAX_SECONDS 7200

#endif
