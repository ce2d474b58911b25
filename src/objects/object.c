/* `object`: the root type, generic attribute access (descriptors, instance
 * __dict__, MRO), the LOAD_METHOD fast path, instance layout helpers and
 * heap-type instance deallocation (CPython's object.c + parts of
 * typeobject.c). */
#include <string.h>
#include "type_internal.h"
#include "tandem/exc.h"
#include "tandem/args.h"
#include "tandem/gc.h"
#include "containers_internal.h"

/* ---- instance __dict__ ----------------------------------------------------- */

/* Variable-size bases keep the dict pointer after the items. */
static size_t var_end_offset(TnObject *o, TnType *t)
{
    TnType *b = t;
    while (b->tp_flags & TN_TPFLAG_HEAPTYPE)
        b = b->tp_base;
    size_t bytes;
    if (t->tp_flags & TN_TPFLAG_TUPLE_SUBCLASS)
        bytes = (size_t)TN_TUPLE_SIZE(o) * sizeof(TnObject *);
    else if (t->tp_flags & TN_TPFLAG_STR_SUBCLASS)
        bytes = (size_t)TN_STR_SIZE(o) + 1;
    else {
        int32_t nd = ((TnInt *)o)->nd;
        bytes = (size_t)(nd < 0 ? -nd : nd) * sizeof(uint32_t);
    }
    size_t end = b->tp_basicsize + bytes;
    return (end + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
}

TnObject **tn_object_dict_ptr(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    size_t off = t->tp_dictoffset;
    if (!off)
        return NULL;
    if (off == TN_DICTOFFSET_VAR)
        off = var_end_offset(o, t);
    return (TnObject **)((char *)o + off);
}

typedef TN_SHARED(TnObject *) SharedPtr;

/* A new reference to the dict at *dp (NULL if none and !create; created on
 * first use if create). ft: another thread may replace __dict__, and the
 * old dict die, at any moment, so the reference is taken with
 * tn_slot_try_ref; two threads may race to create the dict: the first
 * compare-and-swap wins, the loser drops its copy. */
static TnObject *dict_ref(TnObject **dp, int create)
{
    for (;;) {
        TnObject *d;
#ifdef TANDEM_FT
        if (!tn_slot_try_ref(dp, &d))
            continue;
#else
        d = *dp;
        if (d)
            tn_incref(d);
#endif
        if (d || !create)
            return d;
        TnObject *nd = tn_dict_new();
        if (!nd)
            return NULL;
        TnObject *expected = NULL;
        if (tn_cas((SharedPtr *)dp, &expected, nd))
            return tn_newref(nd);
        tn_decref(nd);
    }
}

TnObject *tn_object_get_dict(TnObject *o)
{
    TnObject **dp = tn_object_dict_ptr(o);
    if (!dp)
        return tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '__dict__'",
                             tn_type_name(TN_TYPE(o)));
    return dict_ref(dp, 1);
}

static TnObject *object_get_dict(TnObject *o, void *c)
{
    return tn_object_get_dict(o);
}

static int object_set_dict(TnObject *o, TnObject *value, void *c)
{
    TnObject **dp = tn_object_dict_ptr(o);
    if (!dp) {
        tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '__dict__'",
                      tn_type_name(TN_TYPE(o)));
        return -1;
    }
    if (!value) {
        tn_err_setstr(&tn_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!tn_dict_check(value)) {
        tn_err_format(&tn_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                      tn_type_name(TN_TYPE(value)));
        return -1;
    }
    tn_incref(value);
    TnObject *old;
#ifdef TANDEM_FT
    old = atomic_exchange_explicit((SharedPtr *)dp, value, memory_order_acq_rel);
#else
    old = *dp;
    *dp = value;
#endif
    TN_XDECREF(old);
    return 0;
}

/* ---- generic attribute access ----------------------------------------------- */

static TnObject *attr_name_error(TnObject *name)
{
    return tn_err_format(&tn_exc_TypeError, "attribute name must be string, not '%s'",
                         tn_type_name(TN_TYPE(name)));
}

static TnObject *no_attr(TnObject *o, TnObject *name)
{
    return tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '%U'",
                         tn_type_name(TN_TYPE(o)), name);
}

