# SMTP smuggling: the data ends only at <CRLF>.<CRLF> (RFC 5321 4.1.1.4).
# Each vector below, followed by a second MAIL FROM/RCPT/DATA inside the
# same data, neither ends the message nor starts a new one; with
# bare_line_ends = reject (the default) each message is refused after its
# real end with 550 5.5.2 and nothing is delivered, to alice or to bob.
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
S: 550 5.5.2 Message refused: bare CR or LF in data
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
S: 550 5.5.2 Message refused: bare CR or LF in data
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
S: 550 5.5.2 Message refused: bare CR or LF in data
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
S: 550 5.5.2 Message refused: bare CR or LF in data
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
S: 550 5.5.2 Message refused: bare CR or LF in data
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
S: 550 5.5.2 Message refused: bare CR or LF in data
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
S: 550 5.5.2 Message refused: bare CR or LF in data
C: QUIT
S: 221 2.0.0 Bye
%check test ! -e mail/bob
%check test $(ls mail/alice/new | wc -l) = 0
%check test $(ls mail/alice/tmp | wc -l) = 0
