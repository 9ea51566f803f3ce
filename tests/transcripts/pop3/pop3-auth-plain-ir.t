# AUTH PLAIN with an initial response (RFC 5034 section 4) logs in at once.
%program pop3d
%user krissyj Xiu$78g

C: AUTH PLAIN AGtyaXNzeWoAWGl1JDc4Zw==
C: QUIT
S~ \+OK .*
S: +OK maildrop has 0 messages (0 octets)
S: +OK bye, 0 messages deleted
