# Local recipients (INTERFACE.md "User file"): local@domain is the account
# "local@domain", else "local", matched without regard to case; postmaster
# is always accepted (RFC 5321 4.5.1), bare or at a local domain, and goes
# to <mail_root>/postmaster when no account has that name. Recipients that
# resolve to one Maildir get one copy.
%program smtpd
%config local_domains = example.org example.com
%user alice secret
%user carol@example.com secret
%user dan secret {T}/shared
%user erin secret {T}/shared
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<ALICE@Example.ORG>
S: 250 2.1.5 Ok
C: RCPT TO:<alice@example.com>
S: 250 2.1.5 Ok
C: RCPT TO:<carol@EXAMPLE.COM>
S: 250 2.1.5 Ok
C: RCPT TO:<carol@example.org>
S: 550 5.1.1 <carol@example.org>: No such user here
C: RCPT TO:<dan@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<erin@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<Postmaster>
S: 250 2.1.5 Ok
C: RCPT TO:<postmaster@example.com>
S: 250 2.1.5 Ok
C: RCPT TO:<postmaster@elsewhere.example>
S: 554 5.7.1 <postmaster@elsewhere.example>: Relay access denied
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: to all
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls mail/alice/new | wc -l) = 1
%check test $(ls mail/carol@example.com/new | wc -l) = 1
%check test $(ls shared/new | wc -l) = 1
%check test $(ls mail/postmaster/new | wc -l) = 1
%check test ! -e mail/dan -a ! -e mail/erin
%check test $(stat -c %h mail/alice/new/*) = 4
%check test $(stat -c %a mail/postmaster) = 700 -a $(stat -c %a mail/postmaster/new) = 700
