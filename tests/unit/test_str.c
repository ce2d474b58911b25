/* str and bytes: interning, UTF-8 validation, repr escapes, splitting and
 * formatting (expected values are CPython 3.11's). */
#include <criterion/criterion.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/bytes.h"
#include "tandem/runtime.h"

static void setup(void)
{
    static int done;
    if (!done) {
        char *argv[] = {"test_str", NULL};
        cr_assert_eq(tn_runtime_init(1, argv), 0);
        done = 1;
    }
}

static TnObject *S(const char *s)
{
    TnObject *o = tn_str_from_cstr(s);
    cr_assert(o);
    return o;
}

/* The message of the pending exception (cleared), or "" when none. */
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

static void expect_str(TnObject *o, const char *want)
{
    cr_assert(o, "unexpected error: %s", err_text());
    cr_assert(tn_str_check(o));
    cr_assert_str_eq(TN_STR_DATA(o), want);
    tn_decref(o);
}

Test(str, interning_gives_one_immortal_object, .init = setup)
{
    TnObject *a = tn_str_intern(S("some_identifier"));
    TnObject *b = tn_str_intern(S("some_identifier"));
    TnObject *c = tn_str_intern_cstr("some_identifier");
    cr_assert_eq(a, b);
    cr_assert_eq(a, c);
    cr_assert(tn_is_immortal(a));
    cr_assert(tn_str_eq_cstr(TN_ID(__init__), "__init__"));
    cr_assert_eq(tn_str_intern_cstr("__init__"), TN_ID(__init__));
}

Test(str, singletons, .init = setup)
{
    TnObject *e1 = S(""), *e2 = tn_str_from_utf8("", 0);
    cr_assert_eq(e1, e2);
    TnObject *a1 = S("a"), *a2 = tn_str_from_codepoint('a');
    cr_assert_eq(a1, a2);
    cr_assert(tn_is_immortal(a1));
}

Test(str, utf8_validation, .init = setup)
{
    static const struct { const char *in; const char *msg; } cases[] = {
        {"\xff", "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
        {"a\xc3", "'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data"},
        {"\xc3\x28", "'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte"},
        {"\xed\xa0\x80", "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"},
        {"ab\xf0\x90\x80", "'utf-8' codec can't decode bytes in position 2-4: unexpected end of data"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TnObject *o = tn_str_from_utf8(cases[i].in, (tn_ssize_t)strlen(cases[i].in));
        cr_assert_null(o);
        cr_assert(tn_err_matches(&tn_exc_UnicodeDecodeError));
        cr_assert_str_eq(err_text(), cases[i].msg);
    }
    TnObject *ok = S("h\xc3\xa9llo \xf0\x9f\x98\x80");
    cr_assert_eq(TN_STR_LEN(ok), 7);
    cr_assert_eq(tn_str_char_at(ok, 6), 0x1F600);
}

Test(str, repr_escapes, .init = setup)
{
    expect_str(tn_str_repr(S("it's")), "\"it's\"");
    expect_str(tn_str_repr(S("a\"b'c\\\n\t\x01\x7f")), "'a\"b\\'c\\\\\\n\\t\\x01\\x7f'");
    expect_str(tn_str_repr(S("h\xc3\xa9 \xc2\xa0 \xe2\x80\xa8 \xf0\x9f\x98\x80")),
               "'h\xc3\xa9 \\xa0 \\u2028 \xf0\x9f\x98\x80'");
    TnObject *b = tn_bytes_from_data("a'\x00\xff\n", 5);
    expect_str(tn_bytes_repr(b), "b\"a'\\x00\\xff\\n\"");
    tn_decref(b);
}

Test(str, split_and_join, .init = setup)
{
    TnObject *s = S("  a b  c\td\n ");
    TnObject *parts = tn_call_method_cstr(s, "split", NULL, 0);
    cr_assert(parts);
    TnObject *sep = S("|");
    expect_str(tn_str_join(sep, parts), "a|b|c|d");
    tn_decref(parts);
    TnObject *comma = S(","), *csv = S("a,b,,c");
    parts = tn_call_method_cstr(csv, "split", &comma, 1);
    cr_assert(parts);
    expect_str(tn_str_join(sep, parts), "a|b||c");
    tn_decref(parts);
}

Test(str, format_method, .init = setup)
{
    TnObject *args[] = {S("x"), S("y")};
    expect_str(tn_str_format(S("{1}{0}{{}}"), args, 2, NULL), "yx{}");
    expect_str(tn_str_format(S("{:>4}|{:^5}|"), args, 2, NULL), "   x|  y  |");
    expect_str(tn_str_format(S("{0!r}"), args, 2, NULL), "'x'");
    cr_assert_null(tn_str_format(S("a}b"), args, 2, NULL));
    cr_assert_str_eq(err_text(), "Single '}' encountered in format string");
    cr_assert_null(tn_str_format(S("{} {1}"), args, 2, NULL));
    cr_assert_str_eq(err_text(),
                     "cannot switch from automatic field numbering to manual field specification");
    cr_assert_null(tn_str_format(S("{2}"), args, 2, NULL));
    cr_assert_str_eq(err_text(), "Replacement index 2 out of range for positional args tuple");
}

Test(str, percent_format, .init = setup)
{
    TnObject *t = tn_tuple_pack(3, S("a"), tn_int_from_i64(42), tn_int_from_i64(255));
    expect_str(tn_str_mod(S("%s|%5d|%#x"), t), "a|   42|0xff");
    cr_assert_null(tn_str_mod(S("abc"), tn_int_from_i64(5)));
    cr_assert_str_eq(err_text(), "not all arguments converted during string formatting");
    cr_assert_null(tn_str_mod(S("%d"), S("x")));
    cr_assert_str_eq(err_text(), "%d format: a real number is required, not str");
    cr_assert_null(tn_str_mod(S("%z"), tn_int_from_i64(1)));
    cr_assert_str_eq(err_text(), "unsupported format character 'z' (0x7a) at index 1");
}

Test(str, case_mapping_and_codecs, .init = setup)
{
    expect_str(tn_call_method_cstr(S("stra\xc3\x9f" "e"), "upper", NULL, 0), "STRASSE");
    expect_str(tn_call_method_cstr(S("\xce\x9f\xce\x94\xce\x9f\xce\xa3"), "lower", NULL, 0),
               "\xce\xbf\xce\xb4\xce\xbf\xcf\x82");
    TnObject *b = tn_str_encode(S("a\xc3\xa9"), "latin-1", "strict");
    cr_assert(b);
    cr_assert_eq(TN_BYTES_SIZE(b), 2);
    cr_assert_eq((unsigned char)TN_BYTES_DATA(b)[1], 0xe9);
    cr_assert_null(tn_str_encode(S("a\xc3\xa9"), "ascii", "strict"));
    cr_assert_str_eq(err_text(), "'ascii' codec can't encode character '\\xe9' in position 1: "
                                 "ordinal not in range(128)");
    cr_assert_null(tn_str_decode("x", 1, "koi9", "strict"));
    cr_assert_str_eq(err_text(), "unknown encoding: koi9");
}
