/* Generators and coroutines (gen.h): objects that own a suspended frame.
 * A coroutine is a generator with another type: the code paths are shared
 * and differ only in messages, iterability and reuse after completion.
 *
 * Thread safety: gen->state moves CREATED/SUSPENDED -> RUNNING with a
 * compare-and-swap, so two threads resuming one generator at once get
 * "generator already executing" instead of sharing a frame. Everything else
 * in the object is touched only by the thread that holds it RUNNING, or by
 * dealloc (no other references). */
#include "tandem/tandem.h"
#include "tandem/gen.h"
#include "tandem/func.h"
#include "tandem/exc.h"
#include "tandem/opcodes.h"
#include "tandem/traceback.h"
#include "../vm/vm_internal.h"

TnObject *tn_gen_new(TnObject *func, TnFrame **frame)
{
    TnFunction *fn = (TnFunction *)func;
    TnCode *co = (TnCode *)fn->code;
    size_t size = offsetof(TnGen, frame) + tn_frame_size(co);
    TnType *tp = (co->co_flags & TN_CO_COROUTINE) ? &tn_coro_type :
                 (co->co_flags & TN_CO_ASYNC_GENERATOR) ? &tn_asyncgen_type : &tn_gen_type;
    TnGen *g = (TnGen *)tn_object_alloc(tp, size);
    if (!g)
        return NULL;
    tn_frame_init(&g->frame, co, func, fn->globals, fn->builtins, NULL,
                  TN_FRAME_OWNED_BY_GENERATOR);
    g->frame.gen = (TnObject *)g;
    g->name = tn_newref(fn->name);
    g->qualname = tn_newref(fn->qualname);
    tn_store_relaxed(&g->state, TN_GEN_CREATED);
    *frame = &g->frame;
    return (TnObject *)g;
}

void tn_set_stop_iteration(TnObject *value)
{
    if (!value || value == tn_None)
        tn_err_set_object(&tn_exc_StopIteration, NULL);
    else
        tn_err_set_stop_iteration(value);
}

TnObject *tn_fetch_stop_iteration_value(void)
{
    TnObject *exc = tn_err_fetch();
    if (!exc)
        return tn_newref(tn_None);
    TnObject *v = tn_stop_iteration_value(exc);
    TN_DECREF(exc);
    return v;
}

/* "generator" or "coroutine", for messages. */
static const char *kind_name(TnGen *g)
{
    if (tn_coro_check((TnObject *)g))
        return "coroutine";
    return tn_asyncgen_check((TnObject *)g) ? "async generator" : "generator";
}

/* The sub-iterator a suspended generator delegates to (borrowed), if any. */
static TnObject *gen_yf(TnGen *g)
{
    TnFrame *f = &g->frame;
    if (tn_load_relaxed(&g->state) != TN_GEN_SUSPENDED || f->stacktop < 1)
        return NULL;
    int next = f->lasti + 1;
    if (next >= f->code->co_ncode || (f->code->co_code[next] & 0xff) != TN_YIELD_FROM)
        return NULL;
    return f->localsplus[f->nlocalsplus + f->stacktop - 1];
}

TnObject *tn_gen_yf(TnObject *gen)
{
    return gen_yf((TnGen *)gen);
}

static void already_executing(TnGen *g)
{
    tn_err_format(&tn_exc_ValueError, "%s already executing", kind_name(g));
}

/* Drop a finished generator's frame. */
static void gen_finish(TnGen *g)
{
    tn_frame_clear(&g->frame);
    TN_CLEAR(g->exc_state);
    tn_store_relaxed(&g->state, TN_GEN_CLEARED);
}

/* CPython's gen_send_ex2: resume with arg (pushed as the value of the
 * yield), or with the current exception raised at the yield (exc != 0). */
