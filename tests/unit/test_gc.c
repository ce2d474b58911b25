/* The cyclic GC's view of every container type: tp_traverse visits what the
 * object references, tp_clear (where the type has one) drops it, and a
 * collection frees a cycle built through the type. Objects are built by
 * running Python source, so each type is the real one the eval loop makes. */
#include <criterion/criterion.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/import.h"
#include "tandem/module.h"
#include "tandem/gc.h"

static void setup(void)
{
    static int done;
    if (!done) {
        char *argv[] = {"test_gc", NULL};
        cr_assert_eq(tn_runtime_init(1, argv), 0);
        tn_gc_set_enabled(0);   /* collections only where a test asks */
        done = 1;
    }
}

TestSuite(gc, .init = setup);

static TnObject *ns;

/* Run src in a fresh module namespace; return ns[var] (new reference). */
static TnObject *build(const char *src, const char *var)
{
    TnObject *m = tn_module_new("__main__");
    ns = tn_module_get_dict(m);
    tn_incref(ns);
    TnObject *r = tn_run_string(src, "<test_gc>", ns, 0);
    cr_assert_not_null(r, "running the source failed");
    TN_DECREF(r);
    TnObject *v = tn_dict_get_str_known(ns, tn_str_intern_cstr(var));
    cr_assert_not_null(v, "%s not set", var);
    TN_DECREF(m);
    return v;
}

static TnObject *get(const char *var)
{
    TnObject *v = tn_dict_get_str_known(ns, tn_str_intern_cstr(var));
    cr_assert_not_null(v, "%s not set", var);
    return v;
}

struct seen { TnObject *want; int found, total; };

static int visit_find(TnObject *o, void *arg)
{
    struct seen *s = arg;
    s->total++;
    if (o == s->want)
        s->found = 1;
    return 0;
}

/* Does o's tp_traverse visit `want`? */
static int visits(TnObject *o, TnObject *want)
{
    struct seen s = { want, 0, 0 };
    cr_assert_not_null(TN_TYPE(o)->tp_traverse, "%s has no tp_traverse", TN_TYPE(o)->tp_name);
    TN_TYPE(o)->tp_traverse(o, visit_find, &s);
    return s.found;
}

/* Build `src`, check that `holder` visits `target`; then, if the type can
 * clear, that it no longer does. */
static void check_type(const char *src, const char *holder, const char *target, int clear)
{
    TnObject *h = build(src, holder), *t = get(target);
    cr_assert(tn_gc_is_gc(h), "%s is not tracked", TN_TYPE(h)->tp_name);
    cr_assert(tn_gc_meta(h) & TN_GC_TRACKED);
    cr_assert(visits(h, t), "%s does not visit %s", TN_TYPE(h)->tp_name, target);
    if (clear) {
        cr_assert_not_null(TN_TYPE(h)->tp_clear, "%s has no tp_clear", TN_TYPE(h)->tp_name);
        TN_TYPE(h)->tp_clear(h);
        cr_assert(!visits(h, t), "%s still visits %s after tp_clear", TN_TYPE(h)->tp_name, target);
    }
    TN_DECREF(t);
    TN_DECREF(h);
    TN_CLEAR(ns);
}

Test(gc, list)      { check_type("t = object()\nh = [1, t]\n", "h", "t", 1); }
Test(gc, dict_key)  { check_type("class K: pass\nt = K()\nh = {t: 1}\n", "h", "t", 1); }
Test(gc, dict_val)  { check_type("t = object()\nh = {'k': t}\n", "h", "t", 1); }
Test(gc, set)       { check_type("t = (1, 2)\nh = {t}\n", "h", "t", 1); }
Test(gc, frozenset) { check_type("t = (1, 2)\nh = frozenset([t])\n", "h", "t", 0); }
Test(gc, tuple)     { check_type("t = []\nh = (1, t)\n", "h", "t", 0); }
Test(gc, instance_dict)
{
    check_type("class C: pass\nt = []\nh = C()\nh.x = t\nd = h.__dict__\n", "h", "d", 1);
}
Test(gc, instance_type)   { check_type("class C: pass\nh = C()\nt = C\n", "h", "t", 0); }
Test(gc, instance_slots)
{
    check_type("class C:\n    __slots__ = ('a',)\nt = []\nh = C()\nh.a = t\n", "h", "t", 1);
}
Test(gc, list_subclass)
{
    check_type("class L(list): pass\nt = []\nh = L([t])\n", "h", "t", 1);
}
/* globals stay (the eval loop relies on them): the dict side breaks that cycle */
Test(gc, function_globals)  { check_type("def h(): pass\nt = globals()\n", "h", "t", 0); }
Test(gc, function_defaults) { check_type("def h(x=[]): pass\nt = h.__defaults__\n", "h", "t", 1); }
Test(gc, closure_cell)
{
    check_type("def f():\n    t = []\n    def g(): return t\n    return g, g.__closure__[0], t\n"
               "h, c, t = f()\n", "c", "t", 1);
}
Test(gc, closure)
{
    check_type("def f():\n    t = []\n    def g(): return t\n    return g, g.__closure__\n"
               "h, t = f()\n", "h", "t", 1);
}
Test(gc, bound_method)
{
    check_type("class C:\n    def m(self): pass\nt = C()\nh = t.m\n", "h", "t", 0);
}
Test(gc, class_mro)   { check_type("class h:\n    x = 1\nt = h.__mro__\n", "h", "t", 1); }
Test(gc, module)      { check_type("import sys as h\nt = h.__dict__\n", "h", "t", 0); }
Test(gc, generator)
{
    check_type("def g(a):\n    yield a\nt = []\nh = g(t)\n", "h", "t", 1);
}
Test(gc, exception)
{
    check_type("t = []\nh = ValueError(t)\nt = h.args\n", "h", "t", 1);
}
Test(gc, traceback_frame)
{
    check_type("try:\n    1/0\nexcept ZeroDivisionError as e:\n    h = e.__traceback__\n"
               "t = h.tb_frame\n", "h", "t", 1);
}
Test(gc, property)
{
    check_type("def t(self): pass\nh = property(t)\n", "h", "t", 0);
}
Test(gc, staticmethod) { check_type("def t(): pass\nh = staticmethod(t)\n", "h", "t", 0); }
Test(gc, classmethod)  { check_type("def t(c): pass\nh = classmethod(t)\n", "h", "t", 0); }
Test(gc, list_iterator) { check_type("t = [1]\nh = iter(t)\n", "h", "t", 0); }
Test(gc, weakref_callback)
{
    check_type("import weakref\nclass C: pass\no = C()\ndef t(w): pass\nh = weakref.ref(o, t)\n",
               "h", "t", 1);
}

