/* The cyclic garbage collector, for both builds (design: docs/gc.md).
 *
 * Reference counting frees everything but cycles. A collection of
 * generations 0..g takes every tracked object of those generations, sets
 * gc_refs = its reference count, subtracts the references that come from
 * other objects of the set (tp_traverse), and marks everything reachable
 * from an object with gc_refs > 0: the rest is only referenced from inside
 * the set, i.e. garbage. Garbage is then handled as PEP 442 asks: weak
 * references to it are cleared, finalizers run once, the set is checked
 * again for resurrection, and tp_clear breaks the cycles so that reference
 * counting frees them.
 *
 * Threads (ft build): the analysis needs exact reference counts and a set
 * that nobody mutates, so it runs with the world stopped (stw.h; a no-op
 * in the gil build, where the GIL holder is alone). Weak references are
 * cleared while the world is still stopped, so no thread can fetch garbage
 * through one. Finalizers and callbacks run Python code, so they run after
 * the world restarts; the collector holds a reference to each garbage
 * object meanwhile, and stops the world a second time for the resurrection
 * check only if a finalizer ran.
 *
 * Tracking: each thread links the objects it allocates into its own list
 * (three generations), under that list's lock, which only a thread freeing
 * another thread's object ever contends for. The allocation count that
 * triggers automatic collections is kept per list, i.e. per thread.
 *
 * State: `lists` and `nlists` change under reg_mu (a new list is published
 * before any object names it). Everything else the collector keeps is
 * touched only by the collecting thread, serialised by `collecting`. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "tandem/tandem.h"
#include "tandem/gc.h"
#include "tandem/gil.h"
#include "tandem/stw.h"

#define MAX_LISTS 1024
#define NGEN 3

/* Allocation back-pressure. Finalizers, callbacks and the freeing of the
 * garbage run after the world restarts, on the collecting thread alone,
 * while the other threads go on allocating; with several allocating
 * threads the garbage made during one collection outgrew what it freed,
 * and each collection was bigger than the last (4 threads on 2 cores:
 * 26 collections of up to 300,000 objects in a second, and 4x the gil
 * build's peak RSS). A thread that has allocated BACKPRESSURE thresholds'
 * worth during a collection waits for its end, at a safe point, detached,
 * and at most WAIT_NS at a time: a finalizer may be waiting for a lock
 * that thread holds. */
#define BACKPRESSURE 4
#define WAIT_NS 5000000L

typedef struct GCList {
    TN_SHARED(int) lock;        /* ft: spin lock guarding the links; gil: unused */
    int in_use;                 /* a live thread owns it (reg_mu) */
    TN_SHARED(long) count;      /* allocations minus frees by the owner since gen 0 ran */
    TnGCHead gen[NGEN];         /* circular lists with sentinel heads */
} GCList;

static TN_SHARED(GCList *) lists[MAX_LISTS];
static TN_SHARED(uint32_t) nlists;
static pthread_mutex_t reg_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t exit_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static _Thread_local GCList *tls_list;
static _Thread_local uint32_t tls_idx;

static TN_SHARED(int) enabled = 1;
static TN_SHARED(int) threshold[NGEN] = { 700, 10, 10 };
static TN_SHARED(int) debug_flags;
static TN_SHARED(int) collecting;
/* Collector-private (the thread that set `collecting`). */
static TN_SHARED(long) gen_count[NGEN];  /* [1], [2]: collections of the younger generation */
static long long_lived_total, long_lived_pending;
static long stat_collections[NGEN], stat_collected[NGEN], stat_uncollectable[NGEN];
static TnObject *gc_garbage, *gc_callbacks;   /* the gc module's lists (immortal module) */
static uint64_t pause_max_ns;

/* ---- lists ------------------------------------------------------------------ */

static void list_lock(GCList *l)
{
#ifdef TANDEM_FT
    for (int spins = 0;; spins++) {
        int e = 0;
        if (atomic_compare_exchange_weak_explicit(&l->lock, &e, 1, memory_order_acquire,
                                                  memory_order_relaxed))
            return;
        if (spins > 64)
            sched_yield();
    }
#else
    (void)l;
#endif
}

