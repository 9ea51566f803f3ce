# Failed logins: a wrong password, an unknown user, a locked account and a
# malformed password all get the same [AUTH] reply; PASS needs USER first.
# The password is verbatim, spaces and '$' included. At the third failure
# (auth_failure_limit) the session closes, without further commands.
%program pop3d
%config auth_failure_limit = 4
%user krissyj Xiu$78g
%userline locked:!$6$Xy1FQk0zv7bTrrMm$Ww174otink9WyjT1.tnC0tjQHhmk9sLOuAhNHo2nLMKNtvt18ZO/Tds6/juxgnr4KKstfszsLTtO0IhXt7G3c/
%userline spacey:$6$Xy1FQk0zv7bTrrMm$Ww174otink9WyjT1.tnC0tjQHhmk9sLOuAhNHo2nLMKNtvt18ZO/Tds6/juxgnr4KKstfszsLTtO0IhXt7G3c/

C: PASS Xiu$78g
C: USER krissyj
C: PASS xiu$78g
C: USER nobody
C: PASS Xiu$78g
C: USER spacey
C: PASS correct horse $battery
C: QUIT
S~ \+OK .*
S: -ERR USER first
S: +OK send PASS
S: -ERR [AUTH] authentication failed
S: +OK send PASS
S: -ERR [AUTH] authentication failed
S: +OK send PASS
S: +OK maildrop has 0 messages (0 octets)
S: +OK bye, 0 messages deleted
%exit 0
