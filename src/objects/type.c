/* `type`: type objects, readiness (MRO, inheritance, dicts), the attribute
 * lookup cache, and classes created at run time (CPython's typeobject.c).
 * The dunder <-> slot machinery is in typeobject_slots.c. */
#include <string.h>
#include <stdio.h>
#include "type_internal.h"
#include "tandem/qsbr.h"
#include "tandem/module.h"
#include "tandem/func.h"
#include "tandem/exc.h"
#include "tandem/args.h"
#include "tandem/eval.h"
#include "tandem/iterobject.h"

/* ---- attribute lookup cache -------------------------------------------
 * A global direct-mapped table keyed by (tp_version_tag, interned name), as
 * in CPython. Values are borrowed pointers into type dicts.
 *
 * Thread safety (ft build): each entry is guarded by a sequence counter.
 * A writer claims the entry by moving seq from even to odd with a CAS (if
 * the CAS fails another thread is writing: it simply skips caching), writes
 * the fields and publishes with a release store of seq + 1 (even again). A
 * reader loads seq (acquire), the fields (relaxed), then seq again after an
 * acquire fence: the hit is used only if seq was even and unchanged, so a
 * torn entry is never used. An entry is only ever consulted for the type's
 * CURRENT version tag; tn_type_modified gives a type a fresh, never reused
 * tag after its dict changes, so entries written for an older tag (even
 * ones written late by a racing thread) can never be hit again. Readers
 * must read the version tag BEFORE walking the MRO (they do). In the gil
 * build the GIL orders everything and the helpers are plain accesses. */
#define CACHE_BITS 12
#define CACHE_SIZE (1u << CACHE_BITS)
typedef struct {
    TN_SHARED(uint32_t) seq;
    TN_SHARED(uint32_t) version;
    TN_SHARED(TnObject *) name;
    TN_SHARED(TnObject *) value;
} CacheEntry;
static CacheEntry type_cache[CACHE_SIZE];
/* Version tags: never reused; 0 means "do not cache". */
static TN_SHARED(uint32_t) next_version_tag = 1;

static inline uint32_t cache_index(uint32_t version, TnObject *name)
{
    uintptr_t h = ((uintptr_t)name >> 4) ^ ((uintptr_t)name >> 16);
    return (uint32_t)((version * 2654435761u) ^ h) & (CACHE_SIZE - 1);
}

static uint32_t new_version_tag(void)
{
    uint32_t v = tn_fetch_add_relaxed(&next_version_tag, 1);
    return v ? v : tn_fetch_add_relaxed(&next_version_tag, 1);
}

void tn_type_cache_clear(void)
{
    memset(type_cache, 0, sizeof type_cache);
}

static TnObject *find_in_mro(TnType *t, TnObject *name)
{
    TnObject *mro = t->tp_mro;
    if (!mro) {
        /* not ready yet: only its own dict */
        if (!t->tp_dict)
            return NULL;
        TnObject *v = tn_dict_get_str_known(t->tp_dict, name);
        if (v)
            tn_decref(v);      /* the dict keeps it alive: borrowed */
        return v;
    }
    tn_ssize_t n = TN_TUPLE_SIZE(mro);
    for (tn_ssize_t i = 0; i < n; i++) {
        TnType *b = (TnType *)TN_TUPLE_GET(mro, i);
        TnObject *v = tn_dict_get_str_known(b->tp_dict, name);
        if (v) {
            tn_decref(v);
            return v;
        }
    }
    return NULL;
}

TnObject *tn_type_lookup(TnType *t, TnObject *name)
{
    uint32_t version = tn_load_acquire(&t->tp_version_tag);
    int cacheable = version != 0 && tn_str_check_exact(name) && ((TnStr *)name)->interned;
    if (!cacheable) {
        TnObject *exc = tn_err_fetch();   /* a lookup never reports errors */
        TnObject *v = find_in_mro(t, name);
        if (tn_err_occurred())
            tn_err_clear();
        tn_err_restore(exc);
        return v;
    }
    CacheEntry *e = &type_cache[cache_index(version, name)];
    uint32_t s1 = tn_load_acquire(&e->seq);
    if (!(s1 & 1) && tn_load_relaxed(&e->version) == version &&
        tn_load_relaxed(&e->name) == name) {
        TnObject *v = tn_load_relaxed(&e->value);
#ifdef TANDEM_FT
        atomic_thread_fence(memory_order_acquire);
#endif
        if (tn_load_relaxed(&e->seq) == s1)
            return v;
    }
    TnObject *v = find_in_mro(t, name);
    /* claim the entry; give up quietly if someone else is writing it */
    uint32_t s = tn_load_relaxed(&e->seq);
    if (!(s & 1) && tn_cas(&e->seq, &s, s + 1)) {
        tn_store_relaxed(&e->version, version);
        tn_store_relaxed(&e->name, name);
        tn_store_relaxed(&e->value, v);
        tn_store_release(&e->seq, s + 2);
    }
    return v;
}

static void modified_rec(TnType *t, int depth)
{
    tn_store_release(&t->tp_version_tag, new_version_tag());
    if (!t->tp_subclasses || depth > 1000)
        return;
    tn_ssize_t pos = 0;
    TnObject *k, *v;
    while (tn_dict_next(t->tp_subclasses, &pos, &k, &v)) {
        TnType *sub = (TnType *)(intptr_t)tn_int_as_i64(v);
        tn_decref(k);
        tn_decref(v);
        modified_rec(sub, depth + 1);
    }
}

void tn_type_modified(TnType *t)
{
    modified_rec(t, 0);
}

/* ---- helpers -------------------------------------------------------------- */

/* Messages name a type by its full tp_name, as CPython does: a static type
 * defined by a module carries the module in it ('collections.deque'). */
const char *tn_type_name(TnType *t)
{
    return t->tp_name;
}

/* __name__: a static type's tp_name without its module prefix. */
const char *tn_type_short_name(TnType *t)
{
    if (t->tp_flags & TN_TPFLAG_HEAPTYPE)
        return t->tp_name;
    const char *dot = strrchr(t->tp_name, '.');
    return dot ? dot + 1 : t->tp_name;
}

int tn_type_is_subtype(TnType *a, TnType *b)
{
    if (a == b)
        return 1;
    TnObject *mro = a->tp_mro;
    if (mro) {
        tn_ssize_t n = TN_TUPLE_SIZE(mro);
        for (tn_ssize_t i = 1; i < n; i++)
            if (TN_TUPLE_GET(mro, i) == (TnObject *)b)
                return 1;
        return 0;
    }
    for (a = a->tp_base; a; a = a->tp_base)
        if (a == b)
            return 1;
    return b == &tn_object_type;
}

int tn_type_add_subclass(TnType *base, TnType *sub)
{
    if (!base->tp_subclasses) {
        TnObject *d = tn_dict_new();
        if (!d)
            return -1;
        TnObject *expected = NULL;
        /* type objects may be shared between threads: publish once */
        if (!tn_cas((TN_SHARED(TnObject *) *)&base->tp_subclasses, &expected, d))
            tn_decref(d);
    }
    TnObject *key = tn_int_from_i64((int64_t)(intptr_t)sub);
    if (!key)
        return -1;
    int r = tn_dict_setitem(base->tp_subclasses, key, key);
    tn_decref(key);
    return r;
}

static void remove_subclass(TnType *base, TnType *sub)
{
    if (!base->tp_subclasses)
        return;
    TnObject *exc = tn_err_fetch();
    TnObject *key = tn_int_from_i64((int64_t)(intptr_t)sub);
    if (key) {
        if (tn_dict_delitem(base->tp_subclasses, key) < 0)
            tn_err_clear();
        tn_decref(key);
    } else {
        tn_err_clear();
    }
    tn_err_restore(exc);
}

/* ---- MRO (C3 linearisation) ---------------------------------------------- */

static int tail_contains(TnObject *list, tn_ssize_t start, TnObject *o)
{
    tn_ssize_t n = TN_LIST_SIZE(list);
    for (tn_ssize_t i = start + 1; i < n; i++)
        if (TN_LIST_ITEMS(list)[i] == o)
            return 1;
    return 0;
}

