/* dict: insertion, deletion, resize, order, popitem, version bumps. */
#include <criterion/criterion.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"

static void setup(void)
{
    static int done;
    if (!done) {
        cr_assert_eq(tn_runtime_init(0, NULL), 0);
        done = 1;
    }
}

static int64_t get_int(TnObject *d, int64_t k)
{
    TnObject *key = tn_int_from_i64(k), *v = NULL;
    int r = tn_dict_get_ref(d, key, &v);
    tn_decref(key);
    if (r <= 0)
        return -1;
    int64_t x = tn_int_as_i64(v);
    tn_decref(v);
    return x;
}

static void set_int(TnObject *d, int64_t k, int64_t v)
{
    TnObject *key = tn_int_from_i64(k), *val = tn_int_from_i64(v);
    cr_assert_eq(tn_dict_setitem(d, key, val), 0);
    tn_decref(key);
    tn_decref(val);
}

TestSuite(dict, .init = setup);

Test(dict, insert_lookup_resize)
{
    TnObject *d = tn_dict_new();
    for (int64_t i = 0; i < 5000; i++)
        set_int(d, i, i * 10);
    cr_assert_eq(tn_dict_size(d), 5000);
    for (int64_t i = 0; i < 5000; i++)
        cr_assert_eq(get_int(d, i), i * 10);
    cr_assert_eq(get_int(d, 5000), -1);
    set_int(d, 7, 1);                       /* replace keeps the size */
    cr_assert_eq(tn_dict_size(d), 5000);
    cr_assert_eq(get_int(d, 7), 1);
    tn_decref(d);
}

Test(dict, delete_and_order)
{
    TnObject *d = tn_dict_new();
    for (int64_t i = 0; i < 100; i++)
        set_int(d, i, i);
    for (int64_t i = 0; i < 100; i += 2) {
        TnObject *k = tn_int_from_i64(i);
        cr_assert_eq(tn_dict_delitem(d, k), 0);
        tn_decref(k);
    }
    TnObject *missing = tn_int_from_i64(0);
    cr_assert_eq(tn_dict_delitem(d, missing), -1);
    cr_assert(tn_err_matches(&tn_exc_KeyError));
    tn_err_clear();
    tn_decref(missing);
    set_int(d, 0, 0);   /* re-inserted keys go to the end */
    tn_ssize_t pos = 0;
    TnObject *k, *v;
    int64_t expect = 1;
    int n = 0;
    while (tn_dict_next(d, &pos, &k, &v)) {
        int64_t ki = tn_int_as_i64(k);
        if (n < 50) {
            cr_assert_eq(ki, expect);
            expect += 2;
        } else {
            cr_assert_eq(ki, 0);
        }
        n++;
        tn_decref(k);
        tn_decref(v);
    }
    cr_assert_eq(n, 51);
    tn_decref(d);
}

Test(dict, popitem_lifo)
{
    TnObject *d = tn_dict_new();
    for (int64_t i = 0; i < 10; i++)
        set_int(d, i, -i);
    for (int64_t i = 9; i >= 0; i--) {
        TnObject *t = tn_dict_popitem(d);
        cr_assert_not_null(t);
        cr_assert_eq(tn_int_as_i64(TN_TUPLE_GET(t, 0)), i);
        cr_assert_eq(tn_int_as_i64(TN_TUPLE_GET(t, 1)), -i);
        tn_decref(t);
    }
    cr_assert_null(tn_dict_popitem(d));
    cr_assert(tn_err_matches(&tn_exc_KeyError));
    tn_err_clear();
    /* popitem then insert many: dummies never exhaust the table */
    for (int64_t i = 0; i < 1000; i++) {
        set_int(d, i, i);
        TnObject *t = tn_dict_popitem(d);
        tn_decref(t);
    }
    cr_assert_eq(tn_dict_size(d), 0);
    tn_decref(d);
}

Test(dict, version_bumps)
{
    TnObject *d = tn_dict_new();
    uint64_t v0 = tn_load_relaxed(&((TnDict *)d)->version);
    set_int(d, 1, 1);
    uint64_t v1 = tn_load_relaxed(&((TnDict *)d)->version);
    cr_assert_neq(v0, v1);
    set_int(d, 1, 2);
    uint64_t v2 = tn_load_relaxed(&((TnDict *)d)->version);
    cr_assert_neq(v1, v2);
    TnObject *k = tn_int_from_i64(1);
    tn_dict_delitem(d, k);
    tn_decref(k);
    cr_assert_neq(tn_load_relaxed(&((TnDict *)d)->version), v2);
    uint64_t v3 = tn_load_relaxed(&((TnDict *)d)->version);
    cr_assert_eq(get_int(d, 1), -1);   /* reads do not bump */
    cr_assert_eq(tn_load_relaxed(&((TnDict *)d)->version), v3);
    tn_decref(d);
}

Test(dict, str_keys_fast_path)
{
    TnObject *d = tn_dict_new();
    TnObject *v = tn_int_from_i64(42);
    cr_assert_eq(tn_dict_setitem_str(d, "alpha", v), 0);
    TnObject *key = tn_str_from_cstr("alpha");
    TnObject *r = tn_dict_get_str_known(d, key);
    cr_assert_eq(r, v);
    tn_decref(r);
    tn_decref(key);
    tn_decref(v);
    tn_decref(d);
}
