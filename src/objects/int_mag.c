/* Magnitude arithmetic for big ints: arrays of base-2**32 digits, least
 * significant first. Schoolbook algorithms, Karatsuba multiplication above
 * a threshold, Knuth's algorithm D for division. No Python objects here,
 * only buffers; the callers in int_ops.c own sign handling. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"

/* Below this many digits (of the shorter operand) schoolbook beats
 * Karatsuba's extra additions (measured: 10**100000 squares fastest
 * around 40..64). */
#define KARATSUBA_CUTOFF 48

size_t tn_mag_norm(const uint32_t *a, size_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

int tn_mag_cmp(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    na = tn_mag_norm(a, na);
    nb = tn_mag_norm(b, nb);
    if (na != nb)
        return na < nb ? -1 : 1;
    while (na-- > 0) {
        if (a[na] != b[na])
            return a[na] < b[na] ? -1 : 1;
    }
    return 0;
}

size_t tn_mag_add(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    if (na < nb) {
        const uint32_t *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        carry += (uint64_t)a[i] + b[i];
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    r[i] = (uint32_t)carry;
    return tn_mag_norm(r, na + 1);
}

size_t tn_mag_sub(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    uint64_t borrow = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        uint64_t t = (uint64_t)a[i] - b[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = (t >> 32) & 1;
    }
    for (; i < na; i++) {
        uint64_t t = (uint64_t)a[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = (t >> 32) & 1;
    }
    return tn_mag_norm(r, na);
}

static void school_mul(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    memset(r, 0, (na + nb) * sizeof(uint32_t));
    for (size_t i = 0; i < na; i++) {
        uint64_t carry = 0, ai = a[i];
        if (ai == 0)
            continue;
        for (size_t j = 0; j < nb; j++) {
            carry += ai * b[j] + r[i + j];
            r[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        r[i + nb] = (uint32_t)carry;
    }
}

static void school_sqr(uint32_t *r, const uint32_t *a, size_t n)
{
    /* Off-diagonal products once, doubled, plus the squares. */
    memset(r, 0, 2 * n * sizeof(uint32_t));
    for (size_t i = 0; i < n; i++) {
        uint64_t carry = 0, ai = a[i];
        for (size_t j = i + 1; j < n; j++) {
            carry += ai * a[j] + r[i + j];
            r[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        r[i + n] = (uint32_t)carry;
    }
    uint32_t top = 0;
    for (size_t i = 0; i < 2 * n; i++) {
        uint32_t nt = r[i] >> 31;
        r[i] = (r[i] << 1) | top;
        top = nt;
    }
    uint64_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t sq = (uint64_t)a[i] * a[i];
        carry += (uint64_t)r[2 * i] + (uint32_t)sq;
        r[2 * i] = (uint32_t)carry;
        carry >>= 32;
        carry += (uint64_t)r[2 * i + 1] + (sq >> 32);
        r[2 * i + 1] = (uint32_t)carry;
        carry >>= 32;
    }
}

/* r[0..n) += a[0..na); the caller guarantees no carry out of r. */
static void add_into(uint32_t *r, size_t n, const uint32_t *a, size_t na)
{
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < na; i++) {
        carry += (uint64_t)r[i] + a[i];
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    for (; carry && i < n; i++) {
        carry += r[i];
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
}

/* r[0..n) -= a[0..na); the caller guarantees r >= a. */
static void sub_from(uint32_t *r, size_t n, const uint32_t *a, size_t na)
{
    uint64_t borrow = 0;
    size_t i = 0;
    for (; i < na; i++) {
        uint64_t t = (uint64_t)r[i] - a[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = (t >> 32) & 1;
    }
    for (; borrow && i < n; i++) {
        uint64_t t = (uint64_t)r[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = (t >> 32) & 1;
    }
}

static int kmul(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb);

/* a much longer than b: multiply b by slices of a of b's length. */
static int lopsided_mul(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    uint32_t *tmp = tn_mem_alloc(2 * nb * sizeof(uint32_t));
    if (!tmp)
        return -1;
    memset(r, 0, (na + nb) * sizeof(uint32_t));
    for (size_t off = 0; off < na; off += nb) {
        size_t len = na - off < nb ? na - off : nb;
        if (kmul(tmp, b, nb, a + off, len) < 0) {
            tn_mem_free(tmp);
            return -1;
        }
        add_into(r + off, na + nb - off, tmp, nb + len);
    }
    tn_mem_free(tmp);
    return 0;
}

/* r = a * b with na >= nb; r has na + nb digits and is fully written. */
static int kmul(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    if (na < nb) {
        const uint32_t *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    if (nb < KARATSUBA_CUTOFF) {
        if (a == b && na == nb)
            school_sqr(r, a, na);
        else
            school_mul(r, a, na, b, nb);
        return 0;
    }
    if (2 * nb <= na)
        return lopsided_mul(r, a, na, b, nb);
    /* a = a1*B^h + a0, b = b1*B^h + b0 with nb > h, so b1 is not empty. */
    size_t h = na >> 1;
    const uint32_t *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
    size_t na1 = na - h, nb1 = nb - h;
    int square = (a == b && na == nb);
    memset(r, 0, (na + nb) * sizeof(uint32_t));
    if (kmul(r, a0, h, b0, h) < 0)                    /* z0 -> r[0..2h) */
        return -1;
    if (kmul(r + 2 * h, a1, na1, b1, nb1) < 0)        /* z2 -> r[2h..) */
        return -1;
    size_t ns = na1 + 1, nt = (nb1 > h ? nb1 : h) + 1;
    uint32_t *buf = tn_mem_alloc((ns + nt + ns + nt) * sizeof(uint32_t));
    if (!buf)
        return -1;
    uint32_t *sa = buf, *sb = buf + ns, *z1 = buf + ns + nt;
    memset(sa, 0, (ns + nt) * sizeof(uint32_t));
    tn_mag_add(sa, a0, h, a1, na1);
    uint32_t *sbp = sa;
    if (!square) {
        tn_mag_add(sb, b0, h, b1, nb1);
        sbp = sb;
    }
    size_t nsb = square ? ns : nt;
    if (kmul(z1, sa, ns, sbp, nsb) < 0) {
        tn_mem_free(buf);
        return -1;
    }
    size_t nz1 = ns + nsb;
    sub_from(z1, nz1, r, 2 * h);
    sub_from(z1, nz1, r + 2 * h, na1 + nb1);
    nz1 = tn_mag_norm(z1, nz1);
    add_into(r + h, na + nb - h, z1, nz1);
    tn_mem_free(buf);
    return 0;
}

int tn_mag_mul(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    if (na == 0 || nb == 0) {
        memset(r, 0, (na + nb) * sizeof(uint32_t));
        return 0;
    }
    return kmul(r, a, na, b, nb);
}

uint32_t tn_mag_divrem1(uint32_t *q, const uint32_t *a, size_t n, uint32_t d)
{
    uint64_t rem = 0;
    while (n-- > 0) {
        uint64_t cur = (rem << 32) | a[n];
        q[n] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    return (uint32_t)rem;
}

uint64_t tn_mag_bitlen(const uint32_t *a, size_t n)
{
    n = tn_mag_norm(a, n);
    if (n == 0)
        return 0;
    return (uint64_t)(n - 1) * 32 + (uint64_t)(32 - __builtin_clz(a[n - 1]));
}

/* Knuth's algorithm D (TAOCP vol. 2, 4.3.1): normalise so the divisor's top
 * bit is set, estimate each quotient digit from the top two digits, correct
 * it at most twice, multiply-subtract, add back on the rare overshoot. */
int tn_mag_divmod(uint32_t *q, uint32_t *r, const uint32_t *a, size_t na,
                  const uint32_t *b, size_t nb)
{
    if (nb == 1) {
        uint32_t *qq = q;
        if (!qq) {
            qq = tn_mem_alloc(na * sizeof(uint32_t) + 1);
            if (!qq)
                return -1;
        }
        uint32_t rem = tn_mag_divrem1(qq, a, na, b[0]);
        if (!q)
            tn_mem_free(qq);
        if (r)
            r[0] = rem;
        return 0;
    }
    int s = __builtin_clz(b[nb - 1]);
    uint32_t *un = tn_mem_alloc((na + 1 + nb) * sizeof(uint32_t));
    if (!un)
        return -1;
    uint32_t *vn = un + na + 1;
    for (size_t i = nb - 1; i > 0; i--)
        vn[i] = s ? (b[i] << s) | (b[i - 1] >> (32 - s)) : b[i];
    vn[0] = b[0] << s;
    un[na] = s ? a[na - 1] >> (32 - s) : 0;
    for (size_t i = na - 1; i > 0; i--)
        un[i] = s ? (a[i] << s) | (a[i - 1] >> (32 - s)) : a[i];
    un[0] = a[0] << s;

    const uint64_t B = (uint64_t)1 << 32;
    for (size_t jj = na - nb + 1; jj-- > 0;) {
        size_t j = jj;
        uint64_t num = ((uint64_t)un[j + nb] << 32) | un[j + nb - 1];
        uint64_t qhat = num / vn[nb - 1];
        uint64_t rhat = num % vn[nb - 1];
        while (qhat >= B || qhat * vn[nb - 2] > ((rhat << 32) | un[j + nb - 2])) {
            qhat--;
            rhat += vn[nb - 1];
            if (rhat >= B)
                break;
        }
        int64_t k = 0, t;
        for (size_t i = 0; i < nb; i++) {
            uint64_t p = qhat * vn[i];
            t = (int64_t)un[i + j] - k - (int64_t)(p & 0xFFFFFFFFu);
            un[i + j] = (uint32_t)t;
            k = (int64_t)(p >> 32) - (t >> 32);
        }
        t = (int64_t)un[j + nb] - k;
        un[j + nb] = (uint32_t)t;
        if (t < 0) {
            qhat--;
            uint64_t c = 0;
            for (size_t i = 0; i < nb; i++) {
                c += (uint64_t)un[i + j] + vn[i];
                un[i + j] = (uint32_t)c;
                c >>= 32;
            }
            un[j + nb] += (uint32_t)c;
        }
        if (q)
            q[j] = (uint32_t)qhat;
    }
    if (r) {
        for (size_t i = 0; i < nb; i++)
            r[i] = s ? (un[i] >> s) | (un[i + 1] << (32 - s)) : un[i];
    }
    tn_mem_free(un);
    return 0;
}
