/* bool: the subclass of int with exactly two instances, True and False
 * (immortal, statically allocated, never created again). */
#include "int_internal.h"
#include "tandem/args.h"

TnInt tn_true_struct = { TN_STATIC_OBJECT_HEAD(&tn_bool_type), 1, 0 };
TnInt tn_false_struct = { TN_STATIC_OBJECT_HEAD(&tn_bool_type), 0, 0 };

static TnObject *bool_repr(TnObject *o)
{
    return tn_str_from_cstr(o == tn_True ? "True" : "False");
}

static TnObject *bool_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (tn_check_no_kwargs("bool", kwnames) < 0 || tn_check_nargs("bool", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return tn_newref(tn_False);
    int t = tn_object_is_true(args[0]);
    if (t < 0)
        return NULL;
    return tn_bool_from(t);
}

TnObject *tn_int_nb_and(TnObject *, TnObject *);
TnObject *tn_int_nb_or(TnObject *, TnObject *);
TnObject *tn_int_nb_xor(TnObject *, TnObject *);

/* bool & bool stays a bool; anything else is int arithmetic. */
static TnObject *bool_and(TnObject *a, TnObject *b)
{
    if (tn_bool_check(a) && tn_bool_check(b))
        return tn_bool_from(a == tn_True && b == tn_True);
    return tn_int_nb_and(a, b);
}

static TnObject *bool_or(TnObject *a, TnObject *b)
{
    if (tn_bool_check(a) && tn_bool_check(b))
        return tn_bool_from(a == tn_True || b == tn_True);
    return tn_int_nb_or(a, b);
}

static TnObject *bool_xor(TnObject *a, TnObject *b)
{
    if (tn_bool_check(a) && tn_bool_check(b))
        return tn_bool_from((a == tn_True) != (b == tn_True));
    return tn_int_nb_xor(a, b);
}

TnType tn_bool_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "bool",
    .tp_basicsize = sizeof(TnInt),
    .tp_itemsize = sizeof(uint32_t),
    .tp_flags = TN_TPFLAG_INT_SUBCLASS,            /* not subclassable, as CPython */
    .tp_repr = bool_repr,
    .tp_new = bool_new,
    .nb_and = bool_and,
    .nb_or = bool_or,
    .nb_xor = bool_xor,
    .tp_doc = "bool(x) -> bool",
    .tp_base = &tn_int_type,
};

int tn_bool_init(void)
{
    return tn_type_ready(&tn_bool_type);
}
