/* float <-> text: the shortest round-trip repr laid out like CPython's,
 * printf-style conversions for %-formatting, float(str) parsing, and
 * float.hex / float.fromhex.
 *
 * Shortest digits: try 1..17 significant digits with "%.*e" and keep the
 * first that reads back (strtod) as the same double, or whose neighbour
 * across v does (see shortest_digits). glibc's printf and
 * strtod are correctly rounded, so the result is the shortest correctly
 * rounded string, which is what CPython's dtoa-based repr produces. */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"

/* Significant digits (no point, no sign) and decimal exponent such that
 * |v| = 0.d1d2d3... * 10**decpt. v finite and nonzero; digits has room for
 * 18 + NUL. Returns the digit count.
 *
 * At each length the correctly rounded string is the nearest candidate, but
 * it can miss v's rounding interval when that interval is lopsided (v a power
 * of two: the gap below is half the gap above) while the string one unit
 * away on the other side of v still reads back as v. So when the rounded
 * string fails, its neighbour across v is tried before adding a digit. */
static int shortest_digits(double v, char *digits, int *decpt)
{
    char buf[40];
    v = fabs(v);
    for (int prec = 0; prec <= 16; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec, v);
        int n = 0;
        char *p = buf;
        for (; *p && *p != 'e'; p++)
            if (*p >= '0' && *p <= '9')
                digits[n++] = *p;
        int ex = atoi(p + 1);
        double r = strtod(buf, NULL);
        int found = r == v || prec == 16;
        if (!found) {
            /* step the last digit toward v, carrying or borrowing */
            char alt[24];
            memcpy(alt, digits, (size_t)n);
            int aex = ex, i = n - 1;
            if (r < v) {
                while (i >= 0 && alt[i] == '9')
                    alt[i--] = '0';
                if (i >= 0) {
                    alt[i]++;
                } else {
                    memmove(alt + 1, alt, (size_t)n - 1);
                    alt[0] = '1';
                    aex++;
                }
            } else {
                while (i >= 0 && alt[i] == '0')
                    alt[i--] = '9';
                alt[i]--;
                if (alt[0] == '0') {
                    memmove(alt, alt + 1, (size_t)n - 1);
                    alt[n - 1] = '9';
                    aex--;
                }
            }
            char cand[48];
            int k = 0;
            cand[k++] = alt[0];
            cand[k++] = '.';
            for (int j = 1; j < n; j++)
                cand[k++] = alt[j];
            snprintf(cand + k, sizeof cand - (size_t)k, "e%d", aex);
            if (strtod(cand, NULL) == v) {
                memcpy(digits, alt, (size_t)n);
                ex = aex;
                found = 1;
            }
        }
        if (found) {
            while (n > 1 && digits[n - 1] == '0')
                n--;
            digits[n] = 0;
            *decpt = ex + 1;
            return n;
        }
    }
    return 0; /* not reached: prec 16 always ends the loop */
}

