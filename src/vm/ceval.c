/* The eval loop: one function that runs a frame's bytecode (opcodes.h).
 *
 * Dispatch is computed goto (a table generated from TN_OPCODES) or, when
 * TN_USE_COMPUTED_GOTO is 0, a plain switch; both share the TARGET bodies.
 * The hot opcodes are written inline here (locals, constants, small-int
 * and float arithmetic, jumps, calls of Python functions); the rest call
 * out-of-line helpers in ceval_ops.c to keep this function's C frame small,
 * since every Python call recurses through it.
 *
 * Exceptions follow opcodes.h: the block stack of the frame (SETUP_FINALLY,
 * SETUP_WITH, EXCEPT_HANDLER) is unwound at `exception_unwind`, with the
 * handled exception (tstate->exc_info) saved on the value stack and
 * restored by POP_EXCEPT or by unwinding an EXCEPT_HANDLER block.
 */
#include "tandem/tandem.h"
#include "tandem/eval.h"
#include "tandem/chaos.h"
#include "tandem/frame.h"
#include "tandem/func.h"
#include "tandem/gen.h"
#include "tandem/traceback.h"
#include "tandem/import.h"
#include "tandem/exc.h"
#include "tandem/opcodes.h"
#include "tandem/ast.h"
#include "tandem/slice.h"
#include "vm_internal.h"


static TnObject *call_object(TnObject *callable, TnObject *const *args, size_t nargs,
                             TnObject *kwnames)
{
    if (TN_TYPE(callable) == &tn_function_type)
        return tn_function_vectorcall(callable, args, nargs, kwnames);
    return tn_call(callable, args, nargs, kwnames);
}

/* Small-int and float fast paths of BINARY_OP; NULL with no exception set
 * means "not handled here". */
static inline TnObject *binop_fast(int op, TnObject *a, TnObject *b)
{
    if (TN_INT_IS_SMALL(a) && TN_INT_IS_SMALL(b)) {
        int64_t x = TN_INT_IVAL(a), y = TN_INT_IVAL(b), r;
        switch (op) {
        case TN_OP_ADD: case TN_OP_ADD + TN_BINOP_INPLACE:
            if (__builtin_add_overflow(x, y, &r)) return NULL;
            return tn_int_from_i64(r);
        case TN_OP_SUB: case TN_OP_SUB + TN_BINOP_INPLACE:
            if (__builtin_sub_overflow(x, y, &r)) return NULL;
            return tn_int_from_i64(r);
        case TN_OP_MUL: case TN_OP_MUL + TN_BINOP_INPLACE:
            if (__builtin_mul_overflow(x, y, &r)) return NULL;
            return tn_int_from_i64(r);
        case TN_OP_FLOORDIV: case TN_OP_FLOORDIV + TN_BINOP_INPLACE:
        case TN_OP_MOD: case TN_OP_MOD + TN_BINOP_INPLACE: {
            if (y == 0 || (x == INT64_MIN && y == -1))
                return NULL;
            int64_t q = x / y, m = x % y;
            if (m != 0 && ((m < 0) != (y < 0))) {
                q--;
                m += y;
            }
            return tn_int_from_i64((op % TN_BINOP_INPLACE) == TN_OP_MOD ? m : q);
        }
        case TN_OP_AND: case TN_OP_AND + TN_BINOP_INPLACE: return tn_int_from_i64(x & y);
        case TN_OP_OR: case TN_OP_OR + TN_BINOP_INPLACE: return tn_int_from_i64(x | y);
        case TN_OP_XOR: case TN_OP_XOR + TN_BINOP_INPLACE: return tn_int_from_i64(x ^ y);
        default:
            return NULL;
        }
    }
    if (tn_float_check_exact(a) && tn_float_check_exact(b)) {
        double x = TN_FLOAT_VAL(a), y = TN_FLOAT_VAL(b);
        switch (op % TN_BINOP_INPLACE) {
        case TN_OP_ADD: return tn_float_new(x + y);
        case TN_OP_SUB: return tn_float_new(x - y);
        case TN_OP_MUL: return tn_float_new(x * y);
        case TN_OP_DIV: if (y == 0.0) return NULL; return tn_float_new(x / y);
        default: return NULL;
        }
    }
    return NULL;
}

/* a + b for two exact strs, stealing the stack's reference to a. When the
 * next instruction stores the result into the variable that holds a, and
 * the stack and that variable are a's only holders, the variable lets go
 * first and a grows in place (CPython's unicode_concatenate): `s += t` in a
 * loop becomes linear instead of quadratic.
 * The ft build only does this for STORE_FAST: a cell or a namespace dict
 * may be read by another thread at any moment (dict reads are lock-free),
 * and such a reader could take a reference after the check and before the
 * string moves; fast locals are private to the running frame. */
