# A login whose Maildir does not exist yet (no mail delivered) sees an
# empty maildrop, and pop3d creates nothing.
%program pop3d
%user krissyj Xiu$78g

C: USER krissyj
C: PASS Xiu$78g
C: STAT
C: LIST
C: UIDL
C: RETR 1
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: +OK maildrop has 0 messages (0 octets)
S: +OK 0 0
S: +OK 0 messages (0 octets)
S: .
S: +OK unique-id listing follows
S: .
S: -ERR no such message
S: +OK bye, 0 messages deleted
%check test ! -e mail/krissyj