/* Lay digits out in exponent form: d[.ddd]e[+-]XX. */
static int layout_exp(char *out, const char *digits, int nd, int decpt, int min_frac, int alt)
{
    int k = 0;
    out[k++] = digits[0];
    if (nd > 1 || min_frac > 0 || alt) {
        out[k++] = '.';
        for (int i = 1; i < nd; i++)
            out[k++] = digits[i];
        for (int i = nd - 1; i < min_frac; i++)
            out[k++] = '0';
    }
    int e = decpt - 1;
    k += sprintf(out + k, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return k;
}

/* Lay digits out in fixed form with at least min_frac fraction digits;
 * dot0: add ".0" to an integral result; alt: always keep the point. */
static int layout_fixed(char *out, const char *digits, int nd, int decpt, int min_frac, int dot0, int alt)
{
    int k = 0;
    if (decpt <= 0) {
        out[k++] = '0';
        out[k++] = '.';
        for (int i = 0; i < -decpt; i++)
            out[k++] = '0';
        for (int i = 0; i < nd; i++)
            out[k++] = digits[i];
        for (int f = -decpt + nd; f < min_frac; f++)
            out[k++] = '0';
        return k;
    }
    for (int i = 0; i < decpt; i++)
        out[k++] = i < nd ? digits[i] : '0';
    int frac = nd > decpt ? nd - decpt : 0;
    if (frac > 0 || min_frac > 0 || alt || dot0) {
        out[k++] = '.';
        for (int i = decpt; i < nd; i++)
            out[k++] = digits[i];
        if (frac == 0 && min_frac == 0 && dot0)
            out[k++] = '0';
        for (int f = frac; f < min_frac; f++)
            out[k++] = '0';
    }
    return k;
}

int tn_float_repr_buf(double v, char *buf, size_t bufsize)
{
    char tmp[64];
    int k = 0;
    if (isnan(v))
        k = sprintf(tmp, "nan");
    else if (isinf(v))
        k = sprintf(tmp, v > 0 ? "inf" : "-inf");
    else if (v == 0.0)
        k = sprintf(tmp, signbit(v) ? "-0.0" : "0.0");
    else {
        char digits[24];
        int decpt;
        int nd = shortest_digits(v, digits, &decpt);
        if (v < 0)
            tmp[k++] = '-';
        if (decpt <= -4 || decpt > 16)
            k += layout_exp(tmp + k, digits, nd, decpt, 0, 0);
        else
            k += layout_fixed(tmp + k, digits, nd, decpt, 0, 1, 0);
    }
    tmp[k] = 0;
    if ((size_t)k >= bufsize)
        k = (int)bufsize - 1;
    memcpy(buf, tmp, (size_t)k);
    buf[k] = 0;
    return k;
}

/* The general converter behind format() and %-formatting. mode:
 *   'r'  shortest repr digits (precision ignored)
 *   'e' 'f' 'g' as printf, with Python's 'g' exponent rule
 * add_dot0: an integral fixed result gets ".0" (repr, format type '')
 * and then 'g' switches to exponent form one digit earlier, as CPython.
 * Writes into a new buffer (caller frees); v finite. Returns length. */
char *tn_float_format_digits(double v, char mode, int prec, int alt, int add_dot0, int upper,
                             size_t *outlen)
{
    size_t cap = (size_t)(prec > 0 ? prec : 0) + 400;
    char *out = tn_mem_alloc(cap);
    if (!out)
        return NULL;
    int k;
    double a = fabs(v);
    if (mode == 'f') {
        k = snprintf(out, cap, alt ? "%#.*f" : "%.*f", prec, a);
    } else if (mode == 'e') {
        k = snprintf(out, cap, alt ? "%#.*e" : "%.*e", prec, a);
    } else {
        char digits[24];
        char *big = NULL;
        int nd, decpt;
        const char *dg;
        if (a == 0.0) {
            digits[0] = '0';
            digits[1] = 0;
            nd = 1;
            decpt = 1;
            dg = digits;
        } else if (mode == 'r') {
            nd = shortest_digits(a, digits, &decpt);
            dg = digits;
        } else {
            if (prec == 0)
                prec = 1;
            big = tn_mem_alloc((size_t)prec + 40);
            if (!big) {
                tn_mem_free(out);
                return NULL;
            }
            snprintf(big, (size_t)prec + 40, "%.*e", prec - 1, a);
            nd = 0;
            char *p = big;
            for (; *p && *p != 'e'; p++)
                if (*p >= '0' && *p <= '9')
                    big[nd++] = *p;
            decpt = atoi(p + 1) + 1;
            big[nd] = 0;
            dg = big;
        }
        int use_exp;
        if (mode == 'r')
            use_exp = decpt <= -4 || decpt > 16;
        else
            use_exp = decpt <= -4 || decpt > (add_dot0 ? prec - 1 : prec);
        int ndd = nd;
        if (!(mode == 'g' && alt))
            while (ndd > 1 && dg[ndd - 1] == '0')
                ndd--;
        if (a == 0.0 && mode != 'r')
            decpt = 1;
        int min_frac = 0;
        if (use_exp) {
            if (mode == 'g' && alt)
                min_frac = prec - 1;
            k = layout_exp(out, dg, ndd, decpt, min_frac, alt);
        } else {
            if (mode == 'g' && alt)
                min_frac = prec - decpt > 0 ? prec - decpt : 0;
            k = layout_fixed(out, dg, ndd, decpt, min_frac, add_dot0, alt);
        }
        tn_mem_free(big);
    }
    if (upper)
        for (int i = 0; i < k; i++)
            if (out[i] == 'e')
                out[i] = 'E';
    out[k] = 0;
    *outlen = (size_t)k;
    return out;
}

TnObject *tn_float_to_str(double v, char type, int precision, int flags)
{
    int upper = type == 'E' || type == 'F' || type == 'G';
    char t = (char)tolower((unsigned char)type);
    int pct = type == '%';
    if (pct) {
        t = 'f';
        v *= 100.0;
    }
    if (isnan(v) || isinf(v)) {
        const char *s = isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        TnStrBuilder b;
        tn_sb_init(&b);
        if ((isinf(v) && v < 0 && tn_sb_append(&b, "-", 1) < 0) || tn_sb_append_cstr(&b, s) < 0 ||
            (pct && tn_sb_append(&b, "%", 1) < 0)) {
            tn_sb_discard(&b);
            return NULL;
        }
        return tn_sb_finish(&b);
    }
    if (t != 'e' && t != 'f' && t != 'g' && t != 'r')
        return tn_err_format(&tn_exc_ValueError, "unsupported float conversion '%c'", type);
    if (precision < 0)
        precision = 6;
    size_t n;
    char *s = tn_float_format_digits(v, t, precision, flags & 1, (flags & 2) != 0, upper, &n);
    if (!s)
        return NULL;
    TnStrBuilder b;
    tn_sb_init(&b);
    int rc = 0;
    if (signbit(v))
        rc = tn_sb_append(&b, "-", 1);
    if (rc == 0)
        rc = tn_sb_append(&b, s, (tn_ssize_t)n);
    if (rc == 0 && pct)
        rc = tn_sb_append(&b, "%", 1);
    tn_mem_free(s);
    if (rc < 0) {
        tn_sb_discard(&b);
        return NULL;
    }
    return tn_sb_finish(&b);
}

/* ---- parsing ----------------------------------------------------------------------- */

static int ci_eq(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    if (n != m)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != lit[i])
            return 0;
    return 1;
}