TnObject *tn_object_generic_getattr(TnObject *o, TnObject *name)
{
    if (!tn_str_check(name))
        return attr_name_error(name);
    TnType *t = TN_TYPE(o);
    TnObject *descr = tn_type_lookup(t, name);
    TnObject *(*get)(TnObject *, TnObject *, TnObject *) = NULL;
    if (descr) {
        tn_incref(descr);
        get = TN_TYPE(descr)->tp_descr_get;
        if (get && TN_TYPE(descr)->tp_descr_set) {
            TnObject *r = get(descr, o, (TnObject *)t);
            tn_decref(descr);
            return r;
        }
    }
    TnObject **dp = tn_object_dict_ptr(o);
    if (dp) {
        TnObject *d = dict_ref(dp, 0);
        if (d) {
            TnObject *v;
            int r = tn_str_check_exact(name) ? ((v = tn_dict_get_str_known(d, name)) != NULL)
                                             : tn_dict_get_ref(d, name, &v);
            tn_decref(d);
            if (r < 0) {
                TN_XDECREF(descr);
                return NULL;
            }
            if (r > 0) {
                TN_XDECREF(descr);
                return v;
            }
        }
    }
    if (get) {
        TnObject *r = get(descr, o, (TnObject *)t);
        tn_decref(descr);
        return r;
    }
    if (descr)
        return descr;
    return no_attr(o, name);
}

int tn_object_generic_setattr(TnObject *o, TnObject *name, TnObject *value)
{
    if (!tn_str_check(name)) {
        attr_name_error(name);
        return -1;
    }
    TnType *t = TN_TYPE(o);
    TnObject *descr = tn_type_lookup(t, name);
    if (descr && TN_TYPE(descr)->tp_descr_set) {
        tn_incref(descr);
        int r = TN_TYPE(descr)->tp_descr_set(descr, o, value);
        tn_decref(descr);
        return r;
    }
    TnObject **dp = tn_object_dict_ptr(o);
    if (!dp) {
        if (descr)
            tn_err_format(&tn_exc_AttributeError, "'%s' object attribute '%U' is read-only",
                          tn_type_name(t), name);
        else
            no_attr(o, name);
        return -1;
    }
    TnObject *d = dict_ref(dp, 1);
    if (!d)
        return -1;
    int r;
    if (value) {
        /* interned keys make later lookups pointer compares */
        TnObject *key = tn_str_check_exact(name) ? tn_str_intern(tn_newref(name)) : tn_newref(name);
        r = key ? tn_dict_setitem(d, key, value) : -1;
        TN_XDECREF(key);
    } else {
        r = tn_dict_delitem(d, name);
        if (r < 0 && tn_err_matches(&tn_exc_KeyError)) {
            tn_err_clear();
            no_attr(o, name);
        }
    }
    tn_decref(d);
    return r;
}

