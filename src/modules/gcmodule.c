/* The gc module: the Python face of the cyclic collector (runtime/gc.c,
 * docs/gc.md). Settings live in gc.c (atomics: any thread may set them).
 * get_objects/get_referrers walk every tracked object with the world
 * stopped and take their references before it restarts. */
#include "tandem/tandem.h"
#include "tandem/args.h"
#include "tandem/module.h"
#include "tandem/builtins.h"
#include "tandem/gc.h"
#include <stdlib.h>

static TnObject *gc_collect(TnObject *self, TnObject *const *args, size_t nargs,
                            TnObject *kwnames)
{
    static const char *const kwlist[] = { "generation", NULL };
    TnObject *a[1] = { NULL };
    tn_ssize_t g = 2;
    if (tn_parse_args("collect", args, nargs, kwnames, kwlist, 1, 0, a) < 0)
        return NULL;
    if (a[0]) {
        g = tn_number_as_ssize(a[0], &tn_exc_OverflowError);
        if (g == -1 && tn_err_occurred())
            return NULL;
        if (g < 0 || g > 2) {
            tn_err_setstr(&tn_exc_ValueError, "invalid generation");
            return NULL;
        }
    }
    tn_ssize_t n = tn_gc_collect((int)g);
    if (n < 0)
        return NULL;
    return tn_int_from_i64(n);
}

static TnObject *gc_enable(TnObject *self, TnObject *unused)
{
    tn_gc_set_enabled(1);
    TN_RETURN_NONE;
}

static TnObject *gc_disable(TnObject *self, TnObject *unused)
{
    tn_gc_set_enabled(0);
    TN_RETURN_NONE;
}

static TnObject *gc_isenabled(TnObject *self, TnObject *unused)
{
    return tn_bool_from(tn_gc_is_enabled());
}

static TnObject *triple(long a, long b, long c)
{
    TnObject *v[3] = { tn_int_from_i64(a), tn_int_from_i64(b), tn_int_from_i64(c) }, *t = NULL;
    if (v[0] && v[1] && v[2])
        t = tn_tuple_pack(3, v[0], v[1], v[2]);
    for (int i = 0; i < 3; i++)
        TN_XDECREF(v[i]);
    return t;
}

static TnObject *gc_get_count(TnObject *self, TnObject *unused)
{
    long c[3];
    tn_gc_get_count(c);
    return triple(c[0], c[1], c[2]);
}

static TnObject *gc_get_threshold(TnObject *self, TnObject *unused)
{
    int t[3];
    tn_gc_get_threshold(t);
    return triple(t[0], t[1], t[2]);
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
    tn_gc_set_threshold(v, (int)nargs);
    TN_RETURN_NONE;
}

static TnObject *gc_is_tracked(TnObject *self, TnObject *o)
{
    return tn_bool_from(tn_gc_is_gc(o) && (tn_gc_meta(o) & TN_GC_TRACKED));
}

static TnObject *gc_is_finalized(TnObject *self, TnObject *o)
{
    return tn_bool_from(tn_gc_is_gc(o) && (tn_gc_meta(o) & TN_GC_FINALIZED));
}

/* Collected with the world stopped: plain memory, no Python code. */
struct objvec { TnGCVec v; TnObject *const *targets; size_t ntargets; int failed; };

static int collect_all(TnObject *o, void *arg)
{
    struct objvec *ov = arg;
    if (tn_gcvec_push(&ov->v, o) < 0) {
        ov->failed = 1;
        return 1;
    }
    tn_incref(o);
    return 0;
}

static int find_target(TnObject *o, void *arg)
{
    struct objvec *ov = arg;
    for (size_t i = 0; i < ov->ntargets; i++)
        if (o == ov->targets[i])
            return 1;
    return 0;
}

static int collect_referrer(TnObject *o, void *arg)
{
    struct objvec *ov = arg;
    int (*trav)(TnObject *, tn_visitproc, void *) = TN_TYPE(o)->tp_traverse;
    if (trav && trav(o, find_target, ov))
        return collect_all(o, arg);
    return 0;
}

static TnObject *vec_to_list(struct objvec *ov)
{
    TnObject *l = ov->failed ? tn_err_nomemory() : tn_list_new(0);
    for (size_t i = 0; i < ov->v.n; i++) {
        if (l && tn_list_append(l, ov->v.v[i]) < 0)
            TN_CLEAR(l);
        TN_DECREF(ov->v.v[i]);
    }
    free(ov->v.v);
    return l;
}

