"""smtp-relay-signals.py: smtpd started with SIGCHLD ignored (a supervisor
that ignores it passes that on through exec) still learns relay_command's
exit status, so a relayed message gets 250, not a false 554 5.3.0 that
would make the client bounce mail already sent; and relay_command starts
with the default SIGPIPE and SIGCHLD dispositions, not smtpd's SIGPIPE
ignore. The session runs over a pipe, as a transcript does.
"""

import importlib.util
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
spec = importlib.util.spec_from_file_location(
    "smtphelper", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               "smtp-helper.py"))
h = importlib.util.module_from_spec(spec)
spec.loader.exec_module(h)

import shutil
import signal
import subprocess
import tempfile

# Bits of SIGPIPE (13) and SIGCHLD (17) in /proc/PID/status's SigIgn mask.
SIGPIPE_BIT = 1 << (13 - 1)
SIGCHLD_BIT = 1 << (17 - 1)

RELAY = """#!/bin/sh
# Records the relay's ignored-signal mask, reads the message, succeeds.
grep '^SigIgn:' /proc/self/status > "$0.sigign" || exit 75
cat > "$0.stdin" || exit 75
exit 0
"""

SESSION = (b"EHLO client.example.net\r\n"
           b"AUTH PLAIN AHdlbGRvbgB3M2xkMG4=\r\n"
           b"MAIL FROM:<weldon@example.org>\r\n"
           b"RCPT TO:<friend@remote.example>\r\n"
           b"DATA\r\n"
           b"Subject: relayed\r\n\r\nhello\r\n.\r\n"
           b"QUIT\r\n")


def ignore_sigchld():
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)


def main():
    if not os.access(h.SMTPD, os.X_OK):
        h.skip("smtpd not built")
    if not os.path.exists("/proc/self/status"):
        h.skip("no /proc")
    d = tempfile.mkdtemp(prefix="postern-smtp-sig.")
    try:
        relay = os.path.join(d, "relay")
        with open(relay, "w") as f:
            f.write(RELAY)
        os.chmod(relay, 0o755)
        os.mkdir(os.path.join(d, "mail"))
        with open(os.path.join(d, "users"), "w") as f:
            f.write("weldon:%s\n" % h.crypt_sha512("w3ld0n"))
        conf = os.path.join(d, "postern.conf")
        with open(conf, "w") as f:
            f.write("hostname = mx.example.org\n"
                    "local_domains = example.org\n"
                    "users_file = %s/users\nmail_root = %s/mail\n"
                    "auth_failure_delay = 0\nrelay_command = %s\n"
                    % (d, d, relay))
        try:
            # The relay exits at once; the old bug waited for it until
            # SMTPD_RELAY_MAX_SECONDS.
            r = subprocess.run([h.SMTPD, "-c", conf], input=SESSION,
                               capture_output=True, timeout=30,
                               preexec_fn=ignore_sigchld)
        except subprocess.TimeoutExpired:
            h.fail("smtpd did not see relay_command exit")
        out = r.stdout.decode("latin-1").split("\r\n")
        replies = [line for line in out if line[:3].isdigit()]
        h.check(r.returncode == 0, "exit %d\n%s\n%s" % (
            r.returncode, "\n".join(out), r.stderr.decode("latin-1")))
        h.check(any(x.startswith("250 2.0.0 Ok: queued as ") for x in
                    replies),
                "relayed message not accepted:\n" + "\n".join(replies) +
                "\n" + r.stderr.decode("latin-1"))
        with open(relay + ".stdin", "rb") as f:
            h.check(f.read().endswith(b"\nhello\n"), "relay's stdin")
        with open(relay + ".sigign") as f:
            mask = int(f.read().split()[1], 16)
        h.check(not mask & SIGPIPE_BIT, "relay_command has SIGPIPE ignored")
        h.check(not mask & SIGCHLD_BIT, "relay_command has SIGCHLD ignored")
    finally:
        shutil.rmtree(d, ignore_errors=True)
    print("PASS: relay status seen with SIGCHLD ignored; default signals")


main()
