# A client that drops the connection in the middle of DATA leaves nothing
# behind: no copy in new/, its tmp/ file removed; the exit status is 1.
%program smtpd
%user alice secret
%exit 1
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: cut short
C:
C: and the client is gone
C= without the final dot
%check test $(ls mail/alice/new | wc -l) = 0
%check test $(ls mail/alice/tmp | wc -l) = 0
