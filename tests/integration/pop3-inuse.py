"""pop3-inuse.py: two concurrent sessions on one maildrop over TCP. The
second one's otherwise good PASS and AUTH get -ERR [IN-USE] (RFC 2449
8.1.1) and it stays in AUTHORIZATION; once the first quits, it logs in.
A session killed in the middle leaves no stale lock behind.
"""

import importlib.util
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
spec = importlib.util.spec_from_file_location(
    "pop3helper", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               "pop3-helper.py"))
h = importlib.util.module_from_spec(spec)
spec.loader.exec_module(h)

import signal
import time

env = h.Env()
env.put(b"Subject: one\n\nbody\n")
port = env.serve(h.POP3D)

a = h.Raw(port)
h.check(a.line().startswith("+OK"), "greeting A")
h.check(a.cmd("USER " + h.USER) == "+OK send PASS", "USER A")
h.check(a.cmd("PASS " + h.PASSWORD).startswith("+OK maildrop has 1"), "PASS A")

b = h.Raw(port)
h.check(b.line().startswith("+OK"), "greeting B")
b.cmd("USER " + h.USER)
r = b.cmd("PASS " + h.PASSWORD)
h.check(r.startswith("-ERR [IN-USE]"), "PASS B while A is in: %r" % r)
r = b.cmd("AUTH PLAIN AGtyaXNzeWoAWGl1JDc4Zw==")
h.check(r.startswith("-ERR [IN-USE]"), "AUTH B while A is in: %r" % r)
h.check(b.cmd("STAT") == "-ERR unknown command", "B stays in AUTHORIZATION")

h.check(a.cmd("QUIT").startswith("+OK"), "QUIT A")
h.check(a.line() is None, "A closed after QUIT")
a.close()
b.cmd("USER " + h.USER)
r = b.cmd("PASS " + h.PASSWORD)
h.check(r.startswith("+OK maildrop has 1"), "PASS B after A quit: %r" % r)

# B's process dies without QUIT (SIGKILL): the kernel drops its lock.
pids = [l.split()[-1].rstrip(".") for l in open(env.logs[0])
        if l.startswith("Spawned")]
os.kill(int(pids[-1]), signal.SIGKILL)
h.check(b.line() is None, "B's connection closed")
b.close()
c = h.Raw(port)
c.line()
c.cmd("USER " + h.USER)
r = c.cmd("PASS " + h.PASSWORD)
h.check(r.startswith("+OK maildrop has 1"), "after a killed session: %r" % r)
c.cmd("QUIT")
c.close()
print("PASS")
