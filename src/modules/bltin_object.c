/* builtins, part 1: functions on objects, numbers and iterables (len,
 * isinstance, getattr, iter/next, sum/min/max, sorted, round, pow, chr,
 * ord, ...). CPython's Python/bltinmodule.c, with its error messages.
 * No mutable C state. */
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/args.h"
#include "tandem/bytes.h"
#include "tandem/exc.h"
#include "tandem/iterobject.h"
#include "bltin_internal.h"

int tn_bltin_kwindex(TnObject *name, const char *const *kwlist)
{
    for (int i = 0; kwlist[i]; i++)
        if (tn_str_eq_cstr(name, kwlist[i]))
            return i;
    return -1;
}

/* ---- len, abs, id, hash, repr, ascii, callable -------------------------- */

static TnObject *builtin_len(TnObject *self, TnObject *o)
{
    tn_ssize_t n;
    TnType *t = TN_TYPE(o);
    /* Fast paths for the exact built-in types: len() is hot in loops. */
    if (t == &tn_list_type)
        n = tn_list_size(o);
    else if (t == &tn_str_type)
        n = TN_STR_LEN(o);
    else if (t == &tn_tuple_type)
        n = TN_TUPLE_SIZE(o);
    else if (t == &tn_dict_type)
        n = tn_dict_size(o);
    else {
        n = tn_object_length(o);
        if (n < 0)
            return NULL;
    }
    return tn_int_from_i64(n);
}

static TnObject *builtin_abs(TnObject *self, TnObject *o)
{
    return tn_number_absolute(o);
}

static TnObject *builtin_id(TnObject *self, TnObject *o)
{
    return tn_int_from_u64((uint64_t)(uintptr_t)o);
}

static TnObject *builtin_hash(TnObject *self, TnObject *o)
{
    tn_hash_t h = tn_object_hash(o);
    if (h == -1 && tn_err_occurred())
        return NULL;
    return tn_int_from_i64(h);
}

static TnObject *builtin_repr(TnObject *self, TnObject *o)
{
    return tn_object_repr(o);
}

static TnObject *builtin_ascii(TnObject *self, TnObject *o)
{
    return tn_object_ascii(o);
}

static TnObject *builtin_callable(TnObject *self, TnObject *o)
{
    return tn_bool_from(tn_callable(o));
}

/* ---- isinstance / issubclass ------------------------------------------- */

static TnObject *builtin_isinstance(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("isinstance", nargs, 2, 2) < 0)
        return NULL;
    /* Exact type match needs no MRO walk and no __instancecheck__. */
    if ((TnObject *)TN_TYPE(args[0]) == args[1])
        return tn_newref(tn_True);
    int r = tn_object_isinstance(args[0], args[1]);
    if (r < 0)
        return NULL;
    return tn_bool_from(r);
}

static TnObject *builtin_issubclass(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("issubclass", nargs, 2, 2) < 0)
        return NULL;
    int r = tn_object_issubclass(args[0], args[1]);
    if (r < 0)
        return NULL;
    return tn_bool_from(r);
}

/* ---- attributes --------------------------------------------------------- */

static int check_attr_name(TnObject *name)
{
    if (!tn_str_check(name)) {
        tn_err_format(&tn_exc_TypeError, "attribute name must be string, not '%s'",
                      TN_TYPE(name)->tp_name);
        return -1;
    }
    return 0;
}

static TnObject *builtin_getattr(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("getattr", nargs, 2, 3) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (nargs == 2)
        return tn_object_getattr(args[0], args[1]);
    TnObject *res;
    int r = tn_object_lookup_attr(args[0], args[1], &res);
    if (r < 0)
        return NULL;
    return r ? res : tn_newref(args[2]);
}

