"""smtp-swaks.py: swaks (Debian package swaks) sends real messages to smtpd
on 127.0.0.1, in inetd and fd 3 modes: plain, pipelined (--pipeline), and
authenticated with --auth PLAIN and --auth LOGIN, one of them relayed
through relay_command; the Maildir and the relay's record are checked.
Every run names --helo and --server by address: no DNS.
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


def swaks(port, *extra):
    args = ["swaks", "--server", "127.0.0.1:%d" % port, "--helo", h.HELO,
            "--from", "weldon@example.org", "--timeout", "10",
            "--header", "Subject: swaks test"] + list(extra)
    r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=60)
    out = r.stdout.decode("latin-1")
    h.check(r.returncode == 0, "swaks %r failed (%d):\n%s"
            % (extra, r.returncode, out))
    h.check("<-  250 2.0.0 Ok: queued as " in out, "no 250 queued:\n" + out)
    return out


def main():
    if shutil.which("swaks") is None:
        h.skip("swaks not installed")
    env = h.Env(users=(("weldon", "w3ld0n"), ("alice", "secret")),
                config={"relay_command": h.RECORDER})
    runs = 0
    for mode in h.MODES:
        port = env.serve(mode, env={"RELAY_RECORD_DIR": env.relay})
        swaks(port, "--to", "alice@example.org", "--body", "plain run")
        swaks(port, "--to", "alice@example.org", "--pipeline",
              "--body", "pipelined run")
        out = swaks(port, "--to", "alice@example.org",
                    "--auth", "PLAIN", "--auth-user", "weldon",
                    "--auth-password", "w3ld0n", "--body", "auth plain")
        h.check("<-  235 2.7.0 Authentication successful" in out, out)
        out = swaks(port, "--to", "alice@example.org,far@remote.example",
                    "--auth", "LOGIN", "--auth-user", "weldon",
                    "--auth-password", "w3ld0n", "--body", "auth login")
        h.check("<-  334 VXNlcm5hbWU6" in out and
                "<-  334 UGFzc3dvcmQ6" in out, out)
        runs += 1
        with open(os.path.join(env.relay, "argv.%d" % runs)) as f:
            h.check(f.read() == "-i\n-f\nweldon@example.org\n--\n"
                    "far@remote.example\n", "relay argv")
    msgs = env.messages("alice")
    h.check(len(msgs) == 8, "alice has %d" % len(msgs))
    for body in (b"plain run", b"pipelined run", b"auth plain",
                 b"auth login"):
        h.check(sum(b"\n\n" + body + b"\n" in m for m in msgs) == 2,
                "%r not stored twice" % body)
    h.check(sum(b" with ESMTPA id " in m for m in msgs) == 4, "ESMTPA")
    h.check(env.files("tmp") == [], "tmp/ not empty")
    print("PASS: swaks plain, pipelined, AUTH PLAIN and LOGIN")


main()
