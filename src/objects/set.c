/* set and frozenset: CPython 3.11's setobject.c algorithm (linear probes of
 * 9, perturbation, the same initial size, fill/resize rules and merge fast
 * paths), so iteration order of small-int sets matches CPython.
 *
 * Thread safety (ft build): every mutation and locked probe holds the set's
 * object lock; a probe that needs a user __eq__ drops the lock, compares
 * (reading the table with atomics), re-locks and retries if `version`
 * moved. Tables are replaced, never freed in place: old ones go through
 * tn_mem_free_deferred. Other sets are read through snapshots taken under
 * their own lock, so two set locks are never held at once.
 * Global state: the dummy sentinel (static, immortal, never written). */
#include <string.h>
#include "containers_internal.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define SET_MINSIZE 8

typedef struct { TnObject *key; tn_hash_t hash; } SetEntry;
typedef struct { size_t mask; SetEntry e[]; } SetTable;

typedef struct {
    TnObject ob;
    tn_ssize_t fill;                /* active + dummy */
    TN_SHARED(tn_ssize_t) used;     /* active */
    TN_SHARED(SetTable *) table;
    tn_ssize_t finger;              /* pop() search start */
    tn_hash_t hash;                 /* frozenset only; -1 = not computed */
    uint64_t version;               /* bumped by every mutation (lock held) */
    TN_SHARED(int) unlocked_probes; /* probes reading the table without the lock */
} TnSet;

#define SET(o) ((TnSet *)(o))

static TnObject dummy_struct = TN_STATIC_OBJECT_HEAD(&tn_object_type);
#define dummy (&dummy_struct)

enum { P_FOUND, P_NOTFOUND, P_USER, P_ERROR, P_RESTART };

/* ---- tables --------------------------------------------------------------------- */

static SetTable *table_new(size_t size)
{
    SetTable *t = tn_mem_calloc(1, sizeof(SetTable) + size * sizeof(SetEntry));
    if (t)
        t->mask = size - 1;
    return t;
}

static size_t table_bytes(SetTable *t)
{
    return sizeof(SetTable) + (t->mask + 1) * sizeof(SetEntry);
}

static void table_free_deferred(SetTable *t)
{
    if (t)
        tn_mem_free_deferred(t, table_bytes(t));
}

/* Free t, which so no longer uses. The only probe that reads a table
 * without the lock is one that runs a user __eq__ (probe_locked), and it
 * counts itself in unlocked_probes before dropping the lock; with none in
 * progress t goes at once instead of waiting for a QSBR grace period (the
 * resizes of a big set under churn sent 100 MB/s of tables there). */
static void table_free(TnSet *so, SetTable *t)
{
    if (t && tn_load_acquire(&so->unlocked_probes) == 0)
        tn_mem_free(t);
    else
        table_free_deferred(t);
}

static inline TnObject *E_KEY(SetEntry *e) { return TN_SLOT_LOAD(&e->key); }
static inline tn_hash_t E_HASH(SetEntry *e) { return TN_SLOT_LOAD_RELAXED(&e->hash); }
static inline void E_SET(SetEntry *e, TnObject *k, tn_hash_t h)
{
    TN_SLOT_STORE(&e->hash, h);
    TN_SLOT_STORE(&e->key, k);
}

