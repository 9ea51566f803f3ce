#!/bin/sh
# usertool-concurrent.sh: postern-passwd editors at the same time lose no
# change. Twenty adds and a password change run at once (and leave the
# index of the final file); two editors wait for a lock held from outside
# and both land once it is free; an editor gives up, changing nothing,
# when the lock stays held.
. "${top_srcdir:-.}/tests/integration/deploy-lib.sh"
test -x "$PASSWD" || skip "postern-passwd not built"
write_config
U=$T/users
W=$T/w
mkdir "$W"
pp() { "$PASSWD" -c "$T/postern.conf" "$@"; }

printf '# concurrent edits\nkeep:*\n' >"$U"
echo 'old pw' | pp -r 1 add target || fail "add target"
old=$(grep '^target:' "$U")

# Twenty adds and one passwd at once; cost 1 keeps the hashing short so
# that the editors reach the file together.
pids=
i=10
while test $i -lt 30; do
	(echo "pw $i" | pp -r 1 add "user$i" 2>"$W/err$i"; echo $? >"$W/rc$i") &
	pids="$pids $!"
	i=$((i + 1))
done
(echo 'new pw' | pp -r 1 passwd target; echo $? >"$W/rcp") &
wait
i=10
while test $i -lt 30; do
	test "$(cat "$W/rc$i")" = 0 || fail "add user$i: $(cat "$W/err$i")"
	test "$(grep -c "^user$i:" "$U")" = 1 || fail "user$i lost"
	i=$((i + 1))
done
test "$(cat "$W/rcp")" = 0 || fail "passwd target failed"
test "$(grep '^target:' "$U")" != "$old" || fail "password change lost"
test "$(grep -c . "$U")" = 23 || fail "wrong line count $(grep -c . "$U")"
head -2 "$U" | tr '\n' ' ' | grep -q '^# concurrent edits keep:\* $' ||
	fail "head of the file changed"
pp list >/dev/null || fail "the file no longer parses"
ls "$T" | grep '^users\.' | grep -qv -e '^users\.lock$' -e '^users\.index$' &&
	fail "temporary files left"
# Each editor writes the index under the lock: the last one describes
# the last file.
check_index "$U" 22

# Holds the edit lock for $1 seconds, as another postern-passwd would;
# returns once the lock is taken.
hold_lock() {
	rm -f "$W/held"
	python3 -c 'import fcntl, sys, time
f = open(sys.argv[1], "a")
fcntl.flock(f, fcntl.LOCK_EX)
open(sys.argv[3], "w").close()
time.sleep(float(sys.argv[2]))' "$U.lock" "$1" "$W/held" &
	holder=$!
	cleanup_cmds="kill $holder 2>/dev/null;"
	n=0
	while ! test -e "$W/held"; do
		n=$((n + 1))
		test $n -lt 100 || fail "could not take the lock"
		sleep 0.1
	done
}

# A lock held from outside: both editors wait, then both changes land.
hold_lock 3
(echo 'x pw' | pp -r 1 add waitx; echo $? >"$W/rcx") &
(pp remove user10; echo $? >"$W/rcr") &
sleep 1
grep -q '^waitx:' "$U" && fail "an editor wrote while the lock was held"
grep -q '^user10:' "$U" || fail "an editor wrote while the lock was held"
wait
test "$(cat "$W/rcx")" = 0 && test "$(cat "$W/rcr")" = 0 ||
	fail "an editor failed after waiting"
grep -q '^waitx:' "$U" || fail "waiting add lost"
grep -q '^user10:' "$U" && fail "waiting remove lost"
check_index "$U" 22

# A lock that stays held: the editor gives up after its bounded wait.
cp "$U" "$W/before"
hold_lock 14
start=$(date +%s)
echo 'y pw' | pp -r 1 add waity 2>"$W/err" && fail "add under a held lock succeeded"
took=$(($(date +%s) - start))
grep -q 'held by another editor' "$W/err" || fail "no clear error: $(cat "$W/err")"
test $took -ge 9 && test $took -le 20 || fail "gave up after ${took}s, not 10"
cmp -s "$U" "$W/before" || fail "the file changed although the edit failed"
echo "usertool-concurrent: ok"
