"""pop3-roundtrip.py: mail goes in through smtpd and out through pop3d, on
127.0.0.1 under systemd-socket-activate. Python's poplib, curl and mpop
each fetch every message; what they get is the message as sent (CRLF,
dot-unstuffed, 8-bit intact) after the Return-Path: and Received: lines
smtpd adds, and LIST announces exactly the octets RETR sends.
"""

import importlib.util
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
spec = importlib.util.spec_from_file_location(
    "pop3helper", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               "pop3-helper.py"))
h = importlib.util.module_from_spec(spec)
spec.loader.exec_module(h)

import poplib
import re
import shutil
import smtplib
import subprocess

env = h.Env()
if not os.access(h.SMTPD, os.X_OK):
    h.skip("smtpd not built")
sport = env.serve(h.SMTPD)
pport = env.serve(h.POP3D)

SENT = [
    b"From: alice@example.net\r\nTo: krissyj@example.org\r\nSubject: dots\r\n"
    b"\r\n.\r\n..\r\n.leading dot\r\nend\r\n",
    b"From: alice@example.net\r\nSubject: big\r\n\r\n"
    + b"".join(b"%06d " % i + b"y" * 90 + b"\r\n" for i in range(3000)),
    b"From: alice@example.net\r\nSubject: 8bit\r\n\r\n"
    + "Grüße aus Köln\r\n".encode("utf-8") * 10,
]
with smtplib.SMTP("127.0.0.1", sport, local_hostname="client.example.net",
                  timeout=20) as s:
    for i, m in enumerate(SENT):
        s.sendmail("alice@example.net", ["krissyj@example.org"], m,
                   mail_options=["BODY=8BITMIME"] if i == 2 else [])

TRACE = re.compile(rb"Return-Path: <alice@example\.net>\r\n"
                   rb"Received: [^\r\n]*\r\n(?:[ \t][^\r\n]*\r\n)*")


def strip_trace(fetched, what):
    m = TRACE.match(fetched)
    h.check(m is not None, "%s: no trace headers: %r" % (what, fetched[:200]))
    return fetched[m.end():]


p = poplib.POP3("127.0.0.1", pport, timeout=20)
p.user(h.USER)
p.pass_(h.PASSWORD)
_, listing, _ = p.list()
h.check(len(listing) == len(SENT), "LIST %r" % listing)
fetched = []
for i, sent in enumerate(SENT):
    _, lines, octets = p.retr(i + 1)
    got = b"".join(l + b"\r\n" for l in lines)
    h.check(int(listing[i].split()[1]) == len(got) == octets,
            "message %d: LIST %r, fetched %d" % (i + 1, listing[i], len(got)))
    h.check(strip_trace(got, "poplib %d" % (i + 1)) == sent,
            "poplib: message %d differs from what was sent" % (i + 1))
    fetched.append(got)
p.quit()
print("poplib: %d octets sent, %d fetched with %d of trace headers" % (
    sum(map(len, SENT)), sum(map(len, fetched)),
    sum(map(len, fetched)) - sum(map(len, SENT))))

if shutil.which("curl"):
    for i in range(len(SENT)):
        r = subprocess.run(["curl", "-sS", "--max-time", "20", "-u",
                            "%s:%s" % (h.USER, h.PASSWORD),
                            "pop3://127.0.0.1:%d/%d" % (pport, i + 1)],
                           capture_output=True, timeout=30)
        h.check(r.returncode == 0, "curl: %s" % r.stderr.decode())
        h.check(r.stdout == fetched[i], "curl: message %d differs" % (i + 1))
else:
    print("curl not installed: not tried")

if shutil.which("mpop"):
    out = os.path.join(env.dir, "fetched")
    for sub in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(out, sub))
    conf = os.path.join(env.dir, "mpoprc")
    with open(conf, "w") as f:
        f.write("account test\nhost 127.0.0.1\nport %d\ntls off\n"
                "auth user\nuser %s\npasswordeval echo '%s'\n"
                "delivery maildir %s\nuidls_file %s/uidls\n"
                "received_header off\nkeep off\n"
                % (pport, h.USER, h.PASSWORD, out, env.dir))
    os.chmod(conf, 0o600)
    r = subprocess.run(["mpop", "-C", conf, "-q", "-a"], capture_output=True,
                       timeout=60)
    h.check(r.returncode == 0, "mpop: %s%s" % (r.stdout.decode(),
                                              r.stderr.decode()))
    files = [open(os.path.join(out, "new", n), "rb").read()
             for n in os.listdir(os.path.join(out, "new"))]
    want = [f.replace(b"\r\n", b"\n") for f in fetched]
    h.check(sorted(files) == sorted(want), "mpop: fetched files differ")
    h.check(env.files("new") == [] and env.files("cur") == [],
            "mpop (keep off) left %r %r" % (env.files("new"),
                                             env.files("cur")))
else:
    print("mpop not installed: not tried")
print("PASS")