static void set_mro_error(TnObject **seqs, tn_ssize_t nseqs, tn_ssize_t *remain)
{
    TnStrBuilder sb;
    tn_sb_init(&sb);
    TnObject *seen = tn_list_new(0);
    if (!seen) {
        tn_sb_discard(&sb);
        return;
    }
    int first = 1;
    for (tn_ssize_t i = 0; i < nseqs; i++) {
        TnObject *seq = seqs[i];
        if (remain[i] >= TN_LIST_SIZE(seq))
            continue;
        TnObject *head = TN_LIST_ITEMS(seq)[remain[i]];
        int dup = 0;
        for (tn_ssize_t j = 0; j < TN_LIST_SIZE(seen); j++)
            if (TN_LIST_ITEMS(seen)[j] == head)
                dup = 1;
        if (dup)
            continue;
        tn_list_append(seen, head);
        if (!first)
            tn_sb_append_cstr(&sb, ", ");
        first = 0;
        tn_sb_append_cstr(&sb, tn_type_short_name((TnType *)head));
    }
    tn_decref(seen);
    TnObject *names = tn_sb_finish(&sb);
    if (!names)
        return;
    tn_err_format(&tn_exc_TypeError,
                  "Cannot create a consistent method resolution\norder (MRO) for bases %U", names);
    tn_decref(names);
}

/* mro(t) = [t] + merge(mro(b1), ..., mro(bn), [b1..bn]) */
static TnObject *compute_mro(TnType *t)
{
    TnObject *bases = t->tp_bases;
    tn_ssize_t nb = TN_TUPLE_SIZE(bases);
    for (tn_ssize_t i = 0; i < nb; i++)
        for (tn_ssize_t j = i + 1; j < nb; j++)
            if (TN_TUPLE_GET(bases, i) == TN_TUPLE_GET(bases, j))
                return tn_err_format(&tn_exc_TypeError, "duplicate base class %s",
                                     tn_type_short_name((TnType *)TN_TUPLE_GET(bases, i)));
    TnObject *result = tn_list_new(0);
    if (!result)
        return NULL;
    if (tn_list_append(result, (TnObject *)t) < 0)
        goto error_result;
    if (nb == 1) {
        /* single inheritance: mro(base) with t in front */
        TnObject *bm = ((TnType *)TN_TUPLE_GET(bases, 0))->tp_mro;
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(bm); i++)
            if (tn_list_append(result, TN_TUPLE_GET(bm, i)) < 0)
                goto error_result;
        TnObject *tup = tn_list_as_tuple(result);
        tn_decref(result);
        return tup;
    }
    tn_ssize_t nseqs = nb + 1;
    TnObject **seqs = tn_mem_calloc((size_t)nseqs, sizeof(TnObject *));
    tn_ssize_t *remain = tn_mem_calloc((size_t)nseqs, sizeof(tn_ssize_t));
    if (!seqs || !remain)
        goto error_seqs;
    for (tn_ssize_t i = 0; i < nb; i++) {
        TnObject *bm = ((TnType *)TN_TUPLE_GET(bases, i))->tp_mro;
        seqs[i] = tn_sequence_list(bm);
        if (!seqs[i])
            goto error_seqs;
    }
    seqs[nb] = tn_sequence_list(bases);
    if (!seqs[nb])
        goto error_seqs;
    for (;;) {
        int empty = 1, found = 0;
        for (tn_ssize_t i = 0; i < nseqs; i++) {
            if (remain[i] >= TN_LIST_SIZE(seqs[i]))
                continue;
            empty = 0;
            TnObject *cand = TN_LIST_ITEMS(seqs[i])[remain[i]];
            int bad = 0;
            for (tn_ssize_t j = 0; j < nseqs && !bad; j++)
                if (remain[j] < TN_LIST_SIZE(seqs[j]) && tail_contains(seqs[j], remain[j], cand))
                    bad = 1;
            if (bad)
                continue;
            if (tn_list_append(result, cand) < 0)
                goto error_seqs;
            for (tn_ssize_t j = 0; j < nseqs; j++)
                if (remain[j] < TN_LIST_SIZE(seqs[j]) && TN_LIST_ITEMS(seqs[j])[remain[j]] == cand)
                    remain[j]++;
            found = 1;
            break;
        }
        if (empty)
            break;
        if (!found) {
            set_mro_error(seqs, nseqs, remain);
            goto error_seqs;
        }
    }
    for (tn_ssize_t i = 0; i < nseqs; i++)
        TN_XDECREF(seqs[i]);
    tn_mem_free(seqs);
    tn_mem_free(remain);
    TnObject *tup = tn_list_as_tuple(result);
    tn_decref(result);
    return tup;
error_seqs:
    if (seqs)
        for (tn_ssize_t i = 0; i < nseqs; i++)
            TN_XDECREF(seqs[i]);
    tn_mem_free(seqs);
    tn_mem_free(remain);
error_result:
    tn_decref(result);
    return NULL;
}

/* ---- readiness ------------------------------------------------------------ */

static int add_methods(TnType *t)
{
    TnObject *dict = t->tp_dict;
    if (t->tp_methods)
        for (const TnMethodDef *m = t->tp_methods; m->name; m++) {
            TnObject *d;
            if (m->flags & TN_METH_CLASS)
                d = tn_descr_new_classmethod(t, m);
            else if (m->flags & TN_METH_STATIC) {
                TnObject *f = tn_cfunction_new(m, NULL, NULL);
                if (!f)
                    return -1;
                d = tn_staticmethod_new(f);
                tn_decref(f);
            } else
                d = tn_descr_new_method(t, m);
            if (!d)
                return -1;
            int r = tn_dict_setitem_str(dict, m->name, d);
            tn_decref(d);
            if (r < 0)
                return -1;
        }
    if (t->tp_members)
        for (const TnMemberDef *m = t->tp_members; m->name; m++) {
            TnObject *d = tn_descr_new_member(t, m);
            if (!d || tn_dict_setitem_str(dict, m->name, d) < 0) {
                TN_XDECREF(d);
                return -1;
            }
            tn_decref(d);
        }
    if (t->tp_getset)
        for (const TnGetSetDef *g = t->tp_getset; g->name; g++) {
            TnObject *d = tn_descr_new_getset(t, g);
            if (!d || tn_dict_setitem_str(dict, g->name, d) < 0) {
                TN_XDECREF(d);
                return -1;
            }
            tn_decref(d);
        }
    return 0;
}

/* The built-in classes that are generic in annotations (list[int], PEP 585).
 * Their __class_getitem__ is added here rather than in each type's method
 * table so the list stays in one place. */
static int is_pep585_builtin(TnType *t)
{
    return t == &tn_list_type || t == &tn_dict_type || t == &tn_tuple_type ||
           t == &tn_set_type || t == &tn_frozenset_type || t == &tn_enumerate_type;
}

static int add_class_getitem(TnType *t)
{
    const TnMethodDef *m = tn_genericalias_class_getitem_def();
    TnObject *d = tn_descr_new_classmethod(t, m);
    if (!d)
        return -1;
    int r = tn_dict_setitem_str(t->tp_dict, m->name, d);
    tn_decref(d);
    if (r < 0)
        return -1;
    /* readied here, at start-up, so no thread ever readies them lazily */
    if (tn_type_ready(&tn_genericalias_type) < 0 || tn_type_ready(&tn_union_type) < 0)
        return -1;
    return 0;
}

#define COPYSLOT(s) do { if (!t->s) t->s = b->s; } while (0)

