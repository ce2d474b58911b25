/* Code generation for expressions and assignment targets (CPython 3.10
 * patterns; BINARY_OP as 3.11). The annotation unparser used by
 * `from __future__ import annotations` is in unparse.c. */
#include <stdio.h>
#include <string.h>
#include "compile_internal.h"
#include "tandem/abstract.h"
#include "tandem/error.h"
#include "tandem/str.h"
#include "tandem/tuple.h"

#define TRY(x) do { if ((x) < 0) return -1; } while (0)
#define ADDOP(op) TRY(tn_c_addop(c, (op), 0))
#define ADDOP_I(op, i) TRY(tn_c_addop(c, (op), (i)))
#define JUMP(op, b) TRY(tn_c_addjump(c, (op), (b)))
#define NEW_BLOCK(b) TnBlock *b = tn_c_new_block(c); if (!b) return -1
#define USE(b) tn_c_use_block(c, (b))

/* The stack may not grow without bound for huge displays; CPython switches
 * to incremental building past this many items. */
#define STACK_USE_GUARD 30

static int has_starred(TnExprSeq *seq)
{
    for (int i = 0; i < seq->n; i++)
        if (seq->items[i]->kind == TN_EXPR_STARRED)
            return 1;
    return 0;
}

/* ---- assignment targets ------------------------------------------------------ */

