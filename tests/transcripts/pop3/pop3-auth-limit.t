# A locked account fails like a wrong password; at auth_failure_limit (3
# by default) the session is closed and later commands are not read.
%program pop3d
%user krissyj Xiu$78g
%userline locked:!$6$Xy1FQk0zv7bTrrMm$Ww174otink9WyjT1.tnC0tjQHhmk9sLOuAhNHo2nLMKNtvt18ZO/Tds6/juxgnr4KKstfszsLTtO0IhXt7G3c/
%exit 1

C: USER locked
C: PASS correct horse $battery
C: USER krissyj
C: PASS wrong
C: USER krissyj
C: PASS Xiu$78g:
C: USER krissyj
C: PASS Xiu$78g
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: -ERR [AUTH] authentication failed
S: +OK send PASS
S: -ERR [AUTH] authentication failed
S: +OK send PASS
S: -ERR [AUTH] authentication failed, closing
