# Sizes (RFC 1939 section 11: the octets RETR sends with CRLF, before
# dot-stuffing): ,W= is trusted only when ,S= matches the file; else pop3d
# counts. A file with CRLF already keeps it, a bare CR stays, and a last
# line without its end gets CRLF (counted). Message 7's ,W= is off by one
# but possible for its ,S=, and is believed: that is what lets STAT answer
# without reading any message.
%program pop3d
%user krissyj Xiu$78g
%setup mkdir -p mail/krissyj/new mail/krissyj/cur
%setup printf 'Subject: a\n\nbody\n' > mail/krissyj/new/1700000100.M1P1.h,S=999,W=5
%setup printf 'Subject: b\n\nbody\n' > mail/krissyj/new/1700000200.M1P1.h,S=17
%setup printf 'Subject: c\r\n\r\nbody\r\n' > mail/krissyj/new/1700000300.M1P1.h
%setup printf 'Subject: d\n\nno end' > mail/krissyj/new/1700000400.M1P1.h
%setup printf 'Subject: e\n\na\rb\nx\r' > mail/krissyj/new/1700000500.M1P1.h
%setup printf 'Subject: f\n\nbody\n' > mail/krissyj/new/1700000600.M1P1.h,S=17,W=20
%setup printf 'Subject: g\n\nbody\n' > mail/krissyj/new/1700000700.M1P1.h,S=17,W=21

C: USER krissyj
C: PASS Xiu$78g
C: LIST
C: RETR 3
C: RETR 4
C: RETR 5
C: QUIT
S~ \+OK .*
S: +OK send PASS
S: +OK maildrop has 7 messages (145 octets)
S: +OK 7 messages (145 octets)
S: 1 20
S: 2 20
S: 3 20
S: 4 22
S: 5 22
S: 6 20
S: 7 21
S: .
S: +OK 20 octets
S: Subject: c
S:
S: body
S: .
S: +OK 22 octets
S: Subject: d
S:
S: no end
S: .
S: +OK 22 octets
S: Subject: e
S:
S~ a\rb
S: x
S: .
S: +OK bye, 0 messages deleted
