/* The VM: frame arena (bump allocation, LIFO release across chunks), the
 * eval loop on hand-assembled code objects (arithmetic, loops, calls,
 * exceptions, generators, closures), CPython 3.11's argument-binding
 * errors, recursion limits, and source-level behaviour through
 * tn_run_string (expected values from python3.11). */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/eval.h"
#include "tandem/frame.h"
#include "tandem/func.h"
#include "tandem/gen.h"
#include "tandem/import.h"
#include "tandem/module.h"
#include "tandem/opcodes.h"
#include "tandem/ast.h"

static void setup(void)
{
    static int done;
    if (!done) {
        char *argv[] = {"test_eval", NULL};
        cr_assert_eq(tn_runtime_init(1, argv), 0);
        done = 1;
    }
}

static char errbuf[512];
/* "Type: message" of the pending exception (cleared), or "". */
static const char *err_text(void)
{
    TnObject *exc = tn_err_fetch();
    errbuf[0] = '\0';
    if (exc) {
        TnObject *s = tn_object_str(exc);
        snprintf(errbuf, sizeof errbuf, "%s: %s", TN_TYPE(exc)->tp_name, s ? TN_STR_DATA(s) : "?");
        TN_XDECREF(s);
        tn_err_clear();
        TN_DECREF(exc);
    }
    return errbuf;
}

#define I(op, arg) (uint16_t)(TN_##op | ((arg) << 8))

static TnObject *S(const char *s) { return tn_str_intern_cstr(s); }
static TnObject *N(int64_t v) { return tn_int_from_i64(v); }
static TnObject *tup(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    TnObject *t = tn_tuple_new(n);
    for (int i = 0; i < n; i++)
        TN_TUPLE_SET(t, i, va_arg(ap, TnObject *));     /* steals */
    va_end(ap);
    return t;
}

/* A code object by hand (kept alive for the whole test run). */
static TnCode *mk(const char *name, const uint16_t *code, int n, int argc, int nlocals,
                  TnObject *varnames, TnObject *consts, TnObject *names, int stacksize, int flags)
{
    TnCode *co = (TnCode *)tn_object_alloc(&tn_code_type, sizeof(TnCode));
    co->co_code = tn_mem_alloc((size_t)n * 2);
    memcpy(co->co_code, code, (size_t)n * 2);
    co->co_ncode = n;
    co->co_lines = tn_mem_alloc((size_t)n * sizeof(int));
    for (int i = 0; i < n; i++)
        co->co_lines[i] = i + 1;
    co->co_argcount = argc;
    co->co_nlocals = nlocals;
    co->co_stacksize = stacksize;
    co->co_flags = flags | TN_CO_OPTIMIZED | TN_CO_NEWLOCALS;
    co->co_firstlineno = 1;
    co->co_consts = consts ? consts : tup(0);
    co->co_names = names ? names : tup(0);
    co->co_varnames = varnames ? varnames : tup(0);
    co->co_cellvars = tup(0);
    co->co_freevars = tup(0);
    co->co_name = S(name);
    co->co_qualname = S(name);
    co->co_filename = S("<test>");
    tn_incref((TnObject *)co);      /* never freed */
    return co;
}

static TnObject *globals(void)
{
    static TnObject *g;
    if (!g) {
        g = tn_dict_new();
        tn_dict_setitem(g, TN_ID(__name__), S("__main__"));
        tn_dict_setitem(g, TN_ID(__builtins__), tn_runtime.builtins);
    }
    return g;
}

static TnObject *mkfunc(TnCode *co)
{
    TnObject *f = tn_function_new((TnObject *)co, globals(), NULL);
    tn_dict_setitem(globals(), co->co_name, f);
    return f;
}

/* ---- frame arena ---------------------------------------------------------- */

Test(eval, arena_lifo, .init = setup)
{
    TnThreadState *ts = tn_ts();
    uint16_t c[] = { I(LOAD_CONST, 0), I(RETURN_VALUE, 0) };
    TnCode *co = mk("a", c, 2, 0, 3, tup(3, S("x"), S("y"), S("z")), tup(1, N(1)), NULL, 2, 0);
    char *top0 = ts->arena_top;
    TnFrame *f1 = tn_frame_push(ts, co, NULL, globals(), NULL, NULL);
    TnFrame *f2 = tn_frame_push(ts, co, NULL, globals(), NULL, NULL);
    cr_assert(f1 && f2);
    cr_assert_eq((char *)f2, (char *)f1 + tn_frame_size(co));
    cr_assert_null(f2->localsplus[0]);
    tn_frame_pop(ts, f2);
    cr_assert_eq(ts->arena_top, (char *)f2);
    tn_frame_pop(ts, f1);
    if (top0)
        cr_assert_eq(ts->arena_top, top0);
}

