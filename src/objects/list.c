/* list (CPython's Objects/listobject.c), written once for both builds.
 *
 * Thread safety (ft build; every lock call compiles away in the gil build):
 *  - every mutation runs under the list's object lock;
 *  - reads of single items are lock-free (list_item_ref): load the items
 *    pointer, bound-check against the capacity stored in the array itself
 *    (items[-1]), load the slot, increment the object;
 *  - an items array is never shrunk or freed while readers may hold it: a
 *    resize publishes a new array and frees the old one through
 *    tn_mem_free_deferred (QSBR);
 *  - user code (__eq__, __lt__, key functions, iteration of arguments) and
 *    decrefs of removed items always run after tn_unlock.
 * Global state: the per-thread repr guard stack (thread-local, no lock). */
#include <string.h>
#include "containers_internal.h"
#include "dict_internal.h"

#define LIST(o) ((TnList *)(o))
#define ITEMS_CAP(items) ((tn_ssize_t)(intptr_t)(items)[-1])

/* ---- item arrays ------------------------------------------------------------ */

TnObject **tn_list_items_alloc(tn_ssize_t cap)
{
    if (cap < 0 || (size_t)cap > SIZE_MAX / sizeof(TnObject *) - 1) {
        tn_err_nomemory();
        return NULL;
    }
    TnObject **base = tn_mem_calloc((size_t)cap + 1, sizeof(TnObject *));
    if (!base)
        return NULL;
    base[0] = (TnObject *)(intptr_t)cap;
    return base + 1;
}

static void items_free_now(TnObject **items)
{
    if (items)
        tn_mem_free(items - 1);
}

void tn_list_items_free_deferred(TnObject **items)
{
    if (items)
        tn_mem_free_deferred(items - 1, ((size_t)ITEMS_CAP(items) + 1) * sizeof(TnObject *));
}

/* Free an array l no longer uses (lock held, or released after the swap:
 * a reader that gets past tn_unlocked_read_ok later sees the new one). */
static void items_release(TnList *l, TnObject **items)
{
#ifdef TANDEM_FT
    if (items && tn_buffer_private((TnObject *)l)) {
        tn_mem_free(items - 1);
        return;
    }
#else
    (void)l;
#endif
    tn_list_items_free_deferred(items);
}

/* Move n slots; element-wise atomic stores in the ft build so concurrent
 * lock-free readers never see a torn pointer. */
static void items_move(TnObject **dst, TnObject **src, tn_ssize_t n)
{
#ifdef TANDEM_FT
    if (dst < src)
        for (tn_ssize_t i = 0; i < n; i++)
            TN_SLOT_STORE(&dst[i], TN_SLOT_LOAD_RELAXED(&src[i]));
    else
        for (tn_ssize_t i = n - 1; i >= 0; i--)
            TN_SLOT_STORE(&dst[i], TN_SLOT_LOAD_RELAXED(&src[i]));
#else
    memmove(dst, src, (size_t)n * sizeof(TnObject *));
#endif
}

/* Set the size to newsize, reallocating when needed (CPython's growth
 * pattern 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...). Caller holds the lock.
 * Slots past the old size are NULL afterwards only if the caller fills them. */
static int list_resize(TnList *l, tn_ssize_t newsize)
{
    tn_ssize_t allocated = l->allocated;
    TnObject **items = TN_LIST_ITEMS(l);
    if (allocated >= newsize && newsize >= (allocated >> 1) && items) {
        tn_store_release(&l->ob_size, newsize);
        return 0;
    }
    size_t new_alloc = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if ((size_t)(newsize - TN_LIST_SIZE(l)) > new_alloc - (size_t)newsize)
        new_alloc = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_alloc = 0;
    tn_ssize_t size = TN_LIST_SIZE(l);
    tn_ssize_t keep = size < newsize ? size : newsize;
    TnObject **nitems = NULL;
    if (new_alloc) {
#ifdef TANDEM_FT
        nitems = tn_list_items_alloc((tn_ssize_t)new_alloc);
        if (!nitems)
            return -1;
        for (tn_ssize_t i = 0; i < keep; i++)
            nitems[i] = TN_SLOT_LOAD_RELAXED(&items[i]);
#else
        /* No lock-free readers in the gil build: realloc in place. */
        TnObject **base = items ? items - 1 : NULL;
        base = tn_mem_realloc(base, (new_alloc + 1) * sizeof(TnObject *));
        if (!base)
            return -1;
        base[0] = (TnObject *)(intptr_t)new_alloc;
        nitems = base + 1;
        for (size_t i = (size_t)keep; i < new_alloc; i++)
            nitems[i] = NULL;
        items = NULL;   /* already released by realloc */
#endif
    }
    if (newsize < size) {
        /* shrinking: store the size first so readers never index past it */
        tn_store_release(&l->ob_size, newsize);
        tn_store_release(&l->items, nitems);
    } else {
        tn_store_release(&l->items, nitems);
        tn_store_release(&l->ob_size, newsize);
    }
    l->allocated = (tn_ssize_t)new_alloc;
    items_release(l, items);
    return 0;
}

/* ---- lock-free reads ------------------------------------------------------------ */

/* The one place items are read without the lock: new reference or NULL
 * (out of range, no error). */
#ifdef TANDEM_FT
static TnObject *list_item_ref_locked(TnList *l, tn_ssize_t i)
{
    tn_lock((TnObject *)l);
    tn_mark_shared((TnObject *)l);   /* from now on this thread may read without it */
    TnObject **items = tn_load_relaxed(&l->items);
    TnObject *v = (i >= 0 && i < tn_load_relaxed(&l->ob_size)) ? items[i] : NULL;
    if (v)
        tn_incref(v);
    tn_unlock((TnObject *)l);
    return v;
}
#endif

