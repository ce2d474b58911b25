/* Frames: the per-thread frame arena and the frame lifecycle (frame.h).
 *
 * The arena is a chain of chunks owned by one thread (tstate->arena_*), so
 * nothing here is shared: no locks. Frames are bump-allocated and released
 * in LIFO order; a chunk that empties is kept as a spare of the chunk below
 * it, so a call depth that oscillates around a chunk boundary does not call
 * the allocator on every call. */
#include "tandem/tandem.h"
#include "tandem/frame.h"
#include "tandem/eval.h"
#include "tandem/module.h"
#include "tandem/func.h"
#include <string.h>

typedef struct Chunk {
    struct Chunk *prev;        /* chunk below (older frames) */
    struct Chunk *spare;       /* emptied chunk above, kept for reuse */
    char *saved_top, *saved_limit;   /* prev's top/limit when we moved up */
    size_t size;               /* bytes of data[] */
    _Alignas(16) char data[];
} Chunk;

#define ALIGN16(n) (((n) + 15) & ~(size_t)15)

size_t tn_frame_size(const TnCode *co)
{
    size_t slots = (size_t)co->co_nlocals + (size_t)co->co_ncells + (size_t)co->co_nfree
                 + (size_t)co->co_stacksize;
    return ALIGN16(sizeof(TnFrame) + slots * sizeof(TnObject *));
}

static void free_chunk_chain(Chunk *c)
{
    while (c) {
        Chunk *next = c->spare;
        tn_mem_free(c);
        c = next;
    }
}

/* Move to a fresh chunk that can hold `need` bytes. */
static int arena_grow(TnThreadState *ts, size_t need)
{
    Chunk *cur = ts->arena_chunk;
    Chunk *c = cur ? cur->spare : NULL;
    if (c && c->size < need) {
        free_chunk_chain(c);
        c = NULL;
    }
    if (cur)
        cur->spare = NULL;
    if (!c) {
        size_t size = TN_FRAME_CHUNK_SIZE - sizeof(Chunk);
        if (size < need)
            size = ALIGN16(need);
        c = tn_mem_alloc(sizeof(Chunk) + size);
        if (!c)
            return -1;
        c->spare = NULL;
        c->size = size;
    }
    c->prev = cur;
    c->saved_top = ts->arena_top;
    c->saved_limit = ts->arena_limit;
    ts->arena_chunk = c;
    ts->arena_top = c->data;
    ts->arena_limit = c->data + c->size;
    return 0;
}

void tn_frame_init(TnFrame *f, TnCode *co, TnObject *func, TnObject *globals,
                   TnObject *builtins, TnObject *locals, int owner)
{
    f->code = co;
    f->func = func;
    f->globals = globals;
    f->builtins = builtins;
    f->locals = locals;
    f->back = NULL;
    f->frame_obj = NULL;
    f->gen = NULL;
    f->lasti = -1;
    f->stacktop = 0;
    f->iblock = 0;
    f->owner = owner;
    f->nlocalsplus = co->co_nlocals + co->co_ncells + co->co_nfree;
    f->size = (int)tn_frame_size(co);
    for (int i = 0; i < f->nlocalsplus; i++)
        f->localsplus[i] = NULL;
    if (owner != TN_FRAME_OWNED_BY_THREAD) {
        TN_INCREF(co);
        TN_XINCREF(func);
        TN_INCREF(globals);
        TN_INCREF(builtins);
        TN_XINCREF(locals);
    }
}

/* The builtins dict a frame with these globals sees: globals['__builtins__']
 * (a module or a dict) or the runtime's builtins. Borrowed. */
static TnObject *builtins_for(TnObject *globals)
{
    TnObject *b = NULL;
    if (globals && tn_dict_check(globals)) {
        b = tn_dict_get_str_known(globals, TN_ID(__builtins__));
        if (b) {
            TnObject *d = b;
            if (tn_module_check(b))
                d = tn_module_get_dict(b);
            /* Borrowed: globals keeps the module (and so its dict) alive. */
            TN_DECREF(b);
            if (tn_dict_check(d))
                return d;
        }
    }
    return tn_runtime.builtins_dict;
}