Test(eval, arena_crosses_chunks, .init = setup)
{
    TnThreadState *ts = tn_ts();
    uint16_t c[] = { I(LOAD_CONST, 0), I(RETURN_VALUE, 0) };
    TnCode *co = mk("big", c, 2, 0, 1000, NULL, tup(1, N(1)), NULL, 2, 0);
    TN_SETREF(co->co_varnames, tn_tuple_new(0));
    enum { N_FRAMES = 200 };           /* 200 * ~8 KiB > one 256 KiB chunk */
    TnFrame *frames[N_FRAMES];
    TnFrame *base = tn_frame_push(ts, co, NULL, globals(), NULL, NULL);   /* arena exists */
    void *chunk0 = ts->arena_chunk;
    char *top0 = ts->arena_top;
    for (int i = 0; i < N_FRAMES; i++) {
        frames[i] = tn_frame_push(ts, co, NULL, globals(), NULL, NULL);
        cr_assert(frames[i]);
        frames[i]->localsplus[999] = N(i);    /* touch the last slot */
    }
    cr_assert_neq(ts->arena_chunk, chunk0);
    for (int i = N_FRAMES - 1; i >= 0; i--)
        tn_frame_pop(ts, frames[i]);
    cr_assert_eq(ts->arena_chunk, chunk0);
    cr_assert_eq(ts->arena_top, top0);
    /* Again: the spare chunk is reused. */
    for (int i = 0; i < N_FRAMES; i++)
        frames[i] = tn_frame_push(ts, co, NULL, globals(), NULL, NULL);
    for (int i = N_FRAMES - 1; i >= 0; i--)
        tn_frame_pop(ts, frames[i]);
    cr_assert_eq(ts->arena_top, top0);
    tn_frame_pop(ts, base);
}

/* ---- the loop on hand-assembled code ------------------------------------------ */

Test(eval, while_loop_sum, .init = setup)
{
    /* s = 0; i = 0; while i < 100000: s += i; i += 1; return s */
    uint16_t c[] = { I(LOAD_CONST, 0), I(STORE_FAST, 0), I(LOAD_CONST, 0), I(STORE_FAST, 1),
        I(LOAD_FAST, 1), I(LOAD_CONST, 1), I(COMPARE_OP, TN_CMP_LT), I(POP_JUMP_IF_FALSE, 18),
        I(LOAD_FAST, 0), I(LOAD_FAST, 1), I(BINARY_OP, TN_OP_ADD + TN_BINOP_INPLACE), I(STORE_FAST, 0),
        I(LOAD_FAST, 1), I(LOAD_CONST, 2), I(BINARY_OP, TN_OP_ADD + TN_BINOP_INPLACE), I(STORE_FAST, 1),
        I(JUMP_ABSOLUTE, 4), I(NOP, 0), I(LOAD_FAST, 0), I(RETURN_VALUE, 0) };
    TnCode *co = mk("loop", c, 20, 0, 2, tup(2, S("s"), S("i")), tup(3, N(0), N(100000), N(1)), NULL, 4, 0);
    TnObject *r = tn_call(mkfunc(co), NULL, 0, NULL);
    cr_assert(r, "%s", err_text());
    cr_assert_eq(tn_int_as_i64(r), 4999950000LL);
    TN_DECREF(r);
}

static TnObject *fib_func(void)
{
    static TnObject *f;
    if (f)
        return f;
    uint16_t c[] = { I(LOAD_FAST, 0), I(LOAD_CONST, 0), I(COMPARE_OP, TN_CMP_LT), I(POP_JUMP_IF_FALSE, 6),
        I(LOAD_FAST, 0), I(RETURN_VALUE, 0), I(LOAD_GLOBAL, 0), I(LOAD_FAST, 0), I(LOAD_CONST, 1),
        I(BINARY_OP, TN_OP_SUB), I(CALL_FUNCTION, 1), I(LOAD_GLOBAL, 0), I(LOAD_FAST, 0), I(LOAD_CONST, 0),
        I(BINARY_OP, TN_OP_SUB), I(CALL_FUNCTION, 1), I(BINARY_OP, TN_OP_ADD), I(RETURN_VALUE, 0) };
    TnCode *co = mk("fib", c, 18, 1, 1, tup(1, S("n")), tup(2, N(2), N(1)), tup(1, S("fib")), 4, 0);
    f = mkfunc(co);
    return f;
}

