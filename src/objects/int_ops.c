/* int arithmetic: the number slots. Each slot first tries the int64 fast
 * path (checked with __builtin_*_overflow, no allocation beyond the result)
 * and falls back to magnitude arithmetic (int_mag.c) with Python's sign
 * rules: floor division, modulo with the divisor's sign, two's-complement
 * bitwise operators on negative numbers. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"

#define BOTH_INTS(a, b) (tn_int_check(a) && tn_int_check(b))
#define NOT_IMPL() tn_newref(tn_NotImplemented)
#define SMALL(o) TN_INT_VAL_IS_SMALL(o)
#define IVAL(o) (((TnInt *)(o))->ival)

/* ---- add / subtract ---------------------------------------------------------- */

static TnObject *add_views(const TnIntView *a, const TnIntView *b, int bneg)
{
    if (a->neg == bneg) {
        size_t n = (a->n > b->n ? a->n : b->n) + 1;
        TnInt *r = tn_int_alloc_big(n);
        if (!r)
            return NULL;
        size_t rn = tn_mag_add(r->d, a->d, a->n, b->d, b->n);
        return tn_int_finish(r, a->neg, rn);
    }
    int c = tn_mag_cmp(a->d, a->n, b->d, b->n);
    if (c == 0)
        return tn_int_from_i64(0);
    const TnIntView *big = c > 0 ? a : b, *small = c > 0 ? b : a;
    int neg = c > 0 ? a->neg : bneg;
    TnInt *r = tn_int_alloc_big(big->n);
    if (!r)
        return NULL;
    size_t rn = tn_mag_sub(r->d, big->d, big->n, small->d, small->n);
    return tn_int_finish(r, neg, rn);
}

TnObject *tn_int_add(TnObject *a, TnObject *b)
{
    int64_t r;
    if (SMALL(a) && SMALL(b) && !__builtin_add_overflow(IVAL(a), IVAL(b), &r))
        return tn_int_from_i64(r);
    TnIntView va, vb;
    tn_int_view(a, &va);
    tn_int_view(b, &vb);
    return add_views(&va, &vb, vb.neg);
}

TnObject *tn_int_sub(TnObject *a, TnObject *b)
{
    int64_t r;
    if (SMALL(a) && SMALL(b) && !__builtin_sub_overflow(IVAL(a), IVAL(b), &r))
        return tn_int_from_i64(r);
    TnIntView va, vb;
    tn_int_view(a, &va);
    tn_int_view(b, &vb);
    return add_views(&va, &vb, !vb.neg && vb.n ? 1 : 0);
}

TnObject *tn_int_mul(TnObject *a, TnObject *b)
{
    int64_t r;
    if (SMALL(a) && SMALL(b) && !__builtin_mul_overflow(IVAL(a), IVAL(b), &r))
        return tn_int_from_i64(r);
    TnIntView va, vb;
    tn_int_view(a, &va);
    tn_int_view(b, &vb);
    if (va.n == 0 || vb.n == 0)
        return tn_int_from_i64(0);
    TnInt *res = tn_int_alloc_big(va.n + vb.n);
    if (!res)
        return NULL;
    if (tn_mag_mul(res->d, va.d, va.n, vb.d, vb.n) < 0) {
        tn_decref((TnObject *)res);
        return NULL;
    }
    return tn_int_finish(res, va.neg != vb.neg, va.n + vb.n);
}

TnObject *tn_int_neg(TnObject *a)
{
    if (SMALL(a) && IVAL(a) != INT64_MIN)
        return tn_int_from_i64(-IVAL(a));
    TnIntView v;
    tn_int_view(a, &v);
    return tn_int_from_mag(!v.neg && v.n, v.d, v.n);
}

TnObject *tn_int_abs(TnObject *a)
{
    if (tn_int_sign(a) < 0)
        return tn_int_neg(a);
    return tn_int_exact(a);
}

/* ---- division ------------------------------------------------------------------ */

