# error_limit protocol errors (unknown commands, syntax, sequence), then
# 421 4.7.0 and the session ends (exit 1); later lines are not read.
%program smtpd
%config error_limit = 3
%exit 1
S: 220 mx.example.org ESMTP postern
C: FROB
S: 500 5.5.2 Command not recognized
C: MAIL FROM:<a@example.net>
S: 503 5.5.1 Send HELO/EHLO first
C: NOOP
S: 250 2.0.0 Ok
C: HELO bad!name
S: 501 5.5.4 Invalid domain name
S: 421 4.7.0 Too many errors
C: NOOP
C: QUIT