static void list_unlock(GCList *l)
{
#ifdef TANDEM_FT
    atomic_store_explicit(&l->lock, 0, memory_order_release);
#else
    (void)l;
#endif
}

static void head_init(TnGCHead *h)
{
    h->next = h->prev = h;
}

static void head_append(TnGCHead *list, TnGCHead *h)
{
    h->prev = list->prev;
    h->next = list;
    list->prev->next = h;
    list->prev = h;
}

static void head_remove(TnGCHead *h)
{
    h->prev->next = h->next;
    h->next->prev = h->prev;
    h->next = h->prev = NULL;
}

/* Move every element of `from` to the end of `to`. */
static void head_splice(TnGCHead *from, TnGCHead *to)
{
    if (from->next == from)
        return;
    from->next->prev = to->prev;
    to->prev->next = from->next;
    from->prev->next = to;
    to->prev = from->prev;
    head_init(from);
}

/* acquire: pairs with the release that published the list, so its
 * initialised contents are visible to whoever finds it */
static GCList *list_at(uint32_t i)
{
    return tn_load_acquire(&lists[i]);
}

static uint32_t meta_index(uint64_t m)
{
    return (uint32_t)(m >> 8) & 0xffffffu;
}

static int32_t meta_refs(uint64_t m)
{
    return (int32_t)(uint32_t)(m >> 32);
}

static void release_list(void *p)
{
    pthread_mutex_lock(&reg_mu);
    ((GCList *)p)->in_use = 0;
    pthread_mutex_unlock(&reg_mu);
    tls_list = NULL;
}

static void make_key(void)
{
    pthread_key_create(&exit_key, release_list);
}

/* Give the calling thread a home list: one a finished thread left behind
 * (its objects stay in it), or a new one. Past MAX_LISTS threads at once,
 * the rest share list 0 (correct, only contended). */
static GCList *adopt_list(void)
{
    pthread_once(&key_once, make_key);
    pthread_mutex_lock(&reg_mu);
    uint32_t n = tn_load_acquire(&nlists), idx = 0;
    GCList *l = NULL;
    for (uint32_t i = 0; i < n; i++) {
        GCList *c = list_at(i);
        if (!c->in_use) {
            l = c, idx = i;
            break;
        }
    }
    if (!l && n < MAX_LISTS) {
        l = aligned_alloc(64, (sizeof(GCList) + 63) & ~(size_t)63);
        if (l) {
            memset(l, 0, sizeof *l);
            for (int g = 0; g < NGEN; g++)
                head_init(&l->gen[g]);
            idx = n;
            tn_store_release(&lists[n], l);
            tn_store_release(&nlists, n + 1);
        }
    }
    if (!l) {
        l = list_at(0);     /* list 0 exists: the main thread made it */
        idx = 0;
    }
    l->in_use = 1;
    pthread_mutex_unlock(&reg_mu);
    tls_list = l;
    tls_idx = idx;
    pthread_setspecific(exit_key, l);
    return l;
}

static void request_collection(void)
{
    TnThreadState *ts = tn_ts();
    if (ts && !(__atomic_load_n((uint32_t *)&ts->eval_breaker, __ATOMIC_RELAXED) & TN_EB_GC))
        __atomic_fetch_or((uint32_t *)&ts->eval_breaker, (uint32_t)TN_EB_GC, __ATOMIC_RELAXED);
}

void tn_gc_link(TnObject *o)
{
    GCList *l = tls_list;
    if (TN_UNLIKELY(!l))
        l = adopt_list();
    TnGCHead *h = TN_GC_HEAD(o);
    tn_store_relaxed(&h->meta, (uint64_t)tls_idx << 8 | TN_GC_TRACKED);
    list_lock(l);
    head_append(&l->gen[0], h);
    list_unlock(l);
    long c = tn_load_relaxed(&l->count) + 1;
    tn_store_relaxed(&l->count, c);
    int t0 = tn_load_relaxed(&threshold[0]);
    if (TN_UNLIKELY(c > t0) && t0 > 0 && tn_load_relaxed(&enabled) &&
        (!tn_load_relaxed(&collecting) || c > BACKPRESSURE * (long)t0))
        request_collection();
}

