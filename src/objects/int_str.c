/* int <-> text: repr/str, bin/oct/hex, int(str, base) and int.__format__.
 * Decimal conversions are quadratic (chunks of 9 digits), which handles
 * the sizes CPython's 4300-digit limit (sys.set_int_max_str_digits) lets
 * through in well under a millisecond. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"

#define LOG10_2 0.30102999566398120

static TnObject *limit_error_out(int limit)
{
    return tn_err_format(&tn_exc_ValueError,
                         "Exceeds the limit (%d digits) for integer string conversion; "
                         "use sys.set_int_max_str_digits() to increase the limit", limit);
}

/* Decimal digits of |o| into a new buffer (caller frees); NULL + error. */
static char *decimal_digits(TnObject *o, size_t *len)
{
    TnIntView v;
    tn_int_view(o, &v);
    int limit = tn_load_relaxed(&tn_int_max_str_digits);
    uint64_t bits = tn_mag_bitlen(v.d, v.n);
    if (limit > 0 && bits > 1 && (double)(bits - 1) * LOG10_2 >= (double)limit + 1) {
        limit_error_out(limit);
        return NULL;
    }
    size_t maxd = (size_t)((double)bits * LOG10_2) + 12;
    char *out = tn_mem_alloc(maxd + 1);
    if (!out)
        return NULL;
    if (v.n <= 2) {
        uint64_t m = v.n == 0 ? 0 : v.n == 1 ? v.d[0] : ((uint64_t)v.d[1] << 32) | v.d[0];
        int k = snprintf(out, maxd + 1, "%llu", (unsigned long long)m);
        *len = (size_t)k;
    } else {
        uint32_t *t = tn_mem_alloc(v.n * sizeof(uint32_t));
        if (!t) {
            tn_mem_free(out);
            return NULL;
        }
        memcpy(t, v.d, v.n * sizeof(uint32_t));
        size_t n = v.n, pos = maxd;
        out[pos] = 0;
        while (n > 0) {
            uint32_t rem = tn_mag_divrem1(t, t, n, 1000000000u);
            n = tn_mag_norm(t, n);
            for (int i = 0; i < 9; i++) {
                out[--pos] = (char)('0' + rem % 10);
                rem /= 10;
                if (n == 0 && rem == 0)
                    break;
            }
        }
        tn_mem_free(t);
        *len = maxd - pos;
        memmove(out, out + pos, *len);
        out[*len] = 0;
    }
    if (limit > 0 && *len > (size_t)limit) {
        tn_mem_free(out);
        limit_error_out(limit);
        return NULL;
    }
    return out;
}

TnObject *tn_int_to_decimal(TnObject *o)
{
    if (TN_INT_VAL_IS_SMALL(o)) {
        char buf[24];
        int k = snprintf(buf, sizeof buf, "%lld", (long long)((TnInt *)o)->ival);
        return tn_str_from_ascii(buf, k);
    }
    size_t len;
    char *d = decimal_digits(o, &len);
    if (!d)
        return NULL;
    TnObject *r;
    if (tn_int_sign(o) < 0) {
        char *s = tn_mem_alloc(len + 2);
        if (!s) {
            tn_mem_free(d);
            return NULL;
        }
        s[0] = '-';
        memcpy(s + 1, d, len + 1);
        r = tn_str_from_ascii(s, (tn_ssize_t)len + 1);
        tn_mem_free(s);
    } else {
        r = tn_str_from_ascii(d, (tn_ssize_t)len);
    }
    tn_mem_free(d);
    return r;
}

TnObject *tn_int_repr(TnObject *o)
{
    return tn_int_to_decimal(o);
}

