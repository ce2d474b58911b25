/* int: the type object, allocation, the small-int cache, conversions to and
 * from C numbers, hashing, comparison, the constructor and the methods.
 * Arithmetic lives in int_ops.c, text conversions in int_str.c, the digit
 * algorithms in int_mag.c. See int.h for the representation invariants. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"
#include "tandem/args.h"
#include "tandem/bytes.h"
#include "tandem/freelist.h"

/* ---- the small-int cache ---------------------------------------------------
 * Statically initialised (not at tn_int_init) so that code running in the
 * earlier start-up steps may already create small ints. Immutable and
 * immortal: shared by all threads without synchronisation. */
#define SI(v) { TN_STATIC_OBJECT_HEAD(&tn_int_type), (v), 0 }
#define S4(v) SI(v), SI((v) + 1), SI((v) + 2), SI((v) + 3)
#define S16(v) S4(v), S4((v) + 4), S4((v) + 8), S4((v) + 12)
#define S64(v) S16(v), S16((v) + 16), S16((v) + 32), S16((v) + 48)
#define S256(v) S64(v), S64((v) + 64), S64((v) + 128), S64((v) + 192)
_Static_assert(TN_SMALL_INT_MIN == -5 && TN_SMALL_INT_MAX == 256,
               "the static small-int table below spells out -5..256");
TnInt tn_small_ints[TN_SMALL_INT_MAX - TN_SMALL_INT_MIN + 1] = {
    SI(-5), S4(-4), S256(0), SI(256)
};
#undef SI
#undef S4
#undef S16
#undef S64
#undef S256

/* ---- allocation -------------------------------------------------------- */

static TnInt *alloc_int(TnType *t, size_t ndigits)
{
    if (ndigits > (size_t)INT32_MAX) {
        tn_err_setstr(&tn_exc_OverflowError, "too many digits in integer");
        return NULL;
    }
    size_t base = t == &tn_int_type ? sizeof(TnInt) : t->tp_basicsize;
    return (TnInt *)tn_object_alloc(t, base + ndigits * sizeof(uint32_t));
}

TnObject *tn_int_from_i64(int64_t v)
{
    if (v >= TN_SMALL_INT_MIN && v <= TN_SMALL_INT_MAX)
        return (TnObject *)&tn_small_ints[v - TN_SMALL_INT_MIN];
    TnInt *r = (TnInt *)tn_freelist_pop(TN_FREELIST_INT, &tn_int_type);
    if (!r) {
        r = (TnInt *)tn_object_alloc_nozero(&tn_int_type, sizeof(TnInt));
        if (!r)
            return NULL;
    }
    r->ival = v;
    r->nd = 0;
    return (TnObject *)r;
}

TnObject *tn_int_from_u64(uint64_t v)
{
    if (v <= (uint64_t)INT64_MAX)
        return tn_int_from_i64((int64_t)v);
    uint32_t d[2] = { (uint32_t)v, (uint32_t)(v >> 32) };
    return tn_int_from_mag(0, d, 2);
}

TnInt *tn_int_alloc_big(size_t n)
{
    TnInt *r = alloc_int(&tn_int_type, n);
    if (r)
        r->nd = (int32_t)n;
    return r;
}

/* 1 and *out when a magnitude of <= 2 digits fits int64 with the sign. */
static int mag_fits_i64(int neg, const uint32_t *d, size_t n, int64_t *out)
{
    if (n > 2)
        return 0;
    uint64_t m = n == 0 ? 0 : n == 1 ? d[0] : ((uint64_t)d[1] << 32) | d[0];
    if (!neg) {
        if (m > (uint64_t)INT64_MAX)
            return 0;
        *out = (int64_t)m;
    } else {
        if (m > (uint64_t)INT64_MAX + 1)
            return 0;
        *out = m == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)m;
    }
    return 1;
}

TnObject *tn_int_finish(TnInt *r, int neg, size_t n)
{
    n = tn_mag_norm(r->d, n);
    int64_t v;
    if (mag_fits_i64(neg, r->d, n, &v)) {
        tn_decref((TnObject *)r);
        return tn_int_from_i64(v);
    }
    r->nd = neg ? -(int32_t)n : (int32_t)n;
    return (TnObject *)r;
}

