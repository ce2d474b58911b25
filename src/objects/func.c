/* Function objects (func.h). A function is immutable from other threads'
 * point of view except for its attribute setters (__defaults__, __code__,
 * __name__, ...), which replace one pointer; like CPython we do not make
 * those setters atomic with respect to concurrent calls beyond keeping the
 * old value alive (see set_code). */
#include "tandem/tandem.h"
#include "tandem/func.h"
#include "tandem/module.h"
#include "tandem/descr.h"

TnObject *tn_function_new(TnObject *code, TnObject *globals, TnObject *qualname)
{
    TnCode *co = (TnCode *)code;
    TnFunction *fn = (TnFunction *)tn_object_alloc(&tn_function_type, sizeof(TnFunction));
    if (!fn)
        return NULL;
    fn->code = tn_newref(code);
    fn->globals = tn_newref(globals);
    fn->name = tn_newref(co->co_name);
    fn->qualname = tn_newref(qualname ? qualname : co->co_qualname);
    fn->doc = co->co_docstring ? tn_newref(co->co_docstring) : tn_newref(tn_None);
    fn->vectorcall = tn_function_vectorcall;
    /* __module__ = globals['__name__'] (absent: left NULL, reads as None). */
    fn->module = tn_dict_get_str_known(globals, TN_ID(__name__));
    /* __builtins__: globals['__builtins__'] (module or dict), else ours. */
    TnObject *b = tn_dict_get_str_known(globals, TN_ID(__builtins__));
    if (b && tn_module_check(b)) {
        TnObject *d = tn_newref(tn_module_get_dict(b));
        TN_DECREF(b);
        b = d;
    }
    if (!b || !tn_dict_check(b)) {
        TN_XDECREF(b);
        b = tn_newref(tn_runtime.builtins_dict);
    }
    fn->builtins = b;
    /* Top-level functions and methods are what every thread calls; nested
     * functions (closures made in a loop) keep plain counts so that they
     * die at once (docs/refcounting.md). */
    if (!(co->co_flags & TN_CO_NESTED))
        tn_set_deferred((TnObject *)fn);
    return (TnObject *)fn;
}

static void func_dealloc(TnObject *o)
{
    TnFunction *fn = (TnFunction *)o;
    TN_DECREF(fn->code);
    TN_DECREF(fn->globals);
    TN_XDECREF(fn->builtins);
    TN_XDECREF(fn->name);
    TN_XDECREF(fn->qualname);
    TN_XDECREF(fn->defaults);
    TN_XDECREF(fn->kwdefaults);
    TN_XDECREF(fn->closure);
    TN_XDECREF(fn->doc);
    TN_XDECREF(fn->annotations);
    TN_XDECREF(fn->dict);
    TN_XDECREF(fn->module);
    tn_object_free(o);
}

static int func_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnFunction *fn = (TnFunction *)o;
    TnObject *fields[] = { fn->code, fn->globals, fn->builtins, fn->defaults, fn->kwdefaults,
                           fn->closure, fn->doc, fn->annotations, fn->dict, fn->module };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int func_clear(TnObject *o)
{
    TnFunction *fn = (TnFunction *)o;
    TN_CLEAR(fn->defaults);
    TN_CLEAR(fn->kwdefaults);
    TN_CLEAR(fn->closure);
    TN_CLEAR(fn->doc);
    TN_CLEAR(fn->annotations);
    TN_CLEAR(fn->dict);
    TN_CLEAR(fn->module);
    return 0;
}

static TnObject *func_repr(TnObject *o)
{
    TnFunction *fn = (TnFunction *)o;
    return tn_str_from_format("<function %U at %p>", fn->qualname, (void *)o);
}

static TnObject *func_descr_get(TnObject *func, TnObject *obj, TnObject *type)
{
    if (obj == NULL || obj == tn_None)
        return tn_newref(func);
    return tn_method_new(func, obj);
}

/* ---- attributes ---------------------------------------------------- */

static TnObject *get_code(TnObject *o, void *c) { return tn_newref(((TnFunction *)o)->code); }

