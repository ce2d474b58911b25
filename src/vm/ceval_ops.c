/* The eval loop's out-of-line opcode bodies: everything not hot enough to
 * deserve space in tn_eval_frame's C frame (vm_internal.h). */
#include "tandem/tandem.h"
#include "tandem/eval.h"
#include "tandem/func.h"
#include "tandem/gen.h"
#include "tandem/exc.h"
#include "tandem/module.h"
#include "tandem/descr.h"
#include "tandem/opcodes.h"
#include "vm_internal.h"
#include <stdio.h>

/* ---- names ------------------------------------------------------------ */

static TnObject *name_of_local(TnCode *co, int i)
{
    return TN_TUPLE_GET(co->co_varnames, i);
}

static TnObject *name_of_deref(TnCode *co, int i)
{
    return i < co->co_ncells ? TN_TUPLE_GET(co->co_cellvars, i)
                             : TN_TUPLE_GET(co->co_freevars, i - co->co_ncells);
}

void tn_vm_unbound_local(TnCode *co, int oparg)
{
    tn_err_format(&tn_exc_UnboundLocalError,
                  "cannot access local variable '%U' where it is not associated with a value",
                  name_of_local(co, oparg));
}

void tn_vm_unbound_deref(TnCode *co, int oparg)
{
    if (oparg < co->co_ncells)
        tn_err_format(&tn_exc_UnboundLocalError,
                      "cannot access local variable '%U' where it is not associated with a value",
                      name_of_deref(co, oparg));
    else
        tn_err_format(&tn_exc_NameError,
                      "cannot access free variable '%U' where it is not associated with a value"
                      " in enclosing scope", name_of_deref(co, oparg));
}

static void name_error(TnObject *name)
{
    tn_err_format(&tn_exc_NameError, "name '%U' is not defined", name);
}

/* Lookup in a mapping that may not be a dict: 1 found, 0 missing, -1 error. */
static int mapping_get(TnObject *m, TnObject *key, TnObject **out)
{
    if (tn_dict_check_exact(m))
        return tn_dict_get_ref(m, key, out);
    *out = tn_object_getitem(m, key);
    if (*out)
        return 1;
    if (tn_err_matches(&tn_exc_KeyError)) {
        tn_err_clear();
        return 0;
    }
    return -1;
}

TnObject *tn_vm_load_global_slow(TnFrame *f, TnObject *name)
{
    TnObject *v = NULL;
    int r = tn_dict_get_ref(f->globals, name, &v);
    if (r != 0)
        return r > 0 ? v : NULL;
    r = mapping_get(f->builtins, name, &v);
    if (r != 0)
        return r > 0 ? v : NULL;
    name_error(name);
    return NULL;
}

TnObject *tn_vm_load_name(TnFrame *f, TnObject *name)
{
    TnObject *v = NULL;
    if (!f->locals)
        return tn_err_format(&tn_exc_SystemError, "no locals when loading '%U'", name);
    int r = mapping_get(f->locals, name, &v);
    if (r != 0)
        return r > 0 ? v : NULL;
    if (f->locals == f->globals) {
        /* Module body: globals were just searched; go to builtins. */
        r = mapping_get(f->builtins, name, &v);
        if (r != 0)
            return r > 0 ? v : NULL;
        name_error(name);
        return NULL;
    }
    return tn_vm_load_global_slow(f, name);
}

int tn_vm_store_name(TnFrame *f, TnObject *name, TnObject *v)
{
    if (!f->locals) {
        tn_err_format(&tn_exc_SystemError, "no locals found when storing '%U'", name);
        return -1;
    }
    tn_set_deferred_global(v);
    if (tn_dict_check_exact(f->locals))
        return tn_dict_setitem(f->locals, name, v);
    return tn_object_setitem(f->locals, name, v);
}

