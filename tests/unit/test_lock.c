/* Per-object mutexes and critical sections (lock.h, runtime/lock.c) with
 * real pthreads. In the ft build the lock must exclude, park waiters (off
 * QSBR) and never deadlock in tn_lock2; in the gil build every call must be
 * a no-op that never blocks, because the GIL is what serialises there.
 *
 * Waits for another thread are bounded polls of a condition (wait_until),
 * never sleeps that assume how long the other thread takes; a hang that
 * would mean a deadlock is turned into a failure by Criterion's timeout. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/lock.h"
#include "tandem/gil.h"
#include "tandem/qsbr.h"
#include "tandem/stw.h"
#ifdef TANDEM_FT
#include <urcu/urcu-qsbr.h>
#endif

#include "unit_probe.h"

#ifdef TANDEM_FT
void tn_tstate_unlink(TnThreadState *ts);
#endif

static TnObject *new_probe(void)
{
    TnObject *o = tn_object_alloc(&probe_type, sizeof(TnObject));
    cr_assert(o);
    return o;
}

/* Poll `cond` for up to 60 s: generous because the machine is shared and
 * loaded, yet finite so that a lost wake-up fails instead of hanging. */
#define wait_until(cond)                                               \
    do {                                                               \
        for (long w_ = 0; w_ < 60000 && !(cond); w_++)                 \
            usleep(1000);                                              \
    } while (0)

#ifdef TANDEM_FT
#define MUTEX_BYTE(o) atomic_load(&(o)->ob_mutex)

/* What runtime/thread.c does for a new interpreter thread, minus the
 * Python call: a thread state, QSBR and biased-refcount registration, then
 * attach. */
static TnThreadState *thread_enter(void)
{
    /* abort, not cr_assert: an assertion longjmps, which is only valid on
     * the test's own thread. */
    TnThreadState *ts = tn_tstate_new();
    if (!ts)
        abort();
    tn_qsbr_register();
    if (tn_brc_init_thread(ts) < 0)
        abort();
    tn_gil_acquire(ts);
    return ts;
}

/* The matching exit sequence; `out` receives the thread's counters, which
 * tn_tstate_delete folds into the process totals. */
static void thread_leave(TnThreadState *ts, TnStats *out)
{
    if (out)
        *out = ts->stats;
    tn_tstate_unlink(ts);
    tn_tls_tid = TN_TID_NONE;
    tn_brc_fini_thread(ts);
    tn_qsbr_unregister();
    tn_gil_release(ts);
    tn_tstate_delete(ts);
}

/* Threads start working only once all have been created, so that they
 * really overlap instead of finishing one after another. */
static void gate_pass(atomic_int *gate, int n)
{
    atomic_fetch_add(gate, 1);
    while (atomic_load(gate) < n)
        sched_yield();
}

/* ---- 1. uncontended ---------------------------------------------------- */

Test(lock, uncontended_lock_sets_and_clears_the_byte, .init = setup)
{
    TnObject *a = new_probe(), *b = new_probe();
    cr_assert_eq(MUTEX_BYTE(a), 0, "a new object starts unlocked");
    tn_lock(a);
    cr_assert_eq(MUTEX_BYTE(a), TN_MUTEX_LOCKED);
    cr_assert_eq(MUTEX_BYTE(b), 0, "locking a must not touch b");
    /* Critical sections on different objects nest. */
    TN_LOCK(b);
    cr_assert_eq(MUTEX_BYTE(b), TN_MUTEX_LOCKED);
    TN_UNLOCK(b);
    cr_assert_eq(MUTEX_BYTE(b), 0);
    cr_assert_eq(MUTEX_BYTE(a), TN_MUTEX_LOCKED);
    tn_unlock(a);
    cr_assert_eq(MUTEX_BYTE(a), 0);
    /* The uncontended path never counts as contended. */
    cr_assert_eq(tn_ts()->stats.lock_contended, 0);
    tn_decref(a);
    tn_decref(b);
    cr_assert_eq(freed, 2);
}

Test(lock, acquisitions_are_counted_for_stats, .init = setup)
{
    TnObject *o = new_probe();
    TnThreadState *ts = tn_ts();
    tn_tls_count = NULL;                 /* -X stats off: nothing counted */
    tn_lock(o);
    tn_unlock(o);
    cr_assert_eq(ts->stats.lock_acquire, 0);
    tn_tls_count = &ts->stats;           /* what -X stats sets up */
    for (int i = 0; i < 5; i++) {
        tn_lock(o);
        tn_unlock(o);
    }
    tn_lock2(o, o);
    tn_unlock2(o, o);
    tn_tls_count = NULL;
    cr_assert_eq(ts->stats.lock_acquire, 6);
    tn_decref(o);
}