static inline TnObject *list_item_ref(TnList *l, tn_ssize_t i)
{
#ifdef TANDEM_FT
    if (TN_UNLIKELY(!tn_unlocked_read_ok((TnObject *)l)))
        return list_item_ref_locked(l, i);
#endif
    TnObject **items = tn_load_acquire(&l->items);
    if (!items || i < 0 || i >= ITEMS_CAP(items) || i >= tn_load_acquire(&l->ob_size))
        return NULL;
#ifdef TANDEM_FT
    /* Lock-free: an old items array stays readable for a grace period
     * after a resize; an item being freed fails the conditional increment,
     * and then the slot is read again under the lock. */
    TnObject *v;
    if (tn_slot_try_ref(&items[i], &v)) {
        /* The list must still use this array: a retired one keeps its old
         * pointers, and what they name may have been reused (freelist.h). */
        if (atomic_load(&l->items) == items)   /* seq_cst, like the slot re-check */
            return v;
        TN_XDECREF(v);
    }
    return list_item_ref_locked(l, i);
#else
    TnObject *v = items[i];
    if (v)
        tn_incref(v);
    return v;
#endif
}

TnObject *tn_list_item_ref(TnObject *l, tn_ssize_t i)
{
    return list_item_ref(LIST(l), i);
}

/* ---- C API ----------------------------------------------------------------------- */

static TnObject *list_alloc_type(TnType *t, tn_ssize_t n)
{
    TnList *l = (TnList *)tn_object_alloc(t, t->tp_basicsize);
    if (!l)
        return NULL;
    if (n > 0) {
        TnObject **items = tn_list_items_alloc(n);
        if (!items) {
            tn_object_free((TnObject *)l);
            return NULL;
        }
        tn_store_relaxed(&l->items, items);
    }
    tn_store_relaxed(&l->ob_size, n);
    l->allocated = n;
    return (TnObject *)l;
}

TnObject *tn_list_new(tn_ssize_t n)
{
    if (n < 0)
        return tn_err_format(&tn_exc_SystemError, "negative list size");
    return list_alloc_type(&tn_list_type, n);
}

TnObject *tn_list_from_array(TnObject *const *src, tn_ssize_t n)
{
    TnObject *l = tn_list_new(n);
    if (!l)
        return NULL;
    for (tn_ssize_t i = 0; i < n; i++)
        TN_LIST_SET_UNSAFE(l, i, tn_newref(src[i]));
    return l;
}

tn_ssize_t tn_list_size(TnObject *l)
{
    return tn_load_relaxed(&LIST(l)->ob_size);
}

int tn_list_append(TnObject *self, TnObject *v)
{
    TnList *l = LIST(self);
    tn_incref(v);
    tn_lock(self);
    tn_ssize_t n = TN_LIST_SIZE(l);
    TnObject **items = TN_LIST_ITEMS(l);
    if (items && n < l->allocated) {
        TN_SLOT_STORE(&items[n], v);
        tn_store_release(&l->ob_size, n + 1);
    } else {
        if (list_resize(l, n + 1) < 0) {
            tn_unlock(self);
            tn_decref(v);
            return -1;
        }
        TN_SLOT_STORE(&TN_LIST_ITEMS(l)[n], v);
    }
    tn_unlock(self);
    return 0;
}

TnObject *tn_list_getitem(TnObject *l, tn_ssize_t i)
{
    TnObject *v = list_item_ref(LIST(l), i);
    if (!v)
        tn_err_format(&tn_exc_IndexError, "list index out of range");
    return v;
}

/* Store v (new reference, stolen) at i (already normalised); old value out. */
static int list_store(TnObject *self, tn_ssize_t i, TnObject *v, const char *msg)
{
    TnList *l = LIST(self);
    tn_lock(self);
    tn_ssize_t n = TN_LIST_SIZE(l);
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        tn_unlock(self);
        tn_decref(v);
        tn_err_format(&tn_exc_IndexError, "%s", msg);
        return -1;
    }
    TnObject **items = TN_LIST_ITEMS(l);
    TnObject *old = TN_SLOT_LOAD_RELAXED(&items[i]);
    TN_SLOT_STORE(&items[i], v);
    tn_unlock(self);
    tn_decref(old);
    return 0;
}