static void inherit_slots(TnType *t, TnType *b, int own_richcmp, int own_hash)
{
    COPYSLOT(tp_repr); COPYSLOT(tp_str);
    COPYSLOT(tp_getattro); COPYSLOT(tp_setattro);
    /* __eq__ and __hash__ go together: a type that defines comparison but
     * not hashing is unhashable (list, dict, set, classes with __eq__). */
    if (!own_richcmp && !own_hash) {
        COPYSLOT(tp_richcompare);
        COPYSLOT(tp_hash);
    } else if (!own_hash) {
        /* keep tp_hash NULL: unhashable */
    } else {
        COPYSLOT(tp_richcompare);
    }
    COPYSLOT(tp_call); COPYSLOT(tp_iter); COPYSLOT(tp_iternext);
    COPYSLOT(tp_descr_get); COPYSLOT(tp_descr_set);
    COPYSLOT(tp_init); COPYSLOT(tp_finalize);
    COPYSLOT(tp_traverse); COPYSLOT(tp_clear);
    COPYSLOT(nb_add); COPYSLOT(nb_subtract); COPYSLOT(nb_multiply); COPYSLOT(nb_remainder);
    COPYSLOT(nb_divmod); COPYSLOT(nb_lshift); COPYSLOT(nb_rshift); COPYSLOT(nb_and);
    COPYSLOT(nb_xor); COPYSLOT(nb_or); COPYSLOT(nb_floor_divide); COPYSLOT(nb_true_divide);
    COPYSLOT(nb_matrix_multiply); COPYSLOT(nb_power);
    COPYSLOT(nb_inplace_add); COPYSLOT(nb_inplace_subtract); COPYSLOT(nb_inplace_multiply);
    COPYSLOT(nb_inplace_remainder); COPYSLOT(nb_inplace_lshift); COPYSLOT(nb_inplace_rshift);
    COPYSLOT(nb_inplace_and); COPYSLOT(nb_inplace_xor); COPYSLOT(nb_inplace_or);
    COPYSLOT(nb_inplace_floor_divide); COPYSLOT(nb_inplace_true_divide);
    COPYSLOT(nb_inplace_matrix_multiply); COPYSLOT(nb_inplace_power);
    COPYSLOT(nb_negative); COPYSLOT(nb_positive); COPYSLOT(nb_absolute); COPYSLOT(nb_invert);
    COPYSLOT(nb_int); COPYSLOT(nb_float); COPYSLOT(nb_index); COPYSLOT(nb_bool);
    COPYSLOT(sq_length); COPYSLOT(mp_subscript); COPYSLOT(mp_ass_subscript);
    COPYSLOT(sq_contains); COPYSLOT(sq_item);
}

static void inherit_special(TnType *t, TnType *base)
{
    const uint32_t subclass_flags = TN_TPFLAG_INT_SUBCLASS | TN_TPFLAG_LIST_SUBCLASS |
        TN_TPFLAG_TUPLE_SUBCLASS | TN_TPFLAG_BYTES_SUBCLASS | TN_TPFLAG_STR_SUBCLASS |
        TN_TPFLAG_DICT_SUBCLASS | TN_TPFLAG_EXC_SUBCLASS | TN_TPFLAG_TYPE_SUBCLASS;
    t->tp_flags |= base->tp_flags & (subclass_flags | TN_TPFLAG_GC);
    if (!t->tp_basicsize)
        t->tp_basicsize = base->tp_basicsize;
    if (!t->tp_itemsize)
        t->tp_itemsize = base->tp_itemsize;
    if (!t->tp_dictoffset)
        t->tp_dictoffset = base->tp_dictoffset;
    if (!t->tp_weaklistoffset)
        t->tp_weaklistoffset = base->tp_weaklistoffset;
    if (!t->tp_dealloc)
        t->tp_dealloc = base->tp_dealloc;
    /* A static type without tp_new cannot be instantiated ("cannot create
     * 'X' instances") unless its base is a real class other than object. */
    if (!t->tp_new && (base != &tn_object_type || (t->tp_flags & TN_TPFLAG_HEAPTYPE)))
        t->tp_new = base->tp_new;
}

int tn_type_ready(TnType *t)
{
    if (t->tp_flags & TN_TPFLAG_READY)
        return 0;
    if (!t->tp_base && t != &tn_object_type)
        t->tp_base = &tn_object_type;
    if (t->tp_base && tn_type_ready(t->tp_base) < 0)
        return -1;
    if (!t->tp_bases) {
        t->tp_bases = t->tp_base ? tn_tuple_pack(1, (TnObject *)t->tp_base) : tn_tuple_new(0);
        if (!t->tp_bases)
            return -1;
    }
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(t->tp_bases); i++)
        if (tn_type_ready((TnType *)TN_TUPLE_GET(t->tp_bases, i)) < 0)
            return -1;
    if (!t->tp_dict && !(t->tp_dict = tn_dict_new()))
        return -1;
    int heap = (t->tp_flags & TN_TPFLAG_HEAPTYPE) != 0;
    int own_richcmp = t->tp_richcompare != NULL, own_hash = t->tp_hash != NULL;
    if (!heap) {
        if (tn_type_add_operators(t) < 0)
            return -1;
        if (add_methods(t) < 0)
            return -1;
        if (is_pep585_builtin(t) && add_class_getitem(t) < 0)
            return -1;
        if (!t->tp_name_obj)
            t->tp_name_obj = tn_str_intern_cstr(tn_type_short_name(t));
        if (!t->tp_qualname)
            t->tp_qualname = tn_newref(t->tp_name_obj);
        if (!t->tp_module) {
            const char *dot = strrchr(t->tp_name, '.');
            t->tp_module = dot ? tn_str_from_utf8(t->tp_name, dot - t->tp_name)
                               : tn_str_intern_cstr("builtins");
        }
        if (tn_dict_contains(t->tp_dict, tn_str_intern_cstr("__doc__")) == 0) {
            TnObject *doc = t->tp_doc ? tn_str_from_cstr(t->tp_doc) : tn_newref(tn_None);
            if (!doc || tn_dict_setitem(t->tp_dict, tn_str_intern_cstr("__doc__"), doc) < 0) {
                TN_XDECREF(doc);
                return -1;
            }
            tn_decref(doc);
        }
    }
    if (!t->tp_mro) {
        TnObject *mro = compute_mro(t);
        if (!mro)
            return -1;
        t->tp_mro = mro;
    }
    if (t->tp_base)
        inherit_special(t, t->tp_base);
    for (tn_ssize_t i = 1; i < TN_TUPLE_SIZE(t->tp_mro); i++)
        inherit_slots(t, (TnType *)TN_TUPLE_GET(t->tp_mro, i), own_richcmp, own_hash);
    if (t->tp_iternext && !t->tp_iter && !heap)
        t->tp_iter = NULL;      /* leave: iterators define tp_iter themselves */
    if (!heap && !t->tp_hash && tn_dict_contains(t->tp_dict, tn_str_intern_cstr("__hash__")) == 0)
        if (tn_dict_setitem(t->tp_dict, tn_str_intern_cstr("__hash__"), tn_None) < 0)
            return -1;
    if (!heap && t->tp_new && t != &tn_type_type &&
        tn_dict_contains(t->tp_dict, tn_str_intern_cstr("__new__")) == 0) {
        /* object.__new__ and friends: a builtin bound to the type */
        if (!t->tp_base || t->tp_new != t->tp_base->tp_new || t == &tn_object_type) {
            TnObject *nw = tn_slot_tp_new_wrapper_make(t);
            if (!nw || tn_dict_setitem(t->tp_dict, tn_str_intern_cstr("__new__"), nw) < 0) {
                TN_XDECREF(nw);
                return -1;
            }
            tn_decref(nw);
        }
    } else if (t == &tn_type_type && tn_dict_contains(t->tp_dict, tn_str_intern_cstr("__new__")) == 0) {
        TnObject *nw = tn_slot_tp_new_wrapper_make(t);
        if (!nw || tn_dict_setitem(t->tp_dict, tn_str_intern_cstr("__new__"), nw) < 0) {
            TN_XDECREF(nw);
            return -1;
        }
        tn_decref(nw);
    }
    if (heap) {
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(t->tp_bases); i++)
            if (tn_type_add_subclass((TnType *)TN_TUPLE_GET(t->tp_bases, i), t) < 0)
                return -1;
    }
    tn_store_release(&t->tp_version_tag, new_version_tag());
    t->tp_flags |= TN_TPFLAG_READY;
    return 0;
}

/* ---- layout: solid base and instance size -------------------------------- */

