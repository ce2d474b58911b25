/* Statements: simple and compound statements, blocks, and the three start
 * rules (file, single, eval), with CPython 3.11's messages for the common
 * mistakes (missing ':', missing indented block, invalid assignment
 * targets, ...).
 */
#include <string.h>
#include "parser.h"

static int statement(Parser *p, TnStmtSeq *body, int *cap);
static int simple_stmts(Parser *p, TnStmtSeq *body, int *cap);

/* ---- helpers ------------------------------------------------------------------- */

/* block: NEWLINE INDENT statements DEDENT | simple_stmts, and
 * invalid_*_stmt's "expected an indented block after ..." */
static int block(Parser *p, TnStmtSeq *body, const char *what, int lineno)
{
    int cap = 0;
    if (tn__type(p) != TK_NEWLINE)
        return simple_stmts(p, body, &cap);
    tn__advance(p);
    if (tn__type(p) != TK_INDENT) {
        if (!tn__failed(p))
            tn__error_last(p, "IndentationError", "expected an indented block after %s on line %d",
                           what, lineno);
        return -1;
    }
    tn__advance(p);
    while (tn__type(p) != TK_DEDENT) {
        if (tn__failed(p) || statement(p, body, &cap) < 0)
            return -1;
    }
    tn__advance(p);
    return 0;
}

/* The ':' that ends a compound statement header. CPython reports
 * "expected ':'" when the line ends instead, and a generic error (or a
 * missing-comma hint) otherwise. */
static int header_colon(Parser *p, TnExpr *last)
{
    if (tn__accept(p, TK_COLON))
        return 0;
    if (tn__type(p) == TK_NEWLINE)
        tn__error_last(p, "SyntaxError", "expected ':'");
    else
        tn__error_after_expr(p, last);
    return -1;
}

/* 'else' &&':' block */
static int else_block(Parser *p, TnStmtSeq *body)
{
    const TnToken *kw = tn__advance(p);
    int lineno = kw->lineno;
    if (!tn__expect_forced(p, TK_COLON))
        return -1;
    return block(p, body, "'else' statement", lineno);
}

/* ---- simple statements ------------------------------------------------------------ */

/* CPython's invalid_assignment, second alternative:
 *     star_named_expression ',' star_named_expressions* ':' expression
 * re-read from the start of the statement. Each element goes through
 * named_expression and expression, so invalid_named_expression ("cannot
 * assign to f() here...", "cannot use assignment expressions with ...")
 * and invalid_expression may fire on any of them. Returns 1 when an error
 * was recorded. */
static int assignment_scan(Parser *p, int start_pos)
{
    TnMark m = tn__analysis_begin(p);
    p->pos = start_pos;
    int fired = 0;
    TnExpr *e = tn__star_named_expression(p);
    if (e && !tn__failed(p) && !tn__invalid_expression_check(p, e) && tn__accept(p, TK_COMMA)) {
        while (!tn__failed(p) && (tn__type(p) == TK_STAR || tn__starts_expression(tn__type(p)))) {
            e = tn__star_named_expression(p);
            if (!e || tn__failed(p) || tn__invalid_expression_check(p, e))
                break;
            tn__accept(p, TK_COMMA);
        }
    }
    if (tn__failed(p) && !p->err_generic) {
        fired = 1;
        p->analysis--;
    } else if (tn__analysis_end(p, m) < 0) {
        fired = 1;
    }
    return fired;
}

/* `t1 = t2 = ... = value` with a target that cannot be assigned to:
 * CPython's invalid_assignment alternatives in order. */
static void *assignment_error(Parser *p, int start_pos, TnExprSeq *targets)
{
    if (assignment_scan(p, start_pos))
        return NULL;
    for (int i = 0; i < targets->n; i++) {
        TnExpr *t = targets->items[i];
        if (t->kind == TN_EXPR_YIELD || t->kind == TN_EXPR_YIELDFROM)
            return tn__error_loc(p, t->loc, "assignment to yield expression not possible");
        if (tn__invalid_target(t, TN_TARGET_STAR))
            return tn__target_error(p, t, TN_TARGET_STAR);
    }
    return tn__error_generic(p);
}

/* The value after the last '=' of a chain (at `value`) failed to parse.
 * If some prefix of it is valid, CPython's assignment rule accepts that
 * prefix and the generic error stands; otherwise its invalid_assignment
 * runs, which does not need the value: the scan, then an invalid target
 * among those already read (each is followed by '='). */
static void chain_failure(Parser *p, int start_pos, TnMark value, TnExprSeq *targets)
{
    if (!p->err_generic || p->err_kind != TN_ERR_PARSER)
        return;
    TnSyntaxErrorInfo saved = p->err;
    int final = p->err_final;
    TnMark here = tn__mark(p);
    tn__reset(p, value);
    p->analysis++;
    int peg = p->peg_prefix;
    p->peg_prefix = 1;
    TnExpr *prefix = tn__annotated_rhs(p);
    p->peg_prefix = peg;
    p->analysis--;
    int valid_prefix = prefix && !tn__failed(p) && tn__type(p) != TK_EQUAL;
    if (p->err_kind == TN_ERR_TOKENIZER || (tn__failed(p) && p->err_eager))
        return;
    tn__reset(p, here);
    if (!valid_prefix && assignment_scan(p, start_pos))
        return;
    for (int i = 0; !valid_prefix && i < targets->n; i++) {
        TnExpr *t = targets->items[i];
        if (t->kind == TN_EXPR_YIELD || t->kind == TN_EXPR_YIELDFROM) {
            tn__error_loc(p, t->loc, "assignment to yield expression not possible");
            return;
        }
        if (tn__invalid_target(t, TN_TARGET_STAR)) {
            tn__target_error(p, t, TN_TARGET_STAR);
            return;
        }
    }
    p->err = saved;
    p->err_kind = TN_ERR_PARSER;
    p->err_generic = 1;
    p->err_final = final;
}

