# Loop detection (RFC 5321 6.3): more than 100 Received: fields in the
# header section is 554 5.4.6; 100 pass; the field name is matched in
# any case; Received: lines in the body (after the first empty line)
# do not count.
%program smtpd
%user alice secret
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Received: from hop0.example by hop1.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop1.example by hop2.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop2.example by hop3.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop3.example by hop4.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop4.example by hop5.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop5.example by hop6.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop6.example by hop7.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop7.example by hop8.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop8.example by hop9.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop9.example by hop10.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop10.example by hop11.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop11.example by hop12.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop12.example by hop13.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop13.example by hop14.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop14.example by hop15.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop15.example by hop16.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop16.example by hop17.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop17.example by hop18.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop18.example by hop19.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop19.example by hop20.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop20.example by hop21.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop21.example by hop22.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop22.example by hop23.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop23.example by hop24.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop24.example by hop25.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop25.example by hop26.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop26.example by hop27.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop27.example by hop28.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop28.example by hop29.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop29.example by hop30.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop30.example by hop31.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop31.example by hop32.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop32.example by hop33.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop33.example by hop34.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop34.example by hop35.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop35.example by hop36.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop36.example by hop37.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop37.example by hop38.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop38.example by hop39.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop39.example by hop40.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop40.example by hop41.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop41.example by hop42.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop42.example by hop43.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop43.example by hop44.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop44.example by hop45.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop45.example by hop46.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop46.example by hop47.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop47.example by hop48.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop48.example by hop49.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop49.example by hop50.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop50.example by hop51.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop51.example by hop52.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop52.example by hop53.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop53.example by hop54.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop54.example by hop55.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop55.example by hop56.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop56.example by hop57.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop57.example by hop58.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop58.example by hop59.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop59.example by hop60.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop60.example by hop61.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop61.example by hop62.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop62.example by hop63.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop63.example by hop64.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop64.example by hop65.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop65.example by hop66.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop66.example by hop67.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop67.example by hop68.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop68.example by hop69.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop69.example by hop70.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop70.example by hop71.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop71.example by hop72.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop72.example by hop73.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop73.example by hop74.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop74.example by hop75.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop75.example by hop76.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop76.example by hop77.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop77.example by hop78.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop78.example by hop79.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop79.example by hop80.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop80.example by hop81.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop81.example by hop82.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop82.example by hop83.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop83.example by hop84.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop84.example by hop85.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop85.example by hop86.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop86.example by hop87.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop87.example by hop88.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop88.example by hop89.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop89.example by hop90.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop90.example by hop91.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop91.example by hop92.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop92.example by hop93.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop93.example by hop94.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop94.example by hop95.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop95.example by hop96.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop96.example by hop97.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop97.example by hop98.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop98.example by hop99.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop99.example by hop100.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Subject: 100 hops
C:
C: body
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Received: from hop0.example by hop1.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop1.example by hop2.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop2.example by hop3.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop3.example by hop4.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop4.example by hop5.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop5.example by hop6.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop6.example by hop7.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop7.example by hop8.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop8.example by hop9.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop9.example by hop10.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop10.example by hop11.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop11.example by hop12.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop12.example by hop13.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop13.example by hop14.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop14.example by hop15.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop15.example by hop16.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop16.example by hop17.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop17.example by hop18.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop18.example by hop19.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop19.example by hop20.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop20.example by hop21.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop21.example by hop22.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop22.example by hop23.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop23.example by hop24.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop24.example by hop25.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop25.example by hop26.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop26.example by hop27.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop27.example by hop28.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop28.example by hop29.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop29.example by hop30.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop30.example by hop31.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop31.example by hop32.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop32.example by hop33.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop33.example by hop34.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop34.example by hop35.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop35.example by hop36.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop36.example by hop37.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop37.example by hop38.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop38.example by hop39.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop39.example by hop40.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop40.example by hop41.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop41.example by hop42.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop42.example by hop43.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop43.example by hop44.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop44.example by hop45.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop45.example by hop46.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop46.example by hop47.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop47.example by hop48.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop48.example by hop49.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop49.example by hop50.example; Mon, 1 Jan 2024 00:00:00 +0000
C: RECEIVED: from x by y; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop50.example by hop51.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop51.example by hop52.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop52.example by hop53.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop53.example by hop54.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop54.example by hop55.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop55.example by hop56.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop56.example by hop57.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop57.example by hop58.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop58.example by hop59.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop59.example by hop60.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop60.example by hop61.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop61.example by hop62.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop62.example by hop63.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop63.example by hop64.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop64.example by hop65.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop65.example by hop66.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop66.example by hop67.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop67.example by hop68.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop68.example by hop69.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop69.example by hop70.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop70.example by hop71.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop71.example by hop72.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop72.example by hop73.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop73.example by hop74.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop74.example by hop75.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop75.example by hop76.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop76.example by hop77.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop77.example by hop78.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop78.example by hop79.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop79.example by hop80.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop80.example by hop81.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop81.example by hop82.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop82.example by hop83.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop83.example by hop84.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop84.example by hop85.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop85.example by hop86.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop86.example by hop87.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop87.example by hop88.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop88.example by hop89.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop89.example by hop90.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop90.example by hop91.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop91.example by hop92.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop92.example by hop93.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop93.example by hop94.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop94.example by hop95.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop95.example by hop96.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop96.example by hop97.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop97.example by hop98.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop98.example by hop99.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop99.example by hop100.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Subject: 101 hops
C:
C: body
C: .
S: 554 5.4.6 Too many Received headers: mail loop
C: MAIL FROM:<a@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: quoted
C:
C: Received: from hop0.example by hop1.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop1.example by hop2.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop2.example by hop3.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop3.example by hop4.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop4.example by hop5.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop5.example by hop6.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop6.example by hop7.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop7.example by hop8.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop8.example by hop9.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop9.example by hop10.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop10.example by hop11.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop11.example by hop12.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop12.example by hop13.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop13.example by hop14.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop14.example by hop15.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop15.example by hop16.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop16.example by hop17.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop17.example by hop18.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop18.example by hop19.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop19.example by hop20.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop20.example by hop21.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop21.example by hop22.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop22.example by hop23.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop23.example by hop24.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop24.example by hop25.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop25.example by hop26.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop26.example by hop27.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop27.example by hop28.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop28.example by hop29.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop29.example by hop30.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop30.example by hop31.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop31.example by hop32.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop32.example by hop33.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop33.example by hop34.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop34.example by hop35.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop35.example by hop36.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop36.example by hop37.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop37.example by hop38.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop38.example by hop39.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop39.example by hop40.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop40.example by hop41.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop41.example by hop42.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop42.example by hop43.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop43.example by hop44.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop44.example by hop45.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop45.example by hop46.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop46.example by hop47.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop47.example by hop48.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop48.example by hop49.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop49.example by hop50.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop50.example by hop51.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop51.example by hop52.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop52.example by hop53.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop53.example by hop54.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop54.example by hop55.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop55.example by hop56.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop56.example by hop57.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop57.example by hop58.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop58.example by hop59.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop59.example by hop60.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop60.example by hop61.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop61.example by hop62.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop62.example by hop63.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop63.example by hop64.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop64.example by hop65.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop65.example by hop66.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop66.example by hop67.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop67.example by hop68.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop68.example by hop69.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop69.example by hop70.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop70.example by hop71.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop71.example by hop72.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop72.example by hop73.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop73.example by hop74.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop74.example by hop75.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop75.example by hop76.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop76.example by hop77.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop77.example by hop78.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop78.example by hop79.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop79.example by hop80.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop80.example by hop81.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop81.example by hop82.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop82.example by hop83.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop83.example by hop84.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop84.example by hop85.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop85.example by hop86.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop86.example by hop87.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop87.example by hop88.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop88.example by hop89.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop89.example by hop90.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop90.example by hop91.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop91.example by hop92.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop92.example by hop93.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop93.example by hop94.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop94.example by hop95.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop95.example by hop96.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop96.example by hop97.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop97.example by hop98.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop98.example by hop99.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop99.example by hop100.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop0.example by hop1.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop1.example by hop2.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop2.example by hop3.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop3.example by hop4.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop4.example by hop5.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop5.example by hop6.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop6.example by hop7.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop7.example by hop8.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop8.example by hop9.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop9.example by hop10.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop10.example by hop11.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop11.example by hop12.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop12.example by hop13.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop13.example by hop14.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop14.example by hop15.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop15.example by hop16.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop16.example by hop17.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop17.example by hop18.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop18.example by hop19.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop19.example by hop20.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop20.example by hop21.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop21.example by hop22.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop22.example by hop23.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop23.example by hop24.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop24.example by hop25.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop25.example by hop26.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop26.example by hop27.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop27.example by hop28.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop28.example by hop29.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop29.example by hop30.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop30.example by hop31.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop31.example by hop32.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop32.example by hop33.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop33.example by hop34.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop34.example by hop35.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop35.example by hop36.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop36.example by hop37.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop37.example by hop38.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop38.example by hop39.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop39.example by hop40.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop40.example by hop41.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop41.example by hop42.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop42.example by hop43.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop43.example by hop44.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop44.example by hop45.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop45.example by hop46.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop46.example by hop47.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop47.example by hop48.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop48.example by hop49.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop49.example by hop50.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop50.example by hop51.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop51.example by hop52.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop52.example by hop53.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop53.example by hop54.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop54.example by hop55.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop55.example by hop56.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop56.example by hop57.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop57.example by hop58.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop58.example by hop59.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop59.example by hop60.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop60.example by hop61.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop61.example by hop62.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop62.example by hop63.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop63.example by hop64.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop64.example by hop65.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop65.example by hop66.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop66.example by hop67.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop67.example by hop68.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop68.example by hop69.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop69.example by hop70.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop70.example by hop71.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop71.example by hop72.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop72.example by hop73.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop73.example by hop74.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop74.example by hop75.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop75.example by hop76.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop76.example by hop77.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop77.example by hop78.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop78.example by hop79.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop79.example by hop80.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop80.example by hop81.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop81.example by hop82.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop82.example by hop83.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop83.example by hop84.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop84.example by hop85.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop85.example by hop86.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop86.example by hop87.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop87.example by hop88.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop88.example by hop89.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop89.example by hop90.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop90.example by hop91.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop91.example by hop92.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop92.example by hop93.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop93.example by hop94.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop94.example by hop95.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop95.example by hop96.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop96.example by hop97.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop97.example by hop98.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop98.example by hop99.example; Mon, 1 Jan 2024 00:00:00 +0000
C: Received: from hop99.example by hop100.example; Mon, 1 Jan 2024 00:00:00 +0000
C: .
S~ 250 2\.0\.0 Ok: queued as [0-9A-Za-z]+
C: QUIT
S: 221 2.0.0 Bye
%check test $(ls mail/alice/new | wc -l) = 2
%check ! grep -q '^Subject: 101 hops' mail/alice/new/*
%check test $(ls mail/alice/tmp | wc -l) = 0
