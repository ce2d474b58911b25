/* String and number literals: prefixes, escape decoding, implicit
 * concatenation and f-strings, following CPython 3.11's
 * Parser/string_parser.c so that values, node positions and error
 * messages match.
 *
 * Invariants:
 *  - Decoded text is built in arena buffers; str values are UTF-8 (a lone
 *    surrogate from \ud800 is encoded as its 3-byte form, like Python's
 *    "surrogatepass"), bytes values are raw bytes.
 *  - Errors found while decoding are reported at the token after the
 *    string run (CPython raises them from the `strings` rule's action,
 *    after it has looked at that token), except where CPython names the
 *    string token itself.
 *  - An f-string expression is parsed by a nested parser over the text
 *    "(" expr ")", whose first line is shifted like CPython's
 *    fstring_find_expr_location so inner nodes get source positions.
 */
#include <stdio.h>
#include <string.h>
#include "parser.h"

typedef struct {
    char *data;
    size_t len, cap;
} Buf;

static int buf_reserve(Parser *p, Buf *b, size_t extra)
{
    if (b->len + extra <= b->cap)
        return 0;
    size_t ncap = b->cap ? b->cap * 2 : 64;
    while (ncap < b->len + extra)
        ncap *= 2;
    char *n = tn__alloc(p, ncap);
    if (!n)
        return -1;
    if (b->len)
        memcpy(n, b->data, b->len);
    b->data = n;
    b->cap = ncap;
    return 0;
}