/* What follows a complete simple statement must be ';' or NEWLINE. For an
 * expression statement CPython first tries invalid_assignment's scan. */
static int statement_end_ok(Parser *p, int start_pos, TnExpr *tail, int scan)
{
    TnTokType t = tn__type(p);
    if (t == TK_NEWLINE || t == TK_SEMI || tn__failed(p))
        return !tn__failed(p);
    int fail = p->fill - 1;
    if (scan && assignment_scan(p, start_pos))
        return 0;
    if (!tn__invalid_expression_check(p, tail))
        tn__error_generic_at(p, fail);
    return 0;
}

static int augassign_op(TnTokType t, TnOperator *op)
{
    switch (t) {
    case TK_PLUSEQUAL: *op = TN_OP_ADD; return 1;
    case TK_MINEQUAL: *op = TN_OP_SUB; return 1;
    case TK_STAREQUAL: *op = TN_OP_MUL; return 1;
    case TK_ATEQUAL: *op = TN_OP_MATMUL; return 1;
    case TK_SLASHEQUAL: *op = TN_OP_DIV; return 1;
    case TK_PERCENTEQUAL: *op = TN_OP_MOD; return 1;
    case TK_AMPEREQUAL: *op = TN_OP_AND; return 1;
    case TK_VBAREQUAL: *op = TN_OP_OR; return 1;
    case TK_CIRCUMFLEXEQUAL: *op = TN_OP_XOR; return 1;
    case TK_LEFTSHIFTEQUAL: *op = TN_OP_LSHIFT; return 1;
    case TK_RIGHTSHIFTEQUAL: *op = TN_OP_RSHIFT; return 1;
    case TK_DOUBLESTAREQUAL: *op = TN_OP_POW; return 1;
    case TK_DOUBLESLASHEQUAL: *op = TN_OP_FLOORDIV; return 1;
    default: return 0;
    }
}

/* Expression statements and every kind of assignment. */
static TnStmt *expr_or_assign(Parser *p, TnExpr **tail)
{
    TnToken *start = tn__cur(p);
    int start_index = p->pos;
    if (start->type == TK_NAME && tn__peek(p, 1)->type == TK_COLON) {
        /* NAME ':' expression ['=' annotated_rhs] */
        TnExpr *target = tn__name(p, start, TN_CTX_STORE);
        tn__advance(p);
        tn__advance(p);
        TnExpr *ann = target ? tn__expression(p) : NULL;
        if (!ann)
            return NULL;
        TnExpr *value = NULL;
        if (tn__accept(p, TK_EQUAL) && !(value = tn__annotated_rhs(p)))
            return NULL;
        TnStmt *s = tn__stmt(p, TN_STMT_ANNASSIGN, tn__extra(p, start));
        if (!s)
            return NULL;
        s->v.annassign.target = target;
        s->v.annassign.annotation = ann;
        s->v.annassign.value = value;
        s->v.annassign.simple = 1;
        *tail = value ? value : ann;
        return statement_end_ok(p, start_index, *tail, 0) ? s : NULL;
    }
    TnExpr *e = tn__annotated_rhs(p);
    if (!e)
        return NULL;
    TnOperator op;
    TnTokType t = tn__type(p);
    if (t == TK_EQUAL) {
        TnExprSeq targets = {0, NULL};
        int cap = 0;
        TnExpr *value = e;
        while (tn__accept(p, TK_EQUAL)) {
            if (TN_PUSH(p, targets, cap, value) < 0)
                return NULL;
            TnMark vm = tn__mark(p);
            if (!(value = tn__annotated_rhs(p))) {
                chain_failure(p, start_index, vm, &targets);
                return NULL;
            }
        }
        for (int i = 0; i < targets.n; i++) {
            TnExpr *tg = targets.items[i];
            if (tg->kind == TN_EXPR_YIELD || tg->kind == TN_EXPR_YIELDFROM ||
                tn__invalid_target(tg, TN_TARGET_STAR))
                return assignment_error(p, start_index, &targets);
        }
        for (int i = 0; i < targets.n; i++)
            tn__set_context(targets.items[i], TN_CTX_STORE);
        TnStmt *s = tn__stmt(p, TN_STMT_ASSIGN, tn__extra(p, start));
        if (!s)
            return NULL;
        s->v.assign.targets = targets;
        s->v.assign.value = value;
        *tail = value;
        return statement_end_ok(p, start_index, value, 0) ? s : NULL;
    }
    if (augassign_op(t, &op)) {
        if (e->kind != TN_EXPR_NAME && e->kind != TN_EXPR_ATTRIBUTE &&
            e->kind != TN_EXPR_SUBSCRIPT) {
            if (assignment_scan(p, start_index))
                return NULL;
            return tn__error_loc(p, e->loc, "'%s' is an illegal expression for augmented assignment",
                                 tn__expr_name(e));
        }
        tn__advance(p);
        TnExpr *value = tn__annotated_rhs(p);
        if (!value)
            return NULL;
        tn__set_context(e, TN_CTX_STORE);
        TnStmt *s = tn__stmt(p, TN_STMT_AUGASSIGN, tn__extra(p, start));
        if (!s)
            return NULL;
        s->v.augassign.target = e;
        s->v.augassign.op = op;
        s->v.augassign.value = value;
        *tail = value;
        return statement_end_ok(p, start_index, value, 0) ? s : NULL;
    }
    if (t == TK_COLON) {
        int ok = e->kind == TN_EXPR_ATTRIBUTE || e->kind == TN_EXPR_SUBSCRIPT ||
                 (e->kind == TN_EXPR_NAME && start->type == TK_LPAR);
        if (!ok) {
            /* invalid_assignment: each message needs an expression after ':' */
            TnMark m = tn__analysis_begin(p);
            tn__advance(p);
            int ann = tn__starts_expression(tn__type(p)) && tn__expression(p) && !tn__failed(p);
            if (tn__analysis_end(p, m) < 0)
                return NULL;
            if (!ann)
                return tn__error_generic(p);
            if (tn__is_bare_tuple(p, e))
                return tn__error_loc(p, e->v.list.elts.items[0]->loc,
                                     "only single target (not tuple) can be annotated");
            if (e->kind == TN_EXPR_TUPLE || e->kind == TN_EXPR_LIST)
                return tn__error_loc(p, e->loc, "only single target (not %s) can be annotated",
                                     tn__expr_name(e));
            return tn__error_loc(p, e->loc, "illegal target for annotation");
        }
        tn__advance(p);
        TnExpr *ann = tn__expression(p);
        if (!ann)
            return NULL;
        TnExpr *value = NULL;
        if (tn__accept(p, TK_EQUAL) && !(value = tn__annotated_rhs(p)))
            return NULL;
        tn__set_context(e, TN_CTX_STORE);
        TnStmt *s = tn__stmt(p, TN_STMT_ANNASSIGN, tn__extra(p, start));
        if (!s)
            return NULL;
        s->v.annassign.target = e;
        s->v.annassign.annotation = ann;
        s->v.annassign.value = value;
        s->v.annassign.simple = 0;
        *tail = value ? value : ann;
        return statement_end_ok(p, start_index, *tail, 0) ? s : NULL;
    }
    TnStmt *s = tn__stmt(p, TN_STMT_EXPR, tn__extra(p, start));
    if (s)
        s->v.expr.value = e;
    *tail = e;
    return statement_end_ok(p, start_index, e, 1) ? s : NULL;
}