Test(gc, atoms_untracked)
{
    TnObject *i = tn_int_from_i64(1 << 20), *s = tn_str_from_cstr("not tracked");
    cr_assert(!tn_gc_is_gc(i));
    cr_assert(!tn_gc_is_gc(s));
    cr_assert(!tn_gc_is_gc(tn_None));
    cr_assert(!tn_gc_is_gc((TnObject *)&tn_list_type));   /* static: immortal, no prefix */
    TN_DECREF(i);
    TN_DECREF(s);
}

/* A cycle through each kind of container is found and freed. */
static void check_collects(const char *src)
{
    TnObject *m = tn_module_new("__main__");
    TnObject *d = tn_module_get_dict(m);
    tn_gc_collect(2);
    TnObject *r = tn_run_string(src, "<test_gc>", d, 0);
    cr_assert_not_null(r);
    TN_DECREF(r);
    TnObject *wr = tn_dict_get_str_known(d, tn_str_intern_cstr("w"));
    cr_assert_not_null(wr);
    TnObject *o = tn_call(wr, NULL, 0, NULL);
    cr_assert(o && o != tn_None, "referent already dead before the collection");
    TN_DECREF(o);
    cr_assert_geq(tn_gc_collect(2), 2);
    o = tn_call(wr, NULL, 0, NULL);
    cr_assert_eq(o, tn_None, "the cycle was not freed");
    TN_DECREF(o);
    TN_DECREF(wr);
    TN_DECREF(m);
}

#define CYCLE_PRE "import weakref\nclass C: pass\n"
Test(gc, collect_instances)
{
    check_collects(CYCLE_PRE "def f():\n    a, b = C(), C()\n    a.b, b.a = b, a\n    return weakref.ref(a)\nw = f()\n");
}
Test(gc, collect_list)
{
    check_collects(CYCLE_PRE "def f():\n    a = C()\n    a.l = [a]\n    return weakref.ref(a)\nw = f()\n");
}
Test(gc, collect_dict)
{
    check_collects(CYCLE_PRE "def f():\n    a = C()\n    a.d = {'a': a}\n    return weakref.ref(a)\nw = f()\n");
}
Test(gc, collect_tuple)
{
    check_collects(CYCLE_PRE "def f():\n    a = C()\n    a.t = (1, a)\n    return weakref.ref(a)\nw = f()\n");
}
Test(gc, collect_closure)
{
    check_collects(CYCLE_PRE "def f():\n    def g(): return g\n    return weakref.ref(g)\nw = f()\n");
}
Test(gc, collect_class)
{
    check_collects(CYCLE_PRE "def f():\n    class D: pass\n    D.me = D()\n    return weakref.ref(D)\nw = f()\n");
}
Test(gc, collect_generator)
{
    check_collects(CYCLE_PRE "def f():\n    def g():\n        x = yield\n        yield x\n"
                   "    it = g()\n    next(it)\n    it.send(it)\n    return weakref.ref(it)\nw = f()\n");
}
Test(gc, collect_frame)
{
    check_collects(CYCLE_PRE "def f():\n    a = C()\n    try:\n        1/0\n    except Exception as e:\n"
                   "        a.e = e\n    return weakref.ref(a)\nw = f()\n");
}

/* Reachable objects survive, and a collection leaves their contents alone. */
Test(gc, reachable_survives)
{
    TnObject *l = build("l = [1, 2]\nl.append(l)\n", "l");
    cr_assert_eq(tn_gc_collect(2), 0);
    cr_assert_eq(TN_LIST_SIZE(l), 3);
    cr_assert_eq(TN_LIST_ITEMS(l)[2], l);
    TN_DECREF(l);
    TN_CLEAR(ns);
}
