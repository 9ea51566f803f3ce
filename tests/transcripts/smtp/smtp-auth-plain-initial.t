# AUTH PLAIN with the initial response on the AUTH line, in lower case.
%program smtpd
%user weldon w3ld0n
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: auth plain AHdlbGRvbgB3M2xkMG4=
S: 235 2.7.0 Authentication successful
C: QUIT
S: 221 2.0.0 Bye
