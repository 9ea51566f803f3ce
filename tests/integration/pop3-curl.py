"""pop3-curl.py: curl's POP3 client against pop3d on 127.0.0.1: LIST,
RETR (the bytes fetched are the message with CRLF), UIDL and DELE, with
curl's SASL logins: its default choice, LOGIN, and PLAIN with an initial
response. (curl takes USER/PASS only from servers without SASL; mpop and
poplib use them.)
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

import shutil
import subprocess

if shutil.which("curl") is None:
    h.skip("curl not installed")
env = h.Env()
m1 = b"Subject: one\n\n.dot line\nbody\n"
m2 = b"Subject: two\n\n" + bytes(range(0x20, 0x7f)) * 40 + b"\n"
n1 = env.put(m1, when=1700000001)
n2 = env.put(m2, when=1700000002)
port = env.serve(h.POP3D)
url = "pop3://127.0.0.1:%d/" % port


def curl(*args):
    r = subprocess.run(["curl", "-sS", "--max-time", "20", "-u",
                        "%s:%s" % (h.USER, h.PASSWORD)] + list(args),
                       capture_output=True, timeout=30)
    h.check(r.returncode == 0, "curl %r: %d %s" % (args, r.returncode,
                                                  r.stderr.decode()))
    return r.stdout


crlf = lambda m: m.replace(b"\n", b"\r\n")
for login in ([], ["--login-options", "AUTH=LOGIN"],
              ["--login-options", "AUTH=PLAIN", "--sasl-ir"]):
    out = curl(*login, url)
    h.check(out == b"1 %d\r\n2 %d\r\n" % (len(crlf(m1)), len(crlf(m2))),
            "LIST %r with %r" % (out, login))
    h.check(curl(*login, url + "1") == crlf(m1), "RETR 1 with %r" % login)
    h.check(curl(*login, url + "2") == crlf(m2), "RETR 2 with %r" % login)
out = curl("-X", "UIDL", url)
h.check(out == ("1 %s\r\n2 %s\r\n" % (n1, n2)).encode(), "UIDL %r" % out)
curl("-X", "DELE", "-I", url + "1")
# Both were read (moved to cur/, seen); message 1 is gone.
h.check(env.files("new") == [], "new/ after DELE: %r" % env.files("new"))
h.check(env.files("cur") == [n2 + ":2,S"], "cur/ %r" % env.files("cur"))
print("PASS")
