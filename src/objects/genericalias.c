/* types.GenericAlias (list[int], PEP 585) and types.UnionType (int | None,
 * PEP 604): the objects annotations evaluate to at definition time.
 *
 * Both are immutable after creation, so they need no object lock: the
 * origin and argument tuple are set once by the constructor. A "type
 * variable" among the arguments is any object whose type has
 * __typing_subst__ (typing.TypeVar, ParamSpec), which is what makes
 * list[T][int] substitute. */
#include "tandem/tandem.h"
#include "type_internal.h"

typedef struct {
    TnObject ob_base;
    TnObject *origin;
    TnObject *args;           /* tuple */
    TnObject *parameters;     /* tuple, computed when created */
} TnGenericAlias;

typedef struct {
    TnObject ob_base;
    TnObject *args;           /* tuple of the distinct members, in order */
    TnObject *parameters;
} TnUnion;

extern TnType tn_genericalias_type, tn_union_type;

#define IS_GA(o) (TN_TYPE(o) == &tn_genericalias_type)
#define IS_UNION(o) (TN_TYPE(o) == &tn_union_type)

static int is_typevar(TnObject *o)
{
    TnObject *f = tn_type_lookup(TN_TYPE(o), tn_str_intern_cstr("__typing_subst__"));
    return f != NULL;
}

/* The type variables of args in first-seen order, nested ones included. */
static TnObject *collect_parameters(TnObject *args)
{
    TnObject *list = tn_list_new(0);
    if (!list)
        return NULL;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(args); i++) {
        TnObject *a = TN_TUPLE_GET(args, i), *sub = NULL;
        if (tn_type_check(a))
            continue;
        if (is_typevar(a)) {
            int r = tn_sequence_contains(list, a);
            if (r < 0 || (!r && tn_list_append(list, a) < 0))
                goto error;
            continue;
        }
        if (tn_object_lookup_attr(a, tn_str_intern_cstr("__parameters__"), &sub) < 0)
            goto error;
        if (sub && tn_tuple_check(sub)) {
            for (tn_ssize_t j = 0; j < TN_TUPLE_SIZE(sub); j++) {
                int r = tn_sequence_contains(list, TN_TUPLE_GET(sub, j));
                if (r < 0 || (!r && tn_list_append(list, TN_TUPLE_GET(sub, j)) < 0)) {
                    tn_decref(sub);
                    goto error;
                }
            }
        }
        TN_XDECREF(sub);
    }
    TnObject *t = tn_list_as_tuple(list);
    tn_decref(list);
    return t;
error:
    tn_decref(list);
    return NULL;
}

TnObject *tn_genericalias_new(TnObject *origin, TnObject *args)
{
    TnObject *targs = tn_tuple_check(args) ? tn_newref(args) : tn_tuple_pack(1, args);
    if (!targs)
        return NULL;
    TnObject *params = collect_parameters(targs);
    if (!params) {
        tn_decref(targs);
        return NULL;
    }
    TnGenericAlias *ga = (TnGenericAlias *)tn_object_alloc(&tn_genericalias_type,
                                                           sizeof(TnGenericAlias));
    if (!ga) {
        tn_decref(targs);
        tn_decref(params);
        return NULL;
    }
    ga->origin = tn_newref(origin);
    ga->args = targs;
    ga->parameters = params;
    return (TnObject *)ga;
}

/* __class_getitem__ of the built-in generic classes (list, dict, ...). */
static TnObject *builtin_class_getitem(TnObject *cls, TnObject *arg)
{
    return tn_genericalias_new(cls, arg);
}

