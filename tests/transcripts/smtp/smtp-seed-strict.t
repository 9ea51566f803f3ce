# Seed "Example with strict syntax": meandus.net and tittom.fr are local
# domains with the one user meandus, so tittom gets 550 5.1.1.
%program smtpd
%config hostname = smtp.commentcamarche.net
%config local_domains = meandus.net tittom.fr
%config strict_rfc821_envelopes = yes
%user meandus secret
S: 220 smtp.commentcamarche.net ESMTP postern
C: EHLO machine1.commentcamarche.net
S: 250-smtp.commentcamarche.net
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-8BITMIME
S: 250-ENHANCEDSTATUSCODES
S: 250 AUTH PLAIN LOGIN
C: MAIL FROM:<webmaster@kioskea.net>
S: 250 2.1.0 Ok
C: RCPT TO:<meandus@meandus.net>
S: 250 2.1.5 Ok
C: RCPT TO:<tittom@tittom.fr>
S: 550 5.1.1 <tittom@tittom.fr>: No such user here
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: Hello
C: Hello Meandus,
C: How are things?
C:
C: See you soon!
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls mail/meandus/new | wc -l) = 1
%check test ! -e mail/tittom
%check grep -q '^	for <meandus@meandus.net>; ' mail/meandus/new/*
%check grep -qx 'Subject: Hello' mail/meandus/new/*
%check tail -1 mail/meandus/new/* | grep -qx 'See you soon!'