/* An unlocker that finds PARKED with nobody asleep (the one spurious
 * broadcast the design allows) must still leave the mutex free. */
Test(lock, unlock_with_stale_parked_bit_frees_the_mutex, .init = setup)
{
    TnObject *o = new_probe();
    tn_lock(o);
    atomic_store(&o->ob_mutex, (uint8_t)(TN_MUTEX_LOCKED | TN_MUTEX_PARKED));
    tn_unlock(o);
    cr_assert_eq(MUTEX_BYTE(o), 0);
    tn_lock(o);                          /* and the fast path works again */
    cr_assert_eq(MUTEX_BYTE(o), TN_MUTEX_LOCKED);
    tn_unlock(o);
    tn_decref(o);
}

/* ---- 2. mutual exclusion ---------------------------------------------- */

enum { NTHREADS = 4, ITERS = 100000 };

struct counter_job {
    TnObject *o;
    long *shared;            /* plain long: only the lock protects it */
    atomic_int *gate;
    pthread_t th;
    TnStats stats;
};

static void *count_under_lock(void *arg)
{
    struct counter_job *j = arg;
    TnThreadState *ts = thread_enter();
    tn_tls_count = &ts->stats;
    gate_pass(j->gate, NTHREADS);
    for (int i = 0; i < ITERS; i++) {
        tn_lock(j->o);
        (*j->shared)++;
        tn_unlock(j->o);
    }
    thread_leave(ts, &j->stats);
    return NULL;
}

