/* The struct module: conversion between Python values and C structs packed
 * into bytes (pack, unpack, calcsize, pack_into, unpack_from, iter_unpack,
 * Struct, error), with CPython 3.11's formats, sizes, alignment and error
 * messages.
 *
 * A format string is compiled into a list of fields, one per value (a
 * repeat count of 3 on 'i' gives three fields, "3s" one). Struct objects
 * keep the compiled form; the module-level functions compile each call.
 *
 * Mutable global state: only `struct_error`, created once at the first
 * import (the import system serialises it) and immortal afterwards. Struct
 * objects are immutable after construction, so they need no lock.
 */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/args.h"
#include "tandem/bytes.h"
#include "tandem/module.h"
#include "tandem/slice.h"

/* arraymodule.c: the bytes of an array.array, or NULL with no error set
 * when `o` is not an array (array objects stand in for buffers here). */
TnObject *tn_array_as_bytes(TnObject *o);

static TnObject *struct_error;

typedef struct {
    char code;
    tn_ssize_t offset;
    tn_ssize_t size;      /* bytes of this field ('s'/'p': the count) */
} Field;

typedef struct {
    int little;           /* byte order of multi-byte fields */
    int native;           /* '@': native sizes and alignment */
    tn_ssize_t size;
    tn_ssize_t nfields;
    Field *fields;
} Fmt;

static int host_little(void)
{
    const uint16_t one = 1;
    return *(const uint8_t *)&one;
}

static TnObject *serr(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    tn_err_setstr((TnType *)struct_error, buf);
    return NULL;
}

/* Size of one item of `c`, or 0 for a bad char. */
static tn_ssize_t code_size(char c, int native)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
        return 1;
    case 'h': case 'H': case 'e':
        return 2;
    case 'i': case 'I': case 'f':
        return 4;
    case 'l': case 'L':
        return native ? (tn_ssize_t)sizeof(long) : 4;
    case 'q': case 'Q': case 'd':
        return 8;
    case 'n': case 'N':
        return native ? (tn_ssize_t)sizeof(size_t) : 0;
    case 'P':
        return native ? (tn_ssize_t)sizeof(void *) : 0;
    default:
        return 0;
    }
}

static void fmt_clear(Fmt *f)
{
    tn_mem_free(f->fields);
    f->fields = NULL;
}

static int fmt_compile(TnObject *fmtobj, Fmt *f)
{
    const char *s;
    tn_ssize_t len;
    if (tn_str_check(fmtobj)) {
        s = TN_STR_DATA(fmtobj);
        len = TN_STR_SIZE(fmtobj);
    } else if (tn_bytes_check(fmtobj)) {
        s = TN_BYTES_DATA(fmtobj);
        len = TN_BYTES_SIZE(fmtobj);
    } else {
        tn_err_format(&tn_exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
                      TN_TYPE(fmtobj)->tp_name);
        return -1;
    }
    const char *end = s + len;
    f->native = 1;
    f->little = host_little();
    f->fields = NULL;
    f->nfields = f->size = 0;
    if (s < end) {
        switch (*s) {
        case '@': s++; break;
        case '=': f->native = 0; s++; break;
        case '<': f->native = 0; f->little = 1; s++; break;
        case '>': case '!': f->native = 0; f->little = 0; s++; break;
        }
    }
    /* two passes: count fields and check, then fill */
    for (int pass = 0; pass < 2; pass++) {
        tn_ssize_t size = 0, n = 0;
        for (const char *p = s; p < end;) {
            if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\v' || *p == '\f') {
                p++;
                continue;
            }
            tn_ssize_t count = 1;
            if (*p >= '0' && *p <= '9') {
                count = 0;
                while (p < end && *p >= '0' && *p <= '9') {
                    int digit = *p++ - '0';
                    if (count > (TN_SSIZE_MAX - digit) / 10) {
                        serr("total struct size too long");
                        return -1;
                    }
                    count = count * 10 + digit;
                }
                if (p >= end) {
                    serr("repeat count given without format specifier");
                    return -1;
                }
            }
            char c = *p++;
            tn_ssize_t isz = code_size(c, f->native);
            if (isz == 0) {
                serr("bad char in struct format");
                return -1;
            }
            if (f->native && isz > 1 && c != 's' && c != 'p')
                size = (size + isz - 1) / isz * isz;
            if (count > (TN_SSIZE_MAX - size) / isz) {
                serr("total struct size too long");
                return -1;
            }
            if (c == 's' || c == 'p') {
                if (pass)
                    f->fields[n] = (Field){ c, size, count };
                n++;
                size += count;
            } else if (c == 'x') {
                size += count;
            } else {
                if (count > TN_SSIZE_MAX / isz) {
                    serr("total struct size too long");
                    return -1;
                }
                for (tn_ssize_t k = 0; pass && k < count; k++)
                    f->fields[n + k] = (Field){ c, size + k * isz, isz };
                n += count;
                size += count * isz;
            }
        }
        if (!pass) {
            f->fields = tn_mem_alloc((size_t)(n ? n : 1) * sizeof(Field));
            if (!f->fields) {
                tn_err_nomemory();
                return -1;
            }
        }
        f->size = size;
        f->nfields = n;
    }
    return 0;
}

