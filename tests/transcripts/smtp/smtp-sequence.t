# Command order (RFC 5321 4.1.4, 3.3): MAIL needs HELO/EHLO, RCPT needs
# MAIL, DATA needs an accepted RCPT (554 5.5.1); RSET and a second EHLO
# end the transaction. After a refused DATA the client's lines are
# commands, each answered, never a message.
%program smtpd
%config error_limit = 100
%user alice secret
S: 220 mx.example.org ESMTP postern
C: MAIL FROM:<a@example.net>
S: 503 5.5.1 Send HELO/EHLO first
C: RCPT TO:<alice@example.org>
S: 503 5.5.1 Need MAIL command
C: DATA
S: 503 5.5.1 Need MAIL command
C: HELO client.example.net
S: 250 mx.example.org
C: RCPT TO:<alice@example.org>
S: 503 5.5.1 Need MAIL command
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: MAIL FROM:<b@example.net>
S: 503 5.5.1 Nested MAIL command
C: RCPT TO:<nobody@example.org>
S: 550 5.1.1 <nobody@example.org>: No such user here
C: DATA
S: 554 5.5.1 No valid recipients
C: Subject: not a message
S: 500 5.5.2 Command not recognized
C: .
S: 500 5.5.2 Command not recognized
C: RSET
S: 250 2.0.0 Ok
C: RCPT TO:<alice@example.org>
S: 503 5.5.1 Need MAIL command
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: EHLO client.example.net
S: 250-mx.example.org
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-8BITMIME
S: 250-ENHANCEDSTATUSCODES
S: 250 AUTH PLAIN LOGIN
C: DATA
S: 503 5.5.1 Need MAIL command
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: the one message
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: DATA
S: 503 5.5.1 Need MAIL command
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls mail/alice/new | wc -l) = 1
%check grep -qx 'Subject: the one message' mail/alice/new/*