static const TnMethodDef class_getitem_def[] = {
    {"__class_getitem__", (void *)builtin_class_getitem, TN_METH_O | TN_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

const TnMethodDef *tn_genericalias_class_getitem_def(void)
{
    return class_getitem_def;
}

/* ---- repr ------------------------------------------------------------------ */

/* How an argument shows inside list[...] and X | Y: classes by qualified
 * name (builtins unqualified), ... as "...", everything else by repr. */
static TnObject *arg_repr(TnObject *a, int none_as_none)
{
    if (a == tn_Ellipsis)
        return tn_str_from_cstr("...");
    if (none_as_none && (a == (TnObject *)&tn_none_type || a == tn_None))
        return tn_str_from_cstr("None");
    if (tn_type_check(a) && !IS_GA(a)) {
        TnObject *qn = NULL, *mod = NULL, *r = NULL;
        if (tn_object_lookup_attr(a, tn_str_intern_cstr("__qualname__"), &qn) < 0 ||
            tn_object_lookup_attr(a, tn_str_intern_cstr("__module__"), &mod) < 0)
            goto fallback_error;
        if (!qn || !mod || !tn_str_check(qn) || !tn_str_check(mod)) {
            TN_XDECREF(qn);
            TN_XDECREF(mod);
            return tn_object_repr(a);
        }
        if (tn_str_eq_cstr(mod, "builtins"))
            r = tn_newref(qn);
        else
            r = tn_str_from_format("%U.%U", mod, qn);
        tn_decref(qn);
        tn_decref(mod);
        return r;
    fallback_error:
        TN_XDECREF(qn);
        TN_XDECREF(mod);
        return NULL;
    }
    if (tn_list_check(a)) {
        TnObject *parts = tn_list_new(0), *r = NULL;
        if (!parts)
            return NULL;
        for (tn_ssize_t i = 0; i < TN_LIST_SIZE(a); i++) {
            TnObject *s = arg_repr(TN_LIST_ITEMS(a)[i], 0);
            if (!s || tn_list_append(parts, s) < 0) {
                TN_XDECREF(s);
                tn_decref(parts);
                return NULL;
            }
            tn_decref(s);
        }
        TnObject *sep = tn_str_from_cstr(", ");
        TnObject *body = sep ? tn_str_join(sep, parts) : NULL;
        if (body)
            r = tn_str_from_format("[%U]", body);
        TN_XDECREF(sep);
        TN_XDECREF(body);
        tn_decref(parts);
        return r;
    }
    return tn_object_repr(a);
}

static TnObject *join_reprs(TnObject *args, const char *sep_c, int none_as_none)
{
    TnObject *parts = tn_list_new(0), *sep = NULL, *r = NULL;
    if (!parts)
        return NULL;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(args); i++) {
        TnObject *s = arg_repr(TN_TUPLE_GET(args, i), none_as_none);
        if (!s || tn_list_append(parts, s) < 0) {
            TN_XDECREF(s);
            goto done;
        }
        tn_decref(s);
    }
    sep = tn_str_from_cstr(sep_c);
    if (sep)
        r = tn_str_join(sep, parts);
done:
    TN_XDECREF(sep);
    tn_decref(parts);
    return r;
}

static TnObject *ga_repr(TnObject *o)
{
    TnGenericAlias *ga = (TnGenericAlias *)o;
    TnObject *head = arg_repr(ga->origin, 0), *body = NULL, *r = NULL;
    if (!head)
        return NULL;
    if (TN_TUPLE_SIZE(ga->args) == 0)
        body = tn_str_from_cstr("()");
    else
        body = join_reprs(ga->args, ", ", 0);
    if (body)
        r = tn_str_from_format("%U[%U]", head, body);
    tn_decref(head);
    TN_XDECREF(body);
    return r;
}

/* ---- GenericAlias behaviour ------------------------------------------------ */

static void ga_dealloc(TnObject *o)
{
    TnGenericAlias *ga = (TnGenericAlias *)o;
    TN_XDECREF(ga->origin);
    TN_XDECREF(ga->args);
    TN_XDECREF(ga->parameters);
    tn_object_free(o);
}

static int ga_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnGenericAlias *ga = (TnGenericAlias *)o;
    if (ga->origin && visit(ga->origin, arg))
        return 1;
    if (ga->args && visit(ga->args, arg))
        return 1;
    return ga->parameters ? visit(ga->parameters, arg) : 0;
}

