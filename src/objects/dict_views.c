/* dict views (keys/values/items) and dict iterators (CPython's
 * dictobject.c, second half). Views hold a strong reference to their dict
 * and read it through the lock-free entry readers of dict.c; set operations
 * on keys/items views build a set and reuse set's methods. No global state. */
#include "dict_internal.h"

/* ---- iterators ---------------------------------------------------------------------- */

typedef struct {
    TnObject ob;
    TnObject *dict;      /* NULL once exhausted */
    tn_ssize_t pos;      /* entry position */
    tn_ssize_t used;     /* size at creation: a change is an error */
    tn_ssize_t remaining;
} DictIter;

enum { IT_KEYS, IT_VALUES, IT_ITEMS };

TnObject *tn_dict_iter_new(TnObject *d, TnType *t)
{
    DictIter *it = (DictIter *)tn_object_alloc(t, sizeof(DictIter));
    if (!it)
        return NULL;
    it->dict = tn_newref(d);
    it->used = tn_dict_size(d);
    it->remaining = it->used;
    int rev = t == &tn_dict_revkeyiter_type || t == &tn_dict_revvalueiter_type ||
              t == &tn_dict_revitemiter_type;
    it->pos = rev ? tn_dict_nentries(d) - 1 : 0;
    return (TnObject *)it;
}

static void dictiter_dealloc(TnObject *o)
{
    TN_XDECREF(((DictIter *)o)->dict);
    tn_object_free(o);
}

static int dictiter_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    DictIter *it = (DictIter *)o;
    return it->dict ? visit(it->dict, arg) : 0;
}

static TnObject *dictiter_next_common(TnObject *o, int kind, int rev)
{
    DictIter *it = (DictIter *)o;
    if (!it->dict)
        return NULL;
    if (it->used != tn_dict_size(it->dict)) {
        it->used = -1;   /* keep failing, as CPython does */
        return tn_err_format(&tn_exc_RuntimeError, "dictionary changed size during iteration");
    }
    TnObject *k, *v;
    int got = rev ? tn_dict_iter_entry_rev(it->dict, &it->pos, &k, &v)
                  : tn_dict_iter_entry(it->dict, &it->pos, &k, &v);
    if (!got || it->remaining <= 0) {
        if (got) {
            /* more entries than the size promised: keys were changed */
            tn_decref(k);
            tn_decref(v);
            TN_CLEAR(it->dict);
            return tn_err_format(&tn_exc_RuntimeError, "dictionary keys changed during iteration");
        }
        TN_CLEAR(it->dict);
        return NULL;
    }
    it->remaining--;
    if (kind == IT_KEYS) {
        tn_decref(v);
        return k;
    }
    if (kind == IT_VALUES) {
        tn_decref(k);
        return v;
    }
    TnObject *t = tn_tuple_new(2);
    if (!t) {
        tn_decref(k);
        tn_decref(v);
        return NULL;
    }
    TN_TUPLE_SET(t, 0, k);
    TN_TUPLE_SET(t, 1, v);
    return t;
}

static TnObject *keyiter_next(TnObject *o) { return dictiter_next_common(o, IT_KEYS, 0); }
static TnObject *valueiter_next(TnObject *o) { return dictiter_next_common(o, IT_VALUES, 0); }
static TnObject *itemiter_next(TnObject *o) { return dictiter_next_common(o, IT_ITEMS, 0); }
static TnObject *revkeyiter_next(TnObject *o) { return dictiter_next_common(o, IT_KEYS, 1); }
static TnObject *revvalueiter_next(TnObject *o) { return dictiter_next_common(o, IT_VALUES, 1); }
static TnObject *revitemiter_next(TnObject *o) { return dictiter_next_common(o, IT_ITEMS, 1); }

static TnObject *dictiter_length_hint(TnObject *o, TnObject *unused)
{
    DictIter *it = (DictIter *)o;
    tn_ssize_t n = it->dict && it->used == tn_dict_size(it->dict) ? it->remaining : 0;
    return tn_int_from_i64(n);
}

