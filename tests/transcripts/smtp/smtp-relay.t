# Relaying for authenticated users (RFC 4954): remote recipients go to
# relay_command once per message with -i -f <sender> -- <recipients>, and
# the message from its Received header on (no Return-Path, RFC 5321 4.4;
# ESMTPA, RFC 3848), LF line ends, on stdin. Local recipients of the same
# message get their copies as before. Without AUTH: 554 5.7.1.
%program smtpd
%setup mkdir relay && cp "$top_srcdir/tests/integration/relay-recorder" relay-recorder
%config relay_command = {T}/relay-recorder
%env RELAY_RECORD_DIR={T}/relay
%user weldon w3ld0n
%user alice secret
S: 220 mx.example.org ESMTP postern
C: EHLO client.example.net
S: 250-mx.example.org
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-8BITMIME
S: 250-ENHANCEDSTATUSCODES
S: 250 AUTH PLAIN LOGIN
C: MAIL FROM:<weldon@example.org>
S: 250 2.1.0 Ok
C: RCPT TO:<friend@remote.example>
S: 554 5.7.1 <friend@remote.example>: Relay access denied
C: RSET
S: 250 2.0.0 Ok
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4=
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<weldon@example.org>
S: 250 2.1.0 Ok
C: RCPT TO:<friend@remote.example>
S: 250 2.1.5 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<-oQ/tmp@far.example>
S: 250 2.1.5 Ok
C: RCPT TO:<friend@remote.example>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: relayed
C:
C: ..dot
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: MAIL FROM:<WELDON@Example.ORG>
S: 250 2.1.0 Ok
C: RCPT TO:<solo@remote.example>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: relay only
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check printf '%s\n' -i -f weldon@example.org -- friend@remote.example -oQ/tmp@far.example | cmp - relay/argv.1
%check printf '%s\n' -i -f WELDON@Example.ORG -- solo@remote.example | cmp - relay/argv.2
%check test ! -e relay/argv.3
%check head -1 relay/stdin.1 | grep -qx 'Received: from client.example.net'
%check grep -q '^	by mx.example.org with ESMTPA id ' relay/stdin.1
%check ! grep -q '^Return-Path:' relay/stdin.1
%check ! grep -q "$(printf '\r')" relay/stdin.1
%check test "$(tail -3 relay/stdin.1 | tr '\n' '|')" = 'Subject: relayed||.dot|'
%check test $(ls mail/alice/new | wc -l) = 1
%check sed 1d mail/alice/new/* | cmp - relay/stdin.1
%check test $(ls mail/weldon/new | wc -l) = 0
%check test $(find mail -path '*/tmp/*' | wc -l) = 0
