# sender_login_match = no: an authenticated user may relay with any
# sender, the null sender too (passed to relay_command as -f "").
%program smtpd
%setup mkdir relay && cp "$top_srcdir/tests/integration/relay-recorder" relay-recorder
%config relay_command = {T}/relay-recorder
%env RELAY_RECORD_DIR={T}/relay
%config sender_login_match = no
%user weldon w3ld0n
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4=
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<>
S: 250 2.1.0 Ok
C: RCPT TO:<friend@remote.example>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: bounce
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check printf '%s\n' -i -f '' -- friend@remote.example | cmp - relay/argv.1
