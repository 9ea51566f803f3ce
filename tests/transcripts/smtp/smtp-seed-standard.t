# Seed "Standard SMTP Conversation": the client's lines as written; the
# replies are ours, with RFC 5321 codes and RFC 3463 enhanced codes.
%program smtpd
%config hostname = mailserver.domain.com
%config local_domains = his.address
%user recipient secret
S: 220 mailserver.domain.com ESMTP postern
C: Helo sender.host.name
S: 250 mailserver.domain.com
C: Mail From:<sender@his.address>
S: 250 2.1.0 Ok
C: Rcpt To:<recipient@his.address>
S: 250 2.1.5 Ok
C: Data
S: 354 End data with <CR><LF>.<CR><LF>
C: Blah, blah, blah...
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: Quit
S: 221 2.0.0 Bye
%check test $(ls mail/recipient/new | wc -l) = 1
%check test $(ls mail/recipient/tmp | wc -l) = 0
%check head -1 mail/recipient/new/* | grep -qx 'Return-Path: <sender@his.address>'
%check grep -q '^Received: from sender.host.name$' mail/recipient/new/*
%check grep -qx '	by mailserver.domain.com with SMTP id [0-9A-Za-z]*' mail/recipient/new/*
%check tail -1 mail/recipient/new/* | grep -qx 'Blah, blah, blah...'
