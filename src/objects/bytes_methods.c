/* Methods shared by bytes and bytearray. Each works on the borrowed buffer
 * of `self` and builds its result with the type of `self` (bytes methods
 * return bytes, bytearray methods return bytearray), as CPython does. */
#include <ctype.h>
#include <limits.h>
#include <string.h>
#include "str_internal.h"

int tn_bytes_contains_impl(const char *d, tn_ssize_t n, TnObject *x);

static TnObject *make(TnObject *self, const char *d, tn_ssize_t n)
{
    if (tn_bytearray_check(self))
        return tn_bytearray_from_data(d, n);
    return tn_bytes_from_data(d, n);
}

#define BUF(self, d, n) const char *d; tn_ssize_t n; tn_bytes_like_get(self, &d, &n)

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}

/* A "sub" argument: bytes-like, or an int 0..255 when allow_int. */
static int get_sub(TnObject *o, const char **d, tn_ssize_t *n, char *one, int allow_int)
{
    if (allow_int && tn_int_check(o)) {
        int64_t v = tn_int_as_i64(o);
        if ((v == -1 && tn_err_occurred()) || v < 0 || v > 255) {
            tn_err_clear();
            tn_err_format(&tn_exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *one = (char)v;
        *d = one;
        *n = 1;
        return 0;
    }
    if (tn_bytes_like_get(o, d, n) < 0) {
        tn_err_clear();
        if (allow_int)
            tn_err_format(&tn_exc_TypeError, "argument should be integer or bytes-like object, not '%.200s'",
                          TN_TYPE(o)->tp_name);
        else
            tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%.200s'",
                          TN_TYPE(o)->tp_name);
        return -1;
    }
    return 0;
}

/* Arity check in PyArg_ParseTuple's words, which CPython 3.11 still uses for
 * find/count/index/startswith ("find() takes at least 1 argument (0 given)");
 * tn_check_nargs speaks Argument Clinic's ("f expected at least ..."). */
static int check_nargs_tuple(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    size_t lim = nargs < min ? min : max;
    tn_err_format(&tn_exc_TypeError, "%s() takes at %s %zu argument%s (%zu given)", name,
                  nargs < min ? "least" : "most", lim, lim == 1 ? "" : "s", nargs);
    return -1;
}

static const char *rmemmem(const char *h, tn_ssize_t hn, const char *s, tn_ssize_t sn)
{
    if (sn == 0)
        return h + hn;
    for (tn_ssize_t i = hn - sn; i >= 0; i--)
        if (memcmp(h + i, s, (size_t)sn) == 0)
            return h + i;
    return NULL;
}

/* find/rfind/index/rindex/count: -2 error, -1 not found */
static tn_ssize_t find_impl(TnObject *self, TnObject *const *args, size_t nargs, const char *name,
                            int dir, tn_ssize_t *count_out)
{
    if (check_nargs_tuple(name, nargs, 1, 3) < 0)
        return -2;
    BUF(self, d, n);
    const char *s;
    tn_ssize_t sn, start = 0, end = INTPTR_MAX;
    char one;
    if (get_sub(args[0], &s, &sn, &one, 1) < 0)
        return -2;
    if (nargs > 1 && tn_str_index_arg(args[1], &start) < 0)
        return -2;
    if (nargs > 2 && tn_str_index_arg(args[2], &end) < 0)
        return -2;
    tn_str_adjust(n, &start, &end);
    if (count_out) {
        tn_ssize_t c = 0;
        if (start > n || end < start) { *count_out = 0; return 0; }
        if (sn == 0) { *count_out = end - start + 1; return 0; }
        const char *p = d + start, *e = d + end;
        while (p <= e - sn) {
            const char *f = memmem(p, (size_t)(e - p), s, (size_t)sn);
            if (!f) break;
            c++;
            p = f + sn;
        }
        *count_out = c;
        return 0;
    }
    if (start > n || end - start < sn)
        return -1;
    const char *f = dir > 0 ? (sn ? memmem(d + start, (size_t)(end - start), s, (size_t)sn) : d + start)
                            : rmemmem(d + start, end - start, s, sn);
    return f ? f - d : -1;
}

static TnObject *b_find(TnObject *self, TnObject *const *a, size_t n)
{
    tn_ssize_t r = find_impl(self, a, n, "find", 1, NULL);
    return r == -2 ? NULL : tn_int_from_i64(r);
}
static TnObject *b_rfind(TnObject *self, TnObject *const *a, size_t n)
{
    tn_ssize_t r = find_impl(self, a, n, "rfind", -1, NULL);
    return r == -2 ? NULL : tn_int_from_i64(r);
}
static TnObject *b_index(TnObject *self, TnObject *const *a, size_t n)
{
    tn_ssize_t r = find_impl(self, a, n, "index", 1, NULL);
    if (r == -1)
        return tn_err_format(&tn_exc_ValueError, "subsection not found");
    return r == -2 ? NULL : tn_int_from_i64(r);
}
static TnObject *b_rindex(TnObject *self, TnObject *const *a, size_t n)
{
    tn_ssize_t r = find_impl(self, a, n, "rindex", -1, NULL);
    if (r == -1)
        return tn_err_format(&tn_exc_ValueError, "subsection not found");
    return r == -2 ? NULL : tn_int_from_i64(r);
}
static TnObject *b_count(TnObject *self, TnObject *const *a, size_t n)
{
    tn_ssize_t c;
    if (find_impl(self, a, n, "count", 1, &c) == -2)
        return NULL;
    return tn_int_from_i64(c);
}

static TnObject *affix(TnObject *self, TnObject *const *args, size_t nargs, const char *name, int suffix)
{
    if (check_nargs_tuple(name, nargs, 1, 3) < 0)
        return NULL;
    BUF(self, d, n);
    tn_ssize_t start = 0, end = INTPTR_MAX;
    if (nargs > 1 && tn_str_index_arg(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && tn_str_index_arg(args[2], &end) < 0)
        return NULL;
    tn_str_adjust(n, &start, &end);
    TnObject *x = args[0];
    tn_ssize_t cnt = tn_tuple_check(x) ? TN_TUPLE_SIZE(x) : 1;
    for (tn_ssize_t i = 0; i < cnt; i++) {
        TnObject *e = tn_tuple_check(x) ? TN_TUPLE_GET(x, i) : x;
        const char *s;
        tn_ssize_t sn;
        if (tn_bytes_like_get(e, &s, &sn) < 0) {
            tn_err_clear();
            if (tn_tuple_check(x))
                return tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%.100s'",
                                     TN_TYPE(e)->tp_name);
            return tn_err_format(&tn_exc_TypeError,
                                 "%s first arg must be bytes or a tuple of bytes, not %.100s",
                                 name, TN_TYPE(e)->tp_name);
        }
        if (start > n || end - start < sn)
            continue;
        const char *at = suffix ? d + end - sn : d + start;
        if (memcmp(at, s, (size_t)sn) == 0)
            return tn_bool_from(1);
    }
    return tn_bool_from(0);
}

static TnObject *b_startswith(TnObject *s, TnObject *const *a, size_t n) { return affix(s, a, n, "startswith", 0); }
static TnObject *b_endswith(TnObject *s, TnObject *const *a, size_t n) { return affix(s, a, n, "endswith", 1); }

static TnObject *b_decode(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    TnObject *vals[2] = {NULL, NULL};
    if (tn_parse_args("decode", args, nargs, kwnames, kwlist, 2, 0, vals) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (vals[i] && !tn_str_check(vals[i]))
            return tn_err_format(&tn_exc_TypeError, "decode() argument '%s' must be str, not %.100s",
                                 kwlist[i], TN_TYPE(vals[i])->tp_name);
    return tn_bytes_decode(self, vals[0] ? TN_STR_DATA(vals[0]) : NULL,
                           vals[1] ? TN_STR_DATA(vals[1]) : NULL);
}

static TnObject *b_hex(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = {"sep", "bytes_per_sep", NULL};
    TnObject *vals[2] = {NULL, NULL};
    if (tn_parse_args("hex", args, nargs, kwnames, kwlist, 2, 0, vals) < 0)
        return NULL;
    BUF(self, d, n);
    char sep = 0;
    tn_ssize_t per = 1;
    if (vals[0]) {
        const char *sd;
        tn_ssize_t sl;
        if (tn_str_check(vals[0])) { sd = TN_STR_DATA(vals[0]); sl = TN_STR_LEN(vals[0]); }
        else if (tn_bytes_like_get(vals[0], &sd, &sl) < 0) return NULL;
        if (sl != 1)
            return tn_err_format(&tn_exc_ValueError, "sep must be length 1.");
        if ((unsigned char)sd[0] >= 128)
            return tn_err_format(&tn_exc_ValueError, "sep must be ASCII.");
        sep = sd[0];
    }
    if (vals[1]) {
        per = tn_number_as_ssize(vals[1], &tn_exc_OverflowError);
        if (per == -1 && tn_err_occurred())
            return NULL;
    }
    static const char hex[] = "0123456789abcdef";
    TnStrBuilder b;
    tn_sb_init(&b);
    tn_ssize_t ap = per < 0 ? -per : per;
    for (tn_ssize_t i = 0; i < n; i++) {
        /* sep groups count from the right for positive bytes_per_sep */
        if (sep && i > 0 && ap > 0) {
            tn_ssize_t k = per > 0 ? n - i : i;
            if (k % ap == 0 && tn_sb_append(&b, &sep, 1) < 0)
                goto error;
        }
        unsigned char c = (unsigned char)d[i];
        char h[2] = {hex[c >> 4], hex[c & 15]};
        if (tn_sb_append(&b, h, 2) < 0)
            goto error;
    }
    if (n == 0)
        return tn_newref(tn_str_empty());
    return tn_sb_finish(&b);
error:
    tn_sb_discard(&b);
    return NULL;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static TnObject *b_fromhex(TnObject *cls, TnObject *s)
{
    if (!tn_str_check(s))
        return tn_err_format(&tn_exc_TypeError, "fromhex() argument must be str, not %.100s",
                             TN_TYPE(s)->tp_name);
    const char *p = TN_STR_DATA(s);
    tn_ssize_t n = TN_STR_SIZE(s), i = 0;
    TnStrBuilder b;
    tn_sb_init(&b);
    while (i < n) {
        if (is_ws((unsigned char)p[i])) { i++; continue; }
        int hi = hexval(p[i]), lo = i + 1 < n ? hexval(p[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            tn_ssize_t pos = hi < 0 ? i : i + 1;
            tn_sb_discard(&b);
            return tn_err_format(&tn_exc_ValueError,
                                 "non-hexadecimal number found in fromhex() arg at position %zd",
                                 tn_utf8_count(p, pos));
        }
        char c = (char)(hi * 16 + lo);
        if (tn_sb_append(&b, &c, 1) < 0) {
            tn_sb_discard(&b);
            return NULL;
        }
        i += 2;
    }
    TnObject *r = (cls == (TnObject *)&tn_bytearray_type)
                      ? tn_bytearray_from_data(b.buf, b.len) : tn_bytes_from_data(b.buf ? b.buf : "", b.len);
    tn_sb_discard(&b);
    if (r && cls != (TnObject *)&tn_bytes_type && cls != (TnObject *)&tn_bytearray_type) {
        TnObject *sub = tn_call_one(cls, r);
        tn_decref(r);
        return sub;
    }
    return r;
}

static TnObject *b_join(TnObject *self, TnObject *iterable)
{
    BUF(self, d, n);
    TnObject *seq = tn_sequence_list(iterable);
    if (!seq)
        return NULL;
    TnStrBuilder b;
    tn_sb_init(&b);
    tn_ssize_t cnt = tn_list_size(seq);
    for (tn_ssize_t i = 0; i < cnt; i++) {
        TnObject *e = TN_LIST_ITEMS(seq)[i];
        const char *ed;
        tn_ssize_t en;
        if (tn_bytes_like_get(e, &ed, &en) < 0) {
            tn_err_clear();
            tn_err_format(&tn_exc_TypeError, "sequence item %zd: expected a bytes-like object, %.80s found",
                          i, TN_TYPE(e)->tp_name);
            goto error;
        }
        if ((i && tn_sb_append(&b, d, n) < 0) || tn_sb_append(&b, ed, en) < 0)
            goto error;
    }
    tn_decref(seq);
    TnObject *r = make(self, b.buf ? b.buf : "", b.len);
    tn_sb_discard(&b);
    return r;
error:
    tn_decref(seq);
    tn_sb_discard(&b);
    return NULL;
}

/* ASCII-only case mappings; other bytes pass through. */
enum { MAP_LOWER, MAP_UPPER, MAP_SWAPCASE, MAP_TITLE, MAP_CAPITALIZE };

static TnObject *map_bytes(TnObject *self, int mode)
{
    BUF(self, d, n);
    char *tmp = tn_mem_alloc((size_t)n + 1);
    if (!tmp)
        return NULL;
    int prev_cased = 0;     /* title: the previous byte was a letter */
    for (tn_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        int lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
        int to_up = mode == MAP_UPPER ? lo
                  : mode == MAP_SWAPCASE ? lo
                  : mode == MAP_TITLE ? lo && !prev_cased
                  : mode == MAP_CAPITALIZE ? lo && i == 0 : 0;
        int to_lo = mode == MAP_LOWER ? up
                  : mode == MAP_SWAPCASE ? up
                  : mode == MAP_TITLE ? up && prev_cased
                  : mode == MAP_CAPITALIZE ? up && i > 0 : 0;
        prev_cased = lo || up;
        tmp[i] = (char)(to_up ? c - 32 : to_lo ? c + 32 : c);
    }
    TnObject *r = make(self, tmp, n);
    tn_mem_free(tmp);
    return r;
}

static TnObject *b_lower(TnObject *s, TnObject *u) { return map_bytes(s, MAP_LOWER); }
static TnObject *b_upper(TnObject *s, TnObject *u) { return map_bytes(s, MAP_UPPER); }
static TnObject *b_swapcase(TnObject *s, TnObject *u) { return map_bytes(s, MAP_SWAPCASE); }
static TnObject *b_title(TnObject *s, TnObject *u) { return map_bytes(s, MAP_TITLE); }
static TnObject *b_capitalize(TnObject *s, TnObject *u) { return map_bytes(s, MAP_CAPITALIZE); }

static TnObject *pred(TnObject *self, int (*f)(int))
{
    BUF(self, d, n);
    if (n == 0)
        return tn_bool_from(0);
    for (tn_ssize_t i = 0; i < n; i++)
        if (!f((unsigned char)d[i]) || (unsigned char)d[i] >= 128)
            return tn_bool_from(0);
    return tn_bool_from(1);
}

static int ws_pred(int c) { return is_ws((unsigned char)c); }
static TnObject *b_isdigit(TnObject *s, TnObject *u) { return pred(s, isdigit); }
static TnObject *b_isalpha(TnObject *s, TnObject *u) { return pred(s, isalpha); }
static TnObject *b_isalnum(TnObject *s, TnObject *u) { return pred(s, isalnum); }
static TnObject *b_isspace(TnObject *s, TnObject *u) { return pred(s, ws_pred); }

static TnObject *b_isascii(TnObject *self, TnObject *u)
{
    BUF(self, d, n);
    for (tn_ssize_t i = 0; i < n; i++)
        if ((unsigned char)d[i] >= 128)
            return tn_bool_from(0);
    return tn_bool_from(1);
}

static TnObject *case_pred(TnObject *self, int want_lower)
{
    BUF(self, d, n);
    int cased = 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (want_lower ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z'))
            return tn_bool_from(0);
        if (want_lower ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z'))
            cased = 1;
    }
    return tn_bool_from(cased);
}
static TnObject *b_islower(TnObject *s, TnObject *u) { return case_pred(s, 1); }
static TnObject *b_isupper(TnObject *s, TnObject *u) { return case_pred(s, 0); }

static TnObject *b_replace(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("replace", nargs, 2, 3) < 0)
        return NULL;
    BUF(self, d, n);
    const char *od, *nd;
    tn_ssize_t on, nn, maxc = -1;
    char c1, c2;
    if (get_sub(args[0], &od, &on, &c1, 0) < 0 || get_sub(args[1], &nd, &nn, &c2, 0) < 0)
        return NULL;
    if (nargs > 2) {
        maxc = tn_number_as_ssize(args[2], NULL);
        if (maxc == -1 && tn_err_occurred())
            return NULL;
    }
    if (maxc < 0)
        maxc = INTPTR_MAX;
    TnStrBuilder b;
    tn_sb_init(&b);
    const char *p = d, *end = d + n;
    tn_ssize_t done = 0;
    while (done < maxc) {
        if (on == 0) {
            if (tn_sb_append(&b, nd, nn) < 0)
                goto error;
            done++;
            if (p >= end)
                break;
            if (tn_sb_append(&b, p, 1) < 0)
                goto error;
            p++;
            continue;
        }
        const char *f = memmem(p, (size_t)(end - p), od, (size_t)on);
        if (!f)
            break;
        if (tn_sb_append(&b, p, f - p) < 0 || tn_sb_append(&b, nd, nn) < 0)
            goto error;
        p = f + on;
        done++;
    }
    if (tn_sb_append(&b, p, end - p) < 0)
        goto error;
    TnObject *r = make(self, b.buf ? b.buf : "", b.len);
    tn_sb_discard(&b);
    return r;
error:
    tn_sb_discard(&b);
    return NULL;
}

static int add_piece(TnObject *list, TnObject *self, const char *p, tn_ssize_t n)
{
    TnObject *x = make(self, p, n);
    if (!x)
        return -1;
    int rc = tn_list_append(list, x);
    tn_decref(x);
    return rc;
}

static TnObject *split_impl(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames,
                            const char *name, int right)
{
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    TnObject *vals[2] = {tn_None, NULL};
    if (tn_parse_args(name, args, nargs, kwnames, kwlist, 2, 0, vals) < 0)
        return NULL;
    BUF(self, d, n);
    tn_ssize_t maxsplit = -1;
    if (vals[1]) {
        maxsplit = tn_number_as_ssize(vals[1], NULL);
        if (maxsplit == -1 && tn_err_occurred())
            return NULL;
    }
    if (maxsplit < 0)
        maxsplit = INTPTR_MAX;
    const char *sd = NULL;
    tn_ssize_t sn = 0;
    char one;
    if (vals[0] != tn_None) {
        if (get_sub(vals[0], &sd, &sn, &one, 0) < 0)
            return NULL;
        if (sn == 0)
            return tn_err_format(&tn_exc_ValueError, "empty separator");
    }
    TnObject *list = tn_list_new(0);
    if (!list)
        return NULL;
    if (!sd) {
        if (!right) {
            tn_ssize_t i = 0;
            while (i < n) {
                while (i < n && is_ws((unsigned char)d[i])) i++;
                if (i >= n) break;
                tn_ssize_t j = i;
                if (maxsplit-- <= 0) {
                    j = n;
                } else {
                    while (j < n && !is_ws((unsigned char)d[j])) j++;
                }
                if (add_piece(list, self, d + i, j - i) < 0) goto error;
                i = j;
                if (j >= n || maxsplit < 0) break;
            }
        } else {
            tn_ssize_t e = n;
            while (e > 0) {
                while (e > 0 && is_ws((unsigned char)d[e - 1])) e--;
                if (e <= 0) break;
                tn_ssize_t j = e;
                if (maxsplit-- <= 0) {
                    j = 0;
                } else {
                    while (j > 0 && !is_ws((unsigned char)d[j - 1])) j--;
                }
                if (add_piece(list, self, d + j, e - j) < 0) goto error;
                e = j;
                if (maxsplit < 0) break;
            }
            if (tn_list_reverse(list) < 0) goto error;
        }
        return list;
    }
    if (!right) {
        const char *p = d, *end = d + n;
        while (maxsplit-- > 0) {
            const char *f = memmem(p, (size_t)(end - p), sd, (size_t)sn);
            if (!f) break;
            if (add_piece(list, self, p, f - p) < 0) goto error;
            p = f + sn;
        }
        if (add_piece(list, self, p, end - p) < 0) goto error;
    } else {
        tn_ssize_t e = n;
        while (maxsplit-- > 0) {
            const char *f = rmemmem(d, e, sd, sn);
            if (!f) break;
            if (add_piece(list, self, f + sn, e - ((f - d) + sn)) < 0) goto error;
            e = f - d;
        }
        if (add_piece(list, self, d, e) < 0) goto error;
        if (tn_list_reverse(list) < 0) goto error;
    }
    return list;
error:
    tn_decref(list);
    return NULL;
}

static TnObject *b_split(TnObject *s, TnObject *const *a, size_t n, TnObject *k) { return split_impl(s, a, n, k, "split", 0); }
static TnObject *b_rsplit(TnObject *s, TnObject *const *a, size_t n, TnObject *k) { return split_impl(s, a, n, k, "rsplit", 1); }

static TnObject *strip_impl(TnObject *self, TnObject *const *args, size_t nargs, const char *name,
                            int left, int right)
{
    if (tn_check_nargs(name, nargs, 0, 1) < 0)
        return NULL;
    BUF(self, d, n);
    const char *cd = NULL;
    tn_ssize_t cn = 0;
    char one;
    if (nargs && args[0] != tn_None && get_sub(args[0], &cd, &cn, &one, 0) < 0)
        return NULL;
    tn_ssize_t i = 0, e = n;
#define STRIPPABLE(c) (cd ? memchr(cd, (c), (size_t)cn) != NULL : is_ws((unsigned char)(c)))
    if (left)
        while (i < e && STRIPPABLE(d[i])) i++;
    if (right)
        while (e > i && STRIPPABLE(d[e - 1])) e--;
#undef STRIPPABLE
    if (i == 0 && e == n && tn_bytes_check_exact(self))
        return tn_newref(self);
    return make(self, d + i, e - i);
}

static TnObject *b_strip(TnObject *s, TnObject *const *a, size_t n) { return strip_impl(s, a, n, "strip", 1, 1); }
static TnObject *b_lstrip(TnObject *s, TnObject *const *a, size_t n) { return strip_impl(s, a, n, "lstrip", 1, 0); }
static TnObject *b_rstrip(TnObject *s, TnObject *const *a, size_t n) { return strip_impl(s, a, n, "rstrip", 0, 1); }

static TnObject *partition_impl(TnObject *self, TnObject *sep, int right)
{
    BUF(self, d, n);
    const char *sd;
    tn_ssize_t sn;
    char one;
    if (get_sub(sep, &sd, &sn, &one, 0) < 0)
        return NULL;
    if (sn == 0)
        return tn_err_format(&tn_exc_ValueError, "empty separator");
    const char *f = right ? rmemmem(d, n, sd, sn) : memmem(d, (size_t)n, sd, (size_t)sn);
    TnObject *a, *m, *c;
    if (!f) {
        a = right ? make(self, "", 0) : make(self, d, n);
        m = make(self, "", 0);
        c = right ? make(self, d, n) : make(self, "", 0);
    } else {
        a = make(self, d, f - d);
        m = make(self, sd, sn);
        c = make(self, f + sn, n - (f - d) - sn);
    }
    TnObject *r = (a && m && c) ? tn_tuple_pack(3, a, m, c) : NULL;
    TN_XDECREF(a);
    TN_XDECREF(m);
    TN_XDECREF(c);
    return r;
}

static TnObject *b_partition(TnObject *s, TnObject *sep) { return partition_impl(s, sep, 0); }
static TnObject *b_rpartition(TnObject *s, TnObject *sep) { return partition_impl(s, sep, 1); }

static TnObject *pad_impl(TnObject *self, TnObject *const *args, size_t nargs, const char *name, char align)
{
    if (tn_check_nargs(name, nargs, 1, 2) < 0)
        return NULL;
    BUF(self, d, n);
    tn_ssize_t width = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (width == -1 && tn_err_occurred())
        return NULL;
    char fill = ' ';
    if (nargs > 1) {
        const char *fd;
        tn_ssize_t fn;
        if (tn_bytes_like_get(args[1], &fd, &fn) < 0 || fn != 1) {
            tn_err_clear();
            return tn_err_format(&tn_exc_TypeError,
                                 "%s() argument 2 must be a byte string of length 1, not %.100s",
                                 name, TN_TYPE(args[1])->tp_name);
        }
        fill = fd[0];
    }
    if (width <= n)
        return tn_bytes_check_exact(self) ? tn_newref(self) : make(self, d, n);
    tn_ssize_t marg = width - n, left = align == '<' ? 0 : align == '>' ? marg : marg / 2 + (marg & width & 1);
    char *tmp = tn_mem_alloc((size_t)width);
    if (!tmp)
        return NULL;
    memset(tmp, fill, (size_t)width);
    memcpy(tmp + left, d, (size_t)n);
    TnObject *r = make(self, tmp, width);
    tn_mem_free(tmp);
    return r;
}

static TnObject *b_center(TnObject *s, TnObject *const *a, size_t n) { return pad_impl(s, a, n, "center", '^'); }
static TnObject *b_ljust(TnObject *s, TnObject *const *a, size_t n) { return pad_impl(s, a, n, "ljust", '<'); }
static TnObject *b_rjust(TnObject *s, TnObject *const *a, size_t n) { return pad_impl(s, a, n, "rjust", '>'); }

static TnObject *b_zfill(TnObject *self, TnObject *w)
{
    BUF(self, d, n);
    tn_ssize_t width = tn_number_as_ssize(w, &tn_exc_OverflowError);
    if (width == -1 && tn_err_occurred())
        return NULL;
    if (width <= n)
        return tn_bytes_check_exact(self) ? tn_newref(self) : make(self, d, n);
    char *tmp = tn_mem_alloc((size_t)width);
    if (!tmp)
        return NULL;
    tn_ssize_t fill = width - n;
    memset(tmp, '0', (size_t)fill);
    memcpy(tmp + fill, d, (size_t)n);
    if (n && (d[0] == '+' || d[0] == '-')) {
        tmp[0] = d[0];
        tmp[fill] = '0';
    }
    TnObject *r = make(self, tmp, width);
    tn_mem_free(tmp);
    return r;
}

/* ---- case, tabs, lines, translation (CPython's bytes_methods.c) ------- */

static int is_lo(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_up(unsigned char c) { return c >= 'A' && c <= 'Z'; }

static TnObject *b_istitle(TnObject *self, TnObject *u)
{
    BUF(self, d, n);
    int cased = 0, prev_cased = 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (is_up(c)) {
            if (prev_cased)
                return tn_bool_from(0);
            prev_cased = cased = 1;
        } else if (is_lo(c)) {
            if (!prev_cased)
                return tn_bool_from(0);
            prev_cased = cased = 1;
        } else {
            prev_cased = 0;
        }
    }
    return tn_bool_from(cased);
}

/* An argument CPython converts with _PyLong_AsInt: __index__, then C int range. */
static int as_c_int(TnObject *o, int *out)
{
    tn_ssize_t v = tn_number_as_ssize(o, NULL);   /* clamps huge values */
    if (v == -1 && tn_err_occurred())
        return -1;
    if (v > INT_MAX || v < INT_MIN) {
        tn_err_format(&tn_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static TnObject *b_expandtabs(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = {"tabsize", NULL};
    TnObject *vals[1] = {NULL};
    if (tn_parse_args("expandtabs", args, nargs, kwnames, kwlist, 1, 0, vals) < 0)
        return NULL;
    int tabsize = 8;
    if (vals[0] && as_c_int(vals[0], &tabsize) < 0)
        return NULL;
    BUF(self, d, n);
    /* First pass sizes the result so the overflow check happens up front. */
    tn_ssize_t total = 0, col = 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        tn_ssize_t add = 1;
        if (d[i] == '\t') {
            add = tabsize > 0 ? tabsize - col % tabsize : 0;
            col += add;
        } else {
            col = (d[i] == '\n' || d[i] == '\r') ? 0 : col + 1;
        }
        if (add > INTPTR_MAX / 2 - total)
            return tn_err_format(&tn_exc_OverflowError, "result too long");
        total += add;
    }
    char *tmp = tn_mem_alloc((size_t)total + 1);
    if (!tmp)
        return NULL;
    tn_ssize_t k = 0;
    col = 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        if (d[i] == '\t') {
            if (tabsize > 0) {
                tn_ssize_t sp = tabsize - col % tabsize;
                memset(tmp + k, ' ', (size_t)sp);
                k += sp;
                col += sp;
            }
        } else {
            tmp[k++] = d[i];
            col = (d[i] == '\n' || d[i] == '\r') ? 0 : col + 1;
        }
    }
    TnObject *r = make(self, tmp, k);
    tn_mem_free(tmp);
    return r;
}

/* Only \n, \r and \r\n end a line in bytes (not \v, \f or \x1c-\x1e as in str). */
static TnObject *b_splitlines(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = {"keepends", NULL};
    TnObject *vals[1] = {NULL};
    if (tn_parse_args("splitlines", args, nargs, kwnames, kwlist, 1, 0, vals) < 0)
        return NULL;
    int keepends = 0;
    if (vals[0] && as_c_int(vals[0], &keepends) < 0)
        return NULL;
    BUF(self, d, n);
    TnObject *list = tn_list_new(0);
    if (!list)
        return NULL;
    tn_ssize_t i = 0;
    while (i < n) {
        tn_ssize_t j = i;
        while (j < n && d[j] != '\n' && d[j] != '\r')
            j++;
        tn_ssize_t eol = j;
        if (j < n) {
            if (d[j] == '\r' && j + 1 < n && d[j + 1] == '\n')
                j += 2;
            else
                j++;
            if (keepends)
                eol = j;
        }
        if (add_piece(list, self, d + i, eol - i) < 0)
            goto error;
        i = j;
    }
    return list;
error:
    tn_decref(list);
    return NULL;
}

/* translate(table, /, delete=b''): table is None or 256 bytes. */
static TnObject *b_translate(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = {"", "delete", NULL};
    TnObject *vals[2] = {NULL, NULL};
    if (tn_parse_args("translate", args, nargs, kwnames, kwlist, 2, 1, vals) < 0)
        return NULL;
    const char *td = NULL, *dd = NULL;
    tn_ssize_t tn = 0, dn = 0;
    char one;
    if (vals[0] != tn_None) {
        if (get_sub(vals[0], &td, &tn, &one, 0) < 0)
            return NULL;
        if (tn != 256)
            return tn_err_format(&tn_exc_ValueError, "translation table must be 256 characters long");
    }
    if (vals[1] && get_sub(vals[1], &dd, &dn, &one, 0) < 0)
        return NULL;
    /* Copy the table and delete set first: they may alias self (a bytearray). */
    unsigned char table[256], del[256] = {0};
    for (int c = 0; c < 256; c++)
        table[c] = td ? (unsigned char)td[c] : (unsigned char)c;
    for (tn_ssize_t i = 0; i < dn; i++)
        del[(unsigned char)dd[i]] = 1;
    BUF(self, d, n);
    char *tmp = tn_mem_alloc((size_t)n + 1);
    if (!tmp)
        return NULL;
    tn_ssize_t k = 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (!del[c])
            tmp[k++] = (char)table[c];
    }
    TnObject *r;
    if (k == n && tn_bytes_check_exact(self) && memcmp(tmp, d, (size_t)n) == 0)
        r = tn_newref(self);
    else
        r = make(self, tmp, k);
    tn_mem_free(tmp);
    return r;
}

/* bytes.maketrans(frm, to) / bytearray.maketrans: always returns bytes. */
static TnObject *b_maketrans(TnObject *unused, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("maketrans", nargs, 2, 2) < 0)
        return NULL;
    const char *fd, *td;
    tn_ssize_t fn, tn;
    char one;
    if (get_sub(args[0], &fd, &fn, &one, 0) < 0 || get_sub(args[1], &td, &tn, &one, 0) < 0)
        return NULL;
    if (fn != tn)
        return tn_err_format(&tn_exc_ValueError, "maketrans arguments must have same length");
    TnObject *r = tn_bytes_new_uninit(256);
    if (!r)
        return NULL;
    char *t = TN_BYTES_DATA(r);
    for (int c = 0; c < 256; c++)
        t[c] = (char)c;
    for (tn_ssize_t i = 0; i < fn; i++)
        t[(unsigned char)fd[i]] = td[i];
    return r;
}

static TnObject *remove_affix(TnObject *self, TnObject *arg, int suffix)
{
    const char *ad;
    tn_ssize_t an;
    char one;
    if (get_sub(arg, &ad, &an, &one, 0) < 0)
        return NULL;
    BUF(self, d, n);
    if (an > 0 && an <= n && memcmp(suffix ? d + n - an : d, ad, (size_t)an) == 0)
        return make(self, suffix ? d : d + an, n - an);
    if (tn_bytes_check_exact(self))
        return tn_newref(self);
    return make(self, d, n);
}

static TnObject *b_removeprefix(TnObject *s, TnObject *a) { return remove_affix(s, a, 0); }
static TnObject *b_removesuffix(TnObject *s, TnObject *a) { return remove_affix(s, a, 1); }

static TnObject *b_getnewargs(TnObject *self, TnObject *u)
{
    BUF(self, d, n);
    TnObject *b = tn_bytes_from_data(d, n);
    if (!b)
        return NULL;
    TnObject *t = tn_tuple_pack(1, b);
    tn_decref(b);
    return t;
}

#define TN_BYTES_COMMON_METHODS \
    {"capitalize", (void *)b_capitalize, TN_METH_NOARGS, NULL}, \
    {"center", (void *)b_center, TN_METH_FAST, NULL}, \
    {"count", (void *)b_count, TN_METH_FAST, NULL}, \
    {"decode", (void *)b_decode, TN_METH_FASTKW, NULL}, \
    {"endswith", (void *)b_endswith, TN_METH_FAST, NULL}, \
    {"expandtabs", (void *)b_expandtabs, TN_METH_FASTKW, NULL}, \
    {"find", (void *)b_find, TN_METH_FAST, NULL}, \
    {"fromhex", (void *)b_fromhex, TN_METH_O | TN_METH_CLASS, NULL}, \
    {"hex", (void *)b_hex, TN_METH_FASTKW, NULL}, \
    {"index", (void *)b_index, TN_METH_FAST, NULL}, \
    {"isalnum", (void *)b_isalnum, TN_METH_NOARGS, NULL}, \
    {"isalpha", (void *)b_isalpha, TN_METH_NOARGS, NULL}, \
    {"isascii", (void *)b_isascii, TN_METH_NOARGS, NULL}, \
    {"isdigit", (void *)b_isdigit, TN_METH_NOARGS, NULL}, \
    {"islower", (void *)b_islower, TN_METH_NOARGS, NULL}, \
    {"isspace", (void *)b_isspace, TN_METH_NOARGS, NULL}, \
    {"istitle", (void *)b_istitle, TN_METH_NOARGS, NULL}, \
    {"isupper", (void *)b_isupper, TN_METH_NOARGS, NULL}, \
    {"join", (void *)b_join, TN_METH_O, NULL}, \
    {"ljust", (void *)b_ljust, TN_METH_FAST, NULL}, \
    {"lower", (void *)b_lower, TN_METH_NOARGS, NULL}, \
    {"lstrip", (void *)b_lstrip, TN_METH_FAST, NULL}, \
    {"maketrans", (void *)b_maketrans, TN_METH_FAST | TN_METH_STATIC, NULL}, \
    {"partition", (void *)b_partition, TN_METH_O, NULL}, \
    {"removeprefix", (void *)b_removeprefix, TN_METH_O, NULL}, \
    {"removesuffix", (void *)b_removesuffix, TN_METH_O, NULL}, \
    {"replace", (void *)b_replace, TN_METH_FAST, NULL}, \
    {"rfind", (void *)b_rfind, TN_METH_FAST, NULL}, \
    {"rindex", (void *)b_rindex, TN_METH_FAST, NULL}, \
    {"rjust", (void *)b_rjust, TN_METH_FAST, NULL}, \
    {"rpartition", (void *)b_rpartition, TN_METH_O, NULL}, \
    {"rsplit", (void *)b_rsplit, TN_METH_FASTKW, NULL}, \
    {"rstrip", (void *)b_rstrip, TN_METH_FAST, NULL}, \
    {"split", (void *)b_split, TN_METH_FASTKW, NULL}, \
    {"splitlines", (void *)b_splitlines, TN_METH_FASTKW, NULL}, \
    {"startswith", (void *)b_startswith, TN_METH_FAST, NULL}, \
    {"strip", (void *)b_strip, TN_METH_FAST, NULL}, \
    {"swapcase", (void *)b_swapcase, TN_METH_NOARGS, NULL}, \
    {"title", (void *)b_title, TN_METH_NOARGS, NULL}, \
    {"translate", (void *)b_translate, TN_METH_FASTKW, NULL}, \
    {"upper", (void *)b_upper, TN_METH_NOARGS, NULL}, \
    {"zfill", (void *)b_zfill, TN_METH_O, NULL}

const TnMethodDef tn_bytes_methods[] = {
    TN_BYTES_COMMON_METHODS,
    {"__getnewargs__", (void *)b_getnewargs, TN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* bytearray: the same read-only methods plus its mutators (bytearray.c). */
TnObject *tn_bytearray_append(TnObject *o, TnObject *v);
TnObject *tn_bytearray_extend(TnObject *o, TnObject *it);
TnObject *tn_bytearray_pop(TnObject *o, TnObject *const *args, size_t nargs);
TnObject *tn_bytearray_insert(TnObject *o, TnObject *const *args, size_t nargs);
TnObject *tn_bytearray_remove(TnObject *o, TnObject *v);
TnObject *tn_bytearray_clear(TnObject *o, TnObject *u);
TnObject *tn_bytearray_copy(TnObject *o, TnObject *u);
TnObject *tn_bytearray_reverse(TnObject *o, TnObject *u);

const TnMethodDef tn_bytearray_methods[] = {
    TN_BYTES_COMMON_METHODS,
    {"append", (void *)tn_bytearray_append, TN_METH_O, NULL},
    {"extend", (void *)tn_bytearray_extend, TN_METH_O, NULL},
    {"pop", (void *)tn_bytearray_pop, TN_METH_FAST, NULL},
    {"insert", (void *)tn_bytearray_insert, TN_METH_FAST, NULL},
    {"remove", (void *)tn_bytearray_remove, TN_METH_O, NULL},
    {"clear", (void *)tn_bytearray_clear, TN_METH_NOARGS, NULL},
    {"copy", (void *)tn_bytearray_copy, TN_METH_NOARGS, NULL},
    {"reverse", (void *)tn_bytearray_reverse, TN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};