static TnSendResult gen_send_ex2(TnGen *g, TnObject *arg, TnObject **result, int exc,
                                 int closing)
{
    TnThreadState *ts = tn_ts();
    TnFrame *f = &g->frame;
    *result = NULL;
    int state = tn_load_relaxed(&g->state);
    if (state == TN_GEN_RUNNING) {
        already_executing(g);
        return TN_SEND_ERROR;
    }
    if (state == TN_GEN_CLEARED) {
        if (tn_coro_check((TnObject *)g) && !closing) {
            /* Awaiting a finished coroutine twice is an error, not None. */
            tn_err_setstr(&tn_exc_RuntimeError, "cannot reuse already awaited coroutine");
            return TN_SEND_ERROR;
        }
        if (exc && !closing)
            return TN_SEND_ERROR;        /* throw() into a finished generator */
        if (exc)
            tn_err_clear();
        *result = tn_newref(tn_None);
        return TN_SEND_RETURN;
    }
    if (state == TN_GEN_CREATED && !exc && arg && arg != tn_None) {
        tn_err_format(&tn_exc_TypeError, "can't send non-None value to a just-started %s",
                      kind_name(g));
        return TN_SEND_ERROR;
    }
    if (!tn_cas(&g->state, &state, TN_GEN_RUNNING)) {
        if (exc)
            tn_err_clear();
        already_executing(g);
        return TN_SEND_ERROR;
    }
    if (state == TN_GEN_SUSPENDED)
        f->localsplus[f->nlocalsplus + f->stacktop++] = tn_newref(arg ? arg : tn_None);

    /* The generator has its own "exception being handled" while it runs. */
    TnObject *saved = ts->exc_info;
    if (g->exc_state) {
        ts->exc_info = g->exc_state;
        g->exc_state = NULL;
    } else {
        ts->exc_info = saved ? tn_newref(saved) : NULL;
    }

    TnObject *res = tn_eval_frame_ex(f, exc);

    TnObject *now = ts->exc_info;
    if (now == saved) {
        TN_XDECREF(now);
    } else {
        g->exc_state = now;
    }
    ts->exc_info = saved;

    if (tn_load_relaxed(&g->state) == TN_GEN_SUSPENDED) {
        *result = res;
        return TN_SEND_NEXT;
    }
    /* Returned or raised: the generator is finished. */
    int stop_async = !res && tn_asyncgen_check((TnObject *)g) &&
                     tn_err_matches(&tn_exc_StopAsyncIteration);
    if (!res && (stop_async || tn_err_matches(&tn_exc_StopIteration))) {
        /* PEP 479 (and PEP 525 for StopAsyncIteration) */
        TnObject *si = tn_err_fetch();
        tn_err_format(&tn_exc_RuntimeError, "%s raised %s", kind_name(g),
                      stop_async ? "StopAsyncIteration" : "StopIteration");
        TnObject *re = tn_err_fetch();
        if (re) {
            tn_exc_set_cause(re, si);
            tn_exc_set_context(re, si);
            tn_err_restore(re);
        }
        TN_DECREF(si);
    }
    gen_finish(g);
    if (!res)
        return TN_SEND_ERROR;
    *result = res;
    return TN_SEND_RETURN;
}

TnSendResult tn_gen_send_ex(TnObject *gen, TnObject *arg, TnObject **result)
{
    return gen_send_ex2((TnGen *)gen, arg, result, 0, 0);
}

/* Resume at the yield with the current exception. */
static TnSendResult gen_raise_in(TnGen *g, TnObject **result, int closing)
{
    return gen_send_ex2(g, tn_None, result, 1, closing);
}

static int gen_close_iter(TnObject *yf)
{
    if (tn_gen_like_check(yf))
        return tn_gen_close(yf);
    TnObject *meth = NULL;
    if (tn_object_lookup_attr(yf, TN_ID(close), &meth) < 0) {
        tn_err_write_unraisable(yf);
        return 0;
    }
    if (meth) {
        TnObject *r = tn_call_noargs(meth);
        TN_DECREF(meth);
        if (!r)
            return -1;
        TN_DECREF(r);
    }
    return 0;
}

/* CPython's _gen_throw with an already normalised exception `exc`
 * (borrowed). */