/* dotted_name: NAME ('.' NAME)* as one string */
static const char *dotted_name(Parser *p, const TnToken **last)
{
    const TnToken *t = tn__expect(p, TK_NAME);
    if (!t)
        return NULL;
    size_t cap = (size_t)t->len + 1, n = 0;
    char *s = tn__alloc(p, cap);
    if (!s)
        return NULL;
    memcpy(s, t->start, (size_t)t->len);
    n = (size_t)t->len;
    *last = t;
    while (tn__type(p) == TK_DOT) {
        tn__advance(p);
        t = tn__expect(p, TK_NAME);
        if (!t)
            return NULL;
        if (n + 1 + (size_t)t->len + 1 > cap) {
            cap = (n + 1 + (size_t)t->len + 1) * 2;
            char *ns = tn__alloc(p, cap);
            if (!ns)
                return NULL;
            memcpy(ns, s, n);
            s = ns;
        }
        s[n++] = '.';
        memcpy(s + n, t->start, (size_t)t->len);
        n += (size_t)t->len;
        *last = t;
    }
    s[n] = '\0';
    return s;
}

static TnAlias *alias(Parser *p, int dotted)
{
    const TnToken *start = tn__cur(p), *last = start;
    const char *name;
    if (dotted) {
        name = dotted_name(p, &last);
    } else {
        const TnToken *t = tn__expect(p, TK_NAME);
        name = t ? tn__tok_str(p, t) : NULL;
    }
    if (!name)
        return NULL;
    TnAlias *a = tn__alloc(p, sizeof *a);
    if (!a)
        return NULL;
    a->name = name;
    if (tn__accept(p, TK_AS)) {
        const TnToken *as = tn__expect(p, TK_NAME);
        if (!as || !(a->asname = tn__tok_str(p, as)))
            return NULL;
    }
    a->loc = tn__extra(p, start);
    return a;
}

static TnStmt *import_name(Parser *p)
{
    const TnToken *start = tn__advance(p);
    TnStmt *s = tn__stmt(p, TN_STMT_IMPORT, tn__tok_loc(start));
    if (!s)
        return NULL;
    int cap = 0;
    do {
        TnAlias *a = alias(p, 1);
        if (!a || TN_PUSH(p, s->v.import.names, cap, a) < 0)
            return NULL;
    } while (tn__accept(p, TK_COMMA));
    s->loc = tn__extra(p, start);
    return s;
}

