/* str methods (CPython 3.11 semantics and messages). Searching and splitting
 * work on the UTF-8 bytes directly (UTF-8 is self-synchronising, so a byte
 * match of valid UTF-8 is a code-point match); indices given or returned in
 * code points are converted at the edges. */
#include <string.h>
#include "str_internal.h"
#include "unicode_db.h"

#define DATA(s) TN_STR_DATA(s)
#define SIZE(s) TN_STR_SIZE(s)
#define LEN(s) TN_STR_LEN(s)
#define IS_ASCII(s) (((TnStr *)(s))->ascii)

/* A str holding the bytes [b0, b1) of s (valid UTF-8 boundaries). */
static TnObject *sub_bytes(TnObject *s, tn_ssize_t b0, tn_ssize_t b1)
{
    if (b0 == 0 && b1 == SIZE(s) && tn_str_check_exact(s))
        return tn_newref(s);
    if (IS_ASCII(s))
        return tn_str_from_ascii(DATA(s) + b0, b1 - b0);
    return tn_str_from_utf8_trusted(DATA(s) + b0, b1 - b0);
}

static TnObject *need_str(TnObject *o, const char *what)
{
    if (tn_str_check(o))
        return o;
    if (what)
        tn_err_format(&tn_exc_TypeError, "%s must be str, not %.100s", what, TN_TYPE(o)->tp_name);
    else
        tn_err_format(&tn_exc_TypeError, "must be str, not %.100s", TN_TYPE(o)->tp_name);
    return NULL;
}

