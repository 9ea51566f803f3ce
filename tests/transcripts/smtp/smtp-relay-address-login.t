# A login that is an address owns exactly that address as a sender.
%program smtpd
%setup mkdir relay && cp "$top_srcdir/tests/integration/relay-recorder" relay-recorder
%config relay_command = {T}/relay-recorder
%env RELAY_RECORD_DIR={T}/relay
%config local_domains = example.org example.com
%user weldon@example.org w3ld0n
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: AUTH LOGIN d2VsZG9uQGV4YW1wbGUub3Jn
S: 334 UGFzc3dvcmQ6
C: dzNsZDBu
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<weldon@example.com>
S: 250 2.1.0 Ok
C: RCPT TO:<friend@remote.example>
S: 553 5.7.1 <weldon@example.com>: Sender address not owned by user
C: RSET
S: 250 2.0.0 Ok
C: MAIL FROM:<Weldon@Example.Org>
S: 250 2.1.0 Ok
C: RCPT TO:<friend@remote.example>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: out
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check printf '%s\n' -i -f Weldon@Example.Org -- friend@remote.example | cmp - relay/argv.1
