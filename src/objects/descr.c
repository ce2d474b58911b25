/* Descriptors and native callables: method_descriptor,
 * classmethod_descriptor, member_descriptor, getset_descriptor,
 * builtin_function_or_method, staticmethod, classmethod, property
 * (CPython's descrobject.c, methodobject.c, funcobject.c). */
#include <string.h>
#include "type_internal.h"
#include "tandem/args.h"
#include "tandem/func.h"
#include "tandem/module.h"
#include "containers_internal.h"

/* ---- calling a TnMethodDef ------------------------------------------------- */

TnObject *tn_methoddef_call(const TnMethodDef *def, TnObject *self, TnObject *const *args,
                            size_t nargs, TnObject *kwnames)
{
    int flags = def->flags & (TN_METH_NOARGS | TN_METH_O | TN_METH_FAST | TN_METH_FASTKW);
    if (flags != TN_METH_FASTKW && kwnames && TN_TUPLE_SIZE(kwnames))
        return tn_err_format(&tn_exc_TypeError, "%s() takes no keyword arguments", def->name);
    switch (flags) {
    case TN_METH_NOARGS:
        if (nargs != 0)
            return tn_err_format(&tn_exc_TypeError, "%s() takes no arguments (%zu given)",
                                 def->name, nargs);
        return ((tn_meth_noargs)def->fn)(self, NULL);
    case TN_METH_O:
        if (nargs != 1)
            return tn_err_format(&tn_exc_TypeError, "%s() takes exactly one argument (%zu given)",
                                 def->name, nargs);
        return ((tn_meth_o)def->fn)(self, args[0]);
    case TN_METH_FAST:
        return ((tn_meth_fast)def->fn)(self, args, nargs);
    case TN_METH_FASTKW:
        return ((tn_meth_fastkw)def->fn)(self, args, nargs,
                                         kwnames && TN_TUPLE_SIZE(kwnames) ? kwnames : NULL);
    default:
        return tn_err_format(&tn_exc_SystemError, "%s(): bad calling convention flags", def->name);
    }
}

/* ---- builtin_function_or_method ----------------------------------------------- */

TnObject *tn_cfunction_new(const TnMethodDef *def, TnObject *self, TnObject *module)
{
    TnCFunction *f = (TnCFunction *)tn_object_alloc(&tn_cfunction_type, sizeof(TnCFunction));
    if (!f)
        return NULL;
    f->m_ml = def;
    f->m_self = self ? tn_newref(self) : NULL;
    f->m_module = module ? tn_newref(module) : NULL;
    return (TnObject *)f;
}

static void cfunction_dealloc(TnObject *o)
{
    TnCFunction *f = (TnCFunction *)o;
    TN_XDECREF(f->m_self);
    TN_XDECREF(f->m_module);
    tn_object_free(o);
}

static TnObject *cfunction_call(TnObject *o, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnCFunction *f = (TnCFunction *)o;
    return tn_methoddef_call(f->m_ml, f->m_self, args, nargs, kwnames);
}

static TnObject *cfunction_repr(TnObject *o)
{
    TnCFunction *f = (TnCFunction *)o;
    if (!f->m_self || tn_module_check(f->m_self))
        return tn_str_from_format("<built-in function %s>", f->m_ml->name);
    if (tn_type_check(f->m_self))
        return tn_str_from_format("<built-in method %s of type object at %p>", f->m_ml->name,
                                  (void *)f->m_self);
    return tn_str_from_format("<built-in method %s of %s object at %p>", f->m_ml->name,
                              tn_type_name(TN_TYPE(f->m_self)), (void *)f->m_self);
}

static TnObject *cfunction_richcompare(TnObject *a, TnObject *b, int op)
{
    if ((op != TN_EQ && op != TN_NE) || TN_TYPE(b) != &tn_cfunction_type)
        return tn_newref(tn_NotImplemented);
    TnCFunction *x = (TnCFunction *)a, *y = (TnCFunction *)b;
    int eq = x->m_ml == y->m_ml && x->m_self == y->m_self;
    return tn_bool_from(eq == (op == TN_EQ));
}

static tn_hash_t cfunction_hash(TnObject *o)
{
    TnCFunction *f = (TnCFunction *)o;
    tn_hash_t h = (tn_hash_t)(((uintptr_t)f->m_ml >> 4) ^ ((uintptr_t)f->m_self >> 4));
    return h == -1 ? -2 : h;
}

