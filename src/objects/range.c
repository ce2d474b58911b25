/* range (CPython's Objects/rangeobject.c). Immutable: no locks. When all
 * of start/stop/step/len fit in int64 the C fields drive every fast path;
 * otherwise the same operations are done with int objects (slow path).
 * No global state. */
#include "containers_internal.h"

#define R(o) ((TnRange *)(o))

/* len = max(0, ceil((stop - start) / step)) with int objects. */
static TnObject *compute_length_obj(TnObject *start, TnObject *stop, TnObject *step)
{
    TnObject *zero = tn_int_from_i64(0), *one = tn_int_from_i64(1);
    TnObject *lo = start, *hi = stop, *st = step, *neg = NULL, *r = NULL;
    int cmp = tn_object_richcompare_bool(step, zero, TN_GT);
    if (cmp < 0)
        goto done;
    if (!cmp) {
        lo = stop;
        hi = start;
        st = neg = tn_number_negative(step);
        if (!neg)
            goto done;
    }
    cmp = tn_object_richcompare_bool(lo, hi, TN_GE);
    if (cmp < 0)
        goto done;
    if (cmp) {
        r = tn_newref(zero);
        goto done;
    }
    /* (hi - lo - 1) // st + 1 */
    TnObject *d = tn_number_subtract(hi, lo);
    TnObject *d1 = d ? tn_number_subtract(d, one) : NULL;
    TnObject *q = d1 ? tn_number_floordiv(d1, st) : NULL;
    r = q ? tn_number_add(q, one) : NULL;
    TN_XDECREF(d);
    TN_XDECREF(d1);
    TN_XDECREF(q);
done:
    TN_XDECREF(neg);
    tn_decref(zero);
    tn_decref(one);
    return r;
}

static TnObject *range_from_objects(TnObject *start, TnObject *stop, TnObject *step)
{
    TnObject *len = compute_length_obj(start, stop, step);
    if (!len)
        return NULL;
    TnRange *r = (TnRange *)tn_object_alloc(&tn_range_type, sizeof(TnRange));
    if (!r) {
        tn_decref(len);
        return NULL;
    }
    r->start = tn_newref(start);
    r->stop = tn_newref(stop);
    r->step = tn_newref(step);
    r->length = len;
    int64_t a, b, c, n;
    r->is_small = tn_int_as_i64_overflow(start, &a) && tn_int_as_i64_overflow(stop, &b) &&
                  tn_int_as_i64_overflow(step, &c) && tn_int_as_i64_overflow(len, &n);
    if (r->is_small) {
        r->istart = a;
        r->istop = b;
        r->istep = c;
        r->ilen = n;
    }
    return (TnObject *)r;
}

TnObject *tn_range_new_i64(int64_t start, int64_t stop, int64_t step)
{
    TnObject *a = tn_int_from_i64(start), *b = tn_int_from_i64(stop), *c = tn_int_from_i64(step);
    TnObject *r = (a && b && c) ? range_from_objects(a, b, c) : NULL;
    TN_XDECREF(a);
    TN_XDECREF(b);
    TN_XDECREF(c);
    return r;
}

static TnObject *index_arg(TnObject *o)
{
    if (!TN_HAS_INDEX(o))
        return tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             TN_TYPE(o)->tp_name);
    TnObject *i = tn_number_index(o);
    /* range keeps plain ints, as CPython's index conversion does: an int
     * subclass (bool, an IntEnum member) must not leak into repr or
     * attributes. */
    if (i && !tn_int_check_exact(i)) {
        TnObject *e = tn_int_exact(i);
        tn_decref(i);
        i = e;
    }
    return i;
}