int tn_vm_delete_name(TnFrame *f, TnObject *name)
{
    if (!f->locals) {
        tn_err_format(&tn_exc_SystemError, "no locals when deleting '%U'", name);
        return -1;
    }
    int r = tn_dict_check_exact(f->locals) ? tn_dict_delitem(f->locals, name)
                                           : tn_object_delitem(f->locals, name);
    if (r < 0 && tn_err_matches(&tn_exc_KeyError)) {
        tn_err_clear();
        name_error(name);
    }
    return r;
}

TnObject *tn_vm_load_classderef(TnFrame *f, int oparg)
{
    TnCode *co = f->code;
    TnObject *name = name_of_deref(co, oparg), *v = NULL;
    if (f->locals) {
        int r = mapping_get(f->locals, name, &v);
        if (r != 0)
            return r > 0 ? v : NULL;
    }
    v = tn_cell_get(f->localsplus[co->co_nlocals + oparg]);
    if (!v)
        tn_vm_unbound_deref(co, oparg);
    return v;
}

int tn_vm_setup_annotations(TnFrame *f)
{
    if (!f->locals) {
        tn_err_setstr(&tn_exc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    TnObject *v = NULL;
    int r = mapping_get(f->locals, TN_ID(__annotations__), &v);
    if (r != 0) {
        TN_XDECREF(v);
        return r > 0 ? 0 : -1;
    }
    TnObject *d = tn_dict_new();
    if (!d)
        return -1;
    r = tn_vm_store_name(f, TN_ID(__annotations__), d);
    TN_DECREF(d);
    return r;
}

/* ---- raise / except --------------------------------------------------- */

/* Steals exc and cause. Returns 1 for a bare re-raise (exception restored
 * as is), 0 with the new exception set, -1 on an error raising it. */
int tn_vm_do_raise(TnObject *exc, TnObject *cause)
{
    TnThreadState *ts = tn_ts();
    TnObject *value = NULL;
    if (!exc) {
        TnObject *cur = ts->exc_info;
        if (!cur || cur == tn_None) {
            tn_err_setstr(&tn_exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        tn_err_restore(tn_newref(cur));
        return 1;
    }
    if (tn_type_check(exc) && tn_exc_type_check(exc)) {
        value = tn_call_noargs(exc);
        if (!value)
            goto error;
        if (!tn_exc_check(value)) {
            tn_err_format(&tn_exc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %T",
                          exc, value);
            goto error;
        }
    } else if (tn_exc_check(exc)) {
        value = tn_newref(exc);
    } else {
        tn_err_setstr(&tn_exc_TypeError, "exceptions must derive from BaseException");
        goto error;
    }
    if (cause) {
        TnObject *fixed = NULL;
        if (tn_type_check(cause) && tn_exc_type_check(cause)) {
            fixed = tn_call_noargs(cause);
            if (!fixed)
                goto error;
        } else if (tn_exc_check(cause)) {
            fixed = tn_newref(cause);
        } else if (cause != tn_None) {
            tn_err_setstr(&tn_exc_TypeError, "exception causes must derive from BaseException");
            goto error;
        }
        tn_exc_set_cause(value, fixed);
        TN_XDECREF(fixed);
    }
    TN_DECREF(exc);
    TN_XDECREF(cause);
    tn_err_set(value);
    return 0;
error:
    TN_XDECREF(value);
    TN_DECREF(exc);
    TN_XDECREF(cause);
    return -1;
}

int tn_vm_check_except_type(TnObject *right)
{
    if (tn_tuple_check(right)) {
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(right); i++) {
            TnObject *t = TN_TUPLE_GET(right, i);
            if (!tn_type_check(t) || !tn_exc_type_check(t))
                goto bad;
        }
        return 0;
    }
    if (tn_type_check(right) && tn_exc_type_check(right))
        return 0;
bad:
    tn_err_setstr(&tn_exc_TypeError,
                  "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

/* ---- with ------------------------------------------------------------- */

/* type(o).name bound to o, or NULL without an exception when missing. */
static TnObject *special_lookup(TnObject *o, TnObject *name)
{
    TnObject *d = tn_type_lookup(TN_TYPE(o), name);
    if (!d)
        return NULL;
    TnType *dt = TN_TYPE(d);
    if (dt->tp_descr_get)
        return dt->tp_descr_get(d, o, (TnObject *)TN_TYPE(o));
    return tn_newref(d);
}

TnObject *tn_vm_setup_with(TnObject *mgr, TnObject **exit_out)
{
    TnObject *enter = special_lookup(mgr, TN_ID(__enter__));
    if (!enter) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError,
                          "'%T' object does not support the context manager protocol", mgr);
        return NULL;
    }
    TnObject *exit = special_lookup(mgr, TN_ID(__exit__));
    if (!exit) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError,
                          "'%T' object does not support the context manager protocol "
                          "(missed __exit__ method)", mgr);
        TN_DECREF(enter);
        return NULL;
    }
    TnObject *res = tn_call_noargs(enter);
    TN_DECREF(enter);
    if (!res) {
        TN_DECREF(exit);
        return NULL;
    }
    *exit_out = exit;
    return res;
}

/* ---- coroutines ----------------------------------------------------------- */

/* The iterator that `await o` drives (CPython's _PyCoro_GetAwaitableIter);
 * `where` picks the message for async with (see GET_AWAITABLE). */
TnObject *tn_vm_get_awaitable(TnObject *o, int where)
{
    TnObject *it;
    if (tn_coro_check(o)) {
        it = tn_newref(o);
    } else {
        TnObject *meth = special_lookup(o, TN_ID(__await__));
        if (!meth) {
            if (tn_err_occurred())
                return NULL;
            if (where == 0)
                return tn_err_format(&tn_exc_TypeError,
                                     "object %T can't be used in 'await' expression", o);
            return tn_err_format(&tn_exc_TypeError,
                                 "'async with' received an object from %s "
                                 "that does not implement __await__: %T",
                                 where == 1 ? "__aenter__" : "__aexit__", o);
        }
        it = tn_call_noargs(meth);
        TN_DECREF(meth);
        if (!it)
            return NULL;
        if (tn_coro_check(it)) {
            TN_DECREF(it);
            return tn_err_format(&tn_exc_TypeError, "__await__() returned a coroutine");
        }
        if (!TN_TYPE(it)->tp_iternext) {
            tn_err_format(&tn_exc_TypeError, "__await__() returned non-iterator of type '%T'", it);
            TN_DECREF(it);
            return NULL;
        }
    }
    if (tn_coro_check(it) && tn_gen_yf(it)) {
        TN_DECREF(it);
        return tn_err_format(&tn_exc_RuntimeError, "coroutine is being awaited already");
    }
    return it;
}

TnObject *tn_vm_get_aiter(TnObject *o)
{
    TnObject *meth = special_lookup(o, TN_ID(__aiter__));
    if (!meth) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError,
                          "'async for' requires an object with __aiter__ method, got %T", o);
        return NULL;
    }
    TnObject *it = tn_call_noargs(meth);
    TN_DECREF(meth);
    if (!it)
        return NULL;
    if (!tn_type_lookup(TN_TYPE(it), TN_ID(__anext__))) {
        tn_err_format(&tn_exc_TypeError,
                      "'async for' received an object from __aiter__ that does not "
                      "implement __anext__: %T", it);
        TN_DECREF(it);
        return NULL;
    }
    return it;
}

