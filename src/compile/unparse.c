/* Expression unparser for `from __future__ import annotations`: the text
 * stored in __annotations__ must be what CPython 3.11 stores, because
 * programs compare and eval it. So parentheses follow the operator
 * precedence exactly as CPython's ast_unparse decides them (only where the
 * tree needs them, whatever the source had), and constants use repr. */
#include <string.h>
#include "compile_internal.h"
#include "tandem/abstract.h"
#include "tandem/error.h"
#include "tandem/float.h"
#include "tandem/str.h"

#define TRY(x) do { if ((x) < 0) return -1; } while (0)

/* Binding strength, weakest first; an operand printed at a level higher
 * than its own operator's gets parentheses. */
enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP,
    PR_BOR, PR_BXOR, PR_BAND, PR_SHIFT, PR_ARITH, PR_TERM, PR_FACTOR,
    PR_POWER, PR_AWAIT, PR_ATOM
};

typedef struct { char *buf; size_t len, cap; int err; } Buf;

static void put(Buf *b, const char *s, size_t n)
{
    if (b->err)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 64;
        while (nc < b->len + n + 1)
            nc *= 2;
        char *nb = tn_mem_realloc(b->buf, nc);
        if (!nb) {
            b->err = 1;
            return;
        }
        b->buf = nb;
        b->cap = nc;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = 0;
}

static void puts_(Buf *b, const char *s) { put(b, s, strlen(s)); }

static void open_if(Buf *b, int cond) { if (cond) puts_(b, "("); }
static void close_if(Buf *b, int cond) { if (cond) puts_(b, ")"); }

static int unparse(TnCompiler *c, Buf *b, TnExpr *e, int level);

static int unsupported(TnExpr *e)
{
    tn_err_format(&tn_exc_NotImplementedError,
                  "this annotation cannot be stringized under 'from __future__ import annotations' (line %d)",
                  e->loc.lineno);
    return -1;
}

static int seq(TnCompiler *c, Buf *b, TnExprSeq *s, int level)
{
    for (int i = 0; i < s->n; i++) {
        if (i)
            puts_(b, ", ");
        TRY(unparse(c, b, s->items[i], level));
    }
    return 0;
}

static int constant(TnCompiler *c, Buf *b, TnExpr *e)
{
    if (e->v.constant.kind == TN_CONST_ELLIPSIS) {
        puts_(b, "...");
        return 0;
    }
    if (e->v.constant.kind == TN_CONST_IMAG)
        return unsupported(e);
    TnObject *k;
    if (tn_c_const_object(c, e, &k) < 0)
        return -1;
    /* An infinite literal (1e400) must read back as a float literal. */
    if (tn_float_check_exact(k) && (TN_FLOAT_VAL(k) > 1e308 || TN_FLOAT_VAL(k) < -1e308)) {
        TN_DECREF(k);
        puts_(b, "1e309");
        return 0;
    }
    TnObject *r = tn_object_repr(k);
    TN_DECREF(k);
    if (!r)
        return -1;
    puts_(b, tn_str_as_cstr(r));
    TN_DECREF(r);
    return 0;
}

static int binop_level(TnOperator op)
{
    switch (op) {
    case TN_OP_ADD: case TN_OP_SUB: return PR_ARITH;
    case TN_OP_LSHIFT: case TN_OP_RSHIFT: return PR_SHIFT;
    case TN_OP_AND: return PR_BAND;
    case TN_OP_XOR: return PR_BXOR;
    case TN_OP_OR: return PR_BOR;
    case TN_OP_POW: return PR_POWER;
    default: return PR_TERM;
    }
}

static int lambda_args(TnCompiler *c, Buf *b, TnArguments *a)
{
    int first = 1;
    int npos = a->posonlyargs.n + a->args.n;
    int ndef = a->defaults.n;
    for (int i = 0; i < npos; i++) {
        TnArg *arg = i < a->posonlyargs.n ? a->posonlyargs.items[i]
                                          : a->args.items[i - a->posonlyargs.n];
        puts_(b, first ? "" : ", ");
        first = 0;
        puts_(b, arg->arg);
        int di = i - (npos - ndef);
        if (di >= 0) {
            puts_(b, "=");
            TRY(unparse(c, b, a->defaults.items[di], PR_TEST));
        }
        if (i + 1 == a->posonlyargs.n)
            puts_(b, ", /");
    }
    if (a->vararg || a->kwonlyargs.n) {
        puts_(b, first ? "*" : ", *");
        first = 0;
        if (a->vararg)
            puts_(b, a->vararg->arg);
    }
    for (int i = 0; i < a->kwonlyargs.n; i++) {
        puts_(b, ", ");
        puts_(b, a->kwonlyargs.items[i]->arg);
        if (a->kw_defaults.items[i]) {
            puts_(b, "=");
            TRY(unparse(c, b, a->kw_defaults.items[i], PR_TEST));
        }
    }
    if (a->kwarg) {
        puts_(b, first ? "**" : ", **");
        puts_(b, a->kwarg->arg);
    }
    return 0;
}

