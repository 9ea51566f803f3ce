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
