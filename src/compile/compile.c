/* The compiler's core: compilation units (one per code object), basic
 * blocks and instruction emission, constants and names, name resolution
 * (which LOAD_* / STORE_* a name compiles to), functions, classes, lambdas
 * and comprehensions, and the entry points. Statements and expressions are
 * in compile_stmt.c and compile_expr.c; assembly in assemble.c.
 * Patterns follow CPython 3.10's Python/compile.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compile_internal.h"
#include "tandem/abstract.h"
#include "tandem/bytes.h"
#include "tandem/error.h"
#include "tandem/float.h"
#include "tandem/int.h"
#include "tandem/str.h"
#include "tandem/tuple.h"

#define TRY(x) do { if ((x) < 0) return -1; } while (0)

/* ---- syntax errors -------------------------------------------------------- */

/* The source line `lineno` (1-based) of src, with its newline. */
static TnObject *source_line(const char *src, size_t len, int lineno)
{
    if (!src || lineno < 1)
        return NULL;
    size_t i = 0;
    for (int l = 1; l < lineno && i < len; i++)
        if (src[i] == '\n')
            l++;
    if (i >= len && lineno > 1)
        return NULL;
    size_t j = i;
    while (j < len && src[j] != '\n')
        j++;
    if (j < len)
        j++;
    return tn_str_from_utf8(src + i, (tn_ssize_t)(j - i));
}

/* 1-based character offset of byte column `col` on line `lineno`. */
static int char_offset(const char *src, size_t len, int lineno, int col)
{
    if (!src || lineno < 1 || col < 0)
        return col + 1;
    size_t i = 0;
    for (int l = 1; l < lineno && i < len; i++)
        if (src[i] == '\n')
            l++;
    int chars = 0;
    for (int k = 0; k < col && i + (size_t)k < len; k++)
        if (((unsigned char)src[i + k] & 0xC0) != 0x80)
            chars++;
    return chars + 1;
}

TnObject *tn_raise_syntax_error(const char *type, const char *msg, const char *filename,
                                int lineno, int col, int end_lineno, int end_col,
                                const char *src, size_t len)
{
    TnType *t = &tn_exc_SyntaxError;
    if (type && strcmp(type, "IndentationError") == 0)
        t = &tn_exc_IndentationError;
    else if (type && strcmp(type, "TabError") == 0)
        t = &tn_exc_TabError;
    TnObject *m = NULL, *fn = NULL, *ln = NULL, *off = NULL, *text = NULL, *eln = NULL,
             *eoff = NULL, *info = NULL, *exc = NULL;
    m = tn_str_from_cstr(msg);
    fn = tn_str_from_cstr(filename ? filename : "<string>");
    if (!m || !fn)
        goto done;
    text = source_line(src, len, lineno);
    if (!text) {
        tn_err_clear();
        text = tn_newref(tn_None);
    }
    ln = tn_int_from_i64(lineno);
    off = tn_int_from_i64(char_offset(src, len, lineno, col));
    eln = tn_int_from_i64(end_lineno > 0 ? end_lineno : lineno);
    eoff = tn_int_from_i64(end_lineno > 0 ? char_offset(src, len, end_lineno, end_col)
                                          : char_offset(src, len, lineno, col));
    if (!ln || !off || !eln || !eoff)
        goto done;
    info = tn_tuple_pack(6, fn, ln, off, text, eln, eoff);
    if (!info)
        goto done;
    TnObject *args[2] = { m, info };
    exc = tn_call((TnObject *)t, args, 2, NULL);
    if (exc)
        tn_err_set(exc);
done:
    TN_XDECREF(m); TN_XDECREF(fn); TN_XDECREF(ln); TN_XDECREF(off); TN_XDECREF(text);
    TN_XDECREF(eln); TN_XDECREF(eoff); TN_XDECREF(info);
    return NULL;
}

int tn_compile_error(const char *filename, const char *src, size_t srclen,
                     int lineno, int col, int end_lineno, int end_col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    tn_raise_syntax_error("SyntaxError", msg, filename, lineno, col, end_lineno, end_col,
                          src, srclen);
    return -1;
}

int tn_c_error(TnCompiler *c, TnLoc loc, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (loc.lineno <= 0)
        loc.lineno = c->u ? c->u->lineno : 1;
    return tn_compile_error(c->filename, c->src, c->srclen, loc.lineno, loc.col_offset,
                            loc.end_lineno, loc.end_col_offset, "%s", msg);
}

int tn_c_enter(int *depth)
{
    if (++*depth > TN_COMPILE_MAX_DEPTH) {
        --*depth;
        tn_err_setstr(&tn_exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return -1;
    }
    return 0;
}

/* ---- blocks and instructions ---------------------------------------------- */

TnBlock *tn_c_new_block(TnCompiler *c)
{
    TnBlock *b = tn_mem_calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->alloc_next = c->u->blocks;
    c->u->blocks = b;
    b->depth = -1;
    return b;
}

void tn_c_use_block(TnCompiler *c, TnBlock *b)
{
    c->u->cur->next = b;
    c->u->cur = b;
}

int tn_c_next_block(TnCompiler *c)
{
    TnBlock *b = tn_c_new_block(c);
    if (!b)
        return -1;
    tn_c_use_block(c, b);
    return 0;
}

static int emit(TnCompiler *c, int op, int arg, TnBlock *target)
{
    TnBlock *b = c->u->cur;
    if (b->n == b->cap) {
        int nc = b->cap ? b->cap * 2 : 16;
        TnInstr *ni = tn_mem_realloc(b->ins, (size_t)nc * sizeof *ni);
        if (!ni)
            return -1;
        b->ins = ni;
        b->cap = nc;
    }
    TnInstr *in = &b->ins[b->n++];
    in->op = op;
    in->arg = arg;
    in->target = target;
    in->lineno = c->u->lineno;
    return 0;
}

int tn_c_addop(TnCompiler *c, int op, int arg) { return emit(c, op, arg, NULL); }
int tn_c_addjump(TnCompiler *c, int op, TnBlock *target) { return emit(c, op, 0, target); }

/* ---- constants ------------------------------------------------------------- */

/* Constants are merged by (type, value): 0, 0.0, -0.0 and False stay apart. */
static int const_same(TnObject *a, TnObject *b)
{
    if (a == b)
        return 1;
    if (TN_TYPE(a) != TN_TYPE(b))
        return 0;
    if (TN_TYPE(a) == &tn_int_type)
        return tn_object_richcompare_bool(a, b, TN_EQ) == 1;
    if (TN_TYPE(a) == &tn_float_type)
        return memcmp(&TN_FLOAT_VAL(a), &TN_FLOAT_VAL(b), sizeof(double)) == 0;
    if (TN_TYPE(a) == &tn_str_type)
        return tn_str_eq(a, b);
    if (TN_TYPE(a) == &tn_bytes_type)
        return TN_BYTES_SIZE(a) == TN_BYTES_SIZE(b) &&
               memcmp(TN_BYTES_DATA(a), TN_BYTES_DATA(b), (size_t)TN_BYTES_SIZE(a)) == 0;
    if (TN_TYPE(a) == &tn_tuple_type) {
        if (TN_TUPLE_SIZE(a) != TN_TUPLE_SIZE(b))
            return 0;
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(a); i++)
            if (!const_same(TN_TUPLE_GET(a, i), TN_TUPLE_GET(b, i)))
                return 0;
        return 1;
    }
    return 0;
}

