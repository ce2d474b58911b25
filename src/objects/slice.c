/* slice objects and the index helpers shared by every sequence type
 * (CPython's Objects/sliceobject.c and the slice parts of ceval.c).
 * No global state; slices are immutable. */
#include "containers_internal.h"
#include <stddef.h>

TnObject *tn_iter_self(TnObject *o)
{
    return tn_newref(o);
}

/* _PyEval_SliceIndex: None is not handled here. */
int tn_slice_index_clamped(TnObject *v, tn_ssize_t *out)
{
    if (!TN_HAS_INDEX(v)) {
        tn_err_format(&tn_exc_TypeError,
                      "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    tn_ssize_t x = tn_number_as_ssize(v, NULL);
    if (x == -1 && tn_err_occurred())
        return -1;
    *out = x;
    return 0;
}

int tn_parse_index_range(const char *fname, TnObject *const *args, size_t nargs,
                         tn_ssize_t n, tn_ssize_t *start, tn_ssize_t *stop)
{
    *start = 0;
    *stop = TN_SSIZE_MAX;
    for (size_t k = 1; k < nargs && k < 3; k++) {
        if (!TN_HAS_INDEX(args[k])) {
            tn_err_format(&tn_exc_TypeError,
                          "slice indices must be integers or have an __index__ method");
            return -1;
        }
        tn_ssize_t x = tn_number_as_ssize(args[k], NULL);
        if (x == -1 && tn_err_occurred())
            return -1;
        if (x < 0) {
            x += n;
            if (x < 0)
                x = 0;
        }
        *(k == 1 ? start : stop) = x;
    }
    return 0;
}

int tn_seq_repeat_count(TnObject *other, tn_ssize_t *n)
{
    if (TN_HAS_INDEX(other)) {
        *n = tn_number_as_ssize(other, &tn_exc_OverflowError);
        if (*n == -1 && tn_err_occurred())
            return -1;
        return 1;
    }
    if (TN_TYPE(other)->tp_flags & TN_TPFLAG_HEAPTYPE)
        return 0;   /* let a user __rmul__ have its turn */
    tn_err_format(&tn_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                  TN_TYPE(other)->tp_name);
    return -1;
}

/* ---- the slice type ------------------------------------------------------ */

TnObject *tn_slice_new(TnObject *start, TnObject *stop, TnObject *step)
{
    TnSlice *s = (TnSlice *)tn_object_alloc(&tn_slice_type, sizeof(TnSlice));
    if (!s)
        return NULL;
    s->start = tn_newref(start ? start : tn_None);
    s->stop = tn_newref(stop ? stop : tn_None);
    s->step = tn_newref(step ? step : tn_None);
    return (TnObject *)s;
}

int tn_slice_unpack(TnObject *slice, tn_ssize_t *start, tn_ssize_t *stop, tn_ssize_t *step)
{
    TnSlice *r = (TnSlice *)slice;
    if (r->step == tn_None) {
        *step = 1;
    } else {
        if (tn_slice_index_clamped(r->step, step) < 0)
            return -1;
        if (*step == 0) {
            tn_err_format(&tn_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* so that -step cannot overflow in the length computation */
        if (*step < -TN_SSIZE_MAX)
            *step = -TN_SSIZE_MAX;
    }
    if (r->start == tn_None)
        *start = *step < 0 ? TN_SSIZE_MAX : 0;
    else if (tn_slice_index_clamped(r->start, start) < 0)
        return -1;
    if (r->stop == tn_None)
        *stop = *step < 0 ? TN_SSIZE_MIN : TN_SSIZE_MAX;
    else if (tn_slice_index_clamped(r->stop, stop) < 0)
        return -1;
    return 0;
}

tn_ssize_t tn_slice_adjust_indices(tn_ssize_t length, tn_ssize_t *start, tn_ssize_t *stop,
                                   tn_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int tn_slice_get_indices(TnObject *slice, tn_ssize_t length, tn_ssize_t *start,
                         tn_ssize_t *stop, tn_ssize_t *step, tn_ssize_t *slicelength)
{
    if (tn_slice_unpack(slice, start, stop, step) < 0)
        return -1;
    tn_ssize_t n = tn_slice_adjust_indices(length, start, stop, *step);
    if (slicelength)
        *slicelength = n;
    return 0;
}

static void slice_dealloc(TnObject *o)
{
    TnSlice *s = (TnSlice *)o;
    tn_decref(s->start);
    tn_decref(s->stop);
    tn_decref(s->step);
    tn_object_free(o);
}

static int slice_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnSlice *s = (TnSlice *)o;
    int r;
    if ((r = visit(s->start, arg)) || (r = visit(s->stop, arg)) || (r = visit(s->step, arg)))
        return r;
    return 0;
}

static TnObject *slice_repr(TnObject *o)
{
    TnSlice *s = (TnSlice *)o;
    return tn_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static TnObject *slice_as_tuple(TnObject *o)
{
    TnSlice *s = (TnSlice *)o;
    return tn_tuple_pack(3, s->start, s->stop, s->step);
}

static TnObject *slice_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_slice_check(a) || !tn_slice_check(b))
        return tn_newref(tn_NotImplemented);
    if (a == b && (op == TN_EQ || op == TN_NE))
        return tn_bool_from(op == TN_EQ);
    TnObject *ta = slice_as_tuple(a), *tb = ta ? slice_as_tuple(b) : NULL, *r = NULL;
    if (ta && tb)
        r = tn_tuple_richcompare(ta, tb, op);
    TN_XDECREF(ta);
    TN_XDECREF(tb);
    return r;
}

static TnObject *slice_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (tn_check_no_kwargs("slice", kwnames) < 0 || tn_check_nargs("slice", nargs, 1, 3) < 0)
        return NULL;
    if (nargs == 1)
        return tn_slice_new(NULL, args[0], NULL);
    return tn_slice_new(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

/* slice.indices(length): CPython computes with arbitrary-precision ints; we
 * support lengths and bounds that fit in a C ssize_t (clamped otherwise). */
static TnObject *slice_indices(TnObject *self, TnObject *len)
{
    if (!TN_HAS_INDEX(len))
        return tn_err_format(&tn_exc_TypeError,
                             "'%s' object cannot be interpreted as an integer",
                             TN_TYPE(len)->tp_name);
    tn_ssize_t n = tn_number_as_ssize(len, &tn_exc_OverflowError);
    if (n == -1 && tn_err_occurred())
        return NULL;
    if (n < 0)
        return tn_err_format(&tn_exc_ValueError, "length should not be negative");
    tn_ssize_t start, stop, step;
    if (tn_slice_get_indices(self, n, &start, &stop, &step, NULL) < 0)
        return NULL;
    TnObject *a = tn_int_from_i64(start), *b = tn_int_from_i64(stop), *c = tn_int_from_i64(step);
    TnObject *r = (a && b && c) ? tn_tuple_pack(3, a, b, c) : NULL;
    TN_XDECREF(a);
    TN_XDECREF(b);
    TN_XDECREF(c);
    return r;
}

static TnObject *slice_reduce(TnObject *self, TnObject *unused)
{
    TnObject *t = slice_as_tuple(self);
    if (!t)
        return NULL;
    TnObject *r = tn_tuple_pack(2, (TnObject *)&tn_slice_type, t);
    tn_decref(t);
    return r;
}

static const TnMethodDef slice_methods[] = {
    { "indices", (void *)slice_indices, TN_METH_O,
      "S.indices(len) -> (start, stop, stride)" },
    { "__reduce__", (void *)slice_reduce, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static const TnMemberDef slice_members[] = {
    { "start", TN_MEMBER_OBJECT, offsetof(TnSlice, start), 1, NULL },
    { "stop", TN_MEMBER_OBJECT, offsetof(TnSlice, stop), 1, NULL },
    { "step", TN_MEMBER_OBJECT, offsetof(TnSlice, step), 1, NULL },
    { NULL, 0, 0, 0, NULL }
};

TnType tn_slice_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "slice",
    .tp_basicsize = sizeof(TnSlice),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_richcompare = slice_richcompare,   /* tp_hash NULL: unhashable, as in 3.11 */
    .tp_new = slice_new,
    .tp_traverse = slice_traverse,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])",
};

int tn_slice_init(void)
{
    return tn_type_ready(&tn_slice_type);
}