TnObject *tn_int_from_mag_type(TnType *t, int neg, const uint32_t *d, size_t n)
{
    n = tn_mag_norm(d, n);
    int64_t v;
    if (mag_fits_i64(neg, d, n, &v)) {
        if (t == &tn_int_type)
            return tn_int_from_i64(v);
        TnInt *r = alloc_int(t, 0);
        if (r)
            r->ival = v;
        return (TnObject *)r;
    }
    TnInt *r = alloc_int(t, n);
    if (!r)
        return NULL;
    memcpy(r->d, d, n * sizeof(uint32_t));
    r->nd = neg ? -(int32_t)n : (int32_t)n;
    return (TnObject *)r;
}

TnObject *tn_int_from_mag(int neg, const uint32_t *d, size_t n)
{
    return tn_int_from_mag_type(&tn_int_type, neg, d, n);
}

TnObject *tn_int_copy_to_type(TnType *t, TnObject *o)
{
    TnIntView v;
    tn_int_view(o, &v);
    return tn_int_from_mag_type(t, v.neg, v.d, v.n);
}

TnObject *tn_int_exact(TnObject *o)
{
    if (tn_int_check_exact(o))
        return tn_newref(o);
    return tn_int_copy_to_type(&tn_int_type, o);
}

static void int_dealloc(TnObject *o)
{
    /* Exact ints in the int64 form (whose block always holds a TnInt) are
     * recycled through this thread's free list. */
    if (TN_INT_IS_SMALL(o) && tn_freelist_push(TN_FREELIST_INT, o))
        return;
    tn_object_free(o);
}

/* ---- conversions ----------------------------------------------------------- */

int tn_int_as_i64_overflow(TnObject *o, int64_t *out)
{
    TnIntView v;
    tn_int_view(o, &v);
    return mag_fits_i64(v.neg, v.d, v.n, out);
}

