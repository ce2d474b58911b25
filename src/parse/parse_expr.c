/* Expressions: precedence climbing over CPython 3.11's expression grammar,
 * atoms and displays, comprehensions and for-loop targets.
 *
 * Each function is named after the grammar rule it implements; the rule
 * is quoted above it when the correspondence is not obvious. Where the
 * PEG grammar backtracks, we decide with one or two tokens of lookahead.
 *
 * In `peg_prefix` mode (used only to reproduce CPython's error reports) a
 * trailer or operand that fails to parse is dropped and the expression
 * parsed so far is returned, which is what PEG backtracking yields.
 */
#include <string.h>
#include "parser.h"

static TnExpr *primary(Parser *p);
static TnExpr *factor(Parser *p);
static TnExpr *slices(Parser *p);

int tn__starts_expression(TnTokType t)
{
    switch (t) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_LPAR: case TK_LSQB:
    case TK_LBRACE: case TK_MINUS: case TK_PLUS: case TK_TILDE: case TK_NOT:
    case TK_LAMBDA: case TK_AWAIT: case TK_TRUE: case TK_FALSE: case TK_NONE:
    case TK_ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

static int starts_star_expression(TnTokType t)
{
    return t == TK_STAR || tn__starts_expression(t);
}

/* In peg_prefix mode, after a continuation failed with the generic error:
 * forget it and resume at m. */
static int peg_backtrack(Parser *p, TnMark m)
{
    if (!p->peg_prefix || !p->err_generic || p->err_kind != TN_ERR_PARSER)
        return 0;
    tn__reset(p, m);
    return 1;
}

TnExpr *tn__expression_prefix(Parser *p)
{
    int saved = p->peg_prefix;
    p->peg_prefix = 1;
    TnExpr *e = tn__expression(p);
    p->peg_prefix = saved;
    return e;
}

static TnExpr *constant(Parser *p, TnConstKind kind, const TnToken *t)
{
    TnExpr *e = tn__expr(p, TN_EXPR_CONSTANT, tn__tok_loc(t));
    if (e)
        e->v.constant.kind = kind;
    return e;
}


/* expect a closing token after an expression */
static TnToken *expect_after(Parser *p, TnTokType type, TnExpr *e)
{
    if (tn__type(p) == type)
        return tn__advance(p);
    tn__error_after_expr(p, e);
    return NULL;
}

/* ---- atoms ------------------------------------------------------------------ */

static TnExpr *make_seq_expr(Parser *p, TnExprKind kind, TnExprSeq elts, TnLoc loc)
{
    TnExpr *e = tn__expr(p, kind, loc);
    if (!e)
        return NULL;
    if (kind == TN_EXPR_SET) {
        e->v.set.elts = elts;
    } else {
        e->v.list.elts = elts;
        e->v.list.ctx = TN_CTX_LOAD;
    }
    return e;
}

static TnExpr *comprehension(Parser *p, TnExprKind kind, TnExpr *elt, TnExpr *value,
                             const TnToken *open, TnTokType close)
{
    TnComprehensionSeq gens = {0, NULL};
    if (tn__for_if_clauses(p, &gens) < 0)
        return NULL;
    if (!expect_after(p, close, NULL))
        return NULL;
    TnExpr *e = tn__expr(p, kind, tn__extra(p, open));
    if (!e)
        return NULL;
    if (kind == TN_EXPR_DICTCOMP) {
        e->v.comp.key = elt;
        e->v.comp.value = value;
    } else {
        e->v.comp.elt = elt;
    }
    e->v.comp.generators = gens;
    return e;
}

int tn__at_comprehension(Parser *p)
{
    TnTokType t = tn__type(p);
    return t == TK_FOR || (t == TK_ASYNC && tn__peek(p, 1)->type == TK_FOR);
}

/* The same test where only CPython's second pass looks (its invalid_*
 * comprehension rules): looking past 'async' must not move `fill`. */
int tn__at_comprehension_2nd(Parser *p)
{
    p->analysis++;
    int r = tn__at_comprehension(p);
    p->analysis--;
    return r;
}

/* invalid_comprehension: "[a, b for ...]", a second-pass rule that needs
 * the for clauses to parse (errors raised while reading them stand). */
static void *comprehension_target_error(Parser *p, TnExprSeq *elts, const TnToken *comma)
{
    int fail = p->fill - 1;
    TnMark m = tn__analysis_begin(p);
    TnComprehensionSeq gens = {0, NULL};
    int ok = tn__for_if_clauses(p, &gens) == 0 && !tn__failed(p);
    if (tn__failed(p) && !p->err_generic) {
        p->analysis--;
        return NULL;
    }
    if (tn__analysis_end(p, m) < 0)
        return NULL;
    if (!ok)
        return tn__error_generic_at(p, fail);
    TnExpr *a = elts->items[0];
    if (comma)
        return tn__error_range(p, a->loc, tn__tok_loc(comma),
                               "did you forget parentheses around the comprehension target?");
    return tn__error_range(p, a->loc, elts->items[elts->n - 1]->loc,
                           "did you forget parentheses around the comprehension target?");
}

/* Comma-separated star_named_expressions after a first element, up to
 * `close` (not consumed). The comma before a trailing close is allowed. */
static int display_items(Parser *p, TnExprSeq *elts, int *cap, TnTokType close,
                         const TnToken **trailing_comma)
{
    *trailing_comma = NULL;
    while (tn__type(p) == TK_COMMA) {
        const TnToken *comma = tn__advance(p);
        if (tn__type(p) == close || tn__at_comprehension_2nd(p)) {
            *trailing_comma = comma;
            break;
        }
        TnExpr *e = tn__star_named_expression(p);
        if (!e || TN_PUSH(p, *elts, *cap, e) < 0)
            return -1;
    }
    return 0;
}

/* '(' ... ')': tuple, group, generator expression */
static TnExpr *paren_atom(Parser *p)
{
    const TnToken *open = tn__advance(p);
    TnExpr *res = NULL;
    TnTokType t = tn__type(p);
    if (t == TK_RPAR) {
        tn__advance(p);
        TnExprSeq none = {0, NULL};
        res = make_seq_expr(p, TN_EXPR_TUPLE, none, tn__extra(p, open));
        goto done;
    }
    if (t == TK_YIELD) {
        TnExpr *y = tn__yield_expr(p);
        if (y && expect_after(p, TK_RPAR, y))
            res = y;
        goto done;
    }
    if (t == TK_DOUBLESTAR) {
        /* invalid_group: '(' '**' expression ')', a second-pass rule */
        int fail = p->fill - 1;
        TnMark m = tn__analysis_begin(p);
        const TnToken *ds = tn__advance(p);
        TnExpr *x = tn__expression(p);
        int match = x && !tn__failed(p) && tn__type(p) == TK_RPAR;
        if (tn__analysis_end(p, m) < 0)
            goto done;
        if (match)
            tn__error_loc(p, tn__tok_loc(ds), "cannot use double starred expression here");
        else
            tn__error_generic_at(p, fail);
        goto done;
    }
    TnExpr *first = tn__star_named_expression(p);
    if (!first)
        goto done;
    if (tn__at_comprehension(p)) {
        if (first->kind == TN_EXPR_STARRED) {
            tn__error_loc(p, first->loc, "iterable unpacking cannot be used in comprehension");
            goto done;
        }
        res = comprehension(p, TN_EXPR_GENEXP, first, NULL, open, TK_RPAR);
        goto done;
    }
    if (tn__type(p) == TK_COMMA) {
        TnExprSeq elts = {0, NULL};
        int cap = 0;
        const TnToken *trailing;
        if (TN_PUSH(p, elts, cap, first) < 0 || display_items(p, &elts, &cap, TK_RPAR, &trailing) < 0)
            goto done;
        if (!expect_after(p, TK_RPAR, elts.items[elts.n - 1]))
            goto done;
        res = make_seq_expr(p, TN_EXPR_TUPLE, elts, tn__extra(p, open));
        goto done;
    }
    if (!expect_after(p, TK_RPAR, first))
        goto done;
    if (first->kind == TN_EXPR_STARRED) {
        tn__error_loc(p, first->loc, "cannot use starred expression here");
        goto done;
    }
    res = first;
done:
    return res;
}

static TnExpr *list_atom(Parser *p)
{
    const TnToken *open = tn__advance(p);
    TnExpr *res = NULL;
    if (tn__accept(p, TK_RSQB)) {
        TnExprSeq none = {0, NULL};
        res = make_seq_expr(p, TN_EXPR_LIST, none, tn__extra(p, open));
        goto done;
    }
    if (tn__type(p) == TK_DOUBLESTAR) {
        tn__error_generic(p);
        goto done;
    }
    TnExpr *first = tn__star_named_expression(p);
    if (!first)
        goto done;
    if (tn__at_comprehension(p)) {
        if (first->kind == TN_EXPR_STARRED) {
            tn__error_loc(p, first->loc, "iterable unpacking cannot be used in comprehension");
            goto done;
        }
        res = comprehension(p, TN_EXPR_LISTCOMP, first, NULL, open, TK_RSQB);
        goto done;
    }
    TnExprSeq elts = {0, NULL};
    int cap = 0;
    const TnToken *trailing;
    if (TN_PUSH(p, elts, cap, first) < 0 || display_items(p, &elts, &cap, TK_RSQB, &trailing) < 0)
        goto done;
    if (tn__at_comprehension_2nd(p)) {
        comprehension_target_error(p, &elts, trailing);
        goto done;
    }
    if (!expect_after(p, TK_RSQB, elts.items[elts.n - 1]))
        goto done;
    res = make_seq_expr(p, TN_EXPR_LIST, elts, tn__extra(p, open));
done:
    return res;
}

/* invalid_kvpair: expression ':' '*' bitwise_or */
static void starred_value_error(Parser *p)
{
    const TnToken *st = tn__cur(p);
    int lineno = st->lineno, col = st->col_offset;
    int fail = p->fill - 1;
    TnMark m = tn__analysis_begin(p);
    tn__advance(p);
    TnExpr *v = tn__bitwise_or(p);
    int ok = v && !tn__failed(p);
    if (tn__analysis_end(p, m) < 0)
        return;
    if (ok)
        tn__error_starting_from(p, lineno, col,
                                "cannot use a starred expression in a dictionary value");
    else
        tn__error_generic_at(p, fail);
}

/* one dict item after the first: key ':' value | '**' bitwise_or */
static int dict_item(Parser *p, TnExprSeq *keys, TnExprSeq *values, int *kcap, int *vcap)
{
    TnExpr *k = NULL, *v;
    if (tn__accept(p, TK_DOUBLESTAR)) {
        v = tn__bitwise_or(p);
    } else {
        TnMark km = tn__mark(p);
        k = tn__expression(p);
        if (!k) {
            /* CPython keeps the longest valid key and then wants ':' */
            if (!p->err_generic || p->err_kind != TN_ERR_PARSER)
                return -1;
            TnSyntaxErrorInfo saved = p->err;
            tn__reset(p, km);
            p->analysis++;
            k = tn__expression_prefix(p);
            p->analysis--;
            if (!k || tn__failed(p)) {
                if (p->err_kind == TN_ERR_TOKENIZER || p->err_eager)
                    return -1;
                tn__reset(p, km);
                p->err = saved;
                p->err_kind = TN_ERR_PARSER;
                p->err_generic = 1;
                return -1;
            }
        }
        if (tn__type(p) != TK_COLON) {
            /* invalid_double_starred_kvpairs / invalid_kvpair: a key after
             * the first one, not followed by ':' (CPython 3.11 reports this
             * even when another expression follows) */
            tn__error_at(p, "SyntaxError", k->loc.lineno, k->loc.end_col_offset - 1,
                         k->loc.end_lineno, -1, "':' expected after dictionary key");
            return -1;
        }
        const TnToken *colon = tn__advance(p);
        if (tn__type(p) == TK_RBRACE || tn__type(p) == TK_COMMA) {
            tn__error_loc(p, tn__tok_loc(colon), "expression expected after dictionary key and ':'");
            return -1;
        }
        if (tn__type(p) == TK_STAR) {
            starred_value_error(p);
            return -1;
        }
        v = tn__expression(p);
    }
    if (!v || TN_PUSH(p, *keys, *kcap, k) < 0 || TN_PUSH(p, *values, *vcap, v) < 0)
        return -1;
    return 0;
}

static TnExpr *brace_atom(Parser *p)
{
    const TnToken *open = tn__advance(p);
    TnExpr *res = NULL;
    TnExprSeq keys = {0, NULL}, values = {0, NULL};
    int kcap = 0, vcap = 0;
    if (tn__accept(p, TK_RBRACE)) {
        res = tn__expr(p, TN_EXPR_DICT, tn__extra(p, open));
        goto done;
    }
    if (tn__type(p) == TK_DOUBLESTAR) {
        const TnToken *ds = tn__advance(p);
        TnExpr *v = tn__bitwise_or(p);
        if (!v)
            goto done;
        if (tn__at_comprehension(p)) {
            tn__error_loc(p, tn__tok_loc(ds), "dict unpacking cannot be used in dict comprehension");
            goto done;
        }
        if (TN_PUSH(p, keys, kcap, NULL) < 0 || TN_PUSH(p, values, vcap, v) < 0)
            goto done;
        goto dict_rest;
    }
    TnExpr *first = tn__star_named_expression(p);
    if (!first)
        goto done;
    if (tn__type(p) == TK_COLON && first->kind != TN_EXPR_STARRED &&
        first->kind != TN_EXPR_NAMEDEXPR) {
        const TnToken *colon = tn__advance(p);
        if (tn__type(p) == TK_RBRACE || tn__type(p) == TK_COMMA) {
            tn__error_loc(p, tn__tok_loc(colon), "expression expected after dictionary key and ':'");
            goto done;
        }
        if (tn__type(p) == TK_STAR) {
            starred_value_error(p);
            goto done;
        }
        TnExpr *v = tn__expression(p);
        if (!v)
            goto done;
        if (tn__at_comprehension(p)) {
            res = comprehension(p, TN_EXPR_DICTCOMP, first, v, open, TK_RBRACE);
            goto done;
        }
        if (TN_PUSH(p, keys, kcap, first) < 0 || TN_PUSH(p, values, vcap, v) < 0)
            goto done;
dict_rest:
        while (tn__accept(p, TK_COMMA)) {
            if (tn__type(p) == TK_RBRACE)
                break;
            if (dict_item(p, &keys, &values, &kcap, &vcap) < 0)
                goto done;
        }
        if (!expect_after(p, TK_RBRACE, values.items[values.n - 1]))
            goto done;
        res = tn__expr(p, TN_EXPR_DICT, tn__extra(p, open));
        if (res) {
            res->v.dict.keys = keys;
            res->v.dict.values = values;
        }
        goto done;
    }
    if (tn__at_comprehension(p)) {
        if (first->kind == TN_EXPR_STARRED) {
            tn__error_loc(p, first->loc, "iterable unpacking cannot be used in comprehension");
            goto done;
        }
        res = comprehension(p, TN_EXPR_SETCOMP, first, NULL, open, TK_RBRACE);
        goto done;
    }
    TnExprSeq elts = {0, NULL};
    int cap = 0;
    const TnToken *trailing;
    if (TN_PUSH(p, elts, cap, first) < 0 || display_items(p, &elts, &cap, TK_RBRACE, &trailing) < 0)
        goto done;
    if (tn__at_comprehension_2nd(p)) {
        comprehension_target_error(p, &elts, trailing);
        goto done;
    }
    if (!expect_after(p, TK_RBRACE, elts.items[elts.n - 1]))
        goto done;
    res = make_seq_expr(p, TN_EXPR_SET, elts, tn__extra(p, open));
done:
    return res;
}

static TnExpr *atom(Parser *p)
{
    TnToken *t = tn__cur(p);
    switch (t->type) {
    case TK_NAME:
        tn__advance(p);
        return tn__name(p, t, TN_CTX_LOAD);
    case TK_TRUE:
        tn__advance(p);
        return constant(p, TN_CONST_TRUE, t);
    case TK_FALSE:
        tn__advance(p);
        return constant(p, TN_CONST_FALSE, t);
    case TK_NONE:
        tn__advance(p);
        return constant(p, TN_CONST_NONE, t);
    case TK_ELLIPSIS:
        tn__advance(p);
        return constant(p, TN_CONST_ELLIPSIS, t);
    case TK_NUMBER:
        tn__advance(p);
        return tn__number(p, t);
    case TK_STRING:
        return tn__strings(p);
    case TK_LPAR:
        return paren_atom(p);
    case TK_LSQB:
        return list_atom(p);
    case TK_LBRACE:
        return brace_atom(p);
    default:
        return tn__error_generic(p);
    }
}

/* ---- primaries -------------------------------------------------------------- */

static TnExpr *call(Parser *p, TnExpr *func, const TnToken *start)
{
    const TnToken *open = tn__advance(p);
    TnExpr *e = tn__expr(p, TN_EXPR_CALL, func->loc);
    if (!e)
        return NULL;
    e->v.call.func = func;
    if (tn__call_args(p, &e->v.call.args, &e->v.call.keywords, open) < 0)
        return NULL;
    e->loc = tn__extra(p, start);
    return e;
}

static TnExpr *primary(Parser *p)
{
    const TnToken *start = tn__cur(p);
    TnExpr *e = atom(p);
    while (e) {
        TnMark m = tn__mark(p);
        TnExpr *prev = e;
        switch (tn__type(p)) {
        case TK_DOT: {
            tn__advance(p);
            const TnToken *name = tn__expect(p, TK_NAME);
            if (!name)
                return peg_backtrack(p, m) ? prev : NULL;
            TnExpr *a = tn__expr(p, TN_EXPR_ATTRIBUTE, tn__extra(p, start));
            if (!a || !(a->v.attribute.attr = tn__tok_str(p, name)))
                return NULL;
            a->v.attribute.value = e;
            a->v.attribute.ctx = TN_CTX_LOAD;
            e = a;
            break;
        }
        case TK_LPAR:
            e = call(p, e, start);
            if (!e && peg_backtrack(p, m))
                return prev;
            break;
        case TK_LSQB: {
            tn__advance(p);
            TnExpr *s = slices(p);
            if (!s || !expect_after(p, TK_RSQB, s))
                return peg_backtrack(p, m) ? prev : NULL;
            TnExpr *sub = tn__expr(p, TN_EXPR_SUBSCRIPT, tn__extra(p, start));
            if (!sub)
                return NULL;
            sub->v.subscript.value = e;
            sub->v.subscript.slice = s;
            sub->v.subscript.ctx = TN_CTX_LOAD;
            e = sub;
            break;
        }
        default:
            return e;
        }
    }
    return NULL;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static TnExpr *slice(Parser *p)
{
    const TnToken *start = tn__cur(p);
    if (tn__type(p) == TK_STAR) {
        /* starred_expression: '*' expression */
        tn__advance(p);
        TnExpr *v = tn__expression(p);
        if (!v)
            return NULL;
        TnExpr *s = tn__expr(p, TN_EXPR_STARRED, tn__extra(p, start));
        if (s) {
            s->v.starred.value = v;
            s->v.starred.ctx = TN_CTX_LOAD;
        }
        return s;
    }
    TnExpr *lower = NULL, *upper = NULL, *step = NULL;
    if (tn__type(p) != TK_COLON) {
        lower = tn__named_expression(p);
        if (!lower)
            return NULL;
        if (tn__type(p) != TK_COLON || lower->kind == TN_EXPR_NAMEDEXPR)
            return lower;
    }
    tn__advance(p);     /* ':' */
    if (tn__starts_expression(tn__type(p)) && !(upper = tn__expression(p)))
        return NULL;
    if (tn__accept(p, TK_COLON) && tn__starts_expression(tn__type(p)) &&
        !(step = tn__expression(p)))
        return NULL;
    TnExpr *s = tn__expr(p, TN_EXPR_SLICE, tn__extra(p, start));
    if (s) {
        s->v.slice.lower = lower;
        s->v.slice.upper = upper;
        s->v.slice.step = step;
    }
    return s;
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static TnExpr *slices(Parser *p)
{
    const TnToken *start = tn__cur(p);
    TnExpr *first = slice(p);
    if (!first)
        return NULL;
    if (tn__type(p) != TK_COMMA && first->kind != TN_EXPR_STARRED)
        return first;
    TnExprSeq elts = {0, NULL};
    int cap = 0;
    if (TN_PUSH(p, elts, cap, first) < 0)
        return NULL;
    while (tn__accept(p, TK_COMMA)) {
        if (tn__type(p) == TK_RSQB)
            break;
        TnExpr *e = slice(p);
        if (!e || TN_PUSH(p, elts, cap, e) < 0)
            return NULL;
    }
    return make_seq_expr(p, TN_EXPR_TUPLE, elts, tn__extra(p, start));
}

/* await_primary: 'await' primary | primary */
static TnExpr *await_primary(Parser *p)
{
    if (tn__type(p) != TK_AWAIT)
        return primary(p);
    const TnToken *start = tn__advance(p);
    TnExpr *v = primary(p);
    if (!v)
        return NULL;
    TnExpr *e = tn__expr(p, TN_EXPR_AWAIT, tn__extra(p, start));
    if (e)
        e->v.await_.value = v;
    return e;
}

/* power: await_primary '**' factor | await_primary */
static TnExpr *power(Parser *p)
{
    const TnToken *start = tn__cur(p);
    TnExpr *a = await_primary(p);
    if (!a || tn__type(p) != TK_DOUBLESTAR)
        return a;
    TnMark m = tn__mark(p);
    tn__advance(p);
    TN_ENTER(p, NULL);
    TnExpr *b = factor(p);
    TN_LEAVE(p);
    if (!b)
        return peg_backtrack(p, m) ? a : NULL;
    TnExpr *e = tn__expr(p, TN_EXPR_BINOP, tn__extra(p, start));
    if (e) {
        e->v.binop.left = a;
        e->v.binop.op = TN_OP_POW;
        e->v.binop.right = b;
    }
    return e;
}

static TnExpr *factor(Parser *p)
{
    TnUnaryOp op;
    switch (tn__type(p)) {
    case TK_PLUS: op = TN_UOP_UADD; break;
    case TK_MINUS: op = TN_UOP_USUB; break;
    case TK_TILDE: op = TN_UOP_INVERT; break;
    default: return power(p);
    }
    const TnToken *start = tn__advance(p);
    TN_ENTER(p, NULL);
    TnExpr *v = factor(p);
    TN_LEAVE(p);
    if (!v)
        return NULL;
    TnExpr *e = tn__expr(p, TN_EXPR_UNARYOP, tn__extra(p, start));
    if (e) {
        e->v.unaryop.op = op;
        e->v.unaryop.operand = v;
    }
    return e;
}

/* Binary operator levels from bitwise_or (1) to term (6). */
static int binop_prec(TnTokType t, TnOperator *op)
{
    switch (t) {
    case TK_VBAR: *op = TN_OP_OR; return 1;
    case TK_CIRCUMFLEX: *op = TN_OP_XOR; return 2;
    case TK_AMPER: *op = TN_OP_AND; return 3;
    case TK_LEFTSHIFT: *op = TN_OP_LSHIFT; return 4;
    case TK_RIGHTSHIFT: *op = TN_OP_RSHIFT; return 4;
    case TK_PLUS: *op = TN_OP_ADD; return 5;
    case TK_MINUS: *op = TN_OP_SUB; return 5;
    case TK_STAR: *op = TN_OP_MUL; return 6;
    case TK_SLASH: *op = TN_OP_DIV; return 6;
    case TK_DOUBLESLASH: *op = TN_OP_FLOORDIV; return 6;
    case TK_PERCENT: *op = TN_OP_MOD; return 6;
    case TK_AT: *op = TN_OP_MATMUL; return 6;
    default: return 0;
    }
}

/* Left-associative levels by precedence climbing; the recursion depth is
 * bounded by the number of levels, not by the input. */
static TnExpr *binary(Parser *p, int min_prec)
{
    const TnToken *start = tn__cur(p);
    TnExpr *left = factor(p);
    while (left) {
        TnOperator op;
        int prec = binop_prec(tn__type(p), &op);
        if (prec < min_prec || prec == 0)
            break;
        TnMark m = tn__mark(p);
        tn__advance(p);
        TnExpr *right = prec < 6 ? binary(p, prec + 1) : factor(p);
        if (!right)
            return peg_backtrack(p, m) ? left : NULL;
        TnExpr *e = tn__expr(p, TN_EXPR_BINOP, tn__extra(p, start));
        if (!e)
            return NULL;
        e->v.binop.left = left;
        e->v.binop.op = op;
        e->v.binop.right = right;
        left = e;
    }
    return left;
}

TnExpr *tn__bitwise_or(Parser *p)
{
    return binary(p, 1);
}

static int compare_op(Parser *p, TnCmpOp *op)
{
    switch (tn__type(p)) {
    case TK_EQEQUAL: *op = TN_CMP_EQ; return 1;
    case TK_NOTEQUAL: *op = TN_CMP_NE; return 1;
    case TK_LESS: *op = TN_CMP_LT; return 1;
    case TK_LESSEQUAL: *op = TN_CMP_LE; return 1;
    case TK_GREATER: *op = TN_CMP_GT; return 1;
    case TK_GREATEREQUAL: *op = TN_CMP_GE; return 1;
    case TK_IN:
        *op = TN_CMP_IN;
        return 1;
    case TK_NOT:
        if (tn__peek(p, 1)->type != TK_IN)
            return 0;
        *op = TN_CMP_NOTIN;
        return 2;
    case TK_IS:
        if (tn__peek(p, 1)->type == TK_NOT) {
            *op = TN_CMP_ISNOT;
            return 2;
        }
        *op = TN_CMP_IS;
        return 1;
    default:
        return 0;
    }
}

static TnExpr *comparison(Parser *p)
{
    const TnToken *start = tn__cur(p);
    TnExpr *a = tn__bitwise_or(p);
    if (!a)
        return NULL;
    TnCmpOp op;
    int ntok = compare_op(p, &op);
    if (!ntok)
        return a;
    int n = 0, cap = 0;
    TnCmpOp *ops = NULL;
    TnExpr **cmps = NULL;
    while (ntok) {
        TnMark m = tn__mark(p);
        while (ntok--)
            tn__advance(p);
        TnExpr *b = tn__bitwise_or(p);
        if (!b) {
            if (!peg_backtrack(p, m))
                return NULL;
            if (n == 0)
                return a;
            break;
        }
        if (n == cap) {
            int c1 = cap, c2 = cap;
            ops = tn__grow(p, ops, n, &c1, sizeof *ops);
            cmps = tn__grow(p, cmps, n, &c2, sizeof *cmps);
            if (!ops || !cmps)
                return NULL;
            cap = c1;
        }
        ops[n] = op;
        cmps[n++] = b;
        ntok = compare_op(p, &op);
    }
    TnExpr *e = tn__expr(p, TN_EXPR_COMPARE, tn__extra(p, start));
    if (e) {
        e->v.compare.left = a;
        e->v.compare.n = n;
        e->v.compare.ops = ops;
        e->v.compare.comparators = cmps;
    }
    return e;
}

/* inversion: 'not' inversion | comparison */
static TnExpr *inversion(Parser *p)
{
    if (tn__type(p) != TK_NOT)
        return comparison(p);
    const TnToken *start = tn__advance(p);
    TN_ENTER(p, NULL);
    TnExpr *v = inversion(p);
    TN_LEAVE(p);
    if (!v)
        return NULL;
    TnExpr *e = tn__expr(p, TN_EXPR_UNARYOP, tn__extra(p, start));
    if (e) {
        e->v.unaryop.op = TN_UOP_NOT;
        e->v.unaryop.operand = v;
    }
    return e;
}

static TnExpr *boolop(Parser *p, TnTokType tok, TnBoolOp op, TnExpr *(*operand)(Parser *))
{
    const TnToken *start = tn__cur(p);
    TnExpr *a = operand(p);
    if (!a || tn__type(p) != tok)
        return a;
    TnExprSeq values = {0, NULL};
    int cap = 0;
    if (TN_PUSH(p, values, cap, a) < 0)
        return NULL;
    for (;;) {
        TnMark m = tn__mark(p);
        if (!tn__accept(p, tok))
            break;
        TnExpr *b = operand(p);
        if (!b) {
            if (!peg_backtrack(p, m))
                return NULL;
            if (values.n == 1)
                return a;
            break;
        }
        if (TN_PUSH(p, values, cap, b) < 0)
            return NULL;
    }
    TnExpr *e = tn__expr(p, TN_EXPR_BOOLOP, tn__extra(p, start));
    if (e) {
        e->v.boolop.op = op;
        e->v.boolop.values = values;
    }
    return e;
}

static TnExpr *conjunction(Parser *p)
{
    return boolop(p, TK_AND, TN_BOOL_AND, inversion);
}

TnExpr *tn__disjunction(Parser *p)
{
    return boolop(p, TK_OR, TN_BOOL_OR, conjunction);
}

/* invalid_expression's `a if b` without 'else', where b is only a valid
 * prefix of what follows 'if' (PEG keeps the prefix): the generic error
 * already recorded is replaced when the rule matches. m is at 'if'. */
static void else_check(Parser *p, TnMark m, TnExpr *body)
{
    TnSyntaxErrorInfo saved = p->err;
    int kind = p->err_kind, final = p->err_final;
    TnMark here = tn__mark(p);
    tn__reset(p, m);
    p->analysis++;
    tn__advance(p);
    int peg = p->peg_prefix;
    p->peg_prefix = 1;
    TnExpr *test = tn__disjunction(p);
    p->peg_prefix = peg;
    int fire = test && !tn__failed(p) && tn__type(p) != TK_ELSE && tn__type(p) != TK_COLON;
    p->analysis--;
    if (p->err_kind == TN_ERR_TOKENIZER)
        return;
    tn__reset(p, here);
    if (fire) {
        tn__error_range(p, body->loc, test->loc, "expected 'else' after 'if' expression");
        return;
    }
    p->err = saved;
    p->err_kind = kind;
    p->err_final = final;
    p->err_generic = 1;
}

/* When an expression fails with the generic error, CPython's second pass
 * would have tried invalid_expression at its start, with the longest valid
 * prefix as the first operand. m is where the expression began. */
static void expression_failure_check(Parser *p, TnMark m)
{
    TnSyntaxErrorInfo saved = p->err;
    int final = p->err_final;
    TnMark here = tn__mark(p);
    tn__reset(p, m);
    p->analysis++;
    int peg = p->peg_prefix;
    p->peg_prefix = 1;
    TnExpr *a = tn__disjunction(p);
    p->peg_prefix = peg;
    p->analysis--;
    if (p->err_kind == TN_ERR_TOKENIZER || (tn__failed(p) && p->err_eager))
        return;
    if (a && !tn__failed(p) && tn__type(p) != TK_IF && tn__invalid_expression_check(p, a))
        return;
    tn__reset(p, here);
    p->err = saved;
    p->err_kind = TN_ERR_PARSER;
    p->err_generic = 1;
    p->err_final = final;
}

static TnExpr *expression(Parser *p);

TnExpr *tn__expression(Parser *p)
{
    TnMark m = tn__mark(p);
    TnExpr *e = expression(p);
    if (!e && p->err_generic && p->err_kind == TN_ERR_PARSER && !p->peg_prefix)
        expression_failure_check(p, m);
    return e;
}

/* expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
static TnExpr *expression(Parser *p)
{
    TN_ENTER(p, NULL);
    TnExpr *res = NULL;
    if (tn__type(p) == TK_LAMBDA) {
        res = tn__lambdef(p);
        goto done;
    }
    const TnToken *start = tn__cur(p);
    TnExpr *body = tn__disjunction(p);
    if (!body || tn__type(p) != TK_IF) {
        res = body;
        goto done;
    }
    TnMark m = tn__mark(p);
    tn__advance(p);
    TnExpr *test = tn__disjunction(p);
    if (!test) {
        if (peg_backtrack(p, m))
            res = body;
        else if (p->err_generic)
            else_check(p, m, body);
        goto done;
    }
    if (!tn__accept(p, TK_ELSE)) {
        if (p->peg_prefix) {
            tn__reset(p, m);    /* PEG keeps `body` and leaves 'if' unread */
            res = body;
        } else if (tn__type(p) != TK_COLON)
            tn__error_range(p, body->loc, test->loc, "expected 'else' after 'if' expression");
        else
            tn__error_generic(p);
        goto done;
    }
    TnExpr *orelse = tn__expression(p);
    if (!orelse) {
        if (peg_backtrack(p, m))
            res = body;
        goto done;
    }
    res = tn__expr(p, TN_EXPR_IFEXP, tn__extra(p, start));
    if (res) {
        res->v.ifexp.test = test;
        res->v.ifexp.body = body;
        res->v.ifexp.orelse = orelse;
    }
done:
    TN_LEAVE(p);
    return res;
}