/* ---- packing ------------------------------------------------------------- */

static void put_uint(char *p, uint64_t v, tn_ssize_t size, int little)
{
    for (tn_ssize_t i = 0; i < size; i++) {
        tn_ssize_t at = little ? i : size - 1 - i;
        p[at] = (char)(v & 0xff);
        v >>= 8;
    }
}

static uint64_t get_uint(const char *p, tn_ssize_t size, int little)
{
    uint64_t v = 0;
    for (tn_ssize_t i = 0; i < size; i++) {
        tn_ssize_t at = little ? size - 1 - i : i;
        v = (v << 8) | (unsigned char)p[at];
    }
    return v;
}

/* An integer argument: *neg set when it is negative; *mag the value as a
 * two's complement 64-bit pattern. Returns 1 if it fits int64 (signed) or
 * uint64 (non-negative), 0 if not, -1 on error. */
static int get_integer(TnObject *v, int64_t *sval, uint64_t *uval)
{
    TnObject *x;
    if (tn_int_check(v)) {
        x = tn_newref(v);
    } else if (TN_TYPE(v)->nb_index && !tn_float_check(v)) {
        x = tn_number_index(v);
        if (!x)
            return -1;
    } else {
        serr("required argument is not an integer");
        return -1;
    }
    int fits = 1;
    if (tn_int_as_i64_overflow(x, sval)) {
        *uval = (uint64_t)*sval;
    } else if (tn_int_sign(x) > 0) {
        /* beyond int64: try x - 2**63 */
        TnObject *half = tn_int_from_u64((uint64_t)1 << 63);
        TnObject *d = half ? tn_number_subtract(x, half) : NULL;
        int64_t low;
        TN_XDECREF(half);
        if (!d) {
            tn_decref(x);
            return -1;
        }
        if (tn_int_as_i64_overflow(d, &low) && low >= 0) {
            *uval = (uint64_t)low + ((uint64_t)1 << 63);
            *sval = INT64_MAX;
            fits = 2;   /* fits uint64 only */
        } else {
            fits = 0;
        }
        tn_decref(d);
    } else {
        fits = 0;
    }
    tn_decref(x);
    return fits;
}

