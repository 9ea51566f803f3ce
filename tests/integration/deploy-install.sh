#!/bin/sh
# deploy-install.sh: "make install DESTDIR=..." puts the programs, units,
# sysusers.d and tmpfiles.d files, man pages and samples where configure
# said, with the right modes; a second install keeps a changed postern.conf;
# uninstall removes it only while it is unchanged.
. "${top_srcdir:-.}/tests/integration/deploy-lib.sh"
load_dirs
D=$T/dest
make_install "$D"
echo "installed files:"
(cd "$D" && find . \( -type f -o -type l \) | sort) | tee "$T/files"

c=$sysconfdir/postern
want="$sbindir/postern-passwd
$systemdsystemunitdir/postern-smtpd.socket
$systemdsystemunitdir/postern-smtpd@.service
$systemdsystemunitdir/postern-pop3d.socket
$systemdsystemunitdir/postern-pop3d@.service
$sysusersdir/postern.conf
$tmpfilesdir/postern.conf
$mandir/man8/smtpd.8
$mandir/man8/pop3d.8
$mandir/man8/postern-passwd.8
$mandir/man5/postern.conf.5
$c/postern.conf
$c/postern.conf.sample
$c/users.example
$c/inetd.conf.example
$c/xinetd.d/postern-smtpd
$c/xinetd.d/postern-pop3d
$c/tcpserver/smtpd.run
$c/tcpserver/pop3d.run"
# The servers go in once they are built.
for p in smtpd/smtpd pop3d/pop3d; do
	test -x "$B/src/$p" && want="$want
$sbindir/${p#*/}"
done
echo "$want" | while read -r f; do
	test -f "$D$f" || fail "not installed: $f"
done || exit 1
# Nothing lands outside the configured directories.
while read -r f; do
	f=${f#.}
	case $f in
	"$prefix"/* | "$systemdsystemunitdir"/* | "$sysusersdir"/* | \
		"$tmpfilesdir"/*) ;;
	*) fail "installed outside the configured directories: $f" ;;
	esac
done <"$T/files" || exit 1

mode() { stat -c %a "$D$1"; }
for p in postern-passwd smtpd pop3d; do
	test ! -e "$D$sbindir/$p" || test "$(mode "$sbindir/$p")" = 755 ||
		fail "$p mode $(mode "$sbindir/$p")"
done
test "$(mode "$c/postern.conf")" = 644 || fail "postern.conf mode"
test "$(mode "$c/tcpserver/smtpd.run")" = 755 || fail "smtpd.run mode"
# Every @name@ was replaced by a configured path.
grep -rl '@[a-z_]*@' "$D$c" "$D$systemdsystemunitdir" "$D$mandir" \
	"$D$tmpfilesdir" && fail "unsubstituted @name@ above"
grep -q "^ExecStart=$sbindir/smtpd\$" \
	"$D$systemdsystemunitdir/postern-smtpd@.service" || fail "ExecStart path"
grep -q "^ReadWritePaths=$localstatedir/mail/postern\$" \
	"$D$systemdsystemunitdir/postern-pop3d@.service" || fail "mail root path"
grep -q "^#users_file = $c/users\$" "$D$c/postern.conf" || fail "users_file"
grep -q "^u *postern " "$D$sysusersdir/postern.conf" || fail "sysusers"

# The sample documents every key of the interface, and its defaults load:
# uncommented, the servers and postern-passwd accept them all.
sed -n 's/^#\([a-z_0-9]* = .*\)/\1/p' "$D$c/postern.conf.sample" >"$T/all.conf"
for k in hostname local_domains users_file mail_root postmaster \
	strict_rfc821_envelopes message_size_limit recipient_limit \
	relay_command loopback_is_local plaintext_auth auth_failure_delay \
	auth_failure_limit sender_login_match bare_line_ends error_limit \
	smtpd_timeout pop3d_timeout; do
	grep -q "^$k = " "$T/all.conf" || fail "postern.conf.sample lacks $k"
done
test "$(wc -l <"$T/all.conf")" = 18 || fail "postern.conf.sample: unknown keys"
"$PASSWD" -c "$T/all.conf" -f "$T/no-users" list ||
	fail "postern-passwd refuses the sample's keys"
if test -x "$SMTPD"; then
	printf 'QUIT\r\n' | "$SMTPD" -c "$T/all.conf" 2>"$T/err" | grep -q '^221 ' ||
		{ cat "$T/err"; fail "smtpd refuses the sample's keys"; }
fi
if test -x "$POP3D"; then
	printf 'QUIT\r\n' | "$POP3D" -c "$T/all.conf" 2>"$T/err" | grep -q '^+OK' ||
		{ cat "$T/err"; fail "pop3d refuses the sample's keys"; }
fi

# A changed postern.conf survives a second install and an uninstall.
echo 'hostname = changed.example.org' >>"$D$c/postern.conf"
cp "$D$c/postern.conf" "$T/changed"
make_install "$D"
cmp -s "$T/changed" "$D$c/postern.conf" || fail "install overwrote postern.conf"
cmp -s "$B/etc/postern.conf.sample" "$D$c/postern.conf.sample" ||
	fail "postern.conf.sample not refreshed"
make_install "$D" uninstall
cmp -s "$T/changed" "$D$c/postern.conf" || fail "uninstall removed a changed postern.conf"
test -e "$D$c/postern.conf.sample" && fail "uninstall left postern.conf.sample"
test -e "$D$sbindir/postern-passwd" && fail "uninstall left postern-passwd"
# Unchanged, it goes with the rest.
make_install "$D"
cp "$B/etc/postern.conf.sample" "$D$c/postern.conf"
make_install "$D" uninstall
left=$(cd "$D" && find . -type f | sort)
test -z "$left" || fail "uninstall left: $left"
echo "deploy-install: ok"
