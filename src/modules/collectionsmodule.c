/* _collections: the native deque under collections.deque (src/lib/collections).
 *
 * A deque is a ring buffer of object pointers whose capacity is a power of
 * two, so index arithmetic is a mask. It is native because benchmark loops
 * live on append/popleft and because threads use a shared deque as a queue:
 * every operation must be atomic on both builds.
 *
 * Thread safety: every read and write of the buffer happens under the deque's
 * object lock (nothing in the gil build). No Python code runs under the lock:
 * comparisons (count, index, remove, in) fetch one item at a time, compare
 * unlocked, and use `state` (bumped by every mutation) to detect a deque that
 * changed meanwhile, raising RuntimeError as CPython does. Displaced objects
 * are decref'd after unlocking. Because there are no lock-free readers, an
 * outgrown buffer is freed at once.
 */
#include <stddef.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/module.h"
#include "tandem/args.h"
#include "tandem/list.h"
#include "tandem/slice.h"
#include "tandem/bytes.h"

typedef struct {
    TnObject ob_base;
    TnObject **items;     /* capacity `cap` slots, `size` used from `head` on */
    tn_ssize_t cap;       /* 0 or a power of two */
    tn_ssize_t head;
    TN_SHARED(tn_ssize_t) size;    /* read without the lock by len() */
    tn_ssize_t maxlen;    /* -1: unbounded; set only by __init__ */
    TN_SHARED(uint64_t) state;     /* mutation counter */
    TnObject *weakreflist;         /* for weakref (cleared by tn_object_free) */
} Deque;

#define DQ(o) ((Deque *)(o))
#define SLOT(d, i) ((d)->items[((d)->head + (i)) & ((d)->cap - 1)])
/* size and state are written under the lock only, so plain relaxed stores
 * suffice; relaxed loads serve the unlocked readers. */
#define DSIZE(d) tn_load_relaxed(&(d)->size)
#define DSET_SIZE(d, v) tn_store_relaxed(&(d)->size, (v))
#define DSTATE(d) tn_load_relaxed(&(d)->state)
#define DBUMP(d) tn_store_relaxed(&(d)->state, DSTATE(d) + 1)

static TnType deque_type;
static TnType dequeiter_type;
static TnType dequereviter_type;

/* ---- buffer primitives (caller holds the lock) ------------------------- */

static int grow_locked(Deque *d)
{
    tn_ssize_t ncap = d->cap ? d->cap * 2 : 8;
    TnObject **n = tn_mem_alloc((size_t)ncap * sizeof(TnObject *));
    if (!n)
        return -1;
    for (tn_ssize_t i = 0; i < DSIZE(d); i++)
        n[i] = SLOT(d, i);
    tn_mem_free(d->items);
    d->items = n;
    d->cap = ncap;
    d->head = 0;
    return 0;
}

static void push_right_locked(Deque *d, TnObject *v)
{
    d->items[(d->head + DSIZE(d)) & (d->cap - 1)] = v;
    DSET_SIZE(d, DSIZE(d) + 1);
}

static void push_left_locked(Deque *d, TnObject *v)
{
    d->head = (d->head - 1) & (d->cap - 1);
    d->items[d->head] = v;
    DSET_SIZE(d, DSIZE(d) + 1);
}

static TnObject *pop_right_locked(Deque *d)
{
    DSET_SIZE(d, DSIZE(d) - 1);
    return SLOT(d, DSIZE(d));
}

static TnObject *pop_left_locked(Deque *d)
{
    TnObject *v = d->items[d->head];
    d->head = (d->head + 1) & (d->cap - 1);
    DSET_SIZE(d, DSIZE(d) - 1);
    return v;
}

/* Append (or appendleft) v, stealing the reference. A full bounded deque
 * drops the item at the other end, decref'd after unlocking. 0 or -1. */
static int deque_push(Deque *d, TnObject *v, int left)
{
    TnObject *evicted = NULL;
    tn_lock((TnObject *)d);
    if (d->maxlen == 0) {
        tn_unlock((TnObject *)d);
        tn_decref(v);
        return 0;
    }
    if (DSIZE(d) == d->maxlen)
        evicted = left ? pop_right_locked(d) : pop_left_locked(d);
    if (DSIZE(d) == d->cap && grow_locked(d) < 0) {
        tn_unlock((TnObject *)d);
        tn_decref(v);
        TN_XDECREF(evicted);
        return -1;
    }
    if (left)
        push_left_locked(d, v);
    else
        push_right_locked(d, v);
    DBUMP(d);
    tn_unlock((TnObject *)d);
    TN_XDECREF(evicted);
    return 0;
}

