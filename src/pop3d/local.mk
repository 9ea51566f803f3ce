# src/pop3d/local.mk: the POP3 server (RFC 1939). Everything but main.c
# goes into a private library, so that unit tests can link the parts.
noinst_LIBRARIES += src/pop3d/libpop3d.a
src_pop3d_libpop3d_a_SOURCES = src/pop3d/pop3d.h \
	src/pop3d/session.c src/pop3d/auth.c src/pop3d/auth_sasl.c \
	src/pop3d/trans.c src/pop3d/drop.c src/pop3d/drop_find.c \
	src/pop3d/lock.c src/pop3d/retr.c src/pop3d/update.c \
	src/pop3d/sha256.c src/pop3d/sha256.h

sbin_PROGRAMS += src/pop3d/pop3d
src_pop3d_pop3d_SOURCES = src/pop3d/main.c
src_pop3d_pop3d_LDADD = src/pop3d/libpop3d.a $(POSTERN_LIBS)

# Transcript tests: one per feature (tests/README).
POP3_TRANSCRIPTS = \
	tests/transcripts/pop3/pop3-seed.t \
	tests/transcripts/pop3/pop3-capa.t \
	tests/transcripts/pop3/pop3-plaintext-no.t \
	tests/transcripts/pop3/pop3-auth-plain.t \
	tests/transcripts/pop3/pop3-auth-plain-ir.t \
	tests/transcripts/pop3/pop3-auth-login.t \
	tests/transcripts/pop3/pop3-auth-login-ir.t \
	tests/transcripts/pop3/pop3-auth-fail.t \
	tests/transcripts/pop3/pop3-auth-limit.t \
	tests/transcripts/pop3/pop3-tempfail.t \
	tests/transcripts/pop3/pop3-stat-list.t \
	tests/transcripts/pop3/pop3-retr-dotstuff.t \
	tests/transcripts/pop3/pop3-top.t \
	tests/transcripts/pop3/pop3-uidl.t \
	tests/transcripts/pop3/pop3-sizes.t \
	tests/transcripts/pop3/pop3-dele-rset.t \
	tests/transcripts/pop3/pop3-badnum.t \
	tests/transcripts/pop3/pop3-longline.t \
	tests/transcripts/pop3/pop3-errors.t \
	tests/transcripts/pop3/pop3-update.t \
	tests/transcripts/pop3/pop3-nodelete-on-eof.t \
	tests/transcripts/pop3/pop3-pipelining.t \
	tests/transcripts/pop3/pop3-locked.t \
	tests/transcripts/pop3/pop3-stale-lock.t \
	tests/transcripts/pop3/pop3-empty.t \
	tests/transcripts/pop3/pop3-config-error.t \
	tests/transcripts/pop3/pop3-config-missing.t
TESTS += $(POP3_TRANSCRIPTS)
EXTRA_DIST += $(POP3_TRANSCRIPTS)

# The session fuzzer: built and run by hand with clang (tests/fuzz/pop3d-README).
EXTRA_DIST += tests/fuzz/pop3d_session.c tests/fuzz/pop3d-run.sh \
	tests/fuzz/pop3d-README

# Unit tests of pop3d's parts (linked with libpop3d.a).
if HAVE_CRITERION
POP3D_UNIT = tests/unit/test_pop3d_retr tests/unit/test_pop3d_drop \
	tests/unit/test_pop3d_sha256
check_PROGRAMS += $(POP3D_UNIT)
TESTS += $(POP3D_UNIT)
tests_unit_test_pop3d_retr_SOURCES = tests/unit/test_pop3d_retr.c
tests_unit_test_pop3d_retr_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/pop3d
tests_unit_test_pop3d_retr_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pop3d_retr_LDADD = src/pop3d/libpop3d.a $(UNIT_LIBS)
tests_unit_test_pop3d_drop_SOURCES = tests/unit/test_pop3d_drop.c
tests_unit_test_pop3d_drop_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/pop3d
tests_unit_test_pop3d_drop_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pop3d_drop_LDADD = src/pop3d/libpop3d.a $(UNIT_LIBS)
tests_unit_test_pop3d_sha256_SOURCES = tests/unit/test_pop3d_sha256.c
tests_unit_test_pop3d_sha256_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/src/pop3d
tests_unit_test_pop3d_sha256_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pop3d_sha256_LDADD = src/pop3d/libpop3d.a $(UNIT_LIBS)
endif
