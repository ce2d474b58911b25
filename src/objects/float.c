/* float: the type object, arithmetic with CPython's error cases, exact
 * comparison with ints, the numeric hash, the constructor and methods.
 * Text conversions live in float_repr.c and float_format.c. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"
#include "tandem/args.h"
#include "tandem/bytes.h"
#include "tandem/freelist.h"

TnObject *tn_float_hex(double x);                           /* float_repr.c */
TnObject *tn_float_fromhex(const char *s, tn_ssize_t len);  /* float_repr.c */

TnObject *tn_float_new(double v)
{
    TnFloat *f = (TnFloat *)tn_freelist_pop(TN_FREELIST_FLOAT, &tn_float_type);
    if (!f) {
        f = (TnFloat *)tn_object_alloc_nozero(&tn_float_type, sizeof(TnFloat));
        if (!f)
            return NULL;
    }
    f->value = v;
    return (TnObject *)f;
}

static TnObject *float_new_type(TnType *t, double v)
{
    if (t == &tn_float_type)
        return tn_float_new(v);
    TnFloat *f = (TnFloat *)tn_object_alloc(t, t->tp_basicsize);
    if (f)
        f->value = v;
    return (TnObject *)f;
}

static void float_dealloc(TnObject *o)
{
    /* Exact floats are recycled through this thread's free list. */
    if (TN_TYPE(o) == &tn_float_type && tn_freelist_push(TN_FREELIST_FLOAT, o))
        return;
    tn_object_free(o);
}

double tn_float_as_double(TnObject *o)
{
    if (tn_float_check(o))
        return TN_FLOAT_VAL(o);
    if (tn_int_check(o))
        return tn_int_as_double(o);
    TnType *t = TN_TYPE(o);
    if (t->nb_float) {
        TnObject *r = tn_number_float(o);
        if (!r)
            return -1.0;
        double d = TN_FLOAT_VAL(r);
        tn_decref(r);
        return d;
    }
    if (t->nb_index) {
        TnObject *i = tn_number_index(o);
        if (!i)
            return -1.0;
        double d = tn_int_as_double(i);
        tn_decref(i);
        return d;
    }
    tn_err_format(&tn_exc_TypeError, "must be real number, not %T", o);
    return -1.0;
}

/* Operand conversion for the binary slots: float or int, else
 * NotImplemented (returns 0). -1 on error (int too large). */
static int to_double(TnObject *o, double *out)
{
    if (tn_float_check(o)) {
        *out = TN_FLOAT_VAL(o);
        return 1;
    }
    if (tn_int_check(o)) {
        *out = tn_int_as_double(o);
        if (*out == -1.0 && tn_err_occurred())
            return -1;
        return 1;
    }
    return 0;
}

#define CONVERT_BINOP(a, b, x, y) do { \
        int _ra = to_double(a, &x); \
        if (_ra <= 0) return _ra < 0 ? NULL : tn_newref(tn_NotImplemented); \
        int _rb = to_double(b, &y); \
        if (_rb <= 0) return _rb < 0 ? NULL : tn_newref(tn_NotImplemented); \
    } while (0)

static TnObject *float_add(TnObject *a, TnObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return tn_float_new(x + y);
}

static TnObject *float_sub(TnObject *a, TnObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return tn_float_new(x - y);
}

static TnObject *float_mul(TnObject *a, TnObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return tn_float_new(x * y);
}

static TnObject *float_truediv(TnObject *a, TnObject *b)
{
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "float division by zero");
    return tn_float_new(x / y);
}

/* Python's divmod on doubles (CPython's float_divmod). */
int tn_float_divmod_values(double vx, double wx, double *floordiv, double *modp)
{
    double div, mod = fmod(vx, wx);
    div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    if (div) {
        double fl = floor(div);
        if (div - fl > 0.5)
            fl += 1.0;
        div = fl;
    } else {
        div = copysign(0.0, vx / wx);
    }
    *floordiv = div;
    *modp = mod;
    return 0;
}

static TnObject *float_mod(TnObject *a, TnObject *b)
{
    double x, y, q, m;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "float modulo");
    m = fmod(x, y);
    if (m) {
        if ((y < 0) != (m < 0))
            m += y;
    } else {
        m = copysign(0.0, y);
    }
    (void)q;
    return tn_float_new(m);
}

