/* The object header and reference counting, for both builds.
 *
 * Invariants:
 *  - Every object starts with TnObject. gil: 16 bytes (refcount, type).
 *    ft: 24 bytes (owner tid, local count, shared count + state bits, mutex,
 *    gc bits, flags, type). Both sizes are asserted below.
 *  - A reference is owned by whoever holds the pointer; functions document
 *    whether they return a new reference (the default) or a borrowed one, and
 *    whether they steal an argument (rare, named *_steal).
 *  - Immortal objects (None, True, False, small ints, interned strings,
 *    static types) ignore incref/decref in both builds.
 *  - ft build, biased reference counting: the owning thread (the creator)
 *    changes ob_ref_local without atomics; every other thread changes
 *    ob_ref_shared atomically. The true count is local + (shared >> 2).
 *  - ft build, deferred objects (state TN_REF_DEFERRED: functions, code,
 *    classes, modules, module dicts, constants, fresh module globals): the
 *    other threads count in a per-thread array slot instead of the shared
 *    word, which then holds the object's slot index. Such an object is never
 *    freed by a count reaching zero; tn_deferred_collect() frees it with the
 *    world stopped once the sum of all counts is 0.
 *    See docs/refcounting.md.
 */
#ifndef TANDEM_OBJECT_H
#define TANDEM_OBJECT_H

#include "tandem/mode.h"
#include "tandem/stats.h"

typedef struct TnType TnType;

#ifdef TANDEM_FT
typedef struct TnObject {
    TN_SHARED(uint32_t) ob_tid;        /* owner thread index; 0 = no owner */
    TN_SHARED(uint32_t) ob_ref_local;  /* owner's count; TN_IMMORTAL_LOCAL = immortal */
    TN_SHARED(int32_t)  ob_ref_shared; /* (count << 2) | TN_REF_* state */
    TN_SHARED(uint8_t)  ob_mutex;      /* per-object lock, see lock.h */
    uint8_t  ob_gc_bits;               /* cyclic GC state, see gc.h */
    uint16_t ob_flags;                 /* TN_OBF_* (atomic byte-size accesses) */
    TnType  *ob_type;
} TnObject;
#  define TN_IMMORTAL_LOCAL UINT32_MAX
/* States kept in the two low bits of ob_ref_shared. */
#  define TN_REF_SHARED_SHIFT 2
#  define TN_REF_DEFERRED     1   /* per-thread counted; shared >> 2 is the slot */
#  define TN_REF_QUEUED       2   /* queued to its owner for a merge */
#  define TN_REF_MERGED       3   /* owner gave up; shared count is the count */
_Static_assert(sizeof(TnObject) == 24, "ft object header must be 24 bytes");
#else
typedef struct TnObject {
    intptr_t ob_refcnt;
    TnType  *ob_type;
} TnObject;
/* Immortal objects carry a count this large; one compare tests it. */
#  define TN_IMMORTAL_REFCNT ((intptr_t)1 << 60)
_Static_assert(sizeof(TnObject) == 16, "gil object header must be 16 bytes");
#endif


#define TN_TYPE(o) (((TnObject *)(o))->ob_type)

/* Current thread's index, for the ft owner check. Set by tstate.c. A
 * thread that stops acting as an owner (exiting) takes TN_TID_NONE, which
 * no object carries: 0 would match every object whose owner gave it up,
 * and the exiting thread would then take their local count below zero. */
extern _Thread_local uint32_t tn_tls_tid;
#define TN_TID_NONE UINT32_MAX

void tn_dealloc(TnObject *o);                    /* calls tp_dealloc */
#ifdef TANDEM_FT
/* -X stats: the calling thread's counters, NULL when -X stats is off, so
 * that counting on the hot paths costs one thread-local load and a branch
 * that is never taken (tstate.c sets it). */
extern _Thread_local TnStats *tn_tls_count;
#define TN_COUNT(name) do { TnStats *c_ = tn_tls_count; if (TN_UNLIKELY(c_ != NULL)) c_->name++; } while (0)
/* Per-thread counts of deferred objects, indexed by slot (deferred.c): only
 * the owning thread writes its array; others read it with the world
 * stopped. */
extern _Thread_local TN_SHARED(intptr_t) *tn_tls_drefs;
extern _Thread_local uint32_t tn_tls_drefs_cap;
void tn_deferred_add_slow(uint32_t slot, intptr_t delta);   /* grows the array */
TN_INLINE void tn_deferred_add(int32_t shared, intptr_t delta)
{
    uint32_t slot = (uint32_t)shared >> TN_REF_SHARED_SHIFT;
    if (TN_LIKELY(slot < tn_tls_drefs_cap))
        tn_store_relaxed(&tn_tls_drefs[slot], tn_load_relaxed(&tn_tls_drefs[slot]) + delta);
    else
        tn_deferred_add_slow(slot, delta);
}
void tn_brc_local_zero(TnObject *o);             /* owner's local count hit 0 */
void tn_brc_shared_negative(TnObject *o);        /* non-owner took shared below 0 */
void tn_brc_shared_zero_merged(TnObject *o);     /* merged object reached 0 */
#endif