void tn_gc_unlink(TnObject *o)
{
    TnGCHead *h = TN_GC_HEAD(o);
    uint64_t m = tn_load_relaxed(&h->meta);
    if (!(m & TN_GC_TRACKED))
        return;
    GCList *l = list_at(meta_index(m));
    list_lock(l);
    head_remove(h);
    list_unlock(l);
    tn_store_relaxed(&h->meta, m & ~(uint64_t)TN_GC_TRACKED);
    /* Only down to 0 (as CPython): a collection that frees many objects
     * must not postpone the next one by as many allocations. */
    GCList *mine = tls_list;
    if (mine) {
        long c = tn_load_relaxed(&mine->count);
        if (c > 0)
            tn_store_relaxed(&mine->count, c - 1);
    }
}

int tn_gc_test_and_set_finalized(TnObject *o)
{
    if (!tn_gc_is_gc(o))
        return 0;
    TnGCHead *h = TN_GC_HEAD(o);
#ifdef TANDEM_FT
    return (atomic_fetch_or_explicit(&h->meta, (uint64_t)TN_GC_FINALIZED,
                                     memory_order_relaxed) & TN_GC_FINALIZED) != 0;
#else
    int was = (h->meta & TN_GC_FINALIZED) != 0;
    h->meta |= TN_GC_FINALIZED;
    return was;
#endif
}

/* ---- growable vectors (plain malloc: they live only during a collection) -- */

int tn_gcvec_push(TnGCVec *v, TnObject *o)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 256;
        TnObject **p = realloc(v->v, cap * sizeof *p);
        if (!p)
            return -1;
        v->v = p;
        v->cap = cap;
    }
    v->v[v->n++] = o;
    return 0;
}

static void gcvec_free(TnGCVec *v)
{
    free(v->v);
    v->v = NULL;
    v->n = v->cap = 0;
}

/* ---- the analysis (world stopped) ------------------------------------------- */

static void set_refs(TnGCHead *h, int32_t refs, uint32_t flags_on, uint32_t flags_off)
{
    uint64_t m = tn_load_relaxed(&h->meta);
    m = (m & 0xffffffffu & ~(uint64_t)flags_off) | flags_on;
    tn_store_relaxed(&h->meta, (uint64_t)(uint32_t)refs << 32 | m);
}

static int visit_decref(TnObject *o, void *arg)
{
    (void)arg;
    if (!tn_gc_is_gc(o))
        return 0;
    TnGCHead *h = TN_GC_HEAD(o);
    uint64_t m = tn_load_relaxed(&h->meta);
    if (m & TN_GC_COLLECTING) {
        int32_t r = meta_refs(m);
        if (r > 0)
            set_refs(h, r - 1, 0, 0);
    }
    return 0;
}

struct mark_state {
    TnGCVec stack;
    int failed;
};

static int visit_mark(TnObject *o, void *arg)
{
    struct mark_state *st = arg;
    if (!tn_gc_is_gc(o))
        return 0;
    TnGCHead *h = TN_GC_HEAD(o);
    uint64_t m = tn_load_relaxed(&h->meta);
    if ((m & (TN_GC_COLLECTING | TN_GC_REACHABLE)) == TN_GC_COLLECTING) {
        tn_store_relaxed(&h->meta, m | TN_GC_REACHABLE);
        if (tn_gcvec_push(&st->stack, o) < 0)
            st->failed = 1;
    }
    return 0;
}

static void traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    int (*trav)(TnObject *, tn_visitproc, void *) = TN_TYPE(o)->tp_traverse;
    if (trav)
        trav(o, visit, arg);
}

/* Mark REACHABLE everything in `set` (all COLLECTING, gc_refs computed)
 * that is reachable from an element with gc_refs > 0. Returns -1 if memory
 * ran out; the caller then treats the whole set as reachable. */