int tn_c_add_const(TnCompiler *c, TnObject *o)
{
    TnUnit *u = c->u;
    if (!o)
        return -1;
    if (!tn_code_check(o))
        for (int i = 0; i < u->nconsts; i++)
            if (const_same(u->consts[i], o)) {
                TN_DECREF(o);
                return i;
            }
    if (u->nconsts == u->cconsts) {
        int nc = u->cconsts ? u->cconsts * 2 : 8;
        TnObject **n = tn_mem_realloc(u->consts, (size_t)nc * sizeof *n);
        if (!n) {
            TN_DECREF(o);
            return -1;
        }
        u->consts = n;
        u->cconsts = nc;
    }
    u->consts[u->nconsts] = o;
    return u->nconsts++;
}

int tn_c_load_const(TnCompiler *c, TnObject *o)
{
    int i = tn_c_add_const(c, o);
    return i < 0 ? -1 : tn_c_addop(c, TN_LOAD_CONST, i);
}

int tn_c_load_none(TnCompiler *c) { return tn_c_load_const(c, tn_newref(tn_None)); }

static int is_identifier_like(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9')))
            return 0;
    }
    return 1;
}

TnObject *tn_c_str(TnCompiler *c, const char *s)
{
    (void)c;
    TnObject *o = tn_str_from_utf8(s, (tn_ssize_t)strlen(s));
    return o ? tn_str_intern(o) : NULL;
}

static TnObject *literal_object(TnCompiler *c, TnExpr *e)
{
    const char *t = e->v.constant.text;
    switch (e->v.constant.kind) {
    case TN_CONST_NONE: return tn_newref(tn_None);
    case TN_CONST_TRUE: return tn_newref(tn_True);
    case TN_CONST_FALSE: return tn_newref(tn_False);
    case TN_CONST_ELLIPSIS: return tn_newref(tn_Ellipsis);
    case TN_CONST_INT: return tn_int_from_string(t, (tn_ssize_t)strlen(t), 0);
    case TN_CONST_FLOAT: return tn_float_from_string(t, (tn_ssize_t)strlen(t));
    case TN_CONST_IMAG:
        tn_c_error(c, e->loc, "complex literals are not supported");
        return NULL;
    case TN_CONST_STR: {
        TnObject *s = tn_str_from_utf8(e->v.constant.bytes, (tn_ssize_t)e->v.constant.len);
        if (!s && tn_err_matches(&tn_exc_UnicodeDecodeError)) {
            /* Only a lone surrogate escape (\udc80...) gets here: tandem's
             * str never holds surrogates. Say so where the literal is. */
            tn_err_clear();
            tn_c_error(c, e->loc, "(unicode error) string literal contains a surrogate code point, "
                                  "which tandem does not support");
            return NULL;
        }
        if (s && is_identifier_like(e->v.constant.bytes, e->v.constant.len))
            s = tn_str_intern(s);
        return s;
    }
    case TN_CONST_BYTES:
        return tn_bytes_from_data(e->v.constant.bytes, (tn_ssize_t)e->v.constant.len);
    }
    return NULL;
}

static int const_object(TnCompiler *c, TnExpr *e, TnObject **out);

int tn_c_maybe_const(TnExpr *e)
{
    return e->kind == TN_EXPR_CONSTANT || e->kind == TN_EXPR_UNARYOP ||
           e->kind == TN_EXPR_TUPLE || e->kind == TN_EXPR_BINOP;
}

/* Size limits of folded results, CPython's (Python/ast_opt.c). */
#define FOLD_MAX_INT_BITS 128
#define FOLD_MAX_STR_SIZE 4096

static int bits_of(int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n = 0;
    while (m) {
        n++;
        m >>= 1;
    }
    return n;
}

/* Fold `a op b` for small ints, floats and short strings, as CPython's AST
 * optimizer does. Anything that would raise (1/0), or could build a huge
 * value (2**100000, 'x'*10**9), is left for run time. */
