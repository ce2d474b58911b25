/* Per-object locks and critical sections.
 *
 * Invariants:
 *  - ft build: every object has a one-byte mutex in its header (ob_mutex).
 *    The uncontended path is one compare-and-swap; waiters park (futex) and
 *    go offline for QSBR while they wait. See docs/locking.md.
 *  - gil build: the GIL serialises everything, so every call here compiles
 *    to nothing.
 *  - Never run Python code (__eq__, __hash__, __del__, a decref that may
 *    reach a finaliser) while holding an object lock. Two locks are always
 *    taken in address order (tn_lock2).
 *  - Critical sections nest; the usual pattern is
 *        tn_lock(o); ...mutate...; tn_unlock(o);
 */
#ifndef TANDEM_LOCK_H
#define TANDEM_LOCK_H
#include "tandem/object.h"

#ifdef TANDEM_FT
void tn_mutex_lock_slow(TnObject *o);
void tn_mutex_unlock_slow(TnObject *o);
#define TN_MUTEX_LOCKED 1
#define TN_MUTEX_PARKED 2
TN_INLINE void tn_lock(TnObject *o)
{
    uint8_t expected = 0;
    TN_COUNT(lock_acquire);
    if (TN_LIKELY(atomic_compare_exchange_weak_explicit(&o->ob_mutex, &expected,
            TN_MUTEX_LOCKED, memory_order_acquire, memory_order_relaxed)))
        return;
    tn_mutex_lock_slow(o);
}
TN_INLINE void tn_unlock(TnObject *o)
{
    uint8_t expected = TN_MUTEX_LOCKED;
    if (TN_LIKELY(atomic_compare_exchange_strong_explicit(&o->ob_mutex, &expected, 0,
            memory_order_release, memory_order_relaxed)))
        return;
    tn_mutex_unlock_slow(o);
}
TN_INLINE void tn_lock2(TnObject *a, TnObject *b)
{
    if (a == b) { tn_lock(a); return; }
    if ((uintptr_t)a > (uintptr_t)b) { TnObject *t = a; a = b; b = t; }
    tn_lock(a);
    tn_lock(b);
}
TN_INLINE void tn_unlock2(TnObject *a, TnObject *b)
{
    tn_unlock(a);
    if (a != b)
        tn_unlock(b);
}
#else
#define tn_lock(o) ((void)(o))
#define tn_unlock(o) ((void)(o))
#define tn_lock2(a, b) ((void)(a), (void)(b))
#define tn_unlock2(a, b) ((void)(a), (void)(b))
#endif

#define TN_LOCK(o) tn_lock((TnObject *)(o))
#define TN_UNLOCK(o) tn_unlock((TnObject *)(o))

#endif
