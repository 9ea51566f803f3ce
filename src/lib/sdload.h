/*
 * sdload.h: the few libsystemd calls postern makes, reached through
 * dlopen("libsystemd.so.0") on first use instead of linking libsystemd.
 * Linking it costs every exec its dependencies' loading and relocation
 * (libgcrypt, liblzma, libzstd, liblz4, libcap), and every connection is
 * an exec; only a journal logger and a socket-activated session need it.
 */
#ifndef POSTERN_SDLOAD_H
#define POSTERN_SDLOAD_H

#include <stdbool.h>
#include <sys/uio.h>

/*
 * sd_journal_sendv(3): one journal entry of n "FIELD=value" iovecs.
 * Loads libsystemd on the first call. Returns 0, the negative errno
 * sd_journal_sendv returned, or -ENOSYS when libsystemd cannot be loaded.
 */
int sdload_journal_sendv(const struct iovec *iov, int n);

/*
 * sd_listen_fds(3): the number of fds systemd passed (from SD_LISTEN_FDS_
 * START on), unsetting LISTEN_* when unset_environment is non-zero. Loads
 * libsystemd; -ENOSYS when it cannot be loaded.
 */
int sdload_listen_fds(int unset_environment);

/*
 * sd_is_socket(3): 1 when fd is a socket of that family (AF_UNSPEC: any),
 * type (0: any) and listening state (-1: either), else 0, or a negative
 * errno. Loads libsystemd; -ENOSYS when it cannot be loaded.
 */
int sdload_is_socket(int fd, int family, int type, int listening);

/*
 * Whether an earlier call loaded libsystemd into this process (it stays
 * loaded). Never loads it.
 */
bool sdload_loaded(void);

/*
 * Why loading failed (dlerror(3)'s text), for a log line; "" before a
 * failure. Never loads libsystemd.
 */
const char *sdload_error(void);

#endif
