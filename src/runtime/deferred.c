/* Deferred (per-thread) reference counting for the objects every thread
 * reads: functions, code objects and their constants, classes, modules and
 * module dicts, builtins, fresh module globals. See docs/refcounting.md.
 *
 * ft build. Such an object gets a slot; its ob_ref_shared holds
 * (slot << 2) | TN_REF_DEFERRED for the rest of its life. The owner keeps
 * counting in ob_ref_local; every other thread adds to its own array
 * tn_tls_drefs[slot] without atomic read-modify-writes, so N threads calling
 * one function touch N private cache lines instead of one shared one. The
 * true count, local + the sum over all arrays (plus `orphan`, the counts of
 * threads that exited), is known only with the world stopped; so a deferred
 * object is never freed when a count reaches zero: tn_deferred_collect()
 * stops the world, adds the counts up and frees the objects at zero.
 *
 * `mu` protects the slot table, the orphan counts and the growth of every
 * thread's array (so that tn_refcount may read the arrays of running
 * threads). A pass runs when as many objects were made deferred since the
 * last pass as were alive after it (plus a floor), so its cost stays in
 * proportion to the allocations that caused it. Cycles among deferred
 * objects (a function and its module's dict) are the cyclic GC's job.
 *
 * gil build: plain counts already cost no atomics; the API compiles to
 * nothing (object.h). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/stw.h"
#include "tandem/set.h"

#ifdef TANDEM_FT
#define SHIFT TN_REF_SHARED_SHIFT
#define MAX_SLOTS (1u << 29)         /* slot << 2 must fit an int32_t */
#define PASS_FLOOR 2048u
#define DROPS_PER_PASS 32u

_Thread_local TN_SHARED(intptr_t) *tn_tls_drefs;
_Thread_local uint32_t tn_tls_drefs_cap;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static TnObject **table;            /* slot -> object; NULL = free; slot 0 unused */
static uint32_t table_cap, table_top = 1;
static uint32_t *free_slots, nfree, free_cap;
static intptr_t *orphan;            /* counts of exited threads, table_cap long */
static uint32_t live, made_since_pass, dropped_since_pass;

static int grow_table(void)
{
    uint32_t cap = table_cap ? table_cap * 2 : 1024;
    if (cap > MAX_SLOTS)
        return -1;
    TnObject **t = realloc(table, cap * sizeof *t);
    if (!t)
        return -1;
    table = t;
    intptr_t *o = realloc(orphan, cap * sizeof *o);
    if (!o)
        return -1;
    orphan = o;
    memset(table + table_cap, 0, (cap - table_cap) * sizeof *table);
    memset(orphan + table_cap, 0, (cap - table_cap) * sizeof *orphan);
    table_cap = cap;
    return 0;
}

/* With mu held: a free slot for o, or 0. */
static uint32_t slot_take(TnObject *o)
{
    uint32_t slot;
    if (nfree)
        slot = free_slots[--nfree];
    else {
        if (table_top >= table_cap && grow_table() < 0)
            return 0;
        slot = table_top++;
    }
    table[slot] = o;
    live++;
    return slot;
}

/* With mu held. Never fails: free_slots has room for every slot. */
static void slot_give(uint32_t slot)
{
    if (nfree == free_cap) {
        uint32_t cap = free_cap ? free_cap * 2 : 1024;
        uint32_t *f = realloc(free_slots, cap * sizeof *f);
        if (!f)
            return;              /* the slot is lost, nothing else */
        free_slots = f;
        free_cap = cap;
    }
    table[slot] = NULL;
    orphan[slot] = 0;
    free_slots[nfree++] = slot;
    live--;
}

int tn_is_deferred(TnObject *o)
{
    return (tn_load_relaxed(&o->ob_ref_shared) & 3) == TN_REF_DEFERRED;
}

void tn_set_deferred(TnObject *o)
{
    if (tn_is_immortal(o) || tn_load_relaxed(&o->ob_tid) != tn_tls_tid)
        return;
    int32_t shared = tn_load_relaxed(&o->ob_ref_shared);
    if (shared != 0)
        return;                  /* other threads hold references, or deferred already */
    pthread_mutex_lock(&mu);
    uint32_t slot = slot_take(o);
    int run_pass = slot && ++made_since_pass >= live / 2 + PASS_FLOOR;
    pthread_mutex_unlock(&mu);
    if (!slot)
        return;                  /* out of slots: plain biased counting still works */
    /* A CAS, not a store: a lock-free reader may be taking a reference
     * through tn_try_incref right now; then the object stays as it is. */
    if (!tn_cas(&o->ob_ref_shared, &shared, (int32_t)(slot << SHIFT) | TN_REF_DEFERRED)) {
        pthread_mutex_lock(&mu);
        slot_give(slot);
        pthread_mutex_unlock(&mu);
        return;
    }
    TnThreadState *ts = tn_ts();
    TN_STAT_INC(ts, deferred_made);
    if (run_pass)
        __atomic_fetch_or(&ts->eval_breaker, (uint32_t)TN_EB_DEFERRED, __ATOMIC_RELAXED);
}

