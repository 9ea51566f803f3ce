# Refusals that are no protocol error must not be repeatable without
# bound either (RFC 5321 7.8): MAIL refused for its SIZE (552 5.3.4),
# AUTH where it is not allowed (538 5.7.11) and RCPT over
# recipient_limit (452 4.5.3) count towards the same bound as NOOP, so
# the 101st such command since HELO gets 421 4.7.0.
%program smtpd
%config plaintext_auth = no
%config recipient_limit = 1
%user alice secret
%exit 1
S: 220 mx.example.org ESMTP postern
C: HELO client.example.net
S: 250 mx.example.org
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: MAIL FROM:<bob@example.net> SIZE=99999999999
S: 552 5.3.4 Message size exceeds fixed limit
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: AUTH PLAIN AGFsaWNlAHNlY3JldA==
S: 538 5.7.11 Encryption required for requested authentication mechanism
C: MAIL FROM:<bob@example.net>
S: 250 2.1.0 Ok
C: RCPT TO:<alice@example.org>
S: 250 2.1.5 Ok
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
C: RCPT TO:<alice@example.org>
S: 452 4.5.3 Too many recipients
S: 421 4.7.0 Too many commands without a transaction
C: NOOP
