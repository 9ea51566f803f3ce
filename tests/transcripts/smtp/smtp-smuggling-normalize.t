# SMTP smuggling with bare_line_ends = normalize: a bare CR or LF counts as
# a line end, but still never as part of the end of the data. Each vector
# gives exactly one message, for alice, holding the would-be injected
# commands as text; bob (the injected recipient) gets nothing.
%program smtpd
%config bare_line_ends = normalize
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
# vector \n.\n
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: vector 1
C:
C= first part\n.\nMAIL FROM:<evil@example.net>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\nSubject: injected 1\r\n\r\nsmuggled\r\n
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
# vector \r.\n
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: vector 2
C:
C= first part\r.\nMAIL FROM:<evil@example.net>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\nSubject: injected 2\r\n\r\nsmuggled\r\n
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
# vector \n.\r\n
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: vector 3
C:
C= first part\n.\r\nMAIL FROM:<evil@example.net>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\nSubject: injected 3\r\n\r\nsmuggled\r\n
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
# vector \r\n.\r
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: vector 4
C:
C= first part\r\n.\rMAIL FROM:<evil@example.net>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\nSubject: injected 4\r\n\r\nsmuggled\r\n
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
# vector \r\n.\n
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: vector 5
C:
C= first part\r\n.\nMAIL FROM:<evil@example.net>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\nSubject: injected 5\r\n\r\nsmuggled\r\n
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
# vector \r.\r
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: vector 6
C:
C= first part\r.\rMAIL FROM:<evil@example.net>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\nSubject: injected 6\r\n\r\nsmuggled\r\n
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
# vector \r\n.\r\r\n
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: vector 7
C:
C= first part\r\n.\r\r\nMAIL FROM:<evil@example.net>\r\nRCPT TO:<bob@example.org>\r\nDATA\r\nSubject: injected 7\r\n\r\nsmuggled\r\n
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check test ! -e mail/bob
%check test $(ls mail/alice/new | wc -l) = 7
%check test $(grep -lx 'MAIL FROM:<evil@example.net>' mail/alice/new/* | wc -l) = 7
%check test $(grep -lx 'smuggled' mail/alice/new/* | wc -l) = 7
%check test $(cat mail/alice/new/* | grep -c '^Return-Path: ') = 7
%check ! grep -q "$(printf '\r')" mail/alice/new/*
%check test $(ls mail/alice/tmp | wc -l) = 0