int tn_str_index_arg(TnObject *o, tn_ssize_t *out)
{
    if (o == tn_None)
        return 1;   /* caller keeps its default */
    if (!TN_TYPE(o)->nb_index) {
        tn_err_format(&tn_exc_TypeError,
                      "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    tn_ssize_t v = tn_number_as_ssize(o, NULL);
    if (v == -1 && tn_err_occurred())
        return -1;
    *out = v;
    return 0;
}

void tn_str_adjust(tn_ssize_t len, tn_ssize_t *start, tn_ssize_t *end)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

/* Parse (sub[, start[, end]]) for find/index/count/startswith. */
static int parse_sub_range(const char *name, TnObject *const *args, size_t nargs,
                           TnObject **sub, tn_ssize_t *start, tn_ssize_t *end)
{
    if (tn_check_nargs(name, nargs, 1, 3) < 0)
        return -1;
    *sub = args[0];
    *start = 0;
    *end = INTPTR_MAX;
    if (nargs > 1 && tn_str_index_arg(args[1], start) < 0)
        return -1;
    if (nargs > 2 && tn_str_index_arg(args[2], end) < 0)
        return -1;
    return 0;
}

static const char *memrmem_(const char *h, tn_ssize_t hn, const char *n, tn_ssize_t nn)
{
    if (nn == 0)
        return h + hn;
    for (tn_ssize_t i = hn - nn; i >= 0; i--)
        if (h[i] == n[0] && memcmp(h + i, n, (size_t)nn) == 0)
            return h + i;
    return NULL;
}

/* dir: +1 find, -1 rfind. Returns code-point index, -1 not found, -2 error. */
static tn_ssize_t find_impl(TnObject *s, TnObject *const *args, size_t nargs, const char *name, int dir)
{
    TnObject *sub;
    tn_ssize_t start, end;
    if (parse_sub_range(name, args, nargs, &sub, &start, &end) < 0 || !need_str(sub, NULL))
        return -2;
    tn_ssize_t len = LEN(s);
    tn_str_adjust(len, &start, &end);
    if (start > len || end - start < LEN(sub))
        return -1;
    tn_ssize_t b0 = tn_str_offset(s, start), b1 = tn_str_offset(s, end);
    const char *p;
    if (dir > 0)
        p = SIZE(sub) == 0 ? DATA(s) + b0
            : memmem(DATA(s) + b0, (size_t)(b1 - b0), DATA(sub), (size_t)SIZE(sub));
    else
        p = memrmem_(DATA(s) + b0, b1 - b0, DATA(sub), SIZE(sub));
    if (!p)
        return -1;
    return start + (IS_ASCII(s) ? (p - DATA(s)) - b0 : tn_utf8_count(DATA(s) + b0, (p - DATA(s)) - b0));
}

static TnObject *str_find(TnObject *s, TnObject *const *args, size_t nargs)
{
    tn_ssize_t r = find_impl(s, args, nargs, "find", 1);
    return r == -2 ? NULL : tn_int_from_i64(r);
}

static TnObject *str_rfind(TnObject *s, TnObject *const *args, size_t nargs)
{
    tn_ssize_t r = find_impl(s, args, nargs, "rfind", -1);
    return r == -2 ? NULL : tn_int_from_i64(r);
}

static TnObject *str_index(TnObject *s, TnObject *const *args, size_t nargs)
{
    tn_ssize_t r = find_impl(s, args, nargs, "index", 1);
    if (r == -1)
        return tn_err_format(&tn_exc_ValueError, "substring not found");
    return r == -2 ? NULL : tn_int_from_i64(r);
}

static TnObject *str_rindex(TnObject *s, TnObject *const *args, size_t nargs)
{
    tn_ssize_t r = find_impl(s, args, nargs, "rindex", -1);
    if (r == -1)
        return tn_err_format(&tn_exc_ValueError, "substring not found");
    return r == -2 ? NULL : tn_int_from_i64(r);
}

static tn_ssize_t count_bytes(const char *h, tn_ssize_t hn, const char *n, tn_ssize_t nn,
                              tn_ssize_t max)
{
    tn_ssize_t c = 0;
    const char *end = h + hn;
    while (c < max && h <= end - nn) {
        const char *f = memmem(h, (size_t)(end - h), n, (size_t)nn);
        if (!f)
            break;
        c++;
        h = f + nn;
    }
    return c;
}

static TnObject *str_count(TnObject *s, TnObject *const *args, size_t nargs)
{
    TnObject *sub;
    tn_ssize_t start, end;
    if (parse_sub_range("count", args, nargs, &sub, &start, &end) < 0 || !need_str(sub, NULL))
        return NULL;
    tn_ssize_t len = LEN(s);
    tn_str_adjust(len, &start, &end);
    if (start > len || end < start)
        return tn_int_from_i64(0);
    if (SIZE(sub) == 0)
        return tn_int_from_i64(end - start + 1);
    tn_ssize_t b0 = tn_str_offset(s, start), b1 = tn_str_offset(s, end);
    return tn_int_from_i64(count_bytes(DATA(s) + b0, b1 - b0, DATA(sub), SIZE(sub), INTPTR_MAX));
}

static int match_affix(TnObject *s, TnObject *sub, tn_ssize_t start, tn_ssize_t end, int suffix)
{
    tn_ssize_t len = LEN(s);
    tn_str_adjust(len, &start, &end);
    if (start > len)
        return 0;
    if (end - start < LEN(sub))
        return 0;
    if (SIZE(sub) == 0)
        return 1;
    tn_ssize_t b0, b1;
    if (suffix) {
        b1 = tn_str_offset(s, end);
        b0 = b1 - SIZE(sub);
        if (b0 < tn_str_offset(s, start))
            return 0;
    } else {
        b0 = tn_str_offset(s, start);
        b1 = b0 + SIZE(sub);
        if (b1 > tn_str_offset(s, end))
            return 0;
    }
    return memcmp(DATA(s) + b0, DATA(sub), (size_t)SIZE(sub)) == 0;
}

static TnObject *affix_impl(TnObject *s, TnObject *const *args, size_t nargs, const char *name,
                            int suffix)
{
    TnObject *sub;
    tn_ssize_t start, end;
    if (parse_sub_range(name, args, nargs, &sub, &start, &end) < 0)
        return NULL;
    if (tn_tuple_check(sub)) {
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(sub); i++) {
            TnObject *e = TN_TUPLE_GET(sub, i);
            if (!tn_str_check(e))
                return tn_err_format(&tn_exc_TypeError,
                                     "tuple for %s must only contain str, not %.100s",
                                     name, TN_TYPE(e)->tp_name);
            if (match_affix(s, e, start, end, suffix))
                return tn_bool_from(1);
        }
        return tn_bool_from(0);
    }
    if (!tn_str_check(sub))
        return tn_err_format(&tn_exc_TypeError,
                             "%s first arg must be str or a tuple of str, not %.100s",
                             name, TN_TYPE(sub)->tp_name);
    return tn_bool_from(match_affix(s, sub, start, end, suffix));
}

static TnObject *str_startswith(TnObject *s, TnObject *const *args, size_t nargs)
{
    return affix_impl(s, args, nargs, "startswith", 0);
}

static TnObject *str_endswith(TnObject *s, TnObject *const *args, size_t nargs)
{
    return affix_impl(s, args, nargs, "endswith", 1);
}

/* ---- replace ------------------------------------------------------------ */

static TnObject *str_replace(TnObject *s, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("replace", nargs, 2, 3) < 0)
        return NULL;
    TnObject *old = args[0], *new = args[1];
    tn_ssize_t maxcount = -1;
    for (int i = 0; i < 2; i++)
        if (!tn_str_check(args[i]))
            return tn_err_format(&tn_exc_TypeError, "replace() argument %d must be str, not %.100s",
                                 i + 1, TN_TYPE(args[i])->tp_name);
    if (nargs > 2) {
        if (!TN_TYPE(args[2])->nb_index || tn_float_check(args[2]))
            return tn_err_format(&tn_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                 TN_TYPE(args[2])->tp_name);
        maxcount = tn_number_as_ssize(args[2], NULL);
        if (maxcount == -1 && tn_err_occurred())
            return NULL;
    }
    if (maxcount < 0)
        maxcount = INTPTR_MAX;
    TnStrBuilder b;
    tn_sb_init(&b);
    const char *p = DATA(s), *end = p + SIZE(s);
    tn_ssize_t done = 0;
    if (SIZE(old) == 0) {
        /* Insert `new` before every code point and at the end. */
        while (done < maxcount) {
            if (tn_sb_append_str(&b, new) < 0)
                goto error;
            done++;
            if (p >= end)
                break;
            int n;
            tn_utf8_decode(p, &n);
            if (tn_sb_append(&b, p, n) < 0)
                goto error;
            p += n;
        }
    } else {
        while (done < maxcount) {
            const char *f = memmem(p, (size_t)(end - p), DATA(old), (size_t)SIZE(old));
            if (!f)
                break;
            if (tn_sb_append(&b, p, f - p) < 0 || tn_sb_append_str(&b, new) < 0)
                goto error;
            p = f + SIZE(old);
            done++;
        }
    }
    if (done == 0 && tn_str_check_exact(s)) {
        tn_sb_discard(&b);
        return tn_newref(s);
    }
    if (tn_sb_append(&b, p, end - p) < 0)
        goto error;
    return tn_sb_finish(&b);
error:
    tn_sb_discard(&b);
    return NULL;
}

/* ---- split family ------------------------------------------------------- */

static int append_piece(TnObject *list, TnObject *s, tn_ssize_t b0, tn_ssize_t b1)
{
    TnObject *piece = sub_bytes(s, b0, b1);
    if (!piece)
        return -1;
    int rc = tn_list_append(list, piece);
    tn_decref(piece);
    return rc;
}

static int space_at(const char *p, int *n)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        *n = 1;
        return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
    }
    return tn_unicode_isspace(tn_utf8_decode(p, n));
}