static TnObject *float_floordiv(TnObject *a, TnObject *b)
{
    double x, y, q, m;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "float floor division by zero");
    tn_float_divmod_values(x, y, &q, &m);
    return tn_float_new(q);
}

static TnObject *float_divmod(TnObject *a, TnObject *b)
{
    double x, y, q, m;
    CONVERT_BINOP(a, b, x, y);
    if (y == 0.0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "float divmod()");
    tn_float_divmod_values(x, y, &q, &m);
    TnObject *fq = tn_float_new(q), *fm = tn_float_new(m), *r = NULL;
    if (fq && fm)
        r = tn_tuple_pack(2, fq, fm);
    TN_XDECREF(fq);
    TN_XDECREF(fm);
    return r;
}

static int is_odd_integer(double y)
{
    return fmod(fabs(y), 2.0) == 1.0;
}

/* CPython's float_pow special cases, then libm pow with errno checks. */
TnObject *tn_float_pow_values(double iv, double iw)
{
    if (iw == 0)
        return tn_float_new(1.0);
    if (isnan(iv))
        return tn_float_new(iv == 1.0 ? 1.0 : iv);
    if (isnan(iw))
        return tn_float_new(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        double av = fabs(iv);
        if (av == 1.0)
            return tn_float_new(1.0);
        if ((iw > 0.0) == (av > 1.0))
            return tn_float_new(fabs(iw));
        return tn_float_new(0.0);
    }
    if (isinf(iv)) {
        int odd = is_odd_integer(iw);
        if (iw > 0.0)
            return tn_float_new(odd ? iv : fabs(iv));
        return tn_float_new(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        int odd = is_odd_integer(iw);
        if (iw < 0.0)
            return tn_err_format(&tn_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return tn_float_new(odd ? iv : 0.0);
    }
    int negate = 0;
    if (iv < 0.0) {
        if (iw != floor(iw))
            return tn_err_format(&tn_exc_NotImplementedError,
                                 "complex numbers are not supported (negative number raised to a fractional power)");
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0)
        return tn_float_new(negate ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    if (negate)
        ix = -ix;
    if (isinf(ix))
        errno = ERANGE;
    if (errno == ERANGE && fabs(ix) >= 1.0)
        return tn_err_format(&tn_exc_OverflowError, "(34, 'Numerical result out of range')");
    return tn_float_new(ix);
}

static TnObject *float_pow(TnObject *a, TnObject *b, TnObject *m)
{
    if (m && m != tn_None)
        return tn_err_format(&tn_exc_TypeError,
                             "pow() 3rd argument not allowed unless all arguments are integers");
    double x, y;
    CONVERT_BINOP(a, b, x, y);
    return tn_float_pow_values(x, y);
}

static TnObject *float_neg(TnObject *a) { return tn_float_new(-TN_FLOAT_VAL(a)); }
static TnObject *float_pos(TnObject *a) { return tn_float_new(TN_FLOAT_VAL(a)); }
static TnObject *float_abs(TnObject *a) { return tn_float_new(fabs(TN_FLOAT_VAL(a))); }
static int float_bool(TnObject *a) { return TN_FLOAT_VAL(a) != 0.0; }
static TnObject *float_int(TnObject *a) { return tn_int_from_double(TN_FLOAT_VAL(a)); }

static TnObject *float_float(TnObject *a)
{
    if (tn_float_check_exact(a))
        return tn_newref(a);
    return tn_float_new(TN_FLOAT_VAL(a));
}

/* ---- hash, compare ------------------------------------------------------------- */

tn_hash_t tn_float_hash_double(double v, TnObject *o)
{
    if (!isfinite(v)) {
        if (isinf(v))
            return v > 0 ? TN_HASH_INF : -TN_HASH_INF;
        /* nan: identity hash, as CPython 3.10+ (pointer rotated by 4) */
        uintptr_t y = (uintptr_t)o;
        y = (y >> 4) | (y << (8 * sizeof(uintptr_t) - 4));
        tn_hash_t h = (tn_hash_t)y;
        return h == -1 ? -2 : h;
    }
    /* Python's numeric hash: v mod (2**61 - 1), taking 28 bits of the
     * mantissa at a time, then the binary exponent as a rotation. */
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & TN_HASH_MODULUS) | x >> (TN_HASH_BITS - 28);
        m *= 268435456.0;          /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= TN_HASH_MODULUS)
            x -= TN_HASH_MODULUS;
    }
    e = e >= 0 ? e % TN_HASH_BITS : TN_HASH_BITS - 1 - ((-1 - e) % TN_HASH_BITS);
    x = ((x << e) & TN_HASH_MODULUS) | x >> (TN_HASH_BITS - e);
    tn_hash_t h = (tn_hash_t)x * sign;
    return h == -1 ? -2 : h;
}

