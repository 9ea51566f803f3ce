# Seed "strict RFC smtp server syntax": with strict_rfc821_envelopes = yes
# an RFC 822 phrase or a missing <> is refused (501 5.1.7); the seed's
# MAIL/RCPT pair for a domain that is not ours is refused as relaying.
%program smtpd
%config strict_rfc821_envelopes = yes
S: 220 mx.example.org ESMTP postern
C: EHLO client.example.net
S: 250-mx.example.org
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-8BITMIME
S: 250-ENHANCEDSTATUSCODES
S: 250 AUTH PLAIN LOGIN
C: MAIL FROM: the dude <dude@example.com>
S: 501 5.1.7 Bad sender address syntax
C: MAIL FROM: dude@example.com
S: 501 5.1.7 Bad sender address syntax
C: MAIL FROM:<marysue@hughes.net>
S: 250 2.1.0 Ok
C: RCPT TO:<marysue@hughes.net>
S: 554 5.7.1 <marysue@hughes.net>: Relay access denied
C: QUIT
S: 221 2.0.0 Bye
