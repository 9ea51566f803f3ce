#!/bin/sh
# log-journal.sh: under systemd, smtpd and pop3d log to the journal with
# structured fields. In a private mount namespace a datagram listener of
# the test's own is bound where journald listens (/run/systemd/journal/
# socket), and the programs run as systemd runs them: Accept=yes (fd 3
# the connection, LISTEN_FDS, stdout and stderr a journal stream named by
# JOURNAL_STREAM) and StandardInput=socket (fds 0-2 the connection, only
# SYSTEMD_EXEC_PID). Entries carry MESSAGE, PRIORITY, SYSLOG_FACILITY=2,
# SYSLOG_IDENTIFIER and POSTERN_* fields; nothing reaches fd 2 or the
# client; libsystemd is dlopened, never linked; a child of another
# service (SYSTEMD_EXEC_PID not ours) does not use the journal.
set -u

LOG_TEST=log-journal LOG_NS=yes
. "$(dirname "$0")/log-lib.sh"

top_builddir=$B $NS python3 - "$T" "$S/tests/integration/log-helper.py" <<'PY'
import importlib.util, os, re, sys
sys.dont_write_bytecode = True
spec = importlib.util.spec_from_file_location("loghelper", sys.argv[2])
h = importlib.util.module_from_spec(spec)
spec.loader.exec_module(h)
T = sys.argv[1]
conf = h.setup(T)
h.mount_run()
jl = h.Listener(h.JOURNAL)
# systemd starts the unit's process itself: its pid is the variables'.
AS_UNIT = 'LISTEN_PID=$$ SYSTEMD_EXEC_PID=$$ exec "$0" "$@"'
AS_SOCKET_UNIT = 'SYSTEMD_EXEC_PID=$$ exec "$0" "$@"'

def entries(ident, peer):
    got = [h.journal_entry(d) for d in jl.take()]
    h.check(got, "no journal entries from %s" % ident)
    for e in got:
        h.check(e.get("SYSLOG_IDENTIFIER") == [ident] and
                e.get("SYSLOG_FACILITY") == ["2"] and
                re.fullmatch(r"[0-7]", e.get("PRIORITY", [""])[0]) and
                len(e.get("MESSAGE", [])) == 1 and
                e.get("POSTERN_PEER") == [peer], "entry: %s" % e)
        h.check(not any(h.BODY in v or h.PASSWORD in v
                        for vs in e.values() for v in vs),
                "body or password in %s" % e)
    return got

def event(got, name):
    one = [e for e in got if e.get("POSTERN_EVENT") == [name]]
    h.check(len(one) == 1, "%d entries of event=%s in %s" % (len(one), name,
                                                            got))
    return one[0]

def accept_yes(prog, lines, smtp):
    """systemd's Accept=yes unit: fd 3 the connection, stdin /dev/null,
    stdout and stderr a journal stream."""
    srv, cli = h.tcp_pair()
    fd2, ours, js = h.stream_stderr()
    null = os.open("/dev/null", os.O_RDONLY)
    env = h.base_env(T, {"JOURNAL_STREAM": js, "LISTEN_FDS": "1"})
    rc, got, pid = h.serve(["sh", "-c", AS_UNIT, prog, "-c", conf],
                           {0: null, 1: fd2, 2: os.dup(fd2),
                            3: srv.detach()}, env, cli, lines, smtp)
    h.nothing_on(ours, prog)
    h.check(rc == 0, "%s exit %d: %r" % (prog, rc, got))
    how = h.loaded(T, pid)
    h.check(how is not None and "dynamically loaded" in how,
            "libsystemd not dlopened: %s" % how)
    return got

got = accept_yes(h.SMTPD, h.smtp_lines(), True)
ent = entries("smtpd", "127.0.0.1")
h.check(len({e["POSTERN_SESSION"][0] for e in ent}) == 1, "one session id")
c = event(ent, "connect")
h.check(c["MESSAGE"][0].startswith("peer=127.0.0.1 session=") and
        c["MESSAGE"][0].endswith(" event=connect local=yes") and
        c["PRIORITY"] == ["6"] and c.get("POSTERN_LOCAL") == ["yes"],
        "connect: %s" % c)
m = event(ent, "message")
h.check(m.get("POSTERN_CODE") == ["250"] and
        m.get("POSTERN_FROM") == ["bob@example.net"] and
        m.get("POSTERN_RCPTS") == ["alice@example.org"] and
        m.get("POSTERN_HELO") == ["client.example.net"] and
        m.get("POSTERN_RESULT") == ["queued"] and m.get("POSTERN_MSGID") and
        "POSTERN_ID" not in m, "message: %s" % m)
h.check(b"queued as %s\r\n" % m["POSTERN_MSGID"][0].encode() in got,
        "message id not in the reply")
d = event(ent, "disconnect")
h.check(d.get("POSTERN_MESSAGES") == ["1"] and d.get("POSTERN_EXIT") == ["0"],
        "disconnect: %s" % d)

h.clear_ld(T)
accept_yes(h.POP3D, h.pop3_lines(), False)
ent = entries("pop3d", "127.0.0.1")
h.check(len({e["POSTERN_SESSION"][0] for e in ent}) == 1, "one session id")
lg = event(ent, "login")
h.check(lg.get("POSTERN_LOGIN") == ["alice"] and "POSTERN_USER" not in lg and
        lg.get("POSTERN_MECH") == ["USER"], "login: %s" % lg)
d = event(ent, "disconnect")
h.check(d.get("POSTERN_LOGIN") == ["alice"] and
        d.get("POSTERN_AUTH") == ["yes"] and
        d.get("POSTERN_RETRIEVED") == ["1"] and
        d.get("POSTERN_DELETED") == ["1"] and
        d.get("POSTERN_EXIT") == ["0"], "disconnect: %s" % d)

def socket_unit(exec_pid_ours):
    """StandardInput=socket without StandardError=: fds 0-2 are all the
    connection; SYSTEMD_EXEC_PID ours, or that of another process (a
    service that runs inetd, whose children we would be)."""
    h.clear_ld(T)
    srv, cli = h.tcp_pair()
    fd = srv.detach()
    if exec_pid_ours:
        argv, env = ["sh", "-c", AS_SOCKET_UNIT, h.SMTPD, "-c", conf], {}
    else:
        argv, env = [h.SMTPD, "-c", conf], {"SYSTEMD_EXEC_PID": "1"}
    rc, got, pid = h.serve(argv, {0: fd, 1: os.dup(fd), 2: os.dup(fd)},
                           h.base_env(T, env), cli, h.smtp_lines(), True)
    h.check(rc == 0, "smtpd exit %d" % rc)
    for line in got.split(b"\r\n")[:-1]:
        h.check(re.fullmatch(rb"\d{3}[ -].*", line),
                "the client got a log line: %r" % line)
    return pid

pid = socket_unit(True)
ent = entries("smtpd", "127.0.0.1")
event(ent, "connect")
event(ent, "disconnect")
pid = socket_unit(False)
h.check(jl.take() == [], "a child of another unit wrote to the journal")
h.check(h.loaded(T, pid) is None, "libsystemd loaded without the journal")
print("PASS: journal entries with fields, under Accept=yes and "
      "StandardInput=socket")
PY
