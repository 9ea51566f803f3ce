# Message numbers (RFC 1939 section 3): zero, negative, past the end,
# overflowing 64 bits, not a number, or with extra words get -ERR, and
# nothing wraps around to a real message.
%program pop3d
%config error_limit = 20
%user krissyj Xiu$78g
%message krissyj
Subject: one

%end

C: USER krissyj
C: PASS Xiu$78g
C: RETR 0
C: RETR -1
C: RETR 99999999999999999999
C: RETR 18446744073709551617
C: RETR 4294967297
C: RETR abc
C: RETR 1x
C: RETR +1
C: RETR 1 2
C: RETR
C: LIST 0
C: UIDL -1
C: DELE 99999999999999999999
C: STAT 1
C: RETR 01
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: +OK maildrop has 1 messages (16 octets)
S: -ERR no such message
S: -ERR invalid message number
S: -ERR no such message
S: -ERR no such message
S: -ERR no such message
S: -ERR invalid message number
S: -ERR invalid message number
S: -ERR invalid message number
S: -ERR invalid message number
S: -ERR RETR needs an argument
S: -ERR no such message
S: -ERR invalid message number
S: -ERR no such message
S: -ERR STAT takes no argument
S: +OK 16 octets
S: Subject: one
S:
S: .
S: +OK bye, 0 messages deleted
%check test "$(ls mail/krissyj/new mail/krissyj/cur | grep -c transcript)" = 1
