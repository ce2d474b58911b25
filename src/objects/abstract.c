/* The object protocols (CPython's abstract.c and the protocol half of
 * object.c): text, truth, hashing, comparison, attributes, calls, numbers,
 * containers, iteration, isinstance. Messages are CPython 3.11's. */
#include <stdio.h>
#include <string.h>
#include "type_internal.h"
#include "tandem/iterobject.h"
#include "tandem/ast.h"
#include "tandem/opcodes.h"
#include "tandem/bytes.h"

#define TNAME(o) tn_type_name(TN_TYPE(o))

/* ---- text ----------------------------------------------------------------------- */

TnObject *tn_object_repr(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    if (!t->tp_repr)
        return tn_object_default_repr(o);
    if (tn_enter_recursive_call(" while getting the repr of an object") < 0)
        return NULL;
    TnObject *r = t->tp_repr(o);
    tn_leave_recursive_call();
    if (r && !tn_str_check(r)) {
        tn_err_format(&tn_exc_TypeError, "__repr__ returned non-string (type %s)", TNAME(r));
        TN_CLEAR(r);
    }
    return r;
}

TnObject *tn_object_str(TnObject *o)
{
    if (tn_str_check_exact(o))
        return tn_newref(o);
    TnType *t = TN_TYPE(o);
    if (!t->tp_str)
        return tn_object_repr(o);
    if (tn_enter_recursive_call(" while getting the str of an object") < 0)
        return NULL;
    TnObject *r = t->tp_str(o);
    tn_leave_recursive_call();
    if (r && !tn_str_check(r)) {
        tn_err_format(&tn_exc_TypeError, "__str__ returned non-string (type %s)", TNAME(r));
        TN_CLEAR(r);
    }
    return r;
}

/* Decode one UTF-8 sequence (input is valid UTF-8). */
static uint32_t utf8_next(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    uint32_t c = *p++;
    if (c >= 0xF0) {
        c = ((c & 0x07) << 18) | ((uint32_t)(p[0] & 0x3F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        p += 3;
    } else if (c >= 0xE0) {
        c = ((c & 0x0F) << 12) | ((uint32_t)(p[0] & 0x3F) << 6) | (p[1] & 0x3F);
        p += 2;
    } else if (c >= 0xC0) {
        c = ((c & 0x1F) << 6) | (p[0] & 0x3F);
        p += 1;
    }
    *pp = p;
    return c;
}

TnObject *tn_object_ascii(TnObject *o)
{
    TnObject *r = tn_object_repr(o);
    if (!r || ((TnStr *)r)->ascii)
        return r;
    TnStrBuilder sb;
    tn_sb_init(&sb);
    const unsigned char *p = (const unsigned char *)TN_STR_DATA(r);
    const unsigned char *end = p + TN_STR_SIZE(r);
    char buf[16];
    while (p < end) {
        uint32_t c = utf8_next(&p);
        int ok;
        if (c < 0x80) {
            buf[0] = (char)c;
            ok = tn_sb_append(&sb, buf, 1);
        } else {
            int n = c < 0x100 ? snprintf(buf, sizeof buf, "\\x%02x", c)
                  : c < 0x10000 ? snprintf(buf, sizeof buf, "\\u%04x", c)
                  : snprintf(buf, sizeof buf, "\\U%08x", c);
            ok = tn_sb_append(&sb, buf, n);
        }
        if (ok < 0) {
            tn_sb_discard(&sb);
            tn_decref(r);
            return NULL;
        }
    }
    tn_decref(r);
    return tn_sb_finish(&sb);
}

TnObject *tn_object_format(TnObject *o, TnObject *spec)
{
    TnObject *empty = NULL;
    if (!spec) {
        empty = tn_str_intern_cstr("");
        spec = empty;
    }
    if (TN_STR_SIZE(spec) == 0 && (tn_str_check_exact(o) || tn_int_check_exact(o)))
        return tn_object_str(o);
    int found;
    TnObject *r = tn_call_dunder(o, TN_ID(__format__), &spec, 1, &found);
    if (!found) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError, "Type %s doesn't define __format__", TNAME(o));
        return NULL;
    }
    if (r && !tn_str_check(r)) {
        tn_err_format(&tn_exc_TypeError, "__format__ must return a str, not %s", TNAME(r));
        TN_CLEAR(r);
    }
    return r;
}

/* ---- truth, hashing, comparison --------------------------------------------------- */

