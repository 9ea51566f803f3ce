# src/lib/addr.mk: the RFC 5321 address parser (MAIL FROM:/RCPT TO:
# arguments, HELO/EHLO domains) and its unit test.
src_lib_libpostern_a_SOURCES += src/lib/smtp_addr.c src/lib/smtp_addr.h \
	src/lib/smtp_addr_path.c src/lib/smtp_addr_private.h

if HAVE_CRITERION
check_PROGRAMS += tests/unit/test_smtp_addr
TESTS += tests/unit/test_smtp_addr
tests_unit_test_smtp_addr_SOURCES = tests/unit/test_smtp_addr.c
tests_unit_test_smtp_addr_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_smtp_addr_LDADD = $(UNIT_LIBS)
endif