/* Is the code point ending at byte `e` (exclusive) whitespace? Sets its start. */
static int space_before(const char *data, tn_ssize_t e, tn_ssize_t *startp)
{
    tn_ssize_t st = e - 1;
    while (st > 0 && ((unsigned char)data[st] & 0xC0) == 0x80)
        st--;
    *startp = st;
    int n;
    return space_at(data + st, &n);
}

static int parse_split_args(const char *name, TnObject *const *args, size_t nargs, TnObject *kwnames,
                            TnObject **sep, tn_ssize_t *maxsplit)
{
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    TnObject *vals[2] = {tn_None, NULL};
    if (tn_parse_args(name, args, nargs, kwnames, kwlist, 2, 0, vals) < 0)
        return -1;
    *sep = vals[0];
    *maxsplit = -1;
    if (vals[1]) {
        if (!TN_TYPE(vals[1])->nb_index || tn_float_check(vals[1])) {
            tn_err_format(&tn_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                          TN_TYPE(vals[1])->tp_name);
            return -1;
        }
        *maxsplit = tn_number_as_ssize(vals[1], NULL);
        if (*maxsplit == -1 && tn_err_occurred())
            return -1;
    }
    if (*maxsplit < 0)
        *maxsplit = INTPTR_MAX;
    if (*sep != tn_None) {
        if (!tn_str_check(*sep)) {
            tn_err_format(&tn_exc_TypeError, "must be str or None, not %.100s", TN_TYPE(*sep)->tp_name);
            return -1;
        }
        if (SIZE(*sep) == 0) {
            tn_err_format(&tn_exc_ValueError, "empty separator");
            return -1;
        }
    }
    return 0;
}