static int mark_reachable(TnGCHead *set)
{
    struct mark_state st = { { NULL, 0, 0 }, 0 };
    for (TnGCHead *h = set->next; h != set; h = h->next) {
        uint64_t m = tn_load_relaxed(&h->meta);
        if (meta_refs(m) > 0 && !(m & TN_GC_REACHABLE)) {
            tn_store_relaxed(&h->meta, m | TN_GC_REACHABLE);
            if (tn_gcvec_push(&st.stack, TN_GC_OBJ(h)) < 0)
                st.failed = 1;
        }
        while (st.stack.n && !st.failed)
            traverse(st.stack.v[--st.stack.n], visit_mark, &st);
        if (st.failed)
            break;
    }
    gcvec_free(&st.stack);
    return st.failed ? -1 : 0;
}

/* gc_refs := reference count (minus `bias` held by the collector) for every
 * element of `set`, then subtract the references from inside the set. */
static void compute_refs(TnGCHead *set, int bias)
{
    for (TnGCHead *h = set->next; h != set; h = h->next) {
        tn_ssize_t rc = tn_refcount(TN_GC_OBJ(h)) - bias;
        if (rc > INT32_MAX)
            rc = INT32_MAX;
        if (rc < 0)
            rc = 0;
        set_refs(h, (int32_t)rc, TN_GC_COLLECTING, TN_GC_REACHABLE);
    }
    for (TnGCHead *h = set->next; h != set; h = h->next)
        traverse(TN_GC_OBJ(h), visit_decref, NULL);
}

static void move_home(TnGCHead *h, int gen, int locked)
{
    uint64_t m = tn_load_relaxed(&h->meta);
    GCList *l = list_at(meta_index(m));
    if (!locked)
        list_lock(l);
    head_append(&l->gen[gen], h);
    if (!locked)
        list_unlock(l);
    tn_store_relaxed(&h->meta, (m & 0xffffffffu) &
                     ~(uint64_t)(TN_GC_COLLECTING | TN_GC_REACHABLE | TN_GC_UNREACHABLE));
}

static TnGCHead garbage_list;   /* collector-private */

/* Split generations 0..gen of every list into survivors (moved to the next
 * generation) and garbage (moved to garbage_list, pushed on *garbage). */
static void find_garbage(int gen, TnGCVec *garbage)
{
    TnGCHead work;
    head_init(&work);
    uint32_t n = tn_load_acquire(&nlists);
    for (uint32_t i = 0; i < n; i++) {
        GCList *l = list_at(i);
        for (int g = 0; g <= gen; g++)
            head_splice(&l->gen[g], &work);
    }
    int dst = gen < NGEN - 1 ? gen + 1 : NGEN - 1;
    /* An object whose count is already 0 is being deallocated by a thread
     * that reached a safe point inside its tp_dealloc (a __del__ of a field
     * runs Python code), or waits for its owner's merge or for
     * tn_deferred_collect: someone else frees it, and its fields may be
     * half torn down. Leave it out, untouched: what it references keeps
     * the count it holds, so nothing it owns is mistaken for garbage. */
    for (TnGCHead *h = work.next, *next; h != &work; h = next) {
        next = h->next;
        if (tn_refcount(TN_GC_OBJ(h)) <= 0) {
            head_remove(h);
            move_home(h, dst, 1);
        }
    }
    compute_refs(&work, 0);
    if (mark_reachable(&work) < 0) {
        for (TnGCHead *h = work.next; h != &work; h = h->next)
            TN_GC_META_OR(h, TN_GC_REACHABLE);
    }
    long survivors = 0;
    for (TnGCHead *h = work.next, *next; h != &work; h = next) {
        next = h->next;
        head_remove(h);
        uint64_t m = tn_load_relaxed(&h->meta);
        if ((m & TN_GC_REACHABLE) || tn_gcvec_push(garbage, TN_GC_OBJ(h)) < 0) {
            move_home(h, dst, 1);
            survivors++;
        } else {
            head_append(&garbage_list, h);
            set_refs(h, 0, TN_GC_UNREACHABLE, TN_GC_COLLECTING | TN_GC_REACHABLE);
        }
    }
    if (gen == 2) {
        long_lived_pending = 0;
        long_lived_total = survivors;
    } else if (gen == 1) {
        long_lived_pending += survivors;
    }
}

/* After the finalizers ran (world stopped again): whatever in the garbage
 * is now referenced from outside it, and everything it reaches, survives.
 * Returns the resurrected objects (still holding the collector's
 * reference) through *alive; the rest of *garbage stays garbage. */
