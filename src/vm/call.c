/* Calling Python functions: argument binding with CPython 3.11's exact
 * error messages (Python/ceval.c initialize_locals and its helpers), and
 * the function vectorcall that pushes an arena frame and evaluates it. */
#include "tandem/tandem.h"
#include "tandem/func.h"
#include "tandem/frame.h"
#include "tandem/gen.h"
#include "tandem/eval.h"
#include <stdio.h>

static TnObject *qualname_of(TnObject *func)
{
    return ((TnFunction *)func)->qualname;
}

/* 'a'  /  'a' and 'b'  /  'a', 'b', and 'c' */
static TnObject *format_name_list(TnObject **names, int n)
{
    TnStrBuilder sb;
    tn_sb_init(&sb);
    for (int i = 0; i < n; i++) {
        if (i > 0) {
            if (n == 2)
                tn_sb_append_cstr(&sb, " and ");
            else if (i == n - 1)
                tn_sb_append_cstr(&sb, ", and ");
            else
                tn_sb_append_cstr(&sb, ", ");
        }
        tn_sb_append_cstr(&sb, "'");
        tn_sb_append_str(&sb, names[i]);
        if (tn_sb_append_cstr(&sb, "'") < 0) {
            tn_sb_discard(&sb);
            return NULL;
        }
    }
    return tn_sb_finish(&sb);
}

static void missing_arguments(TnObject *func, TnCode *co, TnObject **fast, int start, int end,
                              TnObject *defaults, int positional)
{
    TnObject *small[16];
    TnObject **names = small;
    int n = 0;
    if (end - start > 16) {
        names = tn_mem_alloc(sizeof(TnObject *) * (size_t)(end - start));
        if (!names)
            return;
    }
    for (int i = start; i < end; i++) {
        if (fast[i])
            continue;
        if (!positional && defaults) {
            TnObject *name = TN_TUPLE_GET(co->co_varnames, i);
            int r = tn_dict_contains(defaults, name);
            if (r != 0) {
                if (r < 0)
                    goto done;
                continue;
            }
        }
        names[n++] = TN_TUPLE_GET(co->co_varnames, i);
    }
    TnObject *list = format_name_list(names, n);
    if (list) {
        tn_err_format(&tn_exc_TypeError, "%U() missing %d required %s argument%s: %U",
                      qualname_of(func), n, positional ? "positional" : "keyword-only",
                      n == 1 ? "" : "s", list);
        TN_DECREF(list);
    }
done:
    if (names != small)
        tn_mem_free(names);
}

static void too_many_positional(TnObject *func, TnCode *co, TnObject **fast, size_t given,
                                TnObject *defaults)
{
    int argcount = co->co_argcount;
    int kwonly_given = 0;
    for (int i = argcount; i < argcount + co->co_kwonlyargcount; i++)
        if (fast[i])
            kwonly_given++;
    tn_ssize_t defcount = defaults ? TN_TUPLE_SIZE(defaults) : 0;
    char sig[64], kwsig[96];
    if (defcount)
        snprintf(sig, sizeof sig, "from %d to %d", argcount - (int)defcount, argcount);
    else
        snprintf(sig, sizeof sig, "%d", argcount);
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %d keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    else
        kwsig[0] = 0;
    tn_err_format(&tn_exc_TypeError, "%U() takes %s positional argument%s but %zu%s %s given",
                  qualname_of(func), sig, argcount != 1 ? "s" : "", given, kwsig,
                  given == 1 && !kwonly_given ? "was" : "were");
}

