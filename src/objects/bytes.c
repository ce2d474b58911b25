/* bytes: immutable byte strings (CPython 3.11 semantics and messages).
 * Global state: the empty bytes and the 256 one-byte singletons, created
 * at tn_bytes_init (or lazily before it, while single-threaded), then
 * immutable and immortal. */
#include <string.h>
#include "str_internal.h"

static TnObject *empty_bytes;
static TnObject *byte_cache[256];

TnObject *tn_bytes_new_uninit(tn_ssize_t size)
{
    if (size < 0)
        return tn_err_format(&tn_exc_SystemError, "negative size passed to tn_bytes_new_uninit");
    /* Not zeroed: the caller fills data[0..size) (bytes.h). */
    TnBytes *b = (TnBytes *)tn_object_alloc_nozero(&tn_bytes_type, sizeof(TnBytes) + (size_t)size + 1);
    if (!b)
        return NULL;
    b->ob_size = size;
    tn_store_relaxed(&b->hash, -1);
    b->data[size] = '\0';
    return (TnObject *)b;
}

TnObject *tn_bytes_from_data(const char *data, tn_ssize_t size)
{
    if (size <= 1) {
        TnObject **slot = size == 0 ? &empty_bytes : &byte_cache[(unsigned char)data[0]];
        if (TN_UNLIKELY(!*slot)) {
            TnObject *o = tn_bytes_new_uninit(size);
            if (!o)
                return NULL;
            if (size)
                TN_BYTES_DATA(o)[0] = data[0];
            tn_set_immortal(o);
            *slot = o;
        }
        return tn_newref(*slot);
    }
    TnObject *o = tn_bytes_new_uninit(size);
    if (o)
        memcpy(TN_BYTES_DATA(o), data, (size_t)size);
    return o;
}

TnObject *tn_bytes_from_cstr(const char *s)
{
    return tn_bytes_from_data(s, (tn_ssize_t)strlen(s));
}

int tn_bytes_like_get(TnObject *o, const char **data, tn_ssize_t *size)
{
    if (tn_bytes_check(o)) {
        *data = TN_BYTES_DATA(o);
        *size = TN_BYTES_SIZE(o);
        return 0;
    }
    if (tn_bytearray_check(o)) {
        *data = TN_BYTEARRAY_DATA(o);
        *size = TN_BYTEARRAY_SIZE(o);
        if (!*data)
            *data = "";
        return 0;
    }
    tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%.100s'",
                  TN_TYPE(o)->tp_name);
    return -1;
}

TnObject *tn_bytes_concat(TnObject *a, TnObject *b)
{
    const char *da, *db;
    tn_ssize_t na, nb;
    if (tn_bytes_like_get(a, &da, &na) < 0 || tn_bytes_like_get(b, &db, &nb) < 0) {
        tn_err_clear();
        return tn_err_format(&tn_exc_TypeError, "can't concat %.100s to %.100s",
                             TN_TYPE(b)->tp_name, TN_TYPE(a)->tp_name);
    }
    TnObject *r = tn_bytes_new_uninit(na + nb);
    if (!r)
        return NULL;
    memcpy(TN_BYTES_DATA(r), da, (size_t)na);
    memcpy(TN_BYTES_DATA(r) + na, db, (size_t)nb);
    return r;
}

tn_hash_t tn_bytes_hash(TnObject *o)
{
    TnBytes *b = (TnBytes *)o;
    tn_hash_t h = tn_load_relaxed(&b->hash);
    if (h == -1) {
        h = tn_bytes_hash_data(b->data, b->ob_size);
        tn_store_relaxed(&b->hash, h);   /* benign race: same value everywhere */
    }
    return h;
}

/* CPython's bytearray repr escapes ' even inside "..." quotes (a quirk its
 * tests pin down); bytes repr escapes only the chosen quote. */
