# AUTH LOGIN with an initial response (the user name), and its errors:
# "*" at either prompt cancels (501 5.7.0), bad base64 is 501 5.5.2, a
# user name with ':' still gets the password prompt and then 535.
%program smtpd
%config error_limit = 100
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
C: *
S: 501 5.7.0 Authentication cancelled
C: AUTH LOGIN d2VsZG9u
S: 334 UGFzc3dvcmQ6
C: *
S: 501 5.7.0 Authentication cancelled
C: AUTH LOGIN
S: 334 VXNlcm5hbWU6
C: d2VsZG9u!
S: 501 5.5.2 Invalid base64 data
C: AUTH LOGIN
S: 334 VXNlcm5hbWU6
C: d2VsOmRvbg==
S: 334 UGFzc3dvcmQ6
C: dzNsZDBu
S: 535 5.7.8 Authentication credentials invalid
C: AUTH LOGIN d2VsZG9u
S: 334 UGFzc3dvcmQ6
C: bm9wZQ==
S: 535 5.7.8 Authentication credentials invalid
C: AUTH LOGIN d2VsZG9u
S: 334 UGFzc3dvcmQ6
C: dzNsZDBu
S: 235 2.7.0 Authentication successful
C: QUIT
S: 221 2.0.0 Bye
