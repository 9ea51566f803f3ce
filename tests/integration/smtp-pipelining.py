"""smtp-pipelining.py: PIPELINING (RFC 2920) answers a burst in one write.

smtpd is served on a SOCK_SEQPACKET Unix socket (systemd-socket-activate
--seqpacket), where every write(2) or send(2) of the server arrives as one
record: so counting records counts the server's writes. The burst
MAIL/RCPT/RCPT/DATA, sent as one record, must be answered by exactly one
record holding all four replies, and the message with QUIT behind it by
one record with 250 and 221. Then the same burst over TCP on 127.0.0.1
(inetd and fd 3 modes) for the order of the replies.
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

import re
import socket
import subprocess
import time

BURST = ("MAIL FROM:<a@example.net>\r\nRCPT TO:<alice@example.org>\r\n"
         "RCPT TO:<nobody@example.org>\r\nDATA\r\n")
BURST_REPLIES = ["250 2.1.0 Ok", "250 2.1.5 Ok",
                 "550 5.1.1 <nobody@example.org>: No such user here",
                 "354 End data with <CR><LF>.<CR><LF>"]
MESSAGE = "Subject: burst\r\n\r\nbody\r\n.\r\nQUIT\r\n"


def record(sock):
    data = sock.recv(65536)
    h.check(data.endswith(b"\r\n"), "record not whole lines: %r" % data)
    return data.decode("latin-1").split("\r\n")[:-1]


def main():
    env = h.Env()
    path = os.path.join(env.dir, "smtpd.sock")
    # Only inetd mode: sd_listen_fds() passes stream sockets alone, and
    # smtpd refuses anything else on fd 3.
    for mode in ("inetd",):
        serve_seqpacket(env, path, mode)
        s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        s.settimeout(10)
        s.connect(path)
        greeting = record(s)
        h.check(len(greeting) == 1 and greeting[0].startswith("220 "),
                "greeting: %r" % greeting)
        s.send(b"EHLO client.example.net\r\n")
        ehlo = record(s)
        h.check("250-PIPELINING" in ehlo, "EHLO: %r" % ehlo)
        s.send(BURST.encode())
        got = record(s)
        h.check(got == BURST_REPLIES,
                "%s: burst answered in one write? got %r" % (mode, got))
        s.send(MESSAGE.encode())
        got = record(s)
        h.check(len(got) == 2 and re.fullmatch(
            r"250 2\.0\.0 Ok: queued as [0-9A-Za-z]+", got[0]) and
            got[1] == "221 2.0.0 Bye", "%s: end answered: %r" % (mode, got))
        s.close()
        stop_last(env)
    h.check(len(env.messages()) == 1, "messages: %d" % len(env.messages()))
    for mode in h.MODES:
        port = env.serve(mode)
        c = h.Raw(port)
        h.check(c.reply()[0].startswith("220 "), "greeting")
        h.check(c.cmd("EHLO client.example.net")[-1].startswith("250 "),
                "EHLO")
        c.send(BURST)
        got = [c.reply()[0] for _ in BURST_REPLIES]
        h.check(got == BURST_REPLIES, "%s TCP burst: %r" % (mode, got))
        c.send(MESSAGE)
        h.check(c.reply()[0].startswith("250 2.0.0 Ok: queued as "), "end")
        h.check(c.reply() == ["221 2.0.0 Bye"], "QUIT")
        c.close()
    h.check(len(env.messages()) == 3, "messages: %d" % len(env.messages()))
    print("PASS: pipelined bursts answered in one write, in order")


def serve_seqpacket(env, path, mode):
    """systemd-socket-activate on a SOCK_SEQPACKET Unix socket."""
    log = os.path.join(env.dir, "smtpd.seqpacket.%s.log" % mode)
    args = ["systemd-socket-activate", "-a", "--seqpacket", "-l", path]
    if mode == "inetd":
        args.append("--inetd")
    for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        if k in os.environ:
            args += ["-E", "%s=%s" % (k, os.environ[k])]
    args += [h.SMTPD, "-c", env.conf]
    errf = open(log, "wb")
    p = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=errf,
                         start_new_session=True)
    errf.close()
    env.procs.append(p)
    env.logs.append(log)
    h.check(h.wait_for(lambda: os.path.exists(path) or p.poll() is not None,
                       10) and p.poll() is None,
            "systemd-socket-activate --seqpacket did not start")


def stop_last(env):
    p = env.procs[-1]
    # Let the session finish its log before the listener goes.
    time.sleep(0.2)
    p.terminate()
    p.wait()
    path = os.path.join(env.dir, "smtpd.sock")
    if os.path.exists(path):
        os.unlink(path)


main()
