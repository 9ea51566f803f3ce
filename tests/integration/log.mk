# tests/integration/log.mk: where the logs go. log-stderr.sh needs nothing;
# log-journal.sh, log-syslog.sh and log-fallback.sh bind their own listeners
# at the journal's socket and /dev/log in a private mount namespace (unshare
# -m as root, or -rm with user namespaces) and skip (77) without one.
# log-helper.py is loaded by the tests and log-lib.sh sourced, not run.
LOG_INTEGRATION = \
	tests/integration/log-stderr.sh \
	tests/integration/log-journal.sh \
	tests/integration/log-syslog.sh \
	tests/integration/log-fallback.sh
TESTS += $(LOG_INTEGRATION)
EXTRA_DIST += $(LOG_INTEGRATION) tests/integration/log-helper.py \
	tests/integration/log-lib.sh
