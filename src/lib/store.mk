# src/lib/store.mk: the user file, Maildir, logging and peer discovery.
src_lib_libpostern_a_SOURCES += \
	src/lib/userfile.c src/lib/userfile_parse.c src/lib/userfile_password.c \
	src/lib/userfile_indexed.c src/lib/userfile_private.h src/lib/userfile.h \
	src/lib/syncdir.c src/lib/syncdir.h \
	src/lib/maildir.c src/lib/maildir_scan.c src/lib/maildir.h \
	src/lib/maildir_private.h \
	src/lib/log.c src/lib/log.h src/lib/log_journal.c src/lib/log_journal.h \
	src/lib/peer.c src/lib/peer.h src/lib/sdload.c src/lib/sdload.h

if HAVE_CRITERION
check_PROGRAMS += tests/unit/test_userfile tests/unit/test_maildir \
	tests/unit/test_log tests/unit/test_peer tests/unit/test_log_backends
TESTS += tests/unit/test_userfile tests/unit/test_maildir \
	tests/unit/test_log tests/unit/test_peer tests/unit/test_log_backends
tests_unit_test_userfile_SOURCES = tests/unit/test_userfile.c
tests_unit_test_userfile_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_userfile_LDADD = $(UNIT_LIBS)
tests_unit_test_maildir_SOURCES = tests/unit/test_maildir.c
tests_unit_test_maildir_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_maildir_LDADD = $(UNIT_LIBS)
tests_unit_test_log_SOURCES = tests/unit/test_log.c
tests_unit_test_log_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_log_LDADD = $(UNIT_LIBS)
tests_unit_test_peer_SOURCES = tests/unit/test_peer.c
tests_unit_test_peer_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_peer_LDADD = $(UNIT_LIBS)
tests_unit_test_log_backends_SOURCES = tests/unit/test_log_backends.c
tests_unit_test_log_backends_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_log_backends_LDADD = $(UNIT_LIBS)
endif
