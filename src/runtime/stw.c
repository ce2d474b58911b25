/* Stop the world (ft build): see include/tandem/stw.h.
 *
 * The protocol is a Dekker handshake on two sequentially consistent
 * variables: the requester sets `stopping` and then reads every thread's
 * `attached`; a thread attaching sets `attached` and then reads `stopping`.
 * At least one of them sees the other, so either the requester waits for
 * that thread to park, or the thread backs off and waits for the restart.
 * Parked threads and threads that back off signal `changed` under `mu`
 * while the requester re-checks under `mu`, so no wake-up is lost; the
 * requester also re-checks on a short timeout as a safety net.
 *
 * Every thread state is on `all` from tn_tstate_new to tn_tstate_delete,
 * including the exit window in which it has already left the biased
 * refcounting registry but still drops references. */
#include <pthread.h>
#include <time.h>
#include "tandem/tandem.h"
#include "tandem/stw.h"
#include "tandem/qsbr.h"

#ifdef TANDEM_FT
static pthread_mutex_t owner = PTHREAD_MUTEX_INITIALIZER;  /* one stop at a time */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;  /* a thread parked or backed off */
static pthread_cond_t restarted = PTHREAD_COND_INITIALIZER;
static atomic_int stopping;
static pthread_mutex_t list_mu = PTHREAD_MUTEX_INITIALIZER;
static TnThreadState *all;

void tn_stw_thread_add(TnThreadState *ts)
{
    pthread_mutex_lock(&list_mu);
    ts->prev = NULL;
    ts->next = all;
    if (all)
        all->prev = ts;
    all = ts;
    pthread_mutex_unlock(&list_mu);
}

void tn_stw_thread_remove(TnThreadState *ts)
{
    pthread_mutex_lock(&list_mu);
    if (ts->prev)
        ts->prev->next = ts->next;
    else
        all = ts->next;
    if (ts->next)
        ts->next->prev = ts->prev;
    pthread_mutex_unlock(&list_mu);
}

int tn_stw_only(TnThreadState *ts)
{
    pthread_mutex_lock(&list_mu);
    int only = all == ts && !ts->next;
    pthread_mutex_unlock(&list_mu);
    return only;
}

void tn_stw_foreach(void (*fn)(TnThreadState *, void *), void *arg)
{
    pthread_mutex_lock(&list_mu);
    for (TnThreadState *t = all; t; t = t->next)
        fn(t, arg);
    pthread_mutex_unlock(&list_mu);
}

void tn_thread_detach(TnThreadState *ts)
{
    atomic_store(&ts->attached, 0);
    if (atomic_load(&stopping)) {
        pthread_mutex_lock(&mu);
        pthread_cond_broadcast(&changed);
        pthread_mutex_unlock(&mu);
    }
}

void tn_thread_attach(TnThreadState *ts)
{
    for (;;) {
        atomic_store(&ts->attached, 1);
        if (!atomic_load(&stopping))
            return;
        /* A stop is under way: back off until the world restarts. */
        atomic_store(&ts->attached, 0);
        pthread_mutex_lock(&mu);
        pthread_cond_broadcast(&changed);
        while (atomic_load(&stopping))
            pthread_cond_wait(&restarted, &mu);
        pthread_mutex_unlock(&mu);
    }
}

void tn_stw_park(TnThreadState *ts)
{
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)TN_EB_STOP_WORLD, __ATOMIC_RELAXED);
    /* Parked threads go offline too: the requester may wait for frees. */
    tn_qsbr_offline();
    tn_thread_detach(ts);
    tn_thread_attach(ts);
    tn_qsbr_online();
}

/* With `mu` held: 1 if some other thread is still attached; asks each such
 * thread to park at its next safe point. */
static int others_attached(TnThreadState *self)
{
    int any = 0;
    pthread_mutex_lock(&list_mu);
    for (TnThreadState *t = all; t; t = t->next) {
        if (t != self && atomic_load(&t->attached)) {
            __atomic_fetch_or(&t->eval_breaker, (uint32_t)TN_EB_STOP_WORLD, __ATOMIC_RELEASE);
            any = 1;
        }
    }
    pthread_mutex_unlock(&list_mu);
    return any;
}

void tn_stop_the_world(void)
{
    TnThreadState *ts = tn_ts();
    uint64_t t0 = tn_monotonic_ns();
    /* Detached while we wait for a concurrent stop to finish, so that its
     * requester does not wait for us. */
    tn_qsbr_offline();
    tn_thread_detach(ts);
    pthread_mutex_lock(&owner);
    atomic_store(&ts->attached, 1);     /* no stop is under way: we own it */
    tn_qsbr_online();
    atomic_store(&stopping, 1);
    pthread_mutex_lock(&mu);
    while (others_attached(ts)) {
        struct timespec dl;
        clock_gettime(CLOCK_REALTIME, &dl);
        dl.tv_nsec += 200 * 1000;
        if (dl.tv_nsec >= 1000000000L) {
            dl.tv_sec++;
            dl.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&changed, &mu, &dl);
    }
    pthread_mutex_unlock(&mu);
    TN_STAT_INC(ts, stw_stops);
    TN_STAT_ADD(ts, stw_wait_ns, tn_monotonic_ns() - t0);
}

void tn_start_the_world(void)
{
    pthread_mutex_lock(&mu);
    atomic_store(&stopping, 0);
    pthread_cond_broadcast(&restarted);
    pthread_mutex_unlock(&mu);
    pthread_mutex_unlock(&owner);
}
#endif