/* Half precision (IEEE binary16), round half to even. */
static int pack_half(double x, uint16_t *out)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) {
        *out = sign | 0x7e00;
        return 0;
    }
    if (isinf(x)) {
        *out = sign | 0x7c00;
        return 0;
    }
    x = fabs(x);
    if (x == 0.0) {
        *out = sign;
        return 0;
    }
    int e;
    double f = frexp(x, &e) * 2.0;    /* x = f * 2**(e-1), 1 <= f < 2 */
    e -= 1;
    if (e >= 16)
        goto overflow;
    if (e < -25) {
        *out = sign;                  /* below half the smallest subnormal */
        return 0;
    }
    if (e < -14) {
        f = ldexp(f, 14 + e);         /* subnormal: exponent field 0 */
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    unsigned bits = (unsigned)f;
    double g = f - bits;
    if (g > 0.5 || (g == 0.5 && (bits & 1)))
        bits++;
    if (bits == 1024) {
        bits = 0;
        e++;
        if (e == 31)
            goto overflow;
    }
    *out = (uint16_t)(sign | (e << 10) | bits);
    return 0;
overflow:
    tn_err_setstr(&tn_exc_OverflowError, "float too large to pack with e format");
    return -1;
}

static double unpack_half(uint16_t h)
{
    int sign = h >> 15, e = (h >> 10) & 0x1f;
    unsigned f = h & 0x3ff;
    double x;
    if (e == 0x1f)
        x = f ? NAN : INFINITY;
    else if (e == 0)
        x = ldexp((double)f, -24);
    else
        x = ldexp((double)(f + 1024), e - 25);
    return sign ? -x : x;
}

static int get_double_arg(TnObject *v, double *out)
{
    if (!tn_float_check(v) && !tn_int_check(v) && !TN_TYPE(v)->nb_float && !TN_TYPE(v)->nb_index) {
        serr("required argument is not a float");
        return -1;
    }
    *out = tn_float_as_double(v);
    if (*out == -1.0 && tn_err_occurred()) {
        if (tn_int_check(v)) {
            tn_err_clear();
            serr("required argument is not a float");
        }
        return -1;
    }
    return 0;
}

static int range_error_int(char c, int64_t lo, uint64_t hi, int is_unsigned, int named)
{
    const char *name = NULL;
    switch (named ? c : 0) {
    case 'b': name = "byte"; break;
    case 'B': name = "ubyte"; break;
    case 'h': name = "short"; break;
    case 'H': name = "ushort"; break;
    }
    if (name && is_unsigned)
        serr("%s format requires 0 <= number <= %llu", name, (unsigned long long)hi);
    else if (name)
        serr("%s format requires %lld <= number <= %llu", name, (long long)lo, (unsigned long long)hi);
    else if (is_unsigned)
        serr("'%c' format requires 0 <= number <= %llu", c, (unsigned long long)hi);
    else
        serr("'%c' format requires %lld <= number <= %lld", c, (long long)lo, (long long)hi);
    return -1;
}

