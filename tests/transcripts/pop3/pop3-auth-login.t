# AUTH LOGIN: "Username:" and "Password:" challenges in base64; the first
# attempt cancels at the password, the second succeeds.
%program pop3d
%user krissyj Xiu$78g

C: AUTH LOGIN
C: a3Jpc3N5ag==
C: *
C: AUTH LOGIN
C: a3Jpc3N5ag==
C: WGl1JDc4Zw==
C: QUIT
S~ \+OK .*
S: + VXNlcm5hbWU6
S: + UGFzc3dvcmQ6
S: -ERR authentication cancelled
S: + VXNlcm5hbWU6
S: + UGFzc3dvcmQ6
S: +OK maildrop has 0 messages (0 octets)
S: +OK bye, 0 messages deleted
