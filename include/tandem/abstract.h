/* The object protocols: what `a + b`, `a[k]`, `f(x)`, `getattr(o, n)`,
 * `repr(o)`, `iter(o)` ... mean for any object. Implemented in
 * src/objects/abstract.c and src/objects/object.c (CPython's abstract.c and
 * object.c). Every function returns a new reference (or -1/0/1 for ints)
 * and sets an exception on failure, with CPython's messages.
 */
#ifndef TANDEM_ABSTRACT_H
#define TANDEM_ABSTRACT_H

#include "tandem/type.h"

/* Singletons (immortal). */
extern TnObject tn_none_struct, tn_notimplemented_struct, tn_ellipsis_struct;
#define tn_None (&tn_none_struct)
#define tn_NotImplemented (&tn_notimplemented_struct)
#define tn_Ellipsis (&tn_ellipsis_struct)
#define TN_RETURN_NONE return tn_newref(tn_None)
extern TnType tn_none_type, tn_notimplemented_type, tn_ellipsis_type;

/* Text. */
TnObject *tn_object_repr(TnObject *o);
TnObject *tn_object_str(TnObject *o);
TnObject *tn_object_ascii(TnObject *o);
TnObject *tn_object_format(TnObject *o, TnObject *spec);   /* format(o, spec); spec NULL = "" */

/* Identity, truth, hashing, comparison. */
int tn_object_is_true(TnObject *o);                         /* -1 on error */
tn_hash_t tn_object_hash(TnObject *o);                      /* -1 on error */
TnObject *tn_object_richcompare(TnObject *a, TnObject *b, int op);
int tn_object_richcompare_bool(TnObject *a, TnObject *b, int op); /* identity shortcut for EQ/NE */
TnObject *tn_hash_not_implemented(TnObject *o);             /* "unhashable type: 'list'" */

/* Attributes. name is a str. */
TnObject *tn_object_getattr(TnObject *o, TnObject *name);
TnObject *tn_object_getattr_cstr(TnObject *o, const char *name);
/* Like getattr but returns 0 and no exception when the attribute is missing
 * (AttributeError swallowed); 1 and *result set when found; -1 on error. */
int tn_object_lookup_attr(TnObject *o, TnObject *name, TnObject **result);
int tn_object_setattr(TnObject *o, TnObject *name, TnObject *value);   /* value NULL = delete */
int tn_object_setattr_cstr(TnObject *o, const char *name, TnObject *value);
int tn_object_hasattr(TnObject *o, TnObject *name);
/* The default tp_getattro/tp_setattro (descriptors, instance dict, MRO). */
TnObject *tn_object_generic_getattr(TnObject *o, TnObject *name);
int tn_object_generic_setattr(TnObject *o, TnObject *name, TnObject *value);
/* For LOAD_METHOD: if the attribute is a plain function/method descriptor
 * found on the type and not shadowed, *method = the unbound function and
 * return 1 (caller passes o as self); else *method = the bound attribute and
 * return 0; -1 on error. */
int tn_object_get_method(TnObject *o, TnObject *name, TnObject **method);
TnObject **tn_object_dict_ptr(TnObject *o);                 /* NULL if no __dict__ slot */
TnObject *tn_object_dir(TnObject *o);                       /* dir(o), sorted list */

/* Calls (vector convention: see type.h). */
TnObject *tn_call(TnObject *callable, TnObject *const *args, size_t nargs, TnObject *kwnames);
TnObject *tn_call_noargs(TnObject *callable);
TnObject *tn_call_one(TnObject *callable, TnObject *arg);
TnObject *tn_call_tuple_dict(TnObject *callable, TnObject *args_tuple, TnObject *kwargs_dict);
TnObject *tn_call_method(TnObject *obj, TnObject *name, TnObject *const *args, size_t nargs);
TnObject *tn_call_method_cstr(TnObject *obj, const char *name, TnObject *const *args, size_t nargs);
int tn_callable(TnObject *o);

/* Numbers: binary operators do the __op__/__rop__ dance, subclass first. */
TnObject *tn_number_add(TnObject *a, TnObject *b);
TnObject *tn_number_subtract(TnObject *a, TnObject *b);
TnObject *tn_number_multiply(TnObject *a, TnObject *b);
TnObject *tn_number_matmul(TnObject *a, TnObject *b);
TnObject *tn_number_truediv(TnObject *a, TnObject *b);
TnObject *tn_number_floordiv(TnObject *a, TnObject *b);
TnObject *tn_number_remainder(TnObject *a, TnObject *b);
TnObject *tn_number_divmod(TnObject *a, TnObject *b);
TnObject *tn_number_power(TnObject *a, TnObject *b, TnObject *mod);  /* mod: tn_None if absent */
TnObject *tn_number_lshift(TnObject *a, TnObject *b);
TnObject *tn_number_rshift(TnObject *a, TnObject *b);
TnObject *tn_number_and(TnObject *a, TnObject *b);
TnObject *tn_number_or(TnObject *a, TnObject *b);
TnObject *tn_number_xor(TnObject *a, TnObject *b);
/* op is a BINARY_OP oparg (TN_OP_* or TN_OP_* + TN_BINOP_INPLACE). */
TnObject *tn_number_binop(TnObject *a, TnObject *b, int op);
TnObject *tn_number_negative(TnObject *o);
TnObject *tn_number_positive(TnObject *o);
TnObject *tn_number_invert(TnObject *o);
TnObject *tn_number_absolute(TnObject *o);
TnObject *tn_number_index(TnObject *o);      /* __index__ -> int */
TnObject *tn_number_long(TnObject *o);       /* int(o) */
TnObject *tn_number_float(TnObject *o);      /* float(o) */
/* o.__index__() as a C integer; on overflow raise `exc` (e.g. IndexError),
 * or clamp when exc is NULL. -1 with error set on failure. */
tn_ssize_t tn_number_as_ssize(TnObject *o, TnType *exc);

/* Containers. */
tn_ssize_t tn_object_length(TnObject *o);    /* len(); -1 on error */
tn_ssize_t tn_object_length_hint(TnObject *o, tn_ssize_t dflt);
TnObject *tn_object_getitem(TnObject *o, TnObject *key);
int tn_object_setitem(TnObject *o, TnObject *key, TnObject *value);
int tn_object_delitem(TnObject *o, TnObject *key);
int tn_sequence_contains(TnObject *container, TnObject *item);    /* `in`; -1 error */
TnObject *tn_sequence_tuple(TnObject *iterable);                  /* tuple(it) */
TnObject *tn_sequence_list(TnObject *iterable);                   /* list(it) */

/* Iteration. */
TnObject *tn_object_iter(TnObject *o);       /* iter(o) */
/* next(it): new ref; NULL with no exception = exhausted (StopIteration
 * swallowed), NULL with exception = error. */
TnObject *tn_iter_next(TnObject *it);
int tn_iter_check(TnObject *o);              /* has tp_iternext */

/* isinstance / issubclass with tuples, __instancecheck__ not required. */
int tn_object_isinstance(TnObject *inst, TnObject *cls);
int tn_object_issubclass(TnObject *derived, TnObject *cls);

#endif
