"""log-helper.py: shared by the log-*.sh tests (loaded by them, not run
by make check). Runs smtpd and pop3d sessions the way inetd, systemd and a
shell pipe start them, with datagram listeners bound by the test itself
where journald (/run/systemd/journal/socket) and syslog (/dev/log) listen,
and reads back what arrived. The listeners need a private mount namespace:
the .sh tests run their Python inside "unshare -m" (or -rm).
"""

import fcntl
import importlib.util
import os
import re
import socket
import struct
import subprocess
import sys
import threading

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
_spec = importlib.util.spec_from_file_location(
    "testlib", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "testlib.py"))
_t = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_t)
SKIP, fail, check, crypt6 = _t.SKIP, _t.fail, _t.check, _t.crypt_sha512

B = os.environ.get("top_builddir", os.getcwd())
SMTPD = os.path.join(B, "src", "smtpd", "smtpd")
POP3D = os.path.join(B, "src", "pop3d", "pop3d")
JOURNAL = "/run/systemd/journal/socket"
PASSWORD = "Pw-n0t-in-logs"
BODY = "body-text-never-logged"


def setup(T):
    """postern.conf, a user file with alice, a mail root, in directory T."""
    os.makedirs(os.path.join(T, "mail"), exist_ok=True)
    with open(os.path.join(T, "users"), "w") as f:
        f.write("alice:%s\n" % crypt6(PASSWORD))
    conf = os.path.join(T, "postern.conf")
    with open(conf, "w") as f:
        f.write("hostname = mx.example.org\nlocal_domains = example.org\n"
                "users_file = %s/users\nmail_root = %s/mail\n"
                "auth_failure_delay = 0\n" % (T, T))
    return conf


def sh(*cmd):
    subprocess.run(cmd, check=True)


def mount_run():
    """An empty /run/systemd/journal on a tmpfs of our own."""
    sh("mount", "--make-rprivate", "/")
    top = "/run/systemd" if os.path.isdir("/run/systemd") else "/run"
    sh("mount", "-t", "tmpfs", "tmpfs", top)
    os.makedirs("/run/systemd/journal", exist_ok=True)


def mount_dev(T):
    """A tmpfs /dev holding the few nodes a session may open, so that
    /dev/log can be bound here. The nodes are bound one by one, never a
    directory of the real /dev, so removing T can never reach it."""
    sh("mount", "--make-rprivate", "/")
    nd = os.path.join(T, "dev")
    os.makedirs(nd, exist_ok=True)
    sh("mount", "-t", "tmpfs", "tmpfs", nd)
    for n in ("null", "zero", "full", "random", "urandom"):
        if not os.path.exists("/dev/" + n):
            continue
        open(os.path.join(nd, n), "w").close()
        sh("mount", "--bind", "/dev/" + n, os.path.join(nd, n))
    os.symlink("/proc/self/fd", os.path.join(nd, "fd"))
    sh("mount", "--rbind", nd, "/dev")


def hide_libsystemd(T):
    """An empty file over libsystemd.so.0, as if it were not installed."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True,
                         text=True).stdout
    m = re.search(r"^\s*libsystemd\.so\.0 \(.*x86-64.*\) => (\S+)$", out,
                  re.M) or re.search(r"^\s*libsystemd\.so\.0 .*=> (\S+)$",
                                     out, re.M)
    if m is None:
        print("SKIP: ldconfig names no libsystemd.so.0")
        sys.exit(SKIP)
    empty = os.path.join(T, "empty.so")
    open(empty, "w").close()
    sh("mount", "--bind", empty, os.path.realpath(m.group(1)))


class Listener:
    """A datagram socket bound at path; keeps every datagram it gets."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(path)
        self.sock.setblocking(False)

    def take(self):
        out = []
        while True:
            try:
                out.append(self.sock.recv(1 << 20))
            except BlockingIOError:
                return out


def journal_entry(d):
    """Fields of one native-protocol datagram: KEY=value lines, or KEY,
    newline, 64-bit little-endian length, value, newline."""
    f, i = {}, 0
    while i < len(d):
        nl = d.index(b"\n", i)
        line = d[i:nl]
        if b"=" in line:
            k, v = line.split(b"=", 1)
            i = nl + 1
        else:
            n = struct.unpack("<Q", d[nl + 1:nl + 9])[0]
            k, v = line, d[nl + 9:nl + 9 + n]
            i = nl + 9 + n + 1
        f.setdefault(k.decode(), []).append(v.decode("utf-8", "replace"))
    return f


