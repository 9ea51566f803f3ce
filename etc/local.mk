# etc/local.mk: samples installed into $(sysconfdir)/postern: a documented
# postern.conf (installed as postern.conf only where none exists, and
# always as postern.conf.sample), a sample user file, inetd.conf lines,
# xinetd.d files and tcpserver run scripts, all made from .in files with
# the configured paths (postern_subst, systemd/local.mk).
postern_confdir = $(sysconfdir)/postern
postern_conf_DATA = etc/postern.conf.sample etc/users.example \
	etc/inetd.conf.example
postern_xinetddir = $(postern_confdir)/xinetd.d
postern_xinetd_DATA = etc/xinetd.d/postern-smtpd etc/xinetd.d/postern-pop3d
postern_tcpserverdir = $(postern_confdir)/tcpserver
postern_tcpserver_SCRIPTS = etc/tcpserver/smtpd.run etc/tcpserver/pop3d.run

postern_etc_made = $(postern_conf_DATA) $(postern_xinetd_DATA) \
	$(postern_tcpserver_SCRIPTS)

etc/postern.conf.sample: etc/postern.conf.sample.in Makefile
	$(postern_subst)
etc/users.example: etc/users.example.in Makefile
	$(postern_subst)
etc/inetd.conf.example: etc/inetd.conf.example.in Makefile
	$(postern_subst)
etc/xinetd.d/postern-smtpd: etc/xinetd.d/postern-smtpd.in Makefile
	$(postern_subst)
etc/xinetd.d/postern-pop3d: etc/xinetd.d/postern-pop3d.in Makefile
	$(postern_subst)
etc/tcpserver/smtpd.run: etc/tcpserver/smtpd.run.in Makefile
	$(postern_subst_x)
etc/tcpserver/pop3d.run: etc/tcpserver/pop3d.run.in Makefile
	$(postern_subst_x)

# An administrator's postern.conf survives every install; uninstall takes
# it away only while it is still the unchanged sample.
install-data-local: install-postern-conf
uninstall-local: uninstall-postern-conf
.PHONY: install-postern-conf uninstall-postern-conf
install-postern-conf: etc/postern.conf.sample
	@$(NORMAL_INSTALL)
	$(MKDIR_P) '$(DESTDIR)$(postern_confdir)'
	@conf='$(DESTDIR)$(postern_confdir)/postern.conf'; \
	if test -e "$$conf" || test -h "$$conf"; then \
	  echo "keeping the existing $$conf"; \
	else \
	  echo " $(INSTALL_DATA) etc/postern.conf.sample '$$conf'"; \
	  $(INSTALL_DATA) etc/postern.conf.sample "$$conf"; \
	fi
uninstall-postern-conf:
	@$(NORMAL_UNINSTALL)
	@conf='$(DESTDIR)$(postern_confdir)/postern.conf'; \
	if test -f "$$conf" && cmp -s "$$conf" etc/postern.conf.sample; then \
	  echo " rm -f '$$conf'"; rm -f "$$conf"; \
	elif test -e "$$conf"; then \
	  echo "keeping the changed $$conf"; \
	fi

CLEANFILES += $(postern_etc_made)
EXTRA_DIST += etc/postern.conf.sample.in etc/users.example.in \
	etc/inetd.conf.example.in \
	etc/xinetd.d/postern-smtpd.in etc/xinetd.d/postern-pop3d.in \
	etc/tcpserver/smtpd.run.in etc/tcpserver/pop3d.run.in
