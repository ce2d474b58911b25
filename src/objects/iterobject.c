/* The built-in iterator types (CPython's enumobject.c, bltinmodule.c's
 * zip/map/filter, iterobject.c) and tn_containers_init. Each iterator is
 * owned by the thread that iterates it, as in CPython: sharing one iterator
 * between threads is a user-level race (no crash: fields are only pointers
 * to owned objects). No global state. */
#include "containers_internal.h"

static void clear_stop_or_index_error(void)
{
    if (tn_err_matches(&tn_exc_IndexError) || tn_err_matches(&tn_exc_StopIteration))
        tn_err_clear();
}

/* ---- enumerate ------------------------------------------------------------------ */

typedef struct {
    TnObject ob;
    TnObject *it;
    int64_t index;
    TnObject *longindex;   /* used once the count leaves int64 (or a big start) */
} Enumerate;

static TnObject *enumerate_new(TnType *type, TnObject *const *args, size_t nargs,
                               TnObject *kwnames)
{
    static const char *const kwlist[] = { "iterable", "start", NULL };
    TnObject *out[2] = { NULL, NULL };
    if (tn_parse_args("enumerate", args, nargs, kwnames, kwlist, 2, 1, out) < 0)
        return NULL;
    TnObject *start = NULL;
    if (out[1]) {
        if (!TN_HAS_INDEX(out[1]))
            return tn_err_format(&tn_exc_TypeError,
                                 "'%s' object cannot be interpreted as an integer",
                                 TN_TYPE(out[1])->tp_name);
        start = tn_number_index(out[1]);
        if (!start)
            return NULL;
    }
    TnObject *it = tn_object_iter(out[0]);
    if (!it) {
        TN_XDECREF(start);
        return NULL;
    }
    Enumerate *e = (Enumerate *)tn_object_alloc(type, type->tp_basicsize);
    if (!e) {
        tn_decref(it);
        TN_XDECREF(start);
        return NULL;
    }
    e->it = it;
    if (start && !tn_int_as_i64_overflow(start, &e->index))
        e->longindex = tn_newref(start);
    TN_XDECREF(start);
    return (TnObject *)e;
}

static void enumerate_dealloc(TnObject *o)
{
    Enumerate *e = (Enumerate *)o;
    TN_XDECREF(e->it);
    TN_XDECREF(e->longindex);
    tn_object_free(o);
}

static int enumerate_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    Enumerate *e = (Enumerate *)o;
    int r;
    if (e->it && (r = visit(e->it, arg)))
        return r;
    return e->longindex ? visit(e->longindex, arg) : 0;
}

static TnObject *enumerate_next(TnObject *o)
{
    Enumerate *e = (Enumerate *)o;
    TnObject *item = tn_iter_next(e->it);
    if (!item)
        return NULL;
    TnObject *idx;
    if (!e->longindex && e->index < INT64_MAX) {
        idx = tn_int_from_i64(e->index++);
    } else {
        if (!e->longindex)
            e->longindex = tn_int_from_i64(e->index);
        TnObject *one = tn_int_from_i64(1);
        idx = e->longindex;
        e->longindex = (idx && one) ? tn_number_add(idx, one) : NULL;
        TN_XDECREF(one);
        if (!e->longindex) {
            TN_XDECREF(idx);
            idx = NULL;
        }
    }
    if (!idx) {
        tn_decref(item);
        return NULL;
    }
    TnObject *t = tn_tuple_new(2);
    if (!t) {
        tn_decref(item);
        tn_decref(idx);
        return NULL;
    }
    TN_TUPLE_SET(t, 0, idx);
    TN_TUPLE_SET(t, 1, item);
    return t;
}

TnType tn_enumerate_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(Enumerate),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = enumerate_dealloc,
    .tp_traverse = enumerate_traverse,
    .tp_iter = tn_iter_self,
    .tp_iternext = enumerate_next,
    .tp_new = enumerate_new,
    .tp_doc = "Return an enumerate object.",
};