static int buf_add(Parser *p, Buf *b, const char *s, size_t n)
{
    if (buf_reserve(p, b, n + 1) < 0)
        return -1;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

static int buf_putc(Parser *p, Buf *b, int c)
{
    char ch = (char)c;
    return buf_add(p, b, &ch, 1);
}

static int buf_put_cp(Parser *p, Buf *b, unsigned cp)
{
    char u[4];
    int n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return buf_add(p, b, u, (size_t)n);
}

/* ---- numbers ------------------------------------------------------------------ */

TnExpr *tn__number(Parser *p, const TnToken *t)
{
    char *text = tn__alloc(p, (size_t)t->len + 1);
    if (!text)
        return NULL;
    int n = 0;
    for (int i = 0; i < t->len; i++)
        if (t->start[i] != '_')
            text[n++] = t->start[i];
    text[n] = '\0';
    TnConstKind kind = TN_CONST_INT;
    if (n >= 2 && text[0] == '0' && strchr("xXoObB", text[1])) {
        text[1] = (char)(text[1] | 0x20);   /* lowercase the base prefix */
    } else if (text[n - 1] == 'j' || text[n - 1] == 'J') {
        kind = TN_CONST_IMAG;
        text[--n] = '\0';
    } else if (strpbrk(text, ".eE")) {
        kind = TN_CONST_FLOAT;
    }
    TnExpr *e = tn__expr(p, TN_EXPR_CONSTANT, tn__tok_loc(t));
    if (e) {
        e->v.constant.kind = kind;
        e->v.constant.text = text;
    }
    return e;
}

/* ---- prefixes and escapes ------------------------------------------------------- */

typedef struct {
    int bytes, raw, fstr, u;
    const char *body;       /* between the quotes */
    size_t len;
} StrTok;

static void split_string(const TnToken *t, StrTok *s)
{
    const char *c = t->start, *end = t->start + t->len;
    memset(s, 0, sizeof *s);
    for (; c < end && *c != '\'' && *c != '"'; c++) {
        switch (*c) {
        case 'b': case 'B': s->bytes = 1; break;
        case 'r': case 'R': s->raw = 1; break;
        case 'f': case 'F': s->fstr = 1; break;
        case 'u': case 'U': s->u = 1; break;
        }
    }
    int q = (end - c >= 6 && c[0] == c[1] && c[1] == c[2]) ? 3 : 1;
    s->body = c + q;
    s->len = (size_t)(end - c - 2 * q);
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The unicodeescape codec over s[0..n). Error positions are counted in
 * CPython's intermediate buffer, where every non-ASCII character became
 * a 10-byte \Uxxxxxxxx escape. */
static int decode_unicode_escapes(Parser *p, Buf *out, const char *s, size_t n)
{
    const char *end = s + n;
    long vpos = 0;              /* position in CPython's expanded buffer */
    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c != '\\') {
            int len = c < 0x80 ? 1 : tn__utf8_len((const unsigned char *)s, (size_t)(end - s));
            if (len <= 0)
                len = 1;
            if (buf_add(p, out, s, (size_t)len) < 0)
                return -1;
            vpos += c < 0x80 ? 1 : 10;
            s += len;
            continue;
        }
        long start = vpos;
        s++;
        if (s >= end || ((unsigned char)*s & 0x80)) {
            /* a backslash before a non-ASCII character stays a backslash */
            if (buf_putc(p, out, '\\') < 0)
                return -1;
            vpos += 6;
            continue;
        }
        c = (unsigned char)*s++;
        vpos += 2;
        int count = 0;
        const char *msg = NULL;
        switch (c) {
        case '\n': continue;
        case '\\': if (buf_putc(p, out, '\\') < 0) return -1; continue;
        case '\'': if (buf_putc(p, out, '\'') < 0) return -1; continue;
        case '"': if (buf_putc(p, out, '"') < 0) return -1; continue;
        case 'b': if (buf_putc(p, out, '\b') < 0) return -1; continue;
        case 'f': if (buf_putc(p, out, '\f') < 0) return -1; continue;
        case 't': if (buf_putc(p, out, '\t') < 0) return -1; continue;
        case 'n': if (buf_putc(p, out, '\n') < 0) return -1; continue;
        case 'r': if (buf_putc(p, out, '\r') < 0) return -1; continue;
        case 'v': if (buf_putc(p, out, '\v') < 0) return -1; continue;
        case 'a': if (buf_putc(p, out, '\a') < 0) return -1; continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = c - '0';
            for (int k = 0; k < 2 && s < end && *s >= '0' && *s <= '7'; k++) {
                v = v * 8 + (unsigned)(*s++ - '0');
                vpos++;
            }
            if (buf_put_cp(p, out, v) < 0)
                return -1;
            continue;
        }
        case 'x': count = 2; msg = "truncated \\xXX escape"; break;
        case 'u': count = 4; msg = "truncated \\uXXXX escape"; break;
        case 'U': count = 8; msg = "truncated \\UXXXXXXXX escape"; break;
        case 'N': {
            msg = "malformed \\N character escape";
            if (s < end && *s == '{') {
                const char *name = ++s;
                vpos++;
                while (s < end && *s != '}') {
                    s++;
                    vpos++;
                }
                if (s < end && s > name) {
                    long cp = tn__unicode_lookup(name, (size_t)(s - name));
                    s++;
                    vpos++;
                    if (cp < 0) {
                        tn__error_last(p, "SyntaxError",
                                       "(unicode error) \\N{...} escapes are not supported for "
                                       "'%.*s' (only common character names are known)",
                                       (int)(s - 1 - name > 80 ? 80 : s - 1 - name), name);
                        return -1;
                    }
                    if (buf_put_cp(p, out, (unsigned)cp) < 0)
                        return -1;
                    continue;
                }
            }
            tn__error_last(p, "SyntaxError",
                           "(unicode error) 'unicodeescape' codec can't decode bytes in "
                           "position %ld-%ld: %s", start, vpos - 1, msg);
            return -1;
        }
        default:
            /* unknown escapes keep their backslash (CPython only warns) */
            if (buf_putc(p, out, '\\') < 0 || buf_putc(p, out, c) < 0)
                return -1;
            continue;
        }
        unsigned long cp = 0;
        for (; count; count--, s++, vpos++) {
            int h = s < end ? hexval((unsigned char)*s) : -1;
            if (h < 0)
                break;
            cp = cp * 16 + (unsigned)h;
        }
        if (count == 0 && cp > 0x10FFFF)
            msg = "illegal Unicode character";
        else if (count == 0) {
            if (buf_put_cp(p, out, (unsigned)cp) < 0)
                return -1;
            continue;
        }
        if (vpos - start == 1)
            tn__error_last(p, "SyntaxError",
                           "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in "
                           "position %ld: %s", start, msg);
        else
            tn__error_last(p, "SyntaxError",
                           "(unicode error) 'unicodeescape' codec can't decode bytes in "
                           "position %ld-%ld: %s", start, vpos - 1, msg);
        return -1;
    }
    return 0;
}

