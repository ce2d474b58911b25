/* Assembly: stack depth by flow analysis over the basic blocks (every
 * effect comes from the opcode table), jump resolution with EXTENDED_ARG
 * (iterated to a fixed point), the line table, and the code object. */
#include <string.h>
#include "compile_internal.h"
#include "tandem/abstract.h"
#include "tandem/error.h"
#include "tandem/str.h"
#include "tandem/tuple.h"

static int is_jump(int op) { return tn_opcode_argkind[op] == TN_ARG_JUMP; }

/* Instructions after which control never falls through. */
static int is_terminal(int op)
{
    return op == TN_RETURN_VALUE || op == TN_RAISE_VARARGS || op == TN_RERAISE ||
           op == TN_JUMP_ABSOLUTE;
}

static int instr_size(int arg)
{
    return arg <= 0xff ? 1 : arg <= 0xffff ? 2 : arg <= 0xffffff ? 3 : 4;
}

static int push_block(TnBlock ***stack, int *n, int *cap, TnBlock *b, int depth)
{
    if (b->depth >= 0) {
        if (b->depth != depth) {
            tn_err_format(&tn_exc_SystemError,
                          "compiler: inconsistent stack depth at a jump target (%d vs %d)",
                          b->depth, depth);
            return -1;
        }
        return 0;
    }
    b->depth = depth;
    if (*n == *cap) {
        int nc = *cap ? *cap * 2 : 16;
        TnBlock **ns = tn_mem_realloc(*stack, (size_t)nc * sizeof *ns);
        if (!ns)
            return -1;
        *stack = ns;
        *cap = nc;
    }
    (*stack)[(*n)++] = b;
    return 0;
}

static int stack_depth(TnUnit *u)
{
    TnBlock **stack = NULL;
    int n = 0, cap = 0, maxdepth = 0;
    for (TnBlock *b = u->blocks; b; b = b->alloc_next)
        b->depth = -1;
    if (push_block(&stack, &n, &cap, u->entry, 0) < 0)
        goto error;
    while (n > 0) {
        TnBlock *b = stack[--n];
        int depth = b->depth, fallthrough = 1;
        for (int i = 0; i < b->n; i++) {
            TnInstr *in = &b->ins[i];
            if (is_jump(in->op)) {
                int tdepth = depth + tn_opcode_stack_effect(in->op, in->arg, 1);
                if (tdepth < 0)
                    goto negative;
                if (tdepth > maxdepth)
                    maxdepth = tdepth;
                if (push_block(&stack, &n, &cap, in->target, tdepth) < 0)
                    goto error;
            }
            depth += tn_opcode_stack_effect(in->op, in->arg, 0);
            if (depth < 0)
                goto negative;
            if (depth > maxdepth)
                maxdepth = depth;
            if (is_terminal(in->op)) {
                fallthrough = 0;
                break;
            }
        }
        if (fallthrough && b->next && push_block(&stack, &n, &cap, b->next, depth) < 0)
            goto error;
    }
    tn_mem_free(stack);
    return maxdepth;
negative:
    tn_err_format(&tn_exc_SystemError, "compiler: negative stack depth in %s", u->name);
error:
    tn_mem_free(stack);
    return -1;
}

static TnObject *names_tuple(TnNameTab *t)
{
    TnObject *tup = tn_tuple_new(t->n);
    if (!tup)
        return NULL;
    for (int i = 0; i < t->n; i++) {
        TnObject *s = tn_str_from_utf8(t->s[i], (tn_ssize_t)strlen(t->s[i]));
        if (s)
            s = tn_str_intern(s);
        if (!s) {
            for (int k = i; k < t->n; k++)
                TN_TUPLE_SET(tup, k, tn_newref(tn_None));
            TN_DECREF(tup);
            return NULL;
        }
        TN_TUPLE_SET(tup, i, s);
    }
    return tup;
}

/* Mark the blocks control can reach from the entry (on_stack = 1). */
static int mark_reachable(TnUnit *u)
{
    TnBlock **stack = NULL;
    int n = 0, cap = 0;
    for (TnBlock *b = u->blocks; b; b = b->alloc_next)
        b->on_stack = 0;
#define VISIT(b) do { TnBlock *_b = (b); if (!_b->on_stack) { _b->on_stack = 1; \
        if (n == cap) { int nc = cap ? cap * 2 : 16; \
            TnBlock **ns = tn_mem_realloc(stack, (size_t)nc * sizeof *ns); \
            if (!ns) { tn_mem_free(stack); return -1; } stack = ns; cap = nc; } \
        stack[n++] = _b; } } while (0)
    VISIT(u->entry);
    while (n > 0) {
        TnBlock *b = stack[--n];
        int fallthrough = 1;
        for (int i = 0; i < b->n; i++) {
            if (is_jump(b->ins[i].op))
                VISIT(b->ins[i].target);
            if (is_terminal(b->ins[i].op)) {
                fallthrough = 0;
                break;
            }
        }
        if (fallthrough && b->next)
            VISIT(b->next);
    }
#undef VISIT
    tn_mem_free(stack);
    return 0;
}

