#!/bin/sh
# deploy-inetd.sh: the inetd.conf lines, as built, run the way inetd runs
# a "nowait" stream service (this machine has no inetd; a small Python
# stand-in on 127.0.0.1 does what inetd does): the program and argv from
# the line, the connection as fd 0, 1 and 2. A message goes in through
# smtpd and comes back through pop3d, and no log line reaches a client.
. "${top_srcdir:-.}/tests/integration/deploy-lib.sh"
test -x "$SMTPD" && test -x "$POP3D" || skip "smtpd and pop3d not built"
test -x "$PASSWD" || skip "postern-passwd not built"
load_dirs
write_config
echo 'inetd pw' | "$PASSWD" -c "$T/postern.conf" -r 1 add alice ||
	fail "postern-passwd add"

# The active lines, with the installed paths turned into the build's.
grep -v '^#' "$B/etc/inetd.conf.example" | grep . |
	sed -e "s|$sbindir/smtpd|$SMTPD|" -e "s|$sbindir/pop3d|$POP3D|" \
		-e "s|$sysconfdir/postern/postern.conf|$T/postern.conf|" \
		>"$T/inetd.conf"
test "$(wc -l <"$T/inetd.conf")" = 2 || fail "expected two active lines"

python3 - "$T/inetd.conf" "$T/ports" <<'EOP' >"$T/inetd.log" 2>&1 &
import os, socket, subprocess, sys, threading
conf, portfile = sys.argv[1:3]
ports = {}
def serve(lst, server, argv):
    while True:
        conn, _ = lst.accept()
        # inetd: the connection is stdin, stdout and stderr.
        subprocess.Popen(argv, executable=server, stdin=conn, stdout=conn,
                         stderr=conn, close_fds=True)
        conn.close()
for line in open(conf):
    f = line.split()
    service, socktype, proto, wait, user, server, argv = \
        f[0], f[1], f[2], f[3], f[4], f[5], f[6:]
    assert socktype == "stream" and proto == "tcp", line
    assert wait.split(".")[0] == "nowait", line
    assert os.access(server, os.X_OK), server
    lst = socket.socket()
    lst.bind(("127.0.0.1", 0))
    lst.listen(8)
    ports[service] = lst.getsockname()[1]
    threading.Thread(target=serve, args=(lst, server, argv),
                     daemon=True).start()
with open(portfile + ".tmp", "w") as out:
    out.write("%d %d\n" % (ports["smtp"], ports["pop3"]))
os.rename(portfile + ".tmp", portfile)
threading.Event().wait()
EOP
ipid=$!
cleanup_cmds="kill $ipid 2>/dev/null;"
n=0
while ! test -s "$T/ports"; do
	n=$((n + 1))
	test $n -lt 100 || { cat "$T/inetd.log"; fail "the inetd stand-in did not start"; }
	sleep 0.1
done
read -r smtp_port pop_port <"$T/ports"
mail_roundtrip "$smtp_port" "$pop_port" alice 'inetd pw' ||
	{ cat "$T/inetd.log"; fail "round trip through the inetd.conf lines"; }
echo "deploy-inetd: ok"
