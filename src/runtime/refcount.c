/* Reference-count slow paths and queries (see docs/refcounting.md).
 *
 * gil build: a plain count; immortal objects carry TN_IMMORTAL_REFCNT.
 * ft build (biased reference counting): the owner thread's local count and
 * the other threads' shared count, whose two low bits hold a state:
 *   0        owner alive, counts separate
 *   QUEUED   a non-owner took the shared count negative and queued the object
 *            to its owner, which merges the counts at its next safe point
 *   MERGED   the owner's count has been folded in; the shared count is the
 *            whole count and whoever takes it to zero frees the object
 *   DEFERRED other threads count in per-thread arrays (deferred.c); the
 *            shared word holds the slot and never changes again. */
#include "tandem/tandem.h"
#include "tandem/qsbr.h"

#ifdef TANDEM_FT
#define SHIFT TN_REF_SHARED_SHIFT
tn_ssize_t tn_deferred_refcount(TnObject *o);   /* deferred.c */

/* The owner dropped its last local reference. If nobody else holds one the
 * object dies now; otherwise ownership is given up: the object becomes
 * MERGED and is freed by whichever thread drops the last shared reference. */
void tn_brc_local_zero(TnObject *o)
{
    /* Acquire: pairs with the release decrements of other threads, so their
     * last accesses to the object happen before we free it. */
    int32_t shared = tn_load_acquire(&o->ob_ref_shared);
    if ((shared & 3) == TN_REF_DEFERRED) {
        tn_deferred_owner_dropped(o);
        return;
    }
    /* Alone, nobody can be in tn_try_incref: no claim needed (this is the
     * death of every object of a single-threaded program). */
    if (shared == 0 && atomic_load_explicit(&tn_qsbr_live_threads, memory_order_acquire) <= 1) {
        tn_dealloc(o);
        return;
    }
    for (;;) {
        if (shared == 0 || (shared >> SHIFT) == 0) {
            if ((shared & 3) == TN_REF_QUEUED) {
                /* Queued to us but the counts cancel: the owner's merge pass
                 * still holds the queue entry and will free it. */
                tn_store_relaxed(&o->ob_tid, 0);
                if (tn_cas(&o->ob_ref_shared, &shared, (int32_t)TN_REF_MERGED))
                    return;
                continue;
            }
            /* Claim the zero with a CAS to MERGED: a lock-free reader's
             * tn_try_incref either lands first (then we see its count and
             * hand the object over) or sees MERGED with count 0 and fails. */
            if (!atomic_compare_exchange_strong(&o->ob_ref_shared, &shared,
                                                (int32_t)TN_REF_MERGED))
                continue;
            /* ob_tid stays ours: the per-thread free lists take back only
             * objects the freeing thread owns. */
            tn_dealloc(o);
            return;
        }
        tn_store_relaxed(&o->ob_tid, 0);
        int32_t merged = (shared & ~3) | TN_REF_MERGED;
        if (tn_cas(&o->ob_ref_shared, &shared, merged))
            return;
    }
}

/* A non-owner made the shared count negative: the true count may be zero,
 * but only the owner can tell. Queue the object to its owner (runtime/brc.c);
 * with no other thread alive this cannot happen. */
void tn_brc_queue_to_owner(TnObject *o, uint32_t owner);

void tn_brc_shared_negative(TnObject *o)
{
    int32_t shared = tn_load_relaxed(&o->ob_ref_shared);
    for (;;) {
        if ((shared & 3) != 0)
            return;                         /* already queued or merged */
        if (tn_cas(&o->ob_ref_shared, &shared, shared | TN_REF_QUEUED))
            break;
    }
    tn_brc_queue_to_owner(o, tn_load_relaxed(&o->ob_tid));
}

int tn_try_incref(TnObject *o)
{
    uint32_t local = tn_load_relaxed(&o->ob_ref_local);
    if (local == TN_IMMORTAL_LOCAL)
        return 1;
    if (tn_load_relaxed(&o->ob_tid) == tn_tls_tid) {
        /* Ours: only we can take the local count to zero. */
        if (local == 0)
            return 0;
        tn_store_relaxed(&o->ob_ref_local, local + 1);
        return 1;
    }
    int32_t shared = tn_load_relaxed(&o->ob_ref_shared);
    if ((shared & 3) == TN_REF_DEFERRED) {
        /* Freed only with the world stopped, which cannot happen while we
         * are between loading the slot and re-checking it. */
        tn_deferred_add(shared, 1);
        return 1;
    }
    for (;;) {
        if ((shared & 3) == TN_REF_MERGED && (shared >> SHIFT) <= 0)
            return 0;                       /* dead or dying */
        /* seq_cst: ordered before the caller's re-read of the slot. */
        if (atomic_compare_exchange_weak(&o->ob_ref_shared, &shared,
                                         shared + (1 << SHIFT)))
            return 1;
    }
}

void tn_brc_shared_zero_merged(TnObject *o)
{
    /* An acquire load of the count (the end of the release sequence of
     * every thread's decrement) orders their accesses before the free. An
     * explicit load rather than a fence, because TSan does not model fences. */
    (void)tn_load_acquire(&o->ob_ref_shared);
    tn_dealloc(o);
}
#endif

tn_ssize_t tn_refcount(TnObject *o)
{
#ifdef TANDEM_FT
    uint32_t local = tn_load_relaxed(&o->ob_ref_local);
    if (local == TN_IMMORTAL_LOCAL)
        return (tn_ssize_t)UINT32_MAX;
    if (tn_is_deferred(o))
        return tn_deferred_refcount(o);
    return (tn_ssize_t)local + (tn_load_relaxed(&o->ob_ref_shared) >> SHIFT);
#else
    return o->ob_refcnt;
#endif
}

void tn_set_immortal(TnObject *o)
{
#ifdef TANDEM_FT
    tn_store_relaxed(&o->ob_ref_local, TN_IMMORTAL_LOCAL);
    tn_store_relaxed(&o->ob_tid, 0);
#else
    o->ob_refcnt = TN_IMMORTAL_REFCNT;
#endif
}
