/* Error analysis and assignment targets: where an expression sits among
 * the tokens, which nodes can be assigned to, and the emulation of
 * CPython 3.11's second-pass rules (invalid_expression,
 * invalid_legacy_expression, invalid_named_expression) that turn a
 * generic "invalid syntax" into a specific message.
 *
 * Everything here runs only on error paths or on small, already-parsed
 * expressions, so it may rescan tokens.
 */
#include <string.h>
#include "parser.h"
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

/* CPython 3.11's SOFT_KEYWORD test compares only as many characters as
 * the token has, so every prefix of "match", "case" and "_" (such as "c"
 * or "ma") counts as a soft keyword; error messages depend on it. */
static int is_soft_keyword(const TnToken *t)
{
    static const char *const kws[] = {"match", "case", "_"};
    if (t->type != TK_NAME || t->len == 0)
        return 0;
    for (int i = 0; i < 3; i++)
        if ((size_t)t->len <= strlen(kws[i]) && strncmp(kws[i], t->start, (size_t)t->len) == 0)
            return 1;
    return 0;
}

/* expression_without_invalid: a conditional expression, disjunction or
 * lambda, parsed speculatively. */
static TnExpr *try_expression(Parser *p, int *tokerr, int *end_level)
{
    *tokerr = 0;
    if (!tn__starts_expression(tn__type(p)))
        return NULL;
    TnMark m = tn__analysis_begin(p);
    TnExpr *e = tn__expression_prefix(p);     /* "without invalid": no second pass */
    int ok = e && !tn__failed(p);
    if (ok)
        *end_level = tn__tokat(p, p->pos - 1)->level;
    if (tn__analysis_end(p, m) < 0)
        *tokerr = 1;
    return ok ? e : NULL;
}

/* CPython's invalid_expression and invalid_legacy_expression, tried where
 * expression e is directly followed by the start of another expression.
 * Returns 1 when an error was recorded (a specific one, or a tokenizer
 * error met while looking ahead), 0 when neither rule applies. */
static int invalid_expression_check(Parser *p, TnExpr *e);

int tn__invalid_expression_check(Parser *p, TnExpr *e)
{
    /* the legacy check below recurses through what follows; keep that
     * shallow whatever the input */
    if (p->check_depth >= 50)
        return 0;
    p->check_depth++;
    int r = invalid_expression_check(p, e);
    p->check_depth--;
    return r;
}

static int invalid_expression_check(Parser *p, TnExpr *e)
{
    if (tn__failed(p))
        return 1;
    TnToken *t = tn__cur(p);
    if (tn__failed(p))
        return 1;
    if (e && t->type == TK_IF && e->kind != TN_EXPR_IFEXP && e->kind != TN_EXPR_LAMBDA &&
        e->kind != TN_EXPR_STARRED && e->kind != TN_EXPR_YIELD && e->kind != TN_EXPR_YIELDFROM &&
        !tn__is_bare_tuple(p, e)) {
        /* invalid_expression: disjunction 'if' disjunction !('else'|':') */
        TnMark m = tn__analysis_begin(p);
        tn__advance(p);
        int peg = p->peg_prefix;
        p->peg_prefix = 1;
        TnExpr *b = tn__starts_expression(tn__type(p)) ? tn__disjunction(p) : NULL;
        p->peg_prefix = peg;
        int fire = b && !tn__failed(p) && tn__type(p) != TK_ELSE && tn__type(p) != TK_COLON;
        if (tn__analysis_end(p, m) < 0)
            return 1;
        if (fire) {
            tn__error_range(p, e->loc, b->loc, "expected 'else' after 'if' expression");
            return 1;
        }
        return 0;
    }
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
        else if (a->kind == TN_EXPR_SLICE && (a->v.slice.step || a->v.slice.upper))
            a = a->v.slice.step ? a->v.slice.step : a->v.slice.upper;
        else
            break;
    }
    if (a->kind == TN_EXPR_STARRED || a->kind == TN_EXPR_YIELD ||
        a->kind == TN_EXPR_YIELDFROM || a->kind == TN_EXPR_SLICE)
        return 0;
    int first = tok_index_at(p, a->loc.lineno, a->loc.col_offset);
    const TnToken *ft = tn__tokat(p, first);
    int legacy = a->kind == TN_EXPR_NAME &&
                 (strcmp(a->v.name.id, "print") == 0 || strcmp(a->v.name.id, "exec") == 0);
    /* invalid_expression: !(NAME STRING | SOFT_KEYWORD) disjunction
     * expression_without_invalid -- the second expression is parsed with
     * no specialised errors, so any failure just means "no match" */
    int step1 = !is_soft_keyword(ft) &&
                !(ft->type == TK_NAME && first + 1 < p->ntoks &&
                  tn__tokat(p, first + 1)->type == TK_STRING);
    int memo = 0;   /* step 1 read b successfully: CPython memoised it */
    if (step1) {
        int tokerr, level = 0;
        TnExpr *b = try_expression(p, &tokerr, &level);
        if (tokerr)
            return 1;
        memo = b != NULL;
        /* CPython tests the bracket depth at the end of b */
        if (b && !legacy && level > 0) {
            tn__error_range(p, a->loc, b->loc, "invalid syntax. Perhaps you forgot a comma?");
            return 1;
        }
    }
    /* invalid_legacy_expression: NAME !'(' star_expressions, parsed with
     * specialised errors, which stand if they fire -- except that when the
     * rule above already read b without them, CPython's memo hands back
     * that reading, so nothing nested in it is reported */
    if (a == e && a->kind == TN_EXPR_NAME && t->type != TK_LPAR) {
        TnMark m = tn__analysis_begin(p);
        int peg = p->peg_prefix;
        p->peg_prefix = memo;
        TnExpr *b = tn__star_expressions(p);
        p->peg_prefix = peg;
        int ok = b && !tn__failed(p);
        /* what follows b is checked the same way (CPython parses b as an
         * expression with its invalid rules on) */
        if (ok && (tn__starts_expression(tn__type(p)) || tn__type(p) == TK_IF))
            tn__invalid_expression_check(p, b);
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
void tn__named_assign_check(Parser *p, TnExpr *e)
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