/* Digits of |o| in base 2, 8 or 16 (lower case) into a new buffer. */
static char *pow2_digits(TnObject *o, int base, size_t *len)
{
    TnIntView v;
    tn_int_view(o, &v);
    int bpd = base == 2 ? 1 : base == 8 ? 3 : 4;
    uint64_t bits = tn_mag_bitlen(v.d, v.n);
    size_t nd = bits == 0 ? 1 : (size_t)((bits + (uint64_t)bpd - 1) / (uint64_t)bpd);
    char *out = tn_mem_alloc(nd + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < nd; i++) {
        uint64_t bit = (uint64_t)i * (uint64_t)bpd;
        unsigned val = 0;
        for (int k = 0; k < bpd; k++) {
            uint64_t b = bit + (uint64_t)k;
            size_t w = (size_t)(b / 32);
            if (w < v.n && ((v.d[w] >> (b % 32)) & 1))
                val |= 1u << k;
        }
        out[nd - 1 - i] = "0123456789abcdef"[val];
    }
    out[nd] = 0;
    *len = nd;
    return out;
}

TnObject *tn_int_to_base(TnObject *o, int base, int prefix)
{
    if (base == 10)
        return tn_int_to_decimal(o);
    size_t len;
    char *d = pow2_digits(o, base, &len);
    if (!d)
        return NULL;
    TnStrBuilder b;
    tn_sb_init(&b);
    int ok = 1;
    if (tn_int_sign(o) < 0)
        ok = tn_sb_append(&b, "-", 1) == 0;
    if (ok && prefix)
        ok = tn_sb_append(&b, base == 2 ? "0b" : base == 8 ? "0o" : "0x", 2) == 0;
    if (ok)
        ok = tn_sb_append(&b, d, (tn_ssize_t)len) == 0;
    tn_mem_free(d);
    if (!ok) {
        tn_sb_discard(&b);
        return NULL;
    }
    return tn_sb_finish(&b);
}

/* ---- parsing ------------------------------------------------------------------- */

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Parse ASCII text by Python's int() grammar. Returns the int, or NULL with
 * *bad = 1 (invalid literal; no exception set) or with an exception set. */
