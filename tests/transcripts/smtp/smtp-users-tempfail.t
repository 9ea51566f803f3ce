# A user file that cannot be read, or has a bad line anywhere, makes every
# lookup a temporary failure: 451 4.3.0 for RCPT, 454 4.7.0 for AUTH
# (RFC 4954 6), never 550 or 535.
%program smtpd
%config error_limit = 100
%userline alice:$6$abc$def
%userline bad line without a hash
S: 220 mx.example.org ESMTP postern
C: EHLO client.example.net
S: 250-mx.example.org
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-8BITMIME
S: 250-ENHANCEDSTATUSCODES
S: 250 AUTH PLAIN LOGIN
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 454 4.7.0 Temporary authentication failure
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 451 4.3.0 Temporary recipient lookup failure
C: RCPT TO:<nobody@example.org>
S: 451 4.3.0 Temporary recipient lookup failure
C: RCPT TO:<someone@elsewhere.example>
S: 554 5.7.1 <someone@elsewhere.example>: Relay access denied
C: QUIT
S: 221 2.0.0 Bye
%check test ! -e mail/alice