static int fold_binop(TnCompiler *c, TnExpr *e, TnObject **out)
{
    TnObject *a = NULL, *b = NULL;
    int ra, rb, r = 0;
    if (!tn_c_maybe_const(e->v.binop.left) || !tn_c_maybe_const(e->v.binop.right))
        return 0;
    /* Right first: in a long `a + b + c ...` chain it is the cheap side,
     * so a non-constant chain is rejected without walking down the left. */
    rb = tn_c_const_object(c, e->v.binop.right, &b);
    if (rb <= 0)
        return rb;
    ra = tn_c_const_object(c, e->v.binop.left, &a);
    if (ra <= 0) {
        TN_DECREF(b);
        return ra;
    }
    int op = (int)e->v.binop.op;
    int ai = TN_INT_IS_SMALL(a), bi = TN_INT_IS_SMALL(b);
    int af = TN_TYPE(a) == &tn_float_type, bf = TN_TYPE(b) == &tn_float_type;
    int as = TN_TYPE(a) == &tn_str_type, bs = TN_TYPE(b) == &tn_str_type;
    int ok = 0;
    if ((ai || af) && (bi || bf) && op != TN_OP_MATMUL) {
        ok = 1;
        if (ai && bi) {
            int64_t x = TN_INT_IVAL(a), y = TN_INT_IVAL(b);
            if (op == TN_OP_POW && y >= 0)
                ok = (int64_t)bits_of(x) * y <= FOLD_MAX_INT_BITS;
            else if (op == TN_OP_LSHIFT)
                ok = y >= 0 && y <= FOLD_MAX_INT_BITS && bits_of(x) + y <= FOLD_MAX_INT_BITS;
        }
    } else if (as && bs && op == TN_OP_ADD) {
        ok = TN_STR_SIZE(a) + TN_STR_SIZE(b) <= FOLD_MAX_STR_SIZE;
    } else if (as && bi && op == TN_OP_MUL) {
        int64_t n = TN_INT_IVAL(b);
        ok = n >= 0 && n <= FOLD_MAX_STR_SIZE && TN_STR_SIZE(a) * n <= FOLD_MAX_STR_SIZE;
    }
    if (ok) {
        *out = tn_number_binop(a, b, op);
        if (*out)
            r = 1;
        else if (tn_err_matches(&tn_exc_MemoryError))
            r = -1;
        else
            tn_err_clear();   /* 1/0, 10.0**400: raise at run time instead */
    }
    TN_DECREF(a);
    TN_DECREF(b);
    return r;
}

int tn_c_const_object(TnCompiler *c, TnExpr *e, TnObject **out)
{
    *out = NULL;
    if (tn_c_enter(&c->depth) < 0)
        return -1;
    int r = const_object(c, e, out);
    c->depth--;
    return r;
}

static int const_object(TnCompiler *c, TnExpr *e, TnObject **out)
{
    switch (e->kind) {
    case TN_EXPR_CONSTANT:
        *out = literal_object(c, e);
        return *out ? 1 : -1;
    case TN_EXPR_UNARYOP: {
        TnUnaryOp op = e->v.unaryop.op;
        if (op == TN_UOP_NOT)
            return 0;
        TnObject *v;
        int r = tn_c_const_object(c, e->v.unaryop.operand, &v);
        if (r <= 0)
            return r;
        int is_num = TN_TYPE(v) == &tn_int_type || TN_TYPE(v) == &tn_float_type;
        if (!is_num || (op == TN_UOP_INVERT && TN_TYPE(v) != &tn_int_type)) {
            TN_DECREF(v);
            return 0;
        }
        *out = op == TN_UOP_USUB ? tn_number_negative(v) :
               op == TN_UOP_UADD ? tn_number_positive(v) : tn_number_invert(v);
        TN_DECREF(v);
        return *out ? 1 : -1;
    }
    case TN_EXPR_BINOP:
        return fold_binop(c, e, out);
    case TN_EXPR_TUPLE: {
        TnExprSeq *elts = &e->v.list.elts;
        if (e->v.list.ctx != TN_CTX_LOAD)
            return 0;
        for (int i = 0; i < elts->n; i++)
            if (!tn_c_maybe_const(elts->items[i]))
                return 0;
        TnObject *t = tn_tuple_new(elts->n);
        if (!t)
            return -1;
        for (int i = 0; i < elts->n; i++) {
            TnObject *v;
            int r = tn_c_const_object(c, elts->items[i], &v);
            if (r <= 0) {
                /* Fill the rest so the partly built tuple can be freed. */
                for (int k = i; k < elts->n; k++)
                    TN_TUPLE_SET(t, k, tn_newref(tn_None));
                TN_DECREF(t);
                return r;
            }
            TN_TUPLE_SET(t, i, v);
        }
        *out = t;
        return 1;
    }
    default:
        return 0;
    }
}

/* ---- names ------------------------------------------------------------------ */

int tn_c_name_index(TnCompiler *c, TnNameTab *t, const char *name)
{
    (void)c;
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->s[i], name) == 0)
            return i;
    if (t->n == t->cap) {
        int nc = t->cap ? t->cap * 2 : 8;
        const char **ns = tn_mem_realloc(t->s, (size_t)nc * sizeof *ns);
        if (!ns)
            return -1;
        t->s = ns;
        t->cap = nc;
    }
    t->s[t->n] = name;
    return t->n++;
}

static int name_find(TnNameTab *t, const char *name)
{
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->s[i], name) == 0)
            return i;
    return -1;
}

const char *tn_c_mangle(TnCompiler *c, const char *name)
{
    return tn_mangle(c->arena, c->u->private_name, name);
}

int tn_c_addop_name(TnCompiler *c, int op, const char *name, int mangle)
{
    const char *m = mangle ? tn_c_mangle(c, name) : name;
    int i = tn_c_name_index(c, &c->u->names, m);
    return i < 0 ? -1 : tn_c_addop(c, op, i);
}

