/* Cells: the boxes closures share (func.h). In the ft build a cell may be
 * read and written by several threads; reads and writes take the cell's
 * object lock so a reader never increfs a value another thread just freed
 * (the old value is decref'd after unlocking). In the gil build the lock
 * calls compile to nothing. */
#include "tandem/tandem.h"
#include "tandem/func.h"

TnObject *tn_cell_new(TnObject *value)
{
    TnCell *c = (TnCell *)tn_object_alloc(&tn_cell_type, sizeof(TnCell));
    if (!c)
        return NULL;
    TN_XINCREF(value);
    tn_store_relaxed(&c->ref, value);
    return (TnObject *)c;
}

TnObject *tn_cell_get(TnObject *cell)
{
    TnCell *c = (TnCell *)cell;
    tn_lock(cell);
    TnObject *v = tn_load_relaxed(&c->ref);
    TN_XINCREF(v);
    tn_unlock(cell);
    return v;
}

void tn_cell_set(TnObject *cell, TnObject *value)
{
    TnCell *c = (TnCell *)cell;
    TN_XINCREF(value);
    tn_lock(cell);
    TnObject *old = tn_load_relaxed(&c->ref);
    tn_store_release(&c->ref, value);
    tn_unlock(cell);
    TN_XDECREF(old);
}

static void cell_dealloc(TnObject *o)
{
    TnObject *v = tn_load_relaxed(&((TnCell *)o)->ref);
    TN_XDECREF(v);
    tn_object_free(o);
}

static int cell_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnObject *v = tn_load_relaxed(&((TnCell *)o)->ref);
    return v ? visit(v, arg) : 0;
}

static int cell_clear(TnObject *o)
{
    tn_cell_set(o, NULL);
    return 0;
}

static TnObject *cell_repr(TnObject *o)
{
    TnObject *v = tn_cell_get(o);
    if (!v)
        return tn_str_from_format("<cell at %p: empty>", (void *)o);
    TnObject *r = tn_str_from_format("<cell at %p: %s object at %p>", (void *)o,
                                     TN_TYPE(v)->tp_name, (void *)v);
    TN_DECREF(v);
    return r;
}

static TnObject *cell_get_contents(TnObject *o, void *closure)
{
    TnObject *v = tn_cell_get(o);
    if (!v)
        return tn_err_format(&tn_exc_ValueError, "Cell is empty");
    return v;
}

static int cell_set_contents(TnObject *o, TnObject *v, void *closure)
{
    tn_cell_set(o, v);
    return 0;
}

static TnObject *cell_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_cell_check(b))
        return tn_newref(tn_NotImplemented);
    TnObject *x = tn_cell_get(a), *y = tn_cell_get(b);
    TnObject *r;
    if (x && y) {
        r = tn_object_richcompare(x, y, op);
    } else {
        /* Empty cells sort before full ones, as in CPython. */
        int cx = x != NULL, cy = y != NULL, ok;
        switch (op) {
        case TN_LT: ok = cx < cy; break;
        case TN_LE: ok = cx <= cy; break;
        case TN_EQ: ok = cx == cy; break;
        case TN_NE: ok = cx != cy; break;
        case TN_GT: ok = cx > cy; break;
        default:    ok = cx >= cy; break;
        }
        r = tn_bool_from(ok);
    }
    TN_XDECREF(x);
    TN_XDECREF(y);
    return r;
}

static const TnGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

TnType tn_cell_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "cell",
    .tp_basicsize = sizeof(TnCell),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_richcompare = cell_richcompare,
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_getset = cell_getset,
};