/* ---- zip -------------------------------------------------------------------------- */

typedef struct {
    TnObject ob;
    TnObject *its;     /* tuple of iterators; NULL once exhausted */
    int strict;
} Zip;

static TnObject *zip_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    int strict = 0;
    if (kwnames) {
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(kwnames); i++) {
            TnObject *name = TN_TUPLE_GET(kwnames, i);
            if (!tn_str_eq_cstr(name, "strict"))
                return tn_err_format(&tn_exc_TypeError,
                                     "zip() got an unexpected keyword argument '%U'", name);
            strict = tn_object_is_true(args[nargs + (size_t)i]);
            if (strict < 0)
                return NULL;
        }
    }
    TnObject *its = tn_tuple_new((tn_ssize_t)nargs);
    if (!its)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        TnObject *it = tn_object_iter(args[i]);
        if (!it) {
            for (size_t j = i; j < nargs; j++)
                TN_TUPLE_SET(its, j, tn_newref(tn_None));
            tn_decref(its);
            return NULL;
        }
        TN_TUPLE_SET(its, i, it);
    }
    Zip *z = (Zip *)tn_object_alloc(type, type->tp_basicsize);
    if (!z) {
        tn_decref(its);
        return NULL;
    }
    z->its = its;
    z->strict = strict;
    return (TnObject *)z;
}

static void zip_dealloc(TnObject *o)
{
    TN_XDECREF(((Zip *)o)->its);
    tn_object_free(o);
}

static int zip_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    Zip *z = (Zip *)o;
    return z->its ? visit(z->its, arg) : 0;
}

static TnObject *zip_strict_error(tn_ssize_t i, const char *what)
{
    if (i == 1)
        return tn_err_format(&tn_exc_ValueError, "zip() argument 2 is %s than argument 1", what);
    return tn_err_format(&tn_exc_ValueError, "zip() argument %zd is %s than arguments 1-%zd",
                         i + 1, what, i);
}

static TnObject *zip_next(TnObject *o)
{
    Zip *z = (Zip *)o;
    if (!z->its)
        return NULL;
    tn_ssize_t n = TN_TUPLE_SIZE(z->its);
    if (n == 0)
        return NULL;
    TnObject *t = tn_tuple_new(n);
    if (!t)
        return NULL;
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *item = tn_iter_next(TN_TUPLE_GET(z->its, i));
        if (!item) {
            for (tn_ssize_t j = i; j < n; j++)
                TN_TUPLE_SET(t, j, tn_newref(tn_None));
            tn_decref(t);
            if (tn_err_occurred())
                return NULL;
            if (z->strict) {
                if (i > 0)
                    return zip_strict_error(i, "shorter");
                /* the first ran out: every other one must be exhausted too */
                for (tn_ssize_t j = 1; j < n; j++) {
                    TnObject *extra = tn_iter_next(TN_TUPLE_GET(z->its, j));
                    if (extra) {
                        tn_decref(extra);
                        return zip_strict_error(j, "longer");
                    }
                    if (tn_err_occurred())
                        return NULL;
                }
            }
            TN_CLEAR(z->its);
            return NULL;
        }
        TN_TUPLE_SET(t, i, item);
    }
    return t;
}

TnType tn_zip_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "zip",
    .tp_basicsize = sizeof(Zip),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = zip_dealloc,
    .tp_traverse = zip_traverse,
    .tp_iter = tn_iter_self,
    .tp_iternext = zip_next,
    .tp_new = zip_new,
    .tp_doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.",
};

/* ---- map -------------------------------------------------------------------------- */

typedef struct {
    TnObject ob;
    TnObject *func;
    TnObject *its;     /* tuple of iterators */
} Map;

