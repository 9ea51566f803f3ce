# TOP n m (RFC 1939 section 7): the header, the blank line and m body
# lines, dot-stuffed; m larger than the body sends it all; a message
# without a body sends its header. TOP does not mark the message read,
# and its status line announces no size: that is RETR's, not the part
# TOP sends.
%program pop3d
%user krissyj Xiu$78g
%message krissyj
From: a@example.net
Subject: top

body 1
.body 2
body 3
%end
%message krissyj
Subject: no body
%end

C: USER krissyj
C: PASS Xiu$78g
C: TOP 1 0
C: TOP 1 2
C: top 1 99999999999999999999999
C: TOP 2 1
C: TOP 1
C: TOP 1 x
C: TOP 1 -1
C: TOP 3 0
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: +OK maildrop has 2 messages (80 octets)
S: +OK top of message follows
S: From: a@example.net
S: Subject: top
S:
S: .
S: +OK top of message follows
S: From: a@example.net
S: Subject: top
S:
S: body 1
S: ..body 2
S: .
S: +OK top of message follows
S: From: a@example.net
S: Subject: top
S:
S: body 1
S: ..body 2
S: body 3
S: .
S: +OK top of message follows
S: Subject: no body
S: .
S: -ERR TOP needs a message and a number of lines
S: -ERR invalid number of lines
S: -ERR invalid number of lines
S: -ERR no such message
S: +OK bye, 0 messages deleted
%check test "$(ls mail/krissyj/new | wc -l)" = 2
%check test "$(ls mail/krissyj/cur | wc -l)" = 0
