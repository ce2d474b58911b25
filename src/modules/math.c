/* The math module: libm wrappers with CPython's error conventions
 * (ValueError "math domain error", OverflowError "math range error"),
 * exact integer functions (factorial, comb, perm, gcd, lcm, isqrt) on big
 * ints, and the correctly rounded fsum (Shewchuk's partials).
 * No mutable global state: every function is pure. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/module.h"
#include "tandem/args.h"

static TnObject *domain_error(void)
{
    return tn_err_format(&tn_exc_ValueError, "math domain error");
}

static TnObject *range_error(void)
{
    return tn_err_format(&tn_exc_OverflowError, "math range error");
}

static int get_double(TnObject *o, double *out)
{
    if (tn_float_check_exact(o)) {
        *out = TN_FLOAT_VAL(o);
        return 0;
    }
    *out = tn_float_as_double(o);
    return (*out == -1.0 && tn_err_occurred()) ? -1 : 0;
}

/* Apply a one-argument libm function with CPython's math_1 checks:
 * a nan from a non-nan is a domain error, an infinity from a finite value
 * is a range error when the function can overflow, else a domain error. */
static TnObject *math_1(TnObject *arg, double (*fn)(double), int can_overflow)
{
    double x, r;
    if (get_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    r = fn(x);
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    if (isfinite(r) && errno == ERANGE && fabs(r) >= 1.5)
        return range_error();
    return tn_float_new(r);
}

#define MATH_FUNC1(name, fn, ovf) \
    static TnObject *math_##name(TnObject *m, TnObject *arg) { return math_1(arg, fn, ovf); }

MATH_FUNC1(sqrt, sqrt, 0)
MATH_FUNC1(exp, exp, 1)
MATH_FUNC1(exp2, exp2, 1)
MATH_FUNC1(expm1, expm1, 1)
MATH_FUNC1(sin, sin, 0)
MATH_FUNC1(cos, cos, 0)
MATH_FUNC1(tan, tan, 0)
MATH_FUNC1(asin, asin, 0)
MATH_FUNC1(acos, acos, 0)
MATH_FUNC1(atan, atan, 0)
MATH_FUNC1(sinh, sinh, 1)
MATH_FUNC1(cosh, cosh, 1)
MATH_FUNC1(tanh, tanh, 0)
MATH_FUNC1(asinh, asinh, 0)
MATH_FUNC1(acosh, acosh, 0)
MATH_FUNC1(atanh, atanh, 0)
MATH_FUNC1(erf, erf, 0)
MATH_FUNC1(erfc, erfc, 0)
MATH_FUNC1(fabs, fabs, 0)
MATH_FUNC1(cbrt, cbrt, 0)

static TnObject *math_log1p(TnObject *m, TnObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    if (x <= -1.0)
        return domain_error();
    return math_1(arg, log1p, 0);
}

/* ---- gamma and lgamma --------------------------------------------------------------- */

/* CPython does not use libm here but a Lanczos approximation (g and the
 * 13-term rational sum of Boost's lanczos13m53, Godfrey's method), so the
 * same sum, evaluated in the same order, gives bit-identical results. */
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[13] = {
    23531376880.41075968857200767445163675473, 42919803642.64909876895789904700198885093,
    35711959237.35566804944018545154716670596, 17921034426.03720969991975575445893111267,
    6039542586.352028005064291644307297921070, 1439720407.311721673663223072794912393972,
    248874557.8620541565114603864132294232163, 31426415.58540019438061423162831820536287,
    2876370.628935372441225409051620849613599, 186056.2653952234950402949897160456992822,
    8071.672002365816210638002902272250613822, 210.8242777515793458725097339207133627117,
    2.506628274631000270164908177133837338626
};
/* x(x+1)...(x+11) expanded: unsigned Stirling numbers of the first kind */
static const double lanczos_den[13] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0
};

