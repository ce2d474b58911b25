/* The AST depth bound.
 *
 * Left-associative chains (a+b+c+..., a.b.c..., f(x)(y)...) are parsed by
 * loops, so a small parser stack can still build a very deep tree, and
 * the symbol table and compiler walk the tree recursively. Every parsed
 * top-level statement is therefore checked here: no path from it down to
 * a leaf may be longer than TN_AST_MAX_DEPTH nodes (CPython's compiler
 * gives up at about the same depth, with a RecursionError).
 *
 * The walk is recursive too, but it stops descending at the limit, so its
 * own depth is bounded by TN_AST_MAX_DEPTH.
 */
#include "parser.h"

typedef struct {
    TnLoc where;        /* the node at which the limit was crossed */
} Walk;

static int walk_expr(Walk *w, const TnExpr *e, int depth);
static int walk_stmts(Walk *w, const TnStmtSeq *s, int depth);

static int walk_exprs(Walk *w, const TnExprSeq *s, int depth)
{
    for (int i = 0; i < s->n; i++)
        if (walk_expr(w, s->items[i], depth))
            return 1;
    return 0;
}

static int walk_args(Walk *w, const TnArguments *a, int depth)
{
    const TnArgSeq *seqs[3] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < seqs[k]->n; i++)
            if (walk_expr(w, seqs[k]->items[i]->annotation, depth))
                return 1;
    return (a->vararg && walk_expr(w, a->vararg->annotation, depth)) ||
           (a->kwarg && walk_expr(w, a->kwarg->annotation, depth)) ||
           walk_exprs(w, &a->defaults, depth) || walk_exprs(w, &a->kw_defaults, depth);
}

static int walk_gens(Walk *w, const TnComprehensionSeq *g, int depth)
{
    for (int i = 0; i < g->n; i++) {
        const TnComprehension *c = g->items[i];
        if (walk_expr(w, c->target, depth) || walk_expr(w, c->iter, depth) ||
            walk_exprs(w, &c->ifs, depth))
            return 1;
    }
    return 0;
}

static int walk_keywords(Walk *w, const TnKeywordSeq *k, int depth)
{
    for (int i = 0; i < k->n; i++)
        if (walk_expr(w, k->items[i]->value, depth))
            return 1;
    return 0;
}

static int walk_expr(Walk *w, const TnExpr *e, int depth)
{
    if (!e)
        return 0;
    if (depth >= TN_AST_MAX_DEPTH) {
        w->where = e->loc;
        return 1;
    }
    depth++;
    switch (e->kind) {
    case TN_EXPR_BOOLOP: return walk_exprs(w, &e->v.boolop.values, depth);
    case TN_EXPR_NAMEDEXPR:
        return walk_expr(w, e->v.namedexpr.target, depth) ||
               walk_expr(w, e->v.namedexpr.value, depth);
    case TN_EXPR_BINOP:
        return walk_expr(w, e->v.binop.left, depth) || walk_expr(w, e->v.binop.right, depth);
    case TN_EXPR_UNARYOP: return walk_expr(w, e->v.unaryop.operand, depth);
    case TN_EXPR_LAMBDA:
        return walk_args(w, e->v.lambda.args, depth) || walk_expr(w, e->v.lambda.body, depth);
    case TN_EXPR_IFEXP:
        return walk_expr(w, e->v.ifexp.test, depth) || walk_expr(w, e->v.ifexp.body, depth) ||
               walk_expr(w, e->v.ifexp.orelse, depth);
    case TN_EXPR_DICT:
        return walk_exprs(w, &e->v.dict.keys, depth) || walk_exprs(w, &e->v.dict.values, depth);
    case TN_EXPR_SET: return walk_exprs(w, &e->v.set.elts, depth);
    case TN_EXPR_LISTCOMP: case TN_EXPR_SETCOMP: case TN_EXPR_GENEXP: case TN_EXPR_DICTCOMP:
        return walk_expr(w, e->v.comp.elt, depth) || walk_expr(w, e->v.comp.key, depth) ||
               walk_expr(w, e->v.comp.value, depth) || walk_gens(w, &e->v.comp.generators, depth);
    case TN_EXPR_AWAIT: return walk_expr(w, e->v.await_.value, depth);
    case TN_EXPR_YIELD: return walk_expr(w, e->v.yield.value, depth);
    case TN_EXPR_YIELDFROM: return walk_expr(w, e->v.yieldfrom.value, depth);
    case TN_EXPR_COMPARE:
        if (walk_expr(w, e->v.compare.left, depth))
            return 1;
        for (int i = 0; i < e->v.compare.n; i++)
            if (walk_expr(w, e->v.compare.comparators[i], depth))
                return 1;
        return 0;
    case TN_EXPR_CALL:
        return walk_expr(w, e->v.call.func, depth) || walk_exprs(w, &e->v.call.args, depth) ||
               walk_keywords(w, &e->v.call.keywords, depth);
    case TN_EXPR_FORMATTEDVALUE:
        return walk_expr(w, e->v.formatted.value, depth) ||
               walk_expr(w, e->v.formatted.format_spec, depth);
    case TN_EXPR_JOINEDSTR: return walk_exprs(w, &e->v.joined.values, depth);
    case TN_EXPR_ATTRIBUTE: return walk_expr(w, e->v.attribute.value, depth);
    case TN_EXPR_SUBSCRIPT:
        return walk_expr(w, e->v.subscript.value, depth) ||
               walk_expr(w, e->v.subscript.slice, depth);
    case TN_EXPR_STARRED: return walk_expr(w, e->v.starred.value, depth);
    case TN_EXPR_LIST: case TN_EXPR_TUPLE: return walk_exprs(w, &e->v.list.elts, depth);
    case TN_EXPR_SLICE:
        return walk_expr(w, e->v.slice.lower, depth) || walk_expr(w, e->v.slice.upper, depth) ||
               walk_expr(w, e->v.slice.step, depth);
    case TN_EXPR_CONSTANT: case TN_EXPR_NAME:
        return 0;
    }
    return 0;
}

