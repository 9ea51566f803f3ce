# Commands of the other state are unknown (RFC 1939 sections 4, 5), as is
# an empty line; at error_limit protocol errors the session closes, saying
# so in the one reply of the command that reached the limit.
%program pop3d
%config error_limit = 5
%user krissyj Xiu$78g
%exit 1

C: STAT
C: NOOP
C: USER krissyj
C: PASS Xiu$78g
C: USER krissyj
C: PASS Xiu$78g
C:
C: LISTX
C: NOOP
C: QUIT
S~ \+OK .*
S: -ERR unknown command
S: -ERR unknown command
S: +OK send PASS
S: +OK maildrop has 0 messages (0 octets)
S: -ERR unknown command
S: -ERR unknown command
S: -ERR unknown command (too many errors, closing)