int tn_list_setitem(TnObject *l, tn_ssize_t i, TnObject *v)
{
    if (i < 0) {
        tn_err_format(&tn_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    return list_store(l, i, tn_newref(v), "list assignment index out of range");
}

int tn_list_insert(TnObject *self, tn_ssize_t where, TnObject *v)
{
    TnList *l = LIST(self);
    tn_incref(v);
    tn_lock(self);
    tn_ssize_t n = TN_LIST_SIZE(l);
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    if (list_resize(l, n + 1) < 0) {
        tn_unlock(self);
        tn_decref(v);
        return -1;
    }
    TnObject **items = TN_LIST_ITEMS(l);
    items_move(items + where + 1, items + where, n - where);
    TN_SLOT_STORE(&items[where], v);
    tn_unlock(self);
    return 0;
}

TnObject *tn_list_pop(TnObject *self, tn_ssize_t i)
{
    TnList *l = LIST(self);
    tn_lock(self);
    tn_ssize_t n = TN_LIST_SIZE(l);
    if (n == 0) {
        tn_unlock(self);
        return tn_err_format(&tn_exc_IndexError, "pop from empty list");
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        tn_unlock(self);
        return tn_err_format(&tn_exc_IndexError, "pop index out of range");
    }
    TnObject **items = TN_LIST_ITEMS(l);
    TnObject *v = TN_SLOT_LOAD_RELAXED(&items[i]);
    items_move(items + i, items + i + 1, n - i - 1);
    TN_SLOT_STORE(&items[n - 1], NULL);
    if (list_resize(l, n - 1) < 0) {
        /* shrinking can only fail to allocate a smaller array: keep the
         * larger one, the list is consistent */
        tn_err_clear();
        tn_store_release(&l->ob_size, n - 1);
    }
    tn_unlock(self);
    return v;   /* the list's reference becomes the caller's */
}

/* Detach the items (caller must release them after unlocking). */
static TnObject **list_detach(TnList *l, tn_ssize_t *n)
{
    *n = TN_LIST_SIZE(l);
    TnObject **items = TN_LIST_ITEMS(l);
    tn_store_release(&l->ob_size, 0);
    tn_store_release(&l->items, (TnObject **)NULL);
    l->allocated = 0;
    return items;
}

static void release_items(TnList *l, TnObject **items, tn_ssize_t n)
{
    if (!items)
        return;
    for (tn_ssize_t i = 0; i < n; i++)
        TN_XDECREF(items[i]);
    items_release(l, items);
}

void tn_list_clear(TnObject *self)
{
    tn_ssize_t n;
    tn_lock(self);
    TnObject **items = list_detach(LIST(self), &n);
    tn_unlock(self);
    release_items(LIST(self), items, n);
}

TnObject *tn_list_getslice(TnObject *self, tn_ssize_t lo, tn_ssize_t hi)
{
    tn_lock(self);
    tn_ssize_t n = TN_LIST_SIZE(self);
    if (lo < 0)
        lo = 0;
    if (hi > n)
        hi = n;
    if (hi < lo)
        hi = lo;
    TnObject *r = tn_list_new(hi - lo);
    if (r) {
        TnObject **src = TN_LIST_ITEMS(self);
        for (tn_ssize_t i = lo; i < hi; i++)
            TN_LIST_SET_UNSAFE(r, i - lo, tn_newref(src[i]));
    }
    tn_unlock(self);
    return r;
}

TnObject *tn_list_copy(TnObject *self)
{
    return tn_list_getslice(self, 0, TN_SSIZE_MAX);
}

TnObject *tn_list_as_tuple(TnObject *self)
{
    tn_lock(self);
    TnObject *t = tn_tuple_from_array(TN_LIST_ITEMS(self), TN_LIST_SIZE(self));
    tn_unlock(self);
    return t;
}

/* Append n borrowed items at the end in one locked step. */
static int list_extend_array(TnObject *self, TnObject *const *src, tn_ssize_t k)
{
    if (k == 0)
        return 0;
    TnList *l = LIST(self);
    tn_lock(self);
    tn_ssize_t n = TN_LIST_SIZE(l);
    if (list_resize(l, n + k) < 0) {
        tn_unlock(self);
        return -1;
    }
    TnObject **items = TN_LIST_ITEMS(l);
    for (tn_ssize_t i = 0; i < k; i++)
        TN_SLOT_STORE(&items[n + i], tn_newref(src[i]));
    tn_unlock(self);
    return 0;
}

int tn_list_extend(TnObject *self, TnObject *iterable)
{
    if (tn_list_check(iterable) || tn_tuple_check(iterable)) {
        /* snapshot first: the source may be this list, or shared */
        TnObject *snap = tn_list_check(iterable) ? tn_list_as_tuple(iterable)
                                                 : tn_newref(iterable);
        if (!snap)
            return -1;
        int r = list_extend_array(self, TN_TUPLE_ITEMS(snap), TN_TUPLE_SIZE(snap));
        tn_decref(snap);
        return r;
    }
    /* A dict or dict view is copied in one step under the dict's lock, so
     * list(d), list(d.items()) ... are atomic as in CPython (with the GIL,
     * and in 3.13t's critical sections), never "changed size during
     * iteration" because of another thread. */
    TnType *t = TN_TYPE(iterable);
    if (tn_dict_check_exact(iterable) || t == &tn_dict_keys_type ||
        t == &tn_dict_values_type || t == &tn_dict_items_type) {
        TnObject *d = tn_dict_check_exact(iterable) ? iterable : ((DictView *)iterable)->dict;
        TnObject *snap = t == &tn_dict_values_type ? tn_dict_values_list(d)
                       : t == &tn_dict_items_type ? tn_dict_items_list(d)
                       : tn_dict_keys_list(d);
        if (!snap)
            return -1;
        int r = list_extend_array(self, TN_LIST_ITEMS(snap), TN_LIST_SIZE(snap));
        tn_decref(snap);
        return r;
    }
    TnObject *it = tn_object_iter(iterable);
    if (!it)
        return -1;
    /* As CPython: an iterator that cannot say its length (a range longer
     * than any list) fails here instead of filling memory forever. */
    if (tn_object_length_hint(it, 8) < 0) {
        tn_decref(it);
        return -1;
    }
    for (;;) {
        TnObject *v = tn_iter_next(it);
        if (!v)
            break;
        int r = tn_list_append(self, v);
        tn_decref(v);
        if (r < 0) {
            tn_decref(it);
            return -1;
        }
    }
    tn_decref(it);
    return tn_err_occurred() ? -1 : 0;
}

int tn_list_reverse(TnObject *self)
{
    tn_lock(self);
    tn_ssize_t n = TN_LIST_SIZE(self);
    TnObject **items = TN_LIST_ITEMS(self);
    for (tn_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        TnObject *a = TN_SLOT_LOAD_RELAXED(&items[i]);
        TN_SLOT_STORE(&items[i], TN_SLOT_LOAD_RELAXED(&items[j]));
        TN_SLOT_STORE(&items[j], a);
    }
    tn_unlock(self);
    return 0;
}

/* Sort: the list appears empty while user code (key, __lt__) runs on a
 * private copy; the sorted array is then swapped in. */
int tn_list_sort(TnObject *self, TnObject *key, int reverse)
{
    TnList *l = LIST(self);
    tn_lock(self);
    tn_ssize_t n = TN_LIST_SIZE(l);
    TnObject **old = TN_LIST_ITEMS(l);
    TnObject **work = tn_list_items_alloc(n);
    if (!work) {
        tn_unlock(self);
        return -1;
    }
    for (tn_ssize_t i = 0; i < n; i++)
        work[i] = TN_SLOT_LOAD_RELAXED(&old[i]);
    /* Readers that loaded `old` keep a valid (unchanged) array until the
     * QSBR grace period ends; new readers see an empty list. */
    tn_store_release(&l->ob_size, 0);
    tn_store_release(&l->items, (TnObject **)NULL);
    l->allocated = -1;   /* marker: any mutation during the sort changes it */
    tn_unlock(self);
    items_release(l, old);

    int r = tn_list_sort_array(work, n, key, reverse);

    tn_lock(self);
    tn_ssize_t added_n = 0;
    TnObject **added = NULL;
    int modified = l->allocated != -1;
    if (modified)
        added = list_detach(l, &added_n);
    tn_store_release(&l->items, work);
    tn_store_release(&l->ob_size, n);
    l->allocated = n;
    tn_unlock(self);
    release_items(l, added, added_n);
    if (modified && r == 0) {
        tn_err_format(&tn_exc_ValueError, "list modified during sort");
        return -1;
    }
    return r;
}

/* ---- repr guard ------------------------------------------------------------------- */

/* Objects whose repr is in progress on this thread (thread-local: no lock).
 * The stack buffer is kept for the thread's life (a few words). */
static _Thread_local TnObject **repr_stack;
static _Thread_local tn_ssize_t repr_len, repr_cap;

int tn_repr_enter(TnObject *o)
{
    for (tn_ssize_t i = 0; i < repr_len; i++)
        if (repr_stack[i] == o)
            return 1;
    if (repr_len == repr_cap) {
        tn_ssize_t ncap = repr_cap ? repr_cap * 2 : 16;
        TnObject **ns = tn_mem_realloc(repr_stack, (size_t)ncap * sizeof(TnObject *));
        if (!ns)
            return -1;
        repr_stack = ns;
        repr_cap = ncap;
    }
    repr_stack[repr_len++] = o;
    return 0;
}

void tn_repr_leave(TnObject *o)
{
    for (tn_ssize_t i = repr_len - 1; i >= 0; i--)
        if (repr_stack[i] == o) {
            memmove(repr_stack + i, repr_stack + i + 1,
                    (size_t)(repr_len - i - 1) * sizeof(TnObject *));
            repr_len--;
            return;
        }
}

/* ---- type slots ------------------------------------------------------------------- */

static void list_dealloc(TnObject *o)
{
    TnList *l = LIST(o);
    TnObject **items = TN_LIST_ITEMS(l);
    tn_ssize_t n = TN_LIST_SIZE(l);
    for (tn_ssize_t i = 0; i < n; i++)
        TN_XDECREF(items[i]);
    /* no reader can hold a list whose count reached zero */
    items_free_now(items);
    tn_object_free(o);
}

static int list_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TnObject **items = TN_LIST_ITEMS(o);
    for (tn_ssize_t i = 0; i < TN_LIST_SIZE(o); i++)
        if (items[i]) {
            int r = visit(items[i], arg);
            if (r)
                return r;
        }
    return 0;
}

static int list_tp_clear(TnObject *o)
{
    tn_list_clear(o);
    return 0;
}

static TnObject *list_repr(TnObject *o)
{
    if (TN_LIST_SIZE(o) == 0)
        return tn_str_from_cstr("[]");
    int r = tn_repr_enter(o);
    if (r != 0)
        return r > 0 ? tn_str_from_cstr("[...]") : NULL;
    TnStrBuilder b;
    tn_sb_init(&b);
    if (tn_sb_append_cstr(&b, "[") < 0)
        goto error;
    for (tn_ssize_t i = 0;; i++) {
        TnObject *v = list_item_ref(LIST(o), i);   /* the list may change meanwhile */
        if (!v)
            break;
        if (i > 0 && tn_sb_append_cstr(&b, ", ") < 0) {
            tn_decref(v);
            goto error;
        }
        TnObject *s = NULL;
        if (tn_enter_recursive_call(" while getting the repr of an object") == 0) {
            s = tn_object_repr(v);
            tn_leave_recursive_call();
        }
        tn_decref(v);
        if (!s)
            goto error;
        int rc = tn_sb_append_str(&b, s);
        tn_decref(s);
        if (rc < 0)
            goto error;
    }
    if (tn_sb_append_cstr(&b, "]") < 0)
        goto error;
    tn_repr_leave(o);
    return tn_sb_finish(&b);
error:
    tn_repr_leave(o);
    tn_sb_discard(&b);
    return NULL;
}

static tn_ssize_t list_length(TnObject *o) { return tn_list_size(o); }

static TnObject *list_item(TnObject *o, tn_ssize_t i)
{
    if (i < 0)
        i += tn_list_size(o);
    TnObject *v = list_item_ref(LIST(o), i);
    if (!v)
        tn_err_format(&tn_exc_IndexError, "list index out of range");
    return v;
}

static int list_contains(TnObject *o, TnObject *x)
{
    for (tn_ssize_t i = 0;; i++) {
        TnObject *v = list_item_ref(LIST(o), i);
        if (!v)
            return 0;
        int k = tn_object_richcompare_bool(v, x, TN_EQ);
        tn_decref(v);
        if (k != 0)
            return k;
    }
}

static TnObject *list_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_list_check(a) || !tn_list_check(b))
        return tn_newref(tn_NotImplemented);
    if ((op == TN_EQ || op == TN_NE) && tn_list_size(a) != tn_list_size(b))
        return tn_bool_from(op == TN_NE);
    tn_ssize_t i;
    TnObject *va = NULL, *vb = NULL;
    for (i = 0;; i++) {
        va = list_item_ref(LIST(a), i);
        vb = list_item_ref(LIST(b), i);
        if (!va || !vb)
            break;
        int k = tn_object_richcompare_bool(va, vb, TN_EQ);
        if (k < 0)
            goto error;
        if (!k)
            break;
        TN_CLEAR(va);
        TN_CLEAR(vb);
    }
    if (!va || !vb) {
        tn_ssize_t na = tn_list_size(a), nb = tn_list_size(b);
        TN_XDECREF(va);
        TN_XDECREF(vb);
        int r;
        switch (op) {
        case TN_LT: r = na < nb; break;
        case TN_LE: r = na <= nb; break;
        case TN_EQ: r = na == nb; break;
        case TN_NE: r = na != nb; break;
        case TN_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        return tn_bool_from(r);
    }
    TnObject *res;
    if (op == TN_EQ)
        res = tn_bool_from(0);
    else if (op == TN_NE)
        res = tn_bool_from(1);
    else
        res = tn_object_richcompare(va, vb, op);
    tn_decref(va);
    tn_decref(vb);
    return res;
error:
    TN_XDECREF(va);
    TN_XDECREF(vb);
    return NULL;
}

