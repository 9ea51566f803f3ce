"""smtp-curl.py: curl's SMTP client sends mail to smtpd on 127.0.0.1, in
inetd and fd 3 modes: anonymously, and with --user over AUTH PLAIN and
AUTH LOGIN (--login-options), one message relayed; the Maildir and the
relay's record are checked. The HELO name is given in the URL; no DNS.
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


def curl(env, port, body, rcpts, *extra):
    msg = os.path.join(env.dir, "msg.txt")
    with open(msg, "wb") as f:
        f.write(b"From: weldon@example.org\r\nSubject: curl\r\n\r\n" +
                body + b"\r\n.dot-stuffed by curl\r\n")
    args = ["curl", "-sS", "--max-time", "20",
            "smtp://127.0.0.1:%d/%s" % (port, h.HELO),
            "--mail-from", "weldon@example.org", "--upload-file", msg]
    for r in rcpts:
        args += ["--mail-rcpt", r]
    r = subprocess.run(args + list(extra), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=60)
    h.check(r.returncode == 0, "curl %r failed (%d): %s"
            % (extra, r.returncode, r.stdout.decode("latin-1")))


def main():
    if shutil.which("curl") is None:
        h.skip("curl not installed")
    env = h.Env(users=(("weldon", "w3ld0n"), ("alice", "secret")),
                config={"relay_command": h.RECORDER})
    runs = 0
    for mode in h.MODES:
        port = env.serve(mode, env={"RELAY_RECORD_DIR": env.relay})
        curl(env, port, b"anonymous", ["alice@example.org"])
        curl(env, port, b"auth plain", ["alice@example.org"],
             "--user", "weldon:w3ld0n", "--login-options", "AUTH=PLAIN")
        curl(env, port, b"auth login",
             ["alice@example.org", "far@remote.example"],
             "--user", "weldon:w3ld0n", "--login-options", "AUTH=LOGIN")
        runs += 1
        with open(os.path.join(env.relay, "argv.%d" % runs)) as f:
            h.check(f.read() == "-i\n-f\nweldon@example.org\n--\n"
                    "far@remote.example\n", "relay argv")
        with open(os.path.join(env.relay, "stdin.%d" % runs), "rb") as f:
            h.check(f.read().endswith(b"\n\nauth login\n.dot-stuffed by "
                                      b"curl\n"), "relayed message")
    msgs = env.messages("alice")
    h.check(len(msgs) == 6, "alice has %d" % len(msgs))
    for body in (b"anonymous", b"auth plain", b"auth login"):
        want = b"\n\n" + body + b"\n.dot-stuffed by curl\n"
        h.check(sum(m.endswith(want) for m in msgs) == 2,
                "%r not stored twice" % body)
    h.check(sum(b" with ESMTPA id " in m for m in msgs) == 4, "ESMTPA")
    log = env.log_text()
    h.check(log.count("event=auth mech=PLAIN result=ok") == 2 and
            log.count("event=auth mech=LOGIN result=ok") == 2,
            "mechanisms used:\n" + log)
    print("PASS: curl anonymous, AUTH PLAIN and LOGIN, relay")


main()
