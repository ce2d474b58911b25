/* Private to the numbers area (int*.c, bool.c, float*.c, math.c): the
 * magnitude arithmetic behind big ints and the format-spec machinery shared
 * by int.__format__ and float.__format__.
 *
 * Invariants:
 *  - A magnitude is an array of base-2**32 digits, least significant first.
 *    Functions that return a length return it normalised (no leading zero
 *    digits; 0 has length 0). Inputs need not be normalised unless stated.
 *  - TnIntView gives every int (small or big, bool included) the same
 *    magnitude shape. A view of a small int points into its own buf[], so a
 *    view must not be copied by value.
 *  - tn_int_from_mag always returns a canonical exact int: the int64 form
 *    (small-int cache aware) when the value fits.
 */
#ifndef TANDEM_INT_INTERNAL_H
#define TANDEM_INT_INTERNAL_H

#include "tandem/tandem.h"
#include "tandem/builtins.h"
#include "tandem/bytes.h"

typedef struct {
    int neg;
    size_t n;
    const uint32_t *d;
    uint32_t buf[2];
} TnIntView;

static inline void tn_int_view(TnObject *o, TnIntView *v)
{
    TnInt *x = (TnInt *)o;
    if (x->nd == 0) {
        int64_t i = x->ival;
        uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        v->neg = i < 0;
        v->buf[0] = (uint32_t)m;
        v->buf[1] = (uint32_t)(m >> 32);
        v->n = v->buf[1] ? 2 : v->buf[0] ? 1 : 0;
        v->d = v->buf;
    } else {
        v->neg = x->nd < 0;
        v->n = (size_t)(x->nd < 0 ? -(int64_t)x->nd : x->nd);
        v->d = x->d;
    }
}

#define TN_INT_VAL_IS_SMALL(o) (((TnInt *)(o))->nd == 0)

/* Canonical exact int from a sign and a magnitude (copied). */
TnObject *tn_int_from_mag(int neg, const uint32_t *d, size_t n);
/* Same, but allocate with type t (a subclass of int) when t != &tn_int_type. */
TnObject *tn_int_from_mag_type(TnType *t, int neg, const uint32_t *d, size_t n);
/* A fresh big TnInt of n digits (caller fills d[] and sets the sign of nd);
 * only when the value does not fit int64 (caller's responsibility). */
TnInt *tn_int_alloc_big(size_t n);
/* Normalise a tn_int_alloc_big result holding n digits of magnitude:
 * returns it (sign set) or, when the value fits int64, a small int (and
 * frees r). Consumes r. */
TnObject *tn_int_finish(TnInt *r, int neg, size_t n);
/* Exact int with the value of int instance o on type t (subclass tp_new). */
TnObject *tn_int_copy_to_type(TnType *t, TnObject *o);

/* ---- magnitudes (int_mag.c) ------------------------------------------ */
size_t tn_mag_norm(const uint32_t *a, size_t n);
int tn_mag_cmp(const uint32_t *a, size_t na, const uint32_t *b, size_t nb);
/* r has room for max(na, nb) + 1 digits. */
size_t tn_mag_add(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb);
/* a >= b; r has room for na digits (may alias a). */
size_t tn_mag_sub(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb);
/* r (na + nb digits, must not alias) = a * b; -1 on memory error. */
int tn_mag_mul(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb);
/* q (na - nb + 1 digits) and r (nb digits), either may be NULL; b != 0
 * normalised, na >= nb. -1 on memory error. Lengths via tn_mag_norm. */
int tn_mag_divmod(uint32_t *q, uint32_t *r, const uint32_t *a, size_t na,
                  const uint32_t *b, size_t nb);
/* q = a / d (q may alias a), returns the remainder. */
uint32_t tn_mag_divrem1(uint32_t *q, const uint32_t *a, size_t n, uint32_t d);
uint64_t tn_mag_bitlen(const uint32_t *a, size_t n);

/* ---- format spec (float_format.c) -------------------------------------- */
typedef struct {
    uint32_t fill;          /* code point */
    char align;             /* '<' '>' '^' '=' or 0 */
    char sign;              /* '+' '-' ' ' or 0 */
    char z;                 /* 'z' option (floats) */
    char alt;               /* '#' */
    char zero;              /* '0' before width */
    char grouping;          /* ',' '_' or 0 */
    char type;              /* 0 when absent */
    tn_ssize_t width;       /* -1 absent */
    tn_ssize_t precision;   /* -1 absent */
} TnFormatSpec;

/* Parse `spec` (a str) for an object of type `tname`; -1 + ValueError. */
int tn_format_spec_parse(TnObject *spec, const char *tname, TnFormatSpec *fs);
/* Lay a number out: sign, prefix ("0x"), integer digits (ASCII) to be
 * grouped every `group` digits with fs->grouping, then `rest` (fraction,
 * exponent, '%'), padded to fs->width with fill/align (default '>' for
 * numbers; '=' with '0'). */
TnObject *tn_format_number(const TnFormatSpec *fs, const char *sign, const char *prefix,
                           const char *digits, size_t ndigits, int group,
                           const char *rest, size_t nrest);
/* Unknown type code error, CPython's words. */
TnObject *tn_format_bad_type(char type, const char *tname);

/* ---- shared helpers ---------------------------------------------------- */
/* Python float floor-div/mod on doubles (float.c). */
TnObject *tn_float_format_value(double v, const TnFormatSpec *fs);  /* float_format.c */

#endif
