# RETR dot-stuffs every line that starts with '.' (RFC 1939 section 3),
# including a lone '.', and turns LF into CRLF; the size is before stuffing.
%program pop3d
%user krissyj Xiu$78g
%message krissyj
Subject: dots

.
..
.leading
middle . dot
...
%end

C: USER krissyj
C: PASS Xiu$78g
C: LIST 1
C: RETR 1
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: +OK maildrop has 1 messages (53 octets)
S: +OK 1 53
S: +OK 53 octets
S: Subject: dots
S:
S: ..
S: ...
S: ..leading
S: middle . dot
S: ....
S: .
S: +OK bye, 0 messages deleted
%check test "$(ls mail/krissyj/cur | wc -l)" = 1
