# A configuration file named with -c that does not exist is an error too.
%program pop3d
%args -c {T}/missing.conf
%exit 111

C: QUIT
S: -ERR [SYS/PERM] server configuration error