/* named_expression: NAME ':=' expression | expression !':='
 * (call arguments use it without invalid_named_expression) */
TnExpr *tn__named_expression_ex(Parser *p, int check_assign)
{
    TnToken *t = tn__cur(p);
    if (t->type == TK_NAME && tn__peek(p, 1)->type == TK_COLONEQUAL) {
        tn__advance(p);
        tn__advance(p);
        TnExpr *target = tn__name(p, t, TN_CTX_STORE);
        TnExpr *value = target ? tn__expression(p) : NULL;
        if (!value)
            return NULL;
        TnExpr *e = tn__expr(p, TN_EXPR_NAMEDEXPR, tn__extra(p, t));
        if (e) {
            e->v.namedexpr.target = target;
            e->v.namedexpr.value = value;
        }
        return e;
    }
    TnExpr *e = tn__expression(p);
    if (e && check_assign && tn__type(p) == TK_COLONEQUAL) {
        /* invalid_named_expression: expression ':=' expression */
        TnMark m = tn__analysis_begin(p);
        tn__advance(p);
        int ok = tn__starts_expression(tn__type(p)) && tn__expression(p) && !tn__failed(p);
        if (tn__analysis_end(p, m) < 0)
            return NULL;
        if (ok)
            return tn__error_loc(p, e->loc, "cannot use assignment expressions with %s",
                                 tn__expr_name(e));
    }
    if (e && check_assign && tn__type(p) == TK_EQUAL) {
        tn__named_assign_check(p, e);
        if (tn__failed(p))
            return NULL;
    }
    return e;
}

