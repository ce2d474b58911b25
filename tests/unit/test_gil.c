/* GIL hand-off with real pthreads (gil build): two threads that each run a
 * "safe point" loop while holding the GIL must both make progress; the
 * drop request / forced switch protocol hands the GIL over in both
 * directions. In the ft build the GIL calls are no-ops. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/gil.h"

static _Atomic int stop;
static _Atomic int inside;      /* threads that believe they hold the GIL */
static _Atomic int overlap;     /* times two did at once (must stay 0) */

typedef struct {
    TnThreadState ts;
    long work;                  /* loop iterations done while holding the GIL */
    _Atomic long yields;
} Worker;

static void *worker_main(void *p)
{
    Worker *w = p;
    tn_gil_acquire(&w->ts);
    while (!atomic_load(&stop)) {
        if (atomic_fetch_add(&inside, 1) != 0)
            atomic_fetch_add(&overlap, 1);
        w->work++;
        atomic_fetch_sub(&inside, 1);
        /* safe point */
        if (__atomic_load_n((uint32_t *)&w->ts.eval_breaker, __ATOMIC_RELAXED) & TN_EB_GIL_DROP) {
            w->yields++;
            tn_gil_yield(&w->ts);
        }
    }
    tn_gil_release(&w->ts);
    return NULL;
}

Test(gil, handoff_between_two_threads)
{
    tn_runtime.switch_interval = 0.001;
    Worker *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
    a->ts.tid = 1001;
    b->ts.tid = 1002;
    pthread_t ta, tb;
    cr_assert_eq(pthread_create(&ta, NULL, worker_main, a), 0);
    cr_assert_eq(pthread_create(&tb, NULL, worker_main, b), 0);
    /* Until both have handed over a few times: on a loaded machine a thread
     * may not be scheduled for a while, so wait up to 20 s rather than a
     * fixed time (the test checks the protocol, not its speed). */
    struct timespec d = { 0, 10 * 1000 * 1000 };
    for (int i = 0; i < 2000 && !(TN_FT && i >= 20)
                    && (atomic_load(&a->yields) <= 5 || atomic_load(&b->yields) <= 5); i++)
        nanosleep(&d, NULL);
    atomic_store(&stop, 1);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    cr_expect_gt(a->work, 0, "thread A never ran");
    cr_expect_gt(b->work, 0, "thread B never ran");
#ifndef TANDEM_FT
    cr_expect_eq(atomic_load(&overlap), 0, "two threads held the GIL at once");
    /* At a 1 ms interval: hand-offs in both directions. */
    cr_expect_gt(a->yields, 5, "A yielded %ld times", a->yields);
    cr_expect_gt(b->yields, 5, "B yielded %ld times", b->yields);
    cr_expect_gt(a->ts.stats.gil_acquire + b->ts.stats.gil_acquire, 10);
#endif
    free(a);
    free(b);
}

Test(gil, uncontended_acquire_release)
{
    TnThreadState *ts = calloc(1, sizeof *ts);
    tn_gil_acquire(ts);
    cr_expect(tn_gil_held(ts));
    tn_gil_release(ts);
#ifndef TANDEM_FT
    cr_expect(!tn_gil_held(ts));
    cr_expect_eq(tn_gil_waiters(), 0);
#endif
    free(ts);
}
