# STAT and LIST (RFC 1939 section 5): sizes are the octets RETR sends with
# CRLF line ends; deleted messages drop out of both; LIST n for one.
%program pop3d
%user krissyj Xiu$78g
%message krissyj
From: a@example.net
Subject: one

line one
line two
%end
%message krissyj
Subject: two

short
%end
%message krissyj
Subject: three

x
y
z
%end

C: USER krissyj
C: PASS Xiu$78g
C: STAT
C: LIST
C: LIST 2
C: DELE 2
C: STAT
C: LIST
C: LIST 2
C: LIST 3
C: list 4
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: +OK maildrop has 3 messages (107 octets)
S: +OK 3 107
S: +OK 3 messages (107 octets)
S: 1 57
S: 2 23
S: 3 27
S: .
S: +OK 2 23
S: +OK message 2 deleted
S: +OK 2 84
S: +OK 2 messages (84 octets)
S: 1 57
S: 3 27
S: .
S: -ERR message 2 already deleted
S: +OK 3 27
S: -ERR no such message
S: +OK bye, 1 messages deleted
%check test "$(ls mail/krissyj/new | wc -l)" = 2
