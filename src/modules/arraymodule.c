/* The array module: array.array, compact arrays of C numbers
 * (typecodes b B h H i I l L q Q f d; 'u' is not supported).
 *
 * Items are stored packed in native byte order. Values are converted to
 * their C form (which may run __index__/__float__) before the array's lock
 * is taken; the lock then covers the copy into the buffer.
 *
 * Thread safety (ft build): every access to the buffer, reads included,
 * happens under the array's object lock, so a reader never sees a buffer
 * being reallocated and a mutation is atomic, like list's operations.
 * Arrays are compared and concatenated by copying one side under its own
 * lock first, so two locks are never held at once.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/args.h"
#include "tandem/bytes.h"
#include "tandem/module.h"
#include "tandem/slice.h"
#include "tandem/iterobject.h"

typedef struct {
    TnObject ob;
    char typecode;
    uint8_t itemsize;
    char *data;
    tn_ssize_t len, cap;     /* items */
} TnArray;

static TnType array_type;

#define ARR(o) ((TnArray *)(o))
#define array_check(o) tn_is_instance_fast(o, &array_type)

static int typecode_size(char c)
{
    switch (c) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return (int)sizeof(long);
    case 'q': case 'Q': case 'd': return 8;
    default: return 0;
    }
}

/* ---- one item: C value <-> Python object ------------------------------- */

typedef union {
    int8_t b; uint8_t B; int16_t h; uint16_t H; int32_t i; uint32_t I;
    long l; unsigned long L; int64_t q; uint64_t Q; float f; double d;
    char raw[8];
} Item;

static TnObject *item_get(char tc, const char *p)
{
    Item v;
    memcpy(v.raw, p, (size_t)typecode_size(tc));
    switch (tc) {
    case 'b': return tn_int_from_i64(v.b);
    case 'B': return tn_int_from_i64(v.B);
    case 'h': return tn_int_from_i64(v.h);
    case 'H': return tn_int_from_i64(v.H);
    case 'i': return tn_int_from_i64(v.i);
    case 'I': return tn_int_from_i64(v.I);
    case 'l': return tn_int_from_i64(v.l);
    case 'L': return tn_int_from_u64(v.L);
    case 'q': return tn_int_from_i64(v.q);
    case 'Q': return tn_int_from_u64(v.Q);
    case 'f': return tn_float_new(v.f);
    default: return tn_float_new(v.d);
    }
}

static int overflow(const char *msg)
{
    tn_err_setstr(&tn_exc_OverflowError, msg);
    return -1;
}

/* Range check with CPython's two-word messages ("X is greater than maximum"). */
static int check_range(int64_t x, int64_t lo, int64_t hi, const char *what)
{
    char buf[96];
    if (x > hi) {
        snprintf(buf, sizeof buf, "%s is greater than maximum", what);
        return overflow(buf);
    }
    if (x < lo) {
        snprintf(buf, sizeof buf, "%s is less than minimum", what);
        return overflow(buf);
    }
    return 0;
}

/* Convert v to the C item of typecode tc (CPython's messages, which come
 * from the C conversion each typecode goes through). */
