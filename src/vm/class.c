/* Class creation (__build_class__) and zero-argument super() support. */
#include "tandem/tandem.h"
#include "tandem/eval.h"
#include "tandem/func.h"
#include "tandem/frame.h"
#include "vm_internal.h"

/* Run a class body function with `ns` as its locals. New ref (the body
 * returns the __class__ cell or None) or NULL. */
static TnObject *run_class_body(TnObject *func, TnObject *ns)
{
    TnThreadState *ts = tn_ts();
    TnFunction *fn = (TnFunction *)func;
    TnCode *co = (TnCode *)fn->code;
    TnFrame *f = tn_frame_push(ts, co, func, fn->globals, fn->builtins, ns);
    if (!f)
        return NULL;
    TnObject *res = NULL;
    for (int i = 0; i < co->co_ncells; i++) {
        TnObject *cell = tn_cell_new(NULL);
        if (!cell)
            goto done;
        f->localsplus[co->co_nlocals + i] = cell;
    }
    for (int i = 0; i < co->co_nfree; i++) {
        if (!fn->closure || i >= TN_TUPLE_SIZE(fn->closure)) {
            tn_err_setstr(&tn_exc_SystemError, "class body closure is missing cells");
            goto done;
        }
        f->localsplus[co->co_nlocals + co->co_ncells + i] = tn_newref(TN_TUPLE_GET(fn->closure, i));
    }
    res = tn_eval_frame(f);
done:
    tn_frame_pop(ts, f);
    return res;
}