static TnObject *str_add(TnFrame *f, TnObject *a, TnObject *b, const uint16_t *next)
{
    int nop = next[0] & 0xff, narg = next[0] >> 8;
    TnObject **fastlocals = f->localsplus;
    switch (nop) {
    case TN_STORE_FAST:
        if (fastlocals[narg] == a && tn_str_is_resizable(a, 2)) {
            fastlocals[narg] = NULL;
            TN_DECREF(a);                 /* 2 -> 1: no dealloc */
            return tn_str_append_inplace(a, b);
        }
        break;
#ifndef TANDEM_FT
    case TN_STORE_DEREF: {
        TnCell *cell = (TnCell *)fastlocals[f->code->co_nlocals + narg];
        if (cell->ref == a && tn_str_is_resizable(a, 2)) {
            cell->ref = NULL;
            TN_DECREF(a);
            return tn_str_append_inplace(a, b);
        }
        break;
    }
    case TN_STORE_NAME:
    case TN_STORE_GLOBAL: {
        TnObject *ns = nop == TN_STORE_NAME ? f->locals : f->globals;
        if (!ns || !tn_dict_check_exact(ns))
            break;
        TnObject *name = TN_TUPLE_GET(f->code->co_names, narg);
        TnObject *v = tn_dict_get_str_known(ns, name);
        if (!v) {
            tn_err_clear();
            break;
        }
        int unique = v == a && tn_str_is_resizable(a, 3);
        TN_DECREF(v);
        /* Replace (not delete) the binding, so the key keeps its place in
         * the dict's order; the store that follows rebinds it. Replacing
         * an existing key does not allocate, hence cannot fail. */
        if (unique && tn_dict_setitem(ns, name, tn_None) == 0)
            return tn_str_append_inplace(a, b);
        tn_err_clear();
        break;
    }
#endif
    default:
        break;
    }
    TnObject *r = tn_str_concat(a, b);
    TN_DECREF(a);
    return r;
}

static inline int cmp_i64(int op, int64_t x, int64_t y)
{
    switch (op) {
    case TN_LT: return x < y;
    case TN_LE: return x <= y;
    case TN_EQ: return x == y;
    case TN_NE: return x != y;
    case TN_GT: return x > y;
    default:    return x >= y;
    }
}

static inline int cmp_f64(int op, double x, double y)
{
    switch (op) {
    case TN_LT: return x < y;
    case TN_LE: return x <= y;
    case TN_EQ: return x == y;
    case TN_NE: return x != y;
    case TN_GT: return x > y;
    default:    return x >= y;
    }
}

/* The frame's entry checks that may fail: Python recursion depth and C
 * stack headroom. */
