#!/usr/bin/env python3
"""measure-smtpd-auth-timing.py: does a failed AUTH tell an unknown login
from a known one? (issue 4). With auth_failure_delay = 0, times TRIES failed
AUTH PLAIN exchanges for an unknown login and TRIES for a known login with
a wrong password, interleaved in one session over a pipe (so scheduling
noise hits both alike), and prints both medians side by side. The user
file holds yescrypt ($y$) hashes, libxcrypt's default, and 50 accounts.
Not part of make check.
Usage: tests/measure-smtpd-auth-timing.py [BUILDDIR] [TRIES]
"""

import base64
import ctypes
import ctypes.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

B = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("top_builddir", ".")
TRIES = int(sys.argv[2]) if len(sys.argv) > 2 else 50
SMTPD = os.path.join(B, "src", "smtpd", "smtpd")


def yescrypt(password):
    lib = ctypes.CDLL(ctypes.util.find_library("crypt") or "libcrypt.so.1")
    lib.crypt_gensalt.restype = ctypes.c_char_p
    lib.crypt_gensalt.argtypes = [ctypes.c_char_p, ctypes.c_ulong,
                                  ctypes.c_char_p, ctypes.c_int]
    lib.crypt.restype = ctypes.c_char_p
    lib.crypt.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    setting = lib.crypt_gensalt(b"$y$", 0, None, 0)
    return lib.crypt(password.encode(), setting).decode()


def plain(login, password):
    return base64.b64encode(b"\0" + login.encode() + b"\0" +
                            password.encode()).decode()


BATCH = 20


def session(d, tries, unknown, wrong):
    """One smtpd session timing an unknown and a wrong AUTH per try."""
    p = subprocess.Popen([SMTPD, "-c", os.path.join(d, "postern.conf")],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)

    def cmd(line):
        p.stdin.write(line.encode() + b"\r\n")
        p.stdin.flush()
        return p.stdout.readline()
    p.stdout.readline()
    cmd("HELO client.example.net")
    for i in tries:
        for kind, login in (("unknown", "nobody%02d" % i),
                            ("wrong", "user%02d" % (i % 50))):
            line = "AUTH PLAIN " + plain(login, "not-the-password")
            t0 = time.perf_counter()
            reply = cmd(line)
            dt = time.perf_counter() - t0
            if not reply.startswith(b"535 5.7.8"):
                sys.exit("unexpected reply %r" % reply)
            (unknown if kind == "unknown" else wrong).append(dt)
    cmd("QUIT")
    p.wait()


def main():
    if not os.access(SMTPD, os.X_OK):
        sys.exit("no %s: build first" % SMTPD)
    d = tempfile.mkdtemp(prefix="measure-auth.")
    try:
        with open(os.path.join(d, "users"), "w") as f:
            for i in range(50):
                f.write("user%02d:%s\n" % (i, yescrypt("pw%d" % i)))
        with open(os.path.join(d, "postern.conf"), "w") as f:
            f.write("hostname = mx.example.org\nlocal_domains = example.org\n"
                    "users_file = %s/users\nmail_root = %s\n"
                    "auth_failure_delay = 0\nauth_failure_limit = 100\n"
                    "error_limit = 1000\n" % (d, d))
        unknown, wrong = [], []
        # smtpd closes a session after 100 commands that move no mail (the
        # flood bound), failed AUTHs included: a new session every BATCH.
        for start in range(0, TRIES, BATCH):
            session(d, range(start, min(start + BATCH, TRIES)), unknown,
                    wrong)
    finally:
        shutil.rmtree(d, ignore_errors=True)
    mu, mw = statistics.median(unknown), statistics.median(wrong)
    print("failed AUTH PLAIN, %d tries each, auth_failure_delay = 0:" % TRIES)
    print("  unknown login:           median %8.3f ms (min %.3f, max %.3f)"
          % (mu * 1e3, min(unknown) * 1e3, max(unknown) * 1e3))
    print("  known login, wrong pass: median %8.3f ms (min %.3f, max %.3f)"
          % (mw * 1e3, min(wrong) * 1e3, max(wrong) * 1e3))
    print("  difference: %.1f%% of the larger" %
          (abs(mu - mw) / max(mu, mw) * 100))


main()
