#!/bin/sh
# usertool-tty.sh: postern-passwd on a terminal (a pseudo-terminal made by
# Python's pty module): it asks twice without echo, refuses two different
# answers, and gives the terminal its echo back when interrupted.
. "${top_srcdir:-.}/tests/integration/deploy-lib.sh"
test -x "$PASSWD" || skip "postern-passwd not built"
python3 -c 'import crypt, pty' 2>/dev/null || skip "python3 lacks crypt or pty"
write_config
printf '# tty\n' >"$T/users"

python3 -W ignore - "$PASSWD" "$T/postern.conf" "$T/users" <<'EOP' || fail "see above"
import crypt, os, pty, select, signal, sys, termios, time

tool, conf, users = sys.argv[1:4]

def run(login, answers, interrupt=False):
    """Runs 'add login' on a new pty, answering each prompt; returns
    (exit status, everything the terminal showed, echo flag at the end)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(tool, [tool, "-c", conf, "-r", "1", "add", login])
    shown, pending = b"", list(answers)
    deadline = time.time() + 20
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            shown += data
        if shown.count(b"password") > len(answers) - len(pending):
            if interrupt and not pending:
                os.write(fd, b"\x03")
                interrupt = False
            elif pending:
                time.sleep(0.1)
                os.write(fd, pending.pop(0) + b"\n")
    echo = bool(termios.tcgetattr(fd)[3] & termios.ECHO)
    for _ in range(100):  # the pty closes just before the process ends
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    if done == 0:  # still waiting for input: a failure, not a hang
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise AssertionError("postern-passwd %s still running: %r"
                             % (login, shown))
    os.close(fd)
    return os.waitstatus_to_exitcode(status), shown, echo

def hash_of(login):
    for line in open(users):
        if line.startswith(login + ":"):
            return line.rstrip("\n").split(":")[1]
    return None

rc, shown, echo = run("alice", [b"s3cret pw", b"s3cret pw"])
assert rc == 0, (rc, shown)
assert b"New password for alice: " in shown, shown
assert b"Retype new password: " in shown, shown
assert b"s3cret" not in shown, "the password was echoed: %r" % shown
assert echo, "echo not restored"
h = hash_of("alice")
assert h and crypt.crypt("s3cret pw", h) == h, h

rc, shown, echo = run("bob", [b"one", b"two"])
assert rc == 1 and b"passwords differ" in shown, (rc, shown)
assert hash_of("bob") is None

rc, shown, echo = run("carol", [b"first"], interrupt=True)
assert rc != 0 and hash_of("carol") is None, (rc, shown)
assert echo, "echo left off after an interrupt: %r" % shown
print("usertool-tty: ok")
EOP