static TnObject *ga_call(TnObject *o, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnGenericAlias *ga = (TnGenericAlias *)o;
    TnObject *r = tn_call(ga->origin, args, nargs, kwnames);
    if (!r)
        return NULL;
    /* instances remember the alias they came from where they can */
    if (tn_object_setattr(r, tn_str_intern_cstr("__orig_class__"), o) < 0) {
        if (!tn_err_matches(&tn_exc_AttributeError) && !tn_err_matches(&tn_exc_TypeError)) {
            tn_decref(r);
            return NULL;
        }
        tn_err_clear();
    }
    return r;
}

/* Attributes that belong to the alias; everything else is the origin's. */
static const char *const ga_own_attrs[] = {
    "__class__", "__origin__", "__args__", "__parameters__", "__mro_entries__",
    "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__", "__unpacked__",
    "__typing_unpacked_tuple_args__", "__instancecheck__", "__subclasscheck__",
    "__getitem__", "__or__", "__ror__", "__repr__", "__hash__", "__eq__", "__ne__",
    "__call__", "__dir__", "__getattribute__", "__setattr__", "__delattr__", NULL
};

static TnObject *ga_getattro(TnObject *o, TnObject *name)
{
    if (tn_str_check(name)) {
        int own = 0;
        for (const char *const *p = ga_own_attrs; *p; p++)
            if (tn_str_eq_cstr(name, *p)) {
                own = 1;
                break;
            }
        if (!own)
            return tn_object_getattr(((TnGenericAlias *)o)->origin, name);
    }
    return tn_object_generic_getattr(o, name);
}

static TnObject *ga_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!IS_GA(b) || (op != TN_EQ && op != TN_NE))
        return tn_newref(tn_NotImplemented);
    TnGenericAlias *x = (TnGenericAlias *)a, *y = (TnGenericAlias *)b;
    int eq = tn_object_richcompare_bool(x->origin, y->origin, TN_EQ);
    if (eq < 0)
        return NULL;
    if (eq) {
        eq = tn_object_richcompare_bool(x->args, y->args, TN_EQ);
        if (eq < 0)
            return NULL;
    }
    return tn_bool_from(op == TN_EQ ? eq : !eq);
}

static tn_hash_t ga_hash(TnObject *o)
{
    TnGenericAlias *ga = (TnGenericAlias *)o;
    tn_hash_t h0 = tn_object_hash(ga->origin);
    if (h0 == -1)
        return -1;
    tn_hash_t h1 = tn_object_hash(ga->args);
    if (h1 == -1)
        return -1;
    tn_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

/* The substitution of one argument under params -> items. */
static TnObject *subst_arg(TnObject *arg, TnObject *params, TnObject *items)
{
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(params); i++)
        if (TN_TUPLE_GET(params, i) == arg)
            return tn_newref(TN_TUPLE_GET(items, i));
    if (tn_type_check(arg))
        return tn_newref(arg);
    TnObject *sub = NULL;
    if (tn_object_lookup_attr(arg, tn_str_intern_cstr("__parameters__"), &sub) < 0)
        return NULL;
    if (!sub || !tn_tuple_check(sub) || TN_TUPLE_SIZE(sub) == 0) {
        TN_XDECREF(sub);
        return tn_newref(arg);
    }
    TnObject *subitems = tn_tuple_new(TN_TUPLE_SIZE(sub));
    if (!subitems) {
        tn_decref(sub);
        return NULL;
    }
    for (tn_ssize_t j = 0; j < TN_TUPLE_SIZE(sub); j++) {
        TnObject *v = subst_arg(TN_TUPLE_GET(sub, j), params, items);
        if (!v) {
            tn_decref(sub);
            tn_decref(subitems);
            return NULL;
        }
        TN_TUPLE_SET(subitems, j, v);
    }
    tn_decref(sub);
    TnObject *key = TN_TUPLE_SIZE(subitems) == 1 ? tn_newref(TN_TUPLE_GET(subitems, 0))
                                                 : tn_newref(subitems);
    tn_decref(subitems);
    TnObject *r = tn_object_getitem(arg, key);
    tn_decref(key);
    return r;
}

