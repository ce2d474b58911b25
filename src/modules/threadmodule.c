/* The _thread module: thread start, join handles, Lock, RLock, local.
 *
 * Locks are a pthread mutex + condition variable + `locked` flag. The
 * mutex is only held for a few instructions, never while blocked on the
 * GIL: a waiting acquire first leaves the GIL / goes QSBR-offline
 * (TN_BEGIN_BLOCKING), then waits on the condition variable, then unlocks
 * the mutex and only then takes the GIL back. Timeouts use
 * CLOCK_MONOTONIC; in the main thread waits are sliced so that Ctrl-C
 * raises KeyboardInterrupt (tn_thread_cond_wait).
 *
 * _local keeps one attribute dict per thread in `dicts` (thread index ->
 * dict; thread indexes are never reused). Live _local objects are on a list
 * protected by locals_mu so that an exiting thread can remove its entry
 * from each of them (tn_thread_local_forget).
 */
#include <errno.h>
#include <float.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "tandem/tandem.h"
#include "tandem/args.h"
#include "tandem/module.h"
#include "tandem/builtins.h"
#include "tandem/eval.h"
#include "tandem/gil.h"
#include "tandem/thread.h"

#define TIMEOUT_MAX 9223372036.0   /* seconds; CPython's is about the same */

/* ---- the primitive lock ------------------------------------------------- */

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int locked;
    int waiters;
} PLock;

static pthread_condattr_t cond_attr;
static pthread_once_t cond_once = PTHREAD_ONCE_INIT;
static void cond_attr_init(void)
{
    pthread_condattr_init(&cond_attr);
    pthread_condattr_setclock(&cond_attr, CLOCK_MONOTONIC);
}

static void plock_init(PLock *l)
{
    pthread_once(&cond_once, cond_attr_init);
    pthread_mutex_init(&l->mu, NULL);
    pthread_cond_init(&l->cv, &cond_attr);
    l->locked = 0;
    l->waiters = 0;
}

static void plock_destroy(PLock *l)
{
    pthread_mutex_destroy(&l->mu);
    pthread_cond_destroy(&l->cv);
}

/* 1 acquired, 0 not (non-blocking or timed out), -1 exception (Ctrl-C). */
static int plock_acquire(PLock *l, int blocking, double timeout)
{
    pthread_mutex_lock(&l->mu);
    if (!l->locked) {
        l->locked = 1;
        pthread_mutex_unlock(&l->mu);
        return 1;
    }
    pthread_mutex_unlock(&l->mu);
    if (!blocking || timeout == 0)
        return 0;
    TnThreadState *ts = tn_ts();
    struct timespec dl;
    if (timeout > 0)
        tn_thread_deadline(&dl, timeout);
    for (;;) {
        int got = 0, rc = 0;
        TN_BEGIN_BLOCKING(ts);
        pthread_mutex_lock(&l->mu);
        l->waiters++;
        while (l->locked) {
            rc = tn_thread_cond_wait(ts, &l->cv, &l->mu, timeout > 0 ? &dl : NULL);
            if (rc == ETIMEDOUT || rc == EINTR)
                break;
        }
        if (!l->locked) {
            l->locked = 1;
            got = 1;
        }
        l->waiters--;
        pthread_mutex_unlock(&l->mu);
        TN_END_BLOCKING(ts);
        if (got)
            return 1;
        if (rc == ETIMEDOUT)
            return 0;
        if (rc == EINTR && tn_eval_handle_signals(ts) < 0)
            return -1;
    }
}

/* 0, or -1 if it was not locked. */
static int plock_release(PLock *l)
{
    pthread_mutex_lock(&l->mu);
    if (!l->locked) {
        pthread_mutex_unlock(&l->mu);
        return -1;
    }
    l->locked = 0;
    if (l->waiters)
        pthread_cond_signal(&l->cv);
    pthread_mutex_unlock(&l->mu);
    return 0;
}

