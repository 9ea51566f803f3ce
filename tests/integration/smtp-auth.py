"""smtp-auth.py: SMTP AUTH (RFC 4954) with Python's smtplib on 127.0.0.1, in
inetd and fd 3 modes: login() with PLAIN and with LOGIN sends mail that
arrives; a wrong password is 535 5.7.8; relayed mail reaches relay_command
(tests/integration/relay-recorder) with the right envelope; where loopback
does not count as local (loopback_is_local = no) AUTH is not offered and
is refused with 538 5.7.11; auth_failure_delay grows with each failure.
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

import smtplib
import time

USERS = (("weldon", "w3ld0n"), ("alice", "secret"))


def login_and_send(port, mech, n):
    s = smtplib.SMTP("127.0.0.1", port, local_hostname=h.HELO, timeout=10)
    s.ehlo()
    h.check(s.has_extn("auth") and
            set(s.esmtp_features["auth"].split()) == {"PLAIN", "LOGIN"},
            "AUTH not offered: %r" % s.esmtp_features)
    s.user, s.password = "weldon", "w3ld0n"
    auth = {"PLAIN": s.auth_plain, "LOGIN": s.auth_login}[mech]
    # initial_response_ok=False makes smtplib wait for the 334 prompt.
    code, text = s.auth(mech, auth, initial_response_ok=(n % 2 == 0))
    h.check(code == 235 and text == b"2.7.0 Authentication successful",
            "%s: %d %r" % (mech, code, text))
    s.sendmail("weldon@example.org",
               ["alice@example.org", "friend%d@remote.example" % n],
               b"Subject: via %s\r\n\r\nhello\r\n" % mech.encode())
    s.quit()


def wrong_password(port):
    s = smtplib.SMTP("127.0.0.1", port, local_hostname=h.HELO, timeout=10)
    try:
        s.login("weldon", "wrong")
        h.fail("a wrong password was accepted")
    except smtplib.SMTPAuthenticationError as e:
        h.check(e.smtp_code == 535 and e.smtp_error.startswith(b"5.7.8 "),
                "wrong password: %d %r" % (e.smtp_code, e.smtp_error))
    s.quit()


def not_local(env):
    port = env.serve("inetd")
    s = smtplib.SMTP("127.0.0.1", port, local_hostname=h.HELO, timeout=10)
    s.ehlo()
    h.check(not s.has_extn("auth"), "AUTH offered to a non-local peer")
    code, text = s.docmd("AUTH", "PLAIN AHdlbGRvbgB3M2xkMG4=")
    h.check(code == 538 and text.startswith(b"5.7.11 "),
            "AUTH not local: %d %r" % (code, text))
    s.quit()


def delays():
    """auth_failure_delay = 1: the first failure waits 1 s, the second 2 s
    (it grows with each failure), the third ends the session with 421."""
    env = h.Env(users=USERS, config={"auth_failure_delay": "1"})
    c = h.Raw(env.serve("fd3"))
    c.reply()
    c.cmd("EHLO client.example.net")
    took = []
    for _ in range(2):
        t0 = time.time()
        got = c.cmd("AUTH PLAIN AHdlbGRvbgB3cm9uZw==")
        took.append(time.time() - t0)
        h.check(got == ["535 5.7.8 Authentication credentials invalid"],
                "delayed failure: %r" % got)
    h.check(0.9 < took[0] < 1.8 and 1.9 < took[1] < 2.8,
            "delays %.2f s, %.2f s" % tuple(took))
    got = c.cmd("AUTH PLAIN AHdlbGRvbgB3M2xkMG4=")
    h.check(got == ["235 2.7.0 Authentication successful"], "%r" % got)
    c.close()


def main():
    env = h.Env(users=USERS,
                config={"relay_command": h.RECORDER})
    renv = {"RELAY_RECORD_DIR": env.relay}
    n = 0
    for mode in h.MODES:
        port = env.serve(mode, env=renv)
        for mech in ("PLAIN", "LOGIN"):
            n += 1
            login_and_send(port, mech, n)
        wrong_password(port)
    msgs = env.messages("alice")
    h.check(len(msgs) == n, "alice has %d of %d" % (len(msgs), n))
    h.check(all(b"\tby mx.example.org with ESMTPA id " in m for m in msgs),
            "not ESMTPA")
    for i in range(1, n + 1):
        with open(os.path.join(env.relay, "argv.%d" % i)) as f:
            argv = f.read().split("\n")[:-1]
        h.check(argv == ["-i", "-f", "weldon@example.org", "--",
                         "friend%d@remote.example" % i], "argv: %r" % argv)
        with open(os.path.join(env.relay, "stdin.%d" % i), "rb") as f:
            data = f.read()
        h.check(data.startswith(b"Received: from client.example.net ("
                                b"[127.0.0.1])\n"), "relayed: %r" % data)
        h.check(data.endswith(b"\nhello\n") and b"\r" not in data,
                "relayed body: %r" % data)
    h.check(not os.path.exists(os.path.join(env.relay, "argv.%d" % (n + 1))),
            "relay ran too often")
    h.check("w3ld0n" not in env.log_text() and
            "dzNsZDBu" not in env.log_text(), "password in the log")
    env2 = h.Env(users=USERS, config={"loopback_is_local": "no"})
    not_local(env2)
    delays()
    print("PASS: AUTH PLAIN/LOGIN with smtplib, relay, 535, 538")


main()