TnFrame *tn_frame_push(TnThreadState *ts, TnCode *co, TnObject *func,
                       TnObject *globals, TnObject *builtins, TnObject *locals)
{
    size_t size = tn_frame_size(co);
    if (TN_UNLIKELY(ts->arena_top == NULL || (size_t)(ts->arena_limit - ts->arena_top) < size)) {
        if (arena_grow(ts, size) < 0)
            return NULL;
    }
    TnFrame *f = (TnFrame *)ts->arena_top;
    ts->arena_top += size;
    if (!builtins)
        builtins = builtins_for(globals);
    tn_frame_init(f, co, func, globals, builtins, locals, TN_FRAME_OWNED_BY_THREAD);
    return f;
}

/* The frame is going away but its frame object is still referenced
 * elsewhere (a traceback, a variable): give the object a heap copy that
 * owns the locals (CPython 3.11's take_ownership). */
static void detach_to_frame_object(TnFrame *f, TnFrameObject *fo)
{
    size_t size = sizeof(TnFrame) + (size_t)f->nlocalsplus * sizeof(TnObject *);
    TnFrame *copy = tn_mem_alloc(size);
    if (!copy) {
        /* No memory for the copy: the object loses its frame view but
         * stays valid (its getters handle a NULL frame). */
        tn_err_clear();
        fo->frame = NULL;
        return;
    }
    memcpy(copy, f, size);
    copy->stacktop = 0;
    copy->iblock = 0;
    copy->back = NULL;
    copy->frame_obj = NULL;
    copy->gen = NULL;
    copy->owner = TN_FRAME_OWNED_BY_FRAME_OBJECT;
    copy->size = (int)size;
    /* The locals move to the copy. */
    for (int i = 0; i < f->nlocalsplus; i++)
        f->localsplus[i] = NULL;
    TN_INCREF(copy->code);
    if (f->owner == TN_FRAME_OWNED_BY_THREAD) {
        TN_XINCREF(copy->func);
        TN_INCREF(copy->globals);
        TN_INCREF(copy->builtins);
        TN_XINCREF(copy->locals);
    } else {
        /* Generator frame: its strong references move to the copy. */
        f->func = NULL;
        f->globals = NULL;
        f->builtins = NULL;
        f->locals = NULL;
    }
    /* Keep f_back answerable after the caller is gone too. When the frame
     * object outlives the call it is almost always a traceback's, and the
     * caller gets its own frame object for the next traceback entry anyway. */
    if (f->back && !fo->back) {
        TnObject *saved = tn_err_fetch();
        TnObject *bfo = tn_frame_get_object(f->back);
        if (bfo)
            fo->back = tn_newref(bfo);
        else
            tn_err_clear();
        tn_err_restore(saved);
    }
    fo->frame = copy;
}

void tn_frame_clear(TnFrame *f)
{
    TnObject *fo = f->frame_obj;
    if (fo) {
        f->frame_obj = NULL;
        if (tn_refcount(fo) > 1)
            detach_to_frame_object(f, (TnFrameObject *)fo);
        else
            ((TnFrameObject *)fo)->frame = NULL;
        TN_DECREF(fo);
    }
    TnObject **lp = f->localsplus;
    for (int i = 0; i < f->nlocalsplus; i++)
        TN_CLEAR(lp[i]);
    for (int i = 0; i < f->stacktop; i++)
        TN_CLEAR(lp[f->nlocalsplus + i]);
    f->stacktop = 0;
    if (f->owner != TN_FRAME_OWNED_BY_THREAD) {
        /* `code` is kept: the owner (generator, frame object) still reports
         * it (gi_code, f_code) and drops it when it frees the frame. */
        TN_CLEAR(f->func);
        TN_CLEAR(f->globals);
        TN_CLEAR(f->builtins);
        TN_CLEAR(f->locals);
    }
}

void tn_frame_pop(TnThreadState *ts, TnFrame *f)
{
    tn_frame_clear(f);
    ts->arena_top = (char *)f;
    Chunk *c = ts->arena_chunk;
    if ((char *)f == c->data && c->prev) {
        Chunk *prev = c->prev;
        ts->arena_chunk = prev;
        ts->arena_top = c->saved_top;
        ts->arena_limit = c->saved_limit;
        if (prev->spare && prev->spare != c)
            free_chunk_chain(prev->spare);
        prev->spare = c;
    }
}

void tn_frame_arena_free(TnThreadState *ts)
{
    Chunk *c = ts->arena_chunk;
    while (c) {
        Chunk *prev = c->prev;
        free_chunk_chain(c->spare);
        tn_mem_free(c);
        c = prev;
    }
    ts->arena_chunk = NULL;
    ts->arena_top = ts->arena_limit = NULL;
}

