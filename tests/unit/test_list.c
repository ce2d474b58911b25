/* list: append, insert, pop, sort stability. */
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

TestSuite(list, .init = setup);

static int64_t item(TnObject *l, tn_ssize_t i)
{
    TnObject *v = tn_list_getitem(l, i);
    cr_assert_not_null(v);
    int64_t x = tn_int_as_i64(v);
    tn_decref(v);
    return x;
}

Test(list, append_grows)
{
    TnObject *l = tn_list_new(0);
    for (int64_t i = 0; i < 10000; i++) {
        TnObject *v = tn_int_from_i64(i);
        cr_assert_eq(tn_list_append(l, v), 0);
        tn_decref(v);
    }
    cr_assert_eq(tn_list_size(l), 10000);
    for (int64_t i = 0; i < 10000; i += 997)
        cr_assert_eq(item(l, i), i);
    cr_assert_null(tn_list_getitem(l, 10000));
    cr_assert(tn_err_matches(&tn_exc_IndexError));
    tn_err_clear();
    tn_decref(l);
}

Test(list, insert_pop)
{
    TnObject *l = tn_list_new(0);
    for (int64_t i = 0; i < 5; i++) {
        TnObject *v = tn_int_from_i64(i);
        tn_list_insert(l, 0, v);          /* 4 3 2 1 0 */
        tn_decref(v);
    }
    TnObject *v = tn_int_from_i64(99);
    tn_list_insert(l, -1, v);             /* 4 3 2 1 99 0 */
    tn_list_insert(l, 100, v);            /* ... 0 99 */
    tn_decref(v);
    cr_assert_eq(tn_list_size(l), 7);
    cr_assert_eq(item(l, 4), 99);
    cr_assert_eq(item(l, 6), 99);
    TnObject *p = tn_list_pop(l, -1);
    cr_assert_eq(tn_int_as_i64(p), 99);
    tn_decref(p);
    p = tn_list_pop(l, 0);
    cr_assert_eq(tn_int_as_i64(p), 4);
    tn_decref(p);
    cr_assert_null(tn_list_pop(l, 10));
    tn_err_clear();
    while (tn_list_size(l) > 0)
        tn_decref(tn_list_pop(l, -1));
    cr_assert_null(tn_list_pop(l, -1));
    cr_assert(tn_err_matches(&tn_exc_IndexError));
    tn_err_clear();
    tn_decref(l);
}

Test(list, sort_is_stable)
{
    /* (key, original index) pairs with many equal keys */
    TnObject *l = tn_list_new(0);
    for (int64_t i = 0; i < 2000; i++) {
        TnObject *k = tn_int_from_i64((i * 7919) % 13), *ix = tn_int_from_i64(i);
        TnObject *t = tn_tuple_pack(2, k, ix);
        tn_list_append(l, t);
        tn_decref(t);
        tn_decref(k);
        tn_decref(ix);
    }
    /* tuples compare by key, then by original index: the sorted order
     * must be exactly (key, index) ascending */
    cr_assert_eq(tn_list_sort(l, NULL, 0), 0);
    for (tn_ssize_t i = 1; i < tn_list_size(l); i++) {
        TnObject *a = tn_list_getitem(l, i - 1), *b = tn_list_getitem(l, i);
        int64_t ka = tn_int_as_i64(TN_TUPLE_GET(a, 0)), kb = tn_int_as_i64(TN_TUPLE_GET(b, 0));
        cr_assert(ka < kb || (ka == kb && tn_int_as_i64(TN_TUPLE_GET(a, 1)) <
                                             tn_int_as_i64(TN_TUPLE_GET(b, 1))));
        tn_decref(a);
        tn_decref(b);
    }
    /* reverse=True keeps equal items in their original order */
    TnObject *m = tn_list_new(0);
    for (int64_t i = 0; i < 100; i++) {
        TnObject *v = tn_int_from_i64(i % 3);
        tn_list_append(m, v);
        tn_decref(v);
    }
    cr_assert_eq(tn_list_sort(m, NULL, 1), 0);
    for (tn_ssize_t i = 1; i < 100; i++)
        cr_assert_geq(item(m, i - 1), item(m, i));
    tn_decref(m);
    tn_decref(l);
}

Test(list, sort_error_keeps_permutation)
{
    TnObject *l = tn_list_new(0);
    TnObject *a = tn_int_from_i64(1), *b = tn_str_from_cstr("x");
    tn_list_append(l, a);
    tn_list_append(l, b);
    tn_list_append(l, a);
    cr_assert_eq(tn_list_sort(l, NULL, 0), -1);
    cr_assert(tn_err_matches(&tn_exc_TypeError));
    tn_err_clear();
    cr_assert_eq(tn_list_size(l), 3);
    tn_decref(a);
    tn_decref(b);
    tn_decref(l);
}