/* Parse a stripped ASCII literal by Python's float grammar (digits with
 * single underscores between them; no hex). 0 ok, -1 invalid. */
static int parse_ascii_float(const char *s, size_t n, double *out)
{
    const char *p = s, *end = s + n;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    size_t rest = (size_t)(end - p);
    if (ci_eq(p, rest, "inf") || ci_eq(p, rest, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return 0;
    }
    if (ci_eq(p, rest, "nan")) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    char *clean = tn_mem_alloc(n + 2);
    if (!clean)
        return -2;
    size_t k = 0;
    if (neg)
        clean[k++] = '-';
    int ndig = 0, state = 0;   /* 0 int part, 1 fraction, 2 exponent */
    int edig = 0;
    for (const char *q = p; q < end; q++) {
        char c = *q;
        if (c >= '0' && c <= '9') {
            clean[k++] = c;
            if (state < 2)
                ndig++;
            else
                edig++;
        } else if (c == '_') {
            /* only between two digits */
            if (q == p || q + 1 >= end || !isdigit((unsigned char)q[-1]) || !isdigit((unsigned char)q[1]))
                goto bad;
        } else if (c == '.' && state == 0) {
            state = 1;
            clean[k++] = c;
        } else if ((c == 'e' || c == 'E') && state < 2 && ndig > 0) {
            state = 2;
            clean[k++] = 'e';
            if (q + 1 < end && (q[1] == '+' || q[1] == '-'))
                clean[k++] = *++q;
        } else {
            goto bad;
        }
    }
    if (ndig == 0 || (state == 2 && edig == 0))
        goto bad;
    clean[k] = 0;
    *out = strtod(clean, NULL);
    tn_mem_free(clean);
    return 0;
bad:
    tn_mem_free(clean);
    return -1;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int tn_float_parse(const char *s, tn_ssize_t len, double *out)
{
    /* Unicode digits and spaces are mapped to ASCII first, as CPython. */
    char *tmp = tn_mem_alloc((size_t)len + 1);
    if (!tmp)
        return -1;
    size_t k = 0;
    for (tn_ssize_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            tmp[k++] = (char)c;
            i++;
            continue;
        }
        int cl;
        uint32_t cp = tn_utf8_decode(s + i, &cl);
        int dv = tn_unicode_decimal_value(cp);
        tmp[k++] = dv >= 0 ? (char)('0' + dv) : tn_unicode_isspace(cp) ? ' ' : '?';
        i += cl;
    }
    const char *p = tmp, *end = tmp + k;
    while (p < end && is_space((unsigned char)*p))
        p++;
    while (end > p && is_space((unsigned char)end[-1]))
        end--;
    int rc = parse_ascii_float(p, (size_t)(end - p), out);
    tn_mem_free(tmp);
    if (rc == -2)
        return -1;
    if (rc < 0) {
        TnObject *so = tn_str_from_utf8(s, len);
        if (!so)
            return -1;
        tn_err_format(&tn_exc_ValueError, "could not convert string to float: %.200R", so);
        tn_decref(so);
        return -1;
    }
    return 0;
}

TnObject *tn_float_from_string(const char *s, tn_ssize_t len)
{
    double d;
    if (tn_float_parse(s, len, &d) < 0)
        return NULL;
    return tn_float_new(d);
}

/* ---- hex ------------------------------------------------------------------------------- */

TnObject *tn_float_hex(double x)
{
    char buf[64];
    if (isnan(x) || isinf(x))
        return tn_str_from_cstr(isnan(x) ? "nan" : x > 0 ? "inf" : "-inf");
    if (x == 0.0)
        return tn_str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);          /* 0.5 <= m < 1 */
    /* normal: 1.mmmm * 2**(e-1); subnormal: 0.mmmm * 2**-1022 */
    int exp2;
    uint64_t mant;
    int lead;
    if (e - 1 >= DBL_MIN_EXP - 1) {
        exp2 = e - 1;
        mant = (uint64_t)ldexp(m, 53) & (((uint64_t)1 << 52) - 1);
        lead = 1;
    } else {
        exp2 = DBL_MIN_EXP - 1;
        mant = (uint64_t)ldexp(fabs(x), 1074);
        lead = 0;
    }
    snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", signbit(x) ? "-" : "", lead,
             (unsigned long long)mant, exp2);
    return tn_str_from_cstr(buf);
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* float.fromhex: [sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits],
 * rounded half-to-even to 53 bits (or fewer when subnormal). */
