/* Numbers: float repr (shortest round trip, CPython's layout), parsing,
 * format() and hashing, against outputs of CPython 3.11 (pasted in). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
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

TestSuite(float, .init = setup);

static const struct { double v; const char *repr; } reprs[] = {
    { 0x1.999999999999ap-4, "0.1" },
    { 0x1.3333333333334p-2, "0.30000000000000004" },
    { 0x1.5555555555555p-2, "0.3333333333333333" },
    { 0x1.1c37937e08000p+53, "1e+16" },
    { 0x1.4f8b588e368f1p-17, "1e-05" },
    { 0x1.a36e2eb1c432dp-14, "0.0001" },
    { 0x1.c12218377de40p+46, "123456789012345.0" },
    { 0x1.18b54f22aeb00p+50, "1234567890123456.0" },
    { 0x1.0f0cf064dd592p+73, "1e+22" },
    { 0x0.0000000000001p-1022, "5e-324" },
    { 0x1.fffffffffffffp+1023, "1.7976931348623157e+308" },
    { 0x1.0000000000000p-1022, "2.2250738585072014e-308" },
    { -0x0.0p+0, "-0.0" },
    { 0x0.0p+0, "0.0" },
    { 0x1.9000000000000p+6, "100.0" },
    { 0x1.8000000000000p+0, "1.5" },
    { 0x1.5666666666666p+1, "2.675" },
    { 0x1.0000000000000p+53, "9007199254740992.0" },
    { INFINITY, "inf" },
    { -0x1.ad7f29abcaf48p-24, "-1e-07" },
    { 0x1.3a6f252e6b438p+918, "2.7216092808335446e+276" },
    { 0x1.99387269e0d37p-215, "3.035766360112293e-65" },
    { 0x1.e3fe8a6a3a450p-925, "6.665830898196862e-279" },
    { 0x1.f8412128b2f33p+658, "2.3558459513947972e+198" },
    { 0x1.c7408892f902bp-831, "1.2418970069620836e-250" },
    { 0x1.8cc2e5d9dc9f8p+170, "2.319469273766672e+51" },
    { 0x1.12eca0ed90475p+840, "7.873531487934826e+252" },
    { 0x1.b3ae681e74ef5p-584, "2.6878898238430084e-176" },
    { 0x1.051ad099950d8p-847, "1.086847153644306e-255" },
    { 0x1.6aa4d6f03675ap-167, "7.572358053192185e-51" },
    { 0x1.e0b9211e20b8fp-531, "2.6713290337373985e-160" },
    { 0x1.8b7671738f7d9p+105, "6.266356115726005e+31" },
    { 0x1.0eedb6cad4a26p-902, "3.13010388235547e-272" },
    { 0x1.0c967d3ac94afp+135, "4.569785438180719e+40" },
    { 0x1.6082e1fb17c23p+917, "1.5255942855744936e+276" },
    { 0x1.8599c39263059p+268, "7.218027539944233e+80" },
    { 0x1.fa478a09f76b5p+170, "2.959712980820823e+51" },
    { 0x1.b1878f29d0da9p-897, "1.6027751755097824e-270" },
    { 0x1.3057a93bd04cfp+176, "1.1386802021941775e+53" },
    { 0x1.8f14e658cda14p-922, "4.397094309717868e-278" },
    { 0x1.c68c8f9ebdaccp-571, "2.2972765567901737e-172" },
    { 0x1.0cb9f0becd7b0p+117, "1.744133597091969e+35" },
    { 0x1.bdf56dbc496cbp-751, "1.4707130206140743e-226" },
    { 0x1.659214a23d596p-165, "2.9865692316748857e-50" },
    { 0x1.531f624ede6a4p+84, "2.5623378729646505e+25" },
    { 0x1.3b32c1e27a1c0p+146, "1.098305676151579e+44" },
    { 0x1.682ac4ef8aa38p+124, "2.9921509330084245e+37" },
    { 0x1.bdd4ad0eda82fp+373, "3.3505681211309543e+112" },
    { 0x1.0edf12e44158bp-812, "3.874063001449752e-245" },
    { 0x1.d39b494e3bf91p+146, "1.629371149474561e+44" }
};

Test(float, repr_matches_cpython)
{
    char buf[64];
    for (size_t i = 0; i < sizeof reprs / sizeof reprs[0]; i++) {
        tn_float_repr_buf(reprs[i].v, buf, sizeof buf);
        cr_assert_str_eq(buf, reprs[i].repr);
    }
}

Test(float, repr_round_trips_random_doubles)
{
    char buf[64];
    uint64_t s = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < 200000; i++) {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;      /* xorshift64 */
        double v;
        memcpy(&v, &s, sizeof v);
        if (!isfinite(v))
            continue;
        tn_float_repr_buf(v, buf, sizeof buf);
        cr_assert_eq(strtod(buf, NULL), v, "%s", buf);
    }
}

static const struct { double v; const char *spec, *want; } formats[] = {
    { 0x1.34a0000000000p+10, "012,.2f", "0,001,234.50" },
    { 0x1.1c37937e08000p+53, "", "1e+16" },
    { 0x1.8000000000000p+0, ".3", "1.5" },
    { 0x1.9000000000000p+6, ".3", "1e+02" },
    { 0x1.999999999999ap-4, "10", "       0.1" },
    { 0x1.34a0000000000p+10, ".3", "1.23e+03" },
    { 0x1.0000000000000p+0, "#.0", "1.e+00" },
    { 0x1.0000000000000p-1, ".0%", "50%" },
    { -0x0.0p+0, "z.1f", "0.0" },
    { 0x1.4000000000000p+1, ".0f", "2" },
    { 0x1.edd2f1a9fbe77p+6, "=+12.2f", "+     123.46" },
    { INFINITY, "010", "0000000inf" },
    { 0x1.249ad2594c37dp+332, "n", "1e+100" },
    { 0x1.921f9f01b866ep+1, "^12.3e", " 3.142e+00  " }
};

Test(float, format_spec)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        TnObject *f = tn_float_new(formats[i].v), *spec = tn_str_from_cstr(formats[i].spec);
        TnObject *r = tn_object_format(f, spec);
        cr_assert_not_null(r);
        cr_assert_str_eq(TN_STR_DATA(r), formats[i].want, "spec %s", formats[i].spec);
        tn_decref(r); tn_decref(f); tn_decref(spec);
    }
}

Test(float, parse)
{
    TnObject *f = tn_float_from_string(" 1_0.5 ", 7);
    cr_assert_not_null(f);
    cr_assert_eq(TN_FLOAT_VAL(f), 10.5);
    tn_decref(f);
    f = tn_float_from_string("-Infinity", 9);
    cr_assert(isinf(TN_FLOAT_VAL(f)) && TN_FLOAT_VAL(f) < 0);
    tn_decref(f);
    cr_assert_null(tn_float_from_string("1_e5", 4));
    cr_assert(tn_err_matches(&tn_exc_ValueError));
    tn_err_clear();
}

Test(float, hash_matches_cpython)
{
    TnObject *f = tn_float_new(0.5), *g = tn_float_new(1.0), *one = tn_int_from_i64(1);
    cr_assert_eq(tn_object_hash(f), 1152921504606846976);
    cr_assert_eq(tn_object_hash(g), tn_object_hash(one));
    tn_decref(f); tn_decref(g);
    f = tn_float_new(1e300);
    cr_assert_eq(tn_object_hash(f), 1224995262755759164);
    tn_decref(f);
}
