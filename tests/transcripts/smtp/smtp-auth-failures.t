# Failed AUTH (RFC 4954 6): an unknown login, another authorization
# identity (which never grants anything), a locked account, credentials
# with ':', NUL, CR or LF all get 535 5.7.8 alike; "*" cancels (501 5.7.0), bad
# base64 is 501 5.5.2, and "=" is an empty initial response. After
# auth_failure_limit failures: 421 4.7.0 and the session ends.
%program smtpd
%config auth_failure_limit = 8
%config error_limit = 100
%user weldon w3ld0n
%user colon w3l:d0n
%userline locked:!$6$lockedsaltxyz$8I87Dt/fd7hI7mmWf1GlGtxQUz872VP1HpkYZ7jNeSfJI5pu/CPXT7yBcr60gC1sfapDfKeoWKGS54kAQFX/Z1
%exit 1
S: 220 mx.example.org ESMTP postern
C: EHLO client.example.net
S: 250-mx.example.org
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-8BITMIME
S: 250-ENHANCEDSTATUSCODES
S: 250 AUTH PLAIN LOGIN
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4
S: 501 5.5.2 Invalid base64 data
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4=AAAA
S: 501 5.5.2 Invalid base64 data
C: AUTH PLAIN
S: 334 
C: *
S: 501 5.7.0 Authentication cancelled
C: AUTH PLAIN
S: 334 
C: not base64!
S: 501 5.5.2 Invalid base64 data
C: AUTH PLAIN AG5vYm9keQB3M2xkMG4=
S: 535 5.7.8 Authentication credentials invalid
C: AUTH PLAIN YWRtaW4Ad2VsZG9uAHczbGQwbg==
S: 535 5.7.8 Authentication credentials invalid
C: AUTH PLAIN AGxvY2tlZABzZWNyZXQ=
S: 535 5.7.8 Authentication credentials invalid
C: AUTH PLAIN AGNvbG9uAHczbDpkMG4=
S: 535 5.7.8 Authentication credentials invalid
C: AUTH PLAIN AHdlbGRvbgB3M2wNCmQwbg==
S: 535 5.7.8 Authentication credentials invalid
C: AUTH PLAIN AHdlbApkb24AdzNsZDBu
S: 535 5.7.8 Authentication credentials invalid
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4N
S: 535 5.7.8 Authentication credentials invalid
C: AUTH PLAIN =
S: 535 5.7.8 Authentication credentials invalid
S: 421 4.7.0 Too many failed authentications
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4=