static int repr_into(TnStrBuilder *sb, const char *data, tn_ssize_t n, int escape_sq)
{
    int has_sq = memchr(data, '\'', (size_t)n) != NULL, has_dq = memchr(data, '"', (size_t)n) != NULL;
    char quote = (has_sq && !has_dq) ? '"' : '\'';
    static const char hex[] = "0123456789abcdef";
    if (tn_sb_append(sb, &quote, 1) < 0)
        return -1;
    for (tn_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        char esc[4];
        int en = 2;
        esc[0] = '\\';
        if (c == (unsigned char)quote || c == '\\' || (escape_sq && c == '\'')) esc[1] = (char)c;
        else if (c == '\t') esc[1] = 't';
        else if (c == '\n') esc[1] = 'n';
        else if (c == '\r') esc[1] = 'r';
        else if (c < 0x20 || c >= 0x7f) {
            esc[1] = 'x'; esc[2] = hex[c >> 4]; esc[3] = hex[c & 15]; en = 4;
        } else {
            esc[0] = (char)c; en = 1;
        }
        if (tn_sb_append(sb, esc, en) < 0)
            return -1;
    }
    return tn_sb_append(sb, &quote, 1);
}

int tn_bytes_repr_into(TnStrBuilder *sb, const char *data, tn_ssize_t n)
{
    return repr_into(sb, data, n, 0);
}

int tn_bytearray_repr_into(TnStrBuilder *sb, const char *data, tn_ssize_t n);
int tn_bytearray_repr_into(TnStrBuilder *sb, const char *data, tn_ssize_t n)
{
    return repr_into(sb, data, n, 1);
}

TnObject *tn_bytes_repr(TnObject *o)
{
    TnStrBuilder sb;
    tn_sb_init(&sb);
    if (tn_sb_append(&sb, "b", 1) < 0 || tn_bytes_repr_into(&sb, TN_BYTES_DATA(o), TN_BYTES_SIZE(o)) < 0) {
        tn_sb_discard(&sb);
        return NULL;
    }
    return tn_sb_finish(&sb);
}

TnObject *tn_bytes_decode(TnObject *b, const char *encoding, const char *errors)
{
    const char *d;
    tn_ssize_t n;
    if (tn_bytes_like_get(b, &d, &n) < 0)
        return NULL;
    return tn_str_decode(d, n, encoding ? encoding : "utf-8", errors ? errors : "strict");
}

TnObject *tn_bytes_mod(TnObject *fmt, TnObject *args)
{
    return tn_str_percent_format(fmt, args, 1);
}

/* bytes(o) for everything but str-with-encoding. */
TnObject *tn_bytes_from_object(TnObject *o)
{
    const char *d;
    tn_ssize_t n;
    if (tn_bytes_check_exact(o))
        return tn_newref(o);
    if (tn_bytes_check(o) || tn_bytearray_check(o)) {
        tn_bytes_like_get(o, &d, &n);
        return tn_bytes_from_data(d, n);
    }
    if (tn_str_check(o))
        return tn_err_format(&tn_exc_TypeError, "string argument without an encoding");
    if (tn_type_lookup(TN_TYPE(o), tn_str_intern_cstr("__bytes__"))) {
        /* __bytes__ wins over the iterable protocol (array.array, user classes) */
        TnObject *r = tn_call_method(o, tn_str_intern_cstr("__bytes__"), NULL, 0);
        if (r && !tn_bytes_check(r)) {
            tn_err_format(&tn_exc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                          TN_TYPE(r)->tp_name);
            TN_CLEAR(r);
        }
        return r;
    }
    if (TN_TYPE(o)->nb_index && !tn_float_check(o)) {
        tn_ssize_t count = tn_number_as_ssize(o, &tn_exc_OverflowError);
        if (count == -1 && tn_err_occurred())
            return NULL;
        if (count < 0)
            return tn_err_format(&tn_exc_ValueError, "negative count");
        TnObject *r = tn_bytes_new_uninit(count);
        if (r)
            memset(TN_BYTES_DATA(r), 0, (size_t)count);
        return r;
    }
    if (!TN_TYPE(o)->tp_iter && !TN_TYPE(o)->sq_item)
        return tn_err_format(&tn_exc_TypeError, "cannot convert '%.200s' object to bytes",
                             TN_TYPE(o)->tp_name);
    TnObject *it = tn_object_iter(o), *item;
    if (!it)
        return NULL;
    TnStrBuilder buf;
    tn_sb_init(&buf);
    while ((item = tn_iter_next(it))) {
        if (!TN_TYPE(item)->nb_index || tn_float_check(item)) {
            tn_err_format(&tn_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                          TN_TYPE(item)->tp_name);
            tn_decref(item);
            goto error;
        }
        tn_ssize_t v = tn_number_as_ssize(item, NULL);
        tn_decref(item);
        if (v == -1 && tn_err_occurred())
            goto error;
        if (v < 0 || v > 255) {
            tn_err_format(&tn_exc_ValueError, "bytes must be in range(0, 256)");
            goto error;
        }
        char c = (char)v;
        if (tn_sb_append(&buf, &c, 1) < 0)
            goto error;
    }
    if (tn_err_occurred())
        goto error;
    tn_decref(it);
    TnObject *r = tn_bytes_from_data(buf.buf ? buf.buf : "", buf.len);
    tn_sb_discard(&buf);
    return r;
error:
    tn_decref(it);
    tn_sb_discard(&buf);
    return NULL;
}

