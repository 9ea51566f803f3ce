# A configuration that cannot be used: the client gets 421 4.3.0 and
# nothing else (INTERFACE.md), and smtpd exits 111 (a setup error).
%program smtpd
%config no_such_key = 1
%exit 111
S: 421 4.3.0 Service not available: configuration error
C: HELO client.example.net
C: QUIT
