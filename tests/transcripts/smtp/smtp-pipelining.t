# PIPELINING (RFC 2920): the runner sends every client line at once, so
# each transcript is a pipelined session; this one has the burst
# MAIL/RCPT/RCPT/DATA with a refused recipient inside, the message, and a
# second transaction sent right behind the final dot. Replies come in
# order, one per command.
%program smtpd
%user alice secret
%user bob secret
S: 220 mx.example.org ESMTP postern
C: EHLO client.example.net
S: 250-mx.example.org
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-8BITMIME
S: 250-ENHANCEDSTATUSCODES
S: 250 AUTH PLAIN LOGIN
C: MAIL FROM:<a@example.net>
C: RCPT TO:<alice@example.org>
C: RCPT TO:<nobody@example.org>
C: RCPT TO:<bob@example.org>
C: DATA
S: 250 2.1.0 Ok
S: 250 2.1.5 Ok
S: 550 5.1.1 <nobody@example.org>: No such user here
S: 250 2.1.5 Ok
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: first
C:
C: one
C: .
C: MAIL FROM:<b@example.net>
C: RCPT TO:<bob@example.org>
C: DATA
C: Subject: second
C: .
C: QUIT
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
S: 250 2.1.0 Ok
S: 250 2.1.5 Ok
S: 354 End data with <CR><LF>.<CR><LF>
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
S: 221 2.0.0 Bye
%check test $(ls mail/alice/new | wc -l) = 1
%check test $(ls mail/bob/new | wc -l) = 2
%check grep -qx 'Subject: first' mail/alice/new/*
%check test $(grep -lx 'Subject: second' mail/bob/new/* | wc -l) = 1
