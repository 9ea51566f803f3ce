# HELO gets no extension list; EHLO lists PIPELINING, SIZE, 8BITMIME,
# ENHANCEDSTATUSCODES and AUTH where plaintext_auth allows it. Replies
# after HELO still carry enhanced codes (RFC 2034, as Postfix does).
%program smtpd
%config plaintext_auth = no
%config message_size_limit = 0
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: MAIL FROM:<>
S: 250 2.1.0 Ok
C: EHLO client.example.net
S: 250-mx.example.org
S: 250-PIPELINING
S: 250-SIZE 0
S: 250-8BITMIME
S: 250 ENHANCEDSTATUSCODES
C: RCPT TO:<postmaster@example.org>
S: 503 5.5.1 Need MAIL command
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4=
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: QUIT
S: 221 2.0.0 Bye
