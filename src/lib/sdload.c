/*
 * sdload.c: libsystemd on demand. The first call that needs it dlopens
 * libsystemd.so.0 (its soname, so the same library the link would have
 * used) and looks up the three functions; a failure is remembered, and
 * every later call answers -ENOSYS at once.
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

/* The plain prototype of sd_journal_sendv, not the macro that adds our
   own file and line as CODE_FILE/CODE_LINE (sd-journal.h). */
#define SD_JOURNAL_SUPPRESS_LOCATION
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

#include "fmt.h"
#include "sdload.h"

typedef int (*sdload_sendv_fn)(const struct iovec *, int);
typedef int (*sdload_listen_fds_fn)(int);
typedef int (*sdload_is_socket_fn)(int, int, int, int);

/* The pointer types must match the headers' prototypes. _Generic does
   not evaluate its operand, so these name no symbol in the object. */
_Static_assert(_Generic(&sd_journal_sendv, sdload_sendv_fn : 1, default : 0),
	       "sd_journal_sendv differs from sd-journal.h");
_Static_assert(_Generic(&sd_listen_fds, sdload_listen_fds_fn : 1, default : 0),
	       "sd_listen_fds differs from sd-daemon.h");
_Static_assert(_Generic(&sd_is_socket, sdload_is_socket_fn : 1, default : 0),
	       "sd_is_socket differs from sd-daemon.h");

static struct {
	int state; /* 0: not tried, 1: loaded, -1: failed */
	sdload_sendv_fn sendv;
	sdload_listen_fds_fn listen_fds;
	sdload_is_socket_fn is_socket;
	char error[256];
} sdl;

/* dlsym(3) gives a void *; POSIX guarantees it holds a function's
   address, and memcpy says so without an object-to-function cast. */
static int sdload_sym(void *h, const char *name, void *fn, size_t size)
{
	void *p = dlsym(h, name);

	if (p == NULL || size != sizeof(p))
		return -1;
	memcpy(fn, &p, size);
	return 0;
}

static int sdload_open(void)
{
	const char *err;
	void *h;

	if (sdl.state != 0)
		return sdl.state;
	sdl.state = -1;
	/* RTLD_NOW: a library that cannot be bound fails here, not in the
	   middle of a session. It is never closed. */
	h = dlopen("libsystemd.so.0", RTLD_NOW | RTLD_LOCAL);
	if (h == NULL ||
	    sdload_sym(h, "sd_journal_sendv", &sdl.sendv, sizeof(sdl.sendv)) ||
	    sdload_sym(h, "sd_listen_fds", &sdl.listen_fds,
		       sizeof(sdl.listen_fds)) ||
	    sdload_sym(h, "sd_is_socket", &sdl.is_socket,
		       sizeof(sdl.is_socket))) {
		err = dlerror();
		fmt_snprintf(sdl.error, sizeof(sdl.error), "%s",
			     err != NULL ? err : "libsystemd.so.0: not usable");
		if (h != NULL)
			dlclose(h);
		return -1;
	}
	sdl.state = 1;
	return 1;
}

int sdload_journal_sendv(const struct iovec *iov, int n)
{
	if (sdload_open() < 0)
		return -ENOSYS;
	return sdl.sendv(iov, n);
}

int sdload_listen_fds(int unset_environment)
{
	if (sdload_open() < 0)
		return -ENOSYS;
	return sdl.listen_fds(unset_environment);
}

int sdload_is_socket(int fd, int family, int type, int listening)
{
	if (sdload_open() < 0)
		return -ENOSYS;
	return sdl.is_socket(fd, family, type, listening);
}

bool sdload_loaded(void)
{
	return sdl.state > 0;
}

const char *sdload_error(void)
{
	return sdl.error;
}
