/* Code generation for statements (CPython 3.10 patterns, with the
 * single-object exception handling of opcodes.h: a handler starts with
 * [..., prev, exc] on the stack and POP_EXCEPT pops `prev`). */
#include <string.h>
#include "compile_internal.h"
#include "tandem/abstract.h"
#include "tandem/error.h"
#include "tandem/int.h"
#include "tandem/str.h"
#include "tandem/tuple.h"

#define TRY(x) do { if ((x) < 0) return -1; } while (0)
#define ADDOP(op) TRY(tn_c_addop(c, (op), 0))
#define ADDOP_I(op, i) TRY(tn_c_addop(c, (op), (i)))
#define JUMP(op, b) TRY(tn_c_addjump(c, (op), (b)))
#define NEW_BLOCK(b) TnBlock *b = tn_c_new_block(c); if (!b) return -1
#define USE(b) tn_c_use_block(c, (b))

/* `await TOS`; where: see GET_AWAITABLE. */
static int await_tos(TnCompiler *c, int where)
{
    ADDOP_I(TN_GET_AWAITABLE, where);
    TRY(tn_c_load_none(c));
    ADDOP(TN_YIELD_FROM);
    return 0;
}

static int stmts(TnCompiler *c, TnStmtSeq *seq)
{
    for (int i = 0; i < seq->n; i++)
        TRY(tn_c_stmt(c, seq->items[i]));
    return 0;
}

/* Emit what leaving frame block `f` requires (CPython's
 * compiler_unwind_fblock). preserve_tos: a value (the return value) sits on
 * top of the stack and must survive. */
static int unwind_fblock(TnCompiler *c, TnFBlock *f, int preserve_tos)
{
    switch (f->type) {
    case FB_WHILE: case FB_EXCEPTION_HANDLER:
        return 0;
    case FB_FOR:
        if (preserve_tos)
            ADDOP(TN_ROT_TWO);
        ADDOP(TN_POP_TOP);
        return 0;
    case FB_TRY_EXCEPT:
        ADDOP(TN_POP_BLOCK);
        return 0;
    case FB_FINALLY_TRY: {
        ADDOP(TN_POP_BLOCK);
        if (preserve_tos)
            TRY(tn_c_push_fblock(c, (TnLoc){0, 0, 0, 0}, FB_POP_VALUE, NULL, NULL, NULL));
        int saved = c->u->lineno;
        TRY(stmts(c, (TnStmtSeq *)f->datum));
        c->u->lineno = saved;
        if (preserve_tos)
            tn_c_pop_fblock(c);
        return 0;
    }
    case FB_FINALLY_END:
        /* Stack: [prev, exc, (value)]. */
        if (preserve_tos)
            ADDOP(TN_ROT_TWO);
        ADDOP(TN_POP_TOP);
        if (preserve_tos)
            ADDOP(TN_ROT_TWO);
        ADDOP(TN_POP_EXCEPT);
        return 0;
    case FB_WITH: case FB_ASYNC_WITH:
        /* Stack: [exit, (value)]; call exit(None, None, None). */
        ADDOP(TN_POP_BLOCK);
        if (preserve_tos)
            ADDOP(TN_ROT_TWO);
        TRY(tn_c_load_none(c));
        ADDOP(TN_DUP_TOP);
        ADDOP(TN_DUP_TOP);
        ADDOP_I(TN_CALL_FUNCTION, 3);
        if (f->type == FB_ASYNC_WITH)
            TRY(await_tos(c, 2));
        ADDOP(TN_POP_TOP);
        return 0;
    case FB_HANDLER_CLEANUP:
        /* Stack: [prev, (value)]. */
        if (f->datum)
            ADDOP(TN_POP_BLOCK);
        if (preserve_tos)
            ADDOP(TN_ROT_TWO);
        ADDOP(TN_POP_EXCEPT);
        if (f->datum) {
            TRY(tn_c_load_none(c));
            TRY(tn_c_nameop(c, (const char *)f->datum, TN_CTX_STORE));
            TRY(tn_c_nameop(c, (const char *)f->datum, TN_CTX_DEL));
        }
        return 0;
    case FB_POP_VALUE:
        if (preserve_tos)
            ADDOP(TN_ROT_TWO);
        ADDOP(TN_POP_TOP);
        return 0;
    }
    return 0;
}