Test(eval, recursive_calls, .init = setup)
{
    TnObject *arg = N(20);
    TnObject *r = tn_call(fib_func(), &arg, 1, NULL);
    cr_assert(r, "%s", err_text());
    cr_assert_eq(tn_int_as_i64(r), 6765);
    TN_DECREF(r);
    cr_assert_null(tn_ts()->frame);
}

Test(eval, argument_binding_errors, .init = setup)
{
    TnObject *f = fib_func(), *a[2] = { N(3), N(4) };
    cr_assert_null(tn_call(f, NULL, 0, NULL));
    cr_assert_str_eq(err_text(), "TypeError: fib() missing 1 required positional argument: 'n'");
    cr_assert_null(tn_call(f, a, 2, NULL));
    cr_assert_str_eq(err_text(), "TypeError: fib() takes 1 positional argument but 2 were given");
    TnObject *kwz = tup(1, tn_newref(S("z")));
    cr_assert_null(tn_call(f, a, 1, kwz));
    cr_assert_str_eq(err_text(), "TypeError: fib() got an unexpected keyword argument 'z'");
    TnObject *kwn = tup(1, tn_newref(S("n")));
    cr_assert_null(tn_call(f, a, 1, kwn));
    cr_assert_str_eq(err_text(), "TypeError: fib() got multiple values for argument 'n'");
    TnObject *r = tn_call(f, a, 0, kwn);
    cr_assert(r, "%s", err_text());
    cr_assert_eq(tn_int_as_i64(r), 2);

    /* def k(a, b, c, *, d, e): return None */
    uint16_t c[] = { I(LOAD_CONST, 0), I(RETURN_VALUE, 0) };
    TnCode *co = mk("k", c, 2, 3, 5, tup(5, S("a"), S("b"), S("c"), S("d"), S("e")),
                    tup(1, tn_newref(tn_None)), NULL, 1, 0);
    co->co_kwonlyargcount = 2;
    TnObject *k = mkfunc(co);
    cr_assert_null(tn_call(k, NULL, 0, NULL));
    cr_assert_str_eq(err_text(), "TypeError: k() missing 3 required positional arguments: 'a', 'b', and 'c'");
    TnObject *three[5] = { N(1), N(2), N(3), N(4), N(5) };
    cr_assert_null(tn_call(k, three, 3, NULL));
    cr_assert_str_eq(err_text(), "TypeError: k() missing 2 required keyword-only arguments: 'd' and 'e'");
    TnObject *kwd = tup(1, tn_newref(S("d")));
    cr_assert_null(tn_call(k, three, 4, kwd));
    cr_assert_str_eq(err_text(), "TypeError: k() takes 3 positional arguments but 4 positional "
                                 "arguments (and 1 keyword-only argument) were given");
}

Test(eval, recursion_error_not_crash, .init = setup)
{
    uint16_t c[] = { I(LOAD_GLOBAL, 0), I(CALL_FUNCTION, 0), I(RETURN_VALUE, 0) };
    TnCode *co = mk("rec", c, 3, 0, 0, NULL, NULL, tup(1, S("rec")), 2, 0);
    TnObject *f = mkfunc(co);
    cr_assert_null(tn_call(f, NULL, 0, NULL));
    cr_assert_str_eq(err_text(), "RecursionError: maximum recursion depth exceeded");
    cr_assert_eq(tn_ts()->recursion_depth, 0);
    /* A huge limit: the C-stack guard must still turn it into RecursionError. */
    int saved = tn_ts()->recursion_limit;
    tn_ts()->recursion_limit = 10000000;
    cr_assert_null(tn_call(f, NULL, 0, NULL));
    cr_assert_str_eq(err_text(), "RecursionError: maximum recursion depth exceeded");
    tn_ts()->recursion_limit = saved;
}

Test(eval, except_and_reraise, .init = setup)
{
    /* try: return 1/0  except NAME: return 42 */
    uint16_t c[] = { I(SETUP_FINALLY, 6), I(LOAD_CONST, 1), I(LOAD_CONST, 0), I(BINARY_OP, TN_OP_DIV),
        I(POP_BLOCK, 0), I(RETURN_VALUE, 0), I(DUP_TOP, 0), I(LOAD_GLOBAL, 0),
        I(JUMP_IF_NOT_EXC_MATCH, 15), I(POP_TOP, 0), I(POP_EXCEPT, 0), I(LOAD_CONST, 2),
        I(RETURN_VALUE, 0), I(NOP, 0), I(NOP, 0), I(RERAISE, 0) };
    TnCode *co = mk("tryf", c, 16, 0, 0, NULL, tup(3, N(0), N(1), N(42)),
                    tup(1, S("ZeroDivisionError")), 4, 0);
    TnObject *r = tn_call(mkfunc(co), NULL, 0, NULL);
    cr_assert(r, "%s", err_text());
    cr_assert_eq(tn_int_as_i64(r), 42);
    cr_assert_null(tn_ts()->exc_info);
    TnCode *co2 = mk("tryg", c, 16, 0, 0, NULL, tup(3, N(0), N(1), N(42)), tup(1, S("ValueError")), 4, 0);
    cr_assert_null(tn_call(mkfunc(co2), NULL, 0, NULL));
    TnObject *exc = tn_err_occurred();
    cr_assert(exc && tn_is_instance_fast(exc, &tn_exc_ZeroDivisionError));
    cr_assert_null(tn_ts()->exc_info);
    err_text();
}