static int comprehension(TnCompiler *c, Buf *b, TnExpr *e)
{
    const char *open = e->kind == TN_EXPR_LISTCOMP ? "[" : e->kind == TN_EXPR_GENEXP ? "(" : "{";
    const char *close = e->kind == TN_EXPR_LISTCOMP ? "]" : e->kind == TN_EXPR_GENEXP ? ")" : "}";
    puts_(b, open);
    if (e->kind == TN_EXPR_DICTCOMP) {
        TRY(unparse(c, b, e->v.comp.key, PR_TEST));
        puts_(b, ": ");
        TRY(unparse(c, b, e->v.comp.value, PR_TEST));
    } else {
        TRY(unparse(c, b, e->v.comp.elt, PR_TEST));
    }
    for (int i = 0; i < e->v.comp.generators.n; i++) {
        TnComprehension *g = e->v.comp.generators.items[i];
        puts_(b, g->is_async ? " async for " : " for ");
        TRY(unparse(c, b, g->target, PR_TUPLE));
        puts_(b, " in ");
        TRY(unparse(c, b, g->iter, PR_TEST + 1));
        for (int j = 0; j < g->ifs.n; j++) {
            puts_(b, " if ");
            TRY(unparse(c, b, g->ifs.items[j], PR_TEST + 1));
        }
    }
    puts_(b, close);
    return 0;
}

static int call(TnCompiler *c, Buf *b, TnExpr *e)
{
    TRY(unparse(c, b, e->v.call.func, PR_ATOM));
    TnExprSeq *args = &e->v.call.args;
    TnKeywordSeq *kws = &e->v.call.keywords;
    /* f(x for x in y): the call's parentheses are the generator's. */
    if (args->n == 1 && kws->n == 0 && args->items[0]->kind == TN_EXPR_GENEXP)
        return unparse(c, b, args->items[0], PR_TEST);
    puts_(b, "(");
    TRY(seq(c, b, args, PR_TEST));
    for (int i = 0; i < kws->n; i++) {
        if (i || args->n)
            puts_(b, ", ");
        if (kws->items[i]->arg) {
            puts_(b, kws->items[i]->arg);
            puts_(b, "=");
        } else {
            puts_(b, "**");
        }
        TRY(unparse(c, b, kws->items[i]->value, PR_TEST));
    }
    puts_(b, ")");
    return 0;
}

static int slice(TnCompiler *c, Buf *b, TnExpr *e)
{
    if (e->v.slice.lower)
        TRY(unparse(c, b, e->v.slice.lower, PR_TEST));
    puts_(b, ":");
    if (e->v.slice.upper)
        TRY(unparse(c, b, e->v.slice.upper, PR_TEST));
    if (e->v.slice.step) {
        puts_(b, ":");
        TRY(unparse(c, b, e->v.slice.step, PR_TEST));
    }
    return 0;
}

static int subscript(TnCompiler *c, Buf *b, TnExpr *e)
{
    TnExpr *s = e->v.subscript.slice;
    TRY(unparse(c, b, e->v.subscript.value, PR_ATOM));
    puts_(b, "[");
    if (s->kind == TN_EXPR_TUPLE && s->v.list.elts.n) {
        TRY(seq(c, b, &s->v.list.elts, PR_TEST));
        if (s->v.list.elts.n == 1)
            puts_(b, ",");
    } else {
        TRY(unparse(c, b, s, PR_TUPLE));
    }
    puts_(b, "]");
    return 0;
}

/* The text between an f-string's quotes (or of a format spec): literal
 * braces doubled, replacement fields as {expr!c:spec}. */
