# POSTERN_CFLAG_ADD(VAR, FLAG): append FLAG to VAR when the C compiler takes it
# without a warning, so that one flag list serves gcc and clang alike.
AC_DEFUN([POSTERN_CFLAG_ADD], [
  AC_MSG_CHECKING([whether $CC accepts $2])
  postern_save_CFLAGS=$CFLAGS
  CFLAGS="$CFLAGS -Werror $2"
  AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
    [AC_MSG_RESULT([yes]); $1="$$1 $2"],
    [AC_MSG_RESULT([no])])
  CFLAGS=$postern_save_CFLAGS
])

# POSTERN_LDFLAG_ADD(VAR, FLAG): the same for the linker.
AC_DEFUN([POSTERN_LDFLAG_ADD], [
  AC_MSG_CHECKING([whether the linker accepts $2])
  postern_save_LDFLAGS=$LDFLAGS
  LDFLAGS="$LDFLAGS $2"
  AC_LINK_IFELSE([AC_LANG_PROGRAM([], [])],
    [AC_MSG_RESULT([yes]); $1="$$1 $2"],
    [AC_MSG_RESULT([no])])
  LDFLAGS=$postern_save_LDFLAGS
])