static TnObject *range_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (tn_check_no_kwargs("range", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return tn_err_format(&tn_exc_TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3)
        return tn_err_format(&tn_exc_TypeError, "range expected at most 3 arguments, got %zu", nargs);
    TnObject *start = NULL, *stop = NULL, *step = NULL, *r = NULL;
    if (nargs == 1) {
        start = tn_int_from_i64(0);
        stop = index_arg(args[0]);
        step = tn_int_from_i64(1);
    } else {
        start = index_arg(args[0]);
        stop = start ? index_arg(args[1]) : NULL;
        step = nargs == 3 ? (stop ? index_arg(args[2]) : NULL) : tn_int_from_i64(1);
    }
    if (!start || !stop || !step)
        goto done;
    if (tn_int_sign(step) == 0) {
        tn_err_format(&tn_exc_ValueError, "range() arg 3 must not be zero");
        goto done;
    }
    r = range_from_objects(start, stop, step);
done:
    TN_XDECREF(start);
    TN_XDECREF(stop);
    TN_XDECREF(step);
    return r;
}

static void range_dealloc(TnObject *o)
{
    TnRange *r = R(o);
    tn_decref(r->start);
    tn_decref(r->stop);
    tn_decref(r->step);
    tn_decref(r->length);
    tn_object_free(o);
}

static TnObject *range_repr(TnObject *o)
{
    TnRange *r = R(o);
    if (r->is_small ? r->istep == 1 : (TN_INT_IS_SMALL(r->step) && TN_INT_IVAL(r->step) == 1))
        return tn_str_from_format("range(%R, %R)", r->start, r->stop);
    return tn_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static tn_ssize_t range_length(TnObject *o)
{
    TnRange *r = R(o);
    if (r->is_small)
        return (tn_ssize_t)r->ilen;
    /* Huge bounds can still have a small length. */
    int64_t n;
    if (tn_int_as_i64_overflow(r->length, &n))
        return (tn_ssize_t)n;
    tn_err_format(&tn_exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

static int range_bool(TnObject *o)
{
    return tn_int_sign(R(o)->length) != 0;
}

/* start + i * step with int objects. */
static TnObject *compute_item_obj(TnRange *r, TnObject *i)
{
    TnObject *m = tn_number_multiply(i, r->step);
    TnObject *v = m ? tn_number_add(r->start, m) : NULL;
    TN_XDECREF(m);
    return v;
}

static TnObject *range_item(TnObject *o, tn_ssize_t i)
{
    TnRange *r = R(o);
    if (r->is_small) {
        if (i < 0)
            i += r->ilen;
        if (i < 0 || i >= r->ilen)
            return tn_err_format(&tn_exc_IndexError, "range object index out of range");
        return tn_int_from_i64(r->istart + (int64_t)i * r->istep);
    }
    TnObject *io = tn_int_from_i64(i), *v = NULL;
    if (!io)
        return NULL;
    if (i < 0) {
        TnObject *t = tn_number_add(io, r->length);
        tn_decref(io);
        io = t;
        if (!io)
            return NULL;
    }
    if (tn_int_sign(io) < 0 || tn_object_richcompare_bool(io, r->length, TN_GE) > 0)
        tn_err_format(&tn_exc_IndexError, "range object index out of range");
    else
        v = compute_item_obj(r, io);
    tn_decref(io);
    return v;
}

static TnObject *range_subscript(TnObject *o, TnObject *key)
{
    TnRange *r = R(o);
    if (TN_HAS_INDEX(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return range_item(o, i);
    }
    if (tn_slice_check(key)) {
        if (!r->is_small)
            return tn_err_format(&tn_exc_OverflowError,
                                 "slicing a range with bounds beyond 64 bits is not supported");
        tn_ssize_t start, stop, step;
        if (tn_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        tn_slice_adjust_indices((tn_ssize_t)r->ilen, &start, &stop, step);
        /* CPython maps both ends (not start + n * step), which shows in the
         * repr: range(0, 20, 2)[::3] is range(0, 20, 6). */
        int64_t nstart = r->istart + (int64_t)start * r->istep;
        int64_t nstep = r->istep * (int64_t)step;
        int64_t nstop = r->istart + (int64_t)stop * r->istep;
        return tn_range_new_i64(nstart, nstop, nstep);
    }
    return tn_err_format(&tn_exc_TypeError, "range indices must be integers or slices, not %T", key);
}

/* For an int `v`: 1 if v is in the range, computed arithmetically. */
static int range_contains_int(TnRange *r, TnObject *v)
{
    int64_t x;
    if (r->is_small && tn_int_as_i64_overflow(v, &x)) {
        if (r->ilen == 0)
            return 0;
        if (r->istep > 0 ? (x < r->istart || x >= r->istop) : (x > r->istart || x <= r->istop))
            return 0;
        /* (x - start) % step == 0, without overflow: both differences fit */
        __int128 d = (__int128)x - r->istart;
        return d % r->istep == 0;
    }
    int pos = tn_int_sign(r->step) > 0;
    int c1 = tn_object_richcompare_bool(pos ? r->start : v, pos ? v : r->start, TN_LE);
    if (c1 <= 0)
        return c1;
    int c2 = tn_object_richcompare_bool(pos ? v : r->stop, pos ? r->stop : v, TN_LT);
    if (c2 <= 0)
        return c2;
    TnObject *d = tn_number_subtract(v, r->start);
    TnObject *m = d ? tn_number_remainder(d, r->step) : NULL;
    int res = m ? tn_int_sign(m) == 0 : -1;
    TN_XDECREF(d);
    TN_XDECREF(m);
    return res;
}

static int range_contains(TnObject *o, TnObject *v)
{
    if (tn_int_check_exact(v) || tn_bool_check(v))
        return range_contains_int(R(o), v);
    /* generic: compare with every element */
    TnObject *it = tn_object_iter(o);
    if (!it)
        return -1;
    TnObject *x;
    while ((x = tn_iter_next(it))) {
        int c = tn_object_richcompare_bool(x, v, TN_EQ);
        tn_decref(x);
        if (c != 0) {
            tn_decref(it);
            return c;
        }
    }
    tn_decref(it);
    return tn_err_occurred() ? -1 : 0;
}

static TnObject *range_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_range_check(a) || !tn_range_check(b) || (op != TN_EQ && op != TN_NE))
        return tn_newref(tn_NotImplemented);
    TnRange *x = R(a), *y = R(b);
    int eq;
    if (a == b) {
        eq = 1;
    } else {
        eq = tn_object_richcompare_bool(x->length, y->length, TN_EQ);
        if (eq > 0 && tn_int_sign(x->length) != 0) {
            eq = tn_object_richcompare_bool(x->start, y->start, TN_EQ);
            if (eq > 0) {
                TnObject *one = tn_int_from_i64(1);
                int is_one = tn_object_richcompare_bool(x->length, one, TN_EQ);
                tn_decref(one);
                if (is_one < 0)
                    return NULL;
                if (!is_one)
                    eq = tn_object_richcompare_bool(x->step, y->step, TN_EQ);
            }
        }
        if (eq < 0)
            return NULL;
    }
    return tn_bool_from(op == TN_EQ ? eq : !eq);
}

static tn_hash_t range_hash(TnObject *o)
{
    TnRange *r = R(o);
    TnObject *t;
    if (tn_int_sign(r->length) == 0)
        t = tn_tuple_pack(3, r->length, tn_None, tn_None);
    else {
        TnObject *one = tn_int_from_i64(1);
        int is_one = tn_object_richcompare_bool(r->length, one, TN_EQ);
        tn_decref(one);
        t = is_one ? tn_tuple_pack(3, r->length, r->start, tn_None)
                   : tn_tuple_pack(3, r->length, r->start, r->step);
    }
    if (!t)
        return -1;
    tn_hash_t h = tn_object_hash(t);
    tn_decref(t);
    return h;
}

/* ---- iterators ----------------------------------------------------------------- */

typedef struct {
    TnObject ob;
    int64_t next, step, remaining;
} RangeIter;

typedef struct {
    TnObject ob;
    TnObject *next, *step, *remaining;   /* ints */
} LongRangeIter;

static TnObject *range_iter_from(TnRange *r, int reverse)
{
    if (r->is_small) {
        int64_t last = 0;
        /* reverse of an empty or overflowing range: fall to the slow path */
        if (!reverse || r->ilen == 0 ||
            !__builtin_mul_overflow(r->ilen - 1, r->istep, &last)) {
            RangeIter *it = (RangeIter *)tn_object_alloc(&tn_range_iter_type, sizeof(RangeIter));
            if (!it)
                return NULL;
            if (reverse && r->ilen > 0) {
                it->next = r->istart + last;
                it->step = -r->istep;
            } else {
                it->next = r->istart;
                it->step = r->istep;
            }
            it->remaining = r->ilen;
            return (TnObject *)it;
        }
    }
    LongRangeIter *it = (LongRangeIter *)tn_object_alloc(&tn_longrange_iter_type,
                                                         sizeof(LongRangeIter));
    if (!it)
        return NULL;
    it->remaining = tn_newref(r->length);
    if (!reverse) {
        it->next = tn_newref(r->start);
        it->step = tn_newref(r->step);
    } else {
        TnObject *one = tn_int_from_i64(1);
        TnObject *lm1 = tn_number_subtract(r->length, one);
        tn_decref(one);
        it->next = lm1 ? compute_item_obj(r, lm1) : NULL;
        TN_XDECREF(lm1);
        it->step = tn_number_negative(r->step);
        if (!it->next || !it->step) {
            TN_XDECREF(it->next);
            TN_XDECREF(it->step);
            tn_decref(it->remaining);
            tn_object_free((TnObject *)it);
            return NULL;
        }
    }
    return (TnObject *)it;
}

static TnObject *range_iter(TnObject *o) { return range_iter_from(R(o), 0); }

static TnObject *rangeiter_next(TnObject *o)
{
    RangeIter *it = (RangeIter *)o;
    if (it->remaining <= 0)
        return NULL;
    int64_t v = it->next;
    it->remaining--;
    if (it->remaining > 0)
        it->next += it->step;   /* only computed when another value follows */
    return tn_int_from_i64(v);
}

static TnObject *rangeiter_length_hint(TnObject *o, TnObject *unused)
{
    return tn_int_from_i64(((RangeIter *)o)->remaining);
}

static const TnMethodDef rangeiter_methods[] = {
    { "__length_hint__", (void *)rangeiter_length_hint, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

TnType tn_range_iter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(RangeIter),
    .tp_dealloc = (void (*)(TnObject *))tn_object_free,
    .tp_iter = tn_iter_self,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

static void longrangeiter_dealloc(TnObject *o)
{
    LongRangeIter *it = (LongRangeIter *)o;
    tn_decref(it->next);
    tn_decref(it->step);
    tn_decref(it->remaining);
    tn_object_free(o);
}

static TnObject *longrangeiter_next(TnObject *o)
{
    LongRangeIter *it = (LongRangeIter *)o;
    if (tn_int_sign(it->remaining) <= 0)
        return NULL;
    TnObject *one = tn_int_from_i64(1);
    TnObject *rem = tn_number_subtract(it->remaining, one);
    tn_decref(one);
    if (!rem)
        return NULL;
    TnObject *nxt = tn_number_add(it->next, it->step);
    if (!nxt) {
        tn_decref(rem);
        return NULL;
    }
    TnObject *v = it->next;
    it->next = nxt;
    TN_SETREF(it->remaining, rem);
    return v;
}

/* The exact count, which may exceed any C size: list() and friends turn
 * that into OverflowError instead of iterating forever, as CPython does. */
static TnObject *longrangeiter_length_hint(TnObject *o, TnObject *unused)
{
    return tn_newref(((LongRangeIter *)o)->remaining);
}

static const TnMethodDef longrangeiter_methods[] = {
    { "__length_hint__", (void *)longrangeiter_length_hint, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

TnType tn_longrange_iter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(LongRangeIter),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_iter = tn_iter_self,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};

/* ---- methods --------------------------------------------------------------------- */

static TnObject *m_reversed(TnObject *self, TnObject *unused) { return range_iter_from(R(self), 1); }

static TnObject *m_count(TnObject *self, TnObject *v)
{
    if (tn_int_check_exact(v) || tn_bool_check(v)) {
        int c = range_contains_int(R(self), v);
        return c < 0 ? NULL : tn_int_from_i64(c);
    }
    int64_t n = 0;
    TnObject *it = range_iter(self), *x;
    if (!it)
        return NULL;
    while ((x = tn_iter_next(it))) {
        int c = tn_object_richcompare_bool(x, v, TN_EQ);
        tn_decref(x);
        if (c < 0) {
            tn_decref(it);
            return NULL;
        }
        n += c;
    }
    tn_decref(it);
    return tn_err_occurred() ? NULL : tn_int_from_i64(n);
}

static TnObject *m_index(TnObject *self, TnObject *v)
{
    TnRange *r = R(self);
    if (tn_int_check_exact(v) || tn_bool_check(v)) {
        int c = range_contains_int(r, v);
        if (c < 0)
            return NULL;
        if (c) {
            TnObject *d = tn_number_subtract(v, r->start);
            TnObject *q = d ? tn_number_floordiv(d, r->step) : NULL;
            TN_XDECREF(d);
            return q;
        }
    } else {
        int64_t i = 0;
        TnObject *it = range_iter(self), *x;
        if (!it)
            return NULL;
        while ((x = tn_iter_next(it))) {
            int c = tn_object_richcompare_bool(x, v, TN_EQ);
            tn_decref(x);
            if (c != 0) {
                tn_decref(it);
                return c < 0 ? NULL : tn_int_from_i64(i);
            }
            i++;
        }
        tn_decref(it);
        if (tn_err_occurred())
            return NULL;
    }
    return tn_err_format(&tn_exc_ValueError, "%R is not in range", v);
}

static TnObject *m_reduce(TnObject *self, TnObject *unused)
{
    TnRange *r = R(self);
    TnObject *args = tn_tuple_pack(3, r->start, r->stop, r->step);
    if (!args)
        return NULL;
    TnObject *res = tn_tuple_pack(2, (TnObject *)&tn_range_type, args);
    tn_decref(args);
    return res;
}

static const TnMethodDef range_methods[] = {
    { "__reversed__", (void *)m_reversed, TN_METH_NOARGS, "Return a reverse iterator." },
    { "count", (void *)m_count, TN_METH_O, "rangeobject.count(value) -> integer" },
    { "index", (void *)m_index, TN_METH_O, "rangeobject.index(value) -> integer" },
    { "__reduce__", (void *)m_reduce, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static TnObject *get_start(TnObject *o, void *c) { return tn_newref(R(o)->start); }
static TnObject *get_stop(TnObject *o, void *c) { return tn_newref(R(o)->stop); }
static TnObject *get_step(TnObject *o, void *c) { return tn_newref(R(o)->step); }

static const TnGetSetDef range_getset[] = {
    { "start", get_start, NULL, NULL, NULL },
    { "stop", get_stop, NULL, NULL, NULL },
    { "step", get_step, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

TnType tn_range_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "range",
    .tp_basicsize = sizeof(TnRange),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_hash = range_hash,
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_new = range_new,
    .nb_bool = range_bool,
    .sq_length = range_length,
    .mp_subscript = range_subscript,
    .sq_contains = range_contains,
    .sq_item = range_item,
    .tp_methods = range_methods,
    .tp_getset = range_getset,
    .tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object",
};

int tn_range_init(void)
{
    if (tn_type_ready(&tn_range_type) < 0 || tn_type_ready(&tn_range_iter_type) < 0 ||
        tn_type_ready(&tn_longrange_iter_type) < 0)
        return -1;
    return 0;
}
