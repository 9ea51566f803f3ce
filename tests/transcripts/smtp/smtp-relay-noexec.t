# A relay_command that cannot be run is a permanent failure (554 5.3.0);
# nothing is delivered, the local copy neither.
%program smtpd
%config relay_command = {T}/no-such-sendmail -t
%user weldon w3ld0n
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4=
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<weldon@example.org>
S: 250 2.1.0 Ok
C: RCPT TO:<weldon@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<friend@remote.example>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: nowhere
C: .
S: 554 5.3.0 Relay failed
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls mail/weldon/new | wc -l) = 0
%check test $(ls mail/weldon/tmp | wc -l) = 0
