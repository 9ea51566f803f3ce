# The postmaster key names the account that receives postmaster's mail
# (RFC 5321 4.5.1).
%program smtpd
%config postmaster = alice
%user alice secret
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: MAIL FROM:<>
S: 250 2.1.0 Ok
C: RCPT TO:<POSTMASTER@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: bounce
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls mail/alice/new | wc -l) = 1
%check test ! -e mail/postmaster
%check grep -qx 'Return-Path: <>' mail/alice/new/*
