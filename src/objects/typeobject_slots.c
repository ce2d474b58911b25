/* The two directions between dunder methods and C slots (CPython's
 * slotdefs in typeobject.c):
 *  - static types: each C slot they define appears in their dict as a
 *    "slot wrapper" (wrapper_descriptor) so `int.__add__(1, 2)`,
 *    `object.__init__(self)` and `super().__init__()` work; binding one to
 *    an instance gives a "method-wrapper";
 *  - classes: each dunder found along the MRO makes the slot point at a
 *    dispatcher (slot_*) that looks the dunder up on type(self) and calls
 *    it, so C code calls slots without caring whether a class is Python. */
#include <string.h>
#include "type_internal.h"
#include "tandem/func.h"
#include "tandem/exc.h"
#include "tandem/args.h"

/* ---- calling dunders -------------------------------------------------------- */

TnObject *tn_call_dunder(TnObject *self, TnObject *name, TnObject *const *args, size_t nargs,
                         int *found)
{
    TnObject *f = tn_type_lookup(TN_TYPE(self), name);
    *found = f != NULL;
    if (!f)
        return NULL;
    tn_incref(f);
    TnObject *r;
    if (TN_TYPE(f)->tp_flags & TN_TPFLAG_METHOD_DESCRIPTOR) {
        /* unbound call with self prepended: no bound method allocated */
        TnObject *stack[8];
        TnObject **v = nargs + 1 <= 8 ? stack : tn_mem_alloc((nargs + 1) * sizeof(TnObject *));
        if (!v) {
            tn_decref(f);
            return NULL;
        }
        v[0] = self;
        for (size_t i = 0; i < nargs; i++)
            v[i + 1] = args[i];
        r = tn_call(f, v, nargs + 1, NULL);
        if (v != stack)
            tn_mem_free(v);
    } else if (TN_TYPE(f)->tp_descr_get) {
        TnObject *bound = TN_TYPE(f)->tp_descr_get(f, self, (TnObject *)TN_TYPE(self));
        if (!bound) {
            tn_decref(f);
            return NULL;
        }
        r = tn_call(bound, args, nargs, NULL);
        tn_decref(bound);
    } else {
        r = tn_call(f, args, nargs, NULL);
    }
    tn_decref(f);
    return r;
}

/* Call a dunder that must exist (the slot was installed because it did). */
static TnObject *call_method(TnObject *self, TnObject *name, TnObject *const *args, size_t nargs)
{
    int found;
    TnObject *r = tn_call_dunder(self, name, args, nargs, &found);
    if (!found && !tn_err_occurred())
        tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '%U'",
                      tn_type_name(TN_TYPE(self)), name);
    return r;
}

/* Call a dunder if it exists, else NotImplemented. */
static TnObject *call_maybe(TnObject *self, TnObject *name, TnObject *const *args, size_t nargs)
{
    int found;
    TnObject *r = tn_call_dunder(self, name, args, nargs, &found);
    if (!found && !tn_err_occurred())
        return tn_newref(tn_NotImplemented);
    return r;
}

static TnObject *S(const char *s) { return tn_str_intern_cstr(s); }

/* ---- dispatchers installed in classes -------------------------------------- */

#define SLOT0(fname, dunder) \
    static TnObject *fname(TnObject *self) { return call_method(self, S(dunder), NULL, 0); }

SLOT0(slot_nb_negative, "__neg__")
SLOT0(slot_nb_positive, "__pos__")
SLOT0(slot_nb_absolute, "__abs__")
SLOT0(slot_nb_invert, "__invert__")
SLOT0(slot_nb_int, "__int__")
SLOT0(slot_nb_float, "__float__")
SLOT0(slot_nb_index, "__index__")
SLOT0(slot_tp_iter_raw, "__iter__")

/* Binary operators with reflection (CPython's SLOT1BINFULL): the caller in
 * abstract.c calls the left operand's slot and then the right one's if they
 * differ; when both are this dispatcher it calls us once and we do both. */
static int method_is_overloaded(TnType *left, TnType *right, TnObject *name)
{
    TnObject *a = tn_type_lookup(right, name);
    if (!a)
        return 0;
    TnObject *b = tn_type_lookup(left, name);
    return a != b;
}

#define SLOT1BIN(fname, slot, op, rop) \
static TnObject *fname(TnObject *self, TnObject *other) \
{ \
    TnObject *opn = S(op), *ropn = S(rop); \
    int do_other = TN_TYPE(self) != TN_TYPE(other) && TN_TYPE(other)->slot == fname && \
                   tn_type_lookup(TN_TYPE(other), ropn) != NULL; \
    if (TN_TYPE(self)->slot == fname) { \
        TnObject *r; \
        if (do_other && tn_type_is_subtype(TN_TYPE(other), TN_TYPE(self)) && \
            method_is_overloaded(TN_TYPE(self), TN_TYPE(other), ropn)) { \
            r = call_maybe(other, ropn, &self, 1); \
            if (r != tn_NotImplemented) \
                return r; \
            tn_decref(r); \
            do_other = 0; \
        } \
        r = call_maybe(self, opn, &other, 1); \
        if (r != tn_NotImplemented || TN_TYPE(other) == TN_TYPE(self)) \
            return r; \
        tn_decref(r); \
    } \
    if (do_other) \
        return call_maybe(other, ropn, &self, 1); \
    return tn_newref(tn_NotImplemented); \
}

SLOT1BIN(slot_nb_add, nb_add, "__add__", "__radd__")
SLOT1BIN(slot_nb_subtract, nb_subtract, "__sub__", "__rsub__")
SLOT1BIN(slot_nb_multiply, nb_multiply, "__mul__", "__rmul__")
SLOT1BIN(slot_nb_remainder, nb_remainder, "__mod__", "__rmod__")
SLOT1BIN(slot_nb_divmod, nb_divmod, "__divmod__", "__rdivmod__")
SLOT1BIN(slot_nb_lshift, nb_lshift, "__lshift__", "__rlshift__")
SLOT1BIN(slot_nb_rshift, nb_rshift, "__rshift__", "__rrshift__")
SLOT1BIN(slot_nb_and, nb_and, "__and__", "__rand__")
SLOT1BIN(slot_nb_xor, nb_xor, "__xor__", "__rxor__")
SLOT1BIN(slot_nb_or, nb_or, "__or__", "__ror__")
SLOT1BIN(slot_nb_floor_divide, nb_floor_divide, "__floordiv__", "__rfloordiv__")
SLOT1BIN(slot_nb_true_divide, nb_true_divide, "__truediv__", "__rtruediv__")
SLOT1BIN(slot_nb_matrix_multiply, nb_matrix_multiply, "__matmul__", "__rmatmul__")