static int item_set(char tc, TnObject *v, Item *out)
{
    if (tc == 'f' || tc == 'd') {
        if (!tn_float_check(v) && !tn_int_check(v) && !TN_TYPE(v)->nb_float &&
            !TN_TYPE(v)->nb_index) {
            tn_err_format(&tn_exc_TypeError, "must be real number, not %s", TN_TYPE(v)->tp_name);
            return -1;
        }
        double d = tn_float_as_double(v);
        if (d == -1.0 && tn_err_occurred())
            return -1;
        if (tc == 'f')
            out->f = (float)d;
        else
            out->d = d;
        return 0;
    }
    TnObject *x;
    if (tn_int_check(v)) {
        x = tn_newref(v);
    } else if (TN_TYPE(v)->nb_index && !tn_float_check(v)) {
        x = tn_number_index(v);
        if (!x)
            return -1;
    } else {
        tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      TN_TYPE(v)->tp_name);
        return -1;
    }
    int64_t s;
    int fits = tn_int_as_i64_overflow(x, &s);
    int neg = tn_int_sign(x) < 0;
    uint64_t u = (uint64_t)s;
    if (!fits && !neg && (tc == 'L' || tc == 'Q' || tc == 'I')) {
        /* beyond int64: maybe still an unsigned 64-bit value */
        TnObject *half = tn_int_from_u64((uint64_t)1 << 63);
        TnObject *d = half ? tn_number_subtract(x, half) : NULL;
        int64_t low;
        TN_XDECREF(half);
        if (!d) {
            tn_decref(x);
            return -1;
        }
        if (tn_int_as_i64_overflow(d, &low) && low >= 0) {
            u = (uint64_t)low + ((uint64_t)1 << 63);
            fits = 2;
        }
        tn_decref(d);
    }
    tn_decref(x);
    switch (tc) {
    case 'b':
        if (!fits)
            return overflow("Python int too large to convert to C long");
        if (check_range(s, INT16_MIN, INT16_MAX, "signed short integer") < 0 ||
            check_range(s, INT8_MIN, INT8_MAX, "signed char") < 0)
            return -1;
        out->b = (int8_t)s;
        return 0;
    case 'B':
        if (!fits)
            return overflow("Python int too large to convert to C long");
        if (check_range(s, 0, UINT8_MAX, "unsigned byte integer") < 0)
            return -1;
        out->B = (uint8_t)s;
        return 0;
    case 'h':
        if (!fits)
            return overflow("Python int too large to convert to C long");
        if (check_range(s, INT16_MIN, INT16_MAX, "signed short integer") < 0)
            return -1;
        out->h = (int16_t)s;
        return 0;
    case 'H':
        if (!fits)
            return overflow("Python int too large to convert to C long");
        if (check_range(s, INT32_MIN, INT32_MAX, "signed integer") < 0 ||
            check_range(s, 0, UINT16_MAX, "unsigned short") < 0)
            return -1;
        out->H = (uint16_t)s;
        return 0;
    case 'i':
        if (!fits)
            return overflow("Python int too large to convert to C long");
        if (check_range(s, INT32_MIN, INT32_MAX, "signed integer") < 0)
            return -1;
        out->i = (int32_t)s;
        return 0;
    case 'I':
        if (neg)
            return overflow("can't convert negative value to unsigned int");
        if (!fits)
            return overflow("Python int too large to convert to C unsigned long");
        if (u > UINT32_MAX)
            return overflow("unsigned int is greater than maximum");
        out->I = (uint32_t)u;
        return 0;
    case 'l':
        if (fits != 1)
            return overflow("Python int too large to convert to C long");
        out->l = (long)s;
        return 0;
    case 'L':
        if (neg)
            return overflow("can't convert negative value to unsigned int");
        if (!fits)
            return overflow("Python int too large to convert to C unsigned long");
        out->L = (unsigned long)u;
        return 0;
    case 'q':
        if (fits != 1)
            return overflow("int too big to convert");
        out->q = s;
        return 0;
    default: /* 'Q' */
        if (neg)
            return overflow("can't convert negative int to unsigned");
        if (!fits)
            return overflow("int too big to convert");
        out->Q = u;
        return 0;
    }
}

/* ---- buffer management (caller holds the lock) ------------------------- */

static int reserve_locked(TnArray *a, tn_ssize_t need)
{
    if (need <= a->cap)
        return 0;
    tn_ssize_t cap = a->cap < 4 ? 4 : a->cap;
    while (cap < need)
        cap += cap / 2 + 1;
    char *nd = tn_mem_realloc(a->data, (size_t)cap * a->itemsize);
    if (!nd) {
        tn_err_nomemory();
        return -1;
    }
    a->data = nd;
    a->cap = cap;
    return 0;
}

/* Insert n items (raw bytes) at index i (0 <= i <= len). */
static int insert_raw_locked(TnArray *a, tn_ssize_t i, const char *src, tn_ssize_t n)
{
    if (n == 0)
        return 0;
    if (reserve_locked(a, a->len + n) < 0)
        return -1;
    size_t sz = a->itemsize;
    memmove(a->data + (i + n) * sz, a->data + i * sz, (size_t)(a->len - i) * sz);
    memcpy(a->data + i * sz, src, (size_t)n * sz);
    a->len += n;
    return 0;
}

static void delete_range_locked(TnArray *a, tn_ssize_t lo, tn_ssize_t hi)
{
    size_t sz = a->itemsize;
    memmove(a->data + lo * sz, a->data + hi * sz, (size_t)(a->len - hi) * sz);
    a->len -= hi - lo;
}

/* A private copy of an array's bytes (taken under its lock). */
static TnObject *snapshot(TnObject *o)
{
    TnArray *a = ARR(o);
    tn_lock(o);
    TnObject *r = tn_bytes_from_data(a->len ? a->data : "", a->len * a->itemsize);
    tn_unlock(o);
    return r;
}

TnObject *tn_array_as_bytes(TnObject *o)
{
    if (!array_check(o))
        return NULL;
    return snapshot(o);
}

static TnArray *array_alloc(TnType *type, char tc)
{
    TnArray *a = (TnArray *)tn_object_alloc(type, type->tp_basicsize);
    if (!a)
        return NULL;
    a->typecode = tc;
    a->itemsize = (uint8_t)typecode_size(tc);
    a->data = NULL;
    a->len = a->cap = 0;
    return a;
}

