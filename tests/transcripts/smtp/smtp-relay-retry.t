# relay_command exits 75 (EX_TEMPFAIL): 451 4.3.0, and the local part of
# the message is not delivered either, so the client's retry delivers
# every part exactly once (src/smtpd/README.relay). Exit 1: 554 5.3.0,
# nothing delivered anywhere.
%program smtpd
%setup mkdir relay && cp "$top_srcdir/tests/integration/relay-recorder" relay-recorder
%config relay_command = {T}/relay-recorder
%env RELAY_RECORD_DIR={T}/relay
%env RELAY_EXITS=75 0 1
%user weldon w3ld0n
%user alice secret
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4=
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<weldon@example.org>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<friend@remote.example>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: try
C: .
S: 451 4.3.0 Relay temporarily failed
C: MAIL FROM:<weldon@example.org>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<friend@remote.example>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: try
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: MAIL FROM:<weldon@example.org>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<friend@remote.example>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: refused
C: .
S: 554 5.3.0 Relay failed
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls mail/alice/new | wc -l) = 1
%check grep -qx 'Subject: try' mail/alice/new/*
%check test -e relay/argv.3 -a ! -e relay/argv.4
%check test $(find mail -path '*/tmp/*' | wc -l) = 0
