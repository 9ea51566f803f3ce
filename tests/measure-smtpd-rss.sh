#!/bin/sh
# measure-smtpd-rss.sh: peak RSS of one smtpd session delivering a 50 MB
# message, and one delivering a 4 KB message, for comparison (issue 3:
# memory must not grow with message size; the 50 MB session must stay
# under 4 MiB). Not part of make check (distcheck would run it twice).
# Usage: tests/measure-smtpd-rss.sh [BUILDDIR]   (a build without sanitizers)
# Needs /usr/bin/time (Debian package time) and python3.
set -eu

B=${1:-${top_builddir:-$(pwd)}}
SMTPD=$B/src/smtpd/smtpd
test -x "$SMTPD" || { echo "no $SMTPD: build first" >&2; exit 1; }
test -x /usr/bin/time || { echo "needs /usr/bin/time" >&2; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/measure-smtpd.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/mail"
echo 'alice:*' >"$T/users"
cat >"$T/postern.conf" <<CONF
hostname = mx.example.org
local_domains = example.org
users_file = $T/users
mail_root = $T/mail
message_size_limit = 0
CONF

# A whole session as a client would send it: 78-octet text lines, some of
# them dot-stuffed, a few 8-bit octets, CRLF line ends.
session() {
	python3 - "$1" <<'PY'
import sys
size = int(sys.argv[1])
out = sys.stdout.buffer
out.write(b"EHLO client.example.net\r\nMAIL FROM:<a@example.net>\r\n"
          b"RCPT TO:<alice@example.org>\r\nDATA\r\nSubject: big\r\n\r\n")
line = b"0123456789abcdefghijklmnopqrstuvwxyz\xe9\xe8 ABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:!?-+*/\r\n"
dotted = b"." + line
chunk = (line * 99 + dotted)
n = 0
while n + len(chunk) <= size:
    out.write(chunk)
    n += len(chunk)
while n + len(line) <= size:
    out.write(line)
    n += len(line)
out.write(b".\r\nQUIT\r\n")
PY
}

measure() {
	name=$1 size=$2
	session "$size" >"$T/in.$name"
	/usr/bin/time -v -o "$T/time.$name" "$SMTPD" -c "$T/postern.conf" \
		<"$T/in.$name" >"$T/out.$name" 2>"$T/log.$name"
	grep -q '^250 2.0.0 Ok: queued as ' "$T/out.$name" || {
		echo "$name: not delivered:" >&2
		cat "$T/out.$name" "$T/log.$name" >&2
		exit 1
	}
	kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' \
		"$T/time.$name")
	secs=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time.*: //p' \
		"$T/time.$name")
	stored=$(cat "$T"/mail/alice/new/* | wc -c)
	printf '%-6s message %10d octets sent, %10d stored: peak RSS %6d KiB, %s elapsed\n' \
		"$name" "$size" "$stored" "$kb" "$secs"
	rm -f "$T"/mail/alice/new/* "$T/in.$name"
}

measure 4KB 4096
measure 50MB 52428800
