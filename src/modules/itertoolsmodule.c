/* _itertools: the native count under itertools.count (src/lib/itertools.py).
 *
 * count is native because threads use next(counter) to hand out unique ids,
 * which must be atomic on both builds, and because it drives hot loops
 * (zip(count(), ...)), where a Python __next__ behind a lock is slow.
 *
 * Thread safety: the current value is read and replaced under the object's
 * lock (nothing in the gil build). When start and step are built-in numbers
 * (exact int or float) the addition runs under the lock too: it runs no
 * Python code, so every value is handed out exactly once. Other number types
 * add outside the lock, where two threads may then see the same value, as
 * with CPython's count of such types.
 */
#include <stddef.h>
#include "tandem/tandem.h"
#include "tandem/module.h"
#include "tandem/args.h"

typedef struct {
    TnObject ob_base;
    TnObject *cnt;     /* the next value to hand out */
    TnObject *step;
} Count;

static TnType count_type;

static int is_builtin_number(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    return t == &tn_int_type || t == &tn_float_type || t == &tn_bool_type;
}

static int is_number(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    return is_builtin_number(o) || tn_int_check(o) || t->nb_index || t->nb_float || t->nb_int;
}

static TnObject *count_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "start", "step", NULL };
    TnObject *vals[2] = { NULL, NULL };
    if (tn_parse_args("count", args, nargs, kwnames, kwlist, 2, 0, vals) < 0)
        return NULL;
    TnObject *start = vals[0], *step = vals[1], *res = NULL;
    TnObject *zero = NULL, *one = NULL;
    if (!start && !(start = zero = tn_int_from_i64(0)))
        goto done;
    if (!step && !(step = one = tn_int_from_i64(1)))
        goto done;
    if (!is_number(start) || !is_number(step)) {
        tn_err_setstr(&tn_exc_TypeError, "a number is required");
        goto done;
    }
    Count *c = (Count *)tn_object_alloc(type, type->tp_basicsize);
    if (!c)
        goto done;
    c->cnt = tn_newref(start);
    c->step = tn_newref(step);
    res = (TnObject *)c;
done:
    TN_XDECREF(zero);
    TN_XDECREF(one);
    return res;
}

static void count_dealloc(TnObject *o)
{
    Count *c = (Count *)o;
    TN_XDECREF(c->cnt);
    TN_XDECREF(c->step);
    tn_object_free(o);
}

static int count_traverse(TnObject *o, tn_visitproc visit, void *arg)
{
    Count *c = (Count *)o;
    if (c->cnt && visit(c->cnt, arg))
        return 1;
    return c->step ? visit(c->step, arg) : 0;
}

static TnObject *count_self(TnObject *o)
{
    return tn_newref(o);
}

static TnObject *count_next(TnObject *o)
{
    Count *c = (Count *)o;
    tn_lock(o);
    TnObject *cur = c->cnt;
    if (is_builtin_number(cur) && is_builtin_number(c->step)) {
        TnObject *nxt = tn_number_add(cur, c->step);
        if (!nxt) {
            tn_unlock(o);
            return NULL;
        }
        c->cnt = nxt;          /* the old value's reference moves to the caller */
        tn_unlock(o);
        return cur;
    }
    tn_incref(cur);
    TnObject *step = tn_newref(c->step);
    tn_unlock(o);
    TnObject *nxt = tn_number_add(cur, step);
    tn_decref(step);
    if (!nxt) {
        tn_decref(cur);
        return NULL;
    }
    tn_lock(o);
    TnObject *old = c->cnt;
    c->cnt = nxt;
    tn_unlock(o);
    tn_decref(old);
    return cur;
}

static TnObject *count_repr(TnObject *o)
{
    Count *c = (Count *)o;
    tn_lock(o);
    TnObject *cur = tn_newref(c->cnt), *step = tn_newref(c->step);
    tn_unlock(o);
    TnObject *r = NULL;
    TnObject *name = tn_object_getattr_cstr((TnObject *)TN_TYPE(o), "__name__");
    /* CPython shows the step unless it is the int 1 (1.0 is shown). */
    if (name && tn_int_check_exact(step) && tn_int_as_i64(step) == 1)
        r = tn_str_from_format("%U(%R)", name, cur);
    else if (name)
        r = tn_str_from_format("%U(%R, %R)", name, cur, step);
    TN_XDECREF(name);
    tn_decref(cur);
    tn_decref(step);
    return r;
}

static TnObject *count_reduce(TnObject *o, TnObject *unused)
{
    (void)unused;
    Count *c = (Count *)o;
    tn_lock(o);
    TnObject *cur = tn_newref(c->cnt), *step = tn_newref(c->step);
    tn_unlock(o);
    TnObject *args = tn_tuple_pack(2, cur, step);
    tn_decref(cur);
    tn_decref(step);
    if (!args)
        return NULL;
    TnObject *r = tn_tuple_pack(2, (TnObject *)TN_TYPE(o), args);
    tn_decref(args);
    return r;
}

static const TnMethodDef count_methods[] = {
    { "__reduce__", (void *)count_reduce, TN_METH_NOARGS, "Return state information for pickling." },
    { NULL, NULL, 0, NULL }
};

static TnType count_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "itertools.count",
    .tp_basicsize = sizeof(Count),
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_GC,
    .tp_dealloc = count_dealloc,
    .tp_traverse = count_traverse,
    .tp_repr = count_repr,
    .tp_iter = count_self,
    .tp_iternext = count_next,
    .tp_new = count_new,
    .tp_methods = count_methods,
    .tp_doc = "Return a count object whose .__next__() method returns consecutive values.",
};

TnObject *tn_module_init__itertools(void)
{
    if (tn_type_ready(&count_type) < 0)
        return NULL;
    TnObject *m = tn_module_new("_itertools");
    if (!m)
        return NULL;
    if (tn_module_add_type(m, &count_type) < 0) {
        TN_DECREF(m);
        return NULL;
    }
    return m;
}