static int extra_ivars(TnType *t, TnType *base)
{
    size_t tsize = t->tp_basicsize;
    const size_t ptr = sizeof(TnObject *);
    if (t->tp_itemsize != base->tp_itemsize && base->tp_itemsize)
        return 1;
    /* the __weakref__ and __dict__ pointers a class adds at the end of its
     * instances do not make it a new layout (CPython's rule) */
    if (t->tp_flags & TN_TPFLAG_HEAPTYPE) {
        if (t->tp_weaklistoffset && !base->tp_weaklistoffset && t->tp_weaklistoffset + ptr == tsize)
            tsize -= ptr;
        if (t->tp_dictoffset == TN_DICTOFFSET_VAR && !base->tp_dictoffset)
            tsize -= 3 * ptr;
        else if (t->tp_dictoffset && !base->tp_dictoffset && t->tp_dictoffset + ptr == tsize)
            tsize -= ptr;
    }
    return tsize != base->tp_basicsize;
}

static TnType *solid_base(TnType *t)
{
    TnType *base = t->tp_base ? solid_base(t->tp_base) : &tn_object_type;
    return extra_ivars(t, base) ? t : base;
}

static TnType *best_base(TnObject *bases)
{
    TnType *base = NULL, *winner = NULL;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(bases); i++) {
        TnObject *b = TN_TUPLE_GET(bases, i);
        if (!tn_type_check(b)) {
            tn_err_setstr(&tn_exc_TypeError, "bases must be types");
            return NULL;
        }
        TnType *bt = (TnType *)b;
        if (!(bt->tp_flags & TN_TPFLAG_BASETYPE)) {
            tn_err_format(&tn_exc_TypeError, "type '%s' is not an acceptable base type", bt->tp_name);
            return NULL;
        }
        TnType *cand = solid_base(bt);
        if (!winner) {
            winner = cand;
            base = bt;
        } else if (tn_type_is_subtype(winner, cand)) {
            /* fine */
        } else if (tn_type_is_subtype(cand, winner)) {
            winner = cand;
            base = bt;
        } else {
            tn_err_setstr(&tn_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* ---- class creation -------------------------------------------------------- */

static int is_identifier(TnObject *s)
{
    const unsigned char *p = (const unsigned char *)TN_STR_DATA(s);
    if (!*p || (*p >= '0' && *p <= '9'))
        return 0;
    for (; *p; p++)
        if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p >= 0x80))
            return 0;
    return 1;
}

/* "__x" inside class "A" is stored as "_A__x" (private name mangling). */
static TnObject *mangle(TnObject *clsname, TnObject *name)
{
    const char *n = TN_STR_DATA(name);
    tn_ssize_t len = TN_STR_SIZE(name);
    if (len < 2 || n[0] != '_' || n[1] != '_' || (len >= 4 && n[len - 1] == '_' && n[len - 2] == '_'))
        return tn_newref(name);
    const char *c = TN_STR_DATA(clsname);
    while (*c == '_')
        c++;
    if (!*c)
        return tn_newref(name);
    return tn_str_from_format("_%s%U", c, name);
}

/* Process __slots__: fills ht->ht_slots/ht_members, the member descriptors
 * in dict, and tells whether __dict__/__weakref__ were requested. */
static int do_slots(TnHeapType *ht, TnType *base, TnObject *dict, TnObject *slots_obj,
                    int *want_dict, int *want_weak)
{
    TnType *t = &ht->type;
    TnObject *slots;
    if (tn_str_check(slots_obj))
        slots = tn_tuple_pack(1, slots_obj);
    else
        slots = tn_sequence_tuple(slots_obj);
    if (!slots)
        return -1;
    tn_ssize_t n = TN_TUPLE_SIZE(slots), nreal = 0;
    *want_dict = *want_weak = 0;
    TnObject *names = tn_list_new(0);
    if (!names)
        goto error;
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *s = TN_TUPLE_GET(slots, i);
        if (!tn_str_check(s)) {
            tn_err_format(&tn_exc_TypeError, "__slots__ items must be strings, not '%s'",
                          tn_type_name(TN_TYPE(s)));
            goto error;
        }
        if (!is_identifier(s)) {
            tn_err_setstr(&tn_exc_TypeError, "__slots__ must be identifiers");
            goto error;
        }
        if (tn_str_eq_cstr(s, "__dict__")) {
            if (base->tp_dictoffset || *want_dict) {
                tn_err_setstr(&tn_exc_TypeError, "__dict__ slot disallowed: we already got one");
                goto error;
            }
            *want_dict = 1;
            continue;
        }
        if (tn_str_eq_cstr(s, "__weakref__")) {
            if (base->tp_weaklistoffset || base->tp_itemsize || *want_weak) {
                tn_err_setstr(&tn_exc_TypeError,
                    "__weakref__ slot disallowed: either we already got one, or the base type has a nonzero tp_itemsize");
                goto error;
            }
            *want_weak = 1;
            continue;
        }
        TnObject *m = mangle(t->tp_name_obj, s);
        if (!m)
            goto error;
        int r = tn_dict_contains(dict, m);
        if (r != 0) {
            if (r > 0)
                tn_err_format(&tn_exc_ValueError, "%R in __slots__ conflicts with class variable", s);
            tn_decref(m);
            goto error;
        }
        for (tn_ssize_t j = 0; j < TN_LIST_SIZE(names); j++)
            if (tn_str_eq(TN_LIST_ITEMS(names)[j], m)) {
                tn_err_format(&tn_exc_ValueError, "%R in __slots__ conflicts with class variable", s);
                tn_decref(m);
                goto error;
            }
        r = tn_list_append(names, tn_str_intern(m));
        if (r < 0)
            goto error;
        nreal++;
    }
    if (nreal && base->tp_itemsize) {
        tn_err_format(&tn_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                      base->tp_name);
        goto error;
    }
    ht->ht_members = tn_mem_calloc((size_t)nreal + 1, sizeof(TnMemberDef));
    if (!ht->ht_members)
        goto error;
    size_t off = t->tp_basicsize;
    for (tn_ssize_t i = 0; i < nreal; i++) {
        TnObject *m = TN_LIST_ITEMS(names)[i];
        TnMemberDef *md = &ht->ht_members[i];
        md->name = tn_str_as_cstr(m);      /* interned: lives as long as the process */
        md->type = TN_MEMBER_OBJECT_EX;
        md->offset = off;
        off += sizeof(TnObject *);
        TnObject *d = tn_descr_new_member(t, md);
        if (!d || tn_dict_setitem(dict, m, d) < 0) {
            TN_XDECREF(d);
            goto error;
        }
        tn_decref(d);
    }
    t->tp_basicsize = off;
    ht->ht_slots = tn_list_as_tuple(names);
    if (!ht->ht_slots)
        goto error;
    tn_decref(names);
    tn_decref(slots);
    return 0;
error:
    TN_XDECREF(names);
    tn_decref(slots);
    return -1;
}

static TnObject *dict_get_borrowed(TnObject *d, TnObject *key)
{
    TnObject *v = tn_dict_get_str_known(d, key);
    if (v)
        tn_decref(v);
    return v;
}

/* Wrap plain functions for the implicit staticmethod/classmethod names. */
static int wrap_special(TnObject *dict, TnObject *name, TnObject *(*wrap)(TnObject *))
{
    TnObject *v = dict_get_borrowed(dict, name);
    if (!v || !tn_function_check(v))
        return 0;
    TnObject *w = wrap(v);
    if (!w)
        return -1;
    int r = tn_dict_setitem(dict, name, w);
    tn_decref(w);
    return r;
}

