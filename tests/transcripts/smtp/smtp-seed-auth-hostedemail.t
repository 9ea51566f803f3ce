# Seed "complete sample transaction" (hostedemail): HELO, AUTH LOGIN, one
# message. The seed's credentials are not valid base64, so a real account
# stands in: jennys@hughes.net / Jenny5! is amVubnlzQGh1Z2hlcy5uZXQ= /
# SmVubnk1IQ==. hughes.net is local here, so the message is delivered.
%program smtpd
%config hostname = smtp.b.hostedemail.com
%config local_domains = hughes.net
%user jennys@hughes.net Jenny5!
S: 220 smtp.b.hostedemail.com ESMTP postern
C: HELO smtp.hughes.net
S: 250 smtp.b.hostedemail.com
C: AUTH LOGIN
S: 334 VXNlcm5hbWU6
C: amVubnlzQGh1Z2hlcy5uZXQ=
S: 334 UGFzc3dvcmQ6
C: SmVubnk1IQ==
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<jennys@hughes.net>
S: 250 2.1.0 Ok
C: RCPT TO:<jennys@hughes.net>
S: 250 2.1.5 Ok
C: Data
S: 354 End data with <CR><LF>.<CR><LF>
C: BLAH BLAH BLAH
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls mail/jennys@hughes.net/new | wc -l) = 1
%check grep -q '^	by smtp.b.hostedemail.com with ESMTPA id ' mail/jennys@hughes.net/new/*
%check tail -1 mail/jennys@hughes.net/new/* | grep -qx 'BLAH BLAH BLAH'
