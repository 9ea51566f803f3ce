"""benchfix.py: fixtures and launchers for bench/run.

Makes the temporary tree the benchmark runs in (configuration, a user file
with yescrypt hashes as an administrator's would have, Maildirs of given
shapes), starts programs under systemd-socket-activate on 127.0.0.1, and
runs the load client, parsing its key=value result line.
"""

import ctypes
import os
import socket
import subprocess
import time

# The filler accounts of the user file share one hash: parsing cost is what
# they are for, and hashing 10,000 yescrypt passwords would take minutes.
PASSWORD = "bench-pw-7"


def _libcrypt():
    lib = ctypes.CDLL("libcrypt.so.1")
    lib.crypt_gensalt.restype = ctypes.c_char_p
    lib.crypt_gensalt.argtypes = [ctypes.c_char_p, ctypes.c_ulong,
                                  ctypes.c_char_p, ctypes.c_int]
    lib.crypt.restype = ctypes.c_char_p
    lib.crypt.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    return lib


def make_hash(prefix, password=PASSWORD):
    """A crypt(3) hash with libxcrypt's default cost for prefix ($y$, $6$)."""
    lib = _libcrypt()
    salt = lib.crypt_gensalt(prefix.encode(), 0, None, 0)
    out = lib.crypt(password.encode(), salt) if salt else None
    if not out or out.startswith(b"*"):
        raise RuntimeError("libcrypt cannot make a %s hash" % prefix)
    return out.decode()


def make_maildir(path):
    for sub in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(path, sub), mode=0o700, exist_ok=True)


def clear_maildir(path):
    """Empties new/ and tmp/ between runs (outside any timing)."""
    for sub in ("new", "tmp"):
        d = os.path.join(path, sub)
        if os.path.isdir(d):
            for e in os.scandir(d):
                os.unlink(e.path)


def fill_maildir(path, count, size, first=0):
    """count messages of size octets (LF line ends) in new/, named as
    postern delivers them: <sec>.M<usec>P<pid>Q<n>.<host>,S=<s>,W=<w>, with
    increasing delivery times. One line in each starts with a dot."""
    make_maildir(path)
    base = int(time.time()) - count - 10
    for i in range(first, first + count):
        head = ("Return-Path: <sender@example.org>\n"
                "Received: from bench by bench.example.org; bench\n"
                "From: <sender@example.org>\nSubject: message %d\n\n"
                ".a line starting with a dot\n" % i)
        if size <= len(head):
            raise ValueError("message size %d too small" % size)
        body, left = [], size - len(head)
        while left > 0:
            # 72-octet lines; the last one takes the rest (< 144 octets).
            n = 72 if left >= 144 else left
            body.append("x" * (n - 1) + "\n")
            left -= n
        text = (head + "".join(body)).encode()
        crlf = len(text) + text.count(b"\n")
        name = "%d.M%06dP%dQ%d.bench.example.org,S=%d,W=%d" % (
            base + i, i % 1000000, os.getpid(), i + 1, len(text), crlf)
        with open(os.path.join(path, "new", name), "wb") as f:
            f.write(text)


def fill_big(path, size):
    """One message of about size octets, written in chunks."""
    make_maildir(path)
    line = b"y" * 77 + b"\n"
    head = b"From: <sender@example.org>\nSubject: big\n\n"
    lines = (size - len(head)) // len(line)
    total = len(head) + lines * len(line)
    crlf = total + head.count(b"\n") + lines
    name = "%d.M000001P%dQ1.bench.example.org,S=%d,W=%d" % (
        int(time.time()) - 5, os.getpid(), total, crlf)
    with open(os.path.join(path, "new", name), "wb") as f:
        f.write(head)
        chunk = line * 1024
        for _ in range(lines // 1024):
            f.write(chunk)
        f.write(line * (lines % 1024))


def write_users(path, accounts, fillers, filler_hash):
    """The user file: fillers first (a lookup reads past them), then the
    bench accounts, each (login, hash, maildir or None)."""
    with open(path, "w") as f:
        f.write("# postern bench user file\n")
        for i in range(fillers):
            f.write("filler%05d@example.org:%s\n" % (i, filler_hash))
        for login, h, md in accounts:
            f.write("%s:%s%s\n" % (login, h, ":" + md if md else ""))
    os.chmod(path, 0o600)


def make_tree(T, accounts, drops=True, big=True):
    """The bench's world in directory T: postern.conf, the user file (the
    bench accounts after `accounts` fillers, yescrypt hashes at libxcrypt's
    default cost, one $6$ account), mail/ (mail_root), floor-smtp/ (the
    durable floor's Maildir) and drops/{2k,20k,empty,big}."""
    def path(*p):
        return os.path.join(T, *p)
    os.makedirs(path("mail"), exist_ok=True)
    with open(path("postern.conf"), "w") as f:
        f.write("hostname = bench.example.org\n"
                "local_domains = example.org\n"
                "users_file = %s\nmail_root = %s\n"
                "auth_failure_delay = 0\n"
                "message_size_limit = 104857600\n"
                % (path("users"), path("mail")))
    yes, sha = make_hash("$y$"), make_hash("$6$")
    write_users(path("users"), [
        ("bench", yes, None),
        ("drop2k", yes, path("drops", "2k")),
        ("drop20k", yes, path("drops", "20k")),
        ("empty", yes, path("drops", "empty")),
        ("big", yes, path("drops", "big")),
        ("big6", sha, path("drops", "big")),
    ], accounts, yes)
    make_maildir(path("floor-smtp"))
    make_maildir(path("drops", "empty"))
    if drops:
        fill_maildir(path("drops", "2k"), 2000, 10 * 1024)
        fill_maildir(path("drops", "20k"), 20000, 1024)
    if big:
        fill_big(path("drops", "big"), 50 * 1024 * 1024)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port):
    """True when /proc/net/tcp shows 127.0.0.1:port in LISTEN (state 0A):
    looking, unlike connecting, starts no session."""
    want = "0100007F:%04X" % port
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            if fields[1] == want and fields[3] == "0A":
                return True
    return False


class Launcher:
    """systemd-socket-activate -a --inetd -l 127.0.0.1:PORT cmd..."""

    def __init__(self, name, cmd, logdir):
        self.name = name
        self.port = free_port()
        self.log = open(os.path.join(logdir, name + ".log"), "ab")
        self.proc = subprocess.Popen(
            ["systemd-socket-activate", "-a", "--inetd",
             "-l", "127.0.0.1:%d" % self.port] + list(cmd),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=self.log)
        for _ in range(500):
            if _listening(self.port):
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.01)
        self.stop()
        raise RuntimeError("%s: launcher did not start" % name)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def run_load(load, mode, port, *args, timeout=600):
    """Runs the load client; returns its result line as a dict."""
    cmd = [load, mode, "-p", str(port)] + [str(a) for a in args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s %s" % (
            " ".join(cmd), p.returncode, p.stdout.strip(),
            p.stderr.strip()[-600:]))
    out = {}
    for tok in p.stdout.split():
        k, _, v = tok.partition("=")
        try:
            out[k] = float(v)
        except ValueError:
            out[k] = v
    return out
