# tests/integration/deploy.mk: tests of the deployment pieces (install
# into a DESTDIR, systemd units, the inetd.conf lines, xinetd and tcpserver
# on loopback) and of postern-passwd. Each script skips (77) when its tool is missing.
postern_deploy_tests = \
	tests/integration/deploy-install.sh \
	tests/integration/deploy-systemd.sh \
	tests/integration/deploy-inetd.sh \
	tests/integration/deploy-xinetd.sh \
	tests/integration/deploy-tcpserver.sh \
	tests/integration/usertool-commands.sh \
	tests/integration/usertool-concurrent.sh \
	tests/integration/usertool-badinput.sh \
	tests/integration/usertool-tty.sh
TESTS += $(postern_deploy_tests)
EXTRA_DIST += $(postern_deploy_tests) tests/integration/deploy-lib.sh

# The installation directories, expanded, for the tests above to read.
.PHONY: deploy-print-dirs
deploy-print-dirs:
	@for v in 'prefix=$(prefix)' 'sbindir=$(sbindir)' \
	    'sysconfdir=$(sysconfdir)' 'localstatedir=$(localstatedir)' \
	    'mandir=$(mandir)' 'systemdsystemunitdir=$(systemdsystemunitdir)' \
	    'sysusersdir=$(sysusersdir)' 'tmpfilesdir=$(tmpfilesdir)'; do \
	  echo "$${v%%=*}='$${v#*=}'"; \
	done
# deploy-lib.sh serialises the tests' make install runs with this lock.
CLEANFILES += tests/integration/deploy-install.lock
