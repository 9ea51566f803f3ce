"""pop3-mpop.py: mpop, a real mail fetcher, downloads a maildrop from pop3d
on 127.0.0.1 (TLS off, no DNS: the host is an address) into a Maildir,
once with USER/PASS keeping the mail and once with SASL PLAIN deleting
it. Each fetched file holds exactly the bytes of the delivered one.
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

if shutil.which("mpop") is None:
    h.skip("mpop not installed (Debian package mpop)")
env = h.Env()
msgs = [b"Subject: one\n\n.dot line\n..\nbody\n",
        b"Subject: two\n\n" + b"\xe4\xf6\xfc 8-bit\n" * 500,
        b"Subject: three\n\nno final line end"]
for i, m in enumerate(msgs):
    env.put(m, when=1700000000 + i)
port = env.serve(h.POP3D)


def fetch(auth, keep):
    """Runs mpop into a fresh Maildir; returns the fetched files' bytes."""
    out = os.path.join(env.dir, "fetched-" + auth)
    for s in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(out, s))
    conf = os.path.join(env.dir, "mpoprc-" + auth)
    with open(conf, "w") as f:
        f.write("account test\nhost 127.0.0.1\nport %d\ntimeout 20\n"
                "tls off\nauth %s\nuser %s\npasswordeval echo '%s'\n"
                "delivery maildir %s\nuidls_file %s/uidls-%s\n"
                "received_header off\nkeep %s\n"
                % (port, auth, h.USER, h.PASSWORD, out, env.dir, auth,
                   "on" if keep else "off"))
    os.chmod(conf, 0o600)
    r = subprocess.run(["mpop", "-C", conf, "-q", "-a"],
                       capture_output=True, timeout=60)
    h.check(r.returncode == 0, "mpop (%s): %d %s%s" % (
        auth, r.returncode, r.stdout.decode(), r.stderr.decode()))
    names = sorted(os.listdir(os.path.join(out, "new")))
    return [open(os.path.join(out, "new", n), "rb").read() for n in names]


# mpop stores with LF ends, so the files must match byte for byte; the last
# message lacked its final LF, which POP3 has to supply.
want = msgs[:2] + [msgs[2] + b"\n"]
got = fetch("user", keep=True)
h.check(sorted(got) == sorted(want), "fetched %r" % got)
h.check(len(env.files("new")) + len(env.files("cur")) == 3, "kept")
got = fetch("plain", keep=False)
h.check(sorted(got) == sorted(want), "fetched again %r" % got)
h.check(env.files("new") == [] and env.files("cur") == [], "deleted")
print("PASS")
