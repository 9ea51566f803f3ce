# Seed "With SMTP Authentication": AUTH LOGIN with the prompts exactly as
# in the seed; weldon/w3ld0n is d2VsZG9u/dzNsZDBu. Success is 235 2.7.0
# (RFC 4954 6), not the seed server's 2.0.0.
%program smtpd
%user weldon w3ld0n
S: 220 mx.example.org ESMTP postern
C: EHLO client.example.net
S: 250-mx.example.org
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-8BITMIME
S: 250-ENHANCEDSTATUSCODES
S: 250 AUTH PLAIN LOGIN
C: AUTH LOGIN
S: 334 VXNlcm5hbWU6
C: d2VsZG9u
S: 334 UGFzc3dvcmQ6
C: dzNsZDBu
S: 235 2.7.0 Authentication successful
C: QUIT
S: 221 2.0.0 Bye
