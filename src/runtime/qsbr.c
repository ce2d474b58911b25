/* Deferred reclamation (see docs/reclamation.md).
 *
 * gil build: nobody reads without the GIL, so a deferred free is a free.
 * ft build: liburcu's QSBR flavour. Every interpreter thread registers;
 * it reports quiescent states at eval-loop safe points and goes offline
 * around blocking calls. Memory that lock-free readers may still see is
 * handed to call_rcu, whose worker thread frees it after a grace period, so
 * the freeing thread never blocks.
 *
 * While only one interpreter thread exists, no other thread can hold a
 * pointer to the memory, so it is freed at once: single-threaded programs
 * pay nothing for QSBR. */
#include <stdlib.h>
#include "tandem/tandem.h"
#include "tandem/gc.h"

#ifdef TANDEM_FT
#include <urcu/urcu-qsbr.h>
#include <urcu/call-rcu.h>

/* ThreadSanitizer cannot see the ordering liburcu provides (a grace period
 * orders every reader's accesses before the deferred free), so tell it: each
 * quiescent/offline point releases a token and the free callback acquires
 * it. Compiled only into TSan builds. */
#if defined(__SANITIZE_THREAD__)
void __tsan_acquire(void *addr);
void __tsan_release(void *addr);
static char tsan_grace_token;
#  define TSAN_RELEASE() __tsan_release(&tsan_grace_token)
#  define TSAN_ACQUIRE() __tsan_acquire(&tsan_grace_token)
#else
#  define TSAN_RELEASE() ((void)0)
#  define TSAN_ACQUIRE() ((void)0)
#endif

/* Number of registered interpreter threads (atomic: read on every
 * deferred free, written when threads start and stop). */
_Atomic int tn_qsbr_live_threads;

struct deferred {
    struct rcu_head head;
    void *p;
};

static void free_deferred_cb(struct rcu_head *h)
{
    struct deferred *d = caa_container_of(h, struct deferred, head);
    TSAN_ACQUIRE();
    tn_mem_free(d->p);
    free(d);
}

void tn_mem_free_deferred(void *p, size_t size)
{
    if (!p)
        return;
    TnThreadState *ts = tn_ts();
    if (atomic_load_explicit(&tn_qsbr_live_threads, memory_order_acquire) <= 1) {
        tn_mem_free(p);
        return;
    }
    struct deferred *d = malloc(sizeof *d);
    if (!d) {
        /* Cannot defer without memory: wait for the grace period here. */
        urcu_qsbr_synchronize_rcu();
        tn_mem_free(p);
        return;
    }
    d->p = p;
    if (ts) {
        TN_STAT_INC(ts, qsbr_deferred);
        TN_STAT_ADD(ts, qsbr_deferred_bytes, size);
    }
    TSAN_RELEASE();
    urcu_qsbr_call_rcu(&d->head, free_deferred_cb);
}

/* Objects freed while several threads run: their memory must stay readable
 * (a lock-free reader may still hold the pointer and try to increment the
 * count) until every thread has passed a quiescent state. Freeing one
 * object per call_rcu would cost an allocation and a queue operation per
 * object, so each thread fills a batch and hands the whole batch over. */
#define OBJ_BATCH 256
struct obj_batch {
    struct rcu_head head;
    size_t n;
    void *p[OBJ_BATCH];
};
static _Thread_local struct obj_batch *obj_batch;

static void free_batch_cb(struct rcu_head *h)
{
    struct obj_batch *b = caa_container_of(h, struct obj_batch, head);
    TSAN_ACQUIRE();
    for (size_t i = 0; i < b->n; i++)
        tn_mem_free(b->p[i]);
    free(b);
}

static void ask_quiescent(TnThreadState *ts, void *arg)
{
    (void)arg;
    atomic_fetch_or_explicit(&ts->eval_breaker, TN_EB_QSBR, memory_order_relaxed);
}

void tn_tstate_foreach(void (*fn)(TnThreadState *, void *), void *arg);

static void flush_batch(void)
{
    struct obj_batch *b = obj_batch;
    if (!b)
        return;
    obj_batch = NULL;
    if (atomic_load_explicit(&tn_qsbr_live_threads, memory_order_acquire) <= 1) {
        for (size_t i = 0; i < b->n; i++)   /* nobody else can hold them */
            tn_mem_free(b->p[i]);
        free(b);
        return;
    }
    TSAN_RELEASE();
    urcu_qsbr_call_rcu(&b->head, free_batch_cb);
    /* A grace period needs every thread's next quiescent state: ask for
     * it now rather than waiting for some other reason to reach a safe
     * point, which bounds the memory waiting in batches. */
    tn_tstate_foreach(ask_quiescent, NULL);
}

void tn_qsbr_free_object(void *p)
{
    if (!obj_batch && atomic_load_explicit(&tn_qsbr_live_threads, memory_order_acquire) <= 1) {
        tn_mem_free(p);
        return;
    }
    if (!obj_batch) {
        obj_batch = malloc(sizeof *obj_batch);
        if (!obj_batch) {
            urcu_qsbr_synchronize_rcu();
            tn_mem_free(p);
            return;
        }
        obj_batch->n = 0;
    }
    TnThreadState *ts = tn_ts();
    if (ts) {
        TN_STAT_INC(ts, qsbr_deferred);
        TN_STAT_ADD(ts, qsbr_deferred_bytes, tn_mem_usable_size(p));   /* p is a block */
    }
    obj_batch->p[obj_batch->n++] = p;
    if (obj_batch->n == OBJ_BATCH)
        flush_batch();
}

void tn_qsbr_register(void)
{
    urcu_qsbr_register_thread();
    atomic_fetch_add(&tn_qsbr_live_threads, 1);
}

void tn_qsbr_unregister(void)
{
    flush_batch();
    atomic_fetch_sub(&tn_qsbr_live_threads, 1);
    TSAN_RELEASE();
    urcu_qsbr_unregister_thread();
}

void tn_qsbr_quiescent(void)
{
    TnThreadState *ts = tn_ts();
    if (ts)
        TN_STAT_INC(ts, qsbr_quiescent);
    if (obj_batch && atomic_load_explicit(&tn_qsbr_live_threads, memory_order_acquire) <= 1)
        flush_batch();
    TSAN_RELEASE();
    urcu_qsbr_quiescent_state();
}

void tn_qsbr_offline(void) { TSAN_RELEASE(); urcu_qsbr_thread_offline(); }
void tn_qsbr_online(void) { urcu_qsbr_thread_online(); }

#else

void tn_mem_free_deferred(void *p, size_t size)
{
    (void)size;
    tn_mem_free(p);
}
void tn_qsbr_free_object(void *p) { tn_mem_free(p); }
void tn_qsbr_register(void) {}
void tn_qsbr_unregister(void) {}
void tn_qsbr_quiescent(void) {}
void tn_qsbr_offline(void) {}
void tn_qsbr_online(void) {}
#endif