TnExpr *tn__named_expression(Parser *p)
{
    return tn__named_expression_ex(p, 1);
}

TnExpr *tn__starred(Parser *p, TnExpr *(*operand)(Parser *))
{
    const TnToken *start = tn__advance(p);
    TnExpr *v = operand(p);
    if (!v)
        return NULL;
    TnExpr *e = tn__expr(p, TN_EXPR_STARRED, tn__extra(p, start));
    if (e) {
        e->v.starred.value = v;
        e->v.starred.ctx = TN_CTX_LOAD;
    }
    return e;
}

/* star_named_expression: '*' bitwise_or | named_expression */
TnExpr *tn__star_named_expression(Parser *p)
{
    if (tn__type(p) == TK_STAR)
        return tn__starred(p, tn__bitwise_or);
    return tn__named_expression(p);
}

/* star_expression: '*' bitwise_or | expression */
static TnExpr *star_expression(Parser *p)
{
    if (tn__type(p) == TK_STAR)
        return tn__starred(p, tn__bitwise_or);
    return tn__expression(p);
}

/* A comma-separated sequence of `item`, a Tuple if there is a comma. */
static TnExpr *comma_list(Parser *p, TnExpr *(*item)(Parser *), int (*starts)(TnTokType))
{
    const TnToken *start = tn__cur(p);
    TnExpr *e = item(p);
    if (!e || tn__type(p) != TK_COMMA)
        return e;
    TnExprSeq elts = {0, NULL};
    int cap = 0;
    if (TN_PUSH(p, elts, cap, e) < 0)
        return NULL;
    while (tn__accept(p, TK_COMMA)) {
        if (!starts(tn__type(p)))
            break;
        e = item(p);
        if (!e || TN_PUSH(p, elts, cap, e) < 0)
            return NULL;
    }
    return make_seq_expr(p, TN_EXPR_TUPLE, elts, tn__extra(p, start));
}