static int decode_bytes_escapes(Parser *p, Buf *out, const char *s, size_t n)
{
    const char *begin = s, *end = s + n;
    while (s < end) {
        if (*s != '\\') {
            if (buf_putc(p, out, *s++) < 0)
                return -1;
            continue;
        }
        const char *bs = s++;
        if (s >= end) {
            tn__error_last(p, "SyntaxError", "(value error) Trailing \\ in string");
            return -1;
        }
        int c = (unsigned char)*s++;
        int v;
        switch (c) {
        case '\n': continue;
        case '\\': v = '\\'; break;
        case '\'': v = '\''; break;
        case '"': v = '"'; break;
        case 'b': v = '\b'; break;
        case 'f': v = '\f'; break;
        case 't': v = '\t'; break;
        case 'n': v = '\n'; break;
        case 'r': v = '\r'; break;
        case 'v': v = '\v'; break;
        case 'a': v = '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            v = c - '0';
            for (int k = 0; k < 2 && s < end && *s >= '0' && *s <= '7'; k++)
                v = v * 8 + (*s++ - '0');
            v &= 0xFF;      /* CPython keeps the low byte of \400..\777 */
            break;
        case 'x': {
            int h1 = s < end ? hexval((unsigned char)s[0]) : -1;
            int h2 = s + 1 < end ? hexval((unsigned char)s[1]) : -1;
            if (h1 < 0 || h2 < 0) {
                tn__error_last(p, "SyntaxError", "(value error) invalid \\x escape at position %ld",
                               (long)(bs - begin));
                return -1;
            }
            v = h1 * 16 + h2;
            s += 2;
            break;
        }
        default:
            if (buf_putc(p, out, '\\') < 0)
                return -1;
            v = c;
            break;
        }
        if (buf_putc(p, out, v) < 0)
            return -1;
    }
    return 0;
}

/* ---- f-strings ------------------------------------------------------------------ */

typedef struct {
    Buf last;                   /* pending literal text */
    int have_last;
    TnExprSeq values;
    int cap;
    int fmode;
    const TnToken *first, *lastt;   /* the whole run of tokens */
} FState;

static TnExpr *str_node(Parser *p, Buf *b, TnLoc loc)
{
    TnExpr *e = tn__expr(p, TN_EXPR_CONSTANT, loc);
    if (!e)
        return NULL;
    e->v.constant.kind = TN_CONST_STR;
    e->v.constant.bytes = b->data ? b->data : "";
    e->v.constant.len = b->len;
    return e;
}

static TnLoc run_loc(const FState *st)
{
    TnLoc l = {st->first->lineno, st->first->col_offset, st->lastt->end_lineno,
               st->lastt->end_col_offset};
    return l;
}

/* Append decoded text to the pending literal (empty pieces are dropped). */
static int fs_concat(Parser *p, FState *st, const char *s, size_t n)
{
    if (n == 0)
        return 0;
    st->have_last = 1;
    return buf_add(p, &st->last, s, n);
}

static int fs_flush(Parser *p, FState *st, TnLoc loc)
{
    if (!st->have_last)
        return 0;
    TnExpr *c = str_node(p, &st->last, loc);
    if (!c || TN_PUSH(p, st->values, st->cap, c) < 0)
        return -1;
    memset(&st->last, 0, sizeof st->last);
    st->have_last = 0;
    return 0;
}

static int fstring_concat(Parser *p, FState *st, const char **str, const char *end, int raw,
                          int recurse_lvl, const TnToken *t);

/* fstring_find_expr_location: where the nested parser's first line starts */
static void expr_location(const TnToken *t, const char *brace, int *lineno, int *col_shift)
{
    int lines = 0, cols = 0;
    const char *parent = t->start;
    int newline_after_brace = 1;
    for (const char *s = brace + 1; *s != '}' && *s != '\n'; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\f') {
            newline_after_brace = 0;
            break;
        }
    }
    if (!newline_after_brace) {
        const char *s = brace;
        while (s > parent && *s != '\n')
            s--;
        cols += (int)(brace - s);
        if (*s == '\n')
            cols -= 1;
    }
    for (const char *s = parent; s < brace; s++)
        if (*s == '\n')
            lines++;
    *lineno = t->lineno + lines;
    *col_shift = lines != 0 ? cols : t->col_offset + cols;
}