Test(eval, generator_protocol, .init = setup)
{
    /* def gen(): yield 1; x = yield 2; return x */
    uint16_t c[] = { I(LOAD_CONST, 0), I(YIELD_VALUE, 0), I(POP_TOP, 0), I(LOAD_CONST, 1),
        I(YIELD_VALUE, 0), I(STORE_FAST, 0), I(LOAD_FAST, 0), I(RETURN_VALUE, 0) };
    TnCode *co = mk("gen", c, 8, 0, 1, tup(1, S("x")), tup(2, N(1), N(2)), NULL, 2, TN_CO_GENERATOR);
    TnObject *f = mkfunc(co);
    TnObject *g = tn_call(f, NULL, 0, NULL), *r = NULL;
    cr_assert(g && tn_gen_check(g));
    r = tn_iter_next(g);
    cr_assert(r && tn_int_as_i64(r) == 1);
    cr_assert_eq(tn_gen_send_ex(g, tn_None, &r), TN_SEND_NEXT);
    cr_assert_eq(tn_int_as_i64(r), 2);
    TnObject *v = N(99);
    cr_assert_eq(tn_gen_send_ex(g, v, &r), TN_SEND_RETURN);
    cr_assert_eq(tn_int_as_i64(r), 99);
    cr_assert_null(tn_iter_next(g));
    cr_assert_null(tn_err_occurred());
    /* close() of a suspended generator; dealloc of another. */
    TnObject *g2 = tn_call(f, NULL, 0, NULL);
    TN_XDECREF(tn_iter_next(g2));
    cr_assert_eq(tn_gen_close(g2), 0);
    TN_DECREF(g2);
    TnObject *g3 = tn_call(f, NULL, 0, NULL);
    TN_XDECREF(tn_iter_next(g3));
    TN_DECREF(g3);
    cr_assert_null(tn_err_occurred());
    /* Sending a value into a just-started generator. */
    TnObject *g4 = tn_call(f, NULL, 0, NULL);
    cr_assert_eq(tn_gen_send_ex(g4, v, &r), TN_SEND_ERROR);
    cr_assert_str_eq(err_text(), "TypeError: can't send non-None value to a just-started generator");
    TN_DECREF(g4);
}

/* ---- source level (needs the parser and compiler) ------------------------------ */

/* Run `src` as a module; return str(ns[var]) or "Type: message". */
static const char *run(const char *src, const char *var)
{
    static char out[512];
    TnObject *m = tn_module_new("__main__");
    TnObject *d = tn_module_get_dict(m);
    TnObject *r = tn_run_string(src, "<test>", d, 0);
    if (!r) {
        snprintf(out, sizeof out, "%s", err_text());
    } else {
        TN_DECREF(r);
        TnObject *v = tn_dict_get_str_known(d, tn_str_intern_cstr(var));
        TnObject *s = v ? tn_object_str(v) : NULL;
        snprintf(out, sizeof out, "%s", s ? TN_STR_DATA(s) : "<unset>");
        TN_XDECREF(s);
        TN_XDECREF(v);
    }
    TN_DECREF(m);
    return out;
}

Test(eval_src, basics, .init = setup)
{
    cr_assert_str_eq(run("def f(a, b=2, *c, d=4, **e):\n    return a + b + len(c) + d + len(e)\n"
                         "r = f(1, 2, 3, 4, d=5, x=6)\n", "r"), "11");
    cr_assert_str_eq(run("def outer():\n    x = 1\n    def inner():\n        nonlocal x\n"
                         "        x += 1\n        return x\n    inner()\n    return inner()\nr = outer()\n", "r"), "3");
    cr_assert_str_eq(run("r = [x * y for x in range(3) for y in range(3) if x != y]\n", "r"),
                     "[0, 0, 0, 2, 0, 2]");
    cr_assert_str_eq(run("a, *b, c = range(5)\nr = (a, b, c)\n", "r"), "(0, [1, 2, 3], 4)");
}