static TnObject *map_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (type == &tn_map_type && tn_check_no_kwargs("map", kwnames) < 0)
        return NULL;
    if (nargs < 2)
        return tn_err_format(&tn_exc_TypeError, "map() must have at least two arguments.");
    TnObject *its = tn_tuple_new((tn_ssize_t)nargs - 1);
    if (!its)
        return NULL;
    for (size_t i = 1; i < nargs; i++) {
        TnObject *it = tn_object_iter(args[i]);
        if (!it) {
            for (size_t j = i; j < nargs; j++)
                TN_TUPLE_SET(its, j - 1, tn_newref(tn_None));
            tn_decref(its);
            return NULL;
        }
        TN_TUPLE_SET(its, i - 1, it);
    }
    Map *m = (Map *)tn_object_alloc(type, type->tp_basicsize);
    if (!m) {
        tn_decref(its);
        return NULL;
    }
    m->func = tn_newref(args[0]);
    m->its = its;
    return (TnObject *)m;
}

static void map_dealloc(TnObject *o)
{
    Map *m = (Map *)o;
    tn_decref(m->func);
    tn_decref(m->its);
    tn_object_free(o);
}

static int map_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    Map *m = (Map *)o;
    int r;
    if ((r = visit(m->func, arg)))
        return r;
    return visit(m->its, arg);
}

#define MAP_SMALL 8

static TnObject *map_next(TnObject *o)
{
    Map *m = (Map *)o;
    tn_ssize_t n = TN_TUPLE_SIZE(m->its);
    TnObject *small[MAP_SMALL], **argv = small, *r = NULL;
    if (n > MAP_SMALL) {
        argv = tn_mem_alloc((size_t)n * sizeof(TnObject *));
        if (!argv)
            return NULL;
    }
    tn_ssize_t got = 0;
    for (; got < n; got++) {
        argv[got] = tn_iter_next(TN_TUPLE_GET(m->its, got));
        if (!argv[got])
            goto done;
    }
    r = tn_call(m->func, argv, (size_t)n, NULL);
done:
    for (tn_ssize_t i = 0; i < got; i++)
        tn_decref(argv[i]);
    if (argv != small)
        tn_mem_free(argv);
    return r;
}

TnType tn_map_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "map",
    .tp_basicsize = sizeof(Map),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = map_dealloc,
    .tp_traverse = map_traverse,
    .tp_iter = tn_iter_self,
    .tp_iternext = map_next,
    .tp_new = map_new,
    .tp_doc = "map(func, *iterables) --> map object",
};

/* ---- filter ----------------------------------------------------------------------- */

typedef struct {
    TnObject ob;
    TnObject *func;    /* None = truth test */
    TnObject *it;
} Filter;

static TnObject *filter_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (type == &tn_filter_type && tn_check_no_kwargs("filter", kwnames) < 0)
        return NULL;
    if (tn_check_nargs("filter", nargs, 2, 2) < 0)
        return NULL;
    TnObject *it = tn_object_iter(args[1]);
    if (!it)
        return NULL;
    Filter *f = (Filter *)tn_object_alloc(type, type->tp_basicsize);
    if (!f) {
        tn_decref(it);
        return NULL;
    }
    f->func = tn_newref(args[0]);
    f->it = it;
    return (TnObject *)f;
}

static void filter_dealloc(TnObject *o)
{
    Filter *f = (Filter *)o;
    tn_decref(f->func);
    tn_decref(f->it);
    tn_object_free(o);
}

static int filter_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    Filter *f = (Filter *)o;
    int r;
    if ((r = visit(f->func, arg)))
        return r;
    return visit(f->it, arg);
}

static TnObject *filter_next(TnObject *o)
{
    Filter *f = (Filter *)o;
    int truth_only = f->func == tn_None || f->func == (TnObject *)&tn_bool_type;
    for (;;) {
        TnObject *item = tn_iter_next(f->it);
        if (!item)
            return NULL;
        int ok;
        if (truth_only) {
            ok = tn_object_is_true(item);
        } else {
            TnObject *r = tn_call_one(f->func, item);
            ok = r ? tn_object_is_true(r) : -1;
            TN_XDECREF(r);
        }
        if (ok > 0)
            return item;
        tn_decref(item);
        if (ok < 0)
            return NULL;
    }
}

