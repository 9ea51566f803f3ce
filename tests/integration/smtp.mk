# tests/integration/smtp.mk: smtpd against real clients (Python smtplib,
# swaks, curl) on 127.0.0.1 under systemd-socket-activate, inetd-style and
# fd 3. smtp-helper.py is loaded by the tests, not run. Each test skips
# (77) when its tool is missing. The measurements (RSS, AUTH timing) are
# scripts run by hand, not part of make check.
SMTP_INTEGRATION = \
	tests/integration/smtp-smtplib.py \
	tests/integration/smtp-pipelining.py \
	tests/integration/smtp-timeout.py \
	tests/integration/smtp-auth.py \
	tests/integration/smtp-swaks.py \
	tests/integration/smtp-curl.py \
	tests/integration/smtp-diskfull.sh \
	tests/integration/smtp-relay-signals.py \
	tests/integration/smtp-rcpt-memo.py \
	tests/integration/smtp-userindex.py
TESTS += $(SMTP_INTEGRATION)
EXTRA_DIST += $(SMTP_INTEGRATION) tests/integration/smtp-helper.py \
	tests/integration/testlib.py \
	tests/measure-smtpd-rss.sh tests/measure-smtpd-auth-timing.py
