# man/local.mk: the manual pages, made from .in files with the configured
# paths (postern_subst, systemd/local.mk).
postern_man = man/smtpd.8 man/pop3d.8 man/postern.conf.5 \
	man/postern-passwd.8
man_MANS += $(postern_man)

man/smtpd.8: man/smtpd.8.in Makefile
	$(postern_subst)
man/pop3d.8: man/pop3d.8.in Makefile
	$(postern_subst)
man/postern.conf.5: man/postern.conf.5.in Makefile
	$(postern_subst)
man/postern-passwd.8: man/postern-passwd.8.in Makefile
	$(postern_subst)

CLEANFILES += $(postern_man)
EXTRA_DIST += man/smtpd.8.in man/pop3d.8.in man/postern.conf.5.in \
	man/postern-passwd.8.in
