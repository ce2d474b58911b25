/* Stop-the-world (stw.h) and deferred per-thread reference counting
 * (object.h, runtime/deferred.c) with real pthreads. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <unistd.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/stw.h"
#include "tandem/eval.h"

#include "unit_probe.h"

#ifdef TANDEM_FT
int tn_eval_breaker_slow(TnThreadState *ts);
#endif

#ifdef TANDEM_FT
/* A worker that behaves like the eval loop: it counts and passes a safe
 * point on every turn, and takes/drops references to a deferred object. */
struct worker {
    pthread_t th;
    TnObject *o;
    atomic_long turns;
    atomic_int stop;
    int refs_held;                /* at exit: references it still holds */
};

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    TnThreadState *ts = tn_tstate_new();
    tn_brc_init_thread(ts);
    tn_thread_attach(ts);
    while (!atomic_load(&w->stop)) {
        tn_incref(w->o);
        tn_incref(w->o);
        tn_decref(w->o);
        atomic_fetch_add(&w->turns, 1);
        if (tn_load_relaxed(&ts->eval_breaker))
            tn_eval_breaker_slow(ts);
    }
    /* One reference made here stays behind: the exited thread's count must
     * be kept (orphaned), not lost. */
    for (int i = 1; i < w->refs_held; i++)
        tn_decref(w->o);
    tn_brc_fini_thread(ts);
    tn_thread_detach(ts);
    tn_tstate_delete(ts);
    return NULL;
}

Test(stw, stopped_world_stops_and_counts_are_exact, .init = setup)
{
    TnObject *o = tn_object_alloc(&probe_type, sizeof(TnObject));
    tn_set_deferred(o);
    cr_assert(tn_is_deferred(o));
    enum { N = 3 };
    struct worker w[N];
    for (int i = 0; i < N; i++) {
        w[i].o = o;
        atomic_init(&w[i].turns, 0);
        atomic_init(&w[i].stop, 0);
        cr_assert_eq(pthread_create(&w[i].th, NULL, worker_main, &w[i]), 0);
    }
    while (atomic_load(&w[N - 1].turns) < 1000)
        sched_yield();

    tn_stop_the_world();
    long before[N];
    for (int i = 0; i < N; i++)
        before[i] = atomic_load(&w[i].turns);
    /* Every worker holds one reference per turn it has made: the total is
     * exact only now, with all of them parked. */
    long held = 0;
    for (int i = 0; i < N; i++)
        held += before[i];
    cr_assert_eq(tn_refcount(o), 1 + held);
    usleep(20000);
    for (int i = 0; i < N; i++)
        cr_assert_eq(atomic_load(&w[i].turns), before[i], "worker %d ran while stopped", i);
    tn_start_the_world();

    while (atomic_load(&w[0].turns) == before[0])
        sched_yield();          /* the world runs again */
    for (int i = 0; i < N; i++) {
        atomic_store(&w[i].stop, 1);
        w[i].refs_held = 0;
    }
    for (int i = 0; i < N; i++)
        pthread_join(w[i].th, NULL);
    /* The exited workers' counts survive them (orphaned counts). */
    long total = 0;
    for (int i = 0; i < N; i++)
        total += atomic_load(&w[i].turns);
    cr_assert_eq(tn_refcount(o), 1 + total);
    tn_deferred_collect();
    cr_assert_eq(freed, 0, "freed while referenced");
}

static void *drop_all(void *arg)
{
    TnObject *o = arg;
    TnThreadState *ts = tn_tstate_new();
    tn_brc_init_thread(ts);
    tn_thread_attach(ts);
    tn_decref(o);                 /* the reference the creator handed over */
    tn_brc_fini_thread(ts);
    tn_thread_detach(ts);
    tn_tstate_delete(ts);
    return NULL;
}

Test(stw, deferred_object_freed_by_pass_only, .init = setup)
{
    TnObject *o = tn_object_alloc(&probe_type, sizeof(TnObject));
    tn_set_deferred(o);
    tn_incref(o);                 /* given to another thread, which drops it */
    pthread_t t;
    cr_assert_eq(pthread_create(&t, NULL, drop_all, o), 0);
    pthread_join(t, NULL);
    cr_assert_eq(tn_refcount(o), 1);
    tn_decref(o);                 /* our last one: not freed by the count */
    cr_assert_eq(freed, 0);
    tn_deferred_collect();
    cr_assert_eq(freed, 1);
}

Test(stw, only_unshared_objects_become_deferred, .init = setup)
{
    TnObject *o = tn_object_alloc(&probe_type, sizeof(TnObject));
    tn_incref(o);
    tn_store_relaxed(&o->ob_ref_shared, 1 << TN_REF_SHARED_SHIFT);  /* another thread's reference */
    tn_set_deferred(o);
    cr_assert(!tn_is_deferred(o));
    tn_store_relaxed(&o->ob_ref_shared, 0);
    tn_decref(o);
    tn_decref(o);
    cr_assert_eq(freed, 1);
}
#else
Test(stw, gil_build_has_nothing_to_stop, .init = setup)
{
    TnObject *o = tn_object_alloc(&probe_type, sizeof(TnObject));
    tn_set_deferred(o);
    cr_assert(!tn_is_deferred(o));
    tn_stop_the_world();
    tn_start_the_world();
    tn_decref(o);
    cr_assert_eq(freed, 1);
}
#endif