TN_INLINE int tn_is_immortal(const TnObject *o)
{
#ifdef TANDEM_FT
    return tn_load_relaxed(&((TnObject *)o)->ob_ref_local) == TN_IMMORTAL_LOCAL;
#else
    return o->ob_refcnt >= TN_IMMORTAL_REFCNT;
#endif
}

TN_INLINE void tn_incref(TnObject *o)
{
#ifdef TANDEM_FT
    uint32_t local = tn_load_relaxed(&o->ob_ref_local);
    if (TN_UNLIKELY(local == TN_IMMORTAL_LOCAL))
        return;
    if (TN_LIKELY(tn_load_relaxed(&o->ob_tid) == tn_tls_tid)) {
        tn_store_relaxed(&o->ob_ref_local, local + 1);   /* owner: no atomic RMW */
        TN_COUNT(incref_local);
        return;
    }
    /* A thread holding a reference cannot see the state change under it:
     * only unshared objects become deferred (tn_set_deferred). */
    int32_t shared = tn_load_relaxed(&o->ob_ref_shared);
    if (TN_UNLIKELY((shared & 3) == TN_REF_DEFERRED)) {
        tn_deferred_add(shared, 1);
        TN_COUNT(refs_deferred);
    } else {
        tn_fetch_add_relaxed(&o->ob_ref_shared, 1 << TN_REF_SHARED_SHIFT);
        TN_COUNT(incref_shared);
    }
#else
    if (TN_LIKELY(o->ob_refcnt < TN_IMMORTAL_REFCNT))
        o->ob_refcnt++;
#endif
}

TN_INLINE void tn_decref(TnObject *o)
{
#ifdef TANDEM_FT
    uint32_t local = tn_load_relaxed(&o->ob_ref_local);
    if (TN_UNLIKELY(local == TN_IMMORTAL_LOCAL))
        return;
    if (TN_LIKELY(tn_load_relaxed(&o->ob_tid) == tn_tls_tid)) {
        tn_store_relaxed(&o->ob_ref_local, local - 1);
        TN_COUNT(decref_local);
        if (TN_UNLIKELY(local == 1))
            tn_brc_local_zero(o);
    } else {
        int32_t shared = tn_load_relaxed(&o->ob_ref_shared);
        if (TN_UNLIKELY((shared & 3) == TN_REF_DEFERRED)) {
            tn_deferred_add(shared, -1);
            TN_COUNT(refs_deferred);
            return;
        }
        TN_COUNT(decref_shared);
        int32_t old = atomic_fetch_sub_explicit(&o->ob_ref_shared,
                          1 << TN_REF_SHARED_SHIFT, memory_order_release);
        int32_t now = old - (1 << TN_REF_SHARED_SHIFT);
        if (TN_UNLIKELY(now < 0 && (old & 3) == 0))
            tn_brc_shared_negative(o);
        else if (TN_UNLIKELY((now >> TN_REF_SHARED_SHIFT) == 0 && (old & 3) == TN_REF_MERGED))
            tn_brc_shared_zero_merged(o);
    }
#else
    if (TN_UNLIKELY(o->ob_refcnt >= TN_IMMORTAL_REFCNT))
        return;
    if (--o->ob_refcnt == 0)
        tn_dealloc(o);
#endif
}

/* Convenience forms. tn_newref returns its argument with a new reference. */
#define TN_INCREF(o)  tn_incref((TnObject *)(o))
#define TN_DECREF(o)  tn_decref((TnObject *)(o))
#define TN_XINCREF(o) do { TnObject *_x = (TnObject *)(o); if (_x) tn_incref(_x); } while (0)
#define TN_XDECREF(o) do { TnObject *_x = (TnObject *)(o); if (_x) tn_decref(_x); } while (0)
#define TN_CLEAR(p)   do { TnObject *_x = (TnObject *)(p); if (_x) { (p) = NULL; tn_decref(_x); } } while (0)
#define TN_SETREF(p, v) do { TnObject *_old = (TnObject *)(p); (p) = (v); TN_XDECREF(_old); } while (0)
TN_INLINE TnObject *tn_newref(TnObject *o) { tn_incref(o); return o; }
#define TN_NEWREF(o) tn_newref((TnObject *)(o))

