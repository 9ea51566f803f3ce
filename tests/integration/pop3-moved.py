"""pop3-moved.py: another Maildir reader works on the maildrop during a
session. A message it moves to cur/ with flags is still read and deleted
by its unique name; one it removes is an -ERR, not a crash; mail that
arrives during the session is not part of it and survives its UPDATE.
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

env = h.Env()
md = env.maildir()
n1 = env.put(b"Subject: one\n\nbody 1\n", when=1700000001)
n2 = env.put(b"Subject: two\n\nbody 2\n", when=1700000002)
n3 = env.put(b"Subject: three\n\nbody 3\n", when=1700000003)
port = env.serve(h.POP3D)

c = h.Raw(port)
c.line()
c.cmd("USER " + h.USER)
h.check(c.cmd("PASS " + h.PASSWORD).startswith("+OK maildrop has 3"), "login")
os.rename(os.path.join(md, "new", n1), os.path.join(md, "cur", n1 + ":2,FS"))
os.unlink(os.path.join(md, "new", n2))
arrived = env.put(b"Subject: new\n\nlate\n", when=1700000000)

h.check(c.cmd("RETR 1").startswith("+OK"), "RETR of a moved message")
body = []
while True:
    l = c.line()
    if l == ".":
        break
    body.append(l)
h.check(body == ["Subject: one", "", "body 1"], "moved message %r" % body)
r = c.cmd("RETR 2")
h.check(r.startswith("-ERR") and "gone" in r, "RETR of a removed one: %r" % r)
h.check(c.cmd("STAT") == "+OK 3 74", "STAT: the drop is fixed at login")
h.check(c.cmd("DELE 1").startswith("+OK"), "DELE 1")
h.check(c.cmd("DELE 2").startswith("+OK"), "DELE 2")
h.check(c.cmd("RETR 3").startswith("+OK"), "RETR 3")
while c.line() != ".":
    pass
# Renamed once more between RETR and QUIT.
os.rename(os.path.join(md, "new", n3), os.path.join(md, "new", n3 + ":2,"))
r = c.cmd("QUIT")
h.check(r == "+OK bye, 2 messages deleted", "QUIT %r" % r)
c.close()
h.check(env.files("new") == [arrived], "new/ %r" % env.files("new"))
h.check(env.files("cur") == [n3 + ":2,S"], "cur/ %r" % env.files("cur"))
print("PASS")
