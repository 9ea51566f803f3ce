# libpostern.a: what smtpd and pop3d share. Modules add their sources in
# io.mk, codec.mk, addr.mk and store.mk.
noinst_LIBRARIES += src/lib/libpostern.a
src_lib_libpostern_a_SOURCES = src/lib/postern_limits.h src/lib/ascii.h \
	src/lib/cmdline.c src/lib/cmdline.h src/lib/fmt.c src/lib/fmt.h
src_lib_libpostern_a_CFLAGS = $(AM_CFLAGS) $(SYSTEMD_CFLAGS) $(CRYPT_CFLAGS)

# What every program and test that links libpostern.a needs. Not
# libsystemd: sdload.c dlopens it where it is used (the journal, LISTEN_FDS),
# so that an exec does not load it and its dependencies for nothing.
POSTERN_LIBS = src/lib/libpostern.a $(CRYPT_LIBS)

# Unit tests: one Criterion program per library module.
UNIT_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
UNIT_LIBS = $(POSTERN_LIBS) $(CRITERION_LIBS)

if HAVE_CRITERION
check_PROGRAMS += tests/unit/test_cmdline tests/unit/test_fmt
TESTS += tests/unit/test_cmdline tests/unit/test_fmt
endif
tests_unit_test_cmdline_SOURCES = tests/unit/test_cmdline.c
tests_unit_test_cmdline_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_cmdline_LDADD = $(UNIT_LIBS)
tests_unit_test_fmt_SOURCES = tests/unit/test_fmt.c
tests_unit_test_fmt_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_fmt_LDADD = $(UNIT_LIBS)
