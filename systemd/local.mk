# systemd/local.mk: socket-activated units (Accept=yes, one process per
# connection), the sysusers.d file for the postern user and the tmpfiles.d
# file for the mail root. Units are made from .in files by sed at make time,
# so they name the configured sbindir, sysconfdir and localstatedir.

# Shared with etc/local.mk and man/local.mk: @name@ -> configured path.
# The [@] keeps config.status from substituting these in the Makefile.
postern_edit = sed -e 's|@sbindir[@]|$(sbindir)|g' \
	-e 's|@sysconfdir[@]|$(sysconfdir)|g' \
	-e 's|@localstatedir[@]|$(localstatedir)|g' \
	-e 's|@PACKAGE_VERSION[@]|$(PACKAGE_VERSION)|g'
# Makes $@ from $(srcdir)/$@.in; a failed sed leaves no half-made target.
postern_subst = $(AM_V_GEN)$(MKDIR_P) $(@D) && rm -f $@ $@.tmp && \
	$(postern_edit) $(srcdir)/$@.in > $@.tmp && mv $@.tmp $@
# The same for scripts: executable before they appear.
postern_subst_x = $(AM_V_GEN)$(MKDIR_P) $(@D) && rm -f $@ $@.tmp && \
	$(postern_edit) $(srcdir)/$@.in > $@.tmp && chmod +x $@.tmp && \
	mv $@.tmp $@

# tmpfiles.d: tmpfilesdir comes from pkg-config systemd, overridable with
# --with-tmpfilesdir.
tmpfiles_DATA = systemd/tmpfiles.d/postern.conf

postern_units = systemd/postern-smtpd@.service systemd/postern-pop3d@.service
systemdsystemunit_DATA += systemd/postern-smtpd.socket \
	systemd/postern-pop3d.socket $(postern_units)
# sysusers.d and tmpfiles.d read NAME.conf: install ours as postern.conf.
sysusers_DATA += systemd/sysusers.d/postern.conf

systemd/postern-smtpd@.service: systemd/postern-smtpd@.service.in Makefile
	$(postern_subst)
systemd/postern-pop3d@.service: systemd/postern-pop3d@.service.in Makefile
	$(postern_subst)
systemd/tmpfiles.d/postern.conf: systemd/postern.tmpfiles.conf.in Makefile
	$(AM_V_GEN)$(MKDIR_P) $(@D) && rm -f $@ $@.tmp && \
	$(postern_edit) $(srcdir)/systemd/postern.tmpfiles.conf.in > $@.tmp && \
	mv $@.tmp $@
systemd/sysusers.d/postern.conf: systemd/postern.sysusers.conf
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	cp $(srcdir)/systemd/postern.sysusers.conf $@

CLEANFILES += $(postern_units) systemd/sysusers.d/postern.conf \
	systemd/tmpfiles.d/postern.conf
EXTRA_DIST += systemd/postern-smtpd.socket systemd/postern-pop3d.socket \
	systemd/postern-smtpd@.service.in systemd/postern-pop3d@.service.in \
	systemd/postern.sysusers.conf systemd/postern.tmpfiles.conf.in \
	systemd/relay.conf.example systemd/README

# distcheck installs under a private prefix: the unit and sysusers.d
# directories must follow it instead of pkg-config's absolute paths.
AM_DISTCHECK_CONFIGURE_FLAGS = \
	--with-systemdsystemunitdir='$${libdir}/systemd/system' \
	--with-sysusersdir='$${libdir}/sysusers.d' \
	--with-tmpfilesdir='$${libdir}/tmpfiles.d'
