/* Weak references: the native core of weakref.ref (CPython's
 * Objects/weakrefobject.c); proxies, finalize and the weak containers are
 * Python, in src/lib/weakref.py.
 *
 * Where the references to an object are kept: objects have no spare field
 * for a list head, so a table maps each referent to the list of its weak
 * references, and the referent's GC prefix carries TN_GC_WEAKREFS so that
 * its deallocation (tn_dealloc) knows to look. Only objects with a prefix
 * (GC types) and immortal objects (static types) can be referents; the
 * latter never die.
 *
 * Threads: the table is split into stripes by referent address, each with
 * its own lock (ft; nothing in the gil build), which guards the stripe's
 * buckets, every list in it and the wr_object field of every reference in
 * those lists. Dereferencing re-reads wr_object under the stripe lock and
 * takes the referent with tn_try_incref, which fails on an object whose
 * count already reached zero: a dying object is never handed out. A stripe
 * lock is never held while Python code runs. The collector clears weak
 * references with the world stopped (tn_weakref_clear_for_gc).
 *
 * Order in a list (CPython's): the shared callback-less ref first, then
 * refs with callbacks, newest first; callbacks run in that order. */
#include <pthread.h>
#include <stdlib.h>
#include "type_internal.h"
#include "tandem/args.h"
#include "tandem/module.h"
#include "tandem/gc.h"
#include "tandem/descr.h"
#include "tandem/func.h"
#include "tandem/gen.h"
#include "tandem/set.h"

typedef struct TnWeakRef {
    TnObject ob_base;
    TN_SHARED(TnObject *) wr_object;   /* borrowed; NULL once the referent died */
    TnObject *wr_callback;             /* or NULL */
    TN_SHARED(tn_hash_t) hash;         /* -1 until computed (any thread may set it) */
    struct TnWeakRef *wr_prev, *wr_next;
} TnWeakRef;

TnType tn_weakref_type;
#define WR(o) ((TnWeakRef *)(o))

/* ---- the striped table -------------------------------------------------------- */

#define NSTRIPES 64

typedef struct Entry {
    TnObject *key;
    TnWeakRef *head;
    struct Entry *next;
} Entry;

typedef struct {
#ifdef TANDEM_FT
    pthread_mutex_t mu;
#endif
    Entry **buckets;
    size_t nbuckets, n;
} Stripe;

static Stripe stripes[NSTRIPES];

static size_t addr_hash(TnObject *o)
{
    uintptr_t a = (uintptr_t)o >> 3;
    return (size_t)(a ^ (a >> 7) ^ (a >> 17));
}

static Stripe *stripe_of(TnObject *o)
{
    return &stripes[addr_hash(o) % NSTRIPES];
}

static void stripe_lock(Stripe *s)
{
#ifdef TANDEM_FT
    pthread_mutex_lock(&s->mu);
#else
    (void)s;
#endif
}

static void stripe_unlock(Stripe *s)
{
#ifdef TANDEM_FT
    pthread_mutex_unlock(&s->mu);
#else
    (void)s;
#endif
}

static Entry **find_slot(Stripe *s, TnObject *key)
{
    if (!s->nbuckets)
        return NULL;
    Entry **p = &s->buckets[(addr_hash(key) / NSTRIPES) % s->nbuckets];
    while (*p && (*p)->key != key)
        p = &(*p)->next;
    return p;
}

static Entry *find_entry(Stripe *s, TnObject *key)
{
    Entry **p = find_slot(s, key);
    return p ? *p : NULL;
}

static int grow(Stripe *s)
{
    size_t nb = s->nbuckets ? s->nbuckets * 2 : 16;
    Entry **b = calloc(nb, sizeof *b);
    if (!b)
        return -1;
    for (size_t i = 0; i < s->nbuckets; i++)
        for (Entry *e = s->buckets[i], *next; e; e = next) {
            next = e->next;
            size_t k = (addr_hash(e->key) / NSTRIPES) % nb;
            e->next = b[k];
            b[k] = e;
        }
    free(s->buckets);
    s->buckets = b;
    s->nbuckets = nb;
    return 0;
}

