# 8BITMIME (RFC 6152): 8-bit octets in the body are stored exactly as
# sent (CRLF becomes LF, nothing else changes). 8-bit octets in the
# envelope are 553 5.6.7 (no SMTPUTF8, RFC 6531), in HELO 501 5.5.4.
%program smtpd
%config error_limit = 100
%user alice secret
S: 220 mx.example.org ESMTP postern
C= HELO caf\xc3\xa9.example\r\n
S: 501 5.5.4 Invalid domain name
C: EHLO client.example.net
S: 250-mx.example.org
S: 250-PIPELINING
S: 250-SIZE 10240000
S: 250-8BITMIME
S: 250-ENHANCEDSTATUSCODES
S: 250 AUTH PLAIN LOGIN
C= MAIL FROM:<j\xc3\xb6rg@example.net>\r\n
S: 553 5.6.7 Non-ASCII address not supported
C: MAIL FROM:<a@example.net> BODY=8BITMIME
S: 250 2.1.0 Ok
C= RCPT TO:<\xe9l\xe8ve@example.org>\r\n
S: 553 5.6.7 Non-ASCII address not supported
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C= Subject: caf\xc3\xa9\r\n\r\n\x80\x81\xfe\xff \xc3\xa9t\xc3\xa9\r\n\x00 nul \x7f del\r\n
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check python3 -c "import glob,sys; d=open(glob.glob('mail/alice/new/*')[0],'rb').read(); sys.exit(not d.endswith(b'\nSubject: caf\xc3\xa9\n\n\x80\x81\xfe\xff \xc3\xa9t\xc3\xa9\n\x00 nul \x7f del\n'))"