static TnObject *slot_nb_power(TnObject *self, TnObject *other, TnObject *mod)
{
    if (mod == NULL || mod == tn_None) {
        TnObject *opn = S("__pow__"), *ropn = S("__rpow__");
        int do_other = TN_TYPE(self) != TN_TYPE(other) && TN_TYPE(other)->nb_power == slot_nb_power &&
                       tn_type_lookup(TN_TYPE(other), ropn) != NULL;
        if (TN_TYPE(self)->nb_power == slot_nb_power) {
            TnObject *r;
            if (do_other && tn_type_is_subtype(TN_TYPE(other), TN_TYPE(self)) &&
                method_is_overloaded(TN_TYPE(self), TN_TYPE(other), ropn)) {
                r = call_maybe(other, ropn, &self, 1);
                if (r != tn_NotImplemented)
                    return r;
                tn_decref(r);
                do_other = 0;
            }
            r = call_maybe(self, opn, &other, 1);
            if (r != tn_NotImplemented || TN_TYPE(other) == TN_TYPE(self))
                return r;
            tn_decref(r);
        }
        if (do_other)
            return call_maybe(other, ropn, &self, 1);
        return tn_newref(tn_NotImplemented);
    }
    /* three-argument pow: only the left operand's __pow__ is tried */
    if (TN_TYPE(self)->nb_power == slot_nb_power) {
        TnObject *args[2] = { other, mod };
        return call_maybe(self, S("__pow__"), args, 2);
    }
    return tn_newref(tn_NotImplemented);
}

#define SLOT1(fname, dunder) \
    static TnObject *fname(TnObject *self, TnObject *other) \
    { return call_maybe(self, S(dunder), &other, 1); }

SLOT1(slot_nb_inplace_add, "__iadd__")
SLOT1(slot_nb_inplace_subtract, "__isub__")
SLOT1(slot_nb_inplace_multiply, "__imul__")
SLOT1(slot_nb_inplace_remainder, "__imod__")
SLOT1(slot_nb_inplace_lshift, "__ilshift__")
SLOT1(slot_nb_inplace_rshift, "__irshift__")
SLOT1(slot_nb_inplace_and, "__iand__")
SLOT1(slot_nb_inplace_xor, "__ixor__")
SLOT1(slot_nb_inplace_or, "__ior__")
SLOT1(slot_nb_inplace_floor_divide, "__ifloordiv__")
SLOT1(slot_nb_inplace_true_divide, "__itruediv__")
SLOT1(slot_nb_inplace_matrix_multiply, "__imatmul__")

static TnObject *slot_nb_inplace_power(TnObject *self, TnObject *other, TnObject *mod)
{
    return call_maybe(self, S("__ipow__"), &other, 1);
}

static int slot_nb_bool(TnObject *self)
{
    int found;
    TnObject *r = tn_call_dunder(self, TN_ID(__bool__), NULL, 0, &found);
    if (!found) {
        if (tn_err_occurred())
            return -1;
        /* no __bool__ (e.g. deleted): fall back to __len__, else true */
        r = tn_call_dunder(self, TN_ID(__len__), NULL, 0, &found);
        if (!found)
            return tn_err_occurred() ? -1 : 1;
        if (!r)
            return -1;
        int t = tn_object_is_true(r);
        tn_decref(r);
        return t;
    }
    if (!r)
        return -1;
    if (!tn_bool_check(r)) {
        tn_err_format(&tn_exc_TypeError, "__bool__ should return bool, returned %s",
                      tn_type_name(TN_TYPE(r)));
        tn_decref(r);
        return -1;
    }
    int t = r == tn_True;
    tn_decref(r);
    return t;
}

