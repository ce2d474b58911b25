/* Deferred reclamation (see docs/reclamation.md).
 *
 * gil build: nobody reads without the GIL, so a deferred free is a free.
 * ft build: liburcu's QSBR flavour. Every interpreter thread registers;
 * it reports quiescent states at eval-loop safe points and goes offline
 * around blocking calls. Memory that lock-free readers may still see waits
 * in the freeing thread's own batches until a grace period that began after
 * it was queued has ended; the thread then frees it itself, at a safe
 * point, so it never blocks and mimalloc gets the blocks back on the thread
 * that will reuse them.
 *
 * Grace periods are driven by one helper thread (liburcu 0.13 has no
 * polling API): while some batch waits, it runs urcu_qsbr_synchronize_rcu
 * back to back and publishes how many have ended (gp_done). liburcu's
 * call_rcu worker would do the same but sleeps 10 ms between rounds, and
 * at the free rates of the stress suite (700 MB/s) that kept tens of MB
 * waiting.
 *
 * While only one interpreter thread exists, no other thread can hold a
 * pointer to the memory, so it is freed at once: single-threaded programs
 * pay nothing for QSBR. */
#include <stdlib.h>
#include "tandem/tandem.h"
#include "tandem/gc.h"
#include "tandem/qsbr.h"
#include "tandem/gil.h"

#ifdef TANDEM_FT
/* liburcu's inline fast paths, except under TSan: they access its counters
 * with plain (volatile) accesses by design, which TSan would report; the
 * library itself is not instrumented, and the grace-period token below
 * stands for the ordering it provides. */
#if !defined(__SANITIZE_THREAD__)
#  define _LGPL_SOURCE
#endif
#include <pthread.h>
#include <urcu/urcu-qsbr.h>
#include <urcu/static/urcu-qsbr.h>   /* urcu_qsbr_gp, urcu_qsbr_reader */

/* ThreadSanitizer cannot see the ordering liburcu provides (a grace period
 * orders every reader's accesses before the deferred free), so tell it: each
 * quiescent/offline point releases a token and the free acquires it.
 * Compiled only into TSan builds. */
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

/* The two counters that tell whether a quiescent report came before the
 * running grace period began (tn_qsbr_quiescent). */
static unsigned long gp_ctr(void) { return CMM_LOAD_SHARED(urcu_qsbr_gp.ctr); }
static unsigned long my_ctr(void) { return URCU_TLS(urcu_qsbr_reader).ctr; }

/* Number of registered interpreter threads (atomic: read on every
 * deferred free, written when threads start and stop). */
_Atomic int tn_qsbr_live_threads;

static int alone(void)
{
    return atomic_load_explicit(&tn_qsbr_live_threads, memory_order_acquire) <= 1;
}

/* ---- grace periods ---------------------------------------------------------
 * gp_started counts the grace periods the helper has begun, gp_done those
 * that have ended. Memory queued when gp_started read s is safe once
 * gp_done >= s + 1: grace period s + 1 begins after that read. */
#define BATCH 256
#define BATCH_BYTES (64 * 1024)   /* a batch of big tables waits no longer */
typedef struct Batch {
    struct Batch *next;
    uint64_t target;   /* free once gp_done >= target */
    size_t n, bytes;
    void *p[BATCH];
} Batch;

static _Atomic uint64_t gp_started, gp_done, gp_wanted;
/* While a grace period runs: the reader counter value it replaces. */
static _Atomic unsigned long gp_old_ctr;
static _Atomic int gp_active;
static pthread_mutex_t gp_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gp_cv = PTHREAD_COND_INITIALIZER;
static int gp_thread_started;
static Batch *orphans;   /* batches of exited threads, under gp_mu */

