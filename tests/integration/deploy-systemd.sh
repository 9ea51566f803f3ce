#!/bin/sh
# deploy-systemd.sh: the systemd units as installed into a DESTDIR pass
# "systemd-analyze verify" with no message at all, and each service's
# "systemd-analyze security --offline" exposure stays at or below
# EXPOSURE_MAX (1.0; systemd calls 0-1.9 "SAFE"), and with each relay
# drop-in at or below 2.0. sysusers.d and tmpfiles.d make the user and the
# mail root in an empty root. Then smtpd runs in a
# network namespace of its own on a connection accepted outside it, as
# PrivateNetwork=yes with Accept=yes does.
. "${top_srcdir:-.}/tests/integration/deploy-lib.sh"
EXPOSURE_MAX=1.0
command -v systemd-analyze >/dev/null || skip "no systemd-analyze"
test -x "$SMTPD" && test -x "$POP3D" ||
	skip "smtpd and pop3d not built (verify needs the ExecStart binaries)"
load_dirs
D=$T/root
make_install "$D"

# --root looks for units in the usual places under D; distcheck installs
# them elsewhere, so copy them where systemd looks. The units want
# sockets.target and the default dependencies: take the host's targets.
mkdir -p "$D/etc/systemd/system" "$D/usr/lib/systemd/system"
cp "$D$systemdsystemunitdir"/postern-* "$D/etc/systemd/system/"
hostunits=$(pkg-config --variable=systemdsystemunitdir systemd 2>/dev/null)
recursive=
if ls "${hostunits:-/lib/systemd/system}"/*.target >/dev/null 2>&1; then
	cp "${hostunits:-/lib/systemd/system}"/*.target "$D/usr/lib/systemd/system/"
else
	recursive=--recursive-errors=no
fi

units="postern-smtpd.socket postern-smtpd@.service postern-pop3d.socket postern-pop3d@.service"
for u in $units; do
	# Unknown keys are only warnings: any message at all fails.
	systemd-analyze verify --man=no $recursive --root="$D" "$u" >"$T/verify" 2>&1
	rc=$?
	cat "$T/verify"
	test $rc = 0 || fail "verify $u: exit $rc"
	test -s "$T/verify" && fail "verify $u printed the messages above"
	echo "verify $u: ok"
done

for u in postern-smtpd@.service postern-pop3d@.service; do
	systemd-analyze security --offline=true --root="$D" "$u" >"$T/sec" 2>&1 ||
		{ cat "$T/sec"; fail "security $u"; }
	grep '✗' "$T/sec"
	level=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$T/sec")
	test -n "$level" || { cat "$T/sec"; fail "no exposure level for $u"; }
	echo "exposure $u: $level (at most $EXPOSURE_MAX)"
	awk -v l="$level" -v m="$EXPOSURE_MAX" 'BEGIN { exit !(l <= m) }' ||
		fail "$u exposure $level is over $EXPOSURE_MAX"
done

# sysusers.d and tmpfiles.d, applied to an empty root: the user postern
# without a shell, and the mail root the units may write, owned by it.
if command -v systemd-sysusers >/dev/null && command -v systemd-tmpfiles >/dev/null; then
	R=$T/sysroot
	mkdir -p "$R/etc"
	systemd-sysusers --root="$R" "$D$sysusersdir/postern.conf" ||
		fail "systemd-sysusers"
	grep -q '^postern:x:[0-9]*:[0-9]*:[^:]*:[^:]*:.*nologin$' "$R/etc/passwd" ||
		fail "no postern user without a shell: $(cat "$R/etc/passwd")"
	uid=$(sed -n 's/^postern:x:\([0-9]*\):.*/\1/p' "$R/etc/passwd")
	systemd-tmpfiles --root="$R" --create "$D$tmpfilesdir/postern.conf" ||
		fail "systemd-tmpfiles"
	test "$(stat -c %u:%a "$R$localstatedir/mail/postern")" = "$uid:750" ||
		fail "mail root not made for postern"
	echo "sysusers.d and tmpfiles.d: ok"
fi

# Each block of relay.conf.example, as a drop-in: it must verify, and the
# loosened unit must stay at or below RELAY_EXPOSURE_MAX.
RELAY_EXPOSURE_MAX=2.0
dropin=$D/etc/systemd/system/postern-smtpd@.service.d
mkdir -p "$dropin"
for kind in msmtp Postfix nullmailer; do
	awk -v k="$kind" '/^# --- / { f = index($0, "--- " k) > 0; next }
		f && /^#(\[Service\]|[A-Z][A-Za-z]*=)/ { print substr($0, 2) }' \
		"$S/systemd/relay.conf.example" >"$dropin/relay.conf"
	grep -q '^\[Service\]' "$dropin/relay.conf" || fail "no $kind block"
	systemd-analyze verify --man=no $recursive --root="$D" \
		postern-smtpd@.service >"$T/verify" 2>&1 && ! test -s "$T/verify" ||
		{ cat "$T/verify"; fail "the $kind drop-in does not verify"; }
	systemd-analyze security --offline=true --root="$D" \
		postern-smtpd@.service >"$T/sec" 2>&1 || fail "security ($kind)"
	level=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' "$T/sec")
	echo "exposure postern-smtpd@.service with the $kind drop-in: $level"
	awk -v l="$level" -v m="$RELAY_EXPOSURE_MAX" 'BEGIN { exit !(l != "" && l <= m) }' ||
		fail "$kind drop-in exposure '$level' is over $RELAY_EXPOSURE_MAX"
done
rm -r "$dropin"

# PrivateNetwork=yes with Accept=yes: the connection is accepted in the
# host's namespace and handed over; smtpd must serve it from an empty one.
command -v systemd-socket-activate >/dev/null && unshare -n true 2>/dev/null ||
	{ echo "no systemd-socket-activate or unshare -n: namespace part skipped"; echo "deploy-systemd: ok"; exit 0; }
write_config
port=$(free_port)
systemd-socket-activate -l "127.0.0.1:$port" -a \
	unshare -n "$SMTPD" -c "$T/postern.conf" 2>"$T/smtpd.err" &
cleanup_cmds="kill $! 2>/dev/null;"
wait_port "$port" || fail "systemd-socket-activate did not listen"
python3 - "$port" <<'EOP' || { cat "$T/smtpd.err"; fail "smtpd in its own network namespace"; }
import smtplib, sys
s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]), local_hostname="client.example",
                 timeout=20)
assert s.ehlo()[0] == 250
assert s.quit()[0] == 221
EOP
echo "smtpd served a connection from an unshared network namespace: ok"
echo "deploy-systemd: ok"
