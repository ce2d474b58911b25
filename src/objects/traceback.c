/* Traceback objects and CPython-format exception printing (traceback.h,
 * error.h's tn_err_print_exception and tn_err_write_unraisable). */
#include "tandem/tandem.h"
#include "tandem/traceback.h"
#include "tandem/exc.h"
#include <stdio.h>
#include <string.h>

/* CPython collapses more than this many identical consecutive entries. */
#define TB_RECURSIVE_CUTOFF 3

static TnObject *tb_new(TnTraceback *next, TnObject *frame_obj, int lasti, int lineno)
{
    TnTraceback *tb = (TnTraceback *)tn_object_alloc(&tn_traceback_type, sizeof(TnTraceback));
    if (!tb)
        return NULL;
    tb->tb_next = next;
    if (next)
        TN_INCREF(next);
    tb->tb_frame = tn_newref(frame_obj);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    return (TnObject *)tb;
}

int tn_traceback_add(TnObject *exc, TnFrame *f)
{
    TnObject *fo = tn_frame_get_object(f);
    if (!fo)
        return -1;
    TnObject *cur = tn_exc_get_traceback(exc);
    if (cur && !tn_traceback_check(cur))
        cur = NULL;
    TnObject *tb = tb_new((TnTraceback *)cur, fo, f->lasti >= 0 ? f->lasti * 2 : -1,
                          tn_frame_lineno(f));
    if (!tb)
        return -1;
    tn_exc_set_traceback(exc, tb);
    TN_DECREF(tb);
    return 0;
}

int tn_traceback_here(TnFrame *f)
{
    TnObject *exc = tn_err_fetch();
    if (!exc)
        return 0;
    int r = tn_traceback_add(exc, f);
    if (r < 0)
        tn_err_clear();          /* keep the original exception, not MemoryError */
    tn_err_restore(exc);
    return r;
}

/* ---- the type -------------------------------------------------------------- */

static void tb_dealloc(TnObject *o)
{
    TnTraceback *tb = (TnTraceback *)o;
    /* Long chains (deep recursion) are freed iteratively, not recursively. */
    TnTraceback *next = tb->tb_next;
    TN_XDECREF(tb->tb_frame);
    tn_object_free(o);
    while (next) {
        if (tn_refcount((TnObject *)next) > 1 || tn_is_immortal((TnObject *)next)) {
            TN_DECREF(next);
            break;
        }
        TnTraceback *after = next->tb_next;
        next->tb_next = NULL;
        TN_DECREF(next);
        next = after;
    }
}

static int tb_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnTraceback *tb = (TnTraceback *)o;
    int r;
    if (tb->tb_next && (r = visit((TnObject *)tb->tb_next, arg)) != 0)
        return r;
    return tb->tb_frame ? visit(tb->tb_frame, arg) : 0;
}

static int tb_clear(TnObject *o)
{
    TnTraceback *tb = (TnTraceback *)o;
    TN_CLEAR(tb->tb_next);
    TN_CLEAR(tb->tb_frame);
    return 0;
}

static TnObject *tb_get_next(TnObject *o, void *c)
{
    TnTraceback *tb = (TnTraceback *)o;
    return tn_newref(tb->tb_next ? (TnObject *)tb->tb_next : tn_None);
}

