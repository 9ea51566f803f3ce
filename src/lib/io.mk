# src/lib/io.mk: the connection: buffered, deadline-bounded I/O (conn.h).
src_lib_libpostern_a_SOURCES += src/lib/conn.c src/lib/conn_write.c \
	src/lib/linereader.c src/lib/conn.h src/lib/conn_private.h

if HAVE_CRITERION
check_PROGRAMS += tests/unit/test_conn tests/unit/test_linereader
TESTS += tests/unit/test_conn tests/unit/test_linereader
tests_unit_test_conn_SOURCES = tests/unit/test_conn.c
tests_unit_test_conn_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_conn_LDADD = $(UNIT_LIBS)
tests_unit_test_linereader_SOURCES = tests/unit/test_linereader.c
tests_unit_test_linereader_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_linereader_LDADD = $(UNIT_LIBS)
endif