static Entry *get_entry(Stripe *s, TnObject *key)
{
    Entry *e = find_entry(s, key);
    if (e)
        return e;
    if (s->n >= s->nbuckets && grow(s) < 0)
        return NULL;
    e = malloc(sizeof *e);
    if (!e)
        return NULL;
    Entry **p = &s->buckets[(addr_hash(key) / NSTRIPES) % s->nbuckets];
    e->key = key;
    e->head = NULL;
    e->next = *p;
    *p = e;
    s->n++;
    return e;
}

static void drop_entry(Stripe *s, TnObject *key)
{
    Entry **p = find_slot(s, key);
    if (!p || !*p)
        return;
    Entry *e = *p;
    *p = e->next;
    free(e);
    s->n--;
}

/* Unlink wr from its referent's list; stripe locked, wr_object == key. */
static void list_remove(Stripe *s, TnObject *key, TnWeakRef *wr)
{
    if (wr->wr_prev)
        wr->wr_prev->wr_next = wr->wr_next;
    else {
        Entry *e = find_entry(s, key);
        if (e)
            e->head = wr->wr_next;
        if (e && !e->head) {
            drop_entry(s, key);
            if (tn_gc_is_gc(key))
                TN_GC_META_AND(TN_GC_HEAD(key), ~(uint64_t)TN_GC_WEAKREFS);
        }
    }
    if (wr->wr_next)
        wr->wr_next->wr_prev = wr->wr_prev;
    wr->wr_prev = wr->wr_next = NULL;
    tn_store_relaxed(&wr->wr_object, NULL);
}

/* A reference to an object whose count may be dropping to zero on another
 * thread: taken only if it is still alive. */
static int incref_if_alive(TnObject *o)
{
#ifdef TANDEM_FT
    return tn_try_incref(o);
#else
    if (tn_refcount(o) <= 0)
        return 0;
    tn_incref(o);
    return 1;
#endif
}

static int is_basic(TnWeakRef *wr)
{
    return TN_TYPE(wr) == &tn_weakref_type && wr->wr_callback == NULL;
}

/* ---- which objects can be weakly referenced ---------------------------------- */

static int weakrefable(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    if (tn_is_immortal(o))
        return tn_type_check(o);     /* static types: never die */
    if (!tn_gc_is_gc(o))
        return 0;
    if (tn_type_check(o))
        return 1;
    if (t->tp_flags & TN_TPFLAG_HEAPTYPE)
        return t->tp_weaklistoffset != 0;
    return t == &tn_function_type || t == &tn_method_type || t == &tn_set_type ||
           t == &tn_frozenset_type || t == &tn_module_type || t == &tn_cfunction_type ||
           t->tp_weaklistoffset != 0;
}

/* ---- creating and dereferencing ----------------------------------------------- */

static TnObject *weakref_make(TnType *type, TnObject *ob, TnObject *callback)
{
    if (!weakrefable(ob))
        return tn_err_format(&tn_exc_TypeError, "cannot create weak reference to '%s' object",
                             tn_type_name(TN_TYPE(ob)));
    if (callback == tn_None)
        callback = NULL;
    TnWeakRef *wr = (TnWeakRef *)tn_object_alloc(type, type->tp_basicsize);
    if (!wr)
        return NULL;
    tn_store_relaxed(&wr->hash, -1);
    wr->wr_callback = callback ? tn_newref(callback) : NULL;
    Stripe *s = stripe_of(ob);
    stripe_lock(s);
    Entry *e = get_entry(s, ob);
    if (!e) {
        stripe_unlock(s);
        TN_DECREF(wr);
        return tn_err_nomemory();
    }
    int basic = is_basic(wr);
    if (basic && e->head && is_basic(e->head) && incref_if_alive((TnObject *)e->head)) {
        /* one callback-less ref per object is shared, as in CPython */
        TnObject *r = (TnObject *)e->head;
        stripe_unlock(s);
        TN_DECREF(wr);
        return r;
    }
    TnWeakRef *prev = NULL;
    if (!basic && e->head && is_basic(e->head))
        prev = e->head;
    if (prev) {
        wr->wr_next = prev->wr_next;
        wr->wr_prev = prev;
        if (prev->wr_next)
            prev->wr_next->wr_prev = wr;
        prev->wr_next = wr;
    } else {
        wr->wr_next = e->head;
        if (e->head)
            e->head->wr_prev = wr;
        e->head = wr;
    }
    tn_store_relaxed(&wr->wr_object, ob);
    if (tn_gc_is_gc(ob))
        TN_GC_META_OR(TN_GC_HEAD(ob), TN_GC_WEAKREFS);
    stripe_unlock(s);
    return (TnObject *)wr;
}

