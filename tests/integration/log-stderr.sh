#!/bin/sh
# log-stderr.sh: under a pipe (a shell, a transcript) the summary lines go
# to stderr as "ident[pid]: key=value ...": smtpd's connect, per-message
# and disconnect lines, pop3d's login line and its one summary line (after
# QUIT and after a hang-up, logged in or not), with the expected
# fields and neither the message body nor the password; and the programs
# never load libsystemd for it (the loader's own list, LD_DEBUG=files).
set -u

LOG_TEST=log-stderr
. "$(dirname "$0")/log-lib.sh"

top_builddir=$B python3 - "$T" "$S/tests/integration/log-helper.py" <<'PY'
import importlib.util, re, subprocess, sys
sys.dont_write_bytecode = True
spec = importlib.util.spec_from_file_location("loghelper", sys.argv[2])
h = importlib.util.module_from_spec(spec)
spec.loader.exec_module(h)
T = sys.argv[1]
conf = h.setup(T)
env = h.base_env(T, {})

def lines_of(err, ident):
    """stderr's lines, each "ident[pid]: fields"; returns (pid, dicts)."""
    out, pids = [], set()
    for line in err.decode().splitlines():
        m = re.match(r"^%s\[(\d+)\]: (.*)$" % ident, line)
        h.check(m is not None, "not a log line: %r" % line)
        pids.add(int(m.group(1)))
        out.append(dict(re.findall(r'(\w+)=("[^"]*"|\S*)', m.group(2))))
    h.check(len(pids) == 1, "lines from pids %s" % pids)
    return pids.pop(), out

def event(entries, name):
    got = [e for e in entries if e.get("event") == name]
    h.check(len(got) == 1, "%d event=%s lines in %s" % (len(got), name,
                                                       entries))
    return got[0]

p = subprocess.run([h.SMTPD, "-c", conf], input=b"".join(
    x + b"\r\n" for x in h.smtp_lines()), capture_output=True, env=env)
h.check(p.returncode == 0, "smtpd exit %d" % p.returncode)
h.check(h.BODY.encode() not in p.stderr, "message body in the log")
pid, ent = lines_of(p.stderr, "smtpd")
for e in ent:
    h.check(e.get("peer") == "local", "peer field: %s" % e)
    h.check(re.fullmatch(r"[0-9A-Za-z]{8,}", e.get("session", "")),
            "session field: %s" % e)
h.check(len({e["session"] for e in ent}) == 1, "one session id")
c = event(ent, "connect")
h.check(c.get("local") == "yes", "connect: %s" % c)
m = event(ent, "message")
h.check(m.get("code") == "250" and m.get("nrcpt") == "1" and
        m.get("from") == "bob@example.net" and
        m.get("rcpts") == "alice@example.org" and
        m.get("helo") == "client.example.net" and
        m.get("result") == "queued" and m.get("msgid") and "id" not in m,
        "message: %s" % m)
h.check(b"queued as %s\r\n" % m["msgid"].encode() in p.stdout,
        "msgid %s not in the 250 reply" % m["msgid"])
d = event(ent, "disconnect")
h.check(d.get("messages") == "1" and d.get("errors") == "0" and
        d.get("exit") == "0", "disconnect: %s" % d)
h.check(h.loaded(T, pid) is None, "smtpd loaded libsystemd: %s" %
        h.loaded(T, pid))

def pop3d(lines, code, retr=True):
    """A pop3d session on a pipe; returns its log lines, each checked for
    the peer and session fields and for leaks."""
    h.clear_ld(T)
    p = subprocess.run([h.POP3D, "-c", conf], input=b"".join(
        x + b"\r\n" for x in lines), capture_output=True, env=env)
    h.check(p.returncode == code, "pop3d exit %d" % p.returncode)
    h.check(not retr or h.BODY.encode() in p.stdout,
            "RETR did not bring the message")
    h.check(h.PASSWORD.encode() not in p.stderr, "password in the log")
    h.check(h.BODY.encode() not in p.stderr, "message body in the log")
    pid, ent = lines_of(p.stderr, "pop3d")
    for e in ent:
        h.check(e.get("peer") == "local", "peer field: %s" % e)
        h.check(re.fullmatch(r"[0-9A-Za-z]{8,}", e.get("session", "")),
                "session field: %s" % e)
    h.check(len({e["session"] for e in ent}) == 1, "one session id")
    h.check(h.loaded(T, pid) is None, "pop3d loaded libsystemd")
    return ent

# A hang-up after DELE, without QUIT: no UPDATE, and still one summary.
ent = pop3d(h.pop3_lines()[:-1], 1)
event(ent, "hangup")
d = event(ent, "disconnect")
h.check(ent[-1] is d and d.get("login") == "alice" and
        d.get("auth") == "yes" and d.get("retrieved") == "1" and
        d.get("deleted") == "0" and d.get("exit") == "1",
        "disconnect after a hang-up: %s" % d)

ent = pop3d(h.pop3_lines(), 0)
lg = event(ent, "login")
h.check(lg.get("login") == "alice" and lg.get("messages") == "1" and
        "user" not in lg, "login: %s" % lg)
h.check(not [e for e in ent if e.get("event") == "quit"], "a quit line")
d = event(ent, "disconnect")
h.check(ent[-1] is d and d.get("login") == "alice" and
        d.get("auth") == "yes" and d.get("retrieved") == "1" and
        d.get("deleted") == "1" and d.get("failed") == "0" and
        d.get("errors") == "0" and d.get("exit") == "0",
        "disconnect after QUIT: %s" % d)

# A hang-up before any login: a summary without a login field.
ent = pop3d([b"USER alice", b"PASS wrong-" + h.PASSWORD.encode()], 1,
            False)
d = event(ent, "disconnect")
h.check(ent[-1] is d and "login" not in d and d.get("auth") == "no" and
        d.get("exit") == "1", "disconnect without a login: %s" % d)
h.check(event(ent, "auth_failed").get("login") == '"alice"',
        "auth_failed: %s" % ent)
print("PASS: summary lines on stderr under a pipe")
PY