static TnObject *list_nb_add(TnObject *a, TnObject *b)
{
    if (!tn_list_check(a) || !tn_list_check(b)) {
        if (tn_list_check(a) && !(TN_TYPE(b)->tp_flags & TN_TPFLAG_HEAPTYPE))
            return tn_err_format(&tn_exc_TypeError,
                                 "can only concatenate list (not \"%s\") to list",
                                 TN_TYPE(b)->tp_name);
        return tn_newref(tn_NotImplemented);
    }
    TnObject *ta = tn_list_as_tuple(a), *tb = ta ? tn_list_as_tuple(b) : NULL, *r = NULL;
    if (ta && tb) {
        tn_ssize_t na = TN_TUPLE_SIZE(ta), nb = TN_TUPLE_SIZE(tb);
        r = tn_list_new(na + nb);
        if (r) {
            for (tn_ssize_t i = 0; i < na; i++)
                TN_LIST_SET_UNSAFE(r, i, tn_newref(TN_TUPLE_GET(ta, i)));
            for (tn_ssize_t i = 0; i < nb; i++)
                TN_LIST_SET_UNSAFE(r, na + i, tn_newref(TN_TUPLE_GET(tb, i)));
        }
    }
    TN_XDECREF(ta);
    TN_XDECREF(tb);
    return r;
}