/* The referent (new reference), or NULL (no error) once it died. */
static TnObject *weakref_get(TnWeakRef *wr)
{
    TnObject *o = tn_load_relaxed(&wr->wr_object);
    if (!o)
        return NULL;
    Stripe *s = stripe_of(o);
    stripe_lock(s);
    TnObject *r = NULL;
    if (tn_load_relaxed(&wr->wr_object) == o && incref_if_alive(o))
        r = o;
    stripe_unlock(s);
    return r;
}

/* ---- clearing ----------------------------------------------------------------- */

/* Detach every reference to o (stripe locked). Those to call back later are
 * appended to *cbs with a new reference; `skip_garbage` leaves out refs the
 * collector found to be garbage themselves. */
static void detach_all(TnObject *o, TnGCVec *cbs, int skip_garbage)
{
    Stripe *s = stripe_of(o);
    Entry *e = find_entry(s, o);
    TnWeakRef *wr = e ? e->head : NULL;
    while (wr) {
        TnWeakRef *next = wr->wr_next;
        wr->wr_prev = wr->wr_next = NULL;
        tn_store_relaxed(&wr->wr_object, NULL);
        if (wr->wr_callback && cbs &&
            !(skip_garbage && (tn_gc_meta((TnObject *)wr) & TN_GC_UNREACHABLE)) &&
            incref_if_alive((TnObject *)wr)) {
            if (tn_gcvec_push(cbs, (TnObject *)wr) < 0)
                TN_DECREF(wr);   /* out of memory: its callback is lost, not run twice */
        }
        wr = next;
    }
    if (e)
        drop_entry(s, o);
    if (tn_gc_is_gc(o))
        TN_GC_META_AND(TN_GC_HEAD(o), ~(uint64_t)TN_GC_WEAKREFS);
}

void tn_weakref_call_callback(TnObject *w)
{
    TnWeakRef *wr = WR(w);
    TnObject *cb = wr->wr_callback;
    if (!cb)
        return;
    wr->wr_callback = NULL;   /* a callback runs at most once */
    TnObject *exc = tn_err_fetch();
    TnObject *r = tn_call(cb, &w, 1, NULL);
    if (r)
        TN_DECREF(r);
    else
        tn_err_write_unraisable(cb);
    tn_err_restore(exc);
    TN_DECREF(cb);
}

void tn_weakref_clear_dying(TnObject *o)
{
    TnGCVec cbs = { NULL, 0, 0 };
    Stripe *s = stripe_of(o);
    stripe_lock(s);
    detach_all(o, &cbs, 0);
    stripe_unlock(s);
    for (size_t i = 0; i < cbs.n; i++) {
        tn_weakref_call_callback(cbs.v[i]);
        TN_DECREF(cbs.v[i]);
    }
    free(cbs.v);
}

void tn_weakref_clear_for_gc(TnObject *o, TnGCVec *cbs)
{
    Stripe *s;
    if (TN_TYPE(o) == &tn_weakref_type || tn_type_is_subtype(TN_TYPE(o), &tn_weakref_type)) {
        /* A weak reference that is garbage itself is cleared now, so its
         * callback cannot run while the cycles are being broken and show
         * half-cleared objects (CPython bpo-38006). */
        TnObject *ref = tn_load_relaxed(&WR(o)->wr_object);
        if (ref) {
            s = stripe_of(ref);
            stripe_lock(s);
            if (tn_load_relaxed(&WR(o)->wr_object) == ref)
                list_remove(s, ref, WR(o));
            stripe_unlock(s);
        }
    }
    if (tn_gc_meta(o) & TN_GC_WEAKREFS) {
        s = stripe_of(o);
        stripe_lock(s);
        detach_all(o, cbs, 1);
        stripe_unlock(s);
    }
}

