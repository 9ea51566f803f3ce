# log-lib.sh: sourced by the log-*.sh tests (not run by make check):
# B and S (build and source trees), a skip (77) when the servers are not
# built, NS (how to enter a private mount namespace) when the test asks
# for one with LOG_NS=yes, and T, a temporary directory removed at exit
# (from outside the namespace, once its mounts are gone). LOG_TEST names
# the test.
B=${top_builddir:-$(pwd)}
S=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
for p in ${LOG_PROGS:-smtpd/smtpd pop3d/pop3d}; do
	test -x "$B/src/$p" || { echo "SKIP: $p not built"; exit 77; }
done
NS=
if [ "${LOG_NS:-no}" = yes ]; then
	if unshare -m true 2>/dev/null; then NS="unshare -m"
	elif unshare -rm true 2>/dev/null; then NS="unshare -rm"
	else echo "SKIP: no private mount namespace here"; exit 77; fi
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/$LOG_TEST.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
