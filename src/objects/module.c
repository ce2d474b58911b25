/* Module objects (CPython's moduleobject.c). */
#include <string.h>
#include "type_internal.h"
#include "tandem/module.h"
#include "tandem/import.h"

static int module_init_dict(TnModule *m, TnObject *name, TnObject *doc)
{
    if (tn_dict_setitem(m->md_dict, TN_ID(__name__), name) < 0 ||
        tn_dict_setitem(m->md_dict, TN_ID(__doc__), doc ? doc : tn_None) < 0 ||
        tn_dict_setitem(m->md_dict, TN_ID(__package__), tn_None) < 0 ||
        tn_dict_setitem(m->md_dict, TN_ID(__loader__), tn_None) < 0 ||
        tn_dict_setitem(m->md_dict, TN_ID(__spec__), tn_None) < 0)
        return -1;
    return 0;
}

static TnObject *module_alloc(TnType *t)
{
    TnModule *m = (TnModule *)tn_object_alloc(t, t->tp_basicsize);
    if (!m)
        return NULL;
    m->md_dict = tn_dict_new();
    if (!m->md_dict) {
        tn_decref((TnObject *)m);
        return NULL;
    }
    /* Modules and their dicts (every global lookup) are read by all. */
    tn_set_deferred((TnObject *)m);
    tn_set_deferred(m->md_dict);
    return (TnObject *)m;
}

TnObject *tn_module_new_obj(TnObject *name)
{
    TnModule *m = (TnModule *)module_alloc(&tn_module_type);
    if (!m)
        return NULL;
    m->md_name = tn_newref(name);
    if (module_init_dict(m, name, NULL) < 0) {
        tn_decref((TnObject *)m);
        return NULL;
    }
    return (TnObject *)m;
}

TnObject *tn_module_new(const char *name)
{
    TnObject *n = tn_str_from_cstr(name);
    if (!n)
        return NULL;
    TnObject *m = tn_module_new_obj(n);
    tn_decref(n);
    return m;
}

TnObject *tn_module_get_dict(TnObject *m)
{
    return ((TnModule *)m)->md_dict;
}

TnObject *tn_module_get_name(TnObject *m)
{
    return ((TnModule *)m)->md_name;
}

int tn_module_add_functions(TnObject *m, const TnMethodDef *defs)
{
    TnModule *mod = (TnModule *)m;
    for (const TnMethodDef *d = defs; d->name; d++) {
        TnObject *f = tn_cfunction_new(d, m, mod->md_name);
        if (!f)
            return -1;
        tn_set_deferred(f);      /* len, math.sqrt, ...: called by every thread */
        int r = tn_dict_setitem(mod->md_dict, tn_str_intern_cstr(d->name), f);
        tn_decref(f);
        if (r < 0)
            return -1;
    }
    return 0;
}

int tn_module_add_object(TnObject *m, const char *name, TnObject *value)
{
    TnObject *key = tn_str_intern_cstr(name);
    if (!key)
        return -1;
    /* A native module's constants (math.pi, ...) are read by every thread. */
    tn_set_deferred_unshared(value);
    return tn_dict_setitem(((TnModule *)m)->md_dict, key, value);
}

int tn_module_add_int(TnObject *m, const char *name, long value)
{
    TnObject *v = tn_int_from_i64(value);
    if (!v)
        return -1;
    int r = tn_module_add_object(m, name, v);
    tn_decref(v);
    return r;
}

int tn_module_add_str(TnObject *m, const char *name, const char *value)
{
    TnObject *v = tn_str_from_cstr(value);
    if (!v)
        return -1;
    int r = tn_module_add_object(m, name, v);
    tn_decref(v);
    return r;
}

int tn_module_add_type(TnObject *m, TnType *t)
{
    if (tn_type_ready(t) < 0)
        return -1;
    return tn_module_add_object(m, tn_type_short_name(t), (TnObject *)t);
}

static void module_dealloc(TnObject *o)
{
    TnModule *m = (TnModule *)o;
    TN_XDECREF(m->md_dict);
    TN_XDECREF(m->md_name);
    tn_object_free(o);
}

static int module_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnModule *m = (TnModule *)o;
    return m->md_dict ? visit(m->md_dict, arg) : 0;
}