int tn_c_nameop(TnCompiler *c, const char *id, TnExprCtx ctx)
{
    TnUnit *u = c->u;
    const char *m = tn_c_mangle(c, id);
    int scope = tn_scope_of(u->ste, m);
    int is_func = u->ste->kind == BLOCK_FUNCTION;
    enum { OP_NAME, OP_FAST, OP_GLOBAL, OP_DEREF } kind = OP_NAME;
    switch (scope) {
    case SC_FREE: case SC_CELL: kind = OP_DEREF; break;
    case SC_LOCAL: kind = is_func ? OP_FAST : OP_NAME; break;
    case SC_GLOBAL_IMPLICIT: kind = is_func ? OP_GLOBAL : OP_NAME; break;
    case SC_GLOBAL_EXPLICIT: kind = OP_GLOBAL; break;
    default: kind = is_func ? OP_GLOBAL : OP_NAME; break;
    }
    /* A class-level name that a method also uses from an enclosing
     * function is still the class's own local for the class body. */
    if (scope == SC_FREE && u->ste->kind == BLOCK_CLASS) {
        TnSymbol *sym = tn_scope_find(u->ste, m);
        if (sym && (sym->flags & DEF_BOUND) && ctx != TN_CTX_LOAD)
            kind = OP_NAME;
    }
    int idx;
    switch (kind) {
    case OP_DEREF: {
        idx = name_find(&u->cellvars, m);
        if (idx < 0) {
            idx = name_find(&u->freevars, m);
            if (idx < 0) {
                tn_err_format(&tn_exc_SystemError, "compiler: no cell for '%s'", m);
                return -1;
            }
            idx += u->cellvars.n;
        }
        int op = ctx == TN_CTX_LOAD ? (u->ste->kind == BLOCK_CLASS ? TN_LOAD_CLASSDEREF : TN_LOAD_DEREF)
               : ctx == TN_CTX_STORE ? TN_STORE_DEREF : TN_DELETE_DEREF;
        return tn_c_addop(c, op, idx);
    }
    case OP_FAST:
        idx = tn_c_name_index(c, &u->varnames, m);
        if (idx < 0)
            return -1;
        return tn_c_addop(c, ctx == TN_CTX_LOAD ? TN_LOAD_FAST : ctx == TN_CTX_STORE ?
                          TN_STORE_FAST : TN_DELETE_FAST, idx);
    case OP_GLOBAL:
        return tn_c_addop_name(c, ctx == TN_CTX_LOAD ? TN_LOAD_GLOBAL : ctx == TN_CTX_STORE ?
                               TN_STORE_GLOBAL : TN_DELETE_GLOBAL, m, 0);
    default:
        return tn_c_addop_name(c, ctx == TN_CTX_LOAD ? TN_LOAD_NAME : ctx == TN_CTX_STORE ?
                               TN_STORE_NAME : TN_DELETE_NAME, m, 0);
    }
}

/* ---- frame blocks ----------------------------------------------------------- */

int tn_c_push_fblock(TnCompiler *c, TnLoc loc, int type, TnBlock *b, TnBlock *exit, const void *datum)
{
    if (c->u->nfb >= TN_MAXBLOCKS)
        return tn_c_error(c, loc, "too many statically nested blocks");
    TnFBlock *f = &c->u->fb[c->u->nfb++];
    f->type = type;
    f->block = b;
    f->exit = exit;
    f->datum = datum;
    return 0;
}

void tn_c_pop_fblock(TnCompiler *c) { c->u->nfb--; }

/* ---- units ------------------------------------------------------------------ */

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void free_unit(TnUnit *u)
{
    for (TnBlock *b = u->blocks; b;) {
        TnBlock *n = b->alloc_next;
        tn_mem_free(b->ins);
        tn_mem_free(b);
        b = n;
    }
    for (int i = 0; i < u->nconsts; i++)
        TN_DECREF(u->consts[i]);
    tn_mem_free(u->consts);
    tn_mem_free(u->names.s);
    tn_mem_free(u->varnames.s);
    tn_mem_free(u->cellvars.s);
    tn_mem_free(u->freevars.s);
    tn_mem_free(u->qualname);
    tn_mem_free(u);
}

static char *str_join3(const char *a, const char *sep, const char *b)
{
    size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
    char *r = tn_mem_alloc(la + ls + lb + 1);
    if (!r)
        return NULL;
    memcpy(r, a, la);
    memcpy(r + la, sep, ls);
    memcpy(r + la + ls, b, lb + 1);
    return r;
}

static int set_qualname(TnCompiler *c)
{
    TnUnit *u = c->u, *p = u->parent;
    const char *base = NULL;
    int locals = 0;
    if (p && p->ste->kind != BLOCK_MODULE) {
        int force_global = 0;
        if (!u->ste->is_comprehension && !u->ste->is_lambda) {
            const char *m = tn_mangle(c->arena, p->private_name, u->name);
            if (tn_scope_of(p->ste, m) == SC_GLOBAL_EXPLICIT)
                force_global = 1;
        }
        if (!force_global) {
            base = p->qualname;
            locals = p->ste->kind == BLOCK_FUNCTION;
        }
    }
    u->qualname = base ? str_join3(base, locals ? ".<locals>." : ".", u->name)
                       : str_join3(u->name, "", "");
    return u->qualname ? 0 : -1;
}

static int enter_scope(TnCompiler *c, const char *name, const void *key, int lineno)
{
    TnUnit *u = tn_mem_calloc(1, sizeof *u);
    if (!u)
        return -1;
    u->parent = c->u;
    c->u = u;
    u->ste = tn_symtable_lookup(&c->st, key);
    if (!u->ste) {
        tn_err_setstr(&tn_exc_SystemError, "compiler: unknown scope");
        return -1;
    }
    u->name = name;
    u->firstlineno = u->lineno = lineno;
    u->private_name = u->ste->kind == BLOCK_CLASS ? name : (u->parent ? u->parent->private_name : NULL);
    TnScope *s = u->ste;
    for (int i = 0; i < s->nparams; i++)
        TRY(tn_c_name_index(c, &u->varnames, s->params[i]));
    for (int i = 0; i < s->nsyms; i++) {
        TnSymbol *sym = &s->syms[i];
        if (sym->scope == SC_CELL)
            TRY(tn_c_name_index(c, &u->cellvars, sym->name));
        else if (sym->scope == SC_FREE || (sym->flags & DEF_FREE_CLASS))
            TRY(tn_c_name_index(c, &u->freevars, sym->name));
    }
    if (s->kind == BLOCK_CLASS && s->needs_class_closure)
        TRY(tn_c_name_index(c, &u->cellvars, "__class__"));
    if (u->cellvars.n > 1)
        qsort(u->cellvars.s, (size_t)u->cellvars.n, sizeof(char *), cmp_cstr);
    if (u->freevars.n > 1)
        qsort(u->freevars.s, (size_t)u->freevars.n, sizeof(char *), cmp_cstr);
    u->entry = u->cur = tn_c_new_block(c);
    if (!u->cur)
        return -1;
    return set_qualname(c);
}

