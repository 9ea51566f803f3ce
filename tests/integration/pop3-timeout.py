"""pop3-timeout.py: pop3d_timeout ends an idle session (RFC 1939 section
3) with an -ERR and without UPDATE: the message marked with DELE stays,
and the one read stays in new/.
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

import time

env = h.Env(config={"pop3d_timeout": "1"})
env.put(b"Subject: one\n\nbody\n")
env.put(b"Subject: two\n\nbody\n")
port = env.serve(h.POP3D)

c = h.Raw(port)
c.line()
c.cmd("USER " + h.USER)
h.check(c.cmd("PASS " + h.PASSWORD).startswith("+OK"), "login")
h.check(c.cmd("DELE 1").startswith("+OK"), "DELE")
h.check(c.cmd("TOP 2 0").startswith("+OK"), "TOP")
while c.line() != ".":
    pass
start = time.time()
r = c.line()
waited = time.time() - start
h.check(r is not None and r.startswith("-ERR"), "timeout reply %r" % r)
h.check(0.8 <= waited < 5, "timed out after %.2fs" % waited)
h.check(c.line() is None, "connection closed after the timeout")
c.close()
time.sleep(0.2)
h.check(len(env.files("new")) == 2, "nothing deleted: %r" % env.files("new"))
print("PASS")
