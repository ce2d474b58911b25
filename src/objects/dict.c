/* dict: CPython's compact ordered hash table (Objects/dictobject.c), for
 * both builds. Layout and invariants: dict_internal.h.
 *
 * Thread safety (ft build; the lock calls vanish in the gil build):
 *  - mutations hold the dict's object lock;
 *  - keys are hashed before locking; a lookup that must call a user __eq__
 *    drops the lock, compares, re-locks and retries if `version` moved;
 *  - lookups are lock-free for the owner thread and, once a first locked
 *    read marked the dict shared, for every thread: load the table with
 *    acquire, probe, take the value with a conditional increment
 *    (tn_slot_try_ref), and compare a non-identical key only with a
 *    reference held (compare_unlocked); iteration reads under the lock;
 *  - an old table is freed at once while the dict is unshared and ours,
 *    through tn_mem_free_deferred otherwise; removed keys/values are
 *    decref'd after tn_unlock.
 * No global mutable state. */
#include <string.h>
#include "dict_internal.h"

#define PERTURB_SHIFT 5
#define DKIX_USER (-4)      /* a compare needs user code (locked probes) */
#define DKIX_RESTART (-5)   /* the table changed under a user compare */
#define USABLE_FRACTION(n) (((n) << 1) / 3)

#define IX_LOAD(p) TN_SLOT_LOAD(p)
#define IX_STORE(p, v) TN_SLOT_STORE(p, v)

/* ---- tables ---------------------------------------------------------------- */

static DictKeys *keys_new(tn_ssize_t size)
{
    if (size > ((tn_ssize_t)1 << 30)) {
        tn_err_nomemory();
        return NULL;
    }
    tn_ssize_t usable = USABLE_FRACTION(size);
    size_t bytes = sizeof(DictKeys) + (size_t)size * sizeof(int32_t) +
                   (size_t)usable * sizeof(DictEntry);
    DictKeys *k = tn_mem_alloc(bytes);
    if (!k)
        return NULL;
    k->size = size;
    k->usable = usable;
    k->nentries = 0;
    k->bytes = bytes;
    memset(k->indices, 0xff, (size_t)size * sizeof(int32_t));   /* DKIX_EMPTY */
    memset(DK_ENTRIES(k), 0, (size_t)usable * sizeof(DictEntry));
    return k;
}

/* Free a table d stopped using (lock held, or released after the swap):
 * at once while only d's owner can be reading it (containers_internal.h). */
static void keys_release(TnDict *d, DictKeys *k)
{
    if (!k)
        return;
#ifdef TANDEM_FT
    if (!tn_buffer_private((TnObject *)d)) {
        tn_mem_free_deferred(k, k->bytes);
        return;
    }
#else
    (void)d;
#endif
    tn_mem_free(k);
}

