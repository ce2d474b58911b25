/* JSON for tandem-bench: a streaming writer for results.json and a small
 * recursive-descent parser for the drivers' TANDEM-BENCH lines and for
 * reading result files back (plot, compare). Numbers are doubles, which is
 * exact for everything the harness exchanges (counts below 2^53, times). */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"

/* ---- utilities shared by every file ------------------------------------ */

void *tb_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("tandem-bench: out of memory\n", stderr);
        exit(70);
    }
    return p;
}

void *tb_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("tandem-bench: out of memory\n", stderr);
        exit(70);
    }
    return p;
}

char *tb_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(tb_xmalloc(n), s, n);
}

char *tb_xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = tb_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

char **tb_split(const char *s, char sep, int *n)
{
    int count = 1;
    for (const char *p = s; *p; p++)
        count += *p == sep;
    char **v = tb_xmalloc(((size_t)count + 1) * sizeof *v);
    int k = 0;
    for (const char *p = s;; ) {
        const char *e = strchr(p, sep);
        size_t len = e ? (size_t)(e - p) : strlen(p);
        v[k] = tb_xmalloc(len + 1);
        memcpy(v[k], p, len);
        v[k][len] = '\0';
        k++;
        if (!e)
            break;
        p = e + 1;
    }
    v[k] = NULL;
    *n = k;
    return v;
}

/* ---- parser -------------------------------------------------------------- */

typedef struct {
    const char *p;
    char *err;
    size_t errlen;
    int depth;
} Parser;

static TbJson *parse_value(Parser *ps);

static void skip_ws(Parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
        ps->p++;
}

static TbJson *fail(Parser *ps, const char *what)
{
    if (!ps->err[0]) {
        if (*ps->p)
            snprintf(ps->err, ps->errlen, "%s at '%.12s'", what, ps->p);
        else
            snprintf(ps->err, ps->errlen, "%s at end of text", what);
    }
    return NULL;
}

static TbJson *new_node(TbJsonKind kind)
{
    TbJson *j = calloc(1, sizeof *j);
    if (!j) {
        fputs("tandem-bench: out of memory\n", stderr);
        exit(70);
    }
    j->kind = kind;
    return j;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void put_utf8(char **q, unsigned cp)
{
    unsigned char *o = (unsigned char *)*q;
    if (cp < 0x80) {
        *o++ = (unsigned char)cp;
    } else if (cp < 0x800) {
        *o++ = (unsigned char)(0xC0 | (cp >> 6));
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (unsigned char)(0xE0 | (cp >> 12));
        *o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (unsigned char)(0xF0 | (cp >> 18));
        *o++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        *o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    }
    *q = (char *)o;
}

static int read_hex4(Parser *ps, unsigned *cp)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(ps->p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + (unsigned)h;
    }
    ps->p += 4;
    *cp = v;
    return 0;
}

/* A string at ps->p (on the opening quote); new buffer. An escaped
 * sequence never grows, so the raw length bounds the output. */