static void find_resurrected(TnGCVec *garbage, TnGCVec *alive)
{
    compute_refs(&garbage_list, 1);
    if (mark_reachable(&garbage_list) < 0)
        for (TnGCHead *h = garbage_list.next; h != &garbage_list; h = h->next)
            TN_GC_META_OR(h, TN_GC_REACHABLE);
    size_t k = 0;
    for (size_t i = 0; i < garbage->n; i++) {
        TnObject *o = garbage->v[i];
        TnGCHead *h = TN_GC_HEAD(o);
        uint64_t m = tn_load_relaxed(&h->meta);
        if ((m & TN_GC_REACHABLE) && tn_gcvec_push(alive, o) == 0) {
            head_remove(h);
            move_home(h, NGEN - 1, 0);
        } else {
            set_refs(h, 0, 0, TN_GC_COLLECTING | TN_GC_REACHABLE);
            garbage->v[k++] = o;
        }
    }
    garbage->n = k;
}

/* ---- a collection ----------------------------------------------------------- */

static void reset_counts(int gen)
{
    uint32_t n = tn_load_acquire(&nlists);
    for (uint32_t i = 0; i < n; i++)
        tn_store_relaxed(&list_at(i)->count, 0);
    if (gen + 1 < NGEN)
        tn_store_relaxed(&gen_count[gen + 1], tn_load_relaxed(&gen_count[gen + 1]) + 1);
    for (int g = 1; g <= gen; g++)
        tn_store_relaxed(&gen_count[g], 0);
}

static int invoke_callbacks(const char *phase, int gen, tn_ssize_t collected,
                            tn_ssize_t uncollectable)
{
    if (!gc_callbacks || TN_LIST_SIZE(gc_callbacks) == 0)
        return 0;
    TnObject *info = tn_dict_new(), *cbs = NULL, *ph = NULL, *v;
    int r = -1;
    if (!info)
        return -1;
    const char *keys[] = { "generation", "collected", "uncollectable" };
    tn_ssize_t vals[] = { gen, collected, uncollectable };
    for (int i = 0; i < 3; i++) {
        v = tn_int_from_i64(vals[i]);
        if (!v || tn_dict_setitem_str(info, keys[i], v) < 0) {
            TN_XDECREF(v);
            goto done;
        }
        TN_DECREF(v);
    }
    ph = tn_str_from_cstr(phase);
    /* a copy: a callback may change gc.callbacks */
    cbs = ph ? tn_list_getslice(gc_callbacks, 0, TN_LIST_SIZE(gc_callbacks)) : NULL;
    if (!cbs)
        goto done;
    for (tn_ssize_t i = 0; i < TN_LIST_SIZE(cbs); i++) {
        TnObject *cb = TN_LIST_ITEMS(cbs)[i];
        TnObject *args[2] = { ph, info };
        TnObject *res = tn_call(cb, args, 2, NULL);
        if (!res)
            tn_err_write_unraisable(cb);
        else
            TN_DECREF(res);
    }
    r = 0;
done:
    TN_XDECREF(cbs);
    TN_XDECREF(ph);
    TN_DECREF(info);
    return r;
}