int tn_object_get_method(TnObject *o, TnObject *name, TnObject **method)
{
    TnType *t = TN_TYPE(o);
    *method = NULL;
    if (t->tp_getattro != tn_object_generic_getattr || !tn_str_check(name)) {
        *method = tn_object_getattr(o, name);
        return *method ? 0 : -1;
    }
    TnObject *descr = tn_type_lookup(t, name);
    TnObject *(*get)(TnObject *, TnObject *, TnObject *) = NULL;
    int meth_found = 0;
    if (descr) {
        tn_incref(descr);
        if (TN_TYPE(descr)->tp_flags & TN_TPFLAG_METHOD_DESCRIPTOR) {
            meth_found = 1;
        } else {
            get = TN_TYPE(descr)->tp_descr_get;
            if (get && TN_TYPE(descr)->tp_descr_set) {
                *method = get(descr, o, (TnObject *)t);
                tn_decref(descr);
                return *method ? 0 : -1;
            }
        }
    }
    TnObject **dp = tn_object_dict_ptr(o);
    if (dp) {
        /* ft: another thread may replace __dict__ meanwhile, so hold it.
         * gil: a str-key lookup runs no Python code, so it cannot. */
#ifdef TANDEM_FT
        TnObject *d = dict_ref(dp, 0);
        TnObject *v = d ? tn_dict_get_str_known(d, name) : NULL;
        TN_XDECREF(d);
#else
        TnObject *d = *dp;
        TnObject *v = d ? tn_dict_get_str_known(d, name) : NULL;
#endif
        if (d) {
            if (v) {
                TN_XDECREF(descr);
                *method = v;
                return 0;
            }
            if (tn_err_occurred()) {
                TN_XDECREF(descr);
                return -1;
            }
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (get) {
        *method = get(descr, o, (TnObject *)t);
        tn_decref(descr);
        return *method ? 0 : -1;
    }
    if (descr) {
        *method = descr;
        return 0;
    }
    no_attr(o, name);
    return -1;
}

/* ---- object's slots ------------------------------------------------------------ */

TnObject *tn_object_default_repr(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    TnObject *mod = NULL;
    if (t->tp_flags & TN_TPFLAG_HEAPTYPE) {
        mod = tn_dict_get_str_known(t->tp_dict, TN_ID(__module__));
        if (mod && !tn_str_check(mod))
            TN_CLEAR(mod);
    } else if (t->tp_module && !tn_str_eq_cstr(t->tp_module, "builtins")) {
        mod = tn_newref(t->tp_module);
    }
    TnObject *qn = t->tp_qualname ? t->tp_qualname : t->tp_name_obj;
    TnObject *r;
    if (mod && !tn_str_eq_cstr(mod, "builtins"))
        r = qn ? tn_str_from_format("<%U.%U object at %p>", mod, qn, (void *)o)
               : tn_str_from_format("<%U.%s object at %p>", mod, t->tp_name, (void *)o);
    else
        r = qn ? tn_str_from_format("<%U object at %p>", qn, (void *)o)
               : tn_str_from_format("<%s object at %p>", t->tp_name, (void *)o);
    TN_XDECREF(mod);
    return r;
}

static TnObject *object_str(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    if (t->tp_repr)
        return t->tp_repr(o);
    return tn_object_default_repr(o);
}

TnObject *tn_object_richcompare_default(TnObject *a, TnObject *b, int op)
{
    switch (op) {
    case TN_EQ:
        return tn_newref(a == b ? tn_True : tn_NotImplemented);
    case TN_NE: {
        /* by default, != inverts __eq__ */
        TnType *t = TN_TYPE(a);
        if (!t->tp_richcompare)
            return tn_newref(tn_NotImplemented);
        TnObject *r = t->tp_richcompare(a, b, TN_EQ);
        if (!r || r == tn_NotImplemented)
            return r;
        int v = tn_object_is_true(r);
        tn_decref(r);
        if (v < 0)
            return NULL;
        return tn_bool_from(!v);
    }
    default:
        return tn_newref(tn_NotImplemented);
    }
}

tn_hash_t tn_object_hash_default(TnObject *o)
{
    /* CPython: the address rotated by 4 bits (allocations are aligned) */
    uintptr_t y = (uintptr_t)o;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    tn_hash_t h = (tn_hash_t)y;
    return h == -1 ? -2 : h;
}

static int excess_args(size_t nargs, TnObject *kwnames)
{
    return nargs > 0 || (kwnames && TN_TUPLE_SIZE(kwnames) > 0);
}

TnObject *tn_object_new(TnType *t, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        if (t->tp_new != tn_object_new)
            return tn_err_setstr(&tn_exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)"), NULL;
        if (t->tp_init == tn_object_init)
            return tn_err_format(&tn_exc_TypeError, "%s() takes no arguments", tn_type_name(t));
    }
    if (t->tp_flags & TN_TPFLAG_ABSTRACT) {
        TnObject *am = tn_dict_get_str_known(t->tp_dict, TN_ID(__abstractmethods__));
        TnObject *sorted = am ? tn_sequence_list(am) : NULL;
        TN_XDECREF(am);
        if (sorted && tn_list_sort(sorted, NULL, 0) == 0) {
            TnObject *sep = tn_str_from_cstr(", ");
            TnObject *joined = sep ? tn_str_join(sep, sorted) : NULL;
            tn_ssize_t n = TN_LIST_SIZE(sorted);
            if (joined)
                tn_err_format(&tn_exc_TypeError,
                              "Can't instantiate abstract class %s with abstract method%s %U",
                              tn_type_name(t), n > 1 ? "s" : "", joined);
            TN_XDECREF(sep);
            TN_XDECREF(joined);
        }
        TN_XDECREF(sorted);
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError, "Can't instantiate abstract class %s", tn_type_name(t));
        return NULL;
    }
    return tn_object_alloc(t, t->tp_basicsize);
}

int tn_object_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnType *t = TN_TYPE(self);
    if (excess_args(nargs, kwnames)) {
        if (t->tp_init != tn_object_init) {
            tn_err_format(&tn_exc_TypeError,
                          "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (t->tp_new == tn_object_new) {
            tn_err_format(&tn_exc_TypeError,
                          "%s.__init__() takes exactly one argument (the instance to initialize)",
                          tn_type_name(t));
            return -1;
        }
    }
    return 0;
}