TnExpr *tn__star_expressions(Parser *p)
{
    return comma_list(p, star_expression, starts_star_expression);
}

TnExpr *tn__expressions(Parser *p)
{
    return comma_list(p, tn__expression, tn__starts_expression);
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
TnExpr *tn__yield_expr(Parser *p)
{
    const TnToken *start = tn__advance(p);
    if (tn__accept(p, TK_FROM)) {
        TnExpr *v = tn__expression(p);
        if (!v)
            return NULL;
        TnExpr *e = tn__expr(p, TN_EXPR_YIELDFROM, tn__extra(p, start));
        if (e)
            e->v.yieldfrom.value = v;
        return e;
    }
    TnExpr *v = NULL;
    if (starts_star_expression(tn__type(p)) && !(v = tn__star_expressions(p)))
        return NULL;
    TnExpr *e = tn__expr(p, TN_EXPR_YIELD, tn__extra(p, start));
    if (e)
        e->v.yield.value = v;
    return e;
}

TnExpr *tn__annotated_rhs(Parser *p)
{
    if (tn__type(p) == TK_YIELD)
        return tn__yield_expr(p);
    return tn__star_expressions(p);
}

/* ---- for targets and comprehensions ------------------------------------------ */

/* star_targets 'in', with CPython's invalid_for_target fallback: when the
 * targets are not followed by 'in' or are not assignable, re-read them as
 * star_expressions and report the first invalid target. */
/* star_target: '*' star_target | t_primary-based target | star_atom, read
 * as a primary and checked by the caller. */
TnExpr *tn__star_target(Parser *p)
{
    if (tn__type(p) == TK_STAR)
        return tn__starred(p, tn__star_target);
    return primary(p);
}

static int starts_star_target(TnTokType t)
{
    return t == TK_STAR || (tn__starts_expression(t) && t != TK_MINUS && t != TK_PLUS &&
                            t != TK_TILDE && t != TK_NOT && t != TK_LAMBDA && t != TK_AWAIT);
}

TnExpr *tn__star_targets(Parser *p)
{
    return comma_list(p, tn__star_target, starts_star_target);
}

TnExpr *tn__for_targets(Parser *p)
{
    TnMark m = tn__mark(p);
    TnExpr *t = tn__star_targets(p);
    if (t && tn__type(p) == TK_IN && !tn__invalid_target(t, TN_TARGET_STAR)) {
        tn__advance(p);
        tn__set_context(t, TN_CTX_STORE);
        return t;
    }
    if (tn__failed(p) && !p->err_generic)
        return NULL;    /* a specific error (tokenizer, nesting, ...) stands */
    int fail = p->fill - 1;
    tn__reset(p, m);
    m = tn__analysis_begin(p);
    TnExpr *e = tn__star_expressions(p);
    if (e && !tn__failed(p))
        tn__invalid_expression_check(p, e);
    int specific = tn__failed(p) && !p->err_generic;
    TnExpr *bad = e && !tn__failed(p) ? tn__invalid_target(e, TN_TARGET_FOR) : NULL;
    if (specific) {
        p->analysis--;
        return NULL;
    }
    if (tn__analysis_end(p, m) < 0)
        return NULL;
    if (bad)
        return tn__error_loc(p, bad->loc, "cannot assign to %s", tn__expr_name(bad));
    return tn__error_generic_at(p, fail);
}

/* for_if_clauses: ('async'? 'for' star_targets 'in' disjunction ('if' disjunction)*)+ */
int tn__for_if_clauses(Parser *p, TnComprehensionSeq *gens)
{
    int cap = 0;
    while (tn__at_comprehension(p)) {
        TnComprehension *c = tn__alloc(p, sizeof *c);
        if (!c)
            return -1;
        if (tn__accept(p, TK_ASYNC))
            c->is_async = 1;
        tn__advance(p);     /* 'for' */
        if (!(c->target = tn__for_targets(p)))
            return -1;
        if (!(c->iter = tn__disjunction(p)))
            return -1;
        int icap = 0;
        while (tn__accept(p, TK_IF)) {
            TnExpr *cond = tn__disjunction(p);
            if (!cond || TN_PUSH(p, c->ifs, icap, cond) < 0)
                return -1;
        }
        if (TN_PUSH(p, *gens, cap, c) < 0)
            return -1;
    }
    return 0;
}