/* Floor division and/or modulo. qp/rp may be NULL when not wanted. */
static int int_divmod(TnObject *a, TnObject *b, TnObject **qp, TnObject **rp, const char *zmsg)
{
    if (tn_int_sign(b) == 0) {
        tn_err_setstr(&tn_exc_ZeroDivisionError, zmsg);
        return -1;
    }
    if (SMALL(a) && SMALL(b) && !(IVAL(a) == INT64_MIN && IVAL(b) == -1)) {
        int64_t x = IVAL(a), y = IVAL(b), q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) {
            m += y;
            q -= 1;
        }
        if (qp && !(*qp = tn_int_from_i64(q)))
            return -1;
        if (rp && !(*rp = tn_int_from_i64(m))) {
            if (qp)
                TN_CLEAR(*qp);
            return -1;
        }
        return 0;
    }
    TnIntView va, vb;
    tn_int_view(a, &va);
    tn_int_view(b, &vb);
    size_t nq = va.n >= vb.n ? va.n - vb.n + 1 : 0;
    /* q gets two spare digits: the floor adjustment may carry into one */
    uint32_t *buf = tn_mem_calloc(nq + 2 + vb.n + 1, sizeof(uint32_t));
    if (!buf)
        return -1;
    uint32_t *q = buf, *r = buf + nq + 2;
    size_t rn;
    if (nq == 0) {
        memcpy(r, va.d, va.n * sizeof(uint32_t));
        rn = va.n;
    } else {
        if (tn_mag_divmod(q, r, va.d, va.n, vb.d, vb.n) < 0) {
            tn_mem_free(buf);
            return -1;
        }
        rn = vb.n;
    }
    rn = tn_mag_norm(r, rn);
    int rneg = va.neg;
    if (va.neg != vb.neg && rn != 0) {
        /* truncated -> floored: q += 1 (magnitude of a negative quotient),
         * r = |b| - r with b's sign */
        uint32_t one = 1;
        nq = tn_mag_add(q, q, tn_mag_norm(q, nq), &one, 1);
        if (nq == 0)
            nq = 1;
        rn = tn_mag_sub(r, vb.d, vb.n, r, rn);
        rneg = vb.neg;
    }
    int rc = 0;
    if (qp && !(*qp = tn_int_from_mag(va.neg != vb.neg, q, nq + 1)))
        rc = -1;
    if (rc == 0 && rp && !(*rp = tn_int_from_mag(rneg, r, rn))) {
        if (qp)
            TN_CLEAR(*qp);
        rc = -1;
    }
    tn_mem_free(buf);
    return rc;
}

TnObject *tn_int_floordiv(TnObject *a, TnObject *b)
{
    TnObject *q;
    if (int_divmod(a, b, &q, NULL, "integer division or modulo by zero") < 0)
        return NULL;
    return q;
}

TnObject *tn_int_mod(TnObject *a, TnObject *b)
{
    TnObject *r;
    if (int_divmod(a, b, NULL, &r, "integer modulo by zero") < 0)
        return NULL;
    return r;
}

/* Correctly rounded a / b (round-half-even), as CPython's long_true_divide:
 * scale a so the integer quotient has 55 or 56 significant bits (or fewer
 * when the result is subnormal), fold the remainder into a sticky bit,
 * round by hand to the bits a double can hold, then scale back exactly. */
