/*
 * syncdir.c: fsync of the directory holding a file (syncdir.h), for the
 * atomic rewrites of postern-passwd: the user file and its index.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "postern_limits.h"
#include "syncdir.h"

int sync_parent_dir(const char *path)
{
	char dir[POSTERN_MAX_PATHNAME];
	char *slash;
	size_t n = strlen(path);
	int fd, r, err;

	if (n >= sizeof(dir)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(dir, path, n + 1);
	slash = strrchr(dir, '/');
	if (slash == NULL)
		memcpy(dir, ".", 2);
	else
		slash[slash == dir ? 1 : 0] = '\0';
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	r = fsync(fd);
	err = errno;
	close(fd);
	if (r < 0 && err != EINVAL) {
		errno = err;
		return -1;
	}
	return 0;
}
