# recipient_limit: more accepted recipients get 452 4.5.3 (RFC 5321
# 4.5.3.1.10); refused ones do not count. The message still goes to the
# accepted ones, and a Received header without "for" (several).
%program smtpd
%config recipient_limit = 3
%user alice secret
%user bob secret
%user carol secret
%user dave secret
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<nobody@example.org>
S: 550 5.1.1 <nobody@example.org>: No such user here
C: RCPT TO:<bob@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<someone@elsewhere.example>
S: 554 5.7.1 <someone@elsewhere.example>: Relay access denied
C: RCPT TO:<carol@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<dave@example.org>
S: 452 4.5.3 Too many recipients
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: three
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls mail/alice/new mail/bob/new mail/carol/new | grep -c ,S=) = 3
%check test ! -e mail/dave
%check ! grep -q '	for <' mail/alice/new/*
%check cmp mail/alice/new/* mail/bob/new/*
