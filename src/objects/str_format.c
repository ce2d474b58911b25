/* Text formatting: tn_str_from_format (the C-level printf used for error
 * messages), str.format / str.format_map (CPython's replacement-field
 * grammar) and str.__format__ (the format-spec mini-language for str). */
#include <stdio.h>
#include <string.h>
#include "str_internal.h"

/* ---- tn_str_from_format ------------------------------------------------- */

/* Append `s` (a str) truncated to `prec` code points (-1 = all), padded to
 * `width` with spaces on the left (or right when `left`). */
static int append_obj_text(TnStrBuilder *b, TnObject *s, int width, int prec, int left)
{
    tn_ssize_t n = TN_STR_LEN(s), bytes = TN_STR_SIZE(s);
    if (prec >= 0 && n > prec) {
        bytes = tn_str_offset(s, prec);
        n = prec;
    }
    for (tn_ssize_t i = n; !left && i < width; i++)
        if (tn_sb_append(b, " ", 1) < 0)
            return -1;
    if (tn_sb_append(b, TN_STR_DATA(s), bytes) < 0)
        return -1;
    for (tn_ssize_t i = n; left && i < width; i++)
        if (tn_sb_append(b, " ", 1) < 0)
            return -1;
    return 0;
}

static int append_cstr_text(TnStrBuilder *b, const char *s, int width, int prec, int left)
{
    size_t n = strlen(s);
    if (prec >= 0 && n > (size_t)prec) {
        n = (size_t)prec;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)   /* whole code points */
            n--;
    }
    TnObject *t = tn_str_from_utf8(s, (tn_ssize_t)n);
    if (!t) {
        /* Not UTF-8: show the bytes as Latin-1 rather than fail an error path. */
        tn_err_clear();
        TnStrBuilder tb;
        tn_sb_init(&tb);
        for (size_t i = 0; i < n; i++)
            if (tn_sb_append_char(&tb, (unsigned char)s[i]) < 0) {
                tn_sb_discard(&tb);
                return -1;
            }
        t = tn_sb_finish(&tb);
        if (!t)
            return -1;
    }
    int rc = append_obj_text(b, t, width, -1, left);
    tn_decref(t);
    return rc;
}

