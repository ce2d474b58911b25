/* Per-thread interpreter state and the process-wide runtime.
 *
 * Invariants:
 *  - There is no global "vm": everything a running thread changes (current
 *    exception, frame chain, recursion depth, frame arena, counters) is in its
 *    own TnThreadState, reached through tn_ts() (a thread-local pointer).
 *  - TnRuntime holds only what is shared by all threads and set up once:
 *    sys.modules, the builtins module, interned-string table, options.
 *  - tid is a small index (1, 2, ...) never reused while an object may still
 *    name it as its owner (ft build: see docs/refcounting.md).
 */
#ifndef TANDEM_TSTATE_H
#define TANDEM_TSTATE_H

#include "tandem/object.h"
#include "tandem/stats.h"

struct TnFrame;

/* A free list of dead objects of one kind, kept for reuse (freelist.h). */
typedef struct { void *head; uint32_t count; } TnFreeList;
enum { TN_FREELIST_FLOAT, TN_FREELIST_INT, TN_NFREELISTS };

typedef struct TnThreadState {
    uint32_t tid;                   /* owner index for biased refcounting */
    TnObject *curexc;               /* the exception being raised, or NULL */
    TnObject *exc_info;             /* the exception being handled (sys.exc_info), or NULL */
    struct TnFrame *frame;          /* innermost running frame */
    int recursion_depth;
    int recursion_limit;            /* copy of the runtime's, for a cheap check */
    /* Frame arena: frames and their value stacks are bump-allocated from
     * chunks owned by this thread (no malloc per call). Owned by frame.c. */
    void *arena_chunk;
    char *arena_top, *arena_limit;
    /* Eval breaker: any nonzero bit makes the eval loop leave its fast path
     * at the next safe point (backward jump, call). Set by other threads. */
    TN_SHARED(uint32_t) eval_breaker;
    TnStats stats;                  /* per-thread counters, summed at exit */
    uint64_t chaos_state;           /* -X chaos PRNG */
    struct TnThreadState *next, *prev;  /* every thread state (stw.c) */
    TN_SHARED(int) attached;        /* ft: 1 while it may touch objects (stw.h) */
    /* ft: this thread's counts of deferred objects (deferred.c); the
     * thread-local tn_tls_drefs points at the same array. */
    TN_SHARED(intptr_t) *drefs;
    uint32_t drefs_cap;
    void *native;                   /* pthread-level data owned by runtime/thread.c */
    struct TnBrcQueue *brc;         /* ft: objects queued to this owner (runtime/brc.c) */
    /* Dead exact floats and small-form ints of this thread, reused by the
     * next allocation of the same kind (include/tandem/freelist.h): only
     * this thread touches them; drained by tn_freelists_clear. */
    TnFreeList freelists[TN_NFREELISTS];
} TnThreadState;

/* Free the blocks on ts's free lists; called by tn_tstate_delete
 * (src/runtime/alloc.c, see freelist.h). */
void tn_freelists_clear(TnThreadState *ts);

/* Eval breaker bits. */
enum {
    TN_EB_GIL_DROP = 1u << 0,
    TN_EB_BRC_MERGE = 1u << 1,
    TN_EB_STOP_WORLD = 1u << 2,
    TN_EB_SIGNALS = 1u << 3,
    TN_EB_ASYNC_EXC = 1u << 4,
    TN_EB_GC = 1u << 5,
    TN_EB_QSBR = 1u << 6,         /* please report a QSBR quiescent state soon */
    /* (1u << 7 is TN_EB_CHAOS, chaos.h) */
    TN_EB_DEFERRED = 1u << 8      /* run tn_deferred_collect at this safe point */
};

extern _Thread_local TnThreadState *tn_tls_tstate;
TN_INLINE TnThreadState *tn_ts(void) { return tn_tls_tstate; }

typedef struct TnRuntime {
    TnObject *modules;              /* sys.modules (dict) */
    TnObject *builtins;             /* the builtins module */
    TnObject *builtins_dict;        /* its dict */
    TnObject *sys;                  /* the sys module */
    TnObject *path;                 /* sys.path (list) */
    TnObject *argv;                 /* sys.argv (list) */
    int recursion_limit;            /* sys.setrecursionlimit, default 1000 */
    double switch_interval;         /* sys.setswitchinterval, seconds */
    int opt_stats;                  /* -X stats */
    int opt_chaos; uint64_t chaos_seed;  /* -X chaos=SEED */
    const char *pin_policy;         /* -X pin=... */
    const char *executable;
} TnRuntime;

extern TnRuntime tn_runtime;

/* Make `ts` the calling pthread's thread state: every thread-local copy of
 * its fields (tid, counters, deferred counts) follows. */
void tn_tstate_bind(TnThreadState *ts);
/* Create/destroy the state of the calling thread. */
TnThreadState *tn_tstate_new(void);
void tn_tstate_delete(TnThreadState *ts);

/* Recursion guard for C recursion (repr of nested containers, compare, ...)
 * and Python calls. Returns -1 with RecursionError set when too deep. */
int tn_enter_recursive_call(const char *where);
TN_INLINE void tn_leave_recursive_call(void) { tn_ts()->recursion_depth--; }

#endif