static void object_dealloc(TnObject *o)
{
    tn_object_free(o);
}

/* ---- heap-type instances: finalizer and deallocation ------------------------ */

int tn_object_call_finalizer_from_dealloc(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    if (!t->tp_finalize)
        return 0;
    if (tn_gc_test_and_set_finalized(o))   /* PEP 442: __del__ runs once */
        return 0;
    /* Give the object one reference while __del__ runs, then see whether
     * anything kept it (resurrection). */
#ifdef TANDEM_FT
    /* Alive again while __del__ runs: ours, with separate counts. Leaving
     * the dead claim (MERGED, 0) in place would let another thread's
     * reference taken during __del__ free the object when it drops it. */
    tn_store_relaxed(&o->ob_tid, tn_tls_tid);
    tn_store_relaxed(&o->ob_ref_local, 1);
    tn_store_release(&o->ob_ref_shared, 0);
    t->tp_finalize(o);
    uint32_t local = tn_load_relaxed(&o->ob_ref_local);
    int32_t shared = 0;
    /* Dead again unless someone kept it: claim the zero as local_zero does. */
    if (local == 1 && tn_cas(&o->ob_ref_shared, &shared, (int32_t)TN_REF_MERGED)) {
        tn_store_relaxed(&o->ob_ref_local, 0);
        return 0;
    }
    tn_store_relaxed(&o->ob_ref_local, local - 1);
    if (local == 1)
        tn_brc_local_zero(o);   /* only other threads hold it: hand it over */
    return 1;
#else
    o->ob_refcnt = 1;
    t->tp_finalize(o);
    if (--o->ob_refcnt == 0)
        return 0;
    return 1;
#endif
}

void tn_subtype_dealloc(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    if (t->tp_finalize && tn_object_call_finalizer_from_dealloc(o))
        return;
    /* clear __slots__ of every heap type in the chain, then the dict */
    TnType *base = t;
    while (base->tp_flags & TN_TPFLAG_HEAPTYPE) {
        TnHeapType *ht = (TnHeapType *)base;
        if (ht->ht_members)
            for (TnMemberDef *m = ht->ht_members; m->name; m++) {
                TnObject **p = (TnObject **)((char *)o + m->offset);
                TN_CLEAR(*p);
            }
        base = base->tp_base;
    }
    TnObject **dp = tn_object_dict_ptr(o);
    if (dp && *dp && !(base->tp_dictoffset && base->tp_dictoffset == t->tp_dictoffset))
        TN_CLEAR(*dp);
    /* `base` is the first static type: it frees the memory (and
     * tn_object_free drops the reference to the heap type) */
    base->tp_dealloc(o);
}

/* ---- heap-type instances: the cyclic GC's traverse and clear ---------------
 * An instance references its class, its __slots__ values and its __dict__;
 * the first static type in the chain knows the rest (a list subclass's
 * items). Cycles are broken by clearing the slots and the dict. */

static TnType *first_static_base(TnType *t)
{
    while (t->tp_flags & TN_TPFLAG_HEAPTYPE)
        t = t->tp_base;
    return t;
}

int tn_subtype_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnType *t = TN_TYPE(o);
    int r = visit((TnObject *)t, arg);
    if (r)
        return r;
    for (TnType *b = t; b->tp_flags & TN_TPFLAG_HEAPTYPE; b = b->tp_base) {
        TnHeapType *ht = (TnHeapType *)b;
        if (ht->ht_members)
            for (TnMemberDef *m = ht->ht_members; m->name; m++) {
                TnObject *v = *(TnObject **)((char *)o + m->offset);
                if (v && (r = visit(v, arg)) != 0)
                    return r;
            }
    }
    TnType *base = first_static_base(t);
    TnObject **dp = tn_object_dict_ptr(o);
    if (dp && *dp && !(base->tp_dictoffset && base->tp_dictoffset == t->tp_dictoffset) &&
        (r = visit(*dp, arg)) != 0)
        return r;
    return base->tp_traverse ? base->tp_traverse(o, visit, arg) : 0;
}

