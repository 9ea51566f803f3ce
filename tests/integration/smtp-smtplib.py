"""smtp-smtplib.py: Python's smtplib sends real messages to smtpd on
127.0.0.1, under systemd-socket-activate both inetd-style (--inetd) and
systemd-style (fd 3); each Maildir is checked afterwards: the message as
sent (LF ends, dot-unstuffed, 8-bit intact) after Return-Path and a
Received header naming the peer by its address literal.
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
import smtplib

BODY = (b"From: sender@example.net\r\nTo: alice@example.org\r\n"
        b"Subject: caf\xc3\xa9\r\n\r\n"
        b".leading dot (smtplib stuffs it)\r\n"
        b"8-bit: \xe9t\xe9 \x80\xff\r\n" + b"L" * 3000 + b"\r\n")
STORED = BODY.replace(b"\r\n", b"\n")


def send_one(port, env, n_before):
    s = smtplib.SMTP("127.0.0.1", port, local_hostname=h.HELO, timeout=10)
    code, text = s.ehlo()
    h.check(code == 250, "EHLO: %d" % code)
    for ext in ("pipelining", "size", "8bitmime", "enhancedstatuscodes"):
        h.check(s.has_extn(ext), "EHLO lacks %s: %r" % (ext, text))
    h.check(s.esmtp_features["size"] == "10240000", "SIZE value")
    refused = s.sendmail("sender@example.net",
                         ["alice@example.org", "bob@example.org"], BODY,
                         mail_options=["BODY=8BITMIME"])
    h.check(refused == {}, "refused: %r" % refused)
    # One refused recipient of two: smtplib reports it, the other gets it.
    refused = s.sendmail("sender@example.net",
                         ["nobody@example.org", "alice@example.org"],
                         b"Subject: second\r\n\r\nhi\r\n")
    h.check(list(refused) == ["nobody@example.org"] and
            refused["nobody@example.org"][0] == 550, "refused: %r" % refused)
    try:
        s.sendmail("sender@example.net", ["elsewhere@remote.example"], b"x")
        h.fail("relaying was allowed")
    except smtplib.SMTPRecipientsRefused as e:
        code, text = e.recipients["elsewhere@remote.example"]
        h.check(code == 554 and text.startswith(b"5.7.1 "),
                "relay: %d %r" % (code, text))
    h.check(s.quit()[0] == 221, "QUIT")
    msgs = env.messages("alice")
    h.check(len(msgs) == n_before + 2, "alice has %d" % len(msgs))
    return msgs


def check_stored(data, peer_re):
    lines = data.split(b"\n")
    h.check(lines[0] == b"Return-Path: <sender@example.net>",
            "Return-Path: %r" % lines[0])
    h.check(re.fullmatch(
        b"Received: from client\\.example\\.net \\(" + peer_re + b"\\)",
        lines[1]) is not None, "Received: %r" % lines[1])
    h.check(lines[2].startswith(b"\tby mx.example.org with ESMTP id "),
            "by: %r" % lines[2])
    h.check(b"\r" not in data, "CR stored")
    return data[data.index(b"\nFrom: ") + 1:]


def main():
    env = h.Env(users=(("alice", "secret"), ("bob", "secret")))
    total = 0
    for mode in h.MODES:
        port = env.serve(mode)
        msgs = send_one(port, env, total)
        total = len(msgs)
        first = [m for m in msgs if b"Subject: caf" in m][-1]
        h.check(check_stored(first, b"\\[127\\.0\\.0\\.1\\]") == STORED,
                "%s: stored message differs" % mode)
    bob = env.messages("bob")
    h.check(len(bob) == 2, "bob has %d" % len(bob))
    h.check(all(b"\tfor <" not in m for m in bob),
            "two recipients, yet a for clause")
    h.check(env.files("tmp", "alice") == [], "tmp/ not empty")
    print("PASS: smtplib delivered in both modes")


main()