static int fstring_body(TnCompiler *c, Buf *b, TnExpr *joined)
{
    TnExprSeq *vals = &joined->v.joined.values;
    for (int i = 0; i < vals->n; i++) {
        TnExpr *v = vals->items[i];
        if (v->kind == TN_EXPR_CONSTANT) {
            const char *p = v->v.constant.bytes;
            for (size_t k = 0; k < v->v.constant.len; k++) {
                if (p[k] == '{' || p[k] == '}')
                    put(b, p + k, 1);
                put(b, p + k, 1);
            }
            continue;
        }
        if (v->kind != TN_EXPR_FORMATTEDVALUE)
            return unsupported(v);
        Buf inner = { NULL, 0, 0, 0 };
        put(&inner, "", 0);
        /* PR_TEST + 1: a lambda's ':' would end the field. */
        int r = unparse(c, &inner, v->v.formatted.value, PR_TEST + 1);
        if (r == 0 && !inner.err) {
            puts_(b, inner.buf[0] == '{' ? "{ " : "{");
            puts_(b, inner.buf);
        }
        tn_mem_free(inner.buf);
        if (inner.err)
            b->err = 1;
        TRY(r);
        int conv = v->v.formatted.conversion;
        if (conv == 's' || conv == 'r' || conv == 'a') {
            char cs[3] = { '!', (char)conv, 0 };
            puts_(b, cs);
        }
        if (v->v.formatted.format_spec) {
            puts_(b, ":");
            TRY(fstring_body(c, b, v->v.formatted.format_spec));
        }
        puts_(b, "}");
    }
    return 0;
}

/* f + the repr of the body, so the quotes are whatever repr picks. */
static int fstring(TnCompiler *c, Buf *b, TnExpr *e)
{
    Buf body = { NULL, 0, 0, 0 };
    put(&body, "", 0);
    int r = fstring_body(c, &body, e);
    TnObject *text = NULL, *rep = NULL;
    if (r == 0 && !body.err)
        text = tn_str_from_utf8(body.buf, (tn_ssize_t)body.len);
    tn_mem_free(body.buf);
    if (body.err) {
        b->err = 1;
        return -1;
    }
    if (!text)
        return -1;
    rep = tn_object_repr(text);
    TN_DECREF(text);
    if (!rep)
        return -1;
    puts_(b, "f");
    puts_(b, tn_str_as_cstr(rep));
    TN_DECREF(rep);
    return 0;
}