int tn_subtype_clear(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    for (TnType *b = t; b->tp_flags & TN_TPFLAG_HEAPTYPE; b = b->tp_base) {
        TnHeapType *ht = (TnHeapType *)b;
        if (ht->ht_members)
            for (TnMemberDef *m = ht->ht_members; m->name; m++) {
                TnObject **p = (TnObject **)((char *)o + m->offset);
                TN_CLEAR(*p);
            }
    }
    TnType *base = first_static_base(t);
    TnObject **dp = tn_object_dict_ptr(o);
    if (dp && *dp && !(base->tp_dictoffset && base->tp_dictoffset == t->tp_dictoffset))
        TN_CLEAR(*dp);
    return base->tp_clear ? base->tp_clear(o) : 0;
}

/* ---- object's Python-level methods ------------------------------------------ */

static TnObject *object_get_class(TnObject *o, void *c)
{
    return tn_newref((TnObject *)TN_TYPE(o));
}

static int same_slots_added(TnType *a, TnType *b)
{
    TnType *base = a->tp_base;
    if (base != b->tp_base)
        return 0;
    if (a->tp_basicsize != b->tp_basicsize || a->tp_dictoffset != b->tp_dictoffset ||
        a->tp_weaklistoffset != b->tp_weaklistoffset)
        return 0;
    TnObject *sa = ((TnHeapType *)a)->ht_slots, *sb = ((TnHeapType *)b)->ht_slots;
    if (!sa || !sb)
        return sa == sb || (sa ? TN_TUPLE_SIZE(sa) : 0) == (sb ? TN_TUPLE_SIZE(sb) : 0);
    if (TN_TUPLE_SIZE(sa) != TN_TUPLE_SIZE(sb))
        return 0;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(sa); i++)
        if (!tn_str_eq(TN_TUPLE_GET(sa, i), TN_TUPLE_GET(sb, i)))
            return 0;
    return 1;
}

static int compatible_for_assignment(TnType *oldto, TnType *newto)
{
    TnType *a = newto, *b = oldto;
    while (a->tp_flags & TN_TPFLAG_HEAPTYPE && a->tp_base &&
           a->tp_basicsize == a->tp_base->tp_basicsize && !((TnHeapType *)a)->ht_slots)
        a = a->tp_base;
    while (b->tp_flags & TN_TPFLAG_HEAPTYPE && b->tp_base &&
           b->tp_basicsize == b->tp_base->tp_basicsize && !((TnHeapType *)b)->ht_slots)
        b = b->tp_base;
    if (a == b)
        return 1;
    if ((a->tp_flags & TN_TPFLAG_HEAPTYPE) && (b->tp_flags & TN_TPFLAG_HEAPTYPE))
        return same_slots_added(a, b);
    /* both heap types laid out identically on the same static base */
    if (newto->tp_basicsize == oldto->tp_basicsize && newto->tp_dictoffset == oldto->tp_dictoffset &&
        newto->tp_itemsize == oldto->tp_itemsize && (newto->tp_flags & TN_TPFLAG_HEAPTYPE) &&
        (oldto->tp_flags & TN_TPFLAG_HEAPTYPE)) {
        TnType *x = newto, *y = oldto;
        while (x->tp_flags & TN_TPFLAG_HEAPTYPE)
            x = x->tp_base;
        while (y->tp_flags & TN_TPFLAG_HEAPTYPE)
            y = y->tp_base;
        return x == y && !((TnHeapType *)newto)->ht_slots && !((TnHeapType *)oldto)->ht_slots;
    }
    return 0;
}

