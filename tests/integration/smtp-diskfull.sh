#!/bin/sh
# smtp-diskfull.sh: a full disk (ENOSPC) while a message streams in gets
# "452 4.3.1" after the final dot, leaves nothing in tmp/ or new/, and the
# session goes on: the next, small message is delivered. The mail root is
# a 128 KiB tmpfs mounted in a private mount namespace (unshare -rm, which
# needs root or user namespaces; otherwise the test skips).
set -u

B=${top_builddir:-$(pwd)}
SMTPD=$B/src/smtpd/smtpd
test -x "$SMTPD" || { echo "SKIP: smtpd not built"; exit 77; }
command -v unshare >/dev/null || { echo "SKIP: no unshare"; exit 77; }

T=$(mktemp -d "${TMPDIR:-/tmp}/smtp-diskfull.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
mkdir "$T/mail"
unshare -rm sh -c 'mount -t tmpfs -o size=128k tmpfs "$1"' sh "$T/mail" \
	2>/dev/null || { echo "SKIP: cannot mount a tmpfs in a namespace"; exit 77; }

echo 'alice:*' >"$T/users"
cat >"$T/postern.conf" <<CONF
hostname = mx.example.org
local_domains = example.org
users_file = $T/users
mail_root = $T/mail
CONF
python3 - >"$T/in" <<'PY'
import sys
out = sys.stdout.buffer
def message(subject, lines):
    out.write(b"MAIL FROM:<a@example.net>\r\nRCPT TO:<alice@example.org>\r\n"
              b"DATA\r\nSubject: " + subject + b"\r\n\r\n")
    out.write((b"x" * 78 + b"\r\n") * lines + b".\r\n")
out.write(b"HELO client.example.net\r\n")
message(b"too big for the disk", 4000)   # 320 KB
message(b"small", 10)
out.write(b"QUIT\r\n")
PY

# Inside the namespace: the tmpfs, the session, and a listing of what is
# left, written outside the tmpfs (which goes away with the namespace).
unshare -rm sh -c '
	mount -t tmpfs -o size=128k tmpfs "$1/mail" || exit 99
	"$2" -c "$1/postern.conf" <"$1/in" >"$1/out" 2>"$1/log"
	echo $? >"$1/rc"
	ls "$1/mail/alice/tmp" >"$1/tmp.list"
	grep -l "^Subject: " "$1"/mail/alice/new/* >"$1/new.list" 2>/dev/null
	cat "$1"/mail/alice/new/* >"$1/new.all" 2>/dev/null
	true' sh "$T" "$SMTPD"

fail() {
	echo "FAIL: $*"
	echo "--- replies"; cat "$T/out"; echo "--- log"; cat "$T/log"
	exit 1
}
test "$(cat "$T/rc")" = 0 || fail "exit status $(cat "$T/rc")"
tr -d '\r' <"$T/out" | sed 's/queued as [0-9A-Za-z]*$/queued as ID/' >"$T/got"
cat >"$T/want" <<'EOF2'
220 mx.example.org ESMTP postern
250 mx.example.org
250 2.1.0 Ok
250 2.1.5 Ok
354 End data with <CR><LF>.<CR><LF>
452 4.3.1 Insufficient system storage
250 2.1.0 Ok
250 2.1.5 Ok
354 End data with <CR><LF>.<CR><LF>
250 2.0.0 Ok: queued as ID
221 2.0.0 Bye
EOF2
cmp -s "$T/want" "$T/got" || fail "replies differ: $(diff "$T/want" "$T/got")"
test ! -s "$T/tmp.list" || fail "tmp/ not empty: $(cat "$T/tmp.list")"
test "$(wc -l <"$T/new.list")" = 1 || fail "new/ holds $(wc -l <"$T/new.list")"
grep -q '^Subject: small$' "$T/new.all" || fail "the small message is missing"
echo "PASS: ENOSPC gives 452 4.3.1, nothing left behind, session goes on"