static int pack_field(const Fmt *f, const Field *fd, TnObject *v, char *p)
{
    char c = fd->code;
    switch (c) {
    case 'c': {
        const char *d;
        tn_ssize_t n;
        if ((!tn_bytes_check(v) && !tn_bytearray_check(v)) || tn_bytes_like_get(v, &d, &n) < 0 ||
            n != 1) {
            tn_err_clear();
            serr("char format requires a bytes object of length 1");
            return -1;
        }
        *p = d[0];
        return 0;
    }
    case 's': case 'p': {
        const char *d;
        tn_ssize_t n;
        if ((!tn_bytes_check(v) && !tn_bytearray_check(v)) || tn_bytes_like_get(v, &d, &n) < 0) {
            tn_err_clear();
            serr("argument for '%c' must be a bytes object", c);
            return -1;
        }
        tn_ssize_t room = fd->size, at = 0;
        if (c == 'p') {
            if (room == 0)
                return 0;
            room--;
            at = 1;
        }
        if (n > room)
            n = room;
        memcpy(p + at, d, (size_t)n);
        memset(p + at + n, 0, (size_t)(room - n));
        if (c == 'p')
            p[0] = (char)(n > 255 ? 255 : n);
        return 0;
    }
    case '?': {
        int t = tn_object_is_true(v);
        if (t < 0)
            return -1;
        *p = (char)t;
        return 0;
    }
    case 'e': {
        double x;
        uint16_t h;
        if (get_double_arg(v, &x) < 0 || pack_half(x, &h) < 0)
            return -1;
        put_uint(p, h, 2, f->little);
        return 0;
    }
    case 'f': {
        double x;
        if (get_double_arg(v, &x) < 0)
            return -1;
        float y = (float)x;
        if (!f->native && isinf(y) && !isinf(x)) {
            tn_err_setstr(&tn_exc_OverflowError, "float too large to pack with f format");
            return -1;
        }
        uint32_t bits;
        memcpy(&bits, &y, 4);
        put_uint(p, bits, 4, f->little);
        return 0;
    }
    case 'd': {
        double x;
        if (get_double_arg(v, &x) < 0)
            return -1;
        uint64_t bits;
        memcpy(&bits, &x, 8);
        put_uint(p, bits, 8, f->little);
        return 0;
    }
    default:
        break;
    }
    /* integers */
    int64_t s = 0;
    uint64_t u = 0;
    int fits = get_integer(v, &s, &u);
    if (fits < 0)
        return -1;
    tn_ssize_t size = fd->size;
    int is_unsigned = c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N';
    /* CPython packs b/B, and h/H in the host's byte order, with its
     * native routines, whose messages name the C type */
    int small = c == 'b' || c == 'B' ||
                ((c == 'h' || c == 'H') && (f->native || f->little == host_little()));
    if (c == 'P') {
        if (!fits) {
            serr("argument out of range");
            return -1;
        }
    } else if (small) {
        /* read as a C long first, then range-checked: negative values of
         * the unsigned ones get the range message */
        if (fits != 1) {
            serr("argument out of range");
            return -1;
        }
        int64_t lo = c == 'b' ? -128 : c == 'h' ? -32768 : 0;
        int64_t hi = c == 'b' ? 127 : c == 'B' ? 255 : c == 'h' ? 32767 : 65535;
        if (s < lo || s > hi)
            return range_error_int(c, lo, (uint64_t)hi, is_unsigned, 1);
    } else if (is_unsigned) {
        if (!fits || (fits == 1 && s < 0)) {
            serr("argument out of range");
            return -1;
        }
        if (size < 8 && u > (((uint64_t)1 << (8 * size)) - 1))
            return range_error_int(c, 0, (((uint64_t)1 << (8 * size)) - 1), 1, 0);
    } else {
        if (fits != 1) {
            serr("argument out of range");
            return -1;
        }
        if (size < 8) {
            int64_t hi = ((int64_t)1 << (8 * size - 1)) - 1;
            if (s > hi || s < -hi - 1)
                return range_error_int(c, -hi - 1, (uint64_t)hi, 0, 0);
        }
    }
    put_uint(p, u, size, f->little);
    return 0;
}

static int pack_all(const Fmt *f, const char *fname, TnObject *const *args, size_t nargs, char *buf)
{
    if ((tn_ssize_t)nargs != f->nfields) {
        serr("%s expected %zd items for packing (got %zd)", fname, f->nfields, (tn_ssize_t)nargs);
        return -1;
    }
    memset(buf, 0, (size_t)f->size);
    for (tn_ssize_t i = 0; i < f->nfields; i++)
        if (pack_field(f, &f->fields[i], args[i], buf + f->fields[i].offset) < 0)
            return -1;
    return 0;
}

static TnObject *pack_bytes(const Fmt *f, TnObject *const *args, size_t nargs)
{
    TnObject *r = tn_bytes_new_uninit(f->size);
    if (!r)
        return NULL;
    if (pack_all(f, "pack", args, nargs, TN_BYTES_DATA(r)) < 0) {
        tn_decref(r);
        return NULL;
    }
    return r;
}

/* ---- unpacking ----------------------------------------------------------- */

