/* printf-style formatting: `str % args` and `bytes % args` (CPython's
 * PyUnicode_Format / _PyBytes_FormatEx). Numbers are converted by the
 * numbers area (tn_int_to_decimal, tn_int_to_base, tn_float_to_str); this
 * file only adds flags, width, precision and padding. */
#include <math.h>
#include <string.h>
#include "str_internal.h"

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

/* CPython's scheme: a tuple gives arglen = its size and argidx = 0; a single
 * argument gives arglen = -1, argidx = -2 (one fetch allowed). A %(key)
 * lookup makes the looked-up value the single argument. */
typedef struct {
    TnObject *args;       /* tuple, or the single argument (borrowed) */
    tn_ssize_t argidx, arglen;
    TnObject *dict;       /* mapping for %(key)s, or NULL */
    int bytes_mode;
} ModCtx;

static TnObject *next_arg(ModCtx *c)
{
    tn_ssize_t idx = c->argidx;
    if (idx < c->arglen) {
        c->argidx++;
        return c->arglen < 0 ? c->args : TN_TUPLE_GET(c->args, idx);
    }
    tn_err_format(&tn_exc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* Append sign/prefix + body padded to width per flags. body excludes sign. */
static int emit_padded(TnStrBuilder *b, const char *sign, const char *prefix, const char *body,
                       tn_ssize_t bodylen, tn_ssize_t bodycp, tn_ssize_t width, int flags)
{
    tn_ssize_t sl = (tn_ssize_t)strlen(sign), pl = (tn_ssize_t)strlen(prefix);
    tn_ssize_t total = sl + pl + bodycp, pad = width > total ? width - total : 0;
    if (!(flags & F_LJUST) && !(flags & F_ZERO))
        for (tn_ssize_t i = 0; i < pad; i++)
            if (tn_sb_append(b, " ", 1) < 0)
                return -1;
    if (tn_sb_append(b, sign, sl) < 0 || tn_sb_append(b, prefix, pl) < 0)
        return -1;
    if (!(flags & F_LJUST) && (flags & F_ZERO))
        for (tn_ssize_t i = 0; i < pad; i++)
            if (tn_sb_append(b, "0", 1) < 0)
                return -1;
    if (tn_sb_append(b, body, bodylen) < 0)
        return -1;
    if (flags & F_LJUST)
        for (tn_ssize_t i = 0; i < pad; i++)
            if (tn_sb_append(b, " ", 1) < 0)
                return -1;
    return 0;
}

static int format_int(TnStrBuilder *b, TnObject *v, char conv, int flags, tn_ssize_t width,
                      tn_ssize_t prec)
{
    TnObject *iv = NULL, *digits = NULL;
    int rc = -1;
    if (conv == 'd' || conv == 'i' || conv == 'u') {
        if (tn_int_check(v))
            iv = tn_newref(v);
        else if (TN_TYPE(v)->nb_int || TN_TYPE(v)->nb_index || tn_float_check(v))
            iv = tn_number_long(v);
        else {
            tn_err_format(&tn_exc_TypeError, "%%%c format: a real number is required, not %.200s",
                          conv, TN_TYPE(v)->tp_name);
            return -1;
        }
    } else {
        if (!tn_int_check(v) && !TN_TYPE(v)->nb_index) {
            tn_err_format(&tn_exc_TypeError, "%%%c format: an integer is required, not %.200s",
                          conv, TN_TYPE(v)->tp_name);
            return -1;
        }
        iv = tn_number_index(v);
    }
    if (!iv)
        return -1;
    int neg = tn_int_sign(iv) < 0;
    if (conv == 'x' || conv == 'X')
        digits = tn_int_to_base(iv, 16, 0);
    else if (conv == 'o')
        digits = tn_int_to_base(iv, 8, 0);
    else
        digits = tn_int_to_decimal(iv);
    if (!digits)
        goto done;
    const char *d = TN_STR_DATA(digits);
    tn_ssize_t dn = TN_STR_SIZE(digits);
    if (dn && d[0] == '-') { d++; dn--; }
    if (dn > 2 && d[0] == '0' && (d[1] == 'x' || d[1] == 'o')) { d += 2; dn -= 2; }
    char *body = tn_mem_alloc((size_t)(dn + (prec > dn ? prec : 0) + 1));
    if (!body)
        goto done;
    tn_ssize_t k = 0;
    for (tn_ssize_t i = dn; i < prec; i++)
        body[k++] = '0';
    for (tn_ssize_t i = 0; i < dn; i++)
        body[k++] = (conv == 'X' && d[i] >= 'a') ? (char)(d[i] - 32) : d[i];
    const char *sign = neg ? "-" : (flags & F_SIGN) ? "+" : (flags & F_BLANK) ? " " : "";
    const char *prefix = "";
    if (flags & F_ALT) {
        if (conv == 'x') prefix = "0x";
        else if (conv == 'X') prefix = "0X";
        else if (conv == 'o') prefix = "0o";
    }
    rc = emit_padded(b, sign, prefix, body, k, k, width, flags);
    tn_mem_free(body);
done:
    TN_XDECREF(digits);
    tn_decref(iv);
    return rc;
}

static int format_float(TnStrBuilder *b, TnObject *v, char conv, int flags, tn_ssize_t width,
                        tn_ssize_t prec)
{
    if (!tn_float_check(v) && !tn_int_check(v) && !TN_TYPE(v)->nb_float && !TN_TYPE(v)->nb_index) {
        tn_err_format(&tn_exc_TypeError, "must be real number, not %.200s", TN_TYPE(v)->tp_name);
        return -1;
    }
    double x = tn_float_as_double(v);
    if (x == -1.0 && tn_err_occurred())
        return -1;
    if (prec < 0)
        prec = 6;
    TnObject *s = tn_float_to_str(fabs(x), conv, (int)prec, (flags & F_ALT) ? 1 : 0);
    if (!s)
        return -1;
    if (!isfinite(x))
        flags &= ~F_ZERO;
    const char *sign = signbit(x) && !isnan(x) ? "-" : (flags & F_SIGN) ? "+" : (flags & F_BLANK) ? " " : "";
    int rc = emit_padded(b, sign, "", TN_STR_DATA(s), TN_STR_SIZE(s), TN_STR_LEN(s), width, flags);
    tn_decref(s);
    return rc;
}

/* Text conversions (%s %r %a) and %c. */
static int format_text(ModCtx *c, TnStrBuilder *b, TnObject *v, char conv, int flags,
                       tn_ssize_t width, tn_ssize_t prec)
{
    TnObject *t = NULL;
    int rc = -1;
    if (c->bytes_mode) {
        const char *data;
        tn_ssize_t size;
        TnObject *owned = NULL;
        char one;
        if (conv == 'c') {
            if (tn_bytes_like_get(v, &data, &size) == 0 && size == 1) {
                one = data[0];
            } else {
                tn_err_clear();
                if (!tn_int_check(v)) {
                    tn_err_format(&tn_exc_TypeError, "%%c requires an integer in range(256) or a single byte");
                    return -1;
                }
                int64_t iv = tn_int_as_i64(v);
                if (iv < 0 || iv > 255) {
                    tn_err_clear();
                    tn_err_format(&tn_exc_OverflowError, "%%c arg not in range(256)");
                    return -1;
                }
                one = (char)iv;
            }
            data = &one;
            size = 1;
        } else if (conv == 's' || conv == 'b') {
            if (tn_bytes_like_get(v, &data, &size) < 0) {
                tn_err_clear();
                tn_err_format(&tn_exc_TypeError,
                              "%%b requires a bytes-like object, or an object that implements __bytes__, not '%.100s'",
                              TN_TYPE(v)->tp_name);
                return -1;
            }
        } else {
            t = tn_object_ascii(v);
            if (!t)
                return -1;
            owned = t;
            data = TN_STR_DATA(t);
            size = TN_STR_SIZE(t);
        }
        if (prec >= 0 && size > prec)
            size = prec;
        rc = emit_padded(b, "", "", data, size, size, width, flags & ~F_ZERO);
        TN_XDECREF(owned);
        return rc;
    }
    if (conv == 'c') {
        if (tn_str_check(v)) {
            if (TN_STR_LEN(v) != 1) {
                tn_err_format(&tn_exc_TypeError, "%%c requires int or char");
                return -1;
            }
            t = tn_newref(v);
        } else if (tn_int_check(v)) {
            int64_t cp = tn_int_as_i64(v);
            if ((cp == -1 && tn_err_occurred()) || cp < 0 || cp > 0x10FFFF) {
                tn_err_clear();
                tn_err_format(&tn_exc_OverflowError, "%%c arg not in range(0x110000)");
                return -1;
            }
            t = tn_str_chr(cp);
        } else {
            tn_err_format(&tn_exc_TypeError, "%%c requires int or char");
            return -1;
        }
    } else if (conv == 's') {
        t = tn_object_str(v);
    } else if (conv == 'r') {
        t = tn_object_repr(v);
    } else {
        t = tn_object_ascii(v);
    }
    if (!t)
        return -1;
    tn_ssize_t bytes = TN_STR_SIZE(t), cps = TN_STR_LEN(t);
    if (prec >= 0 && cps > prec) {
        bytes = tn_str_offset(t, prec);
        cps = prec;
    }
    rc = emit_padded(b, "", "", TN_STR_DATA(t), bytes, cps, width, flags & ~F_ZERO);
    tn_decref(t);
    return rc;
}

static int star_arg(ModCtx *c, tn_ssize_t *out)
{
    TnObject *v = next_arg(c);
    if (!v)
        return -1;
    if (!tn_int_check(v)) {
        tn_err_format(&tn_exc_TypeError, "* wants int");
        return -1;
    }
    *out = tn_number_as_ssize(v, &tn_exc_OverflowError);
    return (*out == -1 && tn_err_occurred()) ? -1 : 0;
}

TnObject *tn_str_percent_format(TnObject *fmt, TnObject *args, int bytes_mode)
{
    ModCtx c = {args, -2, -1, NULL, bytes_mode};
    const char *d;
    tn_ssize_t n;
    if (bytes_mode) {
        d = TN_BYTES_DATA(fmt);
        n = TN_BYTES_SIZE(fmt);
    } else {
        d = TN_STR_DATA(fmt);
        n = TN_STR_SIZE(fmt);
    }
    if (tn_tuple_check(args)) {
        c.arglen = TN_TUPLE_SIZE(args);
        c.argidx = 0;
    }
    if (TN_TYPE(args)->mp_subscript && !tn_tuple_check(args) && !tn_str_check(args) &&
        !tn_bytes_check(args) && !tn_bytearray_check(args))
        c.dict = args;
    TnStrBuilder b;
    tn_sb_init(&b);
    TnObject *keyval = NULL;
    tn_ssize_t i = 0;
    while (i < n) {
        tn_ssize_t j = i;
        while (j < n && d[j] != '%')
            j++;
        if (tn_sb_append(&b, d + i, j - i) < 0)
            goto error;
        if (j >= n)
            break;
        i = j + 1;
        if (i < n && d[i] == '(') {
            if (!c.dict) {
                tn_err_format(&tn_exc_TypeError, "format requires a mapping");
                goto error;
            }
            tn_ssize_t k0 = ++i;
            int level = 1;
            while (i < n && level) {
                if (d[i] == ')') level--;
                else if (d[i] == '(') level++;
                if (level) i++;
            }
            if (level) {
                tn_err_format(&tn_exc_ValueError, "incomplete format key");
                goto error;
            }
            TnObject *key = bytes_mode ? tn_bytes_from_data(d + k0, i - k0)
                                       : tn_str_from_utf8_trusted(d + k0, i - k0);
            if (!key)
                goto error;
            TnObject *val = tn_object_getitem(c.dict, key);
            tn_decref(key);
            if (!val)
                goto error;
            TN_SETREF(keyval, val);   /* keeps the current argument alive */
            c.args = val;
            i++;
            c.arglen = -1;
            c.argidx = -2;
        }
        int flags = 0;
        for (; i < n; i++) {
            if (d[i] == '-') flags |= F_LJUST;
            else if (d[i] == '+') flags |= F_SIGN;
            else if (d[i] == ' ') flags |= F_BLANK;
            else if (d[i] == '#') flags |= F_ALT;
            else if (d[i] == '0') flags |= F_ZERO;
            else break;
        }
        tn_ssize_t width = -1, prec = -1;
        if (i < n && d[i] == '*') {
            if (star_arg(&c, &width) < 0)
                goto error;
            if (width < 0) {
                flags |= F_LJUST;
                width = -width;
            }
            i++;
        } else {
            while (i < n && d[i] >= '0' && d[i] <= '9') {
                if (width < 0) width = 0;
                width = width * 10 + (d[i++] - '0');
                if (width > INTPTR_MAX / 20) {
                    tn_err_format(&tn_exc_ValueError, "width too big");
                    goto error;
                }
            }
        }
        if (i < n && d[i] == '.') {
            i++;
            prec = 0;
            if (i < n && d[i] == '*') {
                if (star_arg(&c, &prec) < 0)
                    goto error;
                if (prec < 0)
                    prec = 0;
                i++;
            } else {
                while (i < n && d[i] >= '0' && d[i] <= '9') {
                    prec = prec * 10 + (d[i++] - '0');
                    if (prec > INTPTR_MAX / 20) {
                        tn_err_format(&tn_exc_ValueError, "precision too big");
                        goto error;
                    }
                }
            }
        }
        while (i < n && (d[i] == 'h' || d[i] == 'l' || d[i] == 'L'))
            i++;
        if (i >= n) {
            tn_err_format(&tn_exc_ValueError, "incomplete format");
            goto error;
        }
        /* The conversion character may be a multi-byte code point. */
        int clen = 1;
        uint32_t conv = bytes_mode ? (unsigned char)d[i] : tn_utf8_decode(d + i, &clen);
        tn_ssize_t conv_at = i;
        i += clen;
        if (conv == '%') {
            if (tn_sb_append(&b, "%", 1) < 0)
                goto error;
            continue;
        }
        TnObject *v = next_arg(&c);
        if (!v)
            goto error;
        int rc;
        switch (conv) {
        case 's': case 'r': case 'a': case 'c': case 'b':
            if (conv == 'b' && !bytes_mode)
                goto unsupported;
            rc = format_text(&c, &b, v, (char)conv, flags, width, prec);
            break;
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
            rc = format_int(&b, v, (char)conv, flags, width, prec);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            rc = format_float(&b, v, (char)conv, flags, width, prec);
            break;
        default:
        unsupported: {
            tn_ssize_t index = bytes_mode ? conv_at : tn_utf8_count(d, conv_at);
            if (conv >= 32 && conv < 127)
                tn_err_format(&tn_exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                              (int)conv, (unsigned)conv, index);
            else
                tn_err_format(&tn_exc_ValueError, "unsupported format character '\\x%x' (0x%x) at index %zd",
                              (unsigned)conv, (unsigned)conv, index);
            goto error;
        }
        }
        if (rc < 0)
            goto error;
    }
    TN_CLEAR(keyval);
    if (c.argidx < c.arglen && !c.dict) {
        tn_err_format(&tn_exc_TypeError, bytes_mode
                      ? "not all arguments converted during bytes formatting"
                      : "not all arguments converted during string formatting");
        goto error;
    }
    if (bytes_mode) {
        TnObject *r = tn_bytes_from_data(b.buf, b.len);
        tn_sb_discard(&b);
        return r;
    }
    return tn_sb_finish(&b);
error:
    TN_XDECREF(keyval);
    tn_sb_discard(&b);
    return NULL;
}
