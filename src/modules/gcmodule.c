/* The gc module's interface. The cyclic collector itself is a later issue
 * (docs/gc.md): until it lands, collect() finds nothing and returns 0, and
 * the introspection functions that need the collector's object list raise
 * NotImplementedError naming that issue. The settings (enabled, thresholds)
 * are stored so the collector can honour them when it arrives.
 *
 * State: gc_enabled and the thresholds are atomics (any thread may set them;
 * a reader only needs some recent value). */
#include "tandem/tandem.h"
#include "tandem/args.h"
#include "tandem/module.h"
#include "tandem/builtins.h"

static TN_SHARED(int) gc_enabled = 1;
static TN_SHARED(int) gc_threshold[3] = { 700, 10, 10 };

static TnObject *gc_collect(TnObject *self, TnObject *const *args, size_t nargs,
                            TnObject *kwnames)
{
    static const char *const kwlist[] = { "generation", NULL };
    TnObject *a[1] = { NULL };
    if (tn_parse_args("collect", args, nargs, kwnames, kwlist, 1, 0, a) < 0)
        return NULL;
    if (a[0]) {
        tn_ssize_t g = tn_number_as_ssize(a[0], &tn_exc_OverflowError);
        if (g == -1 && tn_err_occurred())
            return NULL;
        if (g < 0 || g > 2) {
            tn_err_setstr(&tn_exc_ValueError, "invalid generation");
            return NULL;
        }
    }
    /* No cycle collector yet (later issue): reference counting has already
     * freed everything that is not part of a cycle. */
    return tn_int_from_i64(0);
}

static TnObject *gc_enable(TnObject *self, TnObject *unused)
{
    tn_store_relaxed(&gc_enabled, 1);
    TN_RETURN_NONE;
}

static TnObject *gc_disable(TnObject *self, TnObject *unused)
{
    tn_store_relaxed(&gc_enabled, 0);
    TN_RETURN_NONE;
}

static TnObject *gc_isenabled(TnObject *self, TnObject *unused)
{
    return tn_bool_from(tn_load_relaxed(&gc_enabled));
}

static TnObject *gc_get_count(TnObject *self, TnObject *unused)
{
    TnObject *z = tn_int_from_i64(0);
    TnObject *t = tn_tuple_pack(3, z, z, z);
    TN_DECREF(z);
    return t;
}

static TnObject *gc_get_threshold(TnObject *self, TnObject *unused)
{
    TnObject *v[3], *t = NULL;
    for (int i = 0; i < 3; i++)
        v[i] = tn_int_from_i64(tn_load_relaxed(&gc_threshold[i]));
    if (v[0] && v[1] && v[2])
        t = tn_tuple_pack(3, v[0], v[1], v[2]);
    for (int i = 0; i < 3; i++)
        TN_XDECREF(v[i]);
    return t;
}

static TnObject *gc_set_threshold(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("set_threshold", nargs, 1, 3) < 0)
        return NULL;
    int v[3];
    for (size_t i = 0; i < nargs; i++) {
        if (tn_float_check(args[i])) {
            tn_err_setstr(&tn_exc_TypeError, "'float' object cannot be interpreted as an integer");
            return NULL;
        }
        tn_ssize_t n = tn_number_as_ssize(args[i], &tn_exc_OverflowError);
        if (n == -1 && tn_err_occurred())
            return NULL;
        if (n > INT32_MAX || n < INT32_MIN) {
            tn_err_setstr(&tn_exc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
        v[i] = (int)n;
    }
    for (size_t i = 0; i < nargs; i++)
        tn_store_relaxed(&gc_threshold[i], v[i]);
    TN_RETURN_NONE;
}

/* Objects that can hold references take part in the cycle collector:
 * CPython answers False for atoms (int, str, None...) and for containers
 * holding only atoms when untracked; here: False for types without
 * tp_traverse. */
static TnObject *gc_is_tracked(TnObject *self, TnObject *o)
{
    return tn_bool_from(!tn_is_immortal(o) && TN_TYPE(o)->tp_traverse != NULL);
}

static TnObject *gc_is_finalized(TnObject *self, TnObject *o)
{
    return tn_bool_from(0);
}

static TnObject *needs_collector(const char *name)
{
    return tn_err_format(&tn_exc_NotImplementedError,
                         "gc.%s() needs the cyclic garbage collector, which is not "
                         "implemented yet (later issue: cyclic GC)", name);
}

static TnObject *gc_get_objects(TnObject *self, TnObject *const *args, size_t nargs,
                                TnObject *kwnames)
{
    return needs_collector("get_objects");
}

static TnObject *gc_get_referrers(TnObject *self, TnObject *const *args, size_t nargs)
{
    return needs_collector("get_referrers");
}

static int referent_visit(TnObject *o, void *list)
{
    return tn_list_append((TnObject *)list, o);
}

/* get_referents only needs tp_traverse, which the types already have. */
static TnObject *gc_get_referents(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnObject *l = tn_list_new(0);
    if (!l)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        int (*trav)(TnObject *, tn_visitproc, void *) = TN_TYPE(args[i])->tp_traverse;
        if (trav && trav(args[i], referent_visit, l) < 0) {
            TN_DECREF(l);
            return NULL;
        }
    }
    return l;
}