static TnObject *builtin_setattr(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("setattr", nargs, 3, 3) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (tn_object_setattr(args[0], args[1], args[2]) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *builtin_delattr(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("delattr", nargs, 2, 2) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (tn_object_setattr(args[0], args[1], NULL) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *builtin_hasattr(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("hasattr", nargs, 2, 2) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    TnObject *res;
    int r = tn_object_lookup_attr(args[0], args[1], &res);
    if (r < 0)
        return NULL;
    TN_XDECREF(res);
    return tn_bool_from(r);
}

/* ---- iteration ---------------------------------------------------------- */

static TnObject *builtin_iter(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("iter", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1)
        return tn_object_iter(args[0]);
    if (!tn_callable(args[0])) {
        tn_err_setstr(&tn_exc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return tn_calliter_new(args[0], args[1]);
}

static TnObject *builtin_next(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("next", nargs, 1, 2) < 0)
        return NULL;
    TnObject *it = args[0];
    if (!TN_TYPE(it)->tp_iternext) {
        tn_err_format(&tn_exc_TypeError, "'%s' object is not an iterator", TN_TYPE(it)->tp_name);
        return NULL;
    }
    /* Call the slot directly: a StopIteration carrying a value (generator
     * return) must reach the caller unchanged when there is no default. */
    TnObject *r = TN_TYPE(it)->tp_iternext(it);
    if (r)
        return r;
    if (tn_err_occurred()) {
        if (nargs < 2 || !tn_err_matches(&tn_exc_StopIteration))
            return NULL;
        tn_err_clear();
    }
    if (nargs == 2)
        return tn_newref(args[1]);
    tn_err_set_object(&tn_exc_StopIteration, NULL);
    return NULL;
}

static TnObject *any_all(TnObject *iterable, int want)
{
    TnObject *it = tn_object_iter(iterable);
    if (!it)
        return NULL;
    for (;;) {
        TnObject *item = tn_iter_next(it);
        if (!item)
            break;
        int t = tn_object_is_true(item);
        TN_DECREF(item);
        if (t < 0) {
            TN_DECREF(it);
            return NULL;
        }
        if (t == want) {
            TN_DECREF(it);
            return tn_bool_from(want);
        }
    }
    TN_DECREF(it);
    if (tn_err_occurred())
        return NULL;
    return tn_bool_from(!want);
}

static TnObject *builtin_any(TnObject *self, TnObject *o) { return any_all(o, 1); }
static TnObject *builtin_all(TnObject *self, TnObject *o) { return any_all(o, 0); }

/* ---- sum ---------------------------------------------------------------- */

static TnObject *builtin_sum(TnObject *self, TnObject *const *args, size_t nargs,
                             TnObject *kwnames)
{
    static const char *const kwlist[] = { "", "start", NULL };
    TnObject *a[2] = { NULL, NULL };
    if (tn_parse_args("sum", args, nargs, kwnames, kwlist, 2, 1, a) < 0)
        return NULL;
    TnObject *result = a[1];
    if (!result)
        result = tn_int_from_i64(0);
    else {
        if (tn_str_check(result)) {
            tn_err_setstr(&tn_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
            return NULL;
        }
        if (tn_bytes_check(result)) {
            tn_err_setstr(&tn_exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
            return NULL;
        }
        if (tn_bytearray_check(result)) {
            tn_err_setstr(&tn_exc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
            return NULL;
        }
        TN_INCREF(result);
    }
    TnObject *item = NULL;
    TnObject *it = tn_object_iter(a[0]);
    if (!it)
        goto error;

    /* int fast path: accumulate in C while every value fits in int64. */
    if (TN_INT_IS_SMALL(result)) {
        int64_t acc = TN_INT_IVAL(result);
        for (;;) {
            item = tn_iter_next(it);
            if (!item) {
                if (tn_err_occurred())
                    goto error;
                TN_DECREF(it);
                TN_DECREF(result);
                return tn_int_from_i64(acc);
            }
            int64_t s, v;
            if (TN_INT_IS_SMALL(item))
                v = TN_INT_IVAL(item);
            else if (tn_bool_check(item))
                v = item == tn_True;
            else
                break;
            if (!__builtin_add_overflow(acc, v, &s)) {
                acc = s;
                TN_DECREF(item);
                continue;
            }
            break;   /* item pending: continue generically (or as float) */
        }
        TN_DECREF(result);
        result = tn_int_from_i64(acc);
        if (!result)
            goto error;
        /* Add the pending item generically (int + float gives a float and
         * continues on the float path below, as CPython). */
        TnObject *s = tn_number_add(result, item);
        TN_DECREF(item);
        item = NULL;
        if (!s)
            goto error;
        TN_SETREF(result, s);
    }
    /* float fast path: plain double addition, as CPython 3.11 (no
     * compensated summation). */
    if (tn_float_check_exact(result) && (!item || tn_float_check_exact(item) || TN_INT_IS_SMALL(item))) {
        double acc = TN_FLOAT_VAL(result);
        for (;;) {
            if (!item) {
                item = tn_iter_next(it);
                if (!item) {
                    if (tn_err_occurred())
                        goto error;
                    TN_DECREF(it);
                    TN_DECREF(result);
                    return tn_float_new(acc);
                }
            }
            if (tn_float_check_exact(item))
                acc += TN_FLOAT_VAL(item);
            else if (TN_INT_IS_SMALL(item))
                acc += (double)TN_INT_IVAL(item);
            else
                break;
            TN_DECREF(item);
            item = NULL;
        }
        TN_DECREF(result);
        result = tn_float_new(acc);
        if (!result)
            goto error;
    }
    for (;;) {
        if (!item) {
            item = tn_iter_next(it);
            if (!item) {
                if (tn_err_occurred())
                    goto error;
                break;
            }
        }
        TnObject *s = tn_number_add(result, item);
        TN_DECREF(item);
        item = NULL;
        if (!s)
            goto error;
        TN_SETREF(result, s);
    }
    TN_DECREF(it);
    return result;
error:
    TN_XDECREF(item);
    TN_XDECREF(it);
    TN_XDECREF(result);
    return NULL;
}

/* ---- min / max ---------------------------------------------------------- */

static TnObject *min_max(TnObject *const *args, size_t nargs, TnObject *kwnames, int op,
                         const char *name)
{
    static const char *const kwlist[] = { "key", "default", NULL };
    TnObject *key = NULL, *dflt = NULL;
    size_t nkw = kwnames ? (size_t)TN_TUPLE_SIZE(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        TnObject *kn = TN_TUPLE_GET(kwnames, i);
        int k = tn_bltin_kwindex(kn, kwlist);
        if (k < 0) {
            tn_err_format(&tn_exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                          kn, name);
            return NULL;
        }
        if (k == 0)
            key = args[nargs + i];
        else
            dflt = args[nargs + i];
    }
    if (nargs == 0) {
        tn_err_format(&tn_exc_TypeError, "%s expected at least 1 argument, got 0", name);
        return NULL;
    }
    if (nargs > 1 && dflt) {
        tn_err_format(&tn_exc_TypeError,
                      "Cannot specify a default for %s() with multiple positional arguments", name);
        return NULL;
    }
    if (key == tn_None)
        key = NULL;
    TnObject *it = NULL, *best = NULL, *bestkey = NULL;
    size_t pos = 0;
    if (nargs == 1) {
        it = tn_object_iter(args[0]);
        if (!it)
            return NULL;
    }
    for (;;) {
        TnObject *item;
        if (it) {
            item = tn_iter_next(it);
            if (!item) {
                if (tn_err_occurred())
                    goto error;
                break;
            }
        } else {
            if (pos == nargs)
                break;
            item = tn_newref(args[pos++]);
        }
        TnObject *k = item;
        if (key) {
            k = tn_call_one(key, item);
            if (!k) {
                TN_DECREF(item);
                goto error;
            }
        } else {
            TN_INCREF(k);
        }
        if (!best) {
            best = item;
            bestkey = k;
            continue;
        }
        int c = tn_object_richcompare_bool(k, bestkey, op);
        if (c < 0) {
            TN_DECREF(item);
            TN_DECREF(k);
            goto error;
        }
        if (c) {
            TN_SETREF(best, item);
            TN_SETREF(bestkey, k);
        } else {
            TN_DECREF(item);
            TN_DECREF(k);
        }
    }
    TN_XDECREF(it);
    TN_XDECREF(bestkey);
    if (!best) {
        if (dflt)
            return tn_newref(dflt);
        tn_err_format(&tn_exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
error:
    TN_XDECREF(it);
    TN_XDECREF(best);
    TN_XDECREF(bestkey);
    return NULL;
}

static TnObject *builtin_min(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return min_max(args, nargs, kwnames, TN_LT, "min");
}

static TnObject *builtin_max(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return min_max(args, nargs, kwnames, TN_GT, "max");
}

/* ---- sorted ------------------------------------------------------------- */

static TnObject *builtin_sorted(TnObject *self, TnObject *const *args, size_t nargs,
                                TnObject *kwnames)
{
    static const char *const kwlist[] = { "key", "reverse", NULL };
    TnObject *key = NULL, *rev = NULL;
    if (tn_check_nargs("sorted", nargs, 1, 1) < 0)
        return NULL;
    size_t nkw = kwnames ? (size_t)TN_TUPLE_SIZE(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        TnObject *kn = TN_TUPLE_GET(kwnames, i);
        int k = tn_bltin_kwindex(kn, kwlist);
        if (k < 0) {
            tn_err_format(&tn_exc_TypeError, "'%U' is an invalid keyword argument for sort()", kn);
            return NULL;
        }
        if (k == 0)
            key = args[nargs + i];
        else
            rev = args[nargs + i];
    }
    int reverse = 0;
    if (rev) {
        reverse = tn_object_is_true(rev);
        if (reverse < 0)
            return NULL;
    }
    /* A fresh list we own, even when the argument is a list. */
    TnObject *l = tn_list_new(0);
    if (!l)
        return NULL;
    if (tn_list_extend(l, args[0]) < 0 || tn_list_sort(l, key == tn_None ? NULL : key, reverse) < 0) {
        TN_DECREF(l);
        return NULL;
    }
    return l;
}

/* ---- numbers ------------------------------------------------------------ */

static TnObject *builtin_round(TnObject *self, TnObject *const *args, size_t nargs,
                               TnObject *kwnames)
{
    static const char *const kwlist[] = { "number", "ndigits", NULL };
    TnObject *a[2] = { NULL, NULL };
    if (tn_parse_args("round", args, nargs, kwnames, kwlist, 2, 1, a) < 0)
        return NULL;
    TnObject *fn = tn_type_lookup(TN_TYPE(a[0]), TN_ID(__round__));
    if (!fn) {
        tn_err_format(&tn_exc_TypeError, "type %s doesn't define __round__ method",
                      TN_TYPE(a[0])->tp_name);
        return NULL;
    }
    TN_INCREF(fn);
    TnObject *callargs[2] = { a[0], a[1] };
    TnObject *r = tn_call(fn, callargs, (a[1] && a[1] != tn_None) ? 2 : 1, NULL);
    TN_DECREF(fn);
    return r;
}

static TnObject *builtin_divmod(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("divmod", nargs, 2, 2) < 0)
        return NULL;
    return tn_number_divmod(args[0], args[1]);
}

static TnObject *builtin_pow(TnObject *self, TnObject *const *args, size_t nargs,
                             TnObject *kwnames)
{
    static const char *const kwlist[] = { "base", "exp", "mod", NULL };
    TnObject *a[3] = { NULL, NULL, tn_None };
    if (tn_parse_args("pow", args, nargs, kwnames, kwlist, 3, 2, a) < 0)
        return NULL;
    return tn_number_power(a[0], a[1], a[2]);
}

static TnObject *int_base(TnObject *o, int base)
{
    TnObject *i = tn_number_index(o);
    if (!i)
        return NULL;
    TnObject *r = tn_int_to_base(i, base, 1);
    TN_DECREF(i);
    return r;
}

static TnObject *builtin_hex(TnObject *self, TnObject *o) { return int_base(o, 16); }
static TnObject *builtin_oct(TnObject *self, TnObject *o) { return int_base(o, 8); }
static TnObject *builtin_bin(TnObject *self, TnObject *o) { return int_base(o, 2); }

static TnObject *builtin_chr(TnObject *self, TnObject *o)
{
    TnObject *i = tn_number_index(o);
    if (!i)
        return NULL;
    int64_t v;
    int fits = tn_int_as_i64_overflow(i, &v);
    TN_DECREF(i);
    if (!fits || v > INT32_MAX || v < INT32_MIN) {
        tn_err_setstr(&tn_exc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    return tn_str_chr(v);
}

static TnObject *builtin_ord(TnObject *self, TnObject *o)
{
    tn_ssize_t len;
    if (tn_str_check(o)) {
        len = TN_STR_LEN(o);
        if (len == 1)
            return tn_int_from_i64(tn_str_char_at(o, 0));
    } else if (tn_bytes_check(o) || tn_bytearray_check(o)) {
        const char *data;
        if (tn_bytes_like_get(o, &data, &len) < 0)
            return NULL;
        if (len == 1)
            return tn_int_from_i64((unsigned char)data[0]);
    } else {
        tn_err_format(&tn_exc_TypeError, "ord() expected string of length 1, but %s found",
                      TN_TYPE(o)->tp_name);
        return NULL;
    }
    tn_err_format(&tn_exc_TypeError, "ord() expected a character, but string of length %zd found",
                  len);
    return NULL;
}

static TnObject *builtin_format(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("format", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 2 && !tn_str_check(args[1])) {
        tn_err_format(&tn_exc_TypeError, "format() argument 2 must be str, not %s",
                      TN_TYPE(args[1])->tp_name);
        return NULL;
    }
    return tn_object_format(args[0], nargs == 2 ? args[1] : NULL);
}

const TnMethodDef tn_bltin_object_methods[] = {
    { "len", (void *)builtin_len, TN_METH_O, "Return the number of items in a container." },
    { "abs", (void *)builtin_abs, TN_METH_O, "Return the absolute value of the argument." },
    { "id", (void *)builtin_id, TN_METH_O, "Return the identity of an object." },
    { "hash", (void *)builtin_hash, TN_METH_O, "Return the hash value for the given object." },
    { "repr", (void *)builtin_repr, TN_METH_O, "Return the canonical string representation of the object." },
    { "ascii", (void *)builtin_ascii, TN_METH_O, "Return an ASCII-only representation of an object." },
    { "callable", (void *)builtin_callable, TN_METH_O, "Return whether the object is callable." },
    { "isinstance", (void *)builtin_isinstance, TN_METH_FAST, "Return whether an object is an instance of a class or of a subclass thereof." },
    { "issubclass", (void *)builtin_issubclass, TN_METH_FAST, "Return whether 'cls' is derived from another class or is the same class." },
    { "getattr", (void *)builtin_getattr, TN_METH_FAST, "getattr(object, name[, default]) -> value" },
    { "setattr", (void *)builtin_setattr, TN_METH_FAST, "Sets the named attribute on the given object to the specified value." },
    { "delattr", (void *)builtin_delattr, TN_METH_FAST, "Deletes the named attribute from the given object." },
    { "hasattr", (void *)builtin_hasattr, TN_METH_FAST, "Return whether the object has an attribute with the given name." },
    { "iter", (void *)builtin_iter, TN_METH_FAST, "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator" },
    { "next", (void *)builtin_next, TN_METH_FAST, "next(iterator[, default])" },
    { "any", (void *)builtin_any, TN_METH_O, "Return True if bool(x) is True for any x in the iterable." },
    { "all", (void *)builtin_all, TN_METH_O, "Return True if bool(x) is True for all values x in the iterable." },
    { "sum", (void *)builtin_sum, TN_METH_FASTKW, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers" },
    { "min", (void *)builtin_min, TN_METH_FASTKW, "min(iterable, *[, default=obj, key=func]) -> value" },
    { "max", (void *)builtin_max, TN_METH_FASTKW, "max(iterable, *[, default=obj, key=func]) -> value" },
    { "sorted", (void *)builtin_sorted, TN_METH_FASTKW, "Return a new list containing all items from the iterable in ascending order." },
    { "round", (void *)builtin_round, TN_METH_FASTKW, "Round a number to a given precision in decimal digits." },
    { "divmod", (void *)builtin_divmod, TN_METH_FAST, "Return the tuple (x//y, x%y)." },
    { "pow", (void *)builtin_pow, TN_METH_FASTKW, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments" },
    { "hex", (void *)builtin_hex, TN_METH_O, "Return the hexadecimal representation of an integer." },
    { "oct", (void *)builtin_oct, TN_METH_O, "Return the octal representation of an integer." },
    { "bin", (void *)builtin_bin, TN_METH_O, "Return the binary representation of an integer." },
    { "chr", (void *)builtin_chr, TN_METH_O, "Return a Unicode string of one character with ordinal i." },
    { "ord", (void *)builtin_ord, TN_METH_O, "Return the Unicode code point for a one-character string." },
    { "format", (void *)builtin_format, TN_METH_FAST, "Return value.__format__(format_spec)" },
    { 0, 0, 0, 0 }
};
