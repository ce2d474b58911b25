/* bytearray: a mutable byte string. Every mutation runs under the object's
 * lock (ft build); the buffer is never resized in place: growth allocates a
 * new buffer, publishes it with a release store and frees the old one with
 * tn_mem_free_deferred, so lock-free readers (len, indexing, methods that
 * read the buffer) never touch freed memory. Values are converted (and any
 * user __index__ run) before the lock is taken. */
#include <string.h>
#include "str_internal.h"

extern const TnMethodDef tn_bytearray_methods[];
int tn_bytes_contains_impl(const char *d, tn_ssize_t n, TnObject *x);
TnObject *tn_bytes_compare_data(const char *a, tn_ssize_t na, const char *b, tn_ssize_t nb, int op);

#define BA(o) ((TnByteArray *)(o))

/* Make room for `size` bytes (+ NUL); caller holds the lock. */
static int ba_resize_locked(TnObject *o, tn_ssize_t size)
{
    TnByteArray *ba = BA(o);
    if (size + 1 <= ba->allocated) {
        tn_store_relaxed(&ba->ob_size, size);
        ba->data[size] = '\0';
        return 0;
    }
    tn_ssize_t cap = size + (size >> 3) + 16;
    char *nd = tn_mem_alloc((size_t)cap);
    if (!nd)
        return -1;
    char *old = ba->data;
    tn_ssize_t oldn = ba->ob_size;
    if (old)
        memcpy(nd, old, (size_t)(oldn < size ? oldn : size));
    nd[size] = '\0';
    tn_store_release(&ba->data, nd);
    tn_store_release(&ba->ob_size, size);
    if (old)
        tn_mem_free_deferred(old, (size_t)ba->allocated);
    ba->allocated = cap;
    return 0;
}

TnObject *tn_bytearray_from_data(const char *data, tn_ssize_t size)
{
    TnObject *o = tn_object_alloc(&tn_bytearray_type, sizeof(TnByteArray));
    if (!o)
        return NULL;
    if (ba_resize_locked(o, size) < 0) {
        tn_decref(o);
        return NULL;
    }
    if (size)
        memcpy(BA(o)->data, data, (size_t)size);
    return o;
}

static void ba_dealloc(TnObject *o)
{
    tn_mem_free(BA(o)->data);
    tn_object_free(o);
}

/* Replace bytes [lo, hi) with src[0..n) under the lock. */
static int ba_splice(TnObject *o, tn_ssize_t lo, tn_ssize_t hi, const char *src, tn_ssize_t n)
{
    int rc = 0;
    tn_lock(o);
    TnByteArray *ba = BA(o);
    tn_ssize_t size = ba->ob_size;
    if (lo < 0) lo = 0;
    if (hi > size) hi = size;
    if (hi < lo) hi = lo;
    tn_ssize_t newsize = size - (hi - lo) + n;
    if (newsize > size && ba_resize_locked(o, newsize) < 0) {
        rc = -1;
        goto done;
    }
    memmove(ba->data + lo + n, ba->data + hi, (size_t)(size - hi));
    if (n)
        memcpy(ba->data + lo, src, (size_t)n);
    if (newsize <= size) {
        tn_store_release(&ba->ob_size, newsize);
        ba->data[newsize] = '\0';
    }
done:
    tn_unlock(o);
    return rc;
}

int tn_bytearray_append_byte(TnObject *o, int byte)
{
    char c = (char)byte;
    return ba_splice(o, TN_BYTEARRAY_SIZE(o), TN_BYTEARRAY_SIZE(o), &c, 1);
}

