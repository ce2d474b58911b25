/* Private helpers shared by the container files (tuple.c, list*.c,
 * dict*.c, set.c, range.c, slice.c, iterobject.c).
 * Invariants: nothing here holds state; every helper follows the
 * NULL/-1-with-exception convention. */
#ifndef TANDEM_CONTAINERS_INTERNAL_H
#define TANDEM_CONTAINERS_INTERNAL_H
#include "tandem/tandem.h"
#include "tandem/exc.h"
#include "tandem/args.h"
#include "tandem/slice.h"
#include "tandem/range.h"
#include "tandem/iterobject.h"

/* tp_iter of every iterator type. */
TnObject *tn_iter_self(TnObject *o);
/* True when `o` can be used as a sequence index (int or __index__). */
#define TN_HAS_INDEX(o) (tn_int_check(o) || TN_TYPE(o)->nb_index != NULL)
/* Parse the optional (start, stop) of list.index/tuple.index, clamped to n
 * like CPython's _PyEval_SliceIndexNotNone. */
int tn_parse_index_range(const char *fname, TnObject *const *args, size_t nargs,
                         tn_ssize_t n, tn_ssize_t *start, tn_ssize_t *stop);
/* Convert a slice bound (int/__index__), clamped, as _PyEval_SliceIndex. */
int tn_slice_index_clamped(TnObject *v, tn_ssize_t *out);
/* "can't multiply sequence by non-int of type 'X'" or repeat count. Returns
 * 1 with *n set, 0 when the caller should return NotImplemented, -1 error. */
int tn_seq_repeat_count(TnObject *other, tn_ssize_t *n);
/* Keys/values/items of a dict as C-level fast iteration helpers live in
 * dict.h (tn_dict_next). Set internals used by dict views: */
TnObject *tn_set_from_iterable_type(TnType *t, TnObject *iterable);
/* Equal under tn_object_richcompare_bool but with the identity shortcut. */
TN_INLINE int tn_eq_fast(TnObject *a, TnObject *b)
{
    if (a == b)
        return 1;
    return tn_object_richcompare_bool(a, b, TN_EQ);
}
/* dict.c: is `key` a type whose __eq__/__hash__ never run user code
 * (exact str, int, float, bool, None)? Used to decide if a compare may run
 * under an object lock. */
int tn_key_is_safe(TnObject *key);
/* Per-file readiness, called by tn_containers_init (iterobject.c). */
int tn_tuple_init(void);
int tn_list_init(void);
int tn_dict_init(void);
int tn_set_init(void);
int tn_range_init(void);
int tn_slice_init(void);
/* Loads and stores of slots that lock-free readers may read concurrently
 * (list item arrays, dict entries, set tables). ft: C11-compatible atomics
 * on plain pointer fields (GCC builtins: the fields are shared with other
 * engineers' code as plain TnObject *); gil: plain accesses. */
#ifdef TANDEM_FT
#  define TN_SLOT_LOAD(p)       __atomic_load_n((p), __ATOMIC_ACQUIRE)
#  define TN_SLOT_LOAD_RELAXED(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#  define TN_SLOT_STORE(p, v)   __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#else
#  define TN_SLOT_LOAD(p)       (*(p))
#  define TN_SLOT_LOAD_RELAXED(p) (*(p))
#  define TN_SLOT_STORE(p, v)   (*(p) = (v))
#endif
/* list.c: item arrays carry their capacity in the word before items[0] so
 * a lock-free reader can bound-check against the array it actually loaded. */
TnObject **tn_list_items_alloc(tn_ssize_t cap);
void tn_list_items_free_deferred(TnObject **items);
/* list_sort.c. */
int tn_list_sort_array(TnObject **vals, tn_ssize_t n, TnObject *key, int reverse);

#ifdef TANDEM_FT
/* Who reads a container's buffer (list items, dict table) without the
 * container's lock: its owner thread always; another thread only once the
 * container is marked shared, which that thread's first read does under
 * the lock (CPython 3.13t's rule). So while it is unshared, a buffer the
 * owner replaces has no reader but the owner, and is freed at once rather
 * than after a QSBR grace period: most containers are private. */
#define TN_OBF_SHARED 1u

static inline int tn_marked_shared(TnObject *o)
{
    return __atomic_load_n(&o->ob_flags, __ATOMIC_RELAXED) & TN_OBF_SHARED;
}

static inline int tn_owned_here(TnObject *o)
{
    return tn_load_relaxed(&o->ob_tid) == tn_tls_tid;
}

/* May this thread read o's buffer without the lock? */
static inline int tn_unlocked_read_ok(TnObject *o)
{
    return tn_owned_here(o) || tn_marked_shared(o);
}

/* With o's lock held, before reading its buffer without it. */
static inline void tn_mark_shared(TnObject *o)
{
    if (!tn_marked_shared(o))
        __atomic_fetch_or(&o->ob_flags, (uint16_t)TN_OBF_SHARED, __ATOMIC_RELAXED);
}

/* Can a buffer o just stopped using (lock held, or released after the
 * swap) be freed at once? */
static inline int tn_buffer_private(TnObject *o)
{
    return !tn_marked_shared(o) && tn_owned_here(o);
}

/* Lock-free read of a shared slot (ft): 1 with *out a new reference (NULL
 * when the slot is empty), or 0 when the object was being freed or the slot
 * changed under us, and the caller must read again under the lock. The
 * re-check after the increment catches an object whose memory was reused
 * for a new one (ABA). */
static inline int tn_slot_try_ref(TnObject **slot, TnObject **out)
{
    TnObject *v = __atomic_load_n(slot, __ATOMIC_SEQ_CST);
    *out = NULL;
    if (!v)
        return 1;
    if (!tn_try_incref(v))
        return 0;
    if (__atomic_load_n(slot, __ATOMIC_SEQ_CST) != v) {
        tn_decref(v);
        return 0;
    }
    *out = v;
    return 1;
}
#endif
#endif
