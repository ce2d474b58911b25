/* LOAD_GLOBAL's inline cache.
 *
 * One entry per name of the code object (co_names index), allocated lazily
 * in co_cache and published with a compare-and-swap (a losing thread frees
 * its copy). All LOAD_GLOBALs of one name in one code object resolve the
 * same way, so the name index is the natural key.
 *
 * gil build: an entry is {globals, globals version, builtins version,
 * value}. A hit requires the same globals dict and both versions equal to
 * the dicts' current versions; since every mutation bumps a dict's version
 * (dict.h) the dict still holds `value`, so the borrowed pointer is safe.
 *
 * ft build: the same entry, but other threads may mutate the dicts while
 * we read, so the entry is guarded by a sequence number (odd while a
 * writer fills it, a seqlock; a torn entry is never used, a writer that
 * finds it busy does not cache), and only values that cannot be freed
 * under us are cached: immortal objects and deferred ones (object.h),
 * which die only with the world stopped, never between our version check
 * and our incref. Those are what LOAD_GLOBAL mostly finds (functions,
 * classes, modules, builtins, module-level containers); for the rest the
 * lookup is the dicts' own lock-free read. */
#include "tandem/tandem.h"
#include "tandem/frame.h"
#include "vm_internal.h"

#ifdef TANDEM_FT
typedef struct {
    _Atomic uint32_t seq;
    _Atomic(TnObject *) globals;
    _Atomic uint64_t gver, bver;
    _Atomic(TnObject *) value;
} Entry;
#else
typedef struct {
    TnObject *globals;
    uint64_t gver, bver;
    TnObject *value;      /* borrowed; valid while both versions match */
} Entry;
#endif

typedef struct {
    tn_ssize_t n;
    Entry entries[];
} Cache;

static Cache *get_cache(TnCode *co)
{
    Cache *c = __atomic_load_n((Cache **)&co->co_cache, __ATOMIC_ACQUIRE);
    if (TN_LIKELY(c != NULL))
        return c;
    tn_ssize_t n = TN_TUPLE_SIZE(co->co_names);
    c = tn_mem_calloc(1, sizeof(Cache) + (size_t)n * sizeof(Entry));
    if (!c) {
        tn_err_clear();
        return NULL;
    }
    c->n = n;
    Cache *expected = NULL;
    if (!__atomic_compare_exchange_n((Cache **)&co->co_cache, &expected, c, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        tn_mem_free(c);
        c = expected;
    }
    return c;
}

void tn_vm_code_cache_free(TnCode *co)
{
    tn_mem_free(co->co_cache);
    co->co_cache = NULL;
}

static uint64_t dict_version(TnObject *d)
{
    return tn_load_relaxed(&((TnDict *)d)->version);
}

TnObject *tn_vm_load_global_cached(TnFrame *f, int oparg)
{
    TnCode *co = f->code;
    TnObject *name = TN_TUPLE_GET(co->co_names, oparg);
    TnObject *globals = f->globals, *builtins = f->builtins;
    /* Exact dicts only: a dict subclass could override lookups. */
    if (!tn_dict_check_exact(globals) || !tn_dict_check_exact(builtins))
        return tn_vm_load_global_slow(f, name);
    Cache *c = get_cache(co);
    if (!c)
        return tn_vm_load_global_slow(f, name);
    Entry *e = &c->entries[oparg];
#ifdef TANDEM_FT
    uint32_t s1 = atomic_load_explicit(&e->seq, memory_order_acquire);
    if (!(s1 & 1)) {
        TnObject *g = atomic_load_explicit(&e->globals, memory_order_relaxed);
        uint64_t gv = atomic_load_explicit(&e->gver, memory_order_relaxed);
        uint64_t bv = atomic_load_explicit(&e->bver, memory_order_relaxed);
        TnObject *v = atomic_load_explicit(&e->value, memory_order_relaxed);
        atomic_thread_fence(memory_order_acquire);
        uint32_t s2 = atomic_load_explicit(&e->seq, memory_order_relaxed);
        if (TN_LIKELY(s1 == s2 && v && g == globals && gv == dict_version(globals)
                      && bv == dict_version(builtins)))
            return tn_newref(v);
    }
    uint64_t gv = dict_version(globals), bv = dict_version(builtins);
    TnObject *v = tn_dict_get_str_known(globals, name);
    if (!v) {
        if (tn_err_occurred())
            return NULL;
        v = tn_dict_get_str_known(builtins, name);
        if (!v) {
            if (!tn_err_occurred())
                tn_err_format(&tn_exc_NameError, "name '%U' is not defined", name);
            return NULL;
        }
    }
    if (!tn_is_immortal(v) && !tn_is_deferred(v))
        return v;
    uint32_t s = atomic_load_explicit(&e->seq, memory_order_relaxed);
    if (!(s & 1) && atomic_compare_exchange_strong_explicit(&e->seq, &s, s + 1,
                                                           memory_order_acquire,
                                                           memory_order_relaxed)) {
        atomic_store_explicit(&e->globals, globals, memory_order_relaxed);
        atomic_store_explicit(&e->gver, gv, memory_order_relaxed);
        atomic_store_explicit(&e->bver, bv, memory_order_relaxed);
        atomic_store_explicit(&e->value, v, memory_order_relaxed);
        atomic_store_explicit(&e->seq, s + 2, memory_order_release);
    }
    return v;
#else
    uint64_t gv = dict_version(globals), bv = dict_version(builtins);
    if (TN_LIKELY(e->value && e->globals == globals && e->gver == gv && e->bver == bv))
        return tn_newref(e->value);
    TnObject *v = tn_dict_get_str_known(globals, name);
    if (!v) {
        if (tn_err_occurred())
            return NULL;
        v = tn_dict_get_str_known(builtins, name);
        if (!v) {
            if (!tn_err_occurred())
                tn_err_format(&tn_exc_NameError, "name '%U' is not defined", name);
            return NULL;
        }
    }
    /* Lookups of str keys run no user code, so the versions read before
     * are still current. */
    e->globals = globals;
    e->gver = gv;
    e->bver = bv;
    e->value = v;
    return v;
#endif
}