static TnObject *unpack_field(const Fmt *f, const Field *fd, const char *p)
{
    tn_ssize_t size = fd->size;
    switch (fd->code) {
    case 'c':
        return tn_bytes_from_data(p, 1);
    case 's':
        return tn_bytes_from_data(p, size);
    case 'p': {
        if (size == 0)
            return tn_bytes_from_data("", 0);
        tn_ssize_t n = (unsigned char)p[0];
        if (n > size - 1)
            n = size - 1;
        return tn_bytes_from_data(p + 1, n);
    }
    case '?':
        return tn_bool_from(*p != 0);
    case 'e':
        return tn_float_new(unpack_half((uint16_t)get_uint(p, 2, f->little)));
    case 'f': {
        uint32_t bits = (uint32_t)get_uint(p, 4, f->little);
        float y;
        memcpy(&y, &bits, 4);
        return tn_float_new((double)y);
    }
    case 'd': {
        uint64_t bits = get_uint(p, 8, f->little);
        double x;
        memcpy(&x, &bits, 8);
        return tn_float_new(x);
    }
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N': case 'P':
        return tn_int_from_u64(get_uint(p, size, f->little));
    default: {
        uint64_t u = get_uint(p, size, f->little);
        if (size < 8 && (u >> (8 * size - 1)) & 1)
            u |= ~(uint64_t)0 << (8 * size);      /* sign-extend */
        return tn_int_from_i64((int64_t)u);
    }
    }
}

static TnObject *unpack_at(const Fmt *f, const char *buf)
{
    TnObject *t = tn_tuple_new(f->nfields);
    if (!t)
        return NULL;
    for (tn_ssize_t i = 0; i < f->nfields; i++) {
        TnObject *v = unpack_field(f, &f->fields[i], buf + f->fields[i].offset);
        if (!v) {
            for (tn_ssize_t j = i; j < f->nfields; j++)
                TN_TUPLE_SET(t, j, tn_newref(tn_None));
            tn_decref(t);
            return NULL;
        }
        TN_TUPLE_SET(t, i, v);
    }
    return t;
}

/* A bytes object with the content of a buffer-like argument: a bytearray
 * is copied under its lock, since other threads may resize it. */
static TnObject *buffer_bytes(TnObject *o)
{
    if (tn_bytes_check(o))
        return tn_newref(o);
    if (tn_bytearray_check(o)) {
        tn_lock(o);
        TnObject *r = tn_bytes_from_data(TN_BYTEARRAY_DATA(o) ? TN_BYTEARRAY_DATA(o) : "",
                                         TN_BYTEARRAY_SIZE(o));
        tn_unlock(o);
        return r;
    }
    TnObject *r = tn_array_as_bytes(o);
    if (r || tn_err_occurred())
        return r;
    return tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'",
                         TN_TYPE(o)->tp_name);
}

static TnObject *do_unpack(const Fmt *f, TnObject *buffer)
{
    TnObject *b = buffer_bytes(buffer);
    if (!b)
        return NULL;
    TnObject *r = NULL;
    if (TN_BYTES_SIZE(b) != f->size)
        serr("unpack requires a buffer of %zd bytes", f->size);
    else
        r = unpack_at(f, TN_BYTES_DATA(b));
    tn_decref(b);
    return r;
}

static TnObject *do_unpack_from(const Fmt *f, TnObject *buffer, TnObject *offobj)
{
    tn_ssize_t offset = 0;
    if (offobj) {
        offset = tn_number_as_ssize(offobj, &tn_exc_OverflowError);
        if (offset == -1 && tn_err_occurred())
            return NULL;
    }
    TnObject *b = buffer_bytes(buffer);
    if (!b)
        return NULL;
    TnObject *r = NULL;
    tn_ssize_t len = TN_BYTES_SIZE(b);
    if (offset < 0) {
        if (offset + len < 0) {
            serr("offset %zd out of range for %zd-byte buffer", offset, len);
            goto done;
        }
        if (-offset < f->size) {
            serr("not enough data to unpack %zd bytes at offset %zd", f->size, offset);
            goto done;
        }
        offset += len;
    } else if (len - offset < f->size) {
        serr("unpack_from requires a buffer of at least %zd bytes for unpacking %zd bytes at "
             "offset %zd (actual buffer size is %zd)", f->size + offset, f->size, offset, len);
        goto done;
    }
    r = unpack_at(f, TN_BYTES_DATA(b) + offset);
done:
    tn_decref(b);
    return r;
}

