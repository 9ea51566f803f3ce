#!/bin/sh
# log-fallback.sh: without a loadable libsystemd (an empty file bound over
# libsystemd.so.0 in a private mount namespace), a program that would log
# to the journal logs to syslog instead, first saying why, and the session
# goes on; a socket-activated one (LISTEN_FDS) cannot take its fd 3 and
# exits 111 without a greeting, logged the same way. Nothing goes to the
# journal's listener or onto fd 2.
set -u

LOG_TEST=log-fallback LOG_NS=yes LOG_PROGS='smtpd/smtpd'
. "$(dirname "$0")/log-lib.sh"

top_builddir=$B $NS python3 - "$T" "$S/tests/integration/log-helper.py" <<'PY'
import importlib.util, os, subprocess, sys
sys.dont_write_bytecode = True
spec = importlib.util.spec_from_file_location("loghelper", sys.argv[2])
h = importlib.util.module_from_spec(spec)
spec.loader.exec_module(h)
T = sys.argv[1]
conf = h.setup(T)
h.mount_run()
h.mount_dev(T)
h.hide_libsystemd(T)
jl = h.Listener(h.JOURNAL)
sl = h.Listener("/dev/log")

def syslog(pid):
    out = [h.syslog_line(d) for d in sl.take()]
    h.check(out, "nothing at /dev/log")
    for pri, ident, lpid, msg in out:
        h.check(ident == "smtpd" and lpid == pid and pri >> 3 == 2,
                "syslog line: %s" % ((pri, ident, lpid, msg),))
    h.check(jl.take() == [], "the journal got entries")
    return [(pri, msg) for pri, _, _, msg in out]

# A journal stream on fd 2: the journal is wanted but cannot be had.
fd2, ours, js = h.stream_stderr()
p = subprocess.Popen([h.SMTPD, "-c", conf], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=fd2,
                     env=h.base_env(T, {"JOURNAL_STREAM": js}, ld=False))
os.close(fd2)
out, _ = p.communicate(b"".join(x + b"\r\n" for x in h.smtp_lines()), 60)
h.nothing_on(ours, "smtpd")
h.check(p.returncode == 0 and b"250 2.0.0" in out, "session: %r" % out)
got = syslog(p.pid)
# LOG_WARNING of the mail facility: 2 * 8 + 4.
h.check(got[0][0] == 20 and
        got[0][1].startswith("event=log_fallback backend=syslog error="),
        "first line: %s" % (got[0],))
h.check("libsystemd" in got[0][1], "no reason: %s" % (got[0],))
h.check([m for _, m in got[1:] if " event=connect " in m] and
        [m for _, m in got[1:] if " event=message " in m] and
        [m for _, m in got[1:] if " event=disconnect " in m],
        "session lines: %s" % got)
h.check(sum("log_fallback" in m for _, m in got) == 1, "said twice")

# Accept=yes: fd 3 promised, libsystemd missing.
srv, cli = h.tcp_pair()
fd2, ours, js = h.stream_stderr()
null = os.open("/dev/null", os.O_RDONLY)
env = h.base_env(T, {"JOURNAL_STREAM": js, "LISTEN_FDS": "1"}, ld=False)
rc, got, pid = h.serve(["sh", "-c", 'LISTEN_PID=$$ exec "$0" "$@"', h.SMTPD,
                        "-c", conf],
                       {0: null, 1: fd2, 2: os.dup(fd2), 3: srv.detach()},
                       env, cli, [], True)
h.nothing_on(ours, "smtpd")
h.check(rc == 111, "exit %d" % rc)
h.check(got == b"", "the client got %r" % got)
lines = syslog(pid)
h.check([m for pri, m in lines if pri == 19 and
         m.startswith("event=listen_fds_error error=")],
        "no listen_fds_error at LOG_ERR: %s" % lines)
print("PASS: syslog without libsystemd; LISTEN_FDS refused")
PY
