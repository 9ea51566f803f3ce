# deploy-lib.sh: shared by the deploy-*.sh and usertool-*.sh tests (sourced,
# not run). Sets T (a fresh temporary directory, removed on exit unless
# KEEP_TEST_DIR is set), B (the build tree) and S (the source tree), and
# gives small helpers. Exit 77 means skip, as automake's harness reads it.

B=${top_builddir:-$(pwd)}
S=${top_srcdir:-$B}
PASSWD=$B/src/tools/postern-passwd
SMTPD=$B/src/smtpd/smtpd
POP3D=$B/src/pop3d/pop3d

T=$(mktemp -d "${TMPDIR:-/tmp}/postern-test.XXXXXX") || exit 99
# Commands to run at exit (kill a server, ...), before $T goes.
cleanup_cmds=
cleanup() {
	eval "$cleanup_cmds"
	if test -n "${KEEP_TEST_DIR:-}"; then
		echo "kept $T"
	else
		rm -rf "$T"
	fi
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

skip() {
	echo "SKIP: $*"
	exit 77
}

fail() {
	echo "FAIL: $*"
	exit 1
}

# A postern.conf for the test directory, as the transcripts use.
write_config() {
	mkdir -p "$T/mail"
	cat >"$T/postern.conf" <<EOC
hostname = mx.example.org
local_domains = example.org
users_file = $T/users
mail_root = $T/mail
auth_failure_delay = 0
EOC
}

# The expanded installation directories of this build (deploy.mk).
load_dirs() {
	# Only the name='value' lines: make may regenerate the Makefile first.
	eval "$(make -s --no-print-directory -C "$B" deploy-print-dirs |
		grep "^[a-z_]*='")" ||
		fail "cannot read the installation directories"
	test -n "$sbindir" || fail "no sbindir from deploy-print-dirs"
}

# make install (or uninstall, as $2) into DESTDIR $1, output in $T/make.log.
# Tests run in parallel: one install at a time, so that two never remake
# the same file in the build tree at once.
make_install() {
	set -- "$1" "${2:-install}"
	lock=$B/tests/integration/deploy-install.lock
	mkdir -p "${lock%/*}"
	if command -v flock >/dev/null; then
		flock "$lock" make -s --no-print-directory -C "$B" "$2" \
			DESTDIR="$1" >"$T/make.log" 2>&1
	else
		make -s --no-print-directory -C "$B" "$2" DESTDIR="$1" \
			>"$T/make.log" 2>&1
	fi || { cat "$T/make.log"; fail "make $2 DESTDIR=$1"; }
}

# Prints a free TCP port on 127.0.0.1 (the kernel picks it).
free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# Waits up to 10 s for 127.0.0.1:$1 to accept connections.
wait_port() {
	python3 - "$1" <<'EOP'
import socket, sys, time
deadline = time.time() + 10
while time.time() < deadline:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)
EOP
}

# Sends a message to LOGIN@example.org over SMTP on port $1, then logs in
# as LOGIN ($3) with PASSWORD ($4) over POP3 on port $2, fetches it back and
# deletes it. $5, if given, is a Python regex the Received: line must match.
mail_roundtrip() {
	python3 - "$@" <<'EOP'
import poplib, smtplib, sys
import re
smtp_port, pop_port, login, password = sys.argv[1:5]
received = sys.argv[5] if len(sys.argv) > 5 else "Received: "
subject = "deploy test %s" % smtp_port
s = smtplib.SMTP("127.0.0.1", int(smtp_port), local_hostname="client.example",
                 timeout=30)
code, banner = s.ehlo()
assert code == 250, (code, banner)
s.sendmail("sender@example.net", ["%s@example.org" % login],
           "From: sender@example.net\r\nSubject: %s\r\n\r\nhello\r\n" % subject)
code, _ = s.quit()
assert code == 221, code
p = poplib.POP3("127.0.0.1", int(pop_port), timeout=30)
assert p.getwelcome().startswith(b"+OK"), p.getwelcome()
p.user(login)
p.pass_(password)
count, _ = p.stat()
assert count == 1, count
lines = p.retr(1)[1]
assert ("Subject: " + subject).encode() in lines, lines
assert any(re.match(received.encode(), l) for l in lines), lines
p.dele(1)
p.quit()
print("round trip through port %s and %s: ok" % (smtp_port, pop_port))
EOP
}

# Checks $1.index against the user file $1 as it is now: the header of
# userindex.h (this host's byte order), made from this very file, $2
# accounts, and every login found by a probe at the offset of its first
# line. Fails with the reason.
check_index() {
	python3 - "$1" "$2" <<'EOP' || fail "index of $1"
import os, struct, sys
path, want = sys.argv[1], int(sys.argv[2])
def bad(why):
    print("index of %s: %s" % (path, why))
    sys.exit(1)
def fnv(login):
    h = 2166136261
    for c in login.lower():
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h
data = open(path + ".index", "rb").read()
(magic, order, n_slots, dev, ino, size, ms, mns, cs, cns, setting,
 n) = struct.unpack_from("=8sIIQQQqqqqQQ", data)
head = struct.calcsize("=8sIIQQQqqqqQQ")
st = os.stat(path)
if magic != b"pstnidx1" or order != 0x01020304:
    bad("no index header")
if len(data) != head + 8 * n_slots or n_slots & (n_slots - 1):
    bad("%d octets for %d slots" % (len(data), n_slots))
if (dev, ino, size, ms * 10**9 + mns, cs * 10**9 + cns) != (
        st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns):
    bad("stale: made from another file or version")
if n != want:
    bad("%d accounts, not %d" % (n, want))
slots = [struct.unpack_from("=II", data, head + 8 * i) for i in range(n_slots)]
content = open(path, "rb").read()
first, off = {}, 0
for line in content.split(b"\n"):
    rest = line.lstrip(b" \t")
    if rest and not rest.startswith(b"#"):
        first.setdefault(line.split(b":")[0].lower(), off)
    off += len(line) + 1
if len(first) != want:
    bad("the file has %d logins" % len(first))
for login, where in first.items():
    h, i, found = fnv(login), fnv(login) & (n_slots - 1), []
    while slots[i][1] != 0:
        o = slots[i][1] - 1
        if slots[i][0] == h and \
                content[o:o + len(login) + 1].lower() == login + b":":
            found.append(o)
        i = (i + 1) & (n_slots - 1)
    if found != [where]:
        bad("%r at %r, not at %d" % (login, found, where))
EOP
}
