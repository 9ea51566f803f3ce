# The trace headers (RFC 5321 4.4): Return-Path, then Received with the
# HELO name, by hostname, the protocol, the id that the 250 reply gives,
# "for" with the one recipient, and an RFC 5322 date. Stored with LF.
%program smtpd
%user alice secret
S: 220 mx.example.org ESMTP postern
C: EHLO client.example.net
S: 250-mx.example.org
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-8BITMIME
S: 250-ENHANCEDSTATUSCODES
S: 250 AUTH PLAIN LOGIN
C: MAIL FROM:<sender@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: trace
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9]+M[0-9]+P[0-9]+Q[0-9]+
C: QUIT
S: 221 2.0.0 Bye
%check f=$(ls mail/alice/new/*) && sed -n 1p $f | grep -qx 'Return-Path: <sender@example.net>'
%check f=$(ls mail/alice/new/*) && sed -n 2p $f | grep -qx 'Received: from client.example.net'
%check f=$(ls mail/alice/new/*) && id=$(basename $f | cut -d. -f1,2 | tr -d .) && sed -n 3p $f | grep -qx "	by mx.example.org with ESMTP id $id"
%check f=$(ls mail/alice/new/*) && sed -n 4p $f | grep -Eqx '	for <alice@example.org>; (Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} [-+][0-9]{4}'
%check f=$(ls mail/alice/new/*) && sed -n 5p $f | grep -qx 'Subject: trace'
%check ! grep -q "$(printf '\r')" mail/alice/new/*