static TnObject *cf_get_name(TnObject *o, void *c) { return tn_str_from_cstr(((TnCFunction *)o)->m_ml->name); }
static TnObject *cf_get_qualname(TnObject *o, void *c)
{
    TnCFunction *f = (TnCFunction *)o;
    if (!f->m_self || tn_module_check(f->m_self))
        return tn_str_from_cstr(f->m_ml->name);
    TnType *t = tn_type_check(f->m_self) ? (TnType *)f->m_self : TN_TYPE(f->m_self);
    return tn_str_from_format("%s.%s", tn_type_short_name(t), f->m_ml->name);
}
static TnObject *cf_get_self(TnObject *o, void *c)
{
    TnCFunction *f = (TnCFunction *)o;
    return tn_newref(f->m_self ? f->m_self : tn_None);
}
static TnObject *cf_get_module(TnObject *o, void *c)
{
    TnCFunction *f = (TnCFunction *)o;
    return tn_newref(f->m_module ? f->m_module : tn_None);
}
static TnObject *cf_get_doc(TnObject *o, void *c)
{
    const char *d = ((TnCFunction *)o)->m_ml->doc;
    return d ? tn_str_from_cstr(d) : tn_newref(tn_None);
}
static TnObject *cf_get_text_signature(TnObject *o, void *c) { TN_RETURN_NONE; }

static const TnGetSetDef cfunction_getset[] = {
    { "__name__", cf_get_name, NULL, NULL, NULL },
    { "__qualname__", cf_get_qualname, NULL, NULL, NULL },
    { "__self__", cf_get_self, NULL, NULL, NULL },
    { "__module__", cf_get_module, NULL, NULL, NULL },
    { "__doc__", cf_get_doc, NULL, NULL, NULL },
    { "__text_signature__", cf_get_text_signature, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

/* Cyclic GC: a descriptor references the type that defines it, which holds
 * it in its __dict__ (a cycle for every class); a builtin method bound to
 * an instance references it. */
static int descr_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnDescrHead *d = (TnDescrHead *)o;
    return d->d_type ? visit((TnObject *)d->d_type, arg) : 0;
}

static int cfunction_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnCFunction *f = (TnCFunction *)o;
    int r = f->m_self ? visit(f->m_self, arg) : 0;
    if (!r && f->m_module)
        r = visit(f->m_module, arg);
    return r;
}

TnType tn_cfunction_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(TnCFunction),
    .tp_flags = TN_TPFLAG_GC,
    .tp_traverse = cfunction_traverse,
    .tp_dealloc = cfunction_dealloc,
    .tp_repr = cfunction_repr,
    .tp_hash = cfunction_hash,
    .tp_richcompare = cfunction_richcompare,
    .tp_call = cfunction_call,
    .tp_getset = cfunction_getset,
};

/* ---- common descriptor pieces ------------------------------------------------- */

static TnObject *descr_alloc(TnType *dtype, size_t size, TnType *t, const char *name)
{
    TnDescrHead *d = (TnDescrHead *)tn_object_alloc(dtype, size);
    if (!d)
        return NULL;
    d->d_type = (TnType *)tn_newref((TnObject *)t);
    d->d_name = tn_str_intern_cstr(name);
    if (!d->d_name) {
        tn_decref((TnObject *)d);
        return NULL;
    }
    tn_incref(d->d_name);
    return (TnObject *)d;
}

static void descr_dealloc(TnObject *o)
{
    TnDescrHead *d = (TnDescrHead *)o;
    TN_XDECREF(d->d_type);
    TN_XDECREF(d->d_name);
    tn_object_free(o);
}

static int descr_check(TnDescrHead *d, TnObject *obj)
{
    if (!tn_is_instance_fast(obj, d->d_type)) {
        tn_err_format(&tn_exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                      d->d_name, tn_type_name(d->d_type), tn_type_name(TN_TYPE(obj)));
        return -1;
    }
    return 0;
}

static TnObject *d_get_name(TnObject *o, void *c) { return tn_newref(((TnDescrHead *)o)->d_name); }
static TnObject *d_get_objclass(TnObject *o, void *c) { return tn_newref((TnObject *)((TnDescrHead *)o)->d_type); }
static TnObject *d_get_qualname(TnObject *o, void *c)
{
    TnDescrHead *d = (TnDescrHead *)o;
    return tn_str_from_format("%s.%U", tn_type_short_name(d->d_type), d->d_name);
}

/* ---- method_descriptor ------------------------------------------------------- */

