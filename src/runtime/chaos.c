/* -X chaos=SEED (see include/tandem/chaos.h for the invariants).
 *
 * Rates: a safe point perturbs with probability 1/SAFE_RATE, a store point
 * with 1/STORE_RATE. They are a trade-off between exposing races and the
 * cost of a GIL hand-off (a condition-variable round trip, microseconds);
 * the measurements behind them are in docs/stats.md. */
#include <sched.h>
#include "tandem/tandem.h"
#include "tandem/chaos.h"
#include "tandem/gil.h"

enum { SAFE_RATE = 64, STORE_RATE = 128 };

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/* xorshift64*: state never becomes 0 once it is nonzero. */
static uint64_t next_rand(TnThreadState *ts)
{
    uint64_t x = ts->chaos_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    ts->chaos_state = x;
    return x * 0x2545f4914f6cdd1dull;
}

void tn_chaos_thread_init(TnThreadState *ts)
{
    if (!tn_runtime.opt_chaos)
        return;
    uint64_t s = splitmix64(tn_runtime.chaos_seed ^ splitmix64(ts->tid));
    ts->chaos_state = s ? s : 0x9e3779b97f4a7c15ull;
    __atomic_fetch_or((uint32_t *)&ts->eval_breaker, TN_EB_CHAOS, __ATOMIC_RELAXED);
}

#ifdef TANDEM_FT
static void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#else
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
#endif
}
#endif

static void perturb(TnThreadState *ts, uint64_t r)
{
#ifndef TANDEM_FT
    /* Hand the GIL to a waiter now instead of at the end of the switch
     * interval; a no-op when nobody waits. */
    (void)r;
    tn_gil_yield(ts);
#else
    (void)ts;
    if (r & 1) {
        sched_yield();
    } else {
        unsigned spins = (unsigned)(r >> 8) & 255;   /* up to 255 pauses */
        for (unsigned i = 0; i < spins; i++)
            cpu_relax();
    }
#endif
}

void tn_chaos_safe_point(TnThreadState *ts)
{
    uint64_t r = next_rand(ts);
    if (r % SAFE_RATE == 0)
        perturb(ts, r >> 16);
}

void tn_chaos_store_point(TnThreadState *ts)
{
    uint64_t r = next_rand(ts);
    if (r % STORE_RATE == 0)
        perturb(ts, r >> 16);
}