/* ---- the type ------------------------------------------------------------------ */

static void weakref_unlink(TnWeakRef *wr)
{
    TnObject *o = tn_load_relaxed(&wr->wr_object);
    if (!o)
        return;
    Stripe *s = stripe_of(o);
    stripe_lock(s);
    if (tn_load_relaxed(&wr->wr_object) == o)
        list_remove(s, o, wr);
    stripe_unlock(s);
}

static void weakref_dealloc(TnObject *self)
{
    weakref_unlink(WR(self));
    TN_CLEAR(WR(self)->wr_callback);
    tn_object_free(self);
}

static int weakref_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    return WR(self)->wr_callback ? visit(WR(self)->wr_callback, arg) : 0;
}

static int weakref_clear(TnObject *self)
{
    weakref_unlink(WR(self));
    TN_CLEAR(WR(self)->wr_callback);
    return 0;
}

static TnObject *weakref_new(TnType *type, TnObject *const *args, size_t nargs,
                             TnObject *kwnames)
{
    /* A subclass may take more arguments in its __init__. */
    if (nargs < 1 || (type == &tn_weakref_type && (nargs > 2 || (kwnames && TN_TUPLE_SIZE(kwnames))))) {
        if (nargs < 1)
            return tn_err_format(&tn_exc_TypeError, "__new__ expected at least 1 argument, got 0");
        if (kwnames && TN_TUPLE_SIZE(kwnames))
            return tn_err_format(&tn_exc_TypeError, "ref() takes no keyword arguments");
        return tn_err_format(&tn_exc_TypeError, "__new__ expected at most 2 arguments, got %zu", nargs);
    }
    return weakref_make(type, args[0], nargs > 1 ? args[1] : NULL);
}

static int weakref_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return 0;
}

static TnObject *weakref_call(TnObject *self, TnObject *const *args, size_t nargs,
                              TnObject *kwnames)
{
    (void)args;
    if (nargs || (kwnames && TN_TUPLE_SIZE(kwnames)))
        return tn_err_format(&tn_exc_TypeError, "weakref() takes no arguments (%zu given)",
                             nargs + (kwnames ? (size_t)TN_TUPLE_SIZE(kwnames) : 0));
    TnObject *o = weakref_get(WR(self));
    return o ? o : tn_newref(tn_None);
}

static tn_hash_t weakref_hash(TnObject *self)
{
    TnWeakRef *wr = WR(self);
    tn_hash_t cached = tn_load_relaxed(&wr->hash);
    if (cached != -1)
        return cached;
    TnObject *o = weakref_get(wr);
    if (!o) {
        tn_err_setstr(&tn_exc_TypeError, "weak object has gone away");
        return -1;
    }
    tn_hash_t h = tn_object_hash(o);
    TN_DECREF(o);
    if (h != -1)
        tn_store_relaxed(&wr->hash, h);
    return h;
}

static int is_weakref(TnObject *o)
{
    return TN_TYPE(o) == &tn_weakref_type || tn_type_is_subtype(TN_TYPE(o), &tn_weakref_type);
}

static TnObject *weakref_richcompare(TnObject *a, TnObject *b, int op)
{
    if ((op != TN_EQ && op != TN_NE) || !is_weakref(b))
        return tn_newref(tn_NotImplemented);
    TnObject *oa = weakref_get(WR(a)), *ob = weakref_get(WR(b));
    TnObject *r;
    if (!oa || !ob) {
        /* a dead reference is equal only to itself */
        r = tn_bool_from((a == b) == (op == TN_EQ));
    } else {
        r = tn_object_richcompare(oa, ob, op);
    }
    TN_XDECREF(oa);
    TN_XDECREF(ob);
    return r;
}