TnObject *tn_vm_get_anext(TnObject *aiter)
{
    TnObject *meth = special_lookup(aiter, TN_ID(__anext__));
    if (!meth) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError,
                          "'async for' requires an iterator with __anext__ method, got %T",
                          aiter);
        return NULL;
    }
    TnObject *next = tn_call_noargs(meth);
    TN_DECREF(meth);
    if (!next)
        return NULL;
    TnObject *aw = tn_vm_get_awaitable(next, 0);
    if (!aw && tn_err_matches(&tn_exc_TypeError)) {
        /* Name the culprit, keeping the original error as the cause. */
        TnObject *cause = tn_err_fetch();
        tn_err_format(&tn_exc_TypeError,
                      "'async for' received an invalid object from __anext__: %T", next);
        TnObject *e = tn_err_fetch();
        if (e) {
            tn_exc_set_cause(e, cause);
            tn_exc_set_context(e, cause);
            tn_err_restore(e);
        }
        TN_DECREF(cause);
    }
    TN_DECREF(next);
    return aw;
}

TnObject *tn_vm_before_async_with(TnObject *mgr, TnObject **exit_out)
{
    TnObject *enter = special_lookup(mgr, TN_ID(__aenter__));
    if (!enter) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError,
                          "'%T' object does not support the asynchronous context manager protocol",
                          mgr);
        return NULL;
    }
    TnObject *exit = special_lookup(mgr, TN_ID(__aexit__));
    if (!exit) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError,
                          "'%T' object does not support the asynchronous context manager "
                          "protocol (missed __aexit__ method)", mgr);
        TN_DECREF(enter);
        return NULL;
    }
    TnObject *res = tn_call_noargs(enter);
    TN_DECREF(enter);
    if (!res) {
        TN_DECREF(exit);
        return NULL;
    }
    *exit_out = exit;
    return res;
}