static TnObject *int_truediv(TnObject *a, TnObject *b)
{
    if (tn_int_sign(b) == 0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "division by zero");
    const int64_t lim = (int64_t)1 << 53;
    if (SMALL(a) && SMALL(b) && IVAL(a) >= -lim && IVAL(a) <= lim && IVAL(b) >= -lim && IVAL(b) <= lim)
        return tn_float_new((double)IVAL(a) / (double)IVAL(b));
    int neg = (tn_int_sign(a) < 0) != (tn_int_sign(b) < 0);
    if (tn_int_sign(a) == 0)
        return tn_float_new(neg ? -0.0 : 0.0);
    int64_t la = (int64_t)tn_int_bit_length(a), lb = (int64_t)tn_int_bit_length(b);
    int64_t diff = la - lb;
    if (diff > DBL_MAX_EXP)
        goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1)
        return tn_float_new(neg ? -0.0 : 0.0);
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    TnObject *aa = NULL, *bb = NULL, *q = NULL, *r = NULL, *x = NULL;
    aa = tn_int_abs(a);
    bb = tn_int_abs(b);
    if (!aa || !bb)
        goto error;
    x = shift >= 0 ? tn_int_rshift_bits(aa, (uint64_t)shift) : tn_int_lshift_bits(aa, (uint64_t)-shift);
    if (!x)
        goto error;
    /* the low bits dropped by a right shift are inexact too */
    int inexact = 0;
    if (shift > 0) {
        TnObject *back = tn_int_lshift_bits(x, (uint64_t)shift);
        if (!back)
            goto error;
        inexact = tn_int_compare(back, aa) != 0;
        tn_decref(back);
    }
    if (int_divmod(x, bb, &q, &r, "division by zero") < 0)
        goto error;
    if (tn_int_sign(r) != 0)
        inexact = 1;
    int64_t qv;
    if (!tn_int_as_i64_overflow(q, &qv))
        goto error;            /* cannot happen: q < 2**57 */
    uint64_t qm = (uint64_t)qv;
    int64_t qbits = 64 - __builtin_clzll(qm);
    int64_t extra = (qbits > DBL_MIN_EXP - shift ? qbits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra - 1);
    uint64_t low = qm | (uint64_t)inexact;
    if ((low & mask) && (low & (3 * mask - 1)))
        low += mask;
    low &= ~(2 * mask - 1);
    double dx = (double)low;
    if (shift + (64 - __builtin_clzll(low)) > DBL_MAX_EXP) {
        TN_XDECREF(aa); TN_XDECREF(bb); TN_XDECREF(q); TN_XDECREF(r); TN_XDECREF(x);
        goto overflow;
    }
    double res = ldexp(dx, (int)shift);
    TN_XDECREF(aa); TN_XDECREF(bb); TN_XDECREF(q); TN_XDECREF(r); TN_XDECREF(x);
    if (isinf(res))
        goto overflow;
    return tn_float_new(neg ? -res : res);
error:
    TN_XDECREF(aa); TN_XDECREF(bb); TN_XDECREF(q); TN_XDECREF(r); TN_XDECREF(x);
    return NULL;
overflow:
    return tn_err_format(&tn_exc_OverflowError, "integer division result too large for a float");
}

/* ---- shifts ---------------------------------------------------------------------- */

TnObject *tn_int_lshift_bits(TnObject *a, uint64_t n)
{
    if (SMALL(a)) {
        int64_t v = IVAL(a);
        if (v == 0)
            return tn_int_from_i64(0);
        if (n < 63) {
            int64_t r = (int64_t)((uint64_t)v << n);
            if ((r >> n) == v)
                return tn_int_from_i64(r);
        }
    }
    TnIntView va;
    tn_int_view(a, &va);
    if (va.n == 0)
        return tn_int_from_i64(0);
    uint64_t wq = n / 32;
    unsigned s = (unsigned)(n % 32);
    if (wq + va.n + 1 > (uint64_t)INT32_MAX)
        return tn_err_format(&tn_exc_OverflowError, "too many digits in integer");
    size_t rn = (size_t)wq + va.n + 1;
    TnInt *r = tn_int_alloc_big(rn);
    if (!r)
        return NULL;
    memset(r->d, 0, (size_t)wq * sizeof(uint32_t));
    uint32_t carry = 0;
    for (size_t i = 0; i < va.n; i++) {
        uint32_t dgt = va.d[i];
        r->d[wq + i] = s ? (dgt << s) | carry : dgt;
        carry = s ? dgt >> (32 - s) : 0;
    }
    r->d[wq + va.n] = carry;
    return tn_int_finish(r, va.neg, rn);
}

TnObject *tn_int_rshift_bits(TnObject *a, uint64_t n)
{
    if (SMALL(a)) {
        int64_t v = IVAL(a);
        return tn_int_from_i64(n >= 63 ? (v < 0 ? -1 : 0) : v >> n);   /* arithmetic shift floors */
    }
    TnIntView va;
    tn_int_view(a, &va);
    uint64_t wq = n / 32;
    unsigned s = (unsigned)(n % 32);
    if (wq >= va.n)
        return tn_int_from_i64(va.neg ? -1 : 0);
    size_t rn = va.n - (size_t)wq;
    TnInt *r = tn_int_alloc_big(rn + 1);
    if (!r)
        return NULL;
    int lost = 0;
    for (size_t i = 0; i < wq && !lost; i++)
        lost = va.d[i] != 0;
    if (s && (va.d[wq] & ((1u << s) - 1)))
        lost = 1;
    for (size_t i = 0; i < rn; i++) {
        uint32_t lo = va.d[wq + i], hi = wq + i + 1 < va.n ? va.d[wq + i + 1] : 0;
        r->d[i] = s ? (lo >> s) | (hi << (32 - s)) : lo;
    }
    r->d[rn] = 0;
    if (va.neg && lost) {
        /* floor: -(|a| >> n) - 1 when bits were shifted out */
        uint32_t one = 1;
        rn = tn_mag_add(r->d, r->d, rn, &one, 1);
    }
    return tn_int_finish(r, va.neg, rn + 1);
}

