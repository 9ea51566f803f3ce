/*
 * maildir_private.h: what delivery (maildir.c) and scanning
 * (maildir_scan.c) share. Not for use outside src/lib/maildir*.c.
 */
#ifndef POSTERN_MAILDIR_PRIVATE_H
#define POSTERN_MAILDIR_PRIVATE_H

#include <stddef.h>

/*
 * Writes dir/sub, or dir/sub/name when name is not NULL, into dst (size
 * octets). 0, or -1 with errno ENAMETOOLONG when it would be cut.
 */
int maildir_path(char *dst, size_t size, const char *dir, const char *sub,
		 const char *name);

#endif
