/* Compiler: code generation, stack depth, constants, line numbers,
 * SyntaxErrors from the symbol table and compiler, and the opcode table's
 * stack effects as the eval loop implements them. */
#include <stdio.h>
#include <string.h>
#include <criterion/criterion.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/compile.h"
#include "tandem/code.h"
#include "tandem/opcodes.h"

static void setup(void)
{
    static int done;
    if (!done) {
        cr_assert_eq(tn_runtime_init(0, NULL), 0);
        done = 1;
    }
}

TestSuite(compile, .init = setup);

static TnCode *comp(const char *src, int mode)
{
    TnObject *co = tn_compile(src, strlen(src), "<test>", mode);
    cr_assert_not_null(co, "compile failed: %s", src);
    return (TnCode *)co;
}

/* The first code object named `name` among co's constants (recursively). */
static TnCode *find_code(TnCode *co, const char *name)
{
    if (tn_str_eq_cstr(co->co_name, name))
        return co;
    for (tn_ssize_t i = 0; i < TN_TUPLE_SIZE(co->co_consts); i++) {
        TnObject *k = TN_TUPLE_GET(co->co_consts, i);
        if (tn_code_check(k)) {
            TnCode *r = find_code((TnCode *)k, name);
            if (r)
                return r;
        }
    }
    return NULL;
}

static int stacksize_of(const char *src, const char *fname)
{
    TnCode *co = comp(src, TN_COMPILE_EXEC);
    TnCode *f = find_code(co, fname);
    cr_assert_not_null(f);
    int n = f->co_stacksize;
    tn_decref((TnObject *)co);
    return n;
}

static int has_op(TnCode *co, int op)
{
    for (int i = 0; i < co->co_ncode; i++)
        if ((co->co_code[i] & 0xff) == op)
            return 1;
    return 0;
}

Test(compile, stack_depths)
{
    cr_assert_eq(stacksize_of("f = lambda x: x + 1\n", "<lambda>"), 2);
    cr_assert_eq(stacksize_of("def f(a, b, c):\n    return a < b < c\n", "f"), 3);
    cr_assert_eq(stacksize_of("def f():\n    return g(1, 2, 3)\n", "f"), 4);
    cr_assert_eq(stacksize_of("def f():\n    with a as b:\n        pass\n", "f"), 4);
    cr_assert_eq(stacksize_of("def f():\n    try:\n        pass\n    except E as e:\n        pass\n", "f"), 4);
    cr_assert_eq(stacksize_of("def f(x):\n    for i in x:\n        for j in i:\n            pass\n", "f"), 3);
    cr_assert_eq(stacksize_of("def f(x):\n    return [y for y in x]\n", "<listcomp>"), 3);
    cr_assert_eq(stacksize_of("def f(o):\n    o.m(1, k=2)\n", "f"), 5);
}

Test(compile, disassembly_format)
{
    TnCode *co = comp("lambda x: x + 1", TN_COMPILE_EVAL);
    TnCode *l = find_code(co, "<lambda>");
    cr_assert_not_null(l);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_eq(tn_dis_fprint((TnObject *)l, f), 0);
    fclose(f);
    cr_assert_str_eq(buf,
        "  1           0 LOAD_FAST                0 (x)\n"
        "              2 LOAD_CONST               1 (1)\n"
        "              4 BINARY_OP                0 (+)\n"
        "              6 RETURN_VALUE\n");
    free(buf);
    tn_decref((TnObject *)co);
}