static TnSendResult gen_throw(TnGen *g, int close_on_genexit, TnObject *exc,
                              TnObject **result)
{
    TnObject *yf = gen_yf(g);
    *result = NULL;
    if (yf) {
        TnObject *ret = NULL;
        int st = TN_GEN_SUSPENDED;
        /* Claim the generator while we talk to its sub-iterator. */
        if (!tn_cas(&g->state, &st, TN_GEN_RUNNING)) {
            already_executing(g);
            return TN_SEND_ERROR;
        }
        TN_INCREF(yf);
        if (close_on_genexit && tn_is_instance_fast(exc, &tn_exc_GeneratorExit)) {
            int err = gen_close_iter(yf);
            tn_store_relaxed(&g->state, TN_GEN_SUSPENDED);
            TN_DECREF(yf);
            if (err < 0)
                return gen_raise_in(g, result, 0);
            goto throw_here;
        }
        if (tn_gen_like_check(yf)) {
            TnSendResult r = gen_throw((TnGen *)yf, close_on_genexit, exc, &ret);
            if (r == TN_SEND_RETURN) {
                /* Sub-generator finished: deliver its value below. */
                tn_store_relaxed(&g->state, TN_GEN_SUSPENDED);
                goto subiter_done_value;
            }
        } else {
            TnObject *meth = NULL;
            if (tn_object_lookup_attr(yf, TN_ID(throw), &meth) < 0) {
                tn_store_relaxed(&g->state, TN_GEN_SUSPENDED);
                TN_DECREF(yf);
                return gen_raise_in(g, result, 0);
            }
            if (!meth) {
                tn_store_relaxed(&g->state, TN_GEN_SUSPENDED);
                TN_DECREF(yf);
                goto throw_here;
            }
            TnObject *tb = tn_exc_get_traceback(exc);
            TnObject *args[3] = { (TnObject *)TN_TYPE(exc), exc, tb ? tb : tn_None };
            ret = tn_call(meth, args, 3, NULL);
            TN_DECREF(meth);
        }
        tn_store_relaxed(&g->state, TN_GEN_SUSPENDED);
        TN_DECREF(yf);
        if (ret) {
            *result = ret;
            return TN_SEND_NEXT;
        }
        /* The sub-iterator ended: pop it and leave YIELD_FROM. */
        {
            TnFrame *f = &g->frame;
            TnObject *sub = f->localsplus[f->nlocalsplus + --f->stacktop];
            TN_DECREF(sub);
            f->lasti += 1;
        }
        if (tn_err_matches(&tn_exc_StopIteration)) {
            TnObject *val = tn_fetch_stop_iteration_value();
            TnSendResult r = gen_send_ex2(g, val, result, 0, 0);
            TN_DECREF(val);
            return r;
        }
        return gen_raise_in(g, result, 0);

    subiter_done_value:
        TN_DECREF(yf);
        {
            TnFrame *f = &g->frame;
            TnObject *sub = f->localsplus[f->nlocalsplus + --f->stacktop];
            TN_DECREF(sub);
            f->lasti += 1;
        }
        {
            TnSendResult r2 = gen_send_ex2(g, ret, result, 0, 0);
            TN_DECREF(ret);
            return r2;
        }
    }
throw_here:
    tn_err_restore(tn_newref(exc));
    return gen_raise_in(g, result, 0);
}

TnSendResult tn_gen_throw_ex(TnObject *gen, TnObject *exc, TnObject **result)
{
    return gen_throw((TnGen *)gen, 1, exc, result);
}

