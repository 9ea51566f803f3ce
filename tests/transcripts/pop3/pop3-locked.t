# A maildrop locked by another session (RFC 1939 section 8): the otherwise
# good PASS gets [IN-USE] (RFC 2449 section 8.1.1), the session stays in
# AUTHORIZATION and the maildrop is untouched. The lock is held here by a
# helper process with the same fcntl lock that pop3d takes.
%program pop3d
%user krissyj Xiu$78g
%message krissyj
Subject: one

%end
%setup (python3 -c 'import fcntl, os, time; f = open("mail/krissyj/.pop3d.lock", "a"); fcntl.lockf(f, fcntl.LOCK_EX); open("held", "w").write(str(os.getpid())); time.sleep(30)' </dev/null >/dev/null 2>&1 &); for i in $(seq 100); do test -s held && break; sleep 0.1; done; test -s held

C: USER krissyj
C: PASS Xiu$78g
C: STAT
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: -ERR [IN-USE] maildrop is locked by another session
S: -ERR unknown command
S: +OK bye
%check kill $(cat held)
%check test "$(ls mail/krissyj/new | wc -l)" = 1
