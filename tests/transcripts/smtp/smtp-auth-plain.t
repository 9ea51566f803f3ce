# AUTH PLAIN (RFC 4954, RFC 4616): with an initial response, and with the
# empty "334 " prompt; the authorization identity empty or equal to the
# login. Success is 235 2.7.0; AUTH again, or inside a transaction, is
# 503 5.5.1; MAIL takes an AUTH= parameter (RFC 4954 5).
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
C: AUTH PLAIN AHdlbGRvbgB3cm9uZw==
S: 535 5.7.8 Authentication credentials invalid
C: AUTH PLAIN
S: 334 
C: d2VsZG9uAHdlbGRvbgB3M2xkMG4=
S: 235 2.7.0 Authentication successful
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4=
S: 503 5.5.1 Already authenticated
C: MAIL FROM:<weldon@example.org> AUTH=<>
S: 250 2.1.0 Ok
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4=
S: 503 5.5.1 AUTH not allowed during a mail transaction
C: RCPT TO:<weldon@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: authenticated
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check grep -q '^	by mx.example.org with ESMTPA id ' mail/weldon/new/*
