# Seed "SMTP Commands to Issue Example": addresses without <>, which the
# default strict_rfc821_envelopes = no accepts.
%program smtpd
%config local_domains = directsales.com
%user james secret
S: 220 mx.example.org ESMTP postern
C: HELO python.directsales.com
S: 250 mx.example.org
C: MAIL FROM:manager@computersupply.com
S: 250 2.1.0 Ok
C: RCPT TO:james@directsales.com
S: 250 2.1.5 Ok
C: Data
S: 354 End data with <CR><LF>.<CR><LF>
C: BLAH BLAH BLAH
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls mail/james/new | wc -l) = 1
%check head -1 mail/james/new/* | grep -qx 'Return-Path: <manager@computersupply.com>'
%check tail -1 mail/james/new/* | grep -qx 'BLAH BLAH BLAH'
