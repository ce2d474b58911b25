/* Biased reference counting: the merge queue (ft build only).
 *
 * When a non-owner thread takes an object's shared count below zero, the
 * object may be dead, but only its owner knows its local count. The object
 * is pushed on the owner's queue (a mutex-protected vector: pushes are rare,
 * one per object per ownership epoch) and the owner's eval breaker is set;
 * at its next safe point the owner merges: local + shared becomes the whole
 * count in the shared field (state MERGED, owner 0), and the object is freed
 * if that is zero. If the owner has exited, the pushing thread merges the
 * object itself: nobody will touch the local count again. */
#include <pthread.h>
#include <stdlib.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"

#ifdef TANDEM_FT
struct TnBrcQueue {
    pthread_mutex_t lock;
    TnObject **items;
    size_t n, cap;
};

/* Fold the local count into the shared one and give up ownership. Called
 * by the owner, or by anyone once the owner is gone. Returns 1 if the
 * object's total count is zero (caller frees). */
static int merge_object(TnObject *o)
{
    int32_t local = (int32_t)tn_load_relaxed(&o->ob_ref_local);
    tn_store_relaxed(&o->ob_ref_local, 0);
    tn_store_relaxed(&o->ob_tid, 0);
    int32_t shared = tn_load_acquire(&o->ob_ref_shared);
    for (;;) {
        int32_t count = (shared >> TN_REF_SHARED_SHIFT) + local;
        int32_t merged = (int32_t)((uint32_t)count << TN_REF_SHARED_SHIFT) | TN_REF_MERGED;
        if (tn_cas(&o->ob_ref_shared, &shared, merged))
            return count == 0;
    }
}

struct push_arg { TnObject *o; int ok; };

static void push_locked(TnThreadState *ts, void *arg)
{
    struct push_arg *pa = arg;
    struct TnBrcQueue *q = ts->brc;
    if (!q)
        return;
    pthread_mutex_lock(&q->lock);
    if (q->n == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 64;
        TnObject **items = realloc(q->items, cap * sizeof *items);
        if (!items) {
            pthread_mutex_unlock(&q->lock);
            return;
        }
        q->items = items;
        q->cap = cap;
    }
    q->items[q->n++] = pa->o;
    pa->ok = 1;
    pthread_mutex_unlock(&q->lock);
    atomic_fetch_or_explicit(&ts->eval_breaker, TN_EB_BRC_MERGE, memory_order_release);
}

void tn_brc_queue_to_owner(TnObject *o, uint32_t owner)
{
    struct push_arg pa = { o, 0 };
    TN_STAT_INC(tn_ts(), brc_queued);
    if (owner != 0 && tn_tstate_with(owner, push_locked, &pa) && pa.ok)
        return;
    /* Owner gone (or the queue could not grow): merge here. */
    if (merge_object(o))
        tn_dealloc(o);
}

int tn_brc_init_thread(TnThreadState *ts)
{
    struct TnBrcQueue *q = calloc(1, sizeof *q);
    if (!q)
        return -1;
    pthread_mutex_init(&q->lock, NULL);
    ts->brc = q;
    return 0;
}

/* At a safe point of the owner: merge everything queued to it. */
void tn_brc_merge_queue(TnThreadState *ts)
{
    struct TnBrcQueue *q = ts->brc;
    if (!q)
        return;
    atomic_fetch_and_explicit(&ts->eval_breaker, ~(uint32_t)TN_EB_BRC_MERGE, memory_order_acq_rel);
    for (;;) {
        pthread_mutex_lock(&q->lock);
        TnObject **items = q->items;
        size_t n = q->n;
        q->items = NULL;
        q->n = q->cap = 0;
        pthread_mutex_unlock(&q->lock);
        if (n == 0)
            break;
        for (size_t i = 0; i < n; i++) {
            TN_STAT_INC(ts, brc_merged);
            if (merge_object(items[i]))
                tn_dealloc(items[i]);   /* may queue more: loop again */
        }
        free(items);
    }
}

/* A thread that exits merges its queue and then gives up its registry
 * entry; objects it still owns are merged lazily by whoever drops them. */
void tn_brc_fini_thread(TnThreadState *ts)
{
    tn_brc_merge_queue(ts);
    struct TnBrcQueue *q = ts->brc;
    if (q) {
        pthread_mutex_destroy(&q->lock);
        free(q->items);
        free(q);
        ts->brc = NULL;
    }
}
#endif
