"""smtp-timeout.py: smtpd_timeout bounds every read (421 4.4.2, RFC 5321
4.5.3.2), in the middle of DATA too; a client that times out or drops the
connection in the middle of DATA leaves no file in tmp/ or new/. Served
on 127.0.0.1 in both inetd and fd 3 modes.
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

import time


def start(port):
    c = h.Raw(port)
    h.check(c.reply()[0].startswith("220 "), "greeting")
    return c


def into_data(c):
    h.check(c.cmd("HELO client.example.net")[0].startswith("250 "), "HELO")
    h.check(c.cmd("MAIL FROM:<a@example.net>")[0].startswith("250 "), "MAIL")
    h.check(c.cmd("RCPT TO:<alice@example.org>")[0].startswith("250 "),
            "RCPT")
    h.check(c.cmd("DATA")[0].startswith("354 "), "DATA")
    c.send("Subject: half a message\r\n\r\nand then nothing")


def idle(port):
    c = start(port)
    t0 = time.time()
    got = c.reply()
    took = time.time() - t0
    h.check(got == ["421 4.4.2 Timeout exceeded"], "idle: %r" % got)
    h.check(0.5 < took < 5, "idle timeout after %.1fs" % took)
    h.check(c.line() is None, "connection not closed after 421")
    c.close()


def silent_in_data(env, port):
    c = start(port)
    into_data(c)
    got = c.reply()
    h.check(got == ["421 4.4.2 Timeout exceeded"], "DATA: %r" % got)
    c.close()


def dropped_in_data(env, port):
    c = start(port)
    into_data(c)
    c.close()


def main():
    env = h.Env(config={"smtpd_timeout": "1"})
    for mode in h.MODES:
        port = env.serve(mode)
        idle(port)
        silent_in_data(env, port)
        dropped_in_data(env, port)
        # The session of the dropped client ends by itself; wait for it.
        h.check(h.wait_for(lambda: env.log_text().count("event=disconnect")
                           == 3 * (h.MODES.index(mode) + 1)),
                "sessions did not end")
        h.check(env.files("tmp") == [], "%s: tmp/ left: %r"
                % (mode, env.files("tmp")))
        h.check(env.files("new") == [], "%s: delivered: %r"
                % (mode, env.files("new")))
    print("PASS: timeouts and drops leave nothing behind")


main()
