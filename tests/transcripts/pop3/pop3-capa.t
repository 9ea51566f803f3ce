# CAPA (RFC 2449 section 5) in both states: USER and SASL only before login
# and only where plaintext_auth allows them (a pipe counts as local). STLS
# answers -ERR until TLS exists.
%program pop3d
%user krissyj Xiu$78g

C: CAPA
C: STLS
C: capa
C: USER krissyj
C: PASS Xiu$78g
C: CAPA
C: STLS
C: QUIT
S~ \+OK .*
S: +OK capability list follows
S: TOP
S: UIDL
S: RESP-CODES
S: AUTH-RESP-CODE
S: PIPELINING
S: USER
S: SASL PLAIN LOGIN
S: IMPLEMENTATION postern
S: .
S: -ERR TLS not available
S: +OK capability list follows
S: TOP
S: UIDL
S: RESP-CODES
S: AUTH-RESP-CODE
S: PIPELINING
S: USER
S: SASL PLAIN LOGIN
S: IMPLEMENTATION postern
S: .
S: +OK send PASS
S: +OK maildrop has 0 messages (0 octets)
S: +OK capability list follows
S: TOP
S: UIDL
S: RESP-CODES
S: AUTH-RESP-CODE
S: PIPELINING
S: IMPLEMENTATION postern
S: .
S: -ERR unknown command
S: +OK bye, 0 messages deleted
