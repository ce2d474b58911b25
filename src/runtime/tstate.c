/* Thread states: creation, the registry of live threads, and the recursion
 * guard.
 *
 * The registry maps a thread index (tid) to its state. tids are handed out
 * once and never reused, so an object whose owner tid is not in the
 * registry has an owner that is gone (biased refcounting relies on this).
 * The registry is protected by `registry_lock`; it is touched only when
 * threads start and stop and on the rare BRC slow path. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/chaos.h"
#include "tandem/stw.h"

_Thread_local TnThreadState *tn_tls_tstate;
_Thread_local uint32_t tn_tls_tid;
#ifdef TANDEM_FT
_Thread_local TnStats *tn_tls_count;
#endif
TnRuntime tn_runtime = {
    .recursion_limit = TN_DEFAULT_RECURSION_LIMIT,
    .switch_interval = TN_DEFAULT_SWITCH_INTERVAL,
};

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static TnThreadState **registry;      /* indexed by tid; NULL = gone */
static uint32_t registry_cap;
static uint32_t next_tid = 1;
static TnStats dead_stats;            /* counters of threads that exited */
/* -X stats only: one snapshot per exited thread, for the per-thread table
 * printed at exit (registry_lock). */
static struct { uint32_t tid; TnStats stats; } *dead_threads;
static size_t ndead_threads, dead_threads_cap;

TnThreadState *tn_tstate_new(void)
{
    TnThreadState *ts = calloc(1, sizeof *ts);
    if (!ts)
        return NULL;
    ts->recursion_limit = tn_runtime.recursion_limit;
    pthread_mutex_lock(&registry_lock);
    ts->tid = next_tid++;
    if (ts->tid >= registry_cap) {
        uint32_t cap = registry_cap ? registry_cap * 2 : 64;
        while (cap <= ts->tid)
            cap *= 2;
        TnThreadState **r = realloc(registry, cap * sizeof *r);
        if (!r) {
            pthread_mutex_unlock(&registry_lock);
            free(ts);
            return NULL;
        }
        memset(r + registry_cap, 0, (cap - registry_cap) * sizeof *r);
        registry = r;
        registry_cap = cap;
    }
    registry[ts->tid] = ts;
    pthread_mutex_unlock(&registry_lock);
#ifdef TANDEM_FT
    tn_stw_thread_add(ts);    /* detached until it attaches (stw.h) */
#endif
    tn_tstate_bind(ts);
    tn_chaos_thread_init(ts);
    return ts;
}

void tn_tstate_bind(TnThreadState *ts)
{
    tn_tls_tstate = ts;
    tn_tls_tid = ts->tid;
#ifdef TANDEM_FT
    tn_tls_count = tn_runtime.opt_stats ? &ts->stats : NULL;
    tn_tls_drefs = ts->drefs;
    tn_tls_drefs_cap = ts->drefs_cap;
#endif
}

/* Threads issue: remove `ts` from the registry without freeing it. An
 * exiting thread does this before merging its BRC queue, so that nobody
 * pushes to that queue any more (tn_tstate_with fails, the pusher merges
 * the object itself). tn_tstate_delete later still frees the state. */
void tn_tstate_unlink(TnThreadState *ts)
{
    pthread_mutex_lock(&registry_lock);
    if (ts->tid < registry_cap && registry[ts->tid] == ts)
        registry[ts->tid] = NULL;
    pthread_mutex_unlock(&registry_lock);
}

void tn_tstate_delete(TnThreadState *ts)
{
    tn_freelists_clear(ts);
#ifdef TANDEM_FT
    tn_deferred_thread_exit(ts);
    tn_stw_thread_remove(ts);
#endif
    pthread_mutex_lock(&registry_lock);
    if (registry[ts->tid] == ts)
        registry[ts->tid] = NULL;
    tn_stats_add(&dead_stats, &ts->stats);
    if (tn_runtime.opt_stats) {
        if (ndead_threads == dead_threads_cap) {
            size_t cap = dead_threads_cap ? dead_threads_cap * 2 : 16;
            void *r = realloc(dead_threads, cap * sizeof *dead_threads);
            if (r) {
                dead_threads = r;
                dead_threads_cap = cap;
            }
        }
        if (ndead_threads < dead_threads_cap) {   /* else: table only, the total has it */
            dead_threads[ndead_threads].tid = ts->tid;
            dead_threads[ndead_threads].stats = ts->stats;
            ndead_threads++;
        }
    }
    pthread_mutex_unlock(&registry_lock);
    if (tn_tls_tstate == ts) {
        tn_tls_tstate = NULL;
#ifdef TANDEM_FT
        tn_tls_count = NULL;
#endif
        tn_tls_tid = TN_TID_NONE;
    }
    free(ts);
}

/* Run fn on the live thread state with this tid, under the registry lock.
 * Returns 0 if the thread is gone. */
int tn_tstate_with(uint32_t tid, void (*fn)(TnThreadState *, void *), void *arg)
{
    int found = 0;
    pthread_mutex_lock(&registry_lock);
    if (tid < registry_cap && registry[tid]) {
        fn(registry[tid], arg);
        found = 1;
    }
    pthread_mutex_unlock(&registry_lock);
    return found;
}

/* Run fn on every live thread state, under the registry lock. */
void tn_tstate_foreach(void (*fn)(TnThreadState *, void *), void *arg)
{
    pthread_mutex_lock(&registry_lock);
    for (uint32_t i = 0; i < registry_cap; i++)
        if (registry[i])
            fn(registry[i], arg);
    pthread_mutex_unlock(&registry_lock);
}

void tn_stats_total(TnStats *out)
{
    pthread_mutex_lock(&registry_lock);
    *out = dead_stats;
    for (uint32_t i = 0; i < registry_cap; i++)
        if (registry[i])
            tn_stats_add(out, &registry[i]->stats);
    pthread_mutex_unlock(&registry_lock);
}

void tn_stats_each_thread(void (*fn)(uint32_t tid, const TnStats *st, int live, void *arg), void *arg)
{
    pthread_mutex_lock(&registry_lock);
    for (size_t i = 0; i < ndead_threads; i++)
        fn(dead_threads[i].tid, &dead_threads[i].stats, 0, arg);
    for (uint32_t i = 0; i < registry_cap; i++)
        if (registry[i])
            fn(registry[i]->tid, &registry[i]->stats, 1, arg);
    pthread_mutex_unlock(&registry_lock);
}

int tn_enter_recursive_call(const char *where)
{
    TnThreadState *ts = tn_ts();
    if (TN_UNLIKELY(++ts->recursion_depth > ts->recursion_limit)) {
        ts->recursion_depth--;
        tn_err_format(&tn_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}
