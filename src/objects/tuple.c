/* tuple: immutable arrays (CPython's Objects/tupleobject.c).
 * Global state: the empty-tuple singleton, created by tn_containers_init
 * (or lazily before it, while the process is single-threaded), immortal and
 * read-only afterwards. Tuples are immutable once returned, so reads need no
 * lock in either build. */
#include <string.h>
#include <stdarg.h>
#include "containers_internal.h"

static TnObject *empty_tuple;

static TnObject *tuple_alloc(TnType *t, tn_ssize_t n)
{
    if (n < 0 || (size_t)n > (SIZE_MAX - t->tp_basicsize) / sizeof(TnObject *))
        return tn_err_nomemory();
    TnTuple *tp = (TnTuple *)tn_object_alloc(t, t->tp_basicsize + (size_t)n * sizeof(TnObject *));
    if (!tp)
        return NULL;
    tp->ob_size = n;
    tp->hash_cache = -1;
    return (TnObject *)tp;
}

TnObject *tn_tuple_new(tn_ssize_t n)
{
    if (n == 0) {
        if (!empty_tuple) {
            empty_tuple = tuple_alloc(&tn_tuple_type, 0);
            if (!empty_tuple)
                return NULL;
            tn_set_immortal(empty_tuple);
        }
        return empty_tuple;   /* immortal: no incref needed */
    }
    return tuple_alloc(&tn_tuple_type, n);
}

TnObject *tn_tuple_pack(tn_ssize_t n, ...)
{
    TnObject *t = tn_tuple_new(n);
    if (!t)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (tn_ssize_t i = 0; i < n; i++)
        TN_TUPLE_SET(t, i, tn_newref(va_arg(ap, TnObject *)));
    va_end(ap);
    return t;
}

TnObject *tn_tuple_from_array(TnObject *const *items, tn_ssize_t n)
{
    TnObject *t = tn_tuple_new(n);
    if (!t)
        return NULL;
    for (tn_ssize_t i = 0; i < n; i++)
        TN_TUPLE_SET(t, i, tn_newref(items[i]));
    return t;
}

TnObject *tn_tuple_getslice(TnObject *t, tn_ssize_t lo, tn_ssize_t hi)
{
    tn_ssize_t n = TN_TUPLE_SIZE(t);
    if (lo < 0)
        lo = 0;
    if (hi > n)
        hi = n;
    if (hi < lo)
        hi = lo;
    if (lo == 0 && hi == n && tn_tuple_check_exact(t))
        return tn_newref(t);
    return tn_tuple_from_array(TN_TUPLE_ITEMS(t) + lo, hi - lo);
}

TnObject *tn_tuple_exact(TnObject *t)
{
    if (tn_tuple_check_exact(t))
        return tn_newref(t);
    return tn_tuple_from_array(TN_TUPLE_ITEMS(t), TN_TUPLE_SIZE(t));
}

static void tuple_dealloc(TnObject *o)
{
    TnTuple *t = (TnTuple *)o;
    for (tn_ssize_t i = 0; i < t->ob_size; i++)
        TN_XDECREF(t->items[i]);
    tn_object_free(o);
}

static int tuple_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnTuple *t = (TnTuple *)o;
    for (tn_ssize_t i = 0; i < t->ob_size; i++)
        if (t->items[i]) {
            int r = visit(t->items[i], arg);
            if (r)
                return r;
        }
    return 0;
}

/* No tp_clear (as in CPython): code everywhere assumes a tuple's items are
 * never NULL, so the cyclic GC breaks cycles through tuples at the mutable
 * objects in them. */

