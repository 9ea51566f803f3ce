"""pop3-poplib.py: Python's poplib against pop3d on 127.0.0.1 under
systemd-socket-activate: CAPA, STAT, LIST, UIDL, TOP, RETR (dot-stuffed
lines and sizes exact), DELE and QUIT, APOP refused; then a second session
sees the deletions, the read message in cur/ with ":2,S", and the same
UIDLs after another program changed a message's flags; and the same
server takes its connection on fd 3 (systemd Accept=yes) too.
"""

import importlib.util
import os
import poplib
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
spec = importlib.util.spec_from_file_location(
    "pop3helper", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               "pop3-helper.py"))
h = importlib.util.module_from_spec(spec)
spec.loader.exec_module(h)

MESSAGES = [
    b"From: a@example.net\nSubject: one\n\nfirst\n.dot line\n..two dots\n",
    b"From: b@example.net\nSubject: two\n\n" + b"x" * 998 + b"\n" * 3,
    b"From: c@example.net\nSubject: three\n\n\xe4\xf6\xfc 8-bit\n.\n",
]

env = h.Env()
base = 1700000000
names = [env.put(m, when=base + i) for i, m in enumerate(MESSAGES)]
port = env.serve(h.POP3D)

p = poplib.POP3("127.0.0.1", port, timeout=10)
h.check(p.getwelcome().startswith(b"+OK"), "greeting")
caps = p.capa()
for cap in ("TOP", "UIDL", "USER", "SASL", "RESP-CODES", "PIPELINING",
            "AUTH-RESP-CODE"):
    h.check(cap in caps, "CAPA lacks %s: %r" % (cap, caps))
h.check(caps["SASL"] == ["PLAIN", "LOGIN"], "SASL %r" % caps["SASL"])
try:
    p.apop(h.USER, h.PASSWORD)
    h.fail("APOP accepted (the user file holds one-way hashes)")
except poplib.error_proto:
    pass
p.user(h.USER)
p.pass_(h.PASSWORD)

count, octets = p.stat()
h.check(count == 3, "STAT count %d" % count)
sizes = [len(m) + m.count(b"\n") for m in MESSAGES]
h.check(octets == sum(sizes), "STAT octets %d != %d" % (octets, sum(sizes)))
_, listing, _ = p.list()
h.check(listing == [b"%d %d" % (i + 1, s) for i, s in enumerate(sizes)],
        "LIST %r" % listing)
_, uidls, _ = p.uidl()
want = [b"%d %s" % (i + 1, n.encode()) for i, n in enumerate(names)]
h.check(uidls == want, "UIDL %r != %r" % (uidls, want))

for i, m in enumerate(MESSAGES):
    resp, lines, got = p.retr(i + 1)
    # poplib undoes the dot-stuffing and counts the octets after it,
    # CRLF included: what LIST promised.
    h.check(lines == m.split(b"\n")[:-1], "RETR %d lines %r" % (i + 1, lines))
    h.check(resp == b"+OK %d octets" % sizes[i], "RETR status %r" % resp)
    h.check(got == sizes[i], "RETR %d: %d octets, LIST said %d"
            % (i + 1, got, sizes[i]))

_, top, _ = p.top(1, 1)
h.check(top == [b"From: a@example.net", b"Subject: one", b"", b"first"],
        "TOP %r" % top)
p.dele(2)
try:
    p.retr(2)
    h.fail("RETR of a deleted message")
except poplib.error_proto as e:
    h.check(b"deleted" in e.args[0], "RETR deleted: %r" % e.args[0])
h.check(p.quit().startswith(b"+OK"), "QUIT")

h.check(env.files("new") == [], "new/ not empty: %r" % env.files("new"))
cur = env.files("cur")
h.check(cur == sorted([names[0] + ":2,S", names[2] + ":2,S"]),
        "cur/ %r" % cur)

# Another reader (an IMAP server) flags message 3 as replied.
os.rename(os.path.join(env.maildir(), "cur", names[2] + ":2,S"),
          os.path.join(env.maildir(), "cur", names[2] + ":2,RS"))
p = poplib.POP3("127.0.0.1", port, timeout=10)
p.user(h.USER)
p.pass_(h.PASSWORD)
_, uidls, _ = p.uidl()
h.check(uidls == [b"1 " + names[0].encode(), b"2 " + names[2].encode()],
        "UIDL after the move: %r" % uidls)
h.check(p.quit().startswith(b"+OK"), "QUIT 2")

# The connection on fd 3 (LISTEN_FDS=1), as systemd Accept=yes passes it.
p = poplib.POP3("127.0.0.1", env.serve(h.POP3D, inetd=False), timeout=10)
p.user(h.USER)
p.pass_(h.PASSWORD)
h.check(p.stat() == (2, sizes[0] + sizes[2]), "STAT on fd 3")
h.check(p.quit().startswith(b"+OK"), "QUIT on fd 3")
print("PASS")