static TnObject *module_getattro(TnObject *o, TnObject *name)
{
    TnModule *m = (TnModule *)o;
    /* fast path: a plain global of the module */
    if (tn_str_check_exact(name) && TN_TYPE(o) == &tn_module_type) {
        TnObject *v = tn_dict_get_str_known(m->md_dict, name);
        if (v) {
            /* but a data descriptor on the type wins (only __dict__/__class__) */
            TnObject *d = tn_type_lookup(TN_TYPE(o), name);
            if (!d || !TN_TYPE(d)->tp_descr_set)
                return v;
            tn_decref(v);
        }
    }
    TnObject *r = tn_object_generic_getattr(o, name);
    if (r || !tn_err_matches(&tn_exc_AttributeError))
        return r;
    tn_err_clear();
    /* PEP 562: module-level __getattr__ */
    TnObject *ga = tn_dict_get_str_known(m->md_dict, TN_ID(__getattr__));
    if (ga) {
        r = tn_call_one(ga, name);
        tn_decref(ga);
        return r;
    }
    TnObject *mname = tn_dict_get_str_known(m->md_dict, TN_ID(__name__));
    if (mname && tn_str_check(mname) && tn_import_is_initializing(o))
        r = tn_err_format(&tn_exc_AttributeError, "partially initialized module '%U' has no "
                          "attribute '%U' (most likely due to a circular import)", mname, name);
    else if (mname && tn_str_check(mname))
        r = tn_err_format(&tn_exc_AttributeError, "module '%U' has no attribute '%U'", mname, name);
    else
        r = tn_err_format(&tn_exc_AttributeError, "module has no attribute '%U'", name);
    TN_XDECREF(mname);
    return r;
}

static TnObject *module_repr(TnObject *o)
{
    TnModule *m = (TnModule *)o;
    TnObject *name = tn_dict_get_str_known(m->md_dict, TN_ID(__name__));
    if (!name)
        name = tn_str_from_cstr("?");
    if (!name)
        return NULL;
    TnObject *file = tn_dict_get_str_known(m->md_dict, TN_ID(__file__));
    TnObject *r;
    if (file && tn_str_check(file))
        r = tn_str_from_format("<module %R from %R>", name, file);
    else
        r = tn_str_from_format("<module %R (built-in)>", name);
    TN_XDECREF(file);
    tn_decref(name);
    return r;
}

static TnObject *module_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return module_alloc(t);
}

static int module_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnModule *m = (TnModule *)self;
    if (kwnames && TN_TUPLE_SIZE(kwnames)) {
        tn_err_setstr(&tn_exc_TypeError, "module() takes no keyword arguments");
        return -1;
    }
    if (nargs < 1 || nargs > 2) {
        tn_err_format(&tn_exc_TypeError, nargs < 1 ? "module() missing required argument 'name' (pos 1)"
                      : "module() takes at most 2 arguments (%zu given)", nargs);
        return -1;
    }
    if (!tn_str_check(args[0])) {
        tn_err_format(&tn_exc_TypeError, "module() argument 'name' must be str, not %s",
                      tn_type_name(TN_TYPE(args[0])));
        return -1;
    }
    TN_SETREF(m->md_name, tn_newref(args[0]));
    return module_init_dict(m, args[0], nargs > 1 ? args[1] : NULL);
}

static TnObject *module_dir(TnObject *self, TnObject *unused)
{
    TnObject *d = ((TnModule *)self)->md_dict;
    TnObject *keys = tn_dict_keys_list(d);
    if (keys && tn_list_sort(keys, NULL, 0) < 0)
        TN_CLEAR(keys);
    return keys;
}

static const TnMethodDef module_methods[] = {
    { "__dir__", (void *)module_dir, TN_METH_NOARGS, "__dir__() -> list\nspecialized dir() implementation" },
    { NULL, NULL, 0, NULL }
};

static TnObject *module_get_dict(TnObject *o, void *c)
{
    return tn_newref(((TnModule *)o)->md_dict);
}

static const TnGetSetDef module_getset[] = {
    { "__dict__", module_get_dict, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

TnType tn_module_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "module",
    .tp_basicsize = sizeof(TnModule),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = tn_object_generic_setattr,
    .tp_new = module_new,
    .tp_init = module_init,
    .tp_traverse = module_traverse,
    .tp_methods = module_methods,
    .tp_getset = module_getset,
    .tp_dictoffset = offsetof(TnModule, md_dict),
    .tp_doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.",
};
