# A user file with a bad line makes every login a temporary failure
# ([SYS/TEMP], RFC 3206), not an authentication failure.
%program pop3d
%user krissyj Xiu$78g
%userline this line has no colon

C: USER krissyj
C: PASS Xiu$78g
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: -ERR [SYS/TEMP] user database unavailable, try again later
S: +OK bye
