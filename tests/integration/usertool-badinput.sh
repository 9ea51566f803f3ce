#!/bin/sh
# usertool-badinput.sh: postern-passwd refuses what would break the user
# file or cannot be done, with a clear message and a non-zero status, and
# leaves the file as it was: bad logins and Maildirs, missing and existing
# accounts, empty, long and control-character passwords, over-long and bad
# lines in the file (also for index, which then removes the old index), a
# symbolic link, bad options. Limits are tried at N and N+1.
. "${top_srcdir:-.}/tests/integration/deploy-lib.sh"
test -x "$PASSWD" || skip "postern-passwd not built"
write_config
U=$T/users
W=$T/w
mkdir "$W"
pp() { "$PASSWD" -c "$T/postern.conf" -r 1 "$@"; }
rep() { python3 -c 'import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]))' "$@"; }

printf '# bad input\nalice:*\n' >"$U"
cp "$U" "$W/orig"

# Runs postern-passwd with stdin from $W/in; it must exit $1 and print
# something matching $2; the user file must not have changed.
refuse() {
	want=$1 msg=$2
	shift 2
	pp "$@" <"$W/in" >"$W/out" 2>&1
	rc=$?
	test $rc = "$want" || fail "postern-passwd $*: exit $rc, not $want: $(cat "$W/out")"
	grep -q -e "$msg" "$W/out" || fail "postern-passwd $*: no '$msg' in: $(cat "$W/out")"
	cmp -s "$U" "$W/orig" || fail "postern-passwd $* changed the file"
	ls "$T" | grep '^users\.' | grep -qv -e '^users\.lock$' \
		-e '^users\.index$' &&
		fail "postern-passwd $* left a temporary file"
	:
}
echo 'a password' >"$W/in"

for login in 'a:b' 'a b' 'a/b' '.' '..' '' "$(printf 'a\tb')" "$(rep x 256)"; do
	refuse 1 'bad login' add "$login"
done
refuse 1 'bad login' passwd 'a:b'
refuse 1 'bad Maildir' add bob relative/dir
refuse 1 'bad Maildir' add bob /a:b
refuse 1 'bad Maildir' add bob "$(printf '/a\tb')"
refuse 1 'exists' add ALICE
for cmd in passwd lock unlock remove del; do
	refuse 1 'no account nobody' $cmd nobody
done

# Passwords: empty, control characters, 255 octets (N) and 256 (N+1),
# and a megabyte without a newline (read no further than the limit).
: >"$W/in"
refuse 1 'empty password' add bob
printf '\n' >"$W/in"
refuse 1 'empty password' add bob
printf 'pass\r\n' >"$W/in"
refuse 1 'control character' add bob
rep y 256 >"$W/in"
refuse 1 'too long' add bob
rep z 1048576 >"$W/in"
refuse 1 'too long' add bob
rep y 255 >"$W/in"
pp add bob <"$W/in" || fail "a 255-octet password was refused"
python3 -W ignore -c 'import crypt, sys
h = open(sys.argv[1]).read().split("bob:")[1].strip()
sys.exit(crypt.crypt("y" * 255, h) != h)' "$U" 2>/dev/null ||
	fail "the 255-octet password does not match its hash"
pp remove bob || fail "remove bob"
echo 'a password' >"$W/in"

# A 255-octet login (N) is fine.
pp add "$(rep l 255)" <"$W/in" || fail "a 255-octet login was refused"
pp remove "$(rep l 255)" || fail "remove the long login"
cmp -s "$U" "$W/orig" || fail "add + remove did not restore the file"

# Lines: 4095 octets and a LF (N) pass, 4096 (N+1) stop every command.
{ cat "$W/orig"; printf '#'; rep c 4094; echo; } >"$U"
pp list >/dev/null || fail "a 4096-octet line (with LF) was refused"
{ cat "$W/orig"; printf '#'; rep c 4095; echo; } >"$U"
cp "$U" "$W/orig"
refuse 1 'users:3: line too long' add bob
refuse 1 'users:3: line too long' list
for bad in 'nocolon' 'alice' 'bad login:*' 'empty:' 'ctl:$y$a\tb' \
	'sp:$y$a b' 'x:y:' 'x:y:rel' 'x:y:/a\tb' ' lead:*'; do
	printf '# bad input\n%b\n' "$bad" >"$U"
	cp "$U" "$W/orig"
	refuse 1 'users:2: ' add bob
	refuse 1 'users:2: ' lock alice
	refuse 1 'users:2: ' index
done
printf 'nul:*\0x\n' >"$U"
cp "$U" "$W/orig"
refuse 1 'users:1: NUL' remove nul

# index on a file with a bad line: the old index goes, so that the
# servers read the whole file and report the line.
printf 'alice:*\n' >"$U"
pp index >/dev/null || fail "index of a good file"
test -f "$U.index" || fail "no index written"
printf '# bad input\nalice:*\nbad line\n' >"$U"
cp "$U" "$W/orig"
refuse 1 'users:3: ' index
test -e "$U.index" && fail "an index left after a bad line"

# A symbolic link would be replaced by a plain file: refused.
printf 'alice:*\n' >"$W/real"
rm -f "$U"
ln -s "$W/real" "$U"
cp "$U" "$W/orig"
refuse 1 'symbolic link' remove alice

# Usage errors: exit 2.
printf 'alice:*\n' >"$U.new" && mv "$U.new" "$U" && cp "$U" "$W/orig"
refuse 2 'usage' frobnicate alice
refuse 2 'usage'
refuse 2 'usage' add
refuse 2 'usage' lock alice extra
refuse 2 'usage' index alice
refuse 2 'usage' -L index
refuse 2 'usage' -L passwd alice
refuse 2 'bad cost' -r abc add bob
refuse 1 'cost 12' -r 12 add bob
refuse 1 'missing.conf' -c "$T/missing.conf" list
echo "usertool-badinput: ok"