static TnObject *tuple_repr(TnObject *o)
{
    tn_ssize_t n = TN_TUPLE_SIZE(o);
    if (n == 0)
        return tn_str_from_cstr("()");
    int r = tn_repr_enter(o);
    if (r != 0)
        return r > 0 ? tn_str_from_cstr("(...)") : NULL;
    TnStrBuilder b;
    tn_sb_init(&b);
    if (tn_sb_append_cstr(&b, "(") < 0)
        goto error;
    for (tn_ssize_t i = 0; i < n; i++) {
        if (i > 0 && tn_sb_append_cstr(&b, ", ") < 0)
            goto error;
        if (tn_enter_recursive_call(" while getting the repr of an object") < 0)
            goto error;
        TnObject *s = tn_object_repr(TN_TUPLE_GET(o, i));
        tn_leave_recursive_call();
        if (!s)
            goto error;
        int rc = tn_sb_append_str(&b, s);
        tn_decref(s);
        if (rc < 0)
            goto error;
    }
    if (tn_sb_append_cstr(&b, n == 1 ? ",)" : ")") < 0)
        goto error;
    tn_repr_leave(o);
    return tn_sb_finish(&b);
error:
    tn_repr_leave(o);
    tn_sb_discard(&b);
    return NULL;
}

/* CPython 3.11's tuplehash (xxHash-derived), so hash((1, 2)) matches. */
#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