static int set_code(TnObject *o, TnObject *v, void *c)
{
    TnFunction *fn = (TnFunction *)o;
    if (!v || !tn_code_check(v)) {
        tn_err_setstr(&tn_exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    TnCode *co = (TnCode *)v;
    tn_ssize_t nclosure = fn->closure ? TN_TUPLE_SIZE(fn->closure) : 0;
    if (co->co_nfree != nclosure) {
        tn_err_format(&tn_exc_ValueError,
                      "%U() requires a code object with %zd free vars, not %d",
                      fn->name, nclosure, co->co_nfree);
        return -1;
    }
    /* Running arena frames borrow their code from the function (frame.h):
     * keep the old code object alive forever rather than risk freeing it
     * under a running frame. Assigning __code__ is rare. */
    TnObject *old = fn->code;
    fn->code = tn_newref(v);
    tn_set_immortal(old);
    return 0;
}

static TnObject *get_globals(TnObject *o, void *c) { return tn_newref(((TnFunction *)o)->globals); }
static TnObject *get_builtins(TnObject *o, void *c) { return tn_newref(((TnFunction *)o)->builtins); }

static TnObject *get_name(TnObject *o, void *c) { return tn_newref(((TnFunction *)o)->name); }
static int set_name(TnObject *o, TnObject *v, void *c)
{
    if (!v || !tn_str_check(v)) {
        tn_err_setstr(&tn_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    TN_SETREF(((TnFunction *)o)->name, tn_newref(v));
    return 0;
}

static TnObject *get_qualname(TnObject *o, void *c) { return tn_newref(((TnFunction *)o)->qualname); }
static int set_qualname(TnObject *o, TnObject *v, void *c)
{
    if (!v || !tn_str_check(v)) {
        tn_err_setstr(&tn_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    TN_SETREF(((TnFunction *)o)->qualname, tn_newref(v));
    return 0;
}

static TnObject *get_defaults(TnObject *o, void *c)
{
    TnObject *d = ((TnFunction *)o)->defaults;
    return tn_newref(d ? d : tn_None);
}
static int set_defaults(TnObject *o, TnObject *v, void *c)
{
    if (v == tn_None)
        v = NULL;
    if (v && !tn_tuple_check(v)) {
        tn_err_setstr(&tn_exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    TN_XINCREF(v);
    TN_SETREF(((TnFunction *)o)->defaults, v);
    return 0;
}

static TnObject *get_kwdefaults(TnObject *o, void *c)
{
    TnObject *d = ((TnFunction *)o)->kwdefaults;
    return tn_newref(d ? d : tn_None);
}
static int set_kwdefaults(TnObject *o, TnObject *v, void *c)
{
    if (v == tn_None)
        v = NULL;
    if (v && !tn_dict_check(v)) {
        tn_err_setstr(&tn_exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    TN_XINCREF(v);
    TN_SETREF(((TnFunction *)o)->kwdefaults, v);
    return 0;
}

static TnObject *get_closure(TnObject *o, void *c)
{
    TnObject *d = ((TnFunction *)o)->closure;
    return tn_newref(d ? d : tn_None);
}

static TnObject *get_doc(TnObject *o, void *c)
{
    TnObject *d = ((TnFunction *)o)->doc;
    return tn_newref(d ? d : tn_None);
}
static int set_doc(TnObject *o, TnObject *v, void *c)
{
    TN_XINCREF(v);
    TN_SETREF(((TnFunction *)o)->doc, v);
    return 0;
}

static TnObject *get_module(TnObject *o, void *c)
{
    TnObject *d = ((TnFunction *)o)->module;
    return tn_newref(d ? d : tn_None);
}
static int set_module(TnObject *o, TnObject *v, void *c)
{
    TN_XINCREF(v);
    TN_SETREF(((TnFunction *)o)->module, v);
    return 0;
}

static TnObject *get_annotations(TnObject *o, void *c)
{
    TnFunction *fn = (TnFunction *)o;
    if (!fn->annotations) {
        fn->annotations = tn_dict_new();
        if (!fn->annotations)
            return NULL;
    }
    return tn_newref(fn->annotations);
}
static int set_annotations(TnObject *o, TnObject *v, void *c)
{
    if (v == tn_None)
        v = NULL;
    if (v && !tn_dict_check(v)) {
        tn_err_setstr(&tn_exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    TN_XINCREF(v);
    TN_SETREF(((TnFunction *)o)->annotations, v);
    return 0;
}

static TnObject *get_dict(TnObject *o, void *c)
{
    TnFunction *fn = (TnFunction *)o;
    if (!fn->dict) {
        fn->dict = tn_dict_new();
        if (!fn->dict)
            return NULL;
    }
    return tn_newref(fn->dict);
}
static int set_dict(TnObject *o, TnObject *v, void *c)
{
    if (!v) {
        tn_err_setstr(&tn_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!tn_dict_check(v)) {
        tn_err_format(&tn_exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", v);
        return -1;
    }
    TN_SETREF(((TnFunction *)o)->dict, tn_newref(v));
    return 0;
}

static const TnGetSetDef func_getset[] = {
    {"__code__", get_code, set_code, NULL, NULL},
    {"__globals__", get_globals, NULL, NULL, NULL},
    {"__builtins__", get_builtins, NULL, NULL, NULL},
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_qualname, set_qualname, NULL, NULL},
    {"__defaults__", get_defaults, set_defaults, NULL, NULL},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults, NULL, NULL},
    {"__closure__", get_closure, NULL, NULL, NULL},
    {"__doc__", get_doc, set_doc, NULL, NULL},
    {"__module__", get_module, set_module, NULL, NULL},
    {"__annotations__", get_annotations, set_annotations, NULL, NULL},
    {"__dict__", get_dict, set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

TnType tn_function_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "function",
    .tp_basicsize = sizeof(TnFunction),
    .tp_flags = TN_TPFLAG_GC | TN_TPFLAG_METHOD_DESCRIPTOR,
    .tp_dealloc = func_dealloc,
    .tp_repr = func_repr,
    .tp_call = tn_function_vectorcall,
    .tp_descr_get = func_descr_get,
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_getset = func_getset,
    .tp_dictoffset = offsetof(TnFunction, dict),
};

int tn_func_init(void)
{
    if (tn_type_ready(&tn_function_type) < 0 || tn_type_ready(&tn_method_type) < 0
        || tn_type_ready(&tn_cell_type) < 0)
        return -1;
    return 0;
}
