"""testlib.py: what every Python integration test needs (loaded by
smtp-helper.py and pop3-helper.py, not run): the automake skip and fail
exits, $6$ hashes made by libcrypt itself, and a free loopback port.
"""

import ctypes
import ctypes.util
import secrets
import socket
import sys

SKIP = 77
SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def skip(why):
    print("SKIP: " + why)
    sys.exit(SKIP)


def fail(why):
    print("FAIL: " + why)
    sys.exit(1)


def check(cond, why):
    if not cond:
        fail(why)


def crypt_sha512(password):
    """A $6$ hash made by libcrypt itself (the crypt module is going away)."""
    lib = ctypes.CDLL(ctypes.util.find_library("crypt") or "libcrypt.so.1")
    lib.crypt.restype = ctypes.c_char_p
    lib.crypt.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    salt = "$6$" + "".join(secrets.choice(SALT_CHARS) for _ in range(16))
    out = lib.crypt(password.encode(), salt.encode())
    if not out or out.startswith(b"*"):
        fail("crypt(3) failed")
    return out.decode()


def free_port():
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
