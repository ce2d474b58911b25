/* Symbol tables: one scope per module, class, function, lambda and
 * comprehension (3.11: comprehensions have their own scope), then a pass that
 * decides for every name whether it is local, global, free or a cell.
 * Follows CPython's Python/symtable.c, simplified. */
#include <string.h>
#include <stdio.h>
#include "compile_internal.h"
#include "tandem/error.h"

typedef struct {
    TnSymtable *st;
    TnScope *cur;
    int mode;
    int in_comp_target;   /* visiting a comprehension's `for` target */
} Sym;

#define TRY(x) do { if ((x) < 0) return -1; } while (0)

static int grow(void **p, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return 0;
    int nc = *cap ? *cap * 2 : 8;
    while (nc < need) nc *= 2;
    void *np = tn_mem_realloc(*p, (size_t)nc * elem);
    if (!np)
        return -1;
    *p = np;
    *cap = nc;
    return 0;
}

const char *tn_mangle(TnArena *a, const char *priv, const char *name)
{
    if (!priv || name[0] != '_' || name[1] != '_')
        return name;
    size_t n = strlen(name);
    if ((n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name;
    while (*priv == '_') priv++;
    if (!*priv)
        return name;
    size_t pl = strlen(priv);
    char *r = tn_arena_alloc(a, n + pl + 2);
    if (!r)
        return name;
    r[0] = '_';
    memcpy(r + 1, priv, pl);
    memcpy(r + 1 + pl, name, n + 1);
    return r;
}

TnSymbol *tn_scope_find(TnScope *s, const char *name)
{
    for (int i = 0; i < s->nsyms; i++)
        if (strcmp(s->syms[i].name, name) == 0)
            return &s->syms[i];
    return NULL;
}

int tn_scope_of(TnScope *s, const char *name)
{
    TnSymbol *sym = tn_scope_find(s, name);
    return sym ? sym->scope : SC_NONE;
}

TnScope *tn_symtable_lookup(TnSymtable *st, const void *key)
{
    for (int i = 0; i < st->nall; i++)
        if (st->all[i]->key == key)
            return st->all[i];
    return NULL;
}

static TnScope *scope_new(Sym *y, int kind, const char *name, const void *key, int lineno)
{
    TnSymtable *st = y->st;
    TnScope *s = tn_arena_alloc(st->arena, sizeof *s);
    if (!s)
        return NULL;
    s->kind = kind;
    s->name = name;
    s->key = key;
    s->lineno = lineno;
    s->parent = y->cur;
    if (y->cur) {
        s->private_name = y->cur->private_name;
        s->is_nested = y->cur->kind == BLOCK_FUNCTION || y->cur->is_nested;
        if (grow((void **)&y->cur->children, &y->cur->cchildren, y->cur->nchildren + 1, sizeof(void *)) < 0)
            return NULL;
        y->cur->children[y->cur->nchildren++] = s;
    }
    if (grow((void **)&st->all, &st->call, st->nall + 1, sizeof(void *)) < 0)
        return NULL;
    st->all[st->nall++] = s;
    return s;
}

static int err_at(Sym *y, TnLoc loc, const char *fmt, const char *arg)
{
    char msg[300];
    snprintf(msg, sizeof msg, fmt, arg);
    return tn_compile_error(y->st->filename, y->st->src, y->st->srclen, loc.lineno,
                            loc.col_offset, loc.end_lineno, loc.end_col_offset, "%s", msg);
}

static int add_def_in(Sym *y, TnScope *s, const char *name, int flag, TnLoc loc)
{
    const char *m = tn_mangle(y->st->arena, s->private_name, name);
    TnSymbol *sym = tn_scope_find(s, m);
    if (sym) {
        if ((flag & DEF_PARAM) && (sym->flags & DEF_PARAM))
            return err_at(y, loc, "duplicate argument '%s' in function definition", m);
        if ((flag & (DEF_GLOBAL | DEF_NONLOCAL)) && !(sym->flags & (DEF_GLOBAL | DEF_NONLOCAL)))
            sym->dloc = loc;
        sym->flags |= flag;
        return 0;
    }
    if (grow((void **)&s->syms, &s->csyms, s->nsyms + 1, sizeof(TnSymbol)) < 0)
        return -1;
    s->syms[s->nsyms].name = m;
    s->syms[s->nsyms].flags = flag;
    s->syms[s->nsyms].scope = SC_NONE;
    s->syms[s->nsyms].dloc = loc;
    s->nsyms++;
    if (flag & DEF_PARAM) {
        if (grow((void **)&s->params, &s->cparams, s->nparams + 1, sizeof(char *)) < 0)
            return -1;
        s->params[s->nparams++] = m;
    }
    return 0;
}

static int add_def(Sym *y, const char *name, int flag, TnLoc loc)
{
    return add_def_in(y, y->cur, name, flag, loc);
}

static int visit_expr(Sym *y, TnExpr *e);
static int visit_stmt(Sym *y, TnStmt *s);

static int visit_exprs(Sym *y, TnExprSeq *seq)
{
    for (int i = 0; i < seq->n; i++)
        if (seq->items[i])
            TRY(visit_expr(y, seq->items[i]));
    return 0;
}

static int visit_stmts(Sym *y, TnStmtSeq *seq)
{
    for (int i = 0; i < seq->n; i++)
        TRY(visit_stmt(y, seq->items[i]));
    return 0;
}

static int visit_params(Sym *y, TnArgSeq *a, TnLoc loc)
{
    for (int i = 0; i < a->n; i++)
        TRY(add_def(y, a->items[i]->arg, DEF_PARAM, a->items[i]->loc));
    (void)loc;
    return 0;
}

static int visit_arguments(Sym *y, TnArguments *a, TnLoc loc)
{
    TRY(visit_params(y, &a->posonlyargs, loc));
    TRY(visit_params(y, &a->args, loc));
    TRY(visit_params(y, &a->kwonlyargs, loc));
    if (a->vararg)
        TRY(add_def(y, a->vararg->arg, DEF_PARAM, a->vararg->loc));
    if (a->kwarg)
        TRY(add_def(y, a->kwarg->arg, DEF_PARAM, a->kwarg->loc));
    return 0;
}

/* Defaults and annotations are evaluated in the enclosing scope. */
static int visit_argument_exprs(Sym *y, TnArguments *a, int annotations)
{
    TRY(visit_exprs(y, &a->defaults));
    TRY(visit_exprs(y, &a->kw_defaults));
    if (!annotations || y->st->future_annotations)
        return 0;
    TnArgSeq *seqs[3] = { &a->posonlyargs, &a->args, &a->kwonlyargs };
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < seqs[k]->n; i++)
            if (seqs[k]->items[i]->annotation)
                TRY(visit_expr(y, seqs[k]->items[i]->annotation));
    if (a->vararg && a->vararg->annotation)
        TRY(visit_expr(y, a->vararg->annotation));
    if (a->kwarg && a->kwarg->annotation)
        TRY(visit_expr(y, a->kwarg->annotation));
    return 0;
}

/* An `async for` clause or an `await` in comprehension scope `comp`: a
 * list/set/dict comprehension becomes a coroutine that its parent awaits,
 * so the parent must be async too; a generator expression becomes an
 * async generator, which is only iterated later, so the chain stops there. */
static int async_comprehension(Sym *y, TnScope *comp, TnLoc loc)
{
    TnScope *s = comp;
    for (; s->is_comprehension; s = s->parent) {
        s->is_coroutine = 1;
        if (s->is_generator)
            return 0;
    }
    if (!s->is_coroutine)
        return err_at(y, loc, "%s", "asynchronous comprehension outside of an asynchronous function");
    return 0;
}

static int visit_comprehension(Sym *y, TnExpr *e)
{
    TnComprehensionSeq *gens = &e->v.comp.generators;
    /* The outermost iterable is evaluated in the enclosing scope. */
    TRY(visit_expr(y, gens->items[0]->iter));
    const char *name = e->kind == TN_EXPR_LISTCOMP ? "<listcomp>" :
                       e->kind == TN_EXPR_SETCOMP ? "<setcomp>" :
                       e->kind == TN_EXPR_DICTCOMP ? "<dictcomp>" : "<genexpr>";
    TnScope *s = scope_new(y, BLOCK_FUNCTION, name, e, e->loc.lineno);
    if (!s)
        return -1;
    s->is_comprehension = 1;
    if (e->kind == TN_EXPR_GENEXP)
        s->is_generator = 1;
    TnScope *saved = y->cur;
    y->cur = s;
    TRY(add_def(y, ".0", DEF_PARAM, e->loc));
    for (int i = 0; i < gens->n; i++) {
        TnComprehension *g = gens->items[i];
        if (g->is_async)
            TRY(async_comprehension(y, s, e->loc));
        if (i > 0)
            TRY(visit_expr(y, g->iter));
        y->in_comp_target = 1;
        int r = visit_expr(y, g->target);
        y->in_comp_target = 0;
        TRY(r);
        TRY(visit_exprs(y, &g->ifs));
    }
    if (e->kind == TN_EXPR_DICTCOMP) {
        TRY(visit_expr(y, e->v.comp.key));
        TRY(visit_expr(y, e->v.comp.value));
    } else {
        TRY(visit_expr(y, e->v.comp.elt));
    }
    y->cur = saved;
    return 0;
}

/* PEP 572: a walrus target in a comprehension binds in the nearest
 * enclosing function (or module) scope. */
static int visit_walrus_target(Sym *y, TnExpr *target)
{
    const char *name = target->v.name.id;
    TnScope *s = y->cur;
    if (!s->is_comprehension)
        return add_def(y, name, DEF_LOCAL, target->loc);
    for (TnScope *p = s; p; p = p->parent) {
        if (p->is_comprehension) {
            TnSymbol *sym = tn_scope_find(p, name);
            if (sym && (sym->flags & DEF_COMP_ITER))
                return err_at(y, target->loc,
                    "assignment expression cannot rebind comprehension iteration variable '%s'", name);
            continue;
        }
        if (p->kind == BLOCK_CLASS)
            return err_at(y, target->loc, "%s",
                "assignment expression within a comprehension cannot be used in a class body");
        int inner = p->kind == BLOCK_FUNCTION ? DEF_NONLOCAL : DEF_GLOBAL;
        for (TnScope *q = s; q != p; q = q->parent)
            TRY(add_def_in(y, q, name, inner | DEF_USE, target->loc));
        return add_def_in(y, p, name, p->kind == BLOCK_FUNCTION ? DEF_LOCAL : DEF_LOCAL, target->loc);
    }
    return 0;
}

static int visit_expr_inner(Sym *y, TnExpr *e);

static int visit_expr(Sym *y, TnExpr *e)
{
    if (tn_c_enter(&y->st->depth) < 0)
        return -1;
    int r = visit_expr_inner(y, e);
    y->st->depth--;
    return r;
}

static int visit_expr_inner(Sym *y, TnExpr *e)
{
    switch (e->kind) {
    case TN_EXPR_BOOLOP: return visit_exprs(y, &e->v.boolop.values);
    case TN_EXPR_NAMEDEXPR:
        TRY(visit_expr(y, e->v.namedexpr.value));
        return visit_walrus_target(y, e->v.namedexpr.target);
    case TN_EXPR_BINOP:
        TRY(visit_expr(y, e->v.binop.left));
        return visit_expr(y, e->v.binop.right);
    case TN_EXPR_UNARYOP: return visit_expr(y, e->v.unaryop.operand);
    case TN_EXPR_LAMBDA: {
        TRY(visit_argument_exprs(y, e->v.lambda.args, 0));
        TnScope *s = scope_new(y, BLOCK_FUNCTION, "<lambda>", e, e->loc.lineno);
        if (!s)
            return -1;
        s->is_lambda = 1;
        TnScope *saved = y->cur;
        y->cur = s;
        TRY(visit_arguments(y, e->v.lambda.args, e->loc));
        TRY(visit_expr(y, e->v.lambda.body));
        y->cur = saved;
        return 0;
    }
    case TN_EXPR_IFEXP:
        TRY(visit_expr(y, e->v.ifexp.test));
        TRY(visit_expr(y, e->v.ifexp.body));
        return visit_expr(y, e->v.ifexp.orelse);
    case TN_EXPR_DICT:
        TRY(visit_exprs(y, &e->v.dict.keys));
        return visit_exprs(y, &e->v.dict.values);
    case TN_EXPR_SET: return visit_exprs(y, &e->v.set.elts);
    case TN_EXPR_LISTCOMP: case TN_EXPR_SETCOMP: case TN_EXPR_DICTCOMP: case TN_EXPR_GENEXP:
        return visit_comprehension(y, e);
    case TN_EXPR_AWAIT:
        if (y->cur->kind != BLOCK_FUNCTION)
            return err_at(y, e->loc, "%s", "'await' outside function");
        if (y->cur->is_comprehension)
            TRY(async_comprehension(y, y->cur, e->loc));
        else if (!y->cur->is_coroutine)
            return err_at(y, e->loc, "%s", "'await' outside async function");
        return visit_expr(y, e->v.await_.value);
    case TN_EXPR_YIELD: case TN_EXPR_YIELDFROM: {
        if (y->cur->kind != BLOCK_FUNCTION)
            return err_at(y, e->loc, "%s", "'yield' outside function");
        if (y->cur->is_comprehension)
            return err_at(y, e->loc, "%s", "'yield' inside list comprehension");
        if (y->cur->is_coroutine && e->kind == TN_EXPR_YIELDFROM)
            return err_at(y, e->loc, "%s", "'yield from' inside async function");
        y->cur->is_generator = 1;
        TnExpr *v = e->kind == TN_EXPR_YIELD ? e->v.yield.value : e->v.yieldfrom.value;
        return v ? visit_expr(y, v) : 0;
    }
    case TN_EXPR_COMPARE:
        TRY(visit_expr(y, e->v.compare.left));
        for (int i = 0; i < e->v.compare.n; i++)
            TRY(visit_expr(y, e->v.compare.comparators[i]));
        return 0;
    case TN_EXPR_CALL:
        TRY(visit_expr(y, e->v.call.func));
        TRY(visit_exprs(y, &e->v.call.args));
        for (int i = 0; i < e->v.call.keywords.n; i++)
            TRY(visit_expr(y, e->v.call.keywords.items[i]->value));
        return 0;
    case TN_EXPR_FORMATTEDVALUE:
        TRY(visit_expr(y, e->v.formatted.value));
        return e->v.formatted.format_spec ? visit_expr(y, e->v.formatted.format_spec) : 0;
    case TN_EXPR_JOINEDSTR: return visit_exprs(y, &e->v.joined.values);
    case TN_EXPR_CONSTANT: return 0;
    case TN_EXPR_ATTRIBUTE: return visit_expr(y, e->v.attribute.value);
    case TN_EXPR_SUBSCRIPT:
        TRY(visit_expr(y, e->v.subscript.value));
        return visit_expr(y, e->v.subscript.slice);
    case TN_EXPR_STARRED: return visit_expr(y, e->v.starred.value);
    case TN_EXPR_NAME: {
        const char *id = e->v.name.id;
        int flag = e->v.name.ctx == TN_CTX_LOAD ? DEF_USE : DEF_LOCAL;
        if (y->in_comp_target && flag == DEF_LOCAL)
            flag |= DEF_COMP_ITER;
        TRY(add_def(y, id, flag, e->loc));
        /* super() and __class__ in a method need the implicit __class__ cell. */
        if (e->v.name.ctx == TN_CTX_LOAD && y->cur->kind == BLOCK_FUNCTION &&
            strcmp(id, "super") == 0)
            TRY(add_def(y, "__class__", DEF_USE, e->loc));
        return 0;
    }
    case TN_EXPR_LIST: case TN_EXPR_TUPLE: return visit_exprs(y, &e->v.list.elts);
    case TN_EXPR_SLICE:
        if (e->v.slice.lower) TRY(visit_expr(y, e->v.slice.lower));
        if (e->v.slice.upper) TRY(visit_expr(y, e->v.slice.upper));
        if (e->v.slice.step) TRY(visit_expr(y, e->v.slice.step));
        return 0;
    }
    return 0;
}

static int visit_annotation(Sym *y, TnExpr *ann)
{
    if (y->st->future_annotations)
        return 0;
    return visit_expr(y, ann);
}

static int visit_function(Sym *y, TnStmt *s)
{
    TnArguments *a = s->v.funcdef.args;
    TRY(add_def(y, s->v.funcdef.name, DEF_LOCAL, s->loc));
    TRY(visit_argument_exprs(y, a, 1));
    if (s->v.funcdef.returns)
        TRY(visit_annotation(y, s->v.funcdef.returns));
    TRY(visit_exprs(y, &s->v.funcdef.decorators));
    TnScope *fs = scope_new(y, BLOCK_FUNCTION, s->v.funcdef.name, s, s->loc.lineno);
    if (!fs)
        return -1;
    fs->is_coroutine = s->kind == TN_STMT_ASYNCFUNCTIONDEF;
    TnScope *saved = y->cur;
    y->cur = fs;
    TRY(visit_arguments(y, a, s->loc));
    TRY(visit_stmts(y, &s->v.funcdef.body));
    y->cur = saved;
    return 0;
}

static int visit_declaration(Sym *y, TnStmt *s, int global)
{
    TnIdentSeq *names = &s->v.global.names;
    const char *what = global ? "global" : "nonlocal";
    if (!global && y->cur->kind == BLOCK_MODULE)
        return err_at(y, s->loc, "%s", "nonlocal declaration not allowed at module level");
    for (int i = 0; i < names->n; i++) {
        const char *m = tn_mangle(y->st->arena, y->cur->private_name, names->items[i]);
        TnSymbol *sym = tn_scope_find(y->cur, m);
        char msg[300];
        if (sym) {
            const char *fmt = NULL;
            if (sym->flags & DEF_PARAM) fmt = "name '%s' is parameter and %s";
            else if (sym->flags & DEF_USE) fmt = "name '%s' is used prior to %s declaration";
            else if (sym->flags & DEF_ANNOT) fmt = "annotated name '%s' can't be %s";
            else if (sym->flags & DEF_LOCAL) fmt = "name '%s' is assigned to before %s declaration";
            else if (global && (sym->flags & DEF_NONLOCAL)) fmt = "name '%s' is nonlocal and %s";
            else if (!global && (sym->flags & DEF_GLOBAL)) fmt = "name '%s' is nonlocal and %s";
            if (fmt) {
                snprintf(msg, sizeof msg, fmt, m, global ? "global" : "nonlocal");
                if (!global && (sym->flags & DEF_GLOBAL))
                    snprintf(msg, sizeof msg, "name '%s' is nonlocal and global", m);
                return err_at(y, (sym->flags & (DEF_GLOBAL | DEF_NONLOCAL)) ? sym->dloc : s->loc, "%s", msg);
            }
        }
        (void)what;
        TRY(add_def(y, names->items[i], global ? DEF_GLOBAL : DEF_NONLOCAL, s->loc));
    }
    return 0;
}

static int visit_stmt_inner(Sym *y, TnStmt *s);

static int visit_stmt(Sym *y, TnStmt *s)
{
    if (tn_c_enter(&y->st->depth) < 0)
        return -1;
    int r = visit_stmt_inner(y, s);
    y->st->depth--;
    return r;
}

static int visit_stmt_inner(Sym *y, TnStmt *s)
{
    switch (s->kind) {
    case TN_STMT_FUNCTIONDEF: case TN_STMT_ASYNCFUNCTIONDEF:
        return visit_function(y, s);
    case TN_STMT_CLASSDEF: {
        TRY(add_def(y, s->v.classdef.name, DEF_LOCAL, s->loc));
        TRY(visit_exprs(y, &s->v.classdef.bases));
        for (int i = 0; i < s->v.classdef.keywords.n; i++)
            TRY(visit_expr(y, s->v.classdef.keywords.items[i]->value));
        TRY(visit_exprs(y, &s->v.classdef.decorators));
        TnScope *cs = scope_new(y, BLOCK_CLASS, s->v.classdef.name, s, s->loc.lineno);
        if (!cs)
            return -1;
        cs->private_name = s->v.classdef.name;
        TnScope *saved = y->cur;
        y->cur = cs;
        TRY(visit_stmts(y, &s->v.classdef.body));
        y->cur = saved;
        return 0;
    }
    case TN_STMT_RETURN:
        if (y->cur->kind != BLOCK_FUNCTION)
            return err_at(y, s->loc, "%s", "'return' outside function");
        return s->v.ret.value ? visit_expr(y, s->v.ret.value) : 0;
    case TN_STMT_DELETE: return visit_exprs(y, &s->v.del.targets);
    case TN_STMT_ASSIGN:
        TRY(visit_exprs(y, &s->v.assign.targets));
        return visit_expr(y, s->v.assign.value);
    case TN_STMT_AUGASSIGN:
        TRY(visit_expr(y, s->v.augassign.target));
        if (s->v.augassign.target->kind == TN_EXPR_NAME)
            TRY(add_def(y, s->v.augassign.target->v.name.id, DEF_USE, s->loc));
        return visit_expr(y, s->v.augassign.value);
    case TN_STMT_ANNASSIGN: {
        TnExpr *t = s->v.annassign.target;
        if (t->kind == TN_EXPR_NAME) {
            const char *m = tn_mangle(y->st->arena, y->cur->private_name, t->v.name.id);
            TnSymbol *sym = tn_scope_find(y->cur, m);
            if (sym && (sym->flags & (DEF_GLOBAL | DEF_NONLOCAL)) && s->v.annassign.simple)
                return err_at(y, s->loc, (sym->flags & DEF_GLOBAL) ?
                              "annotated name '%s' can't be global" :
                              "annotated name '%s' can't be nonlocal", m);
            if (s->v.annassign.simple)
                TRY(add_def(y, t->v.name.id, DEF_ANNOT | (s->v.annassign.value ? DEF_LOCAL : 0), s->loc));
            else if (s->v.annassign.value)
                TRY(add_def(y, t->v.name.id, DEF_LOCAL, s->loc));
        } else {
            TRY(visit_expr(y, t));
        }
        TRY(visit_annotation(y, s->v.annassign.annotation));
        return s->v.annassign.value ? visit_expr(y, s->v.annassign.value) : 0;
    }
    case TN_STMT_FOR: case TN_STMT_ASYNCFOR:
        if (s->kind == TN_STMT_ASYNCFOR && !y->cur->is_coroutine)
            return err_at(y, s->loc, "%s", "'async for' outside async function");
        TRY(visit_expr(y, s->v.for_.target));
        TRY(visit_expr(y, s->v.for_.iter));
        TRY(visit_stmts(y, &s->v.for_.body));
        return visit_stmts(y, &s->v.for_.orelse);
    case TN_STMT_WHILE:
        TRY(visit_expr(y, s->v.while_.test));
        TRY(visit_stmts(y, &s->v.while_.body));
        return visit_stmts(y, &s->v.while_.orelse);
    case TN_STMT_IF:
        TRY(visit_expr(y, s->v.if_.test));
        TRY(visit_stmts(y, &s->v.if_.body));
        return visit_stmts(y, &s->v.if_.orelse);
    case TN_STMT_WITH: case TN_STMT_ASYNCWITH:
        if (s->kind == TN_STMT_ASYNCWITH && !y->cur->is_coroutine)
            return err_at(y, s->loc, "%s", "'async with' outside async function");
        for (int i = 0; i < s->v.with.items.n; i++) {
            TRY(visit_expr(y, s->v.with.items.items[i]->context_expr));
            if (s->v.with.items.items[i]->optional_vars)
                TRY(visit_expr(y, s->v.with.items.items[i]->optional_vars));
        }
        return visit_stmts(y, &s->v.with.body);
    case TN_STMT_RAISE:
        if (s->v.raise.exc) TRY(visit_expr(y, s->v.raise.exc));
        if (s->v.raise.cause) TRY(visit_expr(y, s->v.raise.cause));
        return 0;
    case TN_STMT_TRY:
        TRY(visit_stmts(y, &s->v.try_.body));
        for (int i = 0; i < s->v.try_.handlers.n; i++) {
            TnExceptHandler *h = s->v.try_.handlers.items[i];
            if (h->type) TRY(visit_expr(y, h->type));
            if (h->name) TRY(add_def(y, h->name, DEF_LOCAL, h->loc));
            TRY(visit_stmts(y, &h->body));
        }
        TRY(visit_stmts(y, &s->v.try_.orelse));
        return visit_stmts(y, &s->v.try_.finalbody);
    case TN_STMT_ASSERT:
        TRY(visit_expr(y, s->v.assert_.test));
        return s->v.assert_.msg ? visit_expr(y, s->v.assert_.msg) : 0;
    case TN_STMT_IMPORT: case TN_STMT_IMPORTFROM: {
        TnAliasSeq *names = s->kind == TN_STMT_IMPORT ? &s->v.import.names : &s->v.importfrom.names;
        for (int i = 0; i < names->n; i++) {
            TnAlias *a = names->items[i];
            if (strcmp(a->name, "*") == 0) {
                if (y->cur->kind != BLOCK_MODULE)
                    return err_at(y, a->loc, "%s", "import * only allowed at module level");
                continue;
            }
            const char *store = a->asname;
            char buf[256];
            if (!store) {
                const char *dot = strchr(a->name, '.');
                if (dot && s->kind == TN_STMT_IMPORT) {
                    size_t n = (size_t)(dot - a->name);
                    if (n >= sizeof buf) n = sizeof buf - 1;
                    memcpy(buf, a->name, n);
                    buf[n] = 0;
                    store = tn_arena_strndup(y->st->arena, buf, n);
                } else {
                    store = a->name;
                }
            }
            TRY(add_def(y, store, DEF_IMPORT, s->loc));
        }
        return 0;
    }
    case TN_STMT_GLOBAL: return visit_declaration(y, s, 1);
    case TN_STMT_NONLOCAL: return visit_declaration(y, s, 0);
    case TN_STMT_EXPR: return visit_expr(y, s->v.expr.value);
    case TN_STMT_PASS: case TN_STMT_BREAK: case TN_STMT_CONTINUE: return 0;
    }
    return 0;
}

/* ---- analysis ------------------------------------------------------------- */

typedef struct { const char **s; int n, cap; } NameSet;

static int set_has(NameSet *ns, const char *name)
{
    for (int i = 0; i < ns->n; i++)
        if (strcmp(ns->s[i], name) == 0)
            return 1;
    return 0;
}

static int set_add(NameSet *ns, const char *name)
{
    if (set_has(ns, name))
        return 0;
    if (grow((void **)&ns->s, &ns->cap, ns->n + 1, sizeof(char *)) < 0)
        return -1;
    ns->s[ns->n++] = name;
    return 0;
}

static void set_remove(NameSet *ns, const char *name)
{
    for (int i = 0; i < ns->n; i++)
        if (strcmp(ns->s[i], name) == 0) {
            ns->s[i] = ns->s[--ns->n];
            return;
        }
}

/* Decide scopes in `s` given `bound` (names bound by enclosing function
 * scopes) and `global` (names declared global in enclosing scopes). Names
 * free in `s` (or passing through it) are added to `free_out`. */
static int analyze(Sym *y, TnScope *s, NameSet *bound, NameSet *global, NameSet *free_out)
{
    NameSet newbound = {0}, newglobal = {0}, newfree = {0};
    int rc = -1;
    for (int i = 0; i < global->n; i++)
        if (set_add(&newglobal, global->s[i]) < 0) goto done;
    /* Names bound by enclosing functions stay visible through a class
     * (the class's own names do not: only functions add theirs below). */
    for (int i = 0; i < bound->n; i++)
        if (set_add(&newbound, bound->s[i]) < 0) goto done;
    for (int i = 0; i < s->nsyms; i++) {
        TnSymbol *sym = &s->syms[i];
        int f = sym->flags;
        if (f & DEF_GLOBAL) {
            sym->scope = SC_GLOBAL_EXPLICIT;
            if (set_add(&newglobal, sym->name) < 0) goto done;
            set_remove(&newbound, sym->name);
        } else if (f & DEF_NONLOCAL) {
            if (!set_has(bound, sym->name)) {
                err_at(y, sym->dloc, "no binding for nonlocal '%s' found", sym->name);
                goto done;
            }
            sym->scope = SC_FREE;
            s->has_free = 1;
            if (set_add(free_out, sym->name) < 0) goto done;
        } else if (f & DEF_BOUND) {
            sym->scope = SC_LOCAL;
            if (s->kind == BLOCK_FUNCTION) {
                if (set_add(&newbound, sym->name) < 0) goto done;
            }
            set_remove(&newglobal, sym->name);
        } else {
            if (bound && set_has(bound, sym->name)) {
                sym->scope = SC_FREE;
                s->has_free = 1;
                if (set_add(free_out, sym->name) < 0) goto done;
            } else if (set_has(global, sym->name)) {
                sym->scope = SC_GLOBAL_IMPLICIT;
            } else {
                sym->scope = SC_GLOBAL_IMPLICIT;
            }
        }
    }
    /* A class makes __class__ visible to its methods. */
    if (s->kind == BLOCK_CLASS && set_add(&newbound, "__class__") < 0)
        goto done;
    for (int i = 0; i < s->nchildren; i++) {
        NameSet childfree = {0};
        TnScope *ch = s->children[i];
        if (analyze(y, ch, &newbound, &newglobal, &childfree) < 0) {
            tn_mem_free(childfree.s);
            goto done;
        }
        for (int k = 0; k < childfree.n; k++)
            if (set_add(&newfree, childfree.s[k]) < 0) { tn_mem_free(childfree.s); goto done; }
        tn_mem_free(childfree.s);
    }
    /* Names free in children: cells here if bound here (functions), the
     * implicit __class__ cell for classes, else free here too. */
    for (int k = 0; k < newfree.n; k++) {
        const char *name = newfree.s[k];
        TnSymbol *sym = tn_scope_find(s, name);
        if (s->kind == BLOCK_CLASS && strcmp(name, "__class__") == 0) {
            s->needs_class_closure = 1;
            continue;
        }
        if (sym && s->kind == BLOCK_FUNCTION && sym->scope == SC_LOCAL) {
            sym->scope = SC_CELL;
            continue;
        }
        if (sym && sym->scope == SC_FREE)
            continue;
        if (sym && (sym->scope == SC_GLOBAL_EXPLICIT))
            continue;
        if (s->kind == BLOCK_MODULE)
            continue;
        if (sym && s->kind == BLOCK_CLASS) {
            /* Bound in the class and free in a method: the class passes the
             * enclosing function's variable through (LOAD_CLASSDEREF). */
            sym->flags |= DEF_FREE_CLASS;
            if (sym->scope != SC_LOCAL)
                sym->scope = SC_FREE;
        } else if (sym) {
            sym->scope = SC_FREE;
        } else {
            if (add_def_in(y, s, name, 0, (TnLoc){0, 0, 0, 0}) < 0) goto done;
            sym = tn_scope_find(s, name);
            sym->scope = SC_FREE;
        }
        s->has_free = 1;
        if (set_add(free_out, name) < 0) goto done;
    }
    rc = 0;
done:
    tn_mem_free(newbound.s);
    tn_mem_free(newglobal.s);
    tn_mem_free(newfree.s);
    return rc;
}

int tn_symtable_build(TnSymtable *st, TnModuleAst *mod, int mode)
{
    Sym y = { st, NULL, mode, 0 };
    st->top = scope_new(&y, BLOCK_MODULE, "top", mod, 1);
    if (!st->top)
        return -1;
    y.cur = st->top;
    TRY(visit_stmts(&y, &mod->body));
    NameSet bound = {0}, global = {0}, free = {0};
    int rc = analyze(&y, st->top, &bound, &global, &free);
    tn_mem_free(free.s);
    return rc;
}

void tn_symtable_free(TnSymtable *st)
{
    for (int i = 0; i < st->nall; i++) {
        tn_mem_free(st->all[i]->children);
        tn_mem_free(st->all[i]->syms);
        tn_mem_free(st->all[i]->params);
    }
    tn_mem_free(st->all);
    st->all = NULL;
    st->nall = 0;
}