static TnObject *do_pack_into(const Fmt *f, TnObject *const *args, size_t nargs)
{
    if (nargs < 1)
        return serr("pack_into expected buffer argument");
    if (nargs < 2)
        return serr("pack_into expected offset argument");
    TnObject *buffer = args[0];
    if (!tn_bytearray_check(buffer))
        return tn_err_format(&tn_exc_TypeError,
                             "argument must be read-write bytes-like object, not %s",
                             TN_TYPE(buffer)->tp_name);
    tn_ssize_t offset = tn_number_as_ssize(args[1], &tn_exc_OverflowError);
    if (offset == -1 && tn_err_occurred())
        return NULL;
    char small[64], *tmp = f->size <= 64 ? small : tn_mem_alloc((size_t)f->size);
    if (!tmp)
        return tn_err_nomemory();
    TnObject *res = NULL;
    if (pack_all(f, "pack_into", args + 2, nargs - 2, tmp) < 0)
        goto done;
    tn_lock(buffer);
    tn_ssize_t len = TN_BYTEARRAY_SIZE(buffer);
    if (offset < 0) {
        if (offset + len < 0) {
            serr("offset %zd out of range for %zd-byte buffer", offset, len);
            goto unlock;
        }
        if (-offset < f->size) {
            serr("no space to pack %zd bytes at offset %zd", f->size, offset);
            goto unlock;
        }
        offset += len;
    } else if (len - offset < f->size) {
        serr("pack_into requires a buffer of at least %zd bytes for packing %zd bytes at "
             "offset %zd (actual buffer size is %zd)", f->size + offset, f->size, offset, len);
        goto unlock;
    }
    memcpy(TN_BYTEARRAY_DATA(buffer) + offset, tmp, (size_t)f->size);
    res = tn_newref(tn_None);
unlock:
    tn_unlock(buffer);
done:
    if (tmp != small)
        tn_mem_free(tmp);
    return res;
}

static TnObject *do_iter_unpack(const Fmt *f, TnObject *buffer)
{
    if (f->size == 0)
        return serr("cannot iteratively unpack with a struct of length 0");
    TnObject *b = buffer_bytes(buffer);
    if (!b)
        return NULL;
    TnObject *list = NULL, *it = NULL;
    tn_ssize_t len = TN_BYTES_SIZE(b);
    if (len % f->size) {
        serr("iterative unpacking requires a buffer of a multiple of %zd bytes", f->size);
        goto done;
    }
    /* unpacked eagerly: the values are the same, only memory differs */
    list = tn_list_new(0);
    for (tn_ssize_t at = 0; list && at < len; at += f->size) {
        TnObject *t = unpack_at(f, TN_BYTES_DATA(b) + at);
        if (!t || tn_list_append(list, t) < 0) {
            TN_XDECREF(t);
            goto done;
        }
        tn_decref(t);
    }
    if (list)
        it = tn_object_iter(list);
done:
    TN_XDECREF(list);
    tn_decref(b);
    return it;
}

/* ---- Struct objects ------------------------------------------------------- */

typedef struct {
    TnObject ob;
    Fmt fmt;
    TnObject *format;     /* str */
} TnStruct;

static TnType struct_type;

static TnObject *struct_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "format", NULL };
    TnObject *a[1] = { NULL };
    if (tn_parse_args("Struct", args, nargs, kwnames, kwlist, 1, 1, a) < 0)
        return NULL;
    Fmt fmt;
    if (fmt_compile(a[0], &fmt) < 0)
        return NULL;
    TnObject *name = tn_str_check(a[0]) ? tn_newref(a[0])
                     : tn_str_from_utf8(TN_BYTES_DATA(a[0]), TN_BYTES_SIZE(a[0]));
    TnStruct *s = name ? (TnStruct *)tn_object_alloc(type, type->tp_basicsize) : NULL;
    if (!s) {
        TN_XDECREF(name);
        fmt_clear(&fmt);
        return NULL;
    }
    s->fmt = fmt;
    s->format = name;
    return &s->ob;
}

