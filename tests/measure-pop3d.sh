#!/bin/sh
# measure-pop3d.sh: time and peak RSS of pop3d (not part of make check).
#   1. STAT on a 20,000-message Maildir (names as smtpd writes them);
#   2. one session that LISTs, UIDLs and RETRs 2,000 messages of 10 KB;
#   and, for scale, the same login on an empty maildrop.
# Usage: tests/measure-pop3d.sh [BUILDDIR]   (a build without sanitizers)
# Needs /usr/bin/time (Debian package time) and python3.
set -eu

B=${1:-${top_builddir:-$(pwd)}}
POP3D=$B/src/pop3d/pop3d
test -x "$POP3D" || { echo "no $POP3D: build first" >&2; exit 1; }
test -x /usr/bin/time || { echo "needs /usr/bin/time" >&2; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/measure-pop3d.XXXXXX")
trap 'rm -rf "$T"' EXIT

# A $6$ hash from libcrypt, an account per maildrop, and a configuration.
HASH=$(python3 -c '
import ctypes, ctypes.util
lib = ctypes.CDLL(ctypes.util.find_library("crypt") or "libcrypt.so.1")
lib.crypt.restype = ctypes.c_char_p
print(lib.crypt(b"secret", b"$6$measuremeasure").decode())')
mkdir -p "$T/mail"
for u in empty stat20k retr2k; do
	echo "$u:$HASH" >>"$T/users"
done
cat >"$T/postern.conf" <<EOF
hostname = mx.example.org
users_file = $T/users
mail_root = $T/mail
auth_failure_delay = 0
EOF

# Maildirs written directly, with the names smtpd gives: time, usec, pid,
# counter, host, and the ,S= and ,W= sizes.
python3 - "$T/mail" <<'EOF'
import os, sys
root = sys.argv[1]
def fill(login, count, body):
    new = os.path.join(root, login, "new")
    for sub in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(root, login, sub))
    for i in range(count):
        data = b"Return-Path: <a@example.net>\nSubject: %d\n\n" % i + body
        name = "%d.M%06dP%dQ%d.mx.example.org,S=%d,W=%d" % (
            1700000000 + i // 7, (i * 7919) % 1000000, 4242, i, len(data),
            len(data) + data.count(b"\n"))
        with open(os.path.join(new, name), "wb") as f:
            f.write(data)
fill("stat20k", 20000, b"short body\n" * 10)
line = b"x" * 71 + b"\n"
fill("retr2k", 2000, line * (10240 // len(line)))
EOF

# Runs one session: $1 login, $2 the commands after login (CRLF added).
session() {
	login=$1
	shift
	{
		printf 'USER %s\r\nPASS secret\r\n' "$login"
		for c in "$@"; do printf '%s\r\n' "$c"; done
		printf 'QUIT\r\n'
	} >"$T/in"
	/usr/bin/time -v "$POP3D" -c "$T/postern.conf" <"$T/in" \
		>"$T/out" 2>"$T/time"
	secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' \
		"$T/time")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$T/time")
	echo "$login: elapsed $secs, peak RSS $rss KiB, $(wc -c <"$T/out") \
octets out, $(grep -c '^+OK' "$T/out") +OK, $(grep -c '^-ERR' "$T/out") -ERR"
}

echo "pop3d: $POP3D"
session empty STAT
session stat20k STAT
grep '^+OK [0-9]* [0-9]*' "$T/out" | sed 's/^/  STAT: /'
RETRS=$(i=1; while [ $i -le 2000 ]; do echo "RETR $i"; i=$((i + 1)); done)
# shellcheck disable=SC2086
IFS='
'
session retr2k LIST UIDL $RETRS