TnType tn_filter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "filter",
    .tp_basicsize = sizeof(Filter),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = filter_dealloc,
    .tp_traverse = filter_traverse,
    .tp_iter = tn_iter_self,
    .tp_iternext = filter_next,
    .tp_new = filter_new,
    .tp_doc = "filter(function or None, iterable) --> filter object",
};

/* ---- reversed and the sequence iterator ----------------------------------------- */

typedef struct {
    TnObject ob;
    TnObject *seq;       /* NULL once exhausted */
    tn_ssize_t index;
} SeqIter;

static TnObject *seq_getitem(TnObject *seq, tn_ssize_t i)
{
    if (TN_TYPE(seq)->sq_item && !(TN_TYPE(seq)->tp_flags & TN_TPFLAG_HEAPTYPE))
        return TN_TYPE(seq)->sq_item(seq, i);
    TnObject *io = tn_int_from_i64(i);
    if (!io)
        return NULL;
    TnObject *v = tn_object_getitem(seq, io);
    tn_decref(io);
    return v;
}

static void seqiter_dealloc(TnObject *o)
{
    TN_XDECREF(((SeqIter *)o)->seq);
    tn_object_free(o);
}

static int seqiter_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    SeqIter *s = (SeqIter *)o;
    return s->seq ? visit(s->seq, arg) : 0;
}

TnObject *tn_reversed_new(TnObject *seq)
{
    TnObject *rev = tn_type_lookup(TN_TYPE(seq), TN_ID(__reversed__));
    if (rev == tn_None)
        return tn_err_format(&tn_exc_TypeError, "'%s' object is not reversible",
                             TN_TYPE(seq)->tp_name);
    if (rev)
        return tn_call_method(seq, TN_ID(__reversed__), NULL, 0);
    TnType *t = TN_TYPE(seq);
    int has_getitem = t->mp_subscript || t->sq_item;
    if (!t->sq_length || !has_getitem || tn_dict_check(seq))
        return tn_err_format(&tn_exc_TypeError, "'%s' object is not reversible", t->tp_name);
    tn_ssize_t n = tn_object_length(seq);
    if (n < 0)
        return NULL;
    SeqIter *s = (SeqIter *)tn_object_alloc(&tn_reversed_type, sizeof(SeqIter));
    if (!s)
        return NULL;
    s->seq = tn_newref(seq);
    s->index = n - 1;
    return (TnObject *)s;
}

static TnObject *reversed_new(TnType *type, TnObject *const *args, size_t nargs,
                              TnObject *kwnames)
{
    if (type == &tn_reversed_type && tn_check_no_kwargs("reversed", kwnames) < 0)
        return NULL;
    if (tn_check_nargs("reversed", nargs, 1, 1) < 0)
        return NULL;
    return tn_reversed_new(args[0]);
}

static TnObject *reversed_next(TnObject *o)
{
    SeqIter *s = (SeqIter *)o;
    if (!s->seq)
        return NULL;
    if (s->index >= 0) {
        TnObject *v = seq_getitem(s->seq, s->index);
        if (v) {
            s->index--;
            return v;
        }
        clear_stop_or_index_error();
        if (tn_err_occurred())
            return NULL;
    }
    s->index = -1;
    TN_CLEAR(s->seq);
    return NULL;
}

static TnObject *reversed_length_hint(TnObject *o, TnObject *unused)
{
    SeqIter *s = (SeqIter *)o;
    if (!s->seq)
        return tn_int_from_i64(0);
    tn_ssize_t n = tn_object_length(s->seq);
    if (n < 0)
        return NULL;
    return tn_int_from_i64(n < s->index + 1 ? 0 : s->index + 1);
}

