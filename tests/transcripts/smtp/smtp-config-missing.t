# -c naming a file that cannot be read: 421 4.3.0 and exit 111.
%program smtpd
%args -c {T}/no-such.conf
%exit 111
S: 421 4.3.0 Service not available: configuration error
C: QUIT