TnObject *tn_vm_with_except_start(TnObject *exit, TnObject *exc)
{
    TnObject *tb = tn_exc_get_traceback(exc);
    TnObject *args[3] = { (TnObject *)TN_TYPE(exc), exc, tb ? tb : tn_None };
    return tn_call(exit, args, 3, NULL);
}

/* ---- unpacking ---------------------------------------------------------- */

/* Store the items of v below `top` (top[-1] = first item), CPython's
 * unpack_iterable. argcntafter -1: exactly argcnt items; else a starred
 * target takes the middle as a list. */
int tn_vm_unpack(TnObject *v, int argcnt, int argcntafter, TnObject **top)
{
    TnObject **sp = top;
    int i = 0;
    TnObject *it = tn_object_iter(v), *w, *l = NULL;
    if (!it) {
        if (tn_err_matches(&tn_exc_TypeError) && !TN_TYPE(v)->tp_iter && !TN_TYPE(v)->sq_item) {
            tn_err_clear();
            tn_err_format(&tn_exc_TypeError, "cannot unpack non-iterable %T object", v);
        }
        return -1;
    }
    for (; i < argcnt; i++) {
        w = tn_iter_next(it);
        if (!w) {
            if (!tn_err_occurred()) {
                if (argcntafter == -1)
                    tn_err_format(&tn_exc_ValueError,
                                  "not enough values to unpack (expected %d, got %d)", argcnt, i);
                else
                    tn_err_format(&tn_exc_ValueError,
                                  "not enough values to unpack (expected at least %d, got %d)",
                                  argcnt + argcntafter, i);
            }
            goto error;
        }
        *--sp = w;
    }
    if (argcntafter == -1) {
        w = tn_iter_next(it);
        if (w) {
            TN_DECREF(w);
            tn_err_format(&tn_exc_ValueError, "too many values to unpack (expected %d)", argcnt);
            goto error;
        }
        if (tn_err_occurred())
            goto error;
        TN_DECREF(it);
        return 0;
    }
    l = tn_sequence_list(it);
    if (!l)
        goto error;
    *--sp = l;
    i++;
    tn_ssize_t ll = tn_list_size(l);
    if (ll < argcntafter) {
        tn_err_format(&tn_exc_ValueError,
                      "not enough values to unpack (expected at least %d, got %zd)",
                      argcnt + argcntafter, (tn_ssize_t)argcnt + ll);
        goto error;
    }
    /* The list is ours alone: move its tail onto the stack and shrink it. */
    TnObject **items = TN_LIST_ITEMS(l);
    for (int j = argcntafter; j > 0; j--, i++)
        *--sp = items[ll - j];
    tn_store_relaxed(&((TnList *)l)->ob_size, ll - argcntafter);
    TN_DECREF(it);
    return 0;
error:
    for (TnObject **p = top - 1; p >= sp; p--)
        TN_DECREF(*p);
    TN_DECREF(it);
    return -1;
}