static void exit_scope(TnCompiler *c)
{
    TnUnit *u = c->u;
    c->u = u->parent;
    free_unit(u);
}

/* Push the closure (if the code has free variables), the code and its
 * qualified name, and MAKE_FUNCTION. */
static int make_closure(TnCompiler *c, TnObject *co, int flags, const char *qualname)
{
    TnCode *code = (TnCode *)co;
    tn_ssize_t nfree = TN_TUPLE_SIZE(code->co_freevars);
    if (nfree > 0) {
        for (tn_ssize_t i = 0; i < nfree; i++) {
            const char *name = tn_str_as_cstr(TN_TUPLE_GET(code->co_freevars, i));
            int idx = name_find(&c->u->cellvars, name);
            if (idx < 0) {
                idx = name_find(&c->u->freevars, name);
                if (idx < 0) {
                    TN_DECREF(co);
                    tn_err_format(&tn_exc_SystemError, "compiler: no closure cell for '%s'", name);
                    return -1;
                }
                idx += c->u->cellvars.n;
            }
            if (tn_c_addop(c, TN_LOAD_CLOSURE, idx) < 0) {
                TN_DECREF(co);
                return -1;
            }
        }
        TRY(tn_c_addop(c, TN_BUILD_TUPLE, (int)nfree));
        flags |= 0x08;
    }
    TRY(tn_c_load_const(c, co));
    TRY(tn_c_load_const(c, tn_c_str(c, qualname)));
    return tn_c_addop(c, TN_MAKE_FUNCTION, flags);
}

static int visit_defaults(TnCompiler *c, TnArguments *a, TnLoc loc)
{
    int flags = 0;
    if (a->defaults.n) {
        int allconst = 1;
        for (int i = 0; i < a->defaults.n; i++) {
            TnExpr *d = a->defaults.items[i];
            if (!tn_c_maybe_const(d))
                allconst = 0;
        }
        TnObject *t = NULL;
        if (allconst) {
            t = tn_tuple_new(a->defaults.n);
            if (!t)
                return -1;
            for (int i = 0; i < a->defaults.n; i++) {
                TnObject *v;
                int r = tn_c_const_object(c, a->defaults.items[i], &v);
                if (r <= 0) {
                    for (int k = i; k < a->defaults.n; k++)
                        TN_TUPLE_SET(t, k, tn_newref(tn_None));
                    TN_DECREF(t);
                    t = NULL;
                    if (r < 0)
                        return -1;
                    break;
                }
                TN_TUPLE_SET(t, i, v);
            }
        }
        if (t) {
            TRY(tn_c_load_const(c, t));
        } else {
            for (int i = 0; i < a->defaults.n; i++)
                TRY(tn_c_expr(c, a->defaults.items[i]));
            TRY(tn_c_addop(c, TN_BUILD_TUPLE, a->defaults.n));
        }
        flags |= 0x01;
    }
    int nkw = 0;
    for (int i = 0; i < a->kwonlyargs.n; i++) {
        TnExpr *d = a->kw_defaults.n > i ? a->kw_defaults.items[i] : NULL;
        if (!d)
            continue;
        TRY(tn_c_expr(c, d));
        nkw++;
    }
    if (nkw) {
        TnObject *keys = tn_tuple_new(nkw);
        if (!keys)
            return -1;
        for (int i = 0, k = 0; i < a->kwonlyargs.n; i++) {
            if (!(a->kw_defaults.n > i && a->kw_defaults.items[i]))
                continue;
            TnObject *s = tn_c_str(c, tn_c_mangle(c, a->kwonlyargs.items[i]->arg));
            if (!s) {
                for (; k < nkw; k++)
                    TN_TUPLE_SET(keys, k, tn_newref(tn_None));
                TN_DECREF(keys);
                return -1;
            }
            TN_TUPLE_SET(keys, k++, s);
        }
        TRY(tn_c_load_const(c, keys));
        TRY(tn_c_addop(c, TN_BUILD_CONST_KEY_MAP, nkw));
        flags |= 0x02;
    }
    (void)loc;
    return flags;
}

typedef struct { const char *names[512]; int n; } AnnNames;

static int visit_ann(TnCompiler *c, AnnNames *an, const char *name, TnExpr *ann)
{
    if (!ann)
        return 0;
    if (an->n >= 512)
        return tn_c_error(c, ann->loc, "too many annotations");
    if (c->flags & TN_CF_FUTURE_ANNOTATIONS) {
        char *text = tn_c_unparse(c, ann);
        if (!text)
            return -1;
        TnObject *s = tn_str_from_cstr(text);
        tn_mem_free(text);
        TRY(tn_c_load_const(c, s));
    } else {
        TRY(tn_c_expr(c, ann));
    }
    an->names[an->n++] = tn_c_mangle(c, name);
    return 0;
}

static int visit_annotations(TnCompiler *c, TnArguments *a, TnExpr *returns)
{
    AnnNames an;
    an.n = 0;
    TnArgSeq *seqs[2] = { &a->posonlyargs, &a->args };
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < seqs[k]->n; i++)
            TRY(visit_ann(c, &an, seqs[k]->items[i]->arg, seqs[k]->items[i]->annotation));
    if (a->vararg)
        TRY(visit_ann(c, &an, a->vararg->arg, a->vararg->annotation));
    for (int i = 0; i < a->kwonlyargs.n; i++)
        TRY(visit_ann(c, &an, a->kwonlyargs.items[i]->arg, a->kwonlyargs.items[i]->annotation));
    if (a->kwarg)
        TRY(visit_ann(c, &an, a->kwarg->arg, a->kwarg->annotation));
    TRY(visit_ann(c, &an, "return", returns));
    if (!an.n)
        return 0;
    TnObject *keys = tn_tuple_new(an.n);
    if (!keys)
        return -1;
    for (int i = 0; i < an.n; i++) {
        TnObject *s = tn_c_str(c, an.names[i]);
        if (!s) {
            for (int k = i; k < an.n; k++)
                TN_TUPLE_SET(keys, k, tn_newref(tn_None));
            TN_DECREF(keys);
            return -1;
        }
        TN_TUPLE_SET(keys, i, s);
    }
    TRY(tn_c_load_const(c, keys));
    TRY(tn_c_addop(c, TN_BUILD_CONST_KEY_MAP, an.n));
    return 0x04;
}