SYSLOG = re.compile(r"^<(\d+)>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d "
                    r"(\w+)\[(\d+)\]: (.*)$", re.S)


def syslog_line(d):
    """(priority, ident, pid, message) of a datagram syslog(3) sent."""
    m = SYSLOG.match(d.decode("utf-8", "replace"))
    check(m is not None, "not a syslog datagram: %r" % d)
    return int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)


def smtp_lines(helo="client.example.net"):
    return [b"EHLO " + helo.encode(), b"MAIL FROM:<bob@example.net>",
            b"RCPT TO:<alice@example.org>", b"DATA",
            b"Subject: hi\r\n\r\n" + BODY.encode() + b"\r\n.", b"QUIT"]


def pop3_lines(password=PASSWORD):
    return [b"USER alice", b"PASS " + password.encode(), b"STAT",
            b"RETR 1", b"DELE 1", b"QUIT"]


def tcp_pair():
    """Both ends of a TCP connection over 127.0.0.1: (server, client)."""
    lsn = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsn.bind(("127.0.0.1", 0))
    lsn.listen(1)
    cli = socket.create_connection(lsn.getsockname(), timeout=30)
    srv, _ = lsn.accept()
    lsn.close()
    return srv, cli


def chat(cli, lines, smtp):
    """Sends each line after the previous reply; returns all that came."""
    f = cli.makefile("rb")
    got = []

    def reply():
        while True:
            line = f.readline()
            got.append(line)
            if not line or not smtp or line[3:4] != b"-":
                return line

    def body():
        while True:
            line = f.readline()
            got.append(line)
            if line in (b".\r\n", b""):
                return

    reply()
    for x in lines:
        cli.sendall(x + b"\r\n")
        first = reply()
        if not smtp and x.startswith(b"RETR") and first.startswith(b"+OK"):
            body()
    got.append(f.read())
    return b"".join(got)


def serve(argv, fds, env, cli, lines, smtp):
    """Starts argv with fds {target: fd, or None to close it}, talks lines
    over cli, and returns (status, all the client received, pid)."""
    def child():
        # Out of the way first, so that no target overwrites a source.
        high = {t: (fcntl.fcntl(fd, fcntl.F_DUPFD, 100) if fd is not None
                    else None) for t, fd in fds.items()}
        for target, fd in high.items():
            if fd is None:
                os.close(target)
            else:
                os.dup2(fd, target)
    p = subprocess.Popen(argv, preexec_fn=child, env=env,
                         pass_fds=tuple(t for t in fds if t > 2))
    got = [b""]
    t = threading.Thread(target=lambda: got.__setitem__(
        0, chat(cli, lines, smtp)))
    t.start()
    for fd in set(fds.values()):
        if fd is not None:
            os.close(fd)
    rc = p.wait(timeout=60)
    t.join(60)
    cli.close()
    return rc, got[0], p.pid


def stream_stderr():
    """A stream socket standing for journald's stdout stream: (fd for the
    program, our end, JOURNAL_STREAM naming the program's fd)."""
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    st = os.fstat(a.fileno())
    return a.detach(), b, "%d:%d" % (st.st_dev, st.st_ino)


def nothing_on(sock, what):
    """Our end of fd 2 after the program exited: EOF, no octet."""
    sock.settimeout(5)
    data = sock.recv(4096)
    check(data == b"", "%s got log output: %r" % (what, data))


def base_env(T, extra, ld=True):
    """The environment of a session: no systemd variables but extra's,
    and (ld) the loader's list of the objects it loads, in T/ld.PID. Not
    with a closed fd 2: the loader's file would take that fd."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("JOURNAL_STREAM", "SYSTEMD_EXEC_PID", "LISTEN_FDS",
                        "LISTEN_PID", "INVOCATION_ID", "LD_DEBUG",
                        "LD_DEBUG_OUTPUT")}
    if ld:
        env.update(LD_DEBUG="files", LD_DEBUG_OUTPUT=os.path.join(T, "ld"))
    env.update(extra)
    return env


def loaded(T, pid):
    """How libsystemd came into process pid: None, or the loader's line."""
    try:
        with open(os.path.join(T, "ld.%d" % pid)) as f:
            for line in f:
                if "file=libsystemd.so.0" in line:
                    return line.strip()
    except FileNotFoundError:
        fail("no loader output for pid %d" % pid)
    return None


def ld_pids(T):
    return sorted(int(n[3:]) for n in os.listdir(T) if n.startswith("ld."))


def clear_ld(T):
    for n in os.listdir(T):
        if n.startswith("ld."):
            os.unlink(os.path.join(T, n))