int64_t tn_int_as_i64(TnObject *o)
{
    if (TN_INT_IS_SMALL(o))
        return TN_INT_IVAL(o);
    TnObject *i = tn_int_check(o) ? tn_newref(o) : tn_number_index(o);
    if (!i)
        return -1;
    int64_t r;
    int ok = tn_int_as_i64_overflow(i, &r);
    tn_decref(i);
    if (!ok) {
        tn_err_setstr(&tn_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return r;
}

int tn_int_sign(TnObject *o)
{
    TnInt *x = (TnInt *)o;
    if (x->nd == 0)
        return x->ival < 0 ? -1 : x->ival > 0;
    return x->nd < 0 ? -1 : 1;
}

uint64_t tn_int_bit_length(TnObject *o)
{
    TnIntView v;
    tn_int_view(o, &v);
    return tn_mag_bitlen(v.d, v.n);
}

/* Top 64 bits of a magnitude with a sticky bit for everything below, and
 * the shift that scales it back: |x| ~= top * 2**shift. The sticky bit keeps
 * the later rounding to 53 bits correct (round-half-even sees "above half"). */
static uint64_t mag_top64(const uint32_t *d, size_t n, int64_t *shift)
{
    uint64_t bits = tn_mag_bitlen(d, n);
    if (bits <= 64) {
        *shift = 0;
        return n == 0 ? 0 : n == 1 ? d[0] : ((uint64_t)d[1] << 32) | d[0];
    }
    uint64_t s = bits - 64;
    size_t q = (size_t)(s / 32);
    unsigned r = (unsigned)(s % 32);
    /* 96 bits from digits q..q+2 then drop r bits */
    uint64_t lo = d[q], mid = q + 1 < n ? d[q + 1] : 0, hi = q + 2 < n ? d[q + 2] : 0;
    uint64_t top;
    if (r == 0)
        top = (mid << 32) | lo;
    else
        top = (hi << (64 - r)) | (mid << (32 - r)) | (lo >> r);
    int sticky = r ? (lo & (((uint64_t)1 << r) - 1)) != 0 : 0;
    for (size_t i = 0; i < q && !sticky; i++)
        sticky = d[i] != 0;
    *shift = (int64_t)s;
    return top | (uint64_t)sticky;
}

double tn_int_frexp(TnObject *o, int64_t *e)
{
    TnIntView v;
    tn_int_view(o, &v);
    int64_t shift;
    uint64_t top = mag_top64(v.d, v.n, &shift);
    if (top == 0) {
        *e = 0;
        return 0.0;
    }
    /* (double)top rounds correctly to 53 bits (round-half-even). */
    int ex;
    double m = frexp((double)top, &ex);
    *e = ex + shift;
    return v.neg ? -m : m;
}

double tn_int_as_double(TnObject *o)
{
    if (TN_INT_VAL_IS_SMALL(o))
        return (double)((TnInt *)o)->ival;
    int64_t e;
    double m = tn_int_frexp(o, &e);
    if (e > DBL_MAX_EXP) {
        tn_err_setstr(&tn_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return ldexp(m, (int)e);
}

double tn_int_log(TnObject *o)
{
    int64_t e;
    double m = tn_int_frexp(o, &e);
    return log(m) + (double)e * M_LN2;
}

TnObject *tn_int_from_double(double d)
{
    if (isinf(d))
        return tn_err_format(&tn_exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d))
        return tn_err_format(&tn_exc_ValueError, "cannot convert float NaN to integer");
    if (d > -9223372036854775808.0 && d < 9223372036854775808.0)
        return tn_int_from_i64((int64_t)d);
    int e;
    double m = frexp(fabs(d), &e);            /* |d| = m * 2**e, e >= 64 */
    uint64_t mant = (uint64_t)ldexp(m, 53);   /* exact: 53 significant bits */
    size_t shift = (size_t)(e - 53);
    size_t n = shift / 32 + 3;
    TnInt *r = tn_int_alloc_big(n);
    if (!r)
        return NULL;
    memset(r->d, 0, n * sizeof(uint32_t));
    size_t q = shift / 32;
    unsigned s = (unsigned)(shift % 32);
    r->d[q] = (uint32_t)(mant << s);
    r->d[q + 1] = (uint32_t)((mant << s) >> 32);
    r->d[q + 2] = s ? (uint32_t)(mant >> (64 - s)) : 0;
    return tn_int_finish(r, d < 0, n);
}

/* ---- hashing ------------------------------------------------------------------ */

tn_hash_t tn_int_hash(TnObject *o)
{
    TnInt *x = (TnInt *)o;
    uint64_t h;
    int neg;
    if (x->nd == 0) {
        int64_t i = x->ival;
        neg = i < 0;
        uint64_t m = neg ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        h = m % TN_HASH_MODULUS;
    } else {
        TnIntView v;
        tn_int_view(o, &v);
        neg = v.neg;
        /* Horner over base 2**32: multiplying by 2**32 modulo 2**61-1 is a
         * rotation of the 61-bit residue. */
        h = 0;
        for (size_t i = v.n; i-- > 0;) {
            h = ((h << 32) & TN_HASH_MODULUS) | (h >> (TN_HASH_BITS - 32));
            h += v.d[i];
            if (h >= TN_HASH_MODULUS)
                h -= TN_HASH_MODULUS;
        }
    }
    tn_hash_t r = neg ? -(tn_hash_t)h : (tn_hash_t)h;
    return r == -1 ? -2 : r;
}

/* ---- comparison ---------------------------------------------------------------- */

int tn_int_compare(TnObject *a, TnObject *b)
{
    TnInt *x = (TnInt *)a, *y = (TnInt *)b;
    if (x->nd == 0 && y->nd == 0)
        return (x->ival > y->ival) - (x->ival < y->ival);
    TnIntView va, vb;
    tn_int_view(a, &va);
    tn_int_view(b, &vb);
    if (va.neg != vb.neg)
        return va.neg ? -1 : 1;
    int c = tn_mag_cmp(va.d, va.n, vb.d, vb.n);
    return va.neg ? -c : c;
}

int tn_int_compare_double(TnObject *a, double b)
{
    if (isinf(b))
        return b > 0 ? -1 : 1;
    TnInt *x = (TnInt *)a;
    const int64_t lim = (int64_t)1 << 53;
    if (x->nd == 0 && x->ival >= -lim && x->ival <= lim) {
        double d = (double)x->ival;            /* exact */
        return (d > b) - (d < b);
    }
    int sa = tn_int_sign(a), sb = (b > 0) - (b < 0);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    int ex;
    frexp(b, &ex);                              /* 2**(ex-1) <= |b| < 2**ex */
    uint64_t bits = tn_int_bit_length(a);       /* > 53 here */
    if (bits != (uint64_t)ex)
        return ((int64_t)bits < ex) ? -sa : sa;
    /* Same binary magnitude and more than 53 bits: b is an integer, so the
     * comparison is exact between two ints. */
    TnObject *bi = tn_int_from_double(b);
    if (!bi)
        return 0;                               /* cannot happen: b finite */
    int c = tn_int_compare(a, bi);
    tn_decref(bi);
    return c;
}

static TnObject *cmp_result(int c, int op)
{
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

TnObject *tn_int_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_int_check(a) || !tn_int_check(b))
        return tn_newref(tn_NotImplemented);
    return cmp_result(tn_int_compare(a, b), op);
}

/* ---- constructor --------------------------------------------------------------- */

/* int(x, base) for a str/bytes/bytearray x. */
TnObject *tn_int_from_text_object(TnObject *x, int base);   /* int_str.c */

static TnObject *int_from_object(TnObject *x)
{
    if (tn_int_check_exact(x))
        return tn_newref(x);
    if (tn_bytes_check(x) || tn_bytearray_check(x))
        return tn_int_from_text_object(x, 10);
    if (tn_str_check(x) && !TN_TYPE(x)->nb_int && !TN_TYPE(x)->nb_index)
        return tn_int_from_text_object(x, 10);
    TnObject *r = tn_number_long(x);
    if (r && !tn_int_check_exact(r)) {
        TnObject *e = tn_int_exact(r);
        tn_decref(r);
        r = e;
    }
    return r;
}

static TnObject *int_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "", "base", NULL };
    TnObject *vals[2] = { NULL, NULL };
    if (kwnames && TN_TUPLE_SIZE(kwnames) > 0) {
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(kwnames); i++) {
            TnObject *k = TN_TUPLE_GET(kwnames, i);
            if (!tn_str_eq_cstr(k, "base"))
                return tn_err_format(&tn_exc_TypeError,
                                     "'%U' is an invalid keyword argument for int()", k);
        }
    }
    if (tn_parse_args("int", args, nargs, kwnames, kwlist, 2, 0, vals) < 0)
        return NULL;
    TnObject *x = vals[0], *r;
    if (!vals[1]) {
        r = x ? int_from_object(x) : tn_int_from_i64(0);
    } else {
        if (!x)
            return tn_err_format(&tn_exc_TypeError, "int() missing string argument");
        TnObject *bo = tn_number_index(vals[1]);
        if (!bo)
            return NULL;
        int64_t base;
        int ok = tn_int_as_i64_overflow(bo, &base);
        tn_decref(bo);
        if (!ok || (base != 0 && base < 2) || base > 36)
            return tn_err_format(&tn_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        if (!tn_str_check(x) && !tn_bytes_check(x) && !tn_bytearray_check(x))
            return tn_err_format(&tn_exc_TypeError, "int() can't convert non-string with explicit base");
        r = tn_int_from_text_object(x, (int)base);
    }
    if (!r || type == &tn_int_type)
        return r;
    TnObject *s = tn_int_copy_to_type(type, r);
    tn_decref(r);
    return s;
}