static int shift_count(TnObject *b, uint64_t *n, int *huge)
{
    *huge = 0;
    if (tn_int_sign(b) < 0) {
        tn_err_setstr(&tn_exc_ValueError, "negative shift count");
        return -1;
    }
    int64_t v;
    if (!tn_int_as_i64_overflow(b, &v)) {
        *huge = 1;
        *n = UINT64_MAX;
        return 0;
    }
    *n = (uint64_t)v;
    return 0;
}

/* ---- bitwise (two's complement on the fly) -------------------------------------- */

static void to_twos(const TnIntView *v, uint32_t *out, size_t n)
{
    memset(out, 0, n * sizeof(uint32_t));
    memcpy(out, v->d, v->n * sizeof(uint32_t));
    if (v->neg) {
        uint64_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (uint32_t)~out[i];
            out[i] = (uint32_t)carry;
            carry >>= 32;
        }
    }
}

static TnObject *bitwise(TnObject *a, TnObject *b, char op)
{
    if (SMALL(a) && SMALL(b)) {
        int64_t x = IVAL(a), y = IVAL(b);
        return tn_int_from_i64(op == '&' ? x & y : op == '|' ? x | y : x ^ y);
    }
    TnIntView va, vb;
    tn_int_view(a, &va);
    tn_int_view(b, &vb);
    size_t n = (va.n > vb.n ? va.n : vb.n) + 1;
    uint32_t *x = tn_mem_alloc(3 * n * sizeof(uint32_t));
    if (!x)
        return NULL;
    uint32_t *y = x + n, *z = y + n;
    to_twos(&va, x, n);
    to_twos(&vb, y, n);
    for (size_t i = 0; i < n; i++)
        z[i] = op == '&' ? x[i] & y[i] : op == '|' ? x[i] | y[i] : x[i] ^ y[i];
    int neg = (z[n - 1] >> 31) != 0;
    if (neg) {
        uint64_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (uint32_t)~z[i];
            z[i] = (uint32_t)carry;
            carry >>= 32;
        }
    }
    TnObject *r = tn_int_from_mag(neg, z, n);
    tn_mem_free(x);
    return r;
}

/* ---- power ---------------------------------------------------------------------------- */

static TnObject *int_pow_plain(TnObject *a, TnObject *b)
{
    /* b >= 0 */
    int64_t e;
    if (!tn_int_as_i64_overflow(b, &e)) {
        /* only 0, 1, -1 survive an exponent this large */
        if (SMALL(a) && IVAL(a) >= -1 && IVAL(a) <= 1) {
            if (IVAL(a) == -1) {
                TnIntView vb;
                tn_int_view(b, &vb);
                return tn_int_from_i64((vb.d[0] & 1) ? -1 : 1);
            }
            return tn_int_from_i64(IVAL(a));
        }
        return tn_err_format(&tn_exc_OverflowError, "too many digits in integer");
    }
    if (SMALL(a)) {
        int64_t x = IVAL(a), r = 1, base = x, ee = e;
        int ok = 1;
        while (ee > 0 && ok) {
            if (ee & 1)
                ok = !__builtin_mul_overflow(r, base, &r);
            ee >>= 1;
            if (ee > 0 && ok)
                ok = !__builtin_mul_overflow(base, base, &base);
        }
        if (ok)
            return tn_int_from_i64(r);
        if (x >= -1 && x <= 1)
            return tn_int_from_i64(x == -1 ? ((e & 1) ? -1 : 1) : x);
    }
    uint64_t bits = tn_int_bit_length(a);
    if (bits > 1 && (double)(bits - 1) * (double)e > 32.0 * INT32_MAX)
        return tn_err_format(&tn_exc_OverflowError, "too many digits in integer");
    /* left-to-right binary exponentiation */
    TnObject *r = tn_int_from_i64(1);
    for (int i = 63 - __builtin_clzll((uint64_t)e | 1); i >= 0 && r; i--) {
        TnObject *t = tn_int_mul(r, r);
        tn_decref(r);
        r = t;
        if (r && (((uint64_t)e >> i) & 1)) {
            t = tn_int_mul(r, a);
            tn_decref(r);
            r = t;
        }
    }
    return r;
}

