/* OS threads that run Python callables, join handles, and the
 * signal-aware condition wait used by every blocking primitive.
 *
 * Global state: `running` (threads between start and the end of their
 * callable) is an atomic counter. Everything else is per handle: a
 * TnThreadHandle is shared by the starter and the thread, refcounted with
 * an atomic count, its `done` flag protected by its own mutex. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/eval.h"
#include "tandem/frame.h"
#include "tandem/gil.h"
#include "tandem/qsbr.h"
#include "tandem/thread.h"
#include "tandem/pin.h"

#ifdef TANDEM_FT
int tn_brc_init_thread(TnThreadState *ts);
void tn_brc_fini_thread(TnThreadState *ts);
#endif
void tn_tstate_unlink(TnThreadState *ts);     /* tstate.c */
void tn_thread_local_forget(TnThreadState *ts);  /* threadmodule.c */

struct TnThreadHandle {
    _Atomic int refs;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int done;
};

typedef struct {
    TnObject *func, *args, *kwargs;
    TnThreadHandle *handle;
} Boot;

static _Atomic long running;

/* ---- time helpers ------------------------------------------------------- */

void tn_thread_deadline(struct timespec *dl, double seconds)
{
    clock_gettime(CLOCK_MONOTONIC, dl);
    if (seconds <= 0)
        return;
    if (seconds > 1e9)
        seconds = 1e9;
    time_t whole = (time_t)seconds;
    dl->tv_sec += whole;
    dl->tv_nsec += (long)((seconds - (double)whole) * 1e9);
    if (dl->tv_nsec >= 1000000000L) {
        dl->tv_sec++;
        dl->tv_nsec -= 1000000000L;
    }
}

int tn_thread_cond_wait(TnThreadState *ts, void *cvp, void *mup, const struct timespec *deadline)
{
    pthread_cond_t *cv = cvp;
    pthread_mutex_t *mu = mup;
    if (ts != tn_main_tstate) {
        if (!deadline)
            return pthread_cond_wait(cv, mu);
        return pthread_cond_timedwait(cv, mu, deadline);
    }
    /* Main thread: a condition wait is not interrupted by SIGINT, so wait
     * in slices and look at the signal bit between them. */
    if (__atomic_load_n((uint32_t *)&ts->eval_breaker, __ATOMIC_RELAXED) & TN_EB_SIGNALS)
        return EINTR;
    struct timespec slice;
    tn_thread_deadline(&slice, 0.05);
    int last = 0;
    if (deadline && (deadline->tv_sec < slice.tv_sec
                     || (deadline->tv_sec == slice.tv_sec && deadline->tv_nsec < slice.tv_nsec))) {
        slice = *deadline;
        last = 1;
    }
    int rc = pthread_cond_timedwait(cv, mu, &slice);
    if (rc == ETIMEDOUT && !last)
        rc = 0;   /* a slice ended: report a (spurious) wake-up */
    return rc;
}

/* ---- handles ------------------------------------------------------------ */

static pthread_condattr_t cond_attr;
static pthread_once_t cond_once = PTHREAD_ONCE_INIT;
static void cond_attr_init(void)
{
    pthread_condattr_init(&cond_attr);
    pthread_condattr_setclock(&cond_attr, CLOCK_MONOTONIC);
}

static TnThreadHandle *handle_new(void)
{
    TnThreadHandle *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    pthread_once(&cond_once, cond_attr_init);
    atomic_init(&h->refs, 1);
    pthread_mutex_init(&h->mu, NULL);
    pthread_cond_init(&h->cv, &cond_attr);
    return h;
}

void tn_thread_handle_decref(TnThreadHandle *h)
{
    if (h && atomic_fetch_sub(&h->refs, 1) == 1) {
        pthread_mutex_destroy(&h->mu);
        pthread_cond_destroy(&h->cv);
        free(h);
    }
}

int tn_thread_handle_done(TnThreadHandle *h)
{
    pthread_mutex_lock(&h->mu);
    int d = h->done;
    pthread_mutex_unlock(&h->mu);
    return d;
}

int tn_thread_handle_join(TnThreadHandle *h, double timeout)
{
    TnThreadState *ts = tn_ts();
    struct timespec dl;
    if (timeout >= 0)
        tn_thread_deadline(&dl, timeout);
    if (tn_thread_handle_done(h))
        return 1;
    if (timeout == 0)
        return 0;
    int result, interrupted = 0;
    TN_BEGIN_BLOCKING(ts);
    pthread_mutex_lock(&h->mu);
    for (;;) {
        if (h->done) {
            result = 1;
            break;
        }
        int rc = tn_thread_cond_wait(ts, &h->cv, &h->mu, timeout >= 0 ? &dl : NULL);
        if (rc == ETIMEDOUT) {
            result = h->done;
            break;
        }
        if (rc == EINTR) {
            interrupted = 1;
            result = -1;
            break;
        }
    }
    pthread_mutex_unlock(&h->mu);
    TN_END_BLOCKING(ts);
    if (interrupted && tn_eval_handle_signals(ts) == 0)
        return tn_thread_handle_join(h, -1);   /* nothing pending after all: wait on */
    return result;
}

/* ---- idents ------------------------------------------------------------- */