#ifdef TANDEM_FT
/* Take a reference to `o`, which was loaded from a shared slot WITHOUT the
 * container's lock: returns 0 (no reference taken) if its count already
 * reached zero, i.e. another thread is freeing it. The memory stays readable
 * because objects are freed after a QSBR grace period while several threads
 * run. Callers re-check the slot afterwards (the memory of a freed object
 * may have been reused for a new object). See docs/refcounting.md. */
int tn_try_incref(TnObject *o);
#endif

/* The true reference count (sys.getrefcount). Exact for the owner thread
 * and, for every object, while the world is stopped (stw.h). */
tn_ssize_t tn_refcount(TnObject *o);
/* Deferred reference counting (ft build; no-ops in the gil build), for the
 * objects every thread reads: see docs/refcounting.md. tn_set_deferred may
 * only be called while no other thread can hold a reference to `o` (a new
 * object, or one whose only reference is the caller's); it does nothing for
 * immortal objects or when it cannot prove that. tn_deferred_collect stops
 * the world and frees the deferred objects whose count is 0; it runs by
 * itself when enough deferred objects were made since the last pass, and
 * the cyclic GC calls it after each collection. The gil build has plain
 * counts: these compile to nothing there, so STORE_GLOBAL pays no call. */
#ifdef TANDEM_FT
void tn_set_deferred(TnObject *o);
/* tn_set_deferred when the caller's reference is the only one (so no other
 * thread can hold the object): a value about to be published. */
void tn_set_deferred_unshared(TnObject *o);
/* The same for a value about to be bound as a global (or class attribute):
 * only for exact dict, list, tuple, set and frozenset, and only if the
 * caller's reference is its only one. */
void tn_set_deferred_global(TnObject *o);
int tn_is_deferred(TnObject *o);
void tn_deferred_collect(void);
/* The owner's count of deferred `o` reached zero (refcount.c). */
void tn_deferred_owner_dropped(TnObject *o);
#else
TN_INLINE void tn_set_deferred(TnObject *o) { (void)o; }
TN_INLINE void tn_set_deferred_unshared(TnObject *o) { (void)o; }
TN_INLINE void tn_set_deferred_global(TnObject *o) { (void)o; }
TN_INLINE int tn_is_deferred(TnObject *o) { (void)o; return 0; }
TN_INLINE void tn_deferred_collect(void) {}
#endif
/* Make `o` immortal: counts and frees are ignored from now on. */
void tn_set_immortal(TnObject *o);

/* Allocation. Every object is allocated and freed through these two, so the
 * allocator (mimalloc), the header initialisation of each build and the
 * cyclic GC's bookkeeping live in one place (src/runtime/alloc.c).
 * tn_object_alloc returns a zeroed object of `size` bytes whose header is
 * initialised (count 1, owner = current thread, type = t, type incref'd for
 * heap types), or NULL with MemoryError set. */
/* The header of a new object: count 1, owned by the calling thread (ft),
 * unlocked, type t. The one place both builds' header layouts are
 * initialised (allocation and the per-thread free lists use it). */
TN_INLINE void tn_object_init_header(TnObject *o, TnType *t)
{
#ifdef TANDEM_FT
    tn_store_relaxed(&o->ob_tid, tn_tls_tid);
    tn_store_relaxed(&o->ob_ref_local, 1);
    tn_store_relaxed(&o->ob_ref_shared, 0);
    tn_store_relaxed(&o->ob_mutex, 0);
    o->ob_gc_bits = 0;
    o->ob_flags = 0;
#else
    o->ob_refcnt = 1;
#endif
    o->ob_type = t;
}
TnObject *tn_object_alloc(TnType *t, size_t size);
/* The same without zeroing the payload: only the header is initialised, so
 * the caller must set every field after it (str and bytes constructors,
 * which overwrite their data anyway). */
TnObject *tn_object_alloc_nozero(TnType *t, size_t size);
/* Grow the block of a variable-size object that the caller alone holds to
 * at least `need` bytes (geometric growth; in place when it fits). Returns
 * the possibly moved object, or NULL + MemoryError with o unchanged. */
TnObject *tn_object_grow(TnObject *o, size_t need);
/* Bytes the block of o can hold (>= the size it was allocated with). */
size_t tn_object_usable_size(TnObject *o);
void tn_object_free(TnObject *o);
/* Raw memory through the project allocator (mimalloc). */
void *tn_mem_alloc(size_t n);            /* NULL + MemoryError on failure */
void *tn_mem_calloc(size_t n, size_t sz);
void *tn_mem_realloc(void *p, size_t n); /* NULL + MemoryError; p kept */
void tn_mem_free(void *p);
/* Free `p` once no thread can still be reading it without a lock (QSBR grace
 * period in the ft build; immediately in the gil build). */
void tn_mem_free_deferred(void *p, size_t size);

/* Rich comparison operators, as in CPython. */
enum { TN_LT = 0, TN_LE, TN_EQ, TN_NE, TN_GT, TN_GE };

#endif
