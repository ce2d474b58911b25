/* Expressions: precedence climbing over CPython 3.11's expression grammar,
 * plus assignment-target checks and the error analyses that reproduce
 * CPython's specialised messages (its invalid_* rules).
 *
 * Each function is named after the grammar rule it implements; the rule
 * is quoted above it when the correspondence is not obvious. Where the
 * PEG grammar backtracks, we decide with one or two tokens of lookahead.
 */
#include <string.h>
#include "parser.h"

static TnExpr *primary(Parser *p);
static TnExpr *factor(Parser *p);
static int for_if_clauses(Parser *p, TnComprehensionSeq *gens);
static TnExpr *lambdef(Parser *p);
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

static TnExpr *constant(Parser *p, TnConstKind kind, const TnToken *t)
{
    TnExpr *e = tn__expr(p, TN_EXPR_CONSTANT, tn__tok_loc(t));
    if (e)
        e->v.constant.kind = kind;
    return e;
}

/* ---- target helpers ---------------------------------------------------------- */

const char *tn__expr_name(const TnExpr *e)
{
    switch (e->kind) {
    case TN_EXPR_ATTRIBUTE: return "attribute";
    case TN_EXPR_SUBSCRIPT: return "subscript";
    case TN_EXPR_STARRED: return "starred";
    case TN_EXPR_NAME: return "name";
    case TN_EXPR_LIST: return "list";
    case TN_EXPR_TUPLE: return "tuple";
    case TN_EXPR_LAMBDA: return "lambda";
    case TN_EXPR_CALL: return "function call";
    case TN_EXPR_BOOLOP: case TN_EXPR_BINOP: case TN_EXPR_UNARYOP: return "expression";
    case TN_EXPR_GENEXP: return "generator expression";
    case TN_EXPR_YIELD: case TN_EXPR_YIELDFROM: return "yield expression";
    case TN_EXPR_AWAIT: return "await expression";
    case TN_EXPR_LISTCOMP: return "list comprehension";
    case TN_EXPR_SETCOMP: return "set comprehension";
    case TN_EXPR_DICTCOMP: return "dict comprehension";
    case TN_EXPR_DICT: return "dict literal";
    case TN_EXPR_SET: return "set display";
    case TN_EXPR_JOINEDSTR: case TN_EXPR_FORMATTEDVALUE: return "f-string expression";
    case TN_EXPR_CONSTANT:
        switch (e->v.constant.kind) {
        case TN_CONST_NONE: return "None";
        case TN_CONST_FALSE: return "False";
        case TN_CONST_TRUE: return "True";
        case TN_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case TN_EXPR_COMPARE: return "comparison";
    case TN_EXPR_IFEXP: return "conditional expression";
    case TN_EXPR_NAMEDEXPR: return "named expression";
    case TN_EXPR_SLICE: return "slice";
    }
    return "expression";
}

TnExpr *tn__invalid_target(TnExpr *e, int kind)
{
    if (!e)
        return NULL;
    switch (e->kind) {
    case TN_EXPR_LIST:
    case TN_EXPR_TUPLE:
        for (int i = 0; i < e->v.list.elts.n; i++) {
            TnExpr *c = tn__invalid_target(e->v.list.elts.items[i], kind);
            if (c)
                return c;
        }
        return NULL;
    case TN_EXPR_STARRED:
        if (kind == TN_TARGET_DEL)
            return e;
        return tn__invalid_target(e->v.starred.value, kind);
    case TN_EXPR_COMPARE:
        /* `for a in b` parsed as a comparison: look at the left side */
        if (kind == TN_TARGET_FOR) {
            if (e->v.compare.ops[0] == TN_CMP_IN)
                return tn__invalid_target(e->v.compare.left, kind);
            return NULL;
        }
        return e;
    case TN_EXPR_NAME:
    case TN_EXPR_SUBSCRIPT:
    case TN_EXPR_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

void tn__set_context(TnExpr *e, TnExprCtx ctx)
{
    switch (e->kind) {
    case TN_EXPR_NAME: e->v.name.ctx = ctx; break;
    case TN_EXPR_ATTRIBUTE: e->v.attribute.ctx = ctx; break;
    case TN_EXPR_SUBSCRIPT: e->v.subscript.ctx = ctx; break;
    case TN_EXPR_STARRED:
        e->v.starred.ctx = ctx;
        tn__set_context(e->v.starred.value, ctx);
        break;
    case TN_EXPR_LIST:
    case TN_EXPR_TUPLE:
        e->v.list.ctx = ctx;
        for (int i = 0; i < e->v.list.elts.n; i++)
            tn__set_context(e->v.list.elts.items[i], ctx);
        break;
    default:
        break;
    }
}

void *tn__target_error(Parser *p, TnExpr *e, int kind)
{
    TnExpr *bad = tn__invalid_target(e, kind);
    if (!bad)
        return tn__error_generic(p);
    return tn__error_loc(p, bad->loc, kind == TN_TARGET_DEL ? "cannot delete %s" : "cannot assign to %s",
                         tn__expr_name(bad));
}

/* ---- error analysis after an expression --------------------------------------- */

/* Index of the first token starting at or after (lineno, col), searching
 * back from the current position (tokens are in source order). */
static int tok_index_at(Parser *p, int lineno, int col)
{
    int i = p->ntoks - 1;
    while (i > 0) {
        const TnToken *t = tn__tokat(p, i - 1);
        if (t->lineno < lineno || (t->lineno == lineno && t->col_offset < col))
            break;
        i--;
    }
    return i;
}

/* The last token of e (its end position). */
static int tok_index_end(Parser *p, const TnExpr *e)
{
    int i = p->ntoks - 1;
    while (i > 0) {
        const TnToken *t = tn__tokat(p, i);
        if (t->end_lineno < e->loc.end_lineno ||
            (t->end_lineno == e->loc.end_lineno && t->end_col_offset <= e->loc.end_col_offset))
            break;
        i--;
    }
    return i;
}

static int is_soft_keyword(const TnToken *t)
{
    return tn__is_soft_name(t, "match") || tn__is_soft_name(t, "case") || tn__is_soft_name(t, "_");
}

/* expression_without_invalid: a conditional expression, disjunction or
 * lambda, parsed speculatively. */
static TnExpr *try_expression(Parser *p, int *tokerr)
{
    *tokerr = 0;
    if (!tn__starts_expression(tn__type(p)))
        return NULL;
    TnMark m = tn__analysis_begin(p);
    TnExpr *e = tn__expression(p);
    int ok = e && !tn__failed(p);
    if (tn__analysis_end(p, m) < 0)
        *tokerr = 1;
    return ok ? e : NULL;
}

/* CPython's invalid_expression and invalid_legacy_expression, tried where
 * expression e is directly followed by the start of another expression.
 * Returns 1 when an error was recorded (a specific one, or a tokenizer
 * error met while looking ahead), 0 when neither rule applies. */
int tn__invalid_expression_check(Parser *p, TnExpr *e)
{
    if (tn__failed(p))
        return 1;
    TnToken *t = tn__cur(p);
    if (tn__failed(p))
        return 1;
    if (!e || !tn__starts_expression(t->type))
        return 0;
    /* the rightmost disjunction that ends just before t */
    TnExpr *a = e;
    for (;;) {
        if (a->kind == TN_EXPR_IFEXP)
            a = a->v.ifexp.orelse;
        else if (a->kind == TN_EXPR_LAMBDA)
            a = a->v.lambda.body;
        else if (a->kind == TN_EXPR_NAMEDEXPR)
            a = a->v.namedexpr.value;
        else if (tn__is_bare_tuple(p, a))
            a = a->v.list.elts.items[a->v.list.elts.n - 1];
        else
            break;
    }
    if (a->kind == TN_EXPR_STARRED || a->kind == TN_EXPR_YIELD || a->kind == TN_EXPR_YIELDFROM)
        return 0;
    int first = tok_index_at(p, a->loc.lineno, a->loc.col_offset);
    int last = tok_index_end(p, a);
    if (last != p->pos - 1)
        return 0;
    const TnToken *ft = tn__tokat(p, first);
    int legacy = a->kind == TN_EXPR_NAME &&
                 (strcmp(a->v.name.id, "print") == 0 || strcmp(a->v.name.id, "exec") == 0);
    /* invalid_expression: !(NAME STRING | SOFT_KEYWORD) disjunction
     * expression_without_invalid -- the second expression is parsed with
     * no specialised errors, so any failure just means "no match" */
    if (!is_soft_keyword(ft) &&
        !(ft->type == TK_NAME && first + 1 < p->ntoks && tn__tokat(p, first + 1)->type == TK_STRING)) {
        int tokerr;
        TnExpr *b = try_expression(p, &tokerr);
        if (tokerr)
            return 1;
        if (b && !legacy && tn__tokat(p, last)->level > 0) {
            tn__error_range(p, a->loc, b->loc, "invalid syntax. Perhaps you forgot a comma?");
            return 1;
        }
    }
    /* invalid_legacy_expression: NAME !'(' star_expressions, parsed with
     * specialised errors, which stand if they fire */
    if (a == e && a->kind == TN_EXPR_NAME && t->type != TK_LPAR) {
        TnMark m = tn__analysis_begin(p);
        TnExpr *b = tn__star_expressions(p);
        int ok = b && !tn__failed(p);
        if (tn__failed(p) && !p->err_generic) {
            p->analysis--;
            return 1;
        }
        if (tn__analysis_end(p, m) < 0)
            return 1;
        if (ok && legacy) {
            tn__error_range(p, a->loc, b->loc,
                            "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                            a->v.name.id, a->v.name.id);
            return 1;
        }
    }
    return 0;
}

/* The generic failure after an expression, unless one of the rules above
 * gives a better message. */
void *tn__error_after_expr(Parser *p, TnExpr *e)
{
    if (tn__failed(p))
        return NULL;
    int fail = p->fill - 1;
    if (tn__invalid_expression_check(p, e))
        return NULL;
    return tn__error_generic_at(p, fail);
}

/* expect a closing token after an expression */
static TnToken *expect_after(Parser *p, TnTokType type, TnExpr *e)
{
    if (tn__type(p) == type)
        return tn__advance(p);
    tn__error_after_expr(p, e);
    return NULL;
}

/* ---- where an expression sits among the tokens ------------------------------- */


/* Does e, as parsed, start with the atom CPython's invalid_named_expression
 * excludes: a list display, a parenthesized tuple, a generator expression,
 * True, None or False? */
int tn__starts_with_excluded_atom(Parser *p, const TnExpr *e)
{
    if (tn__is_wrapped_in_parens(p, e))
        return 0;
    const TnExpr *a = e;
    for (;;) {
        switch (a->kind) {
        case TN_EXPR_BINOP: a = a->v.binop.left; continue;
        case TN_EXPR_CALL: a = a->v.call.func; continue;
        case TN_EXPR_ATTRIBUTE: a = a->v.attribute.value; continue;
        case TN_EXPR_SUBSCRIPT: a = a->v.subscript.value; continue;
        case TN_EXPR_COMPARE: a = a->v.compare.left; continue;
        default: break;
        }
        break;
    }
    if (a->loc.lineno != e->loc.lineno || a->loc.col_offset != e->loc.col_offset)
        return 0;
    if (a->kind == TN_EXPR_LIST || a->kind == TN_EXPR_GENEXP || a->kind == TN_EXPR_TUPLE)
        return 1;
    return a->kind == TN_EXPR_CONSTANT &&
           (a->v.constant.kind == TN_CONST_TRUE || a->v.constant.kind == TN_CONST_NONE ||
            a->v.constant.kind == TN_CONST_FALSE);
}

/* Is e a bitwise_or-level expression (what CPython's bitwise_or rule can
 * produce by itself)? */
int tn__is_bitwise_level(Parser *p, const TnExpr *e)
{
    switch (e->kind) {
    case TN_EXPR_BOOLOP: case TN_EXPR_COMPARE: case TN_EXPR_IFEXP: case TN_EXPR_LAMBDA:
    case TN_EXPR_NAMEDEXPR: case TN_EXPR_STARRED: case TN_EXPR_YIELD: case TN_EXPR_YIELDFROM:
        return tn__is_wrapped_in_parens(p, e);
    case TN_EXPR_UNARYOP:
        return e->v.unaryop.op != TN_UOP_NOT || tn__is_wrapped_in_parens(p, e);
    case TN_EXPR_TUPLE:
        return !tn__is_bare_tuple(p, e);
    default:
        return 1;
    }
}

static int tok_index_before(Parser *p, int lineno, int col)
{
    for (int i = p->ntoks - 1; i >= 0; i--) {
        const TnToken *t = tn__tokat(p, i);
        if (t->lineno < lineno || (t->lineno == lineno && t->col_offset < col))
            return i;
    }
    return -1;
}

/* Searching back from the last token fetched keeps these lookups cheap:
 * the expressions asked about were just parsed. */
int tn__tok_index_after(Parser *p, int lineno, int col)
{
    int found = -1;
    for (int i = p->ntoks - 1; i >= 0; i--) {
        const TnToken *t = tn__tokat(p, i);
        if (t->col_offset < 0)
            continue;
        if (t->lineno > lineno || (t->lineno == lineno && t->col_offset >= col))
            found = i;
        else
            break;
    }
    return found;
}

/* e sits directly between a '(' and its matching ')' */
int tn__is_wrapped_in_parens(Parser *p, const TnExpr *e)
{
    int b = tok_index_before(p, e->loc.lineno, e->loc.col_offset);
    int a = tn__tok_index_after(p, e->loc.end_lineno, e->loc.end_col_offset);
    if (b < 0 || a < 0)
        return 0;
    return tn__tokat(p, b)->type == TK_LPAR && tn__tokat(p, a)->type == TK_RPAR &&
           tn__tokat(p, a)->level == tn__tokat(p, b)->level - 1;
}

/* An unparenthesized tuple: its location does not start with a '(' that
 * closes at its end. */
int tn__is_bare_tuple(Parser *p, const TnExpr *e)
{
    if (e->kind != TN_EXPR_TUPLE || e->v.list.elts.n == 0)
        return 0;
    int first = tn__tok_index_after(p, e->loc.lineno, e->loc.col_offset);
    if (first < 0 || tn__tokat(p, first)->type != TK_LPAR)
        return 1;
    int lvl = tn__tokat(p, first)->level;
    for (int i = first + 1; i < p->ntoks; i++) {
        const TnToken *t = tn__tokat(p, i);
        if (t->level < lvl) {
            /* the matching ')' */
            return !(t->end_lineno == e->loc.end_lineno &&
                     t->end_col_offset == e->loc.end_col_offset);
        }
    }
    return 1;
}

/* The prefix of e that CPython's bitwise_or rule would read first. */
const TnExpr *tn__bitwise_prefix(Parser *p, const TnExpr *e)
{
    for (;;) {
        if (tn__is_wrapped_in_parens(p, e))
            return e;
        switch (e->kind) {
        case TN_EXPR_TUPLE:
            if (!tn__is_bare_tuple(p, e))
                return e;
            e = e->v.list.elts.items[0];
            continue;
        case TN_EXPR_COMPARE: return e->v.compare.left;
        case TN_EXPR_BOOLOP: e = e->v.boolop.values.items[0]; continue;
        case TN_EXPR_IFEXP: e = e->v.ifexp.body; continue;
        case TN_EXPR_UNARYOP:
            if (e->v.unaryop.op == TN_UOP_NOT)
                return NULL;
            return e;
        case TN_EXPR_LAMBDA: case TN_EXPR_STARRED: case TN_EXPR_YIELD: case TN_EXPR_YIELDFROM:
            return NULL;
        default:
            return e;
        }
    }
}

/* invalid_named_expression: `a = b` where `a == b` or `a := b` was meant.
 * Called with the '=' as the current token; sets no error when the rule
 * would not match. */
static void named_assign_check(Parser *p, TnExpr *e)
{
    if (!tn__is_bitwise_level(p, e) || tn__starts_with_excluded_atom(p, e))
        return;
    TnMark m = tn__analysis_begin(p);
    tn__advance(p);
    TnExpr *b = tn__starts_expression(tn__type(p)) ? tn__bitwise_or(p) : NULL;
    int ok = b && !tn__failed(p) && tn__type(p) != TK_EQUAL && tn__type(p) != TK_COLONEQUAL;
    if (tn__analysis_end(p, m) < 0 || !ok)
        return;
    if (e->kind == TN_EXPR_NAME && !tn__is_wrapped_in_parens(p, e))
        tn__error_range(p, e->loc, b->loc,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    else
        tn__error_loc(p, e->loc, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                      tn__expr_name(e));
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
    if (for_if_clauses(p, &gens) < 0)
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

static int at_comprehension(Parser *p)
{
    TnTokType t = tn__type(p);
    return t == TK_FOR || (t == TK_ASYNC && tn__peek(p, 1)->type == TK_FOR);
}

/* invalid_comprehension: "[a, b for ...]" */
static void *comprehension_target_error(Parser *p, TnExprSeq *elts, const TnToken *comma)
{
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
        if (tn__type(p) == close || at_comprehension(p)) {
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
        /* invalid_group: '(' '**' expression ')' */
        const TnToken *ds = tn__advance(p);
        TnExpr *x = tn__expression(p);
        if (x && tn__type(p) == TK_RPAR)
            tn__error_loc(p, tn__tok_loc(ds), "cannot use double starred expression here");
        else
            tn__error_generic(p);
        goto done;
    }
    TnExpr *first = tn__star_named_expression(p);
    if (!first)
        goto done;
    if (at_comprehension(p)) {
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
    if (at_comprehension(p)) {
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
    if (at_comprehension(p)) {
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
        k = tn__expression(p);
        if (!k)
            return -1;
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
        if (at_comprehension(p)) {
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
        if (at_comprehension(p)) {
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
    if (at_comprehension(p)) {
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
    if (at_comprehension(p)) {
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
        switch (tn__type(p)) {
        case TK_DOT: {
            tn__advance(p);
            const TnToken *name = tn__expect(p, TK_NAME);
            if (!name)
                return NULL;
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
            break;
        case TK_LSQB: {
            tn__advance(p);
            TnExpr *s = slices(p);
                    if (!s || !expect_after(p, TK_RSQB, s))
                return NULL;
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
    tn__advance(p);
    TN_ENTER(p, NULL);
    TnExpr *b = factor(p);
    TN_LEAVE(p);
    if (!b)
        return NULL;
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
        tn__advance(p);
        TnExpr *right = prec < 6 ? binary(p, prec + 1) : factor(p);
        if (!right)
            return NULL;
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
    TnExpr *last = a;
    while (ntok) {
        while (ntok--)
            tn__advance(p);
        TnExpr *b = tn__bitwise_or(p);
        if (!b)
            return NULL;
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
        last = b;
        ntok = compare_op(p, &op);
    }
    (void)last;
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
    while (tn__accept(p, tok)) {
        TnExpr *b = operand(p);
        if (!b || TN_PUSH(p, values, cap, b) < 0)
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

/* expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
TnExpr *tn__expression(Parser *p)
{
    TN_ENTER(p, NULL);
    TnExpr *res = NULL;
    if (tn__type(p) == TK_LAMBDA) {
        res = lambdef(p);
        goto done;
    }
    const TnToken *start = tn__cur(p);
    TnExpr *body = tn__disjunction(p);
    if (!body || tn__type(p) != TK_IF) {
        res = body;
        goto done;
    }
    tn__advance(p);
    TnExpr *test = tn__disjunction(p);
    if (!test)
        goto done;
    if (!tn__accept(p, TK_ELSE)) {
        if (tn__type(p) != TK_COLON)
            tn__error_range(p, body->loc, test->loc, "expected 'else' after 'if' expression");
        else
            tn__error_generic(p);
        goto done;
    }
    TnExpr *orelse = tn__expression(p);
    if (!orelse)
        goto done;
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
static TnExpr *named_expression(Parser *p, int check_assign)
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
        named_assign_check(p, e);
        if (tn__failed(p))
            return NULL;
    }
    return e;
}

TnExpr *tn__named_expression(Parser *p)
{
    return named_expression(p, 1);
}

static TnExpr *starred(Parser *p, TnExpr *(*operand)(Parser *))
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
        return starred(p, tn__bitwise_or);
    return tn__named_expression(p);
}

/* star_expression: '*' bitwise_or | expression */
static TnExpr *star_expression(Parser *p)
{
    if (tn__type(p) == TK_STAR)
        return starred(p, tn__bitwise_or);
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
static TnExpr *star_target(Parser *p)
{
    if (tn__type(p) == TK_STAR)
        return starred(p, star_target);
    return primary(p);
}

static int starts_star_target(TnTokType t)
{
    return t == TK_STAR || (tn__starts_expression(t) && t != TK_MINUS && t != TK_PLUS &&
                            t != TK_TILDE && t != TK_NOT && t != TK_LAMBDA && t != TK_AWAIT);
}

TnExpr *tn__for_targets(Parser *p)
{
    TnMark m = tn__mark(p);
    TnExpr *t = comma_list(p, star_target, starts_star_target);
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
static int for_if_clauses(Parser *p, TnComprehensionSeq *gens)
{
    int cap = 0;
    while (at_comprehension(p)) {
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

/* ---- call arguments -------------------------------------------------------------- */

static TnLoc last_comprehension_item(const TnComprehensionSeq *gens)
{
    const TnComprehension *c = gens->items[gens->n - 1];
    if (c->ifs.n)
        return c->ifs.items[c->ifs.n - 1]->loc;
    return c->iter->loc;
}

int tn__call_args(Parser *p, TnExprSeq *args, TnKeywordSeq *kws, const TnToken *open)
{
    int acap = 0, kcap = 0;
    int seen_kw = 0, seen_dstar = 0, bad_positional = 0;
    TnExpr *last = NULL;
    while (tn__type(p) != TK_RPAR) {
        TnToken *st = tn__cur(p);
        TnTokType t = st->type;
        last = NULL;
        if (t == TK_STAR) {
            tn__advance(p);
            TnExpr *v = tn__expression(p);
            if (!v)
                goto fail;
            if (seen_dstar) {
                tn__error_loc(p, tn__tok_loc(st),
                              "iterable argument unpacking follows keyword argument unpacking");
                goto fail;
            }
            TnExpr *s = tn__expr(p, TN_EXPR_STARRED, tn__extra(p, st));
            if (!s)
                goto fail;
            s->v.starred.value = v;
            s->v.starred.ctx = TN_CTX_LOAD;
            if (TN_PUSH(p, *args, acap, s) < 0)
                goto fail;
            last = v;
        } else if (t == TK_DOUBLESTAR) {
            tn__advance(p);
            TnExpr *v = tn__expression(p);
            if (!v)
                goto fail;
            TnKeyword *k = tn__alloc(p, sizeof *k);
            if (!k)
                goto fail;
            k->value = v;
            k->loc = tn__extra(p, st);
            if (TN_PUSH(p, *kws, kcap, k) < 0)
                goto fail;
            seen_dstar = 1;
            last = v;
        } else if ((t == TK_NAME || t == TK_TRUE || t == TK_FALSE || t == TK_NONE) &&
                   tn__peek(p, 1)->type == TK_EQUAL) {
            TnToken *eq = tn__peek(p, 1);
            if (t != TK_NAME) {
                tn__error_range(p, tn__tok_loc(st), tn__tok_loc(eq), "cannot assign to %s",
                                tn_token_name(t));
                goto fail;
            }
            TnLoc eqloc = tn__tok_loc(eq);
            tn__advance(p);
            tn__advance(p);
            TnExpr *v = tn__expression(p);
            if (!v)
                goto fail;
            if (at_comprehension(p)) {
                tn__error_range(p, tn__tok_loc(st), eqloc,
                                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                goto fail;
            }
            TnKeyword *k = tn__alloc(p, sizeof *k);
            if (!k || !(k->arg = tn__tok_str(p, st)))
                goto fail;
            k->value = v;
            k->loc = tn__extra(p, st);
            if (TN_PUSH(p, *kws, kcap, k) < 0)
                goto fail;
            seen_kw = 1;
            last = v;
        } else {
            TnExpr *v = named_expression(p, 0);
            if (!v)
                goto fail;
            if (tn__type(p) == TK_EQUAL) {
                tn__error_range(p, v->loc, tn__tok_loc(tn__cur(p)),
                                "expression cannot contain assignment, perhaps you meant \"==\"?");
                goto fail;
            }
            if (at_comprehension(p)) {
                if (!open) {
                    /* class C(x for x in y): CPython has no special message */
                    tn__error_generic(p);
                    goto fail;
                }
                TnComprehensionSeq gens = {0, NULL};
                if (for_if_clauses(p, &gens) < 0)
                    goto fail;
                if (args->n == 0 && kws->n == 0 && tn__type(p) == TK_RPAR && open) {
                    TnExpr *g = tn__expr(p, TN_EXPR_GENEXP, v->loc);
                    if (!g)
                        goto fail;
                    tn__advance(p);
                    g->loc = tn__extra(p, open);
                    g->v.comp.elt = v;
                    g->v.comp.generators = gens;
                    if (TN_PUSH(p, *args, acap, g) < 0)
                        goto fail;
                                    return 0;
                }
                /* invalid_arguments: an unparenthesized generator is an error
                 * after other arguments or before a comma; otherwise the
                 * generic error stands */
                if (args->n == 0 && kws->n == 0 && tn__type(p) != TK_COMMA) {
                    tn__error_generic(p);
                    goto fail;
                }
                tn__error_range(p, v->loc, last_comprehension_item(&gens),
                                "Generator expression must be parenthesized");
                goto fail;
            }
            if (seen_kw || seen_dstar)
                bad_positional = bad_positional ? bad_positional : (seen_dstar ? 2 : 1);
            if (TN_PUSH(p, *args, acap, v) < 0)
                goto fail;
            last = v;
        }
        if (!tn__accept(p, TK_COMMA))
            break;
    }
    if (tn__type(p) != TK_RPAR) {
        int fail_at = p->fill - 1;
        if (!tn__invalid_expression_check(p, last)) {
            /* invalid_arguments: args ',' args -- a keyword before a
             * positional argument is reported even when junk follows */
            if (bad_positional)
                tn__error_last(p, "SyntaxError", bad_positional == 2
                                   ? "positional argument follows keyword argument unpacking"
                                   : "positional argument follows keyword argument");
            else
                tn__error_generic_at(p, fail_at);
        }
        goto fail;
    }
    if (bad_positional) {
        tn__error_last(p, "SyntaxError", bad_positional == 2
                                             ? "positional argument follows keyword argument unpacking"
                                             : "positional argument follows keyword argument");
        goto fail;
    }
    tn__advance(p);
    return 0;
fail:
    return -1;
}

/* ---- parameters ------------------------------------------------------------------ */

static TnArg *param(Parser *p, int lambda, int star)
{
    TnToken *name = tn__expect(p, TK_NAME);
    if (!name)
        return NULL;
    TnArg *a = tn__alloc(p, sizeof *a);
    if (!a || !(a->arg = tn__tok_str(p, name)))
        return NULL;
    a->loc = tn__tok_loc(name);
    if (!lambda && tn__accept(p, TK_COLON)) {
        TnExpr *ann = star && tn__type(p) == TK_STAR ? starred(p, tn__bitwise_or) : tn__expression(p);
        if (!ann)
            return NULL;
        a->annotation = ann;
        a->loc = tn__extra(p, name);
    }
    return a;
}

/* The whole parameter list of a def (up to ')') or a lambda (up to ':'),
 * with CPython 3.11's messages for misplaced '/', '*', '**' and defaults. */
TnArguments *tn__parameters(Parser *p, int lambda)
{
    TnTokType end = lambda ? TK_COLON : TK_RPAR;
    TnArguments *args = tn__alloc(p, sizeof *args);
    if (!args)
        return NULL;
    int pcap = 0, kcap = 0, kdcap = 0, dcap = 0;
    int state = 0;          /* 0 positional, 1 keyword-only, 2 after **kwargs */
    int seen_slash = 0;
    TnArgSeq pos = {0, NULL};
    while (tn__type(p) != end) {
        TnToken *t = tn__cur(p);
        TnExpr *last_expr = NULL;
        if (t->type == TK_SLASH) {
            if (state == 2) {
                tn__error_loc(p, tn__tok_loc(t), "arguments cannot follow var-keyword argument");
                return NULL;
            }
            if (seen_slash) {
                tn__error_loc(p, tn__tok_loc(t), "/ may appear only once");
                return NULL;
            }
            if (state == 1) {
                tn__error_loc(p, tn__tok_loc(t), "/ must be ahead of *");
                return NULL;
            }
            if (pos.n == 0) {
                p->analysis++;
                int comma = tn__peek(p, 1)->type == TK_COMMA;
                p->analysis--;
                if (comma)
                    tn__error_loc(p, tn__tok_loc(t), "at least one argument must precede /");
                else
                    tn__error_generic(p);
                return NULL;
            }
            tn__advance(p);
            args->posonlyargs = pos;
            pos.n = 0;
            pos.items = NULL;
            pcap = 0;
            seen_slash = 1;
        } else if (t->type == TK_STAR) {
            if (state == 2) {
                tn__error_loc(p, tn__tok_loc(t), "arguments cannot follow var-keyword argument");
                return NULL;
            }
            if (state == 1) {
                tn__error_loc(p, tn__tok_loc(t), "* argument may appear only once");
                return NULL;
            }
            tn__advance(p);
            state = 1;
            if (tn__type(p) == TK_COMMA || tn__type(p) == end) {
                TnTokType next = end;
                if (tn__type(p) == TK_COMMA) {
                    p->analysis++;      /* CPython looks further only in its second pass */
                    next = tn__peek(p, 1)->type;
                    p->analysis--;
                }
                if (next == end || next == TK_DOUBLESTAR) {
                    if (lambda)
                        tn__error_last(p, "SyntaxError", "named arguments must follow bare *");
                    else
                        tn__error_loc(p, tn__tok_loc(t), "named arguments must follow bare *");
                    return NULL;
                }
            } else {
                if (!(args->vararg = param(p, lambda, 1)))
                    return NULL;
                last_expr = args->vararg->annotation;
                if (tn__type(p) == TK_EQUAL) {
                    tn__error_loc(p, tn__tok_loc(tn__cur(p)),
                                  "var-positional argument cannot have default value");
                    return NULL;
                }
            }
        } else if (t->type == TK_DOUBLESTAR) {
            if (state == 2) {
                tn__error_loc(p, tn__tok_loc(t), "arguments cannot follow var-keyword argument");
                return NULL;
            }
            tn__advance(p);
            if (!(args->kwarg = param(p, lambda, 0)))
                return NULL;
            last_expr = args->kwarg->annotation;
            if (tn__type(p) == TK_EQUAL) {
                tn__error_loc(p, tn__tok_loc(tn__cur(p)),
                              "var-keyword argument cannot have default value");
                return NULL;
            }
            state = 2;
        } else if (t->type == TK_NAME) {
            if (state == 2) {
                tn__error_loc(p, tn__tok_loc(t), "arguments cannot follow var-keyword argument");
                return NULL;
            }
            TnArg *a = param(p, lambda, 0);
            if (!a)
                return NULL;
            last_expr = a->annotation;
            TnExpr *dflt = NULL;
            if (tn__type(p) == TK_EQUAL) {
                TnToken *eq = tn__advance(p);
                if (tn__type(p) == TK_COMMA || tn__type(p) == end) {
                    tn__error_loc(p, tn__tok_loc(eq), "expected default value expression");
                    return NULL;
                }
                if (!(dflt = tn__expression(p)))
                    return NULL;
                last_expr = dflt;
            }
            if (state == 0) {
                if (dflt) {
                    if (TN_PUSH(p, args->defaults, dcap, dflt) < 0)
                        return NULL;
                } else if (args->defaults.n &&
                           (tn__type(p) == TK_COMMA || tn__type(p) == end)) {
                    tn__error_loc(p, a->loc, "non-default argument follows default argument");
                    return NULL;
                }
                if (TN_PUSH(p, pos, pcap, a) < 0)
                    return NULL;
            } else {
                if (TN_PUSH(p, args->kwonlyargs, kcap, a) < 0 ||
                    TN_PUSH(p, args->kw_defaults, kdcap, dflt) < 0)
                    return NULL;
            }
        } else if (t->type == TK_LPAR && state == 0) {
            /* invalid_parameters: '(' param_no_default+ ','? ')' */
            const TnToken *open = tn__advance(p);
            int n = 0;
            while (tn__type(p) == TK_NAME) {
                tn__advance(p);
                n++;
                if (!lambda && tn__type(p) == TK_COLON)
                    break;
                if (!tn__accept(p, TK_COMMA))
                    break;
            }
            if (n && tn__type(p) == TK_RPAR)
                tn__error_range(p, tn__tok_loc(open), tn__tok_loc(tn__cur(p)),
                                lambda ? "Lambda expression parameters cannot be parenthesized"
                                       : "Function parameters cannot be parenthesized");
            else
                tn__error_generic(p);
            return NULL;
        } else {
            tn__error_generic(p);
            return NULL;
        }
        if (tn__type(p) == end)
            break;
        if (tn__type(p) != TK_COMMA) {
            tn__error_after_expr(p, last_expr);
            return NULL;
        }
        tn__advance(p);
    }
    args->args = pos;
    return args;
}

/* lambdef: 'lambda' [lambda_params] ':' expression */
static TnExpr *lambdef(Parser *p)
{
    const TnToken *start = tn__advance(p);
    TnArguments *args = tn__parameters(p, 1);
    if (!args || !tn__expect(p, TK_COLON))
        return NULL;
    TnExpr *body = tn__expression(p);
    if (!body)
        return NULL;
    TnExpr *e = tn__expr(p, TN_EXPR_LAMBDA, tn__extra(p, start));
    if (e) {
        e->v.lambda.args = args;
        e->v.lambda.body = body;
    }
    return e;
}
