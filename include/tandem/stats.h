/* Runtime counters for -X stats.
 *
 * Invariants:
 *  - Counters are per thread (a TnStats inside each TnThreadState) and are
 *    summed when a thread exits and at process exit, so they never become a
 *    shared hot spot.
 *  - With -X stats off, counting costs one predictable branch or nothing:
 *    TN_STAT is a plain non-atomic increment on thread-local memory.
 *  - The list is one X-macro so printing, summing and resetting stay in step.
 */
#ifndef TANDEM_STATS_H
#define TANDEM_STATS_H

#include <stdint.h>
#include <time.h>

#define TN_STATS_COUNTERS(X) \
    X(incref_local,   "refcount increments by the owner thread") \
    X(incref_shared,  "refcount increments by other threads (atomic)") \
    X(decref_local,   "refcount decrements by the owner thread") \
    X(decref_shared,  "refcount decrements by other threads (atomic)") \
    X(refs_deferred,  "increments+decrements of deferred objects by other threads (per-thread arrays, no atomics)") \
    X(brc_queued,     "objects queued to their owner for a merge") \
    X(brc_merged,     "queued objects merged by their owner") \
    X(lock_acquire,   "per-object lock acquisitions") \
    X(lock_contended, "per-object lock acquisitions that had to wait") \
    X(qsbr_quiescent, "QSBR quiescent-state reports") \
    X(qsbr_deferred,  "deferred frees (QSBR)") \
    X(qsbr_deferred_bytes, "bytes freed through QSBR") \
    X(gil_acquire,    "GIL acquisitions") \
    X(gil_drop_request, "GIL drop requests made") \
    X(gil_switch,     "GIL hand-offs to another thread") \
    X(gil_wait_ns,    "nanoseconds spent waiting for the GIL") \
    X(gc_collections, "cyclic GC collections") \
    X(gc_collected,   "objects freed by the cyclic GC") \
    X(gc_pause_ns,    "nanoseconds of GC pause") \
    X(gc_pause_max_ns, "longest GC pause (ns; the maximum, not a sum)") \
    X(gc_gen0,        "GC collections of generation 0") \
    X(gc_gen1,        "GC collections of generations 0-1") \
    X(gc_gen2,        "full GC collections") \
    X(stw_stops,      "stop-the-world pauses requested") \
    X(stw_wait_ns,    "nanoseconds waiting for the other threads to park") \
    X(deferred_made,  "objects switched to deferred (per-thread) counting") \
    X(deferred_freed, "deferred objects freed by tn_deferred_collect") \
    X(frames,         "Python frames executed")

typedef struct TnStats {
#define TN_STAT_FIELD(name, doc) uint64_t name;
    TN_STATS_COUNTERS(TN_STAT_FIELD)
#undef TN_STAT_FIELD
} TnStats;

/* Monotonic clock for the time counters. */
static inline uint64_t tn_monotonic_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

#define TN_STAT_ADD(ts, name, n) ((ts)->stats.name += (n))
#define TN_STAT_INC(ts, name)    ((ts)->stats.name++)

#endif