Test(eval_src, exceptions, .init = setup)
{
    cr_assert_str_eq(run("try:\n    1/0\nexcept ZeroDivisionError as e:\n    r = str(e)\n", "r"),
                     "division by zero");
    cr_assert_str_eq(run("log = []\ndef f():\n    try:\n        return 1\n    finally:\n"
                         "        log.append('f')\nr = (f(), log)\n", "r"), "(1, ['f'])");
    cr_assert_str_eq(run("try:\n    try:\n        raise KeyError('k')\n    except KeyError:\n"
                         "        raise ValueError('v')\nexcept ValueError as e:\n"
                         "    r = repr(e.__context__)\n", "r"), "KeyError('k')");
    cr_assert_str_eq(run("try:\n    raise ValueError from KeyError()\nexcept ValueError as e:\n"
                         "    r = (type(e.__cause__).__name__, e.__suppress_context__)\n", "r"),
                     "('KeyError', True)");
    cr_assert_str_eq(run("raise\n", "r"), "RuntimeError: No active exception to reraise");
    cr_assert_str_eq(run("raise 1\n", "r"), "TypeError: exceptions must derive from BaseException");
    cr_assert_str_eq(run("try:\n    1/0\nexcept 1:\n    pass\n", "r"),
                     "TypeError: catching classes that do not inherit from BaseException is not allowed");
    cr_assert_str_eq(run("def f():\n    x\n    x = 1\nf()\n", "r"),
                     "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value");
    cr_assert_str_eq(run("undefined_name\n", "r"), "NameError: name 'undefined_name' is not defined");
    cr_assert_str_eq(run("import sys\ntry:\n    1/0\nexcept:\n    r = sys.exc_info()[0].__name__\n", "r"),
                     "ZeroDivisionError");
}

Test(eval_src, with_statement, .init = setup)
{
    cr_assert_str_eq(run("log = []\nclass CM:\n    def __enter__(self):\n        log.append('in')\n"
                         "        return 7\n    def __exit__(self, t, v, tb):\n"
                         "        log.append(t.__name__ if t else None)\n        return True\n"
                         "with CM() as x:\n    log.append(x)\n    1/0\nr = log\n", "r"),
                     "['in', 7, 'ZeroDivisionError']");
    cr_assert_str_eq(run("with 1:\n    pass\n", "r"),
                     "TypeError: 'int' object does not support the context manager protocol");
}

Test(eval_src, generators, .init = setup)
{
    cr_assert_str_eq(run("def g():\n    x = yield 1\n    yield x * 2\n"
                         "it = g()\nr = (next(it), it.send(5))\n", "r"), "(1, 10)");
    cr_assert_str_eq(run("def inner():\n    yield 1\n    yield 2\n    return 'done'\n"
                         "def outer():\n    v = yield from inner()\n    yield v\nr = list(outer())\n", "r"),
                     "[1, 2, 'done']");
    cr_assert_str_eq(run("def g():\n    yield 1\n    raise StopIteration\nr = list(g())\n", "r"),
                     "RuntimeError: generator raised StopIteration");
    cr_assert_str_eq(run("def g():\n    try:\n        yield 1\n    finally:\n        log.append('closed')\n"
                         "log = []\nit = g()\nnext(it)\nit.close()\nr = log\n", "r"), "['closed']");
    cr_assert_str_eq(run("def g():\n    try:\n        yield 1\n    except ValueError as e:\n"
                         "        yield str(e)\nit = g()\nnext(it)\nr = it.throw(ValueError('t'))\n", "r"), "t");
    cr_assert_str_eq(run("r = sum(x * x for x in range(4))\n", "r"), "14");
    cr_assert_str_eq(run("def g():\n    yield next(it)\nit = g()\nnext(it)\n", "r"),
                     "ValueError: generator already executing");
}

Test(eval_src, classes_and_super, .init = setup)
{
    cr_assert_str_eq(run("class A:\n    def f(self):\n        return 'A'\n"
                         "class B(A):\n    def f(self):\n        return 'B' + super().f()\n"
                         "r = B().f()\n", "r"), "BA");
    cr_assert_str_eq(run("class A:\n    def m(self, x):\n        pass\nA().m()\n", "r"),
                     "TypeError: A.m() missing 1 required positional argument: 'x'");
    cr_assert_str_eq(run("class A:\n    def m(self):\n        pass\nr = repr(A().m)[:22]\n", "r"),
                     "<bound method A.m of <");
}
