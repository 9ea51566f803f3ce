# Without relay_command, even an authenticated user's remote recipient is
# refused: 554 5.7.1 Relay access denied.
%program smtpd
%user weldon w3ld0n
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: AUTH PLAIN AHdlbGRvbgB3M2xkMG4=
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<weldon@example.org>
S: 250 2.1.0 Ok
C: RCPT TO:<friend@remote.example>
S: 554 5.7.1 <friend@remote.example>: Relay access denied
C: QUIT
S: 221 2.0.0 Bye
