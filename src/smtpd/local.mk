# src/smtpd/local.mk: the SMTP server, its unit tests and its transcripts.
sbin_PROGRAMS += src/smtpd/smtpd
src_smtpd_smtpd_SOURCES = \
	src/smtpd/smtpd.h src/smtpd/main.c src/smtpd/session.c \
	src/smtpd/replies.h src/smtpd/replies.c \
	src/smtpd/cmd_helo.c src/smtpd/cmd_mail.c src/smtpd/cmd_rcpt.c \
	src/smtpd/cmd_misc.c src/smtpd/cmd_data.c src/smtpd/auth.c \
	src/smtpd/data.h src/smtpd/data.c \
	src/smtpd/deliver.h src/smtpd/deliver.c src/smtpd/relay.c
src_smtpd_smtpd_LDADD = $(POSTERN_LIBS)
