# AUTH PLAIN (RFC 5034, RFC 4616): cancelled with "*", bad base64, a wrong
# password and an authorization identity other than the login fail with
# [AUTH]; then a "+ " continuation with the right credentials logs in.
%program pop3d
%config auth_failure_limit = 10
%user krissyj Xiu$78g
%message krissyj
Subject: one

body
%end

C: AUTH
C: AUTH PLAIN
C: *
C: AUTH PLAIN not*base64
C: AUTH PLAIN AGtyaXNzeWoAd3Jvbmc=
C: AUTH PLAIN c29tZW9uZQBrcmlzc3lqAFhpdSQ3OGc=
C: AUTH PLAIN =
C: AUTH CRAM-MD5
C: auth plain
C: AGtyaXNzeWoAWGl1JDc4Zw==
C: STAT
C: AUTH PLAIN AGtyaXNzeWoAWGl1JDc4Zw==
C: QUIT
S~ \+OK .*
S: +OK mechanisms follow
S: PLAIN
S: LOGIN
S: .
S: + 
S: -ERR authentication cancelled
S: -ERR [AUTH] authentication failed
S: -ERR [AUTH] authentication failed
S: -ERR [AUTH] authentication failed
S: -ERR [AUTH] authentication failed
S: -ERR unsupported authentication mechanism
S: + 
S: +OK maildrop has 1 messages (22 octets)
S: +OK 1 22
S: -ERR unknown command
S: +OK bye, 0 messages deleted
