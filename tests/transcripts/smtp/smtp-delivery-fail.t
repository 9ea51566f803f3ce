# A Maildir that cannot be created (its parent is missing: INTERFACE.md,
# missing parents are not created): 451 4.3.0 and no copy in any new/,
# not even for the recipients whose Maildirs were fine; no tmp/ file left.
# When it is the only recipient's, DATA itself is refused.
%program smtpd
%user alice secret
%user bob secret {T}/no-such-dir/bob
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<bob@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: to both
C: .
S: 451 4.3.0 Local error in processing
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<bob@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 451 4.3.0 Local error in processing
C: RSET
S: 250 2.0.0 Ok
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: alice alone
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls mail/alice/new | wc -l) = 1
%check grep -qx 'Subject: alice alone' mail/alice/new/*
%check test $(ls mail/alice/tmp | wc -l) = 0
%check test ! -e no-such-dir
