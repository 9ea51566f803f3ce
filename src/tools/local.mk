# src/tools/local.mk: postern-passwd, the user file tool.
sbin_PROGRAMS += src/tools/postern-passwd
src_tools_postern_passwd_SOURCES = src/tools/postern-passwd.c \
	src/tools/ufedit.c src/tools/ufedit.h \
	src/tools/pwprompt.c src/tools/pwprompt.h
src_tools_postern_passwd_CPPFLAGS = $(AM_CPPFLAGS) \
	-DPOSTERN_VERSION='"$(PACKAGE_VERSION)"'
src_tools_postern_passwd_CFLAGS = $(AM_CFLAGS) $(CRYPT_CFLAGS)
src_tools_postern_passwd_LDADD = $(POSTERN_LIBS)
