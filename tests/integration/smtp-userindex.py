"""smtp-userindex.py: smtpd and the user file's index, end to end. Accounts
made with postern-passwd are found through the index; a hand edit makes
the index stale, so smtpd reads the whole file again (and logs
event=userfile_index_ignored): a bad line added by hand is a 451 at once,
not hidden by the index; `postern-passwd index` refuses a file with a bad
line and removes the index; once the file is fixed and indexed, lookups
go through the index again (no warning).
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
import time

PASSWD = os.path.join(h.B, "src", "tools", "postern-passwd")


def rcpt(conf, addr):
    """One session: the RCPT reply and what smtpd logged."""
    p = subprocess.run(
        [h.SMTPD, "-c", conf],
        input=("HELO %s\r\nMAIL FROM:<x@remote.example>\r\n"
               "RCPT TO:<%s>\r\nQUIT\r\n" % (h.HELO, addr)).encode(),
        capture_output=True, timeout=30)
    replies = p.stdout.decode("latin-1").split("\r\n")
    return replies[3], p.stderr.decode("latin-1")


def passwd(conf, *args, stdin=""):
    return subprocess.run([PASSWD, "-c", conf] + list(args),
                          input=stdin.encode(), capture_output=True,
                          timeout=60)


def main():
    for prog in (h.SMTPD, PASSWD):
        if not os.access(prog, os.X_OK):
            h.skip("%s not built" % prog)
    d = tempfile.mkdtemp(prefix="postern-smtp-index.")
    try:
        os.mkdir(os.path.join(d, "mail"))
        users = os.path.join(d, "users")
        index = users + ".index"
        conf = os.path.join(d, "postern.conf")
        with open(conf, "w") as f:
            f.write("hostname = mx.example.org\n"
                    "local_domains = example.org\n"
                    "users_file = %s\nmail_root = %s/mail\n" % (users, d))
        # -r 4: a cheap yescrypt cost, the test is not about passwords.
        for login in ("alice", "bob@example.org"):
            r = passwd(conf, "-r", "4", "add", login, stdin="pw-" + login)
            h.check(r.returncode == 0, "add %s: %s" % (login, r.stderr))
        h.check(os.path.exists(index), "postern-passwd wrote no index")

        r, log = rcpt(conf, "alice@example.org")
        h.check(r.startswith("250 2.1.5"), "alice: %s" % r)
        h.check("userfile_index_ignored" not in log, "fresh index: %s" % log)
        r, log = rcpt(conf, "bob@example.org")
        h.check(r.startswith("250 2.1.5"), "bob: %s" % r)
        r, log = rcpt(conf, "carol@example.org")
        h.check(r.startswith("550 5.1.1"), "carol: %s" % r)

        # A hand edit, a bad line included. A file system clock may tick
        # coarsely: wait so that the edit gets a new ctime.
        time.sleep(0.05)
        with open(users, "a") as f:
            f.write("carol:*\nthis line is bad\n")
        r, log = rcpt(conf, "alice@example.org")
        h.check(r.startswith("451 4.3.0"), "bad line after edit: %s" % r)
        h.check("event=userfile_index_ignored" in log,
                "no index warning: %s" % log)
        r = passwd(conf, "index")
        h.check(r.returncode == 1 and b"users:4:" in r.stderr,
                "index of a bad file: %d %s" % (r.returncode, r.stderr))
        h.check(not os.path.exists(index), "index left after a bad line")
        r, log = rcpt(conf, "alice@example.org")
        h.check(r.startswith("451 4.3.0"), "no index, bad line: %s" % r)

        # Fixed by hand: the scan answers, then the index again.
        with open(users) as f:
            lines = [x for x in f if x != "this line is bad\n"]
        with open(users, "w") as f:
            f.writelines(lines)
        r, log = rcpt(conf, "carol@example.org")
        h.check(r.startswith("250 2.1.5"), "carol by scan: %s" % r)
        r = passwd(conf, "index")
        h.check(r.returncode == 0 and r.stdout == b"3 accounts indexed\n",
                "index: %d %s %s" % (r.returncode, r.stdout, r.stderr))
        r, log = rcpt(conf, "Carol@Example.ORG")
        h.check(r.startswith("250 2.1.5"), "carol by index: %s" % r)
        h.check("userfile_index_ignored" not in log, "warning: %s" % log)
    finally:
        shutil.rmtree(d, ignore_errors=True)
    print("PASS: lookups through the index, and the scan after a hand edit")


main()
