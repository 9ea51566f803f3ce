# src/lib/codec.mk: base64 (RFC 4648), SASL PLAIN/LOGIN decoding (RFC 4616,
# RFC 4954) and the configuration file, with their unit tests.
src_lib_libpostern_a_SOURCES += \
	src/lib/base64.c src/lib/base64.h \
	src/lib/sasl.c src/lib/sasl.h \
	src/lib/config.c src/lib/config_keys.c src/lib/config.h \
	src/lib/config_private.h

if HAVE_CRITERION
check_PROGRAMS += tests/unit/test_base64 tests/unit/test_sasl \
	tests/unit/test_config
TESTS += tests/unit/test_base64 tests/unit/test_sasl tests/unit/test_config
tests_unit_test_base64_SOURCES = tests/unit/test_base64.c
tests_unit_test_base64_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_base64_LDADD = $(UNIT_LIBS)
tests_unit_test_sasl_SOURCES = tests/unit/test_sasl.c
tests_unit_test_sasl_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_sasl_LDADD = $(UNIT_LIBS)
tests_unit_test_config_SOURCES = tests/unit/test_config.c
tests_unit_test_config_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_config_LDADD = $(UNIT_LIBS)
endif