/* The most derived metaclass of meta and the types of bases. Borrowed. */
static TnType *calculate_metaclass(TnType *meta, TnObject *bases)
{
    TnType *winner = meta;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(bases); i++) {
        TnType *t = TN_TYPE(TN_TUPLE_GET(bases, i));
        if (tn_type_is_subtype(winner, t))
            continue;
        if (tn_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        tn_err_setstr(&tn_exc_TypeError,
                      "metaclass conflict: the metaclass of a derived class must be a "
                      "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* PEP 560: replace bases that are not classes by base.__mro_entries__(bases). */
static TnObject *update_bases(TnObject *bases, int *changed)
{
    TnObject *list = NULL;
    *changed = 0;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(bases); i++) {
        TnObject *base = TN_TUPLE_GET(bases, i), *meth = NULL;
        if (tn_type_check(base))
            goto keep;
        if (tn_object_lookup_attr(base, TN_ID(__mro_entries__), &meth) < 0)
            goto error;
        if (!meth)
            goto keep;
        if (!list) {
            list = tn_list_new(0);
            if (!list) {
                TN_DECREF(meth);
                goto error;
            }
            for (tn_ssize_t j = 0; j < i; j++)
                if (tn_list_append(list, TN_TUPLE_GET(bases, j)) < 0) {
                    TN_DECREF(meth);
                    goto error;
                }
        }
        {
            TnObject *entries = tn_call_one(meth, bases);
            TN_DECREF(meth);
            if (!entries)
                goto error;
            if (!tn_tuple_check(entries)) {
                tn_err_setstr(&tn_exc_TypeError, "__mro_entries__ must return a tuple");
                TN_DECREF(entries);
                goto error;
            }
            int r = tn_list_extend(list, entries);
            TN_DECREF(entries);
            if (r < 0)
                goto error;
        }
        continue;
    keep:
        if (list && tn_list_append(list, base) < 0)
            goto error;
    }
    if (!list)
        return tn_newref(bases);
    *changed = 1;
    TnObject *t = tn_list_as_tuple(list);
    TN_DECREF(list);
    return t;
error:
    TN_XDECREF(list);
    return NULL;
}

TnObject *tn_build_class(TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnObject *bases = NULL, *orig_bases = NULL, *meta = NULL, *ns = NULL, *cell = NULL;
    TnObject *cls = NULL, *kwvalues_names = NULL;
    TnObject **callargs = NULL;
    size_t nkw = kwnames ? (size_t)TN_TUPLE_SIZE(kwnames) : 0;
    if (nargs < 2)
        return tn_err_format(&tn_exc_TypeError, "__build_class__: not enough arguments");
    TnObject *func = args[0], *name = args[1];
    if (!tn_function_check(func))
        return tn_err_format(&tn_exc_TypeError, "__build_class__: func must be a function");
    if (!tn_str_check(name))
        return tn_err_format(&tn_exc_TypeError, "__build_class__: name is not a string");
    orig_bases = tn_tuple_from_array(args + 2, (tn_ssize_t)(nargs - 2));
    if (!orig_bases)
        return NULL;
    int changed;
    bases = update_bases(orig_bases, &changed);
    if (!bases)
        goto done;

    /* Split metaclass= from the other class keywords. */
    size_t nother = 0;
    TnObject **other = NULL;
    if (nkw) {
        other = tn_mem_alloc(nkw * sizeof(TnObject *));
        kwvalues_names = tn_list_new(0);
        if (!other || !kwvalues_names) {
            tn_mem_free(other);
            goto done;
        }
        for (size_t i = 0; i < nkw; i++) {
            TnObject *k = TN_TUPLE_GET(kwnames, i);
            if (tn_str_eq(k, TN_ID(metaclass))) {
                TN_XDECREF(meta);
                meta = tn_newref(args[nargs + i]);
            } else {
                other[nother++] = args[nargs + i];
                if (tn_list_append(kwvalues_names, k) < 0) {
                    tn_mem_free(other);
                    goto done;
                }
            }
        }
    }
    TnObject *okw = NULL;
    if (nother) {
        okw = tn_list_as_tuple(kwvalues_names);
        if (!okw) {
            tn_mem_free(other);
            goto done;
        }
    }
    if (!meta) {
        meta = tn_newref(TN_TUPLE_SIZE(bases) == 0 ? (TnObject *)&tn_type_type
                                                   : (TnObject *)TN_TYPE(TN_TUPLE_GET(bases, 0)));
    }
    if (tn_type_check(meta)) {
        TnType *winner = calculate_metaclass((TnType *)meta, bases);
        if (!winner)
            goto done_kw;
        TN_SETREF(meta, tn_newref((TnObject *)winner));
    }

    /* ns = meta.__prepare__(name, bases, **kwds) */
    {
        TnObject *prep = NULL;
        if (tn_object_lookup_attr(meta, TN_ID(__prepare__), &prep) < 0)
            goto done_kw;
        if (prep) {
            size_t n = 2 + nother;
            TnObject **pa = tn_mem_alloc(n * sizeof(TnObject *));
            if (!pa) {
                TN_DECREF(prep);
                goto done_kw;
            }
            pa[0] = name;
            pa[1] = bases;
            for (size_t i = 0; i < nother; i++)
                pa[2 + i] = other[i];
            ns = tn_call(prep, pa, 2, okw);
            tn_mem_free(pa);
            TN_DECREF(prep);
        } else {
            ns = tn_dict_new();
        }
        if (!ns)
            goto done_kw;
        if (!tn_dict_check(ns) && !TN_TYPE(ns)->mp_subscript) {
            tn_err_format(&tn_exc_TypeError, "%s.__prepare__() must return a mapping, not %T",
                          tn_type_check(meta) ? ((TnType *)meta)->tp_name : "<metaclass>", ns);
            goto done_kw;
        }
    }

    cell = run_class_body(func, ns);
    if (!cell)
        goto done_kw;
    if (changed && tn_object_setitem(ns, TN_ID(__orig_bases__), orig_bases) < 0)
        goto done_kw;

    /* cls = meta(name, bases, ns, **kwds) */
    callargs = tn_mem_alloc((3 + nother) * sizeof(TnObject *));
    if (!callargs)
        goto done_kw;
    callargs[0] = name;
    callargs[1] = bases;
    callargs[2] = ns;
    for (size_t i = 0; i < nother; i++)
        callargs[3 + i] = other[i];
    cls = tn_call(meta, callargs, 3, okw);
    if (cls && tn_type_check(cls) && tn_cell_check(cell)) {
        TnObject *cur = tn_cell_get(cell);
        if (!cur) {
            tn_cell_set(cell, cls);
        } else if (cur != cls) {
            tn_err_format(&tn_exc_TypeError, "__class__ set to %R defining %R as %R", cur, name,
                          cls);
            TN_CLEAR(cls);
        }
        TN_XDECREF(cur);
    }
done_kw:
    tn_mem_free(other);
    TN_XDECREF(okw);
done:
    tn_mem_free(callargs);
    TN_XDECREF(kwvalues_names);
    TN_XDECREF(cell);
    TN_XDECREF(ns);
    TN_XDECREF(meta);
    TN_XDECREF(bases);
    TN_XDECREF(orig_bases);
    return cls;
}

int tn_frame_super_args(TnType **type, TnObject **obj)
{
    TnFrame *f = tn_ts()->frame;
    if (!f) {
        tn_err_setstr(&tn_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    TnCode *co = f->code;
    if (co->co_argcount == 0) {
        tn_err_setstr(&tn_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    TnObject *first = f->localsplus[0];
    TnObject *firstref = NULL;
    if (!first && co->co_cell2arg) {
        for (int i = 0; i < co->co_ncells; i++) {
            if (co->co_cell2arg[i] == 0) {
                firstref = tn_cell_get(f->localsplus[co->co_nlocals + i]);
                first = firstref;
                break;
            }
        }
    }
    if (!first) {
        tn_err_setstr(&tn_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->co_nfree; i++) {
        TnObject *name = TN_TUPLE_GET(co->co_freevars, i);
        if (!tn_str_eq(name, TN_ID(__class__)))
            continue;
        TnObject *cell = f->localsplus[co->co_nlocals + co->co_ncells + i];
        TnObject *t = cell && tn_cell_check(cell) ? tn_cell_get(cell) : NULL;
        if (!t) {
            TN_XDECREF(firstref);
            tn_err_setstr(&tn_exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!tn_type_check(t)) {
            tn_err_format(&tn_exc_RuntimeError, "super(): __class__ is not a type (%s)",
                          TN_TYPE(t)->tp_name);
            TN_DECREF(t);
            TN_XDECREF(firstref);
            return -1;
        }
        *type = (TnType *)t;
        *obj = firstref ? firstref : tn_newref(first);
        return 0;
    }
    TN_XDECREF(firstref);
    tn_err_setstr(&tn_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}
