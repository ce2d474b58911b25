/* The type system: C3 MRO of diamond hierarchies, slot inheritance from
 * built-in bases, dunder dispatch, the attribute cache and its
 * invalidation, and CPython-worded errors (expected values from 3.11). */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/descr.h"
#include "tandem/module.h"
#include "tandem/runtime.h"

static void setup(void)
{
    static int done;
    if (!done) {
        char *argv[] = {"test_type", NULL};
        cr_assert_eq(tn_runtime_init(1, argv), 0);
        done = 1;
    }
}

static char errbuf[256];
static const char *err_text(void)
{
    TnObject *exc = tn_err_fetch();
    errbuf[0] = '\0';
    if (exc) {
        TnObject *s = tn_object_str(exc);
        if (s)
            snprintf(errbuf, sizeof errbuf, "%s", TN_STR_DATA(s));
        TN_XDECREF(s);
        tn_decref(exc);
    }
    return errbuf;
}

/* type(name, bases, {}) with the bases given as a NULL-terminated list. */
static TnObject *make_class(const char *name, TnObject *dict, ...)
{
    va_list ap;
    va_start(ap, dict);
    TnObject *bases = tn_list_new(0);
    TnObject *b;
    while ((b = va_arg(ap, TnObject *)) != NULL)
        tn_list_append(bases, b);
    va_end(ap);
    TnObject *bt = tn_list_as_tuple(bases);
    tn_decref(bases);
    TnObject *n = tn_str_from_cstr(name);
    TnObject *d = dict ? tn_newref(dict) : tn_dict_new();
    TnObject *cls = tn_type_new_class(n, bt, d, NULL);
    tn_decref(n);
    tn_decref(bt);
    tn_decref(d);
    return cls;
}

static void expect_mro(TnObject *cls, const char *want)
{
    char buf[256] = "";
    TnObject *mro = ((TnType *)cls)->tp_mro;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(mro); i++) {
        if (i)
            strcat(buf, " ");
        strcat(buf, ((TnType *)TN_TUPLE_GET(mro, i))->tp_name);
    }
    cr_assert_str_eq(buf, want);
}

Test(type, diamond_mro, .init = setup)
{
    TnObject *A = make_class("A", NULL, (TnObject *)&tn_object_type, NULL);
    TnObject *B = make_class("B", NULL, A, NULL);
    TnObject *C = make_class("C", NULL, A, NULL);
    TnObject *D = make_class("D", NULL, B, C, NULL);
    cr_assert(D, "%s", err_text());
    expect_mro(D, "D B C A object");
    /* the classic non-trivial example from the C3 paper */
    TnObject *O = (TnObject *)&tn_object_type;
    TnObject *F = make_class("F", NULL, O, NULL), *E = make_class("E", NULL, O, NULL);
    TnObject *Dd = make_class("Dd", NULL, O, NULL);
    TnObject *Cc = make_class("Cc", NULL, Dd, F, NULL);
    TnObject *Bb = make_class("Bb", NULL, Dd, E, NULL);
    TnObject *Aa = make_class("Aa", NULL, Bb, Cc, NULL);
    expect_mro(Aa, "Aa Bb Cc Dd E F object");
    cr_assert(tn_type_is_subtype((TnType *)Aa, (TnType *)F));
    cr_assert(!tn_type_is_subtype((TnType *)F, (TnType *)Aa));
}

Test(type, inconsistent_mro_and_duplicate_base, .init = setup)
{
    TnObject *A = make_class("A", NULL, NULL);
    TnObject *B = make_class("B", NULL, NULL);
    TnObject *C = make_class("C", NULL, A, B, NULL);
    TnObject *D = make_class("D", NULL, B, A, NULL);
    cr_assert(C && D);
    cr_assert_null(make_class("E", NULL, C, D, NULL));
    cr_assert_str_eq(err_text(), "Cannot create a consistent method resolution\norder (MRO) for bases A, B");
    cr_assert_null(make_class("E", NULL, A, A, NULL));
    cr_assert_str_eq(err_text(), "duplicate base class A");
    cr_assert_null(make_class("E", NULL, (TnObject *)&tn_int_type, (TnObject *)&tn_str_type, NULL));
    cr_assert_str_eq(err_text(), "multiple bases have instance lay-out conflict");
    cr_assert_null(make_class("E", NULL, (TnObject *)&tn_bool_type, NULL));
    cr_assert_str_eq(err_text(), "type 'bool' is not an acceptable base type");
}