TnObject *tn_float_fromhex(const char *s, tn_ssize_t len)
{
    const char *p = s, *end = s + len;
    while (p < end && is_space((unsigned char)*p))
        p++;
    while (end > p && is_space((unsigned char)end[-1]))
        end--;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    size_t rest = (size_t)(end - p);
    if (ci_eq(p, rest, "inf") || ci_eq(p, rest, "infinity"))
        return tn_float_new(neg ? -INFINITY : INFINITY);
    if (ci_eq(p, rest, "nan"))
        return tn_float_new(NAN);
    if (end - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        p += 2;
    /* collect hex digits */
    const char *ds = p;
    while (p < end && hexval((unsigned char)*p) >= 0)
        p++;
    const char *de = p, *fs = p, *fe = p;
    if (p < end && *p == '.') {
        fs = ++p;
        while (p < end && hexval((unsigned char)*p) >= 0)
            p++;
        fe = p;
    }
    if (de == ds && fe == fs)
        goto parse_error;
    int64_t exp = 0;
    if (p < end && (*p == 'p' || *p == 'P')) {
        p++;
        int eneg = 0;
        if (p < end && (*p == '+' || *p == '-'))
            eneg = *p++ == '-';
        if (p >= end || !isdigit((unsigned char)*p))
            goto parse_error;
        while (p < end && isdigit((unsigned char)*p)) {
            if (exp < (int64_t)1 << 40)
                exp = exp * 10 + (*p - '0');
            p++;
        }
        if (eneg)
            exp = -exp;
    }
    if (p != end)
        goto parse_error;
    /* skip leading zeros; value = 0.h1h2h3... * 16**(number of int digits) */
    while (ds < de && *ds == '0')
        ds++;
    int64_t intdigits = de - ds;
    const char *all[2][2] = { { ds, de }, { fs, fe } };
    if (intdigits == 0) {
        /* leading zeros of the fraction */
        while (fs < fe && *fs == '0') {
            fs++;
            intdigits--;
        }
        all[1][0] = fs;
    }
    /* gather up to 16 significant hex digits (64 bits) plus sticky */
    uint64_t mant = 0;
    int taken = 0, sticky = 0;
    for (int part = 0; part < 2; part++)
        for (const char *q = all[part][0]; q < all[part][1]; q++) {
            int v = hexval((unsigned char)*q);
            if (taken < 15) {
                mant = mant * 16 + (uint64_t)v;
                taken++;
            } else if (v) {
                sticky = 1;
            }
        }
    if (mant == 0)
        return tn_float_new(neg ? -0.0 : 0.0);
    /* value = mant * 16**(intdigits - taken) * 2**exp */
    int64_t e2 = exp + 4 * (intdigits - taken);
    int bits = 64 - __builtin_clzll(mant);
    int64_t top = e2 + bits;             /* value in [2**(top-1), 2**top) */
    if (top > DBL_MAX_EXP + 1)
        goto overflow;
    if (top < DBL_MIN_EXP - DBL_MANT_DIG - 1)
        return tn_float_new(neg ? -0.0 : 0.0);
    int keep = DBL_MANT_DIG;
    if (top - 1 < DBL_MIN_EXP - 1)
        keep = (int)(DBL_MANT_DIG - (DBL_MIN_EXP - top));
    if (keep < 0)
        keep = 0;
    int drop = bits - keep;
    if (drop > 0) {
        uint64_t half = (uint64_t)1 << (drop - 1);
        uint64_t low = mant & ((half << 1) - 1);
        mant >>= drop;
        e2 += drop;
        if (low > half || (low == half && (sticky || (mant & 1))))
            mant++;
    }
    double r = ldexp((double)mant, (int)e2);
    if (isinf(r))
        goto overflow;
    return tn_float_new(neg ? -r : r);
parse_error:
    return tn_err_format(&tn_exc_ValueError, "invalid hexadecimal floating-point string");
overflow:
    return tn_err_format(&tn_exc_OverflowError, "hexadecimal value too large to represent as a float");
}