int tn_c_unwind_fblock_stack(TnCompiler *c, int preserve_tos, TnFBlock **loop)
{
    TnUnit *u = c->u;
    if (u->nfb == 0)
        return 0;
    TnFBlock *top = &u->fb[u->nfb - 1];
    if (loop && (top->type == FB_WHILE || top->type == FB_FOR)) {
        *loop = top;
        return 0;
    }
    TnFBlock copy = *top;
    u->nfb--;
    if (unwind_fblock(c, &copy, preserve_tos) < 0 ||
        tn_c_unwind_fblock_stack(c, preserve_tos, loop) < 0) {
        u->fb[u->nfb++] = copy;
        return -1;
    }
    u->fb[u->nfb++] = copy;
    return 0;
}

static int compile_return(TnCompiler *c, TnStmt *s)
{
    TnExpr *v = s->v.ret.value;
    if (v && c->u->ste->is_coroutine && c->u->ste->is_generator)
        return tn_c_error(c, s->loc, "'return' with value in async generator");
    int preserve_tos = v && v->kind != TN_EXPR_CONSTANT;
    if (preserve_tos)
        TRY(tn_c_expr(c, v));
    TRY(tn_c_unwind_fblock_stack(c, preserve_tos, NULL));
    c->u->lineno = s->loc.lineno;
    if (!v)
        TRY(tn_c_load_none(c));
    else if (!preserve_tos)
        TRY(tn_c_expr(c, v));
    ADDOP(TN_RETURN_VALUE);
    return tn_c_next_block(c);
}

static int compile_break_continue(TnCompiler *c, TnStmt *s, int is_break)
{
    TnFBlock *loop = NULL;
    TRY(tn_c_unwind_fblock_stack(c, 0, &loop));
    if (!loop)
        return tn_c_error(c, s->loc, is_break ? "'break' outside loop"
                                              : "'continue' not properly in loop");
    c->u->lineno = s->loc.lineno;
    if (is_break) {
        TRY(unwind_fblock(c, loop, 0));
        JUMP(TN_JUMP_ABSOLUTE, loop->exit);
    } else {
        JUMP(TN_JUMP_ABSOLUTE, loop->block);
    }
    return tn_c_next_block(c);
}

static int compile_if(TnCompiler *c, TnStmt *s)
{
    NEW_BLOCK(end);
    TnBlock *next = end;
    if (s->v.if_.orelse.n) {
        next = tn_c_new_block(c);
        if (!next)
            return -1;
    }
    TRY(tn_c_jump_if(c, s->v.if_.test, next, 0));
    TRY(stmts(c, &s->v.if_.body));
    if (s->v.if_.orelse.n) {
        JUMP(TN_JUMP_ABSOLUTE, end);
        USE(next);
        TRY(stmts(c, &s->v.if_.orelse));
    }
    USE(end);
    return 0;
}

/* `while True:` and `while 1:` need no test (CPython folds them too). */
static int is_const_true(TnExpr *e)
{
    if (e->kind != TN_EXPR_CONSTANT)
        return 0;
    if (e->v.constant.kind == TN_CONST_TRUE)
        return 1;
    if (e->v.constant.kind != TN_CONST_INT || !e->v.constant.text)
        return 0;
    const char *t = e->v.constant.text;
    int nonzero = 0;
    for (; *t; t++) {
        if (*t < '0' || *t > '9')
            return 0;   /* 0x.., 0o.., 0b..: not worth decoding here */
        if (*t != '0')
            nonzero = 1;
    }
    return nonzero;
}

/* The test is compiled twice, at the top and (as a backward conditional
 * jump) at the bottom, so an iteration runs one jump instead of two
 * (CPython 3.10's loop inversion). `continue` goes to the top test. */
