# AUTH LOGIN with the user name as initial response asks only for the
# password.
%program pop3d
%user krissyj Xiu$78g

C: AUTH LOGIN a3Jpc3N5ag==
C: WGl1JDc4Zw==
C: QUIT
S~ \+OK .*
S: + UGFzc3dvcmQ6
S: +OK maildrop has 0 messages (0 octets)
S: +OK bye, 0 messages deleted
