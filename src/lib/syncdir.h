/*
 * syncdir.h: making a rename durable. A rename(2) lives in the directory
 * that holds the file, so that directory is what must be fsynced.
 */
#ifndef POSTERN_SYNCDIR_H
#define POSTERN_SYNCDIR_H

/*
 * fsync(2) of the directory holding path ("." when path has no '/').
 * 0, or -1 with errno; a file system that cannot fsync a directory
 * (EINVAL) counts as done, since the rename stands there anyway.
 */
int sync_parent_dir(const char *path);

#endif
