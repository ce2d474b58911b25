/* Call arguments and parameter lists (def and lambda), with CPython 3.11's
 * messages for misplaced keywords, unpackings, defaults, '/', '*' and
 * '**', and for unparenthesized generator expressions.
 */
#include "parser.h"

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
    int analysis_from = -1;     /* see the positional-argument branch */
    TnExpr *last = NULL;
    while (tn__type(p) != TK_RPAR) {
        TnToken *st = tn__cur(p);
        TnTokType t = st->type;
        last = NULL;
        if (t != TK_STAR && t != TK_DOUBLESTAR && !tn__starts_expression(t))
            break;      /* reported below, after the list */
        if (t == TK_STAR) {
            tn__advance(p);
            TnExpr *v = tn__expression(p);
            if (!v) {
                /* invalid_arguments: keywords ',' '*' */
                if ((seen_kw || seen_dstar) && p->err_generic && p->err_kind == TN_ERR_PARSER) {
                    p->err_kind = TN_ERR_NONE;
                    tn__error_loc(p, tn__tok_loc(st),
                                  "iterable argument unpacking follows keyword argument unpacking");
                }
                goto fail;
            }
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
            if (tn__at_comprehension_2nd(p)) {
                /* invalid_kwarg: NAME '=' expression for_if_clauses */
                int fail_at = p->fill - 1;
                TnMark m = tn__analysis_begin(p);
                TnComprehensionSeq gens = {0, NULL};
                int ok = tn__for_if_clauses(p, &gens) == 0 && !tn__failed(p);
                if (tn__analysis_end(p, m) < 0)
                    goto fail;
                if (ok)
                    tn__error_range(p, tn__tok_loc(st), eqloc,
                                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                else
                    tn__error_generic_at(p, fail_at);
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
            if ((seen_kw || seen_dstar) && analysis_from < 0) {
                /* CPython's first pass does not read a positional argument
                 * after keywords; only its second pass does */
                analysis_from = p->fill - 1;
                p->analysis++;
            }
            TnExpr *v;
            if (analysis_from >= 0) {
                int peg = p->peg_prefix;
                p->peg_prefix = 1;
                v = tn__named_expression_ex(p, 0);
                p->peg_prefix = peg;
            } else {
                v = tn__named_expression_ex(p, 0);
            }
            if (!v)
                goto fail;
            if (tn__type(p) == TK_EQUAL) {
                tn__error_range(p, v->loc, tn__tok_loc(tn__cur(p)),
                                "expression cannot contain assignment, perhaps you meant \"==\"?");
                goto fail;
            }
            int first_arg = args->n == 0 && kws->n == 0;
            if (first_arg ? tn__at_comprehension(p) : tn__at_comprehension_2nd(p)) {
                if (!open) {
                    /* class C(x for x in y): CPython has no special message */
                    tn__error_generic(p);
                    goto fail;
                }
                /* Only a first argument can be the generator of `f(x for
                 * x in y)`; after other arguments only CPython's second
                 * pass reads the clauses, to complain. */
                int fail_at = p->fill - 1;
                if (!first_arg)
                    p->analysis++;
                TnComprehensionSeq gens = {0, NULL};
                int gens_ok = tn__for_if_clauses(p, &gens) == 0;
                if (!first_arg) {
                    p->analysis--;
                    if (!gens_ok && p->err_generic && p->err_kind == TN_ERR_PARSER) {
                        p->err_kind = TN_ERR_NONE;
                        tn__error_generic_at(p, fail_at);
                    }
                }
                if (!gens_ok)
                    goto fail;
                if (first_arg && tn__type(p) == TK_RPAR && open) {
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
    if (analysis_from >= 0) {
        p->analysis--;
        if (p->err_generic && p->err_kind == TN_ERR_PARSER) {
            p->err_kind = TN_ERR_NONE;
            tn__error_generic_at(p, analysis_from);
        }
    }
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
        TnExpr *ann = star && tn__type(p) == TK_STAR ? tn__starred(p, tn__bitwise_or) : tn__expression(p);
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
            /* invalid_parameters: '(' param_no_default+ ','? ')' -- looked
             * for only in CPython's second pass */
            int fail = p->fill - 1;
            TnMark m = tn__analysis_begin(p);
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
            int match = n && tn__type(p) == TK_RPAR;
            TnLoc close = tn__tok_loc(tn__cur(p));
            if (tn__analysis_end(p, m) < 0)
                return NULL;
            if (match)
                tn__error_range(p, tn__tok_loc(open), close,
                                lambda ? "Lambda expression parameters cannot be parenthesized"
                                       : "Function parameters cannot be parenthesized");
            else
                tn__error_generic_at(p, fail);
            return NULL;
        } else {
            tn__error_generic(p);
            return NULL;
        }
        if (tn__type(p) == end)
            break;
        if (tn__type(p) != TK_COMMA) {
            if (t->type == TK_SLASH && tn__type(p) == TK_STAR)
                tn__error_loc(p, tn__tok_loc(tn__cur(p)), "expected comma between / and *");
            else
                tn__error_after_expr(p, last_expr);
            return NULL;
        }
        tn__advance(p);
    }
    args->args = pos;
    return args;
}

/* lambdef: 'lambda' [lambda_params] ':' expression */
TnExpr *tn__lambdef(Parser *p)
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