/* First index slot that is not in use (EMPTY or DUMMY) for `hash`. */
static size_t find_empty_slot(DictKeys *k, tn_hash_t hash)
{
    size_t mask = (size_t)k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    while (IX_LOAD(&k->indices[i]) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The index slot that holds entry number ix. */
static size_t slot_of_entry(DictKeys *k, tn_hash_t hash, tn_ssize_t ix)
{
    size_t mask = (size_t)k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    while (IX_LOAD(&k->indices[i]) != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

static tn_ssize_t keysize_for(tn_ssize_t minsize)
{
    tn_ssize_t size = 8;
    while (size < minsize)
        size <<= 1;
    return size;
}

/* Rebuild the table with room for `minsize`-ish index slots; lock held. */
static int dict_resize(TnDict *d, tn_ssize_t minsize)
{
    DictKeys *old = tn_load_relaxed(&d->keys);
    tn_ssize_t used = tn_load_relaxed(&d->used);
    DictKeys *k = keys_new(keysize_for(minsize));
    if (!k)
        return -1;
    if (old) {
        DictEntry *src = DK_ENTRIES(old), *dst = DK_ENTRIES(k);
        tn_ssize_t n = 0;
        for (tn_ssize_t i = 0; i < old->nentries; i++) {
            if (!src[i].key)
                continue;
            dst[n] = src[i];
            size_t slot = find_empty_slot(k, src[i].hash);
            k->indices[slot] = (int32_t)n;
            n++;
        }
        k->nentries = n;
        k->usable -= n;
    }
    (void)used;
    tn_store_release(&d->keys, k);
    keys_release(d, old);
    return 0;
}

/* ---- comparing keys ----------------------------------------------------------- */

int tn_key_is_safe(TnObject *key)
{
    TnType *t = TN_TYPE(key);
    return t == &tn_str_type || t == &tn_int_type || t == &tn_float_type ||
           t == &tn_bool_type || key == tn_None;
}

/* 1 equal, 0 not, 2 needs user code. Never runs user code. */
static int keys_equal_safe(TnObject *a, TnObject *b)
{
    if (tn_str_check_exact(a) && tn_str_check_exact(b))
        return tn_str_eq(a, b);
    if (tn_key_is_safe(a) && tn_key_is_safe(b)) {
        int r = tn_object_richcompare_bool(a, b, TN_EQ);
        return r > 0;
    }
    return 2;
}

/* How probe may compare a key that has the right hash but is not the same
 * object: with the lock held (no user code), without it (user __eq__
 * allowed), or without it and without user code. */
enum { PROBE_LOCKED, PROBE_UNLOCKED, PROBE_NO_USER };

/* Compare key with ek, the key of entry e of table k, read without the lock.
 * ek may die the moment after we loaded it, and its memory be reused for a
 * new object at once (the int and float free lists do that, freelist.h):
 * nothing of it is read before we hold a reference.
 * 1 equal, 0 not, DKIX_USER (user code needed but not allowed), DKIX_ERROR,
 * or DKIX_RESTART when the entry changed under us. */
static tn_ssize_t compare_unlocked(TnDict *d, DictKeys *k, DictEntry *e, TnObject *ek,
                                   TnObject *key, int user_ok)
{
    int held = 0;   /* gil: only a user __eq__ (which may drop the key) needs it */
#ifdef TANDEM_FT
    if (!tn_try_incref(ek))
        return DKIX_RESTART;
    held = 1;
    if (TN_SLOT_LOAD(&e->key) != ek) {
        tn_decref(ek);
        return DKIX_RESTART;
    }
#endif
    tn_ssize_t r = keys_equal_safe(ek, key);
    if (r == 2 && !user_ok) {
        r = DKIX_USER;
    } else if (r == 2) {
        if (!held) {
            tn_incref(ek);
            held = 1;
        }
        int c = tn_object_richcompare_bool(ek, key, TN_EQ);
        if (c < 0)
            r = DKIX_ERROR;
        else if (tn_load_acquire(&d->keys) != k || TN_SLOT_LOAD(&e->key) != ek)
            r = DKIX_RESTART;
        else
            r = c;
    }
    if (held)
        tn_decref(ek);
    return r;
}

/* Probe table k for key. Returns an entry number, DKIX_EMPTY, DKIX_USER
 * (PROBE_LOCKED, PROBE_NO_USER) when a user __eq__ would be needed, or
 * (unlocked) DKIX_ERROR or DKIX_RESTART (start over: the table changed). */
static tn_ssize_t probe(TnDict *d, DictKeys *k, TnObject *key, tn_hash_t hash, int mode)
{
    DictEntry *entries = DK_ENTRIES(k);
    size_t mask = (size_t)k->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        int32_t ix = IX_LOAD(&k->indices[i]);
        if (ix == DKIX_EMPTY)
            return DKIX_EMPTY;
        if (ix >= 0) {
            DictEntry *e = &entries[ix];
            TnObject *ek = TN_SLOT_LOAD(&e->key);
            if (ek == key)
                return ix;
            if (ek && TN_SLOT_LOAD_RELAXED(&e->hash) == hash) {
                tn_ssize_t r = mode == PROBE_LOCKED
                    ? keys_equal_safe(ek, key)
                    : compare_unlocked(d, k, e, ek, key, mode == PROBE_UNLOCKED);
                if (r == 1)
                    return ix;
                if (r == 2)
                    return DKIX_USER;
                if (r != 0)
                    return r;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Lock-free lookup: entry number in *kp's table, DKIX_EMPTY or DKIX_ERROR. */
static tn_ssize_t lookup_unlocked(TnDict *d, TnObject *key, tn_hash_t hash, DictKeys **kp)
{
    for (;;) {
        DictKeys *k = tn_load_acquire(&d->keys);
        *kp = k;
        if (!k)
            return DKIX_EMPTY;
        tn_ssize_t ix = probe(d, k, key, hash, PROBE_UNLOCKED);
        if (ix != DKIX_RESTART)
            return ix;
    }
}

/* Lookup with the lock held on entry. Returns with the lock held, except on
 * DKIX_ERROR (lock released). User compares run with the lock dropped; the
 * result is used only if no mutation happened meanwhile (version). */
static tn_ssize_t lookup_locked(TnDict *d, TnObject *key, tn_hash_t hash)
{
    for (;;) {
        DictKeys *k = tn_load_relaxed(&d->keys);
        if (!k)
            return DKIX_EMPTY;
        tn_ssize_t ix = probe(d, k, key, hash, PROBE_LOCKED);
        if (ix != DKIX_USER)
            return ix;
        uint64_t ver = tn_load_relaxed(&d->version);
#ifdef TANDEM_FT
        tn_mark_shared((TnObject *)d);   /* we read the table unlocked now */
#endif
        tn_unlock((TnObject *)d);
        ix = lookup_unlocked(d, key, hash, &k);
        if (ix == DKIX_ERROR)
            return DKIX_ERROR;
        tn_lock((TnObject *)d);
        if (tn_load_relaxed(&d->version) == ver)
            return ix;
    }
}

static inline void bump_version(TnDict *d)
{
    tn_store_relaxed(&d->version, tn_load_relaxed(&d->version) + 1);
}

/* ---- C API ---------------------------------------------------------------------- */

static TnObject *dict_alloc(TnType *t)
{
    return tn_object_alloc(t, t->tp_basicsize);
}

TnObject *tn_dict_new(void)
{
    return dict_alloc(&tn_dict_type);
}

tn_ssize_t tn_dict_size(TnObject *d)
{
    return tn_load_relaxed(&DICT(d)->used);
}

tn_ssize_t tn_dict_nentries(TnObject *d)
{
    tn_lock(d);
    DictKeys *k = tn_load_relaxed(&DICT(d)->keys);
    tn_ssize_t n = k ? TN_SLOT_LOAD_RELAXED(&k->nentries) : 0;
    tn_unlock(d);
    return n;
}

/* The one place values are read without the lock.
 * TODO(next issue, ft): make this the conditional increment that fails on
 * an object whose count reached zero (removed and being freed), and on
 * failure redo the lookup under tn_lock(d). */
static inline TnObject *dict_value_ref(DictEntry *e)
{
    TnObject *v = TN_SLOT_LOAD(&e->value);
    if (v)
        tn_incref(v);
    return v;
}

#ifdef TANDEM_FT
/* The value of entry ix of table k, read without the lock, as a new
 * reference in *out: 1, or 0 when it must be read again under the lock.
 * Besides the slot, the dict must still use k: a table it has retired
 * keeps its old pointers, and the object one of them names may have died
 * and its memory been reused as another object of its type (freelist.h),
 * which the conditional increment would then take. */
static int value_try_ref(TnDict *d, DictKeys *k, tn_ssize_t ix, TnObject **out)
{
    if (!tn_slot_try_ref(&DK_ENTRIES(k)[ix].value, out))
        return 0;
    if (atomic_load(&d->keys) == k)   /* seq_cst, like the slot re-check */
        return 1;
    TN_XDECREF(*out);
    *out = NULL;
    return 0;
}
#endif

int tn_dict_get_ref_hash(TnObject *d, TnObject *key, tn_hash_t hash, TnObject **out)
{
    *out = NULL;
#ifdef TANDEM_FT
    if (tn_unlocked_read_ok(d)) {
        /* Lock-free first (see dict_value_try_ref); if the value was being
         * replaced and freed, look up again under the lock. */
        DictKeys *k;
        tn_ssize_t ix = lookup_unlocked(DICT(d), key, hash, &k);
        if (ix == DKIX_ERROR)
            return -1;
        if (ix < 0)
            return 0;
        if (value_try_ref(DICT(d), k, ix, out))
            return *out != NULL;
    }
    tn_lock(d);
    tn_mark_shared(d);   /* the next reads are lock-free */
    tn_ssize_t lix = lookup_locked(DICT(d), key, hash);
    if (lix == DKIX_ERROR)
        return -1;
    if (lix >= 0) {
        DictKeys *lk = tn_load_relaxed(&DICT(d)->keys);
        *out = dict_value_ref(&DK_ENTRIES(lk)[lix]);
    }
    tn_unlock(d);
    return *out != NULL;
#endif
    DictKeys *k;
    tn_ssize_t ix = lookup_unlocked(DICT(d), key, hash, &k);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix < 0)
        return 0;
    *out = dict_value_ref(&DK_ENTRIES(k)[ix]);
    return *out != NULL;
}

int tn_dict_get_ref(TnObject *d, TnObject *key, TnObject **out)
{
    tn_hash_t h = tn_object_hash(key);
    if (h == -1) {
        *out = NULL;
        return -1;
    }
    return tn_dict_get_ref_hash(d, key, h, out);
}

int tn_dict_get_ref_str(TnObject *d, const char *key, TnObject **out)
{
    TnObject *s = tn_str_from_cstr(key);
    if (!s) {
        *out = NULL;
        return -1;
    }
    int r = tn_dict_get_ref(d, s, out);
    tn_decref(s);
    return r;
}

TnObject *tn_dict_get_str_known(TnObject *d, TnObject *str_key)
{
    tn_hash_t hash = tn_str_hash(str_key);
    TnObject *v;
#ifdef TANDEM_FT
    if (!tn_unlocked_read_ok(d))   /* the general path takes the lock */
        return tn_dict_get_ref_hash(d, str_key, hash, &v) > 0 ? v : NULL;
#endif
    DictKeys *k = tn_load_acquire(&DICT(d)->keys);
    if (!k)
        return NULL;
    /* Lock-free: str keys compare by content, no user code; a table
     * replaced meanwhile stays readable for a grace period (ft). */
    tn_ssize_t ix = probe(DICT(d), k, str_key, hash, PROBE_NO_USER);
    if (ix >= 0) {
#ifdef TANDEM_FT
        if (value_try_ref(DICT(d), k, ix, &v))
            return v;
        /* being replaced: the general path below reads under the lock */
#else
        return dict_value_ref(&DK_ENTRIES(k)[ix]);
#endif
    } else if (ix == DKIX_EMPTY) {
        return NULL;
    }
    /* A non-str key with the same hash: CPython runs its __eq__ too. */
    return tn_dict_get_ref_hash(d, str_key, hash, &v) > 0 ? v : NULL;
}

int tn_dict_contains(TnObject *d, TnObject *key)
{
    tn_hash_t h = tn_object_hash(key);
    if (h == -1)
        return -1;
#ifdef TANDEM_FT
    /* Probing increfs keys it compares; do it under the lock (see
     * tn_dict_get_ref_hash). */
    tn_lock(d);
    tn_ssize_t lix = lookup_locked(DICT(d), key, h);
    if (lix == DKIX_ERROR)
        return -1;
    tn_unlock(d);
    return lix >= 0;
#endif
    DictKeys *k;
    tn_ssize_t ix = lookup_unlocked(DICT(d), key, h, &k);
    if (ix == DKIX_ERROR)
        return -1;
    return ix >= 0 && TN_SLOT_LOAD(&DK_ENTRIES(k)[ix].value) != NULL;
}

/* Insert a new entry (key not present); lock held; steals key and value. */
static int insert_new(TnDict *d, TnObject *key, tn_hash_t hash, TnObject *value)
{
    DictKeys *k = tn_load_relaxed(&d->keys);
    if (!k || k->usable <= 0) {
        tn_ssize_t used = tn_load_relaxed(&d->used);
        if (dict_resize(d, used * 3 < 8 ? 8 : used * 3) < 0)
            return -1;
        k = tn_load_relaxed(&d->keys);
    }
    tn_ssize_t n = k->nentries;
    DictEntry *e = &DK_ENTRIES(k)[n];
    TN_SLOT_STORE(&e->hash, hash);
    TN_SLOT_STORE(&e->key, key);
    TN_SLOT_STORE(&e->value, value);
    size_t slot = find_empty_slot(k, hash);
    IX_STORE(&k->indices[slot], (int32_t)n);   /* publishes the entry */
    TN_SLOT_STORE(&k->nentries, n + 1);
    k->usable--;
    tn_store_relaxed(&d->used, tn_load_relaxed(&d->used) + 1);
    bump_version(d);
    return 0;
}

int tn_dict_setitem_hash(TnObject *self, TnObject *key, tn_hash_t hash, TnObject *value)
{
    TnDict *d = DICT(self);
    tn_incref(key);
    tn_incref(value);
    tn_lock(self);
    tn_ssize_t ix = lookup_locked(d, key, hash);
    if (ix == DKIX_ERROR)
        goto error_unlocked;
    if (ix >= 0) {
        DictEntry *e = &DK_ENTRIES(tn_load_relaxed(&d->keys))[ix];
        TnObject *old = TN_SLOT_LOAD_RELAXED(&e->value);
        TN_SLOT_STORE(&e->value, value);
        bump_version(d);
        tn_unlock(self);
        tn_decref(old);
        tn_decref(key);
        return 0;
    }
    if (insert_new(d, key, hash, value) < 0) {
        tn_unlock(self);
        goto error_unlocked;
    }
    tn_unlock(self);
    return 0;
error_unlocked:
    tn_decref(key);
    tn_decref(value);
    return -1;
}

int tn_dict_setitem(TnObject *d, TnObject *key, TnObject *value)
{
    tn_hash_t h = tn_object_hash(key);
    if (h == -1)
        return -1;
    return tn_dict_setitem_hash(d, key, h, value);
}

int tn_dict_setitem_str(TnObject *d, const char *key, TnObject *value)
{
    TnObject *s = tn_str_from_cstr(key);
    if (!s)
        return -1;
    int r = tn_dict_setitem(d, s, value);
    tn_decref(s);
    return r;
}

/* Remove entry ix (lock held); the old key/value go to *ok and *ov. */
static void delete_entry(TnDict *d, tn_ssize_t ix, TnObject **ok, TnObject **ov)
{
    DictKeys *k = tn_load_relaxed(&d->keys);
    DictEntry *e = &DK_ENTRIES(k)[ix];
    size_t slot = slot_of_entry(k, e->hash, ix);
    IX_STORE(&k->indices[slot], DKIX_DUMMY);
    *ok = TN_SLOT_LOAD_RELAXED(&e->key);
    *ov = TN_SLOT_LOAD_RELAXED(&e->value);
    TN_SLOT_STORE(&e->key, (TnObject *)NULL);
    TN_SLOT_STORE(&e->value, (TnObject *)NULL);
    tn_store_relaxed(&d->used, tn_load_relaxed(&d->used) - 1);
    bump_version(d);
}

/* Pop key: 1 found (*value = new ref), 0 missing, -1 error. */
static int dict_pop_hash(TnObject *self, TnObject *key, tn_hash_t hash, TnObject **value)
{
    TnDict *d = DICT(self);
    TnObject *ok = NULL;
    *value = NULL;
    tn_lock(self);
    tn_ssize_t ix = lookup_locked(d, key, hash);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix >= 0)
        delete_entry(d, ix, &ok, value);
    tn_unlock(self);
    TN_XDECREF(ok);
    return ix >= 0;
}

int tn_dict_delitem(TnObject *d, TnObject *key)
{
    tn_hash_t h = tn_object_hash(key);
    if (h == -1)
        return -1;
    TnObject *v;
    int r = dict_pop_hash(d, key, h, &v);
    if (r < 0)
        return -1;
    if (r == 0) {
        tn_err_set_key(key);
        return -1;
    }
    tn_decref(v);
    return 0;
}

int tn_dict_delitem_str(TnObject *d, const char *key)
{
    TnObject *s = tn_str_from_cstr(key);
    if (!s)
        return -1;
    int r = tn_dict_delitem(d, s);
    tn_decref(s);
    return r;
}

TnObject *tn_dict_pop(TnObject *d, TnObject *key, TnObject *dflt)
{
    tn_hash_t h = tn_object_hash(key);
    if (h == -1)
        return NULL;
    TnObject *v;
    int r = dict_pop_hash(d, key, h, &v);
    if (r < 0)
        return NULL;
    if (r == 0) {
        if (dflt)
            return tn_newref(dflt);
        tn_err_set_key(key);
        return NULL;
    }
    return v;
}

TnObject *tn_dict_popitem(TnObject *self)
{
    TnDict *d = DICT(self);
    tn_lock(self);
    DictKeys *k = tn_load_relaxed(&d->keys);
    if (tn_load_relaxed(&d->used) == 0 || !k) {
        tn_unlock(self);
        return tn_err_format(&tn_exc_KeyError, "popitem(): dictionary is empty");
    }
    tn_ssize_t i = k->nentries - 1;
    while (i >= 0 && !DK_ENTRIES(k)[i].key)
        i--;
    TnObject *key, *value;
    delete_entry(d, i, &key, &value);
    /* the dummy stays in indices, so usable is not given back */
    TN_SLOT_STORE(&k->nentries, i);
    tn_unlock(self);
    TnObject *t = tn_tuple_new(2);
    if (!t) {
        tn_decref(key);
        tn_decref(value);
        return NULL;
    }
    TN_TUPLE_SET(t, 0, key);
    TN_TUPLE_SET(t, 1, value);
    return t;
}

TnObject *tn_dict_setdefault(TnObject *self, TnObject *key, TnObject *dflt)
{
    tn_hash_t hash = tn_object_hash(key);
    if (hash == -1)
        return NULL;
    TnDict *d = DICT(self);
    tn_lock(self);
    tn_ssize_t ix = lookup_locked(d, key, hash);
    if (ix == DKIX_ERROR)
        return NULL;
    TnObject *r;
    if (ix >= 0) {
        r = tn_newref(DK_ENTRIES(tn_load_relaxed(&d->keys))[ix].value);
    } else {
        if (insert_new(d, tn_newref(key), hash, tn_newref(dflt)) < 0) {
            tn_unlock(self);
            tn_decref(key);
            tn_decref(dflt);
            return NULL;
        }
        r = tn_newref(dflt);
    }
    tn_unlock(self);
    return r;
}

void tn_dict_clear(TnObject *self)
{
    TnDict *d = DICT(self);
    tn_lock(self);
    DictKeys *k = tn_load_relaxed(&d->keys);
    tn_store_release(&d->keys, (DictKeys *)NULL);
    tn_store_relaxed(&d->used, 0);
    bump_version(d);
    tn_unlock(self);
    if (!k)
        return;
    for (tn_ssize_t i = 0; i < k->nentries; i++) {
        DictEntry *e = &DK_ENTRIES(k)[i];
        TN_XDECREF(e->key);
        TN_XDECREF(e->value);
    }
    keys_release(DICT(self), k);
}

int tn_dict_snapshot(TnObject *self, DictSnapshot *s)
{
    memset(s, 0, sizeof(*s));
    tn_lock(self);
    DictKeys *k = tn_load_relaxed(&DICT(self)->keys);
    tn_ssize_t n = tn_load_relaxed(&DICT(self)->used);
    if (n > 0) {
        s->keys = tn_mem_alloc((size_t)n * sizeof(TnObject *));
        s->values = tn_mem_alloc((size_t)n * sizeof(TnObject *));
        s->hashes = tn_mem_alloc((size_t)n * sizeof(tn_hash_t));
        if (!s->keys || !s->values || !s->hashes) {
            tn_unlock(self);
            tn_dict_snapshot_release(s);
            return -1;
        }
        for (tn_ssize_t i = 0; i < k->nentries; i++) {
            DictEntry *e = &DK_ENTRIES(k)[i];
            if (!e->key)
                continue;
            s->keys[s->n] = tn_newref(e->key);
            s->values[s->n] = tn_newref(e->value);
            s->hashes[s->n] = e->hash;
            s->n++;
        }
    }
    tn_unlock(self);
    return 0;
}

void tn_dict_snapshot_release(DictSnapshot *s)
{
    for (tn_ssize_t i = 0; i < s->n; i++) {
        tn_decref(s->keys[i]);
        tn_decref(s->values[i]);
    }
    tn_mem_free(s->keys);
    tn_mem_free(s->values);
    tn_mem_free(s->hashes);
    memset(s, 0, sizeof(*s));
}

TnObject *tn_dict_copy(TnObject *self)
{
    TnObject *r = tn_dict_new();
    if (!r)
        return NULL;
    tn_lock(self);
    DictKeys *k = tn_load_relaxed(&DICT(self)->keys);
    tn_ssize_t used = tn_load_relaxed(&DICT(self)->used);
    if (k && used > 0) {
        /* private new dict: fill without locking it */
        if (dict_resize(DICT(r), used * 3 / 2 + 1 < 8 ? 8 : used * 3 / 2 + 1) < 0) {
            tn_unlock(self);
            tn_decref(r);
            return NULL;
        }
        DictKeys *nk = tn_load_relaxed(&DICT(r)->keys);
        while (nk->usable < used) {   /* keysize_for rounding: make sure it fits */
            if (dict_resize(DICT(r), nk->size * 2) < 0) {
                tn_unlock(self);
                tn_decref(r);
                return NULL;
            }
            nk = tn_load_relaxed(&DICT(r)->keys);
        }
        for (tn_ssize_t i = 0; i < k->nentries; i++) {
            DictEntry *e = &DK_ENTRIES(k)[i];
            if (e->key)
                insert_new(DICT(r), tn_newref(e->key), e->hash, tn_newref(e->value));
        }
    }
    tn_unlock(self);
    return r;
}

int tn_dict_next(TnObject *d, tn_ssize_t *pos, TnObject **key, TnObject **value)
{
    TnObject *k, *v;
    if (!tn_dict_iter_entry(d, pos, &k, &v))
        return 0;
    if (key)
        *key = k;
    else
        tn_decref(k);
    if (value)
        *value = v;
    else
        tn_decref(v);
    return 1;
}

int tn_dict_iter_entry(TnObject *d, tn_ssize_t *pos, TnObject **key, TnObject **value)
{
    tn_lock(d);    /* ft: keys and values are increfed under the lock */
    DictKeys *k = tn_load_acquire(&DICT(d)->keys);
    if (!k) {
        tn_unlock(d);
        return 0;
    }
    tn_ssize_t n = TN_SLOT_LOAD(&k->nentries);
    for (tn_ssize_t i = *pos; i < n; i++) {
        DictEntry *e = &DK_ENTRIES(k)[i];
        TnObject *ek = TN_SLOT_LOAD(&e->key);
        if (!ek)
            continue;
        TnObject *v = dict_value_ref(e);
        if (!v)
            continue;
        tn_incref(ek);   /* TODO(next issue, ft): conditional increment */
        *key = ek;
        *value = v;
        *pos = i + 1;
        tn_unlock(d);
        return 1;
    }
    *pos = n;
    tn_unlock(d);
    return 0;
}

int tn_dict_iter_entry_rev(TnObject *d, tn_ssize_t *pos, TnObject **key, TnObject **value)
{
    tn_lock(d);    /* ft: keys and values are increfed under the lock */
    DictKeys *k = tn_load_acquire(&DICT(d)->keys);
    if (!k) {
        tn_unlock(d);
        return 0;
    }
    tn_ssize_t n = TN_SLOT_LOAD(&k->nentries);
    if (*pos >= n)
        *pos = n - 1;
    for (tn_ssize_t i = *pos; i >= 0; i--) {
        DictEntry *e = &DK_ENTRIES(k)[i];
        TnObject *ek = TN_SLOT_LOAD(&e->key);
        if (!ek)
            continue;
        TnObject *v = dict_value_ref(e);
        if (!v)
            continue;
        tn_incref(ek);
        *key = ek;
        *value = v;
        *pos = i - 1;
        tn_unlock(d);
        return 1;
    }
    *pos = -1;
    tn_unlock(d);
    return 0;
}

static TnObject *snapshot_list(TnObject *d, int which)
{
    DictSnapshot s;
    if (tn_dict_snapshot(d, &s) < 0)
        return NULL;
    TnObject *l = tn_list_new(s.n);
    for (tn_ssize_t i = 0; l && i < s.n; i++) {
        TnObject *item;
        if (which == 0)
            item = tn_newref(s.keys[i]);
        else if (which == 1)
            item = tn_newref(s.values[i]);
        else
            item = tn_tuple_pack(2, s.keys[i], s.values[i]);
        if (!item) {
            TN_CLEAR(l);   /* items not yet set are NULL: list dealloc skips them */
            break;
        }
        TN_LIST_SET_UNSAFE(l, i, item);
    }
    tn_dict_snapshot_release(&s);
    return l;
}

TnObject *tn_dict_keys_list(TnObject *d) { return snapshot_list(d, 0); }
TnObject *tn_dict_values_list(TnObject *d) { return snapshot_list(d, 1); }
TnObject *tn_dict_items_list(TnObject *d) { return snapshot_list(d, 2); }

int tn_dict_merge(TnObject *d, TnObject *other, int override)
{
    if (tn_dict_check(other)) {
        DictSnapshot s;
        if (tn_dict_snapshot(other, &s) < 0)
            return -1;
        int r = 0;
        for (tn_ssize_t i = 0; i < s.n && r == 0; i++) {
            if (!override) {
                TnObject *v;
                int has = tn_dict_get_ref_hash(d, s.keys[i], s.hashes[i], &v);
                if (has < 0) {
                    r = -1;
                    break;
                }
                TN_XDECREF(v);
                if (has)
                    continue;
            }
            r = tn_dict_setitem_hash(d, s.keys[i], s.hashes[i], s.values[i]);
        }
        tn_dict_snapshot_release(&s);
        return r;
    }
    /* generic mapping: keys() then other[key] */
    TnObject *keys = tn_call_method(other, TN_ID(keys), NULL, 0);
    if (!keys)
        return -1;
    TnObject *it = tn_object_iter(keys);
    tn_decref(keys);
    if (!it)
        return -1;
    TnObject *k;
    while ((k = tn_iter_next(it))) {
        if (!override) {
            int has = tn_dict_contains(d, k);
            if (has != 0) {
                tn_decref(k);
                if (has < 0)
                    goto error;
                continue;
            }
        }
        TnObject *v = tn_object_getitem(other, k);
        int r = v ? tn_dict_setitem(d, k, v) : -1;
        TN_XDECREF(v);
        tn_decref(k);
        if (r < 0)
            goto error;
    }
    tn_decref(it);
    return tn_err_occurred() ? -1 : 0;
error:
    tn_decref(it);
    return -1;
}

/* dict.update(seq) with an iterable of pairs. */
static int merge_from_seq2(TnObject *d, TnObject *seq)
{
    TnObject *it = tn_object_iter(seq);
    if (!it)
        return -1;
    tn_ssize_t i = 0;
    TnObject *item;
    while ((item = tn_iter_next(it))) {
        TnObject *fast = NULL;
        if (tn_tuple_check(item) || tn_list_check(item)) {
            fast = tn_list_check(item) ? tn_list_as_tuple(item) : tn_newref(item);
        } else {
            TnObject *iit = tn_object_iter(item);
            if (!iit) {
                if (tn_err_matches(&tn_exc_TypeError)) {
                    tn_err_clear();
                    tn_err_format(&tn_exc_TypeError,
                                  "cannot convert dictionary update sequence element #%zd to a sequence",
                                  i);
                }
                tn_decref(item);
                goto error;
            }
            tn_decref(iit);
            fast = tn_sequence_tuple(item);
        }
        tn_decref(item);
        if (!fast)
            goto error;
        if (TN_TUPLE_SIZE(fast) != 2) {
            tn_err_format(&tn_exc_ValueError,
                          "dictionary update sequence element #%zd has length %zd; 2 is required",
                          i, TN_TUPLE_SIZE(fast));
            tn_decref(fast);
            goto error;
        }
        int r = tn_dict_setitem(d, TN_TUPLE_GET(fast, 0), TN_TUPLE_GET(fast, 1));
        tn_decref(fast);
        if (r < 0)
            goto error;
        i++;
    }
    tn_decref(it);
    return tn_err_occurred() ? -1 : 0;
error:
    tn_decref(it);
    return -1;
}

int tn_dict_update(TnObject *d, TnObject *other)
{
    if (tn_dict_check(other))
        return tn_dict_merge(d, other, 1);
    int has_keys = tn_object_hasattr(other, TN_ID(keys));
    if (has_keys < 0)
        return -1;
    if (has_keys)
        return tn_dict_merge(d, other, 1);
    return merge_from_seq2(d, other);
}

/* ---- type slots -------------------------------------------------------------------- */

static void dict_dealloc(TnObject *o)
{
    TnDict *d = DICT(o);
    DictKeys *k = tn_load_relaxed(&d->keys);
    if (k) {
        for (tn_ssize_t i = 0; i < k->nentries; i++) {
            DictEntry *e = &DK_ENTRIES(k)[i];
            TN_XDECREF(e->key);
            TN_XDECREF(e->value);
        }
        tn_mem_free(k);   /* no reader can hold a dict whose count reached zero */
    }
    tn_object_free(o);
}

static int dict_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    DictKeys *k = tn_load_relaxed(&DICT(o)->keys);
    if (!k)
        return 0;
    for (tn_ssize_t i = 0; i < k->nentries; i++) {
        DictEntry *e = &DK_ENTRIES(k)[i];
        int r;
        if (e->key && ((r = visit(e->key, arg)) || (r = visit(e->value, arg))))
            return r;
    }
    return 0;
}

static int dict_tp_clear(TnObject *o)
{
    tn_dict_clear(o);
    return 0;
}

static TnObject *dict_repr(TnObject *o)
{
    if (tn_dict_size(o) == 0)
        return tn_str_from_cstr("{}");
    int r = tn_repr_enter(o);
    if (r != 0)
        return r > 0 ? tn_str_from_cstr("{...}") : NULL;
    TnStrBuilder b;
    tn_sb_init(&b);
    tn_ssize_t pos = 0;
    TnObject *k = NULL, *v = NULL;
    int first = 1;
    if (tn_sb_append_cstr(&b, "{") < 0)
        goto error;
    while (tn_dict_iter_entry(o, &pos, &k, &v)) {
        if (!first && tn_sb_append_cstr(&b, ", ") < 0)
            goto error;
        first = 0;
        if (tn_enter_recursive_call(" while getting the repr of an object") < 0)
            goto error;
        TnObject *ks = tn_object_repr(k);
        TnObject *vs = ks ? tn_object_repr(v) : NULL;
        tn_leave_recursive_call();
        int rc = vs ? 0 : -1;
        if (!rc)
            rc = tn_sb_append_str(&b, ks) < 0 || tn_sb_append_cstr(&b, ": ") < 0 ||
                 tn_sb_append_str(&b, vs) < 0 ? -1 : 0;
        TN_XDECREF(ks);
        TN_XDECREF(vs);
        TN_CLEAR(k);
        TN_CLEAR(v);
        if (rc < 0)
            goto error;
    }
    if (tn_sb_append_cstr(&b, "}") < 0)
        goto error;
    tn_repr_leave(o);
    return tn_sb_finish(&b);
error:
    TN_XDECREF(k);
    TN_XDECREF(v);
    tn_repr_leave(o);
    tn_sb_discard(&b);
    return NULL;
}

static tn_ssize_t dict_length(TnObject *o) { return tn_dict_size(o); }

TnObject *tn_dict_subscript(TnObject *d, TnObject *key)
{
    tn_hash_t h = tn_object_hash(key);
    if (h == -1)
        return NULL;
    TnObject *v;
    int r = tn_dict_get_ref_hash(d, key, h, &v);
    if (r > 0)
        return v;
    if (r < 0)
        return NULL;
    if (!tn_dict_check_exact(d)) {
        TnObject *missing = tn_type_lookup(TN_TYPE(d), TN_ID(__missing__));
        if (missing) {
            TnObject *args[2] = { d, key };
            return tn_call(missing, args, 2, NULL);
        }
    }
    tn_err_set_key(key);
    return NULL;
}

static int dict_ass_subscript(TnObject *d, TnObject *key, TnObject *value)
{
    if (value)
        return tn_dict_setitem(d, key, value);
    return tn_dict_delitem(d, key);
}

static int dict_sq_contains(TnObject *d, TnObject *key)
{
    return tn_dict_contains(d, key);
}

static TnObject *dict_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_dict_check(a) || !tn_dict_check(b) || (op != TN_EQ && op != TN_NE))
        return tn_newref(tn_NotImplemented);
    int eq = 1;
    if (a != b) {
        if (tn_dict_size(a) != tn_dict_size(b)) {
            eq = 0;
        } else {
            DictSnapshot s;
            if (tn_dict_snapshot(a, &s) < 0)
                return NULL;
            for (tn_ssize_t i = 0; i < s.n && eq == 1; i++) {
                TnObject *bv;
                int r = tn_dict_get_ref_hash(b, s.keys[i], s.hashes[i], &bv);
                if (r <= 0) {
                    eq = r;
                    break;
                }
                eq = tn_object_richcompare_bool(s.values[i], bv, TN_EQ);
                tn_decref(bv);
            }
            tn_dict_snapshot_release(&s);
            if (eq < 0)
                return NULL;
        }
    }
    return tn_bool_from(op == TN_EQ ? eq : !eq);
}

static TnObject *dict_iter(TnObject *d)
{
    return tn_dict_iter_new(d, &tn_dict_keyiter_type);
}

static TnObject *dict_nb_or(TnObject *a, TnObject *b)
{
    if (!tn_dict_check(a) || !tn_dict_check(b))
        return tn_newref(tn_NotImplemented);
    TnObject *r;
    if (tn_dict_check_exact(a)) {
        r = tn_dict_copy(a);
    } else {
        r = tn_call_noargs((TnObject *)TN_TYPE(a));
        if (r && tn_dict_update(r, a) < 0)
            TN_CLEAR(r);
    }
    if (r && tn_dict_update(r, b) < 0)
        TN_CLEAR(r);
    return r;
}

static TnObject *dict_nb_inplace_or(TnObject *a, TnObject *b)
{
    if (!tn_dict_check(a))
        return tn_newref(tn_NotImplemented);
    if (tn_dict_update(a, b) < 0)
        return NULL;
    return tn_newref(a);
}

/* ---- methods ------------------------------------------------------------------------ */

static TnObject *m_get(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("get", nargs, 1, 2) < 0)
        return NULL;
    TnObject *v;
    int r = tn_dict_get_ref(self, args[0], &v);
    if (r < 0)
        return NULL;
    if (r)
        return v;
    return tn_newref(nargs == 2 ? args[1] : tn_None);
}

static TnObject *m_setdefault(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("setdefault", nargs, 1, 2) < 0)
        return NULL;
    return tn_dict_setdefault(self, args[0], nargs == 2 ? args[1] : tn_None);
}