static TnObject *gc_freeze(TnObject *self, TnObject *unused)
{
    TN_RETURN_NONE;
}

static TnObject *gc_get_freeze_count(TnObject *self, TnObject *unused)
{
    return tn_int_from_i64(0);
}

static const TnMethodDef gc_methods[] = {
    { "collect", (void *)gc_collect, TN_METH_FASTKW,
      "Run a collection; return the number of unreachable objects found.\n\n"
      "The cyclic collector is a later issue: until then this returns 0 "
      "(reference counting frees every object that is not in a cycle)." },
    { "enable", (void *)gc_enable, TN_METH_NOARGS, "Enable automatic garbage collection." },
    { "disable", (void *)gc_disable, TN_METH_NOARGS, "Disable automatic garbage collection." },
    { "isenabled", (void *)gc_isenabled, TN_METH_NOARGS, "Returns true if automatic garbage collection is enabled." },
    { "get_count", (void *)gc_get_count, TN_METH_NOARGS, "Return a three-tuple of the current collection counts." },
    { "get_threshold", (void *)gc_get_threshold, TN_METH_NOARGS, "Return the current collection thresholds." },
    { "set_threshold", (void *)gc_set_threshold, TN_METH_FAST, "set_threshold(threshold0, [threshold1, threshold2]) -> None" },
    { "is_tracked", (void *)gc_is_tracked, TN_METH_O, "Returns true if the object is tracked by the garbage collector." },
    { "is_finalized", (void *)gc_is_finalized, TN_METH_O, "Returns true if the object has been already finalized by the GC." },
    { "get_objects", (void *)gc_get_objects, TN_METH_FASTKW, "Not implemented yet: needs the cyclic collector (later issue)." },
    { "get_referrers", (void *)gc_get_referrers, TN_METH_FAST, "Not implemented yet: needs the cyclic collector (later issue)." },
    { "get_referents", (void *)gc_get_referents, TN_METH_FAST, "Return the list of objects that are directly referred to by objs." },
    { "freeze", (void *)gc_freeze, TN_METH_NOARGS, "Freeze all current tracked objects (no-op without the collector)." },
    { "unfreeze", (void *)gc_freeze, TN_METH_NOARGS, "Unfreeze the frozen objects (no-op without the collector)." },
    { "get_freeze_count", (void *)gc_get_freeze_count, TN_METH_NOARGS, "Return the number of objects in the permanent generation." },
    { 0, 0, 0, 0 }
};

TnObject *tn_module_init_gc(void)
{
    TnObject *m = tn_module_new("gc");
    if (!m)
        return NULL;
    TnObject *garbage = tn_list_new(0), *callbacks = tn_list_new(0);
    if (!garbage || !callbacks || tn_module_add_functions(m, gc_methods) < 0 ||
        tn_module_add_object(m, "garbage", garbage) < 0 ||
        tn_module_add_object(m, "callbacks", callbacks) < 0 ||
        tn_module_add_int(m, "DEBUG_STATS", 1) < 0 ||
        tn_module_add_int(m, "DEBUG_COLLECTABLE", 2) < 0 ||
        tn_module_add_int(m, "DEBUG_UNCOLLECTABLE", 4) < 0 ||
        tn_module_add_int(m, "DEBUG_SAVEALL", 32) < 0 ||
        tn_module_add_int(m, "DEBUG_LEAK", 38) < 0) {
        TN_XDECREF(garbage);
        TN_XDECREF(callbacks);
        TN_DECREF(m);
        return NULL;
    }
    TN_DECREF(garbage);
    TN_DECREF(callbacks);
    return m;
}