/* ---- strings ------------------------------------------------------------ */

TnObject *tn_vm_format_value(TnObject *value, TnObject *spec, int conversion)
{
    TnObject *v;
    switch (conversion) {
    case TN_FVC_STR: v = tn_object_str(value); break;
    case TN_FVC_REPR: v = tn_object_repr(value); break;
    case TN_FVC_ASCII: v = tn_object_ascii(value); break;
    default: v = tn_newref(value); break;
    }
    if (!v)
        return NULL;
    if (!spec && tn_str_check_exact(v))
        return v;
    TnObject *r = tn_object_format(v, spec);
    TN_DECREF(v);
    return r;
}

TnObject *tn_vm_build_string(TnObject **items, int n)
{
    TnStrBuilder sb;
    tn_sb_init(&sb);
    for (int i = 0; i < n; i++) {
        if (tn_sb_append_str(&sb, items[i]) < 0) {
            tn_sb_discard(&sb);
            return NULL;
        }
    }
    return tn_sb_finish(&sb);
}

int tn_vm_print_expr(TnObject *v)
{
    TnObject *hook = NULL;
    if (tn_runtime.sys && tn_object_lookup_attr(tn_runtime.sys, tn_str_intern_cstr("displayhook"),
                                                &hook) < 0)
        return -1;
    if (hook) {
        TnObject *r = tn_call_one(hook, v);
        TN_DECREF(hook);
        if (!r)
            return -1;
        TN_DECREF(r);
        return 0;
    }
    if (v == tn_None)
        return 0;
    /* No sys.displayhook: write repr(v) to sys.stdout, then set builtins._. */
    TnObject *r = tn_object_repr(v);
    if (!r)
        return -1;
    TnObject *out = NULL;
    int err = 0;
    if (tn_runtime.sys && tn_object_lookup_attr(tn_runtime.sys, TN_ID(stdout), &out) < 0)
        err = -1;
    if (!err && out) {
        TnObject *nl = tn_str_from_cstr("\n"), *res;
        res = tn_call_method(out, TN_ID(write), &r, 1);
        err = res ? 0 : -1;
        TN_XDECREF(res);
        if (!err && nl) {
            res = tn_call_method(out, TN_ID(write), &nl, 1);
            err = res ? 0 : -1;
            TN_XDECREF(res);
        }
        TN_XDECREF(nl);
    } else if (!err) {
        fputs(TN_STR_DATA(r), stdout);
        fputc('\n', stdout);
    }
    TN_XDECREF(out);
    TN_DECREF(r);
    if (!err && tn_runtime.builtins_dict)
        err = tn_dict_setitem_str(tn_runtime.builtins_dict, "_", v);
    return err;
}

/* ---- calls -------------------------------------------------------------- */

TnObject *tn_vm_func_desc(TnObject *func)
{
    TnObject *qualname = NULL, *module = NULL, *r = NULL;
    if (tn_object_lookup_attr(func, TN_ID(__qualname__), &qualname) < 0)
        return NULL;
    if (!qualname || !tn_str_check(qualname)) {
        TN_XDECREF(qualname);
        return tn_str_from_format("%T object", func);
    }
    if (tn_object_lookup_attr(func, TN_ID(__module__), &module) < 0) {
        TN_DECREF(qualname);
        return NULL;
    }
    if (module && tn_str_check(module) && !tn_str_eq_cstr(module, "builtins"))
        r = tn_str_from_format("%U.%U()", module, qualname);
    else
        r = tn_str_from_format("%U()", qualname);
    TN_XDECREF(module);
    TN_DECREF(qualname);
    return r;
}

static int is_mapping(TnObject *o)
{
    return tn_dict_check(o) || TN_TYPE(o)->mp_subscript != NULL;
}

/* DICT_UPDATE (merge 0: {**a}) and DICT_MERGE (merge 1: f(**a), where
 * duplicate keys are an error naming func). */