static void set_arg_counts(TnUnit *u, TnArguments *a)
{
    u->posonly = a->posonlyargs.n;
    u->argcount = a->posonlyargs.n + a->args.n;
    u->kwonly = a->kwonlyargs.n;
    if (a->vararg)
        u->extra_flags |= TN_CO_VARARGS;
    if (a->kwarg)
        u->extra_flags |= TN_CO_VARKEYWORDS;
}

static TnExpr *docstring_of(TnStmtSeq *body)
{
    if (body->n == 0 || body->items[0]->kind != TN_STMT_EXPR)
        return NULL;
    TnExpr *e = body->items[0]->v.expr.value;
    if (e->kind == TN_EXPR_CONSTANT && e->v.constant.kind == TN_CONST_STR)
        return e;
    return NULL;
}

static int apply_decorators(TnCompiler *c, TnExprSeq *decos)
{
    for (int i = 0; i < decos->n; i++)
        TRY(tn_c_addop(c, TN_CALL_FUNCTION, 1));
    return 0;
}

int tn_c_function(TnCompiler *c, TnStmt *s)
{
    TnArguments *a = s->v.funcdef.args;
    TnExprSeq *decos = &s->v.funcdef.decorators;
    for (int i = 0; i < decos->n; i++)
        TRY(tn_c_expr(c, decos->items[i]));
    int firstlineno = decos->n ? decos->items[0]->loc.lineno : s->loc.lineno;
    int flags = visit_defaults(c, a, s->loc);
    if (flags < 0)
        return -1;
    int af = visit_annotations(c, a, s->v.funcdef.returns);
    if (af < 0)
        return -1;
    flags |= af;
    TRY(enter_scope(c, s->v.funcdef.name, s, firstlineno));
    TnUnit *u = c->u;
    set_arg_counts(u, a);
    TnStmtSeq *body = &s->v.funcdef.body;
    TnExpr *doc = docstring_of(body);
    if (doc) {
        TnObject *d;
        if (tn_c_const_object(c, doc, &d) < 0 || tn_c_add_const(c, d) < 0)
            return -1;
        u->docstring = u->consts[0];
    } else if (tn_c_add_const(c, tn_newref(tn_None)) < 0) {
        return -1;
    }
    for (int i = doc ? 1 : 0; i < body->n; i++)
        TRY(tn_c_stmt(c, body->items[i]));
    TnObject *co = tn_c_assemble(c, 1);
    if (!co)
        return -1;
    char *qualname = u->qualname;
    u->qualname = NULL;
    exit_scope(c);
    int r = make_closure(c, co, flags, qualname);
    tn_mem_free(qualname);
    TRY(r);
    TRY(apply_decorators(c, decos));
    return tn_c_nameop(c, s->v.funcdef.name, TN_CTX_STORE);
}

int tn_c_find_ann(TnStmtSeq *body)
{
    for (int i = 0; i < body->n; i++) {
        TnStmt *s = body->items[i];
        switch (s->kind) {
        case TN_STMT_ANNASSIGN: return 1;
        case TN_STMT_FOR: if (tn_c_find_ann(&s->v.for_.body) || tn_c_find_ann(&s->v.for_.orelse)) return 1; break;
        case TN_STMT_WHILE: if (tn_c_find_ann(&s->v.while_.body) || tn_c_find_ann(&s->v.while_.orelse)) return 1; break;
        case TN_STMT_IF: if (tn_c_find_ann(&s->v.if_.body) || tn_c_find_ann(&s->v.if_.orelse)) return 1; break;
        case TN_STMT_WITH: if (tn_c_find_ann(&s->v.with.body)) return 1; break;
        case TN_STMT_TRY:
            if (tn_c_find_ann(&s->v.try_.body) || tn_c_find_ann(&s->v.try_.orelse) ||
                tn_c_find_ann(&s->v.try_.finalbody))
                return 1;
            for (int k = 0; k < s->v.try_.handlers.n; k++)
                if (tn_c_find_ann(&s->v.try_.handlers.items[k]->body))
                    return 1;
            break;
        default: break;
        }
    }
    return 0;
}

/* Module and class bodies: the docstring goes to __doc__. */
int tn_c_body(TnCompiler *c, TnStmtSeq *body)
{
    if (tn_c_find_ann(body))
        TRY(tn_c_addop(c, TN_SETUP_ANNOTATIONS, 0));
    int start = 0;
    TnExpr *doc = docstring_of(body);
    if (doc) {
        c->u->lineno = body->items[0]->loc.lineno;
        TRY(tn_c_expr(c, doc));
        TRY(tn_c_nameop(c, "__doc__", TN_CTX_STORE));
        start = 1;
    }
    for (int i = start; i < body->n; i++)
        TRY(tn_c_stmt(c, body->items[i]));
    return 0;
}

