#!/bin/sh
# usertool-commands.sh: every postern-passwd command on a user file with
# comments and blank lines: add (with and without a Maildir, -L), passwd,
# lock, unlock, remove/del, list, index; hashes checked with crypt(3)
# through Python; comments, order, mode and the lack of stray files
# checked after each rewrite, and the index rewritten after each change
# (check_index reads it as the servers would).
. "${top_srcdir:-.}/tests/integration/deploy-lib.sh"
test -x "$PASSWD" || skip "postern-passwd not built"
python3 -c 'import crypt' 2>/dev/null || skip "python3 has no crypt module"
write_config
U=$T/users
W=$T/w
mkdir "$W"
pp() { "$PASSWD" -c "$T/postern.conf" "$@"; }

# Checks that the hash of login $1 in the user file is $2's crypt(3).
check_pw() {
	python3 -W ignore - "$U" "$1" "$2" <<'EOP' || fail "password of $1 does not match"
import crypt, sys
path, login, pw = sys.argv[1:4]
for line in open(path):
    f = line.rstrip("\n").split(":")
    if f[0] == login:
        h = f[1].lstrip("!")
        assert h.startswith("$y$"), h
        sys.exit(0 if crypt.crypt(pw, h) == h else 1)
sys.exit(1)
EOP
}
field() { grep "^$1:" "$U" | cut -d: -f"$2"; }
only_files() {
	set -- $(cd "$T" && ls -A | grep -v -e '^mail$' -e '^postern.conf$' -e '^w$' | sort)
	test "$*" = "users users.index users.lock" ||
		fail "stray files in $T: $*"
}

cat >"$U" <<'EOU'
# our users

# the first one:
zed:$6$saltsalt$abcdefghijklmnopqrstuvwxyz
EOU
chmod 0604 "$U"

echo 'alice pw' | pp add alice || fail "add alice"
check_pw alice 'alice pw'
check_index "$U" 2
printf 'bob pw\n' | pp add bob@example.org /srv/mail/bob || fail "add bob"
test "$(field bob@example.org 3)" = /srv/mail/bob || fail "bob's maildir"
pp -L add postmaster </dev/null || fail "add -L"
test "$(field postmaster 2)" = '*' || fail "postmaster hash is not *"
# -r sets the yescrypt cost: j8T is cost 4, j9T (libxcrypt's default) 5.
echo 'cost pw' | pp -r 4 add carol || fail "add -r 4"
field carol 2 | grep -q '^\$y\$j8T\$' || fail "cost 4 not in carol's hash"
check_pw carol 'cost pw'
check_index "$U" 5

test "$(sed -n 1p "$U")" = '# our users' || fail "comment lost"
test "$(sed -n 2p "$U")" = '' || fail "blank line lost"
test "$(cut -d: -f1 "$U" | sed -n '4,$p' | tr '\n' ' ')" = \
	'zed alice bob@example.org postmaster carol ' || fail "order changed"
test "$(stat -c %a "$U")" = 604 || fail "mode not kept"
only_files

echo 'new pw' | pp passwd ALICE || fail "passwd (login in another case)"
check_pw alice 'new pw'
pp lock alice || fail "lock"
field alice 2 | grep -q '^!\$y\$' || fail "lock did not add !"
pp lock alice 2>"$W/err" || fail "second lock"
grep -q 'already locked' "$W/err" || fail "second lock said nothing"
echo 'locked pw' | pp passwd alice || fail "passwd while locked"
field alice 2 | grep -q '^!\$y\$' || fail "passwd lifted the lock"
pp unlock alice || fail "unlock"
check_pw alice 'locked pw'
check_index "$U" 5
field alice 2 | grep -q '^\$y\$' || fail "unlock left the !"
pp unlock postmaster 2>"$W/err" && fail "unlocked an account without password"
grep -q 'no password' "$W/err" || fail "no reason for the refused unlock"

pp list >"$W/list" || fail "list"
cat >"$W/want" <<EOW
zed	active	$T/mail/zed
alice	active	$T/mail/alice
bob@example.org	active	/srv/mail/bob
postmaster	locked	$T/mail/postmaster
carol	active	$T/mail/carol
EOW
diff "$W/want" "$W/list" || fail "list output"

pp remove bob@example.org || fail "remove"
pp del CAROL || fail "del"
grep -q -e '^bob' -e '^carol' "$U" && fail "removed accounts still there"
test "$(grep -c . "$U")" = 5 || fail "remove took other lines"
check_index "$U" 3

# index: a hand edit leaves the index stale (the servers then read the
# whole file) until postern-passwd index writes it again.
printf 'hand:*\nHAND:*\n' >>"$U"
(check_index "$U" 4) >/dev/null &&
	fail "the index still matches after a hand edit"
pp index >"$W/out" || fail "index"
test "$(cat "$W/out")" = '4 accounts indexed' || fail "index said: $(cat "$W/out")"
check_index "$U" 4
pp remove hand || fail "remove hand"
check_index "$U" 3

# -f names the file whatever the configuration says.
cp "$U" "$T/other"
"$PASSWD" -c "$T/postern.conf" -f "$T/other" remove zed || fail "-f"
grep -q '^zed:' "$T/other" && fail "-f edited the wrong file"
grep -q '^zed:' "$U" || fail "-f touched the configured file"
check_index "$T/other" 2
check_index "$U" 3
"$PASSWD" -c "$T/postern.conf" -f "$T/other" index >"$W/out" || fail "-f index"
test "$(cat "$W/out")" = '2 accounts indexed' || fail "-f index said: $(cat "$W/out")"
rm -f "$T/other" "$T/other.lock" "$T/other.index"
test "$(stat -c %a "$U")" = 604 || fail "mode not kept"
only_files

# As root, the owner and group are kept too (the servers read the file as
# group postern).
if test "$(id -u)" = 0; then
	chown 65534:65534 "$U"
	pp lock zed || fail "lock zed"
	test "$(stat -c %u:%g "$U")" = 65534:65534 || fail "owner not kept"
	# The servers trust only an index of the user file's owner, and it is
	# no more readable than the user file (0644 & 0604).
	test "$(stat -c %u:%g:%a "$U.index")" = 65534:65534:604 ||
		fail "index owner and mode $(stat -c %u:%g:%a "$U.index")"
	check_index "$U" 3
fi

# An index that cannot be written does not undo the change: a warning,
# exit 0. (A directory where the index should be is in the way.)
rm -f "$U.index"
mkdir "$U.index"
pp lock alice 2>"$W/err" || fail "lock failed for want of an index"
grep -q 'warning: the index was not written' "$W/err" ||
	fail "no warning: $(cat "$W/err")"
field alice 2 | grep -q '^!' || fail "lock not done"
rmdir "$U.index"
pp index >/dev/null || fail "index after the obstacle"
check_index "$U" 3

# A user file that does not exist yet is created, mode 0640.
rm -f "$U"
echo 'first pw' | pp add first || fail "add to a missing file"
test "$(stat -c %a "$U")" = 640 || fail "new file mode $(stat -c %a "$U")"
check_index "$U" 1
# index of a missing file: an error, and no index.
rm -f "$U"
pp index 2>"$W/err" && fail "index of a missing file succeeded"
grep -q 'No such file' "$W/err" || fail "index of a missing file: $(cat "$W/err")"
test -e "$U.index" && fail "an index of a missing file is left"
"$PASSWD" -V | grep -q '^postern-passwd ' || fail "-V"
"$PASSWD" -h | grep -q '^usage:' || fail "-h"
echo "usertool-commands: ok"