/* The numbers and strings held by a fresh global table: every thread that
 * reads TABLE[k] takes a reference to the value, and values other than
 * small ints and interned strings would each be one contended count (two
 * threads reading `{k: k * k for k in range(64)}` made 7.3M atomic
 * decrements a run). Only values nothing else references, and only in small
 * tables: every deferred object costs a slot in each reading thread's
 * array. */
#define TABLE_MAX 4096

static void defer_scalar(TnObject *v)
{
    TnType *t = TN_TYPE(v);
    if (t == &tn_int_type || t == &tn_float_type || t == &tn_str_type)
        tn_set_deferred_unshared(v);
}

static void defer_table_values(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    if (t == &tn_dict_type && tn_dict_size(o) <= TABLE_MAX) {
        tn_ssize_t pos = 0;
        TnObject *k, *v;
        while (tn_dict_next(o, &pos, &k, &v)) {
            tn_decref(k);
            tn_decref(v);   /* the dict's own reference keeps it */
            defer_scalar(v);
        }
    } else if (t == &tn_list_type && tn_list_size(o) <= TABLE_MAX) {
        for (tn_ssize_t i = 0; i < tn_list_size(o); i++)
            defer_scalar(TN_LIST_ITEMS(o)[i]);
    } else if (t == &tn_tuple_type && TN_TUPLE_SIZE(o) <= TABLE_MAX) {
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(o); i++)
            defer_scalar(TN_TUPLE_ITEMS(o)[i]);
    }
}

void tn_set_deferred_global(TnObject *o)
{
    /* Only the plain containers that programs share as read-mostly data.
     * Not instances, generators or files: `del x` must finalize those at
     * once (CPython semantics), and a deferred object dies only at the next
     * pass. Not numbers and strings bound directly: module-level loops
     * rebind them. */
    TnType *t = TN_TYPE(o);
    if (t != &tn_dict_type && t != &tn_list_type && t != &tn_tuple_type
        && t != &tn_set_type && t != &tn_frozenset_type)
        return;
    if (tn_is_deferred(o))
        return;                  /* its values were looked at when it was promoted */
    tn_set_deferred_unshared(o);
    if (tn_is_deferred(o))
        defer_table_values(o);
}

void tn_set_deferred_unshared(TnObject *o)
{
    if (tn_load_relaxed(&o->ob_ref_local) == 1)
        tn_set_deferred(o);
}

void tn_deferred_add_slow(uint32_t slot, intptr_t delta)
{
    TnThreadState *ts = tn_ts();
    uint32_t cap = ts->drefs_cap ? ts->drefs_cap : 256;
    while (cap <= slot)
        cap *= 2;
    TN_SHARED(intptr_t) *a = calloc(cap, sizeof *a);
    if (!a) {
        fprintf(stderr, "tandem: fatal: out of memory for reference counts\n");
        abort();
    }
    pthread_mutex_lock(&mu);
    for (uint32_t i = 0; i < ts->drefs_cap; i++)
        tn_store_relaxed(&a[i], tn_load_relaxed(&ts->drefs[i]));
    free((void *)ts->drefs);
    ts->drefs = tn_tls_drefs = a;
    ts->drefs_cap = tn_tls_drefs_cap = cap;
    pthread_mutex_unlock(&mu);
    tn_store_relaxed(&a[slot], tn_load_relaxed(&a[slot]) + delta);
}

struct sum_arg { uint32_t slot; intptr_t total; };

static void sum_one(TnThreadState *t, void *arg)
{
    struct sum_arg *a = arg;
    if (a->slot < t->drefs_cap)
        a->total += tn_load_relaxed(&t->drefs[a->slot]);
}

/* With mu held: orphan and per-thread counts of a slot. Exact when the
 * world is stopped; a snapshot otherwise. */
static intptr_t others_count(uint32_t slot)
{
    struct sum_arg a = { slot, orphan[slot] };
    tn_stw_foreach(sum_one, &a);
    return a.total;
}

tn_ssize_t tn_deferred_refcount(TnObject *o)
{
    int32_t shared = tn_load_relaxed(&o->ob_ref_shared);
    pthread_mutex_lock(&mu);
    intptr_t n = (intptr_t)tn_load_relaxed(&o->ob_ref_local) + others_count((uint32_t)shared >> SHIFT);
    pthread_mutex_unlock(&mu);
    return n;
}