static TnStmt *import_from(Parser *p)
{
    const TnToken *start = tn__advance(p);
    TnStmt *s = tn__stmt(p, TN_STMT_IMPORTFROM, tn__tok_loc(start));
    if (!s)
        return NULL;
    int level = 0;
    for (;;) {
        if (tn__accept(p, TK_DOT))
            level += 1;
        else if (tn__accept(p, TK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    if (tn__type(p) != TK_IMPORT || level == 0) {
        const TnToken *last;
        if (!(s->v.importfrom.module = dotted_name(p, &last)))
            return NULL;
    }
    if (!tn__expect(p, TK_IMPORT))
        return NULL;
    s->v.importfrom.level = level;
    int cap = 0;
    TnAliasSeq *names = &s->v.importfrom.names;
    if (tn__type(p) == TK_STAR) {
        const TnToken *st = tn__advance(p);
        TnAlias *a = tn__alloc(p, sizeof *a);
        if (!a || TN_PUSH(p, *names, cap, a) < 0)
            return NULL;
        a->name = "*";
        a->loc = tn__tok_loc(st);
    } else if (tn__accept(p, TK_LPAR)) {
        do {
            if (names->n && tn__type(p) == TK_RPAR)
                break;
            TnAlias *a = alias(p, 0);
            if (!a || TN_PUSH(p, *names, cap, a) < 0)
                return NULL;
        } while (tn__accept(p, TK_COMMA));
        if (!tn__expect(p, TK_RPAR))
            return NULL;
    } else {
        for (;;) {
            TnAlias *a = alias(p, 0);
            if (!a || TN_PUSH(p, *names, cap, a) < 0)
                return NULL;
            if (!tn__accept(p, TK_COMMA))
                break;
            if (tn__type(p) == TK_NEWLINE)
                return tn__error_last(p, "SyntaxError",
                                      "trailing comma not allowed without surrounding parentheses");
        }
    }
    s->loc = tn__extra(p, start);
    return s;
}

static TnStmt *global_stmt(Parser *p, TnStmtKind kind)
{
    const TnToken *start = tn__advance(p);
    TnStmt *s = tn__stmt(p, kind, tn__tok_loc(start));
    if (!s)
        return NULL;
    int cap = 0;
    do {
        const TnToken *n = tn__expect(p, TK_NAME);
        const char *id = n ? tn__tok_str(p, n) : NULL;
        if (!id || TN_PUSH(p, s->v.global.names, cap, id) < 0)
            return NULL;
    } while (tn__accept(p, TK_COMMA));
    s->loc = tn__extra(p, start);
    return s;
}

/* 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt */
static TnStmt *del_stmt(Parser *p, TnExpr **tail)
{
    const TnToken *start = tn__advance(p);
    TnStmt *s = tn__stmt(p, TN_STMT_DELETE, tn__tok_loc(start));
    if (!s)
        return NULL;
    TnMark m = tn__mark(p);
    TnExpr *e = tn__star_targets(p);
    TnTokType n = tn__type(p);
    if (!e || tn__failed(p) || tn__invalid_target(e, TN_TARGET_DEL) ||
        (n != TK_SEMI && n != TK_NEWLINE)) {
        /* invalid_del_stmt: 'del' star_expressions, read in CPython's
         * second pass; with no invalid target the first pass's generic
         * error stands */
        if (tn__failed(p) && (p->err_kind == TN_ERR_TOKENIZER || p->err_eager))
            return NULL;
        int fail = p->fill - 1;
        tn__reset(p, m);
        TnMark a = tn__analysis_begin(p);
        TnExpr *x = tn__star_expressions(p);
        if (x && !tn__failed(p) && tn__starts_expression(tn__type(p)))
            tn__invalid_expression_check(p, x);
        TnExpr *bad = x && !tn__failed(p) ? tn__invalid_target(x, TN_TARGET_DEL) : NULL;
        if (tn__failed(p) && !p->err_generic) {
            p->analysis--;
            return NULL;
        }
        if (tn__analysis_end(p, a) < 0)
            return NULL;
        if (bad)
            return tn__target_error(p, x, TN_TARGET_DEL);
        return tn__error_generic_at(p, fail);
    }
    /* del_targets is a list, not a Tuple: re-read its elements */
    int cap = 0;
    if (tn__is_bare_tuple(p, e)) {
        for (int i = 0; i < e->v.list.elts.n; i++)
            if (TN_PUSH(p, s->v.del.targets, cap, e->v.list.elts.items[i]) < 0)
                return NULL;
    } else if (TN_PUSH(p, s->v.del.targets, cap, e) < 0) {
        return NULL;
    }
    for (int i = 0; i < s->v.del.targets.n; i++)
        tn__set_context(s->v.del.targets.items[i], TN_CTX_DEL);
    s->loc = tn__extra(p, start);
    *tail = NULL;
    return s;
}

static TnStmt *simple_stmt(Parser *p, TnExpr **tail)
{
    TnToken *start = tn__cur(p);
    TnStmt *s;
    *tail = NULL;
    switch (start->type) {
    case TK_RETURN: {
        tn__advance(p);
        TnExpr *v = NULL;
        if ((tn__starts_expression(tn__type(p)) || tn__type(p) == TK_STAR) &&
            !(v = tn__star_expressions(p)))
            return NULL;
        if (!(s = tn__stmt(p, TN_STMT_RETURN, tn__extra(p, start))))
            return NULL;
        s->v.ret.value = v;
        *tail = v;
        return s;
    }
    case TK_IMPORT:
        return import_name(p);
    case TK_FROM:
        return import_from(p);
    case TK_RAISE: {
        tn__advance(p);
        TnExpr *exc = NULL, *cause = NULL;
        if (tn__starts_expression(tn__type(p))) {
            if (!(exc = tn__expression(p)))
                return NULL;
            *tail = exc;
            if (tn__accept(p, TK_FROM)) {
                if (!(cause = tn__expression(p)))
                    return NULL;
                *tail = cause;
            }
        }
        if (!(s = tn__stmt(p, TN_STMT_RAISE, tn__extra(p, start))))
            return NULL;
        s->v.raise.exc = exc;
        s->v.raise.cause = cause;
        return s;
    }
    case TK_PASS:
        tn__advance(p);
        return tn__stmt(p, TN_STMT_PASS, tn__tok_loc(start));
    case TK_BREAK:
        tn__advance(p);
        return tn__stmt(p, TN_STMT_BREAK, tn__tok_loc(start));
    case TK_CONTINUE:
        tn__advance(p);
        return tn__stmt(p, TN_STMT_CONTINUE, tn__tok_loc(start));
    case TK_DEL:
        return del_stmt(p, tail);
    case TK_ASSERT: {
        tn__advance(p);
        TnExpr *test = tn__expression(p), *msg = NULL;
        if (!test)
            return NULL;
        *tail = test;
        if (tn__accept(p, TK_COMMA)) {
            if (!(msg = tn__expression(p)))
                return NULL;
            *tail = msg;
        }
        if (!(s = tn__stmt(p, TN_STMT_ASSERT, tn__extra(p, start))))
            return NULL;
        s->v.assert_.test = test;
        s->v.assert_.msg = msg;
        return s;
    }
    case TK_GLOBAL:
        return global_stmt(p, TN_STMT_GLOBAL);
    case TK_NONLOCAL:
        return global_stmt(p, TN_STMT_NONLOCAL);
    default:
        if (start->type != TK_YIELD && start->type != TK_STAR &&
            !tn__starts_expression(start->type))
            return tn__error_generic(p);
        return expr_or_assign(p, tail);
    }
}

/* simple_stmts: ';'.simple_stmt+ [';'] NEWLINE */
static int simple_stmts(Parser *p, TnStmtSeq *body, int *cap)
{
    for (;;) {
        TnExpr *tail = NULL;
        TnStmt *s = simple_stmt(p, &tail);
        if (!s || TN_PUSH(p, *body, *cap, s) < 0)
            return -1;
        if (tn__accept(p, TK_SEMI)) {
            if (tn__type(p) == TK_NEWLINE)
                break;
            continue;
        }
        if (tn__type(p) != TK_NEWLINE) {
            tn__error_after_expr(p, tail);
            return -1;
        }
        break;
    }
    tn__advance(p);     /* NEWLINE */
    return 0;
}

/* ---- compound statements ----------------------------------------------------------- */

static TnStmt *if_stmt(Parser *p, int elif)
{
    const TnToken *kw = tn__advance(p);
    TnToken kt = *kw;
    int lineno = kw->lineno;
    TnLoc kwloc = tn__tok_loc(kw);
    TnExpr *test = tn__named_expression(p);
    if (!test || header_colon(p, test) < 0)
        return NULL;
    TnStmt *s = tn__stmt(p, TN_STMT_IF, kwloc);
    if (!s || block(p, &s->v.if_.body, elif ? "'elif' statement" : "'if' statement", lineno) < 0)
        return NULL;
    if (tn__type(p) == TK_ELIF) {
        TnStmt *e = if_stmt(p, 1);
        int cap = 0;
        if (!e || TN_PUSH(p, s->v.if_.orelse, cap, e) < 0)
            return NULL;
    } else if (tn__type(p) == TK_ELSE) {
        if (else_block(p, &s->v.if_.orelse) < 0)
            return NULL;
    }
    s->v.if_.test = test;
    s->loc = tn__extra(p, &kt);
    return s;
}

static TnStmt *while_stmt(Parser *p)
{
    const TnToken *kw = tn__advance(p);
    TnToken kt = *kw;
    TnExpr *test = tn__named_expression(p);
    if (!test || header_colon(p, test) < 0)
        return NULL;
    TnStmt *s = tn__stmt(p, TN_STMT_WHILE, tn__tok_loc(&kt));
    if (!s || block(p, &s->v.while_.body, "'while' statement", kt.lineno) < 0)
        return NULL;
    if (tn__type(p) == TK_ELSE && else_block(p, &s->v.while_.orelse) < 0)
        return NULL;
    s->v.while_.test = test;
    s->loc = tn__extra(p, &kt);
    return s;
}

static TnStmt *for_stmt(Parser *p, const TnToken *async_tok)
{
    TnToken kt = async_tok ? *async_tok : *tn__cur(p);
    const TnToken *kw = tn__advance(p);
    int lineno = kw->lineno;
    TnExpr *target = tn__for_targets(p);
    if (!target)
        return NULL;
    TnExpr *iter = tn__star_expressions(p);
    if (!iter)
        return NULL;
    if (header_colon(p, iter) < 0)
        return NULL;
    TnStmt *s = tn__stmt(p, async_tok ? TN_STMT_ASYNCFOR : TN_STMT_FOR, tn__tok_loc(&kt));
    if (!s || block(p, &s->v.for_.body, "'for' statement", lineno) < 0)
        return NULL;
    if (tn__type(p) == TK_ELSE && else_block(p, &s->v.for_.orelse) < 0)
        return NULL;
    s->v.for_.target = target;
    s->v.for_.iter = iter;
    s->loc = tn__extra(p, &kt);
    return s;
}

/* with_item: expression ['as' star_target &(',' | ')' | ':')] */
static TnWithItem *with_item(Parser *p)
{
    TnExpr *e = tn__expression(p);
    if (!e)
        return NULL;
    TnWithItem *w = tn__alloc(p, sizeof *w);
    if (!w)
        return NULL;
    w->context_expr = e;
    if (!tn__accept(p, TK_AS))
        return w;
    /* 'as' star_target &(',' | ')' | ':') */
    TnMark m = tn__mark(p);
    TnExpr *t = tn__star_target(p);
    TnTokType n = tn__type(p);
    int valid = t && !tn__failed(p) && !tn__invalid_target(t, TN_TARGET_STAR);
    if (valid && (n == TK_COMMA || n == TK_RPAR || n == TK_COLON)) {
        tn__set_context(t, TN_CTX_STORE);
        w->optional_vars = t;
        return w;
    }
    if (tn__failed(p) && (p->err_kind == TN_ERR_TOKENIZER || p->err_eager))
        return NULL;
    if (valid && n == TK_NEWLINE)
        return tn__error_last(p, "SyntaxError", "expected ':'");    /* invalid_with_stmt */
    /* invalid_with_item: expression 'as' expression &(',' | ')' | ':') */
    int fail = p->fill - 1;
    tn__reset(p, m);
    TnMark a = tn__analysis_begin(p);
    t = tn__expression(p);
    n = tn__type(p);
    int match = t && !tn__failed(p) && (n == TK_COMMA || n == TK_RPAR || n == TK_COLON);
    if (tn__failed(p) && !p->err_generic) {
        p->analysis--;
        return NULL;
    }
    if (tn__analysis_end(p, a) < 0)
        return NULL;
    if (match && tn__invalid_target(t, TN_TARGET_STAR))
        return tn__target_error(p, t, TN_TARGET_STAR);
    return tn__error_generic_at(p, fail);
}

static TnStmt *with_stmt(Parser *p, const TnToken *async_tok)
{
    TnToken kt = async_tok ? *async_tok : *tn__cur(p);
    const TnToken *kw = tn__advance(p);
    int lineno = kw->lineno;
    TnStmt *s = tn__stmt(p, async_tok ? TN_STMT_ASYNCWITH : TN_STMT_WITH, tn__tok_loc(&kt));
    if (!s)
        return NULL;
    int cap = 0;
    int done = 0;
    if (tn__type(p) == TK_LPAR) {
        /* 'with' '(' ','.with_item+ ','? ')' ':' -- tried first, as in CPython */
        TnMark m = tn__mark(p);
        tn__advance(p);
        TnWithItemSeq items = {0, NULL};
        int icap = 0, ok = 1;
        for (;;) {
            TnWithItem *w = with_item(p);
            if (!w || TN_PUSH(p, items, icap, w) < 0) {
                ok = 0;
                break;
            }
            if (!tn__accept(p, TK_COMMA))
                break;
            if (tn__type(p) == TK_RPAR)
                break;
        }
        if (ok && tn__accept(p, TK_RPAR) && tn__type(p) == TK_COLON) {
            s->v.with.items = items;
            done = 1;
        } else {
            if (tn__failed(p) && !p->err_generic)
                return NULL;
            tn__reset(p, m);
        }
    }
    if (!done) {
        for (;;) {
            TnWithItem *w = with_item(p);
            if (!w || TN_PUSH(p, s->v.with.items, cap, w) < 0)
                return NULL;
            if (!tn__accept(p, TK_COMMA))
                break;
        }
    }
    TnWithItem *lastw = s->v.with.items.items[s->v.with.items.n - 1];
    if (header_colon(p, lastw->optional_vars ? lastw->optional_vars : lastw->context_expr) < 0)
        return NULL;
    if (block(p, &s->v.with.body, "'with' statement", lineno) < 0)
        return NULL;
    s->loc = tn__extra(p, &kt);
    return s;
}

static int except_block(Parser *p, TnHandlerSeq *handlers, int *cap)
{
    const TnToken *kw = tn__advance(p);
    TnToken kt = *kw;
    TnExceptHandler *h = tn__alloc(p, sizeof *h);
    if (!h)
        return -1;
    if (tn__type(p) == TK_STAR) {
        tn__error_range(p, tn__tok_loc(&kt), tn__tok_loc(tn__cur(p)), "except* is not supported");
        return -1;
    }
    if (tn__type(p) != TK_COLON) {
        if (tn__type(p) == TK_NEWLINE) {
            tn__error_last(p, "SyntaxError", "expected ':'");
            return -1;
        }
        TnExpr *type = tn__expression(p);
        if (!type)
            return -1;
        TnExpr *last = type;
        if (tn__type(p) == TK_COMMA) {
            /* invalid_except_stmt: multiple types need parentheses */
            TnMark m = tn__mark(p);
            tn__advance(p);
            TnExpr *more = tn__expressions(p);
            if (more && !tn__failed(p)) {
                if (tn__accept(p, TK_AS))
                    tn__accept(p, TK_NAME);
                if (tn__type(p) == TK_COLON) {
                    tn__reset(p, m);
                    tn__error_starting_from(p, type->loc.lineno, type->loc.col_offset,
                                            "multiple exception types must be parenthesized");
                    return -1;
                }
            }
            if (tn__failed(p) && !p->err_generic)
                return -1;
            tn__reset(p, m);
        }
        h->type = type;
        if (tn__accept(p, TK_AS)) {
            const TnToken *n = tn__cur(p);
            if (n->type != TK_NAME) {
                tn__error_generic(p);
                return -1;
            }
            tn__advance(p);
            if (!(h->name = tn__tok_str(p, n)))
                return -1;
            last = NULL;
        }
        if (tn__type(p) == TK_NEWLINE) {
            tn__error_last(p, "SyntaxError", "expected ':'");
            return -1;
        }
        if (!tn__accept(p, TK_COLON)) {
            if (last)
                tn__error_after_expr(p, last);
            else
                tn__error_generic(p);
            return -1;
        }
    } else {
        tn__advance(p);
    }
    if (block(p, &h->body, "'except' statement", kt.lineno) < 0)
        return -1;
    h->loc = tn__extra(p, &kt);
    return TN_PUSH(p, *handlers, *cap, h);
}

static TnStmt *try_stmt(Parser *p)
{
    const TnToken *kw = tn__advance(p);
    TnToken kt = *kw;
    if (!tn__expect_forced(p, TK_COLON))
        return NULL;
    TnStmt *s = tn__stmt(p, TN_STMT_TRY, tn__tok_loc(&kt));
    if (!s || block(p, &s->v.try_.body, "'try' statement", kt.lineno) < 0)
        return NULL;
    int hcap = 0;
    while (tn__type(p) == TK_EXCEPT)
        if (except_block(p, &s->v.try_.handlers, &hcap) < 0)
            return NULL;
    if (s->v.try_.handlers.n && tn__type(p) == TK_ELSE && else_block(p, &s->v.try_.orelse) < 0)
        return NULL;
    if (tn__type(p) == TK_FINALLY) {
        const TnToken *f = tn__advance(p);
        int flineno = f->lineno;
        if (!tn__expect_forced(p, TK_COLON) ||
            block(p, &s->v.try_.finalbody, "'finally' statement", flineno) < 0)
            return NULL;
    }
    if (!s->v.try_.handlers.n && !s->v.try_.finalbody.n) {
        tn__error_last(p, "SyntaxError", "expected 'except' or 'finally' block");
        return NULL;
    }
    s->loc = tn__extra(p, &kt);
    return s;
}

static TnStmt *funcdef(Parser *p, const TnToken *async_tok, TnExprSeq decorators)
{
    TnToken kt = async_tok ? *async_tok : *tn__cur(p);
    const TnToken *kw = tn__expect(p, TK_DEF);
    if (!kw)
        return NULL;
    int lineno = kw->lineno;
    const TnToken *name = tn__expect(p, TK_NAME);
    if (!name)
        return NULL;
    TnStmt *s = tn__stmt(p, async_tok ? TN_STMT_ASYNCFUNCTIONDEF : TN_STMT_FUNCTIONDEF,
                         tn__tok_loc(&kt));
    if (!s || !(s->v.funcdef.name = tn__tok_str(p, name)))
        return NULL;
    if (!tn__expect_forced(p, TK_LPAR))
        return NULL;
    if (!(s->v.funcdef.args = tn__parameters(p, 0)) || !tn__expect(p, TK_RPAR))
        return NULL;
    if (tn__type(p) == TK_RARROW) {
        TnMark arrow = tn__mark(p);
        tn__advance(p);
        TnMark m = tn__mark(p);
        if (!(s->v.funcdef.returns = tn__expression(p))) {
            /* CPython keeps the longest valid annotation, or none at all,
             * and then reports its forced ':' at the token after it (its
             * first pass raises that before any specialised error) */
            if (p->err_kind != TN_ERR_PARSER || p->err_eager)
                return NULL;
            tn__reset(p, m);
            if (!(s->v.funcdef.returns = tn__expression_prefix(p))) {
                if (p->err_kind == TN_ERR_TOKENIZER || p->err_eager)
                    return NULL;
                tn__reset(p, arrow);
            }
        }
    }
    if (!tn__expect_forced(p, TK_COLON))
        return NULL;
    if (block(p, &s->v.funcdef.body, "function definition", lineno) < 0)
        return NULL;
    s->v.funcdef.decorators = decorators;
    s->loc = tn__extra(p, &kt);
    return s;
}

static TnStmt *classdef(Parser *p, TnExprSeq decorators)
{
    const TnToken *kw = tn__advance(p);
    TnToken kt = *kw;
    const TnToken *name = tn__expect(p, TK_NAME);
    if (!name)
        return NULL;
    TnStmt *s = tn__stmt(p, TN_STMT_CLASSDEF, tn__tok_loc(&kt));
    if (!s || !(s->v.classdef.name = tn__tok_str(p, name)))
        return NULL;
    if (tn__type(p) == TK_LPAR) {
        tn__advance(p);
        if (tn__call_args(p, &s->v.classdef.bases, &s->v.classdef.keywords, NULL) < 0)
            return NULL;
    }
    if (tn__type(p) == TK_NEWLINE) {
        tn__error_last(p, "SyntaxError", "expected ':'");
        return NULL;
    }
    if (!tn__expect(p, TK_COLON))
        return NULL;
    if (block(p, &s->v.classdef.body, "class definition", kt.lineno) < 0)
        return NULL;
    s->v.classdef.decorators = decorators;
    s->loc = tn__extra(p, &kt);
    return s;
}

static TnStmt *decorated(Parser *p)
{
    TnExprSeq decorators = {0, NULL};
    int cap = 0;
    while (tn__accept(p, TK_AT)) {
        TnExpr *d = tn__named_expression(p);
        if (!d || TN_PUSH(p, decorators, cap, d) < 0)
            return NULL;
        if (!tn__accept(p, TK_NEWLINE)) {
            tn__error_after_expr(p, d);
            return NULL;
        }
    }
    switch (tn__type(p)) {
    case TK_DEF:
        return funcdef(p, NULL, decorators);
    case TK_CLASS:
        return classdef(p, decorators);
    case TK_ASYNC: {
        const TnToken *a = tn__advance(p);
        TnToken at = *a;
        return funcdef(p, &at, decorators);
    }
    default:
        return tn__error_generic(p);
    }
}

/* `match <subject>:` -- pattern matching is not supported; say so instead
 * of reporting a confusing syntax error. */
static int match_unsupported(Parser *p)
{
    TnMark m = tn__mark(p);
    TnToken kw = *tn__advance(p);
    int is_match = 0;
    TnTokType t = tn__type(p);
    if (t == TK_STAR || tn__starts_expression(t)) {
        TnExpr *e = tn__star_named_expression(p);
        while (e && !tn__failed(p) && tn__accept(p, TK_COMMA)) {
            if (tn__type(p) == TK_COLON)
                break;
            e = tn__star_named_expression(p);
        }
        is_match = e && !tn__failed(p) && tn__type(p) == TK_COLON &&
                   tn__peek(p, 1)->type == TK_NEWLINE && !tn__failed(p);
    }
    tn__reset(p, m);
    if (!is_match)
        return 0;
    tn__error_loc(p, tn__tok_loc(&kw), "match statements are not supported");
    return -1;
}

static int statement(Parser *p, TnStmtSeq *body, int *cap)
{
    TnToken *t = tn__cur(p);
    TnStmt *s = NULL;
    switch (t->type) {
    case TK_IF: s = if_stmt(p, 0); break;
    case TK_WHILE: s = while_stmt(p); break;
    case TK_FOR: s = for_stmt(p, NULL); break;
    case TK_WITH: s = with_stmt(p, NULL); break;
    case TK_TRY: s = try_stmt(p); break;
    case TK_DEF: {
        TnExprSeq none = {0, NULL};
        s = funcdef(p, NULL, none);
        break;
    }
    case TK_CLASS: {
        TnExprSeq none = {0, NULL};
        s = classdef(p, none);
        break;
    }
    case TK_AT: s = decorated(p); break;
    case TK_ASYNC: {
        TnToken at = *tn__advance(p);
        TnTokType n = tn__type(p);
        if (n == TK_DEF) {
            TnExprSeq none = {0, NULL};
            s = funcdef(p, &at, none);
        } else if (n == TK_FOR) {
            s = for_stmt(p, &at);
        } else if (n == TK_WITH) {
            s = with_stmt(p, &at);
        } else {
            tn__error_generic(p);
        }
        break;
    }
    case TK_NAME:
        if (tn__is_soft_name(t, "match") && match_unsupported(p) < 0)
            return -1;
        return simple_stmts(p, body, cap);
    default:
        return simple_stmts(p, body, cap);
    }
    if (!s || TN_PUSH(p, *body, *cap, s) < 0)
        return -1;
    return 0;
}

/* ---- start rules ------------------------------------------------------------------ */

/* Parse one statement line and check the depth of what it produced. */
static int checked_statement(Parser *p, TnStmtSeq *body, int *cap)
{
    int first = body->n;
    if (statement(p, body, cap) < 0)
        return -1;
    for (int i = first; i < body->n; i++)
        if (tn__check_depth(p, body->items[i]) < 0)
            return -1;
    return 0;
}

int tn__file(Parser *p, TnStmtSeq *body)
{
    int cap = 0;
    while (tn__type(p) != TK_ENDMARKER) {
        if (tn__failed(p) || checked_statement(p, body, &cap) < 0)
            return -1;
    }
    return tn__failed(p) ? -1 : 0;
}

/* CPython's bad_single_statement: anything but blanks and comments after
 * the statement. */
static int trailing_code(Parser *p)
{
    const char *s = p->lx->cur, *end = p->lx->end;
    while (s < end) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f') {
            s++;
        } else if (*s == '#') {
            while (s < end && *s != '\n')
                s++;
        } else {
            return 1;
        }
    }
    return 0;
}

int tn__interactive(Parser *p, TnStmtSeq *body)
{
    int cap = 0;
    TnToken *t = tn__cur(p);
    if (t->type == TK_ENDMARKER) {
        /* CPython: nothing to run is an "invalid syntax" without a column */
        tn__error_at(p, "SyntaxError", p->lx->empty ? 0 : t->lineno, -1, t->lineno, -1,
                     "invalid syntax");
        return -1;
    }
    if (t->type == TK_NEWLINE) {
        tn__advance(p);
        TnStmt *s = tn__stmt(p, TN_STMT_PASS, tn__tok_loc(t));
        if (!s || TN_PUSH(p, *body, cap, s) < 0)
            return -1;
    } else {
        int simple = !(t->type == TK_IF || t->type == TK_WHILE || t->type == TK_FOR ||
                       t->type == TK_WITH || t->type == TK_TRY || t->type == TK_DEF ||
                       t->type == TK_CLASS || t->type == TK_AT || t->type == TK_ASYNC);
        if (checked_statement(p, body, &cap) < 0)
            return -1;
        /* compound_stmt NEWLINE: the end of input counts as that NEWLINE
         * (CPython turns the first ENDMARKER into one in this mode) */
        if (!simple && body->n && !tn__accept(p, TK_NEWLINE) && tn__type(p) != TK_ENDMARKER) {
            tn__error_generic(p);
            return -1;
        }
    }
    if (tn__failed(p))
        return -1;
    if (trailing_code(p)) {
        tn__error_last(p, "SyntaxError",
                       "multiple statements found while compiling a single statement");
        return -1;
    }
    return 0;
}

int tn__eval(Parser *p, TnStmtSeq *body)
{
    int cap = 0;
    TnExpr *e = tn__expressions(p);
    if (!e)
        return -1;
    while (tn__accept(p, TK_NEWLINE)) {
    }
    if (tn__type(p) != TK_ENDMARKER) {
        tn__error_after_expr(p, e);
        return -1;
    }
    TnStmt *s = tn__stmt(p, TN_STMT_EXPR, e->loc);
    if (!s || TN_PUSH(p, *body, cap, s) < 0)
        return -1;
    s->v.expr.value = e;
    return tn__check_depth(p, s);
}