static tn_hash_t float_hash(TnObject *o)
{
    return tn_float_hash_double(TN_FLOAT_VAL(o), o);
}

static TnObject *cmp_result(int c, int op)
{
    int r;
    switch (op) {
    case TN_LT: r = c < 0; break;
    case TN_LE: r = c <= 0; break;
    case TN_EQ: r = c == 0; break;
    case TN_NE: r = c != 0; break;
    case TN_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return tn_bool_from(r);
}

TnObject *tn_float_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_float_check(a))
        return tn_newref(tn_NotImplemented);
    double x = TN_FLOAT_VAL(a);
    if (tn_float_check(b)) {
        double y = TN_FLOAT_VAL(b);
        int r;
        switch (op) {
        case TN_LT: r = x < y; break;
        case TN_LE: r = x <= y; break;
        case TN_EQ: r = x == y; break;
        case TN_NE: r = x != y; break;
        case TN_GT: r = x > y; break;
        default: r = x >= y; break;
        }
        return tn_bool_from(r);
    }
    if (tn_int_check(b)) {
        if (isnan(x))
            return tn_bool_from(op == TN_NE);
        /* exact: compare the int with the double, then flip */
        int c = -tn_int_compare_double(b, x);
        return cmp_result(c, op);
    }
    return tn_newref(tn_NotImplemented);
}

/* ---- constructor ---------------------------------------------------------------- */

static TnObject *float_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (tn_check_no_kwargs("float", kwnames) < 0)
        return NULL;
    if (nargs > 1)
        return tn_err_format(&tn_exc_TypeError, "float expected at most 1 argument, got %zu", nargs);
    TnObject *r;
    if (nargs == 0)
        r = tn_float_new(0.0);
    else {
        TnObject *x = args[0];
        if (tn_str_check(x) && !TN_TYPE(x)->nb_float)
            r = tn_float_from_string(TN_STR_DATA(x), TN_STR_SIZE(x));
        else if ((tn_bytes_check(x) || tn_bytearray_check(x)) && !TN_TYPE(x)->nb_float) {
            const char *d;
            tn_ssize_t n;
            if (tn_bytes_like_get(x, &d, &n) < 0)
                return NULL;
            double v;
            char *tmp = tn_mem_alloc((size_t)n + 1);
            if (!tmp)
                return NULL;
            memcpy(tmp, d, (size_t)n);
            tmp[n] = 0;
            int bad = 0;
            for (tn_ssize_t i = 0; i < n; i++)
                if ((unsigned char)tmp[i] >= 0x80)
                    bad = 1;
            if (bad || tn_float_parse(tmp, n, &v) < 0) {
                tn_err_clear();
                tn_mem_free(tmp);
                return tn_err_format(&tn_exc_ValueError, "could not convert string to float: %R", x);
            }
            tn_mem_free(tmp);
            r = tn_float_new(v);
        } else
            r = tn_number_float(x);
    }
    if (!r || type == &tn_float_type)
        return r;
    TnObject *s = float_new_type(type, TN_FLOAT_VAL(r));
    tn_decref(r);
    return s;
}

/* ---- methods -------------------------------------------------------------------- */

static TnObject *float_is_integer(TnObject *self, TnObject *unused)
{
    double x = TN_FLOAT_VAL(self);
    return tn_bool_from(isfinite(x) && floor(x) == x);
}

