/* QSBR deferred frees (runtime/qsbr.c) with real pthreads: nothing handed
 * to QSBR is freed before every registered online thread has passed a
 * quiescent state; an offline thread does not hold a grace period up; a
 * thread that leaves, or is left alone, leaves nothing pending. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <string.h>
#include <time.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/qsbr.h"

static void setup(void)
{
    if (!tn_ts())
        cr_assert(tn_tstate_new());
    tn_qsbr_register();
}

#ifdef TANDEM_FT
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Report quiescent states until cond() holds or `seconds` pass. */
static int quiesce_until(int (*cond)(void), double seconds)
{
    double end = now() + seconds;
    while (!cond()) {
        if (now() > end)
            return 0;
        tn_qsbr_quiescent();
    }
    return 1;
}

/* A second interpreter-like thread: registered, online, and reporting a
 * quiescent state only when told to, or offline when told to. */
enum { HOLD, REPORT, OFFLINE, STOP };
static atomic_int mode, worker_ready;

static void *worker_main(void *arg)
{
    (void)arg;
    tn_qsbr_register();
    atomic_store(&worker_ready, 1);
    int offline = 0;
    for (;;) {
        int m = atomic_load(&mode);
        if (m == STOP)
            break;
        if (m == REPORT)
            tn_qsbr_quiescent();
        if (m == OFFLINE && !offline) {
            tn_qsbr_offline();
            offline = 1;
        }
    }
    if (offline)
        tn_qsbr_online();
    tn_qsbr_unregister();
    return NULL;
}

static pthread_t start_worker(int m)
{
    pthread_t th;
    atomic_store(&mode, m);
    atomic_store(&worker_ready, 0);
    cr_assert_eq(pthread_create(&th, NULL, worker_main, NULL), 0);
    while (!atomic_load(&worker_ready))
        ;
    return th;
}

static void stop_worker(pthread_t th)
{
    atomic_store(&mode, STOP);
    pthread_join(th, NULL);
}

static int sealed_batch_freed(void) { return tn_qsbr_pending() < 256; }

static void defer_buffers(int n)
{
    for (int i = 0; i < n; i++)
        tn_mem_free_deferred(tn_mem_alloc(32), 32);
}

Test(qsbr, nothing_freed_before_every_thread_reports, .init = setup)
{
    pthread_t th = start_worker(HOLD);
    defer_buffers(300);            /* one sealed batch of 256, 44 still filling */
    cr_assert_eq(tn_qsbr_pending(), 300);
    /* Our own reports are not enough while the worker has not reported. */
    cr_assert(!quiesce_until(sealed_batch_freed, 0.2),
              "freed before the other thread passed a quiescent state");
    cr_assert_eq(tn_qsbr_pending(), 300);
    atomic_store(&mode, REPORT);
    cr_assert(quiesce_until(sealed_batch_freed, 10.0), "grace period never ended");
    cr_assert_eq(tn_qsbr_pending(), 44);   /* the open batch waits for its turn */
    stop_worker(th);
}

Test(qsbr, offline_thread_does_not_hold_a_grace_period, .init = setup)
{
    pthread_t th = start_worker(OFFLINE);
    defer_buffers(256);
    cr_assert(quiesce_until(sealed_batch_freed, 10.0), "an offline thread held the grace period");
    cr_assert_eq(tn_qsbr_pending(), 0);
    stop_worker(th);
}

Test(qsbr, alone_frees_at_once, .init = setup)
{
    defer_buffers(300);
    cr_assert_eq(tn_qsbr_pending(), 0);
}

Test(qsbr, exiting_thread_leaves_nothing_pending, .init = setup)
{
    pthread_t th = start_worker(REPORT);
    defer_buffers(100);
    cr_assert_eq(tn_qsbr_pending(), 100);
    stop_worker(th);
    /* Alone again: the next report frees what was waiting. */
    tn_qsbr_quiescent();
    cr_assert_eq(tn_qsbr_pending(), 0);
}

#else
Test(qsbr, gil_build_frees_at_once, .init = setup)
{
    for (int i = 0; i < 300; i++)
        tn_mem_free_deferred(tn_mem_alloc(32), 32);
    cr_assert_eq(tn_qsbr_pending(), 0);
}
#endif