static void insert_clean(SetTable *t, TnObject *key, tn_hash_t hash)
{
    size_t mask = t->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    SetEntry *entry;
    for (;;) {
        entry = &t->e[i];
        if (entry->key == NULL)
            goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

/* Lock held (or private set). */
static int table_resize(TnSet *so, tn_ssize_t minused)
{
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    SetTable *old = tn_load_relaxed(&so->table);
    SetTable *t = table_new(newsize);
    if (!t)
        return -1;
    if (old)
        for (size_t i = 0; i <= old->mask; i++) {
            TnObject *k = old->e[i].key;
            if (k && k != dummy)
                insert_clean(t, k, old->e[i].hash);
        }
    so->fill = tn_load_relaxed(&so->used);
    tn_store_release(&so->table, t);
    so->version++;
    table_free(so, old);
    return 0;
}

/* ---- probing -------------------------------------------------------------------- */

/* CPython's set_add_entry/set_lookkey loop. *slot gets the insertion point
 * (a dummy to reuse, or the unused entry: *unused = 1). */
static int probe(TnSet *so, SetTable *t, TnObject *key, tn_hash_t hash, int locked,
                 SetEntry **found, SetEntry **slot, int *unused)
{
    size_t mask = t->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    SetEntry *freeslot = NULL;
    for (;;) {
        SetEntry *entry = &t->e[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            TnObject *ek = E_KEY(entry);
            tn_hash_t eh = E_HASH(entry);
            if (eh == 0 && ek == NULL) {
                *slot = freeslot ? freeslot : entry;
                *unused = freeslot == NULL;
                return P_NOTFOUND;
            }
            if (eh == hash && ek && ek != dummy) {
                if (ek == key) {
                    *found = entry;
                    return P_FOUND;
                }
                if (tn_str_check_exact(ek) && tn_str_check_exact(key)) {
                    if (tn_str_eq(ek, key)) {
                        *found = entry;
                        return P_FOUND;
                    }
                } else if (tn_key_is_safe(ek) && tn_key_is_safe(key)) {
                    if (tn_object_richcompare_bool(ek, key, TN_EQ) > 0) {
                        *found = entry;
                        return P_FOUND;
                    }
                } else {
                    if (locked)
                        return P_USER;
                    tn_incref(ek);   /* TODO(next issue, ft): conditional increment */
                    int c = tn_object_richcompare_bool(ek, key, TN_EQ);
                    tn_decref(ek);
                    if (c < 0)
                        return P_ERROR;
                    if (tn_load_acquire(&so->table) != t || E_KEY(entry) != ek)
                        return P_RESTART;
                    if (c) {
                        *found = entry;
                        return P_FOUND;
                    }
                }
            } else if (eh == -1 && !freeslot) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Probe with the lock held on entry; returns with it held except P_ERROR. */
static int probe_locked(TnSet *so, TnObject *key, tn_hash_t hash, SetEntry **found,
                        SetEntry **slot, int *unused)
{
    for (;;) {
        SetTable *t = tn_load_relaxed(&so->table);
        int r = probe(so, t, key, hash, 1, found, slot, unused);
        if (r != P_USER)
            return r;
        uint64_t ver = so->version;
        (void)tn_fetch_add_relaxed(&so->unlocked_probes, 1);
        tn_unlock((TnObject *)so);
        do {
            r = probe(so, tn_load_acquire(&so->table), key, hash, 0, found, slot, unused);
        } while (r == P_RESTART);
        (void)tn_fetch_add_release(&so->unlocked_probes, -1);
        if (r == P_ERROR)
            return P_ERROR;
        tn_lock((TnObject *)so);
        if (so->version == ver)
            return r;
    }
}

static int set_add_entry(TnSet *so, TnObject *key, tn_hash_t hash)
{
    SetEntry *found, *slot;
    int unused;
    tn_incref(key);
    tn_lock((TnObject *)so);
    int r = probe_locked(so, key, hash, &found, &slot, &unused);
    if (r == P_ERROR) {
        tn_decref(key);
        return -1;
    }
    if (r == P_FOUND) {
        tn_unlock((TnObject *)so);
        tn_decref(key);
        return 0;
    }
    E_SET(slot, key, hash);
    tn_store_relaxed(&so->used, tn_load_relaxed(&so->used) + 1);
    so->version++;
    if (unused) {
        so->fill++;
        size_t mask = tn_load_relaxed(&so->table)->mask;
        if ((size_t)so->fill * 5 >= mask * 3) {
            tn_ssize_t used = tn_load_relaxed(&so->used);
            if (table_resize(so, used > 50000 ? used * 2 : used * 4) < 0) {
                tn_unlock((TnObject *)so);
                return -1;
            }
        }
    }
    tn_unlock((TnObject *)so);
    return 0;
}

/* 1 present, 0 absent, -1 error. Lock-free unless a user compare is needed. */
static int set_contains_entry(TnSet *so, TnObject *key, tn_hash_t hash)
{
    SetEntry *found, *slot;
    int unused, r;
#ifdef TANDEM_FT
    /* Under the lock: an unlocked probe reads keys that another thread may
     * discard and free meanwhile (see tn_set_next). */
    tn_lock((TnObject *)so);
    r = probe_locked(so, key, hash, &found, &slot, &unused);
    if (r == P_ERROR)
        return -1;
    tn_unlock((TnObject *)so);
    return r == P_FOUND;
#endif
    do {
        r = probe(so, tn_load_acquire(&so->table), key, hash, 0, &found, &slot, &unused);
    } while (r == P_RESTART);
    if (r == P_ERROR)
        return -1;
    return r == P_FOUND;
}

/* 1 removed, 0 absent, -1 error. */
static int set_discard_entry(TnSet *so, TnObject *key, tn_hash_t hash)
{
    SetEntry *found, *slot;
    int unused;
    tn_lock((TnObject *)so);
    int r = probe_locked(so, key, hash, &found, &slot, &unused);
    if (r == P_ERROR)
        return -1;
    TnObject *old = NULL;
    if (r == P_FOUND) {
        old = found->key;
        E_SET(found, dummy, -1);
        tn_store_relaxed(&so->used, tn_load_relaxed(&so->used) - 1);
        so->version++;
    }
    tn_unlock((TnObject *)so);
    TN_XDECREF(old);
    return old != NULL;
}

/* Hash a key; a set used as a key is retried as a frozenset, as CPython. */
static tn_hash_t key_hash(TnObject *key, TnObject **tmp)
{
    *tmp = NULL;
    tn_hash_t h = tn_object_hash(key);
    if (h == -1 && tn_set_check(key) && tn_err_matches(&tn_exc_TypeError)) {
        tn_err_clear();
        *tmp = tn_frozenset_new(key);
        if (!*tmp)
            return -1;
        h = tn_object_hash(*tmp);
    }
    return h;
}

/* ---- snapshots of another set -------------------------------------------------------- */

typedef struct { SetTable *t; tn_ssize_t fill, used; } SetSnap;

static int snap_take(TnSet *so, SetSnap *s)
{
    tn_lock((TnObject *)so);
    SetTable *t = tn_load_relaxed(&so->table);
    s->t = tn_mem_alloc(table_bytes(t));
    if (!s->t) {
        tn_unlock((TnObject *)so);
        return -1;
    }
    memcpy(s->t, t, table_bytes(t));
    for (size_t i = 0; i <= t->mask; i++)
        if (s->t->e[i].key && s->t->e[i].key != dummy)
            tn_incref(s->t->e[i].key);
    s->fill = so->fill;
    s->used = tn_load_relaxed(&so->used);
    tn_unlock((TnObject *)so);
    return 0;
}

static void snap_release(SetSnap *s)
{
    for (size_t i = 0; i <= s->t->mask; i++)
        if (s->t->e[i].key && s->t->e[i].key != dummy)
            tn_decref(s->t->e[i].key);
    tn_mem_free(s->t);
}

#define SNAP_FOREACH(s, ent) \
    for (SetEntry *ent = (s)->t->e; ent <= &(s)->t->e[(s)->t->mask]; ent++) \
        if (ent->key && ent->key != dummy)

/* CPython's set_merge, with `other` read from a snapshot. */
static int set_merge(TnSet *so, TnSet *other)
{
    if (so == other)
        return 0;
    SetSnap s;
    if (snap_take(other, &s) < 0)
        return -1;
    int r = 0;
    if (s.used == 0)
        goto done;
    tn_lock((TnObject *)so);
    SetTable *t = tn_load_relaxed(&so->table);
    if ((size_t)(so->fill + s.used) * 5 >= t->mask * 3) {
        if (table_resize(so, (tn_load_relaxed(&so->used) + s.used) * 2) < 0) {
            tn_unlock((TnObject *)so);
            r = -1;
            goto done;
        }
        t = tn_load_relaxed(&so->table);
    }
    if (so->fill == 0 && t->mask == s.t->mask && s.fill == s.used) {
        for (size_t i = 0; i <= s.t->mask; i++) {
            TnObject *k = s.t->e[i].key;
            if (k)
                E_SET(&t->e[i], tn_newref(k), s.t->e[i].hash);
        }
        so->fill = s.fill;
        tn_store_relaxed(&so->used, s.used);
        so->version++;
        tn_unlock((TnObject *)so);
        goto done;
    }
    if (so->fill == 0) {
        /* private or empty: build a new table and publish it */
        SetTable *nt = table_new(t->mask + 1);
        if (!nt) {
            tn_unlock((TnObject *)so);
            r = -1;
            goto done;
        }
        SNAP_FOREACH(&s, ent)
            insert_clean(nt, tn_newref(ent->key), ent->hash);
        so->fill = s.used;
        tn_store_relaxed(&so->used, s.used);
        tn_store_release(&so->table, nt);
        so->version++;
        tn_unlock((TnObject *)so);
        table_free(so, t);
        goto done;
    }
    tn_unlock((TnObject *)so);
    SNAP_FOREACH(&s, ent)
        if (set_add_entry(so, ent->key, ent->hash) < 0) {
            r = -1;
            break;
        }
done:
    snap_release(&s);
    return r;
}

static int set_update_internal(TnSet *so, TnObject *other)
{
    if (tn_anyset_check(other))
        return set_merge(so, SET(other));
    if (tn_dict_check_exact(other)) {
        /* one big resize first, then add with the dict's stored hashes */
        tn_ssize_t dictsize = tn_dict_size(other);
        tn_lock((TnObject *)so);
        if ((size_t)(so->fill + dictsize) * 5 >= tn_load_relaxed(&so->table)->mask * 3 &&
            table_resize(so, (tn_load_relaxed(&so->used) + dictsize) * 2) < 0) {
            tn_unlock((TnObject *)so);
            return -1;
        }
        tn_unlock((TnObject *)so);
        tn_ssize_t pos = 0;
        TnObject *k;
        while (tn_dict_next(other, &pos, &k, NULL)) {
            tn_hash_t h = tn_object_hash(k);   /* cached for str; cheap for int */
            int r = h == -1 ? -1 : set_add_entry(so, k, h);
            tn_decref(k);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    TnObject *it = tn_object_iter(other);
    if (!it)
        return -1;
    TnObject *k;
    while ((k = tn_iter_next(it))) {
        tn_hash_t h = tn_object_hash(k);
        int r = h == -1 ? -1 : set_add_entry(so, k, h);
        tn_decref(k);
        if (r < 0) {
            tn_decref(it);
            return -1;
        }
    }
    tn_decref(it);
    return tn_err_occurred() ? -1 : 0;
}

/* ---- construction ---------------------------------------------------------------- */

static TnObject *set_alloc(TnType *type)
{
    TnSet *so = (TnSet *)tn_object_alloc(type, type->tp_basicsize);
    if (!so)
        return NULL;
    SetTable *t = table_new(SET_MINSIZE);
    if (!t) {
        tn_object_free((TnObject *)so);
        return NULL;
    }
    tn_store_relaxed(&so->table, t);
    so->hash = -1;
    return (TnObject *)so;
}

static TnObject *make_new_set(TnType *type, TnObject *iterable)
{
    TnObject *so = set_alloc(type);
    if (so && iterable && set_update_internal(SET(so), iterable) < 0)
        TN_CLEAR(so);
    return so;
}

/* The result type of set operations: set for set subclasses, else frozenset. */
static TnObject *make_new_set_basetype(TnType *type, TnObject *iterable)
{
    if (type != &tn_set_type && type != &tn_frozenset_type)
        type = tn_type_is_subtype(type, &tn_set_type) ? &tn_set_type : &tn_frozenset_type;
    return make_new_set(type, iterable);
}

TnObject *tn_set_from_iterable_type(TnType *t, TnObject *iterable)
{
    return make_new_set(t, iterable);
}

TnObject *tn_set_new(TnObject *iterable) { return make_new_set(&tn_set_type, iterable); }
TnObject *tn_frozenset_new(TnObject *iterable) { return make_new_set(&tn_frozenset_type, iterable); }

TnObject *tn_set_copy(TnObject *s)
{
    if (TN_TYPE(s) == &tn_frozenset_type)
        return tn_newref(s);
    return make_new_set_basetype(TN_TYPE(s), s);
}

static TnObject *set_copy_base(TnObject *s)
{
    return make_new_set_basetype(TN_TYPE(s), s);
}

/* ---- C API ----------------------------------------------------------------------- */

int tn_set_add(TnObject *s, TnObject *key)
{
    tn_hash_t h = tn_object_hash(key);
    if (h == -1)
        return -1;
    return set_add_entry(SET(s), key, h);
}

int tn_set_discard(TnObject *s, TnObject *key)
{
    TnObject *tmp;
    tn_hash_t h = key_hash(key, &tmp);
    if (h == -1)
        return -1;
    int r = set_discard_entry(SET(s), tmp ? tmp : key, h);
    TN_XDECREF(tmp);
    return r;
}

int tn_set_contains(TnObject *s, TnObject *key)
{
    TnObject *tmp;
    tn_hash_t h = key_hash(key, &tmp);
    if (h == -1)
        return -1;
    int r = set_contains_entry(SET(s), tmp ? tmp : key, h);
    TN_XDECREF(tmp);
    return r;
}

tn_ssize_t tn_set_size(TnObject *s) { return tn_load_relaxed(&SET(s)->used); }

int tn_set_update(TnObject *s, TnObject *iterable)
{
    return set_update_internal(SET(s), iterable);
}

int tn_set_next(TnObject *s, tn_ssize_t *pos, TnObject **key)
{
    /* ft: under the lock, since a key loaded without it may be discarded and
     * freed by another thread before the increment (nothing in gil). */
    tn_lock(s);
    SetTable *t = tn_load_acquire(&SET(s)->table);
    for (size_t i = (size_t)*pos; i <= t->mask; i++) {
        TnObject *k = E_KEY(&t->e[i]);
        if (k && k != dummy) {
            tn_incref(k);
            *key = k;
            *pos = (tn_ssize_t)i + 1;
            tn_unlock(s);
            return 1;
        }
    }
    *pos = (tn_ssize_t)t->mask + 1;
    tn_unlock(s);
    return 0;
}

void tn_set_clear(TnObject *s)
{
    TnSet *so = SET(s);
    SetTable *nt = table_new(SET_MINSIZE);
    if (!nt) {
        tn_err_clear();
        return;
    }
    tn_lock(s);
    SetTable *t = tn_load_relaxed(&so->table);
    tn_store_release(&so->table, nt);
    so->fill = 0;
    tn_store_relaxed(&so->used, 0);
    so->version++;
    tn_unlock(s);
    for (size_t i = 0; i <= t->mask; i++)
        if (t->e[i].key && t->e[i].key != dummy)
            tn_decref(t->e[i].key);
    table_free(so, t);
}

TnObject *tn_set_pop(TnObject *s)
{
    TnSet *so = SET(s);
    tn_lock(s);
    if (tn_load_relaxed(&so->used) == 0) {
        tn_unlock(s);
        return tn_err_format(&tn_exc_KeyError, "pop from an empty set");
    }
    SetTable *t = tn_load_relaxed(&so->table);
    SetEntry *entry = t->e + ((size_t)so->finger & t->mask), *limit = t->e + t->mask;
    while (entry->key == NULL || entry->key == dummy) {
        entry++;
        if (entry > limit)
            entry = t->e;
    }
    TnObject *key = entry->key;
    E_SET(entry, dummy, -1);
    tn_store_relaxed(&so->used, tn_load_relaxed(&so->used) - 1);
    so->finger = entry - t->e + 1;
    so->version++;
    tn_unlock(s);
    return key;
}

/* Exchange the contents of a (locked) and the private set b. */
static void swap_bodies(TnSet *a, TnSet *b)
{
    tn_lock((TnObject *)a);
    SetTable *ta = tn_load_relaxed(&a->table);
    tn_ssize_t fa = a->fill, ua = tn_load_relaxed(&a->used);
    tn_store_release(&a->table, tn_load_relaxed(&b->table));
    a->fill = b->fill;
    tn_store_relaxed(&a->used, tn_load_relaxed(&b->used));
    a->version++;
    a->hash = -1;
    tn_unlock((TnObject *)a);
    /* a reader may still be probing ta: b keeps it until b dies, and b's
     * dealloc frees tables with a deferred free */
    tn_store_relaxed(&b->table, ta);
    b->fill = fa;
    tn_store_relaxed(&b->used, ua);
}

/* ---- set algebra (CPython's algorithms, for identical results and order) --------- */

static TnObject *set_intersection(TnSet *so, TnObject *other)
{
    if ((TnObject *)so == other)
        return set_copy_base((TnObject *)so);
    TnObject *result = make_new_set_basetype(TN_TYPE(so), NULL);
    if (!result)
        return NULL;
    if (tn_anyset_check(other)) {
        TnSet *a = so, *b = SET(other);
        if (tn_set_size(other) > tn_set_size((TnObject *)so)) {
            a = SET(other);
            b = so;
        }
        SetSnap s;
        if (snap_take(b, &s) < 0)
            goto error;
        int r = 0;
        SNAP_FOREACH(&s, ent) {
            r = set_contains_entry(a, ent->key, ent->hash);
            if (r > 0)
                r = set_add_entry(SET(result), ent->key, ent->hash);
            if (r < 0)
                break;
        }
        snap_release(&s);
        if (r < 0)
            goto error;
        return result;
    }
    TnObject *it = tn_object_iter(other);
    if (!it)
        goto error;
    TnObject *k;
    while ((k = tn_iter_next(it))) {
        tn_hash_t h = tn_object_hash(k);
        int r = h == -1 ? -1 : set_contains_entry(so, k, h);
        if (r > 0)
            r = set_add_entry(SET(result), k, h);
        tn_decref(k);
        if (r < 0) {
            tn_decref(it);
            goto error;
        }
    }
    tn_decref(it);
    if (tn_err_occurred())
        goto error;
    return result;
error:
    tn_decref(result);
    return NULL;
}

static int set_difference_update_internal(TnSet *so, TnObject *other)
{
    if ((TnObject *)so == other) {
        tn_set_clear((TnObject *)so);
        return 0;
    }
    if (tn_anyset_check(other)) {
        TnObject *o = (tn_set_size(other) >> 3) > tn_set_size((TnObject *)so)
                    ? set_intersection(so, other) : tn_newref(other);
        if (!o)
            return -1;
        SetSnap s;
        int r = snap_take(SET(o), &s);
        tn_decref(o);
        if (r < 0)
            return -1;
        SNAP_FOREACH(&s, ent)
            if ((r = set_discard_entry(so, ent->key, ent->hash)) < 0)
                break;
        snap_release(&s);
        if (r < 0)
            return -1;
    } else {
        TnObject *it = tn_object_iter(other);
        if (!it)
            return -1;
        TnObject *k;
        while ((k = tn_iter_next(it))) {
            int r = tn_set_discard((TnObject *)so, k);
            tn_decref(k);
            if (r < 0) {
                tn_decref(it);
                return -1;
            }
        }
        tn_decref(it);
        if (tn_err_occurred())
            return -1;
    }
    /* more than 1/4 dummies: resize them away */
    tn_lock((TnObject *)so);
    int r = 0;
    tn_ssize_t used = tn_load_relaxed(&so->used);
    if ((size_t)(so->fill - used) > tn_load_relaxed(&so->table)->mask / 4)
        r = table_resize(so, used > 50000 ? used * 2 : used * 4);
    tn_unlock((TnObject *)so);
    return r;
}

static TnObject *set_difference(TnSet *so, TnObject *other)
{
    tn_ssize_t other_size;
    if (tn_anyset_check(other))
        other_size = tn_set_size(other);
    else if (tn_dict_check_exact(other))
        other_size = tn_dict_size(other);
    else
        other_size = -1;
    if (other_size < 0 || (tn_set_size((TnObject *)so) >> 2) > other_size) {
        TnObject *r = set_copy_base((TnObject *)so);
        if (r && set_difference_update_internal(SET(r), other) < 0)
            TN_CLEAR(r);
        return r;
    }
    TnObject *result = make_new_set_basetype(TN_TYPE(so), NULL);
    if (!result)
        return NULL;
    SetSnap s;
    if (snap_take(so, &s) < 0) {
        tn_decref(result);
        return NULL;
    }
    int r = 0;
    SNAP_FOREACH(&s, ent) {
        if (tn_dict_check_exact(other)) {
            TnObject *v;
            r = tn_dict_get_ref_hash(other, ent->key, ent->hash, &v);
            TN_XDECREF(v);
        } else {
            r = set_contains_entry(SET(other), ent->key, ent->hash);
        }
        if (r == 0)
            r = set_add_entry(SET(result), ent->key, ent->hash);
        else if (r > 0)
            r = 0;
        if (r < 0)
            break;
    }
    snap_release(&s);
    if (r < 0)
        TN_CLEAR(result);
    return result;
}

static int set_symmetric_difference_update_internal(TnSet *so, TnObject *other)
{
    if ((TnObject *)so == other) {
        tn_set_clear((TnObject *)so);
        return 0;
    }
    TnObject *o = tn_anyset_check(other) ? tn_newref(other)
                                        : make_new_set_basetype(TN_TYPE(so), other);
    if (!o)
        return -1;
    SetSnap s;
    int r = snap_take(SET(o), &s);
    tn_decref(o);
    if (r < 0)
        return -1;
    SNAP_FOREACH(&s, ent) {
        r = set_discard_entry(so, ent->key, ent->hash);
        if (r == 0)
            r = set_add_entry(so, ent->key, ent->hash);
        else if (r > 0)
            r = 0;
        if (r < 0)
            break;
    }
    snap_release(&s);
    return r;
}

static TnObject *set_symmetric_difference(TnSet *so, TnObject *other)
{
    TnObject *o = make_new_set_basetype(TN_TYPE(so), other);
    if (!o)
        return NULL;
    if (set_symmetric_difference_update_internal(SET(o), (TnObject *)so) < 0)
        TN_CLEAR(o);
    return o;
}

static int set_issubset_internal(TnSet *so, TnObject *other)
{
    if (!tn_anyset_check(other)) {
        TnObject *tmp = make_new_set(&tn_set_type, other);
        if (!tmp)
            return -1;
        int r = set_issubset_internal(so, tmp);
        tn_decref(tmp);
        return r;
    }
    if (tn_set_size((TnObject *)so) > tn_set_size(other))
        return 0;
    SetSnap s;
    if (snap_take(so, &s) < 0)
        return -1;
    int r = 1;
    SNAP_FOREACH(&s, ent) {
        int c = set_contains_entry(SET(other), ent->key, ent->hash);
        if (c <= 0) {
            r = c;
            break;
        }
    }
    snap_release(&s);
    return r;
}

static int set_issuperset_internal(TnSet *so, TnObject *other)
{
    if (tn_anyset_check(other))
        return set_issubset_internal(SET(other), (TnObject *)so);
    TnObject *it = tn_object_iter(other);
    if (!it)
        return -1;
    TnObject *k;
    while ((k = tn_iter_next(it))) {
        int r = tn_set_contains((TnObject *)so, k);
        tn_decref(k);
        if (r <= 0) {
            tn_decref(it);
            return r;
        }
    }
    tn_decref(it);
    return tn_err_occurred() ? -1 : 1;
}

/* ---- methods ------------------------------------------------------------------- */

static TnObject *bool_or_null(int r) { return r < 0 ? NULL : tn_bool_from(r); }

static TnObject *m_add(TnObject *self, TnObject *key)
{
    if (tn_set_add(self, key) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_discard(TnObject *self, TnObject *key)
{
    if (tn_set_discard(self, key) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_remove(TnObject *self, TnObject *key)
{
    int r = tn_set_discard(self, key);
    if (r < 0)
        return NULL;
    if (r == 0) {
        tn_err_set_key(key);
        return NULL;
    }
    TN_RETURN_NONE;
}

static TnObject *m_pop(TnObject *self, TnObject *unused) { return tn_set_pop(self); }

static TnObject *m_clear(TnObject *self, TnObject *unused)
{
    tn_set_clear(self);
    TN_RETURN_NONE;
}

static TnObject *m_copy(TnObject *self, TnObject *unused) { return tn_set_copy(self); }

static TnObject *m_update(TnObject *self, TnObject *const *args, size_t nargs)
{
    for (size_t i = 0; i < nargs; i++)
        if (set_update_internal(SET(self), args[i]) < 0)
            return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_union(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnObject *r = set_copy_base(self);
    for (size_t i = 0; r && i < nargs; i++)
        if (args[i] != self && set_update_internal(SET(r), args[i]) < 0)
            TN_CLEAR(r);
    return r;
}

static TnObject *m_intersection(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (nargs == 0)
        return set_copy_base(self);
    TnObject *r = tn_newref(self);
    for (size_t i = 0; i < nargs; i++) {
        TnObject *n = set_intersection(SET(r), args[i]);
        tn_decref(r);
        if (!n)
            return NULL;
        r = n;
    }
    return r;
}

static TnObject *m_intersection_update(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnObject *tmp = m_intersection(self, args, nargs);
    if (!tmp)
        return NULL;
    swap_bodies(SET(self), SET(tmp));
    tn_decref(tmp);
    TN_RETURN_NONE;
}

static TnObject *m_difference(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (nargs == 0)
        return set_copy_base(self);
    TnObject *r = set_difference(SET(self), args[0]);
    for (size_t i = 1; r && i < nargs; i++)
        if (set_difference_update_internal(SET(r), args[i]) < 0)
            TN_CLEAR(r);
    return r;
}

static TnObject *m_difference_update(TnObject *self, TnObject *const *args, size_t nargs)
{
    for (size_t i = 0; i < nargs; i++)
        if (set_difference_update_internal(SET(self), args[i]) < 0)
            return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_symmetric_difference(TnObject *self, TnObject *other)
{
    return set_symmetric_difference(SET(self), other);
}

static TnObject *m_symmetric_difference_update(TnObject *self, TnObject *other)
{
    if (set_symmetric_difference_update_internal(SET(self), other) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_issubset(TnObject *self, TnObject *other)
{
    return bool_or_null(set_issubset_internal(SET(self), other));
}

static TnObject *m_issuperset(TnObject *self, TnObject *other)
{
    return bool_or_null(set_issuperset_internal(SET(self), other));
}

static TnObject *m_isdisjoint(TnObject *self, TnObject *other)
{
    if (self == other)
        return tn_bool_from(tn_set_size(self) == 0);
    if (tn_anyset_check(other)) {
        TnObject *a = self, *b = other;
        if (tn_set_size(b) > tn_set_size(a)) {
            a = other;
            b = self;
        }
        SetSnap s;
        if (snap_take(SET(b), &s) < 0)
            return NULL;
        int r = 1;
        SNAP_FOREACH(&s, ent) {
            int c = set_contains_entry(SET(a), ent->key, ent->hash);
            if (c != 0) {
                r = c < 0 ? -1 : 0;
                break;
            }
        }
        snap_release(&s);
        return bool_or_null(r);
    }
    TnObject *it = tn_object_iter(other);
    if (!it)
        return NULL;
    TnObject *k;
    while ((k = tn_iter_next(it))) {
        int c = tn_set_contains(self, k);
        tn_decref(k);
        if (c != 0) {
            tn_decref(it);
            return c < 0 ? NULL : tn_bool_from(0);
        }
    }
    tn_decref(it);
    return tn_err_occurred() ? NULL : tn_bool_from(1);
}

static TnObject *m_contains(TnObject *self, TnObject *key)
{
    return bool_or_null(tn_set_contains(self, key));
}

static TnObject *m_sizeof(TnObject *self, TnObject *unused)
{
    return tn_int_from_i64((int64_t)(sizeof(TnSet) + table_bytes(tn_load_relaxed(&SET(self)->table))));
}

static TnObject *m_reduce(TnObject *self, TnObject *unused)
{
    TnObject *keys = tn_sequence_list(self);
    if (!keys)
        return NULL;
    TnObject *args = tn_tuple_pack(1, keys);
    tn_decref(keys);
    if (!args)
        return NULL;
    TnObject *r = tn_tuple_pack(3, (TnObject *)TN_TYPE(self), args, tn_None);
    tn_decref(args);
    return r;
}

static const TnMethodDef set_methods[] = {
    { "add", (void *)m_add, TN_METH_O, "Add an element to a set." },
    { "clear", (void *)m_clear, TN_METH_NOARGS, "Remove all elements from this set." },
    { "copy", (void *)m_copy, TN_METH_NOARGS, "Return a shallow copy of a set." },
    { "discard", (void *)m_discard, TN_METH_O, "Remove an element from a set if it is a member." },
    { "difference", (void *)m_difference, TN_METH_FAST, "Return the difference of two or more sets as a new set." },
    { "difference_update", (void *)m_difference_update, TN_METH_FAST, "Remove all elements of another set from this set." },
    { "intersection", (void *)m_intersection, TN_METH_FAST, "Return the intersection of two sets as a new set." },
    { "intersection_update", (void *)m_intersection_update, TN_METH_FAST, "Update a set with the intersection of itself and another." },
    { "isdisjoint", (void *)m_isdisjoint, TN_METH_O, "Return True if two sets have a null intersection." },
    { "issubset", (void *)m_issubset, TN_METH_O, "Report whether another set contains this set." },
    { "issuperset", (void *)m_issuperset, TN_METH_O, "Report whether this set contains another set." },
    { "pop", (void *)m_pop, TN_METH_NOARGS, "Remove and return an arbitrary set element." },
    { "remove", (void *)m_remove, TN_METH_O, "Remove an element from a set; it must be a member." },
    { "symmetric_difference", (void *)m_symmetric_difference, TN_METH_O, "Return the symmetric difference of two sets as a new set." },
    { "symmetric_difference_update", (void *)m_symmetric_difference_update, TN_METH_O, "Update a set with the symmetric difference of itself and another." },
    { "union", (void *)m_union, TN_METH_FAST, "Return the union of sets as a new set." },
    { "update", (void *)m_update, TN_METH_FAST, "Update a set with the union of itself and others." },
    { "__contains__", (void *)m_contains, TN_METH_O, "x.__contains__(y) <==> y in x." },
    { "__sizeof__", (void *)m_sizeof, TN_METH_NOARGS, NULL },
    { "__reduce__", (void *)m_reduce, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static const TnMethodDef frozenset_methods[] = {
    { "copy", (void *)m_copy, TN_METH_NOARGS, "Return a shallow copy of a set." },
    { "difference", (void *)m_difference, TN_METH_FAST, "Return the difference of two or more sets as a new set." },
    { "intersection", (void *)m_intersection, TN_METH_FAST, "Return the intersection of two sets as a new set." },
    { "isdisjoint", (void *)m_isdisjoint, TN_METH_O, "Return True if two sets have a null intersection." },
    { "issubset", (void *)m_issubset, TN_METH_O, "Report whether another set contains this set." },
    { "issuperset", (void *)m_issuperset, TN_METH_O, "Report whether this set contains another set." },
    { "symmetric_difference", (void *)m_symmetric_difference, TN_METH_O, "Return the symmetric difference of two sets as a new set." },
    { "union", (void *)m_union, TN_METH_FAST, "Return the union of sets as a new set." },
    { "__contains__", (void *)m_contains, TN_METH_O, "x.__contains__(y) <==> y in x." },
    { "__sizeof__", (void *)m_sizeof, TN_METH_NOARGS, NULL },
    { "__reduce__", (void *)m_reduce, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

/* ---- operators ----------------------------------------------------------------- */

#define BOTH_SETS(a, b) (tn_anyset_check(a) && tn_anyset_check(b))

static TnObject *set_nb_or(TnObject *a, TnObject *b)
{
    if (!BOTH_SETS(a, b))
        return tn_newref(tn_NotImplemented);
    TnObject *r = set_copy_base(a);
    if (r && a != b && set_update_internal(SET(r), b) < 0)
        TN_CLEAR(r);
    return r;
}

static TnObject *set_nb_and(TnObject *a, TnObject *b)
{
    if (!BOTH_SETS(a, b))
        return tn_newref(tn_NotImplemented);
    return set_intersection(SET(a), b);
}

static TnObject *set_nb_sub(TnObject *a, TnObject *b)
{
    if (!BOTH_SETS(a, b))
        return tn_newref(tn_NotImplemented);
    return set_difference(SET(a), b);
}

static TnObject *set_nb_xor(TnObject *a, TnObject *b)
{
    if (!BOTH_SETS(a, b))
        return tn_newref(tn_NotImplemented);
    return set_symmetric_difference(SET(a), b);
}

static TnObject *set_nb_ior(TnObject *a, TnObject *b)
{
    if (!BOTH_SETS(a, b))
        return tn_newref(tn_NotImplemented);
    if (set_update_internal(SET(a), b) < 0)
        return NULL;
    return tn_newref(a);
}

static TnObject *set_nb_iand(TnObject *a, TnObject *b)
{
    if (!BOTH_SETS(a, b))
        return tn_newref(tn_NotImplemented);
    TnObject *r = m_intersection_update(a, &b, 1);
    if (!r)
        return NULL;
    tn_decref(r);
    return tn_newref(a);
}

static TnObject *set_nb_isub(TnObject *a, TnObject *b)
{
    if (!BOTH_SETS(a, b))
        return tn_newref(tn_NotImplemented);
    if (set_difference_update_internal(SET(a), b) < 0)
        return NULL;
    return tn_newref(a);
}

static TnObject *set_nb_ixor(TnObject *a, TnObject *b)
{
    if (!BOTH_SETS(a, b))
        return tn_newref(tn_NotImplemented);
    if (set_symmetric_difference_update_internal(SET(a), b) < 0)
        return NULL;
    return tn_newref(a);
}

static TnObject *set_richcompare(TnObject *v, TnObject *w, int op)
{
    if (!tn_anyset_check(w))
        return tn_newref(tn_NotImplemented);
    tn_ssize_t nv = tn_set_size(v), nw = tn_set_size(w);
    switch (op) {
    case TN_EQ:
    case TN_NE: {
        int r;
        if (nv != nw)
            r = 0;
        else if (SET(v)->hash != -1 && SET(w)->hash != -1 && SET(v)->hash != SET(w)->hash)
            r = 0;
        else
            r = set_issubset_internal(SET(v), w);
        if (r < 0)
            return NULL;
        return tn_bool_from(op == TN_EQ ? r : !r);
    }
    case TN_LE: return bool_or_null(set_issubset_internal(SET(v), w));
    case TN_GE: return bool_or_null(set_issuperset_internal(SET(v), w));
    case TN_LT:
        if (nv >= nw)
            return tn_bool_from(0);
        return bool_or_null(set_issubset_internal(SET(v), w));
    default:
        if (nv <= nw)
            return tn_bool_from(0);
        return bool_or_null(set_issuperset_internal(SET(v), w));
    }
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static tn_hash_t frozenset_hash(TnObject *self)
{
    TnSet *so = SET(self);
    if (so->hash != -1)
        return so->hash;
    SetTable *t = tn_load_relaxed(&so->table);
    uint64_t hash = 0;
    for (size_t i = 0; i <= t->mask; i++)
        hash ^= shuffle_bits((uint64_t)t->e[i].hash);
    if ((t->mask + 1 - (size_t)so->fill) & 1)
        hash ^= shuffle_bits(0);
    if ((so->fill - tn_load_relaxed(&so->used)) & 1)
        hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)tn_load_relaxed(&so->used) + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    /* benign race in the ft build: the value is a pure function of an
     * immutable frozenset */
    __atomic_store_n(&so->hash, (tn_hash_t)hash, __ATOMIC_RELAXED);
    return (tn_hash_t)hash;
}

/* ---- type slots ----------------------------------------------------------------- */

static void set_dealloc(TnObject *o)
{
    SetTable *t = tn_load_relaxed(&SET(o)->table);
    if (t) {
        for (size_t i = 0; i <= t->mask; i++)
            if (t->e[i].key && t->e[i].key != dummy)
                tn_decref(t->e[i].key);
        /* deferred: swap_bodies may hand a set a table readers still probe */
        table_free_deferred(t);
    }
    tn_object_free(o);
}

static int set_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    SetTable *t = tn_load_relaxed(&SET(o)->table);
    for (size_t i = 0; i <= t->mask; i++)
        if (t->e[i].key && t->e[i].key != dummy) {
            int r = visit(t->e[i].key, arg);
            if (r)
                return r;
        }
    return 0;
}

static int set_tp_clear(TnObject *o)
{
    tn_set_clear(o);
    return 0;
}

static TnObject *set_repr(TnObject *o)
{
    const char *name = TN_TYPE(o)->tp_name;
    if (tn_set_size(o) == 0)
        return tn_str_from_format("%s()", name);
    int r = tn_repr_enter(o);
    if (r != 0)
        return r > 0 ? tn_str_from_format("%s(...)", name) : NULL;
    TnObject *keys = tn_sequence_list(o), *res = NULL;
    TnObject *lr = keys ? tn_object_repr(keys) : NULL;
    if (lr) {
        TnObject *inner = tn_str_substr(lr, 1, TN_STR_LEN(lr) - 1);
        if (inner) {
            if (TN_TYPE(o) == &tn_set_type)
                res = tn_str_from_format("{%U}", inner);
            else
                res = tn_str_from_format("%s({%U})", name, inner);
            tn_decref(inner);
        }
    }
    TN_XDECREF(lr);
    TN_XDECREF(keys);
    tn_repr_leave(o);
    return res;
}

static tn_ssize_t set_len(TnObject *o) { return tn_set_size(o); }
static int set_sq_contains(TnObject *o, TnObject *k) { return tn_set_contains(o, k); }

/* ---- iterator ------------------------------------------------------------------- */

typedef struct {
    TnObject ob;
    TnObject *set;       /* NULL once exhausted */
    tn_ssize_t pos, used, remaining;
} SetIter;

static TnObject *set_iter(TnObject *o)
{
    SetIter *it = (SetIter *)tn_object_alloc(&tn_set_iter_type, sizeof(SetIter));
    if (!it)
        return NULL;
    it->set = tn_newref(o);
    it->used = tn_set_size(o);
    it->remaining = it->used;
    return (TnObject *)it;
}

static void setiter_dealloc(TnObject *o)
{
    TN_XDECREF(((SetIter *)o)->set);
    tn_object_free(o);
}

static int setiter_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    SetIter *it = (SetIter *)o;
    return it->set ? visit(it->set, arg) : 0;
}

static TnObject *setiter_next(TnObject *o)
{
    SetIter *it = (SetIter *)o;
    if (!it->set)
        return NULL;
    if (it->used != tn_set_size(it->set)) {
        it->used = -1;
        return tn_err_format(&tn_exc_RuntimeError, "Set changed size during iteration");
    }
    TnObject *k;
    if (tn_set_next(it->set, &it->pos, &k)) {
        it->remaining--;
        return k;
    }
    TN_CLEAR(it->set);
    return NULL;
}

static TnObject *setiter_length_hint(TnObject *o, TnObject *unused)
{
    SetIter *it = (SetIter *)o;
    return tn_int_from_i64(it->set && it->used == tn_set_size(it->set) ? it->remaining : 0);
}

static const TnMethodDef setiter_methods[] = {
    { "__length_hint__", (void *)setiter_length_hint, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

TnType tn_set_iter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIter),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = setiter_dealloc,
    .tp_traverse = setiter_traverse,
    .tp_iter = tn_iter_self,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

/* ---- constructors ---------------------------------------------------------------- */

static TnObject *set_tp_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (type == &tn_set_type && tn_check_no_kwargs("set", kwnames) < 0)
        return NULL;
    return set_alloc(type);
}

static int set_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (TN_TYPE(self) == &tn_set_type && tn_check_no_kwargs("set", kwnames) < 0)
        return -1;
    if (tn_check_nargs("set", nargs, 0, 1) < 0)
        return -1;
    if (tn_set_size(self) > 0)
        tn_set_clear(self);
    if (nargs == 1)
        return set_update_internal(SET(self), args[0]);
    return 0;
}

static TnObject *frozenset_tp_new(TnType *type, TnObject *const *args, size_t nargs,
                                  TnObject *kwnames)
{
    if (type == &tn_frozenset_type && tn_check_no_kwargs("frozenset", kwnames) < 0)
        return NULL;
    if (tn_check_nargs("frozenset", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1 && type == &tn_frozenset_type && TN_TYPE(args[0]) == &tn_frozenset_type)
        return tn_newref(args[0]);
    return make_new_set(type, nargs ? args[0] : NULL);
}

TnType tn_set_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "set",
    .tp_basicsize = sizeof(TnSet),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_richcompare = set_richcompare,   /* tp_hash NULL: unhashable */
    .tp_iter = set_iter,
    .tp_new = set_tp_new,
    .tp_init = set_init,
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .nb_subtract = set_nb_sub,
    .nb_and = set_nb_and,
    .nb_xor = set_nb_xor,
    .nb_or = set_nb_or,
    .nb_inplace_subtract = set_nb_isub,
    .nb_inplace_and = set_nb_iand,
    .nb_inplace_xor = set_nb_ixor,
    .nb_inplace_or = set_nb_ior,
    .sq_length = set_len,
    .sq_contains = set_sq_contains,
    .tp_methods = set_methods,
    .tp_doc = "set() -> new empty set object\nset(iterable) -> new set object",
};

TnType tn_frozenset_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(TnSet),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = frozenset_hash,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_new = frozenset_tp_new,
    .tp_traverse = set_traverse,
    .nb_subtract = set_nb_sub,
    .nb_and = set_nb_and,
    .nb_xor = set_nb_xor,
    .nb_or = set_nb_or,
    .sq_length = set_len,
    .sq_contains = set_sq_contains,
    .tp_methods = frozenset_methods,
    .tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object",
};

int tn_set_init(void)
{
    if (tn_type_ready(&tn_set_type) < 0 || tn_type_ready(&tn_frozenset_type) < 0 ||
        tn_type_ready(&tn_set_iter_type) < 0)
        return -1;
    return 0;
}