static int byte_value(TnObject *v, int *out)
{
    if (!TN_TYPE(v)->nb_index || tn_float_check(v)) {
        tn_err_format(&tn_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                      TN_TYPE(v)->tp_name);
        return -1;
    }
    tn_ssize_t x = tn_number_as_ssize(v, NULL);
    if (x == -1 && tn_err_occurred())
        return -1;
    if (x < 0 || x > 255) {
        tn_err_format(&tn_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* ---- methods ------------------------------------------------------------ */

TnObject *tn_bytearray_append(TnObject *o, TnObject *v);
TnObject *tn_bytearray_append(TnObject *o, TnObject *v)
{
    int b;
    if (byte_value(v, &b) < 0 || tn_bytearray_append_byte(o, b) < 0)
        return NULL;
    TN_RETURN_NONE;
}

TnObject *tn_bytearray_extend(TnObject *o, TnObject *it);
TnObject *tn_bytearray_extend(TnObject *o, TnObject *it)
{
    if (tn_str_check(it))
        return tn_err_format(&tn_exc_TypeError, "expected iterable of integers; got: 'str'");
    TnObject *b = tn_bytes_from_object(it);
    if (!b)
        return NULL;
    int rc = ba_splice(o, TN_BYTEARRAY_SIZE(o), TN_BYTEARRAY_SIZE(o), TN_BYTES_DATA(b), TN_BYTES_SIZE(b));
    tn_decref(b);
    if (rc < 0)
        return NULL;
    TN_RETURN_NONE;
}

TnObject *tn_bytearray_pop(TnObject *o, TnObject *const *args, size_t nargs);
TnObject *tn_bytearray_pop(TnObject *o, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("pop", nargs, 0, 1) < 0)
        return NULL;
    tn_ssize_t i = -1;
    if (nargs) {
        i = tn_number_as_ssize(args[0], &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
    }
    tn_lock(o);
    tn_ssize_t n = BA(o)->ob_size;
    if (n == 0) {
        tn_unlock(o);
        return tn_err_format(&tn_exc_IndexError, "pop from empty bytearray");
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        tn_unlock(o);
        return tn_err_format(&tn_exc_IndexError, "pop index out of range");
    }
    unsigned char c = (unsigned char)BA(o)->data[i];
    memmove(BA(o)->data + i, BA(o)->data + i + 1, (size_t)(n - i - 1));
    tn_store_release(&BA(o)->ob_size, n - 1);
    BA(o)->data[n - 1] = '\0';
    tn_unlock(o);
    return tn_int_from_i64(c);
}

TnObject *tn_bytearray_insert(TnObject *o, TnObject *const *args, size_t nargs);
TnObject *tn_bytearray_insert(TnObject *o, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("insert", nargs, 2, 2) < 0)
        return NULL;
    tn_ssize_t i = tn_number_as_ssize(args[0], NULL);
    int b;
    if ((i == -1 && tn_err_occurred()) || byte_value(args[1], &b) < 0)
        return NULL;
    tn_ssize_t n = TN_BYTEARRAY_SIZE(o);
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    char c = (char)b;
    if (ba_splice(o, i, i, &c, 1) < 0)
        return NULL;
    TN_RETURN_NONE;
}

TnObject *tn_bytearray_remove(TnObject *o, TnObject *v);
TnObject *tn_bytearray_remove(TnObject *o, TnObject *v)
{
    int b;
    if (byte_value(v, &b) < 0)
        return NULL;
    tn_lock(o);
    char *d = BA(o)->data;
    tn_ssize_t n = BA(o)->ob_size;
    char *f = n ? memchr(d, b, (size_t)n) : NULL;
    if (f) {
        memmove(f, f + 1, (size_t)(n - (f - d) - 1));
        tn_store_release(&BA(o)->ob_size, n - 1);
        d[n - 1] = '\0';
    }
    tn_unlock(o);
    if (!f)
        return tn_err_format(&tn_exc_ValueError, "value not found in bytearray");
    TN_RETURN_NONE;
}

TnObject *tn_bytearray_clear(TnObject *o, TnObject *u);
TnObject *tn_bytearray_clear(TnObject *o, TnObject *u)
{
    if (ba_splice(o, 0, TN_BYTEARRAY_SIZE(o), "", 0) < 0)
        return NULL;
    TN_RETURN_NONE;
}

TnObject *tn_bytearray_copy(TnObject *o, TnObject *u);
TnObject *tn_bytearray_copy(TnObject *o, TnObject *u)
{
    tn_lock(o);
    TnObject *r = tn_bytearray_from_data(BA(o)->data, BA(o)->ob_size);
    tn_unlock(o);
    return r;
}

TnObject *tn_bytearray_reverse(TnObject *o, TnObject *u);
TnObject *tn_bytearray_reverse(TnObject *o, TnObject *u)
{
    tn_lock(o);
    char *d = BA(o)->data;
    for (tn_ssize_t i = 0, j = BA(o)->ob_size - 1; i < j; i++, j--) {
        char t = d[i]; d[i] = d[j]; d[j] = t;
    }
    tn_unlock(o);
    TN_RETURN_NONE;
}

/* ---- slots -------------------------------------------------------------- */

static tn_ssize_t ba_length(TnObject *o) { return TN_BYTEARRAY_SIZE(o); }

static TnObject *ba_item(TnObject *o, tn_ssize_t i)
{
    tn_lock(o);
    tn_ssize_t n = BA(o)->ob_size;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        tn_unlock(o);
        return tn_err_format(&tn_exc_IndexError, "bytearray index out of range");
    }
    unsigned char c = (unsigned char)BA(o)->data[i];
    tn_unlock(o);
    return tn_int_from_i64(c);
}

static TnObject *ba_subscript(TnObject *o, TnObject *key)
{
    if (tn_slice_check(key)) {
        tn_ssize_t start, stop, step;
        if (tn_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        tn_lock(o);
        tn_ssize_t n = tn_slice_adjust_indices(BA(o)->ob_size, &start, &stop, step);
        char *tmp = tn_mem_alloc((size_t)(n > 0 ? n : 0) + 1);
        if (tmp)
            for (tn_ssize_t k = 0, i = start; k < n; k++, i += step)
                tmp[k] = BA(o)->data[i];
        tn_unlock(o);
        if (!tmp)
            return NULL;
        TnObject *r = tn_bytearray_from_data(tmp, n > 0 ? n : 0);
        tn_mem_free(tmp);
        return r;
    }
    if (TN_TYPE(key)->nb_index && !tn_float_check(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return ba_item(o, i);
    }
    return tn_err_format(&tn_exc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                         TN_TYPE(key)->tp_name);
}

static int ba_ass_subscript(TnObject *o, TnObject *key, TnObject *v)
{
    if (tn_slice_check(key)) {
        tn_ssize_t start, stop, step;
        if (tn_slice_unpack(key, &start, &stop, &step) < 0)
            return -1;
        TnObject *src = NULL;
        if (v) {
            if (TN_TYPE(v)->nb_index && !tn_float_check(v) && !tn_bytes_check(v)) {
                tn_err_format(&tn_exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
                return -1;
            }
            src = tn_bytes_from_object(v);
            if (!src)
                return -1;
        }
        const char *sd = src ? TN_BYTES_DATA(src) : "";
        tn_ssize_t sn = src ? TN_BYTES_SIZE(src) : 0;
        int rc = 0;
        tn_ssize_t n = tn_slice_adjust_indices(TN_BYTEARRAY_SIZE(o), &start, &stop, step);
        if (step == 1) {
            rc = ba_splice(o, start, start + (n > 0 ? n : 0), sd, sn);
        } else if (!v) {
            tn_lock(o);
            char *d = BA(o)->data;
            tn_ssize_t size = BA(o)->ob_size, w = 0;
            for (tn_ssize_t r = 0; r < size; r++) {
                int del = 0;
                if (n > 0) {
                    tn_ssize_t off = r - start;
                    del = step > 0 ? (off >= 0 && off % step == 0 && off / step < n)
                                   : (off <= 0 && (-off) % (-step) == 0 && (-off) / (-step) < n);
                }
                if (!del)
                    d[w++] = d[r];
            }
            tn_store_release(&BA(o)->ob_size, w);
            d[w] = '\0';
            tn_unlock(o);
        } else if (sn != n) {
            tn_err_format(&tn_exc_ValueError,
                          "attempt to assign bytes of size %zd to extended slice of size %zd", sn, n);
            rc = -1;
        } else {
            tn_lock(o);
            for (tn_ssize_t k = 0, i = start; k < n; k++, i += step)
                BA(o)->data[i] = sd[k];
            tn_unlock(o);
        }
        TN_XDECREF(src);
        return rc;
    }
    if (!TN_TYPE(key)->nb_index || tn_float_check(key)) {
        tn_err_format(&tn_exc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                      TN_TYPE(key)->tp_name);
        return -1;
    }
    tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
    int b = 0;
    if ((i == -1 && tn_err_occurred()) || (v && byte_value(v, &b) < 0))
        return -1;
    tn_lock(o);
    tn_ssize_t n = BA(o)->ob_size;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        tn_unlock(o);
        tn_err_format(&tn_exc_IndexError, "bytearray index out of range");
        return -1;
    }
    if (v) {
        BA(o)->data[i] = (char)b;
        tn_unlock(o);
        return 0;
    }
    tn_unlock(o);
    return ba_splice(o, i, i + 1, "", 0);
}

static int ba_contains(TnObject *o, TnObject *x)
{
    TnObject *snap = tn_bytearray_copy(o, NULL);
    if (!snap)
        return -1;
    int r = tn_bytes_contains_impl(BA(snap)->data, BA(snap)->ob_size, x);
    tn_decref(snap);
    return r;
}

static TnObject *ba_repr(TnObject *o)
{
    TnObject *snap = tn_bytearray_copy(o, NULL);
    if (!snap)
        return NULL;
    TnStrBuilder sb;
    tn_sb_init(&sb);
    int rc = tn_sb_append_cstr(&sb, TN_TYPE(o)->tp_name) < 0 || tn_sb_append(&sb, "(b", 2) < 0 ||
             tn_bytes_repr_into(&sb, BA(snap)->data, BA(snap)->ob_size) < 0 ||
             tn_sb_append(&sb, ")", 1) < 0;
    tn_decref(snap);
    if (rc) {
        tn_sb_discard(&sb);
        return NULL;
    }
    return tn_sb_finish(&sb);
}

static TnObject *ba_richcompare(TnObject *a, TnObject *b, int op)
{
    const char *da, *db;
    tn_ssize_t na, nb;
    if (!(tn_bytes_check(a) || tn_bytearray_check(a)) || !(tn_bytes_check(b) || tn_bytearray_check(b)))
        return tn_newref(tn_NotImplemented);
    tn_bytes_like_get(a, &da, &na);
    tn_bytes_like_get(b, &db, &nb);
    return tn_bytes_compare_data(da, na, db, nb, op);
}

static TnObject *ba_add(TnObject *a, TnObject *b)
{
    if (!tn_bytearray_check(a))
        return tn_newref(tn_NotImplemented);
    TnObject *r = tn_bytes_concat(a, b);
    if (!r)
        return NULL;
    TnObject *ba = tn_bytearray_from_data(TN_BYTES_DATA(r), TN_BYTES_SIZE(r));
    tn_decref(r);
    return ba;
}

static TnObject *ba_iadd(TnObject *a, TnObject *b)
{
    const char *d;
    tn_ssize_t n;
    if (tn_bytes_like_get(b, &d, &n) < 0) {
        tn_err_clear();
        return tn_err_format(&tn_exc_TypeError, "can't concat %.100s to bytearray", TN_TYPE(b)->tp_name);
    }
    TnObject *copy = tn_bytes_from_data(d, n);   /* b may be a itself */
    if (!copy)
        return NULL;
    int rc = ba_splice(a, TN_BYTEARRAY_SIZE(a), TN_BYTEARRAY_SIZE(a), TN_BYTES_DATA(copy), n);
    tn_decref(copy);
    return rc < 0 ? NULL : tn_newref(a);
}

static TnObject *ba_mul(TnObject *a, TnObject *b)
{
    TnObject *seq = tn_bytearray_check(a) ? a : b, *cnt = seq == a ? b : a;
    if (!TN_TYPE(cnt)->nb_index || tn_float_check(cnt))
        return tn_err_format(&tn_exc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                             TN_TYPE(cnt)->tp_name);
    tn_ssize_t k = tn_number_as_ssize(cnt, &tn_exc_OverflowError);
    if (k == -1 && tn_err_occurred())
        return NULL;
    TnObject *snap = tn_bytearray_copy(seq, NULL);
    if (!snap)
        return NULL;
    tn_ssize_t n = BA(snap)->ob_size;
    TnObject *r = tn_bytearray_from_data("", 0);
    for (tn_ssize_t i = 0; r && i < k; i++)
        if (ba_splice(r, i * n, i * n, BA(snap)->data, n) < 0)
            TN_CLEAR(r);
    tn_decref(snap);
    return r;
}

typedef struct { TnObject ob; TnObject *seq; tn_ssize_t index; } TnByteArrayIter;

static void baiter_dealloc(TnObject *o)
{
    TN_XDECREF(((TnByteArrayIter *)o)->seq);
    tn_object_free(o);
}

static TnObject *baiter_next(TnObject *o)
{
    TnByteArrayIter *it = (TnByteArrayIter *)o;
    if (!it->seq)
        return NULL;
    TnObject *seq = it->seq;
    tn_lock(seq);
    int have = it->index < BA(seq)->ob_size;
    unsigned char c = have ? (unsigned char)BA(seq)->data[it->index] : 0;
    tn_unlock(seq);
    if (!have) {
        TN_CLEAR(it->seq);
        return NULL;
    }
    it->index++;
    return tn_int_from_i64(c);
}

static TnObject *iter_self(TnObject *o) { return tn_newref(o); }

TnType tn_bytearray_iter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(TnByteArrayIter),
    .tp_dealloc = baiter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = baiter_next,
};

static TnObject *ba_iter(TnObject *o)
{
    TnByteArrayIter *it = (TnByteArrayIter *)tn_object_alloc(&tn_bytearray_iter_type, sizeof(TnByteArrayIter));
    if (!it)
        return NULL;
    it->seq = tn_newref(o);
    it->index = 0;
    return (TnObject *)it;
}

static TnObject *ba_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnObject *b = tn_bytes_type.tp_new(&tn_bytes_type, args, nargs, kwnames);
    if (!b)
        return NULL;
    TnObject *o = tn_object_alloc(type, type->tp_basicsize);
    if (o && ba_resize_locked(o, TN_BYTES_SIZE(b)) == 0)
        memcpy(BA(o)->data, TN_BYTES_DATA(b), (size_t)TN_BYTES_SIZE(b));
    else
        TN_CLEAR(o);
    tn_decref(b);
    return o;
}

TnType tn_bytearray_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(TnByteArray),
    .tp_flags = TN_TPFLAG_BASETYPE,
    .tp_dealloc = ba_dealloc,
    .tp_repr = ba_repr,
    .tp_str = ba_repr,
    .tp_richcompare = ba_richcompare,
    .tp_iter = ba_iter,
    .tp_new = ba_new,
    .nb_add = ba_add,
    .nb_inplace_add = ba_iadd,
    .nb_multiply = ba_mul,
    .sq_length = ba_length,
    .mp_subscript = ba_subscript,
    .mp_ass_subscript = ba_ass_subscript,
    .sq_contains = ba_contains,
    .sq_item = ba_item,
    .tp_methods = tn_bytearray_methods,
};

int tn_bytearray_init(void);
int tn_bytearray_init(void)
{
    if (tn_type_ready(&tn_bytearray_type) < 0 || tn_type_ready(&tn_bytearray_iter_type) < 0)
        return -1;
    return 0;
}
