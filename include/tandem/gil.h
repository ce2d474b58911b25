/* The global interpreter lock (gil build) and the blocking-call bracket
 * (both builds).
 *
 * Invariants:
 *  - gil build: a thread runs Python code or touches objects only while it
 *    holds the GIL. The GIL is a flag + holder under one mutex with two
 *    condition variables (src/runtime/gil.c); it is handed from thread to
 *    thread, not owned by a pthread, so the tstate may move between
 *    pthreads (tn_run_on_big_stack).
 *  - A thread waiting longer than tn_runtime.switch_interval sets
 *    TN_EB_GIL_DROP in the holder's eval breaker; the holder drops at its next
 *    safe point (tn_gil_yield) and then waits until ANOTHER thread has taken
 *    the GIL before it asks for it again (forced switching: no starvation).
 *  - With one thread the GIL is taken once at start-up and never waited
 *    for: no timed waits happen until a second thread asks for it.
 *  - ft build: there is no GIL. tn_gil_* are no-ops; TN_BEGIN_BLOCKING /
 *    TN_END_BLOCKING take the thread offline/online for QSBR.
 *  - Between TN_BEGIN_BLOCKING(ts) and TN_END_BLOCKING(ts) the thread must
 *    not touch any Python object (no incref/decref, no tn_err_*): it holds
 *    neither the GIL nor a QSBR read-side. Do not hold a pthread mutex that
 *    a GIL holder may want while calling TN_END_BLOCKING.
 */
#ifndef TANDEM_GIL_H
#define TANDEM_GIL_H

#include "tandem/tstate.h"

/* gil build: take / give back the GIL for `ts` (blocking). */
void tn_gil_acquire(TnThreadState *ts);
void tn_gil_release(TnThreadState *ts);
/* Safe-point handler for TN_EB_GIL_DROP: release, wait until another thread
 * took the GIL, re-acquire. */
void tn_gil_yield(TnThreadState *ts);
/* 1 if `ts` holds the GIL (always 1 in the ft build). */
int tn_gil_held(TnThreadState *ts);
/* Number of threads currently waiting for the GIL (0 in the ft build). */
int tn_gil_waiters(void);

void tn_blocking_begin(TnThreadState *ts);
void tn_blocking_end(TnThreadState *ts);
#define TN_BEGIN_BLOCKING(ts) tn_blocking_begin(ts)
#define TN_END_BLOCKING(ts) tn_blocking_end(ts)

#endif