tn_hash_t tn_tuple_hash(TnObject *o)
{
    TnTuple *t = (TnTuple *)o;
    /* The cache is a benign race in the ft build: every thread computes the
     * same value, and an aligned 64-bit store is not torn. */
    tn_hash_t cached = __atomic_load_n(&t->hash_cache, __ATOMIC_RELAXED);
    if (cached != -1)
        return cached;
    uint64_t acc = XXPRIME_5;
    for (tn_ssize_t i = 0; i < t->ob_size; i++) {
        tn_hash_t h = tn_object_hash(t->items[i]);
        if (h == -1)
            return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->ob_size ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        acc = 1546275796;
    __atomic_store_n(&t->hash_cache, (tn_hash_t)acc, __ATOMIC_RELAXED);
    return (tn_hash_t)acc;
}

TnObject *tn_tuple_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_tuple_check(a) || !tn_tuple_check(b))
        return tn_newref(tn_NotImplemented);
    tn_ssize_t na = TN_TUPLE_SIZE(a), nb = TN_TUPLE_SIZE(b), i;
    for (i = 0; i < na && i < nb; i++) {
        int k = tn_object_richcompare_bool(TN_TUPLE_GET(a, i), TN_TUPLE_GET(b, i), TN_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= na || i >= nb) {
        int r;
        switch (op) {
        case TN_LT: r = na < nb; break;
        case TN_LE: r = na <= nb; break;
        case TN_EQ: r = na == nb; break;
        case TN_NE: r = na != nb; break;
        case TN_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        return tn_bool_from(r);
    }
    if (op == TN_EQ)
        return tn_bool_from(0);
    if (op == TN_NE)
        return tn_bool_from(1);
    return tn_object_richcompare(TN_TUPLE_GET(a, i), TN_TUPLE_GET(b, i), op);
}

static tn_ssize_t tuple_length(TnObject *o) { return TN_TUPLE_SIZE(o); }

static TnObject *tuple_item(TnObject *o, tn_ssize_t i)
{
    if (i < 0)
        i += TN_TUPLE_SIZE(o);
    if (i < 0 || i >= TN_TUPLE_SIZE(o))
        return tn_err_format(&tn_exc_IndexError, "tuple index out of range");
    return tn_newref(TN_TUPLE_GET(o, i));
}

static TnObject *tuple_subscript(TnObject *o, TnObject *key)
{
    if (TN_HAS_INDEX(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return tuple_item(o, i);
    }
    if (tn_slice_check(key)) {
        tn_ssize_t start, stop, step;
        if (tn_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        tn_ssize_t n = tn_slice_adjust_indices(TN_TUPLE_SIZE(o), &start, &stop, step);
        if (step == 1)
            return tn_tuple_getslice(o, start, stop);
        if (n == TN_TUPLE_SIZE(o) && step == 1 && tn_tuple_check_exact(o))
            return tn_newref(o);
        TnObject *r = tn_tuple_new(n);
        if (!r)
            return NULL;
        for (tn_ssize_t k = 0, cur = start; k < n; k++, cur += step)
            TN_TUPLE_SET(r, k, tn_newref(TN_TUPLE_GET(o, cur)));
        return r;
    }
    return tn_err_format(&tn_exc_TypeError, "tuple indices must be integers or slices, not %T", key);
}

static int tuple_contains(TnObject *o, TnObject *v)
{
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(o); i++) {
        int k = tn_object_richcompare_bool(TN_TUPLE_GET(o, i), v, TN_EQ);
        if (k != 0)
            return k;
    }
    return 0;
}

TnObject *tn_tuple_concat(TnObject *a, TnObject *b)
{
    tn_ssize_t na = TN_TUPLE_SIZE(a), nb = TN_TUPLE_SIZE(b);
    if (nb == 0 && tn_tuple_check_exact(a))
        return tn_newref(a);
    if (na == 0 && tn_tuple_check_exact(b))
        return tn_newref(b);
    TnObject *r = tn_tuple_new(na + nb);
    if (!r)
        return NULL;
    for (tn_ssize_t i = 0; i < na; i++)
        TN_TUPLE_SET(r, i, tn_newref(TN_TUPLE_GET(a, i)));
    for (tn_ssize_t i = 0; i < nb; i++)
        TN_TUPLE_SET(r, na + i, tn_newref(TN_TUPLE_GET(b, i)));
    return r;
}

static TnObject *tuple_nb_add(TnObject *a, TnObject *b)
{
    if (!tn_tuple_check(a) || !tn_tuple_check(b)) {
        if (tn_tuple_check(a) && !(TN_TYPE(b)->tp_flags & TN_TPFLAG_HEAPTYPE))
            return tn_err_format(&tn_exc_TypeError,
                                 "can only concatenate tuple (not \"%s\") to tuple",
                                 TN_TYPE(b)->tp_name);
        return tn_newref(tn_NotImplemented);
    }
    return tn_tuple_concat(a, b);
}

static TnObject *tuple_nb_multiply(TnObject *a, TnObject *b)
{
    TnObject *t = tn_tuple_check(a) ? a : b, *other = t == a ? b : a;
    tn_ssize_t n;
    int r = tn_seq_repeat_count(other, &n);
    if (r <= 0)
        return r < 0 ? NULL : tn_newref(tn_NotImplemented);
    tn_ssize_t len = TN_TUPLE_SIZE(t);
    if (n <= 0 || len == 0)
        return tn_tuple_new(0);
    if (n == 1 && tn_tuple_check_exact(t))
        return tn_newref(t);
    if (len > TN_SSIZE_MAX / n)
        return tn_err_nomemory();
    TnObject *res = tn_tuple_new(len * n);
    if (!res)
        return NULL;
    for (tn_ssize_t k = 0; k < n; k++)
        for (tn_ssize_t i = 0; i < len; i++)
            TN_TUPLE_SET(res, k * len + i, tn_newref(TN_TUPLE_GET(t, i)));
    return res;
}

/* ---- iterator ----------------------------------------------------------- */

typedef struct {
    TnObject ob;
    tn_ssize_t index;
    TnObject *seq;     /* NULL once exhausted */
} TupleIter;

static TnObject *tuple_iter(TnObject *o)
{
    TupleIter *it = (TupleIter *)tn_object_alloc(&tn_tuple_iter_type, sizeof(TupleIter));
    if (!it)
        return NULL;
    it->seq = tn_newref(o);
    return (TnObject *)it;
}

static void tupleiter_dealloc(TnObject *o)
{
    TN_XDECREF(((TupleIter *)o)->seq);
    tn_object_free(o);
}

static int tupleiter_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TupleIter *it = (TupleIter *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static TnObject *tupleiter_next(TnObject *o)
{
    TupleIter *it = (TupleIter *)o;
    if (!it->seq)
        return NULL;
    if (it->index < TN_TUPLE_SIZE(it->seq))
        return tn_newref(TN_TUPLE_GET(it->seq, it->index++));
    TN_CLEAR(it->seq);
    return NULL;
}

static TnObject *tupleiter_length_hint(TnObject *o, TnObject *unused)
{
    TupleIter *it = (TupleIter *)o;
    return tn_int_from_i64(it->seq ? TN_TUPLE_SIZE(it->seq) - it->index : 0);
}

static const TnMethodDef tupleiter_methods[] = {
    { "__length_hint__", (void *)tupleiter_length_hint, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

TnType tn_tuple_iter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(TupleIter),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = tupleiter_dealloc,
    .tp_traverse = tupleiter_traverse,
    .tp_iter = tn_iter_self,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};

/* ---- methods ------------------------------------------------------------ */

static TnObject *tuple_count(TnObject *self, TnObject *v)
{
    int64_t c = 0;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(self); i++) {
        int k = tn_object_richcompare_bool(TN_TUPLE_GET(self, i), v, TN_EQ);
        if (k < 0)
            return NULL;
        c += k;
    }
    return tn_int_from_i64(c);
}

static TnObject *tuple_index(TnObject *self, TnObject *const *args, size_t nargs)
{
    tn_ssize_t start, stop;
    if (tn_check_nargs("index", nargs, 1, 3) < 0 ||
        tn_parse_index_range("index", args, nargs, TN_TUPLE_SIZE(self), &start, &stop) < 0)
        return NULL;
    for (tn_ssize_t i = start; i < stop && i < TN_TUPLE_SIZE(self); i++) {
        int k = tn_object_richcompare_bool(TN_TUPLE_GET(self, i), args[0], TN_EQ);
        if (k < 0)
            return NULL;
        if (k)
            return tn_int_from_i64(i);
    }
    return tn_err_format(&tn_exc_ValueError, "tuple.index(x): x not in tuple");
}

static TnObject *tuple_getnewargs(TnObject *self, TnObject *unused)
{
    TnObject *t = tn_tuple_exact(self);
    if (!t)
        return NULL;
    TnObject *r = tn_tuple_pack(1, t);
    tn_decref(t);
    return r;
}

static const TnMethodDef tuple_methods[] = {
    { "count", (void *)tuple_count, TN_METH_O, "Return number of occurrences of value." },
    { "index", (void *)tuple_index, TN_METH_FAST, "Return first index of value." },
    { "__getnewargs__", (void *)tuple_getnewargs, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static TnObject *tuple_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (type == &tn_tuple_type && tn_check_no_kwargs("tuple", kwnames) < 0)
        return NULL;
    if (tn_check_nargs("tuple", nargs, 0, 1) < 0)
        return NULL;
    TnObject *t;
    if (nargs == 0)
        t = tn_tuple_new(0);
    else
        t = tn_sequence_tuple(args[0]);
    if (!t || type == &tn_tuple_type)
        return t;
    /* Subclass (namedtuple-like): copy into an instance of `type`. */
    tn_ssize_t n = TN_TUPLE_SIZE(t);
    TnObject *r = tuple_alloc(type, n);
    if (r)
        for (tn_ssize_t i = 0; i < n; i++)
            TN_TUPLE_SET(r, i, tn_newref(TN_TUPLE_GET(t, i)));
    tn_decref(t);
    return r;
}

TnType tn_tuple_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "tuple",
    .tp_basicsize = sizeof(TnTuple),
    .tp_itemsize = sizeof(TnObject *),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_TUPLE_SUBCLASS | TN_TPFLAG_GC,
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_hash = tn_tuple_hash,
    .tp_richcompare = tn_tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_new = tuple_new,
    .tp_traverse = tuple_traverse,
    .nb_add = tuple_nb_add,
    .nb_multiply = tuple_nb_multiply,
    .sq_length = tuple_length,
    .mp_subscript = tuple_subscript,
    .sq_contains = tuple_contains,
    .sq_item = tuple_item,
    .tp_methods = tuple_methods,
    .tp_doc = "Built-in immutable sequence.",
};

int tn_tuple_init(void)
{
    if (!tn_tuple_new(0))
        return -1;
    if (tn_type_ready(&tn_tuple_type) < 0 || tn_type_ready(&tn_tuple_iter_type) < 0)
        return -1;
    return 0;
}
