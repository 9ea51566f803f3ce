#!/bin/sh
# deploy-tcpserver.sh: the tcpserver run scripts, as built, serve SMTP and
# POP3 on 127.0.0.1 (the address, port, user and program paths changed for
# the test): a message sent to smtpd comes back through pop3d, and smtpd
# names the tcpserver peer (TCPREMOTEIP) in the Received: header.
. "${top_srcdir:-.}/tests/integration/deploy-lib.sh"
command -v tcpserver >/dev/null || skip "no tcpserver (ucspi-tcp)"
test -x "$SMTPD" && test -x "$POP3D" || skip "smtpd and pop3d not built"
test -x "$PASSWD" || skip "postern-passwd not built"
write_config
echo 'tcpserver pw' | "$PASSWD" -c "$T/postern.conf" -r 1 add alice ||
	fail "postern-passwd add"

smtp_port=$(free_port)
pop_port=$(free_port)
test "$smtp_port" != "$pop_port" || pop_port=$(free_port)
pids=
for s in smtpd:25:$smtp_port pop3d:110:$pop_port; do
	name=${s%%:*} std=${s#*:} std=${std%:*} port=${s##*:}
	sed -e "s| 0 $std | 127.0.0.1 $port |" \
		-e "s|id -u postern|id -u|" -e "s|id -g postern|id -g|" \
		-e "s|[^ 	]*/$name -c [^ ]*|$B/src/$name/$name -c $T/postern.conf|" \
		"$B/etc/tcpserver/$name.run" >"$T/$name.run"
	grep -q "127.0.0.1 $port" "$T/$name.run" || fail "cannot adapt $name.run"
	sh "$T/$name.run" >"$T/$name.log" 2>&1 &
	pids="$pids $!"
done
cleanup_cmds="kill $pids 2>/dev/null;"
wait_port "$smtp_port" && wait_port "$pop_port" ||
	{ cat "$T"/*.log; fail "tcpserver did not listen"; }
mail_roundtrip "$smtp_port" "$pop_port" alice 'tcpserver pw' \
	'Received: .*127\.0\.0\.1' ||
	{ cat "$T"/*.log; fail "round trip through tcpserver"; }
echo "deploy-tcpserver: ok"
