/* Per-thread free lists (freelist.h), tn_object_alloc_nozero and in-place
 * str concatenation (tn_str_append_inplace). */
#include <criterion/criterion.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/freelist.h"
#include "tandem/runtime.h"

static void setup(void)
{
    static int done;
    if (!done) {
        char *argv[] = {"test_freelist", NULL};
        cr_assert_eq(tn_runtime_init(1, argv), 0);
        done = 1;
    }
}

Test(freelist, float_block_is_reused, .init = setup)
{
    TnObject *a = tn_float_new(1.5);
    cr_assert(a);
    void *addr = a;
    tn_decref(a);                       /* onto this thread's list */
    TnObject *b = tn_float_new(2.5);
    cr_assert_eq((void *)b, addr);
    cr_assert_eq(TN_FLOAT_VAL(b), 2.5);
    cr_assert_eq(tn_refcount(b), 1);
    cr_assert_eq(TN_TYPE(b), &tn_float_type);
    tn_decref(b);
}

Test(freelist, int_block_is_reused_and_bounded, .init = setup)
{
    enum { N = 600 };
    TnObject *v[N];
    for (int i = 0; i < N; i++) {
        v[i] = tn_int_from_i64(1000000 + i);
        cr_assert(v[i]);
    }
    for (int i = 0; i < N; i++)
        tn_decref(v[i]);
    TnThreadState *ts = tn_ts();
    cr_assert_eq(ts->freelists[TN_FREELIST_INT].count, TN_FREELIST_MAX);
    TnObject *x = tn_int_from_i64(-123456789);
    cr_assert(TN_INT_IS_SMALL(x));
    cr_assert_eq(TN_INT_IVAL(x), -123456789);
    cr_assert_eq(tn_refcount(x), 1);
    cr_assert_eq(ts->freelists[TN_FREELIST_INT].count, TN_FREELIST_MAX - 1);
    tn_decref(x);
    tn_freelists_clear(ts);
    cr_assert_eq(ts->freelists[TN_FREELIST_INT].count, 0);
    cr_assert_null(ts->freelists[TN_FREELIST_INT].head);
    cr_assert_eq(ts->freelists[TN_FREELIST_FLOAT].count, 0);
    TnObject *y = tn_int_from_i64(777777);   /* empty list: allocator */
    cr_assert_eq(TN_INT_IVAL(y), 777777);
    tn_decref(y);
}

Test(freelist, str_append_inplace, .init = setup)
{
    TnObject *s = tn_str_from_cstr("ab");
    TnObject *t = tn_str_from_cstr("cd");
    /* A fresh str with one reference is resizable; a shared one is not. */
    cr_assert(tn_str_is_resizable(s, 1));
    tn_incref(s);
    cr_assert(!tn_str_is_resizable(s, 1));
    tn_decref(s);
    (void)tn_str_hash(s);
    for (int i = 0; i < 1000; i++) {
        s = tn_str_append_inplace(s, t);
        cr_assert(s);
    }
    cr_assert_eq(TN_STR_SIZE(s), 2002);
    cr_assert_eq(TN_STR_LEN(s), 2002);
    cr_assert_eq(TN_STR_DATA(s)[2002], '\0');
    cr_assert_eq(memcmp(TN_STR_DATA(s) + 1998, "cdcd", 4), 0);
    TnObject *copy = tn_str_from_utf8(TN_STR_DATA(s), TN_STR_SIZE(s));
    cr_assert_eq(tn_str_hash(s), tn_str_hash(copy));   /* cached hash was reset */
    tn_decref(copy);
    /* Interned and cached one-character strings are never resizable. */
    cr_assert(!tn_str_is_resizable(tn_str_intern_cstr("interned_name"), 1));
    TnObject *one = tn_str_from_cstr("a");
    cr_assert(!tn_str_is_resizable(one, 1));
    tn_decref(one);
    TnObject *e = tn_str_from_cstr("\xc3\xa9");          /* é: non-ASCII */
    cr_assert(!tn_str_is_resizable(e, 1));               /* latin-1 singleton */
    tn_decref(e);
    TnObject *u = tn_str_from_cstr("x\xc3\xa9");
    cr_assert(tn_str_is_resizable(u, 1));
    u = tn_str_append_inplace(u, t);
    cr_assert_eq(TN_STR_LEN(u), 4);
    cr_assert_eq(TN_STR_SIZE(u), 5);
    cr_assert(!((TnStr *)u)->ascii);
    cr_assert_eq(tn_str_char_at(u, 1), 0xe9);
    cr_assert_eq(tn_str_char_at(u, 3), 'd');
    tn_decref(u);
    tn_decref(s);
    tn_decref(t);
}
