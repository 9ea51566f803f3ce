# The seed POP3 conversation: user krissyj / pass Xiu$78g / list / retr 1 /
# dele 1 / retr 2 / dele 2 / quit, lower-case as a person would type it.
%program pop3d
%user krissyj Xiu$78g
%message krissyj
Return-Path: <alice@example.net>
Subject: first

Hello Krissy.
%end
%message krissyj
Return-Path: <bob@example.net>
Subject: second

.hidden dot
Bye.
%end

C: user krissyj
C: pass Xiu$78g
C: list
C: retr 1
C: dele 1
C: retr 2
C: dele 2
C: quit
S~ \+OK mx\.example\.org .*
S: +OK send PASS
S: +OK maildrop has 2 messages (137 octets)
S: +OK 2 messages (137 octets)
S: 1 67
S: 2 70
S: .
S: +OK 67 octets
S: Return-Path: <alice@example.net>
S: Subject: first
S:
S: Hello Krissy.
S: .
S: +OK message 1 deleted
S: +OK 70 octets
S: Return-Path: <bob@example.net>
S: Subject: second
S:
S: ..hidden dot
S: Bye.
S: .
S: +OK message 2 deleted
S: +OK bye, 2 messages deleted
%check test "$(find mail/krissyj/new mail/krissyj/cur -type f | wc -l)" = 0
