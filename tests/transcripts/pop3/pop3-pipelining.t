# PIPELINING (RFC 2449 section 6.6): the whole session arrives in one
# burst, some lines with bare LF, and every reply comes back in order.
%program pop3d
%user krissyj Xiu$78g
%message krissyj
Subject: one

.
%end
%message krissyj
Subject: two

%end

C= USER krissyj\r\nPASS Xiu$78g\r\nSTAT\nLIST\r\nUIDL 2\nRETR 1\r\nTOP 2 0\r\nDELE 1\nNOOP\r\nSTAT\r\nQUIT\r\nSTAT\r\n
S~ \+OK .*
S: +OK send PASS
S: +OK maildrop has 2 messages (35 octets)
S: +OK 2 35
S: +OK 2 messages (35 octets)
S: 1 19
S: 2 16
S: .
S~ \+OK 2 1700000001\.M000001P[0-9]+\.transcript,S=14,W=16
S: +OK 19 octets
S: Subject: one
S:
S: ..
S: .
S: +OK top of message follows
S: Subject: two
S:
S: .
S: +OK message 1 deleted
S: +OK
S: +OK 1 16
S: +OK bye, 1 messages deleted
%check test "$(ls mail/krissyj/new mail/krissyj/cur | grep -c transcript)" = 1