static int unpack_helper(TnCompiler *c, TnExpr *t, TnExprSeq *elts)
{
    int n = elts->n, seen_star = 0;
    for (int i = 0; i < n; i++) {
        TnExpr *e = elts->items[i];
        if (e->kind == TN_EXPR_STARRED && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 24))
                return tn_c_error(c, t->loc, "too many expressions in star-unpacking assignment");
            ADDOP_I(TN_UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = 1;
        } else if (e->kind == TN_EXPR_STARRED) {
            return tn_c_error(c, t->loc, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star)
        ADDOP_I(TN_UNPACK_SEQUENCE, n);
    return 0;
}

static int assign_target(TnCompiler *c, TnExpr *t);

int tn_c_assign_target(TnCompiler *c, TnExpr *t)
{
    if (tn_c_enter(&c->depth) < 0)
        return -1;
    int r = assign_target(c, t);
    c->depth--;
    return r;
}

static int assign_target(TnCompiler *c, TnExpr *t)
{
    int saved = c->u->lineno;
    c->u->lineno = t->loc.lineno;
    int r = 0;
    switch (t->kind) {
    case TN_EXPR_NAME:
        r = tn_c_nameop(c, t->v.name.id, TN_CTX_STORE);
        break;
    case TN_EXPR_ATTRIBUTE:
        TRY(tn_c_expr(c, t->v.attribute.value));
        r = tn_c_addop_name(c, TN_STORE_ATTR, t->v.attribute.attr, 1);
        break;
    case TN_EXPR_SUBSCRIPT:
        TRY(tn_c_expr(c, t->v.subscript.value));
        TRY(tn_c_expr(c, t->v.subscript.slice));
        r = tn_c_addop(c, TN_STORE_SUBSCR, 0);
        break;
    case TN_EXPR_TUPLE: case TN_EXPR_LIST: {
        TnExprSeq *elts = &t->v.list.elts;
        TRY(unpack_helper(c, t, elts));
        for (int i = 0; i < elts->n; i++) {
            TnExpr *e = elts->items[i];
            TRY(tn_c_assign_target(c, e->kind == TN_EXPR_STARRED ? e->v.starred.value : e));
        }
        break;
    }
    case TN_EXPR_STARRED:
        return tn_c_error(c, t->loc, "starred assignment target must be in a list or tuple");
    default:
        return tn_c_error(c, t->loc, "cannot assign to expression");
    }
    c->u->lineno = saved;
    return r;
}

/* ---- conditions ----------------------------------------------------------------- */

/* Jump to `target` when bool(e) == cond; fall through otherwise. */
static int jump_if(TnCompiler *c, TnExpr *e, TnBlock *target, int cond);

int tn_c_jump_if(TnCompiler *c, TnExpr *e, TnBlock *target, int cond)
{
    if (tn_c_enter(&c->depth) < 0)
        return -1;
    int r = jump_if(c, e, target, cond);
    c->depth--;
    return r;
}

static int jump_if(TnCompiler *c, TnExpr *e, TnBlock *target, int cond)
{
    switch (e->kind) {
    case TN_EXPR_UNARYOP:
        if (e->v.unaryop.op == TN_UOP_NOT)
            return tn_c_jump_if(c, e->v.unaryop.operand, target, !cond);
        break;
    case TN_EXPR_BOOLOP: {
        TnExprSeq *vs = &e->v.boolop.values;
        int cond2 = e->v.boolop.op == TN_BOOL_OR;
        TnBlock *next2 = target;
        if (cond2 != cond) {
            next2 = tn_c_new_block(c);
            if (!next2)
                return -1;
        }
        for (int i = 0; i < vs->n - 1; i++)
            TRY(tn_c_jump_if(c, vs->items[i], next2, cond2));
        TRY(tn_c_jump_if(c, vs->items[vs->n - 1], target, cond));
        if (next2 != target)
            USE(next2);
        return 0;
    }
    case TN_EXPR_IFEXP: {
        NEW_BLOCK(end);
        NEW_BLOCK(next2);
        TRY(tn_c_jump_if(c, e->v.ifexp.test, next2, 0));
        TRY(tn_c_jump_if(c, e->v.ifexp.body, target, cond));
        JUMP(TN_JUMP_ABSOLUTE, end);
        USE(next2);
        TRY(tn_c_jump_if(c, e->v.ifexp.orelse, target, cond));
        USE(end);
        return 0;
    }
    default:
        break;
    }
    TRY(tn_c_expr(c, e));
    JUMP(cond ? TN_POP_JUMP_IF_TRUE : TN_POP_JUMP_IF_FALSE, target);
    return 0;
}

/* ---- calls ----------------------------------------------------------------------- */

static int check_keywords(TnCompiler *c, TnKeywordSeq *kws)
{
    for (int i = 0; i < kws->n; i++) {
        const char *a = kws->items[i]->arg;
        if (!a)
            continue;
        for (int j = i + 1; j < kws->n; j++)
            if (kws->items[j]->arg && strcmp(a, kws->items[j]->arg) == 0)
                return tn_c_error(c, kws->items[j]->loc, "keyword argument repeated: %s", a);
    }
    return 0;
}

static int kwnames_const(TnCompiler *c, TnKeywordSeq *kws)
{
    TnObject *t = tn_tuple_new(kws->n);
    if (!t)
        return -1;
    for (int i = 0; i < kws->n; i++) {
        TnObject *s = tn_c_str(c, kws->items[i]->arg);
        if (!s) {
            for (int k = i; k < kws->n; k++)
                TN_TUPLE_SET(t, k, tn_newref(tn_None));
            TN_DECREF(t);
            return -1;
        }
        TN_TUPLE_SET(t, i, s);
    }
    return tn_c_load_const(c, t);
}

/* `n` values (the callable's leading arguments) are already on the stack
 * above the callable. */
int tn_c_call_helper(TnCompiler *c, int n, TnExprSeq *args, TnKeywordSeq *kws, TnLoc loc)
{
    TRY(check_keywords(c, kws));
    int dstar = 0;
    for (int i = 0; i < kws->n; i++)
        if (!kws->items[i]->arg)
            dstar = 1;
    if (!has_starred(args) && !dstar) {
        for (int i = 0; i < args->n; i++)
            TRY(tn_c_expr(c, args->items[i]));
        if (kws->n) {
            for (int i = 0; i < kws->n; i++)
                TRY(tn_c_expr(c, kws->items[i]->value));
            TRY(kwnames_const(c, kws));
            c->u->lineno = loc.lineno;
            ADDOP_I(TN_CALL_FUNCTION_KW, n + args->n + kws->n);
        } else {
            c->u->lineno = loc.lineno;
            ADDOP_I(TN_CALL_FUNCTION, n + args->n);
        }
        return 0;
    }
    /* The general form: a positional tuple and an optional keyword dict.
     * f(*x) passes x itself: CALL_FUNCTION_EX makes the tuple and reports
     * a non-iterable with the callee's name, as CPython does. */
    if (n == 0 && args->n == 1 && args->items[0]->kind == TN_EXPR_STARRED) {
        TRY(tn_c_expr(c, args->items[0]->v.starred.value));
        goto keywords;
    }
    ADDOP_I(TN_BUILD_LIST, n);
    for (int i = 0; i < args->n; i++) {
        TnExpr *a = args->items[i];
        if (a->kind == TN_EXPR_STARRED) {
            TRY(tn_c_expr(c, a->v.starred.value));
            ADDOP_I(TN_LIST_EXTEND, 1);
        } else {
            TRY(tn_c_expr(c, a));
            ADDOP_I(TN_LIST_APPEND, 1);
        }
    }
    ADDOP(TN_LIST_TO_TUPLE);
keywords:
    if (kws->n) {
        int have_dict = 0, pending = 0;
        for (int i = 0; i < kws->n; i++) {
            TnKeyword *k = kws->items[i];
            if (k->arg) {
                TRY(tn_c_load_const(c, tn_c_str(c, k->arg)));
                TRY(tn_c_expr(c, k->value));
                pending++;
                continue;
            }
            if (pending) {
                ADDOP_I(TN_BUILD_MAP, pending);
                if (have_dict)
                    ADDOP_I(TN_DICT_MERGE, 1);
                have_dict = 1;
                pending = 0;
            }
            if (!have_dict) {
                ADDOP_I(TN_BUILD_MAP, 0);
                have_dict = 1;
            }
            TRY(tn_c_expr(c, k->value));
            ADDOP_I(TN_DICT_MERGE, 1);
        }
        if (pending) {
            ADDOP_I(TN_BUILD_MAP, pending);
            if (have_dict)
                ADDOP_I(TN_DICT_MERGE, 1);
        }
    }
    c->u->lineno = loc.lineno;
    ADDOP_I(TN_CALL_FUNCTION_EX, kws->n ? 1 : 0);
    return 0;
}

static int compile_call(TnCompiler *c, TnExpr *e)
{
    TnExpr *f = e->v.call.func;
    TnKeywordSeq *kws = &e->v.call.keywords;
    int simple = f->kind == TN_EXPR_ATTRIBUTE && !has_starred(&e->v.call.args) &&
                 e->v.call.args.n + kws->n < STACK_USE_GUARD;
    for (int i = 0; simple && i < kws->n; i++)
        if (!kws->items[i]->arg)
            simple = 0;
    if (simple) {
        TRY(check_keywords(c, kws));
        TRY(tn_c_expr(c, f->v.attribute.value));
        c->u->lineno = f->loc.end_lineno > 0 ? f->loc.end_lineno : e->loc.lineno;
        TRY(tn_c_addop_name(c, TN_LOAD_METHOD, f->v.attribute.attr, 1));
        for (int i = 0; i < e->v.call.args.n; i++)
            TRY(tn_c_expr(c, e->v.call.args.items[i]));
        for (int i = 0; i < kws->n; i++)
            TRY(tn_c_expr(c, kws->items[i]->value));
        c->u->lineno = e->loc.lineno;
        if (kws->n) {
            TRY(kwnames_const(c, kws));
            ADDOP_I(TN_CALL_METHOD_KW, e->v.call.args.n + kws->n);
        } else {
            ADDOP_I(TN_CALL_METHOD, e->v.call.args.n);
        }
        return 0;
    }
    TRY(tn_c_expr(c, f));
    return tn_c_call_helper(c, 0, &e->v.call.args, kws, e->loc);
}

/* ---- displays -------------------------------------------------------------------- */

/* list/tuple/set displays, with starred items (CPython's starunpack_helper). */
static int starunpack(TnCompiler *c, TnExprSeq *elts, int build, int add, int extend, int tuple)
{
    if (!has_starred(elts) && elts->n < STACK_USE_GUARD) {
        for (int i = 0; i < elts->n; i++)
            TRY(tn_c_expr(c, elts->items[i]));
        ADDOP_I(tuple ? TN_BUILD_TUPLE : build, elts->n);
        return 0;
    }
    ADDOP_I(build, 0);
    for (int i = 0; i < elts->n; i++) {
        TnExpr *e = elts->items[i];
        if (e->kind == TN_EXPR_STARRED) {
            TRY(tn_c_expr(c, e->v.starred.value));
            ADDOP_I(extend, 1);
        } else {
            TRY(tn_c_expr(c, e));
            ADDOP_I(add, 1);
        }
    }
    if (tuple)
        ADDOP(TN_LIST_TO_TUPLE);
    return 0;
}

static int compile_dict(TnCompiler *c, TnExpr *e)
{
    TnExprSeq *keys = &e->v.dict.keys, *values = &e->v.dict.values;
    int have_dict = 0, pending = 0;
    for (int i = 0; i < values->n; i++) {
        TnExpr *k = i < keys->n ? keys->items[i] : NULL;
        if (k) {
            TRY(tn_c_expr(c, k));
            TRY(tn_c_expr(c, values->items[i]));
            pending++;
            if (pending < STACK_USE_GUARD)
                continue;
        }
        if (pending) {
            ADDOP_I(TN_BUILD_MAP, pending);
            if (have_dict)
                ADDOP_I(TN_DICT_UPDATE, 1);
            have_dict = 1;
            pending = 0;
        }
        if (!k) {
            if (!have_dict) {
                ADDOP_I(TN_BUILD_MAP, 0);
                have_dict = 1;
            }
            TRY(tn_c_expr(c, values->items[i]));
            ADDOP_I(TN_DICT_UPDATE, 1);
        }
    }
    if (pending || !have_dict) {
        ADDOP_I(TN_BUILD_MAP, pending);
        if (have_dict)
            ADDOP_I(TN_DICT_UPDATE, 1);
    }
    return 0;
}

static int compile_compare_op(TnCompiler *c, TnCmpOp op)
{
    switch (op) {
    case TN_CMP_IS: ADDOP_I(TN_IS_OP, 0); break;
    case TN_CMP_ISNOT: ADDOP_I(TN_IS_OP, 1); break;
    case TN_CMP_IN: ADDOP_I(TN_CONTAINS_OP, 0); break;
    case TN_CMP_NOTIN: ADDOP_I(TN_CONTAINS_OP, 1); break;
    default: ADDOP_I(TN_COMPARE_OP, (int)op); break;
    }
    return 0;
}

static int compile_compare(TnCompiler *c, TnExpr *e)
{
    int n = e->v.compare.n;
    TRY(tn_c_expr(c, e->v.compare.left));
    if (n == 1) {
        TRY(tn_c_expr(c, e->v.compare.comparators[0]));
        return compile_compare_op(c, e->v.compare.ops[0]);
    }
    NEW_BLOCK(cleanup);
    for (int i = 0; i < n - 1; i++) {
        TRY(tn_c_expr(c, e->v.compare.comparators[i]));
        ADDOP(TN_DUP_TOP);
        ADDOP(TN_ROT_THREE);
        TRY(compile_compare_op(c, e->v.compare.ops[i]));
        JUMP(TN_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    TRY(tn_c_expr(c, e->v.compare.comparators[n - 1]));
    TRY(compile_compare_op(c, e->v.compare.ops[n - 1]));
    NEW_BLOCK(end);
    JUMP(TN_JUMP_ABSOLUTE, end);
    USE(cleanup);
    ADDOP(TN_ROT_TWO);
    ADDOP(TN_POP_TOP);
    USE(end);
    return 0;
}

static int compile_joined(TnCompiler *c, TnExpr *e)
{
    TnExprSeq *vs = &e->v.joined.values;
    for (int i = 0; i < vs->n; i++)
        TRY(tn_c_expr(c, vs->items[i]));
    if (vs->n != 1)
        ADDOP_I(TN_BUILD_STRING, vs->n);
    return 0;
}

static int compile_formatted(TnCompiler *c, TnExpr *e)
{
    TRY(tn_c_expr(c, e->v.formatted.value));
    int conv = e->v.formatted.conversion;
    int oparg = conv == 's' ? TN_FVC_STR : conv == 'r' ? TN_FVC_REPR : conv == 'a' ? TN_FVC_ASCII : TN_FVC_NONE;
    if (e->v.formatted.format_spec) {
        TRY(tn_c_expr(c, e->v.formatted.format_spec));
        oparg |= TN_FVS_HAVE_SPEC;
    }
    ADDOP_I(TN_FORMAT_VALUE, oparg);
    return 0;
}

static int compile_boolop(TnCompiler *c, TnExpr *e)
{
    TnExprSeq *vs = &e->v.boolop.values;
    int op = e->v.boolop.op == TN_BOOL_AND ? TN_JUMP_IF_FALSE_OR_POP : TN_JUMP_IF_TRUE_OR_POP;
    NEW_BLOCK(end);
    for (int i = 0; i < vs->n - 1; i++) {
        TRY(tn_c_expr(c, vs->items[i]));
        JUMP(op, end);
    }
    TRY(tn_c_expr(c, vs->items[vs->n - 1]));
    USE(end);
    return 0;
}

static int compile_slice_part(TnCompiler *c, TnExpr *e)
{
    return e ? tn_c_expr(c, e) : tn_c_load_none(c);
}

static int expr_inner(TnCompiler *c, TnExpr *e)
{
    switch (e->kind) {
    case TN_EXPR_BOOLOP: return compile_boolop(c, e);
    case TN_EXPR_NAMEDEXPR:
        TRY(tn_c_expr(c, e->v.namedexpr.value));
        ADDOP(TN_DUP_TOP);
        return tn_c_assign_target(c, e->v.namedexpr.target);
    case TN_EXPR_BINOP: {
        TnObject *k;
        int r = tn_c_const_object(c, e, &k);
        if (r < 0)
            return -1;
        if (r > 0)
            return tn_c_load_const(c, k);
    }
        TRY(tn_c_expr(c, e->v.binop.left));
        TRY(tn_c_expr(c, e->v.binop.right));
        c->u->lineno = e->loc.lineno;
        ADDOP_I(TN_BINARY_OP, (int)e->v.binop.op);
        return 0;
    case TN_EXPR_UNARYOP: {
        TnObject *k;
        int r = tn_c_const_object(c, e, &k);
        if (r < 0)
            return -1;
        if (r > 0)
            return tn_c_load_const(c, k);
        TRY(tn_c_expr(c, e->v.unaryop.operand));
        static const int ops[] = { TN_UNARY_INVERT, TN_UNARY_NOT, TN_UNARY_POSITIVE, TN_UNARY_NEGATIVE };
        ADDOP(ops[e->v.unaryop.op]);
        return 0;
    }
    case TN_EXPR_LAMBDA: return tn_c_lambda(c, e);
    case TN_EXPR_IFEXP: {
        NEW_BLOCK(end);
        NEW_BLOCK(next);
        TRY(tn_c_jump_if(c, e->v.ifexp.test, next, 0));
        TRY(tn_c_expr(c, e->v.ifexp.body));
        JUMP(TN_JUMP_ABSOLUTE, end);
        USE(next);
        TRY(tn_c_expr(c, e->v.ifexp.orelse));
        USE(end);
        return 0;
    }
    case TN_EXPR_DICT: return compile_dict(c, e);
    case TN_EXPR_SET: return starunpack(c, &e->v.set.elts, TN_BUILD_SET, TN_SET_ADD, TN_SET_UPDATE, 0);
    case TN_EXPR_LISTCOMP: case TN_EXPR_SETCOMP: case TN_EXPR_DICTCOMP: case TN_EXPR_GENEXP:
        return tn_c_comprehension(c, e);
    case TN_EXPR_AWAIT:
        /* The symbol table rejected every await outside async def. */
        TRY(tn_c_expr(c, e->v.await_.value));
        ADDOP_I(TN_GET_AWAITABLE, 0);
        TRY(tn_c_load_none(c));
        ADDOP(TN_YIELD_FROM);
        return 0;
    case TN_EXPR_YIELD:
        if (c->u->ste->kind != BLOCK_FUNCTION)
            return tn_c_error(c, e->loc, "'yield' outside function");
        if (e->v.yield.value)
            TRY(tn_c_expr(c, e->v.yield.value));
        else
            TRY(tn_c_load_none(c));
        ADDOP(TN_YIELD_VALUE);
        return 0;
    case TN_EXPR_YIELDFROM:
        if (c->u->ste->kind != BLOCK_FUNCTION)
            return tn_c_error(c, e->loc, "'yield' outside function");
        TRY(tn_c_expr(c, e->v.yieldfrom.value));
        ADDOP(TN_GET_YIELD_FROM_ITER);
        TRY(tn_c_load_none(c));
        ADDOP(TN_YIELD_FROM);
        return 0;
    case TN_EXPR_COMPARE: return compile_compare(c, e);
    case TN_EXPR_CALL: return compile_call(c, e);
    case TN_EXPR_FORMATTEDVALUE: return compile_formatted(c, e);
    case TN_EXPR_JOINEDSTR: return compile_joined(c, e);
    case TN_EXPR_CONSTANT: {
        TnObject *k;
        if (tn_c_const_object(c, e, &k) < 0)
            return -1;
        return tn_c_load_const(c, k);
    }
    case TN_EXPR_ATTRIBUTE:
        if (e->v.attribute.ctx != TN_CTX_LOAD)
            return tn_c_assign_target(c, e);
        TRY(tn_c_expr(c, e->v.attribute.value));
        c->u->lineno = e->loc.end_lineno > 0 ? e->loc.end_lineno : e->loc.lineno;
        return tn_c_addop_name(c, TN_LOAD_ATTR, e->v.attribute.attr, 1);
    case TN_EXPR_SUBSCRIPT:
        TRY(tn_c_expr(c, e->v.subscript.value));
        TRY(tn_c_expr(c, e->v.subscript.slice));
        ADDOP(TN_BINARY_SUBSCR);
        return 0;
    case TN_EXPR_STARRED:
        return tn_c_error(c, e->loc, "can't use starred expression here");
    case TN_EXPR_NAME:
        return tn_c_nameop(c, e->v.name.id, e->v.name.ctx);
    case TN_EXPR_LIST:
        if (e->v.list.ctx != TN_CTX_LOAD)
            return tn_c_assign_target(c, e);
        return starunpack(c, &e->v.list.elts, TN_BUILD_LIST, TN_LIST_APPEND, TN_LIST_EXTEND, 0);
    case TN_EXPR_TUPLE: {
        if (e->v.list.ctx != TN_CTX_LOAD)
            return tn_c_assign_target(c, e);
        TnObject *k;
        int r = tn_c_const_object(c, e, &k);
        if (r < 0)
            return -1;
        if (r > 0)
            return tn_c_load_const(c, k);
        return starunpack(c, &e->v.list.elts, TN_BUILD_LIST, TN_LIST_APPEND, TN_LIST_EXTEND, 1);
    }
    case TN_EXPR_SLICE: {
        int n = 2;
        TRY(compile_slice_part(c, e->v.slice.lower));
        TRY(compile_slice_part(c, e->v.slice.upper));
        if (e->v.slice.step) {
            TRY(tn_c_expr(c, e->v.slice.step));
            n = 3;
        }
        ADDOP_I(TN_BUILD_SLICE, n);
        return 0;
    }
    }
    return 0;
}

int tn_c_expr(TnCompiler *c, TnExpr *e)
{
    if (tn_c_enter(&c->depth) < 0)
        return -1;
    int saved = c->u->lineno;
    if (e->loc.lineno > 0)
        c->u->lineno = e->loc.lineno;
    int r = expr_inner(c, e);
    c->u->lineno = saved;
    c->depth--;
    return r;
}