static TnObject *ga_getitem(TnObject *o, TnObject *key)
{
    TnGenericAlias *ga = (TnGenericAlias *)o;
    tn_ssize_t np = TN_TUPLE_SIZE(ga->parameters);
    if (np == 0)
        return tn_err_format(&tn_exc_TypeError, "%R is not a generic class", o);
    TnObject *items = tn_tuple_check(key) ? tn_newref(key) : tn_tuple_pack(1, key);
    if (!items)
        return NULL;
    tn_ssize_t ni = TN_TUPLE_SIZE(items);
    if (ni != np) {
        tn_err_format(&tn_exc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                      ni > np ? "many" : "few", o, ni, np);
        tn_decref(items);
        return NULL;
    }
    TnObject *newargs = tn_tuple_new(TN_TUPLE_SIZE(ga->args));
    if (!newargs) {
        tn_decref(items);
        return NULL;
    }
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(ga->args); i++) {
        TnObject *v = subst_arg(TN_TUPLE_GET(ga->args, i), ga->parameters, items);
        if (!v) {
            tn_decref(items);
            tn_decref(newargs);
            return NULL;
        }
        TN_TUPLE_SET(newargs, i, v);
    }
    tn_decref(items);
    TnObject *r = tn_genericalias_new(ga->origin, newargs);
    tn_decref(newargs);
    return r;
}

static TnObject *ga_mro_entries(TnObject *self, TnObject *bases)
{
    return tn_tuple_pack(1, ((TnGenericAlias *)self)->origin);
}

/* copy and pickle rebuild the alias as GenericAlias(origin, args) */
static TnObject *ga_reduce(TnObject *self, TnObject *unused)
{
    TnGenericAlias *ga = (TnGenericAlias *)self;
    TnObject *ctor_args = tn_tuple_pack(2, ga->origin, ga->args);
    if (!ctor_args)
        return NULL;
    TnObject *r = tn_tuple_pack(2, (TnObject *)&tn_genericalias_type, ctor_args);
    tn_decref(ctor_args);
    return r;
}

static TnObject *ga_instancecheck(TnObject *self, TnObject *arg)
{
    return tn_err_format(&tn_exc_TypeError,
                         "isinstance() argument 2 cannot be a parameterized generic");
}

static TnObject *ga_subclasscheck(TnObject *self, TnObject *arg)
{
    return tn_err_format(&tn_exc_TypeError,
                         "issubclass() argument 2 cannot be a parameterized generic");
}

static TnObject *ga_get_origin(TnObject *o, void *c)
{
    return tn_newref(((TnGenericAlias *)o)->origin);
}

static TnObject *ga_get_args(TnObject *o, void *c)
{
    return tn_newref(((TnGenericAlias *)o)->args);
}

static TnObject *ga_get_parameters(TnObject *o, void *c)
{
    return tn_newref(((TnGenericAlias *)o)->parameters);
}

static TnObject *ga_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (kwnames && TN_TUPLE_SIZE(kwnames))
        return tn_err_format(&tn_exc_TypeError, "GenericAlias() takes no keyword arguments");
    if (nargs != 2)
        return tn_err_format(&tn_exc_TypeError, "GenericAlias expected 2 arguments, got %zu",
                             nargs);
    return tn_genericalias_new(args[0], args[1]);
}

/* ---- UnionType ----------------------------------------------------------- */

/* Operands `|` accepts on both sides (CPython 3.11's rule). */
static int unionable(TnObject *o)
{
    return o == tn_None || tn_type_check(o) || IS_GA(o) || IS_UNION(o);
}

