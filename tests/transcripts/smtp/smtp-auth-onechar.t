# A one-character password works.
%program smtpd
%user tiny p
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: AUTH PLAIN AHRpbnkAcA==
S: 235 2.7.0 Authentication successful
C: QUIT
S: 221 2.0.0 Bye