TnObject *tn_str_from_formatv(const char *fmt, va_list ap)
{
    TnStrBuilder b;
    tn_sb_init(&b);
    va_list va;
    va_copy(va, ap);
    const char *p = fmt;
    while (*p) {
        if (*p != '%') {
            const char *q = p;
            while (*q && *q != '%')
                q++;
            if (tn_sb_append(&b, p, q - p) < 0)
                goto error;
            p = q;
            continue;
        }
        const char *start = p++;
        int left = 0, zero = 0, width = -1, prec = -1;
        while (*p == '-' || *p == '0') {
            if (*p == '-') left = 1; else zero = 1;
            p++;
        }
        if (*p == '*') { width = va_arg(va, int); p++; }
        else if (*p >= '1' && *p <= '9') { width = 0; while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0'); }
        if (*p == '.') {
            p++;
            if (*p == '*') { prec = va_arg(va, int); p++; }
            else { prec = 0; while (*p >= '0' && *p <= '9') prec = prec * 10 + (*p++ - '0'); }
        }
        char lmod[3] = "";
        if (*p == 'l') {
            p++;
            if (*p == 'l') { p++; strcpy(lmod, "ll"); } else strcpy(lmod, "l");
        } else if (*p == 'z') {
            p++;
            strcpy(lmod, "z");
        }
        char conv = *p ? *p++ : '\0';
        char tmp[96];
        int rc = 0;
        TnObject *o, *t;
        switch (conv) {
        case '%':
            rc = tn_sb_append(&b, "%", 1);
            break;
        case 'd': case 'i': case 'u': case 'x': {
            /* Rebuild the C spec with the flags, width and precision given. */
            char cs[32];
            int k = 0;
            cs[k++] = '%';
            if (left) cs[k++] = '-';
            if (zero) cs[k++] = '0';
            cs[k] = '\0';
            if (width >= 0) k += snprintf(cs + k, sizeof cs - (size_t)k, "%d", width);
            if (prec >= 0) k += snprintf(cs + k, sizeof cs - (size_t)k, ".%d", prec);
            snprintf(cs + k, sizeof cs - (size_t)k, "%s%c", lmod, conv);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
            if (!strcmp(lmod, "ll"))
                snprintf(tmp, sizeof tmp, cs, va_arg(va, long long));
            else if (!strcmp(lmod, "l"))
                snprintf(tmp, sizeof tmp, cs, va_arg(va, long));
            else if (!strcmp(lmod, "z"))
                snprintf(tmp, sizeof tmp, cs, va_arg(va, size_t));
            else
                snprintf(tmp, sizeof tmp, cs, va_arg(va, int));
#pragma GCC diagnostic pop
            rc = tn_sb_append_cstr(&b, tmp);
            break;
        }
        case 'c':
            rc = tn_sb_append_char(&b, (uint32_t)va_arg(va, int));
            break;
        case 'p':
            snprintf(tmp, sizeof tmp, "%p", va_arg(va, void *));
            /* CPython prints pointers as 0x...; glibc already does. */
            rc = tn_sb_append_cstr(&b, tmp);
            break;
        case 's': {
            const char *s = va_arg(va, const char *);
            rc = append_cstr_text(&b, s ? s : "(null)", width, prec, left);
            break;
        }
        case 'U':
            o = va_arg(va, TnObject *);
            rc = append_obj_text(&b, o, width, prec, left);
            break;
        case 'R': case 'S':
            o = va_arg(va, TnObject *);
            t = conv == 'R' ? tn_object_repr(o) : tn_object_str(o);
            if (!t)
                goto error;
            rc = append_obj_text(&b, t, width, prec, left);
            tn_decref(t);
            break;
        case 'T':
            o = va_arg(va, TnObject *);
            rc = append_cstr_text(&b, TN_TYPE(o)->tp_name, width, prec, left);
            break;
        case 'N':
            o = va_arg(va, TnObject *);
            rc = append_cstr_text(&b, ((TnType *)o)->tp_name, width, prec, left);
            break;
        default:
            /* Unknown escape: copy it verbatim, as CPython does. */
            rc = tn_sb_append(&b, start, p - start);
            break;
        }
        if (rc < 0)
            goto error;
    }
    va_end(va);
    return tn_sb_finish(&b);
error:
    va_end(va);
    tn_sb_discard(&b);
    return NULL;
}

TnObject *tn_str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    TnObject *r = tn_str_from_formatv(fmt, ap);
    va_end(ap);
    return r;
}

/* ---- str.__format__ ----------------------------------------------------- */