static int compile_while(TnCompiler *c, TnStmt *s)
{
    NEW_BLOCK(loop);
    NEW_BLOCK(body);
    NEW_BLOCK(anchor);
    NEW_BLOCK(end);
    int forever = is_const_true(s->v.while_.test);
    USE(loop);
    TRY(tn_c_push_fblock(c, s->loc, FB_WHILE, loop, end, NULL));
    if (!forever)
        TRY(tn_c_jump_if(c, s->v.while_.test, anchor, 0));
    USE(body);
    TRY(stmts(c, &s->v.while_.body));
    c->u->lineno = s->loc.lineno;
    if (forever)
        JUMP(TN_JUMP_ABSOLUTE, body);
    else
        TRY(tn_c_jump_if(c, s->v.while_.test, body, 1));
    tn_c_pop_fblock(c);
    USE(anchor);
    TRY(stmts(c, &s->v.while_.orelse));
    USE(end);
    return 0;
}

static int compile_for(TnCompiler *c, TnStmt *s)
{
    NEW_BLOCK(start);
    NEW_BLOCK(cleanup);
    NEW_BLOCK(end);
    TRY(tn_c_expr(c, s->v.for_.iter));
    ADDOP(TN_GET_ITER);
    USE(start);
    TRY(tn_c_push_fblock(c, s->loc, FB_FOR, start, end, NULL));
    c->u->lineno = s->loc.lineno;
    JUMP(TN_FOR_ITER, cleanup);
    TRY(tn_c_next_block(c));
    TRY(tn_c_assign_target(c, s->v.for_.target));
    TRY(stmts(c, &s->v.for_.body));
    c->u->lineno = s->loc.lineno;
    JUMP(TN_JUMP_ABSOLUTE, start);
    tn_c_pop_fblock(c);
    USE(cleanup);
    TRY(stmts(c, &s->v.for_.orelse));
    USE(end);
    return 0;
}

/* The SETUP_FINALLY guards only the __anext__ await: StopAsyncIteration
 * from the body must propagate, as in CPython. */
static int compile_async_for(TnCompiler *c, TnStmt *s)
{
    NEW_BLOCK(start);
    NEW_BLOCK(except);
    NEW_BLOCK(end);
    TRY(tn_c_expr(c, s->v.for_.iter));
    c->u->lineno = s->loc.lineno;
    ADDOP(TN_GET_AITER);
    USE(start);
    TRY(tn_c_push_fblock(c, s->loc, FB_FOR, start, end, NULL));
    c->u->lineno = s->loc.lineno;
    JUMP(TN_SETUP_FINALLY, except);
    ADDOP(TN_GET_ANEXT);
    TRY(tn_c_load_none(c));
    ADDOP(TN_YIELD_FROM);
    ADDOP(TN_POP_BLOCK);
    TRY(tn_c_assign_target(c, s->v.for_.target));
    TRY(stmts(c, &s->v.for_.body));
    c->u->lineno = s->loc.lineno;
    JUMP(TN_JUMP_ABSOLUTE, start);
    tn_c_pop_fblock(c);
    USE(except);
    ADDOP(TN_END_ASYNC_FOR);
    TRY(stmts(c, &s->v.for_.orelse));
    USE(end);
    return 0;
}

static int compile_try_finally(TnCompiler *c, TnStmt *s);
static int compile_try_except(TnCompiler *c, TnStmt *s);

static int compile_try(TnCompiler *c, TnStmt *s)
{
    if (s->v.try_.finalbody.n)
        return compile_try_finally(c, s);
    return compile_try_except(c, s);
}

static int compile_try_finally(TnCompiler *c, TnStmt *s)
{
    NEW_BLOCK(body);
    NEW_BLOCK(end);
    NEW_BLOCK(exit);
    JUMP(TN_SETUP_FINALLY, end);
    USE(body);
    TRY(tn_c_push_fblock(c, s->loc, FB_FINALLY_TRY, body, end, &s->v.try_.finalbody));
    if (s->v.try_.handlers.n)
        TRY(compile_try_except(c, s));
    else
        TRY(stmts(c, &s->v.try_.body));
    ADDOP(TN_POP_BLOCK);
    tn_c_pop_fblock(c);
    TRY(stmts(c, &s->v.try_.finalbody));
    JUMP(TN_JUMP_ABSOLUTE, exit);
    /* The exceptional path: [prev, exc]. */
    USE(end);
    TRY(tn_c_push_fblock(c, s->loc, FB_FINALLY_END, end, NULL, NULL));
    TRY(stmts(c, &s->v.try_.finalbody));
    tn_c_pop_fblock(c);
    ADDOP_I(TN_RERAISE, 0);
    USE(exit);
    return 0;
}