Test(compile, constant_folding)
{
    TnCode *co = comp("-1", TN_COMPILE_EVAL);
    cr_assert(!has_op(co, TN_UNARY_NEGATIVE));
    cr_assert_eq(tn_int_as_i64(TN_TUPLE_GET(co->co_consts, 0)), -1);
    tn_decref((TnObject *)co);

    co = comp("(1, 2, (3, -4.5))", TN_COMPILE_EVAL);
    cr_assert(!has_op(co, TN_BUILD_TUPLE));
    cr_assert_eq(TN_TUPLE_SIZE(co->co_consts), 1);
    cr_assert(tn_tuple_check(TN_TUPLE_GET(co->co_consts, 0)));
    tn_decref((TnObject *)co);

    /* Arithmetic on constants folds, unless it would raise or explode. */
    co = comp("(2 ** 10, -2 ** 2, 'ab' + 'c')", TN_COMPILE_EVAL);
    cr_assert(!has_op(co, TN_BINARY_OP));
    tn_decref((TnObject *)co);
    co = comp("1 / 0", TN_COMPILE_EVAL);
    cr_assert(has_op(co, TN_BINARY_OP));
    cr_assert_null(tn_err_occurred());
    tn_decref((TnObject *)co);
    co = comp("2 ** 100000", TN_COMPILE_EVAL);
    cr_assert(has_op(co, TN_BINARY_OP));
    tn_decref((TnObject *)co);

    /* 0, 0.0, False and -0.0 are different constants; a repeated 0 is merged. */
    co = comp("a = 0\nb = 0.0\nc = False\nd = -0.0\ne = 0\n", TN_COMPILE_EXEC);
    cr_assert_eq(TN_TUPLE_SIZE(co->co_consts), 5);
    tn_decref((TnObject *)co);
}

Test(compile, docstrings_and_names)
{
    TnCode *co = comp("def f(a, *b, c, **d):\n    'doc'\n    x = 1\n    def g():\n        return x\n"
                      "def h():\n    yield 1\n", TN_COMPILE_EXEC);
    TnCode *f = find_code(co, "f"), *g = find_code(co, "g"), *h = find_code(co, "h");
    cr_assert(tn_str_eq_cstr(TN_TUPLE_GET(f->co_consts, 0), "doc"));
    cr_assert(tn_str_eq_cstr(f->co_docstring, "doc"));
    cr_assert_eq(TN_TUPLE_GET(h->co_consts, 0), tn_None);
    cr_assert_eq(f->co_argcount, 1);
    cr_assert_eq(f->co_kwonlyargcount, 1);
    const char *names[] = { "a", "c", "b", "d", "g" };
    cr_assert_eq(TN_TUPLE_SIZE(f->co_varnames), 5);
    for (int i = 0; i < 5; i++)
        cr_assert(tn_str_eq_cstr(TN_TUPLE_GET(f->co_varnames, i), names[i]));
    cr_assert(tn_str_eq_cstr(TN_TUPLE_GET(f->co_cellvars, 0), "x"));
    cr_assert(tn_str_eq_cstr(TN_TUPLE_GET(g->co_freevars, 0), "x"));
    cr_assert(tn_str_eq_cstr(g->co_qualname, "f.<locals>.g"));
    cr_assert(f->co_flags & TN_CO_VARARGS);
    cr_assert(f->co_flags & TN_CO_VARKEYWORDS);
    cr_assert(h->co_flags & TN_CO_GENERATOR);
    cr_assert(!(f->co_flags & TN_CO_GENERATOR));
    tn_decref((TnObject *)co);
}

Test(compile, class_cell_for_super)
{
    TnCode *co = comp("class C:\n    def m(self):\n        return super().m()\n", TN_COMPILE_EXEC);
    TnCode *c = find_code(co, "C"), *m = find_code(co, "m");
    cr_assert(tn_str_eq_cstr(TN_TUPLE_GET(c->co_cellvars, 0), "__class__"));
    cr_assert(tn_str_eq_cstr(TN_TUPLE_GET(m->co_freevars, 0), "__class__"));
    cr_assert(tn_str_eq_cstr(m->co_qualname, "C.m"));
    tn_decref((TnObject *)co);
}

/* A name bound both in a class and in the enclosing function: the class
 * body uses its own (STORE_NAME), the method sees the function's cell. */
Test(compile, class_passes_function_cell_through)
{
    TnCode *co = comp("def f():\n    y = 1\n    class K:\n        y = 2\n        def m(self):\n"
                      "            return y\n    return K\n", TN_COMPILE_EXEC);
    TnCode *f = find_code(co, "f"), *k = find_code(co, "K"), *m = find_code(co, "m");
    cr_assert(tn_str_eq_cstr(TN_TUPLE_GET(f->co_cellvars, 0), "y"));
    cr_assert(tn_str_eq_cstr(TN_TUPLE_GET(k->co_freevars, 0), "y"));
    cr_assert(tn_str_eq_cstr(TN_TUPLE_GET(m->co_freevars, 0), "y"));
    cr_assert(has_op(k, TN_STORE_NAME));
    cr_assert(has_op(m, TN_LOAD_DEREF));
    tn_decref((TnObject *)co);
}