TnObject *tn_descr_new_method(TnType *t, const TnMethodDef *def)
{
    TnMethodDescr *d = (TnMethodDescr *)descr_alloc(&tn_method_descr_type, sizeof(TnMethodDescr), t, def->name);
    if (d)
        d->d_method = def;
    return (TnObject *)d;
}

static TnObject *methoddescr_call(TnObject *o, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnMethodDescr *d = (TnMethodDescr *)o;
    if (nargs < 1)
        return tn_err_format(&tn_exc_TypeError, "unbound method %s.%U() needs an argument",
                             tn_type_name(d->h.d_type), d->h.d_name);
    if (descr_check(&d->h, args[0]) < 0) {
        tn_err_clear();
        return tn_err_format(&tn_exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                             d->h.d_name, tn_type_name(d->h.d_type), tn_type_name(TN_TYPE(args[0])));
    }
    return tn_methoddef_call(d->d_method, args[0], args + 1, nargs - 1, kwnames);
}

static TnObject *methoddescr_get(TnObject *o, TnObject *obj, TnObject *type)
{
    TnMethodDescr *d = (TnMethodDescr *)o;
    if (!obj)
        return tn_newref(o);
    if (descr_check(&d->h, obj) < 0)
        return NULL;
    return tn_cfunction_new(d->d_method, obj, NULL);
}

static TnObject *methoddescr_repr(TnObject *o)
{
    TnMethodDescr *d = (TnMethodDescr *)o;
    return tn_str_from_format("<method '%U' of '%s' objects>", d->h.d_name, tn_type_name(d->h.d_type));
}

static TnObject *methoddescr_get_doc(TnObject *o, void *c)
{
    const char *doc = ((TnMethodDescr *)o)->d_method->doc;
    return doc ? tn_str_from_cstr(doc) : tn_newref(tn_None);
}

static const TnGetSetDef methoddescr_getset[] = {
    { "__name__", d_get_name, NULL, NULL, NULL },
    { "__qualname__", d_get_qualname, NULL, NULL, NULL },
    { "__objclass__", d_get_objclass, NULL, NULL, NULL },
    { "__doc__", methoddescr_get_doc, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

TnType tn_method_descr_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(TnMethodDescr),
    .tp_flags = TN_TPFLAG_METHOD_DESCRIPTOR | TN_TPFLAG_GC,
    .tp_traverse = descr_traverse,
    .tp_dealloc = descr_dealloc,
    .tp_repr = methoddescr_repr,
    .tp_call = methoddescr_call,
    .tp_descr_get = methoddescr_get,
    .tp_getset = methoddescr_getset,
};

/* ---- classmethod_descriptor (TN_METH_CLASS) ---------------------------------- */

TnObject *tn_descr_new_classmethod(TnType *t, const TnMethodDef *def)
{
    TnMethodDescr *d = (TnMethodDescr *)descr_alloc(&tn_classmethod_descr_type, sizeof(TnMethodDescr), t, def->name);
    if (d)
        d->d_method = def;
    return (TnObject *)d;
}

static TnObject *classmethoddescr_get(TnObject *o, TnObject *obj, TnObject *type)
{
    TnMethodDescr *d = (TnMethodDescr *)o;
    if (!type)
        type = (TnObject *)TN_TYPE(obj);
    if (!tn_type_check(type) || !tn_type_is_subtype((TnType *)type, d->h.d_type))
        return tn_err_format(&tn_exc_TypeError, "descriptor '%U' for type '%s' needs a subtype of '%s', not '%s'",
                             d->h.d_name, tn_type_name(d->h.d_type), tn_type_name(d->h.d_type),
                             tn_type_check(type) ? tn_type_name((TnType *)type) : "?");
    return tn_cfunction_new(d->d_method, type, NULL);
}

static TnObject *classmethoddescr_call(TnObject *o, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnMethodDescr *d = (TnMethodDescr *)o;
    if (nargs < 1)
        return tn_err_format(&tn_exc_TypeError, "descriptor '%U' of '%s' object needs an argument",
                             d->h.d_name, tn_type_name(d->h.d_type));
    if (!tn_type_check(args[0]) || !tn_type_is_subtype((TnType *)args[0], d->h.d_type))
        return tn_err_format(&tn_exc_TypeError, "descriptor '%U' requires a subtype of '%s'",
                             d->h.d_name, tn_type_name(d->h.d_type));
    return tn_methoddef_call(d->d_method, args[0], args + 1, nargs - 1, kwnames);
}

static TnObject *classmethoddescr_repr(TnObject *o)
{
    TnMethodDescr *d = (TnMethodDescr *)o;
    return tn_str_from_format("<method '%U' of '%s' objects>", d->h.d_name, tn_type_name(d->h.d_type));
}

TnType tn_classmethod_descr_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(TnMethodDescr),
    .tp_flags = TN_TPFLAG_GC,
    .tp_traverse = descr_traverse,
    .tp_dealloc = descr_dealloc,
    .tp_repr = classmethoddescr_repr,
    .tp_call = classmethoddescr_call,
    .tp_descr_get = classmethoddescr_get,
    .tp_getset = methoddescr_getset,
};