unsigned long tn_thread_get_ident(void)
{
    return (unsigned long)pthread_self();
}

unsigned long tn_thread_get_native_id(void)
{
    return (unsigned long)syscall(SYS_gettid);
}

long tn_thread_count(void)
{
    return atomic_load(&running);
}

/* ---- the thread body ---------------------------------------------------- */

static void report_unhandled(TnObject *func)
{
    TnObject *exc = tn_err_fetch();
    if (!exc)
        return;
    if (!tn_exc_matches(exc, (TnObject *)&tn_exc_SystemExit)) {
        TnObject *r = tn_object_repr(func);
        fprintf(stderr, "Exception ignored in thread started by: %s\n",
                r ? tn_str_as_cstr(r) : "<callable>");
        if (!r)
            tn_err_clear();
        TN_XDECREF(r);
        tn_err_print_exception(exc);
    }
    TN_DECREF(exc);
}

static void *thread_main(void *p)
{
    Boot *b = p;
    /* Ctrl-C is for the main thread (KeyboardInterrupt there only). */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    tn_pin_thread_start();   /* -X pin: next CPU of the order, before any code */
    TnThreadState *ts = tn_tstate_new();
    if (!ts) {
        fprintf(stderr, "tandem: fatal: cannot create a thread state\n");
        abort();
    }
    tn_qsbr_register();
#ifdef TANDEM_FT
    if (tn_brc_init_thread(ts) < 0) {
        fprintf(stderr, "tandem: fatal: out of memory starting a thread\n");
        abort();
    }
#endif
    tn_gil_acquire(ts);

    TnObject *res = tn_call_tuple_dict(b->func, b->args, b->kwargs);
    if (res)
        TN_DECREF(res);
    else
        report_unhandled(b->func);
    TN_DECREF(b->func);
    TN_DECREF(b->args);
    TN_XDECREF(b->kwargs);
    TN_CLEAR(ts->curexc);
    TN_CLEAR(ts->exc_info);
    tn_thread_local_forget(ts);

    TnThreadHandle *h = b->handle;
    free(b);
    atomic_fetch_sub(&running, 1);

    tn_frame_arena_free(ts);
#ifdef TANDEM_FT
    /* Leave the registry first: from now on a thread that drops one of our
     * objects merges it itself instead of pushing it to our queue. We also
     * stop acting as the owner (TN_TID_NONE), so our own last decrefs go through
     * the shared count and cannot race with such a merge. Then merge what
     * was queued before. */
    tn_tstate_unlink(ts);
    tn_tls_tid = TN_TID_NONE;
    tn_brc_fini_thread(ts);
#endif
    tn_qsbr_unregister();
    tn_gil_release(ts);
    tn_tstate_delete(ts);

    /* Joiners may go now: every reference this thread held is gone and
     * its deferred counts are merged, so a program that joins its threads
     * is single-threaded again (deferred.c frees at once then). */
    pthread_mutex_lock(&h->mu);
    h->done = 1;
    pthread_cond_broadcast(&h->cv);
    pthread_mutex_unlock(&h->mu);
    tn_thread_handle_decref(h);
    return NULL;
}

int tn_thread_start(TnObject *func, TnObject *args, TnObject *kwargs,
                    unsigned long *ident, TnThreadHandle **handle_out)
{
    Boot *b = malloc(sizeof *b);
    TnThreadHandle *h = handle_new();
    pthread_attr_t attr;
    pthread_t th;
    if (!b || !h) {
        free(b);
        tn_thread_handle_decref(h);
        tn_err_nomemory();
        return -1;
    }
    b->func = tn_newref(func);
    b->args = tn_newref(args);
    b->kwargs = kwargs ? tn_newref(kwargs) : NULL;
    b->handle = h;
    atomic_fetch_add(&h->refs, 1);      /* the thread's reference */
    atomic_fetch_add(&running, 1);
    int err = pthread_attr_init(&attr);
    if (!err) {
        err = pthread_attr_setstacksize(&attr, TN_THREAD_STACK_SIZE);
        if (!err)
            err = pthread_create(&th, &attr, thread_main, b);
        pthread_attr_destroy(&attr);
    }
    if (err) {
        atomic_fetch_sub(&running, 1);
        TN_DECREF(b->func);
        TN_DECREF(b->args);
        TN_XDECREF(b->kwargs);
        free(b);
        tn_thread_handle_decref(h);
        tn_thread_handle_decref(h);
        tn_err_setstr(&tn_exc_RuntimeError, "can't start new thread");
        return -1;
    }
    pthread_detach(th);
    *ident = (unsigned long)th;
    if (handle_out)
        *handle_out = h;
    else
        tn_thread_handle_decref(h);
    return 0;
}

/* ---- interpreter exit --------------------------------------------------- */

int tn_thread_shutdown(void)
{
    TnObject *mod = NULL;
    int found = tn_dict_get_ref_str(tn_runtime.modules, "threading", &mod);
    if (found < 0)
        return -1;
    if (!found || !mod)
        return 0;
    TnObject *r = tn_call_method_cstr(mod, "_shutdown", NULL, 0);
    TN_DECREF(mod);
    if (!r)
        return -1;
    TN_DECREF(r);
    return 0;
}