int tn_frame_lineno(const TnFrame *f)
{
    return tn_code_line(f->code, f->lasti < 0 ? -1 : f->lasti);
}

TnObject *tn_frame_get_object(TnFrame *f)
{
    if (f->frame_obj)
        return f->frame_obj;
    TnFrameObject *fo = (TnFrameObject *)tn_object_alloc(&tn_frame_type, sizeof(TnFrameObject));
    if (!fo)
        return NULL;
    fo->frame = f;
    f->frame_obj = (TnObject *)fo;
    return (TnObject *)fo;
}

static TnObject *cell_name(TnCode *co, int i)
{
    return i < co->co_ncells ? TN_TUPLE_GET(co->co_cellvars, i)
                             : TN_TUPLE_GET(co->co_freevars, i - co->co_ncells);
}

TnObject *tn_frame_locals_dict(TnFrame *f)
{
    if (f->locals)
        return tn_newref(f->locals);
    TnCode *co = f->code;
    TnObject *d = tn_dict_new();
    if (!d)
        return NULL;
    for (int i = 0; i < co->co_nlocals; i++) {
        TnObject *v = f->localsplus[i];
        if (v && tn_dict_setitem(d, TN_TUPLE_GET(co->co_varnames, i), v) < 0)
            goto error;
    }
    for (int i = 0; i < co->co_ncells + co->co_nfree; i++) {
        TnObject *cell = f->localsplus[co->co_nlocals + i];
        if (!cell || !tn_cell_check(cell))
            continue;
        TnObject *v = tn_cell_get(cell);
        if (v) {
            int r = tn_dict_setitem(d, cell_name(co, i), v);
            TN_DECREF(v);
            if (r < 0)
                goto error;
        }
    }
    return d;
error:
    TN_DECREF(d);
    return NULL;
}

/* Bring `d` in line with the frame's fast locals and cells: bound names
 * are set, unbound ones removed (CPython's PyFrame_FastToLocals). */
static int fast_to_locals(TnFrame *f, TnObject *d)
{
    TnCode *co = f->code;
    int n = co->co_nlocals + co->co_ncells + co->co_nfree;
    for (int i = 0; i < n; i++) {
        TnObject *name, *v = NULL, *slot = f->localsplus[i];
        if (i < co->co_nlocals) {
            name = TN_TUPLE_GET(co->co_varnames, i);
            v = slot ? tn_newref(slot) : NULL;
        } else {
            name = cell_name(co, i - co->co_nlocals);
            if (slot && tn_cell_check(slot))
                v = tn_cell_get(slot);
            /* An argument moved into a cell leaves its fast slot empty:
             * it must not erase the cell's value set just before. */
        }
        int r;
        if (v) {
            r = tn_dict_setitem(d, name, v);
            TN_DECREF(v);
        } else {
            if (i < co->co_nlocals && co->co_cell2arg) {
                int is_cell_arg = 0;
                for (int c = 0; c < co->co_ncells; c++)
                    is_cell_arg |= co->co_cell2arg[c] == i;
                if (is_cell_arg)
                    continue;
            }
            r = tn_dict_contains(d, name);
            if (r > 0)
                r = tn_dict_delitem(d, name);
        }
        if (r < 0)
            return -1;
    }
    return 0;
}

TnObject *tn_frame_object_locals(TnObject *fo)
{
    TnFrameObject *o = (TnFrameObject *)fo;
    TnFrame *f = o->frame;
    if (f && f->locals)
        return tn_newref(f->locals);
    if (!o->locals_snapshot) {
        o->locals_snapshot = tn_dict_new();
        if (!o->locals_snapshot)
            return NULL;
    }
    if (f && fast_to_locals(f, o->locals_snapshot) < 0)
        return NULL;
    return tn_newref(o->locals_snapshot);
}

TnObject *tn_sys_getframe(int depth)
{
    TnFrame *f = tn_ts()->frame;
    while (f && depth > 0) {
        f = f->back;
        depth--;
    }
    if (!f || depth < 0)
        return tn_err_format(&tn_exc_ValueError, "call stack is not deep enough");
    TnObject *fo = tn_frame_get_object(f);
    return fo ? tn_newref(fo) : NULL;
}
