# strict_rfc821_envelopes = no (the default) accepts what old clients send:
# a bare address and "phrase <address>" (INTERFACE.md); the envelope is
# the address alone.
%program smtpd
%user alice secret
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: MAIL FROM:the dude <dude@example.com>
S: 250 2.1.0 Ok
C: RCPT TO:Alice <alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: one
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: MAIL FROM: dude@example.com
S: 250 2.1.0 Ok
C: RCPT TO:alice@example.org
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: two
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: MAIL FROM:<dude@@example.com>
S: 501 5.1.7 Bad sender address syntax
C: MAIL FROM:dude@example.com junk
S: 555 5.5.4 Unsupported parameter
C: MAIL FROM:dude@example.com SIZE=
S: 501 5.5.4 Invalid parameter
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls mail/alice/new | wc -l) = 2
%check test $(grep -lx 'Return-Path: <dude@example.com>' mail/alice/new/* | wc -l) = 2
%check test $(grep -l '^	for <alice@example.org>; ' mail/alice/new/* | wc -l) = 2