int tn_object_is_true(TnObject *o)
{
    if (o == tn_True)
        return 1;
    if (o == tn_False || o == tn_None)
        return 0;
    TnType *t = TN_TYPE(o);
    if (t->nb_bool)
        return t->nb_bool(o);
    if (t->sq_length) {
        tn_ssize_t n = t->sq_length(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

TnObject *tn_hash_not_implemented(TnObject *o)
{
    return tn_err_format(&tn_exc_TypeError, "unhashable type: '%s'", TNAME(o));
}

tn_hash_t tn_object_hash(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    if (TN_LIKELY(t->tp_hash != NULL))
        return t->tp_hash(o);
    tn_hash_not_implemented(o);
    return -1;
}

static const int swapped_op[] = { TN_GT, TN_GE, TN_EQ, TN_NE, TN_LT, TN_LE };
static const char *const opstrings[] = { "<", "<=", "==", "!=", ">", ">=" };

static TnObject *do_richcompare(TnObject *a, TnObject *b, int op)
{
    TnType *ta = TN_TYPE(a), *tb = TN_TYPE(b);
    int checked_reverse = 0;
    TnObject *r;
    if (ta != tb && tb->tp_richcompare && tn_type_is_subtype(tb, ta)) {
        checked_reverse = 1;
        r = tb->tp_richcompare(b, a, swapped_op[op]);
        if (r != tn_NotImplemented)
            return r;
        tn_decref(r);
    }
    if (ta->tp_richcompare) {
        r = ta->tp_richcompare(a, b, op);
        if (r != tn_NotImplemented)
            return r;
        tn_decref(r);
    }
    if (!checked_reverse && tb->tp_richcompare) {
        r = tb->tp_richcompare(b, a, swapped_op[op]);
        if (r != tn_NotImplemented)
            return r;
        tn_decref(r);
    }
    switch (op) {
    case TN_EQ: return tn_bool_from(a == b);
    case TN_NE: return tn_bool_from(a != b);
    default:
        return tn_err_format(&tn_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                             opstrings[op], TNAME(a), TNAME(b));
    }
}

TnObject *tn_object_richcompare(TnObject *a, TnObject *b, int op)
{
    if (tn_enter_recursive_call(" in comparison") < 0)
        return NULL;
    TnObject *r = do_richcompare(a, b, op);
    tn_leave_recursive_call();
    return r;
}

int tn_object_richcompare_bool(TnObject *a, TnObject *b, int op)
{
    if (a == b) {
        if (op == TN_EQ)
            return 1;
        if (op == TN_NE)
            return 0;
    }
    TnObject *r = tn_object_richcompare(a, b, op);
    if (!r)
        return -1;
    int t = r == tn_True ? 1 : r == tn_False ? 0 : tn_object_is_true(r);
    tn_decref(r);
    return t;
}

/* ---- attributes ------------------------------------------------------------------- */

TnObject *tn_object_getattr(TnObject *o, TnObject *name)
{
    if (!tn_str_check(name))
        return tn_err_format(&tn_exc_TypeError, "attribute name must be string, not '%s'", TNAME(name));
    TnType *t = TN_TYPE(o);
    if (t->tp_getattro)
        return t->tp_getattro(o, name);
    return tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '%U'", TNAME(o), name);
}

TnObject *tn_object_getattr_cstr(TnObject *o, const char *name)
{
    TnObject *n = tn_str_intern_cstr(name);
    return n ? tn_object_getattr(o, n) : NULL;
}

int tn_object_lookup_attr(TnObject *o, TnObject *name, TnObject **result)
{
    *result = tn_object_getattr(o, name);
    if (*result)
        return 1;
    if (tn_err_matches(&tn_exc_AttributeError)) {
        tn_err_clear();
        return 0;
    }
    return -1;
}

int tn_object_setattr(TnObject *o, TnObject *name, TnObject *value)
{
    if (!tn_str_check(name)) {
        tn_err_format(&tn_exc_TypeError, "attribute name must be string, not '%s'", TNAME(name));
        return -1;
    }
    TnType *t = TN_TYPE(o);
    if (t->tp_setattro)
        return t->tp_setattro(o, name, value);
    if (!t->tp_getattro || t->tp_getattro == tn_object_generic_getattr)
        tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '%U'", TNAME(o), name);
    else
        tn_err_format(&tn_exc_TypeError, "'%s' object has only read-only attributes (%s .%U)",
                      TNAME(o), value ? "assign to" : "del", name);
    return -1;
}

int tn_object_setattr_cstr(TnObject *o, const char *name, TnObject *value)
{
    TnObject *n = tn_str_intern_cstr(name);
    return n ? tn_object_setattr(o, n, value) : -1;
}

int tn_object_hasattr(TnObject *o, TnObject *name)
{
    TnObject *v;
    int r = tn_object_lookup_attr(o, name, &v);
    if (r > 0)
        tn_decref(v);
    if (r < 0)
        tn_err_clear();
    return r > 0;
}

TnObject *tn_object_dir(TnObject *o)
{
    int found;
    TnObject *r = tn_call_dunder(o, tn_str_intern_cstr("__dir__"), NULL, 0, &found);
    if (!found) {
        if (!tn_err_occurred())
            tn_err_setstr(&tn_exc_TypeError, "object does not provide __dir__");
        return NULL;
    }
    if (!r)
        return NULL;
    TnObject *l = tn_sequence_list(r);
    tn_decref(r);
    if (l && tn_list_sort(l, NULL, 0) < 0)
        TN_CLEAR(l);
    return l;
}

/* ---- calls ---------------------------------------------------------------------- */

TnObject *tn_call(TnObject *callable, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    tn_vectorcallfunc f = TN_TYPE(callable)->tp_call;
    if (TN_UNLIKELY(!f))
        return tn_err_format(&tn_exc_TypeError, "'%s' object is not callable", TNAME(callable));
    return f(callable, args, nargs, kwnames);
}

TnObject *tn_call_noargs(TnObject *callable)
{
    return tn_call(callable, NULL, 0, NULL);
}

TnObject *tn_call_one(TnObject *callable, TnObject *arg)
{
    return tn_call(callable, &arg, 1, NULL);
}

TnObject *tn_call_tuple_dict(TnObject *callable, TnObject *args_tuple, TnObject *kwargs_dict)
{
    tn_ssize_t na = args_tuple ? TN_TUPLE_SIZE(args_tuple) : 0;
    tn_ssize_t nk = kwargs_dict ? tn_dict_size(kwargs_dict) : 0;
    if (nk == 0)
        return tn_call(callable, na ? TN_TUPLE_ITEMS(args_tuple) : NULL, (size_t)na, NULL);
    TnObject **v = tn_mem_alloc((size_t)(na + nk) * sizeof(TnObject *));
    if (!v)
        return NULL;
    TnObject *kwnames = tn_tuple_new(nk);
    if (!kwnames) {
        tn_mem_free(v);
        return NULL;
    }
    for (tn_ssize_t i = 0; i < na; i++)
        v[i] = TN_TUPLE_GET(args_tuple, i);
    tn_ssize_t pos = 0, i = 0;
    TnObject *k, *val;
    while (i < nk && tn_dict_next(kwargs_dict, &pos, &k, &val)) {
        if (!tn_str_check(k)) {
            tn_decref(k);
            tn_decref(val);
            for (tn_ssize_t j = 0; j < i; j++)
                tn_decref(v[na + j]);
            tn_mem_free(v);
            tn_decref(kwnames);
            return tn_err_setstr(&tn_exc_TypeError, "keywords must be strings"), NULL;
        }
        TN_TUPLE_SET(kwnames, i, k);          /* steals */
        v[na + i] = val;                      /* owned until the call returns */
        i++;
    }
    for (tn_ssize_t j = i; j < nk; j++) {
        /* dict shrank while iterating: fill the names so the tuple is valid */
        TN_TUPLE_SET(kwnames, j, tn_newref(tn_None));
    }
    TnObject *r = i == nk ? tn_call(callable, v, (size_t)na, kwnames)
                          : (tn_err_setstr(&tn_exc_RuntimeError, "dictionary changed size during iteration"), NULL);
    for (tn_ssize_t j = 0; j < i; j++)
        tn_decref(v[na + j]);
    tn_mem_free(v);
    tn_decref(kwnames);
    return r;
}

TnObject *tn_call_method(TnObject *obj, TnObject *name, TnObject *const *args, size_t nargs)
{
    TnObject *m;
    int unbound = tn_object_get_method(obj, name, &m);
    if (unbound < 0)
        return NULL;
    TnObject *r;
    if (unbound) {
        TnObject *stack[8];
        TnObject **v = nargs + 1 <= 8 ? stack : tn_mem_alloc((nargs + 1) * sizeof(TnObject *));
        if (!v) {
            tn_decref(m);
            return NULL;
        }
        v[0] = obj;
        for (size_t i = 0; i < nargs; i++)
            v[i + 1] = args[i];
        r = tn_call(m, v, nargs + 1, NULL);
        if (v != stack)
            tn_mem_free(v);
    } else {
        r = tn_call(m, args, nargs, NULL);
    }
    tn_decref(m);
    return r;
}

TnObject *tn_call_method_cstr(TnObject *obj, const char *name, TnObject *const *args, size_t nargs)
{
    TnObject *n = tn_str_intern_cstr(name);
    return n ? tn_call_method(obj, n, args, nargs) : NULL;
}

int tn_callable(TnObject *o)
{
    return TN_TYPE(o)->tp_call != NULL;
}

/* ---- numbers -------------------------------------------------------------------- */

#define NB(o, off) (*(tn_binaryfunc *)((char *)TN_TYPE(o) + (off)))
#define NBOFF(s) offsetof(TnType, s)

static TnObject *binary_op1(TnObject *a, TnObject *b, size_t off)
{
    tn_binaryfunc slotv = NB(a, off), slotw = NULL;
    if (TN_TYPE(b) != TN_TYPE(a)) {
        slotw = NB(b, off);
        if (slotw == slotv)
            slotw = NULL;
    }
    TnObject *x;
    if (slotv) {
        if (slotw && tn_type_is_subtype(TN_TYPE(b), TN_TYPE(a))) {
            x = slotw(a, b);
            if (x != tn_NotImplemented)
                return x;
            tn_decref(x);
            slotw = NULL;
        }
        x = slotv(a, b);
        if (x != tn_NotImplemented)
            return x;
        tn_decref(x);
    }
    if (slotw)
        return slotw(a, b);
    return tn_newref(tn_NotImplemented);
}

static TnObject *binop_error(TnObject *a, TnObject *b, const char *sym)
{
    return tn_err_format(&tn_exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                         sym, TNAME(a), TNAME(b));
}

/* The built-in sequences implement + and * in their nb_ slots but return
 * NotImplemented for a heap-type operand so its __radd__/__rmul__ gets a
 * turn. When every slot declined, CPython falls back to sq_concat (left
 * operand only) and sq_repeat (either operand), whose errors we give here. */
static TnObject *seq_binop_error(TnObject *a, TnObject *b, size_t off, const char *sym)
{
    if (off == NBOFF(nb_multiply)) {
        TnObject *other = NULL;
        if (tn_str_check(a) || tn_bytes_check(a) || tn_bytearray_check(a) || tn_list_check(a) ||
            tn_tuple_check(a))
            other = b;
        else if (tn_str_check(b) || tn_bytes_check(b) || tn_bytearray_check(b) ||
                 tn_list_check(b) || tn_tuple_check(b))
            other = a;
        if (other && !TN_TYPE(other)->nb_index)
            return tn_err_format(&tn_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                                 TNAME(other));
    } else if (off == NBOFF(nb_add)) {
        const char *seq = tn_str_check(a) ? "str" : tn_list_check(a) ? "list"
                        : tn_tuple_check(a) ? "tuple" : NULL;
        if (seq)
            return tn_err_format(&tn_exc_TypeError, "can only concatenate %s (not \"%s\") to %s",
                                 seq, TNAME(b), seq);
        seq = tn_bytes_check(a) ? "bytes" : tn_bytearray_check(a) ? "bytearray" : NULL;
        if (seq)
            return tn_err_format(&tn_exc_TypeError, "can't concat %s to %s", TNAME(b), seq);
    }
    return binop_error(a, b, sym);
}

static TnObject *binary_op(TnObject *a, TnObject *b, size_t off, const char *sym)
{
    TnObject *r = binary_op1(a, b, off);
    if (r == tn_NotImplemented) {
        tn_decref(r);
        return seq_binop_error(a, b, off, sym);
    }
    return r;
}

static TnObject *inplace_op(TnObject *a, TnObject *b, size_t ioff, size_t off, const char *sym)
{
    tn_binaryfunc islot = NB(a, ioff);
    if (islot) {
        TnObject *r = islot(a, b);
        if (r != tn_NotImplemented)
            return r;
        tn_decref(r);
    }
    TnObject *r = binary_op1(a, b, off);
    if (r == tn_NotImplemented) {
        tn_decref(r);
        return seq_binop_error(a, b, off, sym);
    }
    return r;
}

static TnObject *ternary_op(TnObject *a, TnObject *b, TnObject *c, int inplace)
{
    if (inplace && TN_TYPE(a)->nb_inplace_power) {
        TnObject *r = TN_TYPE(a)->nb_inplace_power(a, b, c);
        if (r != tn_NotImplemented)
            return r;
        tn_decref(r);
    }
    tn_ternaryfunc slotv = TN_TYPE(a)->nb_power, slotw = NULL;
    if (TN_TYPE(b) != TN_TYPE(a)) {
        slotw = TN_TYPE(b)->nb_power;
        if (slotw == slotv)
            slotw = NULL;
    }
    TnObject *x;
    if (slotv) {
        if (slotw && tn_type_is_subtype(TN_TYPE(b), TN_TYPE(a))) {
            x = slotw(a, b, c);
            if (x != tn_NotImplemented)
                return x;
            tn_decref(x);
            slotw = NULL;
        }
        x = slotv(a, b, c);
        if (x != tn_NotImplemented)
            return x;
        tn_decref(x);
    }
    if (slotw) {
        x = slotw(a, b, c);
        if (x != tn_NotImplemented)
            return x;
        tn_decref(x);
    }
    if (c != tn_None) {
        tn_ternaryfunc slotz = TN_TYPE(c)->nb_power;
        if (slotz && slotz != slotv && slotz != slotw) {
            x = slotz(a, b, c);
            if (x != tn_NotImplemented)
                return x;
            tn_decref(x);
        }
        return tn_err_format(&tn_exc_TypeError, "unsupported operand type(s) for pow(): '%s', '%s', '%s'",
                             TNAME(a), TNAME(b), TNAME(c));
    }
    return binop_error(a, b, inplace ? "**=" : "** or pow()");
}

#define BINOP(fname, slot, sym) \
    TnObject *fname(TnObject *a, TnObject *b) { return binary_op(a, b, NBOFF(slot), sym); }
BINOP(tn_number_add, nb_add, "+")
BINOP(tn_number_subtract, nb_subtract, "-")
BINOP(tn_number_multiply, nb_multiply, "*")
BINOP(tn_number_matmul, nb_matrix_multiply, "@")
BINOP(tn_number_truediv, nb_true_divide, "/")
BINOP(tn_number_floordiv, nb_floor_divide, "//")
BINOP(tn_number_remainder, nb_remainder, "%")
BINOP(tn_number_divmod, nb_divmod, "divmod()")
BINOP(tn_number_lshift, nb_lshift, "<<")
BINOP(tn_number_rshift, nb_rshift, ">>")
BINOP(tn_number_and, nb_and, "&")
BINOP(tn_number_or, nb_or, "|")
BINOP(tn_number_xor, nb_xor, "^")

TnObject *tn_number_power(TnObject *a, TnObject *b, TnObject *mod)
{
    return ternary_op(a, b, mod ? mod : tn_None, 0);
}

/* Indexed by the BINARY_OP oparg (TN_OP_* in ast.h). */
static const struct { size_t off, ioff; const char *sym, *isym; } binop_table[13] = {
    [TN_OP_ADD] = { NBOFF(nb_add), NBOFF(nb_inplace_add), "+", "+=" },
    [TN_OP_AND] = { NBOFF(nb_and), NBOFF(nb_inplace_and), "&", "&=" },
    [TN_OP_FLOORDIV] = { NBOFF(nb_floor_divide), NBOFF(nb_inplace_floor_divide), "//", "//=" },
    [TN_OP_LSHIFT] = { NBOFF(nb_lshift), NBOFF(nb_inplace_lshift), "<<", "<<=" },
    [TN_OP_MATMUL] = { NBOFF(nb_matrix_multiply), NBOFF(nb_inplace_matrix_multiply), "@", "@=" },
    [TN_OP_MUL] = { NBOFF(nb_multiply), NBOFF(nb_inplace_multiply), "*", "*=" },
    [TN_OP_MOD] = { NBOFF(nb_remainder), NBOFF(nb_inplace_remainder), "%", "%=" },
    [TN_OP_OR] = { NBOFF(nb_or), NBOFF(nb_inplace_or), "|", "|=" },
    [TN_OP_POW] = { 0, 0, "**", "**=" },
    [TN_OP_RSHIFT] = { NBOFF(nb_rshift), NBOFF(nb_inplace_rshift), ">>", ">>=" },
    [TN_OP_SUB] = { NBOFF(nb_subtract), NBOFF(nb_inplace_subtract), "-", "-=" },
    [TN_OP_DIV] = { NBOFF(nb_true_divide), NBOFF(nb_inplace_true_divide), "/", "/=" },
    [TN_OP_XOR] = { NBOFF(nb_xor), NBOFF(nb_inplace_xor), "^", "^=" },
};

TnObject *tn_number_binop(TnObject *a, TnObject *b, int op)
{
    int inplace = op >= TN_BINOP_INPLACE;
    if (inplace)
        op -= TN_BINOP_INPLACE;
    if (op < 0 || op >= 13)
        return tn_err_format(&tn_exc_SystemError, "bad BINARY_OP argument %d", op);
    if (op == TN_OP_POW)
        return ternary_op(a, b, tn_None, inplace);
    if (inplace)
        return inplace_op(a, b, binop_table[op].ioff, binop_table[op].off, binop_table[op].isym);
    return binary_op(a, b, binop_table[op].off, binop_table[op].sym);
}

#define UNOP(fname, slot, msg) \
    TnObject *fname(TnObject *o) \
    { \
        tn_unaryfunc f = TN_TYPE(o)->slot; \
        if (f) \
            return f(o); \
        return tn_err_format(&tn_exc_TypeError, msg, TNAME(o)); \
    }
UNOP(tn_number_negative, nb_negative, "bad operand type for unary -: '%s'")
UNOP(tn_number_positive, nb_positive, "bad operand type for unary +: '%s'")
UNOP(tn_number_invert, nb_invert, "bad operand type for unary ~: '%s'")
UNOP(tn_number_absolute, nb_absolute, "bad operand type for abs(): '%s'")

TnObject *tn_number_index(TnObject *o)
{
    if (tn_int_check(o))
        return tn_newref(o);
    tn_unaryfunc f = TN_TYPE(o)->nb_index;
    if (!f)
        return tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer", TNAME(o));
    TnObject *r = f(o);
    if (r && !tn_int_check(r)) {
        tn_err_format(&tn_exc_TypeError, "__index__ returned non-int (type %s)", TNAME(r));
        TN_CLEAR(r);
    }
    return r;
}

TnObject *tn_number_long(TnObject *o)
{
    if (tn_int_check_exact(o))
        return tn_newref(o);
    TnType *t = TN_TYPE(o);
    if (t->nb_int) {
        TnObject *r = t->nb_int(o);
        if (r && !tn_int_check(r)) {
            tn_err_format(&tn_exc_TypeError, "__int__ returned non-int (type %s)", TNAME(r));
            TN_CLEAR(r);
        }
        return r;
    }
    if (t->nb_index)
        return tn_number_index(o);
    int found;
    TnObject *r = tn_call_dunder(o, TN_ID(__trunc__), NULL, 0, &found);
    if (found) {
        if (r && !tn_int_check(r)) {
            TnObject *i = tn_number_index(r);
            if (!i) {
                tn_err_clear();
                tn_err_format(&tn_exc_TypeError, "__trunc__ returned non-Integral (type %s)", TNAME(r));
            }
            tn_decref(r);
            return i;
        }
        return r;
    }
    if (tn_err_occurred())
        return NULL;
    if (tn_str_check(o))
        return tn_int_from_string(TN_STR_DATA(o), TN_STR_SIZE(o), 10);
    return tn_err_format(&tn_exc_TypeError,
                         "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                         TNAME(o));
}

TnObject *tn_number_float(TnObject *o)
{
    if (tn_float_check_exact(o))
        return tn_newref(o);
    TnType *t = TN_TYPE(o);
    if (t->nb_float) {
        TnObject *r = t->nb_float(o);
        if (r && !tn_float_check(r)) {
            tn_err_format(&tn_exc_TypeError, "%s.__float__ returned non-float (type %s)", TNAME(o), TNAME(r));
            TN_CLEAR(r);
        }
        if (r && !tn_float_check_exact(r)) {
            TnObject *f = tn_float_new(TN_FLOAT_VAL(r));
            tn_decref(r);
            r = f;
        }
        return r;
    }
    if (t->nb_index) {
        TnObject *i = tn_number_index(o);
        if (!i)
            return NULL;
        double d = tn_int_as_double(i);
        tn_decref(i);
        if (d == -1.0 && tn_err_occurred())
            return NULL;
        return tn_float_new(d);
    }
    if (tn_str_check(o))
        return tn_float_from_string(TN_STR_DATA(o), TN_STR_SIZE(o));
    return tn_err_format(&tn_exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                         TNAME(o));
}

tn_ssize_t tn_number_as_ssize(TnObject *o, TnType *exc)
{
    int64_t v;
    if (TN_INT_IS_SMALL(o))
        return (tn_ssize_t)TN_INT_IVAL(o);
    TnObject *i = tn_number_index(o);
    if (!i)
        return -1;
    if (tn_int_as_i64_overflow(i, &v)) {
        tn_decref(i);
        return (tn_ssize_t)v;
    }
    int sign = tn_int_sign(i);
    tn_decref(i);
    if (!exc)
        return sign < 0 ? INTPTR_MIN : INTPTR_MAX;
    tn_err_format(exc, "cannot fit '%s' into an index-sized integer", TNAME(o));
    return -1;
}

/* ---- containers --------------------------------------------------------------- */

tn_ssize_t tn_object_length(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    if (t->sq_length)
        return t->sq_length(o);
    tn_err_format(&tn_exc_TypeError, "object of type '%s' has no len()", TNAME(o));
    return -1;
}

tn_ssize_t tn_object_length_hint(TnObject *o, tn_ssize_t dflt)
{
    if (TN_TYPE(o)->sq_length) {
        tn_ssize_t n = TN_TYPE(o)->sq_length(o);
        if (n >= 0)
            return n;
        if (!tn_err_matches(&tn_exc_TypeError))
            return -1;
        tn_err_clear();
    }
    int found;
    TnObject *r = tn_call_dunder(o, TN_ID(__length_hint__), NULL, 0, &found);
    if (!found)
        return tn_err_occurred() ? -1 : dflt;
    if (!r) {
        if (!tn_err_matches(&tn_exc_TypeError))
            return -1;
        tn_err_clear();
        return dflt;
    }
    if (r == tn_NotImplemented) {
        tn_decref(r);
        return dflt;
    }
    if (!tn_int_check(r)) {
        tn_err_format(&tn_exc_TypeError, "__length_hint__ must be an integer, not %s", TNAME(r));
        tn_decref(r);
        return -1;
    }
    int64_t n;
    int fits = tn_int_as_i64_overflow(r, &n);
    tn_decref(r);
    if (!fits || n > INTPTR_MAX) {
        tn_err_setstr(&tn_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    if (n < 0) {
        tn_err_setstr(&tn_exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

TnObject *tn_object_getitem(TnObject *o, TnObject *key)
{
    TnType *t = TN_TYPE(o);
    if (t->mp_subscript)
        return t->mp_subscript(o, key);
    if (t->sq_item) {
        if (!tn_int_check(key) && !t->nb_index && !TN_TYPE(key)->nb_index)
            return tn_err_format(&tn_exc_TypeError, "sequence index must be integer, not '%s'", TNAME(key));
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return t->sq_item(o, i);
    }
    if (tn_type_check(o)) {
        if (o == (TnObject *)&tn_type_type)
            return tn_genericalias_new(o, key);     /* type[int] (PEP 585) */
        TnObject *meth;
        int r = tn_object_lookup_attr(o, TN_ID(__class_getitem__), &meth);
        if (r < 0)
            return NULL;
        if (r) {
            TnObject *res = tn_call_one(meth, key);
            tn_decref(meth);
            return res;
        }
        return tn_err_format(&tn_exc_TypeError, "type '%s' is not subscriptable", ((TnType *)o)->tp_name);
    }
    return tn_err_format(&tn_exc_TypeError, "'%s' object is not subscriptable", TNAME(o));
}

int tn_object_setitem(TnObject *o, TnObject *key, TnObject *value)
{
    TnType *t = TN_TYPE(o);
    if (t->mp_ass_subscript)
        return t->mp_ass_subscript(o, key, value);
    tn_err_format(&tn_exc_TypeError, "'%s' object does not support item assignment", TNAME(o));
    return -1;
}

int tn_object_delitem(TnObject *o, TnObject *key)
{
    TnType *t = TN_TYPE(o);
    if (t->mp_ass_subscript)
        return t->mp_ass_subscript(o, key, NULL);
    tn_err_format(&tn_exc_TypeError, "'%s' object doesn't support item deletion", TNAME(o));
    return -1;
}

int tn_sequence_contains(TnObject *container, TnObject *item)
{
    TnType *t = TN_TYPE(container);
    if (t->sq_contains)
        return t->sq_contains(container, item);
    TnObject *it = tn_object_iter(container);
    if (!it) {
        if (tn_err_matches(&tn_exc_TypeError)) {
            tn_err_clear();
            tn_err_format(&tn_exc_TypeError, "argument of type '%s' is not iterable", TNAME(container));
        }
        return -1;
    }
    for (;;) {
        TnObject *x = tn_iter_next(it);
        if (!x) {
            tn_decref(it);
            return tn_err_occurred() ? -1 : 0;
        }
        int eq = tn_object_richcompare_bool(x, item, TN_EQ);
        tn_decref(x);
        if (eq != 0) {
            tn_decref(it);
            return eq;
        }
    }
}

TnObject *tn_sequence_list(TnObject *iterable)
{
    TnObject *l = tn_list_new(0);
    if (!l)
        return NULL;
    if (tn_list_extend(l, iterable) < 0) {
        tn_decref(l);
        return NULL;
    }
    return l;
}

TnObject *tn_sequence_tuple(TnObject *iterable)
{
    if (tn_tuple_check_exact(iterable))
        return tn_newref(iterable);
    if (tn_list_check_exact(iterable))
        return tn_list_as_tuple(iterable);
    TnObject *l = tn_sequence_list(iterable);
    if (!l)
        return NULL;
    TnObject *t = tn_list_as_tuple(l);
    tn_decref(l);
    return t;
}

/* ---- iteration ---------------------------------------------------------------- */

TnObject *tn_object_iter(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    if (t->tp_iter) {
        TnObject *it = t->tp_iter(o);
        if (it && !TN_TYPE(it)->tp_iternext) {
            tn_err_format(&tn_exc_TypeError, "iter() returned non-iterator of type '%s'", TNAME(it));
            TN_CLEAR(it);
        }
        return it;
    }
    if ((t->mp_subscript || t->sq_item) && !tn_dict_check(o))
        return tn_seqiter_new(o);
    return tn_err_format(&tn_exc_TypeError, "'%s' object is not iterable", TNAME(o));
}

TnObject *tn_iter_next(TnObject *it)
{
    tn_unaryfunc f = TN_TYPE(it)->tp_iternext;
    if (!f)
        return tn_err_format(&tn_exc_TypeError, "'%s' object is not an iterator", TNAME(it));
    TnObject *r = f(it);
    if (!r && tn_err_occurred() && tn_err_matches(&tn_exc_StopIteration))
        tn_err_clear();
    return r;
}

int tn_iter_check(TnObject *o)
{
    return TN_TYPE(o)->tp_iternext != NULL;
}

/* ---- isinstance / issubclass -------------------------------------------------- */

static int recursive_isinstance(TnObject *inst, TnObject *cls)
{
    if (tn_type_check(cls)) {
        if (tn_type_is_subtype(TN_TYPE(inst), (TnType *)cls))
            return 1;
        TnObject *c;
        int r = tn_object_lookup_attr(inst, TN_ID(__class__), &c);
        if (r <= 0)
            return r;
        r = c != (TnObject *)TN_TYPE(inst) && tn_type_check(c) && tn_type_is_subtype((TnType *)c, (TnType *)cls);
        tn_decref(c);
        return r;
    }
    tn_err_setstr(&tn_exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int tn_object_isinstance(TnObject *inst, TnObject *cls)
{
    if ((TnObject *)TN_TYPE(inst) == cls)
        return 1;
    if (TN_TYPE(cls) == &tn_type_type)
        return recursive_isinstance(inst, cls);
    if (tn_tuple_check(cls)) {
        if (tn_enter_recursive_call(" in __instancecheck__") < 0)
            return -1;
        int r = 0;
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(cls) && r == 0; i++)
            r = tn_object_isinstance(inst, TN_TUPLE_GET(cls, i));
        tn_leave_recursive_call();
        return r;
    }
    /* a metaclass may define __instancecheck__ */
    TnObject *checker = tn_type_lookup(TN_TYPE(cls), TN_ID(__instancecheck__));
    if (checker && !(TN_TYPE(checker) == &tn_method_descr_type && TN_TYPE(cls) == &tn_type_type)) {
        int found;
        if (tn_enter_recursive_call(" in __instancecheck__") < 0)
            return -1;
        TnObject *r = tn_call_dunder(cls, TN_ID(__instancecheck__), &inst, 1, &found);
        tn_leave_recursive_call();
        if (!r)
            return -1;
        int t = tn_object_is_true(r);
        tn_decref(r);
        return t;
    }
    return recursive_isinstance(inst, cls);
}

int tn_object_issubclass(TnObject *derived, TnObject *cls)
{
    if (tn_type_check(cls) && tn_type_check(derived) && TN_TYPE(cls) == &tn_type_type)
        return tn_type_is_subtype((TnType *)derived, (TnType *)cls);
    if (tn_tuple_check(cls)) {
        if (tn_enter_recursive_call(" in __subclasscheck__") < 0)
            return -1;
        int r = 0;
        for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(cls) && r == 0; i++)
            r = tn_object_issubclass(derived, TN_TUPLE_GET(cls, i));
        tn_leave_recursive_call();
        return r;
    }
    /* classes with a metaclass hook, and objects such as int | str */
    TnObject *checker = tn_type_lookup(TN_TYPE(cls), TN_ID(__subclasscheck__));
    if (checker && TN_TYPE(cls) != &tn_type_type) {
        int found;
        TnObject *r = tn_call_dunder(cls, TN_ID(__subclasscheck__), &derived, 1, &found);
        if (!r)
            return -1;
        int t = tn_object_is_true(r);
        tn_decref(r);
        return t;
    }
    if (!tn_type_check(derived)) {
        tn_err_setstr(&tn_exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (!tn_type_check(cls)) {
        tn_err_setstr(&tn_exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return tn_type_is_subtype((TnType *)derived, (TnType *)cls);
}
