#!/bin/sh
# pop3d-run.sh: builds the libFuzzer harness pop3d_session.c with clang
# (ASan and UBSan) and fuzzes for SECONDS (default 600) on one core, seeded
# with the client lines of the pop3 transcripts. Not part of make check.
# Usage: tests/fuzz/pop3d-run.sh [SECONDS [WORKDIR]]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-600}
work=${2:-${TMPDIR:-/tmp}/pop3d-fuzz}
mkdir -p "$work/corpus"
${CLANG:-clang} -g -O1 -std=c11 -D_GNU_SOURCE \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-I"$top/src/lib" -I"$top/src/pop3d" \
	"$top/tests/fuzz/pop3d_session.c" \
	$(ls "$top"/src/pop3d/*.c | grep -v '/main\.c$') \
	"$top"/src/lib/*.c -lcrypt -ldl -o "$work/pop3d_fuzz"
# Seeds: each transcript's client side, and the same after a login that
# the harness's user file accepts.
python3 - "$top/tests/transcripts/pop3" "$work/corpus" <<'PY'
import codecs, glob, os, re, sys
for f in sorted(glob.glob(sys.argv[1] + "/*.t")):
    out = b""
    for line in open(f, encoding="latin-1"):
        line = line.rstrip("\n")
        if line.startswith("C: "):
            out += line[3:].encode("latin-1") + b"\r\n"
        elif line.startswith("C< "):
            out += line[3:].encode("latin-1") + b"\n"
        elif line.startswith("C= "):
            out += codecs.escape_decode(line[3:].encode("latin-1"))[0]
    name = os.path.join(sys.argv[2], os.path.basename(f))
    open(name, "wb").write(out)
    rest = [l for l in out.split(b"\n") if not re.match(rb"(?i)(user|pass|auth) ", l)]
    open(name + ".login", "wb").write(
        b"user krissyj\r\npass Xiu$78g\r\n" + b"\n".join(rest))
# Another reader moves and removes files in the middle (0x7f, see the
# harness), then every message is read, deleted and UPDATE runs.
open(os.path.join(sys.argv[2], "meddle"), "wb").write(
    b"user krissyj\r\npass Xiu$78g\r\nRETR 1\r\n\x7f\r\n"
    + b"".join(b"RETR %d\r\nTOP %d 1\r\n" % (i, i) for i in range(1, 9))
    + b"DELE 1\r\nDELE 2\r\nDELE 6\r\nQUIT\r\n")
PY
cd "$work"
exec ./pop3d_fuzz -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 \
	-max_len=4096 -close_fd_mask=2 -print_final_stats=1 corpus
