/* Bound methods (`method`): a function and the instance it was looked up
 * on. Immutable after creation, so threads share them without locks. */
#include "tandem/tandem.h"
#include "tandem/func.h"

TnObject *tn_method_new(TnObject *func, TnObject *self)
{
    TnMethod *m = (TnMethod *)tn_object_alloc(&tn_method_type, sizeof(TnMethod));
    if (!m)
        return NULL;
    m->func = tn_newref(func);
    m->self = tn_newref(self);
    return (TnObject *)m;
}

static void method_dealloc(TnObject *o)
{
    TnMethod *m = (TnMethod *)o;
    TN_DECREF(m->func);
    TN_DECREF(m->self);
    tn_object_free(o);
}

static int method_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnMethod *m = (TnMethod *)o;
    int r = visit(m->func, arg);
    return r ? r : visit(m->self, arg);
}

/* Call func(self, *args) without building a tuple: a small array on the C
 * stack holds self followed by the arguments. */
static TnObject *method_vectorcall(TnObject *o, TnObject *const *args, size_t nargs,
                                   TnObject *kwnames)
{
    TnMethod *m = (TnMethod *)o;
    size_t nkw = kwnames ? (size_t)TN_TUPLE_SIZE(kwnames) : 0;
    size_t total = nargs + nkw;
    TnObject *small[8];
    TnObject **argv = small;
    if (total + 1 > 8) {
        argv = tn_mem_alloc((total + 1) * sizeof(TnObject *));
        if (!argv)
            return NULL;
    }
    argv[0] = m->self;
    for (size_t i = 0; i < total; i++)
        argv[i + 1] = args[i];
    TnObject *res;
    if (tn_function_check(m->func))
        res = tn_function_vectorcall(m->func, argv, nargs + 1, kwnames);
    else
        res = tn_call(m->func, argv, nargs + 1, kwnames);
    if (argv != small)
        tn_mem_free(argv);
    return res;
}

static TnObject *method_repr(TnObject *o)
{
    TnMethod *m = (TnMethod *)o;
    TnObject *name = NULL, *selfrepr = NULL, *res = NULL;
    if (tn_object_lookup_attr(m->func, TN_ID(__qualname__), &name) < 0)
        return NULL;
    if (!name && tn_object_lookup_attr(m->func, TN_ID(__name__), &name) < 0)
        return NULL;
    if (name && !tn_str_check(name))
        TN_CLEAR(name);
    selfrepr = tn_object_repr(m->self);
    if (!selfrepr)
        goto done;
    res = tn_str_from_format("<bound method %s of %U>",
                             name ? TN_STR_DATA(name) : "?", selfrepr);
done:
    TN_XDECREF(name);
    TN_XDECREF(selfrepr);
    return res;
}

static TnObject *method_richcompare(TnObject *a, TnObject *b, int op)
{
    if ((op != TN_EQ && op != TN_NE) || !tn_method_check(a) || !tn_method_check(b))
        return tn_newref(tn_NotImplemented);
    TnMethod *x = (TnMethod *)a, *y = (TnMethod *)b;
    int eq = tn_object_richcompare_bool(x->func, y->func, TN_EQ);
    if (eq < 0)
        return NULL;
    eq = eq && x->self == y->self;
    return tn_bool_from(op == TN_EQ ? eq : !eq);
}

static tn_hash_t method_hash(TnObject *o)
{
    TnMethod *m = (TnMethod *)o;
    tn_hash_t x = (tn_hash_t)((uintptr_t)m->self >> 4);
    tn_hash_t y = tn_object_hash(m->func);
    if (y == -1)
        return -1;
    x ^= y;
    return x == -1 ? -2 : x;
}

/* Attributes not defined on `method` itself come from the function. */
static TnObject *method_getattro(TnObject *o, TnObject *name)
{
    TnMethod *m = (TnMethod *)o;
    TnObject *descr = tn_type_lookup(TN_TYPE(o), name);
    if (descr) {
        TnType *dt = TN_TYPE(descr);
        if (dt->tp_descr_get)
            return dt->tp_descr_get(descr, o, (TnObject *)TN_TYPE(o));
        return tn_newref(descr);
    }
    return tn_object_getattr(m->func, name);
}

static TnObject *method_descr_get(TnObject *self, TnObject *obj, TnObject *type)
{
    return tn_newref(self);
}

static TnObject *method_get_doc(TnObject *o, void *closure)
{
    return tn_object_getattr(((TnMethod *)o)->func, TN_ID(__doc__));
}

static TnObject *method_reduce(TnObject *o, TnObject *unused)
{
    return tn_err_format(&tn_exc_TypeError, "cannot pickle 'method' object");
}

static const TnMemberDef method_members[] = {
    {"__func__", TN_MEMBER_OBJECT, offsetof(TnMethod, func), 1, NULL},
    {"__self__", TN_MEMBER_OBJECT, offsetof(TnMethod, self), 1, NULL},
    {NULL, 0, 0, 0, NULL}
};

static const TnGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static const TnMethodDef method_methods[] = {
    {"__reduce__", (void *)method_reduce, TN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

TnType tn_method_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "method",
    .tp_basicsize = sizeof(TnMethod),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = method_dealloc,
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_richcompare = method_richcompare,
    .tp_getattro = method_getattro,
    .tp_call = method_vectorcall,
    .tp_descr_get = method_descr_get,
    .tp_traverse = method_traverse,
    .tp_members = method_members,
    .tp_getset = method_getset,
    .tp_methods = method_methods,
};