/* ---- protocol slots ----------------------------------------------------- */

static TnObject *bytes_item(TnObject *o, tn_ssize_t i)
{
    tn_ssize_t n = TN_BYTES_SIZE(o);
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return tn_err_format(&tn_exc_IndexError, "index out of range");
    return tn_int_from_i64((unsigned char)TN_BYTES_DATA(o)[i]);
}

static TnObject *bytes_subscript(TnObject *o, TnObject *key)
{
    if (tn_slice_check(key)) {
        tn_ssize_t start, stop, step;
        if (tn_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        tn_ssize_t n = tn_slice_adjust_indices(TN_BYTES_SIZE(o), &start, &stop, step);
        if (n <= 0)
            return tn_bytes_from_data("", 0);
        if (step == 1) {
            if (n == TN_BYTES_SIZE(o) && tn_bytes_check_exact(o))
                return tn_newref(o);
            return tn_bytes_from_data(TN_BYTES_DATA(o) + start, n);
        }
        TnObject *r = tn_bytes_new_uninit(n);
        if (!r)
            return NULL;
        for (tn_ssize_t k = 0, i = start; k < n; k++, i += step)
            TN_BYTES_DATA(r)[k] = TN_BYTES_DATA(o)[i];
        return r;
    }
    if (TN_TYPE(key)->nb_index && !tn_float_check(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return bytes_item(o, i);
    }
    return tn_err_format(&tn_exc_TypeError, "byte indices must be integers or slices, not %.200s",
                         TN_TYPE(key)->tp_name);
}

static tn_ssize_t bytes_length(TnObject *o)
{
    return TN_BYTES_SIZE(o);
}

int tn_bytes_contains_impl(const char *d, tn_ssize_t n, TnObject *x);
int tn_bytes_contains_impl(const char *d, tn_ssize_t n, TnObject *x)
{
    const char *sd;
    tn_ssize_t sn;
    if (tn_int_check(x)) {
        int64_t v = tn_int_as_i64(x);
        if ((v == -1 && tn_err_occurred()) || v < 0 || v > 255) {
            tn_err_clear();
            tn_err_format(&tn_exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(d, (int)v, (size_t)n) != NULL;
    }
    if (tn_bytes_like_get(x, &sd, &sn) < 0)
        return -1;
    if (sn == 0)
        return 1;
    return memmem(d, (size_t)n, sd, (size_t)sn) != NULL;
}

static int bytes_contains(TnObject *o, TnObject *x)
{
    return tn_bytes_contains_impl(TN_BYTES_DATA(o), TN_BYTES_SIZE(o), x);
}

TnObject *tn_bytes_compare_data(const char *a, tn_ssize_t na, const char *b, tn_ssize_t nb, int op);
TnObject *tn_bytes_compare_data(const char *a, tn_ssize_t na, const char *b, tn_ssize_t nb, int op)
{
    int c;
    if ((op == TN_EQ || op == TN_NE) && na != nb)
        c = 1;
    else {
        c = memcmp(a, b, (size_t)(na < nb ? na : nb));
        if (c == 0)
            c = na < nb ? -1 : na > nb;
    }
    int r;
    switch (op) {
    case TN_LT: r = c < 0; break;
    case TN_LE: r = c <= 0; break;
    case TN_EQ: r = c == 0; break;
    case TN_NE: r = c != 0; break;
    case TN_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return tn_bool_from(r);
}

static TnObject *bytes_richcompare(TnObject *a, TnObject *b, int op)
{
    const char *da, *db;
    tn_ssize_t na, nb;
    if (!tn_bytes_check(a) || !(tn_bytes_check(b) || tn_bytearray_check(b)))
        return tn_newref(tn_NotImplemented);
    tn_bytes_like_get(a, &da, &na);
    tn_bytes_like_get(b, &db, &nb);
    return tn_bytes_compare_data(da, na, db, nb, op);
}

static TnObject *bytes_nb_add(TnObject *a, TnObject *b)
{
    if (!tn_bytes_check(a))
        return tn_newref(tn_NotImplemented);
    if (!tn_bytes_check(b) && !tn_bytearray_check(b) &&
        (TN_TYPE(b)->tp_flags & TN_TPFLAG_HEAPTYPE) && TN_TYPE(b)->nb_add)
        return tn_newref(tn_NotImplemented);
    return tn_bytes_concat(a, b);
}

static TnObject *bytes_repeat(TnObject *o, tn_ssize_t k)
{
    tn_ssize_t n = TN_BYTES_SIZE(o);
    if (k <= 0 || n == 0)
        return tn_bytes_from_data("", 0);
    if (k == 1 && tn_bytes_check_exact(o))
        return tn_newref(o);
    if (n > (INTPTR_MAX / 4) / k)
        return tn_err_nomemory();
    TnObject *r = tn_bytes_new_uninit(n * k);
    if (!r)
        return NULL;
    for (tn_ssize_t i = 0; i < k; i++)
        memcpy(TN_BYTES_DATA(r) + i * n, TN_BYTES_DATA(o), (size_t)n);
    return r;
}

static TnObject *bytes_nb_multiply(TnObject *a, TnObject *b)
{
    TnObject *seq = tn_bytes_check(a) ? a : tn_bytes_check(b) ? b : NULL;
    TnObject *cnt = seq == a ? b : a;
    if (!seq)
        return tn_newref(tn_NotImplemented);
    if (!TN_TYPE(cnt)->nb_index || tn_float_check(cnt)) {
        if ((TN_TYPE(cnt)->tp_flags & TN_TPFLAG_HEAPTYPE) && TN_TYPE(cnt)->nb_multiply)
            return tn_newref(tn_NotImplemented);
        return tn_err_format(&tn_exc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                             TN_TYPE(cnt)->tp_name);
    }
    tn_ssize_t k = tn_number_as_ssize(cnt, &tn_exc_OverflowError);
    if (k == -1 && tn_err_occurred())
        return NULL;
    return bytes_repeat(seq, k);
}

static TnObject *bytes_nb_remainder(TnObject *a, TnObject *b)
{
    if (!tn_bytes_check(a))
        return tn_newref(tn_NotImplemented);
    return tn_bytes_mod(a, b);
}

/* ---- iteration ---------------------------------------------------------- */

typedef struct {
    TnObject ob;
    TnObject *seq;
    tn_ssize_t index;
} TnBytesIter;

static void bytesiter_dealloc(TnObject *o)
{
    TN_XDECREF(((TnBytesIter *)o)->seq);
    tn_object_free(o);
}

static TnObject *bytesiter_next(TnObject *o)
{
    TnBytesIter *it = (TnBytesIter *)o;
    if (!it->seq)
        return NULL;
    if (it->index >= TN_BYTES_SIZE(it->seq)) {
        TN_CLEAR(it->seq);
        return NULL;
    }
    return tn_int_from_i64((unsigned char)TN_BYTES_DATA(it->seq)[it->index++]);
}

static TnObject *iter_self(TnObject *o)
{
    return tn_newref(o);
}

TnType tn_bytes_iter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(TnBytesIter),
    .tp_dealloc = bytesiter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = bytesiter_next,
};

static TnObject *bytes_iter(TnObject *o)
{
    TnBytesIter *it = (TnBytesIter *)tn_object_alloc(&tn_bytes_iter_type, sizeof(TnBytesIter));
    if (!it)
        return NULL;
    it->seq = tn_newref(o);
    it->index = 0;
    return (TnObject *)it;
}

/* ---- type --------------------------------------------------------------- */

/* bytes(), bytes(source), bytes(str, encoding[, errors]) */
static TnObject *bytes_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    TnObject *vals[3] = {NULL, NULL, NULL}, *r;
    if (tn_parse_args("bytes", args, nargs, kwnames, kwlist, 3, 0, vals) < 0)
        return NULL;
    for (int i = 1; i < 3; i++)
        if (vals[i] && !tn_str_check(vals[i]))
            return tn_err_format(&tn_exc_TypeError, "bytes() argument '%s' must be str, not %.200s",
                                 kwlist[i], TN_TYPE(vals[i])->tp_name);
    if (!vals[0]) {
        if (vals[1] || vals[2])
            return tn_err_format(&tn_exc_TypeError, vals[1] ? "encoding without a string argument"
                                                            : "errors without a string argument");
        r = tn_bytes_from_data("", 0);
    } else if (vals[1] || vals[2]) {
        if (!tn_str_check(vals[0]))
            return tn_err_format(&tn_exc_TypeError, vals[1] ? "encoding without a string argument"
                                                            : "errors without a string argument");
        if (!vals[1])
            return tn_err_format(&tn_exc_TypeError, "string argument without an encoding");
        r = tn_str_encode(vals[0], TN_STR_DATA(vals[1]), vals[2] ? TN_STR_DATA(vals[2]) : "strict");
    } else {
        r = tn_bytes_from_object(vals[0]);
    }
    if (!r || type == &tn_bytes_type)
        return r;
    TnBytes *sub = (TnBytes *)tn_object_alloc(type, type->tp_basicsize + (size_t)TN_BYTES_SIZE(r) + 1);
    if (sub) {
        sub->ob_size = TN_BYTES_SIZE(r);
        tn_store_relaxed(&sub->hash, -1);
        memcpy(sub->data, TN_BYTES_DATA(r), (size_t)TN_BYTES_SIZE(r) + 1);
    }
    tn_decref(r);
    return (TnObject *)sub;
}

static TnObject *bytes_str(TnObject *o)
{
    return tn_bytes_repr(o);
}

extern const TnMethodDef tn_bytes_methods[];

TnType tn_bytes_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "bytes",
    .tp_basicsize = sizeof(TnBytes),
    .tp_itemsize = 1,
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_BYTES_SUBCLASS,
    .tp_dealloc = tn_object_free,
    .tp_repr = tn_bytes_repr,
    .tp_str = bytes_str,
    .tp_hash = tn_bytes_hash,
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_new = bytes_new,
    .nb_add = bytes_nb_add,
    .nb_multiply = bytes_nb_multiply,
    .nb_remainder = bytes_nb_remainder,
    .sq_length = bytes_length,
    .mp_subscript = bytes_subscript,
    .sq_contains = bytes_contains,
    .sq_item = bytes_item,
    .tp_methods = tn_bytes_methods,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes",
};

int tn_bytearray_init(void);

int tn_bytes_init(void)
{
    if (!tn_bytes_from_data("", 0))
        return -1;
    for (int c = 0; c < 256; c++) {
        char ch = (char)c;
        if (!tn_bytes_from_data(&ch, 1))
            return -1;
    }
    if (tn_type_ready(&tn_bytes_type) < 0 || tn_type_ready(&tn_bytes_iter_type) < 0)
        return -1;
    return tn_bytearray_init();
}