/* Snapshot of the items as a new list (used by repr, compare, reduce). */
static TnObject *deque_to_list(Deque *d)
{
    for (;;) {
        tn_ssize_t n = DSIZE(d);
        TnObject *l = tn_list_new(n);
        if (!l)
            return NULL;
        tn_lock((TnObject *)d);
        if (DSIZE(d) != n) {     /* raced with a mutation: retry */
            tn_unlock((TnObject *)d);
            tn_decref(l);
            continue;
        }
        for (tn_ssize_t i = 0; i < n; i++)
            TN_LIST_SET_UNSAFE(l, i, tn_newref(SLOT(d, i)));
        tn_unlock((TnObject *)d);
        return l;
    }
}

static void deque_clear_all(Deque *d)
{
    tn_lock((TnObject *)d);
    TnObject **items = d->items;
    tn_ssize_t cap = d->cap, head = d->head, size = DSIZE(d);
    d->items = NULL;
    d->cap = d->head = 0;
    DSET_SIZE(d, 0);
    DBUMP(d);
    tn_unlock((TnObject *)d);
    for (tn_ssize_t i = 0; i < size; i++)
        tn_decref(items[(head + i) & (cap - 1)]);
    tn_mem_free(items);
}

static int deque_extend_impl(Deque *d, TnObject *iterable, int left)
{
    TnObject *src = iterable, *it, *v;
    if (iterable == (TnObject *)d) {
        src = deque_to_list(d);
        if (!src)
            return -1;
    } else {
        tn_incref(src);
    }
    it = tn_object_iter(src);
    tn_decref(src);
    if (!it)
        return -1;
    while ((v = tn_iter_next(it)) != NULL) {
        if (deque_push(d, v, left) < 0) {
            tn_decref(it);
            return -1;
        }
    }
    tn_decref(it);
    return tn_err_occurred() ? -1 : 0;
}

static TnObject *del_at_locked(Deque *d, tn_ssize_t i);

/* Equality of values whose comparison cannot run Python code, allocate
 * through user hooks or block (exact int, float, str, bytes, bool, None):
 * 1 equal, 0 not, -1 "not simple". Those are compared under the lock, so
 * searching a deque of numbers or strings is atomic, as it is in CPython. */
static int simple_kind(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    if (o == tn_None)
        return 1;
    if (t == &tn_int_type || t == &tn_bool_type || t == &tn_float_type)
        return 2;
    if (t == &tn_str_type)
        return 3;
    if (t == &tn_bytes_type)
        return 4;
    return 0;
}

static int simple_eq(TnObject *a, TnObject *b)
{
    int ka = simple_kind(a), kb = simple_kind(b);
    if (!ka || !kb)
        return -1;
    if (ka != kb)
        return 0;
    if (ka == 1)
        return 1;
    return tn_object_richcompare_bool(a, b, TN_EQ);
}

/* Scan [start, stop) for items equal to v. Mode FIND stops at the first
 * match and returns its index; REMOVE also deletes it (returned in
 * *removed); COUNT returns the number of matches. -1: not found, -2: error
 * (a comparison raised, or the deque changed while an unlocked comparison
 * ran: `exc`/`msg`). */
enum { SCAN_FIND, SCAN_REMOVE, SCAN_COUNT };

static tn_ssize_t deque_scan(Deque *d, TnObject *v, tn_ssize_t start, tn_ssize_t stop,
                             int mode, TnObject **removed, TnType *exc, const char *msg)
{
    TnObject *self = (TnObject *)d;
    tn_ssize_t count = 0;
    tn_lock(self);
    uint64_t state = DSTATE(d);
    for (tn_ssize_t i = start; i < stop && i < DSIZE(d); i++) {
        TnObject *x = SLOT(d, i);
        int k = x == v ? 1 : simple_eq(x, v);
        if (k < 0) {
            tn_incref(x);
            tn_unlock(self);
            k = tn_object_richcompare_bool(x, v, TN_EQ);
            tn_decref(x);
            if (k < 0)
                return -2;
            tn_lock(self);
            if (DSTATE(d) != state) {
                tn_unlock(self);
                tn_err_setstr(exc, msg);
                return -2;
            }
        }
        if (!k)
            continue;
        if (mode == SCAN_COUNT) {
            count++;
            continue;
        }
        if (mode == SCAN_REMOVE)
            *removed = del_at_locked(d, i);
        tn_unlock(self);
        return i;
    }
    tn_unlock(self);
    return mode == SCAN_COUNT ? count : -1;
}

/* Remove and return item i (caller holds the lock, 0 <= i < size). */
static TnObject *del_at_locked(Deque *d, tn_ssize_t i)
{
    TnObject *v = SLOT(d, i);
    if (i < DSIZE(d) / 2) {
        for (tn_ssize_t j = i; j > 0; j--)
            SLOT(d, j) = SLOT(d, j - 1);
        d->head = (d->head + 1) & (d->cap - 1);
    } else {
        for (tn_ssize_t j = i; j < DSIZE(d) - 1; j++)
            SLOT(d, j) = SLOT(d, j + 1);
    }
    DSET_SIZE(d, DSIZE(d) - 1);
    DBUMP(d);
    return v;
}