static void free_batch(Batch *b)
{
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

/* Free the orphaned batches whose grace period has ended (gp_mu held). */
static void free_orphans(uint64_t done)
{
    Batch **pp = &orphans;
    while (*pp) {
        Batch *b = *pp;
        if (b->target <= done) {
            *pp = b->next;
            free_batch(b);
        } else {
            pp = &b->next;
        }
    }
}

static void *gp_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&gp_mu);
    for (;;) {
        uint64_t done = atomic_load(&gp_done);
        free_orphans(done);
        if (atomic_load(&gp_wanted) <= done) {
            pthread_cond_wait(&gp_cv, &gp_mu);
            continue;
        }
        uint64_t s = atomic_load(&gp_started) + 1;
        atomic_store(&gp_started, s);
        pthread_mutex_unlock(&gp_mu);
        /* Only this thread starts grace periods, so the counter cannot
         * move before synchronize_rcu below moves it. */
        atomic_store(&gp_old_ctr, gp_ctr());
        atomic_store(&gp_active, 1);
        tn_tstate_foreach(ask_quiescent, NULL);
        urcu_qsbr_synchronize_rcu();
        atomic_store(&gp_active, 0);
        atomic_store(&gp_done, s);
        pthread_mutex_lock(&gp_mu);
    }
    return NULL;
}

/* Make sure grace period `target` will run. */
static void want_gp(uint64_t target)
{
    if (atomic_load(&gp_wanted) >= target)
        return;
    pthread_mutex_lock(&gp_mu);
    if (!gp_thread_started) {
        pthread_t th;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        gp_thread_started = pthread_create(&th, &attr, gp_main, NULL) == 0;
        pthread_attr_destroy(&attr);
    }
    if (atomic_load(&gp_wanted) < target)
        atomic_store(&gp_wanted, target);
    pthread_cond_signal(&gp_cv);
    pthread_mutex_unlock(&gp_mu);
}

/* Wait for a grace period in an interpreter thread (no memory to defer,
 * or a thread leaving): detached, so that neither a stop of the world nor
 * the grace period itself waits for us meanwhile. */
static void wait_grace_period(void)
{
    TnThreadState *ts = tn_ts();
    if (ts)
        TN_BEGIN_BLOCKING(ts);
    urcu_qsbr_synchronize_rcu();
    if (ts)
        TN_END_BLOCKING(ts);
}

/* ---- per-thread batches ---------------------------------------------------
 * cur fills up; sealed batches wait in FIFO order (targets never decrease). */
static _Thread_local Batch *cur, *head, *tail;

static void free_all_pending(void)
{
    while (head) {
        Batch *b = head;
        head = b->next;
        free_batch(b);
    }
    tail = NULL;
    if (cur) {
        free_batch(cur);
        cur = NULL;
    }
}

static void free_completed(void)
{
    if (!head)
        return;
    uint64_t done = atomic_load(&gp_done);
    while (head && head->target <= done) {
        Batch *b = head;
        head = b->next;
        free_batch(b);
    }
    if (!head)
        tail = NULL;
}

static void seal(void)
{
    Batch *b = cur;
    cur = NULL;
    b->next = NULL;
    b->target = atomic_load(&gp_started) + 1;
    if (tail)
        tail->next = b;
    else
        head = b;
    tail = b;
    TSAN_RELEASE();
    want_gp(b->target);
    free_completed();
}

static void defer(void *p, size_t bytes)
{
    if (!cur) {
        if (alone()) {   /* nobody else can hold a pointer to it */
            tn_mem_free(p);
            return;
        }
        cur = malloc(sizeof *cur);
        if (!cur) {   /* cannot defer without memory: wait here instead */
            wait_grace_period();
            tn_mem_free(p);
            return;
        }
        cur->n = cur->bytes = 0;
    }
    TnThreadState *ts = tn_ts();
    if (ts) {
        TN_STAT_INC(ts, qsbr_deferred);
        TN_STAT_ADD(ts, qsbr_deferred_bytes, bytes);
    }
    cur->p[cur->n++] = p;
    cur->bytes += bytes;
    if (cur->n == BATCH || cur->bytes >= BATCH_BYTES)
        seal();
}

size_t tn_qsbr_pending(void)
{
    size_t n = cur ? cur->n : 0;
    for (Batch *b = head; b; b = b->next)
        n += b->n;
    return n;
}

/* Buffers (old list arrays, dict and set tables). */
void tn_mem_free_deferred(void *p, size_t size)
{
    if (p)
        defer(p, size);
}

/* Objects: a lock-free reader that loaded the pointer just before the
 * object died may still read its header (its conditional increment then
 * fails). p is the object's block. */