static TnObject *m_pop(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("pop", nargs, 1, 2) < 0)
        return NULL;
    return tn_dict_pop(self, args[0], nargs == 2 ? args[1] : NULL);
}

static TnObject *m_popitem(TnObject *self, TnObject *unused) { return tn_dict_popitem(self); }
static TnObject *m_keys(TnObject *self, TnObject *unused)
{
    return tn_dict_view_new(self, &tn_dict_keys_type);
}
static TnObject *m_values(TnObject *self, TnObject *unused)
{
    return tn_dict_view_new(self, &tn_dict_values_type);
}
static TnObject *m_items(TnObject *self, TnObject *unused)
{
    return tn_dict_view_new(self, &tn_dict_items_type);
}

/* update(*args, **kwargs) and dict(...)'s __init__ share this. */
static int update_common(TnObject *self, const char *name, TnObject *const *args, size_t nargs,
                         TnObject *kwnames)
{
    if (tn_check_nargs(name, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 1 && tn_dict_update(self, args[0]) < 0)
        return -1;
    if (kwnames)
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(kwnames); i++)
            if (tn_dict_setitem(self, TN_TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0)
                return -1;
    return 0;
}

static TnObject *m_update(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (update_common(self, "update", args, nargs, kwnames) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_clear(TnObject *self, TnObject *unused)
{
    tn_dict_clear(self);
    TN_RETURN_NONE;
}

static TnObject *m_copy(TnObject *self, TnObject *unused) { return tn_dict_copy(self); }

static TnObject *m_fromkeys(TnObject *cls, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("fromkeys", nargs, 1, 2) < 0)
        return NULL;
    TnObject *value = nargs == 2 ? args[1] : tn_None;
    TnObject *d = tn_call_noargs(cls);
    if (!d)
        return NULL;
    TnObject *it = tn_object_iter(args[0]);
    if (!it)
        goto error;
    TnObject *k;
    while ((k = tn_iter_next(it))) {
        int r = tn_dict_check_exact(d) ? tn_dict_setitem(d, k, value)
                                       : tn_object_setitem(d, k, value);
        tn_decref(k);
        if (r < 0) {
            tn_decref(it);
            goto error;
        }
    }
    tn_decref(it);
    if (tn_err_occurred())
        goto error;
    return d;
error:
    tn_decref(d);
    return NULL;
}

static TnObject *m_contains(TnObject *self, TnObject *key)
{
    int r = tn_dict_contains(self, key);
    return r < 0 ? NULL : tn_bool_from(r);
}

static TnObject *m_getitem(TnObject *self, TnObject *key)
{
    return tn_dict_subscript(self, key);
}

static TnObject *m_reversed(TnObject *self, TnObject *unused)
{
    return tn_dict_iter_new(self, &tn_dict_revkeyiter_type);
}

static TnObject *m_sizeof(TnObject *self, TnObject *unused)
{
    DictKeys *k = tn_load_relaxed(&DICT(self)->keys);
    return tn_int_from_i64((int64_t)(sizeof(TnDict) + (k ? k->bytes : 0)));
}

static const TnMethodDef dict_methods[] = {
    { "get", (void *)m_get, TN_METH_FAST, "Return the value for key if key is in the dictionary, else default." },
    { "setdefault", (void *)m_setdefault, TN_METH_FAST, "Insert key with a value of default if key is not in the dictionary." },
    { "pop", (void *)m_pop, TN_METH_FAST, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value." },
    { "popitem", (void *)m_popitem, TN_METH_NOARGS, "Remove and return a (key, value) pair as a 2-tuple." },
    { "keys", (void *)m_keys, TN_METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys" },
    { "values", (void *)m_values, TN_METH_NOARGS, "D.values() -> an object providing a view on D's values" },
    { "items", (void *)m_items, TN_METH_NOARGS, "D.items() -> a set-like object providing a view on D's items" },
    { "update", (void *)m_update, TN_METH_FASTKW, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F." },
    { "clear", (void *)m_clear, TN_METH_NOARGS, "D.clear() -> None.  Remove all items from D." },
    { "copy", (void *)m_copy, TN_METH_NOARGS, "D.copy() -> a shallow copy of D" },
    { "fromkeys", (void *)m_fromkeys, TN_METH_FAST | TN_METH_CLASS, "Create a new dictionary with keys from iterable and values set to value." },
    { "__contains__", (void *)m_contains, TN_METH_O, "True if the dictionary has the specified key, else False." },
    { "__getitem__", (void *)m_getitem, TN_METH_O, "x.__getitem__(y) <==> x[y]" },
    { "__reversed__", (void *)m_reversed, TN_METH_NOARGS, "Return a reverse iterator over the dict keys." },
    { "__sizeof__", (void *)m_sizeof, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static TnObject *dict_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return dict_alloc(type);
}

static int dict_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return update_common(self, "dict", args, nargs, kwnames);
}

TnType tn_dict_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "dict",
    .tp_basicsize = sizeof(TnDict),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_DICT_SUBCLASS | TN_TPFLAG_GC,
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_richcompare = dict_richcompare,   /* tp_hash NULL: unhashable */
    .tp_iter = dict_iter,
    .tp_new = dict_new,
    .tp_init = dict_init,
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .nb_or = dict_nb_or,
    .nb_inplace_or = dict_nb_inplace_or,
    .sq_length = dict_length,
    .mp_subscript = tn_dict_subscript,
    .mp_ass_subscript = dict_ass_subscript,
    .sq_contains = dict_sq_contains,
    .tp_methods = dict_methods,
    .tp_doc = "dict() -> new empty dictionary",
};

int tn_dict_init(void)
{
    if (tn_type_ready(&tn_dict_type) < 0)
        return -1;
    return tn_dict_views_init();
}
