/* float: IEEE-754 double.
 * Invariants: repr is the shortest string that round-trips (CPython's
 * repr), e.g. 0.1, 1e+16, 1e-07, inf, nan, -0.0.
 * Implemented in src/objects/float*.c. */
#ifndef TANDEM_FLOAT_H
#define TANDEM_FLOAT_H
#include "tandem/type.h"

typedef struct { TnObject ob; double value; } TnFloat;

extern TnType tn_float_type;
#define tn_float_check(o) tn_is_instance_fast(o, &tn_float_type)
#define tn_float_check_exact(o) (TN_TYPE(o) == &tn_float_type)
#define TN_FLOAT_VAL(o) (((TnFloat *)(o))->value)

TnObject *tn_float_new(double v);
double tn_float_as_double(TnObject *o);          /* accepts int/float/__float__/__index__; -1 + error */
/* repr(float) into buf (>= 32 bytes); returns length. */
int tn_float_repr_buf(double v, char *buf, size_t bufsize);
/* Format with printf-like `type` in "eEfFgG%" and precision, plus flags:
 * bit 0 '#' alternate form, bit 1 add ".0" if integral (repr/str),
 * into a new str. */
TnObject *tn_float_to_str(double v, char type, int precision, int flags);
TnObject *tn_float_format(TnObject *o, TnObject *spec);   /* format(f, spec) */
/* Parse the float() grammar (also "inf", "nan", underscores). ValueError. */
TnObject *tn_float_from_string(const char *s, tn_ssize_t len);

/* ---- additions (numbers engineer) --------------------------------------- */
int tn_float_init(void);                         /* startup step 3 */
/* CPython's hash of a double (hash(1.0) == hash(1)); `o` is used for nan
 * (identity hash, as CPython 3.10+); may be NULL (then 0). */
tn_hash_t tn_float_hash_double(double v, TnObject *o);
TnObject *tn_float_richcompare(TnObject *a, TnObject *b, int op);
/* Parse a C double; returns 0 and *out, or -1 with ValueError
 * "could not convert string to float: '...'" (repr of the input). */
int tn_float_parse(const char *s, tn_ssize_t len, double *out);
/* Python's float floor division / modulo / divmod semantics;
 * ZeroDivisionError on b == 0. */
int tn_float_divmod_values(double a, double b, double *floordiv, double *mod);
/* float ** float with CPython's special cases (ValueError/ZeroDivisionError/
 * OverflowError). Negative base with a fractional exponent: CPython returns
 * a complex; tandem raises NotImplementedError (no complex type). */
TnObject *tn_float_pow_values(double a, double b);
/* round(x, ndigits) correctly rounded; ndigits as int64. */
double tn_float_round_ndigits(double x, int64_t ndigits);
#endif
