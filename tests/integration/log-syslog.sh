#!/bin/sh
# log-syslog.sh: under inetd, where fds 0-2 are all the connection (or fd
# 2 is closed), smtpd and pop3d log to syslog with the mail facility, the
# ident and the pid, and the client sees protocol replies only. In a
# private mount namespace, /dev is a tmpfs with the usual nodes and a
# datagram listener of the test's own at /dev/log. A failed POP3 login is
# a notice (<21>) naming the login, never the password; libsystemd is not
# loaded.
set -u

LOG_TEST=log-syslog LOG_NS=yes
. "$(dirname "$0")/log-lib.sh"

top_builddir=$B $NS python3 - "$T" "$S/tests/integration/log-helper.py" <<'PY'
import importlib.util, os, re, sys
sys.dont_write_bytecode = True
spec = importlib.util.spec_from_file_location("loghelper", sys.argv[2])
h = importlib.util.module_from_spec(spec)
spec.loader.exec_module(h)
T = sys.argv[1]
conf = h.setup(T)
h.mount_dev(T)
sl = h.Listener("/dev/log")

def inetd(prog, lines, smtp, close_stderr=False):
    """inetd's nowait service: the connection on fds 0, 1 and 2 (or 2
    closed); returns the syslog lines as (pri, message)."""
    h.clear_ld(T)
    srv, cli = h.tcp_pair()
    fd = srv.detach()
    rc, got, pid = h.serve([prog, "-c", conf],
                           {0: fd, 1: os.dup(fd),
                            2: None if close_stderr else os.dup(fd)},
                           h.base_env(T, {}, not close_stderr), cli,
                           lines, smtp)
    h.check(rc == 0, "%s exit %d: %r" % (prog, rc, got))
    h.check(b"[%d]" % pid not in got and b"event=" not in got,
            "the client got a log line: %r" % got)
    if not close_stderr:
        h.check(h.loaded(T, pid) is None, "%s loaded libsystemd" % prog)
    out = []
    for d in sl.take():
        pri, ident, lpid, msg = h.syslog_line(d)
        h.check(ident == os.path.basename(prog) and lpid == pid,
                "ident/pid: %r" % d)
        # RFC 3164 4.1.1: PRI is facility * 8 + severity; mail is 2.
        h.check(pri >> 3 == 2, "not the mail facility: %r" % d)
        h.check(h.BODY not in msg and h.PASSWORD not in msg,
                "body or password logged: %r" % d)
        out.append((pri, msg))
    h.check(out, "nothing from %s at /dev/log" % prog)
    return out

def one(lines, event):
    got = [x for x in lines if re.search(r"(^| )event=%s( |$)" % event, x[1])]
    h.check(len(got) == 1, "%d event=%s lines in %s" % (len(got), event,
                                                        lines))
    return got[0]

for close in (False, True):
    got = inetd(h.SMTPD, h.smtp_lines(), True, close)
    for pri, msg in got:
        h.check(re.match(r"peer=127\.0\.0\.1 session=\w+ event=", msg),
                "fields: %r" % msg)
    h.check(one(got, "connect")[0] == 22, "connect is not mail.info")
    pri, msg = one(got, "message")
    h.check(pri == 22 and " code=250" in msg and
            " from=bob@example.net " in msg and " result=queued " in msg and
            re.search(r" msgid=[0-9A-Za-z.]+ ", msg), "message: %r" % msg)
    h.check(" messages=1 " in one(got, "disconnect")[1], "disconnect")

lines = [b"USER alice", b"PASS wrong-" + h.PASSWORD.encode()]
got = inetd(h.POP3D, lines + h.pop3_lines(), False)
for pri, msg in got:
    h.check(re.match(r"peer=127\.0\.0\.1 session=\w+ ", msg),
            "fields: %r" % msg)
pri, msg = one(got, "auth_failed")
h.check(pri == 21 and ' login="alice" ' in msg, "auth_failed: %r" % msg)
pri, msg = one(got, "login")
h.check(pri == 22 and re.match(r"peer=127\.0\.0\.1 session=\w+ "
                               r"login=alice event=login ", msg),
        "login: %r" % msg)
pri, msg = one(got, "disconnect")
h.check(pri == 22 and " login=alice " in msg and " deleted=1 " in msg and
        msg.endswith(" exit=0"), "disconnect: %r" % msg)
print("PASS: syslog lines with the mail facility under inetd")
PY