Test(type, slots_inherited_from_builtin_base, .init = setup)
{
    TnObject *L = make_class("L", NULL, (TnObject *)&tn_list_type, NULL);
    cr_assert(L, "%s", err_text());
    TnType *t = (TnType *)L;
    cr_assert_eq(t->sq_length, tn_list_type.sq_length);
    cr_assert_eq(t->tp_iter, tn_list_type.tp_iter);
    cr_assert_eq(t->nb_add, tn_list_type.nb_add);
    cr_assert(t->tp_flags & TN_TPFLAG_LIST_SUBCLASS);
    cr_assert_null(t->tp_hash);          /* list is unhashable, so are subclasses */
    TnObject *inst = tn_call_noargs(L);
    cr_assert(inst, "%s", err_text());
    cr_assert(tn_list_check(inst));
    cr_assert_eq(tn_list_append(inst, tn_None), 0);
    cr_assert_eq(tn_object_length(inst), 1);
    /* subclasses of list get a __dict__ */
    TnObject *one = tn_int_from_i64(1);
    cr_assert_eq(tn_object_setattr_cstr(inst, "x", one), 0, "%s", err_text());
    TnObject *x = tn_object_getattr_cstr(inst, "x");
    cr_assert_eq(x, one);
    tn_decref(x);
    tn_decref(one);
    tn_decref(inst);
}

Test(type, attribute_cache_invalidated_on_class_setattr, .init = setup)
{
    TnObject *A = make_class("A", NULL, NULL);
    TnObject *B = make_class("B", NULL, A, NULL);
    TnObject *name = tn_str_intern_cstr("attr");
    TnObject *v1 = tn_int_from_i64(1), *v2 = tn_int_from_i64(2);
    cr_assert_eq(tn_object_setattr(A, name, v1), 0);
    cr_assert_eq(tn_type_lookup((TnType *)B, name), v1);     /* fills the cache */
    cr_assert_eq(tn_type_lookup((TnType *)B, name), v1);     /* cache hit */
    uint32_t before = ((TnType *)B)->tp_version_tag;
    cr_assert_eq(tn_object_setattr(A, name, v2), 0);
    cr_assert_neq(((TnType *)B)->tp_version_tag, before);   /* subclass invalidated too */
    cr_assert_eq(tn_type_lookup((TnType *)B, name), v2);
    cr_assert_eq(tn_object_setattr(B, name, v1), 0);         /* shadow in the subclass */
    cr_assert_eq(tn_type_lookup((TnType *)B, name), v1);
    cr_assert_eq(tn_object_setattr(A, name, NULL), 0);
    cr_assert_eq(tn_type_lookup((TnType *)A, name), NULL);
    cr_assert_eq(tn_type_lookup((TnType *)B, name), v1);
}

Test(type, slot_wrappers_exist_and_call, .init = setup)
{
    TnObject *add = tn_type_lookup(&tn_int_type, tn_str_intern_cstr("__add__"));
    cr_assert(add);
    cr_assert_eq(TN_TYPE(add), &tn_wrapper_descr_type);
    TnObject *a = tn_int_from_i64(1), *b = tn_int_from_i64(2);
    TnObject *args[2] = { a, b };
    TnObject *r = tn_call(add, args, 2, NULL);
    cr_assert(r, "%s", err_text());
    cr_assert_eq(tn_int_as_i64(r), 3);
    tn_decref(r);
    cr_assert_null(tn_call(add, args, 1, NULL));
    cr_assert_str_eq(err_text(), "expected 1 argument, got 0");
    TnObject *repr = tn_object_repr(add);
    cr_assert_str_eq(TN_STR_DATA(repr), "<slot wrapper '__add__' of 'int' objects>");
    tn_decref(repr);
    cr_assert(tn_type_lookup(&tn_object_type, TN_ID(__init__)));
    cr_assert(tn_type_lookup(&tn_object_type, TN_ID(__new__)));
    tn_decref(a);
    tn_decref(b);
}