int tn_c_class(TnCompiler *c, TnStmt *s)
{
    TnExprSeq *decos = &s->v.classdef.decorators;
    for (int i = 0; i < decos->n; i++)
        TRY(tn_c_expr(c, decos->items[i]));
    int firstlineno = decos->n ? decos->items[0]->loc.lineno : s->loc.lineno;
    TRY(enter_scope(c, s->v.classdef.name, s, firstlineno));
    TnUnit *u = c->u;
    u->lineno = s->loc.lineno;
    TRY(tn_c_nameop(c, "__name__", TN_CTX_LOAD));
    TRY(tn_c_nameop(c, "__module__", TN_CTX_STORE));
    TRY(tn_c_load_const(c, tn_c_str(c, u->qualname)));
    TRY(tn_c_nameop(c, "__qualname__", TN_CTX_STORE));
    TRY(tn_c_body(c, &s->v.classdef.body));
    if (u->ste->needs_class_closure) {
        int idx = name_find(&u->cellvars, "__class__");
        TRY(tn_c_addop(c, TN_LOAD_CLOSURE, idx));
        TRY(tn_c_addop(c, TN_DUP_TOP, 0));
        TRY(tn_c_nameop(c, "__classcell__", TN_CTX_STORE));
    } else {
        TRY(tn_c_load_none(c));
    }
    TRY(tn_c_addop(c, TN_RETURN_VALUE, 0));
    TnObject *co = tn_c_assemble(c, 0);
    if (!co)
        return -1;
    char *qualname = u->qualname;
    u->qualname = NULL;
    exit_scope(c);
    c->u->lineno = s->loc.lineno;
    TRY(tn_c_addop(c, TN_LOAD_BUILD_CLASS, 0));
    int r = make_closure(c, co, 0, qualname);
    tn_mem_free(qualname);
    TRY(r);
    TRY(tn_c_load_const(c, tn_c_str(c, s->v.classdef.name)));
    TRY(tn_c_call_helper(c, 2, &s->v.classdef.bases, &s->v.classdef.keywords, s->loc));
    TRY(apply_decorators(c, decos));
    return tn_c_nameop(c, s->v.classdef.name, TN_CTX_STORE);
}

int tn_c_lambda(TnCompiler *c, TnExpr *e)
{
    TnArguments *a = e->v.lambda.args;
    int flags = visit_defaults(c, a, e->loc);
    if (flags < 0)
        return -1;
    TRY(enter_scope(c, "<lambda>", e, e->loc.lineno));
    TnUnit *u = c->u;
    set_arg_counts(u, a);
    /* None first, so a lambda never has a docstring (3.11). */
    TRY(tn_c_add_const(c, tn_newref(tn_None)));
    TRY(tn_c_expr(c, e->v.lambda.body));
    TRY(tn_c_addop(c, TN_RETURN_VALUE, 0));
    TnObject *co = tn_c_assemble(c, 1);
    if (!co)
        return -1;
    char *qualname = u->qualname;
    u->qualname = NULL;
    exit_scope(c);
    int r = make_closure(c, co, flags, qualname);
    tn_mem_free(qualname);
    return r;
}

static int comp_generator(TnCompiler *c, TnExpr *e, int gen_index, int depth)
{
    TnComprehensionSeq *gens = &e->v.comp.generators;
    TnComprehension *g = gens->items[gen_index];
    TnBlock *start = tn_c_new_block(c), *anchor = tn_c_new_block(c);
    if (!start || !anchor)
        return -1;
    if (gen_index == 0) {
        TRY(tn_c_addop(c, TN_LOAD_FAST, 0));   /* .0, the outermost iterator */
    } else {
        TRY(tn_c_expr(c, g->iter));
        TRY(tn_c_addop(c, g->is_async ? TN_GET_AITER : TN_GET_ITER, 0));
    }
    depth++;
    tn_c_use_block(c, start);
    if (g->is_async) {
        /* As in an async for statement; END_ASYNC_FOR at `anchor` ends it. */
        TRY(tn_c_addjump(c, TN_SETUP_FINALLY, anchor));
        TRY(tn_c_addop(c, TN_GET_ANEXT, 0));
        TRY(tn_c_load_none(c));
        TRY(tn_c_addop(c, TN_YIELD_FROM, 0));
        TRY(tn_c_addop(c, TN_POP_BLOCK, 0));
    } else {
        TRY(tn_c_addjump(c, TN_FOR_ITER, anchor));
        TRY(tn_c_next_block(c));
    }
    TRY(tn_c_assign_target(c, g->target));
    for (int i = 0; i < g->ifs.n; i++)
        TRY(tn_c_jump_if(c, g->ifs.items[i], start, 0));
    if (gen_index + 1 < gens->n) {
        TRY(comp_generator(c, e, gen_index + 1, depth));
    } else {
        switch (e->kind) {
        case TN_EXPR_GENEXP:
            TRY(tn_c_expr(c, e->v.comp.elt));
            TRY(tn_c_addop(c, TN_YIELD_VALUE, 0));
            TRY(tn_c_addop(c, TN_POP_TOP, 0));
            break;
        case TN_EXPR_LISTCOMP:
            TRY(tn_c_expr(c, e->v.comp.elt));
            TRY(tn_c_addop(c, TN_LIST_APPEND, depth + 1));
            break;
        case TN_EXPR_SETCOMP:
            TRY(tn_c_expr(c, e->v.comp.elt));
            TRY(tn_c_addop(c, TN_SET_ADD, depth + 1));
            break;
        default:
            TRY(tn_c_expr(c, e->v.comp.key));
            TRY(tn_c_expr(c, e->v.comp.value));
            TRY(tn_c_addop(c, TN_MAP_ADD, depth + 1));
            break;
        }
    }
    TRY(tn_c_addjump(c, TN_JUMP_ABSOLUTE, start));
    tn_c_use_block(c, anchor);
    if (g->is_async)
        TRY(tn_c_addop(c, TN_END_ASYNC_FOR, 0));
    return 0;
}

