/*
 * conn_private.h: the deadline clock that the input side (conn.c), the
 * line reader (linereader.c) and the output side (conn_write.c) of a
 * connection share. Not for use outside src/lib/conn*.c and linereader.c.
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

/*
 * Milliseconds left until deadline, as poll() and conn_peek() take them:
 * -1 (forever) for no deadline, 0 once it has passed, and at most a day
 * so that it fits an int (a caller just waits again).
 */
int conn_ms_left(int64_t deadline);

/* True when deadline is not -1 and has passed. */
bool conn_deadline_passed(int64_t deadline);

/*
 * Waits with poll() until fd is ready for events: 1 ready (hang-up and
 * error included), 0 deadline passed, -1 poll() failed. EINTR only
 * shortens one round.
 */
int conn_wait_fd(int fd, short events, int64_t deadline);

#endif