/* Modular inverse of a modulo m (m > 0) by the extended Euclidean algorithm. */
static TnObject *int_invmod(TnObject *a, TnObject *m)
{
    TnObject *r0 = tn_int_mod(a, m), *r1 = tn_int_exact(m);
    TnObject *s0 = tn_int_from_i64(1), *s1 = tn_int_from_i64(0);
    TnObject *q = NULL, *t = NULL, *u = NULL, *res = NULL;
    if (!r0 || !r1)
        goto done;
    while (tn_int_sign(r1) != 0) {
        TnObject *rr;
        if (int_divmod(r0, r1, &q, &rr, "integer division or modulo by zero") < 0)
            goto done;
        tn_decref(r0);
        r0 = r1;
        r1 = rr;
        t = tn_int_mul(q, s1);
        TN_CLEAR(q);
        if (!t)
            goto done;
        u = tn_int_sub(s0, t);
        TN_CLEAR(t);
        if (!u)
            goto done;
        tn_decref(s0);
        s0 = s1;
        s1 = u;
        u = NULL;
    }
    if (!(SMALL(r0) && IVAL(r0) == 1)) {
        tn_err_setstr(&tn_exc_ValueError, "base is not invertible for the given modulus");
        goto done;
    }
    res = tn_int_mod(s0, m);
done:
    TN_XDECREF(r0); TN_XDECREF(r1); TN_XDECREF(s0); TN_XDECREF(s1);
    return res;
}

static TnObject *int_pow_mod(TnObject *a, TnObject *b, TnObject *m)
{
    if (tn_int_sign(m) == 0)
        return tn_err_format(&tn_exc_ValueError, "pow() 3rd argument cannot be 0");
    TnObject *mm = tn_int_abs(m), *base = NULL, *e = NULL, *r = NULL;
    if (!mm)
        return NULL;
    if (tn_int_sign(b) < 0) {
        base = int_invmod(a, mm);
        e = tn_int_neg(b);
    } else {
        base = tn_int_mod(a, mm);
        e = tn_int_exact(b);
    }
    if (!base || !e)
        goto done;
    int64_t mv;
    if (tn_int_as_i64_overflow(mm, &mv) && mv == 1) {
        r = tn_int_from_i64(0);
        goto done;
    }
    if (SMALL(mm) && SMALL(base)) {
        /* 128-bit products keep everything in registers */
        unsigned __int128 acc = 1, bb = (uint64_t)IVAL(base), mod = (uint64_t)mv;
        TnIntView ve;
        tn_int_view(e, &ve);
        for (size_t i = 0; i < ve.n; i++) {
            uint32_t w = ve.d[i];
            for (int k = 0; k < 32; k++) {
                if (i == ve.n - 1 && (w >> k) == 0)
                    break;
                if ((w >> k) & 1)
                    acc = acc * bb % mod;
                bb = bb * bb % mod;
            }
        }
        r = tn_int_from_u64((uint64_t)acc);
    } else {
        r = tn_int_from_i64(1);
        uint64_t nbits = tn_int_bit_length(e);
        TnIntView ve;
        tn_int_view(e, &ve);
        for (uint64_t i = nbits; i-- > 0 && r;) {
            TnObject *t = tn_int_mul(r, r);
            tn_decref(r);
            r = t ? tn_int_mod(t, mm) : NULL;
            TN_XDECREF(t);
            if (r && ((ve.d[i / 32] >> (i % 32)) & 1)) {
                t = tn_int_mul(r, base);
                tn_decref(r);
                r = t ? tn_int_mod(t, mm) : NULL;
                TN_XDECREF(t);
            }
        }
    }
    if (r && tn_int_sign(m) < 0 && tn_int_sign(r) != 0) {
        TnObject *t = tn_int_sub(r, mm);
        tn_decref(r);
        r = t;
    }
done:
    TN_XDECREF(mm); TN_XDECREF(base); TN_XDECREF(e);
    return r;
}