Test(lock, four_threads_count_exactly, .init = setup, .timeout = 300)
{
    TnObject *o = new_probe();
    long shared = 0;
    atomic_int gate = 0;
    struct counter_job jobs[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        jobs[i] = (struct counter_job){ .o = o, .shared = &shared, .gate = &gate };
        cr_assert_eq(pthread_create(&jobs[i].th, NULL, count_under_lock, &jobs[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(jobs[i].th, NULL);
    cr_assert_eq(shared, (long)NTHREADS * ITERS, "lost updates: %ld", shared);
    cr_assert_eq(MUTEX_BYTE(o), 0, "left locked or with a stale PARKED bit");
    for (int i = 0; i < NTHREADS; i++) {
        cr_assert_eq(jobs[i].stats.lock_acquire, ITERS);
        cr_assert_leq(jobs[i].stats.lock_contended, jobs[i].stats.lock_acquire);
    }
    tn_decref(o);
    cr_assert_eq(freed, 1);
}

/* ---- 3. parking -------------------------------------------------------- */

struct waiter {
    TnObject *o;
    pthread_t th;
    atomic_int started, entered, done;
    TnStats stats;
};

static void *wait_for_lock(void *arg)
{
    struct waiter *w = arg;
    TnThreadState *ts = thread_enter();
    atomic_store(&w->started, 1);
    tn_lock(w->o);
    atomic_store(&w->entered, 1);
    tn_unlock(w->o);
    thread_leave(ts, &w->stats);
    atomic_store(&w->done, 1);
    return NULL;
}

static void start_waiter(struct waiter *w, TnObject *o)
{
    w->o = o;
    atomic_init(&w->started, 0);
    atomic_init(&w->entered, 0);
    atomic_init(&w->done, 0);
    cr_assert_eq(pthread_create(&w->th, NULL, wait_for_lock, w), 0);
}

Test(lock, waiter_parks_until_holder_unlocks, .init = setup, .timeout = 120)
{
    TnObject *o = new_probe();
    tn_lock(o);
    struct waiter w;
    start_waiter(&w, o);
    /* The PARKED bit is set only by a thread about to sleep on the lock. */
    wait_until(MUTEX_BYTE(o) & TN_MUTEX_PARKED);
    cr_assert(MUTEX_BYTE(o) & TN_MUTEX_PARKED, "the waiter never parked");
    cr_assert(atomic_load(&w.started));
    cr_assert_eq(atomic_load(&w.entered), 0, "entered while the lock was held");
    tn_unlock(o);
    pthread_join(w.th, NULL);
    cr_assert_eq(atomic_load(&w.entered), 1);
    cr_assert_geq(w.stats.lock_contended, 1);
    cr_assert_eq(tn_ts()->stats.lock_contended, 0, "the holder never waited");
    cr_assert_eq(MUTEX_BYTE(o), 0);
    tn_decref(o);
}

/* Several sleepers on one lock: one unlock must eventually let every one
 * of them in (a woken thread keeps PARKED for the others). */
Test(lock, every_parked_waiter_gets_in, .init = setup, .timeout = 120)
{
    enum { N = 3 };
    TnObject *o = new_probe();
    tn_lock(o);
    struct waiter w[N];
    for (int i = 0; i < N; i++)
        start_waiter(&w[i], o);
    for (int i = 0; i < N; i++)
        wait_until(atomic_load(&w[i].started));
    wait_until(MUTEX_BYTE(o) & TN_MUTEX_PARKED);
    cr_assert(MUTEX_BYTE(o) & TN_MUTEX_PARKED);
    for (int i = 0; i < N; i++)
        cr_assert_eq(atomic_load(&w[i].entered), 0);
    tn_unlock(o);
    for (int i = 0; i < N; i++) {
        wait_until(atomic_load(&w[i].done));
        cr_assert(atomic_load(&w[i].done), "waiter %d was never woken", i);
        pthread_join(w[i].th, NULL);
        cr_assert_eq(atomic_load(&w[i].entered), 1);
    }
    cr_assert_eq(MUTEX_BYTE(o), 0);
    tn_decref(o);
}

/* Waiters on two objects that share a parking-lot bucket: the broadcast for
 * one must not let the other's waiter past a lock that is still held. The
 * bucket is a function of the address (lock.c); the pair is chosen to
 * collide there, but the assertions hold for any pair. */
static int same_bucket(TnObject *a, TnObject *b)
{
    return ((uintptr_t)a >> 4) % 257 == ((uintptr_t)b >> 4) % 257;
}

Test(lock, shared_bucket_wakes_only_the_right_waiter, .init = setup, .timeout = 120)
{
    enum { MAXPROBES = 2048 };
    static TnObject *pool[MAXPROBES];
    TnObject *a = new_probe(), *b = NULL;
    int n = 0;
    while (n < MAXPROBES && !b) {
        TnObject *c = new_probe();
        if (same_bucket(a, c))
            b = c;
        else
            pool[n++] = c;
    }
    for (int i = 0; i < n; i++)
        tn_decref(pool[i]);
    cr_assert(b, "no two objects in one bucket among %d", MAXPROBES);

    tn_lock(a);
    tn_lock(b);
    struct waiter wa, wb;
    start_waiter(&wa, a);
    start_waiter(&wb, b);
    wait_until((MUTEX_BYTE(a) & TN_MUTEX_PARKED) && (MUTEX_BYTE(b) & TN_MUTEX_PARKED));
    cr_assert(MUTEX_BYTE(a) & TN_MUTEX_PARKED);
    cr_assert(MUTEX_BYTE(b) & TN_MUTEX_PARKED);
    tn_unlock(a);
    pthread_join(wa.th, NULL);
    cr_assert_eq(atomic_load(&wa.entered), 1);
    cr_assert_eq(atomic_load(&wb.entered), 0, "b's waiter got past a held lock");
    cr_assert(MUTEX_BYTE(b) & TN_MUTEX_LOCKED);
    tn_unlock(b);
    pthread_join(wb.th, NULL);
    cr_assert_eq(atomic_load(&wb.entered), 1);
    cr_assert_eq(MUTEX_BYTE(a), 0);
    cr_assert_eq(MUTEX_BYTE(b), 0);
    tn_decref(a);
    tn_decref(b);
}

/* ---- 4. two-object critical sections ------------------------------------ */

enum { PAIR_ITERS = 10000 };

struct pair_job {
    TnObject *first, *second;    /* argument order passed to tn_lock2 */
    TnObject *only;              /* or: one object locked alone */
    long *count_a, *count_b;
    TnObject *a, *b;
    atomic_int *not_held;        /* times a lock was seen free inside */
    atomic_int *gate;
    pthread_t th;
};

static void *pair_worker(void *arg)
{
    struct pair_job *j = arg;
    TnThreadState *ts = thread_enter();
    gate_pass(j->gate, 4);
    for (int i = 0; i < PAIR_ITERS; i++) {
        if (j->only) {
            tn_lock(j->only);
            if (!(MUTEX_BYTE(j->only) & TN_MUTEX_LOCKED))
                atomic_fetch_add(j->not_held, 1);
            (*(j->only == j->a ? j->count_a : j->count_b))++;
            tn_unlock(j->only);
            continue;
        }
        tn_lock2(j->first, j->second);
        if (!(MUTEX_BYTE(j->a) & TN_MUTEX_LOCKED) || !(MUTEX_BYTE(j->b) & TN_MUTEX_LOCKED))
            atomic_fetch_add(j->not_held, 1);
        (*j->count_a)++;
        (*j->count_b)++;
        tn_unlock2(j->first, j->second);
    }
    thread_leave(ts, NULL);
    return NULL;
}

/* (a,b) against (b,a) cannot deadlock because tn_lock2 sorts by address;
 * two more threads lock a and b alone, so the counts are exact only if
 * tn_lock2 really holds both mutexes. */
Test(lock, lock2_takes_both_in_either_order, .init = setup, .timeout = 300)
{
    TnObject *a = new_probe(), *b = new_probe();
    long count_a = 0, count_b = 0;
    atomic_int not_held = 0, gate = 0;
    struct pair_job base = { .a = a, .b = b, .count_a = &count_a, .count_b = &count_b,
                             .not_held = &not_held, .gate = &gate };
    struct pair_job jobs[4] = { base, base, base, base };
    jobs[0].first = a; jobs[0].second = b;
    jobs[1].first = b; jobs[1].second = a;
    jobs[2].only = a;
    jobs[3].only = b;
    for (int i = 0; i < 4; i++)
        cr_assert_eq(pthread_create(&jobs[i].th, NULL, pair_worker, &jobs[i]), 0);
    for (int i = 0; i < 4; i++)
        pthread_join(jobs[i].th, NULL);
    cr_assert_eq(atomic_load(&not_held), 0);
    cr_assert_eq(count_a, 3L * PAIR_ITERS);
    cr_assert_eq(count_b, 3L * PAIR_ITERS);
    cr_assert_eq(MUTEX_BYTE(a), 0);
    cr_assert_eq(MUTEX_BYTE(b), 0);
    tn_decref(a);
    tn_decref(b);
}

struct lock2_job {
    TnObject *first, *second;
    atomic_int entered;
    pthread_t th;
};

static void *lock2_once(void *arg)
{
    struct lock2_job *j = arg;
    TnThreadState *ts = thread_enter();
    tn_lock2(j->first, j->second);
    atomic_store(&j->entered, 1);
    tn_unlock2(j->first, j->second);
    thread_leave(ts, NULL);
    return NULL;
}

/* The order is visible while the second lock is held elsewhere: given
 * (high, low), tn_lock2 must already own the low one when it blocks on the
 * high one. The stress test above could miss a wrong order by luck. */
Test(lock, lock2_takes_the_lower_address_first, .init = setup, .timeout = 120)
{
    TnObject *x = new_probe(), *y = new_probe();
    TnObject *lo = x < y ? x : y, *hi = x < y ? y : x;
    tn_lock(hi);
    struct lock2_job j = { .first = hi, .second = lo };
    atomic_init(&j.entered, 0);
    cr_assert_eq(pthread_create(&j.th, NULL, lock2_once, &j), 0);
    wait_until(MUTEX_BYTE(hi) & TN_MUTEX_PARKED);
    cr_assert(MUTEX_BYTE(hi) & TN_MUTEX_PARKED, "tn_lock2 never waited for the held lock");
    cr_assert(MUTEX_BYTE(lo) & TN_MUTEX_LOCKED, "tn_lock2 did not take the lower address first");
    cr_assert_eq(atomic_load(&j.entered), 0);
    tn_unlock(hi);
    pthread_join(j.th, NULL);
    cr_assert_eq(atomic_load(&j.entered), 1);
    cr_assert_eq(MUTEX_BYTE(lo), 0);
    cr_assert_eq(MUTEX_BYTE(hi), 0);
    tn_decref(x);
    tn_decref(y);
}

Test(lock, lock2_of_one_object_locks_it_once, .init = setup, .timeout = 60)
{
    TnObject *a = new_probe(), *b = new_probe();
    tn_lock2(a, a);                      /* would self-deadlock if taken twice */
    cr_assert_eq(MUTEX_BYTE(a), TN_MUTEX_LOCKED);
    tn_unlock2(a, a);
    cr_assert_eq(MUTEX_BYTE(a), 0);
    tn_lock2(b, a);
    cr_assert_eq(MUTEX_BYTE(a), TN_MUTEX_LOCKED);
    cr_assert_eq(MUTEX_BYTE(b), TN_MUTEX_LOCKED);
    tn_unlock2(a, b);                    /* release order does not matter */
    cr_assert_eq(MUTEX_BYTE(a), 0);
    cr_assert_eq(MUTEX_BYTE(b), 0);
    tn_decref(a);
    tn_decref(b);
}

/* ---- 5. a sleeping waiter is QSBR-offline (lock.h, docs/locking.md) ---- */

static void *run_grace_period(void *arg)
{
    urcu_qsbr_synchronize_rcu();
    atomic_store((atomic_int *)arg, 1);
    return NULL;
}

/* The waiter is a registered QSBR reader that never reports a quiescent
 * state of its own; a grace period can end while it sleeps on the lock
 * only because it went offline first. */
Test(lock, grace_period_ends_while_a_waiter_sleeps, .init = setup, .timeout = 120)
{
    TnObject *o = new_probe();
    tn_lock(o);
    struct waiter w;
    start_waiter(&w, o);
    wait_until(MUTEX_BYTE(o) & TN_MUTEX_PARKED);
    cr_assert(MUTEX_BYTE(o) & TN_MUTEX_PARKED, "the waiter never parked");
    atomic_int synced = 0;
    pthread_t s;
    cr_assert_eq(pthread_create(&s, NULL, run_grace_period, &synced), 0);
    wait_until(atomic_load(&synced));
    cr_assert(atomic_load(&synced), "grace period blocked by a parked waiter");
    cr_assert_eq(atomic_load(&w.entered), 0);
    pthread_join(s, NULL);
    tn_unlock(o);
    pthread_join(w.th, NULL);
    cr_assert_eq(atomic_load(&w.entered), 1);
    tn_decref(o);
}

/* Stop-the-world is not covered: lock.c does not claim that a parked
 * waiter detaches (it stays attached until it gets the lock and reaches a
 * safe point), so a stop requested by the lock's holder would wait for it. */

#else  /* gil build */

/* ---- gil build: every call compiles to nothing ------------------------- */

static int evaluations;
static TnObject *counted(TnObject *o) { evaluations++; return o; }

Test(lock, gil_calls_leave_the_object_untouched, .init = setup)
{
    TnObject *a = new_probe(), *b = new_probe();
    unsigned char before_a[sizeof(TnObject)], before_b[sizeof(TnObject)];
    memcpy(before_a, a, sizeof before_a);
    memcpy(before_b, b, sizeof before_b);
    evaluations = 0;
    /* A non-recursive lock taken twice would deadlock: a no-op does not. */
    tn_lock(counted(a));
    tn_lock(counted(a));
    tn_lock2(counted(a), counted(b));
    tn_lock2(counted(b), counted(b));
    TN_LOCK(counted(b));
    TN_UNLOCK(counted(b));
    tn_unlock2(counted(b), counted(b));
    tn_unlock2(counted(a), counted(b));
    tn_unlock(counted(a));
    tn_unlock(counted(a));
    /* Arguments are still evaluated exactly once, as with the real calls. */
    cr_assert_eq(evaluations, 14);
    cr_assert_eq(memcmp(before_a, a, sizeof before_a), 0);
    cr_assert_eq(memcmp(before_b, b, sizeof before_b), 0);
    cr_assert_eq(tn_ts()->stats.lock_acquire, 0);
    cr_assert_eq(tn_ts()->stats.lock_contended, 0);
    tn_decref(a);
    tn_decref(b);
    cr_assert_eq(freed, 2);
}

/* The gil-build counterpart of the ft threaded tests. Here mutual exclusion
 * comes from the GIL, which these threads do not take, so an exact shared
 * count would only test luck; what this build promises is that tn_lock
 * never blocks, even while another thread "holds" the same object. */
enum { NTHREADS = 4, ITERS = 100000 };

struct free_job {
    TnObject *o;
    long mine;               /* private: no lock needed to be exact */
    atomic_int done;
    pthread_t th;
};

static void *lock_freely(void *arg)
{
    struct free_job *j = arg;
    for (int i = 0; i < ITERS; i++) {
        tn_lock(j->o);
        j->mine++;
        tn_unlock(j->o);
    }
    atomic_store(&j->done, 1);
    return NULL;
}

Test(lock, gil_lock_never_blocks_other_threads, .init = setup, .timeout = 120)
{
    TnObject *o = new_probe();
    unsigned char before[sizeof(TnObject)];
    memcpy(before, o, sizeof before);
    tn_lock(o);                          /* "held" for the whole test */
    struct free_job jobs[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        jobs[i] = (struct free_job){ .o = o };
        atomic_init(&jobs[i].done, 0);
        cr_assert_eq(pthread_create(&jobs[i].th, NULL, lock_freely, &jobs[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++) {
        wait_until(atomic_load(&jobs[i].done));
        cr_assert(atomic_load(&jobs[i].done), "thread %d blocked on a no-op lock", i);
        pthread_join(jobs[i].th, NULL);
        cr_assert_eq(jobs[i].mine, ITERS);
    }
    tn_unlock(o);
    cr_assert_eq(memcmp(before, o, sizeof before), 0);
    tn_decref(o);
    cr_assert_eq(freed, 1);
}
#endif