int tn_vm_dict_merge(TnObject *func, TnObject *dict, TnObject *update, int merge)
{
    if (!merge) {
        if (!is_mapping(update)) {
            tn_err_format(&tn_exc_TypeError, "'%T' object is not a mapping", update);
            return -1;
        }
        return tn_dict_update(dict, update);
    }
    if (!is_mapping(update)) {
        TnObject *desc = tn_vm_func_desc(func);
        if (desc) {
            tn_err_format(&tn_exc_TypeError, "%U argument after ** must be a mapping, not %T",
                          desc, update);
            TN_DECREF(desc);
        }
        return -1;
    }
    TnObject *keys = NULL;
    if (tn_dict_check(update)) {
        keys = tn_dict_keys_list(update);
    } else {
        TnObject *k = tn_call_method(update, TN_ID(keys), NULL, 0);
        if (k) {
            keys = tn_sequence_list(k);
            TN_DECREF(k);
        }
    }
    if (!keys)
        return -1;
    int err = 0;
    for (tn_ssize_t i = 0; i < tn_list_size(keys) && !err; i++) {
        TnObject *key = TN_LIST_ITEMS(keys)[i];
        int has = tn_dict_contains(dict, key);
        if (has < 0) {
            err = -1;
        } else if (has) {
            TnObject *desc = tn_vm_func_desc(func);
            if (desc) {
                if (tn_str_check(key))
                    tn_err_format(&tn_exc_TypeError,
                                  "%U got multiple values for keyword argument '%U'", desc, key);
                else
                    tn_err_setstr(&tn_exc_TypeError, "keywords must be strings");
                TN_DECREF(desc);
            }
            err = -1;
        } else {
            TnObject *v = tn_object_getitem(update, key);
            if (!v || tn_dict_setitem(dict, key, v) < 0)
                err = -1;
            TN_XDECREF(v);
        }
    }
    TN_DECREF(keys);
    return err;
}

int tn_vm_list_extend(TnObject *list, TnObject *iterable)
{
    if (tn_list_extend(list, iterable) == 0)
        return 0;
    if (tn_err_matches(&tn_exc_TypeError) && !TN_TYPE(iterable)->tp_iter
        && !TN_TYPE(iterable)->sq_item) {
        tn_err_clear();
        tn_err_format(&tn_exc_TypeError, "Value after * must be an iterable, not %T", iterable);
    }
    return -1;
}

TnObject *tn_vm_call_ex(TnObject *func, TnObject *args, TnObject *kwargs)
{
    TnObject *argt = NULL, *kwd = NULL, *kwnames = NULL, *res = NULL;
    TnObject **argv = NULL;
    if (tn_tuple_check_exact(args)) {
        argt = tn_newref(args);
    } else {
        if (!TN_TYPE(args)->tp_iter && !TN_TYPE(args)->sq_item) {
            TnObject *desc = tn_vm_func_desc(func);
            if (desc) {
                tn_err_format(&tn_exc_TypeError, "%U argument after * must be an iterable, not %T",
                              desc, args);
                TN_DECREF(desc);
            }
            return NULL;
        }
        argt = tn_sequence_tuple(args);
        if (!argt)
            return NULL;
    }
    size_t nargs = (size_t)TN_TUPLE_SIZE(argt), nkw = 0;
    if (kwargs) {
        if (tn_dict_check_exact(kwargs)) {
            kwd = tn_newref(kwargs);
        } else {
            kwd = tn_dict_new();
            if (!kwd || tn_vm_dict_merge(func, kwd, kwargs, 1) < 0)
                goto done;
        }
        nkw = (size_t)tn_dict_size(kwd);
    }
    if (nkw == 0) {
        res = TN_TYPE(func) == &tn_function_type
              ? tn_function_vectorcall(func, TN_TUPLE_ITEMS(argt), nargs, NULL)
              : tn_call(func, TN_TUPLE_ITEMS(argt), nargs, NULL);
        goto done;
    }
    argv = tn_mem_alloc((nargs + nkw) * sizeof(TnObject *));
    kwnames = tn_tuple_new((tn_ssize_t)nkw);
    if (!argv || !kwnames)
        goto done;
    for (size_t i = 0; i < nargs; i++)
        argv[i] = TN_TUPLE_GET(argt, i);
    {
        tn_ssize_t pos = 0;
        size_t k = 0;
        TnObject *key, *value;
        while (k < nkw && tn_dict_next(kwd, &pos, &key, &value)) {
            if (!tn_str_check(key)) {
                TN_DECREF(key);
                TN_DECREF(value);
                tn_err_setstr(&tn_exc_TypeError, "keywords must be strings");
                goto release_values;
            }
            TN_TUPLE_SET(kwnames, k, key);         /* steals key */
            argv[nargs + k] = value;                /* released below */
            k++;
        }
        if (k < nkw) {   /* the dict shrank under us: call with what we have */
            TnObject *shorter = tn_tuple_getslice(kwnames, 0, (tn_ssize_t)k);
            for (size_t j = k; j < nkw; j++)
                TN_TUPLE_SET(kwnames, j, tn_newref(tn_None));
            if (!shorter)
                goto release_values;
            TN_SETREF(kwnames, shorter);
        }
        res = tn_call(func, argv, nargs, kwnames);
    release_values:
        for (size_t j = 0; j < k; j++)
            TN_DECREF(argv[nargs + j]);
    }
done:
    if (kwnames) {
        /* Partially filled on an error path: fill holes before freeing. */
        for (tn_ssize_t j = 0; j < TN_TUPLE_SIZE(kwnames); j++)
            if (!TN_TUPLE_GET(kwnames, j))
                TN_TUPLE_SET(kwnames, j, tn_newref(tn_None));
        TN_DECREF(kwnames);
    }
    tn_mem_free(argv);
    TN_XDECREF(kwd);
    TN_XDECREF(argt);
    return res;
}