static TnObject *str_split(TnObject *s, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnObject *sep;
    tn_ssize_t maxsplit;
    if (parse_split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    TnObject *list = tn_list_new(0);
    if (!list)
        return NULL;
    const char *d = DATA(s);
    tn_ssize_t n = SIZE(s), i = 0;
    if (sep == tn_None) {
        int w;
        while (i < n) {
            while (i < n && space_at(d + i, &w))
                i += w;
            if (i >= n)
                break;
            if (maxsplit-- <= 0) {
                /* The rest, trailing whitespace kept (as CPython). */
                if (append_piece(list, s, i, n) < 0)
                    goto error;
                i = n;
                break;
            }
            tn_ssize_t j = i;
            while (j < n && !space_at(d + j, &w))
                j += w;
            if (append_piece(list, s, i, j) < 0)
                goto error;
            i = j;
        }
        return list;
    }
    const char *sd = DATA(sep);
    tn_ssize_t sn = SIZE(sep);
    while (maxsplit-- > 0) {
        const char *f = memmem(d + i, (size_t)(n - i), sd, (size_t)sn);
        if (!f)
            break;
        if (append_piece(list, s, i, f - d) < 0)
            goto error;
        i = (f - d) + sn;
    }
    if (append_piece(list, s, i, n) < 0)
        goto error;
    return list;
error:
    tn_decref(list);
    return NULL;
}

static TnObject *str_rsplit(TnObject *s, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnObject *sep;
    tn_ssize_t maxsplit;
    if (parse_split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    TnObject *list = tn_list_new(0);
    if (!list)
        return NULL;
    const char *d = DATA(s);
    tn_ssize_t e = SIZE(s), st;
    if (sep == tn_None) {
        while (e > 0) {
            while (e > 0 && space_before(d, e, &st))
                e = st;
            if (e <= 0)
                break;
            if (maxsplit-- <= 0) {
                if (append_piece(list, s, 0, e) < 0)
                    goto error;
                e = 0;
                break;
            }
            tn_ssize_t j = e;
            while (j > 0 && !space_before(d, j, &st))
                j = st;
            if (append_piece(list, s, j, e) < 0)
                goto error;
            e = j;
        }
    } else {
        const char *sd = DATA(sep);
        tn_ssize_t sn = SIZE(sep);
        while (maxsplit-- > 0) {
            const char *f = memrmem_(d, e, sd, sn);
            if (!f)
                break;
            if (append_piece(list, s, (f - d) + sn, e) < 0)
                goto error;
            e = f - d;
        }
        if (append_piece(list, s, 0, e) < 0)
            goto error;
    }
    if (tn_list_reverse(list) < 0)
        goto error;
    return list;
error:
    tn_decref(list);
    return NULL;
}

/* Line boundary at p: returns its byte length (0 if none). */
static int linebreak_at(const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    if (c == '\r')
        return (p + 1 < end && p[1] == '\n') ? 2 : 1;
    if (c == '\n' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e))
        return 1;
    if (c >= 0x80) {
        int n;
        uint32_t cp = tn_utf8_decode(p, &n);
        if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
            return n;
    }
    return 0;
}

static TnObject *str_splitlines(TnObject *s, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = {"keepends", NULL};
    TnObject *keep_o = NULL;
    if (tn_parse_args("splitlines", args, nargs, kwnames, kwlist, 1, 0, &keep_o) < 0)
        return NULL;
    int keep = 0;
    if (keep_o) {
        if (tn_float_check(keep_o))
            return tn_err_format(&tn_exc_TypeError, "'float' object cannot be interpreted as an integer");
        keep = tn_object_is_true(keep_o);
        if (keep < 0)
            return NULL;
    }
    TnObject *list = tn_list_new(0);
    if (!list)
        return NULL;
    const char *d = DATA(s), *end = d + SIZE(s);
    tn_ssize_t i = 0, n = SIZE(s);
    while (i < n) {
        tn_ssize_t j = i;
        int br = 0;
        while (j < n && !(br = linebreak_at(d + j, end)))
            j++;
        if (append_piece(list, s, i, keep ? j + br : j) < 0) {
            tn_decref(list);
            return NULL;
        }
        i = j + br;
    }
    return list;
}

static TnObject *partition_impl(TnObject *s, TnObject *sep, int right)
{
    if (!need_str(sep, NULL))
        return NULL;
    if (SIZE(sep) == 0)
        return tn_err_format(&tn_exc_ValueError, "empty separator");
    const char *f = right ? memrmem_(DATA(s), SIZE(s), DATA(sep), SIZE(sep))
                          : memmem(DATA(s), (size_t)SIZE(s), DATA(sep), (size_t)SIZE(sep));
    TnObject *a, *c, *empty = tn_str_empty();
    if (!f) {
        if (right)
            return tn_tuple_pack(3, empty, empty, s);
        return tn_tuple_pack(3, s, empty, empty);
    }
    tn_ssize_t off = f - DATA(s);
    a = sub_bytes(s, 0, off);
    c = sub_bytes(s, off + SIZE(sep), SIZE(s));
    TnObject *r = (a && c) ? tn_tuple_pack(3, a, sep, c) : NULL;
    TN_XDECREF(a);
    TN_XDECREF(c);
    return r;
}

static TnObject *str_partition(TnObject *s, TnObject *sep) { return partition_impl(s, sep, 0); }
static TnObject *str_rpartition(TnObject *s, TnObject *sep) { return partition_impl(s, sep, 1); }

static TnObject *str_join(TnObject *s, TnObject *it) { return tn_str_join(s, it); }

/* ---- strip -------------------------------------------------------------- */

static int in_chars(TnObject *chars, uint32_t cp)
{
    const char *p = DATA(chars), *end = p + SIZE(chars);
    while (p < end) {
        int n;
        if (tn_utf8_decode(p, &n) == cp)
            return 1;
        p += n;
    }
    return 0;
}

static TnObject *strip_impl(TnObject *s, TnObject *const *args, size_t nargs, const char *name,
                            int left, int right)
{
    if (tn_check_nargs(name, nargs, 0, 1) < 0)
        return NULL;
    TnObject *chars = nargs ? args[0] : tn_None;
    if (chars != tn_None && !tn_str_check(chars))
        return tn_err_format(&tn_exc_TypeError, "%s arg must be None or str", name);
    const char *d = DATA(s);
    tn_ssize_t i = 0, e = SIZE(s), st;
    int n;
    if (left)
        while (i < e) {
            int hit;
            if (chars == tn_None)
                hit = space_at(d + i, &n);
            else
                hit = in_chars(chars, tn_utf8_decode(d + i, &n));
            if (!hit)
                break;
            i += n;
        }
    if (right)
        while (e > i) {
            int hit;
            if (chars == tn_None)
                hit = space_before(d, e, &st);
            else {
                st = e - 1;
                while (st > 0 && ((unsigned char)d[st] & 0xC0) == 0x80)
                    st--;
                hit = in_chars(chars, tn_utf8_decode(d + st, &n));
            }
            if (!hit)
                break;
            e = st;
        }
    return sub_bytes(s, i, e);
}

static TnObject *str_strip(TnObject *s, TnObject *const *a, size_t n) { return strip_impl(s, a, n, "strip", 1, 1); }
static TnObject *str_lstrip(TnObject *s, TnObject *const *a, size_t n) { return strip_impl(s, a, n, "lstrip", 1, 0); }
static TnObject *str_rstrip(TnObject *s, TnObject *const *a, size_t n) { return strip_impl(s, a, n, "rstrip", 0, 1); }

static TnObject *affix_remove(TnObject *s, TnObject *a, const char *name, int suffix)
{
    if (!tn_str_check(a))
        return tn_err_format(&tn_exc_TypeError, "%s() argument must be str, not %.100s",
                             name, TN_TYPE(a)->tp_name);
    tn_ssize_t n = SIZE(a);
    if (n && n <= SIZE(s)) {
        if (!suffix && memcmp(DATA(s), DATA(a), (size_t)n) == 0)
            return sub_bytes(s, n, SIZE(s));
        if (suffix && memcmp(DATA(s) + SIZE(s) - n, DATA(a), (size_t)n) == 0)
            return sub_bytes(s, 0, SIZE(s) - n);
    }
    return sub_bytes(s, 0, SIZE(s));
}

static TnObject *str_removeprefix(TnObject *s, TnObject *a) { return affix_remove(s, a, "removeprefix", 0); }
static TnObject *str_removesuffix(TnObject *s, TnObject *a) { return affix_remove(s, a, "removesuffix", 1); }

/* ---- case mapping ------------------------------------------------------- */

static int is_cased(uint32_t cp) { return tn_unicode_iscased(cp); }

/* CPython's Final_Sigma rule for U+03A3 at code point position `pos`. */
static uint32_t lower_sigma(const char *d, tn_ssize_t size, tn_ssize_t boff, int n)
{
    tn_ssize_t j = boff;
    uint32_t c = 0;
    int found = 0;
    while (j > 0) {
        j--;
        while (j > 0 && ((unsigned char)d[j] & 0xC0) == 0x80)
            j--;
        int k;
        c = tn_utf8_decode(d + j, &k);
        if (!tn_unicode_iscase_ignorable(c)) {
            found = is_cased(c);
            break;
        }
    }
    if (!found)
        return 0x3C3;
    j = boff + n;
    while (j < size) {
        int k;
        c = tn_utf8_decode(d + j, &k);
        if (!tn_unicode_iscase_ignorable(c))
            return is_cased(c) ? 0x3C3 : 0x3C2;
        j += k;
    }
    return 0x3C2;
}

static int append_mapped(TnStrBuilder *b, const char *d, tn_ssize_t size, tn_ssize_t off, int n,
                         uint32_t cp, int kind)
{
    if (kind == 0 && cp == 0x3A3)
        return tn_sb_append_char(b, lower_sigma(d, size, off, n));
    uint32_t out[3];
    int k = tn_unicode_case_full(cp, kind, out);
    for (int i = 0; i < k; i++)
        if (tn_sb_append_char(b, out[i]) < 0)
            return -1;
    return 0;
}

enum { CASE_LOWER, CASE_UPPER, CASE_TITLE, CASE_FOLD, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLEWORDS };

static TnObject *case_impl(TnObject *s, int mode)
{
    const char *d = DATA(s);
    tn_ssize_t size = SIZE(s);
    if (IS_ASCII(s)) {
        TnObject *r = tn_str_new_raw(size, size);
        if (!r)
            return NULL;
        char *o = TN_STR_DATA(r);
        int prev_cased = 0;
        /* The common cases get a loop without the per-character switch. */
        if (mode == CASE_LOWER || mode == CASE_FOLD) {
            for (tn_ssize_t i = 0; i < size; i++) {
                char c = d[i];
                o[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
        } else if (mode == CASE_UPPER) {
            for (tn_ssize_t i = 0; i < size; i++) {
                char c = d[i];
                o[i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
            }
        } else for (tn_ssize_t i = 0; i < size; i++) {
            char c = d[i];
            int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            int to_upper;
            switch (mode) {
            case CASE_UPPER: to_upper = 1; break;
            case CASE_SWAP: to_upper = lo; break;
            case CASE_CAPITALIZE: to_upper = i == 0; break;
            case CASE_TITLEWORDS: to_upper = !prev_cased; break;
            default: to_upper = 0; break;
            }
            if (to_upper && lo)
                c = (char)(c - 32);
            else if (!to_upper && up)
                c = (char)(c + 32);
            prev_cased = up || lo;
            o[i] = c;
        }
        if (size <= 1) {
            TnObject *one = tn_str_from_ascii(o, size);
            tn_decref(r);
            return one;
        }
        return r;
    }
    TnStrBuilder b;
    tn_sb_init(&b);
    int prev_cased = 0;
    tn_ssize_t i = 0;
    while (i < size) {
        int n, rc;
        uint32_t cp = tn_utf8_decode(d + i, &n);
        switch (mode) {
        case CASE_LOWER: rc = append_mapped(&b, d, size, i, n, cp, 0); break;
        case CASE_UPPER: rc = append_mapped(&b, d, size, i, n, cp, 1); break;
        case CASE_FOLD: rc = append_mapped(&b, d, size, i, n, cp, 3); break;
        case CASE_SWAP:
            if (tn_unicode_isupper(cp))
                rc = append_mapped(&b, d, size, i, n, cp, 0);
            else if (tn_unicode_islower(cp))
                rc = append_mapped(&b, d, size, i, n, cp, 1);
            else
                rc = tn_sb_append_char(&b, cp);
            break;
        case CASE_CAPITALIZE:
            rc = append_mapped(&b, d, size, i, n, cp, i == 0 ? 2 : 0);
            break;
        default: /* CASE_TITLEWORDS */
            rc = append_mapped(&b, d, size, i, n, cp, prev_cased ? 0 : 2);
            prev_cased = is_cased(cp);
            break;
        }
        if (rc < 0) {
            tn_sb_discard(&b);
            return NULL;
        }
        i += n;
    }
    return tn_sb_finish(&b);
}

static TnObject *str_lower(TnObject *s, TnObject *u) { return case_impl(s, CASE_LOWER); }
static TnObject *str_upper(TnObject *s, TnObject *u) { return case_impl(s, CASE_UPPER); }
static TnObject *str_casefold(TnObject *s, TnObject *u) { return case_impl(s, CASE_FOLD); }
static TnObject *str_swapcase(TnObject *s, TnObject *u) { return case_impl(s, CASE_SWAP); }
static TnObject *str_capitalize(TnObject *s, TnObject *u) { return case_impl(s, CASE_CAPITALIZE); }
static TnObject *str_title(TnObject *s, TnObject *u) { return case_impl(s, CASE_TITLEWORDS); }

/* ---- predicates --------------------------------------------------------- */

typedef int (*cp_pred)(uint32_t);

static TnObject *all_chars(TnObject *s, cp_pred pred)
{
    if (SIZE(s) == 0)
        return tn_bool_from(0);
    const char *p = DATA(s), *end = p + SIZE(s);
    while (p < end) {
        int n;
        if (!pred(tn_utf8_decode(p, &n)))
            return tn_bool_from(0);
        p += n;
    }
    return tn_bool_from(1);
}

static TnObject *str_isalnum(TnObject *s, TnObject *u) { return all_chars(s, tn_unicode_isalnum); }
static TnObject *str_isalpha(TnObject *s, TnObject *u) { return all_chars(s, tn_unicode_isalpha); }
static TnObject *str_isdecimal(TnObject *s, TnObject *u) { return all_chars(s, tn_unicode_isdecimal); }
static TnObject *str_isdigit(TnObject *s, TnObject *u) { return all_chars(s, tn_unicode_isdigit); }
static TnObject *str_isnumeric(TnObject *s, TnObject *u) { return all_chars(s, tn_unicode_isnumeric); }
static TnObject *str_isspace(TnObject *s, TnObject *u) { return all_chars(s, tn_unicode_isspace); }
static TnObject *str_isascii(TnObject *s, TnObject *u) { return tn_bool_from(IS_ASCII(s)); }

static TnObject *str_isprintable(TnObject *s, TnObject *u)
{
    return SIZE(s) == 0 ? tn_bool_from(1) : all_chars(s, tn_unicode_isprintable);
}

int tn_str_isidentifier(TnObject *s)
{
    const char *p = DATA(s), *end = p + SIZE(s);
    if (p == end)
        return 0;
    int n;
    if (!tn_unicode_is_xid_start(tn_utf8_decode(p, &n)))
        return 0;
    for (p += n; p < end; p += n)
        if (!tn_unicode_is_xid_continue(tn_utf8_decode(p, &n)))
            return 0;
    return 1;
}

static TnObject *str_isidentifier(TnObject *s, TnObject *u) { return tn_bool_from(tn_str_isidentifier(s)); }

static TnObject *case_pred(TnObject *s, int want_lower)
{
    const char *p = DATA(s), *end = p + SIZE(s);
    int cased = 0;
    while (p < end) {
        int n;
        uint32_t cp = tn_utf8_decode(p, &n);
        int lo = tn_unicode_islower(cp), up = tn_unicode_isupper(cp) || tn_unicode_istitle(cp);
        if (want_lower ? up : (lo || tn_unicode_istitle(cp)))
            return tn_bool_from(0);
        if (want_lower ? lo : tn_unicode_isupper(cp))
            cased = 1;
        p += n;
    }
    return tn_bool_from(cased);
}

static TnObject *str_islower(TnObject *s, TnObject *u) { return case_pred(s, 1); }
static TnObject *str_isupper(TnObject *s, TnObject *u) { return case_pred(s, 0); }

static TnObject *str_istitle(TnObject *s, TnObject *u)
{
    const char *p = DATA(s), *end = p + SIZE(s);
    int cased = 0, prev = 0;
    while (p < end) {
        int n;
        uint32_t cp = tn_utf8_decode(p, &n);
        if (tn_unicode_isupper(cp) || tn_unicode_istitle(cp)) {
            if (prev)
                return tn_bool_from(0);
            prev = cased = 1;
        } else if (tn_unicode_islower(cp)) {
            if (!prev)
                return tn_bool_from(0);
            prev = cased = 1;
        } else {
            prev = 0;
        }
        p += n;
    }
    return tn_bool_from(cased);
}

/* ---- padding ------------------------------------------------------------ */

TnObject *tn_str_pad(TnObject *s, tn_ssize_t width, uint32_t fill, char align)
{
    tn_ssize_t len = LEN(s);
    if (width <= len)
        return sub_bytes(s, 0, SIZE(s));
    tn_ssize_t marg = width - len, left;
    if (align == '<')
        left = 0;
    else if (align == '>')
        left = marg;
    else if (align == 'C')
        left = marg / 2 + (marg & width & 1);   /* str.center's rounding */
    else
        left = marg / 2;                          /* format()'s '^' */
    char fb[4];
    int fn = tn_utf8_encode(fill, fb);
    TnObject *r = tn_str_new_raw(SIZE(s) + marg * fn, width);
    if (!r)
        return NULL;
    char *o = TN_STR_DATA(r);
    for (tn_ssize_t i = 0; i < left; i++, o += fn)
        memcpy(o, fb, (size_t)fn);
    memcpy(o, DATA(s), (size_t)SIZE(s));
    o += SIZE(s);
    for (tn_ssize_t i = 0; i < marg - left; i++, o += fn)
        memcpy(o, fb, (size_t)fn);
    return r;
}

static TnObject *pad_impl(TnObject *s, TnObject *const *args, size_t nargs, const char *name, char align)
{
    if (tn_check_nargs(name, nargs, 1, 2) < 0)
        return NULL;
    if (tn_float_check(args[0]) || !TN_TYPE(args[0])->nb_index)
        return tn_err_format(&tn_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                             TN_TYPE(args[0])->tp_name);
    tn_ssize_t width = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (width == -1 && tn_err_occurred())
        return NULL;
    uint32_t fill = ' ';
    if (nargs > 1) {
        if (!tn_str_check(args[1]))
            return tn_err_format(&tn_exc_TypeError,
                                 "%s() argument 2 must be str of length 1, not %.100s",
                                 name, TN_TYPE(args[1])->tp_name);
        if (LEN(args[1]) != 1)
            return tn_err_format(&tn_exc_TypeError,
                                 "The fill character must be exactly one character long");
        fill = tn_str_char_at(args[1], 0);
    }
    return tn_str_pad(s, width, fill, align);
}

static TnObject *str_center(TnObject *s, TnObject *const *a, size_t n) { return pad_impl(s, a, n, "center", 'C'); }
static TnObject *str_ljust(TnObject *s, TnObject *const *a, size_t n) { return pad_impl(s, a, n, "ljust", '<'); }
static TnObject *str_rjust(TnObject *s, TnObject *const *a, size_t n) { return pad_impl(s, a, n, "rjust", '>'); }

static TnObject *str_zfill(TnObject *s, TnObject *w)
{
    if (tn_float_check(w) || !TN_TYPE(w)->nb_index)
        return tn_err_format(&tn_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                             TN_TYPE(w)->tp_name);
    tn_ssize_t width = tn_number_as_ssize(w, &tn_exc_OverflowError);
    if (width == -1 && tn_err_occurred())
        return NULL;
    if (width <= LEN(s))
        return sub_bytes(s, 0, SIZE(s));
    TnObject *r = tn_str_pad(s, width, '0', '>');
    if (!r)
        return NULL;
    char *o = TN_STR_DATA(r);
    tn_ssize_t fillc = width - LEN(s);
    if (SIZE(s) && (DATA(s)[0] == '+' || DATA(s)[0] == '-')) {
        o[0] = DATA(s)[0];
        o[fillc] = '0';
    }
    return r;
}

static TnObject *str_expandtabs(TnObject *s, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = {"tabsize", NULL};
    TnObject *ts = NULL;
    if (tn_parse_args("expandtabs", args, nargs, kwnames, kwlist, 1, 0, &ts) < 0)
        return NULL;
    tn_ssize_t tabsize = 8;
    if (ts) {
        if (tn_float_check(ts) || !TN_TYPE(ts)->nb_index)
            return tn_err_format(&tn_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                 TN_TYPE(ts)->tp_name);
        tabsize = tn_number_as_ssize(ts, &tn_exc_OverflowError);
        if (tabsize == -1 && tn_err_occurred())
            return NULL;
    }
    TnStrBuilder b;
    tn_sb_init(&b);
    const char *p = DATA(s), *end = p + SIZE(s);
    tn_ssize_t col = 0;
    while (p < end) {
        int n;
        uint32_t cp = tn_utf8_decode(p, &n);
        int rc = 0;
        if (cp == '\t') {
            if (tabsize > 0) {
                tn_ssize_t k = tabsize - col % tabsize;
                col += k;
                while (k-- > 0 && rc == 0)
                    rc = tn_sb_append(&b, " ", 1);
            }
        } else {
            col = (cp == '\n' || cp == '\r') ? 0 : col + 1;
            rc = tn_sb_append(&b, p, n);
        }
        if (rc < 0) {
            tn_sb_discard(&b);
            return NULL;
        }
        p += n;
    }
    return tn_sb_finish(&b);
}

/* ---- translate / maketrans --------------------------------------------- */

static TnObject *str_translate(TnObject *s, TnObject *table)
{
    TnStrBuilder b;
    tn_sb_init(&b);
    const char *p = DATA(s), *end = p + SIZE(s);
    while (p < end) {
        int n;
        uint32_t cp = tn_utf8_decode(p, &n);
        TnObject *key = tn_int_from_i64(cp);
        if (!key)
            goto error;
        TnObject *v = tn_object_getitem(table, key);
        tn_decref(key);
        int rc = 0;
        if (!v) {
            if (!tn_err_matches(&tn_exc_LookupError))
                goto error;
            tn_err_clear();
            rc = tn_sb_append(&b, p, n);
        } else if (v == tn_None) {
            /* deleted */
        } else if (tn_int_check(v)) {
            int64_t c = tn_int_as_i64(v);
            if ((c == -1 && tn_err_occurred()) || c < 0 || c > 0x10FFFF) {
                tn_err_clear();
                tn_decref(v);
                tn_err_format(&tn_exc_ValueError, "character mapping must be in range(0x110000)");
                goto error;
            }
            rc = tn_sb_append_char(&b, (uint32_t)c);
        } else if (tn_str_check(v)) {
            rc = tn_sb_append_str(&b, v);
        } else {
            tn_decref(v);
            tn_err_format(&tn_exc_TypeError, "character mapping must return integer, None or str");
            goto error;
        }
        TN_XDECREF(v);
        if (rc < 0)
            goto error;
        p += n;
    }
    return tn_sb_finish(&b);
error:
    tn_sb_discard(&b);
    return NULL;
}

static TnObject *str_maketrans(TnObject *unused, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("maketrans", nargs, 1, 3) < 0)
        return NULL;
    TnObject *d = tn_dict_new(), *k = NULL, *v = NULL;
    if (!d)
        return NULL;
    if (nargs == 1) {
        TnObject *x = args[0];
        if (!tn_dict_check(x)) {
            tn_err_format(&tn_exc_TypeError, "if you give only one argument to maketrans it must be a dict");
            goto error;
        }
        tn_ssize_t pos = 0;
        while (tn_dict_next(x, &pos, &k, &v)) {
            if (tn_str_check(k)) {
                if (LEN(k) != 1) {
                    tn_err_format(&tn_exc_ValueError, "string keys in translate table must be of length 1");
                    goto error;
                }
                TnObject *ik = tn_int_from_i64(tn_str_char_at(k, 0));
                if (!ik || tn_dict_setitem(d, ik, v) < 0) {
                    TN_XDECREF(ik);
                    goto error;
                }
                tn_decref(ik);
            } else if (tn_int_check(k)) {
                if (tn_dict_setitem(d, k, v) < 0)
                    goto error;
            } else {
                tn_err_format(&tn_exc_TypeError, "keys in translate table must be strings or integers");
                goto error;
            }
            TN_CLEAR(k);
            TN_CLEAR(v);
        }
        return d;
    }
    for (size_t i = 0; i < nargs; i++)
        if (!tn_str_check(args[i])) {
            tn_err_format(&tn_exc_TypeError, "maketrans() argument %d must be str, not %.100s",
                          (int)i + 1, TN_TYPE(args[i])->tp_name);
            goto error;
        }
    if (LEN(args[0]) != LEN(args[1])) {
        tn_err_format(&tn_exc_ValueError, "the first two maketrans arguments must have equal length");
        goto error;
    }
    for (tn_ssize_t i = 0; i < LEN(args[0]); i++) {
        k = tn_int_from_i64(tn_str_char_at(args[0], i));
        v = tn_int_from_i64(tn_str_char_at(args[1], i));
        if (!k || !v || tn_dict_setitem(d, k, v) < 0)
            goto error;
        TN_CLEAR(k);
        TN_CLEAR(v);
    }
    if (nargs == 3)
        for (tn_ssize_t i = 0; i < LEN(args[2]); i++) {
            k = tn_int_from_i64(tn_str_char_at(args[2], i));
            if (!k || tn_dict_setitem(d, k, tn_None) < 0)
                goto error;
            TN_CLEAR(k);
        }
    return d;
error:
    TN_XDECREF(k);
    TN_XDECREF(v);
    tn_decref(d);
    return NULL;
}

/* ---- encode, format ----------------------------------------------------- */

static TnObject *str_encode(TnObject *s, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    TnObject *vals[2] = {NULL, NULL};
    if (tn_parse_args("encode", args, nargs, kwnames, kwlist, 2, 0, vals) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (vals[i] && !tn_str_check(vals[i]))
            return tn_err_format(&tn_exc_TypeError, "encode() argument '%s' must be str, not %.100s",
                                 kwlist[i], TN_TYPE(vals[i])->tp_name);
    return tn_str_encode(s, vals[0] ? DATA(vals[0]) : "utf-8", vals[1] ? DATA(vals[1]) : "strict");
}

static TnObject *str_format_meth(TnObject *s, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return tn_str_format(s, args, nargs, kwnames);
}

static TnObject *str_format_map(TnObject *s, TnObject *m) { return tn_str_format_map(s, m); }

static TnObject *str_dunder_format(TnObject *s, TnObject *spec)
{
    if (!tn_str_check(spec))
        return tn_err_format(&tn_exc_TypeError, "__format__() argument must be str, not %.100s",
                             TN_TYPE(spec)->tp_name);
    return tn_str_format_spec(s, spec);
}

static TnObject *str_getnewargs(TnObject *s, TnObject *u)
{
    TnObject *copy = tn_str_from_utf8_trusted(DATA(s), SIZE(s));
    if (!copy)
        return NULL;
    TnObject *t = tn_tuple_pack(1, copy);
    tn_decref(copy);
    return t;
}

static TnObject *str_sizeof(TnObject *s, TnObject *u)
{
    return tn_int_from_i64((int64_t)(sizeof(TnStr) + (size_t)SIZE(s) + 1));
}

const TnMethodDef tn_str_methods[] = {
    {"capitalize", (void *)str_capitalize, TN_METH_NOARGS, NULL},
    {"casefold", (void *)str_casefold, TN_METH_NOARGS, NULL},
    {"center", (void *)str_center, TN_METH_FAST, NULL},
    {"count", (void *)str_count, TN_METH_FAST, NULL},
    {"encode", (void *)str_encode, TN_METH_FASTKW, NULL},
    {"endswith", (void *)str_endswith, TN_METH_FAST, NULL},
    {"expandtabs", (void *)str_expandtabs, TN_METH_FASTKW, NULL},
    {"find", (void *)str_find, TN_METH_FAST, NULL},
    {"format", (void *)str_format_meth, TN_METH_FASTKW, NULL},
    {"format_map", (void *)str_format_map, TN_METH_O, NULL},
    {"index", (void *)str_index, TN_METH_FAST, NULL},
    {"isalnum", (void *)str_isalnum, TN_METH_NOARGS, NULL},
    {"isalpha", (void *)str_isalpha, TN_METH_NOARGS, NULL},
    {"isascii", (void *)str_isascii, TN_METH_NOARGS, NULL},
    {"isdecimal", (void *)str_isdecimal, TN_METH_NOARGS, NULL},
    {"isdigit", (void *)str_isdigit, TN_METH_NOARGS, NULL},
    {"isidentifier", (void *)str_isidentifier, TN_METH_NOARGS, NULL},
    {"islower", (void *)str_islower, TN_METH_NOARGS, NULL},
    {"isnumeric", (void *)str_isnumeric, TN_METH_NOARGS, NULL},
    {"isprintable", (void *)str_isprintable, TN_METH_NOARGS, NULL},
    {"isspace", (void *)str_isspace, TN_METH_NOARGS, NULL},
    {"istitle", (void *)str_istitle, TN_METH_NOARGS, NULL},
    {"isupper", (void *)str_isupper, TN_METH_NOARGS, NULL},
    {"join", (void *)str_join, TN_METH_O, NULL},
    {"ljust", (void *)str_ljust, TN_METH_FAST, NULL},
    {"lower", (void *)str_lower, TN_METH_NOARGS, NULL},
    {"lstrip", (void *)str_lstrip, TN_METH_FAST, NULL},
    {"maketrans", (void *)str_maketrans, TN_METH_FAST | TN_METH_STATIC, NULL},
    {"partition", (void *)str_partition, TN_METH_O, NULL},
    {"removeprefix", (void *)str_removeprefix, TN_METH_O, NULL},
    {"removesuffix", (void *)str_removesuffix, TN_METH_O, NULL},
    {"replace", (void *)str_replace, TN_METH_FAST, NULL},
    {"rfind", (void *)str_rfind, TN_METH_FAST, NULL},
    {"rindex", (void *)str_rindex, TN_METH_FAST, NULL},
    {"rjust", (void *)str_rjust, TN_METH_FAST, NULL},
    {"rpartition", (void *)str_rpartition, TN_METH_O, NULL},
    {"rsplit", (void *)str_rsplit, TN_METH_FASTKW, NULL},
    {"rstrip", (void *)str_rstrip, TN_METH_FAST, NULL},
    {"split", (void *)str_split, TN_METH_FASTKW, NULL},
    {"splitlines", (void *)str_splitlines, TN_METH_FASTKW, NULL},
    {"startswith", (void *)str_startswith, TN_METH_FAST, NULL},
    {"strip", (void *)str_strip, TN_METH_FAST, NULL},
    {"swapcase", (void *)str_swapcase, TN_METH_NOARGS, NULL},
    {"title", (void *)str_title, TN_METH_NOARGS, NULL},
    {"translate", (void *)str_translate, TN_METH_O, NULL},
    {"upper", (void *)str_upper, TN_METH_NOARGS, NULL},
    {"zfill", (void *)str_zfill, TN_METH_O, NULL},
    {"__format__", (void *)str_dunder_format, TN_METH_O, NULL},
    {"__getnewargs__", (void *)str_getnewargs, TN_METH_NOARGS, NULL},
    {"__sizeof__", (void *)str_sizeof, TN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};
