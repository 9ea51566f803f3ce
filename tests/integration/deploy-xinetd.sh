#!/bin/sh
# deploy-xinetd.sh: the xinetd.d samples, as built, run under a private
# xinetd bound to 127.0.0.1 (only the port, the address, the user, the
# program paths and the IPv6 flag are changed for the test): a message sent
# to smtpd comes back through pop3d, with an account made by
# postern-passwd.
. "${top_srcdir:-.}/tests/integration/deploy-lib.sh"
command -v xinetd >/dev/null || skip "no xinetd"
test -x "$SMTPD" && test -x "$POP3D" || skip "smtpd and pop3d not built"
test -x "$PASSWD" || skip "postern-passwd not built"
write_config
echo 'xinetd pw' | "$PASSWD" -c "$T/postern.conf" -r 1 add alice ||
	fail "postern-passwd add"

smtp_port=$(free_port)
pop_port=$(free_port)
test "$smtp_port" != "$pop_port" || pop_port=$(free_port)
mkdir "$T/xinetd.d"
# rlimit_as would stop a sanitizer build, which reserves terabytes of
# address space; it is a bound for production, not for this test.
for s in smtpd:$smtp_port pop3d:$pop_port; do
	name=${s%:*} port=${s#*:}
	sed -e "s|^\\([[:space:]]*port[[:space:]]*=\\).*|\\1 $port\\
	bind		= 127.0.0.1|" \
		-e "s|^\\([[:space:]]*user[[:space:]]*=\\).*|\\1 $(id -un)|" \
		-e "s|^\\([[:space:]]*group[[:space:]]*=\\).*|\\1 $(id -gn)|" \
		-e "s|^\\([[:space:]]*server[[:space:]]*=\\).*|\\1 $B/src/$name/$name|" \
		-e "s|^\\([[:space:]]*server_args[[:space:]]*=\\).*|\\1 -c $T/postern.conf|" \
		-e "s|^\\([[:space:]]*flags[[:space:]]*=\\).*|\\1 KEEPALIVE|" \
		-e '/rlimit_as/d' \
		"$B/etc/xinetd.d/postern-$name" >"$T/xinetd.d/postern-$name"
done
cat >"$T/xinetd.conf" <<EOC
defaults
{
	log_type	= FILE $T/xinetd.log
}
includedir $T/xinetd.d
EOC
xinetd -f "$T/xinetd.conf" -dontfork -pidfile "$T/xinetd.pid" \
	>"$T/xinetd.out" 2>&1 &
xpid=$!
cleanup_cmds="kill $xpid 2>/dev/null; wait $xpid 2>/dev/null;"
wait_port "$smtp_port" && wait_port "$pop_port" ||
	{ cat "$T/xinetd.out" "$T/xinetd.log" 2>/dev/null; fail "xinetd did not listen"; }
mail_roundtrip "$smtp_port" "$pop_port" alice 'xinetd pw' ||
	{ cat "$T/xinetd.log"; fail "round trip through xinetd"; }
kill "$xpid"
wait "$xpid" 2>/dev/null
cleanup_cmds=
echo "deploy-xinetd: ok"
