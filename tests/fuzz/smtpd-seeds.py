"""smtpd-seeds.py OUTDIR TRANSCRIPTDIR: turns the client side of each SMTP
transcript (C:, C< and C= lines) into seed inputs for smtpd_fuzz: byte 0
is the read size (0: all at once, 7: seven octets per read), byte 1 the
configuration the transcript's %config lines come closest to.
"""
import glob
import hashlib
import os
import re
import sys

ESCAPES = {"r": b"\r", "n": b"\n", "t": b"\t", "\\": b"\\"}


def unescape(text):
    """C= lines: \\r \\n \\t \\\\ and \\xHH, as tests/README says."""
    out = bytearray()
    for m in re.finditer(r"\\x([0-9a-fA-F]{2})|\\(.)|(.)", text, re.S):
        if m.group(1):
            out.append(int(m.group(1), 16))
        elif m.group(2) is not None:
            out += ESCAPES.get(m.group(2), ("\\" + m.group(2)).encode())
        else:
            out += m.group(3).encode("utf-8", "surrogateescape")
    return bytes(out)


def config_index(line):
    """The smtpd_fuzz.c configuration closest to a %config line, or 0."""
    if "strict_rfc821_envelopes" in line and "yes" in line:
        return 1
    if "normalize" in line:
        return 2
    if "relay_command" in line:
        return 3
    return 0


def main(outdir, tdir):
    os.makedirs(outdir, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(tdir, "*.t"))):
        body, cfg = b"", 0
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            for line in f:
                line = line.rstrip("\n")
                text = line[3:].encode("utf-8", "surrogateescape")
                if line.startswith("C: ") or line == "C:":
                    body += text + b"\r\n"
                elif line.startswith("C< "):
                    body += text + b"\n"
                elif line.startswith("C= "):
                    body += unescape(line[3:])
                elif line.startswith("%config"):
                    cfg = config_index(line) or cfg
        for chunk in (0, 7):
            data = bytes([chunk, cfg]) + body
            name = hashlib.sha1(data).hexdigest()
            with open(os.path.join(outdir, name), "wb") as f:
                f.write(data)


main(sys.argv[1], sys.argv[2])
