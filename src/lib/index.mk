# src/lib/index.mk: the user file's index (userindex.h): the servers'
# reader and postern-passwd's writer.
src_lib_libpostern_a_SOURCES += \
	src/lib/userindex.c src/lib/userindex.h src/lib/userindex_write.c

if HAVE_CRITERION
check_PROGRAMS += tests/unit/test_userindex tests/unit/test_userindex_write
TESTS += tests/unit/test_userindex tests/unit/test_userindex_write
tests_unit_test_userindex_SOURCES = tests/unit/test_userindex.c
tests_unit_test_userindex_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_userindex_LDADD = $(UNIT_LIBS)
tests_unit_test_userindex_write_SOURCES = tests/unit/test_userindex_write.c
tests_unit_test_userindex_write_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_userindex_write_LDADD = $(UNIT_LIBS)
endif
