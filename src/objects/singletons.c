/* None, NotImplemented, Ellipsis and their types, plus startup step 1
 * (tn_types_init). The singletons are static and immortal. */
#include "type_internal.h"
#include "tandem/module.h"
#include "tandem/args.h"

TnObject tn_none_struct = TN_STATIC_OBJECT_HEAD(&tn_none_type);
TnObject tn_notimplemented_struct = TN_STATIC_OBJECT_HEAD(&tn_notimplemented_type);
TnObject tn_ellipsis_struct = TN_STATIC_OBJECT_HEAD(&tn_ellipsis_type);

static TnObject *none_repr(TnObject *o)
{
    TnObject *s = tn_str_intern_cstr("None");
    return s ? tn_newref(s) : NULL;
}
static TnObject *notimpl_repr(TnObject *o)
{
    TnObject *s = tn_str_intern_cstr("NotImplemented");
    return s ? tn_newref(s) : NULL;
}
static TnObject *ellipsis_repr(TnObject *o)
{
    TnObject *s = tn_str_intern_cstr("Ellipsis");
    return s ? tn_newref(s) : NULL;
}
static int none_bool(TnObject *o) { return 0; }
static int true_bool(TnObject *o) { return 1; }
static tn_hash_t singleton_hash(TnObject *o) { return tn_object_hash_default(o); }

/* type(None)() returns None, and likewise for the other two. */
static TnObject *none_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (nargs || (kwnames && TN_TUPLE_SIZE(kwnames)))
        return tn_err_setstr(&tn_exc_TypeError, "NoneType takes no arguments"), NULL;
    TN_RETURN_NONE;
}
static TnObject *notimpl_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (nargs || (kwnames && TN_TUPLE_SIZE(kwnames)))
        return tn_err_setstr(&tn_exc_TypeError, "NotImplementedType takes no arguments"), NULL;
    return tn_newref(tn_NotImplemented);
}
static TnObject *ellipsis_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (nargs || (kwnames && TN_TUPLE_SIZE(kwnames)))
        return tn_err_setstr(&tn_exc_TypeError, "ellipsis takes no arguments"), NULL;
    return tn_newref(tn_Ellipsis);
}

static TnObject *singleton_reduce(TnObject *self, TnObject *unused)
{
    return tn_object_repr(self);
}

static const TnMethodDef singleton_methods[] = {
    { "__reduce__", (void *)singleton_reduce, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

TnType tn_none_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(TnObject),
    .tp_repr = none_repr,
    .tp_hash = singleton_hash,
    .nb_bool = none_bool,
    .tp_new = none_new,
    .tp_methods = singleton_methods,
};

TnType tn_notimplemented_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(TnObject),
    .tp_repr = notimpl_repr,
    .tp_hash = singleton_hash,
    .nb_bool = true_bool,
    .tp_new = notimpl_new,
    .tp_methods = singleton_methods,
};

TnType tn_ellipsis_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(TnObject),
    .tp_repr = ellipsis_repr,
    .tp_hash = singleton_hash,
    .tp_new = ellipsis_new,
    .tp_methods = singleton_methods,
};

/* Startup step 1. The str type is readied later (step 2), but interned
 * names are needed for type dicts: init.c therefore calls us before
 * tn_str_init() only for the static structure; every dict is filled here,
 * which needs strings and dicts. We ready what we can now and the rest is
 * readied lazily by tn_type_ready() (idempotent) when first needed. */
int tn_types_init(void)
{
    TnType *types[] = {
        &tn_object_type, &tn_type_type, &tn_none_type, &tn_notimplemented_type,
        &tn_ellipsis_type, &tn_wrapper_descr_type, &tn_method_wrapper_type,
        &tn_method_descr_type, &tn_classmethod_descr_type, &tn_member_descr_type,
        &tn_getset_descr_type, &tn_cfunction_type, &tn_staticmethod_type,
        &tn_classmethod_type, &tn_property_type, &tn_super_type, &tn_module_type,
    };
    if (tn_slots_init() < 0)
        return -1;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (tn_type_ready(types[i]) < 0)
            return -1;
    return 0;
}