void tn_qsbr_free_object(void *p)
{
    defer(p, tn_mem_usable_size(p));
}

/* ---- delayed decrefs --------------------------------------------------------
 * For a reference whose object a lock-free reader may hold as a borrowed
 * pointer: a class attribute that tn_type_lookup handed out is only
 * incremented by the caller afterwards, and must outlive a rebinding
 * meanwhile. The drop waits for a grace period like memory does, in a FIFO
 * of its own, and runs only at a safe point (tn_qsbr_quiescent), since it
 * may run __del__. */
typedef struct Delayed {
    struct Delayed *next;
    TnObject *o;
    uint64_t target;
} Delayed;
static _Thread_local Delayed *dhead, *dtail;

void tn_decref_delayed(TnObject *o)
{
    Delayed *d = alone() ? NULL : malloc(sizeof *d);
    if (!d) {   /* alone, nobody can hold it borrowed; or no memory: wait here */
        if (!alone())
            wait_grace_period();
        tn_decref(o);
        return;
    }
    d->o = o;
    d->next = NULL;
    d->target = atomic_load(&gp_started) + 1;
    if (dtail)
        dtail->next = d;
    else
        dhead = d;
    dtail = d;
    want_gp(d->target);
}

/* Drop the delayed references whose grace period has ended (all of them if
 * `all`). A decref may run __del__, which may delay more. */
static void run_delayed(int all)
{
    while (dhead && (all || dhead->target <= atomic_load(&gp_done))) {
        Delayed *d = dhead;
        dhead = d->next;
        if (!dhead)
            dtail = NULL;
        TnObject *o = d->o;
        free(d);
        tn_decref(o);
    }
}

void tn_qsbr_register(void)
{
    urcu_qsbr_register_thread();
    atomic_fetch_add(&tn_qsbr_live_threads, 1);
}

/* A thread that leaves hands its waiting batches to the helper thread. */
void tn_qsbr_unregister(void)
{
    /* Delayed decrefs must run on an interpreter thread: wait for them. */
    while (dhead) {
        wait_grace_period();
        run_delayed(1);
    }
    if (cur)
        seal();
    atomic_fetch_sub(&tn_qsbr_live_threads, 1);
    TSAN_RELEASE();
    urcu_qsbr_unregister_thread();
    if (!head)
        return;
    uint64_t target = tail->target;
    pthread_mutex_lock(&gp_mu);
    tail->next = orphans;
    orphans = head;
    pthread_mutex_unlock(&gp_mu);
    head = tail = NULL;
    want_gp(target);
}

void tn_qsbr_quiescent(void)
{
    TnThreadState *ts = tn_ts();
    if (ts)
        TN_STAT_INC(ts, qsbr_quiescent);
    TSAN_RELEASE();
    urcu_qsbr_quiescent_state();
    if (alone()) {
        free_all_pending();
        run_delayed(1);
        return;
    }
    /* A report made before the running grace period bumped the counter
     * does not count for it: ask again at the next safe point, or the
     * grace period would wait for some unrelated reason to get here. */
    if (atomic_load(&gp_active) &&
        my_ctr() == atomic_load(&gp_old_ctr) && ts)
        atomic_fetch_or_explicit(&ts->eval_breaker, TN_EB_QSBR, memory_order_relaxed);
    free_completed();
    if (dhead) {
        TSAN_ACQUIRE();
        run_delayed(0);
    }
}

void tn_qsbr_offline(void)
{
    TSAN_RELEASE();
    urcu_qsbr_thread_offline();
}

void tn_qsbr_online(void)
{
    urcu_qsbr_thread_online();
    free_completed();
}

#else

void tn_mem_free_deferred(void *p, size_t size)
{
    (void)size;
    tn_mem_free(p);
}
void tn_qsbr_free_object(void *p) { tn_mem_free(p); }
void tn_decref_delayed(TnObject *o) { tn_decref(o); }
size_t tn_qsbr_pending(void) { return 0; }
void tn_qsbr_register(void) {}
void tn_qsbr_unregister(void) {}
void tn_qsbr_quiescent(void) {}
void tn_qsbr_offline(void) {}
void tn_qsbr_online(void) {}
#endif