static TnObject *list_repeat_tuple(TnObject *snap, tn_ssize_t n)
{
    tn_ssize_t len = TN_TUPLE_SIZE(snap);
    if (n <= 0 || len == 0)
        return tn_list_new(0);
    if (len > TN_SSIZE_MAX / n)
        return tn_err_nomemory();
    TnObject *r = tn_list_new(len * n);
    if (!r)
        return NULL;
    for (tn_ssize_t k = 0; k < n; k++)
        for (tn_ssize_t i = 0; i < len; i++)
            TN_LIST_SET_UNSAFE(r, k * len + i, tn_newref(TN_TUPLE_GET(snap, i)));
    return r;
}

static TnObject *list_nb_multiply(TnObject *a, TnObject *b)
{
    TnObject *l = tn_list_check(a) ? a : b, *other = l == a ? b : a;
    tn_ssize_t n;
    int rc = tn_seq_repeat_count(other, &n);
    if (rc <= 0)
        return rc < 0 ? NULL : tn_newref(tn_NotImplemented);
    TnObject *snap = tn_list_as_tuple(l);
    if (!snap)
        return NULL;
    TnObject *r = list_repeat_tuple(snap, n);
    tn_decref(snap);
    return r;
}

static TnObject *list_inplace_add(TnObject *a, TnObject *b)
{
    if (!tn_list_check(a))
        return tn_newref(tn_NotImplemented);
    if (tn_list_extend(a, b) < 0)
        return NULL;
    return tn_newref(a);
}

static TnObject *list_inplace_multiply(TnObject *a, TnObject *b)
{
    if (!tn_list_check(a))
        return tn_newref(tn_NotImplemented);
    tn_ssize_t n;
    int rc = tn_seq_repeat_count(b, &n);
    if (rc <= 0)
        return rc < 0 ? NULL : tn_newref(tn_NotImplemented);
    if (n <= 0) {
        tn_list_clear(a);
        return tn_newref(a);
    }
    TnObject *snap = tn_list_as_tuple(a);
    if (!snap)
        return NULL;
    int r = 0;
    for (tn_ssize_t k = 1; k < n && r == 0; k++)
        r = list_extend_array(a, TN_TUPLE_ITEMS(snap), TN_TUPLE_SIZE(snap));
    tn_decref(snap);
    return r < 0 ? NULL : tn_newref(a);
}

/* ---- subscripts ---------------------------------------------------------------- */