static TnObject *parse_ascii(const char *s, size_t len, int base, int *bad)
{
    *bad = 0;
    const char *p = s, *end = s + len;
    while (p < end && is_space((unsigned char)*p))
        p++;
    while (end > p && is_space((unsigned char)end[-1]))
        end--;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    int underscore_ok = 0;        /* an underscore may follow a prefix */
    if (p + 1 < end && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            underscore_ok = 1;
        }
    }
    int leading_zero_rule = 0;
    if (base == 0) {
        base = 10;
        leading_zero_rule = 1;   /* "010" is not a literal; "00" and "0_0" are */
    }
    /* validate: digits with single underscores between them */
    size_t ndig = 0;
    int prev_us = 0, nonzero = 0;
    for (const char *q = p; q < end; q++) {
        if (*q == '_') {
            if (prev_us || (ndig == 0 && !underscore_ok))
                goto bad;
            prev_us = 1;
            continue;
        }
        if (digit_value((unsigned char)*q) >= base)
            goto bad;
        if (*q != '0')
            nonzero = 1;
        ndig++;
        prev_us = 0;
    }
    if (ndig == 0 || prev_us)
        goto bad;
    if (leading_zero_rule && p[0] == '0' && nonzero)
        goto bad;
    if ((base & (base - 1)) != 0) {
        int limit = tn_load_relaxed(&tn_int_max_str_digits);
        if (limit > 0 && ndig > (size_t)limit)
            return tn_err_format(&tn_exc_ValueError,
                                 "Exceeds the limit (%d digits) for integer string conversion: "
                                 "value has %zu digits; use sys.set_int_max_str_digits() to "
                                 "increase the limit", limit, ndig);
    }
    if (ndig <= 18 && base <= 10) {
        int64_t v = 0;
        for (const char *q = p; q < end; q++)
            if (*q != '_')
                v = v * base + digit_value((unsigned char)*q);
        return tn_int_from_i64(neg ? -v : v);
    }
    if ((base & (base - 1)) == 0) {
        int bpd = __builtin_ctz((unsigned)base);
        size_t nw = (ndig * (size_t)bpd + 31) / 32 + 1;
        uint32_t *d = tn_mem_calloc(nw, sizeof(uint32_t));
        if (!d)
            return NULL;
        uint64_t bit = 0;
        for (const char *q = end; q-- > p;) {
            if (*q == '_')
                continue;
            unsigned val = (unsigned)digit_value((unsigned char)*q);
            for (int k = 0; k < bpd; k++, bit++)
                if ((val >> k) & 1)
                    d[bit / 32] |= 1u << (bit % 32);
        }
        TnObject *r = tn_int_from_mag(neg, d, nw);
        tn_mem_free(d);
        return r;
    }
    /* other bases: accumulate chunks of k digits with base**k < 2**32 */
    uint32_t chunk_pow = (uint32_t)base;
    int k = 1;
    while ((uint64_t)chunk_pow * (uint64_t)base < ((uint64_t)1 << 32)) {
        chunk_pow *= (uint32_t)base;
        k++;
    }
    size_t nw = ndig / (size_t)k + 2;
    uint32_t *d = tn_mem_calloc(nw, sizeof(uint32_t));
    if (!d)
        return NULL;
    size_t n = 0;
    uint32_t acc = 0, mult = 1;
    int cnt = 0;
    const char *q = p;
    for (;;) {
        int at_end = q >= end;
        if (!at_end && *q == '_') {
            q++;
            continue;
        }
        if (!at_end) {
            acc = acc * (uint32_t)base + (uint32_t)digit_value((unsigned char)*q);
            mult *= (uint32_t)base;
            cnt++;
            q++;
        }
        if (cnt == k || (at_end && cnt > 0)) {
            /* d = d * mult + acc */
            uint64_t carry = acc;
            for (size_t i = 0; i < n; i++) {
                carry += (uint64_t)d[i] * mult;
                d[i] = (uint32_t)carry;
                carry >>= 32;
            }
            if (carry)
                d[n++] = (uint32_t)carry;
            acc = 0;
            mult = 1;
            cnt = 0;
        }
        if (at_end)
            break;
    }
    TnObject *r = tn_int_from_mag(neg, d, n);
    tn_mem_free(d);
    return r;
bad:
    *bad = 1;
    return NULL;
}

/* Non-ASCII str: map Unicode white space to ' ' and Unicode decimal digits
 * to ASCII, as CPython does before parsing. Other characters are copied
 * (and will make the literal invalid). */
static char *asciify(const char *s, tn_ssize_t len, size_t *outlen)
{
    char *out = tn_mem_alloc((size_t)len + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (tn_ssize_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[k++] = (char)c;
            i++;
            continue;
        }
        int cl;
        uint32_t cp = tn_utf8_decode(s + i, &cl);
        int dv = tn_unicode_decimal_value(cp);
        if (dv >= 0)
            out[k++] = (char)('0' + dv);
        else if (tn_unicode_isspace(cp))
            out[k++] = ' ';
        else
            out[k++] = '?';       /* never valid in a literal */
        i += cl;
    }
    out[k] = 0;
    *outlen = k;
    return out;
}

static TnObject *parse_text(const char *s, tn_ssize_t len, int base, int unicode, int *bad)
{
    int ascii = 1;
    if (unicode)
        for (tn_ssize_t i = 0; i < len && ascii; i++)
            ascii = (unsigned char)s[i] < 0x80;
    if (ascii)
        return parse_ascii(s, (size_t)len, base, bad);
    size_t n;
    char *t = asciify(s, len, &n);
    if (!t)
        return NULL;
    TnObject *r = parse_ascii(t, n, base, bad);
    tn_mem_free(t);
    return r;
}

