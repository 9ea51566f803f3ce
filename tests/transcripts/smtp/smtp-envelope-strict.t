# strict_rfc821_envelopes = yes: only <path> (RFC 5321 4.1.2); a bare
# address or an RFC 822 phrase is 501 5.1.7 (MAIL) or 501 5.1.3 (RCPT).
# A space after the colon is tolerated (INTERFACE.md).
%program smtpd
%config strict_rfc821_envelopes = yes
%config error_limit = 100
%user alice secret
S: 220 mx.example.org ESMTP postern
C: EHLO client.example.net
S: 250-mx.example.org
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-8BITMIME
S: 250-ENHANCEDSTATUSCODES
S: 250 AUTH PLAIN LOGIN
C: MAIL FROM:dude@example.com
S: 501 5.1.7 Bad sender address syntax
C: MAIL FROM:the dude <dude@example.com>
S: 501 5.1.7 Bad sender address syntax
C: MAIL FROM:"the dude" <dude@example.com>
S: 501 5.1.7 Bad sender address syntax
C: MAIL FROM:<dude@example.com
S: 501 5.1.7 Bad sender address syntax
C: MAIL FROM:<dude@@example.com>
S: 501 5.1.7 Bad sender address syntax
C: MAIL FROM:<dude@example..com>
S: 501 5.1.7 Bad sender address syntax
C: MAIL FROM:<x2345678901234567890123456789012345678901234567890123456789012345@example.com>
S: 501 5.1.7 Bad sender address syntax
C: MAIL FROM <dude@example.com>
S: 501 5.5.4 Syntax: MAIL FROM:<address>
C: MAIL TO:<dude@example.com>
S: 501 5.5.4 Syntax: MAIL FROM:<address>
C: MAIL FROM:
S: 501 5.1.7 Bad sender address syntax
C: MAIL FROM: <dude@example.com>
S: 250 2.1.0 Ok
C: RCPT TO:alice@example.org
S: 501 5.1.3 Bad recipient address syntax
C: RCPT TO:Alice <alice@example.org>
S: 501 5.1.3 Bad recipient address syntax
C: RCPT TO:<>
S: 501 5.1.3 Bad recipient address syntax
C: RCPT TO:<alice@>
S: 501 5.1.3 Bad recipient address syntax
C: RCPT <alice@example.org>
S: 501 5.5.4 Syntax: RCPT TO:<address>
C: RCPT TO: <alice@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<Postmaster>
S: 250 2.1.5 Ok
C: RCPT TO:<"alice"@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<@relay.example.net:alice@example.org>
S: 250 2.1.5 Ok
C: RSET
S: 250 2.0.0 Ok
C: MAIL FROM:<>
S: 250 2.1.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: MAIL FROM:<dude@[192.0.2.7]>
S: 250 2.1.0 Ok
C: QUIT
S: 221 2.0.0 Bye
