# UIDL (RFC 1939 section 7): the unique part of the Maildir name (before
# ':'), also for a message another reader moved to cur/ with flags; names
# longer than 70 octets or with octets outside 0x21-0x7E get a SHA-256
# (70 octets is still a name, 71 is a digest).
%program pop3d
%user krissyj Xiu$78g
%message krissyj
Subject: one

%end
%setup printf 'Subject: two\n\n' > mail/krissyj/cur/1700000100.M1P1.host,S=14,W=16:2,RS
%setup printf 'Subject: three\n\n' > 'mail/krissyj/new/1700000200.M1P1.a very odd name'
%setup printf 'Subject: four\n\n' > mail/krissyj/new/1700000300.M1P1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
%setup printf 'Subject: five\n\n' > mail/krissyj/new/1700000400.M1P1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa

C: USER krissyj
C: PASS Xiu$78g
C: UIDL
C: UIDL 2
C: UIDL 3
C: DELE 1
C: UIDL
C: UIDL 1
C: UIDL 6
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: +OK maildrop has 5 messages (84 octets)
S: +OK unique-id listing follows
S~ 1 1700000000\.M000000P[0-9]+\.transcript,S=14,W=16
S: 2 1700000100.M1P1.host,S=14,W=16
S: 3 28566d888494578fd1dcc9f6beff2d4039540daf2540480e7928e47a9ed9355a
S: 4 fc080f6ac0dd3a5bfee3d5b8559f21100b41b951be5798cc14ae36fcc2fb4394
S: 5 1700000400.M1P1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
S: .
S: +OK 2 1700000100.M1P1.host,S=14,W=16
S: +OK 3 28566d888494578fd1dcc9f6beff2d4039540daf2540480e7928e47a9ed9355a
S: +OK message 1 deleted
S: +OK unique-id listing follows
S: 2 1700000100.M1P1.host,S=14,W=16
S: 3 28566d888494578fd1dcc9f6beff2d4039540daf2540480e7928e47a9ed9355a
S: 4 fc080f6ac0dd3a5bfee3d5b8559f21100b41b951be5798cc14ae36fcc2fb4394
S: 5 1700000400.M1P1.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
S: .
S: -ERR message 1 already deleted
S: -ERR no such message
S: +OK bye, 1 messages deleted