/* ---- member_descriptor ------------------------------------------------------- */

TnObject *tn_descr_new_member(TnType *t, const TnMemberDef *def)
{
    TnMemberDescr *d = (TnMemberDescr *)descr_alloc(&tn_member_descr_type, sizeof(TnMemberDescr), t, def->name);
    if (d)
        d->d_member = def;
    return (TnObject *)d;
}

typedef TN_SHARED(TnObject *) SharedPtr;

static TnObject *member_get(TnObject *o, TnObject *obj, TnObject *type)
{
    TnMemberDescr *d = (TnMemberDescr *)o;
    if (!obj)
        return tn_newref(o);
    if (descr_check(&d->h, obj) < 0)
        return NULL;
    const TnMemberDef *m = d->d_member;
    char *addr = (char *)obj + m->offset;
    switch (m->type) {
    case TN_MEMBER_OBJECT:
    case TN_MEMBER_OBJECT_EX: {
        /* __slots__ values may be replaced (and die) under us in the ft
         * build: take the reference with tn_slot_try_ref, retrying while
         * the slot changes */
        TnObject *v;
#ifdef TANDEM_FT
        while (!tn_slot_try_ref((TnObject **)addr, &v))
            ;
#else
        v = *(TnObject **)addr;
        if (v)
            tn_incref(v);
#endif
        if (!v) {
            if (m->type == TN_MEMBER_OBJECT)
                TN_RETURN_NONE;
            return tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '%s'",
                                 tn_type_name(TN_TYPE(obj)), m->name);
        }
        return v;
    }
    case TN_MEMBER_INT: return tn_int_from_i64(*(int *)addr);
    case TN_MEMBER_SSIZE: return tn_int_from_i64(*(tn_ssize_t *)addr);
    case TN_MEMBER_DOUBLE: return tn_float_new(*(double *)addr);
    case TN_MEMBER_BOOL: return tn_bool_from(*(char *)addr);
    case TN_MEMBER_CSTR: {
        const char *s = *(const char **)addr;
        return s ? tn_str_from_cstr(s) : tn_newref(tn_None);
    }
    default:
        return tn_err_format(&tn_exc_SystemError, "bad member type for '%s'", m->name);
    }
}