TnObject *tn_c_assemble(TnCompiler *c, int addnone)
{
    TnUnit *u = c->u;
    TnBlock *last = u->cur;
    /* Code after a return/raise/jump is dropped, as CPython's optimizer
     * does, and the implicit `return None` is only added where control
     * can fall off the end. */
    if (mark_reachable(u) < 0)
        return NULL;
    for (TnBlock *b = u->blocks; b; b = b->alloc_next)
        if (!b->on_stack)
            b->n = 0;
    if (last->on_stack && (last->n == 0 || last->ins[last->n - 1].op != TN_RETURN_VALUE)) {
        if (addnone && tn_c_load_none(c) < 0)
            return NULL;
        if (tn_c_addop(c, TN_RETURN_VALUE, 0) < 0)
            return NULL;
    }
    int maxdepth = stack_depth(u);
    if (maxdepth < 0)
        return NULL;

    /* Offsets: sizes depend on jump targets' offsets; repeat until stable. */
    int changed = 1, total = 0;
    for (TnBlock *b = u->blocks; b; b = b->alloc_next)
        b->offset = -1;          /* blocks left out of the layout stay -1 */
    for (TnBlock *b = u->entry; b; b = b->next)
        b->offset = 0;
    for (TnBlock *b = u->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (is_jump(b->ins[i].op) && b->ins[i].target->offset < 0) {
                tn_err_format(&tn_exc_SystemError, "compiler: jump to a block outside the layout in %s",
                              u->name);
                return NULL;
            }
    while (changed) {
        changed = 0;
        total = 0;
        for (TnBlock *b = u->entry; b; b = b->next) {
            if (b->offset != total)
                changed = 1;
            b->offset = total;
            for (int i = 0; i < b->n; i++) {
                TnInstr *in = &b->ins[i];
                total += instr_size(is_jump(in->op) ? in->target->offset : in->arg);
            }
        }
    }
    uint16_t *code = tn_mem_alloc((size_t)(total ? total : 1) * sizeof *code);
    int *lines = tn_mem_alloc((size_t)(total ? total : 1) * sizeof *lines);
    TnObject *consts = NULL, *names = NULL, *varnames = NULL, *cellvars = NULL,
             *freevars = NULL, *name = NULL, *qualname = NULL, *filename = NULL, *co = NULL;
    int *cell2arg = NULL;
    if (!code || !lines)
        goto done;
    int pos = 0;
    for (TnBlock *b = u->entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            TnInstr *in = &b->ins[i];
            unsigned arg = (unsigned)(is_jump(in->op) ? in->target->offset : in->arg);
            int size = instr_size((int)arg);
            int line = in->lineno > 0 ? in->lineno : 0;
            for (int k = size - 1; k > 0; k--) {
                code[pos] = (uint16_t)(TN_EXTENDED_ARG | (((arg >> (8 * k)) & 0xff) << 8));
                lines[pos++] = line;
            }
            code[pos] = (uint16_t)(in->op | ((arg & 0xff) << 8));
            lines[pos++] = line;
        }
    }

    consts = tn_tuple_new(u->nconsts);
    if (!consts)
        goto done;
    for (int i = 0; i < u->nconsts; i++)
        TN_TUPLE_SET(consts, i, tn_newref(u->consts[i]));
    names = names_tuple(&u->names);
    varnames = names_tuple(&u->varnames);
    cellvars = names_tuple(&u->cellvars);
    freevars = names_tuple(&u->freevars);
    name = tn_c_str(c, u->name);
    qualname = tn_str_from_cstr(u->qualname);
    filename = tn_str_from_cstr(c->filename);
    if (!names || !varnames || !cellvars || !freevars || !name || !qualname || !filename)
        goto done;

    int flags = u->extra_flags;
    if (u->ste->kind == BLOCK_FUNCTION) {
        flags |= TN_CO_OPTIMIZED | TN_CO_NEWLOCALS;
        if (u->ste->is_nested)
            flags |= TN_CO_NESTED;
        if (u->ste->is_coroutine && u->ste->is_generator)
            flags |= TN_CO_ASYNC_GENERATOR;
        else if (u->ste->is_coroutine)
            flags |= TN_CO_COROUTINE;
        else if (u->ste->is_generator)
            flags |= TN_CO_GENERATOR;
    }
    if (c->flags & TN_CF_FUTURE_ANNOTATIONS)
        flags |= TN_CO_FUTURE_ANNOTATIONS;
    int nargs = u->argcount + u->kwonly + ((flags & TN_CO_VARARGS) ? 1 : 0) +
                ((flags & TN_CO_VARKEYWORDS) ? 1 : 0);
    if (u->cellvars.n) {
        int any = 0;
        cell2arg = tn_mem_alloc((size_t)u->cellvars.n * sizeof *cell2arg);
        if (!cell2arg)
            goto done;
        for (int i = 0; i < u->cellvars.n; i++) {
            cell2arg[i] = -1;
            for (int a = 0; a < nargs && a < u->varnames.n; a++)
                if (strcmp(u->cellvars.s[i], u->varnames.s[a]) == 0) {
                    cell2arg[i] = a;
                    any = 1;
                }
        }
        if (!any) {
            tn_mem_free(cell2arg);
            cell2arg = NULL;
        }
    }
    co = tn_code_new(u->argcount, u->posonly, u->kwonly, u->varnames.n, maxdepth, flags,
                     u->firstlineno, code, total, lines, consts, names, varnames, cellvars,
                     freevars, name, qualname, filename, u->docstring, cell2arg);
done:
    tn_mem_free(code);
    tn_mem_free(lines);
    tn_mem_free(cell2arg);
    TN_XDECREF(consts); TN_XDECREF(names); TN_XDECREF(varnames); TN_XDECREF(cellvars);
    TN_XDECREF(freevars); TN_XDECREF(name); TN_XDECREF(qualname); TN_XDECREF(filename);
    return co;
}
