# The lock file a dead session left behind does not lock anyone out: the
# lock is an fcntl lock, which ends with the process that held it.
%program pop3d
%user krissyj Xiu$78g
%message krissyj
Subject: one

%end
%setup echo 12345 > mail/krissyj/.pop3d.lock

C: USER krissyj
C: PASS Xiu$78g
C: STAT
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: +OK maildrop has 1 messages (16 octets)
S: +OK 1 16
S: +OK bye, 0 messages deleted
