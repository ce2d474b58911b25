/* The error API (error.h): raising, inspecting and clearing the current
 * exception of the calling thread. The exception lives in its thread
 * state, so nothing here is shared between threads. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include "../objects/type_internal.h"
#include "tandem/exc.h"

/* Chain `exc` to the exception being handled (implicit __context__), as
 * CPython's _PyErr_SetObject does, cutting any cycle the link would form. */
static void chain_context(TnObject *exc)
{
    TnThreadState *ts = tn_ts();
    TnObject *handled = ts ? ts->exc_info : NULL;
    if (!handled || handled == exc || handled == tn_None || !tn_exc_check(handled) || !tn_exc_check(exc))
        return;
    /* walk handled's context chain; if exc is on it, unlink it there */
    TnObject *o = handled;
    int depth = 0;
    while (o && depth++ < 10000) {
        TnObject *ctx = ((TnBaseException *)o)->context;
        if (ctx == exc) {
            ((TnBaseException *)o)->context = NULL;
            tn_decref(ctx);
            break;
        }
        o = ctx;
    }
    tn_exc_set_context(exc, handled);
}

void tn_err_set(TnObject *exc)
{
    TnThreadState *ts = tn_ts();
    if (exc)
        chain_context(exc);
    TnObject *old = ts->curexc;
    ts->curexc = exc;
    TN_XDECREF(old);
}

void tn_err_restore(TnObject *exc)
{
    TnThreadState *ts = tn_ts();
    TnObject *old = ts->curexc;
    ts->curexc = exc;
    TN_XDECREF(old);
}

void tn_err_set_object(TnType *t, TnObject *value)
{
    TnObject *exc;
    if (value && tn_exc_check(value) && tn_type_is_subtype(TN_TYPE(value), t)) {
        exc = tn_newref(value);
    } else {
        /* keep a pending exception raised while building this one */
        TnObject *pending = tn_err_fetch();
        exc = value ? tn_call_one((TnObject *)t, value) : tn_call_noargs((TnObject *)t);
        if (!exc) {
            TN_XDECREF(pending);
            return;     /* the constructor's error is set instead */
        }
        TN_XDECREF(pending);
        if (!tn_exc_check(exc)) {
            tn_decref(exc);
            tn_err_format(&tn_exc_TypeError,
                          "calling %s should have returned an instance of BaseException, not %s",
                          tn_type_name(t), tn_type_name(TN_TYPE(exc)));
            return;
        }
    }
    tn_err_set(exc);
}

void tn_err_setstr(TnType *t, const char *msg)
{
    TnObject *s = tn_str_from_cstr(msg);
    if (!s)
        return;
    tn_err_set_object(t, s);
    tn_decref(s);
}

TnObject *tn_err_format(TnType *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    TnObject *msg = tn_str_from_formatv(fmt, ap);
    va_end(ap);
    if (msg) {
        tn_err_set_object(t, msg);
        tn_decref(msg);
    }
    return NULL;
}

TnObject *tn_err_nomemory(void)
{
    TnThreadState *ts = tn_ts();
    if (!ts)
        return NULL;
    if (tn_memory_error_instance) {
        /* preallocated and immortal: raising it allocates nothing */
        TnObject *old = ts->curexc;
        ts->curexc = tn_memory_error_instance;
        TN_XDECREF(old);
    }
    return NULL;
}

TnObject *tn_err_from_errno(TnType *t, const char *filename)
{
    int e = errno;
    if (e == EINTR) {
        /* a signal handler may have raised (KeyboardInterrupt) */
        if (tn_err_occurred())
            return NULL;
    }
    TnObject *num = tn_int_from_i64(e);
    TnObject *msg = tn_str_from_cstr(e ? strerror(e) : "Error");
    TnObject *fn = filename ? tn_str_from_cstr(filename) : NULL;
    if (!num || !msg || (filename && !fn))
        goto done;
    TnObject *args[3] = { num, msg, fn };
    TnObject *exc = tn_call((TnObject *)t, args, fn ? 3 : 2, NULL);
    if (exc)
        tn_err_set(exc);
done:
    TN_XDECREF(num);
    TN_XDECREF(msg);
    TN_XDECREF(fn);
    return NULL;
}

TnObject *tn_err_occurred(void)
{
    return tn_ts()->curexc;
}

int tn_exc_matches(TnObject *exc, TnObject *type_or_tuple)
{
    if (!exc)
        return 0;
    if (tn_tuple_check(type_or_tuple)) {
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(type_or_tuple); i++)
            if (tn_exc_matches(exc, TN_TUPLE_GET(type_or_tuple, i)))
                return 1;
        return 0;
    }
    if (!tn_type_check(type_or_tuple))
        return 0;
    TnType *et = tn_type_check(exc) ? (TnType *)exc : TN_TYPE(exc);
    return tn_type_is_subtype(et, (TnType *)type_or_tuple);
}

int tn_err_matches(TnType *t)
{
    TnObject *exc = tn_ts()->curexc;
    return exc && tn_type_is_subtype(TN_TYPE(exc), t);
}

void tn_err_clear(void)
{
    TnThreadState *ts = tn_ts();
    TnObject *old = ts->curexc;
    ts->curexc = NULL;
    TN_XDECREF(old);
}

TnObject *tn_err_fetch(void)
{
    TnThreadState *ts = tn_ts();
    TnObject *e = ts->curexc;
    ts->curexc = NULL;
    return e;
}