static double lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = 12; i >= 0; i--) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    } else {
        /* in powers of 1/x, so large x cannot overflow */
        for (int i = 0; i < 13; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

/* sin(pi * x), exact at the integers and half-integers */
static double sin_pi(double x)
{
    double y = fmod(fabs(x), 2.0), r;
    switch ((int)round(2.0 * y)) {
    case 0: r = sin(M_PI * y); break;
    case 1: r = cos(M_PI * (y - 0.5)); break;
    case 2: r = sin(M_PI * (1.0 - y)); break;
    case 3: r = -cos(M_PI * (y - 1.5)); break;
    default: r = sin(M_PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

static TnObject *math_gamma(TnObject *m, TnObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    if ((x <= 0 && x == floor(x)) || (isinf(x) && x < 0))
        return domain_error();
    if (isnan(x) || isinf(x))
        return tn_float_new(x);
    if (x == floor(x) && x <= 23.0) {
        /* the correctly rounded factorial, as CPython's table */
        unsigned __int128 f = 1;
        for (int k = 2; k < (int)x; k++)
            f *= (unsigned)k;
        return tn_float_new((double)f);
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        return isinf(r) ? range_error() : tn_float_new(r);
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return tn_float_new(0.0 / sin_pi(x));
        return range_error();
    }
    double y = absx + lanczos_g_minus_half, z;
    /* z: the rounding error of y, scaled, for a first-order correction */
    if (absx > lanczos_g_minus_half)
        z = (y - absx) - lanczos_g_minus_half;
    else
        z = (y - lanczos_g_minus_half) - absx;
    z = z * lanczos_g / y;
    double r;
    if (x < 0.0) {
        r = -M_PI / sin_pi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r))
        return range_error();
    return tn_float_new(r);
}

static TnObject *math_lgamma(TnObject *m, TnObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    if (isnan(x))
        return tn_float_new(x);
    if (isinf(x))
        return tn_float_new(INFINITY);
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0)
            return domain_error();
        return tn_float_new(0.0);
    }
    double absx = fabs(x);
    if (absx < 1e-20)
        return tn_float_new(-log(absx));
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = 1.144729885849400174143427351353058711647 /* log(pi) */
            - log(fabs(sin_pi(absx))) - log(absx) - r;
    if (isinf(r))
        return range_error();
    return tn_float_new(r);
}

/* ---- logarithms (big ints welcome) ---------------------------------------------- */

/* log of an int or float argument into *out; `which` = 'e', '2', 'a' (log10). */
static int log_value(TnObject *arg, char which, double *out)
{
    if (tn_int_check(arg)) {
        if (tn_int_sign(arg) <= 0) {
            domain_error();
            return -1;
        }
        int64_t e;
        double mant = tn_int_frexp(arg, &e);       /* arg = mant * 2**e */
        if (which == '2')
            *out = log2(mant) + (double)e;
        else if (which == 'a')
            *out = log10(mant) + (double)e * log10(2.0);
        else
            *out = log(mant) + (double)e * M_LN2;
        /* values that fit a double go through libm directly, as CPython */
        if (e <= DBL_MAX_EXP) {
            double d = ldexp(mant, (int)e);
            *out = which == '2' ? log2(d) : which == 'a' ? log10(d) : log(d);
        }
        return 0;
    }
    double x;
    if (get_double(arg, &x) < 0)
        return -1;
    if (isnan(x)) {
        *out = x;
        return 0;
    }
    if (x <= 0) {
        domain_error();
        return -1;
    }
    *out = which == '2' ? log2(x) : which == 'a' ? log10(x) : log(x);
    return 0;
}

static TnObject *math_log(TnObject *m, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("log", nargs, 1, 2) < 0)
        return NULL;
    double num, den;
    if (log_value(args[0], 'e', &num) < 0)
        return NULL;
    if (nargs == 1)
        return tn_float_new(num);
    if (log_value(args[1], 'e', &den) < 0)
        return NULL;
    if (den == 0.0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "float division by zero");
    return tn_float_new(num / den);
}

static TnObject *math_log2(TnObject *m, TnObject *arg)
{
    double r;
    return log_value(arg, '2', &r) < 0 ? NULL : tn_float_new(r);
}

static TnObject *math_log10(TnObject *m, TnObject *arg)
{
    double r;
    return log_value(arg, 'a', &r) < 0 ? NULL : tn_float_new(r);
}

/* ---- two-argument functions --------------------------------------------------------- */

static int two_doubles(const char *name, TnObject *const *args, size_t nargs, double *x, double *y)
{
    if (tn_check_nargs(name, nargs, 2, 2) < 0)
        return -1;
    if (get_double(args[0], x) < 0 || get_double(args[1], y) < 0)
        return -1;
    return 0;
}

static TnObject *math_atan2(TnObject *m, TnObject *const *args, size_t nargs)
{
    double x, y;
    if (two_doubles("atan2", args, nargs, &y, &x) < 0)
        return NULL;
    return tn_float_new(atan2(y, x));
}

static TnObject *math_copysign(TnObject *m, TnObject *const *args, size_t nargs)
{
    double x, y;
    if (two_doubles("copysign", args, nargs, &x, &y) < 0)
        return NULL;
    return tn_float_new(copysign(x, y));
}

static TnObject *math_fmod(TnObject *m, TnObject *const *args, size_t nargs)
{
    double x, y;
    if (two_doubles("fmod", args, nargs, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return tn_float_new(x);
    if (isnan(x) || isnan(y))
        return tn_float_new(NAN);
    if (isinf(x) || y == 0.0)
        return domain_error();
    return tn_float_new(fmod(x, y));
}

static TnObject *math_remainder(TnObject *m, TnObject *const *args, size_t nargs)
{
    double x, y;
    if (two_doubles("remainder", args, nargs, &x, &y) < 0)
        return NULL;
    if (isnan(x) || isnan(y))
        return tn_float_new(NAN);
    if (isinf(x) || y == 0.0)
        return domain_error();
    if (isinf(y))
        return tn_float_new(x);
    return tn_float_new(remainder(x, y));
}

static TnObject *math_pow(TnObject *m, TnObject *const *args, size_t nargs)
{
    double x, y;
    if (two_doubles("pow", args, nargs, &x, &y) < 0)
        return NULL;
    double r;
    if (!isfinite(x) || !isfinite(y)) {
        errno = 0;
        if (isnan(x))
            r = y == 0.0 ? 1.0 : x;
        else if (isnan(y))
            r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            int odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? copysign(0., x) : 0.;
        } else {
            if (fabs(x) == 1.0)
                r = 1.;
            else if (y > 0 && fabs(x) > 1.0)
                r = y;
            else if (y < 0 && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.;
        }
        return tn_float_new(r);
    }
    if (x == 0.0 && y < 0)
        return domain_error();
    if (x < 0 && y != floor(y))
        return domain_error();
    errno = 0;
    r = pow(x, y);
    if (isinf(r))
        return range_error();
    return tn_float_new(r);
}

static TnObject *math_ldexp(TnObject *m, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("ldexp", nargs, 2, 2) < 0)
        return NULL;
    double x;
    if (get_double(args[0], &x) < 0)
        return NULL;
    if (!tn_int_check(args[1]))
        return tn_err_format(&tn_exc_TypeError, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (!tn_int_as_i64_overflow(args[1], &e))
        e = tn_int_sign(args[1]) < 0 ? INT32_MIN : INT32_MAX;
    if (e > INT32_MAX)
        e = INT32_MAX;
    if (e < INT32_MIN)
        e = INT32_MIN;
    if (x == 0.0 || !isfinite(x))
        return tn_float_new(x);
    double r = ldexp(x, (int)e);
    if (isinf(r))
        return range_error();
    return tn_float_new(r);
}

static TnObject *math_nextafter(TnObject *m, TnObject *const *args, size_t nargs)
{
    double x, y;
    if (two_doubles("nextafter", args, nargs, &x, &y) < 0)
        return NULL;
    return tn_float_new(nextafter(x, y));
}

static TnObject *math_ulp(TnObject *m, TnObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    if (isnan(x))
        return tn_float_new(x);
    x = fabs(x);
    if (isinf(x))
        return tn_float_new(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return tn_float_new(x - x2);
    }
    return tn_float_new(x2 - x);
}

static TnObject *math_degrees(TnObject *m, TnObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    return tn_float_new(x * (180.0 / M_PI));
}

static TnObject *math_radians(TnObject *m, TnObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    return tn_float_new(x * (M_PI / 180.0));
}

static TnObject *math_isfinite(TnObject *m, TnObject *arg)
{
    double x;
    return get_double(arg, &x) < 0 ? NULL : tn_bool_from(isfinite(x));
}

static TnObject *math_isinf(TnObject *m, TnObject *arg)
{
    double x;
    return get_double(arg, &x) < 0 ? NULL : tn_bool_from(isinf(x));
}

static TnObject *math_isnan(TnObject *m, TnObject *arg)
{
    double x;
    return get_double(arg, &x) < 0 ? NULL : tn_bool_from(isnan(x));
}

static TnObject *math_frexp(TnObject *m, TnObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    int e = 0;
    double r = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    TnObject *f = tn_float_new(r), *i = tn_int_from_i64(e), *t = NULL;
    if (f && i)
        t = tn_tuple_pack(2, f, i);
    TN_XDECREF(f);
    TN_XDECREF(i);
    return t;
}

static TnObject *math_modf(TnObject *m, TnObject *arg)
{
    double x, ip, fp;
    if (get_double(arg, &x) < 0)
        return NULL;
    if (isinf(x)) {
        ip = x;
        fp = copysign(0.0, x);
    } else {
        fp = modf(x, &ip);
    }
    TnObject *a = tn_float_new(fp), *b = tn_float_new(ip), *t = NULL;
    if (a && b)
        t = tn_tuple_pack(2, a, b);
    TN_XDECREF(a);
    TN_XDECREF(b);
    return t;
}

/* ---- rounding to ints ------------------------------------------------------------------ */

static TnObject *call_dunder_if_any(TnObject *o, TnObject *name, int *found)
{
    TnObject *meth = tn_type_lookup(TN_TYPE(o), name);
    *found = meth != NULL;
    if (!meth)
        return NULL;
    return tn_call_method(o, name, NULL, 0);
}

static TnObject *math_floor(TnObject *m, TnObject *arg)
{
    if (tn_float_check_exact(arg))
        return tn_int_from_double(floor(TN_FLOAT_VAL(arg)));
    if (tn_int_check(arg))
        return tn_int_exact(arg);
    int found;
    TnObject *r = call_dunder_if_any(arg, TN_ID(__floor__), &found);
    if (found)
        return r;
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    return tn_int_from_double(floor(x));
}

static TnObject *math_ceil(TnObject *m, TnObject *arg)
{
    if (tn_float_check_exact(arg))
        return tn_int_from_double(ceil(TN_FLOAT_VAL(arg)));
    if (tn_int_check(arg))
        return tn_int_exact(arg);
    int found;
    TnObject *r = call_dunder_if_any(arg, TN_ID(__ceil__), &found);
    if (found)
        return r;
    double x;
    if (get_double(arg, &x) < 0)
        return NULL;
    return tn_int_from_double(ceil(x));
}

static TnObject *math_trunc(TnObject *m, TnObject *arg)
{
    if (tn_float_check_exact(arg))
        return tn_int_from_double(TN_FLOAT_VAL(arg));
    int found;
    TnObject *r = call_dunder_if_any(arg, TN_ID(__trunc__), &found);
    if (found)
        return r;
    return tn_err_format(&tn_exc_TypeError, "type %s doesn't define __trunc__ method",
                         TN_TYPE(arg)->tp_name);
}

/* ---- integer functions ------------------------------------------------------------------ */

static TnObject *math_gcd(TnObject *m, TnObject *const *args, size_t nargs)
{
    TnObject *r = tn_int_from_i64(0);
    for (size_t i = 0; i < nargs && r; i++) {
        TnObject *x = tn_number_index(args[i]);
        if (!x) {
            TN_CLEAR(r);
            break;
        }
        TnObject *g = tn_int_gcd(r, x);
        tn_decref(x);
        tn_decref(r);
        r = g;
    }
    return r;
}

static TnObject *math_lcm(TnObject *m, TnObject *const *args, size_t nargs)
{
    TnObject *r = tn_int_from_i64(1);
    for (size_t i = 0; i < nargs && r; i++) {
        TnObject *x = tn_number_index(args[i]);
        TnObject *g = NULL, *p = NULL, *q = NULL;
        if (!x) {
            TN_CLEAR(r);
            break;
        }
        if (tn_int_sign(x) == 0 || tn_int_sign(r) == 0) {
            tn_decref(x);
            tn_decref(r);
            r = tn_int_from_i64(0);
            continue;
        }
        g = tn_int_gcd(r, x);
        q = g ? tn_int_floordiv(x, g) : NULL;
        p = q ? tn_int_mul(r, q) : NULL;
        TN_XDECREF(g);
        TN_XDECREF(q);
        tn_decref(x);
        tn_decref(r);
        r = p ? tn_int_abs(p) : NULL;
        TN_XDECREF(p);
    }
    return r;
}

/* Product of the integers in [lo, hi) by binary splitting, so the big
 * multiplications are balanced (Karatsuba-friendly). */
static TnObject *range_product(uint64_t lo, uint64_t hi)
{
    if (hi - lo <= 8) {
        TnObject *r = tn_int_from_i64(1);
        for (uint64_t i = lo; i < hi && r; i++) {
            TnObject *k = tn_int_from_u64(i);
            TnObject *t = k ? tn_int_mul(r, k) : NULL;
            TN_XDECREF(k);
            tn_decref(r);
            r = t;
        }
        return r;
    }
    uint64_t mid = lo + (hi - lo) / 2;
    TnObject *a = range_product(lo, mid);
    if (!a)
        return NULL;
    TnObject *b = range_product(mid, hi);
    if (!b) {
        tn_decref(a);
        return NULL;
    }
    TnObject *r = tn_int_mul(a, b);
    tn_decref(a);
    tn_decref(b);
    return r;
}

static int get_index_u64(TnObject *o, const char *negmsg, uint64_t *out, TnObject **as_int)
{
    TnObject *x = tn_number_index(o);
    if (!x)
        return -1;
    if (tn_int_sign(x) < 0) {
        tn_decref(x);
        tn_err_setstr(&tn_exc_ValueError, negmsg);
        return -1;
    }
    int64_t v;
    if (!tn_int_as_i64_overflow(x, &v))
        v = -1;
    *out = v < 0 ? UINT64_MAX : (uint64_t)v;
    if (as_int)
        *as_int = x;
    else
        tn_decref(x);
    return 0;
}

static TnObject *math_factorial(TnObject *m, TnObject *arg)
{
    if (tn_float_check(arg))
        return tn_err_format(&tn_exc_TypeError, "'float' object cannot be interpreted as an integer");
    uint64_t n;
    if (get_index_u64(arg, "factorial() not defined for negative values", &n, NULL) < 0)
        return NULL;
    if (n > 100000000)
        return tn_err_format(&tn_exc_OverflowError, "factorial() argument should not exceed %ld",
                             (long)INT64_MAX);
    return range_product(1, n + 1);
}

static TnObject *math_perm(TnObject *m, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("perm", nargs, 1, 2) < 0)
        return NULL;
    uint64_t n, k;
    if (get_index_u64(args[0], "n must be a non-negative integer", &n, NULL) < 0)
        return NULL;
    if (nargs == 1 || args[1] == tn_None)
        k = n;
    else if (get_index_u64(args[1], "k must be a non-negative integer", &k, NULL) < 0)
        return NULL;
    if (n == UINT64_MAX || k == UINT64_MAX)
        return tn_err_format(&tn_exc_OverflowError, "n must not exceed %ld", (long)INT64_MAX);
    if (k > n)
        return tn_int_from_i64(0);
    return range_product(n - k + 1, n + 1);
}

static TnObject *math_comb(TnObject *m, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("comb", nargs, 2, 2) < 0)
        return NULL;
    uint64_t n, k;
    if (get_index_u64(args[0], "n must be a non-negative integer", &n, NULL) < 0 ||
        get_index_u64(args[1], "k must be a non-negative integer", &k, NULL) < 0)
        return NULL;
    if (n == UINT64_MAX || k == UINT64_MAX)
        return tn_err_format(&tn_exc_OverflowError, "n must not exceed %ld", (long)INT64_MAX);
    if (k > n)
        return tn_int_from_i64(0);
    if (k > n - k)
        k = n - k;
    /* C(n, k) = n*(n-1)*...*(n-k+1) / k! ; both by binary splitting */
    TnObject *num = range_product(n - k + 1, n + 1);
    if (!num)
        return NULL;
    TnObject *den = range_product(1, k + 1);
    if (!den) {
        tn_decref(num);
        return NULL;
    }
    TnObject *r = tn_int_floordiv(num, den);
    tn_decref(num);
    tn_decref(den);
    return r;
}

static TnObject *math_isqrt(TnObject *m, TnObject *arg)
{
    TnObject *x = tn_number_index(arg);
    if (!x)
        return NULL;
    if (tn_int_sign(x) < 0) {
        tn_decref(x);
        return tn_err_format(&tn_exc_ValueError, "isqrt() argument must be nonnegative");
    }
    TnObject *r = tn_int_isqrt(x);
    tn_decref(x);
    return r;
}

/* ---- sums and products ------------------------------------------------------------------ */

/* fsum: Shewchuk's exact partials, then CPython's half-even correction of
 * the final rounding (msum recipe, "Adaptive Precision Floating-Point
 * Arithmetic", Shewchuk 1997). */
static TnObject *math_fsum(TnObject *m, TnObject *arg)
{
    TnObject *it = tn_object_iter(arg), *item;
    if (!it)
        return NULL;
    size_t n = 0, cap = 32;
    double *p = tn_mem_alloc(cap * sizeof(double));
    double special_sum = 0.0, inf_sum = 0.0;
    if (!p) {
        tn_decref(it);
        return NULL;
    }
    while ((item = tn_iter_next(it))) {
        double x;
        int rc = get_double(item, &x);
        tn_decref(item);
        if (rc < 0)
            goto error;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x; x = y; y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* a nonfinite x could arise from a finite sum overflowing */
                if (isfinite(xsave)) {
                    tn_err_setstr(&tn_exc_OverflowError, "intermediate overflow in fsum");
                    goto error;
                }
                if (isinf(xsave))
                    inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n + 1 >= cap) {
                    double *np = tn_mem_realloc(p, 2 * cap * sizeof(double));
                    if (!np)
                        goto error;
                    p = np;
                    cap *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (tn_err_occurred())
        goto error;
    tn_decref(it);
    it = NULL;
    if (special_sum != 0.0) {
        tn_mem_free(p);
        if (isnan(inf_sum))
            return tn_err_format(&tn_exc_ValueError, "-inf + inf in fsum");
        return tn_float_new(special_sum);
    }
    double hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        double lo = 0.0;
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    tn_mem_free(p);
    return tn_float_new(hi);
error:
    tn_mem_free(p);
    TN_XDECREF(it);
    return NULL;
}

static TnObject *math_prod(TnObject *m, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "", "start", NULL };
    TnObject *vals[2] = { NULL, NULL };
    if (tn_parse_args("prod", args, nargs, kwnames, kwlist, 1, 1, vals) < 0)
        return NULL;
    TnObject *it = tn_object_iter(vals[0]);
    if (!it)
        return NULL;
    TnObject *r = vals[1] ? tn_newref(vals[1]) : tn_int_from_i64(1), *item;
    while (r && (item = tn_iter_next(it))) {
        TnObject *t = tn_number_multiply(r, item);
        tn_decref(item);
        tn_decref(r);
        r = t;
    }
    tn_decref(it);
    if (r && tn_err_occurred())
        TN_CLEAR(r);
    return r;
}

static TnObject *math_isclose(TnObject *m, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "a", "b", "rel_tol", "abs_tol", NULL };
    TnObject *vals[4] = { NULL, NULL, NULL, NULL };
    if (tn_parse_args("isclose", args, nargs, kwnames, kwlist, 2, 2, vals) < 0)
        return NULL;
    double a, b, rel = 1e-09, abst = 0.0;
    if (get_double(vals[0], &a) < 0 || get_double(vals[1], &b) < 0)
        return NULL;
    if (vals[2] && get_double(vals[2], &rel) < 0)
        return NULL;
    if (vals[3] && get_double(vals[3], &abst) < 0)
        return NULL;
    if (rel < 0.0 || abst < 0.0)
        return tn_err_format(&tn_exc_ValueError, "tolerances must be non-negative");
    if (a == b)
        return tn_bool_from(1);
    if (isinf(a) || isinf(b))
        return tn_bool_from(0);
    double diff = fabs(b - a);
    return tn_bool_from((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || (diff <= abst));
}

/* sqrt(sum(x*x)) for a vector, CPython 3.11's way so results match bit for
 * bit: scale by a power of two so nothing overflows, accumulate the squares
 * as double-length values (fma gives each product's rounding error, a fast
 * two-sum each addition's), then one Newton correction of the square root.
 * The sum starts at 1.0 so the running total never loses its lowest bits. */
static double vector_norm(double *v, size_t n, double maxv, int found_nan)
{
    if (isinf(maxv))
        return maxv;
    if (found_nan)
        return NAN;
    if (maxv == 0 || n <= 1)
        return maxv;
    int e;
    frexp(maxv, &e);
    if (e < -1023) {
        /* ldexp(1.0, -e) would overflow: rescale into the normal range */
        for (size_t i = 0; i < n; i++)
            v[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(v, n, maxv / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = v[i] * scale;
        double hi = x * x, lo = fma(x, x, -hi);
        double s = csum + hi;
        frac2 += (csum - s) + hi;
        csum = s;
        frac1 += lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    double hi = -h * h, lo = fma(-h, h, -hi);
    double s = csum + hi;
    frac2 += (csum - s) + hi;
    csum = s;
    frac1 += lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static TnObject *math_hypot(TnObject *m, TnObject *const *args, size_t nargs)
{
    double buf[16], *v = nargs <= 16 ? buf : tn_mem_alloc(nargs * sizeof(double));
    if (!v)
        return NULL;
    double maxv = 0.0;
    int found_nan = 0;
    for (size_t i = 0; i < nargs; i++) {
        double x;
        if (get_double(args[i], &x) < 0) {
            if (v != buf)
                tn_mem_free(v);
            return NULL;
        }
        x = fabs(x);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > maxv)
            maxv = x;
    }
    double r = vector_norm(v, nargs, maxv, found_nan);
    if (v != buf)
        tn_mem_free(v);
    return tn_float_new(r);
}

static TnObject *math_dist(TnObject *m, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("dist", nargs, 2, 2) < 0)
        return NULL;
    TnObject *p = tn_sequence_tuple(args[0]), *q = NULL, *res = NULL;
    double *v = NULL;
    if (!p)
        return NULL;
    q = tn_sequence_tuple(args[1]);
    if (!q)
        goto done;
    tn_ssize_t n = TN_TUPLE_SIZE(p);
    if (n != TN_TUPLE_SIZE(q)) {
        tn_err_setstr(&tn_exc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    v = tn_mem_alloc(((size_t)n + 1) * sizeof(double));
    if (!v)
        goto done;
    double maxv = 0.0;
    int found_nan = 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        double a, b;
        if (get_double(TN_TUPLE_GET(p, i), &a) < 0 || get_double(TN_TUPLE_GET(q, i), &b) < 0)
            goto done;
        double x = fabs(a - b);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > maxv)
            maxv = x;
    }
    res = tn_float_new(vector_norm(v, (size_t)n, maxv, found_nan));
done:
    tn_mem_free(v);
    TN_XDECREF(p);
    TN_XDECREF(q);
    return res;
}

static const TnMethodDef math_methods[] = {
    { "sqrt", (void *)math_sqrt, TN_METH_O, "Return the square root of x." },
    { "exp", (void *)math_exp, TN_METH_O, "Return e raised to the power of x." },
    { "exp2", (void *)math_exp2, TN_METH_O, "Return 2 raised to the power of x." },
    { "expm1", (void *)math_expm1, TN_METH_O, "Return exp(x)-1." },
    { "log", (void *)math_log, TN_METH_FAST, "log(x, [base=math.e])" },
    { "log2", (void *)math_log2, TN_METH_O, "Return the base 2 logarithm of x." },
    { "log10", (void *)math_log10, TN_METH_O, "Return the base 10 logarithm of x." },
    { "log1p", (void *)math_log1p, TN_METH_O, "Return the natural logarithm of 1+x (base e)." },
    { "pow", (void *)math_pow, TN_METH_FAST, "Return x**y (x to the power of y)." },
    { "fabs", (void *)math_fabs, TN_METH_O, "Return the absolute value of the float x." },
    { "floor", (void *)math_floor, TN_METH_O, "Return the floor of x as an Integral." },
    { "ceil", (void *)math_ceil, TN_METH_O, "Return the ceiling of x as an Integral." },
    { "trunc", (void *)math_trunc, TN_METH_O, "Truncates the Real x to the nearest Integral toward 0." },
    { "sin", (void *)math_sin, TN_METH_O, "Return the sine of x (measured in radians)." },
    { "cos", (void *)math_cos, TN_METH_O, "Return the cosine of x (measured in radians)." },
    { "tan", (void *)math_tan, TN_METH_O, "Return the tangent of x (measured in radians)." },
    { "asin", (void *)math_asin, TN_METH_O, "Return the arc sine (measured in radians) of x." },
    { "acos", (void *)math_acos, TN_METH_O, "Return the arc cosine (measured in radians) of x." },
    { "atan", (void *)math_atan, TN_METH_O, "Return the arc tangent (measured in radians) of x." },
    { "atan2", (void *)math_atan2, TN_METH_FAST, "Return the arc tangent (measured in radians) of y/x." },
    { "sinh", (void *)math_sinh, TN_METH_O, "Return the hyperbolic sine of x." },
    { "cosh", (void *)math_cosh, TN_METH_O, "Return the hyperbolic cosine of x." },
    { "tanh", (void *)math_tanh, TN_METH_O, "Return the hyperbolic tangent of x." },
    { "asinh", (void *)math_asinh, TN_METH_O, "Return the inverse hyperbolic sine of x." },
    { "acosh", (void *)math_acosh, TN_METH_O, "Return the inverse hyperbolic cosine of x." },
    { "atanh", (void *)math_atanh, TN_METH_O, "Return the inverse hyperbolic tangent of x." },
    { "cbrt", (void *)math_cbrt, TN_METH_O, "Return the cube root of x." },
    { "degrees", (void *)math_degrees, TN_METH_O, "Convert angle x from radians to degrees." },
    { "radians", (void *)math_radians, TN_METH_O, "Convert angle x from degrees to radians." },
    { "hypot", (void *)math_hypot, TN_METH_FAST, "Multidimensional Euclidean distance from the origin to a point." },
    { "dist", (void *)math_dist, TN_METH_FAST, "Return the Euclidean distance between two points p and q." },
    { "copysign", (void *)math_copysign, TN_METH_FAST, "Return a float with the magnitude of x but the sign of y." },
    { "fmod", (void *)math_fmod, TN_METH_FAST, "Return fmod(x, y), according to platform C." },
    { "remainder", (void *)math_remainder, TN_METH_FAST, "Difference between x and the closest integer multiple of y." },
    { "modf", (void *)math_modf, TN_METH_O, "Return the fractional and integer parts of x." },
    { "frexp", (void *)math_frexp, TN_METH_O, "Return the mantissa and exponent of x, as pair (m, e)." },
    { "ldexp", (void *)math_ldexp, TN_METH_FAST, "Return x * (2**i)." },
    { "isfinite", (void *)math_isfinite, TN_METH_O, "Return True if x is neither an infinity nor a NaN." },
    { "isinf", (void *)math_isinf, TN_METH_O, "Return True if x is a positive or negative infinity." },
    { "isnan", (void *)math_isnan, TN_METH_O, "Return True if x is a NaN (not a number)." },
    { "isclose", (void *)math_isclose, TN_METH_FASTKW, "Determine whether two floating point numbers are close in value." },
    { "gcd", (void *)math_gcd, TN_METH_FAST, "Greatest Common Divisor." },
    { "lcm", (void *)math_lcm, TN_METH_FAST, "Least Common Multiple." },
    { "factorial", (void *)math_factorial, TN_METH_O, "Find x!." },
    { "comb", (void *)math_comb, TN_METH_FAST, "Number of ways to choose k items from n items without repetition and without order." },
    { "perm", (void *)math_perm, TN_METH_FAST, "Number of ways to choose k items from n items without repetition and with order." },
    { "isqrt", (void *)math_isqrt, TN_METH_O, "Return the integer part of the square root of the input." },
    { "fsum", (void *)math_fsum, TN_METH_O, "Return an accurate floating point sum of values in the iterable seq." },
    { "prod", (void *)math_prod, TN_METH_FASTKW, "Calculate the product of all the elements in the input iterable." },
    { "erf", (void *)math_erf, TN_METH_O, "Error function at x." },
    { "erfc", (void *)math_erfc, TN_METH_O, "Complementary error function at x." },
    { "gamma", (void *)math_gamma, TN_METH_O, "Gamma function at x." },
    { "lgamma", (void *)math_lgamma, TN_METH_O, "Natural logarithm of absolute value of Gamma function at x." },
    { "nextafter", (void *)math_nextafter, TN_METH_FAST, "Return the next floating-point value after x towards y." },
    { "ulp", (void *)math_ulp, TN_METH_O, "Return the value of the least significant bit of the float x." },
    { NULL, NULL, 0, NULL }
};

TnObject *tn_module_init_math(void)
{
    TnObject *m = tn_module_new("math");
    if (!m)
        return NULL;
    if (tn_module_add_functions(m, math_methods) < 0)
        goto error;
    static const struct { const char *name; double v; } consts[] = {
        { "pi", M_PI }, { "e", M_E }, { "tau", 2.0 * M_PI }, { "inf", INFINITY }, { "nan", NAN },
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        TnObject *f = tn_float_new(consts[i].v);
        if (!f)
            goto error;
        int rc = tn_module_add_object(m, consts[i].name, f);
        tn_decref(f);
        if (rc < 0)
            goto error;
    }
    return m;
error:
    tn_decref(m);
    return NULL;
}