static TnExpr *compile_expr(Parser *p, const char *expr_start, const char *expr_end,
                            const TnToken *t)
{
    const char *s;
    for (s = expr_start; s != expr_end; s++)
        if (!(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f'))
            break;
    if (s == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=')
            return tn__error_last(p, "SyntaxError", "f-string: expression required before '%c'",
                                  *expr_end);
        return tn__error_last(p, "SyntaxError", "f-string: empty expression not allowed");
    }
    int lineno, col_shift;
    expr_location(t, expr_start - 1, &lineno, &col_shift);
    return tn__fstring_expr(p, expr_start, (size_t)(expr_end - expr_start), lineno, col_shift,
                            t->level);
}

/* fstring_find_expr: *str is at '{'. Produces a FormattedValue and, for
 * the "{x=}" form, the expression text that precedes it. */
static TnExpr *find_expr(Parser *p, FState *st, const char **str, const char *end, int raw,
                         int recurse_lvl, const TnToken *t, const char **dbg, size_t *dbg_len)
{
    char quote_char = 0, parenstack[TN_MAXLEVEL];
    int string_type = 0, nested = 0, conversion = -1;
    TnExpr *fspec = NULL;
    *dbg = NULL;
    *dbg_len = 0;
    if (recurse_lvl >= 2)
        return tn__error_last(p, "SyntaxError", "f-string: expressions nested too deeply");
    *str += 1;
    const char *expr_start = *str;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\')
            return tn__error_last(p, "SyntaxError",
                                  "f-string expression part cannot include a backslash");
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        string_type = 0;
                        quote_char = 0;
                    }
                } else {
                    string_type = 0;
                    quote_char = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote_char = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (nested >= TN_MAXLEVEL)
                return tn__error_last(p, "SyntaxError", "f-string: too many nested parenthesis");
            parenstack[nested++] = ch;
        } else if (ch == '#') {
            return tn__error_last(p, "SyntaxError", "f-string expression part cannot include '#'");
        } else if (nested == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' ||
                                   ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char next = (*str)[1];
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                    (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
                    *str += 1;
                    continue;
                }
            }
            if (ch == '>' || ch == '<')
                continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!nested)
                return tn__error_last(p, "SyntaxError", "f-string: unmatched '%c'", ch);
            int opening = parenstack[--nested];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}')))
                return tn__error_last(p, "SyntaxError",
                                      "f-string: closing parenthesis '%c' does not match "
                                      "opening parenthesis '%c'", ch, opening);
        }
    }
    const char *expr_end = *str;
    if (quote_char)
        return tn__error_last(p, "SyntaxError", "f-string: unterminated string");
    if (nested)
        return tn__error_last(p, "SyntaxError", "f-string: unmatched '%c'", parenstack[nested - 1]);
    if (*str >= end)
        goto unexpected_end;
    TnExpr *value = compile_expr(p, expr_start, expr_end, t);
    if (!value)
        return NULL;
    if (**str == '=') {
        *str += 1;
        while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\r' ||
                              **str == '\v' || **str == '\f'))
            *str += 1;
        if (*str >= end)
            goto unexpected_end;
        *dbg = expr_start;
        *dbg_len = (size_t)(*str - expr_start);
    }
    if (**str == '!') {
        *str += 1;
        if (*str >= end)
            goto unexpected_end;
        conversion = (unsigned char)**str;
        *str += 1;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a'))
            return tn__error_last(p, "SyntaxError",
                                  "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    if (*str >= end)
        goto unexpected_end;
    if (**str == ':') {
        *str += 1;
        if (*str >= end)
            goto unexpected_end;
        /* fstring_parse: the spec is its own f-string, one level down;
         * its JoinedStr and trailing Constant take token t's span */
        FState sub;
        memset(&sub, 0, sizeof sub);
        sub.first = st->first;
        sub.lastt = st->lastt;
        sub.fmode = 1;
        if (fstring_concat(p, &sub, str, end, raw, recurse_lvl + 1, t) < 0)
            return NULL;
        if (fs_flush(p, &sub, tn__tok_loc(t)) < 0)
            return NULL;
        fspec = tn__expr(p, TN_EXPR_JOINEDSTR, tn__tok_loc(t));
        if (!fspec)
            return NULL;
        fspec->v.joined.values = sub.values;
    }
    if (*str >= end || **str != '}')
        goto unexpected_end;
    *str += 1;
    if (*dbg && !fspec && conversion == -1)
        conversion = 'r';
    TnExpr *fv = tn__expr(p, TN_EXPR_FORMATTEDVALUE, run_loc(st));
    if (!fv)
        return NULL;
    fv->v.formatted.value = value;
    fv->v.formatted.conversion = conversion;
    fv->v.formatted.format_spec = fspec;
    return fv;
unexpected_end:
    return tn__error_last(p, "SyntaxError", "f-string: expecting '}'");
}

/* fstring_find_literal: literal text up to an undoubled brace. Returns 1
 * when it stopped at a doubled brace (scan again), 0 otherwise. */
static int find_literal(Parser *p, FState *st, const char **str, const char *end, int raw,
                        int recurse_lvl)
{
    const char *s = *str, *literal_start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                    continue;
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (recurse_lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    tn__error_last(p, "SyntaxError", "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (literal_start != s) {
        if (raw)
            return fs_concat(p, st, literal_start, (size_t)(s - literal_start)) < 0 ? -1 : result;
        Buf dec = {0};
        if (decode_unicode_escapes(p, &dec, literal_start, (size_t)(s - literal_start)) < 0 ||
            fs_concat(p, st, dec.data, dec.len) < 0)
            return -1;
    }
    return result;
}

/* _PyPegen_FstringParser_ConcatFstring */
static int fstring_concat(Parser *p, FState *st, const char **str, const char *end, int raw,
                          int recurse_lvl, const TnToken *t)
{
    st->fmode = 1;
    for (;;) {
        int r = find_literal(p, st, str, end, raw, recurse_lvl);
        if (r < 0)
            return -1;
        if (r == 1)
            continue;
        if (*str >= end || **str == '}')
            break;
        const char *dbg;
        size_t dbg_len;
        TnExpr *fv = find_expr(p, st, str, end, raw, recurse_lvl, t, &dbg, &dbg_len);
        if (!fv)
            return -1;
        if (dbg && fs_concat(p, st, dbg, dbg_len) < 0)
            return -1;
        if (fs_flush(p, st, run_loc(st)) < 0 || TN_PUSH(p, st->values, st->cap, fv) < 0)
            return -1;
    }
    if (recurse_lvl == 0 && *str < end - 1) {
        tn__error_last(p, "SyntaxError", "f-string: unexpected end of string");
        return -1;
    }
    if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
        tn__error_last(p, "SyntaxError", "f-string: expecting '}'");
        return -1;
    }
    return 0;
}

/* ---- the strings rule ------------------------------------------------------------ */

static TnExpr *strings(Parser *p);

/* CPython decodes literals in the action of its `strings` rule, so their
 * errors are raised even in its first pass and during error analysis. */
TnExpr *tn__strings(Parser *p)
{
    p->in_action++;
    TnExpr *e = strings(p);
    p->in_action--;
    return e;
}

static TnExpr *strings(Parser *p)
{
    int first = p->pos;
    while (tn__type(p) == TK_STRING)
        tn__advance(p);
    if (tn__failed(p))
        return NULL;
    int last = p->pos - 1;
    FState st;
    memset(&st, 0, sizeof st);
    st.first = tn__tokat(p, first);
    st.lastt = tn__tokat(p, last);
    Buf bytes = {0};
    int bytesmode = 0;
    for (int i = first; i <= last; i++) {
        /* re-read the pointers: nested parsers do not touch our token
         * array, but keep this robust anyway */
        st.first = tn__tokat(p, first);
        st.lastt = tn__tokat(p, last);
        const TnToken *t = tn__tokat(p, i);
        StrTok s;
        split_string(t, &s);
        if (s.bytes) {
            for (size_t k = 0; k < s.len; k++)
                if ((unsigned char)s.body[k] >= 0x80)
                    return tn__error_loc(p, tn__tok_loc(t),
                                         "bytes can only contain ASCII literal characters");
        }
        Buf piece = {0};
        if (!s.fstr) {
            int rc;
            if (s.raw)
                rc = buf_add(p, &piece, s.body, s.len);
            else if (s.bytes)
                rc = decode_bytes_escapes(p, &piece, s.body, s.len);
            else
                rc = decode_unicode_escapes(p, &piece, s.body, s.len);
            if (rc < 0)
                return NULL;
        }
        if (i != first && bytesmode != s.bytes)
            return tn__error_last(p, "SyntaxError", "cannot mix bytes and nonbytes literals");
        bytesmode = s.bytes;
        if (s.fstr) {
            const char *str = s.body;
            if (fstring_concat(p, &st, &str, s.body + s.len, s.raw, 0, t) < 0)
                return NULL;
        } else if (bytesmode) {
            if (buf_add(p, &bytes, piece.data ? piece.data : "", piece.len) < 0)
                return NULL;
        } else if (fs_concat(p, &st, piece.data, piece.len) < 0) {
            return NULL;
        }
    }
    TnLoc loc = run_loc(&st);
    if (bytesmode) {
        TnExpr *e = tn__expr(p, TN_EXPR_CONSTANT, loc);
        if (e) {
            e->v.constant.kind = TN_CONST_BYTES;
            e->v.constant.bytes = bytes.data ? bytes.data : "";
            e->v.constant.len = bytes.len;
        }
        return e;
    }
    if (!st.fmode)
        return str_node(p, &st.last, loc);
    if (fs_flush(p, &st, loc) < 0)
        return NULL;
    TnExpr *e = tn__expr(p, TN_EXPR_JOINEDSTR, loc);
    if (e)
        e->v.joined.values = st.values;
    return e;
}