static char *parse_string(Parser *ps)
{
    const char *start = ++ps->p;
    size_t cap = 1;
    for (const char *s = start; *s && *s != '"'; s++, cap++)
        if (*s == '\\' && s[1])
            s++, cap++;
    char *buf = tb_xmalloc(cap + 4), *q = buf;
    for (;;) {
        unsigned char c = (unsigned char)*ps->p;
        if (c == '"') {
            ps->p++;
            break;
        }
        if (c == '\0' || c < 0x20) {
            free(buf);
            fail(ps, c ? "control character in string" : "unterminated string");
            return NULL;
        }
        if (c != '\\') {
            *q++ = (char)c;
            ps->p++;
            continue;
        }
        ps->p++;
        char e = *ps->p++;
        unsigned cp;
        switch (e) {
        case '"': *q++ = '"'; break;
        case '\\': *q++ = '\\'; break;
        case '/': *q++ = '/'; break;
        case 'b': *q++ = '\b'; break;
        case 'f': *q++ = '\f'; break;
        case 'n': *q++ = '\n'; break;
        case 'r': *q++ = '\r'; break;
        case 't': *q++ = '\t'; break;
        case 'u':
            if (read_hex4(ps, &cp) < 0)
                goto bad_escape;
            /* A surrogate pair becomes one code point; a lone half is kept
             * as its (invalid) encoding rather than rejected: messages are
             * only displayed. */
            if (cp >= 0xD800 && cp < 0xDC00 && ps->p[0] == '\\' && ps->p[1] == 'u') {
                unsigned lo;
                const char *save = ps->p;
                ps->p += 2;
                if (read_hex4(ps, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000)
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                else
                    ps->p = save;
            }
            put_utf8(&q, cp);
            break;
        default:
            goto bad_escape;
        }
    }
    *q = '\0';
    return buf;
bad_escape:
    free(buf);
    fail(ps, "bad escape in string");
    return NULL;
}

static TbJson *parse_number(Parser *ps)
{
    const char *s = ps->p;
    if (*s == '-')
        s++;
    if (*s < '0' || *s > '9')
        return fail(ps, "invalid value");
    if (*s == '0' && s[1] >= '0' && s[1] <= '9')
        return fail(ps, "leading zero in number");
    char *end;
    double v = strtod(ps->p, &end);
    /* strtod also takes hex, inf and nan, which JSON does not. */
    for (const char *c = ps->p; c < end; c++)
        if (!strchr("0123456789+-.eE", *c))
            return fail(ps, "invalid number");
    TbJson *j = new_node(TB_JNUM);
    j->num = v;
    ps->p = end;
    return j;
}

static TbJson *parse_container(Parser *ps, int is_obj)
{
    TbJson *j = new_node(is_obj ? TB_JOBJ : TB_JARR);
    int cap = 0;
    char close = is_obj ? '}' : ']';
    if (++ps->depth > 64) {
        tb_json_free(j);
        return fail(ps, "nesting too deep");
    }
    ps->p++;
    skip_ws(ps);
    if (*ps->p == close) {
        ps->p++;
        ps->depth--;
        return j;
    }
    for (;;) {
        char *key = NULL;
        skip_ws(ps);
        if (is_obj) {
            if (*ps->p != '"')
                goto error_msg_key;
            key = parse_string(ps);
            if (!key)
                goto error;
            skip_ws(ps);
            if (*ps->p != ':') {
                free(key);
                fail(ps, "expected ':'");
                goto error;
            }
            ps->p++;
        }
        TbJson *v = parse_value(ps);
        if (!v) {
            free(key);
            goto error;
        }
        if (j->n == cap) {
            cap = cap ? cap * 2 : 8;
            j->items = tb_xrealloc(j->items, (size_t)cap * sizeof *j->items);
            if (is_obj)
                j->keys = tb_xrealloc(j->keys, (size_t)cap * sizeof *j->keys);
        }
        if (is_obj)
            j->keys[j->n] = key;
        j->items[j->n++] = v;
        skip_ws(ps);
        if (*ps->p == ',') {
            ps->p++;
            continue;
        }
        if (*ps->p == close) {
            ps->p++;
            break;
        }
        fail(ps, is_obj ? "expected ',' or '}'" : "expected ',' or ']'");
        goto error;
    }
    ps->depth--;
    return j;
error_msg_key:
    fail(ps, "expected a string key");
error:
    tb_json_free(j);
    return NULL;
}

static TbJson *parse_value(Parser *ps)
{
    skip_ws(ps);
    switch (*ps->p) {
    case '{': return parse_container(ps, 1);
    case '[': return parse_container(ps, 0);
    case '"': {
        char *s = parse_string(ps);
        if (!s)
            return NULL;
        TbJson *j = new_node(TB_JSTR);
        j->str = s;
        return j;
    }
    case 't':
        if (strncmp(ps->p, "true", 4) == 0) {
            TbJson *j = new_node(TB_JBOOL);
            j->num = 1;
            ps->p += 4;
            return j;
        }
        break;
    case 'f':
        if (strncmp(ps->p, "false", 5) == 0) {
            ps->p += 5;
            return new_node(TB_JBOOL);
        }
        break;
    case 'n':
        if (strncmp(ps->p, "null", 4) == 0) {
            ps->p += 4;
            return new_node(TB_JNULL);
        }
        break;
    default:
        if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
            return parse_number(ps);
    }
    return fail(ps, "invalid value");
}

TbJson *tb_json_parse(const char *text, char *err, size_t errlen)
{
    Parser ps = {text, err, errlen, 0};
    err[0] = '\0';
    TbJson *j = parse_value(&ps);
    if (!j)
        return NULL;
    skip_ws(&ps);
    if (*ps.p) {
        tb_json_free(j);
        fail(&ps, "trailing text");
        return NULL;
    }
    return j;
}

void tb_json_free(TbJson *j)
{
    if (!j)
        return;
    for (int i = 0; i < j->n; i++) {
        tb_json_free(j->items[i]);
        if (j->keys)
            free(j->keys[i]);
    }
    free(j->items);
    free(j->keys);
    free(j->str);
    free(j);
}

const TbJson *tb_json_get(const TbJson *obj, const char *key)
{
    if (!obj || obj->kind != TB_JOBJ)
        return NULL;
    for (int i = 0; i < obj->n; i++)
        if (strcmp(obj->keys[i], key) == 0)
            return obj->items[i];
    return NULL;
}

const char *tb_json_str(const TbJson *obj, const char *key)
{
    const TbJson *v = tb_json_get(obj, key);
    return v && v->kind == TB_JSTR ? v->str : NULL;
}

double tb_json_num(const TbJson *obj, const char *key, double fallback)
{
    const TbJson *v = tb_json_get(obj, key);
    return v && v->kind == TB_JNUM ? v->num : fallback;
}

/* ---- writer --------------------------------------------------------------- */

void tb_json_escape(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

void tb_jw_init(TbJw *w, FILE *f)
{
    memset(w, 0, sizeof *w);
    w->f = f;
    w->first[0] = 1;
}

static void indent(TbJw *w)
{
    fputc('\n', w->f);
    for (int i = 0; i < w->depth; i++)
        fputs("  ", w->f);
}

/* Separator and indentation before a value or key at the current depth. */
static void before(TbJw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (!w->first[w->depth])
        fputs(w->flat && w->depth >= w->flat ? ", " : ",", w->f);
    w->first[w->depth] = 0;
    if (w->depth > 0 && !(w->flat && w->depth >= w->flat))
        indent(w);
}

static void open_(TbJw *w, char c)
{
    before(w);
    fputc(c, w->f);
    if (w->depth < 31)
        w->depth++;
    w->first[w->depth] = 1;
}

static void close_(TbJw *w, char c)
{
    int empty = w->first[w->depth], was_flat = w->flat && w->depth >= w->flat;
    if (w->flat == w->depth)
        w->flat = 0;
    if (w->depth > 0)
        w->depth--;
    if (!empty && !was_flat)
        indent(w);
    fputc(c, w->f);
    if (w->depth == 0)
        fputc('\n', w->f);
}

void tb_jw_obj(TbJw *w) { open_(w, '{'); }
void tb_jw_end_obj(TbJw *w) { close_(w, '}'); }
void tb_jw_arr(TbJw *w) { open_(w, '['); }
void tb_jw_end_arr(TbJw *w) { close_(w, ']'); }

void tb_jw_flat_arr(TbJw *w)
{
    open_(w, '[');
    if (!w->flat)
        w->flat = w->depth;
}

void tb_jw_key(TbJw *w, const char *key)
{
    before(w);
    tb_json_escape(w->f, key);
    fputs(": ", w->f);
    w->after_key = 1;
}

void tb_jw_str(TbJw *w, const char *s)
{
    if (!s) {
        tb_jw_null(w);
        return;
    }
    before(w);
    tb_json_escape(w->f, s);
}

void tb_jw_num(TbJw *w, double v)
{
    if (!isfinite(v)) {
        tb_jw_null(w);
        return;
    }
    before(w);
    /* %.17g round-trips every double; shorter when it already does. */
    char buf[32];
    for (int prec = 6; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    fputs(buf, w->f);
}

void tb_jw_int(TbJw *w, long long v)
{
    before(w);
    fprintf(w->f, "%lld", v);
}

void tb_jw_bool(TbJw *w, int v)
{
    before(w);
    fputs(v ? "true" : "false", w->f);
}

void tb_jw_null(TbJw *w)
{
    before(w);
    fputs("null", w->f);
}
