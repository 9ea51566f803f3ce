# UPDATE (RFC 1939 section 6) at QUIT: deleted messages are unlinked, a
# message read with RETR moves from new/ to cur/ with ":2,S", one already
# in cur/ keeps its name and flags (another reader owns those), and
# untouched messages stay put.
%program pop3d
%user krissyj Xiu$78g
%message krissyj
Subject: read me

%end
%message krissyj
Subject: delete me

%end
%message krissyj
Subject: leave me

%end
%setup printf 'Subject: flagged\n\n' > mail/krissyj/cur/1700000100.M9P9.host:2,FT

C: USER krissyj
C: PASS Xiu$78g
C: RETR 1
C: DELE 2
C: TOP 3 0
C: RETR 4
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: +OK maildrop has 4 messages (83 octets)
S: +OK 20 octets
S: Subject: read me
S:
S: .
S: +OK message 2 deleted
S: +OK top of message follows
S: Subject: leave me
S:
S: .
S: +OK 20 octets
S: Subject: flagged
S:
S: .
S: +OK bye, 1 messages deleted
%check ls mail/krissyj/cur | grep -q '^1700000000\.M000000P[0-9]*\.transcript,S=18,W=20:2,S$'
%check ! ls mail/krissyj/new mail/krissyj/cur | grep -q '^1700000001\.'
%check ls mail/krissyj/new | grep -q '^1700000002\..*transcript,S=19,W=21$'
%check test -f mail/krissyj/cur/1700000100.M9P9.host:2,FT
%check test "$(ls mail/krissyj/new mail/krissyj/cur | grep -c 1700000)" = 3
