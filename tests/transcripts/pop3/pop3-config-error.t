# An unknown key in the configuration file: the client gets
# -ERR [SYS/PERM] (INTERFACE.md) and pop3d exits 111.
%program pop3d
%config no_such_key = 1
%exit 111

C: QUIT
S: -ERR [SYS/PERM] server configuration error