static int member_set(TnObject *o, TnObject *obj, TnObject *value)
{
    TnMemberDescr *d = (TnMemberDescr *)o;
    if (descr_check(&d->h, obj) < 0)
        return -1;
    const TnMemberDef *m = d->d_member;
    if (m->readonly) {
        tn_err_format(&tn_exc_AttributeError, "readonly attribute");
        return -1;
    }
    char *addr = (char *)obj + m->offset;
    switch (m->type) {
    case TN_MEMBER_OBJECT:
    case TN_MEMBER_OBJECT_EX: {
        TnObject *old;
        if (value)
            tn_incref(value);
#ifdef TANDEM_FT
        old = atomic_exchange_explicit((SharedPtr *)addr, value, memory_order_acq_rel);
#else
        old = *(TnObject **)addr;
        *(TnObject **)addr = value;
#endif
        if (!value && !old && m->type == TN_MEMBER_OBJECT_EX) {
            tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '%s'",
                          tn_type_name(TN_TYPE(obj)), m->name);
            return -1;
        }
        TN_XDECREF(old);
        return 0;
    }
    default:
        break;
    }
    if (!value) {
        tn_err_setstr(&tn_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (m->type) {
    case TN_MEMBER_INT: case TN_MEMBER_SSIZE: {
        if (!tn_int_check(value)) {
            tn_err_setstr(&tn_exc_TypeError, "attribute value type must be int");
            return -1;
        }
        int64_t v = tn_int_as_i64(value);
        if (v == -1 && tn_err_occurred())
            return -1;
        if (m->type == TN_MEMBER_INT)
            *(int *)addr = (int)v;
        else
            *(tn_ssize_t *)addr = (tn_ssize_t)v;
        return 0;
    }
    case TN_MEMBER_DOUBLE: {
        double v = tn_float_as_double(value);
        if (v == -1.0 && tn_err_occurred())
            return -1;
        *(double *)addr = v;
        return 0;
    }
    case TN_MEMBER_BOOL:
        if (!tn_bool_check(value)) {
            tn_err_setstr(&tn_exc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = value == tn_True;
        return 0;
    default:
        tn_err_setstr(&tn_exc_TypeError, "readonly attribute");
        return -1;
    }
}

static TnObject *member_repr(TnObject *o)
{
    TnMemberDescr *d = (TnMemberDescr *)o;
    return tn_str_from_format("<member '%U' of '%s' objects>", d->h.d_name, tn_type_name(d->h.d_type));
}

static TnObject *member_get_doc(TnObject *o, void *c)
{
    const char *doc = ((TnMemberDescr *)o)->d_member->doc;
    return doc ? tn_str_from_cstr(doc) : tn_newref(tn_None);
}

static const TnGetSetDef member_getset[] = {
    { "__name__", d_get_name, NULL, NULL, NULL },
    { "__qualname__", d_get_qualname, NULL, NULL, NULL },
    { "__objclass__", d_get_objclass, NULL, NULL, NULL },
    { "__doc__", member_get_doc, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

TnType tn_member_descr_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(TnMemberDescr),
    .tp_flags = TN_TPFLAG_GC,
    .tp_traverse = descr_traverse,
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
    .tp_getset = member_getset,
};

/* ---- getset_descriptor ------------------------------------------------------- */

TnObject *tn_descr_new_getset(TnType *t, const TnGetSetDef *def)
{
    TnGetSetDescr *d = (TnGetSetDescr *)descr_alloc(&tn_getset_descr_type, sizeof(TnGetSetDescr), t, def->name);
    if (d)
        d->d_getset = def;
    return (TnObject *)d;
}

static TnObject *getset_get(TnObject *o, TnObject *obj, TnObject *type)
{
    TnGetSetDescr *d = (TnGetSetDescr *)o;
    if (!obj)
        return tn_newref(o);
    if (descr_check(&d->h, obj) < 0)
        return NULL;
    if (!d->d_getset->get)
        return tn_err_format(&tn_exc_AttributeError, "attribute '%U' of '%s' objects is not readable",
                             d->h.d_name, tn_type_name(d->h.d_type));
    return d->d_getset->get(obj, d->d_getset->closure);
}

static int getset_set(TnObject *o, TnObject *obj, TnObject *value)
{
    TnGetSetDescr *d = (TnGetSetDescr *)o;
    if (descr_check(&d->h, obj) < 0)
        return -1;
    if (!d->d_getset->set) {
        tn_err_format(&tn_exc_AttributeError, "attribute '%U' of '%s' objects is not writable",
                      d->h.d_name, tn_type_name(d->h.d_type));
        return -1;
    }
    return d->d_getset->set(obj, value, d->d_getset->closure);
}

static TnObject *getset_repr(TnObject *o)
{
    TnGetSetDescr *d = (TnGetSetDescr *)o;
    return tn_str_from_format("<attribute '%U' of '%s' objects>", d->h.d_name, tn_type_name(d->h.d_type));
}

static TnObject *getset_get_doc(TnObject *o, void *c)
{
    const char *doc = ((TnGetSetDescr *)o)->d_getset->doc;
    return doc ? tn_str_from_cstr(doc) : tn_newref(tn_None);
}

static const TnGetSetDef getset_getset[] = {
    { "__name__", d_get_name, NULL, NULL, NULL },
    { "__qualname__", d_get_qualname, NULL, NULL, NULL },
    { "__objclass__", d_get_objclass, NULL, NULL, NULL },
    { "__doc__", getset_get_doc, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

TnType tn_getset_descr_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(TnGetSetDescr),
    .tp_flags = TN_TPFLAG_GC,
    .tp_traverse = descr_traverse,
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
    .tp_getset = getset_getset,
};

int tn_descr_is_data(TnObject *o)
{
    return TN_TYPE(o)->tp_descr_set != NULL;
}

/* ---- staticmethod / classmethod ------------------------------------------------ */

static TnObject *sm_alloc(TnType *t, TnObject *callable)
{
    TnStaticMethod *sm = (TnStaticMethod *)tn_object_alloc(t, t->tp_basicsize);
    if (!sm)
        return NULL;
    sm->cm_callable = callable ? tn_newref(callable) : NULL;
    return (TnObject *)sm;
}

TnObject *tn_staticmethod_new(TnObject *callable) { return sm_alloc(&tn_staticmethod_type, callable); }
TnObject *tn_classmethod_new(TnObject *callable) { return sm_alloc(&tn_classmethod_type, callable); }

static void sm_dealloc(TnObject *o)
{
    TnStaticMethod *sm = (TnStaticMethod *)o;
    TN_XDECREF(sm->cm_callable);
    TN_XDECREF(sm->cm_dict);
    tn_object_free(o);
}

static int sm_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnStaticMethod *sm = (TnStaticMethod *)o;
    if (sm->cm_callable) {
        int r = visit(sm->cm_callable, arg);
        if (r)
            return r;
    }
    return sm->cm_dict ? visit(sm->cm_dict, arg) : 0;
}

static TnObject *sm_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    const char *name = tn_type_is_subtype(t, &tn_classmethod_type) ? "classmethod" : "staticmethod";
    if (kwnames && TN_TUPLE_SIZE(kwnames))
        return tn_err_format(&tn_exc_TypeError, "%s() takes no keyword arguments", name);
    if (nargs != 1)
        return tn_err_format(&tn_exc_TypeError, "%s expected 1 argument, got %zu", name, nargs);
    return sm_alloc(t, args[0]);
}

static int sm_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    /* copy __name__, __doc__... as functools.wraps would (CPython 3.10+) */
    TnStaticMethod *sm = (TnStaticMethod *)self;
    static const char *const attrs[] = { "__module__", "__name__", "__qualname__", "__doc__" };
    if (!sm->cm_callable || !tn_function_check(sm->cm_callable))
        return 0;
    if (!sm->cm_dict && !(sm->cm_dict = tn_dict_new()))
        return -1;
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
        TnObject *v;
        int r = tn_object_lookup_attr(sm->cm_callable, tn_str_intern_cstr(attrs[i]), &v);
        if (r < 0)
            return -1;
        if (r > 0) {
            r = tn_dict_setitem_str(sm->cm_dict, attrs[i], v);
            tn_decref(v);
            if (r < 0)
                return -1;
        }
    }
    return tn_dict_setitem_str(sm->cm_dict, "__wrapped__", sm->cm_callable);
}

static TnObject *staticmethod_get(TnObject *o, TnObject *obj, TnObject *type)
{
    TnStaticMethod *sm = (TnStaticMethod *)o;
    if (!sm->cm_callable)
        return tn_err_setstr(&tn_exc_RuntimeError, "uninitialized staticmethod object"), NULL;
    return tn_newref(sm->cm_callable);
}

static TnObject *staticmethod_call(TnObject *o, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnStaticMethod *sm = (TnStaticMethod *)o;
    return tn_call(sm->cm_callable, args, nargs, kwnames);
}

static TnObject *classmethod_get(TnObject *o, TnObject *obj, TnObject *type)
{
    TnClassMethod *cm = (TnClassMethod *)o;
    if (!cm->cm_callable)
        return tn_err_setstr(&tn_exc_RuntimeError, "uninitialized classmethod object"), NULL;
    if (!type)
        type = (TnObject *)TN_TYPE(obj);
    /* chained descriptors (classmethod(property)) as in 3.11 */
    TnType *ct = TN_TYPE(cm->cm_callable);
    if (ct->tp_descr_get && !(ct->tp_flags & TN_TPFLAG_METHOD_DESCRIPTOR) &&
        ct != &tn_cfunction_type && !tn_function_check(cm->cm_callable))
        return ct->tp_descr_get(cm->cm_callable, type, type);
    return tn_method_new(cm->cm_callable, type);
}

static TnObject *sm_get_func(TnObject *o, void *c)
{
    TnStaticMethod *sm = (TnStaticMethod *)o;
    return tn_newref(sm->cm_callable ? sm->cm_callable : tn_None);
}

static TnObject *sm_get_isabstract(TnObject *o, void *c)
{
    TnStaticMethod *sm = (TnStaticMethod *)o;
    TnObject *v;
    if (!sm->cm_callable)
        return tn_newref(tn_False);
    int r = tn_object_lookup_attr(sm->cm_callable, tn_str_intern_cstr("__isabstractmethod__"), &v);
    if (r <= 0)
        return r < 0 ? NULL : tn_newref(tn_False);
    return v;
}

static TnObject *sm_get_dict(TnObject *o, void *c)
{
    TnStaticMethod *sm = (TnStaticMethod *)o;
    if (!sm->cm_dict && !(sm->cm_dict = tn_dict_new()))
        return NULL;
    return tn_newref(sm->cm_dict);
}

static TnObject *sm_repr(TnObject *o)
{
    TnStaticMethod *sm = (TnStaticMethod *)o;
    const char *n = tn_type_name(TN_TYPE(o));
    if (!sm->cm_callable)
        return tn_str_from_format("<%s(NULL)>", n);
    return tn_str_from_format("<%s(%R)>", n, sm->cm_callable);
}

static const TnGetSetDef sm_getset[] = {
    { "__func__", sm_get_func, NULL, NULL, NULL },
    { "__wrapped__", sm_get_func, NULL, NULL, NULL },
    { "__isabstractmethod__", sm_get_isabstract, NULL, NULL, NULL },
    { "__dict__", sm_get_dict, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

TnType tn_staticmethod_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(TnStaticMethod),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = sm_dealloc,
    .tp_repr = sm_repr,
    .tp_call = staticmethod_call,
    .tp_descr_get = staticmethod_get,
    .tp_new = sm_new,
    .tp_init = sm_init,
    .tp_traverse = sm_traverse,
    .tp_getset = sm_getset,
    .tp_dictoffset = offsetof(TnStaticMethod, cm_dict),
};

TnType tn_classmethod_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(TnClassMethod),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = sm_dealloc,
    .tp_repr = sm_repr,
    .tp_descr_get = classmethod_get,
    .tp_new = sm_new,
    .tp_init = sm_init,
    .tp_traverse = sm_traverse,
    .tp_getset = sm_getset,
    .tp_dictoffset = offsetof(TnClassMethod, cm_dict),
};

/* ---- property ------------------------------------------------------------------ */

static void property_dealloc(TnObject *o)
{
    TnProperty *p = (TnProperty *)o;
    TN_XDECREF(p->prop_get);
    TN_XDECREF(p->prop_set);
    TN_XDECREF(p->prop_del);
    TN_XDECREF(p->prop_doc);
    TN_XDECREF(p->prop_name);
    tn_object_free(o);
}

static TnObject *property_get(TnObject *o, TnObject *obj, TnObject *type)
{
    TnProperty *p = (TnProperty *)o;
    if (!obj || obj == tn_None)
        return tn_newref(o);
    if (!p->prop_get) {
        if (p->prop_name)
            return tn_err_format(&tn_exc_AttributeError, "property %R of '%s' object has no getter",
                                 p->prop_name, tn_type_name(TN_TYPE(obj)));
        return tn_err_setstr(&tn_exc_AttributeError, "unreadable attribute"), NULL;
    }
    return tn_call_one(p->prop_get, obj);
}

static int property_set(TnObject *o, TnObject *obj, TnObject *value)
{
    TnProperty *p = (TnProperty *)o;
    TnObject *func = value ? p->prop_set : p->prop_del;
    if (!func) {
        const char *what = value ? "setter" : "deleter";
        if (p->prop_name)
            tn_err_format(&tn_exc_AttributeError, "property %R of '%s' object has no %s",
                          p->prop_name, tn_type_name(TN_TYPE(obj)), what);
        else
            tn_err_setstr(&tn_exc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
        return -1;
    }
    TnObject *r;
    if (value) {
        TnObject *args[2] = { obj, value };
        r = tn_call(func, args, 2, NULL);
    } else {
        r = tn_call_one(func, obj);
    }
    if (!r)
        return -1;
    tn_decref(r);
    return 0;
}

static const char *const property_kwlist[] = { "fget", "fset", "fdel", "doc", NULL };

static TnObject *property_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return tn_object_alloc(t, t->tp_basicsize);
}

static int property_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnProperty *p = (TnProperty *)self;
    TnObject *v[4] = { NULL, NULL, NULL, NULL };
    if (tn_parse_args("property", args, nargs, kwnames, property_kwlist, 4, 0, v) < 0)
        return -1;
    for (int i = 0; i < 4; i++)
        if (v[i] == tn_None)
            v[i] = NULL;
    TN_SETREF(p->prop_get, v[0] ? tn_newref(v[0]) : NULL);
    TN_SETREF(p->prop_set, v[1] ? tn_newref(v[1]) : NULL);
    TN_SETREF(p->prop_del, v[2] ? tn_newref(v[2]) : NULL);
    TnObject *doc = v[3];
    if (!doc && p->prop_get) {
        /* the getter's docstring becomes the property's */
        if (tn_object_lookup_attr(p->prop_get, TN_ID(__doc__), &doc) < 0)
            return -1;
        TN_SETREF(p->prop_doc, doc);
    } else {
        TN_SETREF(p->prop_doc, doc ? tn_newref(doc) : NULL);
    }
    if (p->prop_get && !p->prop_name) {
        TnObject *n;
        if (tn_object_lookup_attr(p->prop_get, TN_ID(__name__), &n) < 0)
            tn_err_clear();
        else if (n)
            TN_SETREF(p->prop_name, n);
    }
    return 0;
}