static int enter_checks(TnThreadState *ts)
{
    /* The thread's copy follows sys.setrecursionlimit lazily: re-read the
     * runtime's value whenever the fast check fails. */
    int limit = tn_runtime.recursion_limit > 0 ? tn_runtime.recursion_limit
                                               : TN_DEFAULT_RECURSION_LIMIT;
    if (ts->recursion_limit <= 0 || limit > ts->recursion_limit)
        ts->recursion_limit = limit;
    if (ts->recursion_depth > ts->recursion_limit) {
        tn_err_setstr(&tn_exc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return tn_check_c_stack();
}

TnObject *tn_eval_frame(TnFrame *f)
{
    return tn_eval_frame_ex(f, 0);
}

TnObject *tn_eval_frame_ex(TnFrame *f, int throwflag)
{
#if TN_USE_COMPUTED_GOTO
    static void *const dispatch_table[256] = {
#define TN_OP_LABEL(name, kind, eff, jeff) [TN_##name] = &&TARGET_##name,
        TN_OPCODES(TN_OP_LABEL)
#undef TN_OP_LABEL
    };
#endif
    TnThreadState *ts = tn_ts();
    TnCode *co = f->code;
    TnObject **fastlocals = f->localsplus;
    TnObject **stack_base = fastlocals + f->nlocalsplus;
    TnObject **sp = stack_base + f->stacktop;
    const uint16_t *first_instr = co->co_code;
    const uint16_t *next_instr = first_instr + f->lasti + 1;
    TnObject *consts = co->co_consts, *names = co->co_names;
    TnObject *retval = NULL;
    int opcode, oparg;

    /* Link the frame and check the depth before anything can fail. */
    f->back = ts->frame;
    ts->frame = f;
    ts->recursion_depth++;
    {
        char probe;
        if (TN_UNLIKELY(ts->recursion_depth > ts->recursion_limit
                        || (uintptr_t)&probe < tn_stack_soft_limit)) {
            if (enter_checks(ts) < 0)
                goto exit_error_no_tb;
        }
    }
    TN_STAT_INC(ts, frames);
    if (throwflag)
        goto error;
    if (TN_UNLIKELY(tn_load_relaxed(&ts->eval_breaker))) {
        if (tn_eval_breaker_slow(ts) < 0)
            goto error;
    }

#define INSTR_INDEX() ((int)(next_instr - first_instr))
#define JUMPTO(x) (next_instr = first_instr + (x))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define STACK_LEVEL() ((int)(sp - stack_base))
#define NEXTOPARG() do { uint16_t w_ = *next_instr++; opcode = w_ & 0xff; oparg = w_ >> 8; } while (0)
#define GETLOCAL(i) (fastlocals[i])
#define CHECK_BREAKER() \
    do { if (TN_UNLIKELY(tn_load_relaxed(&ts->eval_breaker))) { \
             if (tn_eval_breaker_slow(ts) < 0) goto error; } } while (0)
/* -X chaos store point (include/tandem/chaos.h): splits read-modify-write
 * sequences on shared state; one load and a never-taken branch when chaos
 * is off. Not a safe point: it never fails and handles no other bit. */
#define CHAOS_STORE_POINT() \
    do { if (TN_UNLIKELY(tn_load_relaxed(&ts->eval_breaker) & TN_EB_CHAOS)) \
             tn_chaos_store_point(ts); } while (0)
/* A jump to a lower index is a backward jump: a safe point. */
#define JUMP_CHECKED(x) \
    do { int t_ = (x); if (t_ <= INSTR_INDEX()) { JUMPTO(t_); CHECK_BREAKER(); } else JUMPTO(t_); } while (0)

#if TN_USE_COMPUTED_GOTO
#  define TARGET(op) TARGET_##op: case TN_##op:
#  define DISPATCH() do { f->lasti = INSTR_INDEX(); NEXTOPARG(); goto *dispatch_table[opcode]; } while (0)
#else
#  define TARGET(op) case TN_##op:
#  define DISPATCH() goto dispatch
#endif

dispatch:
    f->lasti = INSTR_INDEX();
    NEXTOPARG();
dispatch_opcode:
    switch (opcode) {

    TARGET(NOP) DISPATCH();

    TARGET(LOAD_FAST) {
        TnObject *v = GETLOCAL(oparg);
        if (TN_UNLIKELY(!v)) {
            tn_vm_unbound_local(co, oparg);
            goto error;
        }
        PUSH(tn_newref(v));
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PUSH(tn_newref(TN_TUPLE_GET(consts, oparg)));
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        TnObject *old = GETLOCAL(oparg);
        GETLOCAL(oparg) = POP();
        TN_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        TnObject *old = GETLOCAL(oparg);
        if (!old) {
            tn_vm_unbound_local(co, oparg);
            goto error;
        }
        GETLOCAL(oparg) = NULL;
        TN_DECREF(old);
        DISPATCH();
    }

    TARGET(POP_TOP) {
        TnObject *v = POP();
        TN_DECREF(v);
        DISPATCH();
    }

    TARGET(ROT_TWO) {
        TnObject *a = TOP(), *b = SECOND();
        SET_TOP(b);
        SET_SECOND(a);
        DISPATCH();
    }

    TARGET(ROT_THREE) {
        TnObject *a = TOP(), *b = SECOND(), *c = THIRD();
        sp[-1] = b;
        sp[-2] = c;
        sp[-3] = a;
        DISPATCH();
    }

    TARGET(ROT_FOUR) {
        TnObject *a = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = sp[-4];
        sp[-4] = a;
        DISPATCH();
    }

    TARGET(ROT_N) {
        TnObject *a = sp[-1];
        for (int i = 1; i < oparg; i++)
            sp[-i] = sp[-i - 1];
        sp[-oparg] = a;
        DISPATCH();
    }

    TARGET(DUP_TOP) {
        TnObject *v = TOP();
        PUSH(tn_newref(v));
        DISPATCH();
    }

    TARGET(DUP_TOP_TWO) {
        TnObject *a = TOP(), *b = SECOND();
        PUSH(tn_newref(b));
        PUSH(tn_newref(a));
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        TnObject *v = TOP(), *r = tn_number_positive(v);
        TN_DECREF(v);
        SET_TOP(r);
        if (!r) goto error;
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        TnObject *v = TOP(), *r;
        if (TN_INT_IS_SMALL(v) && TN_INT_IVAL(v) != INT64_MIN)
            r = tn_int_from_i64(-TN_INT_IVAL(v));
        else
            r = tn_number_negative(v);
        TN_DECREF(v);
        SET_TOP(r);
        if (!r) goto error;
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        TnObject *v = TOP();
        int t = v == tn_True ? 1 : v == tn_False || v == tn_None ? 0 : tn_object_is_true(v);
        TN_DECREF(v);
        if (t < 0) {
            sp--;
            goto error;
        }
        SET_TOP(tn_newref(t ? tn_False : tn_True));
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        TnObject *v = TOP(), *r = tn_number_invert(v);
        TN_DECREF(v);
        SET_TOP(r);
        if (!r) goto error;
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        TnObject *b = POP(), *a = TOP();
        TnObject *r = binop_fast(oparg, a, b);
        if (!r) {
            if ((oparg == TN_OP_ADD || oparg == TN_OP_ADD + TN_BINOP_INPLACE)
                && tn_str_check_exact(a) && tn_str_check_exact(b)) {
                r = str_add(f, a, b, next_instr);      /* steals a */
                TN_DECREF(b);
                SET_TOP(r);
                if (!r) goto error;
                DISPATCH();
            }
            r = tn_number_binop(a, b, oparg);
        }
        TN_DECREF(a);
        TN_DECREF(b);
        SET_TOP(r);
        if (!r) goto error;
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        TnObject *b = POP(), *a = TOP(), *r;
        if (TN_INT_IS_SMALL(a) && TN_INT_IS_SMALL(b))
            r = tn_newref(cmp_i64(oparg, TN_INT_IVAL(a), TN_INT_IVAL(b)) ? tn_True : tn_False);
        else if (tn_float_check_exact(a) && tn_float_check_exact(b))
            r = tn_newref(cmp_f64(oparg, TN_FLOAT_VAL(a), TN_FLOAT_VAL(b)) ? tn_True : tn_False);
        else
            r = tn_object_richcompare(a, b, oparg);
        TN_DECREF(a);
        TN_DECREF(b);
        SET_TOP(r);
        if (!r) goto error;
        DISPATCH();
    }

    TARGET(IS_OP) {
        TnObject *b = POP(), *a = TOP();
        int res = (a == b) ^ oparg;
        TN_DECREF(a);
        TN_DECREF(b);
        SET_TOP(tn_newref(res ? tn_True : tn_False));
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        TnObject *b = POP(), *a = TOP();
        int res = tn_sequence_contains(b, a);
        TN_DECREF(a);
        TN_DECREF(b);
        if (res < 0) {
            sp--;
            goto error;
        }
        SET_TOP(tn_newref((res ^ oparg) ? tn_True : tn_False));
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        TnObject *sub = POP(), *container = TOP(), *r = NULL;
        if (TN_INT_IS_SMALL(sub)) {
            int64_t i = TN_INT_IVAL(sub);
            if (tn_list_check_exact(container)) {
                tn_ssize_t n = tn_list_size(container);
                if (i < 0)
                    i += n;
                r = tn_list_getitem(container, (tn_ssize_t)(i < 0 || i >= n ? TN_INT_IVAL(sub) : i));
                goto subscr_done;
            }
            if (tn_tuple_check_exact(container)) {
                tn_ssize_t n = TN_TUPLE_SIZE(container);
                if (i < 0)
                    i += n;
                if (i >= 0 && i < n) {
                    r = tn_newref(TN_TUPLE_GET(container, i));
                    goto subscr_done;
                }
            }
        }
        r = tn_object_getitem(container, sub);
    subscr_done:
        TN_DECREF(container);
        TN_DECREF(sub);
        SET_TOP(r);
        if (!r) goto error;
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        CHAOS_STORE_POINT();
        TnObject *sub = TOP(), *container = SECOND(), *v = THIRD();
        sp -= 3;
        int err = tn_object_setitem(container, sub, v);
        TN_DECREF(v);
        TN_DECREF(container);
        TN_DECREF(sub);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        TnObject *sub = TOP(), *container = SECOND();
        sp -= 2;
        int err = tn_object_delitem(container, sub);
        TN_DECREF(container);
        TN_DECREF(sub);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(GET_ITER) {
        TnObject *v = TOP(), *it = tn_object_iter(v);
        TN_DECREF(v);
        SET_TOP(it);
        if (!it) goto error;
        DISPATCH();
    }

    TARGET(GET_YIELD_FROM_ITER) {
        TnObject *v = TOP(), *it = tn_vm_get_yield_from_iter(v);
        TN_DECREF(v);
        SET_TOP(it);
        if (!it) goto error;
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        TnObject *it = TOP();
        TnObject *next = TN_TYPE(it)->tp_iternext(it);
        if (TN_LIKELY(next != NULL)) {
            PUSH(next);
            DISPATCH();
        }
        if (tn_err_occurred()) {
            if (!tn_err_matches(&tn_exc_StopIteration))
                goto error;
            tn_err_clear();
        }
        sp--;
        TN_DECREF(it);
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        if (TN_UNLIKELY(!f->gen)) {
            tn_err_setstr(&tn_exc_SystemError, "yield outside a generator frame");
            goto error;
        }
        retval = POP();
        if (TN_UNLIKELY(co->co_flags & TN_CO_ASYNC_GENERATOR)) {
            retval = tn_asyncgen_wrap(retval);
            if (!retval) goto error;
        }
        f->stacktop = STACK_LEVEL();
        tn_store_relaxed(&((TnGen *)f->gen)->state, TN_GEN_SUSPENDED);
        goto exit_yield;
    }

    TARGET(YIELD_FROM) {
        if (TN_UNLIKELY(!f->gen)) {
            tn_err_setstr(&tn_exc_SystemError, "yield outside a generator frame");
            goto error;
        }
        TnObject *v = POP(), *receiver = TOP(), *out = NULL;
        int st = tn_vm_send(receiver, v, &out);
        TN_DECREF(v);
        if (st < 0)
            goto error;
        if (st == 0) {
            SET_TOP(out);
            TN_DECREF(receiver);
            DISPATCH();
        }
        /* Yield `out`; on resume the sent value is pushed and YIELD_FROM
         * runs again (lasti points just before it). */
        retval = out;
        f->lasti = INSTR_INDEX() - 2;
        f->stacktop = STACK_LEVEL();
        tn_store_relaxed(&((TnGen *)f->gen)->state, TN_GEN_SUSPENDED);
        goto exit_yield;
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
        goto exit_return;
    }

    TARGET(PRINT_EXPR) {
        TnObject *v = POP();
        int err = tn_vm_print_expr(v);
        TN_DECREF(v);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        TnObject *bc = tn_dict_get_str_known(f->builtins, TN_ID(__build_class__));
        if (!bc) {
            if (!tn_err_occurred())
                tn_err_setstr(&tn_exc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(tn_newref((TnObject *)&tn_exc_AssertionError));
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        TnObject *name = TN_TUPLE_GET(names, oparg);
        TnObject *fromlist = POP(), *level = TOP();
        int lvl = TN_INT_IS_SMALL(level) ? (int)TN_INT_IVAL(level) : 0;
        TnObject *m = tn_import_name(name, f->globals, fromlist, lvl);
        TN_DECREF(fromlist);
        TN_DECREF(level);
        SET_TOP(m);
        if (!m) goto error;
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        TnObject *v = tn_import_from(TOP(), TN_TUPLE_GET(names, oparg));
        if (!v) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        TnObject *m = POP();
        int err;
        if (!f->locals) {
            tn_err_setstr(&tn_exc_SystemError, "no locals found during 'import *'");
            err = -1;
        } else {
            err = tn_import_star(m, f->locals);
        }
        TN_DECREF(m);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        if (tn_vm_setup_annotations(f) < 0) goto error;
        DISPATCH();
    }

    TARGET(SETUP_FINALLY) {
        if (f->iblock >= TN_MAXBLOCKS) {
            tn_err_setstr(&tn_exc_SystemError, "XXX block stack overflow");
            goto error;
        }
        TnBlock *b = &f->blocks[f->iblock++];
        b->type = TN_BLOCK_FINALLY;
        b->handler = oparg;
        b->level = STACK_LEVEL();
        DISPATCH();
    }

    TARGET(SETUP_WITH) {
        TnObject *mgr = TOP(), *exit = NULL;
        TnObject *res = tn_vm_setup_with(mgr, &exit);
        if (!res) goto error;
        TN_DECREF(mgr);
        SET_TOP(exit);
        if (f->iblock >= TN_MAXBLOCKS) {
            TN_DECREF(res);
            tn_err_setstr(&tn_exc_SystemError, "XXX block stack overflow");
            goto error;
        }
        TnBlock *b = &f->blocks[f->iblock++];
        b->type = TN_BLOCK_WITH;
        b->handler = oparg;
        b->level = STACK_LEVEL();
        PUSH(res);
        DISPATCH();
    }

    TARGET(POP_BLOCK) {
        f->iblock--;
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        if (f->iblock <= 0 || f->blocks[f->iblock - 1].type != TN_BLOCK_EXCEPT_HANDLER) {
            tn_err_setstr(&tn_exc_SystemError, "popped block is not an except handler");
            goto error;
        }
        f->iblock--;
        TnObject *prev = POP();
        TnObject *old = ts->exc_info;
        ts->exc_info = prev == tn_None ? NULL : prev;
        if (prev == tn_None)
            TN_DECREF(prev);
        TN_XDECREF(old);
        DISPATCH();
    }

    TARGET(RERAISE) {
        TnObject *exc = POP();
        tn_err_restore(exc);
        goto exception_unwind;
    }

    TARGET(WITH_EXCEPT_START) {
        TnObject *r = tn_vm_with_except_start(PEEK(3), TOP());
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(JUMP_IF_NOT_EXC_MATCH) {
        TnObject *right = POP(), *left = POP();
        if (tn_vm_check_except_type(right) < 0) {
            TN_DECREF(left);
            TN_DECREF(right);
            goto error;
        }
        int res = tn_exc_matches(left, right);
        TN_DECREF(left);
        TN_DECREF(right);
        if (res < 0) goto error;
        if (!res)
            JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        TnObject *cause = NULL, *exc = NULL;
        switch (oparg) {
        case 2: cause = POP(); /* fall through */
        case 1: exc = POP(); /* fall through */
        case 0: break;
        default:
            tn_err_setstr(&tn_exc_SystemError, "bad RAISE_VARARGS oparg");
            goto error;
        }
        if (tn_vm_do_raise(exc, cause) > 0)
            goto exception_unwind;     /* bare `raise`: no new traceback entry */
        goto error;
    }

    TARGET(JUMP_ABSOLUTE) {
        JUMP_CHECKED(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        TnObject *v = POP();
        if (v == tn_False) {
            JUMP_CHECKED(oparg);
            DISPATCH();
        }
        if (v == tn_True) {
            DISPATCH();
        }
        int t = tn_object_is_true(v);
        TN_DECREF(v);
        if (t < 0) goto error;
        if (!t)
            JUMP_CHECKED(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        TnObject *v = POP();
        if (v == tn_True) {
            JUMP_CHECKED(oparg);
            DISPATCH();
        }
        if (v == tn_False) {
            DISPATCH();
        }
        int t = tn_object_is_true(v);
        TN_DECREF(v);
        if (t < 0) goto error;
        if (t)
            JUMP_CHECKED(oparg);
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        TnObject *v = TOP();
        int t = v == tn_True ? 1 : v == tn_False ? 0 : tn_object_is_true(v);
        if (t < 0) goto error;
        if (!t) {
            JUMP_CHECKED(oparg);
        } else {
            sp--;
            TN_DECREF(v);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        TnObject *v = TOP();
        int t = v == tn_True ? 1 : v == tn_False ? 0 : tn_object_is_true(v);
        if (t < 0) goto error;
        if (t) {
            JUMP_CHECKED(oparg);
        } else {
            sp--;
            TN_DECREF(v);
        }
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        TnObject *v = tn_vm_load_name(f, TN_TUPLE_GET(names, oparg));
        if (!v) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        CHAOS_STORE_POINT();
        TnObject *v = POP();
        int err = tn_vm_store_name(f, TN_TUPLE_GET(names, oparg), v);
        TN_DECREF(v);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        if (tn_vm_delete_name(f, TN_TUPLE_GET(names, oparg)) < 0) goto error;
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        TnObject *v = tn_vm_load_global_cached(f, oparg);
        if (!v) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        CHAOS_STORE_POINT();
        TnObject *v = POP();
        tn_set_deferred_global(v);
        int err = tn_dict_setitem(f->globals, TN_TUPLE_GET(names, oparg), v);
        TN_DECREF(v);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        TnObject *name = TN_TUPLE_GET(names, oparg);
        if (tn_dict_delitem(f->globals, name) < 0) {
            if (tn_err_matches(&tn_exc_KeyError)) {
                tn_err_clear();
                tn_err_format(&tn_exc_NameError, "name '%U' is not defined", name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PUSH(tn_newref(GETLOCAL(co->co_nlocals + oparg)));
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        TnObject *v = tn_cell_get(GETLOCAL(co->co_nlocals + oparg));
        if (!v) {
            tn_vm_unbound_deref(co, oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        TnObject *v = tn_vm_load_classderef(f, oparg);
        if (!v) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        CHAOS_STORE_POINT();
        TnObject *v = POP();
        tn_cell_set(GETLOCAL(co->co_nlocals + oparg), v);
        TN_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        TnObject *cell = GETLOCAL(co->co_nlocals + oparg);
        TnObject *v = tn_cell_get(cell);
        if (!v) {
            tn_vm_unbound_deref(co, oparg);
            goto error;
        }
        TN_DECREF(v);
        tn_cell_set(cell, NULL);
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        TnObject *owner = TOP();
        TnObject *v = tn_object_getattr(owner, TN_TUPLE_GET(names, oparg));
        TN_DECREF(owner);
        SET_TOP(v);
        if (!v) goto error;
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        CHAOS_STORE_POINT();
        TnObject *owner = TOP(), *v = SECOND();
        sp -= 2;
        int err = tn_object_setattr(owner, TN_TUPLE_GET(names, oparg), v);
        TN_DECREF(v);
        TN_DECREF(owner);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        TnObject *owner = POP();
        int err = tn_object_setattr(owner, TN_TUPLE_GET(names, oparg), NULL);
        TN_DECREF(owner);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        TnObject *obj = TOP(), *meth = NULL;
        int r = tn_object_get_method(obj, TN_TUPLE_GET(names, oparg), &meth);
        if (r < 0) goto error;
        if (r > 0) {
            SET_TOP(meth);          /* [meth, self] */
            PUSH(obj);
        } else {
            TN_DECREF(obj);
            SET_TOP(NULL);          /* [NULL, bound] */
            PUSH(meth);
        }
        DISPATCH();
    }

    TARGET(CALL_METHOD) {
        TnObject **base = sp - oparg - 2;
        TnObject *res;
        if (base[0])
            res = call_object(base[0], base + 1, (size_t)oparg + 1, NULL);
        else
            res = call_object(base[1], base + 2, (size_t)oparg, NULL);
        while (sp > base) {
            TnObject *x = POP();
            TN_XDECREF(x);
        }
        PUSH(res);
        if (!res) goto error;
        CHECK_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_METHOD_KW) {
        TnObject *kwnames = POP();
        TnObject **base = sp - oparg - 2;
        size_t npos = (size_t)oparg - (size_t)TN_TUPLE_SIZE(kwnames);
        TnObject *res;
        if (base[0])
            res = call_object(base[0], base + 1, npos + 1, kwnames);
        else
            res = call_object(base[1], base + 2, npos, kwnames);
        TN_DECREF(kwnames);
        while (sp > base) {
            TnObject *x = POP();
            TN_XDECREF(x);
        }
        PUSH(res);
        if (!res) goto error;
        CHECK_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_FUNCTION) {
        TnObject **base = sp - oparg - 1;
        TnObject *res = call_object(base[0], base + 1, (size_t)oparg, NULL);
        while (sp > base) {
            TnObject *x = POP();
            TN_DECREF(x);
        }
        PUSH(res);
        if (!res) goto error;
        CHECK_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_KW) {
        TnObject *kwnames = POP();
        TnObject **base = sp - oparg - 1;
        size_t npos = (size_t)oparg - (size_t)TN_TUPLE_SIZE(kwnames);
        TnObject *res = call_object(base[0], base + 1, npos, kwnames);
        TN_DECREF(kwnames);
        while (sp > base) {
            TnObject *x = POP();
            TN_DECREF(x);
        }
        PUSH(res);
        if (!res) goto error;
        CHECK_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        TnObject *kwargs = (oparg & 1) ? POP() : NULL;
        TnObject *args = POP(), *func = TOP();
        TnObject *res = tn_vm_call_ex(func, args, kwargs);
        TN_DECREF(func);
        TN_DECREF(args);
        TN_XDECREF(kwargs);
        SET_TOP(res);
        if (!res) goto error;
        CHECK_BREAKER();
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        int n = 2 + TN_NFLAGS(oparg);
        TnObject *fn = tn_vm_make_function(sp, oparg, f);
        for (int i = 0; i < n; i++) {
            TnObject *x = POP();
            TN_DECREF(x);
        }
        if (!fn) goto error;
        PUSH(fn);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        TnObject *t = tn_tuple_new(oparg);
        if (!t) goto error;
        for (int i = oparg; --i >= 0;)
            TN_TUPLE_SET(t, i, POP());
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        TnObject *l = tn_list_new(oparg);
        if (!l) goto error;
        for (int i = oparg; --i >= 0;)
            TN_LIST_SET_UNSAFE(l, i, POP());
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        TnObject *s = tn_set_new(NULL);
        int err = s ? 0 : -1;
        for (int i = oparg; i > 0; i--) {
            if (err == 0 && tn_set_add(s, PEEK(i)) < 0)
                err = -1;
        }
        for (int i = 0; i < oparg; i++) {
            TnObject *x = POP();
            TN_DECREF(x);
        }
        if (err < 0) {
            TN_XDECREF(s);
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        TnObject *d = tn_dict_new();
        int err = d ? 0 : -1;
        for (int i = oparg; i > 0; i--) {
            if (err == 0 && tn_dict_setitem(d, PEEK(2 * i), PEEK(2 * i - 1)) < 0)
                err = -1;
        }
        for (int i = 0; i < 2 * oparg; i++) {
            TnObject *x = POP();
            TN_DECREF(x);
        }
        if (err < 0) {
            TN_XDECREF(d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        TnObject *keys = TOP();
        TnObject *d = NULL;
        if (!tn_tuple_check_exact(keys) || TN_TUPLE_SIZE(keys) != oparg) {
            tn_err_setstr(&tn_exc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
        } else if ((d = tn_dict_new()) != NULL) {
            for (int i = 0; i < oparg; i++) {
                if (tn_dict_setitem(d, TN_TUPLE_GET(keys, i), PEEK(oparg + 1 - i)) < 0) {
                    TN_CLEAR(d);
                    break;
                }
            }
        }
        for (int i = 0; i < oparg + 1; i++) {
            TnObject *x = POP();
            TN_DECREF(x);
        }
        if (!d) goto error;
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        TnObject *s = tn_vm_build_string(sp - oparg, oparg);
        for (int i = 0; i < oparg; i++) {
            TnObject *x = POP();
            TN_DECREF(x);
        }
        if (!s) goto error;
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        TnObject *step = oparg == 3 ? POP() : NULL;
        TnObject *stop = POP(), *start = TOP();
        TnObject *s = tn_slice_new(start, stop, step);
        TN_DECREF(start);
        TN_DECREF(stop);
        TN_XDECREF(step);
        SET_TOP(s);
        if (!s) goto error;
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        TnObject *v = POP();
        int err = tn_list_append(PEEK(oparg), v);
        TN_DECREF(v);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        TnObject *v = POP();
        int err = tn_set_add(PEEK(oparg), v);
        TN_DECREF(v);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        TnObject *value = POP(), *key = POP();
        int err = tn_dict_setitem(PEEK(oparg), key, value);
        TN_DECREF(key);
        TN_DECREF(value);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        TnObject *it = POP();
        int err = tn_vm_list_extend(PEEK(oparg), it);
        TN_DECREF(it);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        TnObject *it = POP();
        int err = tn_set_update(PEEK(oparg), it);
        TN_DECREF(it);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        TnObject *update = POP();
        int err = tn_vm_dict_merge(NULL, PEEK(oparg), update, 0);
        TN_DECREF(update);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        TnObject *update = POP();
        int err = tn_vm_dict_merge(PEEK(2 + oparg), PEEK(oparg), update, 1);
        TN_DECREF(update);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        TnObject *l = TOP(), *t = tn_list_as_tuple(l);
        TN_DECREF(l);
        SET_TOP(t);
        if (!t) goto error;
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        TnObject *seq = POP();
        if (tn_tuple_check_exact(seq) && TN_TUPLE_SIZE(seq) == oparg) {
            for (int i = oparg; --i >= 0;)
                PUSH(tn_newref(TN_TUPLE_GET(seq, i)));
        } else if (tn_list_check_exact(seq) && tn_list_size(seq) == oparg) {
            /* Re-check under the item read: another thread may shrink it. */
            TnObject *tmp[8], **items = oparg <= 8 ? tmp : NULL;
            if (items) {
                int ok = 1;
                for (int i = 0; i < oparg; i++) {
                    items[i] = tn_list_getitem(seq, i);
                    if (!items[i]) {
                        for (int j = 0; j < i; j++)
                            TN_DECREF(items[j]);
                        ok = 0;
                        break;
                    }
                }
                if (!ok) {
                    TN_DECREF(seq);
                    goto error;
                }
                for (int i = oparg; --i >= 0;)
                    PUSH(items[i]);
            } else if (tn_vm_unpack(seq, oparg, -1, sp + oparg) < 0) {
                TN_DECREF(seq);
                goto error;
            } else {
                sp += oparg;
            }
        } else if (tn_vm_unpack(seq, oparg, -1, sp + oparg) < 0) {
            TN_DECREF(seq);
            goto error;
        } else {
            sp += oparg;
        }
        TN_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int before = oparg & 0xFF, after = oparg >> 8;
        TnObject *seq = POP();
        int err = tn_vm_unpack(seq, before, after, sp + before + after + 1);
        TN_DECREF(seq);
        if (err < 0) goto error;
        sp += before + after + 1;
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        TnObject *spec = (oparg & TN_FVS_HAVE_SPEC) ? POP() : NULL;
        TnObject *v = TOP();
        TnObject *r = tn_vm_format_value(v, spec, oparg & 3);
        TN_DECREF(v);
        TN_XDECREF(spec);
        SET_TOP(r);
        if (!r) goto error;
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        TnObject *v = TOP(), *it = tn_vm_get_awaitable(v, oparg);
        TN_DECREF(v);
        SET_TOP(it);
        if (!it) goto error;
        DISPATCH();
    }

    TARGET(GET_AITER) {
        TnObject *v = TOP(), *it = tn_vm_get_aiter(v);
        TN_DECREF(v);
        SET_TOP(it);
        if (!it) goto error;
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        TnObject *aw = tn_vm_get_anext(TOP());
        if (!aw) goto error;
        PUSH(aw);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        TnObject *exc = POP();
        if (!tn_is_instance_fast(exc, &tn_exc_StopAsyncIteration)) {
            tn_err_restore(exc);
            goto exception_unwind;
        }
        TN_DECREF(exc);
        /* The loop is over: undo the handler as POP_EXCEPT would, then drop
         * the async iterator. */
        f->iblock--;
        TnObject *prev = POP();
        TnObject *old = ts->exc_info;
        ts->exc_info = prev == tn_None ? NULL : prev;
        if (prev == tn_None)
            TN_DECREF(prev);
        TN_XDECREF(old);
        TnObject *aiter = POP();
        TN_DECREF(aiter);
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        TnObject *mgr = TOP(), *exit = NULL;
        TnObject *res = tn_vm_before_async_with(mgr, &exit);
        if (!res) goto error;
        TN_DECREF(mgr);
        SET_TOP(exit);
        PUSH(res);
        DISPATCH();
    }

    TARGET(SETUP_ASYNC_WITH) {
        if (f->iblock >= TN_MAXBLOCKS) {
            tn_err_setstr(&tn_exc_SystemError, "XXX block stack overflow");
            goto error;
        }
        /* The awaited __aenter__ result on TOS is not part of the block:
         * an exception unwinds to [exit] as in SETUP_WITH. */
        TnBlock *b = &f->blocks[f->iblock++];
        b->type = TN_BLOCK_WITH;
        b->handler = oparg;
        b->level = STACK_LEVEL() - 1;
        DISPATCH();
    }

    TARGET(EXTENDED_ARG) {
        int prev = oparg;
        NEXTOPARG();
        oparg |= prev << 8;
        goto dispatch_opcode;
    }

    default:
        tn_err_format(&tn_exc_SystemError, "unknown opcode %d", opcode);
        goto error;
    } /* switch */

    /* Unreachable: every TARGET dispatches or jumps. */
    goto dispatch;

error:
    /* The exception passed through this frame: record where. */
    tn_traceback_here(f);
exception_unwind:
    while (f->iblock > 0) {
        TnBlock *b = &f->blocks[--f->iblock];
        if (b->type == TN_BLOCK_EXCEPT_HANDLER) {
            while (STACK_LEVEL() > b->level + 1) {
                TnObject *x = POP();
                TN_XDECREF(x);
            }
            TnObject *prev = POP();
            TnObject *old = ts->exc_info;
            ts->exc_info = prev == tn_None ? NULL : prev;
            if (prev == tn_None)
                TN_DECREF(prev);
            TN_XDECREF(old);
            continue;
        }
        while (STACK_LEVEL() > b->level) {
            TnObject *x = POP();
            TN_XDECREF(x);
        }
        TnObject *exc = tn_err_fetch();
        if (!exc) {
            tn_err_setstr(&tn_exc_SystemError, "error return without exception set");
            exc = tn_err_fetch();
        }
        int handler = b->handler;
        b = &f->blocks[f->iblock++];
        b->type = TN_BLOCK_EXCEPT_HANDLER;
        b->handler = -1;
        b->level = STACK_LEVEL();
        PUSH(ts->exc_info ? ts->exc_info : tn_newref(tn_None));
        ts->exc_info = tn_newref(exc);
        PUSH(exc);
        JUMPTO(handler);
        DISPATCH();
    }
    /* No handler: the exception leaves the frame. */
    while (STACK_LEVEL() > 0) {
        TnObject *x = POP();
        TN_XDECREF(x);
    }
exit_error_no_tb:
    retval = NULL;
exit_return:
    /* The compiler leaves no blocks or values behind at a return; be safe
     * anyway, since a leftover EXCEPT_HANDLER would leave exc_info wrong. */
    while (TN_UNLIKELY(f->iblock > 0)) {
        TnBlock *b = &f->blocks[--f->iblock];
        if (b->type != TN_BLOCK_EXCEPT_HANDLER)
            continue;
        while (STACK_LEVEL() > b->level + 1) {
            TnObject *x = POP();
            TN_XDECREF(x);
        }
        TnObject *prev = POP();
        TnObject *old = ts->exc_info;
        ts->exc_info = prev == tn_None ? NULL : prev;
        if (prev == tn_None)
            TN_DECREF(prev);
        TN_XDECREF(old);
    }
    while (TN_UNLIKELY(STACK_LEVEL() > 0)) {
        TnObject *x = POP();
        TN_XDECREF(x);
    }
    /* A finished generator frame keeps state RUNNING: gen.c sees that. */
    f->stacktop = 0;
exit_yield:
    ts->frame = f->back;
    if (f->owner != TN_FRAME_OWNED_BY_THREAD)
        f->back = NULL;
    ts->recursion_depth--;
    return retval;
}

TnObject *tn_eval_code(TnObject *code, TnObject *globals, TnObject *locals)
{
    TnThreadState *ts = tn_ts();
    TnCode *co = (TnCode *)code;
    if (!locals)
        locals = globals;
    if (co->co_nfree > 0)
        return tn_err_format(&tn_exc_TypeError,
                             "code object passed to exec() may not contain free variables");
    TnFrame *f = tn_frame_push(ts, co, NULL, globals, NULL, locals);
    if (!f)
        return NULL;
    TnObject *res = NULL;
    for (int i = 0; i < co->co_ncells; i++) {
        TnObject *cell = tn_cell_new(NULL);
        if (!cell)
            goto done;
        f->localsplus[co->co_nlocals + i] = cell;
    }
    res = tn_eval_frame(f);
done:
    tn_frame_pop(ts, f);
    return res;
}
