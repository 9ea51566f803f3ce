# A users_file that does not exist: 451 4.3.0, not 550.
%program smtpd
%config users_file = {T}/no-such-file
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 451 4.3.0 Temporary recipient lookup failure
C: QUIT
S: 221 2.0.0 Bye