static tn_ssize_t collect(int gen, int explicit)
{
    TnThreadState *ts = tn_ts();
    uint64_t t0 = tn_monotonic_ns();
    TnGCVec garbage = { NULL, 0, 0 }, cbs = { NULL, 0, 0 }, alive = { NULL, 0, 0 };
    head_init(&garbage_list);

    tn_stop_the_world();
    find_garbage(gen, &garbage);
    for (size_t i = 0; i < garbage.n; i++) {
        TnObject *o = garbage.v[i];
        if (tn_gc_meta(o) & TN_GC_WEAKREFS)
            tn_weakref_clear_for_gc(o, &cbs);
    }
    int deferred = 0;
    for (size_t i = 0; i < garbage.n; i++) {
        tn_incref(garbage.v[i]);   /* ours until the cycles are broken */
        deferred |= tn_is_deferred(garbage.v[i]);
    }
    reset_counts(gen);
    tn_start_the_world();
    uint64_t pause = tn_monotonic_ns() - t0;
    tn_ssize_t found = (tn_ssize_t)garbage.n;

    /* Python code from here on: callbacks of weak references that survive
     * their referent, then finalizers (once per object). */
    for (size_t i = 0; i < cbs.n; i++) {
        tn_weakref_call_callback(cbs.v[i]);
        TN_DECREF(cbs.v[i]);
    }
    int finalized = 0;
    for (size_t i = 0; i < garbage.n; i++) {
        TnObject *o = garbage.v[i];
        void (*fin)(TnObject *) = TN_TYPE(o)->tp_finalize;
        if (fin && !tn_gc_test_and_set_finalized(o)) {
            fin(o);
            finalized = 1;
        }
    }
    if (finalized) {
        uint64_t t1 = tn_monotonic_ns();
        tn_stop_the_world();
        find_resurrected(&garbage, &alive);
        tn_start_the_world();
        pause += tn_monotonic_ns() - t1;
    }
    int saveall = (tn_load_relaxed(&debug_flags) & TN_GC_DEBUG_SAVEALL) != 0;
    for (size_t i = 0; i < garbage.n; i++) {
        TnGCHead *h = TN_GC_HEAD(garbage.v[i]);
        head_remove(h);
        move_home(h, NGEN - 1, 0);
    }
    for (size_t i = 0; i < garbage.n; i++) {
        TnObject *o = garbage.v[i];
        if (saveall) {
            if (gc_garbage && tn_list_append(gc_garbage, o) < 0)
                tn_err_clear();
        } else if (TN_TYPE(o)->tp_clear) {
            TN_TYPE(o)->tp_clear(o);
        }
    }
    for (size_t i = 0; i < garbage.n; i++)
        TN_DECREF(garbage.v[i]);
    for (size_t i = 0; i < alive.n; i++)
        TN_DECREF(alive.v[i]);
    tn_ssize_t collected = (tn_ssize_t)garbage.n;
    gcvec_free(&garbage);
    gcvec_free(&cbs);
    gcvec_free(&alive);
    /* Deferred objects (ft) are not freed by their count reaching 0 but by
     * a pass of their own (another stop): after an automatic collection
     * only if it released some; after gc.collect() always, since a caller
     * of gc.collect() expects every unreachable object gone (a dropped
     * module-level container is deferred). */
    if (deferred || explicit)
        tn_deferred_collect();

    stat_collections[gen]++;
    stat_collected[gen] += collected;
    if (pause > pause_max_ns)
        pause_max_ns = pause;
    if (ts) {
        TN_STAT_INC(ts, gc_collections);
        if (gen == 0)
            TN_STAT_INC(ts, gc_gen0);
        else if (gen == 1)
            TN_STAT_INC(ts, gc_gen1);
        else
            TN_STAT_INC(ts, gc_gen2);
        TN_STAT_ADD(ts, gc_collected, (uint64_t)collected);
        TN_STAT_ADD(ts, gc_pause_ns, pause);
        if (pause > ts->stats.gc_pause_max_ns)
            ts->stats.gc_pause_max_ns = pause;
    }
    return found;
}

static pthread_mutex_t done_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t done_cv = PTHREAD_COND_INITIALIZER;

static void end_collecting(void)
{
    pthread_mutex_lock(&done_mu);
    tn_store_release(&collecting, 0);   /* hands the collector state to the next one */
    pthread_cond_broadcast(&done_cv);
    pthread_mutex_unlock(&done_mu);
}

static void wait_for_collection(void)
{
    TnThreadState *ts = tn_ts();
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_nsec += WAIT_NS;
    if (dl.tv_nsec >= 1000000000L) {
        dl.tv_sec++;
        dl.tv_nsec -= 1000000000L;
    }
    TN_BEGIN_BLOCKING(ts);
    pthread_mutex_lock(&done_mu);
    while (tn_load_acquire(&collecting))
        if (pthread_cond_timedwait(&done_cv, &done_mu, &dl) == ETIMEDOUT)
            break;
    pthread_mutex_unlock(&done_mu);
    TN_END_BLOCKING(ts);
}