/* Keyword names that name positional-only parameters (no **kwargs). */
static int posonly_passed_as_keyword(TnObject *func, TnCode *co, TnObject *kwnames)
{
    TnStrBuilder sb;
    int n = 0;
    tn_sb_init(&sb);
    for (int k = 0; k < (int)TN_TUPLE_SIZE(kwnames); k++) {
        TnObject *key = TN_TUPLE_GET(kwnames, k);
        for (int i = 0; i < co->co_posonlyargcount; i++) {
            TnObject *name = TN_TUPLE_GET(co->co_varnames, i);
            if (name == key || tn_str_eq(name, key)) {
                if (n++)
                    tn_sb_append_cstr(&sb, ", ");
                tn_sb_append_str(&sb, key);
                break;
            }
        }
    }
    if (n == 0) {
        tn_sb_discard(&sb);
        return 0;
    }
    TnObject *list = tn_sb_finish(&sb);
    if (list) {
        tn_err_format(&tn_exc_TypeError,
                      "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                      qualname_of(func), list);
        TN_DECREF(list);
    }
    return 1;
}

int tn_function_bind_args(TnObject *func, TnFrame *f, TnObject *const *args, size_t nargs,
                          TnObject *kwnames)
{
    TnFunction *fn = (TnFunction *)func;
    TnCode *co = (TnCode *)fn->code;
    TnObject **fast = f->localsplus;
    int argcount = co->co_argcount;
    int total = argcount + co->co_kwonlyargcount;
    int flags = co->co_flags;
    TnObject *kwdict = NULL;

    if (TN_LIKELY(kwnames == NULL && nargs == (size_t)argcount
                  && total == argcount && !(flags & (TN_CO_VARARGS | TN_CO_VARKEYWORDS)))) {
        for (int i = 0; i < argcount; i++)
            fast[i] = tn_newref(args[i]);
        goto cells;
    }

    if (flags & TN_CO_VARKEYWORDS) {
        kwdict = tn_dict_new();
        if (!kwdict)
            return -1;
        fast[total + ((flags & TN_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    size_t n = nargs < (size_t)argcount ? nargs : (size_t)argcount;
    for (size_t i = 0; i < n; i++)
        fast[i] = tn_newref(args[i]);
    if (flags & TN_CO_VARARGS) {
        TnObject *rest = nargs > n ? tn_tuple_from_array(args + n, (tn_ssize_t)(nargs - n))
                                   : tn_tuple_new(0);
        if (!rest)
            return -1;
        fast[total] = rest;
    }

    if (kwnames) {
        tn_ssize_t nkw = TN_TUPLE_SIZE(kwnames);
        for (tn_ssize_t k = 0; k < nkw; k++) {
            TnObject *key = TN_TUPLE_GET(kwnames, k);
            TnObject *value = args[nargs + (size_t)k];
            int j;
            if (!tn_str_check(key)) {
                tn_err_format(&tn_exc_TypeError, "%U() keywords must be strings",
                              qualname_of(func));
                return -1;
            }
            /* Interned names make the identity test hit almost always. */
            for (j = co->co_posonlyargcount; j < total; j++)
                if (TN_TUPLE_GET(co->co_varnames, j) == key)
                    goto found;
            for (j = co->co_posonlyargcount; j < total; j++)
                if (tn_str_eq(TN_TUPLE_GET(co->co_varnames, j), key))
                    goto found;
            if (!kwdict) {
                if (!posonly_passed_as_keyword(func, co, kwnames))
                    tn_err_format(&tn_exc_TypeError,
                                  "%U() got an unexpected keyword argument '%U'",
                                  qualname_of(func), key);
                return -1;
            }
            if (tn_dict_setitem(kwdict, key, value) < 0)
                return -1;
            continue;
        found:
            if (fast[j]) {
                tn_err_format(&tn_exc_TypeError, "%U() got multiple values for argument '%U'",
                              qualname_of(func), key);
                return -1;
            }
            fast[j] = tn_newref(value);
        }
    }

    if (nargs > (size_t)argcount && !(flags & TN_CO_VARARGS)) {
        too_many_positional(func, co, fast, nargs, fn->defaults);
        return -1;
    }

    if (nargs < (size_t)argcount) {
        tn_ssize_t defcount = fn->defaults ? TN_TUPLE_SIZE(fn->defaults) : 0;
        int m = argcount - (int)defcount;
        for (int i = (int)nargs; i < m; i++) {
            if (!fast[i]) {
                missing_arguments(func, co, fast, (int)nargs, m, NULL, 1);
                return -1;
            }
        }
        for (int i = (int)nargs > m ? (int)nargs : m; i < argcount; i++)
            if (!fast[i])
                fast[i] = tn_newref(TN_TUPLE_GET(fn->defaults, i - m));
    }

    if (co->co_kwonlyargcount > 0) {
        int missing = 0;
        for (int i = argcount; i < total; i++) {
            if (fast[i])
                continue;
            TnObject *name = TN_TUPLE_GET(co->co_varnames, i);
            if (fn->kwdefaults) {
                TnObject *v = NULL;
                int r = tn_dict_get_ref(fn->kwdefaults, name, &v);
                if (r < 0)
                    return -1;
                if (r > 0) {
                    fast[i] = v;
                    continue;
                }
            }
            missing++;
        }
        if (missing) {
            missing_arguments(func, co, fast, argcount, total, fn->kwdefaults, 0);
            return -1;
        }
    }

cells:
    if (co->co_ncells) {
        for (int i = 0; i < co->co_ncells; i++) {
            TnObject *init = NULL;
            int arg = co->co_cell2arg ? co->co_cell2arg[i] : -1;
            if (arg >= 0)
                init = fast[arg];
            TnObject *cell = tn_cell_new(init);
            if (!cell)
                return -1;
            if (arg >= 0)
                TN_CLEAR(fast[arg]);
            fast[co->co_nlocals + i] = cell;
        }
    }
    if (co->co_nfree) {
        TnObject *closure = fn->closure;
        for (int i = 0; i < co->co_nfree; i++)
            fast[co->co_nlocals + co->co_ncells + i] = tn_newref(TN_TUPLE_GET(closure, i));
    }
    return 0;
}

TnObject *tn_function_vectorcall(TnObject *func, TnObject *const *args, size_t nargs,
                                 TnObject *kwnames)
{
    TnFunction *fn = (TnFunction *)func;
    TnCode *co = (TnCode *)fn->code;
    TnThreadState *ts = tn_ts();
    if (TN_UNLIKELY(co->co_flags & (TN_CO_GENERATOR | TN_CO_COROUTINE | TN_CO_ASYNC_GENERATOR))) {
        TnFrame *gf;
        TnObject *gen = tn_gen_new(func, &gf);
        if (!gen)
            return NULL;
        if (tn_function_bind_args(func, gf, args, nargs, kwnames) < 0) {
            TN_DECREF(gen);
            return NULL;
        }
        return gen;
    }
    TnFrame *f = tn_frame_push(ts, co, func, fn->globals, fn->builtins, NULL);
    if (!f)
        return NULL;
    TnObject *res = NULL;
    /* The common call (exact positional arguments, no cells or free
     * variables) binds inline: tn_function_bind_args was a tenth of a
     * method-call loop's time. */
    if (TN_LIKELY(kwnames == NULL && nargs == (size_t)co->co_argcount
                  && co->co_kwonlyargcount == 0 && co->co_ncells == 0 && co->co_nfree == 0
                  && !(co->co_flags & (TN_CO_VARARGS | TN_CO_VARKEYWORDS)))) {
        TnObject **fast = f->localsplus;
        for (size_t i = 0; i < nargs; i++)
            fast[i] = tn_newref(args[i]);
        res = tn_eval_frame(f);
    } else if (tn_function_bind_args(func, f, args, nargs, kwnames) == 0) {
        res = tn_eval_frame(f);
    }
    tn_frame_pop(ts, f);
    return res;
}