static int plock_locked(PLock *l)
{
    pthread_mutex_lock(&l->mu);
    int r = l->locked;
    pthread_mutex_unlock(&l->mu);
    return r;
}

/* acquire(blocking=True, timeout=-1) argument rules, CPython's words. */
static int parse_acquire(const char *fname, TnObject *const *args, size_t nargs, TnObject *kwnames,
                         int *blocking, double *timeout)
{
    static const char *const kwlist[] = { "blocking", "timeout", NULL };
    TnObject *vals[2] = { NULL, NULL };
    if (tn_parse_args(fname, args, nargs, kwnames, kwlist, 2, 0, vals) < 0)
        return -1;
    *blocking = 1;
    *timeout = -1;
    if (vals[0]) {
        int b = tn_object_is_true(vals[0]);
        if (b < 0)
            return -1;
        *blocking = b;
    }
    if (vals[1]) {
        double t = tn_float_as_double(vals[1]);
        if (t == -1.0 && tn_err_occurred())
            return -1;
        *timeout = t;
    }
    if (!*blocking && *timeout != -1) {
        tn_err_setstr(&tn_exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (*timeout < 0 && *timeout != -1) {
        tn_err_setstr(&tn_exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (*timeout > TIMEOUT_MAX) {
        tn_err_setstr(&tn_exc_OverflowError, "timeout value is too large");
        return -1;
    }
    return 0;
}

/* ---- Lock --------------------------------------------------------------- */

typedef struct {
    TnObject ob;
    PLock lk;
} LockObject;

static TnType lock_type;

static TnObject *lock_new_object(void)
{
    LockObject *l = (LockObject *)tn_object_alloc(&lock_type, sizeof(LockObject));
    if (!l)
        return NULL;
    plock_init(&l->lk);
    return (TnObject *)l;
}

static TnObject *lock_tp_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    (void)t;
    if (tn_check_nargs("lock", nargs, 0, 0) < 0 || tn_check_no_kwargs("lock", kwnames) < 0)
        return NULL;
    (void)args;
    return lock_new_object();
}

static void lock_dealloc(TnObject *o)
{
    plock_destroy(&((LockObject *)o)->lk);
    tn_object_free(o);
}

static TnObject *lock_acquire(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    int blocking;
    double timeout;
    if (parse_acquire("acquire", args, nargs, kwnames, &blocking, &timeout) < 0)
        return NULL;
    int r = plock_acquire(&((LockObject *)self)->lk, blocking, timeout);
    if (r < 0)
        return NULL;
    return tn_bool_from(r);
}

static TnObject *lock_release(TnObject *self, TnObject *unused)
{
    (void)unused;
    if (plock_release(&((LockObject *)self)->lk) < 0) {
        tn_err_setstr(&tn_exc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    TN_RETURN_NONE;
}

static TnObject *lock_exit(TnObject *self, TnObject *const *args, size_t nargs)
{
    (void)args;
    (void)nargs;
    return lock_release(self, NULL);
}

static TnObject *lock_locked(TnObject *self, TnObject *unused)
{
    (void)unused;
    return tn_bool_from(plock_locked(&((LockObject *)self)->lk));
}

static TnObject *lock_repr(TnObject *self)
{
    return tn_str_from_format("<%s %s object at %p>",
                              plock_locked(&((LockObject *)self)->lk) ? "locked" : "unlocked",
                              TN_TYPE(self)->tp_name, (void *)self);
}

static const TnMethodDef lock_methods[] = {
    { "acquire", (void *)lock_acquire, TN_METH_FASTKW, "Lock the lock." },
    { "acquire_lock", (void *)lock_acquire, TN_METH_FASTKW, "An obsolete synonym of acquire()." },
    { "__enter__", (void *)lock_acquire, TN_METH_FASTKW, "Lock the lock." },
    { "release", (void *)lock_release, TN_METH_NOARGS, "Release the lock." },
    { "release_lock", (void *)lock_release, TN_METH_NOARGS, "An obsolete synonym of release()." },
    { "__exit__", (void *)lock_exit, TN_METH_FAST, "Release the lock." },
    { "locked", (void *)lock_locked, TN_METH_NOARGS, "Test whether the lock is currently locked." },
    { "locked_lock", (void *)lock_locked, TN_METH_NOARGS, "An obsolete synonym of locked()." },
    { 0, 0, 0, 0 }
};

static TnType lock_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(LockObject),
    .tp_dealloc = lock_dealloc,
    .tp_repr = lock_repr,
    .tp_new = lock_tp_new,
    .tp_methods = lock_methods,
    .tp_doc = "A lock object is a synchronization primitive.",
};

/* ---- RLock -------------------------------------------------------------- */

typedef struct {
    TnObject ob;
    PLock lk;
    unsigned long owner;     /* ident of the owner, 0 = none (atomic access) */
    unsigned long count;     /* only touched by the owner */
} RLockObject;

static TnType rlock_type;

static unsigned long rl_owner(RLockObject *r) { return __atomic_load_n(&r->owner, __ATOMIC_RELAXED); }
static void rl_set_owner(RLockObject *r, unsigned long o) { __atomic_store_n(&r->owner, o, __ATOMIC_RELAXED); }

static TnObject *rlock_tp_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    (void)args;
    if (tn_check_nargs("RLock", nargs, 0, 0) < 0 || tn_check_no_kwargs("RLock", kwnames) < 0)
        return NULL;
    RLockObject *r = (RLockObject *)tn_object_alloc(t, sizeof(RLockObject));
    if (!r)
        return NULL;
    plock_init(&r->lk);
    return (TnObject *)r;
}

static void rlock_dealloc(TnObject *o)
{
    plock_destroy(&((RLockObject *)o)->lk);
    tn_object_free(o);
}

static TnObject *rlock_acquire(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    RLockObject *r = (RLockObject *)self;
    int blocking;
    double timeout;
    if (parse_acquire("acquire", args, nargs, kwnames, &blocking, &timeout) < 0)
        return NULL;
    unsigned long me = tn_thread_get_ident();
    if (rl_owner(r) == me) {
        if (r->count == (unsigned long)-1) {
            tn_err_setstr(&tn_exc_OverflowError, "Internal lock count overflowed");
            return NULL;
        }
        r->count++;
        return tn_bool_from(1);
    }
    int got = plock_acquire(&r->lk, blocking, timeout);
    if (got < 0)
        return NULL;
    if (got) {
        rl_set_owner(r, me);
        r->count = 1;
    }
    return tn_bool_from(got);
}

static TnObject *rlock_release(TnObject *self, TnObject *unused)
{
    (void)unused;
    RLockObject *r = (RLockObject *)self;
    if (rl_owner(r) != tn_thread_get_ident() || r->count == 0) {
        tn_err_setstr(&tn_exc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    if (--r->count == 0) {
        rl_set_owner(r, 0);
        plock_release(&r->lk);
    }
    TN_RETURN_NONE;
}

static TnObject *rlock_exit(TnObject *self, TnObject *const *args, size_t nargs)
{
    (void)args;
    (void)nargs;
    return rlock_release(self, NULL);
}

static TnObject *rlock_is_owned(TnObject *self, TnObject *unused)
{
    (void)unused;
    RLockObject *r = (RLockObject *)self;
    return tn_bool_from(rl_owner(r) == tn_thread_get_ident() && r->count > 0);
}

/* For Condition.wait: release completely, return the state to restore. */
static TnObject *rlock_release_save(TnObject *self, TnObject *unused)
{
    (void)unused;
    RLockObject *r = (RLockObject *)self;
    if (r->count == 0 || rl_owner(r) != tn_thread_get_ident()) {
        tn_err_setstr(&tn_exc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    TnObject *c = tn_int_from_u64(r->count);
    TnObject *o = c ? tn_int_from_u64(r->owner) : NULL;
    TnObject *res = o ? tn_tuple_pack(2, c, o) : NULL;
    TN_XDECREF(c);
    TN_XDECREF(o);
    if (!res)
        return NULL;
    r->count = 0;
    rl_set_owner(r, 0);
    plock_release(&r->lk);
    return res;
}

static TnObject *rlock_acquire_restore(TnObject *self, TnObject *state)
{
    RLockObject *r = (RLockObject *)self;
    int64_t count, owner;
    if (!tn_tuple_check(state) || TN_TUPLE_SIZE(state) != 2
        || !tn_int_as_i64_overflow(TN_TUPLE_GET(state, 0), &count)
        || !tn_int_as_i64_overflow(TN_TUPLE_GET(state, 1), &owner)) {
        if (!tn_err_occurred())
            tn_err_setstr(&tn_exc_TypeError, "_acquire_restore() argument must be a (count, owner) tuple");
        return NULL;
    }
    if (plock_acquire(&r->lk, 1, -1) < 0)
        return NULL;
    rl_set_owner(r, (unsigned long)owner);
    r->count = (unsigned long)count;
    TN_RETURN_NONE;
}

static TnObject *rlock_repr(TnObject *self)
{
    RLockObject *r = (RLockObject *)self;
    unsigned long owner = rl_owner(r);
    char buf[64];
    snprintf(buf, sizeof buf, "owner=%lu count=%lu", owner, owner ? r->count : 0ul);
    return tn_str_from_format("<%s %s object %s at %p>",
                              owner ? "locked" : "unlocked", TN_TYPE(self)->tp_name,
                              buf, (void *)self);
}

static const TnMethodDef rlock_methods[] = {
    { "acquire", (void *)rlock_acquire, TN_METH_FASTKW, "Lock the lock." },
    { "__enter__", (void *)rlock_acquire, TN_METH_FASTKW, "Lock the lock." },
    { "release", (void *)rlock_release, TN_METH_NOARGS, "Release the lock." },
    { "__exit__", (void *)rlock_exit, TN_METH_FAST, "Release the lock." },
    { "_is_owned", (void *)rlock_is_owned, TN_METH_NOARGS, "For internal use by threading.Condition." },
    { "_release_save", (void *)rlock_release_save, TN_METH_NOARGS, "For internal use by threading.Condition." },
    { "_acquire_restore", (void *)rlock_acquire_restore, TN_METH_O, "For internal use by threading.Condition." },
    { 0, 0, 0, 0 }
};

static TnType rlock_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(RLockObject),
    .tp_flags = TN_TPFLAG_BASETYPE,
    .tp_dealloc = rlock_dealloc,
    .tp_repr = rlock_repr,
    .tp_new = rlock_tp_new,
    .tp_methods = rlock_methods,
    .tp_doc = "A reentrant lock.",
};

/* ---- thread handles ----------------------------------------------------- */

typedef struct {
    TnObject ob;
    TnThreadHandle *h;
    unsigned long ident;
} HandleObject;

static TnType handle_type;

static void handle_dealloc(TnObject *o)
{
    tn_thread_handle_decref(((HandleObject *)o)->h);
    tn_object_free(o);
}

static TnObject *handle_join(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "timeout", NULL };
    TnObject *t = NULL;
    double timeout = -1;
    if (tn_parse_args("join", args, nargs, kwnames, kwlist, 1, 0, &t) < 0)
        return NULL;
    if (t && t != tn_None) {
        timeout = tn_float_as_double(t);
        if (timeout == -1.0 && tn_err_occurred())
            return NULL;
        if (timeout < 0)
            timeout = 0;
    }
    int r = tn_thread_handle_join(((HandleObject *)self)->h, timeout);
    if (r < 0)
        return NULL;
    return tn_bool_from(r);
}

static TnObject *handle_is_done(TnObject *self, TnObject *unused)
{
    (void)unused;
    return tn_bool_from(tn_thread_handle_done(((HandleObject *)self)->h));
}

static TnObject *handle_ident(TnObject *self, void *closure)
{
    (void)closure;
    return tn_int_from_u64(((HandleObject *)self)->ident);
}

static const TnMethodDef handle_methods[] = {
    { "join", (void *)handle_join, TN_METH_FASTKW, "join(timeout=None) -> True if the thread finished." },
    { "is_done", (void *)handle_is_done, TN_METH_NOARGS, "True once the thread's callable returned." },
    { 0, 0, 0, 0 }
};

static const TnGetSetDef handle_getset[] = {
    { "ident", handle_ident, NULL, "the thread's identifier", NULL },
    { 0, 0, 0, 0, 0 }
};

static TnType handle_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "_thread._ThreadHandle",
    .tp_basicsize = sizeof(HandleObject),
    .tp_dealloc = handle_dealloc,
    .tp_methods = handle_methods,
    .tp_getset = handle_getset,
};

/* ---- module functions --------------------------------------------------- */

static int start_args(const char *fname, TnObject *const *args, size_t nargs, TnObject *kwnames,
                      TnObject **func, TnObject **targs, TnObject **tkw)
{
    static const char *const kwlist[] = { "", "", "", NULL };
    TnObject *vals[3] = { NULL, NULL, NULL };
    if (tn_parse_args(fname, args, nargs, kwnames, kwlist, 3, 1, vals) < 0)
        return -1;
    *func = vals[0];
    *targs = vals[1];
    *tkw = vals[2] == tn_None ? NULL : vals[2];
    if (!tn_callable(*func)) {
        tn_err_setstr(&tn_exc_TypeError, "first arg must be callable");
        return -1;
    }
    if (!*targs) {
        /* The empty tuple is an immortal singleton (tuple.h): borrowing it
         * after dropping the new reference is safe. */
        *targs = tn_tuple_new(0);
        if (!*targs)
            return -1;
        TN_DECREF(*targs);
    } else if (!tn_tuple_check(*targs)) {
        tn_err_setstr(&tn_exc_TypeError, "2nd arg must be a tuple");
        return -1;
    }
    if (*tkw && !tn_dict_check(*tkw)) {
        tn_err_setstr(&tn_exc_TypeError, "optional 3rd arg must be a dictionary");
        return -1;
    }
    return 0;
}

static TnObject *thread_start_new_thread(TnObject *self, TnObject *const *args, size_t nargs)
{
    (void)self;
    TnObject *func, *targs, *tkw;
    if (tn_check_nargs("start_new_thread", nargs, 2, 3) < 0
        || start_args("start_new_thread", args, nargs, NULL, &func, &targs, &tkw) < 0)
        return NULL;
    unsigned long ident;
    if (tn_thread_start(func, targs, tkw, &ident, NULL) < 0)
        return NULL;
    return tn_int_from_u64(ident);
}

static TnObject *thread_start_joinable(TnObject *self, TnObject *const *args, size_t nargs,
                                       TnObject *kwnames)
{
    (void)self;
    TnObject *func, *targs, *tkw;
    if (start_args("start_joinable_thread", args, nargs, kwnames, &func, &targs, &tkw) < 0)
        return NULL;
    HandleObject *ho = (HandleObject *)tn_object_alloc(&handle_type, sizeof(HandleObject));
    if (!ho)
        return NULL;
    if (tn_thread_start(func, targs, tkw, &ho->ident, &ho->h) < 0) {
        TN_DECREF(ho);
        return NULL;
    }
    return (TnObject *)ho;
}

static TnObject *thread_allocate_lock(TnObject *self, TnObject *unused)
{
    (void)self;
    (void)unused;
    return lock_new_object();
}

static TnObject *thread_get_ident(TnObject *self, TnObject *unused)
{
    (void)self;
    (void)unused;
    return tn_int_from_u64(tn_thread_get_ident());
}

static TnObject *thread_get_native_id(TnObject *self, TnObject *unused)
{
    (void)self;
    (void)unused;
    return tn_int_from_u64(tn_thread_get_native_id());
}

static TnObject *thread_count(TnObject *self, TnObject *unused)
{
    (void)self;
    (void)unused;
    return tn_int_from_i64(tn_thread_count());
}

static TnObject *thread_exit(TnObject *self, TnObject *unused)
{
    (void)self;
    (void)unused;
    tn_err_set_object(&tn_exc_SystemExit, NULL);
    return NULL;
}

/* threading's excepthook: the traceback as the interpreter prints it. */
static TnObject *thread_print_exception(TnObject *self, TnObject *exc)
{
    (void)self;
    tn_err_print_exception(exc);
    TN_RETURN_NONE;
}

static TnObject *thread_is_main(TnObject *self, TnObject *unused)
{
    (void)self;
    (void)unused;
    return tn_bool_from(tn_ts() == tn_main_tstate);
}

/* ---- _local ------------------------------------------------------------- */

typedef struct LocalObject {
    TnObject ob;
    TnObject *dicts;          /* dict: thread index (int) -> attribute dict */
    TnObject *args, *kwargs;  /* constructor arguments, replayed per thread */
    struct LocalObject *prev, *next;   /* live list, under locals_mu */
} LocalObject;

static TnType local_type;
static pthread_mutex_t locals_mu = PTHREAD_MUTEX_INITIALIZER;
static LocalObject *locals_head;

static int local_has_custom_init(TnObject *self)
{
    TnObject *init = tn_type_lookup(TN_TYPE(self), TN_ID(__init__));
    TnObject *base = tn_type_lookup(&tn_object_type, TN_ID(__init__));
    return init && init != base;
}

static TnObject *local_tp_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    LocalObject *l = (LocalObject *)tn_object_alloc(t, t->tp_basicsize);
    if (!l)
        return NULL;
    /* Made to be read by every thread: per-thread reference counts (ft),
     * unless a __del__ must run as soon as it is dropped. */
    if (!t->tp_finalize)
        tn_set_deferred((TnObject *)l);
    if ((nargs || (kwnames && TN_TUPLE_SIZE(kwnames))) && !local_has_custom_init((TnObject *)l)) {
        TN_DECREF(l);
        tn_err_setstr(&tn_exc_TypeError, "Initialization arguments are not supported");
        return NULL;
    }
    l->dicts = tn_dict_new();
    l->args = tn_tuple_new((tn_ssize_t)nargs);
    l->kwargs = tn_dict_new();
    if (!l->dicts || !l->args || !l->kwargs) {
        TN_DECREF(l);
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++)
        TN_TUPLE_SET(l->args, i, tn_newref(args[i]));
    size_t nkw = kwnames ? (size_t)TN_TUPLE_SIZE(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++)
        if (tn_dict_setitem(l->kwargs, TN_TUPLE_GET(kwnames, i), args[nargs + i]) < 0) {
            TN_DECREF(l);
            return NULL;
        }
    pthread_mutex_lock(&locals_mu);
    l->next = locals_head;
    if (locals_head)
        locals_head->prev = l;
    locals_head = l;
    pthread_mutex_unlock(&locals_mu);
    /* The creating thread's dict exists at once (tp_init fills it). */
    TnObject *key = tn_int_from_i64(tn_ts()->tid);
    TnObject *d = key ? tn_dict_new() : NULL;
    int rc = d ? tn_dict_setitem(l->dicts, key, d) : -1;
    TN_XDECREF(key);
    TN_XDECREF(d);
    if (rc < 0) {
        TN_DECREF(l);
        return NULL;
    }
    return (TnObject *)l;
}

static void local_dealloc(TnObject *o)
{
    LocalObject *l = (LocalObject *)o;
    pthread_mutex_lock(&locals_mu);
    if (l->prev)
        l->prev->next = l->next;
    else if (locals_head == l)
        locals_head = l->next;
    if (l->next)
        l->next->prev = l->prev;
    pthread_mutex_unlock(&locals_mu);
    TN_XDECREF(l->dicts);
    TN_XDECREF(l->args);
    TN_XDECREF(l->kwargs);
    tn_object_free(o);
}

/* This thread's attribute dict (borrowed... returned as a new reference),
 * created on first use; a subclass __init__ runs for each new thread. */
static TnObject *local_dict(TnObject *self)
{
    LocalObject *l = (LocalObject *)self;
    TnObject *key = tn_int_from_i64(tn_ts()->tid);
    if (!key)
        return NULL;
    TnObject *d = NULL;
    int found = tn_dict_get_ref(l->dicts, key, &d);
    if (found != 0) {
        TN_DECREF(key);
        return found > 0 ? d : NULL;
    }
    d = tn_dict_new();
    if (!d || tn_dict_setitem(l->dicts, key, d) < 0) {
        TN_DECREF(key);
        TN_XDECREF(d);
        return NULL;
    }
    TN_DECREF(key);
    if (local_has_custom_init(self)) {
        TnObject *init = tn_object_getattr(self, TN_ID(__init__));
        TnObject *r = init ? tn_call_tuple_dict(init, l->args, l->kwargs) : NULL;
        TN_XDECREF(init);
        if (!r) {
            TN_DECREF(d);
            return NULL;
        }
        TN_DECREF(r);
    }
    return d;
}

static TnObject *local_getattro(TnObject *self, TnObject *name)
{
    TnObject *d = local_dict(self);
    if (!d)
        return NULL;
    if (tn_str_check(name) && strcmp(tn_str_as_cstr(name), "__dict__") == 0)
        return d;
    TnObject *descr = tn_type_lookup(TN_TYPE(self), name);
    TnObject *res = NULL;
    if (descr) {
        TN_INCREF(descr);
        TnType *dt = TN_TYPE(descr);
        if (dt->tp_descr_get && dt->tp_descr_set) {
            res = dt->tp_descr_get(descr, self, (TnObject *)TN_TYPE(self));
            goto done;
        }
    }
    int found = tn_dict_get_ref(d, name, &res);
    if (found != 0)
        goto done;
    if (descr) {
        TnType *dt = TN_TYPE(descr);
        res = dt->tp_descr_get ? dt->tp_descr_get(descr, self, (TnObject *)TN_TYPE(self))
                               : tn_newref(descr);
        goto done;
    }
    tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '%s'",
                  TN_TYPE(self)->tp_name, tn_str_check(name) ? tn_str_as_cstr(name) : "?");
done:
    TN_XDECREF(descr);
    TN_DECREF(d);
    return res;
}

static int local_setattro(TnObject *self, TnObject *name, TnObject *value)
{
    if (tn_str_check(name) && strcmp(tn_str_as_cstr(name), "__dict__") == 0) {
        tn_err_format(&tn_exc_AttributeError, "'%s' object attribute '__dict__' is read-only",
                      TN_TYPE(self)->tp_name);
        return -1;
    }
    TnObject *d = local_dict(self);
    if (!d)
        return -1;
    TnObject *descr = tn_type_lookup(TN_TYPE(self), name);
    int rc;
    if (descr && TN_TYPE(descr)->tp_descr_set) {
        TN_INCREF(descr);
        rc = TN_TYPE(descr)->tp_descr_set(descr, self, value);
        TN_DECREF(descr);
    } else if (value) {
        rc = tn_dict_setitem(d, name, value);
    } else {
        rc = tn_dict_delitem(d, name);
        if (rc < 0 && tn_err_matches(&tn_exc_KeyError)) {
            tn_err_clear();
            tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '%s'",
                          TN_TYPE(self)->tp_name, tn_str_as_cstr(name));
        }
    }
    TN_DECREF(d);
    return rc;
}

static TnType local_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(LocalObject),
    .tp_flags = TN_TPFLAG_BASETYPE,
    .tp_dealloc = local_dealloc,
    .tp_getattro = local_getattro,
    .tp_setattro = local_setattro,
    .tp_new = local_tp_new,
    .tp_doc = "Thread-local data",
};

