# tmp/ files older than 36 hours (the Maildir rule: left by a crash) are
# removed by a later delivery into that Maildir; younger ones stay.
%program smtpd
%user alice secret
%setup mkdir -p mail/alice/tmp mail/alice/new mail/alice/cur
%setup touch -d '40 hours ago' mail/alice/tmp/1.M1P1.crashed
%setup touch -d '30 hours ago' mail/alice/tmp/2.M2P2.writing
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: hello
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check test ! -e mail/alice/tmp/1.M1P1.crashed
%check test -e mail/alice/tmp/2.M2P2.writing
%check test $(ls mail/alice/tmp | wc -l) = 1
%check test $(ls mail/alice/new | wc -l) = 1