TnObject *tn_int_from_string(const char *s, tn_ssize_t len, int base)
{
    int bad;
    TnObject *r = parse_text(s, len, base, 1, &bad);
    if (r || !bad)
        return r;
    TnObject *so = tn_str_from_utf8(s, len);
    if (!so)
        return NULL;
    tn_err_format(&tn_exc_ValueError, "invalid literal for int() with base %d: %.200R", base, so);
    tn_decref(so);
    return NULL;
}

TnObject *tn_int_from_text_object(TnObject *x, int base)
{
    if (tn_str_check(x))
        return tn_int_from_string(TN_STR_DATA(x), TN_STR_SIZE(x), base);
    const char *data;
    tn_ssize_t size;
    if (tn_bytes_like_get(x, &data, &size) < 0)
        return NULL;
    int bad;
    TnObject *r = parse_text(data, size, base, 0, &bad);
    if (r || !bad)
        return r;
    return tn_err_format(&tn_exc_ValueError, "invalid literal for int() with base %d: %.200R", base, x);
}

/* ---- int.__format__ -------------------------------------------------------------- */

TnObject *tn_int_format(TnObject *o, TnObject *spec)
{
    if (!spec || TN_STR_SIZE(spec) == 0)
        return tn_object_str(o);
    const char *tname = TN_TYPE(o)->tp_name;
    TnFormatSpec fs;
    if (tn_format_spec_parse(spec, tname, &fs) < 0)
        return NULL;
    char type = fs.type ? fs.type : 'd';
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = tn_int_as_double(o);
        if (d == -1.0 && tn_err_occurred())
            return NULL;
        fs.type = type;
        return tn_float_format_value(d, &fs);
    }
    case 'b': case 'o': case 'x': case 'X': case 'd': case 'n': case 'c':
        break;
    default:
        return tn_format_bad_type(type, tname);
    }
    if (fs.z)
        return tn_err_format(&tn_exc_ValueError,
                             "Negative zero coercion (z) not allowed in integer format specifier");
    if (fs.precision >= 0)
        return tn_err_format(&tn_exc_ValueError, "Precision not allowed in integer format specifier");
    if (type == 'c') {
        if (fs.sign)
            return tn_err_format(&tn_exc_ValueError, "Sign not allowed with integer format specifier 'c'");
        if (fs.alt)
            return tn_err_format(&tn_exc_ValueError,
                                 "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t cp;
        if (!tn_int_as_i64_overflow(o, &cp))
            return tn_err_format(&tn_exc_OverflowError, "Python int too large to convert to C long");
        if (cp < 0 || cp > 0x10FFFF)
            return tn_err_format(&tn_exc_OverflowError, "%%c arg not in range(0x110000)");
        /* a one-character "number" without sign: pad as text (default left) */
        TnFormatSpec cfs = fs;
        if (!cfs.align)
            cfs.align = '<';
        TnObject *ch = tn_str_chr(cp);   /* says so clearly for a surrogate */
        if (!ch)
            return NULL;
        TnObject *r = tn_format_number(&cfs, "", "", "", 0, 0, TN_STR_DATA(ch), (size_t)TN_STR_SIZE(ch));
        tn_decref(ch);
        return r;
    }
    size_t len;
    char *digits;
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    if (base == 10)
        digits = decimal_digits(o, &len);
    else
        digits = pow2_digits(o, base, &len);
    if (!digits)
        return NULL;
    if (type == 'X')
        for (size_t i = 0; i < len; i++)
            if (digits[i] >= 'a')
                digits[i] = (char)(digits[i] - 32);
    const char *sign = tn_int_sign(o) < 0 ? "-" : fs.sign == '+' ? "+" : fs.sign == ' ' ? " " : "";
    const char *prefix = "";
    if (fs.alt)
        prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X" : "";
    TnObject *r = tn_format_number(&fs, sign, prefix, digits, len, base == 10 ? 3 : 4, "", 0);
    tn_mem_free(digits);
    return r;
}