static int walk_stmt(Walk *w, const TnStmt *s, int depth)
{
    if (depth >= TN_AST_MAX_DEPTH) {
        w->where = s->loc;
        return 1;
    }
    depth++;
    switch (s->kind) {
    case TN_STMT_FUNCTIONDEF: case TN_STMT_ASYNCFUNCTIONDEF:
        return walk_exprs(w, &s->v.funcdef.decorators, depth) ||
               walk_args(w, s->v.funcdef.args, depth) ||
               walk_expr(w, s->v.funcdef.returns, depth) ||
               walk_stmts(w, &s->v.funcdef.body, depth);
    case TN_STMT_CLASSDEF:
        return walk_exprs(w, &s->v.classdef.decorators, depth) ||
               walk_exprs(w, &s->v.classdef.bases, depth) ||
               walk_keywords(w, &s->v.classdef.keywords, depth) ||
               walk_stmts(w, &s->v.classdef.body, depth);
    case TN_STMT_RETURN: return walk_expr(w, s->v.ret.value, depth);
    case TN_STMT_DELETE: return walk_exprs(w, &s->v.del.targets, depth);
    case TN_STMT_ASSIGN:
        return walk_exprs(w, &s->v.assign.targets, depth) ||
               walk_expr(w, s->v.assign.value, depth);
    case TN_STMT_AUGASSIGN:
        return walk_expr(w, s->v.augassign.target, depth) ||
               walk_expr(w, s->v.augassign.value, depth);
    case TN_STMT_ANNASSIGN:
        return walk_expr(w, s->v.annassign.target, depth) ||
               walk_expr(w, s->v.annassign.annotation, depth) ||
               walk_expr(w, s->v.annassign.value, depth);
    case TN_STMT_FOR: case TN_STMT_ASYNCFOR:
        return walk_expr(w, s->v.for_.target, depth) || walk_expr(w, s->v.for_.iter, depth) ||
               walk_stmts(w, &s->v.for_.body, depth) || walk_stmts(w, &s->v.for_.orelse, depth);
    case TN_STMT_WHILE: case TN_STMT_IF:
        return walk_expr(w, s->v.if_.test, depth) || walk_stmts(w, &s->v.if_.body, depth) ||
               walk_stmts(w, &s->v.if_.orelse, depth);
    case TN_STMT_WITH: case TN_STMT_ASYNCWITH:
        for (int i = 0; i < s->v.with.items.n; i++)
            if (walk_expr(w, s->v.with.items.items[i]->context_expr, depth) ||
                walk_expr(w, s->v.with.items.items[i]->optional_vars, depth))
                return 1;
        return walk_stmts(w, &s->v.with.body, depth);
    case TN_STMT_RAISE:
        return walk_expr(w, s->v.raise.exc, depth) || walk_expr(w, s->v.raise.cause, depth);
    case TN_STMT_TRY:
        if (walk_stmts(w, &s->v.try_.body, depth))
            return 1;
        for (int i = 0; i < s->v.try_.handlers.n; i++)
            if (walk_expr(w, s->v.try_.handlers.items[i]->type, depth) ||
                walk_stmts(w, &s->v.try_.handlers.items[i]->body, depth))
                return 1;
        return walk_stmts(w, &s->v.try_.orelse, depth) ||
               walk_stmts(w, &s->v.try_.finalbody, depth);
    case TN_STMT_ASSERT:
        return walk_expr(w, s->v.assert_.test, depth) || walk_expr(w, s->v.assert_.msg, depth);
    case TN_STMT_EXPR: return walk_expr(w, s->v.expr.value, depth);
    default:
        return 0;
    }
}

static int walk_stmts(Walk *w, const TnStmtSeq *s, int depth)
{
    for (int i = 0; i < s->n; i++)
        if (walk_stmt(w, s->items[i], depth))
            return 1;
    return 0;
}

int tn__check_depth(Parser *p, const TnStmt *s)
{
    Walk w;
    if (!walk_stmt(&w, s, 0))
        return 0;
    tn__error_loc(p, w.where, "too complex");
    return -1;
}
