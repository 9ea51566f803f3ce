#!/bin/sh
# smtpd-fuzz.sh: builds tests/fuzz/smtpd_fuzz.c with clang's libFuzzer and
# ASan/UBSan, seeds it with the client side of every SMTP transcript and
# runs it on one core. Not part of make check. Usage, from the top source
# directory: tests/fuzz/smtpd-fuzz.sh WORKDIR [SECONDS]
set -eu
work=${1:?usage: smtpd-fuzz.sh WORKDIR [SECONDS]}
secs=${2:-600}
top=$(pwd)
test -f "$top/src/smtpd/smtpd.h" || { echo "run from the source tree" >&2; exit 2; }
mkdir -p "$work/seeds" "$work/corpus"
clang -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -D_GNU_SOURCE \
	-DPACKAGE_NAME='"postern"' -DPACKAGE_VERSION='"fuzz"' \
	-DSYSCONFDIR='"/etc"' -DLOCALSTATEDIR='"/var"' \
	-iquote "$top/src/lib" -Wall -Wextra -Wno-unused-parameter \
	-o "$work/smtpd_fuzz" "$top/tests/fuzz/smtpd_fuzz.c" \
	$(ls "$top"/src/smtpd/*.c | grep -v '/main\.c$') \
	"$top"/src/lib/*.c -lcrypt -ldl
python3 "$top/tests/fuzz/smtpd-seeds.py" "$work/seeds" \
	"$top/tests/transcripts/smtp"
cd "$work"
exec ./smtpd_fuzz -close_fd_mask=2 -dict="$top/tests/fuzz/smtpd.dict" \
	-max_len=20000 -timeout=20 -rss_limit_mb=1500 \
	-max_total_time="$secs" -print_final_stats=1 \
	-artifact_prefix="$work/crash-" corpus seeds