TnObject *tn_int_pow(TnObject *a, TnObject *b, TnObject *m)
{
    if (m && m != tn_None)
        return int_pow_mod(a, b, m);
    if (tn_int_sign(b) < 0) {
        double x = tn_int_as_double(a);
        if (x == -1.0 && tn_err_occurred())
            return NULL;
        double y = tn_int_as_double(b);
        if (y == -1.0 && tn_err_occurred())
            return NULL;
        return tn_float_pow_values(x, y);
    }
    return int_pow_plain(a, b);
}

/* ---- gcd, isqrt (math) ------------------------------------------------------------ */

TnObject *tn_int_gcd(TnObject *a, TnObject *b)
{
    if (SMALL(a) && SMALL(b) && IVAL(a) != INT64_MIN && IVAL(b) != INT64_MIN) {
        uint64_t x = (uint64_t)llabs(IVAL(a)), y = (uint64_t)llabs(IVAL(b));
        while (y) {
            uint64_t t = x % y;
            x = y;
            y = t;
        }
        return tn_int_from_u64(x);
    }
    TnObject *x = tn_int_abs(a), *y = tn_int_abs(b);
    while (x && y && tn_int_sign(y) != 0) {
        TnObject *t = tn_int_mod(x, y);
        tn_decref(x);
        x = y;
        y = t;
    }
    TN_XDECREF(y);
    return x;
}

TnObject *tn_int_isqrt(TnObject *n)
{
    if (SMALL(n)) {
        uint64_t v = (uint64_t)IVAL(n);
        uint64_t r = (uint64_t)sqrt((double)v);
        while (r > 0 && (r > UINT32_MAX || r * r > v))
            r--;
        while ((r + 1) <= UINT32_MAX && (r + 1) * (r + 1) <= v)
            r++;
        return tn_int_from_u64(r);
    }
    /* Newton from above: x0 = 2**ceil(bits/2) >= sqrt(n), then
     * x = (x + n // x) // 2 while it decreases. */
    uint64_t bits = tn_int_bit_length(n);
    TnObject *one = tn_int_from_i64(1);
    TnObject *x = tn_int_lshift_bits(one, (bits + 1) / 2);
    while (x) {
        TnObject *q = tn_int_floordiv(n, x);
        if (!q) {
            TN_CLEAR(x);
            break;
        }
        TnObject *s = tn_int_add(x, q);
        tn_decref(q);
        if (!s) {
            TN_CLEAR(x);
            break;
        }
        TnObject *y = tn_int_rshift_bits(s, 1);
        tn_decref(s);
        if (!y) {
            TN_CLEAR(x);
            break;
        }
        if (tn_int_compare(y, x) >= 0) {
            tn_decref(y);
            break;
        }
        tn_decref(x);
        x = y;
    }
    return x;
}

/* ---- the slots ------------------------------------------------------------------------ */

TnObject *tn_int_nb_add(TnObject *a, TnObject *b) { return BOTH_INTS(a, b) ? tn_int_add(a, b) : NOT_IMPL(); }
TnObject *tn_int_nb_sub(TnObject *a, TnObject *b) { return BOTH_INTS(a, b) ? tn_int_sub(a, b) : NOT_IMPL(); }
TnObject *tn_int_nb_mul(TnObject *a, TnObject *b) { return BOTH_INTS(a, b) ? tn_int_mul(a, b) : NOT_IMPL(); }
TnObject *tn_int_nb_mod(TnObject *a, TnObject *b) { return BOTH_INTS(a, b) ? tn_int_mod(a, b) : NOT_IMPL(); }
TnObject *tn_int_nb_floordiv(TnObject *a, TnObject *b) { return BOTH_INTS(a, b) ? tn_int_floordiv(a, b) : NOT_IMPL(); }
TnObject *tn_int_nb_truediv(TnObject *a, TnObject *b) { return BOTH_INTS(a, b) ? int_truediv(a, b) : NOT_IMPL(); }

TnObject *tn_int_nb_divmod(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return NOT_IMPL();
    TnObject *q, *r;
    if (int_divmod(a, b, &q, &r, "integer division or modulo by zero") < 0)
        return NULL;
    TnObject *t = tn_tuple_pack(2, q, r);
    tn_decref(q);
    tn_decref(r);
    return t;
}