void tn_deferred_thread_exit(TnThreadState *ts)
{
    pthread_mutex_lock(&mu);
    for (uint32_t i = 0; i < ts->drefs_cap && i < table_cap; i++)
        orphan[i] += tn_load_relaxed(&ts->drefs[i]);
    free((void *)ts->drefs);
    ts->drefs = NULL;
    ts->drefs_cap = 0;
    pthread_mutex_unlock(&mu);
    if (tn_ts() == ts) {
        tn_tls_drefs = NULL;
        tn_tls_drefs_cap = 0;
    }
}

/* Detach o from its slot and make it a plain object of ours with no
 * reference: the state the normal free path hands to tn_dealloc. With mu
 * held, and o's true count known to be zero. */
static void undefer_dead(TnObject *o, uint32_t slot)
{
    slot_give(slot);
    tn_store_relaxed(&o->ob_tid, tn_tls_tid);
    tn_store_relaxed(&o->ob_ref_local, 0);
    tn_store_relaxed(&o->ob_ref_shared, (int32_t)TN_REF_MERGED);
}

/* The owner's count dropped to zero: often the object's death (a
 * module-level container rebound or deleted, a function redefined). Alone
 * (no other thread state, not even one starting or exiting), the sum is
 * exact without stopping anyone, so it dies now, as it would in CPython.
 * Otherwise the owner gives up ownership (a reference another thread hands
 * back would take its local count below zero), and enough such drops ask
 * for a pass, so that what a dead container holds is not kept for long. */
void tn_deferred_owner_dropped(TnObject *o)
{
    TnThreadState *ts = tn_ts();
    uint32_t slot = (uint32_t)tn_load_relaxed(&o->ob_ref_shared) >> SHIFT;
    pthread_mutex_lock(&mu);
    if (ts && tn_stw_only(ts) && others_count(slot) == 0) {
        undefer_dead(o, slot);
        pthread_mutex_unlock(&mu);
        tn_dealloc(o);
        TN_STAT_INC(ts, deferred_freed);
        return;
    }
    tn_store_relaxed(&o->ob_tid, 0);
    int run_pass = ++dropped_since_pass >= DROPS_PER_PASS;
    pthread_mutex_unlock(&mu);
    if (run_pass && ts)
        __atomic_fetch_or(&ts->eval_breaker, (uint32_t)TN_EB_DEFERRED, __ATOMIC_RELAXED);
}

/* Per-pass scratch: the sums of every slot, then the dead objects. */
struct pass { intptr_t *sum; uint32_t top; };

static void add_thread(TnThreadState *t, void *arg)
{
    struct pass *p = arg;
    uint32_t n = t->drefs_cap < p->top ? t->drefs_cap : p->top;
    for (uint32_t i = 0; i < n; i++)
        p->sum[i] += tn_load_relaxed(&t->drefs[i]);
}

static void zero_dead(TnThreadState *t, void *arg)
{
    struct pass *p = arg;
    uint32_t n = t->drefs_cap < p->top ? t->drefs_cap : p->top;
    for (uint32_t i = 0; i < n; i++)
        if (p->sum[i] == INTPTR_MIN)
            tn_store_relaxed(&t->drefs[i], 0);
}

void tn_deferred_collect(void)
{
    TnThreadState *ts = tn_ts();
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)TN_EB_DEFERRED, __ATOMIC_RELAXED);
    tn_stop_the_world();
    pthread_mutex_lock(&mu);
    struct pass p = { calloc(table_top, sizeof(intptr_t)), table_top };
    TnObject **dead = NULL;
    uint32_t ndead = 0;
    if (p.sum)
        dead = malloc(table_top * sizeof *dead);
    if (dead) {
        memcpy(p.sum, orphan, table_top * sizeof(intptr_t));
        tn_stw_foreach(add_thread, &p);
        for (uint32_t slot = 1; slot < table_top; slot++) {
            TnObject *o = table[slot];
            if (!o || tn_is_immortal(o))
                continue;
            if ((intptr_t)tn_load_relaxed(&o->ob_ref_local) + p.sum[slot] != 0)
                continue;
            p.sum[slot] = INTPTR_MIN;          /* marks the slot for zero_dead */
            dead[ndead++] = o;
            undefer_dead(o, slot);
        }
        tn_stw_foreach(zero_dead, &p);
    }
    made_since_pass = dropped_since_pass = 0;
    pthread_mutex_unlock(&mu);
    tn_start_the_world();
    free(p.sum);
    /* Deallocation runs Python code (__del__) and may take locks: only
     * once the other threads run again. */
    for (uint32_t i = 0; i < ndead; i++)
        tn_dealloc(dead[i]);
    TN_STAT_ADD(ts, deferred_freed, ndead);
    free(dead);
}

#endif