static const TnMethodDef dictiter_methods[] = {
    { "__length_hint__", (void *)dictiter_length_hint, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

#define DICT_ITER_TYPE(cname, pyname, nextfn) \
    TnType cname = { \
        TN_STATIC_TYPE_HEAD, \
        .tp_name = pyname, \
        .tp_basicsize = sizeof(DictIter), \
        .tp_flags = TN_TPFLAG_GC, \
        .tp_dealloc = dictiter_dealloc, \
        .tp_traverse = dictiter_traverse, \
        .tp_iter = tn_iter_self, \
        .tp_iternext = nextfn, \
        .tp_methods = dictiter_methods, \
    };
DICT_ITER_TYPE(tn_dict_keyiter_type, "dict_keyiterator", keyiter_next)
DICT_ITER_TYPE(tn_dict_valueiter_type, "dict_valueiterator", valueiter_next)
DICT_ITER_TYPE(tn_dict_itemiter_type, "dict_itemiterator", itemiter_next)
DICT_ITER_TYPE(tn_dict_revkeyiter_type, "dict_reversekeyiterator", revkeyiter_next)
DICT_ITER_TYPE(tn_dict_revvalueiter_type, "dict_reversevalueiterator", revvalueiter_next)
DICT_ITER_TYPE(tn_dict_revitemiter_type, "dict_reverseitemiterator", revitemiter_next)

/* ---- views ------------------------------------------------------------------------------ */

TnObject *tn_dict_view_new(TnObject *d, TnType *t)
{
    DictView *v = (DictView *)tn_object_alloc(t, sizeof(DictView));
    if (!v)
        return NULL;
    v->dict = tn_newref(d);
    return (TnObject *)v;
}

static void view_dealloc(TnObject *o)
{
    tn_decref(((DictView *)o)->dict);
    tn_object_free(o);
}

static int view_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    return visit(((DictView *)o)->dict, arg);
}

static tn_ssize_t view_len(TnObject *o) { return tn_dict_size(((DictView *)o)->dict); }

static TnObject *view_iter(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    TnType *it = t == &tn_dict_keys_type ? &tn_dict_keyiter_type
               : t == &tn_dict_values_type ? &tn_dict_valueiter_type : &tn_dict_itemiter_type;
    return tn_dict_iter_new(((DictView *)o)->dict, it);
}

static TnObject *view_reversed(TnObject *o, TnObject *unused)
{
    TnType *t = TN_TYPE(o);
    TnType *it = t == &tn_dict_keys_type ? &tn_dict_revkeyiter_type
               : t == &tn_dict_values_type ? &tn_dict_revvalueiter_type
               : &tn_dict_revitemiter_type;
    return tn_dict_iter_new(((DictView *)o)->dict, it);
}

static TnObject *view_repr(TnObject *o)
{
    int r = tn_repr_enter(o);
    if (r != 0)
        return r > 0 ? tn_str_from_cstr("...") : NULL;
    TnObject *l = tn_sequence_list(o), *s = NULL;
    if (l) {
        s = tn_str_from_format("%s(%R)", TN_TYPE(o)->tp_name, l);
        tn_decref(l);
    }
    tn_repr_leave(o);
    return s;
}

static int keys_contains(TnObject *o, TnObject *key)
{
    return tn_dict_contains(((DictView *)o)->dict, key);
}

static int items_contains(TnObject *o, TnObject *item)
{
    if (!tn_tuple_check(item) || TN_TUPLE_SIZE(item) != 2)
        return 0;
    TnObject *v;
    int r = tn_dict_get_ref(((DictView *)o)->dict, TN_TUPLE_GET(item, 0), &v);
    if (r <= 0)
        return r;
    r = tn_object_richcompare_bool(v, TN_TUPLE_GET(item, 1), TN_EQ);
    tn_decref(v);
    return r;
}

static int values_contains(TnObject *o, TnObject *x)
{
    TnObject *d = ((DictView *)o)->dict, *k, *v;
    tn_ssize_t pos = 0;
    while (tn_dict_iter_entry(d, &pos, &k, &v)) {
        tn_decref(k);
        int r = tn_object_richcompare_bool(v, x, TN_EQ);
        tn_decref(v);
        if (r != 0)
            return r;
    }
    return 0;
}

#define IS_SETLIKE_VIEW(o) (TN_TYPE(o) == &tn_dict_keys_type || TN_TYPE(o) == &tn_dict_items_type)

/* set(a) <op> b through set's in-place methods. */
static TnObject *view_setop(TnObject *a, TnObject *b, const char *method)
{
    if (!IS_SETLIKE_VIEW(a) && !IS_SETLIKE_VIEW(b))
        return tn_newref(tn_NotImplemented);
    TnObject *s = tn_set_new(a);
    if (!s)
        return NULL;
    TnObject *r = tn_call_method_cstr(s, method, &b, 1);
    if (!r) {
        tn_decref(s);
        return NULL;
    }
    tn_decref(r);
    return s;
}

static TnObject *view_or(TnObject *a, TnObject *b) { return view_setop(a, b, "update"); }
static TnObject *view_sub(TnObject *a, TnObject *b) { return view_setop(a, b, "difference_update"); }
static TnObject *view_and(TnObject *a, TnObject *b) { return view_setop(a, b, "intersection_update"); }
static TnObject *view_xor(TnObject *a, TnObject *b)
{
    return view_setop(a, b, "symmetric_difference_update");
}

static TnObject *view_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!(tn_anyset_check(b) || IS_SETLIKE_VIEW(b)) || !IS_SETLIKE_VIEW(a))
        return tn_newref(tn_NotImplemented);
    TnObject *sa = tn_set_new(a);
    TnObject *sb = sa ? tn_set_new(b) : NULL;
    TnObject *r = sb ? tn_object_richcompare(sa, sb, op) : NULL;
    TN_XDECREF(sa);
    TN_XDECREF(sb);
    return r;
}

