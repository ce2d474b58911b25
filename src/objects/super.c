/* super: attribute lookup that starts after a given class in the MRO of
 * the instance's type (CPython's super_getattro). */
#include "type_internal.h"
#include "tandem/eval.h"

/* The type to search: type(obj), or obj itself when obj is a subclass of
 * `type` (super(type, type2)). */
static TnType *supercheck(TnType *type, TnObject *obj)
{
    if (tn_type_check(obj) && tn_type_is_subtype((TnType *)obj, type))
        return (TnType *)obj;
    if (tn_type_is_subtype(TN_TYPE(obj), type))
        return TN_TYPE(obj);
    /* obj.__class__ may name a subclass (proxies) */
    TnObject *cls;
    if (tn_object_lookup_attr(obj, TN_ID(__class__), &cls) < 0)
        return NULL;
    if (cls) {
        if (tn_type_check(cls) && cls != (TnObject *)TN_TYPE(obj) &&
            tn_type_is_subtype((TnType *)cls, type)) {
            tn_decref(cls);   /* a class lives at least as long as its instances */
            return (TnType *)cls;
        }
        tn_decref(cls);
    }
    tn_err_setstr(&tn_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

TnObject *tn_super_new(TnType *type, TnObject *obj)
{
    TnType *objtype = NULL;
    if (obj && obj != tn_None) {
        objtype = supercheck(type, obj);
        if (!objtype)
            return NULL;
    } else {
        obj = NULL;
    }
    TnSuper *s = (TnSuper *)tn_object_alloc(&tn_super_type, sizeof(TnSuper));
    if (!s)
        return NULL;
    s->type = (TnType *)tn_newref((TnObject *)type);
    s->obj = obj ? tn_newref(obj) : NULL;
    s->obj_type = objtype ? (TnType *)tn_newref((TnObject *)objtype) : NULL;
    return (TnObject *)s;
}

static void super_dealloc(TnObject *o)
{
    TnSuper *s = (TnSuper *)o;
    TN_XDECREF(s->type);
    TN_XDECREF(s->obj);
    TN_XDECREF(s->obj_type);
    tn_object_free(o);
}

static TnObject *super_getattro(TnObject *o, TnObject *name)
{
    TnSuper *s = (TnSuper *)o;
    TnType *start = s->obj_type;
    /* super().__class__ is super itself, not the proxied class's */
    if (!start || (tn_str_check(name) && tn_str_eq(name, TN_ID(__class__))))
        return tn_object_generic_getattr(o, name);
    TnObject *mro = start->tp_mro;
    tn_ssize_t n = TN_TUPLE_SIZE(mro), i = 0;
    while (i + 1 < n && TN_TUPLE_GET(mro, i) != (TnObject *)s->type)
        i++;
    for (i++; i < n; i++) {
        TnType *b = (TnType *)TN_TUPLE_GET(mro, i);
        TnObject *v = tn_dict_get_str_known(b->tp_dict, name);
        if (!v) {
            if (tn_err_occurred())
                return NULL;
            continue;
        }
        TnObject *(*get)(TnObject *, TnObject *, TnObject *) = TN_TYPE(v)->tp_descr_get;
        if (get) {
            /* obj == start means super(type, type2): bind to the class */
            TnObject *r = get(v, s->obj == (TnObject *)start ? NULL : s->obj, (TnObject *)start);
            tn_decref(v);
            return r;
        }
        return v;
    }
    return tn_object_generic_getattr(o, name);
}

static TnObject *super_descr_get(TnObject *o, TnObject *obj, TnObject *type)
{
    TnSuper *s = (TnSuper *)o;
    if (!obj || obj == tn_None || s->obj)
        return tn_newref(o);
    return tn_super_new(s->type, obj);
}

static TnObject *super_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (kwnames && TN_TUPLE_SIZE(kwnames))
        return tn_err_setstr(&tn_exc_TypeError, "super() takes no keyword arguments"), NULL;
    if (nargs > 2)
        return tn_err_format(&tn_exc_TypeError, "super() expected at most 2 arguments, got %zu", nargs);
    TnType *type;
    TnObject *obj = NULL, *r;
    if (nargs == 0) {
        if (tn_frame_super_args(&type, &obj) < 0)
            return NULL;
        r = tn_super_new(type, obj);
        tn_decref((TnObject *)type);
        TN_XDECREF(obj);
        return r;
    }
    if (!tn_type_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "super() argument 1 must be a type, not %s",
                             tn_type_name(TN_TYPE(args[0])));
    return tn_super_new((TnType *)args[0], nargs > 1 ? args[1] : NULL);
}

static TnObject *super_repr(TnObject *o)
{
    TnSuper *s = (TnSuper *)o;
    const char *tn = s->type ? tn_type_name(s->type) : "NULL";
    if (s->obj_type)
        return tn_str_from_format("<super: <class '%s'>, <%s object>>", tn, tn_type_name(s->obj_type));
    return tn_str_from_format("<super: <class '%s'>, NULL>", tn);
}

static TnObject *super_get_thisclass(TnObject *o, void *c)
{
    TnSuper *s = (TnSuper *)o;
    return tn_newref(s->type ? (TnObject *)s->type : tn_None);
}
static TnObject *super_get_self(TnObject *o, void *c)
{
    TnSuper *s = (TnSuper *)o;
    return tn_newref(s->obj ? s->obj : tn_None);
}
static TnObject *super_get_self_class(TnObject *o, void *c)
{
    TnSuper *s = (TnSuper *)o;
    return tn_newref(s->obj_type ? (TnObject *)s->obj_type : tn_None);
}

static const TnGetSetDef super_getset[] = {
    { "__thisclass__", super_get_thisclass, NULL, "the class invoking super()", NULL },
    { "__self__", super_get_self, NULL, "the instance invoking super(); may be None", NULL },
    { "__self_class__", super_get_self_class, NULL, "the type of the instance invoking super(); may be None", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

TnType tn_super_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "super",
    .tp_basicsize = sizeof(TnSuper),
    .tp_flags = TN_TPFLAG_BASETYPE,
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_descr_get = super_descr_get,
    .tp_new = super_new,
    .tp_getset = super_getset,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)",
};