/* getter/setter/deleter return a copy with one function replaced. */
static TnObject *property_copy(TnObject *old, TnObject *get, TnObject *set, TnObject *del)
{
    TnProperty *p = (TnProperty *)old;
    TnType *t = TN_TYPE(old);
    TnObject *g = get ? get : p->prop_get, *s = set ? set : p->prop_set, *d = del ? del : p->prop_del;
    TnObject *args[4] = { g ? g : tn_None, s ? s : tn_None, d ? d : tn_None,
                          p->prop_doc && !(get && p->prop_get) ? p->prop_doc : tn_None };
    TnObject *np = tn_call((TnObject *)t, args, 4, NULL);
    if (np && TN_TYPE(np) == t && p->prop_name)
        TN_SETREF(((TnProperty *)np)->prop_name, tn_newref(p->prop_name));
    return np;
}

static TnObject *property_getter(TnObject *self, TnObject *f) { return property_copy(self, f, NULL, NULL); }
static TnObject *property_setter(TnObject *self, TnObject *f) { return property_copy(self, NULL, f, NULL); }
static TnObject *property_deleter(TnObject *self, TnObject *f) { return property_copy(self, NULL, NULL, f); }

static TnObject *property_set_name(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (nargs != 2)
        return tn_err_format(&tn_exc_TypeError, "__set_name__() takes 2 positional arguments but %zu were given", nargs);
    TN_SETREF(((TnProperty *)self)->prop_name, tn_newref(args[1]));
    TN_RETURN_NONE;
}