static int object_set_class(TnObject *o, TnObject *value, void *c)
{
    if (!value) {
        tn_err_setstr(&tn_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!tn_type_check(value)) {
        tn_err_format(&tn_exc_TypeError, "__class__ must be set to a class, not '%s' object",
                      tn_type_name(TN_TYPE(value)));
        return -1;
    }
    TnType *newto = (TnType *)value, *oldto = TN_TYPE(o);
    if (!(newto->tp_flags & TN_TPFLAG_HEAPTYPE) || !(oldto->tp_flags & TN_TPFLAG_HEAPTYPE)) {
        tn_err_setstr(&tn_exc_TypeError,
                      "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (!compatible_for_assignment(oldto, newto)) {
        tn_err_format(&tn_exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                      newto->tp_name, oldto->tp_name);
        return -1;
    }
    tn_incref(value);
    o->ob_type = newto;
    tn_decref((TnObject *)oldto);
    return 0;
}

static TnObject *object_format(TnObject *self, TnObject *spec)
{
    if (!tn_str_check(spec))
        return tn_err_format(&tn_exc_TypeError, "format() argument 2 must be str, not %s",
                             tn_type_name(TN_TYPE(spec)));
    if (TN_STR_SIZE(spec) > 0)
        return tn_err_format(&tn_exc_TypeError, "unsupported format string passed to %s.__format__",
                             tn_type_name(TN_TYPE(self)));
    return tn_object_str(self);
}

static TnObject *object_dir(TnObject *self, TnObject *unused)
{
    TnObject *d = tn_dict_new();
    if (!d)
        return NULL;
    TnObject **dp = tn_object_dict_ptr(self);
    if (dp && *dp && tn_dict_merge(d, *dp, 1) < 0)
        goto error;
    TnObject *mro = TN_TYPE(self)->tp_mro;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(mro); i++)
        if (tn_dict_merge(d, ((TnType *)TN_TUPLE_GET(mro, i))->tp_dict, 0) < 0)
            goto error;
    TnObject *keys = tn_dict_keys_list(d);
    tn_decref(d);
    return keys;
error:
    tn_decref(d);
    return NULL;
}

static TnObject *object_init_subclass(TnObject *cls, TnObject *const *args, size_t nargs,
                                      TnObject *kwnames)
{
    if (nargs || (kwnames && TN_TUPLE_SIZE(kwnames)))
        return tn_err_format(&tn_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                             tn_type_name((TnType *)cls));
    TN_RETURN_NONE;
}

static TnObject *object_subclasshook(TnObject *cls, TnObject *const *args, size_t nargs)
{
    return tn_newref(tn_NotImplemented);
}

static TnObject *object_sizeof(TnObject *self, TnObject *unused)
{
    TnType *t = TN_TYPE(self);
    return tn_int_from_i64((int64_t)t->tp_basicsize);
}

static TnObject *object_reduce_ex(TnObject *self, TnObject *proto)
{
    return tn_err_format(&tn_exc_NotImplementedError, "pickling is not supported (%s object)",
                         tn_type_name(TN_TYPE(self)));
}

static const TnMethodDef object_methods[] = {
    { "__format__", (void *)object_format, TN_METH_O, "Default object formatter." },
    { "__dir__", (void *)object_dir, TN_METH_NOARGS, "Default dir() implementation." },
    { "__init_subclass__", (void *)object_init_subclass, TN_METH_FASTKW | TN_METH_CLASS,
      "This method is called when a class is subclassed." },
    { "__subclasshook__", (void *)object_subclasshook, TN_METH_FAST | TN_METH_CLASS,
      "Abstract classes can override this to customize issubclass()." },
    { "__sizeof__", (void *)object_sizeof, TN_METH_NOARGS, "Size of object in memory, in bytes." },
    { "__reduce_ex__", (void *)object_reduce_ex, TN_METH_O, "Helper for pickle." },
    { NULL, NULL, 0, NULL }
};

static const TnGetSetDef object_getset[] = {
    { "__class__", object_get_class, object_set_class, "the object's class", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

TnType tn_object_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "object",
    .tp_basicsize = sizeof(TnObject),
    .tp_flags = TN_TPFLAG_BASETYPE,
    .tp_dealloc = object_dealloc,
    .tp_repr = tn_object_default_repr,
    .tp_str = object_str,
    .tp_hash = tn_object_hash_default,
    .tp_richcompare = tn_object_richcompare_default,
    .tp_getattro = tn_object_generic_getattr,
    .tp_setattro = tn_object_generic_setattr,
    .tp_new = tn_object_new,
    .tp_init = tn_object_init,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
};

/* The __dict__ and __weakref__ attributes of classes that have them are
 * these getsets, installed into each class that adds the slot. */
static TnObject *object_get_weakref(TnObject *o, void *c)
{
    TnType *t = TN_TYPE(o);
    if (!t->tp_weaklistoffset)
        TN_RETURN_NONE;
    TnObject *w = *(TnObject **)((char *)o + t->tp_weaklistoffset);
    /* the weakref module keeps its list head here; expose the first ref */
    return tn_newref(w ? w : tn_None);
}

const TnGetSetDef tn_subtype_dict_getset[] = {
    { "__dict__", object_get_dict, object_set_dict, "dictionary for instance variables (if defined)", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};
const TnGetSetDef tn_subtype_weakref_getset[] = {
    { "__weakref__", object_get_weakref, NULL, "list of weak references to the object (if defined)", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};