static int tb_set_next(TnObject *o, TnObject *v, void *c)
{
    if (!v) {
        tn_err_setstr(&tn_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v == tn_None) {
        v = NULL;
    } else if (!tn_traceback_check(v)) {
        tn_err_format(&tn_exc_TypeError, "expected traceback object or None, got '%T'", v);
        return -1;
    }
    for (TnObject *cursor = v; cursor; cursor = (TnObject *)((TnTraceback *)cursor)->tb_next) {
        if (cursor == o) {
            tn_err_setstr(&tn_exc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    TN_XINCREF(v);
    TN_SETREF(((TnTraceback *)o)->tb_next, (TnTraceback *)v);
    return 0;
}

static TnObject *tb_get_frame(TnObject *o, void *c)
{
    TnTraceback *tb = (TnTraceback *)o;
    return tn_newref(tb->tb_frame ? tb->tb_frame : tn_None);
}

static TnObject *tb_get_lineno(TnObject *o, void *c)
{
    return tn_int_from_i64(((TnTraceback *)o)->tb_lineno);
}

static TnObject *tb_get_lasti(TnObject *o, void *c)
{
    return tn_int_from_i64(((TnTraceback *)o)->tb_lasti);
}

static const TnGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

TnType tn_traceback_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "traceback",
    .tp_basicsize = sizeof(TnTraceback),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = tb_dealloc,
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_getset = tb_getset,
};

int tn_traceback_init(void)
{
    return tn_type_ready(&tn_traceback_type) < 0 || tn_type_ready(&tn_frame_type) < 0 ? -1 : 0;
}

/* ---- printing ---------------------------------------------------------------- */

/* Append line `lineno` of file `filename`, stripped, as "    text\n". */
static void append_source_line(TnStrBuilder *sb, const char *filename, int lineno)
{
    if (lineno <= 0 || filename[0] == '<')
        return;
    FILE *fp = fopen(filename, "r");
    if (!fp)
        return;
    char buf[4096];
    int cur = 0;
    while (fgets(buf, sizeof buf, fp)) {
        size_t len = strlen(buf);
        int complete = len > 0 && buf[len - 1] == '\n';
        if (cur + 1 == lineno) {
            char *s = buf;
            while (*s == ' ' || *s == '\t' || *s == '\f')
                s++;
            size_t n = strlen(s);
            while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' '
                             || s[n - 1] == '\t'))
                n--;
            if (n > 0) {
                tn_sb_append_cstr(sb, "    ");
                tn_sb_append(sb, s, (tn_ssize_t)n);
                tn_sb_append_cstr(sb, "\n");
            }
            break;
        }
        if (complete)
            cur++;
    }
    fclose(fp);
}

static void append_entry(TnStrBuilder *sb, const char *file, int line, const char *name)
{
    char head[128];
    tn_sb_append_cstr(sb, "  File \"");
    tn_sb_append_cstr(sb, file);
    snprintf(head, sizeof head, "\", line %d, in ", line);
    tn_sb_append_cstr(sb, head);
    tn_sb_append_cstr(sb, name);
    tn_sb_append_cstr(sb, "\n");
    append_source_line(sb, file, line);
}

static void append_repeated(TnStrBuilder *sb, int cnt)
{
    if (cnt > TB_RECURSIVE_CUTOFF) {
        char buf[96];
        cnt -= TB_RECURSIVE_CUTOFF;
        snprintf(buf, sizeof buf, "  [Previous line repeated %d more time%s]\n", cnt,
                 cnt > 1 ? "s" : "");
        tn_sb_append_cstr(sb, buf);
    }
}

static void append_traceback(TnStrBuilder *sb, TnObject *tbo)
{
    const char *last_file = NULL, *last_name = NULL;
    int last_line = -1, cnt = 0;
    tn_sb_append_cstr(sb, "Traceback (most recent call last):\n");
    for (TnTraceback *tb = (TnTraceback *)tbo; tb; tb = tb->tb_next) {
        TnFrame *f = tb->tb_frame ? tn_frame_object_frame(tb->tb_frame) : NULL;
        const char *file = f ? TN_STR_DATA(f->code->co_filename) : "???";
        const char *name = f ? TN_STR_DATA(f->code->co_name) : "???";
        if (last_file && strcmp(file, last_file) == 0 && tb->tb_lineno == last_line
            && strcmp(name, last_name) == 0) {
            cnt++;
            if (cnt > TB_RECURSIVE_CUTOFF)
                continue;
        } else {
            append_repeated(sb, cnt);
            last_file = file;
            last_name = name;
            last_line = tb->tb_lineno;
            cnt = 1;
        }
        append_entry(sb, file, tb->tb_lineno, name);
    }
    append_repeated(sb, cnt);
}

/* "  File "f", line N\n    text\n    ^\n" for SyntaxError. */
static void append_syntax_error_location(TnStrBuilder *sb, TnObject *exc)
{
    TnSyntaxError *se = (TnSyntaxError *)exc;
    char buf[64];
    tn_sb_append_cstr(sb, "  File \"");
    if (se->filename && tn_str_check(se->filename))
        tn_sb_append_str(sb, se->filename);
    else
        tn_sb_append_cstr(sb, "<string>");
    tn_sb_append_cstr(sb, "\"");
    int lineno = se->lineno && TN_INT_IS_SMALL(se->lineno) ? (int)TN_INT_IVAL(se->lineno) : 0;
    if (lineno > 0) {
        snprintf(buf, sizeof buf, ", line %d", lineno);
        tn_sb_append_cstr(sb, buf);
    }
    tn_sb_append_cstr(sb, "\n");
    if (!se->text || !tn_str_check(se->text))
        return;
    const char *text = TN_STR_DATA(se->text);
    long offset = se->offset && TN_INT_IS_SMALL(se->offset) ? (long)TN_INT_IVAL(se->offset) : -1;
    long end = se->end_offset && TN_INT_IS_SMALL(se->end_offset)
               ? (long)TN_INT_IVAL(se->end_offset) : -1;
    long strip = 0;
    while (text[strip] == ' ' || text[strip] == '\t' || text[strip] == '\f')
        strip++;
    size_t n = strlen(text + strip);
    while (n > 0 && (text[strip + n - 1] == '\n' || text[strip + n - 1] == '\r'))
        n--;
    tn_sb_append_cstr(sb, "    ");
    tn_sb_append(sb, text + strip, (tn_ssize_t)n);
    tn_sb_append_cstr(sb, "\n");
    if (offset >= 1) {
        long col = offset - 1 - strip;
        if (col < 0)
            col = 0;
        long width = end > offset ? end - offset : 1;
        if (col + width > (long)n + 1)
            width = 1;
        tn_sb_append_cstr(sb, "    ");
        for (long i = 0; i < col; i++)
            tn_sb_append_cstr(sb, " ");
        for (long i = 0; i < width; i++)
            tn_sb_append_cstr(sb, "^");
        tn_sb_append_cstr(sb, "\n");
    }
}

/* "module.Name: message" (module omitted for builtins and __main__). */
static void append_exception_line(TnStrBuilder *sb, TnObject *exc, int always_colon)
{
    TnType *t = TN_TYPE(exc);
    TnObject *module = NULL, *qualname = NULL;
    if (tn_object_lookup_attr((TnObject *)t, TN_ID(__module__), &module) < 0)
        tn_err_clear();
    if (tn_object_lookup_attr((TnObject *)t, TN_ID(__qualname__), &qualname) < 0)
        tn_err_clear();
    if (!module || !tn_str_check(module)) {
        tn_sb_append_cstr(sb, "<unknown>.");
    } else if (!tn_str_eq_cstr(module, "builtins") && !tn_str_eq_cstr(module, "__main__")) {
        tn_sb_append_str(sb, module);
        tn_sb_append_cstr(sb, ".");
    }
    if (qualname && tn_str_check(qualname)) {
        tn_sb_append_str(sb, qualname);
    } else {
        const char *dot = strrchr(t->tp_name, '.');
        tn_sb_append_cstr(sb, dot ? dot + 1 : t->tp_name);
    }
    TN_XDECREF(module);
    TN_XDECREF(qualname);

    TnObject *s;
    if (tn_is_instance_fast(exc, &tn_exc_SyntaxError)) {
        TnObject *msg = ((TnSyntaxError *)exc)->msg;
        s = msg ? tn_object_str(msg) : tn_object_str(exc);
    } else {
        s = tn_object_str(exc);
    }
    if (!s) {
        tn_err_clear();
        tn_sb_append_cstr(sb, ": <exception str() failed>");
    } else {
        if (TN_STR_SIZE(s) > 0 || always_colon) {
            tn_sb_append_cstr(sb, ": ");
            tn_sb_append_str(sb, s);
        }
        TN_DECREF(s);
    }
    tn_sb_append_cstr(sb, "\n");
}

#define MAX_CHAIN 64

static void append_exception_chain(TnStrBuilder *sb, TnObject *exc, TnObject **seen, int *nseen)
{
    if (*nseen >= MAX_CHAIN)
        return;
    seen[(*nseen)++] = exc;
    if (tn_exc_check(exc)) {
        TnObject *cause = tn_exc_get_cause(exc);
        TnObject *context = tn_exc_get_context(exc);
        int suppress = ((TnBaseException *)exc)->suppress_context;
        int already = 0;
        if (cause && cause != tn_None) {
            for (int i = 0; i < *nseen; i++)
                already |= seen[i] == cause;
            if (!already) {
                append_exception_chain(sb, cause, seen, nseen);
                tn_sb_append_cstr(sb, "\nThe above exception was the direct cause of the "
                                      "following exception:\n\n");
            }
        } else if (context && context != tn_None && !suppress) {
            for (int i = 0; i < *nseen; i++)
                already |= seen[i] == context;
            if (!already) {
                append_exception_chain(sb, context, seen, nseen);
                tn_sb_append_cstr(sb, "\nDuring handling of the above exception, another "
                                      "exception occurred:\n\n");
            }
        }
        TnObject *tb = tn_exc_get_traceback(exc);
        if (tb && tn_traceback_check(tb))
            append_traceback(sb, tb);
        if (tn_is_instance_fast(exc, &tn_exc_SyntaxError))
            append_syntax_error_location(sb, exc);
        append_exception_line(sb, exc, 0);
    } else {
        tn_sb_append_cstr(sb, "TypeError: print_exception(): Exception expected for value, ");
        tn_sb_append_cstr(sb, TN_TYPE(exc)->tp_name);
        tn_sb_append_cstr(sb, " found\n");
    }
}

/* Write text to sys.stderr (and flush it), or to the C stderr when sys
 * has no usable stderr. */
static void write_stderr(TnObject *text)
{
    TnObject *file = NULL;
    if (tn_runtime.sys && tn_object_lookup_attr(tn_runtime.sys, TN_ID(stderr), &file) < 0) {
        tn_err_clear();
        file = NULL;
    }
    if (file && file != tn_None) {
        TnObject *r = tn_call_method(file, TN_ID(write), &text, 1);
        if (r) {
            TN_DECREF(r);
            r = tn_call_method(file, TN_ID(flush), NULL, 0);
            TN_XDECREF(r);
            tn_err_clear();
            TN_DECREF(file);
            return;
        }
        tn_err_clear();
    }
    TN_XDECREF(file);
    fwrite(TN_STR_DATA(text), 1, (size_t)TN_STR_SIZE(text), stderr);
    fflush(stderr);
}

void tn_traceback_print(TnObject *tb, void *out)
{
    TnStrBuilder sb;
    tn_sb_init(&sb);
    append_traceback(&sb, tb);
    TnObject *s = tn_sb_finish(&sb);
    if (!s) {
        tn_err_clear();
        return;
    }
    fwrite(TN_STR_DATA(s), 1, (size_t)TN_STR_SIZE(s), out ? (FILE *)out : stderr);
    TN_DECREF(s);
}

void tn_err_print_exception(TnObject *exc)
{
    TnObject *saved = tn_err_fetch();
    TnObject *seen[MAX_CHAIN];
    int nseen = 0;
    TnStrBuilder sb;
    tn_sb_init(&sb);
    append_exception_chain(&sb, exc, seen, &nseen);
    TnObject *s = tn_sb_finish(&sb);
    if (s) {
        write_stderr(s);
        TN_DECREF(s);
    }
    tn_err_clear();
    tn_err_restore(saved);
}

void tn_err_write_unraisable(TnObject *where)
{
    TnObject *exc = tn_err_fetch();
    if (!exc)
        return;
    TnStrBuilder sb;
    tn_sb_init(&sb);
    if (where) {
        tn_sb_append_cstr(&sb, "Exception ignored in: ");
        TnObject *r = tn_object_repr(where);
        if (r) {
            tn_sb_append_str(&sb, r);
            TN_DECREF(r);
        } else {
            tn_err_clear();
            tn_sb_append_cstr(&sb, "<object repr() failed>");
        }
        tn_sb_append_cstr(&sb, "\n");
    }
    /* CPython's default unraisable hook prints the exception alone (no
     * __cause__/__context__ chain), always as "Type: str". */
    if (tn_exc_check(exc)) {
        TnObject *tb = tn_exc_get_traceback(exc);
        if (tb && tn_traceback_check(tb))
            append_traceback(&sb, tb);
    }
    append_exception_line(&sb, exc, 1);
    TnObject *s = tn_sb_finish(&sb);
    if (s) {
        write_stderr(s);
        TN_DECREF(s);
    }
    tn_err_clear();
    TN_DECREF(exc);
}