static const TnMethodDef reversed_methods[] = {
    { "__length_hint__", (void *)reversed_length_hint, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

TnType tn_reversed_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "reversed",
    .tp_basicsize = sizeof(SeqIter),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = seqiter_dealloc,
    .tp_traverse = seqiter_traverse,
    .tp_iter = tn_iter_self,
    .tp_iternext = reversed_next,
    .tp_new = reversed_new,
    .tp_methods = reversed_methods,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
};

TnObject *tn_seqiter_new(TnObject *seq)
{
    SeqIter *s = (SeqIter *)tn_object_alloc(&tn_seqiter_type, sizeof(SeqIter));
    if (!s)
        return NULL;
    s->seq = tn_newref(seq);
    return (TnObject *)s;
}

static TnObject *seqiter_next(TnObject *o)
{
    SeqIter *s = (SeqIter *)o;
    if (!s->seq)
        return NULL;
    TnObject *v = seq_getitem(s->seq, s->index);
    if (v) {
        s->index++;
        return v;
    }
    clear_stop_or_index_error();
    if (!tn_err_occurred())
        TN_CLEAR(s->seq);
    return NULL;
}

TnType tn_seqiter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "iterator",
    .tp_basicsize = sizeof(SeqIter),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = seqiter_dealloc,
    .tp_traverse = seqiter_traverse,
    .tp_iter = tn_iter_self,
    .tp_iternext = seqiter_next,
};

/* ---- iter(callable, sentinel) ------------------------------------------------------ */

typedef struct {
    TnObject ob;
    TnObject *callable, *sentinel;   /* NULL once exhausted */
} CallIter;

TnObject *tn_calliter_new(TnObject *callable, TnObject *sentinel)
{
    CallIter *c = (CallIter *)tn_object_alloc(&tn_calliter_type, sizeof(CallIter));
    if (!c)
        return NULL;
    c->callable = tn_newref(callable);
    c->sentinel = tn_newref(sentinel);
    return (TnObject *)c;
}

static void calliter_dealloc(TnObject *o)
{
    CallIter *c = (CallIter *)o;
    TN_XDECREF(c->callable);
    TN_XDECREF(c->sentinel);
    tn_object_free(o);
}

static int calliter_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    CallIter *c = (CallIter *)o;
    int r;
    if (c->callable && (r = visit(c->callable, arg)))
        return r;
    return c->sentinel ? visit(c->sentinel, arg) : 0;
}

static TnObject *calliter_next(TnObject *o)
{
    CallIter *c = (CallIter *)o;
    if (!c->callable)
        return NULL;
    TnObject *r = tn_call_noargs(c->callable);
    if (!r) {
        if (tn_err_matches(&tn_exc_StopIteration)) {
            tn_err_clear();
            TN_CLEAR(c->callable);
            TN_CLEAR(c->sentinel);
        }
        return NULL;
    }
    int eq = tn_object_richcompare_bool(r, c->sentinel, TN_EQ);
    if (eq == 0)
        return r;
    tn_decref(r);
    if (eq > 0) {
        TN_CLEAR(c->callable);
        TN_CLEAR(c->sentinel);
    }
    return NULL;
}

TnType tn_calliter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(CallIter),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = calliter_dealloc,
    .tp_traverse = calliter_traverse,
    .tp_iter = tn_iter_self,
    .tp_iternext = calliter_next,
};

/* ---- startup ------------------------------------------------------------------------ */

int tn_containers_init(void)
{
    if (tn_tuple_init() < 0 || tn_list_init() < 0 || tn_dict_init() < 0 ||
        tn_set_init() < 0 || tn_range_init() < 0 || tn_slice_init() < 0)
        return -1;
    TnType *types[] = { &tn_enumerate_type, &tn_zip_type, &tn_map_type, &tn_filter_type,
                        &tn_reversed_type, &tn_seqiter_type, &tn_calliter_type };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (tn_type_ready(types[i]) < 0)
            return -1;
    return 0;
}
