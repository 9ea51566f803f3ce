# tests/integration/pop3.mk: pop3d against real clients (Python poplib,
# curl, mpop) on 127.0.0.1 under systemd-socket-activate, and the round
# trip through smtpd. pop3-helper.py is loaded by the tests, not run.
POP3_INTEGRATION = \
	tests/integration/pop3-poplib.py \
	tests/integration/pop3-curl.py \
	tests/integration/pop3-mpop.py \
	tests/integration/pop3-roundtrip.py \
	tests/integration/pop3-inuse.py \
	tests/integration/pop3-timeout.py \
	tests/integration/pop3-moved.py \
	tests/integration/pop3-latency.py \
	tests/integration/pop3-authdelay.py \
	tests/integration/pop3-readonly.py
TESTS += $(POP3_INTEGRATION)
EXTRA_DIST += $(POP3_INTEGRATION) tests/integration/pop3-helper.py \
	tests/measure-pop3d.sh