static int compile_try_except(TnCompiler *c, TnStmt *s)
{
    NEW_BLOCK(body);
    NEW_BLOCK(except);
    NEW_BLOCK(orelse);
    NEW_BLOCK(end);
    JUMP(TN_SETUP_FINALLY, except);
    USE(body);
    TRY(tn_c_push_fblock(c, s->loc, FB_TRY_EXCEPT, body, NULL, NULL));
    TRY(stmts(c, &s->v.try_.body));
    tn_c_pop_fblock(c);
    ADDOP(TN_POP_BLOCK);
    JUMP(TN_JUMP_ABSOLUTE, orelse);
    TnHandlerSeq *hs = &s->v.try_.handlers;
    USE(except);
    TRY(tn_c_push_fblock(c, s->loc, FB_EXCEPTION_HANDLER, NULL, NULL, NULL));
    for (int i = 0; i < hs->n; i++) {
        TnExceptHandler *h = hs->items[i];
        c->u->lineno = h->loc.lineno;
        if (!h->type && i < hs->n - 1)
            return tn_c_error(c, h->loc, "default 'except:' must be last");
        NEW_BLOCK(next);
        if (h->type) {
            ADDOP(TN_DUP_TOP);
            TRY(tn_c_expr(c, h->type));
            JUMP(TN_JUMP_IF_NOT_EXC_MATCH, next);
        }
        if (h->name) {
            NEW_BLOCK(cleanup_end);
            NEW_BLOCK(cleanup_body);
            TRY(tn_c_nameop(c, h->name, TN_CTX_STORE));   /* [prev] */
            JUMP(TN_SETUP_FINALLY, cleanup_end);
            USE(cleanup_body);
            TRY(tn_c_push_fblock(c, h->loc, FB_HANDLER_CLEANUP, cleanup_body, NULL, h->name));
            TRY(stmts(c, &h->body));
            tn_c_pop_fblock(c);
            ADDOP(TN_POP_BLOCK);
            ADDOP(TN_POP_EXCEPT);
            TRY(tn_c_load_none(c));
            TRY(tn_c_nameop(c, h->name, TN_CTX_STORE));
            TRY(tn_c_nameop(c, h->name, TN_CTX_DEL));
            JUMP(TN_JUMP_ABSOLUTE, end);
            /* An exception inside the handler: [prev, exc(as prev), exc2]. */
            USE(cleanup_end);
            TRY(tn_c_load_none(c));
            TRY(tn_c_nameop(c, h->name, TN_CTX_STORE));
            TRY(tn_c_nameop(c, h->name, TN_CTX_DEL));
            ADDOP_I(TN_RERAISE, 1);
        } else {
            NEW_BLOCK(cleanup_body);
            ADDOP(TN_POP_TOP);                            /* [prev] */
            USE(cleanup_body);
            TRY(tn_c_push_fblock(c, h->loc, FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL));
            TRY(stmts(c, &h->body));
            tn_c_pop_fblock(c);
            ADDOP(TN_POP_EXCEPT);
            JUMP(TN_JUMP_ABSOLUTE, end);
        }
        USE(next);
    }
    /* No handler matched: [prev, exc]. */
    tn_c_pop_fblock(c);
    ADDOP_I(TN_RERAISE, 0);
    USE(orelse);
    TRY(stmts(c, &s->v.try_.orelse));
    USE(end);
    return 0;
}

