# plaintext_auth = no: CAPA offers neither USER nor SASL, and USER, PASS
# and AUTH are refused with [AUTH] (RFC 3206) without counting as failures.
%program pop3d
%config plaintext_auth = no
%user krissyj Xiu$78g

C: CAPA
C: USER krissyj
C: AUTH PLAIN AGtyaXNzeWoAWGl1JDc4Zw==
C: AUTH
C: QUIT
S~ \+OK .*
S: +OK capability list follows
S: TOP
S: UIDL
S: RESP-CODES
S: AUTH-RESP-CODE
S: PIPELINING
S: IMPLEMENTATION postern
S: .
S: -ERR [AUTH] plaintext authentication disallowed on this connection
S: -ERR [AUTH] plaintext authentication disallowed on this connection
S: -ERR [AUTH] plaintext authentication disallowed on this connection
S: +OK bye
