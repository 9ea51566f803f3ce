"""pop3-helper.py: shared by the pop3-*.py integration tests (loaded, not run).

Makes a temporary directory with postern.conf, a user file and a mail root,
serves pop3d (and smtpd) on 127.0.0.1 under systemd-socket-activate, and
cleans up whatever it started. Exit 77 means skip, as automake reads it.
"""

import atexit
import importlib.util
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
_spec = importlib.util.spec_from_file_location(
    "testlib", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "testlib.py"))
_t = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_t)
SKIP, skip, fail, check = _t.SKIP, _t.skip, _t.fail, _t.check
crypt_sha512, free_port = _t.crypt_sha512, _t.free_port
USER = "krissyj"
PASSWORD = "Xiu$78g"

B = os.environ.get("top_builddir", os.getcwd())
POP3D = os.path.join(B, "src", "pop3d", "pop3d")
SMTPD = os.path.join(B, "src", "smtpd", "smtpd")


class Env:
    """A temporary directory with a configuration, users and servers."""

    def __init__(self, config=None, users=((USER, PASSWORD),)):
        if not os.access(POP3D, os.X_OK):
            skip("pop3d not built")
        if shutil.which("systemd-socket-activate") is None:
            skip("systemd-socket-activate not installed")
        self.dir = tempfile.mkdtemp(prefix="postern-pop3.")
        self.mail = os.path.join(self.dir, "mail")
        os.mkdir(self.mail)
        self.procs = []
        self.logs = []
        atexit.register(self.cleanup)
        lines = {
            "hostname": "mx.example.org",
            "local_domains": "example.org",
            "users_file": os.path.join(self.dir, "users"),
            "mail_root": self.mail,
            "auth_failure_delay": "0",
        }
        lines.update(config or {})
        self.conf = os.path.join(self.dir, "postern.conf")
        with open(self.conf, "w") as f:
            for key, value in lines.items():
                f.write("%s = %s\n" % (key, value))
        with open(os.path.join(self.dir, "users"), "w") as f:
            for login, password in users:
                f.write("%s:%s\n" % (login, crypt_sha512(password)))

    def maildir(self, login=USER):
        return os.path.join(self.mail, login)

    def put(self, data, login=USER, when=None, sizes=True, sub="new"):
        """Delivers data (bytes, LF ends) as a file; returns its name."""
        md = self.maildir(login)
        for s in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(md, s), mode=0o700, exist_ok=True)
        when = when if when is not None else time.time()
        name = "%d.M%06dP%dQ%s.test" % (int(when), int(when * 1e6) % 1000000,
                                        os.getpid(), secrets.token_hex(4))
        if sizes:
            name += ",S=%d,W=%d" % (len(data), len(data) + data.count(b"\n"))
        with open(os.path.join(md, sub, name), "wb") as f:
            f.write(data)
        return name

    def files(self, sub, login=USER):
        try:
            return sorted(os.listdir(os.path.join(self.maildir(login), sub)))
        except FileNotFoundError:
            return []

    def serve(self, program, inetd=True):
        """Serves program on a fresh port; returns the port. inetd: the
        connection on stdin/stdout, else on fd 3 (systemd Accept=yes)."""
        if not os.access(program, os.X_OK):
            skip("%s not built" % program)
        port = free_port()
        log = os.path.join(self.dir, "%s.%d.log" % (
            os.path.basename(program), port))
        errf = open(log, "wb")
        p = subprocess.Popen(
            ["systemd-socket-activate", "-a"] + (["--inetd"] if inetd else [])
            + ["-l", "127.0.0.1:%d" % port, program, "-c", self.conf],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=errf, start_new_session=True)
        errf.close()
        self.procs.append(p)
        self.logs.append(log)
        deadline = time.time() + 10
        while time.time() < deadline:
            with open(log, "rb") as f:
                if b"Listening on" in f.read():
                    return port
            if p.poll() is not None:
                break
            time.sleep(0.05)
        fail("systemd-socket-activate did not start:\n" + open(log).read())

    def cleanup(self):
        for p in self.procs:
            if p.poll() is None:
                # Our own process group (start_new_session): the listener
                # and any session it spawned.
                os.killpg(p.pid, signal.SIGTERM)
                try:
                    p.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    os.killpg(p.pid, signal.SIGKILL)
                    p.wait()
        self.procs = []
        for log in self.logs:
            with open(log, "rb") as f:
                text = f.read().decode("latin-1")
            if text.strip():
                print("--- %s\n%s" % (os.path.basename(log), text))
        self.logs = []
        if os.environ.get("KEEP_TEST_DIR"):
            print("kept " + self.dir)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)


class Raw:
    """A line-level POP3 client, for what poplib cannot say."""

    def __init__(self, port, timeout=10):
        self.sock = socket.create_connection(("127.0.0.1", port),
                                             timeout=timeout)
        self.f = self.sock.makefile("rb")

    def line(self):
        s = self.f.readline()
        if not s:
            return None
        check(s.endswith(b"\r\n"), "line without CRLF: %r" % s)
        return s[:-2].decode("latin-1")

    def cmd(self, text):
        self.sock.sendall(text.encode("latin-1") + b"\r\n")
        return self.line()

    def close(self):
        self.f.close()
        self.sock.close()
