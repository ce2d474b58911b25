/* int (arbitrary precision) and bool.
 * Invariants: values that fit in int64_t are stored in `ival` with nd == 0
 * (the fast path the eval loop tests inline); larger magnitudes use |nd|
 * 32-bit digits of d[] (little-endian base 2^32, sign = sign of nd) and
 * ival is unused. A value is never stored as a bignum if it fits in int64_t
 * (so equal values have equal representations). Small ints
 * TN_SMALL_INT_MIN..MAX are immortal singletons; True and False are the
 * two bool instances (also immortal).
 * Hashes follow CPython (modulus 2**61-1, hash(-1) == -2) so that equal
 * ints, floats and bools hash equal; hash(True) == 1.
 * Subclass instances (class I(int)) use the same layout; their size is
 * tp_basicsize + |nd| * 4 (the type system puts __dict__ after the digits).
 * Implemented in src/objects/int*.c and bool.c. */
#ifndef TANDEM_INT_H
#define TANDEM_INT_H
#include "tandem/type.h"

typedef struct {
    TnObject ob;
    int64_t ival;
    int32_t nd;                    /* 0: small form; else +/- number of digits */
    uint32_t d[];
} TnInt;

extern TnType tn_int_type, tn_bool_type;
extern TnInt tn_true_struct, tn_false_struct;
#define tn_True ((TnObject *)&tn_true_struct)
#define tn_False ((TnObject *)&tn_false_struct)
#define tn_bool_from(b) tn_newref((b) ? tn_True : tn_False)
#define tn_int_check(o) TN_TYPE_CHECK_FLAG(o, TN_TPFLAG_INT_SUBCLASS)
#define tn_int_check_exact(o) (TN_TYPE(o) == &tn_int_type)
#define tn_bool_check(o) (TN_TYPE(o) == &tn_bool_type)
/* True when o is an exact int (not bool) held in the int64 form. */
#define TN_INT_IS_SMALL(o) (TN_TYPE(o) == &tn_int_type && ((TnInt *)(o))->nd == 0)
#define TN_INT_IVAL(o) (((TnInt *)(o))->ival)

extern TnInt tn_small_ints[TN_SMALL_INT_MAX - TN_SMALL_INT_MIN + 1];

TnObject *tn_int_from_i64(int64_t v);           /* small-int cache aware */
TnObject *tn_int_from_u64(uint64_t v);
TnObject *tn_int_from_double(double d);          /* truncates; OverflowError for inf, ValueError for nan */
TnObject *tn_int_from_string(const char *s, tn_ssize_t len, int base); /* int(s, base) rules; ValueError */
/* Conversions; -1 with OverflowError (check tn_err_occurred) when out of range. */
int64_t tn_int_as_i64(TnObject *o);
int tn_int_as_i64_overflow(TnObject *o, int64_t *out);   /* returns 1 if it fits, 0 if not */
double tn_int_as_double(TnObject *o);            /* OverflowError if too large */
int tn_int_sign(TnObject *o);                    /* -1, 0, 1 */
TnObject *tn_int_to_decimal(TnObject *o);        /* str(o) */
TnObject *tn_int_to_base(TnObject *o, int base, int prefix);   /* bin/oct/hex */
/* format(i, spec) / format(f, spec): the format-spec mini-language. */
TnObject *tn_int_format(TnObject *o, TnObject *spec);

/* ---- additions (numbers engineer) --------------------------------------- */
int tn_int_init(void);                           /* startup step 3: int, bool, small ints */
/* CPython's numeric hash parameters (sys.hash_info). */
#define TN_HASH_BITS 61
#define TN_HASH_MODULUS (((uint64_t)1 << TN_HASH_BITS) - 1)
#define TN_HASH_INF 314159
tn_hash_t tn_int_hash(TnObject *o);              /* never fails */
/* Exact comparison of two ints (bool included): <0, 0, >0. */
int tn_int_compare(TnObject *a, TnObject *b);
/* Exact comparison of an int with a finite or infinite double (not nan):
 * <0, 0, >0. Used by float's richcompare. */
int tn_int_compare_double(TnObject *a, double b);
TnObject *tn_int_richcompare(TnObject *a, TnObject *b, int op);
/* Number of bits of |o| (int.bit_length()). */
uint64_t tn_int_bit_length(TnObject *o);
/* Arithmetic on two ints (bool included); NULL + error. Exposed for
 * range, builtins (divmod/pow/abs) and math. */
TnObject *tn_int_add(TnObject *a, TnObject *b);
TnObject *tn_int_sub(TnObject *a, TnObject *b);
TnObject *tn_int_mul(TnObject *a, TnObject *b);
TnObject *tn_int_floordiv(TnObject *a, TnObject *b);
TnObject *tn_int_mod(TnObject *a, TnObject *b);
TnObject *tn_int_pow(TnObject *a, TnObject *b, TnObject *mod);   /* mod NULL/None = absent */
TnObject *tn_int_neg(TnObject *a);
TnObject *tn_int_abs(TnObject *a);
TnObject *tn_int_lshift_bits(TnObject *a, uint64_t n);
TnObject *tn_int_rshift_bits(TnObject *a, uint64_t n);
TnObject *tn_int_gcd(TnObject *a, TnObject *b);
TnObject *tn_int_isqrt(TnObject *n);                 /* n >= 0 */
/* An exact int (never a subclass) with the value of any int subclass instance. */
TnObject *tn_int_exact(TnObject *o);
/* int.from_bytes / to_bytes on raw buffers. */
TnObject *tn_int_from_bytes(const unsigned char *p, size_t n, int little_endian, int is_signed);
/* Fill out[0..n) ; -1 + OverflowError("int too big to convert") when it does not fit. */
int tn_int_to_bytes(TnObject *o, unsigned char *out, size_t n, int little_endian, int is_signed);
/* log(|o|) for huge ints (math.log); o > 0. */
double tn_int_log(TnObject *o);
/* frexp for ints: o = m * 2**e with 0.5 <= |m| < 1, correctly rounded m;
 * works for ints too large for a double. */
double tn_int_frexp(TnObject *o, int64_t *e);
#endif
