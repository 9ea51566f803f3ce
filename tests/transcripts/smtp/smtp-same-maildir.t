# Two accounts whose Maildirs are one directory written two ways (with and
# without a trailing slash, or through a symlink) still get one copy, and
# the message is accepted.
%program smtpd
%setup mkdir -p boxes && ln -s boxes/shared linked
%user dan secret {T}/boxes/shared
%user erin secret {T}/boxes/shared/
%user fay secret {T}/linked
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<dan@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<erin@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<fay@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: once
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls boxes/shared/new | wc -l) = 1
%check test $(ls boxes/shared/tmp | wc -l) = 0