static TnObject *list_subscript(TnObject *o, TnObject *key)
{
    if (TN_HAS_INDEX(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return list_item(o, i);
    }
    if (tn_slice_check(key)) {
        tn_ssize_t start, stop, step;
        if (tn_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        tn_lock(o);
        tn_ssize_t n = tn_slice_adjust_indices(TN_LIST_SIZE(o), &start, &stop, step);
        TnObject *r = tn_list_new(n);
        if (r) {
            TnObject **src = TN_LIST_ITEMS(o);
            for (tn_ssize_t k = 0, cur = start; k < n; k++, cur += step)
                TN_LIST_SET_UNSAFE(r, k, tn_newref(src[cur]));
        }
        tn_unlock(o);
        return r;
    }
    return tn_err_format(&tn_exc_TypeError, "list indices must be integers or slices, not %T", key);
}

/* a[slice] = value / del a[slice] (value NULL). */
static int list_ass_slice(TnObject *self, TnObject *slice, TnObject *value)
{
    tn_ssize_t start, stop, step;
    if (tn_slice_unpack(slice, &start, &stop, &step) < 0)
        return -1;
    TnObject *seq = NULL;   /* tuple snapshot of the new items */
    if (value) {
        if (tn_list_check(value))
            seq = tn_list_as_tuple(value);
        else if (tn_tuple_check(value))
            seq = tn_newref(value);
        else {
            TnObject *it = tn_object_iter(value);
            if (!it) {
                if (tn_err_matches(&tn_exc_TypeError)) {
                    tn_err_clear();
                    tn_err_format(&tn_exc_TypeError, step == 1 ? "can only assign an iterable"
                                  : "must assign iterable to extended slice");
                }
                return -1;
            }
            tn_decref(it);
            seq = tn_sequence_tuple(value);
        }
        if (!seq)
            return -1;
    }
    tn_ssize_t k = seq ? TN_TUPLE_SIZE(seq) : 0;
    TnList *l = LIST(self);
    TnObject **removed = NULL;
    tn_ssize_t nremoved = 0;

    tn_lock(self);
    tn_ssize_t n = TN_LIST_SIZE(l);
    tn_ssize_t slicelen = tn_slice_adjust_indices(n, &start, &stop, step);
    if (step == 1) {
        /* contiguous: replace items[start:stop] by seq */
        if (stop < start)
            stop = start;
        nremoved = stop - start;
        if (nremoved) {
            removed = tn_mem_alloc((size_t)nremoved * sizeof(TnObject *));
            if (!removed)
                goto error_locked;
            memcpy(removed, TN_LIST_ITEMS(l) + start, (size_t)nremoved * sizeof(TnObject *));
        }
        tn_ssize_t d = k - nremoved;
        if (d < 0) {
            TnObject **items = TN_LIST_ITEMS(l);
            items_move(items + stop + d, items + stop, n - stop);
            for (tn_ssize_t i = n + d; i < n; i++)
                TN_SLOT_STORE(&items[i], NULL);
            if (list_resize(l, n + d) < 0) {
                tn_err_clear();
                tn_store_release(&l->ob_size, n + d);
            }
        } else if (d > 0) {
            if (list_resize(l, n + d) < 0)
                goto error_locked;
            TnObject **items = TN_LIST_ITEMS(l);
            items_move(items + stop + d, items + stop, n - stop);
        }
        TnObject **items = TN_LIST_ITEMS(l);
        for (tn_ssize_t i = 0; i < k; i++)
            TN_SLOT_STORE(&items[start + i], tn_newref(TN_TUPLE_GET(seq, i)));
    } else if (!value) {
        /* extended delete: compact the survivors */
        if (slicelen > 0) {
            removed = tn_mem_alloc((size_t)slicelen * sizeof(TnObject *));
            if (!removed)
                goto error_locked;
            if (step < 0) {
                stop = start + 1;
                start = stop + step * (slicelen - 1) - 1;
                step = -step;
            }
            TnObject **items = TN_LIST_ITEMS(l);
            tn_ssize_t cur = start, w = start;
            for (tn_ssize_t i = start; i < n; i++) {
                if (nremoved < slicelen && i == cur) {
                    removed[nremoved++] = items[i];
                    cur += step;
                } else {
                    TN_SLOT_STORE(&items[w++], items[i]);
                }
            }
            for (tn_ssize_t i = w; i < n; i++)
                TN_SLOT_STORE(&items[i], NULL);
            if (list_resize(l, w) < 0) {
                tn_err_clear();
                tn_store_release(&l->ob_size, w);
            }
        }
    } else {
        if (k != slicelen) {
            tn_unlock(self);
            tn_decref(seq);
            tn_err_format(&tn_exc_ValueError,
                          "attempt to assign sequence of size %zd to extended slice of size %zd",
                          k, slicelen);
            return -1;
        }
        if (k) {
            removed = tn_mem_alloc((size_t)k * sizeof(TnObject *));
            if (!removed)
                goto error_locked;
            TnObject **items = TN_LIST_ITEMS(l);
            for (tn_ssize_t i = 0, cur = start; i < k; i++, cur += step) {
                removed[i] = items[cur];
                TN_SLOT_STORE(&items[cur], tn_newref(TN_TUPLE_GET(seq, i)));
            }
            nremoved = k;
        }
    }
    tn_unlock(self);
    for (tn_ssize_t i = 0; i < nremoved; i++)
        tn_decref(removed[i]);
    tn_mem_free(removed);
    TN_XDECREF(seq);
    return 0;
error_locked:
    tn_unlock(self);
    tn_mem_free(removed);
    TN_XDECREF(seq);
    return -1;
}

static int list_ass_subscript(TnObject *o, TnObject *key, TnObject *value)
{
    if (TN_HAS_INDEX(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return -1;
        if (value)
            return list_store(o, i, tn_newref(value), "list assignment index out of range");
        tn_lock(o);
        tn_ssize_t n = TN_LIST_SIZE(o);
        tn_unlock(o);
        if (i < 0)
            i += n;
        if (i < 0 || i >= n) {
            tn_err_format(&tn_exc_IndexError, "list assignment index out of range");
            return -1;
        }
        TnObject *v = tn_list_pop(o, i);
        if (!v) {
            /* shrank meanwhile: report as CPython would have */
            tn_err_clear();
            tn_err_format(&tn_exc_IndexError, "list assignment index out of range");
            return -1;
        }
        tn_decref(v);
        return 0;
    }
    if (tn_slice_check(key))
        return list_ass_slice(o, key, value);
    tn_err_format(&tn_exc_TypeError, "list indices must be integers or slices, not %T", key);
    return -1;
}

/* ---- iterators ------------------------------------------------------------------ */

typedef struct {
    TnObject ob;
    tn_ssize_t index;
    TnObject *seq;   /* NULL once exhausted */
} ListIter;

static TnObject *listiter_new(TnType *t, TnObject *l, tn_ssize_t index)
{
    ListIter *it = (ListIter *)tn_object_alloc(t, sizeof(ListIter));
    if (!it)
        return NULL;
    it->seq = tn_newref(l);
    it->index = index;
    return (TnObject *)it;
}

static TnObject *list_iter(TnObject *o)
{
    return listiter_new(&tn_list_iter_type, o, 0);
}

static void listiter_dealloc(TnObject *o)
{
    TN_XDECREF(((ListIter *)o)->seq);
    tn_object_free(o);
}

static int listiter_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    ListIter *it = (ListIter *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

/* Re-checks the size at every step, so mutation during iteration is safe. */
static TnObject *listiter_next(TnObject *o)
{
    ListIter *it = (ListIter *)o;
    if (!it->seq)
        return NULL;
    TnObject *v = list_item_ref(LIST(it->seq), it->index);
    if (v) {
        it->index++;
        return v;
    }
    TN_CLEAR(it->seq);
    return NULL;
}

static TnObject *listiter_length_hint(TnObject *o, TnObject *unused)
{
    ListIter *it = (ListIter *)o;
    tn_ssize_t n = it->seq ? tn_list_size(it->seq) - it->index : 0;
    return tn_int_from_i64(n > 0 ? n : 0);
}

static const TnMethodDef listiter_methods[] = {
    { "__length_hint__", (void *)listiter_length_hint, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

TnType tn_list_iter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(ListIter),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse,
    .tp_iter = tn_iter_self,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

static TnObject *listreviter_next(TnObject *o)
{
    ListIter *it = (ListIter *)o;
    if (!it->seq)
        return NULL;
    if (it->index >= 0) {
        TnObject *v = list_item_ref(LIST(it->seq), it->index);
        if (v) {
            it->index--;
            return v;
        }
    }
    TN_CLEAR(it->seq);
    return NULL;
}

static TnObject *listreviter_length_hint(TnObject *o, TnObject *unused)
{
    ListIter *it = (ListIter *)o;
    tn_ssize_t n = it->seq ? it->index + 1 : 0;
    if (it->seq && n > tn_list_size(it->seq))
        n = 0;
    return tn_int_from_i64(n);
}

static const TnMethodDef listreviter_methods[] = {
    { "__length_hint__", (void *)listreviter_length_hint, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

TnType tn_list_reviter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(ListIter),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse,
    .tp_iter = tn_iter_self,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
};

/* ---- methods --------------------------------------------------------------------- */

static TnObject *m_append(TnObject *self, TnObject *v)
{
    if (tn_list_append(self, v) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_extend(TnObject *self, TnObject *v)
{
    if (tn_list_extend(self, v) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_insert(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("insert", nargs, 2, 2) < 0)
        return NULL;
    if (!TN_HAS_INDEX(args[0]))
        return tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             TN_TYPE(args[0])->tp_name);
    tn_ssize_t i = tn_number_as_ssize(args[0], NULL);
    if (i == -1 && tn_err_occurred())
        return NULL;
    if (tn_list_insert(self, i, args[1]) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_pop(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("pop", nargs, 0, 1) < 0)
        return NULL;
    tn_ssize_t i = -1;
    if (nargs == 1) {
        if (!TN_HAS_INDEX(args[0]))
            return tn_err_format(&tn_exc_TypeError,
                                 "'%s' object cannot be interpreted as an integer",
                                 TN_TYPE(args[0])->tp_name);
        i = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
        if (i == -1 && tn_err_occurred())
            return NULL;
    }
    return tn_list_pop(self, i);
}

/* Find x from index `start`: compares outside the lock. */
static tn_ssize_t list_find(TnObject *self, TnObject *x, tn_ssize_t start, tn_ssize_t stop,
                            TnObject **found)
{
    for (tn_ssize_t i = start; i < stop; i++) {
        TnObject *v = list_item_ref(LIST(self), i);
        if (!v)
            return -1;
        int k = tn_object_richcompare_bool(v, x, TN_EQ);
        if (k > 0) {
            *found = v;
            return i;
        }
        tn_decref(v);
        if (k < 0)
            return -2;
    }
    return -1;
}

static TnObject *m_remove(TnObject *self, TnObject *x)
{
    for (;;) {
        TnObject *v = NULL;
        tn_ssize_t i = list_find(self, x, 0, TN_SSIZE_MAX, &v);
        if (i == -2)
            return NULL;
        if (i == -1)
            return tn_err_format(&tn_exc_ValueError, "list.remove(x): x not in list");
        /* Remove it only if the slot still holds the object we compared
         * equal (the list may have changed while __eq__ ran). */
        tn_lock(self);
        int same = i < TN_LIST_SIZE(self) && TN_LIST_ITEMS(self)[i] == v;
        TnObject *removed = NULL;
        if (same) {
            TnList *l = LIST(self);
            tn_ssize_t n = TN_LIST_SIZE(l);
            TnObject **items = TN_LIST_ITEMS(l);
            removed = items[i];
            items_move(items + i, items + i + 1, n - i - 1);
            TN_SLOT_STORE(&items[n - 1], NULL);
            if (list_resize(l, n - 1) < 0) {
                tn_err_clear();
                tn_store_release(&l->ob_size, n - 1);
            }
        }
        tn_unlock(self);
        tn_decref(v);
        if (same) {
            tn_decref(removed);
            TN_RETURN_NONE;
        }
    }
}

static TnObject *m_index(TnObject *self, TnObject *const *args, size_t nargs)
{
    tn_ssize_t start, stop;
    if (tn_check_nargs("index", nargs, 1, 3) < 0 ||
        tn_parse_index_range("index", args, nargs, tn_list_size(self), &start, &stop) < 0)
        return NULL;
    TnObject *v = NULL;
    tn_ssize_t i = list_find(self, args[0], start, stop, &v);
    if (i == -2)
        return NULL;
    if (i == -1)
        return tn_err_format(&tn_exc_ValueError, "%R is not in list", args[0]);
    tn_decref(v);
    return tn_int_from_i64(i);
}

static TnObject *m_count(TnObject *self, TnObject *x)
{
    int64_t c = 0;
    for (tn_ssize_t i = 0;; i++) {
        TnObject *v = list_item_ref(LIST(self), i);
        if (!v)
            break;
        int k = tn_object_richcompare_bool(v, x, TN_EQ);
        tn_decref(v);
        if (k < 0)
            return NULL;
        c += k;
    }
    return tn_int_from_i64(c);
}

static TnObject *m_clear(TnObject *self, TnObject *unused)
{
    tn_list_clear(self);
    TN_RETURN_NONE;
}

static TnObject *m_copy(TnObject *self, TnObject *unused)
{
    return tn_list_copy(self);
}

static TnObject *m_reverse(TnObject *self, TnObject *unused)
{
    tn_list_reverse(self);
    TN_RETURN_NONE;
}

static TnObject *m_sort(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (nargs > 0)
        return tn_err_format(&tn_exc_TypeError, "sort() takes no positional arguments");
    static const char *const kwlist[] = { "key", "reverse", NULL };
    TnObject *out[2] = { NULL, NULL };
    if (tn_parse_args("sort", args, nargs, kwnames, kwlist, 0, 0, out) < 0)
        return NULL;
    TnObject *key = out[0] == tn_None ? NULL : out[0];
    int reverse = 0;
    if (out[1]) {
        if (!TN_HAS_INDEX(out[1]))
            return tn_err_format(&tn_exc_TypeError,
                                 "'%s' object cannot be interpreted as an integer",
                                 TN_TYPE(out[1])->tp_name);
        tn_ssize_t r = tn_number_as_ssize(out[1], NULL);
        if (r == -1 && tn_err_occurred())
            return NULL;
        reverse = r != 0;
    }
    if (tn_list_sort(self, key, reverse) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_reversed(TnObject *self, TnObject *unused)
{
    return listiter_new(&tn_list_reviter_type, self, tn_list_size(self) - 1);
}

static TnObject *m_sizeof(TnObject *self, TnObject *unused)
{
    return tn_int_from_i64((int64_t)(sizeof(TnList) +
                                     (size_t)LIST(self)->allocated * sizeof(TnObject *)));
}

static const TnMethodDef list_methods[] = {
    { "append", (void *)m_append, TN_METH_O, "Append object to the end of the list." },
    { "extend", (void *)m_extend, TN_METH_O, "Extend list by appending elements from the iterable." },
    { "insert", (void *)m_insert, TN_METH_FAST, "Insert object before index." },
    { "pop", (void *)m_pop, TN_METH_FAST, "Remove and return item at index (default last)." },
    { "remove", (void *)m_remove, TN_METH_O, "Remove first occurrence of value." },
    { "index", (void *)m_index, TN_METH_FAST, "Return first index of value." },
    { "count", (void *)m_count, TN_METH_O, "Return number of occurrences of value." },
    { "clear", (void *)m_clear, TN_METH_NOARGS, "Remove all items from list." },
    { "copy", (void *)m_copy, TN_METH_NOARGS, "Return a shallow copy of the list." },
    { "reverse", (void *)m_reverse, TN_METH_NOARGS, "Reverse *IN PLACE*." },
    { "sort", (void *)m_sort, TN_METH_FASTKW, "Sort the list in ascending order and return None." },
    { "__reversed__", (void *)m_reversed, TN_METH_NOARGS, "Return a reverse iterator over the list." },
    { "__sizeof__", (void *)m_sizeof, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static TnObject *list_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return list_alloc_type(type, 0);
}

/* list.__init__ clears and extends, like CPython. */
static int list_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (TN_TYPE(self) == &tn_list_type && tn_check_no_kwargs("list", kwnames) < 0)
        return -1;
    if (tn_check_nargs("list", nargs, 0, 1) < 0)
        return -1;
    if (tn_list_size(self) > 0)
        tn_list_clear(self);
    if (nargs == 1)
        return tn_list_extend(self, args[0]);
    return 0;
}

TnType tn_list_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "list",
    .tp_basicsize = sizeof(TnList),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_LIST_SUBCLASS | TN_TPFLAG_GC,
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_richcompare = list_richcompare,   /* tp_hash NULL: unhashable */
    .tp_iter = list_iter,
    .tp_new = list_new,
    .tp_init = list_init,
    .tp_traverse = list_traverse,
    .tp_clear = list_tp_clear,
    .nb_add = list_nb_add,
    .nb_multiply = list_nb_multiply,
    .nb_inplace_add = list_inplace_add,
    .nb_inplace_multiply = list_inplace_multiply,
    .sq_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
    .sq_contains = list_contains,
    .sq_item = list_item,
    .tp_methods = list_methods,
    .tp_doc = "Built-in mutable sequence.",
};

int tn_list_init(void)
{
    if (tn_type_ready(&tn_list_type) < 0 || tn_type_ready(&tn_list_iter_type) < 0 ||
        tn_type_ready(&tn_list_reviter_type) < 0)
        return -1;
    return 0;
}