int tn_c_comprehension(TnCompiler *c, TnExpr *e)
{
    const char *name = e->kind == TN_EXPR_LISTCOMP ? "<listcomp>" :
                       e->kind == TN_EXPR_SETCOMP ? "<setcomp>" :
                       e->kind == TN_EXPR_DICTCOMP ? "<dictcomp>" : "<genexpr>";
    TRY(enter_scope(c, name, e, e->loc.lineno));
    TnUnit *u = c->u;
    u->argcount = 1;
    if (e->kind == TN_EXPR_LISTCOMP)
        TRY(tn_c_addop(c, TN_BUILD_LIST, 0));
    else if (e->kind == TN_EXPR_SETCOMP)
        TRY(tn_c_addop(c, TN_BUILD_SET, 0));
    else if (e->kind == TN_EXPR_DICTCOMP)
        TRY(tn_c_addop(c, TN_BUILD_MAP, 0));
    TRY(comp_generator(c, e, 0, 0));
    if (e->kind != TN_EXPR_GENEXP)
        TRY(tn_c_addop(c, TN_RETURN_VALUE, 0));
    TnObject *co = tn_c_assemble(c, 1);
    if (!co)
        return -1;
    int is_async = u->ste->is_coroutine;
    char *qualname = u->qualname;
    u->qualname = NULL;
    exit_scope(c);
    int r = make_closure(c, co, 0, qualname);
    tn_mem_free(qualname);
    TRY(r);
    TnComprehension *first = e->v.comp.generators.items[0];
    TRY(tn_c_expr(c, first->iter));
    TRY(tn_c_addop(c, first->is_async ? TN_GET_AITER : TN_GET_ITER, 0));
    TRY(tn_c_addop(c, TN_CALL_FUNCTION, 1));
    if (!is_async || e->kind == TN_EXPR_GENEXP)
        return 0;      /* an async generator expression is iterated later */
    /* An async comprehension is a coroutine: await its result here. */
    TRY(tn_c_addop(c, TN_GET_AWAITABLE, 0));
    TRY(tn_c_load_none(c));
    return tn_c_addop(c, TN_YIELD_FROM, 0);
}

/* ---- entry points ------------------------------------------------------------ */

static const char *const future_features[] = {
    "nested_scopes", "generators", "division", "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",
    "annotations", NULL
};

static int check_future(TnCompiler *c, TnModuleAst *mod)
{
    int i = docstring_of(&mod->body) ? 1 : 0;
    int leading = 1;
    for (; i < mod->body.n; i++) {
        TnStmt *s = mod->body.items[i];
        int is_future = s->kind == TN_STMT_IMPORTFROM && s->v.importfrom.module &&
                        strcmp(s->v.importfrom.module, "__future__") == 0;
        if (!is_future) {
            leading = 0;
            continue;
        }
        if (!leading)
            return tn_c_error(c, s->loc, "from __future__ imports must occur at the beginning of the file");
        for (int k = 0; k < s->v.importfrom.names.n; k++) {
            const char *f = s->v.importfrom.names.items[k]->name;
            int known = 0;
            for (int j = 0; future_features[j]; j++)
                if (strcmp(f, future_features[j]) == 0)
                    known = 1;
            /* CPython reports these at the statement's start only (one caret). */
            TnLoc at = { s->loc.lineno, s->loc.col_offset, s->loc.lineno, s->loc.col_offset + 1 };
            if (strcmp(f, "braces") == 0)
                return tn_c_error(c, at, "not a chance");
            if (!known)
                return tn_c_error(c, at, "future feature %s is not defined", f);
            if (strcmp(f, "annotations") == 0)
                c->flags |= TN_CF_FUTURE_ANNOTATIONS;
        }
    }
    return 0;
}

static TnObject *compile_mod(TnModuleAst *mod, const char *filename, int mode, int flags,
                             const char *src, size_t len, TnArena *arena)
{
    TnCompiler c;
    memset(&c, 0, sizeof c);
    c.arena = arena;
    c.filename = filename ? filename : "<string>";
    c.src = src;
    c.srclen = len;
    c.mode = mode;
    c.flags = flags;
    c.interactive = mode == TN_COMPILE_SINGLE || mod->interactive;
    c.st.arena = arena;
    c.st.filename = c.filename;
    c.st.src = src;
    c.st.srclen = len;
    TnObject *co = NULL;
    if (check_future(&c, mod) < 0)
        goto done;
    c.st.future_annotations = (c.flags & TN_CF_FUTURE_ANNOTATIONS) != 0;
    if (tn_symtable_build(&c.st, mod, mode) < 0)
        goto done;
    if (enter_scope(&c, "<module>", mod, 1) < 0)
        goto done;
    if (mode == TN_COMPILE_EVAL) {
        if (mod->body.n != 1 || mod->body.items[0]->kind != TN_STMT_EXPR) {
            tn_err_setstr(&tn_exc_SystemError, "eval mode needs one expression");
            goto done;
        }
        c.u->lineno = mod->body.items[0]->loc.lineno;
        if (tn_c_expr(&c, mod->body.items[0]->v.expr.value) < 0 ||
            tn_c_addop(&c, TN_RETURN_VALUE, 0) < 0)
            goto done;
    } else if (c.interactive) {
        if (tn_c_find_ann(&mod->body) && tn_c_addop(&c, TN_SETUP_ANNOTATIONS, 0) < 0)
            goto done;
        for (int i = 0; i < mod->body.n; i++)
            if (tn_c_stmt(&c, mod->body.items[i]) < 0)
                goto done;
    } else if (tn_c_body(&c, &mod->body) < 0) {
        goto done;
    }
    co = tn_c_assemble(&c, 1);
done:
    while (c.u)
        exit_scope(&c);
    tn_symtable_free(&c.st);
    return co;
}

TnObject *tn_compile_ast_src(TnModuleAst *mod, const char *filename, int mode, int flags,
                             const char *src, size_t len)
{
    TnArena *arena = tn_arena_new();
    if (!arena)
        return tn_err_nomemory();
    TnObject *co = compile_mod(mod, filename, mode, flags, src, len, arena);
    tn_arena_free(arena);
    return co;
}

TnObject *tn_compile_ast(TnModuleAst *mod, const char *filename, int mode, int flags)
{
    return tn_compile_ast_src(mod, filename, mode, flags, NULL, 0);
}

TnObject *tn_compile(const char *src, size_t len, const char *filename, int mode)
{
    TnArena *arena = tn_arena_new();
    if (!arena)
        return tn_err_nomemory();
    if (!filename)
        filename = "<string>";
    TnSyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    TnObject *co = NULL;
    TnModuleAst *mod = tn_parse(arena, src, len, filename, mode, &err);
    if (!mod) {
        if (!tn_err_occurred())
            tn_raise_syntax_error(err.type, err.msg, filename, err.lineno, err.col_offset,
                                  err.end_lineno, err.end_col_offset, src, len);
    } else {
        co = compile_mod(mod, filename, mode, 0, src, len, arena);
    }
    tn_arena_free(arena);
    return co;
}
