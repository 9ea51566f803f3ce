# DELE marks, RSET unmarks (RFC 1939 section 5); a deleted message cannot
# be read or deleted again; nothing is removed before QUIT, and after RSET
# nothing at all.
%program pop3d
%user krissyj Xiu$78g
%message krissyj
Subject: one

%end
%message krissyj
Subject: two

%end

C: USER krissyj
C: PASS Xiu$78g
C: DELE 1
C: DELE 1
C: RETR 1
C: TOP 1 0
C: UIDL 1
C: STAT
C: NOOP
C: RSET
C: STAT
C: DELE 2
C: RSET
C: LIST
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: +OK maildrop has 2 messages (32 octets)
S: +OK message 1 deleted
S: -ERR message 1 already deleted
S: -ERR message 1 already deleted
S: -ERR message 1 already deleted
S: -ERR message 1 already deleted
S: +OK 1 16
S: +OK
S: +OK maildrop has 2 messages (32 octets)
S: +OK 2 32
S: +OK message 2 deleted
S: +OK maildrop has 2 messages (32 octets)
S: +OK 2 messages (32 octets)
S: 1 16
S: 2 16
S: .
S: +OK bye, 0 messages deleted
%check test "$(ls mail/krissyj/new | wc -l)" = 2