static int begin_collecting(void)
{
    int z = 0;
#ifdef TANDEM_FT
    return atomic_compare_exchange_strong(&collecting, &z, 1);
#else
    if (collecting != z)
        return 0;
    collecting = 1;
    return 1;
#endif
}

static tn_ssize_t run_collection(int gen, int explicit)
{
    /* Keep the exception being handled or raised by the caller out of the
     * callbacks' and finalizers' way. */
    TnObject *exc = tn_err_fetch();
    invoke_callbacks("start", gen, 0, 0);
    tn_ssize_t n = collect(gen, explicit);
    invoke_callbacks("stop", gen, n, 0);
    tn_err_restore(exc);
    end_collecting();
    return n;
}

tn_ssize_t tn_gc_collect(int gen)
{
    if (!begin_collecting())
        return 0;
    return run_collection(gen, 1);
}

void tn_gc_safe_point(void)
{
    if (!tn_load_relaxed(&enabled))
        return;
    if (tn_load_relaxed(&collecting) || !begin_collecting()) {
        GCList *l = tls_list;
        if (l && tn_load_relaxed(&l->count) > BACKPRESSURE * (long)tn_load_relaxed(&threshold[0]))
            wait_for_collection();
        return;
    }
    long c[NGEN];
    tn_gc_get_count(c);
    for (int g = NGEN - 1; g >= 0; g--) {
        int t = tn_load_relaxed(&threshold[g]);
        if (c[g] > t && (g > 0 || t > 0)) {
            /* A full collection only when enough objects survived young
             * collections since the last one (CPython's rule): keeps the
             * total cost linear when many long-lived objects are made. */
            if (g == NGEN - 1 && long_lived_pending < long_lived_total / 4)
                continue;
            run_collection(g, 0);
            return;
        }
    }
    end_collecting();
}

/* ---- settings, introspection ------------------------------------------------ */

void tn_gc_set_enabled(int on) { tn_store_relaxed(&enabled, on); }
int tn_gc_is_enabled(void) { return tn_load_relaxed(&enabled); }
void tn_gc_set_debug(int flags) { tn_store_relaxed(&debug_flags, flags); }
int tn_gc_get_debug(void) { return tn_load_relaxed(&debug_flags); }

void tn_gc_get_threshold(int out[3])
{
    for (int g = 0; g < NGEN; g++)
        out[g] = tn_load_relaxed(&threshold[g]);
}

void tn_gc_set_threshold(const int *v, int n)
{
    for (int g = 0; g < n && g < NGEN; g++)
        tn_store_relaxed(&threshold[g], v[g]);
}

/* gen 0: the sum of the per-thread counts (a racy but recent value is all
 * the trigger needs); gens 1 and 2 are the collector's. */
void tn_gc_get_count(long out[3])
{
    long c0 = 0;
    uint32_t n = tn_load_acquire(&nlists);
    for (uint32_t i = 0; i < n; i++)
        c0 += tn_load_relaxed(&list_at(i)->count);
    out[0] = c0 > 0 ? c0 : 0;
    out[1] = tn_load_relaxed(&gen_count[1]);
    out[2] = tn_load_relaxed(&gen_count[2]);
}

void tn_gc_set_module_lists(TnObject *garbage, TnObject *callbacks)
{
    gc_garbage = garbage;
    gc_callbacks = callbacks;
}

void tn_gc_get_stats(int gen, long *collections, long *collected, long *uncollectable)
{
    *collections = stat_collections[gen];
    *collected = stat_collected[gen];
    *uncollectable = stat_uncollectable[gen];
}

void tn_gc_foreach(int (*fn)(TnObject *, void *), void *arg)
{
    tn_stop_the_world();
    uint32_t n = tn_load_acquire(&nlists);
    for (uint32_t i = 0; i < n; i++) {
        GCList *l = list_at(i);
        for (int g = 0; g < NGEN; g++)
            for (TnGCHead *h = l->gen[g].next; h != &l->gen[g]; h = h->next) {
                TnObject *o = TN_GC_OBJ(h);
                if (tn_refcount(o) > 0 && fn(o, arg))
                    goto out;
            }
    }
out:
    tn_start_the_world();
}

uint64_t tn_gc_pause_max_ns(void)
{
    return pause_max_ns;
}