static void rotate_locked(Deque *d, tn_ssize_t n)
{
    tn_ssize_t size = DSIZE(d);
    if (size <= 1)
        return;
    n %= size;
    if (n < 0)
        n += size;
    if (n == 0)
        return;
    if (size == d->cap) {
        /* A full ring rotates by moving its origin. */
        d->head = (d->head - n) & (d->cap - 1);
    } else if (n <= size / 2) {
        for (tn_ssize_t k = 0; k < n; k++) {
            TnObject *v = pop_right_locked(d);
            push_left_locked(d, v);
        }
    } else {
        for (tn_ssize_t k = 0; k < size - n; k++) {
            TnObject *v = pop_left_locked(d);
            push_right_locked(d, v);
        }
    }
    DBUMP(d);
}

/* ---- construction ------------------------------------------------------ */

static TnObject *deque_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    (void)args; (void)nargs; (void)kwnames;
    Deque *d = (Deque *)tn_object_alloc(type, type->tp_basicsize);
    if (!d)
        return NULL;
    d->items = NULL;
    d->cap = d->head = 0;
    DSET_SIZE(d, 0);
    d->maxlen = -1;
    d->weakreflist = NULL;
    DBUMP(d);
    return (TnObject *)d;
}

static int parse_maxlen(TnObject *o, tn_ssize_t *out)
{
    if (!o || o == tn_None) {
        *out = -1;
        return 0;
    }
    if (!tn_int_check(o)) {
        tn_err_setstr(&tn_exc_TypeError, "an integer is required");
        return -1;
    }
    tn_ssize_t m = tn_number_as_ssize(o, &tn_exc_OverflowError);
    if (m == -1 && tn_err_occurred())
        return -1;
    if (m < 0) {
        tn_err_setstr(&tn_exc_ValueError, "maxlen must be non-negative");
        return -1;
    }
    *out = m;
    return 0;
}

static int deque_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "iterable", "maxlen", NULL };
    TnObject *vals[2] = { NULL, NULL };
    tn_ssize_t maxlen;
    if (tn_parse_args("deque", args, nargs, kwnames, kwlist, 2, 0, vals) < 0)
        return -1;
    if (parse_maxlen(vals[1], &maxlen) < 0)
        return -1;
    Deque *d = DQ(self);
    if (DSIZE(d) > 0)
        deque_clear_all(d);
    tn_lock(self);
    d->maxlen = maxlen;
    tn_unlock(self);
    if (vals[0])
        return deque_extend_impl(d, vals[0], 0);
    return 0;
}

/* A new deque of self's type holding self's items (copy, +, *). */
static TnObject *deque_copy_obj(TnObject *self)
{
    Deque *d = DQ(self);
    if (TN_TYPE(self) == &deque_type) {
        Deque *n = (Deque *)deque_new(&deque_type, NULL, 0, NULL);
        if (!n)
            return NULL;
        TnObject *l = deque_to_list(d);
        if (!l) {
            tn_decref((TnObject *)n);
            return NULL;
        }
        n->maxlen = d->maxlen;
        int r = deque_extend_impl(n, l, 0);
        tn_decref(l);
        if (r < 0) {
            tn_decref((TnObject *)n);
            return NULL;
        }
        return (TnObject *)n;
    }
    TnObject *argv[2] = { self, NULL };
    size_t n = 1;
    if (d->maxlen >= 0) {
        argv[1] = tn_int_from_i64(d->maxlen);
        if (!argv[1])
            return NULL;
        n = 2;
    }
    TnObject *r = tn_call((TnObject *)TN_TYPE(self), argv, n, NULL);
    TN_XDECREF(argv[1]);
    return r;
}

/* ---- methods ----------------------------------------------------------- */

