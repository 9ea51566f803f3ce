/*
 * conn_private.h: the deadline clock that the input side (conn.c) and the
 * output side (conn_write.c) of a connection share. Not for use outside
 * src/lib/conn*.c.
 */
#ifndef POSTERN_CONN_PRIVATE_H
#define POSTERN_CONN_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * The absolute deadline (CLOCK_MONOTONIC, milliseconds) timeout_ms from
 * now; -1, meaning none, when timeout_ms is negative.
 */
int64_t conn_deadline_after(int timeout_ms);

/* True when deadline is not -1 and has passed. */
bool conn_deadline_passed(int64_t deadline);

/*
 * Waits with poll() until fd is ready for events: 1 ready (hang-up and
 * error included), 0 deadline passed, -1 poll() failed. EINTR only
 * shortens one round.
 */
int conn_wait_fd(int fd, short events, int64_t deadline);

#endif