static tn_ssize_t slot_sq_length(TnObject *self)
{
    TnObject *r = call_method(self, TN_ID(__len__), NULL, 0);
    if (!r)
        return -1;
    TnObject *i = tn_number_index(r);
    tn_decref(r);
    if (!i)
        return -1;
    if (tn_int_sign(i) < 0) {
        tn_decref(i);
        tn_err_setstr(&tn_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    int64_t n;
    int fits = tn_int_as_i64_overflow(i, &n);
    tn_decref(i);
    if (!fits) {
        tn_err_setstr(&tn_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return (tn_ssize_t)n;
}

static TnObject *slot_mp_subscript(TnObject *self, TnObject *key)
{
    return call_method(self, TN_ID(__getitem__), &key, 1);
}

static int slot_mp_ass_subscript(TnObject *self, TnObject *key, TnObject *value)
{
    TnObject *r;
    if (value) {
        TnObject *args[2] = { key, value };
        r = call_method(self, TN_ID(__setitem__), args, 2);
    } else {
        r = call_method(self, TN_ID(__delitem__), &key, 1);
    }
    if (!r)
        return -1;
    tn_decref(r);
    return 0;
}

static int slot_sq_contains(TnObject *self, TnObject *value)
{
    int found;
    TnObject *r = tn_call_dunder(self, TN_ID(__contains__), &value, 1, &found);
    if (!found) {
        if (tn_err_occurred())
            return -1;
        /* __contains__ = None or deleted: iterate */
        TnObject *it = tn_object_iter(self);
        if (!it)
            return -1;
        for (;;) {
            TnObject *x = tn_iter_next(it);
            if (!x) {
                tn_decref(it);
                return tn_err_occurred() ? -1 : 0;
            }
            int eq = tn_object_richcompare_bool(x, value, TN_EQ);
            tn_decref(x);
            if (eq != 0) {
                tn_decref(it);
                return eq;
            }
        }
    }
    if (!r)
        return -1;
    int t = tn_object_is_true(r);
    tn_decref(r);
    return t;
}

static TnObject *slot_tp_repr(TnObject *self)
{
    TnObject *r = call_method(self, TN_ID(__repr__), NULL, 0);
    if (r && !tn_str_check(r)) {
        tn_err_format(&tn_exc_TypeError, "__repr__ returned non-string (type %s)",
                      tn_type_name(TN_TYPE(r)));
        TN_CLEAR(r);
    }
    return r;
}

static TnObject *slot_tp_str(TnObject *self)
{
    TnObject *r = call_method(self, TN_ID(__str__), NULL, 0);
    if (r && !tn_str_check(r)) {
        tn_err_format(&tn_exc_TypeError, "__str__ returned non-string (type %s)",
                      tn_type_name(TN_TYPE(r)));
        TN_CLEAR(r);
    }
    return r;
}

static tn_hash_t slot_tp_hash(TnObject *self)
{
    TnObject *f = tn_type_lookup(TN_TYPE(self), TN_ID(__hash__));
    if (f == tn_None || !f) {
        tn_err_format(&tn_exc_TypeError, "unhashable type: '%s'", tn_type_name(TN_TYPE(self)));
        return -1;
    }
    TnObject *r = call_method(self, TN_ID(__hash__), NULL, 0);
    if (!r)
        return -1;
    if (!tn_int_check(r)) {
        tn_decref(r);
        tn_err_setstr(&tn_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* A result that fits a machine word is the hash itself (so a class may
     * hash like the str it wraps: hash(member) == hash(member.name)); only
     * bigger ints are reduced by int's own hash, as CPython does. */
    int64_t v;
    tn_hash_t h;
    if (tn_int_as_i64_overflow(r, &v) == 1)
        h = v == -1 ? -2 : (tn_hash_t)v;
    else
        h = tn_object_hash(r);
    tn_decref(r);
    return h;
}

static const char *const cmp_names[6] = { "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__" };

static TnObject *slot_tp_richcompare(TnObject *self, TnObject *other, int op)
{
    TnObject *name = S(cmp_names[op]);
    TnObject *f = tn_type_lookup(TN_TYPE(self), name);
    if (!f || f == tn_None)
        return tn_newref(tn_NotImplemented);
    return call_maybe(self, name, &other, 1);
}

static TnObject *slot_tp_getattr_hook(TnObject *self, TnObject *name)
{
    TnType *t = TN_TYPE(self);
    TnObject *getattribute = tn_type_lookup(t, TN_ID(__getattribute__));
    TnObject *r;
    if (!getattribute || (TN_TYPE(getattribute) == &tn_wrapper_descr_type &&
        ((TnWrapperDescr *)getattribute)->d_wrapped == (void *)tn_object_generic_getattr))
        r = tn_object_generic_getattr(self, name);
    else
        r = call_method(self, TN_ID(__getattribute__), &name, 1);
    if (r || !tn_err_matches(&tn_exc_AttributeError))
        return r;
    TnObject *getattr = tn_type_lookup(t, TN_ID(__getattr__));
    if (!getattr)
        return NULL;
    tn_err_clear();
    return call_method(self, TN_ID(__getattr__), &name, 1);
}

static int slot_tp_setattro(TnObject *self, TnObject *name, TnObject *value)
{
    TnObject *r;
    if (value) {
        TnObject *args[2] = { name, value };
        r = call_method(self, TN_ID(__setattr__), args, 2);
    } else {
        r = call_method(self, TN_ID(__delattr__), &name, 1);
    }
    if (!r)
        return -1;
    tn_decref(r);
    return 0;
}

static TnObject *slot_tp_call(TnObject *self, TnObject *const *args, size_t nargs,
                              TnObject *kwnames)
{
    TnObject *f = tn_type_lookup(TN_TYPE(self), TN_ID(__call__));
    if (!f)
        return tn_err_format(&tn_exc_TypeError, "'%s' object is not callable",
                             tn_type_name(TN_TYPE(self)));
    tn_incref(f);
    TnObject *r;
    if (TN_TYPE(f)->tp_flags & TN_TPFLAG_METHOD_DESCRIPTOR) {
        size_t nkw = kwnames ? (size_t)TN_TUPLE_SIZE(kwnames) : 0;
        TnObject **v = tn_mem_alloc((nargs + nkw + 1) * sizeof(TnObject *));
        if (!v) {
            tn_decref(f);
            return NULL;
        }
        v[0] = self;
        if (nargs + nkw)   /* args may be NULL when empty */
            memcpy(v + 1, args, (nargs + nkw) * sizeof(TnObject *));
        r = tn_call(f, v, nargs + 1, kwnames);
        tn_mem_free(v);
    } else {
        TnObject *bound = TN_TYPE(f)->tp_descr_get
            ? TN_TYPE(f)->tp_descr_get(f, self, (TnObject *)TN_TYPE(self)) : tn_newref(f);
        r = bound ? tn_call(bound, args, nargs, kwnames) : NULL;
        TN_XDECREF(bound);
    }
    tn_decref(f);
    return r;
}

static TnObject *slot_tp_iter(TnObject *self)
{
    TnObject *f = tn_type_lookup(TN_TYPE(self), TN_ID(__iter__));
    if (f == tn_None)
        return tn_err_format(&tn_exc_TypeError, "'%s' object is not iterable",
                             tn_type_name(TN_TYPE(self)));
    if (!f) {
        /* __getitem__ without __iter__: the sequence iterator */
        return tn_object_iter(self);
    }
    return slot_tp_iter_raw(self);
}

static TnObject *slot_tp_iternext(TnObject *self)
{
    TnObject *r = call_method(self, TN_ID(__next__), NULL, 0);
    if (!r && tn_err_matches(&tn_exc_StopIteration))
        tn_err_clear();
    return r;
}

static TnObject *slot_tp_descr_get(TnObject *self, TnObject *obj, TnObject *type)
{
    TnObject *args[2] = { obj ? obj : tn_None, type ? type : tn_None };
    return call_method(self, TN_ID(__get__), args, 2);
}

static int slot_tp_descr_set(TnObject *self, TnObject *obj, TnObject *value)
{
    TnObject *r;
    if (value) {
        TnObject *args[2] = { obj, value };
        r = call_method(self, TN_ID(__set__), args, 2);
    } else {
        r = call_method(self, TN_ID(__delete__), &obj, 1);
    }
    if (!r)
        return -1;
    tn_decref(r);
    return 0;
}

static int slot_tp_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnObject *f = tn_type_lookup(TN_TYPE(self), TN_ID(__init__));
    if (!f)
        return 0;
    tn_incref(f);
    size_t nkw = kwnames ? (size_t)TN_TUPLE_SIZE(kwnames) : 0;
    TnObject *r;
    if (TN_TYPE(f)->tp_flags & TN_TPFLAG_METHOD_DESCRIPTOR) {
        TnObject *stack[8];
        TnObject **v = nargs + nkw + 1 <= 8 ? stack
                       : tn_mem_alloc((nargs + nkw + 1) * sizeof(TnObject *));
        if (!v) {
            tn_decref(f);
            return -1;
        }
        v[0] = self;
        if (nargs + nkw)   /* args may be NULL when empty */
            memcpy(v + 1, args, (nargs + nkw) * sizeof(TnObject *));
        r = tn_call(f, v, nargs + 1, kwnames);
        if (v != stack)
            tn_mem_free(v);
    } else {
        TnObject *bound = TN_TYPE(f)->tp_descr_get
            ? TN_TYPE(f)->tp_descr_get(f, self, (TnObject *)TN_TYPE(self)) : tn_newref(f);
        r = bound ? tn_call(bound, args, nargs, kwnames) : NULL;
        TN_XDECREF(bound);
    }
    tn_decref(f);
    if (!r)
        return -1;
    if (r != tn_None) {
        tn_err_format(&tn_exc_TypeError, "__init__() should return None, not '%s'",
                      tn_type_name(TN_TYPE(r)));
        tn_decref(r);
        return -1;
    }
    tn_decref(r);
    return 0;
}

static TnObject *slot_tp_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    /* __new__ is a staticmethod: cls.__new__ gives the plain function */
    TnObject *f = tn_object_getattr((TnObject *)type, TN_ID(__new__));
    if (!f)
        return NULL;
    size_t nkw = kwnames ? (size_t)TN_TUPLE_SIZE(kwnames) : 0;
    TnObject *stack[8];
    TnObject **v = nargs + nkw + 1 <= 8 ? stack : tn_mem_alloc((nargs + nkw + 1) * sizeof(TnObject *));
    if (!v) {
        tn_decref(f);
        return NULL;
    }
    v[0] = (TnObject *)type;
    memcpy(v + 1, args, (nargs + nkw) * sizeof(TnObject *));
    TnObject *r = tn_call(f, v, nargs + 1, kwnames);
    if (v != stack)
        tn_mem_free(v);
    tn_decref(f);
    return r;
}

static void slot_tp_finalize(TnObject *self)
{
    TnObject *exc = tn_err_fetch();
    TnObject *del = tn_type_lookup(TN_TYPE(self), TN_ID(__del__));
    if (del) {
        tn_incref(del);
        int found;
        TnObject *r = tn_call_dunder(self, TN_ID(__del__), NULL, 0, &found);
        if (r)
            tn_decref(r);
        else if (tn_err_occurred())
            tn_err_write_unraisable(del);
        tn_decref(del);
    }
    tn_err_restore(exc);
}

/* ---- wrappers: calling C slots from Python ---------------------------------- */

static int check_args(size_t nargs, size_t n, TnObject *kwnames, const TnSlotDef *sd)
{
    if (kwnames && TN_TUPLE_SIZE(kwnames)) {
        tn_err_format(&tn_exc_TypeError, "wrapper %s() takes no keyword arguments", sd->name);
        return -1;
    }
    if (nargs != n) {
        tn_err_format(&tn_exc_TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

#define WRAP_HEAD(n) if (check_args(nargs, n, kwnames, sd) < 0) return NULL

static TnObject *wrap_unaryfunc(TnObject *self, TnObject *const *args, size_t nargs,
                                TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(0);
    return ((tn_unaryfunc)w)(self);
}

static TnObject *wrap_binaryfunc_l(TnObject *self, TnObject *const *args, size_t nargs,
                                   TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(1);
    return ((tn_binaryfunc)w)(self, args[0]);
}

static TnObject *wrap_binaryfunc_r(TnObject *self, TnObject *const *args, size_t nargs,
                                   TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(1);
    return ((tn_binaryfunc)w)(args[0], self);
}

static TnObject *wrap_ternaryfunc(TnObject *self, TnObject *const *args, size_t nargs,
                                  TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    if (kwnames && TN_TUPLE_SIZE(kwnames))
        return check_args(nargs, 99, kwnames, sd), NULL;
    if (nargs < 1 || nargs > 2)
        return tn_err_format(&tn_exc_TypeError, nargs < 1 ? "expected at least 1 argument, got %zu"
                             : "expected at most 2 arguments, got %zu", nargs);
    return ((tn_ternaryfunc)w)(self, args[0], nargs > 1 ? args[1] : tn_None);
}

static TnObject *wrap_ternaryfunc_r(TnObject *self, TnObject *const *args, size_t nargs,
                                    TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    if (kwnames && TN_TUPLE_SIZE(kwnames))
        return check_args(nargs, 99, kwnames, sd), NULL;
    if (nargs < 1 || nargs > 2)
        return tn_err_format(&tn_exc_TypeError, nargs < 1 ? "expected at least 1 argument, got %zu"
                             : "expected at most 2 arguments, got %zu", nargs);
    return ((tn_ternaryfunc)w)(args[0], self, nargs > 1 ? args[1] : tn_None);
}

static TnObject *wrap_inquirypred(TnObject *self, TnObject *const *args, size_t nargs,
                                  TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(0);
    int r = ((int (*)(TnObject *))w)(self);
    if (r < 0)
        return NULL;
    return tn_bool_from(r);
}

static TnObject *wrap_lenfunc(TnObject *self, TnObject *const *args, size_t nargs,
                              TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(0);
    tn_ssize_t n = ((tn_ssize_t (*)(TnObject *))w)(self);
    if (n < 0 && tn_err_occurred())
        return NULL;
    return tn_int_from_i64(n);
}

static TnObject *wrap_objobjproc(TnObject *self, TnObject *const *args, size_t nargs,
                                 TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(1);
    int r = ((int (*)(TnObject *, TnObject *))w)(self, args[0]);
    if (r < 0)
        return NULL;
    return tn_bool_from(r);
}

static TnObject *wrap_setitem(TnObject *self, TnObject *const *args, size_t nargs,
                              TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(2);
    if (((int (*)(TnObject *, TnObject *, TnObject *))w)(self, args[0], args[1]) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *wrap_delitem(TnObject *self, TnObject *const *args, size_t nargs,
                              TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(1);
    if (((int (*)(TnObject *, TnObject *, TnObject *))w)(self, args[0], NULL) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *wrap_richcmp(TnObject *self, TnObject *const *args, size_t nargs,
                              TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(1);
    return ((TnObject *(*)(TnObject *, TnObject *, int))w)(self, args[0], sd->op);
}

static TnObject *wrap_hashfunc(TnObject *self, TnObject *const *args, size_t nargs,
                               TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(0);
    tn_hash_t h = ((tn_hash_t (*)(TnObject *))w)(self);
    if (h == -1 && tn_err_occurred())
        return NULL;
    return tn_int_from_i64(h);
}

static TnObject *wrap_call(TnObject *self, TnObject *const *args, size_t nargs,
                           TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    return ((tn_vectorcallfunc)w)(self, args, nargs, kwnames);
}

static TnObject *wrap_init(TnObject *self, TnObject *const *args, size_t nargs,
                           TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    int (*f)(TnObject *, TnObject *const *, size_t, TnObject *) = w;
    if (f(self, args, nargs, kwnames) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *wrap_next(TnObject *self, TnObject *const *args, size_t nargs,
                           TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(0);
    TnObject *r = ((tn_unaryfunc)w)(self);
    if (!r && !tn_err_occurred())
        tn_err_set_object(&tn_exc_StopIteration, NULL);
    return r;
}

static TnObject *wrap_descr_get(TnObject *self, TnObject *const *args, size_t nargs,
                                TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    if (kwnames && TN_TUPLE_SIZE(kwnames))
        return check_args(nargs, 99, kwnames, sd), NULL;
    if (nargs < 1 || nargs > 2)
        return tn_err_format(&tn_exc_TypeError, nargs < 1 ? "expected at least 1 argument, got %zu"
                             : "expected at most 2 arguments, got %zu", nargs);
    TnObject *obj = args[0] == tn_None ? NULL : args[0];
    TnObject *type = nargs > 1 && args[1] != tn_None ? args[1] : NULL;
    if (!obj && !type)
        return tn_err_setstr(&tn_exc_TypeError, "__get__(None, None) is invalid"), NULL;
    return ((TnObject *(*)(TnObject *, TnObject *, TnObject *))w)(self, obj, type);
}

static TnObject *wrap_descr_set(TnObject *self, TnObject *const *args, size_t nargs,
                                TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(2);
    if (((int (*)(TnObject *, TnObject *, TnObject *))w)(self, args[0], args[1]) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *wrap_descr_delete(TnObject *self, TnObject *const *args, size_t nargs,
                                   TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(1);
    if (((int (*)(TnObject *, TnObject *, TnObject *))w)(self, args[0], NULL) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *wrap_setattr(TnObject *self, TnObject *const *args, size_t nargs,
                              TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(2);
    if (((int (*)(TnObject *, TnObject *, TnObject *))w)(self, args[0], args[1]) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *wrap_delattr(TnObject *self, TnObject *const *args, size_t nargs,
                              TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(1);
    if (((int (*)(TnObject *, TnObject *, TnObject *))w)(self, args[0], NULL) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *wrap_del(TnObject *self, TnObject *const *args, size_t nargs,
                          TnObject *kwnames, void *w, const TnSlotDef *sd)
{
    WRAP_HEAD(0);
    ((void (*)(TnObject *))w)(self);
    if (tn_err_occurred())
        return NULL;
    TN_RETURN_NONE;
}

#define OFF(s) offsetof(TnType, s)
#define SD(name, slot, fn, wrap, doc) { name, OFF(slot), (void *)fn, wrap, 0, doc }
#define BIN(name, rname, slot, fn, sym) \
    SD(name, slot, fn, wrap_binaryfunc_l, "Return self" sym "value."), \
    SD(rname, slot, fn, wrap_binaryfunc_r, "Return value" sym "self.")
#define CMP(name, op, sym) { name, OFF(tp_richcompare), (void *)slot_tp_richcompare, wrap_richcmp, op, "Return self" sym "value." }

static const TnSlotDef slotdefs[] = {
    SD("__getattribute__", tp_getattro, slot_tp_getattr_hook, wrap_binaryfunc_l, "Return getattr(self, name)."),
    SD("__getattr__", tp_getattro, slot_tp_getattr_hook, NULL, NULL),
    SD("__setattr__", tp_setattro, slot_tp_setattro, wrap_setattr, "Implement setattr(self, name, value)."),
    SD("__delattr__", tp_setattro, slot_tp_setattro, wrap_delattr, "Implement delattr(self, name)."),
    SD("__repr__", tp_repr, slot_tp_repr, wrap_unaryfunc, "Return repr(self)."),
    SD("__hash__", tp_hash, slot_tp_hash, wrap_hashfunc, "Return hash(self)."),
    SD("__call__", tp_call, slot_tp_call, wrap_call, "Call self as a function."),
    SD("__str__", tp_str, slot_tp_str, wrap_unaryfunc, "Return str(self)."),
    CMP("__lt__", TN_LT, "<"), CMP("__le__", TN_LE, "<="), CMP("__eq__", TN_EQ, "=="),
    CMP("__ne__", TN_NE, "!="), CMP("__gt__", TN_GT, ">"), CMP("__ge__", TN_GE, ">="),
    SD("__iter__", tp_iter, slot_tp_iter, wrap_unaryfunc, "Implement iter(self)."),
    SD("__next__", tp_iternext, slot_tp_iternext, wrap_next, "Implement next(self)."),
    SD("__get__", tp_descr_get, slot_tp_descr_get, wrap_descr_get, "Return an attribute of instance, which is of type owner."),
    SD("__set__", tp_descr_set, slot_tp_descr_set, wrap_descr_set, "Set an attribute of instance to value."),
    SD("__delete__", tp_descr_set, slot_tp_descr_set, wrap_descr_delete, "Delete an attribute of instance."),
    SD("__init__", tp_init, slot_tp_init, wrap_init, "Initialize self.  See help(type(self)) for accurate signature."),
    SD("__new__", tp_new, slot_tp_new, NULL, NULL),
    SD("__del__", tp_finalize, slot_tp_finalize, wrap_del, "Called when the instance is about to be destroyed."),
    BIN("__add__", "__radd__", nb_add, slot_nb_add, "+"),
    BIN("__sub__", "__rsub__", nb_subtract, slot_nb_subtract, "-"),
    BIN("__mul__", "__rmul__", nb_multiply, slot_nb_multiply, "*"),
    BIN("__mod__", "__rmod__", nb_remainder, slot_nb_remainder, "%"),
    BIN("__divmod__", "__rdivmod__", nb_divmod, slot_nb_divmod, "divmod"),
    SD("__pow__", nb_power, slot_nb_power, wrap_ternaryfunc, "Return pow(self, value, mod)."),
    SD("__rpow__", nb_power, slot_nb_power, wrap_ternaryfunc_r, "Return pow(value, self, mod)."),
    SD("__neg__", nb_negative, slot_nb_negative, wrap_unaryfunc, "-self"),
    SD("__pos__", nb_positive, slot_nb_positive, wrap_unaryfunc, "+self"),
    SD("__abs__", nb_absolute, slot_nb_absolute, wrap_unaryfunc, "abs(self)"),
    SD("__bool__", nb_bool, slot_nb_bool, wrap_inquirypred, "True if self else False"),
    SD("__invert__", nb_invert, slot_nb_invert, wrap_unaryfunc, "~self"),
    BIN("__lshift__", "__rlshift__", nb_lshift, slot_nb_lshift, "<<"),
    BIN("__rshift__", "__rrshift__", nb_rshift, slot_nb_rshift, ">>"),
    BIN("__and__", "__rand__", nb_and, slot_nb_and, "&"),
    BIN("__xor__", "__rxor__", nb_xor, slot_nb_xor, "^"),
    BIN("__or__", "__ror__", nb_or, slot_nb_or, "|"),
    SD("__int__", nb_int, slot_nb_int, wrap_unaryfunc, "int(self)"),
    SD("__float__", nb_float, slot_nb_float, wrap_unaryfunc, "float(self)"),
    SD("__iadd__", nb_inplace_add, slot_nb_inplace_add, wrap_binaryfunc_l, "Return self+=value."),
    SD("__isub__", nb_inplace_subtract, slot_nb_inplace_subtract, wrap_binaryfunc_l, "Return self-=value."),
    SD("__imul__", nb_inplace_multiply, slot_nb_inplace_multiply, wrap_binaryfunc_l, "Return self*=value."),
    SD("__imod__", nb_inplace_remainder, slot_nb_inplace_remainder, wrap_binaryfunc_l, "Return self%=value."),
    SD("__ipow__", nb_inplace_power, slot_nb_inplace_power, wrap_ternaryfunc, "Return self**=value."),
    SD("__ilshift__", nb_inplace_lshift, slot_nb_inplace_lshift, wrap_binaryfunc_l, "Return self<<=value."),
    SD("__irshift__", nb_inplace_rshift, slot_nb_inplace_rshift, wrap_binaryfunc_l, "Return self>>=value."),
    SD("__iand__", nb_inplace_and, slot_nb_inplace_and, wrap_binaryfunc_l, "Return self&=value."),
    SD("__ixor__", nb_inplace_xor, slot_nb_inplace_xor, wrap_binaryfunc_l, "Return self^=value."),
    SD("__ior__", nb_inplace_or, slot_nb_inplace_or, wrap_binaryfunc_l, "Return self|=value."),
    BIN("__floordiv__", "__rfloordiv__", nb_floor_divide, slot_nb_floor_divide, "//"),
    BIN("__truediv__", "__rtruediv__", nb_true_divide, slot_nb_true_divide, "/"),
    SD("__ifloordiv__", nb_inplace_floor_divide, slot_nb_inplace_floor_divide, wrap_binaryfunc_l, "Return self//=value."),
    SD("__itruediv__", nb_inplace_true_divide, slot_nb_inplace_true_divide, wrap_binaryfunc_l, "Return self/=value."),
    SD("__index__", nb_index, slot_nb_index, wrap_unaryfunc, "Return self converted to an integer, if self is suitable for use as an index into a list."),
    BIN("__matmul__", "__rmatmul__", nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    SD("__imatmul__", nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, wrap_binaryfunc_l, "Return self@=value."),
    SD("__len__", sq_length, slot_sq_length, wrap_lenfunc, "Return len(self)."),
    SD("__getitem__", mp_subscript, slot_mp_subscript, wrap_binaryfunc_l, "Return self[key]."),
    SD("__setitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_setitem, "Set self[key] to value."),
    SD("__delitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem, "Delete self[key]."),
    SD("__contains__", sq_contains, slot_sq_contains, wrap_objobjproc, "Return key in self."),
    { NULL, 0, NULL, NULL, 0, NULL }
};

static inline void **slot_ptr(TnType *t, size_t off) { return (void **)((char *)t + off); }

/* ---- wrapper_descriptor and method-wrapper ---------------------------------- */

typedef struct { TnObject ob; TnWrapperDescr *descr; TnObject *self; } TnMethodWrapper;

static TnObject *wrapperdescr_new(TnType *t, const TnSlotDef *sd, void *wrapped)
{
    TnWrapperDescr *d = (TnWrapperDescr *)tn_object_alloc(&tn_wrapper_descr_type, sizeof(TnWrapperDescr));
    if (!d)
        return NULL;
    d->h.d_type = (TnType *)tn_newref((TnObject *)t);
    d->h.d_name = tn_newref(S(sd->name));
    d->d_base = sd;
    d->d_wrapped = wrapped;
    return (TnObject *)d;
}

static void wrapperdescr_dealloc(TnObject *o)
{
    TnWrapperDescr *d = (TnWrapperDescr *)o;
    TN_XDECREF(d->h.d_type);
    TN_XDECREF(d->h.d_name);
    tn_object_free(o);
}

static int descr_check_self(TnWrapperDescr *d, TnObject *self)
{
    if (!tn_is_instance_fast(self, d->h.d_type)) {
        tn_err_format(&tn_exc_TypeError, "descriptor '%U' requires a '%s' object but received a '%s'",
                      d->h.d_name, d->h.d_type->tp_name, tn_type_name(TN_TYPE(self)));
        return -1;
    }
    return 0;
}

static TnObject *wrapperdescr_call(TnObject *o, TnObject *const *args, size_t nargs,
                                   TnObject *kwnames)
{
    TnWrapperDescr *d = (TnWrapperDescr *)o;
    if (nargs < 1)
        return tn_err_format(&tn_exc_TypeError, "descriptor '%U' of '%s' object needs an argument",
                             d->h.d_name, d->h.d_type->tp_name);
    if (descr_check_self(d, args[0]) < 0)
        return NULL;
    return d->d_base->wrapper(args[0], args + 1, nargs - 1, kwnames, d->d_wrapped, d->d_base);
}

static TnObject *wrapperdescr_get(TnObject *o, TnObject *obj, TnObject *type)
{
    TnWrapperDescr *d = (TnWrapperDescr *)o;
    if (!obj)
        return tn_newref(o);
    if (descr_check_self(d, obj) < 0)
        return NULL;
    TnMethodWrapper *w = (TnMethodWrapper *)tn_object_alloc(&tn_method_wrapper_type, sizeof(TnMethodWrapper));
    if (!w)
        return NULL;
    w->descr = (TnWrapperDescr *)tn_newref(o);
    w->self = tn_newref(obj);
    return (TnObject *)w;
}

static TnObject *wrapperdescr_repr(TnObject *o)
{
    TnWrapperDescr *d = (TnWrapperDescr *)o;
    return tn_str_from_format("<slot wrapper '%U' of '%s' objects>", d->h.d_name, d->h.d_type->tp_name);
}

static TnObject *descr_get_name(TnObject *o, void *c) { return tn_newref(((TnDescrHead *)o)->d_name); }
static TnObject *descr_get_objclass(TnObject *o, void *c) { return tn_newref((TnObject *)((TnDescrHead *)o)->d_type); }
static TnObject *descr_get_qualname(TnObject *o, void *c)
{
    TnDescrHead *d = (TnDescrHead *)o;
    return tn_str_from_format("%s.%U", tn_type_name(d->d_type), d->d_name);
}
static TnObject *wrapperdescr_get_doc(TnObject *o, void *c)
{
    const char *doc = ((TnWrapperDescr *)o)->d_base->doc;
    return doc ? tn_str_from_cstr(doc) : tn_newref(tn_None);
}

static const TnGetSetDef wrapperdescr_getset[] = {
    { "__name__", descr_get_name, NULL, NULL, NULL },
    { "__qualname__", descr_get_qualname, NULL, NULL, NULL },
    { "__objclass__", descr_get_objclass, NULL, NULL, NULL },
    { "__doc__", wrapperdescr_get_doc, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

TnType tn_wrapper_descr_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(TnWrapperDescr),
    .tp_flags = TN_TPFLAG_METHOD_DESCRIPTOR,
    .tp_dealloc = wrapperdescr_dealloc,
    .tp_repr = wrapperdescr_repr,
    .tp_call = wrapperdescr_call,
    .tp_descr_get = wrapperdescr_get,
    .tp_getset = wrapperdescr_getset,
};

static void methodwrapper_dealloc(TnObject *o)
{
    TnMethodWrapper *w = (TnMethodWrapper *)o;
    TN_XDECREF(w->descr);
    TN_XDECREF(w->self);
    tn_object_free(o);
}

static TnObject *methodwrapper_call(TnObject *o, TnObject *const *args, size_t nargs,
                                    TnObject *kwnames)
{
    TnMethodWrapper *w = (TnMethodWrapper *)o;
    return w->descr->d_base->wrapper(w->self, args, nargs, kwnames, w->descr->d_wrapped, w->descr->d_base);
}

static TnObject *methodwrapper_repr(TnObject *o)
{
    TnMethodWrapper *w = (TnMethodWrapper *)o;
    return tn_str_from_format("<method-wrapper '%U' of %s object at %p>", w->descr->h.d_name,
                              tn_type_name(TN_TYPE(w->self)), (void *)w->self);
}

static TnObject *methodwrapper_richcompare(TnObject *a, TnObject *b, int op)
{
    if ((op != TN_EQ && op != TN_NE) || TN_TYPE(b) != &tn_method_wrapper_type)
        return tn_newref(tn_NotImplemented);
    TnMethodWrapper *x = (TnMethodWrapper *)a, *y = (TnMethodWrapper *)b;
    int eq = x->descr == y->descr && x->self == y->self;
    return tn_bool_from(eq == (op == TN_EQ));
}

static tn_hash_t methodwrapper_hash(TnObject *o)
{
    TnMethodWrapper *w = (TnMethodWrapper *)o;
    tn_hash_t h = (tn_hash_t)(((uintptr_t)w->self >> 4) ^ ((uintptr_t)w->descr >> 4));
    return h == -1 ? -2 : h;
}

static TnObject *mw_get_self(TnObject *o, void *c) { return tn_newref(((TnMethodWrapper *)o)->self); }
static TnObject *mw_get_name(TnObject *o, void *c) { return tn_newref(((TnMethodWrapper *)o)->descr->h.d_name); }
static TnObject *mw_get_objclass(TnObject *o, void *c)
{
    return tn_newref((TnObject *)((TnMethodWrapper *)o)->descr->h.d_type);
}

static const TnGetSetDef methodwrapper_getset[] = {
    { "__self__", mw_get_self, NULL, NULL, NULL },
    { "__name__", mw_get_name, NULL, NULL, NULL },
    { "__objclass__", mw_get_objclass, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

TnType tn_method_wrapper_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(TnMethodWrapper),
    .tp_dealloc = methodwrapper_dealloc,
    .tp_repr = methodwrapper_repr,
    .tp_hash = methodwrapper_hash,
    .tp_richcompare = methodwrapper_richcompare,
    .tp_call = methodwrapper_call,
    .tp_getset = methodwrapper_getset,
};

/* ---- __new__ of static types: a builtin bound to the type ------------------ */

static TnObject *tp_new_wrapper(TnObject *self, TnObject *const *args, size_t nargs,
                                TnObject *kwnames)
{
    TnType *type = (TnType *)self;
    if (nargs < 1)
        return tn_err_format(&tn_exc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
    TnObject *arg0 = args[0];
    if (!tn_type_check(arg0))
        return tn_err_format(&tn_exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                             type->tp_name, tn_type_name(TN_TYPE(arg0)));
    TnType *sub = (TnType *)arg0;
    if (!tn_type_is_subtype(sub, type))
        return tn_err_format(&tn_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                             type->tp_name, sub->tp_name, sub->tp_name, type->tp_name);
    /* the most derived static base of sub must use this tp_new, else it
     * would build the wrong layout (object.__new__(int) is refused) */
    TnType *staticbase = sub;
    while (staticbase && (staticbase->tp_flags & TN_TPFLAG_HEAPTYPE))
        staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new)
        return tn_err_format(&tn_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                             type->tp_name, sub->tp_name, staticbase->tp_name);
    return type->tp_new(sub, args + 1, nargs - 1, kwnames);
}

static const TnMethodDef tp_new_def = {
    "__new__", (void *)tp_new_wrapper, TN_METH_FASTKW,
    "Create and return a new object.  See help(type) for accurate signature."
};

TnObject *tn_slot_tp_new_wrapper_make(TnType *t)
{
    return tn_cfunction_new(&tp_new_def, (TnObject *)t, NULL);
}

/* ---- static types: slot wrappers into the dict ------------------------------ */

int tn_type_add_operators(TnType *t)
{
    for (const TnSlotDef *sd = slotdefs; sd->name; sd++) {
        if (!sd->wrapper)
            continue;
        void *fn = *slot_ptr(t, sd->offset);
        if (!fn)
            continue;
        /* a slot inherited verbatim from the base is found there */
        if (t->tp_base && *slot_ptr(t->tp_base, sd->offset) == fn)
            continue;
        TnObject *name = S(sd->name);
        int r = tn_dict_contains(t->tp_dict, name);
        if (r < 0)
            return -1;
        if (r)
            continue;
        TnObject *d = wrapperdescr_new(t, sd, fn);
        if (!d)
            return -1;
        r = tn_dict_setitem(t->tp_dict, name, d);
        tn_decref(d);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* ---- classes: point each slot at the right function ------------------------- */

/* Decide one slot (all slotdefs sharing its offset) from what the MRO has:
 * a Python-level definition anywhere -> the dispatcher; only slot wrappers
 * wrapping one same C function -> that function (no dispatch cost for
 * inherited built-in behaviour); nothing -> leave what inheritance gave. */
static void fixup_one(TnType *t, const TnSlotDef *first)
{
    size_t off = first->offset;
    void *generic = NULL, *specific = NULL;
    int use_generic = 0, any = 0, hash_none = 0;
    for (const TnSlotDef *sd = first; sd->name; sd++) {
        if (sd->offset != off)
            continue;
        TnObject *d = tn_type_lookup(t, S(sd->name));
        if (!d)
            continue;
        any = 1;
        if (TN_TYPE(d) == &tn_wrapper_descr_type && ((TnWrapperDescr *)d)->d_base->offset == off) {
            void *w = ((TnWrapperDescr *)d)->d_wrapped;
            if (specific && specific != w)
                use_generic = 1;
            specific = w;
            generic = sd->slotfn;
        } else if (off == OFF(tp_hash) && d == tn_None) {
            hash_none = 1;
        } else if (off == OFF(tp_new) && tn_cfunction_check(d) &&
                   ((TnCFunction *)d)->m_ml == &tp_new_def) {
            specific = (void *)((TnType *)((TnCFunction *)d)->m_self)->tp_new;
        } else {
            use_generic = 1;
            generic = sd->slotfn;
        }
    }
    if (!any)
        return;
    void **p = slot_ptr(t, off);
    if (hash_none)
        *p = NULL;
    else if (use_generic)
        *p = generic;
    else if (specific)
        *p = specific;
}

int tn_type_fixup_slots(TnType *t)
{
    const TnSlotDef *done[96];
    size_t ndone = 0;
    for (const TnSlotDef *sd = slotdefs; sd->name; sd++) {
        int seen = 0;
        for (size_t i = 0; i < ndone; i++)
            if (done[i]->offset == sd->offset)
                seen = 1;
        if (seen)
            continue;
        if (ndone < sizeof done / sizeof done[0])
            done[ndone++] = sd;
        fixup_one(t, sd);
    }
    /* A class defining __eq__ but not __hash__ is unhashable. */
    if (tn_dict_contains(t->tp_dict, TN_ID(__eq__)) > 0 &&
        tn_dict_contains(t->tp_dict, TN_ID(__hash__)) == 0) {
        if (tn_dict_setitem(t->tp_dict, TN_ID(__hash__), tn_None) < 0)
            return -1;
        t->tp_hash = NULL;
    }
    /* fast item access of a built-in base would bypass a Python override */
    if (t->mp_subscript == (void *)slot_mp_subscript)
        t->sq_item = NULL;
    if (t->tp_finalize == slot_tp_finalize)
        t->tp_flags |= TN_TPFLAG_HAVE_FINALIZE;
    /* The lookups above may have cached entries (e.g. object.__hash__)
     * that the __hash__ = None just stored shadows: start a new version. */
    tn_type_modified(t);
    return 0;
}

static int update_rec(TnType *t, TnObject *name, int depth)
{
    for (const TnSlotDef *sd = slotdefs; sd->name; sd++)
        if (tn_str_eq_cstr(name, sd->name)) {
            /* recompute from scratch for this slot: start from the base's */
            void **p = slot_ptr(t, sd->offset);
            if (t->tp_base && sd->offset != OFF(tp_new))
                *p = *slot_ptr(t->tp_base, sd->offset);
            const TnSlotDef *first = slotdefs;
            while (first->offset != sd->offset)
                first++;
            fixup_one(t, first);
            if (t->mp_subscript == (void *)slot_mp_subscript)
                t->sq_item = NULL;
            break;
        }
    if (!t->tp_subclasses || depth > 1000)
        return 0;
    tn_ssize_t pos = 0;
    TnObject *k, *v;
    while (tn_dict_next(t->tp_subclasses, &pos, &k, &v)) {
        TnType *sub = (TnType *)(intptr_t)tn_int_as_i64(v);
        tn_decref(k);
        tn_decref(v);
        if (update_rec(sub, name, depth + 1) < 0)
            return -1;
    }
    return 0;
}

int tn_type_update_slot(TnType *t, TnObject *name)
{
    return update_rec(t, name, 0);
}

int tn_slots_init(void)
{
    for (const TnSlotDef *sd = slotdefs; sd->name; sd++)
        if (!S(sd->name))
            return -1;
    if (tn_type_ready(&tn_wrapper_descr_type) < 0 || tn_type_ready(&tn_method_wrapper_type) < 0)
        return -1;
    return 0;
}