static int compile_with(TnCompiler *c, TnStmt *s, int pos)
{
    TnWithItem *item = s->v.with.items.items[pos];
    NEW_BLOCK(block);
    NEW_BLOCK(final);
    NEW_BLOCK(exit);
    TRY(tn_c_expr(c, item->context_expr));
    c->u->lineno = s->loc.lineno;
    JUMP(TN_SETUP_WITH, final);
    USE(block);
    TRY(tn_c_push_fblock(c, s->loc, FB_WITH, block, final, NULL));
    if (item->optional_vars)
        TRY(tn_c_assign_target(c, item->optional_vars));
    else
        ADDOP(TN_POP_TOP);
    if (pos + 1 == s->v.with.items.n)
        TRY(stmts(c, &s->v.with.body));
    else
        TRY(compile_with(c, s, pos + 1));
    tn_c_pop_fblock(c);
    ADDOP(TN_POP_BLOCK);
    c->u->lineno = s->loc.lineno;
    TRY(tn_c_load_none(c));
    ADDOP(TN_DUP_TOP);
    ADDOP(TN_DUP_TOP);
    ADDOP_I(TN_CALL_FUNCTION, 3);
    ADDOP(TN_POP_TOP);
    JUMP(TN_JUMP_ABSOLUTE, exit);
    /* Exceptional exit: [exit, prev, exc]. */
    USE(final);
    NEW_BLOCK(suppress);
    ADDOP(TN_WITH_EXCEPT_START);
    JUMP(TN_POP_JUMP_IF_TRUE, suppress);
    ADDOP_I(TN_RERAISE, 1);
    USE(suppress);
    ADDOP(TN_POP_TOP);
    ADDOP(TN_POP_EXCEPT);
    ADDOP(TN_POP_TOP);
    USE(exit);
    return 0;
}

/* compile_with with the enter and exit results awaited. */
static int compile_async_with(TnCompiler *c, TnStmt *s, int pos)
{
    TnWithItem *item = s->v.with.items.items[pos];
    NEW_BLOCK(block);
    NEW_BLOCK(final);
    NEW_BLOCK(exit);
    TRY(tn_c_expr(c, item->context_expr));
    c->u->lineno = s->loc.lineno;
    ADDOP(TN_BEFORE_ASYNC_WITH);
    TRY(await_tos(c, 1));
    JUMP(TN_SETUP_ASYNC_WITH, final);
    USE(block);
    TRY(tn_c_push_fblock(c, s->loc, FB_ASYNC_WITH, block, final, NULL));
    if (item->optional_vars)
        TRY(tn_c_assign_target(c, item->optional_vars));
    else
        ADDOP(TN_POP_TOP);
    if (pos + 1 == s->v.with.items.n)
        TRY(stmts(c, &s->v.with.body));
    else
        TRY(compile_async_with(c, s, pos + 1));
    tn_c_pop_fblock(c);
    ADDOP(TN_POP_BLOCK);
    c->u->lineno = s->loc.lineno;
    TRY(tn_c_load_none(c));
    ADDOP(TN_DUP_TOP);
    ADDOP(TN_DUP_TOP);
    ADDOP_I(TN_CALL_FUNCTION, 3);
    TRY(await_tos(c, 2));
    ADDOP(TN_POP_TOP);
    JUMP(TN_JUMP_ABSOLUTE, exit);
    /* Exceptional exit: [exit, prev, exc]. */
    USE(final);
    NEW_BLOCK(suppress);
    ADDOP(TN_WITH_EXCEPT_START);
    TRY(await_tos(c, 2));
    JUMP(TN_POP_JUMP_IF_TRUE, suppress);
    ADDOP_I(TN_RERAISE, 1);
    USE(suppress);
    ADDOP(TN_POP_TOP);
    ADDOP(TN_POP_EXCEPT);
    ADDOP(TN_POP_TOP);
    USE(exit);
    return 0;
}

static int compile_raise(TnCompiler *c, TnStmt *s)
{
    int n = 0;
    if (s->v.raise.exc) {
        TRY(tn_c_expr(c, s->v.raise.exc));
        n++;
        if (s->v.raise.cause) {
            TRY(tn_c_expr(c, s->v.raise.cause));
            n++;
        }
    }
    c->u->lineno = s->loc.lineno;
    ADDOP_I(TN_RAISE_VARARGS, n);
    return tn_c_next_block(c);
}

