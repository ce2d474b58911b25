/* The cyclic garbage collector (src/runtime/gc.c, design in docs/gc.md).
 *
 * Invariants:
 *  - Every object of a type with TN_TPFLAG_GC that tn_object_alloc returns
 *    is preceded by a TnGCHead (the "prefix"; the object header keeps its
 *    16/24 bytes). Static objects are immortal and have no prefix, so
 *    tn_gc_is_gc() tests both the type flag and immortality.
 *  - A tracked object is linked in exactly one list: one of the three
 *    generations of its home list (the list of the thread that allocated
 *    it), or the collector's private list while a collection holds it.
 *    meta names the home list, so any thread can unlink an object it frees.
 *  - Home lists are per thread, each with its own lock: allocation never
 *    touches a shared structure. A list outlives its thread (a new thread
 *    adopts it), so an index in meta stays valid forever.
 *  - gc_refs (the high half of meta) is meaningful only during a
 *    collection, with the world stopped.
 */
#ifndef TANDEM_GC_H
#define TANDEM_GC_H

#include "tandem/object.h"
#include "tandem/type.h"

typedef struct TnGCHead {
    struct TnGCHead *next, *prev;
    TN_SHARED(uint64_t) meta;   /* gc_refs << 32 | list index << 8 | TN_GC_* flags */
} TnGCHead;

enum {
    TN_GC_TRACKED     = 1u << 0,   /* linked in a list */
    TN_GC_FINALIZED   = 1u << 1,   /* tp_finalize ran (PEP 442: once) */
    TN_GC_WEAKREFS    = 1u << 2,   /* weakref.c's table may hold refs to it */
    TN_GC_COLLECTING  = 1u << 3,   /* in the set being collected */
    TN_GC_REACHABLE   = 1u << 4,   /* marked reachable in this collection */
    TN_GC_UNREACHABLE = 1u << 5    /* held by the collector as garbage */
};
#define TN_GC_FLAGS_MASK 0xffu

#define TN_GC_HEAD(o) ((TnGCHead *)((char *)(o) - sizeof(TnGCHead)))
#define TN_GC_OBJ(h)  ((TnObject *)((char *)(h) + sizeof(TnGCHead)))

/* Whether o's type gives its instances a prefix (allocation time). */
TN_INLINE int tn_gc_type_has_prefix(const TnType *t)
{
    return (t->tp_flags & TN_TPFLAG_GC) != 0;
}
/* Whether o has a prefix the collector may look at. */
TN_INLINE int tn_gc_is_gc(TnObject *o)
{
    return tn_gc_type_has_prefix(TN_TYPE(o)) && !tn_is_immortal(o);
}

TN_INLINE uint64_t tn_gc_meta(TnObject *o)
{
    return tn_load_relaxed(&TN_GC_HEAD(o)->meta);
}

#ifdef TANDEM_FT
#  define TN_GC_META_OR(h, v)  atomic_fetch_or_explicit(&(h)->meta, (uint64_t)(v), memory_order_relaxed)
#  define TN_GC_META_AND(h, v) atomic_fetch_and_explicit(&(h)->meta, (uint64_t)(v), memory_order_relaxed)
#else
#  define TN_GC_META_OR(h, v)  ((h)->meta |= (uint64_t)(v))
#  define TN_GC_META_AND(h, v) ((h)->meta &= (uint64_t)(v))
#endif

/* alloc.c calls these for objects with a prefix. */
void tn_gc_link(TnObject *o);       /* track a new object in this thread's list */
void tn_gc_unlink(TnObject *o);     /* untrack a dying or moving object */

/* Bytes usable in a raw block from the allocator (not an object pointer). */
size_t tn_mem_usable_size(void *p);

/* Mark o finalized; returns 1 if it already was (its __del__ must not run
 * again). Objects without a prefix are never marked (returns 0). */
int tn_gc_test_and_set_finalized(TnObject *o);

/* Run a collection of generations 0..generation. Returns the number of
 * unreachable objects found, 0 when a collection is already running (as
 * CPython does), or -1 with an exception set (only on a failing callback). */
tn_ssize_t tn_gc_collect(int generation);
/* Automatic collection at a safe point (TN_EB_GC). */
void tn_gc_safe_point(void);

/* Settings and counters for the gc module. */
void tn_gc_set_enabled(int on);
int tn_gc_is_enabled(void);
void tn_gc_get_threshold(int out[3]);
void tn_gc_set_threshold(const int *v, int n);
void tn_gc_get_count(long out[3]);
void tn_gc_set_debug(int flags);
int tn_gc_get_debug(void);
#define TN_GC_DEBUG_SAVEALL 32
/* The gc module's garbage and callbacks lists (set when it is imported). */
void tn_gc_set_module_lists(TnObject *garbage, TnObject *callbacks);
/* Call fn on every tracked object with the world stopped (fn must not run
 * Python code or allocate tracked objects); stops early when fn returns
 * nonzero. */
void tn_gc_foreach(int (*fn)(TnObject *, void *), void *arg);
/* Totals since startup, for gc.get_stats(). */
void tn_gc_get_stats(int gen, long *collections, long *collected, long *uncollectable);

/* Weak references (src/objects/weakref.c). Called by tn_dealloc when an
 * object with TN_GC_WEAKREFS dies: clears every weak reference to o and
 * calls their callbacks. */
void tn_weakref_clear_dying(TnObject *o);
/* With the world stopped: clear the weak references to o (in the
 * collector's garbage); those with a callback that are not garbage
 * themselves are appended (new references) to *cbs. */
typedef struct { TnObject **v; size_t n, cap; } TnGCVec;
int tn_gcvec_push(TnGCVec *v, TnObject *o);
void tn_weakref_clear_for_gc(TnObject *o, TnGCVec *cbs);
/* Call a weak reference's callback (after the world restarted). */
void tn_weakref_call_callback(TnObject *wr);

#endif
