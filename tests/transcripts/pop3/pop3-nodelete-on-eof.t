# A session that ends without QUIT (here the client hangs up) never enters
# UPDATE (RFC 1939 section 6): nothing is deleted, nothing moves to cur/.
%program pop3d
%user krissyj Xiu$78g
%message krissyj
Subject: one

%end
%message krissyj
Subject: two

%end
%exit 1

C: USER krissyj
C: PASS Xiu$78g
C: RETR 1
C: DELE 1
C: DELE 2
S~ \+OK .*
S: +OK send PASS
S: +OK maildrop has 2 messages (32 octets)
S: +OK 16 octets
S: Subject: one
S:
S: .
S: +OK message 1 deleted
S: +OK message 2 deleted
%check test "$(ls mail/krissyj/new | wc -l)" = 2
%check test "$(ls mail/krissyj/cur | wc -l)" = 0