static TnObject *array_from_raw(char tc, const char *src, tn_ssize_t n)
{
    TnArray *a = array_alloc(&array_type, tc);
    if (!a)
        return NULL;
    if (n && (reserve_locked(a, n) < 0)) {
        tn_decref(&a->ob);
        return NULL;
    }
    if (n)
        memcpy(a->data, src, (size_t)n * a->itemsize);
    a->len = n;
    return &a->ob;
}

/* ---- appending from Python values --------------------------------------- */

static int append_value(TnObject *self, TnObject *v)
{
    TnArray *a = ARR(self);
    Item it;
    if (item_set(a->typecode, v, &it) < 0)
        return -1;
    tn_lock(self);
    int rc = insert_raw_locked(a, a->len, it.raw, 1);
    tn_unlock(self);
    return rc;
}

static int frombytes_data(TnObject *self, const char *data, tn_ssize_t n)
{
    TnArray *a = ARR(self);
    if (n % a->itemsize) {
        tn_err_setstr(&tn_exc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    tn_lock(self);
    int rc = insert_raw_locked(a, a->len, data, n / a->itemsize);
    tn_unlock(self);
    return rc;
}

/* extend() with another array: same typecode copies bytes. */
static int extend_array(TnObject *self, TnObject *other)
{
    if (ARR(other)->typecode != ARR(self)->typecode) {
        tn_err_setstr(&tn_exc_TypeError, "can only extend with array of same kind");
        return -1;
    }
    TnObject *b = snapshot(other);
    if (!b)
        return -1;
    int rc = frombytes_data(self, TN_BYTES_DATA(b), TN_BYTES_SIZE(b));
    tn_decref(b);
    return rc;
}

static int extend_iterable(TnObject *self, TnObject *iterable)
{
    if (array_check(iterable))
        return extend_array(self, iterable);
    TnObject *it = tn_object_iter(iterable), *v;
    if (!it)
        return -1;
    while ((v = tn_iter_next(it))) {
        int rc = append_value(self, v);
        tn_decref(v);
        if (rc < 0) {
            tn_decref(it);
            return -1;
        }
    }
    tn_decref(it);
    return tn_err_occurred() ? -1 : 0;
}

/* ---- construction -------------------------------------------------------- */

static TnObject *array_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (type == &array_type && tn_check_no_kwargs("array.array", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2) {
        tn_err_format(&tn_exc_TypeError, "array() takes at most 2 arguments (%zd given)",
                      (tn_ssize_t)nargs);
        if (nargs < 1)
            tn_err_setstr(&tn_exc_TypeError, "array() takes at least 1 argument (0 given)");
        return NULL;
    }
    TnObject *tco = args[0];
    if (!tn_str_check(tco) || TN_STR_LEN(tco) != 1) {
        tn_err_format(&tn_exc_TypeError, "array() argument 1 must be a unicode character, not %s",
                      TN_TYPE(tco)->tp_name);
        return NULL;
    }
    char tc = TN_STR_DATA(tco)[0];
    if (tc == 'u') {
        tn_err_setstr(&tn_exc_NotImplementedError, "array typecode 'u' is not supported");
        return NULL;
    }
    if (!typecode_size(tc)) {
        tn_err_setstr(&tn_exc_ValueError,
                      "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        return NULL;
    }
    TnObject *init = nargs == 2 ? args[1] : NULL;
    if (init && tn_str_check(init)) {
        tn_err_format(&tn_exc_TypeError,
                      "cannot use a str to initialize an array with typecode '%c'", tc);
        return NULL;
    }
    TnArray *a = array_alloc(type, tc);
    if (!a)
        return NULL;
    int rc = 0;
    if (init && (tn_bytes_check(init) || tn_bytearray_check(init))) {
        TnObject *b = tn_bytes_check(init) ? tn_newref(init)
                      : tn_bytes_from_data(TN_BYTEARRAY_DATA(init) ? TN_BYTEARRAY_DATA(init) : "",
                                           TN_BYTEARRAY_SIZE(init));
        rc = b ? frombytes_data(&a->ob, TN_BYTES_DATA(b), TN_BYTES_SIZE(b)) : -1;
        TN_XDECREF(b);
    } else if (init && array_check(init) && ARR(init)->typecode != tc) {
        /* a different typecode converts value by value */
        TnObject *it = tn_object_iter(init), *v;
        rc = it ? 0 : -1;
        while (it && (v = tn_iter_next(it))) {
            rc = append_value(&a->ob, v);
            tn_decref(v);
            if (rc < 0)
                break;
        }
        TN_XDECREF(it);
        if (rc == 0 && tn_err_occurred())
            rc = -1;
    } else if (init) {
        rc = extend_iterable(&a->ob, init);
    }
    if (rc < 0) {
        tn_decref(&a->ob);
        return NULL;
    }
    return &a->ob;
}

static int array_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return 0;
}

static void array_dealloc(TnObject *self)
{
    tn_mem_free(ARR(self)->data);
    tn_object_free(self);
}

/* ---- sequence protocol ---------------------------------------------------- */

static tn_ssize_t array_length(TnObject *self)
{
    return tn_load_relaxed(&ARR(self)->len);
}

static TnObject *array_item(TnObject *self, tn_ssize_t i)
{
    TnArray *a = ARR(self);
    TnObject *r = NULL;
    tn_lock(self);
    if (i < 0)
        i += a->len;
    if (i < 0 || i >= a->len)
        tn_err_setstr(&tn_exc_IndexError, "array index out of range");
    else
        r = item_get(a->typecode, a->data + i * a->itemsize);
    tn_unlock(self);
    return r;
}

static TnObject *array_subscript(TnObject *self, TnObject *key)
{
    TnArray *a = ARR(self);
    if (tn_slice_check(key)) {
        tn_ssize_t start, stop, step;
        if (tn_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        tn_lock(self);
        tn_ssize_t n = tn_slice_adjust_indices(a->len, &start, &stop, step);
        size_t sz = a->itemsize;
        char *tmp = n ? tn_mem_alloc((size_t)n * sz) : NULL;
        if (n && !tmp) {
            tn_unlock(self);
            return tn_err_nomemory();
        }
        for (tn_ssize_t k = 0, i = start; k < n; k++, i += step)
            memcpy(tmp + k * sz, a->data + i * sz, sz);
        tn_unlock(self);
        TnObject *r = array_from_raw(a->typecode, tmp, n);
        tn_mem_free(tmp);
        return r;
    }
    if (!tn_int_check(key) && !TN_TYPE(key)->nb_index)
        return tn_err_format(&tn_exc_TypeError, "array indices must be integers");
    tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
    if (i == -1 && tn_err_occurred())
        return NULL;
    return array_item(self, i);
}

static int assign_slice(TnObject *self, TnObject *key, TnObject *v)
{
    TnArray *a = ARR(self);
    TnObject *src = NULL;
    if (v) {
        if (!array_check(v)) {
            tn_err_format(&tn_exc_TypeError, "can only assign array (not \"%s\") to array slice",
                          TN_TYPE(v)->tp_name);
            return -1;
        }
        if (ARR(v)->typecode != a->typecode) {
            tn_err_setstr(&tn_exc_TypeError, "bad argument type for built-in operation");
            return -1;
        }
        src = snapshot(v);     /* also makes a[:] = a safe */
        if (!src)
            return -1;
    }
    tn_ssize_t start, stop, step;
    if (tn_slice_unpack(key, &start, &stop, &step) < 0) {
        TN_XDECREF(src);
        return -1;
    }
    size_t sz = a->itemsize;
    tn_ssize_t nsrc = src ? TN_BYTES_SIZE(src) / (tn_ssize_t)sz : 0;
    int rc = 0;
    tn_lock(self);
    tn_ssize_t n = tn_slice_adjust_indices(a->len, &start, &stop, step);
    if (step == 1) {
        if (stop < start)
            stop = start;
        delete_range_locked(a, start, stop);
        if (src)
            rc = insert_raw_locked(a, start, TN_BYTES_DATA(src), nsrc);
    } else if (!src) {
        /* delete an extended slice: keep the items not selected */
        if (step < 0) {
            start = start + step * (n - 1);
            step = -step;
        }
        tn_ssize_t w = 0;
        for (tn_ssize_t i = 0, k = 0; i < a->len; i++) {
            if (k < n && i == start + k * step) {
                k++;
                continue;
            }
            memmove(a->data + w * sz, a->data + i * sz, sz);
            w++;
        }
        a->len = w;
    } else if (nsrc != n) {
        tn_err_format(&tn_exc_ValueError,
                      "attempt to assign array of size %zd to extended slice of size %zd", nsrc, n);
        rc = -1;
    } else {
        for (tn_ssize_t k = 0, i = start; k < n; k++, i += step)
            memcpy(a->data + i * sz, TN_BYTES_DATA(src) + k * sz, sz);
    }
    tn_unlock(self);
    TN_XDECREF(src);
    return rc;
}

static int array_ass_subscript(TnObject *self, TnObject *key, TnObject *v)
{
    TnArray *a = ARR(self);
    if (tn_slice_check(key))
        return assign_slice(self, key, v);
    if (!tn_int_check(key) && !TN_TYPE(key)->nb_index) {
        tn_err_setstr(&tn_exc_TypeError, "array indices must be integers");
        return -1;
    }
    tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
    if (i == -1 && tn_err_occurred())
        return -1;
    Item it;
    if (v && item_set(a->typecode, v, &it) < 0)
        return -1;
    int rc = 0;
    tn_lock(self);
    if (i < 0)
        i += a->len;
    if (i < 0 || i >= a->len) {
        tn_err_setstr(&tn_exc_IndexError, v ? "array assignment index out of range"
                                            : "array assignment index out of range");
        rc = -1;
    } else if (v) {
        memcpy(a->data + i * a->itemsize, it.raw, a->itemsize);
    } else {
        delete_range_locked(a, i, i + 1);
    }
    tn_unlock(self);
    return rc;
}

/* Index of the first item equal to v in [lo, hi), -1 if none, -2 on error.
 * Items are compared as Python objects (1 == 1.0, custom __eq__). */
static tn_ssize_t find_value(TnObject *self, TnObject *v, tn_ssize_t lo, tn_ssize_t hi)
{
    for (tn_ssize_t i = lo; i < hi; i++) {
        TnObject *x = array_item(self, i);
        if (!x) {
            if (tn_err_matches(&tn_exc_IndexError)) {
                tn_err_clear();
                return -1;     /* shrunk meanwhile */
            }
            return -2;
        }
        int eq = tn_object_richcompare_bool(x, v, TN_EQ);
        tn_decref(x);
        if (eq < 0)
            return -2;
        if (eq)
            return i;
    }
    return -1;
}

static int array_contains(TnObject *self, TnObject *v)
{
    tn_ssize_t i = find_value(self, v, 0, array_length(self));
    return i == -2 ? -1 : i >= 0;
}

/* ---- methods -------------------------------------------------------------- */

static TnObject *a_append(TnObject *self, TnObject *v)
{
    if (append_value(self, v) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *a_extend(TnObject *self, TnObject *v)
{
    if (extend_iterable(self, v) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *a_insert(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnArray *a = ARR(self);
    if (tn_check_nargs("insert", nargs, 2, 2) < 0)
        return NULL;
    tn_ssize_t i = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (i == -1 && tn_err_occurred())
        return NULL;
    Item it;
    if (item_set(a->typecode, args[1], &it) < 0)
        return NULL;
    tn_lock(self);
    if (i < 0) {
        i += a->len;
        if (i < 0)
            i = 0;
    }
    if (i > a->len)
        i = a->len;
    int rc = insert_raw_locked(a, i, it.raw, 1);
    tn_unlock(self);
    if (rc < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *a_pop(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnArray *a = ARR(self);
    if (tn_check_nargs("pop", nargs, 0, 1) < 0)
        return NULL;
    tn_ssize_t i = -1;
    if (nargs == 1) {
        i = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
        if (i == -1 && tn_err_occurred())
            return NULL;
    }
    TnObject *r = NULL;
    tn_lock(self);
    if (a->len == 0) {
        tn_err_setstr(&tn_exc_IndexError, "pop from empty array");
    } else {
        if (i < 0)
            i += a->len;
        if (i < 0 || i >= a->len) {
            tn_err_setstr(&tn_exc_IndexError, "pop index out of range");
        } else {
            r = item_get(a->typecode, a->data + i * a->itemsize);
            if (r)
                delete_range_locked(a, i, i + 1);
        }
    }
    tn_unlock(self);
    return r;
}

static TnObject *a_remove(TnObject *self, TnObject *v)
{
    tn_ssize_t i = find_value(self, v, 0, array_length(self));
    if (i == -2)
        return NULL;
    if (i < 0)
        return tn_err_format(&tn_exc_ValueError, "array.remove(x): x not in array");
    TnArray *a = ARR(self);
    tn_lock(self);
    if (i < a->len)
        delete_range_locked(a, i, i + 1);
    tn_unlock(self);
    TN_RETURN_NONE;
}

static TnObject *a_index(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("index", nargs, 1, 3) < 0)
        return NULL;
    tn_ssize_t len = array_length(self), lo = 0, hi = len;
    for (size_t k = 1; k < nargs; k++) {
        tn_ssize_t x = tn_number_as_ssize(args[k], &tn_exc_OverflowError);
        if (x == -1 && tn_err_occurred())
            return NULL;
        if (x < 0) {
            x += len;
            if (x < 0)
                x = 0;
        }
        if (x > len)
            x = len;
        if (k == 1)
            lo = x;
        else
            hi = x;
    }
    tn_ssize_t i = find_value(self, args[0], lo, hi);
    if (i == -2)
        return NULL;
    if (i < 0)
        return tn_err_format(&tn_exc_ValueError, "array.index(x): x not in array");
    return tn_int_from_i64(i);
}

static TnObject *a_count(TnObject *self, TnObject *v)
{
    tn_ssize_t n = 0, len = array_length(self);
    for (tn_ssize_t i = 0; i < len; i++) {
        tn_ssize_t at = find_value(self, v, i, i + 1);
        if (at == -2)
            return NULL;
        n += at >= 0;
    }
    return tn_int_from_i64(n);
}

static TnObject *a_reverse(TnObject *self, TnObject *unused)
{
    TnArray *a = ARR(self);
    size_t sz = a->itemsize;
    char tmp[8];
    tn_lock(self);
    for (tn_ssize_t i = 0, j = a->len - 1; i < j; i++, j--) {
        memcpy(tmp, a->data + i * sz, sz);
        memcpy(a->data + i * sz, a->data + j * sz, sz);
        memcpy(a->data + j * sz, tmp, sz);
    }
    tn_unlock(self);
    TN_RETURN_NONE;
}

static TnObject *a_byteswap(TnObject *self, TnObject *unused)
{
    TnArray *a = ARR(self);
    size_t sz = a->itemsize;
    tn_lock(self);
    for (tn_ssize_t i = 0; i < a->len; i++) {
        char *p = a->data + i * sz;
        for (size_t k = 0; k < sz / 2; k++) {
            char t = p[k];
            p[k] = p[sz - 1 - k];
            p[sz - 1 - k] = t;
        }
    }
    tn_unlock(self);
    TN_RETURN_NONE;
}

static TnObject *a_tobytes(TnObject *self, TnObject *unused)
{
    return snapshot(self);
}

static TnObject *a_frombytes(TnObject *self, TnObject *arg)
{
    TnObject *b;
    if (tn_bytes_check(arg)) {
        b = tn_newref(arg);
    } else if (tn_bytearray_check(arg)) {
        tn_lock(arg);
        b = tn_bytes_from_data(TN_BYTEARRAY_DATA(arg) ? TN_BYTEARRAY_DATA(arg) : "",
                               TN_BYTEARRAY_SIZE(arg));
        tn_unlock(arg);
    } else if (array_check(arg)) {
        b = snapshot(arg);
    } else {
        return tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'",
                             TN_TYPE(arg)->tp_name);
    }
    if (!b)
        return NULL;
    int rc = frombytes_data(self, TN_BYTES_DATA(b), TN_BYTES_SIZE(b));
    tn_decref(b);
    if (rc < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *a_tolist(TnObject *self, TnObject *unused)
{
    TnObject *b = snapshot(self);
    if (!b)
        return NULL;
    TnArray *a = ARR(self);
    tn_ssize_t n = TN_BYTES_SIZE(b) / a->itemsize;
    TnObject *list = tn_list_new(n);
    for (tn_ssize_t i = 0; list && i < n; i++) {
        TnObject *v = item_get(a->typecode, TN_BYTES_DATA(b) + i * a->itemsize);
        if (!v) {
            for (tn_ssize_t j = i; j < n; j++)
                TN_LIST_SET_UNSAFE(list, j, tn_newref(tn_None));
            TN_CLEAR(list);
            break;
        }
        TN_LIST_SET_UNSAFE(list, i, v);
    }
    tn_decref(b);
    return list;
}

static TnObject *a_fromlist(TnObject *self, TnObject *arg)
{
    TnArray *a = ARR(self);
    if (!tn_list_check(arg))
        return tn_err_format(&tn_exc_TypeError, "arg must be list");
    /* all or nothing: convert everything first */
    tn_ssize_t n = tn_list_size(arg);
    char *tmp = tn_mem_alloc((size_t)(n ? n : 1) * a->itemsize);
    if (!tmp)
        return tn_err_nomemory();
    tn_ssize_t k = 0;
    for (; k < n; k++) {
        TnObject *v = tn_list_getitem(arg, k);
        if (!v) {
            tn_err_clear();
            break;      /* the list shrank meanwhile */
        }
        Item it;
        int rc = item_set(a->typecode, v, &it);
        tn_decref(v);
        if (rc < 0) {
            tn_mem_free(tmp);
            return NULL;
        }
        memcpy(tmp + k * a->itemsize, it.raw, a->itemsize);
    }
    tn_lock(self);
    int rc = insert_raw_locked(a, a->len, tmp, k);
    tn_unlock(self);
    tn_mem_free(tmp);
    if (rc < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *a_buffer_info(TnObject *self, TnObject *unused)
{
    tn_err_setstr(&tn_exc_NotImplementedError, "array.buffer_info() is not supported");
    return NULL;
}

static TnObject *a_copy(TnObject *self, TnObject *unused)
{
    TnObject *b = snapshot(self);
    if (!b)
        return NULL;
    TnObject *r = array_from_raw(ARR(self)->typecode, TN_BYTES_DATA(b),
                                 TN_BYTES_SIZE(b) / ARR(self)->itemsize);
    tn_decref(b);
    return r;
}

static TnObject *a_reduce_ex(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnObject *list = a_tolist(self, NULL);
    if (!list)
        return NULL;
    TnObject *tc = tn_str_from_format("%c", ARR(self)->typecode);
    TnObject *inner = tc ? tn_tuple_pack(2, tc, list) : NULL;
    TnObject *r = inner ? tn_tuple_pack(2, (TnObject *)TN_TYPE(self), inner) : NULL;
    TN_XDECREF(tc);
    TN_XDECREF(inner);
    tn_decref(list);
    return r;
}

static TnObject *a_bytes(TnObject *self, TnObject *unused)
{
    return snapshot(self);
}

/* ---- operators ------------------------------------------------------------ */

static TnObject *array_repr(TnObject *self)
{
    TnArray *a = ARR(self);
    if (array_length(self) == 0)
        return tn_str_from_format("%s('%c')", "array", a->typecode);
    TnObject *list = a_tolist(self, NULL);
    if (!list)
        return NULL;
    TnObject *r = tn_str_from_format("array('%c', %R)", a->typecode, list);
    tn_decref(list);
    return r;
}

static TnObject *array_concat(TnObject *x, TnObject *y)
{
    if (!array_check(x) || !array_check(y)) {
        if (array_check(x))
            return tn_err_format(&tn_exc_TypeError, "can only append array (not \"%s\") to array",
                                 TN_TYPE(y)->tp_name);
        return tn_newref(tn_NotImplemented);
    }
    if (ARR(x)->typecode != ARR(y)->typecode)
        return tn_err_format(&tn_exc_TypeError, "bad argument type for built-in operation");
    TnObject *bx = snapshot(x), *by = bx ? snapshot(y) : NULL, *r = NULL;
    if (by) {
        TnObject *both = tn_bytes_concat(bx, by);
        if (both)
            r = array_from_raw(ARR(x)->typecode, TN_BYTES_DATA(both),
                               TN_BYTES_SIZE(both) / ARR(x)->itemsize);
        TN_XDECREF(both);
    }
    TN_XDECREF(bx);
    TN_XDECREF(by);
    return r;
}

static TnObject *array_repeat(TnObject *x, TnObject *y)
{
    TnObject *arr = array_check(x) ? x : y, *count = array_check(x) ? y : x;
    if (!array_check(arr) || (!tn_int_check(count) && !TN_TYPE(count)->nb_index) ||
        tn_float_check(count))
        return tn_newref(tn_NotImplemented);
    tn_ssize_t n = tn_number_as_ssize(count, &tn_exc_OverflowError);
    if (n == -1 && tn_err_occurred())
        return NULL;
    if (n < 0)
        n = 0;
    TnObject *b = snapshot(arr);
    if (!b)
        return NULL;
    tn_ssize_t sz = TN_BYTES_SIZE(b);
    if (sz && n > TN_SSIZE_MAX / sz) {
        tn_decref(b);
        return tn_err_nomemory();
    }
    char *tmp = tn_mem_alloc((size_t)(sz * n > 0 ? sz * n : 1));
    if (!tmp) {
        tn_decref(b);
        return tn_err_nomemory();
    }
    for (tn_ssize_t k = 0; k < n; k++)
        memcpy(tmp + k * sz, TN_BYTES_DATA(b), (size_t)sz);
    TnObject *r = array_from_raw(ARR(arr)->typecode, tmp, sz * n / ARR(arr)->itemsize);
    tn_mem_free(tmp);
    tn_decref(b);
    return r;
}

static TnObject *array_inplace_concat(TnObject *x, TnObject *y)
{
    if (!array_check(y))
        return tn_err_format(&tn_exc_TypeError, "can only extend array with array (not \"%s\")",
                             TN_TYPE(y)->tp_name);
    if (extend_array(x, y) < 0)
        return NULL;
    return tn_newref(x);
}

static TnObject *array_inplace_repeat(TnObject *x, TnObject *y)
{
    TnObject *r = array_repeat(x, y);
    if (!r || r == tn_NotImplemented)
        return r;
    TnArray *a = ARR(x), *b = ARR(r);
    tn_lock(x);
    char *old = a->data;
    a->data = b->data;
    a->len = b->len;
    a->cap = b->cap;
    tn_unlock(x);
    b->data = old;      /* freed with r */
    b->len = b->cap = 0;
    tn_decref(r);
    return tn_newref(x);
}

static TnObject *array_richcompare(TnObject *x, TnObject *y, int op)
{
    if (!array_check(x) || !array_check(y))
        return tn_newref(tn_NotImplemented);
    TnObject *lx = a_tolist(x, NULL);
    if (!lx)
        return NULL;
    TnObject *ly = a_tolist(y, NULL);
    if (!ly) {
        tn_decref(lx);
        return NULL;
    }
    TnObject *r = tn_object_richcompare(lx, ly, op);
    tn_decref(lx);
    tn_decref(ly);
    return r;
}

static TnObject *array_iter(TnObject *self)
{
    return tn_seqiter_new(self);
}

static TnObject *get_typecode(TnObject *self, void *c)
{
    return tn_str_from_format("%c", ARR(self)->typecode);
}

static TnObject *get_itemsize(TnObject *self, void *c)
{
    return tn_int_from_i64(ARR(self)->itemsize);
}

static const TnGetSetDef array_getset[] = {
    { "typecode", get_typecode, NULL, "the typecode character used to create the array", NULL },
    { "itemsize", get_itemsize, NULL, "the size, in bytes, of one array item", NULL },
    { 0, 0, 0, 0, 0 }
};

static const TnMethodDef array_methods[] = {
    { "append", (void *)a_append, TN_METH_O, "Append new value v to the end of the array." },
    { "extend", (void *)a_extend, TN_METH_O, "Append items to the end of the array." },
    { "insert", (void *)a_insert, TN_METH_FAST, "Insert a new item v into the array before position i." },
    { "pop", (void *)a_pop, TN_METH_FAST, "Return the i-th element and delete it from the array." },
    { "remove", (void *)a_remove, TN_METH_O, "Remove the first occurrence of v in the array." },
    { "index", (void *)a_index, TN_METH_FAST, "Return index of first occurrence of v in the array." },
    { "count", (void *)a_count, TN_METH_O, "Return number of occurrences of v in the array." },
    { "reverse", (void *)a_reverse, TN_METH_NOARGS, "Reverse the order of the items in the array." },
    { "byteswap", (void *)a_byteswap, TN_METH_NOARGS, "Byteswap all items of the array." },
    { "tobytes", (void *)a_tobytes, TN_METH_NOARGS, "Convert the array to an array of machine values and return the bytes representation." },
    { "frombytes", (void *)a_frombytes, TN_METH_O, "Appends items from the string, interpreting it as an array of machine values." },
    { "tolist", (void *)a_tolist, TN_METH_NOARGS, "Convert array to an ordinary list with the same items." },
    { "fromlist", (void *)a_fromlist, TN_METH_O, "Append items to array from list." },
    { "buffer_info", (void *)a_buffer_info, TN_METH_NOARGS, NULL },
    { "__copy__", (void *)a_copy, TN_METH_NOARGS, "Return a copy of the array." },
    { "__deepcopy__", (void *)a_copy, TN_METH_O, "Return a copy of the array." },
    { "__reduce_ex__", (void *)a_reduce_ex, TN_METH_FAST, NULL },
    { "__bytes__", (void *)a_bytes, TN_METH_NOARGS, NULL },
    { 0, 0, 0, 0 }
};

static TnType array_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "array.array",
    .tp_basicsize = sizeof(TnArray),
    .tp_flags = TN_TPFLAG_BASETYPE,
    .tp_dealloc = array_dealloc,
    .tp_repr = array_repr,
    .tp_richcompare = array_richcompare,
    .tp_iter = array_iter,
    .tp_new = array_new,
    .tp_init = array_init,
    .nb_add = array_concat,
    .nb_multiply = array_repeat,
    .nb_inplace_add = array_inplace_concat,
    .nb_inplace_multiply = array_inplace_repeat,
    .sq_length = array_length,
    .mp_subscript = array_subscript,
    .mp_ass_subscript = array_ass_subscript,
    .sq_contains = array_contains,
    .sq_item = array_item,
    .tp_methods = array_methods,
    .tp_getset = array_getset,
    .tp_doc = "array(typecode [, initializer]) -> array",
};

TnObject *tn_module_init_array(void)
{
    if (tn_type_ready(&array_type) < 0)
        return NULL;
    TnObject *m = tn_module_new("array");
    if (!m)
        return NULL;
    /* CPython's list, 'u' included (it raises NotImplementedError here) */
    TnObject *codes = tn_str_from_cstr("bBuhHiIlLqQfd");
    if (!codes || tn_module_add_type(m, &array_type) < 0 ||
        tn_module_add_object(m, "ArrayType", (TnObject *)&array_type) < 0 ||
        tn_module_add_object(m, "typecodes", codes) < 0) {
        TN_XDECREF(codes);
        tn_decref(m);
        return NULL;
    }
    tn_decref(codes);
    return m;
}