TnObject *tn_str_format_spec(TnObject *s, TnObject *spec)
{
    if (!spec || TN_STR_SIZE(spec) == 0)
        return tn_object_str(s);
    tn_ssize_t n = TN_STR_LEN(spec), i = 0;
    uint32_t fill = ' ';
    char align = '\0';
    int have_fill = 0;
    uint32_t c0 = tn_str_char_at(spec, 0);
    uint32_t c1 = n > 1 ? tn_str_char_at(spec, 1) : 0;
#define IS_ALIGN(c) ((c) == '<' || (c) == '>' || (c) == '^' || (c) == '=')
    if (n > 1 && IS_ALIGN(c1)) {
        fill = c0; align = (char)c1; have_fill = 1; i = 2;
    } else if (IS_ALIGN(c0)) {
        align = (char)c0; i = 1;
    }
#define CH() (i < n ? tn_str_char_at(spec, i) : 0)
    if (CH() == '+' || CH() == '-' || CH() == ' ')
        return tn_err_format(&tn_exc_ValueError, "Sign not allowed in string format specifier");
    if (CH() == 'z')
        return tn_err_format(&tn_exc_ValueError,
                             "Negative zero coercion (z) not allowed in format specifier");
    if (CH() == '#')
        return tn_err_format(&tn_exc_ValueError,
                             "Alternate form (#) not allowed in string format specifier");
    if (CH() == '0') {
        if (!have_fill) { fill = '0'; have_fill = 1; }
        if (!align) align = '<';
        i++;
    }
    tn_ssize_t width = -1, prec = -1;
    while (CH() >= '0' && CH() <= '9') {
        if (width < 0) width = 0;
        width = width * 10 + (CH() - '0');
        if (width > INTPTR_MAX / 20)
            return tn_err_format(&tn_exc_ValueError, "Too many decimal digits in format string");
        i++;
    }
    if (CH() == ',' || CH() == '_')
        return tn_err_format(&tn_exc_ValueError, "Cannot specify '%c' with 's'.", (int)CH());
    if (CH() == '.') {
        i++;
        if (!(CH() >= '0' && CH() <= '9'))
            return tn_err_format(&tn_exc_ValueError, "Format specifier missing precision");
        prec = 0;
        while (CH() >= '0' && CH() <= '9') {
            prec = prec * 10 + (CH() - '0');
            if (prec > INTPTR_MAX / 20)
                return tn_err_format(&tn_exc_ValueError, "Too many decimal digits in format string");
            i++;
        }
    }
    if (n - i > 1)
        return tn_err_format(&tn_exc_ValueError, "Invalid format specifier '%U' for object of type 'str'", spec);
    if (i < n && CH() != 's') {
        uint32_t t = CH();
        if (t > 32 && t < 128)
            return tn_err_format(&tn_exc_ValueError, "Unknown format code '%c' for object of type 'str'", (int)t);
        return tn_err_format(&tn_exc_ValueError,
                             "Unknown format code '\\x%x' for object of type 'str'", (unsigned)t);
    }
#undef CH
    if (align == '=')
        return tn_err_format(&tn_exc_ValueError, "'=' alignment not allowed in string format specifier");
    TnObject *base = prec >= 0 ? tn_str_substr(s, 0, prec) : tn_str_substr(s, 0, TN_STR_LEN(s));
    if (!base)
        return NULL;
    if (width <= TN_STR_LEN(base))
        return base;
    TnObject *r = tn_str_pad(base, width, fill, align ? align : '<');
    tn_decref(base);
    return r;
}

/* ---- str.format --------------------------------------------------------- */

typedef struct {
    TnObject *const *args;
    size_t nargs;
    TnObject *kwnames;      /* vector convention: values follow args */
    TnObject *mapping;      /* format_map */
    int auto_state;         /* 0 unknown, 1 automatic, 2 manual */
    tn_ssize_t next_auto;
} FmtCtx;

static int build(FmtCtx *c, TnObject *fmt, tn_ssize_t b0, tn_ssize_t b1, TnStrBuilder *out, int depth);

static TnObject *lookup_kw(FmtCtx *c, TnObject *name)
{
    if (c->mapping) {
        TnObject *v = tn_object_getitem(c->mapping, name);
        return v;
    }
    if (c->kwnames)
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(c->kwnames); i++)
            if (tn_str_eq(TN_TUPLE_GET(c->kwnames, i), name))
                return tn_newref(c->args[c->nargs + (size_t)i]);
    tn_err_set_key(name);
    return NULL;
}

static int parse_index(const char *p, tn_ssize_t n, tn_ssize_t *out)
{
    if (n == 0)
        return 0;
    tn_ssize_t v = 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return 0;
        if (v > (INTPTR_MAX - 9) / 10)
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return 1;
}

