# The verbs that move no mail, case-insensitive verbs, arguments checked
# by the command table, and unknown commands (RFC 5321 4.1.1, 3.5, 7.3).
%program smtpd
%config error_limit = 100
%user alice secret
S: 220 mx.example.org ESMTP postern
C: noop
S: 250 2.0.0 Ok
C: NoOp with an argument
S: 250 2.0.0 Ok
C: HELP
S: 214 2.0.0 Commands: HELO EHLO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP AUTH
C: VRFY alice
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: vrfy nobody-at-all
S: 252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery
C: VRFY
S: 501 5.5.4 Argument required
C: EXPN staff
S: 502 5.5.1 Command not implemented
C: STARTTLS
S: 502 5.5.1 Command not implemented
C: FROB
S: 500 5.5.2 Command not recognized
C:
S: 500 5.5.2 Command not recognized
C: HELO
S: 501 5.5.4 Argument required
C: HELO bad_name!
S: 501 5.5.4 Invalid domain name
C: HELO -leading.example
S: 501 5.5.4 Invalid domain name
C: helo client.example.net
S: 250 mx.example.org
C: HELO [192.0.2.1]
S: 250 mx.example.org
C: HELO [IPv6:2001:db8::1]
S: 250 mx.example.org
C: RSET now
S: 501 5.5.4 No parameters allowed
C: rset
S: 250 2.0.0 Ok
C: DATA now
S: 501 5.5.4 No parameters allowed
C: mail from:<a@example.net>
S: 250 2.1.0 Ok
C: rCpT tO:<alice@EXAMPLE.ORG>
S: 250 2.1.5 Ok
C: QUIT now
S: 501 5.5.4 No parameters allowed
C: quit
S: 221 2.0.0 Bye
%check test ! -e mail/alice