static int add_member(TnObject *list, TnObject *o)
{
    if (o == tn_None)
        o = (TnObject *)&tn_none_type;
    for (tn_ssize_t i = 0; i < TN_LIST_SIZE(list); i++) {
        int eq = tn_object_richcompare_bool(TN_LIST_ITEMS(list)[i], o, TN_EQ);
        if (eq)
            return eq < 0 ? -1 : 0;
    }
    return tn_list_append(list, o);
}

static int add_operand(TnObject *list, TnObject *o)
{
    if (IS_UNION(o)) {
        TnObject *args = ((TnUnion *)o)->args;
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(args); i++)
            if (add_member(list, TN_TUPLE_GET(args, i)) < 0)
                return -1;
        return 0;
    }
    return add_member(list, o);
}

static TnObject *make_union(TnObject *a, TnObject *b)
{
    TnObject *list = tn_list_new(0);
    if (!list)
        return NULL;
    if (add_operand(list, a) < 0 || add_operand(list, b) < 0) {
        tn_decref(list);
        return NULL;
    }
    if (TN_LIST_SIZE(list) == 1) {
        TnObject *only = tn_newref(TN_LIST_ITEMS(list)[0]);
        tn_decref(list);
        return only;
    }
    TnObject *args = tn_list_as_tuple(list);
    tn_decref(list);
    if (!args)
        return NULL;
    TnObject *params = collect_parameters(args);
    if (!params) {
        tn_decref(args);
        return NULL;
    }
    TnUnion *u = (TnUnion *)tn_object_alloc(&tn_union_type, sizeof(TnUnion));
    if (!u) {
        tn_decref(args);
        tn_decref(params);
        return NULL;
    }
    u->args = args;
    u->parameters = params;
    return (TnObject *)u;
}

TnObject *tn_union_or(TnObject *a, TnObject *b)
{
    if (!unionable(a) || !unionable(b))
        return tn_newref(tn_NotImplemented);
    return make_union(a, b);
}

static void union_dealloc(TnObject *o)
{
    TnUnion *u = (TnUnion *)o;
    TN_XDECREF(u->args);
    TN_XDECREF(u->parameters);
    tn_object_free(o);
}

static int union_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnUnion *u = (TnUnion *)o;
    if (u->args && visit(u->args, arg))
        return 1;
    return u->parameters ? visit(u->parameters, arg) : 0;
}

static TnObject *union_repr(TnObject *o)
{
    return join_reprs(((TnUnion *)o)->args, " | ", 1);
}

static TnObject *union_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!IS_UNION(b) || (op != TN_EQ && op != TN_NE))
        return tn_newref(tn_NotImplemented);
    TnObject *x = tn_frozenset_new(((TnUnion *)a)->args);
    TnObject *y = x ? tn_frozenset_new(((TnUnion *)b)->args) : NULL;
    TnObject *r = y ? tn_object_richcompare(x, y, op) : NULL;
    TN_XDECREF(x);
    TN_XDECREF(y);
    return r;
}

static tn_hash_t union_hash(TnObject *o)
{
    TnObject *s = tn_frozenset_new(((TnUnion *)o)->args);
    if (!s)
        return -1;
    tn_hash_t h = tn_object_hash(s);
    tn_decref(s);
    return h;
}

static TnObject *union_check(TnObject *self, TnObject *arg, int subclass)
{
    /* like a tuple of classes: members are tried in order, so a
     * parameterized generic only fails when it is reached */
    TnObject *args = ((TnUnion *)self)->args;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(args); i++) {
        int r = subclass ? tn_object_issubclass(arg, TN_TUPLE_GET(args, i))
                         : tn_object_isinstance(arg, TN_TUPLE_GET(args, i));
        if (r < 0)
            return NULL;
        if (r)
            return tn_bool_from(1);
    }
    return tn_bool_from(0);
}