static TnObject *view_isdisjoint(TnObject *self, TnObject *other)
{
    TnObject *it = tn_object_iter(other);
    if (!it)
        return NULL;
    TnObject *x;
    while ((x = tn_iter_next(it))) {
        int r = TN_TYPE(self)->sq_contains(self, x);
        tn_decref(x);
        if (r != 0) {
            tn_decref(it);
            return r < 0 ? NULL : tn_bool_from(0);
        }
    }
    tn_decref(it);
    if (tn_err_occurred())
        return NULL;
    return tn_bool_from(1);
}

static const TnMethodDef setview_methods[] = {
    { "isdisjoint", (void *)view_isdisjoint, TN_METH_O,
      "Return True if the view and the given iterable have a null intersection." },
    { "__reversed__", (void *)view_reversed, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static const TnMethodDef valuesview_methods[] = {
    { "__reversed__", (void *)view_reversed, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static TnObject *view_mapping(TnObject *o, void *closure)
{
    /* CPython returns a read-only mappingproxy; tandem has no mappingproxy
     * type, so say so rather than hand out the mutable dict. */
    return tn_err_format(&tn_exc_NotImplementedError,
                         "dict view .mapping is not supported (no mappingproxy type)");
}

static const TnGetSetDef view_getset[] = {
    { "mapping", view_mapping, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

TnType tn_dict_keys_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(DictView),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_richcompare = view_richcompare,
    .tp_iter = view_iter,
    .tp_traverse = view_traverse,
    .nb_subtract = view_sub,
    .nb_and = view_and,
    .nb_xor = view_xor,
    .nb_or = view_or,
    .sq_length = view_len,
    .sq_contains = keys_contains,
    .tp_methods = setview_methods,
    .tp_getset = view_getset,
};

TnType tn_dict_items_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(DictView),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_richcompare = view_richcompare,
    .tp_iter = view_iter,
    .tp_traverse = view_traverse,
    .nb_subtract = view_sub,
    .nb_and = view_and,
    .nb_xor = view_xor,
    .nb_or = view_or,
    .sq_length = view_len,
    .sq_contains = items_contains,
    .tp_methods = setview_methods,
    .tp_getset = view_getset,
};

TnType tn_dict_values_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(DictView),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_iter = view_iter,
    .tp_traverse = view_traverse,
    .sq_length = view_len,
    .sq_contains = values_contains,
    .tp_methods = valuesview_methods,
    .tp_getset = view_getset,
};

int tn_dict_views_init(void)
{
    TnType *types[] = {
        &tn_dict_keys_type, &tn_dict_values_type, &tn_dict_items_type,
        &tn_dict_keyiter_type, &tn_dict_valueiter_type, &tn_dict_itemiter_type,
        &tn_dict_revkeyiter_type, &tn_dict_revvalueiter_type, &tn_dict_revitemiter_type,
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (tn_type_ready(types[i]) < 0)
            return -1;
    return 0;
}
