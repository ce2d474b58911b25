/* The reference-count layer of each build: owner and non-owner paths,
 * immortality, and (ft) the biased-refcount merge protocol with real
 * pthreads. */
#include <criterion/criterion.h>
#include <pthread.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/stw.h"

#include "unit_probe.h"

Test(refcount, header_size)
{
    cr_assert_eq(sizeof(TnObject), TN_FT ? 24 : 16);
}

Test(refcount, incref_decref_frees_at_zero, .init = setup)
{
    TnObject *o = tn_object_alloc(&probe_type, sizeof(TnObject));
    cr_assert_eq(tn_refcount(o), 1);
    tn_incref(o);
    tn_incref(o);
    cr_assert_eq(tn_refcount(o), 3);
    tn_decref(o);
    tn_decref(o);
    cr_assert_eq(freed, 0);
    tn_decref(o);
    cr_assert_eq(freed, 1);
}

Test(refcount, immortal_objects_ignore_counts, .init = setup)
{
    TnObject *o = tn_object_alloc(&probe_type, sizeof(TnObject));
    tn_set_immortal(o);
    cr_assert(tn_is_immortal(o));
    tn_ssize_t before = tn_refcount(o);
    for (int i = 0; i < 10; i++)
        tn_decref(o);
    tn_incref(o);
    cr_assert_eq(tn_refcount(o), before);
    cr_assert_eq(freed, 0);
    cr_assert(tn_is_immortal((TnObject *)&probe_type));
}

#ifdef TANDEM_FT
/* The owner's path touches only the local count: no atomic RMW. */
Test(refcount, owner_path_is_local, .init = setup)
{
    TnObject *o = tn_object_alloc(&probe_type, sizeof(TnObject));
    cr_assert_eq(o->ob_tid, tn_ts()->tid);
    tn_incref(o);
    cr_assert_eq(o->ob_ref_local, 2);
    cr_assert_eq(o->ob_ref_shared, 0);
    tn_decref(o);
    tn_decref(o);
    cr_assert_eq(freed, 1);
}

struct job { TnObject *o; int increfs, decrefs; };

static void *other_thread(void *arg)
{
    struct job *j = arg;
    TnThreadState *ts = tn_tstate_new();
    tn_brc_init_thread(ts);
    for (int i = 0; i < j->increfs; i++)
        tn_incref(j->o);
    for (int i = 0; i < j->decrefs; i++)
        tn_decref(j->o);
    tn_brc_fini_thread(ts);
    tn_tstate_delete(ts);
    return NULL;
}

static void run_other(struct job *j)
{
    pthread_t t;
    cr_assert_eq(pthread_create(&t, NULL, other_thread, j), 0);
    pthread_join(t, NULL);
}

/* Non-owners use the shared count. */
Test(refcount, non_owner_path_is_shared, .init = setup)
{
    TnObject *o = tn_object_alloc(&probe_type, sizeof(TnObject));
    struct job j = { o, 3, 0 };
    run_other(&j);
    cr_assert_eq(o->ob_ref_local, 1);
    cr_assert_eq(o->ob_ref_shared >> TN_REF_SHARED_SHIFT, 3);
    cr_assert_eq(tn_refcount(o), 4);
    struct job k = { o, 0, 3 };
    run_other(&k);
    cr_assert_eq(tn_refcount(o), 1);
    tn_decref(o);
    cr_assert_eq(freed, 1);
}

/* The owner drops its last reference while another thread holds one: the
 * object is merged, and the other thread's final decref frees it. */
Test(refcount, owner_gives_up_then_other_frees, .init = setup)
{
    TnObject *o = tn_object_alloc(&probe_type, sizeof(TnObject));
    struct job j = { o, 1, 0 };
    run_other(&j);
    tn_decref(o);
    cr_assert_eq(freed, 0);
    cr_assert_eq(o->ob_ref_shared & 3, TN_REF_MERGED);
    cr_assert_eq(o->ob_tid, 0);
    struct job k = { o, 0, 1 };
    run_other(&k);
    cr_assert_eq(freed, 1);
}

/* A non-owner takes the shared count negative: the object is queued to its
 * owner, which merges it at its next safe point and frees it. */
Test(refcount, negative_shared_is_queued_and_merged, .init = setup)
{
    TnObject *o = tn_object_alloc(&probe_type, sizeof(TnObject));
    struct job j = { o, 0, 1 };      /* drops the owner's reference from elsewhere */
    run_other(&j);
    cr_assert_eq(freed, 0);
    cr_assert_eq(o->ob_ref_shared & 3, TN_REF_QUEUED);
    cr_assert(tn_ts()->eval_breaker & TN_EB_BRC_MERGE);
    tn_brc_merge_queue(tn_ts());
    cr_assert_eq(freed, 1);
}

/* Objects whose owner has exited are merged by whoever drops them. */
static void *make_and_exit(void *arg)
{
    TnThreadState *ts = tn_tstate_new();
    tn_brc_init_thread(ts);
    *(TnObject **)arg = tn_object_alloc(&probe_type, sizeof(TnObject));
    tn_brc_fini_thread(ts);
    tn_tstate_delete(ts);
    return NULL;
}

Test(refcount, owner_gone_merged_by_dropper, .init = setup)
{
    TnObject *o = NULL;
    pthread_t t;
    pthread_create(&t, NULL, make_and_exit, &o);
    pthread_join(t, NULL);
    cr_assert(o);
    tn_decref(o);
    cr_assert_eq(freed, 1);
}

/* An exiting thread (tn_tls_tid = TN_TID_NONE) dropping an object whose
 * owner gave it up (tid 0, MERGED) must use the shared count: with tid 0
 * as its identity it took the local count below zero, which reads as
 * immortal (a leak found by tests/stress/gc_threads.py). */
static void *drop_while_exiting(void *arg)
{
    TnThreadState *ts = tn_tstate_new();
    tn_brc_init_thread(ts);
    tn_tls_tid = TN_TID_NONE;      /* what thread.c does before its last drops */
    tn_decref((TnObject *)arg);
    tn_brc_fini_thread(ts);
    tn_tstate_delete(ts);
    return NULL;
}

Test(refcount, exiting_thread_drops_given_up_object, .init = setup)
{
    TnObject *o = tn_object_alloc(&probe_type, sizeof(TnObject));
    /* Another thread's reference, so our last drop gives the object up. */
    tn_store_relaxed(&o->ob_ref_shared, 1 << TN_REF_SHARED_SHIFT);
    tn_decref(o);
    cr_assert_eq(o->ob_tid, 0);
    cr_assert_eq(o->ob_ref_shared & 3, TN_REF_MERGED);
    pthread_t t;
    pthread_create(&t, NULL, drop_while_exiting, o);
    pthread_join(t, NULL);
    cr_assert_eq(freed, 1, "the exiting thread's drop did not free it");
}
#endif