static TnObject *gc_get_objects(TnObject *self, TnObject *const *args, size_t nargs,
                                TnObject *kwnames)
{
    static const char *const kwlist[] = { "generation", NULL };
    TnObject *a[1] = { NULL };
    if (tn_parse_args("get_objects", args, nargs, kwnames, kwlist, 1, 0, a) < 0)
        return NULL;
    if (a[0] && a[0] != tn_None) {
        tn_ssize_t g = tn_number_as_ssize(a[0], &tn_exc_OverflowError);
        if (g == -1 && tn_err_occurred())
            return NULL;
        if (g < 0)
            return tn_err_format(&tn_exc_ValueError, "generation parameter cannot be negative");
        if (g > 2)
            return tn_err_format(&tn_exc_ValueError, "generation parameter must be less than the number of available generations (3)");
    }
    struct objvec ov = { { NULL, 0, 0 }, NULL, 0, 0 };
    tn_gc_foreach(collect_all, &ov);
    return vec_to_list(&ov);
}

static TnObject *gc_get_referrers(TnObject *self, TnObject *const *args, size_t nargs)
{
    struct objvec ov = { { NULL, 0, 0 }, args, nargs, 0 };
    tn_gc_foreach(collect_referrer, &ov);
    return vec_to_list(&ov);
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

static TnObject *gc_set_debug(TnObject *self, TnObject *arg)
{
    tn_ssize_t f = tn_number_as_ssize(arg, &tn_exc_OverflowError);
    if (f == -1 && tn_err_occurred())
        return NULL;
    tn_gc_set_debug((int)f);
    TN_RETURN_NONE;
}

static TnObject *gc_get_debug(TnObject *self, TnObject *unused)
{
    return tn_int_from_i64(tn_gc_get_debug());
}

static TnObject *gc_get_stats(TnObject *self, TnObject *unused)
{
    TnObject *l = tn_list_new(0);
    for (int g = 0; l && g < 3; g++) {
        long v[3];
        tn_gc_get_stats(g, &v[0], &v[1], &v[2]);
        const char *keys[3] = { "collections", "collected", "uncollectable" };
        TnObject *d = tn_dict_new();
        for (int i = 0; d && i < 3; i++) {
            TnObject *n = tn_int_from_i64(v[i]);
            if (!n || tn_dict_setitem_str(d, keys[i], n) < 0)
                TN_CLEAR(d);
            TN_XDECREF(n);
        }
        if (!d || tn_list_append(l, d) < 0)
            TN_CLEAR(l);
        TN_XDECREF(d);
    }
    return l;
}

static const TnMethodDef gc_methods[] = {
    { "collect", (void *)gc_collect, TN_METH_FASTKW,
      "Run the garbage collector.\n\nWith no arguments, run a full collection. The optional argument\n"
      "may be an integer specifying which generation to collect. A ValueError\n"
      "is raised if the generation number is invalid.\n\n"
      "The number of unreachable objects is returned." },
    { "enable", (void *)gc_enable, TN_METH_NOARGS, "Enable automatic garbage collection." },
    { "disable", (void *)gc_disable, TN_METH_NOARGS, "Disable automatic garbage collection." },
    { "isenabled", (void *)gc_isenabled, TN_METH_NOARGS, "Returns true if automatic garbage collection is enabled." },
    { "get_count", (void *)gc_get_count, TN_METH_NOARGS, "Return a three-tuple of the current collection counts." },
    { "get_threshold", (void *)gc_get_threshold, TN_METH_NOARGS, "Return the current collection thresholds." },
    { "set_threshold", (void *)gc_set_threshold, TN_METH_FAST, "set_threshold(threshold0, [threshold1, threshold2]) -> None" },
    { "is_tracked", (void *)gc_is_tracked, TN_METH_O, "Returns true if the object is tracked by the garbage collector." },
    { "is_finalized", (void *)gc_is_finalized, TN_METH_O, "Returns true if the object has been already finalized by the GC." },
    { "get_objects", (void *)gc_get_objects, TN_METH_FASTKW, "Return a list of objects tracked by the collector (excluding the list returned)." },
    { "get_referrers", (void *)gc_get_referrers, TN_METH_FAST, "Return the list of objects that directly refer to any of objs." },
    { "get_referents", (void *)gc_get_referents, TN_METH_FAST, "Return the list of objects that are directly referred to by objs." },
    { "get_stats", (void *)gc_get_stats, TN_METH_NOARGS, "Return a list of dictionaries containing per-generation statistics." },
    { "set_debug", (void *)gc_set_debug, TN_METH_O, "Set the garbage collection debugging flags (DEBUG_SAVEALL is honoured)." },
    { "get_debug", (void *)gc_get_debug, TN_METH_NOARGS, "Get the garbage collection debugging flags." },
    { "freeze", (void *)gc_freeze, TN_METH_NOARGS, "Freeze all current tracked objects (a no-op here: there is no permanent generation)." },
    { "unfreeze", (void *)gc_freeze, TN_METH_NOARGS, "Unfreeze the frozen objects (a no-op here)." },
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
    /* the collector keeps these two for good (it appends to gc.garbage and
     * calls gc.callbacks) */
    tn_gc_set_module_lists(garbage, callbacks);
    return m;
}
