"""smtp-rcpt-memo.py: a session remembers its recipient lookups, so a client
sending many messages to the same people does not make smtpd read the whole
user file for every RCPT; a new session sees changes to the user file.
Shown by removing an account from the user file in the middle of a session:
the running session still knows it (and still refuses the unknown user it
already looked up), the next session answers 550 5.1.1.
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
import subprocess
import tempfile


def start(conf):
    p = subprocess.Popen([h.SMTPD, "-c", conf], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    p.stdout.readline()  # greeting
    return p


def cmd(p, line):
    p.stdin.write(line.encode() + b"\r\n")
    p.stdin.flush()
    return p.stdout.readline().decode("latin-1").rstrip("\r\n")


def main():
    if not os.access(h.SMTPD, os.X_OK):
        h.skip("smtpd not built")
    d = tempfile.mkdtemp(prefix="postern-smtp-memo.")
    try:
        os.mkdir(os.path.join(d, "mail"))
        users = os.path.join(d, "users")
        with open(users, "w") as f:
            f.write("alice:*\nbob:*\n")
        conf = os.path.join(d, "postern.conf")
        with open(conf, "w") as f:
            f.write("hostname = mx.example.org\n"
                    "local_domains = example.org\n"
                    "users_file = %s\nmail_root = %s/mail\n" % (users, d))
        p = start(conf)
        cmd(p, "HELO client.example.net")
        cmd(p, "MAIL FROM:<x@remote.example>")
        r = cmd(p, "RCPT TO:<Alice@Example.org>")
        h.check(r.startswith("250 2.1.5"), "alice: %s" % r)
        r = cmd(p, "RCPT TO:<nobody@example.org>")
        h.check(r.startswith("550 5.1.1"), "nobody: %s" % r)
        with open(users, "w") as f:
            f.write("bob:*\nnobody:*\n")
        h.check(cmd(p, "RSET").startswith("250"), "RSET")
        cmd(p, "MAIL FROM:<x@remote.example>")
        r = cmd(p, "RCPT TO:<alice@example.org>")
        h.check(r.startswith("250 2.1.5"), "remembered alice: %s" % r)
        r = cmd(p, "RCPT TO:<nobody@example.org>")
        h.check(r.startswith("550 5.1.1"), "remembered nobody: %s" % r)
        cmd(p, "QUIT")
        p.wait(timeout=10)

        p = start(conf)
        cmd(p, "HELO client.example.net")
        cmd(p, "MAIL FROM:<x@remote.example>")
        r = cmd(p, "RCPT TO:<alice@example.org>")
        h.check(r.startswith("550 5.1.1"), "new session, alice: %s" % r)
        r = cmd(p, "RCPT TO:<nobody@example.org>")
        h.check(r.startswith("250 2.1.5"), "new session, nobody: %s" % r)
        cmd(p, "QUIT")
        p.wait(timeout=10)
    finally:
        shutil.rmtree(d, ignore_errors=True)
    print("PASS: recipient lookups remembered within a session only")


main()
