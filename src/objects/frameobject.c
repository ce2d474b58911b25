/* The `frame` type: a lazily created view of a TnFrame (frame.h). While the
 * frame runs, the object points at it; when the frame ends while the object
 * is still referenced, the object receives a heap copy of the frame (see
 * tn_frame_clear), so its attributes stay valid. */
#include "tandem/tandem.h"
#include "tandem/frame.h"

static TnFrame *fo_frame(TnObject *o)
{
    return ((TnFrameObject *)o)->frame;
}

static TnObject *get_code(TnObject *o, void *c)
{
    TnFrame *f = fo_frame(o);
    if (!f)
        TN_RETURN_NONE;
    return tn_newref((TnObject *)f->code);
}

static TnObject *get_lineno(TnObject *o, void *c)
{
    TnFrame *f = fo_frame(o);
    return tn_int_from_i64(f ? tn_frame_lineno(f) : ((TnFrameObject *)o)->lineno_at_detach);
}

static TnObject *get_lasti(TnObject *o, void *c)
{
    TnFrame *f = fo_frame(o);
    return tn_int_from_i64(f && f->lasti >= 0 ? f->lasti * 2 : -1);
}

static TnObject *get_globals(TnObject *o, void *c)
{
    TnFrame *f = fo_frame(o);
    if (!f || !f->globals)
        TN_RETURN_NONE;
    return tn_newref(f->globals);
}

static TnObject *get_builtins(TnObject *o, void *c)
{
    TnFrame *f = fo_frame(o);
    if (!f || !f->builtins)
        TN_RETURN_NONE;
    return tn_newref(f->builtins);
}

static TnObject *get_locals(TnObject *o, void *c)
{
    return tn_frame_object_locals(o);
}

static TnObject *get_back(TnObject *o, void *c)
{
    TnFrameObject *fo = (TnFrameObject *)o;
    TnFrame *f = fo->frame;
    if (!f || f->owner == TN_FRAME_OWNED_BY_FRAME_OBJECT)
        return tn_newref(fo->back ? fo->back : tn_None);
    if (!f->back)
        TN_RETURN_NONE;
    TnObject *b = tn_frame_get_object(f->back);
    return b ? tn_newref(b) : NULL;
}

static TnObject *get_trace(TnObject *o, void *c)
{
    TN_RETURN_NONE;
}

static TnObject *frame_repr(TnObject *o)
{
    TnFrame *f = fo_frame(o);
    if (!f)
        return tn_str_from_format("<frame at %p>", (void *)o);
    return tn_str_from_format("<frame at %p, file '%U', line %d, code %U>", (void *)o,
                              f->code->co_filename, tn_frame_lineno(f), f->code->co_name);
}

static void frame_dealloc(TnObject *o)
{
    TnFrameObject *fo = (TnFrameObject *)o;
    TnFrame *f = fo->frame;
    if (f && f->owner == TN_FRAME_OWNED_BY_FRAME_OBJECT) {
        tn_frame_clear(f);
        TN_DECREF(f->code);
        tn_mem_free(f);
    }
    TN_XDECREF(fo->back);
    TN_XDECREF(fo->locals_snapshot);
    tn_object_free(o);
}

static int frame_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnFrameObject *fo = (TnFrameObject *)o;
    TnFrame *f = fo->frame;
    int r;
    if (fo->back && (r = visit(fo->back, arg)) != 0)
        return r;
    if (f && f->owner == TN_FRAME_OWNED_BY_FRAME_OBJECT) {
        for (int i = 0; i < f->nlocalsplus; i++)
            if (f->localsplus[i] && (r = visit(f->localsplus[i], arg)) != 0)
                return r;
        if (f->globals && (r = visit(f->globals, arg)) != 0)
            return r;
    }
    return 0;
}

static int frame_clear_slot(TnObject *o)
{
    TnFrameObject *fo = (TnFrameObject *)o;
    TnFrame *f = fo->frame;
    TN_CLEAR(fo->back);
    if (f && f->owner == TN_FRAME_OWNED_BY_FRAME_OBJECT) {
        for (int i = 0; i < f->nlocalsplus; i++)
            TN_CLEAR(f->localsplus[i]);
    }
    return 0;
}

static TnObject *frame_clear_meth(TnObject *o, TnObject *unused)
{
    TnFrame *f = fo_frame(o);
    if (f && f->owner != TN_FRAME_OWNED_BY_FRAME_OBJECT)
        return tn_err_format(&tn_exc_RuntimeError, "cannot clear an executing frame");
    frame_clear_slot(o);
    TN_RETURN_NONE;
}

static const TnGetSetDef frame_getset[] = {
    {"f_code", get_code, NULL, NULL, NULL},
    {"f_lineno", get_lineno, NULL, NULL, NULL},
    {"f_lasti", get_lasti, NULL, NULL, NULL},
    {"f_globals", get_globals, NULL, NULL, NULL},
    {"f_builtins", get_builtins, NULL, NULL, NULL},
    {"f_locals", get_locals, NULL, NULL, NULL},
    {"f_back", get_back, NULL, NULL, NULL},
    {"f_trace", get_trace, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static const TnMethodDef frame_methods[] = {
    {"clear", (void *)frame_clear_meth, TN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

TnType tn_frame_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "frame",
    .tp_basicsize = sizeof(TnFrameObject),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = frame_dealloc,
    .tp_repr = frame_repr,
    .tp_traverse = frame_traverse,
    .tp_clear = frame_clear_slot,
    .tp_getset = frame_getset,
    .tp_methods = frame_methods,
};