static int struct_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return 0;
}

static void struct_dealloc(TnObject *self)
{
    TnStruct *s = (TnStruct *)self;
    fmt_clear(&s->fmt);
    TN_XDECREF(s->format);
    tn_object_free(self);
}

static TnObject *st_pack(TnObject *self, TnObject *const *args, size_t nargs)
{
    return pack_bytes(&((TnStruct *)self)->fmt, args, nargs);
}

static TnObject *st_unpack(TnObject *self, TnObject *arg)
{
    return do_unpack(&((TnStruct *)self)->fmt, arg);
}

static TnObject *st_unpack_from(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "buffer", "offset", NULL };
    TnObject *a[2] = { NULL, NULL };
    if (tn_parse_args("unpack_from", args, nargs, kwnames, kwlist, 2, 1, a) < 0)
        return NULL;
    return do_unpack_from(&((TnStruct *)self)->fmt, a[0], a[1]);
}

static TnObject *st_pack_into(TnObject *self, TnObject *const *args, size_t nargs)
{
    return do_pack_into(&((TnStruct *)self)->fmt, args, nargs);
}

static TnObject *st_iter_unpack(TnObject *self, TnObject *arg)
{
    return do_iter_unpack(&((TnStruct *)self)->fmt, arg);
}

static TnObject *st_get_format(TnObject *self, void *c)
{
    return tn_newref(((TnStruct *)self)->format);
}

static TnObject *st_get_size(TnObject *self, void *c)
{
    return tn_int_from_i64(((TnStruct *)self)->fmt.size);
}

static const TnGetSetDef struct_getset[] = {
    { "format", st_get_format, NULL, "struct format string", NULL },
    { "size", st_get_size, NULL, "struct size in bytes", NULL },
    { 0, 0, 0, 0, 0 }
};

static const TnMethodDef struct_methods[] = {
    { "pack", (void *)st_pack, TN_METH_FAST, "Return a bytes object containing the values packed." },
    { "unpack", (void *)st_unpack, TN_METH_O, "Return a tuple containing the values unpacked." },
    { "unpack_from", (void *)st_unpack_from, TN_METH_FASTKW, "Return a tuple unpacked from buffer starting at offset." },
    { "pack_into", (void *)st_pack_into, TN_METH_FAST, "Pack values into a writable buffer at offset." },
    { "iter_unpack", (void *)st_iter_unpack, TN_METH_O, "Return an iterator yielding tuples unpacked from buffer." },
    { 0, 0, 0, 0 }
};

static TnType struct_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(TnStruct),
    .tp_flags = TN_TPFLAG_BASETYPE,
    .tp_dealloc = struct_dealloc,
    .tp_new = struct_new,
    .tp_init = struct_init,
    .tp_methods = struct_methods,
    .tp_getset = struct_getset,
    .tp_doc = "Struct(fmt) --> compiled struct object",
};

/* ---- module functions ----------------------------------------------------- */

static int need_format(const char *name, size_t nargs, size_t min)
{
    if (nargs < min) {
        tn_err_format(&tn_exc_TypeError, "%s expected at least %zd arguments, got %zd", name,
                      (tn_ssize_t)min, (tn_ssize_t)nargs);
        return -1;
    }
    return 0;
}

static TnObject *m_pack(TnObject *m, TnObject *const *args, size_t nargs)
{
    Fmt f;
    if (need_format("pack", nargs, 1) < 0 || fmt_compile(args[0], &f) < 0)
        return NULL;
    TnObject *r = pack_bytes(&f, args + 1, nargs - 1);
    fmt_clear(&f);
    return r;
}

