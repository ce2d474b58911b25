/* -X chaos=SEED: reproducible scheduling perturbation at safe points.
 *
 * Invariants:
 *  - Off (the default) it costs nothing on the eval loop's normal path: the
 *    loop still does one relaxed load of ts->eval_breaker and one branch at
 *    each safe point. Chaos works by keeping TN_EB_CHAOS set in the breaker
 *    word of every thread, so the loop always takes the slow path.
 *  - Each thread has its own PRNG (ts->chaos_state, splitmix64-seeded from
 *    the seed and the thread's tid, then xorshift64*), touched only by that
 *    thread: the same seed gives every thread the same sequence of
 *    decisions, whatever the OS does with the threads.
 *  - A perturbation is only ever something the scheduler could have done
 *    anyway: gil build, a forced GIL hand-off (tn_gil_yield); ft build, a
 *    sched_yield or a short spin. So the interpreter's own invariants hold;
 *    only user-level races show up more often.
 *  - Store points (STORE_GLOBAL/NAME/DEREF/ATTR/SUBSCR) are extra
 *    perturbation points, checked only when TN_EB_CHAOS is set: they split
 *    read-modify-write sequences like `counter += 1`, which otherwise have no
 *    safe point inside and are never interrupted on the gil build.
 *    tn_chaos_store_point never fails and never runs Python code.
 */
#ifndef TANDEM_CHAOS_H
#define TANDEM_CHAOS_H

#include "tandem/tstate.h"

/* Eval-breaker bit kept set while chaos is on (the bits of tstate.h stop at
 * 1 << 6). Never cleared by the safe-point handler. */
#define TN_EB_CHAOS (1u << 7)

/* Called for every new thread state (tn_tstate_new): seeds the PRNG and
 * sets TN_EB_CHAOS when -X chaos is on; does nothing otherwise. */
void tn_chaos_thread_init(TnThreadState *ts);
/* Safe-point hook (backward jumps, calls), from tn_eval_breaker_slow when
 * TN_EB_CHAOS is set. Holds the GIL (gil build) on entry and on exit. */
void tn_chaos_safe_point(TnThreadState *ts);
/* Store-point hook (see above); same contract. */
void tn_chaos_store_point(TnThreadState *ts);

#endif
