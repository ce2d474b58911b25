/* OS threads running Python callables (src/runtime/thread.c) and the
 * native synchronisation primitives behind _thread / threading
 * (src/modules/threadmodule.c).
 *
 * Invariants:
 *  - Every interpreter thread has its own TnThreadState, is registered with
 *    QSBR (ft), has a BRC merge queue (ft) and holds the GIL while it runs
 *    Python code (gil).
 *  - Thread exit order: drop every Python reference, free the frame arena,
 *    (ft) leave the tstate registry FIRST so that later pushes to our BRC
 *    queue are merged by the pusher, then merge what is queued, unregister
 *    from QSBR; (gil) release the GIL; finally free the tstate.
 *  - tn_thread_count() counts threads started by tn_thread_start that have
 *    not finished running their callable (the main thread excluded).
 */
#ifndef TANDEM_THREAD_H
#define TANDEM_THREAD_H

#include <stdint.h>
#include "tandem/tstate.h"

/* A join handle shared by the starter and the thread (refcounted in C,
 * not a Python object). */
typedef struct TnThreadHandle TnThreadHandle;

/* Start `func(*args, **kwargs)` (kwargs may be NULL) on a new pthread with
 * TN_THREAD_STACK_SIZE of stack. On success returns 0, stores the thread's
 * ident in *ident and, if handle_out is not NULL, a new handle reference.
 * -1 + RuntimeError("can't start new thread") on failure. */
int tn_thread_start(TnObject *func, TnObject *args, TnObject *kwargs,
                    unsigned long *ident, TnThreadHandle **handle_out);
/* Wait for the thread of `h` to finish its callable. timeout < 0: forever.
 * Returns 1 if it finished, 0 on timeout, -1 with KeyboardInterrupt set
 * (main thread, Ctrl-C). Releases the GIL / goes offline while waiting. */
int tn_thread_handle_join(TnThreadHandle *h, double timeout);
int tn_thread_handle_done(TnThreadHandle *h);
void tn_thread_handle_decref(TnThreadHandle *h);

unsigned long tn_thread_get_ident(void);
unsigned long tn_thread_get_native_id(void);
/* Threads started and still running their callable. */
long tn_thread_count(void);

/* A blocking wait on a condition variable that is interruptible by Ctrl-C
 * in the main thread: waits on cv (mu held) until *deadline (CLOCK_MONOTONIC,
 * NULL = forever). Returns 0 when woken (maybe spuriously), ETIMEDOUT, or
 * EINTR when a signal is pending for this thread (caller leaves the wait and
 * calls tn_eval_handle_signals after TN_END_BLOCKING). */
struct timespec;
int tn_thread_cond_wait(TnThreadState *ts, void *cv, void *mu, const struct timespec *deadline);
/* deadline = now(CLOCK_MONOTONIC) + seconds. */
void tn_thread_deadline(struct timespec *deadline, double seconds);

/* Called at process exit by main.c after the script: runs
 * threading._shutdown() if threading was imported (joins non-daemon
 * threads). Returns 0, or -1 with an exception set (e.g. KeyboardInterrupt). */
int tn_thread_shutdown(void);

#endif