static TnObject *weakref_repr(TnObject *self)
{
    TnObject *o = weakref_get(WR(self));
    if (!o)
        return tn_str_from_format("<weakref at %p; dead>", (void *)self);
    TnObject *r = tn_str_from_format("<weakref at %p; to '%s' at %p>", (void *)self,
                                tn_type_name(TN_TYPE(o)), (void *)o);
    TN_DECREF(o);
    return r;
}

static TnObject *weakref_get_callback(TnObject *self, void *c)
{
    (void)c;
    TnObject *cb = WR(self)->wr_callback;
    return tn_newref(cb ? cb : tn_None);
}

static TnObject *weakref_class_getitem(TnObject *cls, TnObject *arg)
{
    (void)arg;
    return tn_newref(cls);
}

static const TnGetSetDef weakref_getset[] = {
    { "__callback__", weakref_get_callback, NULL, "the callback called when the referent dies", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static const TnMethodDef weakref_methods[] = {
    { "__class_getitem__", (void *)weakref_class_getitem, TN_METH_O | TN_METH_CLASS, NULL },
    { NULL, NULL, 0, NULL }
};

TnType tn_weakref_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(TnWeakRef),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = weakref_dealloc,
    .tp_repr = weakref_repr,
    .tp_hash = weakref_hash,
    .tp_richcompare = weakref_richcompare,
    .tp_call = weakref_call,
    .tp_new = weakref_new,
    .tp_init = weakref_init,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_clear,
    .tp_getset = weakref_getset,
    .tp_methods = weakref_methods,
    .tp_doc = "ref(object[, callback]) -> weak reference to object",
};

/* ---- the _weakref module ------------------------------------------------------ */

static TnObject *mod_getweakrefcount(TnObject *m, TnObject *o)
{
    (void)m;
    tn_ssize_t n = 0;
    Stripe *s = stripe_of(o);
    stripe_lock(s);
    Entry *e = find_entry(s, o);
    for (TnWeakRef *wr = e ? e->head : NULL; wr; wr = wr->wr_next)
        n++;
    stripe_unlock(s);
    return tn_int_from_i64(n);
}

static TnObject *mod_getweakrefs(TnObject *m, TnObject *o)
{
    (void)m;
    TnGCVec v = { NULL, 0, 0 };
    Stripe *s = stripe_of(o);
    stripe_lock(s);
    Entry *e = find_entry(s, o);
    for (TnWeakRef *wr = e ? e->head : NULL; wr; wr = wr->wr_next)
        if (incref_if_alive((TnObject *)wr) && tn_gcvec_push(&v, (TnObject *)wr) < 0)
            TN_DECREF(wr);
    stripe_unlock(s);
    TnObject *l = tn_list_new(0);
    for (size_t i = 0; i < v.n; i++) {
        if (l && tn_list_append(l, v.v[i]) < 0)
            TN_CLEAR(l);
        TN_DECREF(v.v[i]);
    }
    free(v.v);
    return l;
}

static const TnMethodDef weakref_module_methods[] = {
    { "getweakrefcount", (void *)mod_getweakrefcount, TN_METH_O,
      "Return the number of weak references to 'object'." },
    { "getweakrefs", (void *)mod_getweakrefs, TN_METH_O,
      "Return a list of all weak reference objects pointing to 'object'." },
    { NULL, NULL, 0, NULL }
};

TnObject *tn_module_init__weakref(void)
{
    if (tn_type_ready(&tn_weakref_type) < 0)
        return NULL;
    TnObject *m = tn_module_new("_weakref");
    if (!m)
        return NULL;
    if (tn_module_add_functions(m, weakref_module_methods) < 0 ||
        tn_module_add_object(m, "ref", (TnObject *)&tn_weakref_type) < 0 ||
        tn_module_add_object(m, "ReferenceType", (TnObject *)&tn_weakref_type) < 0) {
        TN_DECREF(m);
        return NULL;
    }
    return m;
}

#ifdef TANDEM_FT
/* The stripe mutexes need no destruction; initialise them before main. */
__attribute__((constructor)) static void init_stripes(void)
{
    for (int i = 0; i < NSTRIPES; i++)
        pthread_mutex_init(&stripes[i].mu, NULL);
}
#endif