static int call_set_names(TnType *t)
{
    TnObject *items = tn_dict_items_list(t->tp_dict);
    if (!items)
        return -1;
    for (tn_ssize_t i = 0; i < TN_LIST_SIZE(items); i++) {
        TnObject *kv = TN_LIST_ITEMS(items)[i];
        TnObject *key = TN_TUPLE_GET(kv, 0), *value = TN_TUPLE_GET(kv, 1);
        TnObject *meth = tn_type_lookup(TN_TYPE(value), TN_ID(__set_name__));
        if (!meth)
            continue;
        TnObject *args[2] = { (TnObject *)t, key };
        int found;
        TnObject *r = tn_call_dunder(value, TN_ID(__set_name__), args, 2, &found);
        if (!r) {
            /* CPython 3.11 wraps the error in a RuntimeError */
            TnObject *cause = tn_err_fetch();
            tn_err_format(&tn_exc_RuntimeError, "Error calling __set_name__ on '%s' instance %R in '%s'",
                          tn_type_name(TN_TYPE(value)), key, t->tp_name);
            TnObject *exc = tn_err_fetch();
            if (exc && cause)
                tn_exc_set_cause(exc, cause);
            TN_XDECREF(cause);
            tn_err_restore(exc);
            tn_decref(items);
            return -1;
        }
        tn_decref(r);
    }
    tn_decref(items);
    return 0;
}

static int call_init_subclass(TnType *t, TnObject *kwargs)
{
    /* super(t, t).__init_subclass__(**kwargs) */
    TnObject *sup = tn_super_new(t, (TnObject *)t);
    if (!sup)
        return -1;
    TnObject *func = tn_object_getattr(sup, TN_ID(__init_subclass__));
    tn_decref(sup);
    if (!func)
        return -1;
    TnObject *r;
    if (kwargs && tn_dict_size(kwargs) > 0) {
        TnObject *empty = tn_tuple_new(0);
        r = empty ? tn_call_tuple_dict(func, empty, kwargs) : NULL;
        TN_XDECREF(empty);
    } else {
        r = tn_call_noargs(func);
    }
    tn_decref(func);
    if (!r)
        return -1;
    tn_decref(r);
    return 0;
}

