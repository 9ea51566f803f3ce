# src/smtpd/local.mk: the SMTP server, its unit tests and its transcripts.
sbin_PROGRAMS += src/smtpd/smtpd
src_smtpd_smtpd_SOURCES = \
	src/smtpd/smtpd.h src/smtpd/main.c src/smtpd/session.c \
	src/smtpd/replies.h src/smtpd/replies.c \
	src/smtpd/cmd_helo.c src/smtpd/cmd_mail.c src/smtpd/cmd_rcpt.c \
	src/smtpd/cmd_misc.c src/smtpd/cmd_data.c src/smtpd/auth.c \
	src/smtpd/data.h src/smtpd/data.c src/smtpd/date.h src/smtpd/date.c \
	src/smtpd/deliver.h src/smtpd/deliver.c src/smtpd/relay.c
src_smtpd_smtpd_LDADD = $(POSTERN_LIBS)

if HAVE_CRITERION
check_PROGRAMS += tests/unit/test_smtpd_replies tests/unit/test_smtpd_data \
	tests/unit/test_smtpd_date
TESTS += tests/unit/test_smtpd_replies tests/unit/test_smtpd_data \
	tests/unit/test_smtpd_date
tests_unit_test_smtpd_replies_SOURCES = tests/unit/test_smtpd_replies.c \
	src/smtpd/replies.c
tests_unit_test_smtpd_replies_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_smtpd_replies_LDADD = $(UNIT_LIBS)
tests_unit_test_smtpd_data_SOURCES = tests/unit/test_smtpd_data.c \
	src/smtpd/data.c
tests_unit_test_smtpd_data_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_smtpd_data_LDADD = $(UNIT_LIBS)
tests_unit_test_smtpd_date_SOURCES = tests/unit/test_smtpd_date.c \
	src/smtpd/date.c
tests_unit_test_smtpd_date_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_smtpd_date_LDADD = $(UNIT_LIBS)
endif

# Transcripts: one per feature (tests/README).
SMTPD_TRANSCRIPTS = \
	tests/transcripts/smtp/smtp-8bit.t \
	tests/transcripts/smtp/smtp-auth-failures.t \
	tests/transcripts/smtp/smtp-auth-limits.t \
	tests/transcripts/smtp/smtp-auth-login.t \
	tests/transcripts/smtp/smtp-auth-onechar.t \
	tests/transcripts/smtp/smtp-auth-plain-initial.t \
	tests/transcripts/smtp/smtp-auth-plain.t \
	tests/transcripts/smtp/smtp-commands.t \
	tests/transcripts/smtp/smtp-config-error.t \
	tests/transcripts/smtp/smtp-config-missing.t \
	tests/transcripts/smtp/smtp-data-drop.t \
	tests/transcripts/smtp/smtp-data-format.t \
	tests/transcripts/smtp/smtp-delivery-fail.t \
	tests/transcripts/smtp/smtp-envelope-lax.t \
	tests/transcripts/smtp/smtp-envelope-strict.t \
	tests/transcripts/smtp/smtp-error-limit.t \
	tests/transcripts/smtp/smtp-flood.t \
	tests/transcripts/smtp/smtp-flood-refusals.t \
	tests/transcripts/smtp/smtp-helo.t \
	tests/transcripts/smtp/smtp-limits-noauth.t \
	tests/transcripts/smtp/smtp-limits.t \
	tests/transcripts/smtp/smtp-loop.t \
	tests/transcripts/smtp/smtp-pipelining.t \
	tests/transcripts/smtp/smtp-postmaster.t \
	tests/transcripts/smtp/smtp-received.t \
	tests/transcripts/smtp/smtp-recipient-limit.t \
	tests/transcripts/smtp/smtp-recipients.t \
	tests/transcripts/smtp/smtp-relay-address-login.t \
	tests/transcripts/smtp/smtp-relay-denied.t \
	tests/transcripts/smtp/smtp-relay-noexec.t \
	tests/transcripts/smtp/smtp-relay-nomatch.t \
	tests/transcripts/smtp/smtp-relay-retry.t \
	tests/transcripts/smtp/smtp-relay-sender.t \
	tests/transcripts/smtp/smtp-relay.t \
	tests/transcripts/smtp/smtp-same-maildir.t \
	tests/transcripts/smtp/smtp-seed-auth-hostedemail.t \
	tests/transcripts/smtp/smtp-seed-auth-login.t \
	tests/transcripts/smtp/smtp-seed-commands.t \
	tests/transcripts/smtp/smtp-seed-standard.t \
	tests/transcripts/smtp/smtp-seed-strict-rfc.t \
	tests/transcripts/smtp/smtp-seed-strict.t \
	tests/transcripts/smtp/smtp-sequence.t \
	tests/transcripts/smtp/smtp-size.t \
	tests/transcripts/smtp/smtp-smuggling-normalize.t \
	tests/transcripts/smtp/smtp-smuggling.t \
	tests/transcripts/smtp/smtp-tmp-clean.t \
	tests/transcripts/smtp/smtp-users-missing.t \
	tests/transcripts/smtp/smtp-users-tempfail.t
TESTS += $(SMTPD_TRANSCRIPTS)
EXTRA_DIST += $(SMTPD_TRANSCRIPTS) tests/integration/relay-recorder
# Relay behaviour, for the README (partial success, retries, sandboxing).
EXTRA_DIST += src/smtpd/README.relay
# The libFuzzer harness (tests/fuzz/smtpd.README): built by its script
# with clang, never by make.
EXTRA_DIST += tests/fuzz/smtpd_fuzz.c tests/fuzz/smtpd-fuzz.sh \
	tests/fuzz/smtpd-seeds.py tests/fuzz/smtpd.dict tests/fuzz/smtpd.README
