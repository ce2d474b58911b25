/* The format-spec mini-language for numbers (PEP 3101, 378, 515, 682):
 * parsing a spec, laying out sign/prefix/grouped digits/padding, and
 * float.__format__. int.__format__ (int_str.c) shares the first two. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"

char *tn_float_format_digits(double v, char mode, int prec, int alt, int add_dot0, int upper,
                             size_t *outlen);   /* float_repr.c */

static int is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

static TnObject *invalid_spec(TnObject *spec, const char *tname)
{
    return tn_err_format(&tn_exc_ValueError, "Invalid format specifier '%U' for object of type '%s'",
                         spec, tname);
}

int tn_format_spec_parse(TnObject *spec, const char *tname, TnFormatSpec *fs)
{
    memset(fs, 0, sizeof *fs);
    fs->fill = ' ';
    fs->width = -1;
    fs->precision = -1;
    const char *p = TN_STR_DATA(spec), *end = p + TN_STR_SIZE(spec);
    int fill_given = 0;
    /* [[fill]align] */
    if (p < end) {
        int l;
        uint32_t c0 = tn_utf8_decode(p, &l);
        if (p + l < end && is_align((unsigned char)p[l])) {
            fs->fill = c0;
            fs->align = p[l];
            fill_given = 1;
            p += l + 1;
        } else if (is_align(c0)) {
            fs->align = (char)c0;
            p++;
        }
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' '))
        fs->sign = *p++;
    if (p < end && *p == 'z') {
        fs->z = 1;
        p++;
    }
    if (p < end && *p == '#') {
        fs->alt = 1;
        p++;
    }
    if (p < end && *p == '0' && !fill_given) {
        fs->fill = '0';
        fs->zero = 1;
        if (!fs->align)
            fs->align = '=';
        p++;
    }
    if (p < end && *p >= '0' && *p <= '9') {
        tn_ssize_t w = 0;
        while (p < end && *p >= '0' && *p <= '9') {
            if (w > ((tn_ssize_t)1 << 40)) {
                tn_err_setstr(&tn_exc_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            w = w * 10 + (*p++ - '0');
        }
        fs->width = w;
    }
    if (p < end && (*p == ',' || *p == '_')) {
        fs->grouping = *p++;
        if (p < end && (*p == ',' || *p == '_')) {
            tn_err_setstr(&tn_exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (p < end && *p == '.') {
        p++;
        if (p >= end || *p < '0' || *p > '9') {
            tn_err_setstr(&tn_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
        tn_ssize_t pr = 0;
        while (p < end && *p >= '0' && *p <= '9') {
            if (pr > ((tn_ssize_t)1 << 30)) {
                tn_err_setstr(&tn_exc_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            pr = pr * 10 + (*p++ - '0');
        }
        fs->precision = pr;
    }
    if (end - p > 1) {
        invalid_spec(spec, tname);
        return -1;
    }
    if (p < end) {
        if ((unsigned char)*p >= 0x80) {
            invalid_spec(spec, tname);
            return -1;
        }
        fs->type = *p;
    }
    if (fs->grouping) {
        switch (fs->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (fs->grouping == '_')
                break;
            /* fall through */
        default:
            tn_err_format(&tn_exc_ValueError, "Cannot specify '%c' with '%c'.", fs->grouping, fs->type);
            return -1;
        }
    }
    return 0;
}

TnObject *tn_format_bad_type(char type, const char *tname)
{
    if ((unsigned char)type > 32 && (unsigned char)type < 128)
        return tn_err_format(&tn_exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                             type, tname);
    return tn_err_format(&tn_exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                         (unsigned)(unsigned char)type, tname);
}

/* Group `digits` from the right in groups of `group` with `sep`, padding
 * with leading zeros until at least min_width characters (CPython's
 * _PyUnicode_InsertThousandsGrouping rule). Returns a new buffer. */
static char *group_digits(const char *digits, size_t nd, int group, char sep, tn_ssize_t min_width,
                          size_t *outlen)
{
    size_t cap = nd + nd / (size_t)group + (size_t)(min_width > 0 ? min_width : 0) + 8;
    char *tmp = tn_mem_alloc(cap);
    if (!tmp)
        return NULL;
    size_t pos = cap;                       /* fill from the right */
    tn_ssize_t remaining = (tn_ssize_t)nd, mw = min_width;
    const char *src = digits + nd;
    int first = 1, broke = 0;
    for (;;) {
        tn_ssize_t l = group;
        tn_ssize_t m = remaining > mw ? remaining : mw;
        if (m < 1)
            m = 1;
        if (l > m)
            l = m;
        if (!first)
            tmp[--pos] = sep;
        first = 0;
        tn_ssize_t nchars = remaining < l ? remaining : l;
        tn_ssize_t nzeros = l - nchars;
        for (tn_ssize_t i = 0; i < nchars; i++)
            tmp[--pos] = *--src;
        for (tn_ssize_t i = 0; i < nzeros; i++)
            tmp[--pos] = '0';
        remaining -= nchars;
        mw -= l;
        if (remaining <= 0 && mw <= 0) {
            broke = 1;
            break;
        }
        mw -= 1;
        if (l < group) {
            break;
        }
    }
    (void)broke;
    *outlen = cap - pos;
    memmove(tmp, tmp + pos, *outlen);
    return tmp;
}

static int append_fill(TnStrBuilder *b, uint32_t fill, tn_ssize_t n)
{
    char enc[4];
    int l = tn_utf8_encode(fill, enc);
    for (tn_ssize_t i = 0; i < n; i++)
        if (tn_sb_append(b, enc, l) < 0)
            return -1;
    return 0;
}

static tn_ssize_t utf8_len(const char *s, size_t n)
{
    tn_ssize_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

TnObject *tn_format_number(const TnFormatSpec *fs, const char *sign, const char *prefix,
                           const char *digits, size_t ndigits, int group,
                           const char *rest, size_t nrest)
{
    size_t nsign = strlen(sign), nprefix = strlen(prefix);
    char align = fs->align ? fs->align : '>';
    char *grouped = NULL;
    size_t ng = ndigits;
    const char *dg = digits;
    if (fs->grouping && ndigits > 0) {
        tn_ssize_t minw = 0;
        if (fs->fill == '0' && align == '=' && fs->width > 0)
            minw = fs->width - (tn_ssize_t)(nsign + nprefix) - utf8_len(rest, nrest);
        grouped = group_digits(digits, ndigits, group, fs->grouping, minw, &ng);
        if (!grouped)
            return NULL;
        dg = grouped;
    }
    tn_ssize_t total = (tn_ssize_t)(nsign + nprefix + ng) + utf8_len(rest, nrest);
    tn_ssize_t pad = fs->width > total ? fs->width - total : 0;
    TnStrBuilder b;
    tn_sb_init(&b);
    int rc = 0;
    tn_ssize_t left = 0, right = 0;
    if (align == '<')
        right = pad;
    else if (align == '^') {
        left = pad / 2;
        right = pad - left;
    } else if (align == '>')
        left = pad;
    rc |= append_fill(&b, fs->fill, left);
    rc |= tn_sb_append(&b, sign, (tn_ssize_t)nsign);
    rc |= tn_sb_append(&b, prefix, (tn_ssize_t)nprefix);
    if (align == '=')
        rc |= append_fill(&b, fs->fill, pad);
    rc |= tn_sb_append(&b, dg, (tn_ssize_t)ng);
    rc |= tn_sb_append(&b, rest, (tn_ssize_t)nrest);
    rc |= append_fill(&b, fs->fill, right);
    tn_mem_free(grouped);
    if (rc) {
        tn_sb_discard(&b);
        return NULL;
    }
    return tn_sb_finish(&b);
}

/* ---- float.__format__ ---------------------------------------------------------- */

TnObject *tn_float_format_value(double v, const TnFormatSpec *fs)
{
    char type = fs->type;
    int add_dot0 = 0, prec = (int)fs->precision, upper = 0, pct = 0;
    char mode;
    switch (type) {
    case 0:
        add_dot0 = 1;
        mode = prec < 0 ? 'r' : 'g';
        break;
    case 'n': mode = 'g'; break;
    case 'e': case 'f': case 'g': mode = type; break;
    case 'E': case 'F': case 'G': mode = (char)(type + 32); upper = 1; break;
    case '%': mode = 'f'; pct = 1; break;
    default:
        return tn_format_bad_type(type, "float");
    }
    if (prec < 0)
        prec = 6;
    if (pct)
        v *= 100.0;
    int neg = signbit(v) && !isnan(v);
    char *body = NULL;
    size_t nbody;
    if (isnan(v) || isinf(v)) {
        const char *s = isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        nbody = 3;
        body = tn_mem_alloc(8);
        if (!body)
            return NULL;
        memcpy(body, s, 4);
    } else {
        body = tn_float_format_digits(v, mode, prec, fs->alt, add_dot0, upper, &nbody);
        if (!body)
            return NULL;
        if (neg && fs->z) {
            int allzero = 1;
            for (size_t i = 0; i < nbody && allzero; i++) {
                char c = body[i];
                if (c == 'e' || c == 'E')
                    break;
                if (c >= '1' && c <= '9')
                    allzero = 0;
            }
            if (allzero)
                neg = 0;
        }
    }
    const char *sign = neg ? "-" : fs->sign == '+' ? "+" : fs->sign == ' ' ? " " : "";
    /* integer part = leading digits */
    size_t nint = 0;
    while (nint < nbody && body[nint] >= '0' && body[nint] <= '9')
        nint++;
    char restbuf[2] = { '%', 0 };
    TnObject *r;
    if (pct) {
        /* append '%' to the rest */
        size_t nrest = nbody - nint;
        char *rest = tn_mem_alloc(nrest + 2);
        if (!rest) {
            tn_mem_free(body);
            return NULL;
        }
        memcpy(rest, body + nint, nrest);
        rest[nrest] = restbuf[0];
        r = tn_format_number(fs, sign, "", body, nint, 3, rest, nrest + 1);
        tn_mem_free(rest);
    } else {
        r = tn_format_number(fs, sign, "", body, nint, 3, body + nint, nbody - nint);
    }
    tn_mem_free(body);
    return r;
}

TnObject *tn_float_format(TnObject *o, TnObject *spec)
{
    if (!spec || TN_STR_SIZE(spec) == 0)
        return tn_object_str(o);
    TnFormatSpec fs;
    if (tn_format_spec_parse(spec, "float", &fs) < 0)
        return NULL;
    return tn_float_format_value(TN_FLOAT_VAL(o), &fs);
}