static int unparse_inner(TnCompiler *c, Buf *b, TnExpr *e, int level)
{
    static const char *const binops[] = { " + ", " & ", " // ", " << ", " @ ", " * ", " % ",
                                          " | ", " ** ", " >> ", " - ", " / ", " ^ " };
    static const char *const cmpops[] = { " < ", " <= ", " == ", " != ", " > ", " >= ",
                                          " is ", " is not ", " in ", " not in " };
    switch (e->kind) {
    case TN_EXPR_NAME:
        puts_(b, e->v.name.id);
        return 0;
    case TN_EXPR_CONSTANT:
        return constant(c, b, e);
    case TN_EXPR_ATTRIBUTE: {
        TnExpr *v = e->v.attribute.value;
        TRY(unparse(c, b, v, PR_ATOM));
        /* "1.real" would lex as a float. */
        int int_const = v->kind == TN_EXPR_CONSTANT && v->v.constant.kind == TN_CONST_INT;
        puts_(b, int_const ? " ." : ".");
        puts_(b, e->v.attribute.attr);
        return 0;
    }
    case TN_EXPR_SUBSCRIPT:
        return subscript(c, b, e);
    case TN_EXPR_SLICE:
        return slice(c, b, e);
    case TN_EXPR_CALL:
        return call(c, b, e);
    case TN_EXPR_STARRED:
        puts_(b, "*");
        return unparse(c, b, e->v.starred.value, PR_BOR);
    case TN_EXPR_TUPLE: {
        TnExprSeq *el = &e->v.list.elts;
        if (el->n == 0) {
            puts_(b, "()");
            return 0;
        }
        open_if(b, level > PR_TUPLE);
        TRY(seq(c, b, el, PR_TEST));
        if (el->n == 1)
            puts_(b, ",");
        close_if(b, level > PR_TUPLE);
        return 0;
    }
    case TN_EXPR_LIST:
        puts_(b, "[");
        TRY(seq(c, b, &e->v.list.elts, PR_TEST));
        puts_(b, "]");
        return 0;
    case TN_EXPR_SET:
        if (e->v.set.elts.n == 0) {
            puts_(b, "{*()}");
            return 0;
        }
        puts_(b, "{");
        TRY(seq(c, b, &e->v.set.elts, PR_TEST));
        puts_(b, "}");
        return 0;
    case TN_EXPR_DICT:
        puts_(b, "{");
        for (int i = 0; i < e->v.dict.values.n; i++) {
            if (i)
                puts_(b, ", ");
            TnExpr *k = e->v.dict.keys.items[i];
            if (k) {
                TRY(unparse(c, b, k, PR_TEST));
                puts_(b, ": ");
                TRY(unparse(c, b, e->v.dict.values.items[i], PR_TEST));
            } else {
                puts_(b, "**");
                TRY(unparse(c, b, e->v.dict.values.items[i], PR_BOR));
            }
        }
        puts_(b, "}");
        return 0;
    case TN_EXPR_LISTCOMP: case TN_EXPR_SETCOMP: case TN_EXPR_DICTCOMP: case TN_EXPR_GENEXP:
        return comprehension(c, b, e);
    case TN_EXPR_BINOP: {
        int pr = binop_level(e->v.binop.op);
        int rassoc = e->v.binop.op == TN_OP_POW;
        open_if(b, level > pr);
        TRY(unparse(c, b, e->v.binop.left, pr + rassoc));
        puts_(b, binops[e->v.binop.op]);
        TRY(unparse(c, b, e->v.binop.right, pr + !rassoc));
        close_if(b, level > pr);
        return 0;
    }
    case TN_EXPR_UNARYOP: {
        TnUnaryOp op = e->v.unaryop.op;
        int pr = op == TN_UOP_NOT ? PR_NOT : PR_FACTOR;
        open_if(b, level > pr);
        puts_(b, op == TN_UOP_USUB ? "-" : op == TN_UOP_UADD ? "+" : op == TN_UOP_INVERT ? "~" : "not ");
        TRY(unparse(c, b, e->v.unaryop.operand, pr));
        close_if(b, level > pr);
        return 0;
    }
    case TN_EXPR_BOOLOP: {
        int pr = e->v.boolop.op == TN_BOOL_AND ? PR_AND : PR_OR;
        open_if(b, level > pr);
        for (int i = 0; i < e->v.boolop.values.n; i++) {
            if (i)
                puts_(b, pr == PR_AND ? " and " : " or ");
            TRY(unparse(c, b, e->v.boolop.values.items[i], pr + 1));
        }
        close_if(b, level > pr);
        return 0;
    }
    case TN_EXPR_COMPARE:
        open_if(b, level > PR_CMP);
        TRY(unparse(c, b, e->v.compare.left, PR_CMP + 1));
        for (int i = 0; i < e->v.compare.n; i++) {
            puts_(b, cmpops[e->v.compare.ops[i]]);
            TRY(unparse(c, b, e->v.compare.comparators[i], PR_CMP + 1));
        }
        close_if(b, level > PR_CMP);
        return 0;
    case TN_EXPR_IFEXP:
        open_if(b, level > PR_TEST);
        TRY(unparse(c, b, e->v.ifexp.body, PR_TEST + 1));
        puts_(b, " if ");
        TRY(unparse(c, b, e->v.ifexp.test, PR_TEST + 1));
        puts_(b, " else ");
        TRY(unparse(c, b, e->v.ifexp.orelse, PR_TEST));
        close_if(b, level > PR_TEST);
        return 0;
    case TN_EXPR_LAMBDA: {
        TnArguments *a = e->v.lambda.args;
        int any = a->posonlyargs.n || a->args.n || a->vararg || a->kwonlyargs.n || a->kwarg;
        open_if(b, level > PR_TEST);
        puts_(b, any ? "lambda " : "lambda");
        TRY(lambda_args(c, b, a));
        puts_(b, ": ");
        TRY(unparse(c, b, e->v.lambda.body, PR_TEST));
        close_if(b, level > PR_TEST);
        return 0;
    }
    case TN_EXPR_JOINEDSTR:
        return fstring(c, b, e);
    case TN_EXPR_AWAIT:
        open_if(b, level > PR_AWAIT);
        puts_(b, "await ");
        TRY(unparse(c, b, e->v.await_.value, PR_ATOM));
        close_if(b, level > PR_AWAIT);
        return 0;
    default:
        /* yield and named expressions are SyntaxErrors in annotations. */
        return unsupported(e);
    }
}

static int unparse(TnCompiler *c, Buf *b, TnExpr *e, int level)
{
    if (tn_c_enter(&c->depth) < 0)
        return -1;
    int r = unparse_inner(c, b, e, level);
    c->depth--;
    return r;
}

char *tn_c_unparse(TnCompiler *c, TnExpr *e)
{
    Buf b = { NULL, 0, 0, 0 };
    put(&b, "", 0);
    if (unparse(c, &b, e, PR_TEST) < 0 || b.err) {
        tn_mem_free(b.buf);
        if (b.err && !tn_err_occurred())
            tn_err_nomemory();
        return NULL;
    }
    return b.buf;
}