static int compile_assert(TnCompiler *c, TnStmt *s)
{
    NEW_BLOCK(end);
    TRY(tn_c_jump_if(c, s->v.assert_.test, end, 1));
    ADDOP(TN_LOAD_ASSERTION_ERROR);
    if (s->v.assert_.msg) {
        TRY(tn_c_expr(c, s->v.assert_.msg));
        ADDOP_I(TN_CALL_FUNCTION, 1);
    }
    ADDOP_I(TN_RAISE_VARARGS, 1);
    USE(end);
    return 0;
}

static int compile_import(TnCompiler *c, TnStmt *s)
{
    TnAliasSeq *names = &s->v.import.names;
    for (int i = 0; i < names->n; i++) {
        TnAlias *a = names->items[i];
        TRY(tn_c_load_const(c, tn_int_from_i64(0)));
        TRY(tn_c_load_none(c));
        TRY(tn_c_addop_name(c, TN_IMPORT_NAME, a->name, 0));
        const char *dot = strchr(a->name, '.');
        if (a->asname) {
            if (dot) {
                /* import a.b.c as d: walk the attributes with IMPORT_FROM. */
                const char *p = dot + 1;
                for (;;) {
                    const char *q = strchr(p, '.');
                    size_t n = q ? (size_t)(q - p) : strlen(p);
                    const char *attr = tn_arena_strndup(c->arena, p, n);
                    if (!attr)
                        return -1;
                    TRY(tn_c_addop_name(c, TN_IMPORT_FROM, attr, 0));
                    if (!q)
                        break;
                    ADDOP(TN_ROT_TWO);
                    ADDOP(TN_POP_TOP);
                    p = q + 1;
                }
                TRY(tn_c_nameop(c, a->asname, TN_CTX_STORE));
                ADDOP(TN_POP_TOP);
            } else {
                TRY(tn_c_nameop(c, a->asname, TN_CTX_STORE));
            }
        } else {
            const char *store = a->name;
            if (dot) {
                store = tn_arena_strndup(c->arena, a->name, (size_t)(dot - a->name));
                if (!store)
                    return -1;
            }
            TRY(tn_c_nameop(c, store, TN_CTX_STORE));
        }
    }
    return 0;
}

static int compile_importfrom(TnCompiler *c, TnStmt *s)
{
    TnAliasSeq *names = &s->v.importfrom.names;
    TRY(tn_c_load_const(c, tn_int_from_i64(s->v.importfrom.level)));
    TnObject *fromlist = tn_tuple_new(names->n);
    if (!fromlist)
        return -1;
    for (int i = 0; i < names->n; i++) {
        TnObject *n = tn_c_str(c, names->items[i]->name);
        if (!n) {
            for (int k = i; k < names->n; k++)
                TN_TUPLE_SET(fromlist, k, tn_newref(tn_None));
            TN_DECREF(fromlist);
            return -1;
        }
        TN_TUPLE_SET(fromlist, i, n);
    }
    TRY(tn_c_load_const(c, fromlist));
    TRY(tn_c_addop_name(c, TN_IMPORT_NAME, s->v.importfrom.module ? s->v.importfrom.module : "", 0));
    for (int i = 0; i < names->n; i++) {
        TnAlias *a = names->items[i];
        if (strcmp(a->name, "*") == 0) {
            ADDOP(TN_IMPORT_STAR);
            return 0;
        }
        TRY(tn_c_addop_name(c, TN_IMPORT_FROM, a->name, 0));
        TRY(tn_c_nameop(c, a->asname ? a->asname : a->name, TN_CTX_STORE));
    }
    ADDOP(TN_POP_TOP);
    return 0;
}

/* Evaluate the parts of a non-simple annotation target (CPython's
 * check_ann_expr): `a.b: int` evaluates `a`, `a[i]: int` evaluates a and i. */