static TnObject *m_append(TnObject *self, TnObject *v)
{
    if (deque_push(DQ(self), tn_newref(v), 0) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_appendleft(TnObject *self, TnObject *v)
{
    if (deque_push(DQ(self), tn_newref(v), 1) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *deque_pop_end(TnObject *self, int left)
{
    Deque *d = DQ(self);
    tn_lock(self);
    if (DSIZE(d) == 0) {
        tn_unlock(self);
        return tn_err_format(&tn_exc_IndexError, "pop from an empty deque");
    }
    TnObject *v = left ? pop_left_locked(d) : pop_right_locked(d);
    DBUMP(d);
    tn_unlock(self);
    return v;
}

static TnObject *m_pop(TnObject *self, TnObject *unused)
{
    (void)unused;
    return deque_pop_end(self, 0);
}

static TnObject *m_popleft(TnObject *self, TnObject *unused)
{
    (void)unused;
    return deque_pop_end(self, 1);
}

static TnObject *m_extend(TnObject *self, TnObject *it)
{
    if (deque_extend_impl(DQ(self), it, 0) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_extendleft(TnObject *self, TnObject *it)
{
    if (deque_extend_impl(DQ(self), it, 1) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *m_clear(TnObject *self, TnObject *unused)
{
    (void)unused;
    deque_clear_all(DQ(self));
    TN_RETURN_NONE;
}

static TnObject *m_copy(TnObject *self, TnObject *unused)
{
    (void)unused;
    return deque_copy_obj(self);
}

static TnObject *m_count(TnObject *self, TnObject *v)
{
    tn_ssize_t n = deque_scan(DQ(self), v, 0, TN_SSIZE_MAX, SCAN_COUNT, NULL,
                              &tn_exc_RuntimeError, "deque mutated during iteration");
    if (n == -2)
        return NULL;
    return tn_int_from_i64(n);
}

static int clamp_index(TnObject *o, tn_ssize_t size, tn_ssize_t *out)
{
    tn_ssize_t i = tn_number_as_ssize(o, NULL);
    if (i == -1 && tn_err_occurred())
        return -1;
    if (i < 0) {
        i += size;
        if (i < 0)
            i = 0;
    } else if (i > size) {
        i = size;
    }
    *out = i;
    return 0;
}

static TnObject *m_index(TnObject *self, TnObject *const *args, size_t nargs)
{
    Deque *d = DQ(self);
    if (tn_check_nargs("index", nargs, 1, 3) < 0)
        return NULL;
    tn_ssize_t size = DSIZE(d);
    tn_ssize_t start = 0, stop = size;
    if (nargs > 1 && clamp_index(args[1], size, &start) < 0)
        return NULL;
    if (nargs > 2 && clamp_index(args[2], size, &stop) < 0)
        return NULL;
    tn_ssize_t i = deque_scan(d, args[0], start, stop, SCAN_FIND, NULL,
                              &tn_exc_RuntimeError, "deque mutated during iteration");
    if (i == -2)
        return NULL;
    if (i == -1)
        return tn_err_format(&tn_exc_ValueError, "%R is not in deque", args[0]);
    return tn_int_from_i64(i);
}

static TnObject *m_insert(TnObject *self, TnObject *const *args, size_t nargs)
{
    Deque *d = DQ(self);
    if (tn_check_nargs_exact("insert", nargs, 2) < 0)
        return NULL;
    tn_ssize_t where = tn_number_as_ssize(args[0], NULL);
    if (where == -1 && tn_err_occurred())
        return NULL;
    TnObject *v = tn_newref(args[1]);
    tn_lock(self);
    if (DSIZE(d) == d->maxlen) {
        tn_unlock(self);
        tn_decref(v);
        return tn_err_format(&tn_exc_IndexError, "deque already at its maximum size");
    }
    if (DSIZE(d) == d->cap && grow_locked(d) < 0) {
        tn_unlock(self);
        tn_decref(v);
        return NULL;
    }
    tn_ssize_t n = DSIZE(d);
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    } else if (where > n) {
        where = n;
    }
    push_right_locked(d, v);   /* makes room; shifted into place below */
    for (tn_ssize_t j = n; j > where; j--)
        SLOT(d, j) = SLOT(d, j - 1);
    SLOT(d, where) = v;
    DBUMP(d);
    tn_unlock(self);
    TN_RETURN_NONE;
}

static TnObject *m_remove(TnObject *self, TnObject *v)
{
    TnObject *old = NULL;
    tn_ssize_t i = deque_scan(DQ(self), v, 0, TN_SSIZE_MAX, SCAN_REMOVE, &old,
                              &tn_exc_IndexError, "deque mutated during iteration");
    if (i == -2)
        return NULL;
    if (i == -1)
        return tn_err_format(&tn_exc_ValueError, "%R is not in deque", v);
    tn_decref(old);
    TN_RETURN_NONE;
}

static TnObject *m_reverse(TnObject *self, TnObject *unused)
{
    (void)unused;
    Deque *d = DQ(self);
    tn_lock(self);
    for (tn_ssize_t i = 0, j = DSIZE(d) - 1; i < j; i++, j--) {
        TnObject *t = SLOT(d, i);
        SLOT(d, i) = SLOT(d, j);
        SLOT(d, j) = t;
    }
    DBUMP(d);
    tn_unlock(self);
    TN_RETURN_NONE;
}

static TnObject *m_rotate(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("rotate", nargs, 0, 1) < 0)
        return NULL;
    tn_ssize_t n = 1;
    if (nargs == 1) {
        n = tn_number_as_ssize(args[0], NULL);
        if (n == -1 && tn_err_occurred())
            return NULL;
    }
    tn_lock(self);
    rotate_locked(DQ(self), n);
    tn_unlock(self);
    TN_RETURN_NONE;
}

static TnObject *m_reduce(TnObject *self, TnObject *unused)
{
    (void)unused;
    Deque *d = DQ(self);
    TnObject *args = NULL, *state = NULL, *it = NULL, *res = NULL;
    TnObject *empty = tn_tuple_new(0);
    if (!empty)
        return NULL;
    if (d->maxlen < 0) {
        args = tn_tuple_new(0);
    } else {
        TnObject *m = tn_int_from_i64(d->maxlen);
        if (m)
            args = tn_tuple_pack(2, empty, m);
        TN_XDECREF(m);
    }
    if (!args)
        goto error;
    TnObject **dictp = tn_object_dict_ptr(self);
    if (dictp && *dictp && tn_object_is_true(*dictp) > 0)
        state = tn_newref(*dictp);
    else
        state = tn_newref(tn_None);
    it = tn_object_iter(self);
    if (!it)
        goto error;
    res = tn_tuple_pack(4, (TnObject *)TN_TYPE(self), args, state, it);
error:
    tn_decref(empty);
    TN_XDECREF(args);
    TN_XDECREF(state);
    TN_XDECREF(it);
    return res;
}

/* deque[int] in annotations. types.GenericAlias is reached through
 * list[...] so that this file needs no private header. */
static TnObject *m_class_getitem(TnObject *cls, TnObject *arg)
{
    TnObject *probe = tn_object_getitem((TnObject *)&tn_list_type, arg);
    if (!probe)
        return NULL;
    TnObject *argv[2] = { cls, arg };
    TnObject *r = tn_call((TnObject *)TN_TYPE(probe), argv, 2, NULL);
    tn_decref(probe);
    return r;
}

static TnObject *m_reversed(TnObject *self, TnObject *unused);
static TnObject *deque_iter_make(TnType *t, TnObject *self);

static TnObject *m_sizeof(TnObject *self, TnObject *unused)
{
    (void)unused;
    return tn_int_from_i64((int64_t)(sizeof(Deque) + (size_t)DQ(self)->cap * sizeof(TnObject *)));
}

static const TnMethodDef deque_methods[] = {
    { "append", (void *)m_append, TN_METH_O, "Add an element to the right side of the deque." },
    { "appendleft", (void *)m_appendleft, TN_METH_O, "Add an element to the left side of the deque." },
    { "pop", (void *)m_pop, TN_METH_NOARGS, "Remove and return the rightmost element." },
    { "popleft", (void *)m_popleft, TN_METH_NOARGS, "Remove and return the leftmost element." },
    { "extend", (void *)m_extend, TN_METH_O, "Extend the right side of the deque with elements from the iterable" },
    { "extendleft", (void *)m_extendleft, TN_METH_O, "Extend the left side of the deque with elements from the iterable" },
    { "clear", (void *)m_clear, TN_METH_NOARGS, "Remove all elements from the deque." },
    { "copy", (void *)m_copy, TN_METH_NOARGS, "Return a shallow copy of a deque." },
    { "__copy__", (void *)m_copy, TN_METH_NOARGS, "Return a shallow copy of a deque." },
    { "count", (void *)m_count, TN_METH_O, "D.count(value) -- return number of occurrences of value" },
    { "index", (void *)m_index, TN_METH_FAST, "D.index(value, [start, [stop]]) -- return first index of value." },
    { "insert", (void *)m_insert, TN_METH_FAST, "D.insert(index, object) -- insert object before index" },
    { "remove", (void *)m_remove, TN_METH_O, "D.remove(value) -- remove first occurrence of value." },
    { "reverse", (void *)m_reverse, TN_METH_NOARGS, "D.reverse() -- reverse *IN PLACE*" },
    { "rotate", (void *)m_rotate, TN_METH_FAST, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left." },
    { "__reduce__", (void *)m_reduce, TN_METH_NOARGS, "Return state information for pickling." },
    { "__reversed__", (void *)m_reversed, TN_METH_NOARGS, "D.__reversed__() -- return a reverse iterator over the deque" },
    { "__sizeof__", (void *)m_sizeof, TN_METH_NOARGS, NULL },
    { "__class_getitem__", (void *)m_class_getitem, TN_METH_O | TN_METH_CLASS, "See PEP 585" },
    { NULL, NULL, 0, NULL }
};

static TnObject *get_maxlen(TnObject *self, void *closure)
{
    (void)closure;
    tn_ssize_t m = DQ(self)->maxlen;
    if (m < 0)
        TN_RETURN_NONE;
    return tn_int_from_i64(m);
}

static const TnGetSetDef deque_getset[] = {
    { "maxlen", get_maxlen, NULL, "maximum size of a deque or None if unbounded", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

/* ---- type slots -------------------------------------------------------- */

static void deque_dealloc(TnObject *o)
{
    Deque *d = DQ(o);
    for (tn_ssize_t i = 0; i < DSIZE(d); i++)
        tn_decref(SLOT(d, i));
    tn_mem_free(d->items);
    tn_object_free(o);
}

static int deque_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    Deque *d = DQ(o);
    for (tn_ssize_t i = 0; i < DSIZE(d); i++) {
        int r = visit(SLOT(d, i), arg);
        if (r)
            return r;
    }
    return 0;
}

static int deque_tp_clear(TnObject *o)
{
    deque_clear_all(DQ(o));
    return 0;
}

static TnObject *deque_repr(TnObject *self)
{
    TnObject *name = NULL, *l = NULL, *lr = NULL, *res = NULL;
    int r = tn_repr_enter(self);
    if (r != 0)
        return r > 0 ? tn_str_from_cstr("[...]") : NULL;
    name = tn_object_getattr_cstr((TnObject *)TN_TYPE(self), "__name__");
    if (!name)
        goto done;
    l = deque_to_list(DQ(self));
    if (!l)
        goto done;
    lr = tn_object_repr(l);
    if (!lr)
        goto done;
    tn_ssize_t m = DQ(self)->maxlen;
    if (m >= 0)
        res = tn_str_from_format("%U(%U, maxlen=%zd)", name, lr, m);
    else
        res = tn_str_from_format("%U(%U)", name, lr);
done:
    tn_repr_leave(self);
    TN_XDECREF(name);
    TN_XDECREF(l);
    TN_XDECREF(lr);
    return res;
}

static tn_ssize_t deque_length(TnObject *self)
{
    return DSIZE(DQ(self));
}

static int deque_contains(TnObject *self, TnObject *v)
{
    tn_ssize_t i = deque_scan(DQ(self), v, 0, TN_SSIZE_MAX, SCAN_FIND, NULL,
                              &tn_exc_RuntimeError, "deque mutated during iteration");
    return i == -2 ? -1 : i >= 0;
}

static int normalize_index(Deque *d, TnObject *key, tn_ssize_t *out)
{
    if (!tn_int_check(key) && !TN_TYPE(key)->nb_index) {
        tn_err_format(&tn_exc_TypeError, "sequence index must be integer, not '%s'",
                      TN_TYPE(key)->tp_name);
        return -1;
    }
    tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
    if (i == -1 && tn_err_occurred())
        return -1;
    *out = i;
    (void)d;
    return 0;
}

static TnObject *deque_item(TnObject *self, tn_ssize_t i)
{
    Deque *d = DQ(self);
    tn_lock(self);
    if (i < 0)
        i += DSIZE(d);
    if (i < 0 || i >= DSIZE(d)) {
        tn_unlock(self);
        return tn_err_format(&tn_exc_IndexError, "deque index out of range");
    }
    TnObject *v = tn_newref(SLOT(d, i));
    tn_unlock(self);
    return v;
}

static TnObject *deque_subscript(TnObject *self, TnObject *key)
{
    tn_ssize_t i;
    if (normalize_index(DQ(self), key, &i) < 0)
        return NULL;
    return deque_item(self, i);
}

static int deque_ass_subscript(TnObject *self, TnObject *key, TnObject *value)
{
    Deque *d = DQ(self);
    tn_ssize_t i;
    if (normalize_index(d, key, &i) < 0)
        return -1;
    TnObject *old;
    if (value)
        tn_incref(value);
    tn_lock(self);
    if (i < 0)
        i += DSIZE(d);
    if (i < 0 || i >= DSIZE(d)) {
        tn_unlock(self);
        TN_XDECREF(value);
        tn_err_format(&tn_exc_IndexError, "deque index out of range");
        return -1;
    }
    if (value) {
        old = SLOT(d, i);
        SLOT(d, i) = value;
    } else {
        old = del_at_locked(d, i);
    }
    tn_unlock(self);
    tn_decref(old);
    return 0;
}

static int is_deque(TnObject *o)
{
    return tn_is_instance_fast(o, &deque_type);
}

static TnObject *deque_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!is_deque(a) || !is_deque(b))
        return tn_newref(tn_NotImplemented);
    TnObject *la = deque_to_list(DQ(a));
    if (!la)
        return NULL;
    TnObject *lb = deque_to_list(DQ(b));
    if (!lb) {
        tn_decref(la);
        return NULL;
    }
    TnObject *r = tn_object_richcompare(la, lb, op);
    tn_decref(la);
    tn_decref(lb);
    return r;
}

static TnObject *deque_concat(TnObject *a, TnObject *b)
{
    if (!is_deque(a))
        return tn_newref(tn_NotImplemented);
    if (!is_deque(b))
        return tn_err_format(&tn_exc_TypeError, "can only concatenate deque (not \"%s\") to deque",
                             TN_TYPE(b)->tp_name);
    TnObject *n = deque_copy_obj(a);
    if (!n)
        return NULL;
    if (!is_deque(n) || deque_extend_impl(DQ(n), b, 0) < 0) {
        if (!tn_err_occurred())
            tn_err_setstr(&tn_exc_TypeError, "deque.copy() did not return a deque");
        tn_decref(n);
        return NULL;
    }
    return n;
}

static int deque_repeat_inplace(TnObject *self, TnObject *count)
{
    Deque *d = DQ(self);
    if (!tn_int_check(count) && !TN_TYPE(count)->nb_index) {
        tn_err_format(&tn_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                      TN_TYPE(count)->tp_name);
        return -1;
    }
    tn_ssize_t n = tn_number_as_ssize(count, &tn_exc_OverflowError);
    if (n == -1 && tn_err_occurred())
        return -1;
    if (n <= 0) {
        deque_clear_all(d);
        return 0;
    }
    TnObject *l = deque_to_list(d);
    if (!l)
        return -1;
    tn_ssize_t len = TN_LIST_SIZE(l);
    int rc = 0;
    /* With a maxlen only the last maxlen items survive: skip the rest. */
    tn_ssize_t total = len * n;
    if (len > 0 && n > 1 && total / n != len) {
        tn_decref(l);
        tn_err_setstr(&tn_exc_MemoryError, "");
        return -1;
    }
    tn_ssize_t skip = 0;
    if (d->maxlen >= 0 && total > d->maxlen)
        skip = total - d->maxlen;
    for (tn_ssize_t k = len; k < total && rc == 0; k++) {
        if (k < skip)
            continue;
        rc = deque_push(d, tn_newref(TN_LIST_ITEMS(l)[k % len]), 0);
    }
    tn_decref(l);
    return rc;
}

static TnObject *deque_repeat(TnObject *a, TnObject *b)
{
    TnObject *self = a, *count = b;
    if (!is_deque(a)) {
        self = b;
        count = a;
    }
    if (!is_deque(self) || (!tn_int_check(count) && !TN_TYPE(count)->nb_index))
        return tn_newref(tn_NotImplemented);
    TnObject *n = deque_copy_obj(self);
    if (!n)
        return NULL;
    if (deque_repeat_inplace(n, count) < 0) {
        tn_decref(n);
        return NULL;
    }
    return n;
}

static TnObject *deque_inplace_add(TnObject *self, TnObject *other)
{
    if (deque_extend_impl(DQ(self), other, 0) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *deque_inplace_repeat(TnObject *self, TnObject *count)
{
    if (!tn_int_check(count) && !TN_TYPE(count)->nb_index)
        return tn_newref(tn_NotImplemented);
    if (deque_repeat_inplace(self, count) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *deque_tp_iter(TnObject *self)
{
    return deque_iter_make(&dequeiter_type, self);
}

static TnType deque_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(Deque),
    .tp_weaklistoffset = offsetof(Deque, weakreflist),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = deque_dealloc,
    .tp_repr = deque_repr,
    .tp_richcompare = deque_richcompare,   /* tp_hash NULL: unhashable */
    .tp_iter = deque_tp_iter,
    .tp_new = deque_new,
    .tp_init = deque_init,
    .tp_traverse = deque_traverse,
    .tp_clear = deque_tp_clear,
    .nb_add = deque_concat,
    .nb_multiply = deque_repeat,
    .nb_inplace_add = deque_inplace_add,
    .nb_inplace_multiply = deque_inplace_repeat,
    .sq_length = deque_length,
    .mp_subscript = deque_subscript,
    .mp_ass_subscript = deque_ass_subscript,
    .sq_contains = deque_contains,
    .sq_item = deque_item,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
    .tp_doc = "A list-like sequence optimized for data accesses near its endpoints.",
};

/* ---- iterators --------------------------------------------------------- */

typedef struct {
    TnObject ob_base;
    TnObject *deque;     /* NULL once exhausted */
    tn_ssize_t index;    /* items handed out so far */
    uint64_t state;      /* the deque's state when the iterator was made */
} DequeIter;

static TnObject *deque_iter_make(TnType *t, TnObject *self)
{
    DequeIter *it = (DequeIter *)tn_object_alloc(t, sizeof(DequeIter));
    if (!it)
        return NULL;
    it->deque = tn_newref(self);
    it->index = 0;
    it->state = DSTATE(DQ(self));
    return (TnObject *)it;
}

static TnObject *m_reversed(TnObject *self, TnObject *unused)
{
    (void)unused;
    return deque_iter_make(&dequereviter_type, self);
}

static void dequeiter_dealloc(TnObject *o)
{
    TN_XDECREF(((DequeIter *)o)->deque);
    tn_object_free(o);
}

static int dequeiter_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    DequeIter *it = (DequeIter *)o;
    return it->deque ? visit(it->deque, arg) : 0;
}

static TnObject *dequeiter_self(TnObject *o)
{
    return tn_newref(o);
}

/* The iterator's own lock keeps two threads sharing one iterator from
 * handing out one item twice; it is always taken before the deque's. */
static TnObject *dequeiter_step(TnObject *o, int reverse)
{
    DequeIter *it = (DequeIter *)o;
    TnObject *v = NULL, *done = NULL;
    int mutated = 0;
    tn_lock(o);
    if (!it->deque) {
        tn_unlock(o);
        return NULL;
    }
    Deque *d = DQ(it->deque);
    tn_lock((TnObject *)d);
    if (DSTATE(d) != it->state) {
        mutated = 1;
    } else if (it->index < DSIZE(d)) {
        tn_ssize_t i = reverse ? DSIZE(d) - 1 - it->index : it->index;
        v = tn_newref(SLOT(d, i));
        it->index++;
    }
    tn_unlock((TnObject *)d);
    if (!v) {
        done = it->deque;
        it->deque = NULL;
    }
    tn_unlock(o);
    TN_XDECREF(done);
    if (mutated)
        return tn_err_format(&tn_exc_RuntimeError, "deque mutated during iteration");
    return v;
}

static TnObject *dequeiter_next(TnObject *o)
{
    return dequeiter_step(o, 0);
}

static TnObject *dequereviter_next(TnObject *o)
{
    return dequeiter_step(o, 1);
}

static TnObject *dequeiter_length_hint(TnObject *o, TnObject *unused)
{
    (void)unused;
    DequeIter *it = (DequeIter *)o;
    tn_ssize_t n = it->deque ? deque_length(it->deque) - it->index : 0;
    return tn_int_from_i64(n > 0 ? n : 0);
}

static const TnMethodDef dequeiter_methods[] = {
    { "__length_hint__", (void *)dequeiter_length_hint, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static TnType dequeiter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "_collections._deque_iterator",
    .tp_basicsize = sizeof(DequeIter),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = dequeiter_dealloc,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = dequeiter_self,
    .tp_iternext = dequeiter_next,
    .tp_methods = dequeiter_methods,
};

static TnType dequereviter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "_collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(DequeIter),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = dequeiter_dealloc,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = dequeiter_self,
    .tp_iternext = dequereviter_next,
    .tp_methods = dequeiter_methods,
};

/* ---- _tuplegetter: namedtuple's field descriptors ---------------------- */

/* A data descriptor returning item `index` of a tuple: `p.x` costs one
 * native call instead of a property calling a Python function. */
typedef struct {
    TnObject ob_base;
    tn_ssize_t index;
    TnObject *doc;
} TupleGetter;

static TnType tuplegetter_type;

static TnObject *tuplegetter_new(TnType *type, TnObject *const *args, size_t nargs,
                                 TnObject *kwnames)
{
    if (tn_check_no_kwargs("_tuplegetter", kwnames) < 0 ||
        tn_check_nargs("_tuplegetter", nargs, 2, 2) < 0)
        return NULL;
    tn_ssize_t index = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (index == -1 && tn_err_occurred())
        return NULL;
    TupleGetter *g = (TupleGetter *)tn_object_alloc(type, type->tp_basicsize);
    if (!g)
        return NULL;
    g->index = index;
    g->doc = tn_newref(args[1]);
    return (TnObject *)g;
}

static void tuplegetter_dealloc(TnObject *o)
{
    TN_XDECREF(((TupleGetter *)o)->doc);
    tn_object_free(o);
}

static int tuplegetter_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    TupleGetter *g = (TupleGetter *)o;
    return g->doc ? visit(g->doc, arg) : 0;
}

static TnObject *tuplegetter_get(TnObject *self, TnObject *obj, TnObject *type)
{
    (void)type;
    TupleGetter *g = (TupleGetter *)self;
    if (!obj || obj == tn_None)
        return tn_newref(self);
    if (!tn_tuple_check(obj))
        return tn_err_format(&tn_exc_TypeError,
                             "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                             g->index, TN_TYPE(obj)->tp_name);
    if (g->index < 0 || g->index >= TN_TUPLE_SIZE(obj))
        return tn_err_format(&tn_exc_IndexError, "tuple index out of range");
    return tn_newref(TN_TUPLE_ITEMS(obj)[g->index]);
}

static int tuplegetter_set(TnObject *self, TnObject *obj, TnObject *value)
{
    (void)self; (void)obj;
    tn_err_setstr(&tn_exc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
    return -1;
}

static const TnMemberDef tuplegetter_members[] = {
    { "__doc__", TN_MEMBER_OBJECT, offsetof(TupleGetter, doc), 0, NULL },
    { NULL, 0, 0, 0, NULL }
};

static TnType tuplegetter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "_collections._tuplegetter",
    .tp_basicsize = sizeof(TupleGetter),
    .tp_flags = TN_TPFLAG_GC,
    .tp_dealloc = tuplegetter_dealloc,
    .tp_traverse = tuplegetter_traverse,
    .tp_descr_get = tuplegetter_get,
    .tp_descr_set = tuplegetter_set,
    .tp_new = tuplegetter_new,
    .tp_members = tuplegetter_members,
};

TnObject *tn_module_init__collections(void)
{
    if (tn_type_ready(&deque_type) < 0 || tn_type_ready(&dequeiter_type) < 0 ||
        tn_type_ready(&dequereviter_type) < 0 || tn_type_ready(&tuplegetter_type) < 0)
        return NULL;
    TnObject *m = tn_module_new("_collections");
    if (!m)
        return NULL;
    if (tn_module_add_type(m, &deque_type) < 0 ||
        tn_module_add_type(m, &tuplegetter_type) < 0) {
        TN_DECREF(m);
        return NULL;
    }
    return m;
}