/* ---- methods -------------------------------------------------------------------- */

static TnObject *int_get_self(TnObject *self, void *c) { return tn_int_exact(self); }
static TnObject *int_get_zero(TnObject *self, void *c) { return tn_int_from_i64(0); }
static TnObject *int_get_one(TnObject *self, void *c) { return tn_int_from_i64(1); }

static TnObject *int_conjugate(TnObject *self, TnObject *unused) { return tn_int_exact(self); }

static TnObject *int_bit_length(TnObject *self, TnObject *unused)
{
    return tn_int_from_u64(tn_int_bit_length(self));
}

static TnObject *int_bit_count(TnObject *self, TnObject *unused)
{
    TnIntView v;
    tn_int_view(self, &v);
    uint64_t c = 0;
    for (size_t i = 0; i < v.n; i++)
        c += (uint64_t)__builtin_popcount(v.d[i]);
    return tn_int_from_u64(c);
}

static TnObject *int_as_integer_ratio(TnObject *self, TnObject *unused)
{
    TnObject *n = tn_int_exact(self);
    if (!n)
        return NULL;
    TnObject *r = tn_tuple_pack(2, n, tn_int_from_i64(1));
    tn_decref(n);
    return r;
}

static int parse_byteorder(TnObject *o, int *little)
{
    if (!o) {
        *little = 0;
        return 0;
    }
    if (!tn_str_check(o)) {
        tn_err_format(&tn_exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %T", o);
        return -1;
    }
    if (tn_str_eq_cstr(o, "little"))
        *little = 1;
    else if (tn_str_eq_cstr(o, "big"))
        *little = 0;
    else {
        tn_err_setstr(&tn_exc_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

int tn_int_to_bytes(TnObject *o, unsigned char *out, size_t n, int little, int is_signed)
{
    TnIntView v;
    tn_int_view(o, &v);
    if (v.neg && !is_signed) {
        tn_err_setstr(&tn_exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    /* Two's complement, byte by byte, little-endian first. */
    uint32_t borrow = 1;
    for (size_t i = 0; i < n; i++) {
        size_t di = i / 4;
        uint32_t dig = di < v.n ? v.d[di] : 0;
        uint32_t byte = (dig >> (8 * (i % 4))) & 0xFF;
        if (v.neg) {
            byte = (~byte & 0xFF) + borrow;
            borrow = byte >> 8;
            byte &= 0xFF;
        }
        out[little ? i : n - 1 - i] = (unsigned char)byte;
    }
    uint64_t bits = tn_mag_bitlen(v.d, v.n);
    int fits;
    if (!is_signed)
        fits = bits <= 8 * (uint64_t)n;
    else if (!v.neg)
        fits = bits < 8 * (uint64_t)n || (bits == 0);
    else {
        /* -2**(8n-1) fits; anything of larger magnitude does not */
        fits = bits < 8 * (uint64_t)n;
        if (!fits && bits == 8 * (uint64_t)n) {
            /* exactly a power of two? */
            int pow2 = 1;
            for (size_t i = 0; i + 1 < v.n && pow2; i++)
                pow2 = v.d[i] == 0;
            fits = pow2 && (v.d[v.n - 1] & (v.d[v.n - 1] - 1)) == 0;
        }
    }
    if (!fits) {
        tn_err_setstr(&tn_exc_OverflowError, "int too big to convert");
        return -1;
    }
    return 0;
}

TnObject *tn_int_from_bytes(const unsigned char *p, size_t n, int little, int is_signed)
{
    size_t nd = n / 4 + 1;
    uint32_t *d = tn_mem_calloc(nd, sizeof(uint32_t));
    if (!d)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = p[little ? i : n - 1 - i];
        d[i / 4] |= (uint32_t)b << (8 * (i % 4));
    }
    int neg = 0;
    if (is_signed && n > 0 && (p[little ? n - 1 : 0] & 0x80)) {
        /* negative: magnitude = 2**(8n) - value */
        neg = 1;
        for (size_t i = n; i < nd * 4; i++)
            d[i / 4] |= (uint32_t)0xFF << (8 * (i % 4));
        uint32_t carry = 1;
        for (size_t i = 0; i < nd; i++) {
            uint64_t t = (uint64_t)(uint32_t)~d[i] + carry;
            d[i] = (uint32_t)t;
            carry = (uint32_t)(t >> 32);
        }
    }
    TnObject *r = tn_int_from_mag(neg, d, nd);
    tn_mem_free(d);
    return r;
}

static TnObject *int_to_bytes_meth(TnObject *self, TnObject *const *args, size_t nargs,
                                   TnObject *kwnames)
{
    static const char *const kwlist[] = { "length", "byteorder", "signed", NULL };
    TnObject *vals[3] = { NULL, NULL, NULL };
    if (tn_parse_args("to_bytes", args, nargs, kwnames, kwlist, 2, 0, vals) < 0)
        return NULL;
    tn_ssize_t len = 1;
    if (vals[0]) {
        len = tn_number_as_ssize(vals[0], &tn_exc_OverflowError);
        if (len == -1 && tn_err_occurred())
            return NULL;
        if (len < 0)
            return tn_err_format(&tn_exc_ValueError, "length argument must be non-negative");
    }
    int little, is_signed = 0;
    if (parse_byteorder(vals[1], &little) < 0)
        return NULL;
    if (vals[2] && (is_signed = tn_object_is_true(vals[2])) < 0)
        return NULL;
    TnObject *b = tn_bytes_new_uninit(len);
    if (!b)
        return NULL;
    if (tn_int_to_bytes(self, (unsigned char *)TN_BYTES_DATA(b), (size_t)len, little, is_signed) < 0) {
        tn_decref(b);
        return NULL;
    }
    return b;
}

static TnObject *int_from_bytes_meth(TnObject *cls, TnObject *const *args, size_t nargs,
                                     TnObject *kwnames)
{
    static const char *const kwlist[] = { "bytes", "byteorder", "signed", NULL };
    TnObject *vals[3] = { NULL, NULL, NULL };
    if (tn_parse_args("from_bytes", args, nargs, kwnames, kwlist, 2, 1, vals) < 0)
        return NULL;
    int little, is_signed = 0;
    if (parse_byteorder(vals[1], &little) < 0)
        return NULL;
    if (vals[2] && (is_signed = tn_object_is_true(vals[2])) < 0)
        return NULL;
    TnObject *owned = NULL, *r = NULL;
    const char *data;
    tn_ssize_t size;
    if (tn_bytes_like_get(vals[0], &data, &size) < 0) {
        tn_err_clear();
        owned = tn_bytes_from_object(vals[0]);
        if (!owned)
            return NULL;
        data = TN_BYTES_DATA(owned);
        size = TN_BYTES_SIZE(owned);
    }
    r = tn_int_from_bytes((const unsigned char *)data, (size_t)size, little, is_signed);
    TN_XDECREF(owned);
    if (r && cls != (TnObject *)&tn_int_type) {
        TnObject *s = tn_call_one(cls, r);
        tn_decref(r);
        r = s;
    }
    return r;
}

static TnObject *int_trunc(TnObject *self, TnObject *unused) { return tn_int_exact(self); }

TnObject *tn_int_round_meth(TnObject *self, TnObject *const *args, size_t nargs);   /* int_ops.c */

static TnObject *int_format_meth(TnObject *self, TnObject *spec)
{
    if (!tn_str_check(spec))
        return tn_err_format(&tn_exc_TypeError, "format() argument 2 must be str, not %T", spec);
    return tn_int_format(self, spec);
}

static TnObject *int_sizeof(TnObject *self, TnObject *unused)
{
    TnIntView v;
    tn_int_view(self, &v);
    return tn_int_from_u64(TN_TYPE(self)->tp_basicsize + (((TnInt *)self)->nd ? v.n * 4 : 0));
}

static TnObject *int_getnewargs(TnObject *self, TnObject *unused)
{
    TnObject *v = tn_int_exact(self);
    if (!v)
        return NULL;
    TnObject *t = tn_tuple_pack(1, v);
    tn_decref(v);
    return t;
}

static const TnMethodDef int_methods[] = {
    { "conjugate", (void *)int_conjugate, TN_METH_NOARGS, "Returns self, the complex conjugate of any int." },
    { "bit_length", (void *)int_bit_length, TN_METH_NOARGS, "Number of bits necessary to represent self in binary." },
    { "bit_count", (void *)int_bit_count, TN_METH_NOARGS, "Number of ones in the binary representation of the absolute value of self." },
    { "to_bytes", (void *)int_to_bytes_meth, TN_METH_FASTKW, "Return an array of bytes representing an integer." },
    { "from_bytes", (void *)int_from_bytes_meth, TN_METH_FASTKW | TN_METH_CLASS, "Return the integer represented by the given array of bytes." },
    { "as_integer_ratio", (void *)int_as_integer_ratio, TN_METH_NOARGS, "Return integer ratio." },
    { "__trunc__", (void *)int_trunc, TN_METH_NOARGS, "Truncating an Integral returns itself." },
    { "__floor__", (void *)int_trunc, TN_METH_NOARGS, "Flooring an Integral returns itself." },
    { "__ceil__", (void *)int_trunc, TN_METH_NOARGS, "Ceiling of an Integral returns itself." },
    { "__round__", (void *)tn_int_round_meth, TN_METH_FAST, "Rounding an Integral returns itself." },
    { "__format__", (void *)int_format_meth, TN_METH_O, "Convert to a string according to format_spec." },
    { "__sizeof__", (void *)int_sizeof, TN_METH_NOARGS, "Returns size in memory, in bytes." },
    { "__getnewargs__", (void *)int_getnewargs, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static const TnGetSetDef int_getset[] = {
    { "real", int_get_self, NULL, "the real part of a complex number", NULL },
    { "imag", int_get_zero, NULL, "the imaginary part of a complex number", NULL },
    { "numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms", NULL },
    { "denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

/* Slots implemented in int_ops.c / int_str.c. */
TnObject *tn_int_repr(TnObject *o);
TnObject *tn_int_nb_add(TnObject *, TnObject *);
TnObject *tn_int_nb_sub(TnObject *, TnObject *);
TnObject *tn_int_nb_mul(TnObject *, TnObject *);
TnObject *tn_int_nb_mod(TnObject *, TnObject *);
TnObject *tn_int_nb_divmod(TnObject *, TnObject *);
TnObject *tn_int_nb_floordiv(TnObject *, TnObject *);
TnObject *tn_int_nb_truediv(TnObject *, TnObject *);
TnObject *tn_int_nb_pow(TnObject *, TnObject *, TnObject *);
TnObject *tn_int_nb_lshift(TnObject *, TnObject *);
TnObject *tn_int_nb_rshift(TnObject *, TnObject *);
TnObject *tn_int_nb_and(TnObject *, TnObject *);
TnObject *tn_int_nb_or(TnObject *, TnObject *);
TnObject *tn_int_nb_xor(TnObject *, TnObject *);
TnObject *tn_int_nb_neg(TnObject *);
TnObject *tn_int_nb_pos(TnObject *);
TnObject *tn_int_nb_abs(TnObject *);
TnObject *tn_int_nb_invert(TnObject *);
TnObject *tn_int_nb_float(TnObject *);
int tn_int_nb_bool(TnObject *);

TnType tn_int_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "int",
    .tp_basicsize = sizeof(TnInt),
    .tp_itemsize = sizeof(uint32_t),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_INT_SUBCLASS,
    .tp_dealloc = int_dealloc,
    .tp_repr = tn_int_repr,
    .tp_hash = tn_int_hash,
    .tp_richcompare = tn_int_richcompare,
    .tp_new = int_new,
    .nb_add = tn_int_nb_add,
    .nb_subtract = tn_int_nb_sub,
    .nb_multiply = tn_int_nb_mul,
    .nb_remainder = tn_int_nb_mod,
    .nb_divmod = tn_int_nb_divmod,
    .nb_floor_divide = tn_int_nb_floordiv,
    .nb_true_divide = tn_int_nb_truediv,
    .nb_power = tn_int_nb_pow,
    .nb_lshift = tn_int_nb_lshift,
    .nb_rshift = tn_int_nb_rshift,
    .nb_and = tn_int_nb_and,
    .nb_or = tn_int_nb_or,
    .nb_xor = tn_int_nb_xor,
    .nb_negative = tn_int_nb_neg,
    .nb_positive = tn_int_nb_pos,
    .nb_absolute = tn_int_nb_abs,
    .nb_invert = tn_int_nb_invert,
    .nb_int = tn_int_nb_pos,
    .nb_index = tn_int_nb_pos,
    .nb_float = tn_int_nb_float,
    .nb_bool = tn_int_nb_bool,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer",
    .tp_base = &tn_object_type,
};

int tn_bool_init(void);   /* bool.c */

int tn_int_init(void)
{
    if (tn_type_ready(&tn_int_type) < 0)
        return -1;
    return tn_bool_init();
}
