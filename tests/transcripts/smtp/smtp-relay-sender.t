# sender_login_match = yes (the default): relayed mail must come from one
# of the user's own addresses, login@ any local domain for a bare login,
# else 553 5.7.1; mail to local recipients is not relaying and may use
# any sender. The null sender is nobody's own address.
%program smtpd
%setup mkdir relay && cp "$top_srcdir/tests/integration/relay-recorder" relay-recorder
%config relay_command = {T}/relay-recorder
%env RELAY_RECORD_DIR={T}/relay
%config local_domains = example.org example.com
%user weldon w3ld0n
%user alice secret
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4=
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<weldon@example.com>
S: 250 2.1.0 Ok
C: RCPT TO:<friend@remote.example>
S: 250 2.1.5 Ok
C: RSET
S: 250 2.0.0 Ok
C: MAIL FROM:<someone@else.example>
S: 250 2.1.0 Ok
C: RCPT TO:<friend@remote.example>
S: 553 5.7.1 <someone@else.example>: Sender address not owned by user
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: local only
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: MAIL FROM:<>
S: 250 2.1.0 Ok
C: RCPT TO:<friend@remote.example>
S: 553 5.7.1 <>: Sender address not owned by user
C: QUIT
S: 221 2.0.0 Bye
%check test ! -e relay/argv.1
%check test $(ls mail/alice/new | wc -l) = 1
