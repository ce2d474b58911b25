/* The global interpreter lock (gil build) and the blocking-call bracket.
 *
 * State: `locked`, `holder`, `switch_number` and `waiters` are protected by
 * gil_mu. The GIL is a flag, not a pthread mutex, so it may be released by
 * a different pthread than the one that took it (the tstate moves to the
 * big-stack thread at start-up).
 *
 * Switching (CPython's algorithm, our code): a waiter sleeps on gil_cv for
 * the switch interval; if it timed out and the same holder still has the
 * GIL (switch_number unchanged), it sets TN_EB_GIL_DROP in the holder's
 * eval breaker. The holder sees the bit at its next safe point and calls
 * tn_gil_yield: it releases, and while someone is waiting it sleeps on
 * switch_cv until switch_number moved, i.e. another thread really took the
 * GIL. Only then does it queue up again. This is what makes the hand-off
 * guaranteed: without it the dropper usually re-takes the lock before the
 * woken waiter runs (convoy, starvation).
 *
 * Single thread: the first acquire finds the GIL free and never waits;
 * nobody sets drop requests; the eval loop's breaker word stays 0.
 *
 * tn_runtime.switch_interval is written by sys.setswitchinterval (GIL held)
 * and read by waiters under gil_mu: a benign, word-sized race on a double
 * that at worst uses the previous interval for one wait. */
#include <errno.h>
#include <pthread.h>
#include <time.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/gil.h"
#include "tandem/stw.h"
#include "tandem/qsbr.h"

#ifndef TANDEM_FT

static pthread_mutex_t gil_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gil_cv;        /* signalled when the GIL is released */
static pthread_cond_t switch_cv;     /* signalled when the GIL is taken */
static pthread_once_t gil_once = PTHREAD_ONCE_INIT;
static int locked;
static TnThreadState *holder;
static uint64_t switch_number;
static int waiters;

static void gil_init_once(void)
{
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&gil_cv, &a);
    pthread_cond_init(&switch_cv, &a);
    pthread_condattr_destroy(&a);
}

static void eb_clear(TnThreadState *ts, uint32_t bit)
{
    __atomic_fetch_and(&ts->eval_breaker, ~bit, __ATOMIC_RELAXED);
}

static void eb_set(TnThreadState *ts, uint32_t bit)
{
    __atomic_fetch_or(&ts->eval_breaker, bit, __ATOMIC_RELAXED);
}

/* gil_mu held. */
static void take_locked(TnThreadState *ts)
{
    locked = 1;
    if (holder != ts && switch_number != 0)
        TN_STAT_INC(ts, gil_switch);
    holder = ts;
    switch_number++;
    TN_STAT_INC(ts, gil_acquire);
    /* A drop request aimed at our previous tenure is stale now. */
    eb_clear(ts, TN_EB_GIL_DROP);
    pthread_cond_broadcast(&switch_cv);
}

void tn_gil_acquire(TnThreadState *ts)
{
    pthread_once(&gil_once, gil_init_once);
    pthread_mutex_lock(&gil_mu);
    if (TN_LIKELY(!locked)) {
        take_locked(ts);
        pthread_mutex_unlock(&gil_mu);
        return;
    }
    uint64_t start = tn_monotonic_ns();
    waiters++;
    while (locked) {
        uint64_t saved = switch_number;
        double iv = tn_runtime.switch_interval;
        uint64_t ns = iv > 0 ? (uint64_t)(iv * 1e9) : 1000;
        if (ns < 1000)
            ns = 1000;
        struct timespec dl;
        clock_gettime(CLOCK_MONOTONIC, &dl);
        dl.tv_sec += (time_t)(ns / 1000000000u);
        dl.tv_nsec += (long)(ns % 1000000000u);
        if (dl.tv_nsec >= 1000000000L) {
            dl.tv_sec++;
            dl.tv_nsec -= 1000000000L;
        }
        int rc = pthread_cond_timedwait(&gil_cv, &gil_mu, &dl);
        if (rc == ETIMEDOUT && locked && switch_number == saved && holder) {
            /* The holder had a whole interval: ask it to drop. */
            eb_set(holder, TN_EB_GIL_DROP);
            TN_STAT_INC(ts, gil_drop_request);
        }
    }
    waiters--;
    take_locked(ts);
    pthread_mutex_unlock(&gil_mu);
    TN_STAT_ADD(ts, gil_wait_ns, tn_monotonic_ns() - start);
}

void tn_gil_release(TnThreadState *ts)
{
    pthread_mutex_lock(&gil_mu);
    if (holder == ts || holder == NULL) {
        locked = 0;
        holder = NULL;
        pthread_cond_signal(&gil_cv);
    }
    pthread_mutex_unlock(&gil_mu);
}

void tn_gil_yield(TnThreadState *ts)
{
    pthread_mutex_lock(&gil_mu);
    eb_clear(ts, TN_EB_GIL_DROP);
    if (waiters == 0 || holder != ts) {
        pthread_mutex_unlock(&gil_mu);   /* request is stale: keep running */
        return;
    }
    locked = 0;
    holder = NULL;
    pthread_cond_signal(&gil_cv);
    /* Forced switching: do not compete until another thread took it. */
    uint64_t saved = switch_number;
    while (switch_number == saved && waiters > 0)
        pthread_cond_wait(&switch_cv, &gil_mu);
    pthread_mutex_unlock(&gil_mu);
    tn_gil_acquire(ts);
}

int tn_gil_held(TnThreadState *ts)
{
    pthread_mutex_lock(&gil_mu);
    int r = locked && holder == ts;
    pthread_mutex_unlock(&gil_mu);
    return r;
}

int tn_gil_waiters(void)
{
    pthread_mutex_lock(&gil_mu);
    int w = waiters;
    pthread_mutex_unlock(&gil_mu);
    return w;
}

void tn_blocking_begin(TnThreadState *ts) { tn_gil_release(ts); }
void tn_blocking_end(TnThreadState *ts) { tn_gil_acquire(ts); }

#else  /* TANDEM_FT: no GIL */

/* Without a GIL, "holding the interpreter" means being attached (stw.h). */
void tn_gil_acquire(TnThreadState *ts) { tn_thread_attach(ts); }
void tn_gil_release(TnThreadState *ts) { tn_thread_detach(ts); }
void tn_gil_yield(TnThreadState *ts)
{
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)TN_EB_GIL_DROP, __ATOMIC_RELAXED);
}
int tn_gil_held(TnThreadState *ts) { (void)ts; return 1; }
int tn_gil_waiters(void) { return 0; }
void tn_blocking_begin(TnThreadState *ts)
{
    tn_qsbr_offline();
    tn_thread_detach(ts);
}
void tn_blocking_end(TnThreadState *ts)
{
    tn_thread_attach(ts);   /* may wait for a stopped world to restart */
    tn_qsbr_online();
}

#endif
