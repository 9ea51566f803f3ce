"""smtp-helper.py: shared by the smtp-*.py integration tests (loaded, not run).

Makes a temporary directory with postern.conf, a user file and a mail root,
serves smtpd on 127.0.0.1 under systemd-socket-activate, either inetd-style
(--inetd: the connection on stdin/stdout) or systemd-style (fd 3), and
stops whatever it started. Exit 77 means skip, as automake reads it.
"""

import atexit
import importlib.util
import os
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
HELO = "client.example.net"  # given to every client: no DNS lookups

B = os.environ.get("top_builddir", os.getcwd())
S = os.environ.get("top_srcdir",
                   os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", ".."))
SMTPD = os.path.join(B, "src", "smtpd", "smtpd")
RECORDER = os.path.join(S, "tests", "integration", "relay-recorder")
MODES = ("inetd", "fd3")


class Env:
    """A temporary directory with a configuration, users and servers."""

    def __init__(self, config=None, users=(("alice", "secret"),)):
        if not os.access(SMTPD, os.X_OK):
            skip("smtpd not built")
        if shutil.which("systemd-socket-activate") is None:
            skip("systemd-socket-activate not installed")
        self.dir = tempfile.mkdtemp(prefix="postern-smtp.")
        self.mail = os.path.join(self.dir, "mail")
        self.relay = os.path.join(self.dir, "relay")
        os.mkdir(self.mail)
        os.mkdir(self.relay)
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

    def maildir(self, login="alice"):
        return os.path.join(self.mail, login)

    def files(self, sub="new", login="alice"):
        try:
            return sorted(os.listdir(os.path.join(self.maildir(login), sub)))
        except FileNotFoundError:
            return []

    def messages(self, login="alice"):
        """The contents of login's new/ messages, oldest name first."""
        out = []
        for name in self.files("new", login):
            with open(os.path.join(self.maildir(login), "new", name),
                      "rb") as f:
                out.append(f.read())
        return out

    def serve(self, mode="inetd", env=None, listen=None):
        """Serves smtpd (mode "inetd" or "fd3"); returns the port."""
        port = free_port()
        addr = listen or "127.0.0.1:%d" % port
        log = os.path.join(self.dir, "smtpd.%s.%d.log" % (mode, port))
        args = ["systemd-socket-activate", "-a", "-l", addr]
        if mode == "inetd":
            args.append("--inetd")
        for k, v in (env or {}).items():
            args += ["-E", "%s=%s" % (k, v)]
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if k in os.environ:
                args += ["-E", "%s=%s" % (k, os.environ[k])]
        args += [SMTPD, "-c", self.conf]
        errf = open(log, "wb")
        p = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=errf,
                             start_new_session=True)
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

    def log_text(self):
        text = ""
        for log in self.logs:
            with open(log, "rb") as f:
                text += f.read().decode("latin-1")
        return text

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
        text = self.log_text()
        if text.strip():
            print("--- smtpd logs\n" + text)
        self.logs = []
        if os.environ.get("KEEP_TEST_DIR"):
            print("kept " + self.dir)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)


class Raw:
    """A line-level SMTP client, for what smtplib cannot say."""

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

    def reply(self):
        """All lines of one (possibly multi-line) reply."""
        lines = []
        while True:
            s = self.line()
            if s is None:
                return lines
            lines.append(s)
            if len(s) < 4 or s[3] != "-":
                return lines

    def send(self, data):
        self.sock.sendall(data if isinstance(data, bytes)
                          else data.encode("latin-1"))

    def cmd(self, text):
        self.send(text + "\r\n")
        return self.reply()

    def close(self):
        self.f.close()
        self.sock.close()


def wait_for(cond, seconds=5):
    """Polls cond() until true or the time is up; returns its last value."""
    deadline = time.time() + seconds
    while True:
        v = cond()
        if v or time.time() > deadline:
            return v
        time.sleep(0.05)