/* Resolve field_name (bytes [p, p+n) of a str) to its object. */
static TnObject *get_field(FmtCtx *c, const char *p, tn_ssize_t n)
{
    tn_ssize_t k = 0;
    while (k < n && p[k] != '.' && p[k] != '[')
        k++;
    TnObject *obj;
    tn_ssize_t idx;
    int isnum = parse_index(p, k, &idx);
    if (isnum < 0)
        return tn_err_format(&tn_exc_ValueError, "Too many decimal digits in format string");
    if (k == 0 || isnum) {
        if (k == 0) {
            if (c->auto_state == 2)
                return tn_err_format(&tn_exc_ValueError,
                    "cannot switch from manual field specification to automatic field numbering");
            c->auto_state = 1;
            idx = c->next_auto++;
        } else {
            if (c->auto_state == 1)
                return tn_err_format(&tn_exc_ValueError,
                    "cannot switch from automatic field numbering to manual field specification");
            c->auto_state = 2;
        }
        if (c->mapping)
            return tn_err_format(&tn_exc_ValueError, "Format string contains positional fields");
        if ((size_t)idx >= c->nargs)
            return tn_err_format(&tn_exc_IndexError,
                                 "Replacement index %zd out of range for positional args tuple", idx);
        obj = tn_newref(c->args[idx]);
    } else {
        TnObject *name = tn_str_from_utf8_trusted(p, k);
        if (!name)
            return NULL;
        obj = lookup_kw(c, name);
        tn_decref(name);
        if (!obj)
            return NULL;
    }
    while (k < n) {
        TnObject *next;
        if (p[k] == '.') {
            tn_ssize_t s = ++k;
            while (k < n && p[k] != '.' && p[k] != '[')
                k++;
            if (k == s) {
                tn_decref(obj);
                return tn_err_format(&tn_exc_ValueError, "Empty attribute in format string");
            }
            TnObject *attr = tn_str_from_utf8_trusted(p + s, k - s);
            next = attr ? tn_object_getattr(obj, attr) : NULL;
            TN_XDECREF(attr);
        } else if (p[k] == '[') {
            tn_ssize_t s = ++k;
            while (k < n && p[k] != ']')
                k++;
            if (k >= n) {
                tn_decref(obj);
                return tn_err_format(&tn_exc_ValueError, "Missing ']' in format string");
            }
            if (k == s) {
                tn_decref(obj);
                return tn_err_format(&tn_exc_ValueError, "Empty attribute in format string");
            }
            TnObject *key;
            tn_ssize_t ki;
            if (parse_index(p + s, k - s, &ki) == 1)
                key = tn_int_from_i64(ki);
            else
                key = tn_str_from_utf8_trusted(p + s, k - s);
            next = key ? tn_object_getitem(obj, key) : NULL;
            TN_XDECREF(key);
            k++;   /* past ']' */
            if (next && k < n && p[k] != '.' && p[k] != '[') {
                tn_decref(next);
                tn_decref(obj);
                return tn_err_format(&tn_exc_ValueError,
                                     "Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            tn_decref(obj);
            return tn_err_format(&tn_exc_ValueError,
                                 "Only '.' or '[' may follow ']' in format field specifier");
        }
        tn_decref(obj);
        if (!next)
            return NULL;
        obj = next;
    }
    return obj;
}

/* One replacement field: the bytes between '{' and its matching '}'. */
static int do_field(FmtCtx *c, TnObject *fmt, tn_ssize_t f0, tn_ssize_t f1, TnStrBuilder *out,
                    int depth)
{
    const char *d = TN_STR_DATA(fmt);
    tn_ssize_t k = f0, name_end, conv_pos = -1, spec0 = -1;
    int bracket = 0;
    /* field_name ends at '!' or ':' outside brackets */
    while (k < f1) {
        if (d[k] == '[') bracket = 1;
        else if (d[k] == ']') bracket = 0;
        else if (!bracket && (d[k] == '!' || d[k] == ':'))
            break;
        k++;
    }
    name_end = k;
    char conv = 0;
    if (k < f1 && d[k] == '!') {
        conv_pos = k + 1;
        if (conv_pos >= f1) {
            tn_err_format(&tn_exc_ValueError, "end of string while looking for conversion specifier");
            return -1;
        }
        conv = d[conv_pos];
        k = conv_pos + 1;
        if (k < f1 && d[k] != ':') {
            tn_err_format(&tn_exc_ValueError, "expected ':' after conversion specifier");
            return -1;
        }
    }
    if (k < f1 && d[k] == ':')
        spec0 = k + 1;
    TnObject *obj = get_field(c, d + f0, name_end - f0);
    if (!obj)
        return -1;
    TnObject *conv_obj = obj, *spec = NULL, *r = NULL;
    if (conv) {
        switch (conv) {
        case 'r': conv_obj = tn_object_repr(obj); break;
        case 's': conv_obj = tn_object_str(obj); break;
        case 'a': conv_obj = tn_object_ascii(obj); break;
        default:
            tn_decref(obj);
            if ((unsigned char)conv < 128)
                tn_err_format(&tn_exc_ValueError, "Unknown conversion specifier %c", conv);
            else
                tn_err_format(&tn_exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned char)conv);
            return -1;
        }
        tn_decref(obj);
        if (!conv_obj)
            return -1;
    }
    if (spec0 >= 0 && spec0 < f1) {
        TnStrBuilder sb;
        tn_sb_init(&sb);
        if (build(c, fmt, spec0, f1, &sb, depth + 1) < 0) {
            tn_sb_discard(&sb);
            goto done;
        }
        spec = tn_sb_finish(&sb);
        if (!spec)
            goto done;
    }
    if (tn_str_check_exact(conv_obj) && !spec)
        r = tn_newref(conv_obj);
    else
        r = tn_object_format(conv_obj, spec);
done:
    TN_XDECREF(spec);
    tn_decref(conv_obj);
    if (!r)
        return -1;
    int rc = tn_sb_append_str(out, r);
    tn_decref(r);
    return rc;
}

static int build(FmtCtx *c, TnObject *fmt, tn_ssize_t b0, tn_ssize_t b1, TnStrBuilder *out, int depth)
{
    if (depth > 2) {
        tn_err_format(&tn_exc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    const char *d = TN_STR_DATA(fmt);
    tn_ssize_t i = b0;
    while (i < b1) {
        tn_ssize_t j = i;
        while (j < b1 && d[j] != '{' && d[j] != '}')
            j++;
        if (tn_sb_append(out, d + i, j - i) < 0)
            return -1;
        if (j >= b1)
            break;
        if (d[j] == '}') {
            if (j + 1 < b1 && d[j + 1] == '}') {
                if (tn_sb_append(out, "}", 1) < 0)
                    return -1;
                i = j + 2;
                continue;
            }
            tn_err_format(&tn_exc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (j + 1 < b1 && d[j + 1] == '{') {
            if (tn_sb_append(out, "{", 1) < 0)
                return -1;
            i = j + 2;
            continue;
        }
        if (j + 1 >= b1) {
            tn_err_format(&tn_exc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        /* Find the matching '}', counting nested braces of the spec. */
        tn_ssize_t k = j + 1;
        int level = 1, bracket = 0;
        while (k < b1) {
            char ch = d[k];
            if (ch == '[' && level == 1) bracket = 1;
            else if (ch == ']' && level == 1) bracket = 0;
            else if (ch == '{' && !bracket) level++;
            else if (ch == '}' && !bracket) {
                if (--level == 0)
                    break;
            }
            k++;
        }
        if (level > 0) {
            tn_err_format(&tn_exc_ValueError, "expected '}' before end of string");
            return -1;
        }
        if (do_field(c, fmt, j + 1, k, out, depth) < 0)
            return -1;
        i = k + 1;
    }
    return 0;
}

TnObject *tn_str_format(TnObject *fmt, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    FmtCtx c = {args, nargs, kwnames, NULL, 0, 0};
    TnStrBuilder b;
    tn_sb_init(&b);
    if (build(&c, fmt, 0, TN_STR_SIZE(fmt), &b, 0) < 0) {
        tn_sb_discard(&b);
        return NULL;
    }
    return tn_sb_finish(&b);
}

TnObject *tn_str_format_map(TnObject *fmt, TnObject *mapping)
{
    FmtCtx c = {NULL, 0, NULL, mapping, 0, 0};
    TnStrBuilder b;
    tn_sb_init(&b);
    if (build(&c, fmt, 0, TN_STR_SIZE(fmt), &b, 0) < 0) {
        tn_sb_discard(&b);
        return NULL;
    }
    return tn_sb_finish(&b);
}
