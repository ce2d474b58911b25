/* The eval-breaker slow path (overrides the weak default in src/vm/stack.c).
 *
 * The eval loop calls tn_eval_breaker_slow(ts) at a safe point (backward
 * jump, call) when ts->eval_breaker is nonzero. Handled here, in order:
 *  - TN_EB_STOP_WORLD (ft): park until the world restarts (stw.h);
 *  - TN_EB_BRC_MERGE (ft): merge objects other threads queued to us;
 *  - TN_EB_DEFERRED (ft): free deferred objects whose count is 0;
 *  - a QSBR quiescent state (ft): we hold no pointer read without a lock
 *    across a safe point, so this is a valid report point;
 *  - TN_EB_GIL_DROP (gil): another thread waited a switch interval;
 *  - TN_EB_SIGNALS: Ctrl-C raises KeyboardInterrupt in the main thread;
 *  - TN_EB_CHAOS (-X chaos): a seeded random perturbation (chaos.c). That
 *    bit stays set for the thread's whole life, so with chaos on every safe
 *    point comes here; with it off nothing changes on the fast path.
 *  - TN_EB_GC: an automatic cyclic GC collection (gc.c);
 * Each handler clears its own bit. Bits that nobody here handles
 * (TN_EB_ASYNC_EXC) are cleared so that the
 * fast path is not lost forever; their owners set them again when they
 * exist. */
#include "tandem/tandem.h"
#include "tandem/eval.h"
#include "tandem/gil.h"
#include "tandem/qsbr.h"
#include "tandem/chaos.h"
#include "tandem/stw.h"
#include "tandem/gc.h"

#ifdef TANDEM_FT
void tn_brc_merge_queue(TnThreadState *ts);
#endif

#define HANDLED_BITS (TN_EB_GIL_DROP | TN_EB_BRC_MERGE | TN_EB_SIGNALS | TN_EB_CHAOS | TN_EB_GC \
                      | TN_EB_STOP_WORLD | TN_EB_DEFERRED | TN_EB_QSBR)

int tn_eval_breaker_slow(TnThreadState *ts)
{
    uint32_t eb = __atomic_load_n((uint32_t *)&ts->eval_breaker, __ATOMIC_ACQUIRE);
#ifdef TANDEM_FT
    if (eb & TN_EB_STOP_WORLD)
        tn_stw_park(ts);
    if (eb & TN_EB_BRC_MERGE)
        tn_brc_merge_queue(ts);
    if (eb & TN_EB_DEFERRED)
        tn_deferred_collect();
    /* cleared before reporting: the report may ask for another one */
    if (eb & TN_EB_QSBR)
        __atomic_fetch_and((uint32_t *)&ts->eval_breaker, ~(uint32_t)TN_EB_QSBR, __ATOMIC_RELAXED);
    tn_qsbr_quiescent();
#endif
    if (eb & TN_EB_GIL_DROP)
        tn_gil_yield(ts);
    if (eb & ~(uint32_t)HANDLED_BITS)
        __atomic_fetch_and((uint32_t *)&ts->eval_breaker, (uint32_t)HANDLED_BITS, __ATOMIC_RELAXED);
    if (eb & TN_EB_GC) {   /* an allocation crossed the GC threshold (gc.c) */
        __atomic_fetch_and((uint32_t *)&ts->eval_breaker, ~(uint32_t)TN_EB_GC, __ATOMIC_RELAXED);
        tn_gc_safe_point();
    }
    if (eb & TN_EB_CHAOS)
        tn_chaos_safe_point(ts);
    if (eb & TN_EB_SIGNALS)
        return tn_eval_handle_signals(ts);
    return 0;
}