/* Called by an exiting thread (tstate still valid, GIL held): drop its
 * dict from every live _local. The values are released after locals_mu is
 * dropped, since releasing them may run Python code. */
void tn_thread_local_forget(TnThreadState *ts)
{
    TnObject *key = tn_int_from_i64(ts->tid);
    TnObject *garbage = tn_list_new(0);
    if (!key || !garbage) {
        tn_err_clear();
        TN_XDECREF(key);
        TN_XDECREF(garbage);
        return;
    }
    pthread_mutex_lock(&locals_mu);
    for (LocalObject *l = locals_head; l; l = l->next) {
        TnObject *d = NULL;
        if (tn_dict_get_ref(l->dicts, key, &d) > 0) {
            /* Keep d alive past the delete; free it after the mutex. */
            if (tn_list_append(garbage, d) == 0)
                tn_dict_delitem(l->dicts, key);
            TN_DECREF(d);   /* the list (or the dict) still holds it */
        }
        tn_err_clear();
    }
    pthread_mutex_unlock(&locals_mu);
    TN_DECREF(key);
    TN_DECREF(garbage);
}

/* ---- module ------------------------------------------------------------- */

static const TnMethodDef thread_methods[] = {
    { "start_new_thread", (void *)thread_start_new_thread, TN_METH_FAST,
      "start_new_thread(function, args[, kwargs]) -> the new thread's identifier." },
    { "start_new", (void *)thread_start_new_thread, TN_METH_FAST, "An obsolete synonym of start_new_thread()." },
    { "start_joinable_thread", (void *)thread_start_joinable, TN_METH_FASTKW,
      "start_joinable_thread(function, args=(), kwargs=None) -> a handle with join(timeout)." },
    { "allocate_lock", (void *)thread_allocate_lock, TN_METH_NOARGS, "Create a new lock object." },
    { "allocate", (void *)thread_allocate_lock, TN_METH_NOARGS, "An obsolete synonym of allocate_lock()." },
    { "get_ident", (void *)thread_get_ident, TN_METH_NOARGS, "Return a non-zero integer that uniquely identifies the current thread." },
    { "get_native_id", (void *)thread_get_native_id, TN_METH_NOARGS, "Return the native integral thread ID of the current thread." },
    { "_count", (void *)thread_count, TN_METH_NOARGS, "Return the number of currently running threads started by this module." },
    { "exit", (void *)thread_exit, TN_METH_NOARGS, "Raise SystemExit to end the current thread." },
    { "_print_exception", (void *)thread_print_exception, TN_METH_O, "Print an exception and its traceback on stderr." },
    { "_is_main_interpreter_thread", (void *)thread_is_main, TN_METH_NOARGS, "True in the main thread." },
    { 0, 0, 0, 0 }
};

TnObject *tn_module_init__thread(void)
{
    if (tn_type_ready(&lock_type) < 0 || tn_type_ready(&rlock_type) < 0
        || tn_type_ready(&handle_type) < 0 || tn_type_ready(&local_type) < 0)
        return NULL;
    TnObject *m = tn_module_new("_thread");
    if (!m)
        return NULL;
    TnObject *tmax = tn_float_new(TIMEOUT_MAX);
    if (!tmax || tn_module_add_functions(m, thread_methods) < 0
        || tn_module_add_object(m, "LockType", (TnObject *)&lock_type) < 0
        || tn_module_add_object(m, "lock", (TnObject *)&lock_type) < 0
        || tn_module_add_type(m, &rlock_type) < 0
        || tn_module_add_object(m, "_local", (TnObject *)&local_type) < 0
        || tn_module_add_object(m, "_ThreadHandle", (TnObject *)&handle_type) < 0
        || tn_module_add_object(m, "TIMEOUT_MAX", tmax) < 0
        || tn_module_add_object(m, "error", (TnObject *)&tn_exc_RuntimeError) < 0) {
        TN_XDECREF(tmax);
        TN_DECREF(m);
        return NULL;
    }
    TN_DECREF(tmax);
    return m;
}
