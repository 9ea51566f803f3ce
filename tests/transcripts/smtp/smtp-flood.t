# Commands that move no mail (NOOP, RSET, VRFY, HELP, EXPN, HELO, EHLO,
# refused RCPTs) are bounded between accepted messages: the 101st gets
# 421 4.7.0 (RFC 5321 7.8). An accepted message resets the count.
%program smtpd
%user alice secret
%exit 1
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: NOOP
S: 250 2.0.0 Ok
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: hi
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: NOOP
S: 250 2.0.0 Ok
C: RSET
S: 250 2.0.0 Ok
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<nobody@example.org>
S: 550 5.1.1 <nobody@example.org>: No such user here
C: NOOP
S: 421 4.7.0 Too many commands without a transaction
C: QUIT
%check test $(ls mail/alice/new | wc -l) = 1