static const TnMethodDef property_methods[] = {
    { "getter", (void *)property_getter, TN_METH_O, "Descriptor to obtain a copy of the property with a different getter." },
    { "setter", (void *)property_setter, TN_METH_O, "Descriptor to obtain a copy of the property with a different setter." },
    { "deleter", (void *)property_deleter, TN_METH_O, "Descriptor to obtain a copy of the property with a different deleter." },
    { "__set_name__", (void *)property_set_name, TN_METH_FAST, "Method to set name of a property." },
    { NULL, NULL, 0, NULL }
};

static const TnMemberDef property_members[] = {
    { "fget", TN_MEMBER_OBJECT, offsetof(TnProperty, prop_get), 1, NULL },
    { "fset", TN_MEMBER_OBJECT, offsetof(TnProperty, prop_set), 1, NULL },
    { "fdel", TN_MEMBER_OBJECT, offsetof(TnProperty, prop_del), 1, NULL },
    { "__doc__", TN_MEMBER_OBJECT, offsetof(TnProperty, prop_doc), 0, NULL },
    { NULL, 0, 0, 0, NULL }
};

static TnObject *property_get_isabstract(TnObject *o, void *c)
{
    TnProperty *p = (TnProperty *)o;
    TnObject *fs[3] = { p->prop_get, p->prop_set, p->prop_del };
    for (int i = 0; i < 3; i++) {
        TnObject *v;
        if (!fs[i])
            continue;
        int r = tn_object_lookup_attr(fs[i], tn_str_intern_cstr("__isabstractmethod__"), &v);
        if (r < 0)
            return NULL;
        if (r > 0) {
            int t = tn_object_is_true(v);
            tn_decref(v);
            if (t)
                return t < 0 ? NULL : tn_newref(tn_True);
        }
    }
    return tn_newref(tn_False);
}

static const TnGetSetDef property_getset[] = {
    { "__isabstractmethod__", property_get_isabstract, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static int property_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnProperty *p = (TnProperty *)o;
    TnObject *fs[4] = { p->prop_get, p->prop_set, p->prop_del, p->prop_doc };
    for (int i = 0; i < 4; i++)
        if (fs[i]) {
            int r = visit(fs[i], arg);
            if (r)
                return r;
        }
    return 0;
}

TnType tn_property_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "property",
    .tp_basicsize = sizeof(TnProperty),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = property_dealloc,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_new = property_new,
    .tp_init = property_init,
    .tp_traverse = property_traverse,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getset,
    .tp_doc = "Property attribute.",
};
