"""pop3-readonly.py: a Maildir on a read-only file system (an archive, or
one the kernel remounted read-only after errors) where no lock file can be
made. Nothing can change such a maildrop, so pop3d serves it without the
lock: the user can still fetch mail, and QUIT after DELE answers
-ERR [SYS/TEMP] with every file left (RFC 1939 section 6).

Needs a private mount namespace (root and unshare(1)); else skips. The
session runs over a pipe, so no network is involved.
"""

import importlib.util
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
spec = importlib.util.spec_from_file_location(
    "pop3helper", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               "pop3-helper.py"))
h = importlib.util.module_from_spec(spec)
spec.loader.exec_module(h)

import tempfile

if not os.access(h.POP3D, os.X_OK):
    h.skip("pop3d not built")
if os.geteuid() != 0 or shutil.which("unshare") is None:
    h.skip("needs root and unshare(1) for a read-only mount")
if subprocess.run(["unshare", "-m", "true"]).returncode != 0:
    h.skip("no mount namespaces here")

d = tempfile.mkdtemp(prefix="postern-pop3ro.")
try:
    ro = os.path.join(d, "ro")
    os.mkdir(ro)
    with open(os.path.join(d, "users"), "w") as f:
        f.write("%s:%s:%s/u\n" % (h.USER, h.crypt_sha512(h.PASSWORD), ro))
    with open(os.path.join(d, "postern.conf"), "w") as f:
        f.write("hostname = mx.example.org\nusers_file = %s/users\n"
                "mail_root = %s\nauth_failure_delay = 0\n" % (d, d))
    name = "1700000000.M1P1.example,S=17,W=20"
    script = """set -e
mount -t tmpfs -o size=1m postern "$RO"
mkdir -p "$RO/u/new" "$RO/u/cur" "$RO/u/tmp"
printf 'Subject: x\\n\\nbody\\n' > "$RO/u/new/$NAME"
mount -o remount,ro "$RO"
printf 'USER %s\\r\\nPASS %s\\r\\nSTAT\\r\\nRETR 1\\r\\nDELE 1\\r\\nQUIT\\r\\n' \
    "$LOGIN" "$PASSWORD" | "$POP3D" -c "$CONF"
ls "$RO/u/new" "$RO/u/cur"
"""
    env = dict(os.environ, RO=ro, NAME=name, LOGIN=h.USER,
               PASSWORD=h.PASSWORD, POP3D=h.POP3D,
               CONF=os.path.join(d, "postern.conf"))
    p = subprocess.run(["unshare", "-m", "sh", "-c", script], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.decode("latin-1")
    print(out)
    print(p.stderr.decode("latin-1"))
    lines = out.split("\r\n")
    h.check(lines[2] == "+OK maildrop has 1 messages (20 octets)",
            "PASS on a read-only Maildir: %r" % lines[2])
    h.check(lines[3] == "+OK 1 20", "STAT: %r" % lines[3])
    h.check(lines[4] == "+OK 20 octets" and lines[5] == "Subject: x",
            "RETR: %r" % lines[4:6])
    h.check(lines[9] == "+OK message 1 deleted", "DELE: %r" % lines[9])
    h.check(lines[10].startswith("-ERR [SYS/TEMP] 1 deleted"),
            "QUIT: %r" % lines[10])
    h.check(name in lines[11], "the message is still there: %r" % lines[11])
finally:
    shutil.rmtree(d, ignore_errors=True)