static TnObject *float_as_integer_ratio(TnObject *self, TnObject *unused)
{
    double x = TN_FLOAT_VAL(self);
    if (isinf(x))
        return tn_err_format(&tn_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return tn_err_format(&tn_exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    TnObject *num = tn_int_from_double(m), *den = tn_int_from_i64(1), *r = NULL;
    if (!num)
        goto done;
    if (e > 0) {
        TnObject *t = tn_int_lshift_bits(num, (uint64_t)e);
        TN_SETREF(num, t);
    } else if (e < 0) {
        TnObject *t = tn_int_lshift_bits(den, (uint64_t)-e);
        TN_SETREF(den, t);
    }
    if (num && den)
        r = tn_tuple_pack(2, num, den);
done:
    TN_XDECREF(num);
    TN_XDECREF(den);
    return r;
}

static TnObject *float_conjugate(TnObject *self, TnObject *unused) { return float_float(self); }
static TnObject *float_get_real(TnObject *self, void *c) { return float_float(self); }
static TnObject *float_get_imag(TnObject *self, void *c) { return tn_float_new(0.0); }

static TnObject *float_hex_meth(TnObject *self, TnObject *unused) { return tn_float_hex(TN_FLOAT_VAL(self)); }

static TnObject *float_fromhex_meth(TnObject *cls, TnObject *arg)
{
    if (!tn_str_check(arg))
        return tn_err_format(&tn_exc_TypeError, "fromhex() argument must be str, not %T", arg);
    TnObject *r = tn_float_fromhex(TN_STR_DATA(arg), TN_STR_SIZE(arg));
    if (r && cls != (TnObject *)&tn_float_type) {
        TnObject *s = tn_call_one(cls, r);
        tn_decref(r);
        r = s;
    }
    return r;
}

static TnObject *float_trunc(TnObject *self, TnObject *unused)
{
    return tn_int_from_double(TN_FLOAT_VAL(self));
}

static TnObject *float_floor(TnObject *self, TnObject *unused)
{
    return tn_int_from_double(floor(TN_FLOAT_VAL(self)));
}

static TnObject *float_ceil(TnObject *self, TnObject *unused)
{
    return tn_int_from_double(ceil(TN_FLOAT_VAL(self)));
}

/* round(x, n): format x with n digits after the point (correctly rounded
 * half-even on the exact binary value, by glibc's printf) and read it back,
 * which is CPython's own strategy (double_round with dtoa). */
double tn_float_round_ndigits(double x, int64_t nd)
{
    if (!isfinite(x) || x == 0.0)
        return x;
    if (nd > 330)
        return x;
    if (nd < -330)
        return copysign(0.0, x);
    if (nd >= 0) {
        char *buf = tn_mem_alloc(400 + (size_t)nd);
        if (!buf)
            return x;
        snprintf(buf, 400 + (size_t)nd, "%.*f", (int)nd, x);
        double r = strtod(buf, NULL);
        tn_mem_free(buf);
        return r == 0.0 ? copysign(0.0, x) : r;
    }
    /* negative ndigits: round x / 10**-nd exactly via the decimal digits
     * "%.0f" gives for the full value, then zero the last -nd digits with
     * half-even rounding on the exact decimal expansion. */
    char buf[400];
    int len = snprintf(buf, sizeof buf, "%.0f", fabs(x));
    /* the exact integer part suffices only if x has no fraction beyond
     * the rounding point; the fraction matters only for exact ties */
    double frac = fabs(x) - floor(fabs(x));
    int k = (int)-nd;
    if (k >= len) {
        /* |x| < 10**k: result is 0 or 10**k */
        if (k > len)
            return copysign(0.0, x);
        /* compare with half of 10**k: first digit >= 5 ... */
        int up = buf[0] > '5' || (buf[0] == '5' && (strspn(buf + 1, "0") != (size_t)(len - 1) || frac > 0));
        if (buf[0] == '5' && !up) {
            /* tie: round half even -> 0 (0 is even) */
        }
        double r = up ? pow(10.0, k) : 0.0;
        return copysign(r, x);
    }
    /* "%.0f" rounded the fraction already; use floor instead to keep the
     * tie information exact */
    snprintf(buf, sizeof buf, "%.0f", floor(fabs(x)));
    len = (int)strlen(buf);
    int split = len - k;
    char tail[400];
    memcpy(tail, buf + split, (size_t)k);
    tail[k] = 0;
    int cmp;                               /* tail vs 5000... */
    if (tail[0] != '5')
        cmp = tail[0] > '5' ? 1 : -1;
    else
        cmp = (strspn(tail + 1, "0") != (size_t)(k - 1) || frac > 0) ? 1 : 0;
    for (int i = split; i < len; i++)
        buf[i] = '0';
    int lastodd = split > 0 && ((buf[split - 1] - '0') & 1);
    double r = strtod(buf, NULL);
    if (cmp > 0 || (cmp == 0 && lastodd))
        r += pow(10.0, k);
    return copysign(r, x);
}

static TnObject *float_round(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (nargs > 1)
        return tn_err_format(&tn_exc_TypeError, "__round__ expected at most 1 argument, got %zu", nargs);
    double x = TN_FLOAT_VAL(self);
    if (nargs == 0 || args[0] == tn_None) {
        double r = round(x);
        if (fabs(x - trunc(x)) == 0.5)
            r = 2.0 * round(x / 2.0);
        return tn_int_from_double(r);
    }
    TnObject *nd = tn_number_index(args[0]);
    if (!nd)
        return NULL;
    int64_t n;
    if (!tn_int_as_i64_overflow(nd, &n))
        n = tn_int_sign(nd) < 0 ? INT64_MIN : INT64_MAX;
    tn_decref(nd);
    double r = tn_float_round_ndigits(x, n);
    if (isinf(r) && isfinite(x))
        return tn_err_format(&tn_exc_OverflowError, "rounded value too large to represent");
    return tn_float_new(r);
}

static TnObject *float_format_meth(TnObject *self, TnObject *spec)
{
    if (!tn_str_check(spec))
        return tn_err_format(&tn_exc_TypeError, "format() argument 2 must be str, not %T", spec);
    return tn_float_format(self, spec);
}

static TnObject *float_repr(TnObject *o)
{
    char buf[40];
    int n = tn_float_repr_buf(TN_FLOAT_VAL(o), buf, sizeof buf);
    return tn_str_from_ascii(buf, n);
}

static TnObject *float_getnewargs(TnObject *self, TnObject *unused)
{
    TnObject *v = tn_float_new(TN_FLOAT_VAL(self));
    if (!v)
        return NULL;
    TnObject *t = tn_tuple_pack(1, v);
    tn_decref(v);
    return t;
}

static const TnMethodDef float_methods[] = {
    { "conjugate", (void *)float_conjugate, TN_METH_NOARGS, "Return self, the complex conjugate of any float." },
    { "is_integer", (void *)float_is_integer, TN_METH_NOARGS, "Return True if the float is an integer." },
    { "as_integer_ratio", (void *)float_as_integer_ratio, TN_METH_NOARGS, "Return integer ratio." },
    { "hex", (void *)float_hex_meth, TN_METH_NOARGS, "Return a hexadecimal representation of a floating-point number." },
    { "fromhex", (void *)float_fromhex_meth, TN_METH_O | TN_METH_CLASS, "Create a floating-point number from a hexadecimal string." },
    { "__trunc__", (void *)float_trunc, TN_METH_NOARGS, "Return the Integral closest to x between 0 and x." },
    { "__floor__", (void *)float_floor, TN_METH_NOARGS, "Return the floor as an Integral." },
    { "__ceil__", (void *)float_ceil, TN_METH_NOARGS, "Return the ceiling as an Integral." },
    { "__round__", (void *)float_round, TN_METH_FAST, "Return the Integral closest to x, rounding half toward even." },
    { "__format__", (void *)float_format_meth, TN_METH_O, "Formats the float according to format_spec." },
    { "__getnewargs__", (void *)float_getnewargs, TN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static const TnGetSetDef float_getset[] = {
    { "real", float_get_real, NULL, "the real part of a complex number", NULL },
    { "imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

TnType tn_float_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "float",
    .tp_basicsize = sizeof(TnFloat),
    .tp_flags = TN_TPFLAG_BASETYPE,
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_hash = float_hash,
    .tp_richcompare = tn_float_richcompare,
    .tp_new = float_new,
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_mod,
    .nb_divmod = float_divmod,
    .nb_floor_divide = float_floordiv,
    .nb_true_divide = float_truediv,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_pos,
    .nb_absolute = float_abs,
    .nb_int = float_int,
    .nb_float = float_float,
    .nb_bool = float_bool,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
    .tp_base = &tn_object_type,
};

int tn_float_init(void)
{
    return tn_type_ready(&tn_float_type);
}