Test(compile, dead_code_dropped)
{
    TnCode *co = comp("def f():\n    return 1\n    x = 2\n", TN_COMPILE_EXEC);
    TnCode *f = find_code(co, "f");
    cr_assert(!has_op(f, TN_STORE_FAST));
    cr_assert_eq(f->co_ncode, 2);    /* LOAD_CONST 1; RETURN_VALUE */
    tn_decref((TnObject *)co);
}

Test(compile, line_numbers)
{
    TnCode *co = comp("x = 1\n\ny = (2 +\n     z)\n", TN_COMPILE_EXEC);
    cr_assert_eq(co->co_lines[0], 1);       /* LOAD_CONST 1 */
    cr_assert_eq(co->co_lines[1], 1);       /* STORE_NAME x */
    cr_assert_eq(co->co_lines[2], 3);       /* LOAD_CONST 2 */
    cr_assert_eq(co->co_lines[3], 4);       /* LOAD_NAME z */
    tn_decref((TnObject *)co);
}

Test(compile, extended_arg_jumps)
{
    /* A body longer than 255 code units forces EXTENDED_ARG on the jump. */
    char src[20000] = "def f(x):\n    while x:\n";
    for (int i = 0; i < 200; i++)
        strcat(src, "        x = x - 1\n");
    TnCode *co = comp(src, TN_COMPILE_EXEC);
    TnCode *f = find_code(co, "f");
    cr_assert(has_op(f, TN_EXTENDED_ARG));
    tn_decref((TnObject *)co);
}

static void expect_syntax_error(const char *src, const char *msg, int lineno, int offset)
{
    TnObject *co = tn_compile(src, strlen(src), "<test>", TN_COMPILE_EXEC);
    cr_assert_null(co, "expected a SyntaxError for %s", src);
    cr_assert(tn_err_matches(&tn_exc_SyntaxError));
    TnObject *exc = tn_err_fetch();
    TnObject *m = tn_object_getattr_cstr(exc, "msg");
    TnObject *l = tn_object_getattr_cstr(exc, "lineno");
    TnObject *o = tn_object_getattr_cstr(exc, "offset");
    cr_assert(m && l && o);
    cr_assert(tn_str_eq_cstr(m, msg), "message %s for %s", tn_str_as_cstr(m), src);
    cr_assert_eq(tn_int_as_i64(l), lineno, "line for %s", src);
    cr_assert_eq(tn_int_as_i64(o), offset, "offset for %s", src);
    tn_decref(m);
    tn_decref(l);
    tn_decref(o);
    tn_decref(exc);
}

