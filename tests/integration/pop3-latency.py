"""pop3-latency.py: every reply leaves in one piece. A status line written
apart from its body meets Nagle's algorithm and the client's delayed ACK
on TCP, some 40 ms per RETR; poplib, which waits for each reply, shows it.
The median RETR and LIST over loopback must stay far below that.
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

import poplib
import statistics
import time

env = h.Env()
for i in range(40):
    env.put(b"Subject: %d\n\n" % i + b"line of text\n" * 150,
            when=1700000000 + i)
port = env.serve(h.POP3D)

p = poplib.POP3("127.0.0.1", port, timeout=10)
p.user(h.USER)
p.pass_(h.PASSWORD)
times = []
for i in range(40):
    t = time.monotonic()
    p.retr(i + 1)
    p.list(i + 1)
    times.append(time.monotonic() - t)
p.quit()
median = statistics.median(times)
print("median RETR+LIST: %.1f ms, max %.1f ms" % (median * 1000,
                                                  max(times) * 1000))
h.check(median < 0.02, "median %.1f ms: replies are split across writes"
        % (median * 1000))
print("PASS")