static TnObject *m_unpack(TnObject *m, TnObject *const *args, size_t nargs)
{
    Fmt f;
    if (tn_check_nargs("unpack", nargs, 2, 2) < 0 || fmt_compile(args[0], &f) < 0)
        return NULL;
    TnObject *r = do_unpack(&f, args[1]);
    fmt_clear(&f);
    return r;
}

static TnObject *m_unpack_from(TnObject *m, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "", "buffer", "offset", NULL };
    TnObject *a[3] = { NULL, NULL, NULL };
    Fmt f;
    if (tn_parse_args("unpack_from", args, nargs, kwnames, kwlist, 3, 2, a) < 0 ||
        fmt_compile(a[0], &f) < 0)
        return NULL;
    TnObject *r = do_unpack_from(&f, a[1], a[2]);
    fmt_clear(&f);
    return r;
}

static TnObject *m_pack_into(TnObject *m, TnObject *const *args, size_t nargs)
{
    Fmt f;
    if (need_format("pack_into", nargs, 1) < 0 || fmt_compile(args[0], &f) < 0)
        return NULL;
    TnObject *r = do_pack_into(&f, args + 1, nargs - 1);
    fmt_clear(&f);
    return r;
}

static TnObject *m_iter_unpack(TnObject *m, TnObject *const *args, size_t nargs)
{
    Fmt f;
    if (tn_check_nargs("iter_unpack", nargs, 2, 2) < 0 || fmt_compile(args[0], &f) < 0)
        return NULL;
    TnObject *r = do_iter_unpack(&f, args[1]);
    fmt_clear(&f);
    return r;
}

static TnObject *m_calcsize(TnObject *m, TnObject *arg)
{
    Fmt f;
    if (fmt_compile(arg, &f) < 0)
        return NULL;
    tn_ssize_t size = f.size;
    fmt_clear(&f);
    return tn_int_from_i64(size);
}

static const TnMethodDef struct_module_methods[] = {
    { "pack", (void *)m_pack, TN_METH_FAST, "pack(format, v1, v2, ...) -> bytes" },
    { "unpack", (void *)m_unpack, TN_METH_FAST, "Return a tuple containing values unpacked according to the format string." },
    { "unpack_from", (void *)m_unpack_from, TN_METH_FASTKW, "Return a tuple containing values unpacked according to the format string." },
    { "pack_into", (void *)m_pack_into, TN_METH_FAST, "pack_into(format, buffer, offset, v1, v2, ...)" },
    { "iter_unpack", (void *)m_iter_unpack, TN_METH_FAST, "Return an iterator yielding tuples unpacked from buffer." },
    { "calcsize", (void *)m_calcsize, TN_METH_O, "Return size in bytes of the struct described by the format string." },
    { 0, 0, 0, 0 }
};

TnObject *tn_module_init_struct(void)
{
    if (tn_type_ready(&struct_type) < 0)
        return NULL;
    if (!struct_error) {
        TnObject *name = tn_str_from_cstr("error");
        TnObject *bases = tn_tuple_pack(1, (TnObject *)&tn_exc_Exception);
        TnObject *dict = tn_dict_new();
        TnObject *modname = tn_str_from_cstr("struct");
        if (name && bases && dict && modname && tn_dict_setitem_str(dict, "__module__", modname) == 0)
            struct_error = tn_type_new_class(name, bases, dict, NULL);
        TN_XDECREF(name);
        TN_XDECREF(bases);
        TN_XDECREF(dict);
        TN_XDECREF(modname);
        if (!struct_error)
            return NULL;
        tn_set_immortal(struct_error);
    }
    TnObject *m = tn_module_new("struct");
    if (!m)
        return NULL;
    if (tn_module_add_functions(m, struct_module_methods) < 0 ||
        tn_module_add_type(m, &struct_type) < 0 ||
        tn_module_add_object(m, "error", struct_error) < 0) {
        tn_decref(m);
        return NULL;
    }
    return m;
}