static TnObject *union_instancecheck(TnObject *self, TnObject *arg)
{
    return union_check(self, arg, 0);
}

static TnObject *union_subclasscheck(TnObject *self, TnObject *arg)
{
    return union_check(self, arg, 1);
}

static TnObject *union_getitem(TnObject *o, TnObject *key)
{
    TnUnion *u = (TnUnion *)o;
    if (TN_TUPLE_SIZE(u->parameters) == 0)
        return tn_err_format(&tn_exc_TypeError, "%R is not a generic class", o);
    TnObject *items = tn_tuple_check(key) ? tn_newref(key) : tn_tuple_pack(1, key);
    if (!items)
        return NULL;
    if (TN_TUPLE_SIZE(items) != TN_TUPLE_SIZE(u->parameters)) {
        tn_err_format(&tn_exc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                      TN_TUPLE_SIZE(items) > TN_TUPLE_SIZE(u->parameters) ? "many" : "few", o,
                      TN_TUPLE_SIZE(items), TN_TUPLE_SIZE(u->parameters));
        tn_decref(items);
        return NULL;
    }
    TnObject *acc = NULL;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(u->args); i++) {
        TnObject *v = subst_arg(TN_TUPLE_GET(u->args, i), u->parameters, items);
        if (!v)
            goto error;
        if (!acc) {
            acc = v;
            continue;
        }
        TnObject *n = tn_number_or(acc, v);
        tn_decref(v);
        tn_decref(acc);
        acc = n;
        if (!acc)
            goto error;
    }
    tn_decref(items);
    return acc;
error:
    TN_XDECREF(acc);
    tn_decref(items);
    return NULL;
}

static TnObject *union_get_args(TnObject *o, void *c)
{
    return tn_newref(((TnUnion *)o)->args);
}

static TnObject *union_get_parameters(TnObject *o, void *c)
{
    return tn_newref(((TnUnion *)o)->parameters);
}

/* ---- type objects ------------------------------------------------------------ */

static const TnMethodDef ga_methods[] = {
    {"__mro_entries__", (void *)ga_mro_entries, TN_METH_O, NULL},
    {"__reduce__", (void *)ga_reduce, TN_METH_NOARGS, NULL},
    {"__instancecheck__", (void *)ga_instancecheck, TN_METH_O, NULL},
    {"__subclasscheck__", (void *)ga_subclasscheck, TN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static const TnGetSetDef ga_getset[] = {
    {"__origin__", ga_get_origin, NULL, NULL, NULL},
    {"__args__", ga_get_args, NULL, NULL, NULL},
    {"__parameters__", ga_get_parameters, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

TnType tn_genericalias_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(TnGenericAlias),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = ga_dealloc,
    .tp_repr = ga_repr,
    .tp_hash = ga_hash,
    .tp_richcompare = ga_richcompare,
    .tp_getattro = ga_getattro,
    .tp_call = ga_call,
    .tp_new = ga_new,
    .tp_traverse = ga_traverse,
    .nb_or = tn_union_or,
    .mp_subscript = ga_getitem,
    .tp_methods = ga_methods,
    .tp_getset = ga_getset,
    .tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ "
              "is list and t.__args__ is (int,).",
};

static const TnMethodDef union_methods[] = {
    {"__instancecheck__", (void *)union_instancecheck, TN_METH_O, NULL},
    {"__subclasscheck__", (void *)union_subclasscheck, TN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static const TnGetSetDef union_getset[] = {
    {"__args__", union_get_args, NULL, NULL, NULL},
    {"__parameters__", union_get_parameters, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

TnType tn_union_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(TnUnion),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = union_dealloc,
    .tp_repr = union_repr,
    .tp_hash = union_hash,
    .tp_richcompare = union_richcompare,
    .nb_or = tn_union_or,
    .mp_subscript = union_getitem,
    .tp_traverse = union_traverse,
    .tp_methods = union_methods,
    .tp_getset = union_getset,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
};