Test(type, unhashable_when_eq_without_hash, .init = setup)
{
    TnObject *d = tn_dict_new();
    /* any callable stands in for a Python __eq__ */
    TnObject *eq = tn_object_getattr_cstr((TnObject *)&tn_object_type, "__eq__");
    tn_dict_setitem_str(d, "__eq__", eq);
    TnObject *A = make_class("A", d, NULL);
    cr_assert(A, "%s", err_text());
    TnObject *inst = tn_call_noargs(A);
    cr_assert_eq(tn_object_hash(inst), -1);
    cr_assert_str_eq(err_text(), "unhashable type: 'A'");
    tn_decref(inst);
    tn_decref(eq);
    tn_decref(d);
}

Test(type, errors_worded_like_cpython, .init = setup)
{
    TnObject *A = make_class("A", NULL, NULL);
    TnObject *one = tn_int_from_i64(1);
    cr_assert_null(tn_call(A, &one, 1, NULL));
    cr_assert_str_eq(err_text(), "A() takes no arguments");
    TnObject *inst = tn_call_noargs(A);
    cr_assert_null(tn_object_getattr_cstr(inst, "nope"));
    cr_assert_str_eq(err_text(), "'A' object has no attribute 'nope'");
    cr_assert_null(tn_object_getattr_cstr(A, "nope"));
    cr_assert_str_eq(err_text(), "type object 'A' has no attribute 'nope'");
    cr_assert_eq(tn_object_setattr_cstr((TnObject *)&tn_int_type, "x", one), -1);
    cr_assert_str_eq(err_text(), "cannot set 'x' attribute of immutable type 'int'");
    cr_assert_eq(tn_object_setattr_cstr(one, "x", one), -1);
    cr_assert_str_eq(err_text(), "'int' object has no attribute 'x'");
    cr_assert_null(tn_number_add(one, inst));
    cr_assert_str_eq(err_text(), "unsupported operand type(s) for +: 'int' and 'A'");
    cr_assert_null(tn_object_richcompare(inst, inst, TN_LT));
    cr_assert_str_eq(err_text(), "'<' not supported between instances of 'A' and 'A'");
    cr_assert_null(tn_object_getitem(one, one));
    cr_assert_str_eq(err_text(), "'int' object is not subscriptable");
    cr_assert_null(tn_object_iter(one));
    cr_assert_str_eq(err_text(), "'int' object is not iterable");
    TnObject *r = tn_object_repr(A);
    cr_assert(strstr(TN_STR_DATA(r), "A'>"));
    tn_decref(r);
    tn_decref(inst);
    tn_decref(one);
}

Test(type, exceptions, .init = setup)
{
    TnObject *two = tn_int_from_i64(2), *msg = tn_str_from_cstr("No such file or directory");
    TnObject *fn = tn_str_from_cstr("x");
    TnObject *args[3] = { two, msg, fn };
    TnObject *e = tn_call((TnObject *)&tn_exc_OSError, args, 3, NULL);
    cr_assert(e, "%s", err_text());
    cr_assert_eq(TN_TYPE(e), &tn_exc_FileNotFoundError);
    TnObject *s = tn_object_str(e);
    cr_assert_str_eq(TN_STR_DATA(s), "[Errno 2] No such file or directory: 'x'");
    tn_decref(s);
    tn_decref(e);
    TnObject *k = tn_call_one((TnObject *)&tn_exc_KeyError, fn);
    s = tn_object_str(k);
    cr_assert_str_eq(TN_STR_DATA(s), "'x'");
    tn_decref(s);
    s = tn_object_repr(k);
    cr_assert_str_eq(TN_STR_DATA(s), "KeyError('x')");
    tn_decref(s);
    tn_decref(k);
    tn_err_setstr(&tn_exc_ValueError, "bad");
    cr_assert(tn_err_matches(&tn_exc_Exception));
    cr_assert_str_eq(err_text(), "bad");
    tn_decref(two);
    tn_decref(msg);
    tn_decref(fn);
}
