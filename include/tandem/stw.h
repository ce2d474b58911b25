/* Stopping the world, and the attached/detached state of threads.
 *
 * Invariants:
 *  - ft build: a thread is ATTACHED while it may touch objects and DETACHED
 *    while it is blocked (TN_BEGIN_BLOCKING..TN_END_BLOCKING, waiting to
 *    start, exiting). Attaching waits while the world is stopped.
 *  - Between tn_stop_the_world() and tn_start_the_world() the calling thread
 *    is the only attached thread: every other one is parked at a safe point
 *    (TN_EB_STOP_WORLD) or detached, so nothing else reads or writes
 *    objects, reference counts or per-thread count arrays. The caller must
 *    not hold an object lock (a thread waiting for it could not park) and
 *    must not run Python code before restarting the world.
 *  - One stop at a time: a second requester parks until the first is done.
 *  - gil build: the GIL holder is already alone; everything here compiles to
 *    nothing.
 */
#ifndef TANDEM_STW_H
#define TANDEM_STW_H

#include "tandem/tstate.h"

#ifdef TANDEM_FT
void tn_stop_the_world(void);
void tn_start_the_world(void);
/* Attach / detach the calling thread (gil.c's blocking bracket and the
 * thread life cycle use these). */
void tn_thread_attach(TnThreadState *ts);
void tn_thread_detach(TnThreadState *ts);
/* Safe-point handler for TN_EB_STOP_WORLD: park until the world restarts. */
void tn_stw_park(TnThreadState *ts);
/* Membership of the list the requester waits on (tstate.c). */
void tn_stw_thread_add(TnThreadState *ts);
void tn_stw_thread_remove(TnThreadState *ts);
/* Call fn on every thread state, attached or not; world stopped only. */
/* 1 if ts is the only thread state (none starting, none exiting). */
int tn_stw_only(TnThreadState *ts);
void tn_stw_foreach(void (*fn)(TnThreadState *, void *), void *arg);
/* An exiting thread hands its deferred counts over (deferred.c). */
void tn_deferred_thread_exit(TnThreadState *ts);
#else
TN_INLINE void tn_stop_the_world(void) {}
TN_INLINE void tn_start_the_world(void) {}
#endif

#endif