int tn_gen_close(TnObject *gen)
{
    TnGen *g = (TnGen *)gen;
    int state = tn_load_relaxed(&g->state);
    if (state == TN_GEN_CLEARED)
        return 0;
    if (state == TN_GEN_CREATED) {
        if (!tn_cas(&g->state, &state, TN_GEN_RUNNING)) {
            already_executing(g);
            return -1;
        }
        gen_finish(g);
        return 0;
    }
    if (state == TN_GEN_RUNNING) {
        already_executing(g);
        return -1;
    }
    TnObject *yf = gen_yf(g);
    int err = 0;
    if (yf) {
        int st = TN_GEN_SUSPENDED;
        if (!tn_cas(&g->state, &st, TN_GEN_RUNNING)) {
            already_executing(g);
            return -1;
        }
        TN_INCREF(yf);
        err = gen_close_iter(yf);
        tn_store_relaxed(&g->state, TN_GEN_SUSPENDED);
        TN_DECREF(yf);
    }
    if (err == 0)
        tn_err_set_object(&tn_exc_GeneratorExit, NULL);
    TnObject *res = NULL;
    TnSendResult r = gen_raise_in(g, &res, 1);
    if (r == TN_SEND_NEXT) {
        TN_DECREF(res);
        tn_err_format(&tn_exc_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
        return -1;
    }
    if (r == TN_SEND_RETURN) {
        TN_DECREF(res);
        return 0;
    }
    if (tn_err_matches(&tn_exc_StopIteration) || tn_err_matches(&tn_exc_GeneratorExit)) {
        tn_err_clear();
        return 0;
    }
    return -1;
}

/* ---- Python-level methods ------------------------------------------------ */

static TnObject *send_result(TnSendResult r, TnObject *res)
{
    if (r == TN_SEND_NEXT)
        return res;
    if (r == TN_SEND_RETURN) {
        tn_set_stop_iteration(res);
        TN_DECREF(res);
    }
    return NULL;
}

static TnObject *gen_iternext(TnObject *o)
{
    TnObject *res = NULL;
    TnSendResult r = gen_send_ex2((TnGen *)o, tn_None, &res, 0, 0);
    if (r == TN_SEND_NEXT)
        return res;
    if (r == TN_SEND_RETURN) {
        if (res != tn_None)
            tn_set_stop_iteration(res);
        TN_DECREF(res);
    }
    return NULL;
}

static TnObject *gen_send(TnObject *o, TnObject *arg)
{
    TnObject *res = NULL;
    TnSendResult r = gen_send_ex2((TnGen *)o, arg, &res, 0, 0);
    return send_result(r, res);
}

/* The exception instance that throw(type[, value[, traceback]]) or
 * throw(instance) raises: new reference, or NULL with an error. */
static TnObject *throw_args_exception(TnObject *const *args, size_t nargs)
{
    if (nargs < 1)
        return tn_err_format(&tn_exc_TypeError, "throw expected at least 1 argument, got %zu",
                             nargs);
    if (nargs > 3)
        return tn_err_format(&tn_exc_TypeError, "throw expected at most 3 arguments, got %zu",
                             nargs);
    TnObject *typ = args[0];
    TnObject *val = nargs > 1 ? args[1] : tn_None;
    TnObject *tb = nargs > 2 ? args[2] : tn_None;
    TnObject *exc = NULL;
    if (tb != tn_None && !tn_traceback_check(tb))
        return tn_err_format(&tn_exc_TypeError, "throw() third argument must be a traceback object");
    if (tn_type_check(typ) && tn_exc_type_check(typ)) {
        if (val != tn_None && tn_is_instance_fast(val, (TnType *)typ)) {
            exc = tn_newref(val);
        } else if (val == tn_None) {
            exc = tn_call_noargs(typ);
        } else if (tn_tuple_check(val)) {
            exc = tn_call(typ, TN_TUPLE_ITEMS(val), (size_t)TN_TUPLE_SIZE(val), NULL);
        } else {
            exc = tn_call_one(typ, val);
        }
        if (!exc)
            return NULL;
        if (!tn_exc_check(exc)) {
            tn_err_format(&tn_exc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %T",
                          typ, exc);
            TN_DECREF(exc);
            return NULL;
        }
    } else if (tn_exc_check(typ)) {
        if (val != tn_None)
            return tn_err_format(&tn_exc_TypeError,
                                 "instance exception may not have a separate value");
        exc = tn_newref(typ);
    } else {
        return tn_err_format(&tn_exc_TypeError,
                             "exceptions must be classes or instances deriving from "
                             "BaseException, not %T", typ);
    }
    if (tb != tn_None)
        tn_exc_set_traceback(exc, tb);
    return exc;
}

/* throw(value) / throw(type[, value[, traceback]]) */
static TnObject *gen_throw_meth(TnObject *o, TnObject *const *args, size_t nargs)
{
    TnObject *exc = throw_args_exception(args, nargs);
    if (!exc)
        return NULL;
    TnObject *res = NULL;
    TnSendResult r = gen_throw((TnGen *)o, 1, exc, &res);
    TN_DECREF(exc);
    return send_result(r, res);
}

static TnObject *gen_close_meth(TnObject *o, TnObject *unused)
{
    if (tn_gen_close(o) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *gen_iter(TnObject *o)
{
    return tn_newref(o);
}

static TnObject *gen_repr(TnObject *o)
{
    return tn_str_from_format("<%s object %U at %p>", TN_TYPE(o)->tp_name,
                              ((TnGen *)o)->qualname, (void *)o);
}

/* Close a suspended generator that is being destroyed (or finalised by the
 * GC): runs its finally blocks; errors are unraisable. */
static void gen_finalize(TnObject *o)
{
    TnGen *g = (TnGen *)o;
    if (tn_load_relaxed(&g->state) != TN_GEN_SUSPENDED)
        return;
    TnObject *saved = tn_err_fetch();
    if (tn_gen_close(o) < 0)
        tn_err_write_unraisable(o);
    tn_err_restore(saved);
}

static void gen_dealloc(TnObject *o)
{
    TnGen *g = (TnGen *)o;
    if (tn_load_relaxed(&g->state) == TN_GEN_SUSPENDED) {
        /* Resurrect for the duration of close(): Python code runs. */
        tn_incref(o);
        gen_finalize(o);
        if (tn_refcount(o) > 1) {
            tn_decref(o);       /* someone kept it: it lives on */
            return;
        }
    }
    tn_frame_clear(&g->frame);
    TN_DECREF(g->frame.code);
    TN_XDECREF(g->exc_state);
    TN_XDECREF(g->name);
    TN_XDECREF(g->qualname);
    TN_XDECREF(g->yieldfrom);
    tn_object_free(o);
}

static int gen_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnGen *g = (TnGen *)o;
    TnFrame *f = &g->frame;
    int r;
    if (tn_load_relaxed(&g->state) == TN_GEN_CLEARED)
        return 0;
    for (int i = 0; i < f->nlocalsplus + f->stacktop; i++)
        if (f->localsplus[i] && (r = visit(f->localsplus[i], arg)) != 0)
            return r;
    if (f->func && (r = visit(f->func, arg)) != 0)
        return r;
    if (f->globals && (r = visit(f->globals, arg)) != 0)
        return r;
    if (g->exc_state && (r = visit(g->exc_state, arg)) != 0)
        return r;
    return 0;
}

static int gen_clear(TnObject *o)
{
    TnGen *g = (TnGen *)o;
    if (tn_load_relaxed(&g->state) != TN_GEN_RUNNING)
        gen_finish(g);
    return 0;
}

/* ---- attributes ---------------------------------------------------------- */

static TnObject *gen_get_frame(TnObject *o, void *c)
{
    TnGen *g = (TnGen *)o;
    if (tn_load_relaxed(&g->state) == TN_GEN_CLEARED)
        TN_RETURN_NONE;
    TnObject *fo = tn_frame_get_object(&g->frame);
    return fo ? tn_newref(fo) : NULL;
}

static TnObject *gen_get_running(TnObject *o, void *c)
{
    return tn_bool_from(tn_load_relaxed(&((TnGen *)o)->state) == TN_GEN_RUNNING);
}

static TnObject *gen_get_suspended(TnObject *o, void *c)
{
    return tn_bool_from(tn_load_relaxed(&((TnGen *)o)->state) == TN_GEN_SUSPENDED);
}

static TnObject *gen_get_code(TnObject *o, void *c)
{
    return tn_newref((TnObject *)((TnGen *)o)->frame.code);
}

static TnObject *gen_get_yieldfrom(TnObject *o, void *c)
{
    TnObject *yf = gen_yf((TnGen *)o);
    return tn_newref(yf ? yf : tn_None);
}

static TnObject *gen_get_name(TnObject *o, void *c) { return tn_newref(((TnGen *)o)->name); }
static int gen_set_name(TnObject *o, TnObject *v, void *c)
{
    if (!v || !tn_str_check(v)) {
        tn_err_setstr(&tn_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    TN_SETREF(((TnGen *)o)->name, tn_newref(v));
    return 0;
}

static TnObject *gen_get_qualname(TnObject *o, void *c) { return tn_newref(((TnGen *)o)->qualname); }
static int gen_set_qualname(TnObject *o, TnObject *v, void *c)
{
    if (!v || !tn_str_check(v)) {
        tn_err_setstr(&tn_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    TN_SETREF(((TnGen *)o)->qualname, tn_newref(v));
    return 0;
}

static const TnGetSetDef gen_getset[] = {
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static const TnMethodDef gen_methods[] = {
    {"send", (void *)gen_send, TN_METH_O, NULL},
    {"throw", (void *)gen_throw_meth, TN_METH_FAST, NULL},
    {"close", (void *)gen_close_meth, TN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

TnType tn_gen_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "generator",
    .tp_basicsize = sizeof(TnGen),
    .tp_itemsize = sizeof(TnObject *),
    .tp_flags = TN_TPFLAG_GC | TN_TPFLAG_HAVE_FINALIZE,
    .tp_dealloc = gen_dealloc,
    .tp_repr = gen_repr,
    .tp_iter = gen_iter,
    .tp_iternext = gen_iternext,
    .tp_finalize = gen_finalize,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_weaklistoffset = offsetof(TnGen, weakreflist),
};

/* ---- coroutines ------------------------------------------------------------ */

typedef struct {
    TnObject ob;
    TnObject *coro;
} CoroWrapper;

static TnObject *coro_await(TnObject *o, TnObject *unused)
{
    CoroWrapper *w = (CoroWrapper *)tn_object_alloc(&tn_coro_wrapper_type, sizeof(CoroWrapper));
    if (!w)
        return NULL;
    w->coro = tn_newref(o);
    return (TnObject *)w;
}

static TnObject *coro_get_origin(TnObject *o, void *c)
{
    TN_RETURN_NONE;
}

static const TnGetSetDef coro_getset[] = {
    {"cr_frame", gen_get_frame, NULL, NULL, NULL},
    {"cr_running", gen_get_running, NULL, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {"cr_origin", coro_get_origin, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static const TnMethodDef coro_methods[] = {
    {"send", (void *)gen_send, TN_METH_O, NULL},
    {"throw", (void *)gen_throw_meth, TN_METH_FAST, NULL},
    {"close", (void *)gen_close_meth, TN_METH_NOARGS, NULL},
    {"__await__", (void *)coro_await, TN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* Not iterable (no tp_iter): `for x in coro` is a TypeError as in CPython;
 * `await` drives it through YIELD_FROM instead. */
TnType tn_coro_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "coroutine",
    .tp_basicsize = sizeof(TnGen),
    .tp_itemsize = sizeof(TnObject *),
    .tp_flags = TN_TPFLAG_GC | TN_TPFLAG_HAVE_FINALIZE,
    .tp_dealloc = gen_dealloc,
    .tp_repr = gen_repr,
    .tp_finalize = gen_finalize,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
    .tp_weaklistoffset = offsetof(TnGen, weakreflist),
};

/* coroutine.__await__() returns this iterator over the coroutine, so that
 * an `__await__` written in Python can delegate to a coroutine with
 * `yield from coro.__await__()`. */
static TnObject *wrapper_iternext(TnObject *o)
{
    return gen_iternext(((CoroWrapper *)o)->coro);
}

static TnObject *wrapper_send(TnObject *o, TnObject *arg)
{
    return gen_send(((CoroWrapper *)o)->coro, arg);
}

static TnObject *wrapper_throw(TnObject *o, TnObject *const *args, size_t nargs)
{
    return gen_throw_meth(((CoroWrapper *)o)->coro, args, nargs);
}

static TnObject *wrapper_close(TnObject *o, TnObject *unused)
{
    return gen_close_meth(((CoroWrapper *)o)->coro, NULL);
}

static void wrapper_dealloc(TnObject *o)
{
    TN_XDECREF(((CoroWrapper *)o)->coro);
    tn_object_free(o);
}

static int wrapper_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnObject *c = ((CoroWrapper *)o)->coro;
    return c ? visit(c, arg) : 0;
}

static const TnMethodDef wrapper_methods[] = {
    {"send", (void *)wrapper_send, TN_METH_O, NULL},
    {"throw", (void *)wrapper_throw, TN_METH_FAST, NULL},
    {"close", (void *)wrapper_close, TN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

TnType tn_coro_wrapper_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(CoroWrapper),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = wrapper_dealloc,
    .tp_traverse = wrapper_traverse,
    .tp_iter = gen_iter,
    .tp_iternext = wrapper_iternext,
    .tp_methods = wrapper_methods,
};

/* ---- async generators (PEP 525) ---------------------------------------------- */

typedef struct {
    TnObject ob;
    TnObject *value;
} AgWrapped;

static void agw_dealloc(TnObject *o)
{
    TN_XDECREF(((AgWrapped *)o)->value);
    tn_object_free(o);
}

static int agw_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnObject *v = ((AgWrapped *)o)->value;
    return v ? visit(v, arg) : 0;
}

/* Never visible to Python code: only the asend/athrow awaitables see it. */
static TnType agw_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(AgWrapped),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = agw_dealloc,
    .tp_traverse = agw_traverse,
};

TnObject *tn_asyncgen_wrap(TnObject *v)
{
    AgWrapped *w = (AgWrapped *)tn_object_alloc(&agw_type, sizeof(AgWrapped));
    if (!w) {
        TN_DECREF(v);
        return NULL;
    }
    w->value = v;
    return (TnObject *)w;
}

/* The generator's send with async-generator results: its return becomes
 * StopAsyncIteration. */
static TnObject *ag_send(TnGen *g, TnObject *arg)
{
    TnObject *res = NULL;
    TnSendResult r = gen_send_ex2(g, arg, &res, 0, 0);
    if (r == TN_SEND_NEXT)
        return res;
    if (r == TN_SEND_RETURN) {
        TN_DECREF(res);
        tn_err_set_object(&tn_exc_StopAsyncIteration, NULL);
    }
    return NULL;
}

static TnObject *ag_throw(TnGen *g, TnObject *exc, int close_on_genexit)
{
    TnObject *res = NULL;
    TnSendResult r = gen_throw(g, close_on_genexit, exc, &res);
    if (r == TN_SEND_NEXT)
        return res;
    if (r == TN_SEND_RETURN) {
        TN_DECREF(res);
        tn_err_set_object(&tn_exc_StopAsyncIteration, NULL);
    }
    return NULL;
}

/* A value yielded by the body completes the awaitable (StopIteration);
 * anything else is an await inside the body, passed up to the driver. */
static TnObject *ag_unwrap(TnGen *g, TnObject *res)
{
    if (!res) {
        if (!tn_err_occurred())
            tn_err_set_object(&tn_exc_StopAsyncIteration, NULL);
        if (tn_err_matches(&tn_exc_StopAsyncIteration) || tn_err_matches(&tn_exc_GeneratorExit))
            g->ag_closed = 1;
        g->ag_running_async = 0;
        return NULL;
    }
    if (TN_TYPE(res) == &agw_type) {
        TnObject *v = ((AgWrapped *)res)->value;
        tn_set_stop_iteration(v);
        TN_DECREF(res);
        g->ag_running_async = 0;
        return NULL;
    }
    return res;
}

enum { AW_INIT, AW_ITER, AW_CLOSED };

/* The awaitable of __anext__() / asend(v) (athrow/aclose when mode != 0). */
typedef struct {
    TnObject ob;
    TnGen *gen;
    TnObject *arg;        /* asend: the value to send; athrow: the exception; aclose: NULL */
    int state;            /* AW_* */
    int is_throw;         /* athrow() or aclose() */
} AgAwait;

extern TnType tn_asyncgen_asend_type, tn_asyncgen_athrow_type;

static TnObject *ag_await_new(TnType *tp, TnObject *gen, TnObject *arg)
{
    AgAwait *a = (AgAwait *)tn_object_alloc(tp, sizeof(AgAwait));
    if (!a)
        return NULL;
    a->gen = (TnGen *)tn_newref(gen);
    a->arg = arg ? tn_newref(arg) : NULL;
    a->state = AW_INIT;
    a->is_throw = tp == &tn_asyncgen_athrow_type;
    return (TnObject *)a;
}

static void ag_await_dealloc(TnObject *o)
{
    AgAwait *a = (AgAwait *)o;
    TN_XDECREF(a->gen);
    TN_XDECREF(a->arg);
    tn_object_free(o);
}

static int ag_await_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    AgAwait *a = (AgAwait *)o;
    int r;
    if (a->gen && (r = visit((TnObject *)a->gen, arg)) != 0)
        return r;
    return a->arg ? visit(a->arg, arg) : 0;
}

static TnObject *asend_send(TnObject *o, TnObject *arg)
{
    AgAwait *a = (AgAwait *)o;
    if (a->state == AW_CLOSED)
        return tn_err_format(&tn_exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    if (a->state == AW_INIT) {
        if (a->gen->ag_running_async)
            return tn_err_format(&tn_exc_RuntimeError,
                                 "anext(): asynchronous generator is already running");
        if (!arg || arg == tn_None)
            arg = a->arg;
        a->state = AW_ITER;
    }
    a->gen->ag_running_async = 1;
    TnObject *res = ag_unwrap(a->gen, ag_send(a->gen, arg));
    if (!res)
        a->state = AW_CLOSED;
    return res;
}

static TnObject *athrow_send(TnObject *o, TnObject *arg)
{
    AgAwait *a = (AgAwait *)o;
    TnGen *g = a->gen;
    int closing = a->arg == NULL;
    TnObject *res;
    if (a->state == AW_CLOSED)
        return tn_err_format(&tn_exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    if (tn_load_relaxed(&g->state) == TN_GEN_CLEARED) {
        a->state = AW_CLOSED;
        tn_err_set_object(&tn_exc_StopIteration, NULL);
        return NULL;
    }
    if (a->state == AW_INIT) {
        if (g->ag_running_async) {
            a->state = AW_CLOSED;
            return tn_err_format(&tn_exc_RuntimeError,
                                 closing ? "aclose(): asynchronous generator is already running"
                                         : "athrow(): asynchronous generator is already running");
        }
        if (g->ag_closed) {
            a->state = AW_CLOSED;
            tn_err_set_object(&tn_exc_StopAsyncIteration, NULL);
            return NULL;
        }
        if (arg && arg != tn_None)
            return tn_err_format(&tn_exc_RuntimeError,
                                 "can't send non-None value to a just-started coroutine");
        a->state = AW_ITER;
        g->ag_running_async = 1;
        if (closing) {
            g->ag_closed = 1;
            TnObject *ge = tn_call_noargs((TnObject *)&tn_exc_GeneratorExit);
            if (!ge)
                goto check_error;
            res = ag_throw(g, ge, 0);
            TN_DECREF(ge);
            if (res && TN_TYPE(res) == &agw_type) {
                TN_DECREF(res);
                goto yield_close;
            }
        } else {
            res = ag_unwrap(g, ag_throw(g, a->arg, 0));
        }
        if (!res)
            goto check_error;
        return res;
    }
    res = ag_send(g, arg ? arg : tn_None);
    if (!closing)
        return ag_unwrap(g, res);
    if (res) {
        if (TN_TYPE(res) != &agw_type)
            return res;
        TN_DECREF(res);
        goto yield_close;
    }
    goto check_error;

yield_close:
    g->ag_running_async = 0;
    a->state = AW_CLOSED;
    return tn_err_format(&tn_exc_RuntimeError, "async generator ignored GeneratorExit");
check_error:
    g->ag_running_async = 0;
    a->state = AW_CLOSED;
    /* aclose() is complete once the generator stopped, however it stopped. */
    if (closing && (tn_err_matches(&tn_exc_StopAsyncIteration) ||
                    tn_err_matches(&tn_exc_GeneratorExit))) {
        tn_err_clear();
        tn_err_set_object(&tn_exc_StopIteration, NULL);
    }
    return NULL;
}

static TnObject *ag_await_throw(TnObject *o, TnObject *const *args, size_t nargs)
{
    AgAwait *a = (AgAwait *)o;
    if (a->state == AW_CLOSED)
        return tn_err_format(&tn_exc_RuntimeError,
                             a->is_throw ? "cannot reuse already awaited aclose()/athrow()"
                                         : "cannot reuse already awaited __anext__()/asend()");
    TnObject *exc = throw_args_exception(args, nargs);
    if (!exc)
        return NULL;
    TnObject *res = ag_throw(a->gen, exc, 1);
    TN_DECREF(exc);
    if (!a->is_throw || a->arg) {
        res = ag_unwrap(a->gen, res);
        if (!res && !a->is_throw)
            a->state = AW_CLOSED;
        return res;
    }
    /* aclose() mode */
    if (res && TN_TYPE(res) == &agw_type) {
        a->gen->ag_running_async = 0;
        a->state = AW_CLOSED;
        TN_DECREF(res);
        return tn_err_format(&tn_exc_RuntimeError, "async generator ignored GeneratorExit");
    }
    if (!res && (tn_err_matches(&tn_exc_StopAsyncIteration) ||
                 tn_err_matches(&tn_exc_GeneratorExit))) {
        tn_err_clear();
        tn_err_set_object(&tn_exc_StopIteration, NULL);
    }
    return res;
}

static TnObject *ag_await_close(TnObject *o, TnObject *unused)
{
    ((AgAwait *)o)->state = AW_CLOSED;
    TN_RETURN_NONE;
}

static TnObject *asend_iternext(TnObject *o) { return asend_send(o, NULL); }
static TnObject *athrow_iternext(TnObject *o) { return athrow_send(o, NULL); }

static TnObject *ag_await_self(TnObject *o, TnObject *unused) { return tn_newref(o); }

static const TnMethodDef asend_methods[] = {
    {"send", (void *)asend_send, TN_METH_O, NULL},
    {"throw", (void *)ag_await_throw, TN_METH_FAST, NULL},
    {"close", (void *)ag_await_close, TN_METH_NOARGS, NULL},
    {"__await__", (void *)ag_await_self, TN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static const TnMethodDef athrow_methods[] = {
    {"send", (void *)athrow_send, TN_METH_O, NULL},
    {"throw", (void *)ag_await_throw, TN_METH_FAST, NULL},
    {"close", (void *)ag_await_close, TN_METH_NOARGS, NULL},
    {"__await__", (void *)ag_await_self, TN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

TnType tn_asyncgen_asend_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(AgAwait),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = ag_await_dealloc,
    .tp_traverse = ag_await_traverse,
    .tp_iter = gen_iter,
    .tp_iternext = asend_iternext,
    .tp_methods = asend_methods,
};

TnType tn_asyncgen_athrow_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(AgAwait),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = ag_await_dealloc,
    .tp_traverse = ag_await_traverse,
    .tp_iter = gen_iter,
    .tp_iternext = athrow_iternext,
    .tp_methods = athrow_methods,
};

static TnObject *ag_anext(TnObject *o, TnObject *unused)
{
    return ag_await_new(&tn_asyncgen_asend_type, o, tn_None);
}

static TnObject *ag_asend(TnObject *o, TnObject *v)
{
    return ag_await_new(&tn_asyncgen_asend_type, o, v);
}

static TnObject *ag_athrow(TnObject *o, TnObject *const *args, size_t nargs)
{
    TnObject *exc = throw_args_exception(args, nargs);
    if (!exc)
        return NULL;
    TnObject *r = ag_await_new(&tn_asyncgen_athrow_type, o, exc);
    TN_DECREF(exc);
    return r;
}

static TnObject *ag_aclose(TnObject *o, TnObject *unused)
{
    return ag_await_new(&tn_asyncgen_athrow_type, o, NULL);
}

static TnObject *ag_get_running(TnObject *o, void *c)
{
    return tn_bool_from(((TnGen *)o)->ag_running_async);
}

static const TnGetSetDef ag_getset[] = {
    {"ag_frame", gen_get_frame, NULL, NULL, NULL},
    {"ag_running", ag_get_running, NULL, NULL, NULL},
    {"ag_code", gen_get_code, NULL, NULL, NULL},
    {"ag_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static const TnMethodDef ag_methods[] = {
    {"__aiter__", (void *)ag_await_self, TN_METH_NOARGS, NULL},
    {"__anext__", (void *)ag_anext, TN_METH_NOARGS, NULL},
    {"asend", (void *)ag_asend, TN_METH_O, NULL},
    {"athrow", (void *)ag_athrow, TN_METH_FAST, NULL},
    {"aclose", (void *)ag_aclose, TN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

TnType tn_asyncgen_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "async_generator",
    .tp_basicsize = sizeof(TnGen),
    .tp_itemsize = sizeof(TnObject *),
    .tp_flags = TN_TPFLAG_GC | TN_TPFLAG_HAVE_FINALIZE,
    .tp_dealloc = gen_dealloc,
    .tp_repr = gen_repr,
    .tp_finalize = gen_finalize,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_methods = ag_methods,
    .tp_getset = ag_getset,
    .tp_weaklistoffset = offsetof(TnGen, weakreflist),
};

int tn_gen_init(void)
{
    TnType *types[] = { &tn_gen_type, &tn_coro_type, &tn_coro_wrapper_type, &tn_asyncgen_type,
                        &tn_asyncgen_asend_type, &tn_asyncgen_athrow_type, &agw_type };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (tn_type_ready(types[i]) < 0)
            return -1;
    return 0;
}
