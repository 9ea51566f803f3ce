# Transcript runner; the transcripts themselves are listed by the program
# they test (src/smtpd/local.mk, src/pop3d/local.mk).
EXTRA_DIST += tests/transcripts/run-transcript tests/README
