# bench/local.mk: the benchmark harness of issue 7. Nothing here runs in
# 'make check' or 'make all': 'make bench' builds the load client, the floors
# and the RSS probe, then runs the whole matrix against the built servers.
# BENCH_ARGS passes options to bench/run (e.g. BENCH_ARGS=--quick);
# 'make bench-profile' counts instructions and syscalls (bench/profile).

BENCH_PROGS = bench/load bench/floor-smtp bench/floor-pop3 bench/peakrss
EXTRA_PROGRAMS = $(BENCH_PROGS)
CLEANFILES += $(BENCH_PROGS)
EXTRA_DIST += bench/run bench/profile bench/benchfix.py bench/README

bench_load_SOURCES = bench/load.c bench/load_net.c bench/load_pop3.c \
	bench/load.h
bench_load_CFLAGS = $(AM_CFLAGS) -pthread
bench_load_LDFLAGS = $(AM_LDFLAGS) -pthread

bench_floor_smtp_SOURCES = bench/floor-smtp.c bench/floor_io.c \
	bench/floor_io.h
bench_floor_pop3_SOURCES = bench/floor-pop3.c bench/floor_io.c \
	bench/floor_io.h
bench_peakrss_SOURCES = bench/peakrss.c

.PHONY: bench bench-profile
bench: $(BENCH_PROGS) $(sbin_PROGRAMS)
	$(PYTHON3) $(srcdir)/bench/run --bench-dir=bench \
		--smtpd=src/smtpd/smtpd --pop3d=src/pop3d/pop3d \
		--passwd=src/tools/postern-passwd $(BENCH_ARGS)

# Instructions, syscalls and loader work per session and per message
# (valgrind, strace): what the figures of 'make bench' are made of.
bench-profile: $(BENCH_PROGS) $(sbin_PROGRAMS)
	$(PYTHON3) $(srcdir)/bench/profile --bench-dir=bench \
		--smtpd=src/smtpd/smtpd --pop3d=src/pop3d/pop3d \
		--passwd=src/tools/postern-passwd