/* MAKE_FUNCTION: sp[-1] qualname, sp[-2] code, then (from the top down)
 * closure, annotations, kwdefaults, defaults as flagged. Borrowed. */
TnObject *tn_vm_make_function(TnObject **sp, int flags, TnFrame *f)
{
    TnObject *qualname = sp[-1], *code = sp[-2];
    TnObject **p = sp - 2;
    TnFunction *fn = (TnFunction *)tn_function_new(code, f->globals, qualname);
    if (!fn)
        return NULL;
    if (flags & 0x8)
        fn->closure = tn_newref(*--p);
    if (flags & 0x4)
        fn->annotations = tn_newref(*--p);
    if (flags & 0x2)
        fn->kwdefaults = tn_newref(*--p);
    if (flags & 0x1)
        fn->defaults = tn_newref(*--p);
    return (TnObject *)fn;
}

/* ---- generators --------------------------------------------------------- */

TnObject *tn_vm_get_yield_from_iter(TnObject *o)
{
    /* `yield from` is a SyntaxError inside async def, so this generator is
     * never a coroutine itself. */
    if (tn_coro_check(o))
        return tn_err_format(&tn_exc_TypeError,
                             "cannot 'yield from' a coroutine object in a non-coroutine generator");
    if (tn_gen_check(o))
        return tn_newref(o);
    return tn_object_iter(o);
}

int tn_vm_send(TnObject *receiver, TnObject *v, TnObject **out)
{
    if (tn_gen_like_check(receiver)) {
        TnSendResult r = tn_gen_send_ex(receiver, v, out);
        return r == TN_SEND_NEXT ? 1 : r == TN_SEND_RETURN ? 0 : -1;
    }
    TnObject *res;
    if (v == tn_None && TN_TYPE(receiver)->tp_iternext)
        res = TN_TYPE(receiver)->tp_iternext(receiver);
    else
        res = tn_call_method(receiver, TN_ID(send), &v, 1);
    if (res) {
        *out = res;
        return 1;
    }
    if (tn_err_occurred()) {
        if (!tn_err_matches(&tn_exc_StopIteration))
            return -1;
        *out = tn_fetch_stop_iteration_value();
        return *out ? 0 : -1;
    }
    *out = tn_newref(tn_None);
    return 0;
}