static int check_ann_target(TnCompiler *c, TnExpr *t)
{
    if (t->kind == TN_EXPR_ATTRIBUTE) {
        TRY(tn_c_expr(c, t->v.attribute.value));
        ADDOP(TN_POP_TOP);
    } else if (t->kind == TN_EXPR_SUBSCRIPT) {
        TRY(tn_c_expr(c, t->v.subscript.value));
        ADDOP(TN_POP_TOP);
        TRY(tn_c_expr(c, t->v.subscript.slice));
        ADDOP(TN_POP_TOP);
    }
    return 0;
}

static int compile_annassign(TnCompiler *c, TnStmt *s)
{
    TnExpr *t = s->v.annassign.target;
    if (s->v.annassign.value) {
        TRY(tn_c_expr(c, s->v.annassign.value));
        TRY(tn_c_assign_target(c, t));
    }
    int module_or_class = c->u->ste->kind != BLOCK_FUNCTION;
    if (t->kind == TN_EXPR_NAME) {
        if (s->v.annassign.simple && module_or_class) {
            if (c->flags & TN_CF_FUTURE_ANNOTATIONS) {
                char *text = tn_c_unparse(c, s->v.annassign.annotation);
                if (!text)
                    return -1;
                TnObject *str = tn_str_from_cstr(text);
                tn_mem_free(text);
                TRY(tn_c_load_const(c, str));
            } else {
                TRY(tn_c_expr(c, s->v.annassign.annotation));
            }
            TRY(tn_c_nameop(c, "__annotations__", TN_CTX_LOAD));
            TRY(tn_c_load_const(c, tn_c_str(c, tn_c_mangle(c, t->v.name.id))));
            ADDOP(TN_STORE_SUBSCR);
        }
        return 0;
    }
    if (!s->v.annassign.value)
        TRY(check_ann_target(c, t));
    if (module_or_class && !(c->flags & TN_CF_FUTURE_ANNOTATIONS)) {
        TRY(tn_c_expr(c, s->v.annassign.annotation));
        ADDOP(TN_POP_TOP);
    }
    return 0;
}

static int compile_augassign(TnCompiler *c, TnStmt *s)
{
    TnExpr *t = s->v.augassign.target;
    int op = (int)s->v.augassign.op + TN_BINOP_INPLACE;
    switch (t->kind) {
    case TN_EXPR_NAME:
        TRY(tn_c_nameop(c, t->v.name.id, TN_CTX_LOAD));
        TRY(tn_c_expr(c, s->v.augassign.value));
        c->u->lineno = s->loc.lineno;
        ADDOP_I(TN_BINARY_OP, op);
        return tn_c_nameop(c, t->v.name.id, TN_CTX_STORE);
    case TN_EXPR_ATTRIBUTE:
        TRY(tn_c_expr(c, t->v.attribute.value));
        ADDOP(TN_DUP_TOP);
        TRY(tn_c_addop_name(c, TN_LOAD_ATTR, t->v.attribute.attr, 1));
        TRY(tn_c_expr(c, s->v.augassign.value));
        c->u->lineno = s->loc.lineno;
        ADDOP_I(TN_BINARY_OP, op);
        ADDOP(TN_ROT_TWO);
        return tn_c_addop_name(c, TN_STORE_ATTR, t->v.attribute.attr, 1);
    case TN_EXPR_SUBSCRIPT:
        TRY(tn_c_expr(c, t->v.subscript.value));
        TRY(tn_c_expr(c, t->v.subscript.slice));
        ADDOP(TN_DUP_TOP_TWO);
        ADDOP(TN_BINARY_SUBSCR);
        TRY(tn_c_expr(c, s->v.augassign.value));
        c->u->lineno = s->loc.lineno;
        ADDOP_I(TN_BINARY_OP, op);
        ADDOP(TN_ROT_THREE);
        ADDOP(TN_STORE_SUBSCR);
        return 0;
    default:
        return tn_c_error(c, t->loc, "'%s' is an illegal expression for augmented assignment",
                          t->kind == TN_EXPR_TUPLE ? "tuple" : t->kind == TN_EXPR_LIST ? "list" : "expression");
    }
}