static TnType *calculate_metaclass(TnType *meta, TnObject *bases)
{
    TnType *winner = meta;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(bases); i++) {
        TnType *bt = TN_TYPE(TN_TUPLE_GET(bases, i));
        if (tn_type_is_subtype(winner, bt))
            continue;
        if (tn_type_is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        tn_err_setstr(&tn_exc_TypeError,
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
            "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

static TnObject *type_new_impl(TnType *meta, TnObject *name, TnObject *bases_in,
                               TnObject *orig_dict, TnObject *kwargs)
{
    if (!tn_str_check(name))
        return tn_err_format(&tn_exc_TypeError, "type.__new__() argument 1 must be str, not %T", name);
    if (!tn_tuple_check(bases_in))
        return tn_err_format(&tn_exc_TypeError, "type.__new__() argument 2 must be tuple, not %T", bases_in);
    if (!tn_dict_check(orig_dict))
        return tn_err_format(&tn_exc_TypeError, "type.__new__() argument 3 must be dict, not %T", orig_dict);
    TnType *winner = calculate_metaclass(meta, bases_in);
    if (!winner)
        return NULL;
    if (winner != meta && winner->tp_new != meta->tp_new && winner->tp_new)
        return tn_type_new_class_meta(winner, name, bases_in, orig_dict, kwargs);
    meta = winner;

    TnObject *bases = TN_TUPLE_SIZE(bases_in) ? tn_newref(bases_in)
                                              : tn_tuple_pack(1, (TnObject *)&tn_object_type);
    if (!bases)
        return NULL;
    TnHeapType *ht = NULL;
    TnObject *dict = NULL;
    TnType *base = best_base(bases);
    if (!base)
        goto error;
    dict = tn_dict_copy(orig_dict);
    if (!dict)
        goto error;
    size_t size = meta->tp_basicsize > sizeof(TnHeapType) ? meta->tp_basicsize : sizeof(TnHeapType);
    ht = (TnHeapType *)tn_object_alloc(meta, size);
    if (!ht)
        goto error;
    TnType *t = &ht->type;
    /* Every instance holds a reference to its class, from whichever thread
     * creates it: per-thread counts (docs/refcounting.md). */
    tn_set_deferred((TnObject *)ht);
    tn_set_deferred(dict);
    t->tp_flags = TN_TPFLAG_HEAPTYPE | TN_TPFLAG_BASETYPE | TN_TPFLAG_GC;
    t->tp_bases = bases;
    bases = NULL;
    t->tp_base = base;
    tn_incref((TnObject *)base);
    t->tp_dict = dict;
    dict = NULL;
    t->tp_name_obj = tn_newref(name);
    ht->ht_cname = tn_mem_alloc((size_t)TN_STR_SIZE(name) + 1);
    if (!ht->ht_cname)
        goto error;
    memcpy(ht->ht_cname, TN_STR_DATA(name), (size_t)TN_STR_SIZE(name) + 1);
    t->tp_name = ht->ht_cname;
    t->tp_basicsize = base->tp_basicsize;
    t->tp_itemsize = base->tp_itemsize;
    t->tp_dealloc = tn_subtype_dealloc;
    t->tp_traverse = tn_subtype_traverse;   /* cyclic GC: class, slots, __dict__ */
    t->tp_clear = tn_subtype_clear;

    /* __qualname__, __module__, __doc__ */
    TnObject *qn = dict_get_borrowed(t->tp_dict, TN_ID(__qualname__));
    if (qn) {
        if (!tn_str_check(qn)) {
            tn_err_format(&tn_exc_TypeError, "type __qualname__ must be a str, not %s",
                          tn_type_name(TN_TYPE(qn)));
            goto error;
        }
        t->tp_qualname = tn_newref(qn);
        if (tn_dict_delitem(t->tp_dict, TN_ID(__qualname__)) < 0)
            goto error;
    } else {
        t->tp_qualname = tn_newref(name);
    }
    if (tn_dict_contains(t->tp_dict, TN_ID(__module__)) == 0) {
        TnObject *g = tn_eval_get_globals();
        TnObject *mn = g ? dict_get_borrowed(g, TN_ID(__name__)) : NULL;
        if (mn && tn_dict_setitem(t->tp_dict, TN_ID(__module__), mn) < 0)
            goto error;
    }
    if (wrap_special(t->tp_dict, TN_ID(__new__), tn_staticmethod_new) < 0 ||
        wrap_special(t->tp_dict, TN_ID(__init_subclass__), tn_classmethod_new) < 0 ||
        wrap_special(t->tp_dict, TN_ID(__class_getitem__), tn_classmethod_new) < 0)
        goto error;

    /* layout */
    int want_dict = 1, want_weak = 1;
    TnObject *slots = dict_get_borrowed(t->tp_dict, TN_ID(__slots__));
    if (slots && do_slots(ht, base, t->tp_dict, slots, &want_dict, &want_weak) < 0)
        goto error;
    /* after __slots__, which may name __doc__ (a member then, not None) */
    if (tn_dict_contains(t->tp_dict, TN_ID(__doc__)) == 0 &&
        tn_dict_setitem(t->tp_dict, TN_ID(__doc__), tn_None) < 0)
        goto error;
    int may_add_dict = base->tp_dictoffset == 0;
    int may_add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
    /* A secondary base with a __dict__ promises instances one, even with
     * __slots__; the pointer then goes into the layout of the primary base
     * (as in CPython), since the secondary base's own offset is not ours. */
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(t->tp_bases); i++) {
        TnType *b = (TnType *)TN_TUPLE_GET(t->tp_bases, i);
        if (b->tp_dictoffset)
            want_dict = 1;
        if (b->tp_weaklistoffset)
            want_weak = 1;
    }
    if (want_dict && may_add_dict) {
        if (base->tp_itemsize) {
            /* variable-size base (int, tuple, str): the pointer goes after
             * the items; reserve room for it plus alignment slack */
            if (base->tp_flags & (TN_TPFLAG_INT_SUBCLASS | TN_TPFLAG_TUPLE_SUBCLASS |
                                  TN_TPFLAG_STR_SUBCLASS)) {
                t->tp_dictoffset = TN_DICTOFFSET_VAR;
                t->tp_basicsize += 3 * sizeof(TnObject *);
                ht->ht_added_dict = 1;
            }
        } else {
            t->tp_dictoffset = t->tp_basicsize;
            t->tp_basicsize += sizeof(TnObject *);
            ht->ht_added_dict = 1;
        }
    }
    if (want_weak && may_add_weak) {
        t->tp_weaklistoffset = t->tp_basicsize;
        t->tp_basicsize += sizeof(TnObject *);
        ht->ht_added_weak = 1;
    }
    if (ht->ht_added_dict && tn_dict_contains(t->tp_dict, TN_ID(__dict__)) == 0) {
        TnObject *d = tn_descr_new_getset(t, &tn_subtype_dict_getset[0]);
        if (!d || tn_dict_setitem(t->tp_dict, TN_ID(__dict__), d) < 0) {
            TN_XDECREF(d);
            goto error;
        }
        tn_decref(d);
    }
    if (ht->ht_added_weak && tn_dict_contains(t->tp_dict, TN_ID(__weakref__)) == 0) {
        TnObject *d = tn_descr_new_getset(t, &tn_subtype_weakref_getset[0]);
        if (!d || tn_dict_setitem(t->tp_dict, TN_ID(__weakref__), d) < 0) {
            TN_XDECREF(d);
            goto error;
        }
        tn_decref(d);
    }
    if (tn_type_ready(t) < 0)
        goto error;
    if (tn_type_fixup_slots(t) < 0)
        goto error;
    /* __classcell__: the zero-argument super() cell */
    TnObject *cell = dict_get_borrowed(t->tp_dict, TN_ID(__classcell__));
    if (cell) {
        if (!tn_cell_check(cell)) {
            tn_err_format(&tn_exc_TypeError, "__classcell__ must be a nonlocal cell, not %R",
                          (TnObject *)TN_TYPE(cell));
            goto error;
        }
        tn_cell_set(cell, (TnObject *)t);
        if (tn_dict_delitem(t->tp_dict, TN_ID(__classcell__)) < 0)
            goto error;
    }
    if (call_set_names(t) < 0)
        goto error;
    if (call_init_subclass(t, kwargs) < 0)
        goto error;
    return (TnObject *)t;
error:
    TN_XDECREF(bases);
    TN_XDECREF(dict);
    TN_XDECREF(ht);
    return NULL;
}

TnObject *tn_type_new_class_meta(TnType *meta, TnObject *name, TnObject *bases,
                                 TnObject *dict, TnObject *kwargs)
{
    if (!meta)
        meta = &tn_type_type;
    if (meta == &tn_type_type || meta->tp_new == tn_type_type.tp_new) {
        /* plain type, or a metaclass that does not override __new__ */
        TnObject *cls = type_new_impl(meta, name, bases, dict, kwargs);
        if (!cls || meta == &tn_type_type || !TN_TYPE(cls)->tp_init)
            return cls;
    }
    /* meta(name, bases, dict, **kwargs) */
    TnObject *args = tn_tuple_pack(3, name, bases, dict);
    if (!args)
        return NULL;
    TnObject *r = tn_call_tuple_dict((TnObject *)meta, args, kwargs);
    tn_decref(args);
    return r;
}

TnObject *tn_type_new_class(TnObject *name, TnObject *bases, TnObject *dict, TnObject *kwargs)
{
    if (kwargs && !tn_dict_check(kwargs))
        kwargs = NULL;
    return type_new_impl(&tn_type_type, name, bases, dict, kwargs);
}

/* ---- the type type's slots ------------------------------------------------- */

static TnObject *kwargs_to_dict(TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnObject *d = tn_dict_new();
    if (!d || !kwnames)
        return d;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(kwnames); i++)
        if (tn_dict_setitem(d, TN_TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0) {
            tn_decref(d);
            return NULL;
        }
    return d;
}

static TnObject *type_new(TnType *meta, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    size_t nkw = kwnames ? (size_t)TN_TUPLE_SIZE(kwnames) : 0;
    if (meta == &tn_type_type && nargs == 1 && nkw == 0)
        return tn_newref((TnObject *)TN_TYPE(args[0]));
    if (nargs != 3)
        return tn_err_format(&tn_exc_TypeError, nargs == 1 || meta == &tn_type_type
                             ? "type() takes 1 or 3 arguments"
                             : "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
    TnObject *kw = kwargs_to_dict(args, nargs, kwnames);
    if (!kw)
        return NULL;
    TnObject *r = type_new_impl(meta, args[0], args[1], args[2], kw);
    tn_decref(kw);
    return r;
}

static int type_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (nargs != 1 && nargs != 3) {
        tn_err_setstr(&tn_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* Calling a class: tp_new, then tp_init when the result is an instance. */
static TnObject *type_call(TnObject *callable, TnObject *const *args, size_t nargs,
                           TnObject *kwnames)
{
    TnType *t = (TnType *)callable;
    if (t->tp_vectorcall)
        return t->tp_vectorcall(callable, args, nargs, kwnames);
    if (t == &tn_type_type && nargs == 1 && (!kwnames || TN_TUPLE_SIZE(kwnames) == 0))
        return tn_newref((TnObject *)TN_TYPE(args[0]));
    if (!t->tp_new)
        return tn_err_format(&tn_exc_TypeError, "cannot create '%s' instances", t->tp_name);
    TnObject *obj = t->tp_new(t, args, nargs, kwnames);
    if (!obj)
        return NULL;
    if (!tn_type_is_subtype(TN_TYPE(obj), t))
        return obj;
    TnType *ot = TN_TYPE(obj);
    if (ot->tp_init && ot->tp_init(obj, args, nargs, kwnames) < 0) {
        tn_decref(obj);
        return NULL;
    }
    return obj;
}

TnObject *tn_type_repr(TnObject *o)
{
    TnType *t = (TnType *)o;
    TnObject *mod = NULL;
    if (t->tp_flags & TN_TPFLAG_HEAPTYPE) {
        mod = t->tp_dict ? dict_get_borrowed(t->tp_dict, TN_ID(__module__)) : NULL;
    } else {
        mod = t->tp_module;
    }
    TnObject *qn = t->tp_qualname ? t->tp_qualname : t->tp_name_obj;
    if (mod && tn_str_check(mod) && !tn_str_eq_cstr(mod, "builtins"))
        return qn ? tn_str_from_format("<class '%U.%U'>", mod, qn)
                  : tn_str_from_format("<class '%U.%s'>", mod, t->tp_name);
    return qn ? tn_str_from_format("<class '%U'>", qn) : tn_str_from_format("<class '%s'>", t->tp_name);
}

static TnObject *type_getattro(TnObject *o, TnObject *name)
{
    TnType *t = (TnType *)o;
    if (!tn_str_check(name))
        return tn_err_format(&tn_exc_TypeError, "attribute name must be string, not '%s'",
                             tn_type_name(TN_TYPE(name)));
    TnType *meta = TN_TYPE(o);
    TnObject *meta_attr = tn_type_lookup(meta, name);
    TnObject *(*meta_get)(TnObject *, TnObject *, TnObject *) = NULL;
    if (meta_attr) {
        tn_incref(meta_attr);
        meta_get = TN_TYPE(meta_attr)->tp_descr_get;
        if (meta_get && TN_TYPE(meta_attr)->tp_descr_set) {
            TnObject *r = meta_get(meta_attr, o, (TnObject *)meta);
            tn_decref(meta_attr);
            return r;
        }
    }
    TnObject *attr = tn_type_lookup(t, name);
    if (attr) {
        tn_incref(attr);
        TN_XDECREF(meta_attr);
        TnObject *(*get)(TnObject *, TnObject *, TnObject *) = TN_TYPE(attr)->tp_descr_get;
        if (get) {
            TnObject *r = get(attr, NULL, o);
            tn_decref(attr);
            return r;
        }
        return attr;
    }
    if (meta_get) {
        TnObject *r = meta_get(meta_attr, o, (TnObject *)meta);
        tn_decref(meta_attr);
        return r;
    }
    if (meta_attr)
        return meta_attr;
    return tn_err_format(&tn_exc_AttributeError, "type object '%s' has no attribute '%U'",
                         tn_type_name(t), name);
}

static int type_setattro(TnObject *o, TnObject *name, TnObject *value)
{
    TnType *t = (TnType *)o;
    if (!tn_str_check(name)) {
        tn_err_format(&tn_exc_TypeError, "attribute name must be string, not '%s'",
                      tn_type_name(TN_TYPE(name)));
        return -1;
    }
    if (!(t->tp_flags & TN_TPFLAG_HEAPTYPE)) {
        tn_err_format(&tn_exc_TypeError, "cannot set %R attribute of immutable type '%s'",
                      name, t->tp_name);
        return -1;
    }
    /* data descriptors on the metatype (__name__, __qualname__, __doc__...) */
    TnObject *meta_attr = tn_type_lookup(TN_TYPE(o), name);
    if (meta_attr && TN_TYPE(meta_attr)->tp_descr_set)
        return TN_TYPE(meta_attr)->tp_descr_set(meta_attr, o, value);
    TnObject *key = tn_str_intern(tn_newref(name));
    if (!key)
        return -1;
    /* Lookups hand class attributes out as borrowed pointers
     * (tn_type_lookup): the value being replaced must outlive any thread
     * that loaded it just before, so ours is dropped after a grace period. */
    TnObject *old;
    int r = tn_dict_get_ref(t->tp_dict, key, &old);
    if (r < 0) {
        tn_decref(key);
        return -1;
    }
    if (value) {
        r = tn_dict_setitem(t->tp_dict, key, value);
    } else {
        r = tn_dict_delitem(t->tp_dict, key);
        if (r < 0 && tn_err_matches(&tn_exc_KeyError)) {
            tn_err_clear();
            tn_err_format(&tn_exc_AttributeError, "type object '%s' has no attribute '%U'",
                          t->tp_name, name);
        }
    }
    if (r == 0) {
        tn_type_modified(t);
        const char *s = TN_STR_DATA(key);
        size_t n = (size_t)TN_STR_SIZE(key);
        if (n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_')
            r = tn_type_update_slot(t, key);
    }
    tn_decref(key);
    if (old)
        tn_decref_delayed(old);
    return r;
}

static void type_dealloc(TnObject *o)
{
    TnType *t = (TnType *)o;
    TnHeapType *ht = (TnHeapType *)o;
    /* only heap types die; static ones are immortal */
    if (t->tp_bases)
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(t->tp_bases); i++)
            remove_subclass((TnType *)TN_TUPLE_GET(t->tp_bases, i), t);
    tn_store_relaxed(&t->tp_version_tag, 0);
    TN_CLEAR(t->tp_bases);
    TN_CLEAR(t->tp_mro);
    TN_CLEAR(t->tp_dict);
    TN_CLEAR(t->tp_subclasses);
    TN_CLEAR(t->tp_name_obj);
    TN_CLEAR(t->tp_qualname);
    TN_CLEAR(t->tp_module);
    TN_CLEAR(ht->ht_slots);
    if (t->tp_base) {
        TnType *b = t->tp_base;
        t->tp_base = NULL;
        tn_decref((TnObject *)b);
    }
    tn_mem_free(ht->ht_members);
    tn_mem_free(ht->ht_cname);
    tn_object_free(o);
}

static int type_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnType *t = (TnType *)o;
    if (!(t->tp_flags & TN_TPFLAG_HEAPTYPE))
        return 0;
    TnObject *fields[] = { t->tp_dict, t->tp_mro, t->tp_bases, (TnObject *)t->tp_base };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r)
                return r;
        }
    return 0;
}

static int type_clear(TnObject *o)
{
    TnType *t = (TnType *)o;
    if (!(t->tp_flags & TN_TPFLAG_HEAPTYPE))
        return 0;
    tn_type_modified(t);
    if (t->tp_dict)
        tn_dict_clear(t->tp_dict);
    TN_CLEAR(t->tp_mro);
    return 0;
}

static TnObject *type_richcompare(TnObject *a, TnObject *b, int op)
{
    if ((op != TN_EQ && op != TN_NE) || !tn_type_check(b))
        return tn_newref(tn_NotImplemented);
    return tn_bool_from((a == b) == (op == TN_EQ));
}

static tn_hash_t type_hash(TnObject *o)
{
    return tn_object_hash_default(o);
}

/* ---- type attributes (getsets and methods) -------------------------------- */

static TnObject *type_get_name(TnObject *o, void *c)
{
    TnType *t = (TnType *)o;
    if (t->tp_name_obj)
        return tn_newref(t->tp_name_obj);
    return tn_str_from_cstr(tn_type_short_name(t));
}

static int check_set_special(TnType *t, TnObject *value, const char *name)
{
    if (!(t->tp_flags & TN_TPFLAG_HEAPTYPE)) {
        tn_err_format(&tn_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                      name, t->tp_name);
        return -1;
    }
    if (!value) {
        tn_err_format(&tn_exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                      name, t->tp_name);
        return -1;
    }
    return 0;
}

static int type_set_name(TnObject *o, TnObject *value, void *c)
{
    TnType *t = (TnType *)o;
    if (check_set_special(t, value, "__name__") < 0)
        return -1;
    if (!tn_str_check(value)) {
        tn_err_format(&tn_exc_TypeError, "can only assign string to %s.__name__, not '%s'",
                      t->tp_name, tn_type_name(TN_TYPE(value)));
        return -1;
    }
    TnHeapType *ht = (TnHeapType *)t;
    char *cname = tn_mem_alloc((size_t)TN_STR_SIZE(value) + 1);
    if (!cname)
        return -1;
    memcpy(cname, TN_STR_DATA(value), (size_t)TN_STR_SIZE(value) + 1);
    /* the old C name may still be read by another thread building a
     * message: free it after a grace period */
    char *old = ht->ht_cname;
    ht->ht_cname = cname;
    t->tp_name = cname;
    tn_mem_free_deferred(old, strlen(old) + 1);
    TN_SETREF(t->tp_name_obj, tn_newref(value));
    return 0;
}

static TnObject *type_get_qualname(TnObject *o, void *c)
{
    TnType *t = (TnType *)o;
    return t->tp_qualname ? tn_newref(t->tp_qualname) : type_get_name(o, c);
}

static int type_set_qualname(TnObject *o, TnObject *value, void *c)
{
    TnType *t = (TnType *)o;
    if (check_set_special(t, value, "__qualname__") < 0)
        return -1;
    if (!tn_str_check(value)) {
        tn_err_format(&tn_exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                      t->tp_name, tn_type_name(TN_TYPE(value)));
        return -1;
    }
    TN_SETREF(t->tp_qualname, tn_newref(value));
    return 0;
}

static TnObject *type_get_module(TnObject *o, void *c)
{
    TnType *t = (TnType *)o;
    if (t->tp_flags & TN_TPFLAG_HEAPTYPE) {
        TnObject *m = dict_get_borrowed(t->tp_dict, TN_ID(__module__));
        if (!m)
            return tn_err_format(&tn_exc_AttributeError, "__module__");
        return tn_newref(m);
    }
    return t->tp_module ? tn_newref(t->tp_module) : tn_str_from_cstr("builtins");
}

static int type_set_module(TnObject *o, TnObject *value, void *c)
{
    TnType *t = (TnType *)o;
    if (check_set_special(t, value, "__module__") < 0)
        return -1;
    int r = tn_dict_setitem(t->tp_dict, TN_ID(__module__), value);
    tn_type_modified(t);
    return r;
}

static TnObject *type_get_doc(TnObject *o, void *c)
{
    TnType *t = (TnType *)o;
    TnObject *d = dict_get_borrowed(t->tp_dict, TN_ID(__doc__));
    if (!d) {
        if (!(t->tp_flags & TN_TPFLAG_HEAPTYPE) && t->tp_doc)
            return tn_str_from_cstr(t->tp_doc);
        TN_RETURN_NONE;
    }
    if (TN_TYPE(d)->tp_descr_get)
        return TN_TYPE(d)->tp_descr_get(d, NULL, o);
    return tn_newref(d);
}

static int type_set_doc(TnObject *o, TnObject *value, void *c)
{
    TnType *t = (TnType *)o;
    if (check_set_special(t, value, "__doc__") < 0)
        return -1;
    int r = tn_dict_setitem(t->tp_dict, TN_ID(__doc__), value);
    tn_type_modified(t);
    return r;
}

static TnObject *type_get_dict(TnObject *o, void *c)
{
    /* CPython returns a read-only mappingproxy; a copy keeps the class
     * dict (and its version tags) safe from mutation through it. */
    return tn_dict_copy(((TnType *)o)->tp_dict);
}

static TnObject *type_get_mro(TnObject *o, void *c)
{
    TnType *t = (TnType *)o;
    return t->tp_mro ? tn_newref(t->tp_mro) : tn_newref(tn_None);
}

static TnObject *type_get_bases(TnObject *o, void *c)
{
    return tn_newref(((TnType *)o)->tp_bases);
}

static TnObject *type_get_base(TnObject *o, void *c)
{
    TnType *t = (TnType *)o;
    return t->tp_base ? tn_newref((TnObject *)t->tp_base) : tn_newref(tn_None);
}

static TnObject *type_get_basicsize(TnObject *o, void *c)
{
    return tn_int_from_i64((int64_t)((TnType *)o)->tp_basicsize);
}

static TnObject *type_get_flags(TnObject *o, void *c)
{
    return tn_int_from_i64((int64_t)((TnType *)o)->tp_flags);
}

static TnObject *type_get_text_signature(TnObject *o, void *c)
{
    TN_RETURN_NONE;
}

static TnObject *type_get_abstractmethods(TnObject *o, void *c)
{
    TnType *t = (TnType *)o;
    TnObject *v = t != &tn_type_type ? dict_get_borrowed(t->tp_dict, TN_ID(__abstractmethods__)) : NULL;
    if (!v)
        return tn_err_format(&tn_exc_AttributeError, "__abstractmethods__");
    return tn_newref(v);
}

static int type_set_abstractmethods(TnObject *o, TnObject *value, void *c)
{
    TnType *t = (TnType *)o;
    int r;
    if (value) {
        int abstract = tn_object_is_true(value);
        if (abstract < 0)
            return -1;
        r = tn_dict_setitem(t->tp_dict, TN_ID(__abstractmethods__), value);
        if (r == 0) {
            if (abstract)
                t->tp_flags |= TN_TPFLAG_ABSTRACT;
            else
                t->tp_flags &= ~(uint32_t)TN_TPFLAG_ABSTRACT;
        }
    } else {
        r = tn_dict_delitem(t->tp_dict, TN_ID(__abstractmethods__));
        if (r < 0 && tn_err_matches(&tn_exc_KeyError)) {
            tn_err_clear();
            tn_err_setstr(&tn_exc_AttributeError, "__abstractmethods__");
        }
        t->tp_flags &= ~(uint32_t)TN_TPFLAG_ABSTRACT;
    }
    tn_type_modified(t);
    return r;
}

static const TnGetSetDef type_getset[] = {
    { "__name__", type_get_name, type_set_name, NULL, NULL },
    { "__qualname__", type_get_qualname, type_set_qualname, NULL, NULL },
    { "__module__", type_get_module, type_set_module, NULL, NULL },
    { "__doc__", type_get_doc, type_set_doc, NULL, NULL },
    { "__dict__", type_get_dict, NULL, NULL, NULL },
    { "__mro__", type_get_mro, NULL, NULL, NULL },
    { "__bases__", type_get_bases, NULL, NULL, NULL },
    { "__base__", type_get_base, NULL, NULL, NULL },
    { "__basicsize__", type_get_basicsize, NULL, NULL, NULL },
    { "__flags__", type_get_flags, NULL, NULL, NULL },
    { "__text_signature__", type_get_text_signature, NULL, NULL, NULL },
    { "__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static TnObject *type_mro_method(TnObject *self, TnObject *unused)
{
    TnType *t = (TnType *)self;
    TnObject *mro = t->tp_mro ? tn_newref(t->tp_mro) : compute_mro(t);
    if (!mro)
        return NULL;
    TnObject *l = tn_sequence_list(mro);
    tn_decref(mro);
    return l;
}

static TnObject *type_subclasses(TnObject *self, TnObject *unused)
{
    TnType *t = (TnType *)self;
    TnObject *l = tn_list_new(0);
    if (!l || !t->tp_subclasses)
        return l;
    tn_ssize_t pos = 0;
    TnObject *k, *v;
    while (tn_dict_next(t->tp_subclasses, &pos, &k, &v)) {
        TnObject *sub = (TnObject *)(intptr_t)tn_int_as_i64(v);
        tn_decref(k);
        tn_decref(v);
        if (tn_list_append(l, sub) < 0) {
            tn_decref(l);
            return NULL;
        }
    }
    return l;
}

static TnObject *type_instancecheck(TnObject *self, TnObject *inst)
{
    TnObject *cls = (TnObject *)TN_TYPE(inst);
    int r = tn_type_is_subtype((TnType *)cls, (TnType *)self);
    if (!r) {
        /* obj.__class__ may differ from type(obj) (proxies) */
        TnObject *c2;
        if (tn_object_lookup_attr(inst, TN_ID(__class__), &c2) < 0)
            return NULL;
        if (c2) {
            r = c2 != cls && tn_type_check(c2) && tn_type_is_subtype((TnType *)c2, (TnType *)self);
            tn_decref(c2);
        }
    }
    return tn_bool_from(r);
}

static TnObject *type_subclasscheck(TnObject *self, TnObject *sub)
{
    if (!tn_type_check(sub))
        return tn_err_setstr(&tn_exc_TypeError, "issubclass() arg 1 must be a class"), NULL;
    return tn_bool_from(tn_type_is_subtype((TnType *)sub, (TnType *)self));
}

static TnObject *type_prepare(TnObject *self, TnObject *const *args, size_t nargs,
                              TnObject *kwnames)
{
    return tn_dict_new();
}

static TnObject *type_dir(TnObject *self, TnObject *unused)
{
    TnType *t = (TnType *)self;
    TnObject *d = tn_dict_new();
    if (!d)
        return NULL;
    TnObject *mro = t->tp_mro;
    for (tn_ssize_t i = TN_TUPLE_SIZE(mro) - 1; i >= 0; i--)
        if (tn_dict_merge(d, ((TnType *)TN_TUPLE_GET(mro, i))->tp_dict, 1) < 0) {
            tn_decref(d);
            return NULL;
        }
    TnObject *keys = tn_dict_keys_list(d);
    tn_decref(d);
    return keys;
}

static TnObject *type_sizeof(TnObject *self, TnObject *unused)
{
    return tn_int_from_i64((int64_t)sizeof(TnHeapType));
}

static const TnMethodDef type_methods[] = {
    { "mro", (void *)type_mro_method, TN_METH_NOARGS, "Return a type's method resolution order." },
    { "__subclasses__", (void *)type_subclasses, TN_METH_NOARGS, "Return a list of immediate subclasses." },
    { "__instancecheck__", (void *)type_instancecheck, TN_METH_O, "Check if an object is an instance." },
    { "__subclasscheck__", (void *)type_subclasscheck, TN_METH_O, "Check if a class is a subclass." },
    { "__prepare__", (void *)type_prepare, TN_METH_FASTKW | TN_METH_CLASS,
      "Create the namespace for the class statement" },
    { "__dir__", (void *)type_dir, TN_METH_NOARGS, "Specialized __dir__ implementation for types." },
    { "__sizeof__", (void *)type_sizeof, TN_METH_NOARGS, "Return memory consumption of the type object." },
    { NULL, NULL, 0, NULL }
};

static TnObject *type_or(TnObject *a, TnObject *b)
{
    return tn_union_or(a, b);
}

TnType tn_type_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "type",
    .tp_basicsize = sizeof(TnHeapType),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_TYPE_SUBCLASS | TN_TPFLAG_GC,
    .tp_dealloc = type_dealloc,
    .tp_repr = tn_type_repr,
    .tp_hash = type_hash,
    .tp_richcompare = type_richcompare,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_call = type_call,
    .tp_new = type_new,
    .tp_init = type_init,
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .nb_or = type_or,
    .tp_methods = type_methods,
    .tp_getset = type_getset,
    .tp_dictoffset = offsetof(TnType, tp_dict),
    .tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
};