TnObject *tn_int_nb_pow(TnObject *a, TnObject *b, TnObject *m)
{
    if (!BOTH_INTS(a, b) || (m && m != tn_None && !tn_int_check(m)))
        return NOT_IMPL();
    return tn_int_pow(a, b, m);
}

TnObject *tn_int_nb_lshift(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return NOT_IMPL();
    uint64_t n;
    int huge;
    if (shift_count(b, &n, &huge) < 0)
        return NULL;
    if (huge) {
        if (tn_int_sign(a) == 0)
            return tn_int_from_i64(0);
        return tn_err_format(&tn_exc_OverflowError, "too many digits in integer");
    }
    return tn_int_lshift_bits(a, n);
}

TnObject *tn_int_nb_rshift(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return NOT_IMPL();
    uint64_t n;
    int huge;
    if (shift_count(b, &n, &huge) < 0)
        return NULL;
    return tn_int_rshift_bits(a, n);
}

TnObject *tn_int_nb_and(TnObject *a, TnObject *b) { return BOTH_INTS(a, b) ? bitwise(a, b, '&') : NOT_IMPL(); }
TnObject *tn_int_nb_or(TnObject *a, TnObject *b) { return BOTH_INTS(a, b) ? bitwise(a, b, '|') : NOT_IMPL(); }
TnObject *tn_int_nb_xor(TnObject *a, TnObject *b) { return BOTH_INTS(a, b) ? bitwise(a, b, '^') : NOT_IMPL(); }
TnObject *tn_int_nb_neg(TnObject *a) { return tn_int_neg(a); }
TnObject *tn_int_nb_pos(TnObject *a) { return tn_int_exact(a); }
TnObject *tn_int_nb_abs(TnObject *a) { return tn_int_abs(a); }

TnObject *tn_int_nb_invert(TnObject *a)
{
    if (SMALL(a))
        return tn_int_from_i64(~IVAL(a));
    /* ~a == -(a + 1) */
    TnObject *one = tn_int_from_i64(1);
    TnObject *s = tn_int_add(a, one);
    if (!s)
        return NULL;
    TnObject *r = tn_int_neg(s);
    tn_decref(s);
    return r;
}

TnObject *tn_int_nb_float(TnObject *a)
{
    double d = tn_int_as_double(a);
    if (d == -1.0 && tn_err_occurred())
        return NULL;
    return tn_float_new(d);
}

int tn_int_nb_bool(TnObject *a) { return tn_int_sign(a) != 0; }

/* int.__round__(ndigits=None): round half to even at 10**-ndigits. */
TnObject *tn_int_round_meth(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (nargs > 1)
        return tn_err_format(&tn_exc_TypeError, "__round__ expected at most 1 argument, got %zu", nargs);
    if (nargs == 0 || args[0] == tn_None)
        return tn_int_exact(self);
    TnObject *nd = tn_number_index(args[0]);
    if (!nd)
        return NULL;
    if (tn_int_sign(nd) >= 0) {
        tn_decref(nd);
        return tn_int_exact(self);
    }
    TnObject *res = NULL, *ten = NULL, *pw = NULL, *q = NULL, *r = NULL, *half = NULL, *tmp = NULL;
    TnObject *neg = tn_int_neg(nd);
    tn_decref(nd);
    if (!neg)
        return NULL;
    ten = tn_int_from_i64(10);
    pw = tn_int_pow(ten, neg, NULL);            /* 10**-ndigits */
    tn_decref(neg);
    if (!pw)
        goto done;
    if (int_divmod(self, pw, &q, &r, "integer division or modulo by zero") < 0)
        goto done;
    /* compare 2*r with pw; round half to even */
    half = tn_int_lshift_bits(r, 1);
    if (!half)
        goto done;
    int c = tn_int_compare(half, pw);
    int q_odd = ((((TnInt *)q)->nd == 0 ? (uint64_t)IVAL(q) : ((TnInt *)q)->d[0]) & 1) != 0;
    int up = c > 0 || (c == 0 && q_odd);
    if (up) {
        tmp = tn_int_add(q, tn_int_from_i64(1));
        if (!tmp)
            goto done;
        TN_SETREF(q, tmp);
        tmp = NULL;
    }
    res = tn_int_mul(q, pw);
done:
    TN_XDECREF(pw); TN_XDECREF(q); TN_XDECREF(r); TN_XDECREF(half);
    return res;
}
