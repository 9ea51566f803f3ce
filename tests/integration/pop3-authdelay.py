"""pop3-authdelay.py: failed logins over TCP. With auth_failure_delay = 1
the first failure answers after a second and the second after two; the
limit closes the session. With no delay, an unknown login costs about what
a wrong password costs (the user file check hashes a dummy), so timing
does not tell which logins exist.
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

import statistics
import time

env = h.Env(config={"auth_failure_delay": "1", "auth_failure_limit": "2"})
port = env.serve(h.POP3D)
c = h.Raw(port)
c.line()
waits = []
for expect in ("-ERR [AUTH] authentication failed",
               "-ERR [AUTH] authentication failed, closing"):
    c.cmd("USER " + h.USER)
    t = time.monotonic()
    r = c.cmd("PASS wrong")
    waits.append(time.monotonic() - t)
    h.check(r == expect, "reply %r" % r)
h.check(c.line() is None, "closed at auth_failure_limit")
c.close()
h.check(1.0 <= waits[0] < 1.9 and 2.0 <= waits[1] < 2.9,
        "delays %r, expected about 1 s then 2 s" % waits)

env2 = h.Env(config={"auth_failure_limit": "100"})
port = env2.serve(h.POP3D)
c = h.Raw(port)
c.line()


def timed(user):
    c.cmd("USER " + user)
    t = time.monotonic()
    r = c.cmd("PASS wrong")
    h.check(r == "-ERR [AUTH] authentication failed", "reply %r" % r)
    return time.monotonic() - t


wrong = [timed(h.USER) for _ in range(15)]
unknown = [timed("nobody%d" % i) for i in range(15)]
mw, mu = statistics.median(wrong), statistics.median(unknown)
print("median PASS: wrong password %.2f ms, unknown user %.2f ms"
      % (mw * 1000, mu * 1000))
h.check(mu > 0.5 * mw, "an unknown user answers faster than a wrong password")
c.cmd("QUIT")
c.close()
print("PASS")