Test(compile, syntax_errors)
{
    expect_syntax_error("x = 1\nreturn x\n", "'return' outside function", 2, 1);
    expect_syntax_error("break\n", "'break' outside loop", 1, 1);
    expect_syntax_error("for i in x:\n    pass\ncontinue\n", "'continue' not properly in loop", 3, 1);
    expect_syntax_error("yield 1\n", "'yield' outside function", 1, 1);
    expect_syntax_error("def f():\n    x = 1\n    global x\n",
                        "name 'x' is assigned to before global declaration", 3, 5);
    expect_syntax_error("def f():\n    print(x)\n    global x\n",
                        "name 'x' is used prior to global declaration", 3, 5);
    expect_syntax_error("def f(a):\n    global a\n", "name 'a' is parameter and global", 2, 5);
    expect_syntax_error("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1);
    expect_syntax_error("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5);
    expect_syntax_error("def f(a, a):\n    pass\n", "duplicate argument 'a' in function definition", 1, 10);
    expect_syntax_error("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8);
    expect_syntax_error("a, *b, *c = x\n", "multiple starred expressions in assignment", 1, 1);
    expect_syntax_error("x = 1\nfrom __future__ import annotations\n",
                        "from __future__ imports must occur at the beginning of the file", 2, 1);
    expect_syntax_error("[i for i in x if (i := 1)]\n",
                        "assignment expression cannot rebind comprehension iteration variable 'i'", 1, 19);
}

Test(compile, nested_block_limit)
{
    char src[4096] = "";
    for (int i = 0; i < 21; i++) {
        for (int k = 0; k < i; k++)
            strcat(src, " ");
        strcat(src, "while x:\n");
    }
    for (int k = 0; k < 21; k++)
        strcat(src, " ");
    strcat(src, "pass\n");
    expect_syntax_error(src, "too many statically nested blocks", 21, 21);
}

/* The effects the eval loop (src/vm/ceval.c) implements, one sample each. */
Test(compile, stack_effects_match_eval)
{
    static const struct { int op, arg, jump, effect; } cases[] = {
        { TN_POP_TOP, 0, 0, -1 }, { TN_DUP_TOP_TWO, 0, 0, 2 }, { TN_BINARY_OP, 13, 0, -1 },
        { TN_STORE_SUBSCR, 0, 0, -3 }, { TN_FOR_ITER, 0, 0, 1 }, { TN_FOR_ITER, 0, 1, -1 },
        { TN_SETUP_FINALLY, 0, 0, 0 }, { TN_SETUP_FINALLY, 0, 1, 2 },
        { TN_SETUP_WITH, 0, 0, 1 }, { TN_SETUP_WITH, 0, 1, 2 }, { TN_POP_EXCEPT, 0, 0, -1 },
        { TN_WITH_EXCEPT_START, 0, 0, 1 }, { TN_JUMP_IF_NOT_EXC_MATCH, 0, 1, -2 },
        { TN_JUMP_IF_FALSE_OR_POP, 0, 1, 0 }, { TN_JUMP_IF_FALSE_OR_POP, 0, 0, -1 },
        { TN_CALL_METHOD, 2, 0, -3 }, { TN_CALL_METHOD_KW, 2, 0, -4 },
        { TN_CALL_FUNCTION_KW, 3, 0, -4 }, { TN_CALL_FUNCTION_EX, 1, 0, -2 },
        { TN_MAKE_FUNCTION, 0x0f, 0, -5 }, { TN_BUILD_MAP, 2, 0, -3 },
        { TN_BUILD_CONST_KEY_MAP, 2, 0, -2 }, { TN_BUILD_SLICE, 3, 0, -2 },
        { TN_UNPACK_SEQUENCE, 3, 0, 2 }, { TN_UNPACK_EX, 0x0102, 0, 3 },
        { TN_FORMAT_VALUE, 4, 0, -1 }, { TN_FORMAT_VALUE, 2, 0, 0 },
        { TN_RAISE_VARARGS, 2, 0, -2 }, { TN_IMPORT_NAME, 0, 0, -1 }, { TN_IMPORT_FROM, 0, 0, 1 },
        { TN_LOAD_METHOD, 0, 0, 1 }, { TN_YIELD_FROM, 0, 0, -1 }, { TN_MAP_ADD, 2, 0, -2 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_assert_eq(tn_opcode_stack_effect(cases[i].op, cases[i].arg, cases[i].jump), cases[i].effect,
                     "%s(%d)", tn_opcode_names[cases[i].op], cases[i].arg);
}

Test(compile, many_constructs_compile)
{
    static const char *const srcs[] = {
        "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    pass\n",
        "def f():\n    for i in x:\n        try:\n            with a, b as (c, d):\n                return i\n        finally:\n            break\n",
        "x = {**a, 'b': 1, **c}\ny = [*a, 1, *b]\nz = {*a, 2}\nw = f'{x!r:>{y}} {z}'\n",
        "import a.b.c as d\nfrom .m import (x as y, z)\nfrom n import *\n",
        "class C(B, metaclass=M):\n    x: int = 1\n    def f(self, *, k=2, **kw) -> int:\n        return super().f(k=k, **kw)\n",
        "def g():\n    x = yield\n    y = yield from h()\n    return {k: v for k, v in x if k} | {i for i in y} if 0 else 1\n",
    };
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        TnObject *co = tn_compile(srcs[i], strlen(srcs[i]), "<test>", TN_COMPILE_EXEC);
        cr_assert_not_null(co, "failed: %s", srcs[i]);
        tn_decref(co);
    }
}