static int compile_delete_target(TnCompiler *c, TnExpr *t)
{
    switch (t->kind) {
    case TN_EXPR_NAME:
        return tn_c_nameop(c, t->v.name.id, TN_CTX_DEL);
    case TN_EXPR_ATTRIBUTE:
        TRY(tn_c_expr(c, t->v.attribute.value));
        return tn_c_addop_name(c, TN_DELETE_ATTR, t->v.attribute.attr, 1);
    case TN_EXPR_SUBSCRIPT:
        TRY(tn_c_expr(c, t->v.subscript.value));
        TRY(tn_c_expr(c, t->v.subscript.slice));
        ADDOP(TN_DELETE_SUBSCR);
        return 0;
    case TN_EXPR_TUPLE: case TN_EXPR_LIST:
        for (int i = 0; i < t->v.list.elts.n; i++)
            TRY(compile_delete_target(c, t->v.list.elts.items[i]));
        return 0;
    default:
        return tn_c_error(c, t->loc, "cannot delete expression");
    }
}

static int stmt_inner(TnCompiler *c, TnStmt *s);

int tn_c_stmt(TnCompiler *c, TnStmt *s)
{
    if (tn_c_enter(&c->depth) < 0)
        return -1;
    int r = stmt_inner(c, s);
    c->depth--;
    return r;
}

static int stmt_inner(TnCompiler *c, TnStmt *s)
{
    c->u->lineno = s->loc.lineno;
    switch (s->kind) {
    case TN_STMT_FUNCTIONDEF:
        return tn_c_function(c, s);
    case TN_STMT_CLASSDEF:
        return tn_c_class(c, s);
    case TN_STMT_RETURN:
        if (c->u->ste->kind != BLOCK_FUNCTION)
            return tn_c_error(c, s->loc, "'return' outside function");
        return compile_return(c, s);
    case TN_STMT_DELETE:
        for (int i = 0; i < s->v.del.targets.n; i++)
            TRY(compile_delete_target(c, s->v.del.targets.items[i]));
        return 0;
    case TN_STMT_ASSIGN: {
        TnExprSeq *ts = &s->v.assign.targets;
        TRY(tn_c_expr(c, s->v.assign.value));
        for (int i = 0; i < ts->n; i++) {
            if (i < ts->n - 1)
                ADDOP(TN_DUP_TOP);
            TRY(tn_c_assign_target(c, ts->items[i]));
        }
        return 0;
    }
    case TN_STMT_AUGASSIGN: return compile_augassign(c, s);
    case TN_STMT_ANNASSIGN: return compile_annassign(c, s);
    case TN_STMT_FOR: return compile_for(c, s);
    case TN_STMT_WHILE: return compile_while(c, s);
    case TN_STMT_IF: return compile_if(c, s);
    case TN_STMT_WITH: return compile_with(c, s, 0);
    case TN_STMT_RAISE: return compile_raise(c, s);
    case TN_STMT_TRY: return compile_try(c, s);
    case TN_STMT_ASSERT: return compile_assert(c, s);
    case TN_STMT_IMPORT: return compile_import(c, s);
    case TN_STMT_IMPORTFROM: return compile_importfrom(c, s);
    case TN_STMT_GLOBAL: case TN_STMT_NONLOCAL: case TN_STMT_PASS:
        return 0;
    case TN_STMT_EXPR: {
        TnExpr *v = s->v.expr.value;
        if (c->interactive && c->u->parent == NULL) {
            TRY(tn_c_expr(c, v));
            ADDOP(TN_PRINT_EXPR);
            return 0;
        }
        if (v->kind == TN_EXPR_CONSTANT)
            return 0;   /* a bare constant (e.g. a string used as a comment) does nothing */
        TRY(tn_c_expr(c, v));
        ADDOP(TN_POP_TOP);
        return 0;
    }
    case TN_STMT_BREAK: return compile_break_continue(c, s, 1);
    case TN_STMT_CONTINUE: return compile_break_continue(c, s, 0);
    case TN_STMT_ASYNCFUNCTIONDEF:
        return tn_c_function(c, s);
    case TN_STMT_ASYNCFOR:
        return compile_async_for(c, s);
    case TN_STMT_ASYNCWITH:
        return compile_async_with(c, s, 0);
    }
    return 0;
}
