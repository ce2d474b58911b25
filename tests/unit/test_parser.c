/* Parser tests: ast.dump output, error messages and positions, checked
 * against CPython 3.11 (the tables below were produced by running the
 * same sources through python3.11's compile(); positions are 1-based
 * lines and 0-based byte columns, CPython's offset minus one), plus the
 * robustness guarantees (no crash, bounded depth) and the REPL helper.
 *
 * Builds against the files of src/parse alone: gcc ... -lcriterion.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tandem/ast.h"
#include "tandem/parse.h"

typedef struct {
    const char *src;
    const char *dump;
} DumpCase;

typedef struct {
    const char *src;
    const char *type;
    const char *msg;
    int lineno, col;
} ErrCase;

static const DumpCase dump_cases[] = {
    {"x = 1",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
    {"x = y = z = 0",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store()), Name(id='z', ctx=Store())], value=Constant(value=0))], type_ignores=[])"},
    {"a, *b = c",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])"},
    {"[a, [b, *c]] = d",
     "Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), List(elts=[Name(id='b', ctx=Store()), Starred(value=Name(id='c', ctx=Store()), ctx=Store())], ctx=Store())], ctx=Store())], value=Name(id='d', ctx=Load()))], type_ignores=[])"},
    {"x += 1",
     "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1))], type_ignores=[])"},
    {"x: int = 1",
     "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1)], type_ignores=[])"},
    {"(a): int",
     "Module(body=[AnnAssign(target=Name(id='a', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[])"},
    {"a.b[c] = d",
     "Module(body=[Assign(targets=[Subscript(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), slice=Name(id='c', ctx=Load()), ctx=Store())], value=Name(id='d', ctx=Load()))], type_ignores=[])"},
    {"del a, b.c, d[0]",
     "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Del()), Subscript(value=Name(id='d', ctx=Load()), slice=Constant(value=0), ctx=Del())])], type_ignores=[])"},
    {"del (a, b)",
     "Module(body=[Delete(targets=[Tuple(elts=[Name(id='a', ctx=Del()), Name(id='b', ctx=Del())], ctx=Del())])], type_ignores=[])"},
    {"print(*args, sep='', **kw)",
     "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Starred(value=Name(id='args', ctx=Load()), ctx=Load())], keywords=[keyword(arg='sep', value=Constant(value='')), keyword(value=Name(id='kw', ctx=Load()))]))], type_ignores=[])"},
    {"f(x for x in y)",
     "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])"},
    {"f(a)(b)[c].d",
     "Module(body=[Expr(value=Attribute(value=Subscript(value=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], keywords=[]), slice=Name(id='c', ctx=Load()), ctx=Load()), attr='d', ctx=Load()))], type_ignores=[])"},
    {"a[1:2, ::3]",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {"a[1:2:3]",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2), step=Constant(value=3)), ctx=Load()))], type_ignores=[])"},
    {"a[:]",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))], type_ignores=[])"},
    {"a[...]",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=Ellipsis), ctx=Load()))], type_ignores=[])"},
    {"a[*b]",
     "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])"},
    {"-x ** -y",
     "Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='x', ctx=Load()), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='y', ctx=Load())))))], type_ignores=[])"},
    {"not a == b",
     "Module(body=[Expr(value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops=[Eq()], comparators=[Name(id='b', ctx=Load())])))], type_ignores=[])"},
    {"a if b else c if d else e",
     "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load()))))], type_ignores=[])"},
    {"a < b <= c != d",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load())]))], type_ignores=[])"},
    {"a not in b is not c",
     "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotIn(), IsNot()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[])"},
    {"a or b and not c or d",
     "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And(), values=[Name(id='b', ctx=Load()), UnaryOp(op=Not(), operand=Name(id='c', ctx=Load()))]), Name(id='d', ctx=Load())]))], type_ignores=[])"},
    {"x @ y // z % w",
     "Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(left=Name(id='x', ctx=Load()), op=MatMult(), right=Name(id='y', ctx=Load())), op=FloorDiv(), right=Name(id='z', ctx=Load())), op=Mod(), right=Name(id='w', ctx=Load())))], type_ignores=[])"},
    {"~a + -b * +c",
     "Module(body=[Expr(value=BinOp(left=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load())), op=Add(), right=BinOp(left=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load())), op=Mult(), right=UnaryOp(op=UAdd(), operand=Name(id='c', ctx=Load())))))], type_ignores=[])"},
    {"lambda a, /, b=1, *c, d, e=2, **f: 0",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='f'), defaults=[Constant(value=1)]), body=Constant(value=0)))], type_ignores=[])"},
    {"lambda: (yield)",
     "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Yield()))], type_ignores=[])"},
    {"[x for x in y if x for z in x]",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load())], is_async=0), comprehension(target=Name(id='z', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])"},
    {"{k: v for k, v in d.items()}",
     "Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', ctx=Load()), attr='items', ctx=Load()), args=[], keywords=[]), ifs=[], is_async=0)]))], type_ignores=[])"},
    {"{x async for x in y}",
     "Module(body=[Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=1)]))], type_ignores=[])"},
    {"(x := 1)",
     "Module(body=[Expr(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)))], type_ignores=[])"},
    {"if (n := len(a)) > 10: pass",
     "Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[])), ops=[Gt()], comparators=[Constant(value=10)]), body=[Pass()], orelse=[])], type_ignores=[])"},
    {"f'{x!r:>{w}} and {y=}'",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value=' and y='), FormattedValue(value=Name(id='y', ctx=Load()), conversion=114)]))], type_ignores=[])"},
    {"f'{x = !s:{y}}'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]))]))], type_ignores=[])"},
    {"f'a{{b}}c'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a{b}c')]))], type_ignores=[])"},
    {"'a' 'b' f'{c}' 'd'",
     "Module(body=[Expr(value=JoinedStr(values=[Constant(value='ab'), FormattedValue(value=Name(id='c', ctx=Load()), conversion=-1), Constant(value='d')]))], type_ignores=[])"},
    {"b'\\x00\\xff' rb'\\n'",
     "Module(body=[Expr(value=Constant(value=b'\\x00\\xff\\\\n'))], type_ignores=[])"},
    {"\"\\N{GREEK SMALL LETTER ALPHA}\\u00e9\\U0001F600\"",
     "Module(body=[Expr(value=Constant(value='\316\261\303\251\360\237\230\200'))], type_ignores=[])"},
    {"0xFF + 0o17 + 0b101 + 1_000 + 1.5e3 + 2j + .5 + 5.",
     "Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=255), op=Add(), right=Constant(value=15)), op=Add(), right=Constant(value=5)), op=Add(), right=Constant(value=1000)), op=Add(), right=Constant(value=1500.0)), op=Add(), right=Constant(value=2j)), op=Add(), right=Constant(value=0.5)), op=Add(), right=Constant(value=5.0)))], type_ignores=[])"},
    {"123456789012345678901234567890",
     "Module(body=[Expr(value=Constant(value=123456789012345678901234567890))], type_ignores=[])"},
    {"import a.b.c as d, e",
     "Module(body=[Import(names=[alias(name='a.b.c', asname='d'), alias(name='e')])], type_ignores=[])"},
    {"from ..x import (a, b as c)",
     "Module(body=[ImportFrom(module='x', names=[alias(name='a'), alias(name='b', asname='c')], level=2)], type_ignores=[])"},
    {"from . import *",
     "Module(body=[ImportFrom(names=[alias(name='*')], level=1)], type_ignores=[])"},
    {"from .... import z",
     "Module(body=[ImportFrom(names=[alias(name='z')], level=4)], type_ignores=[])"},
    {"global a, b",
     "Module(body=[Global(names=['a', 'b'])], type_ignores=[])"},
    {"def f(a, /, b, *, c=1, **d) -> int:\n    return a",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[Constant(value=1)], kwarg=arg(arg='d'), defaults=[]), body=[Return(value=Name(id='a', ctx=Load()))], decorator_list=[], returns=Name(id='int', ctx=Load()))], type_ignores=[])"},
    {"async def f():\n    await x\n    async for a in b: pass\n    async with a as b, c: pass",
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Await(value=Name(id='x', ctx=Load()))), AsyncFor(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()])], decorator_list=[])], type_ignores=[])"},
    {"@d1\n@d2(x)\nclass C(B, metaclass=M):\n    x: int = 0",
     "Module(body=[ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load()))], body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=0), simple=1)], decorator_list=[Name(id='d1', ctx=Load()), Call(func=Name(id='d2', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])])], type_ignores=[])"},
    {"with (open(a) as f, open(b) as g):\n    pass",
     "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), optional_vars=Name(id='f', ctx=Store())), withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='b', ctx=Load())], keywords=[]), optional_vars=Name(id='g', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {"with (a, b):\n    pass",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])"},
    {"with (a, b) as c:\n    pass",
     "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[])"},
    {"try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nelse:\n    pass\nfinally:\n    pass",
     "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[])"},
    {"try:\n    pass\nfinally:\n    pass",
     "Module(body=[Try(body=[Pass()], handlers=[], orelse=[], finalbody=[Pass()])], type_ignores=[])"},
    {"while x:\n    break\nelse:\n    continue",
     "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Continue()])], type_ignores=[])"},
    {"for i, j in enumerate(x):\n    pass\nelse:\n    pass",
     "Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store()), Name(id='j', ctx=Store())], ctx=Store()), iter=Call(func=Name(id='enumerate', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]), body=[Pass()], orelse=[Pass()])], type_ignores=[])"},
    {"if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
     "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[Pass()])])], type_ignores=[])"},
    {"raise X from Y",
     "Module(body=[Raise(exc=Name(id='X', ctx=Load()), cause=Name(id='Y', ctx=Load()))], type_ignores=[])"},
    {"assert x, 'msg'",
     "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg'))], type_ignores=[])"},
    {"def g():\n    x = yield\n    y = yield from z",
     "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield()), Assign(targets=[Name(id='y', ctx=Store())], value=YieldFrom(value=Name(id='z', ctx=Load())))], decorator_list=[])], type_ignores=[])"},
    {"x = *a, *b",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[])"},
    {"match = 1",
     "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1))], type_ignores=[])"},
    {"case(x)",
     "Module(body=[Expr(value=Call(func=Name(id='case', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]))], type_ignores=[])"},
    {"_ = match[case]",
     "Module(body=[Assign(targets=[Name(id='_', ctx=Store())], value=Subscript(value=Name(id='match', ctx=Load()), slice=Name(id='case', ctx=Load()), ctx=Load()))], type_ignores=[])"},
};

static const ErrCase error_cases[] = {
    {"x = \"abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 4},
    {"\"\"\"abc\n\nx", "SyntaxError", "unterminated triple-quoted string literal (detected at line 3)", 1, 0},
    {"x = 1 = 2", "SyntaxError", "cannot assign to literal", 1, 4},
    {"1 = x", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 0},
    {"f() = 1", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0},
    {"x = f() = 3", "SyntaxError", "cannot assign to function call", 1, 4},
    {"a + 1 = 2", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 0},
    {"(a, 1) = x", "SyntaxError", "cannot assign to literal", 1, 4},
    {"if x = 1: pass", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3},
    {"f(a.b=1)", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 2},
    {"f(a=1, b)", "SyntaxError", "positional argument follows keyword argument", 1, 8},
    {"\"\\x4\"", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 5},
    {"b\"\\x4\"", "SyntaxError", "(value error) invalid \\x escape at position 0", 1, 6},
    {"1__0", "SyntaxError", "invalid decimal literal", 1, 1},
    {"0777", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 0},
    {"1e", "SyntaxError", "invalid decimal literal", 1, 0},
    {"0x", "SyntaxError", "invalid hexadecimal literal", 1, 1},
    {"0b2", "SyntaxError", "invalid digit '2' in binary literal", 1, 2},
    {"0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 2},
    {"1_", "SyntaxError", "invalid decimal literal", 1, 1},
    {"12abc", "SyntaxError", "invalid decimal literal", 1, 1},
    {"(", "SyntaxError", "'(' was never closed", 1, 0},
    {")", "SyntaxError", "unmatched ')'", 1, 0},
    {"(]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 1},
    {"[\n\n)", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '[' on line 1", 3, 0},
    {"x = (1,\n 2", "SyntaxError", "'(' was never closed", 1, 4},
    {"print 'x'", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0},
    {"a b", "SyntaxError", "invalid syntax", 1, 2},
    {"[a b]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 1},
    {"f(a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2},
    {"a = 1\n  b = 2", "IndentationError", "unexpected indent", 2, 1},
    {"if x:\npass", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 0},
    {"if x:\n  a\n b", "IndentationError", "unindent does not match any outer indentation level", 3, 2},
    {"if x\n  pass", "SyntaxError", "expected ':'", 1, 4},
    {"del f()", "SyntaxError", "cannot delete function call", 1, 4},
    {"for 1 in x: pass", "SyntaxError", "cannot assign to literal", 1, 4},
    {"with a as 1: pass", "SyntaxError", "cannot assign to literal", 1, 10},
    {"def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 11},
    {"f(**a, *b)", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 7},
    {"f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized", 1, 2},
    {"[*x for x in y]", "SyntaxError", "iterable unpacking cannot be used in comprehension", 1, 1},
    {"a, b += 1", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 0},
    {"$", "SyntaxError", "invalid syntax", 1, 0},
    {"a\\xa0b", "SyntaxError", "unexpected character after line continuation character", 1, 2},
    {"a, f() = 1, 2", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 3},
    {"x = 1, f() = 2", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 0},
    {"for x < y in z: pass", "SyntaxError", "invalid syntax", 1, 6},
    {"for f() in y: pass", "SyntaxError", "cannot assign to function call", 1, 4},
    {"[x for 1 in y]", "SyntaxError", "cannot assign to literal", 1, 7},
    {"x = 1 if y", "SyntaxError", "expected 'else' after 'if' expression", 1, 4},
    {"[a, b c]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 4},
    {"[x if y else z w]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 13},
    {"f(a, b for b in c)", "SyntaxError", "Generator expression must be parenthesized", 1, 5},
    {"f(a for a in b, c)", "SyntaxError", "Generator expression must be parenthesized", 1, 2},
    {"f(**k, a)", "SyntaxError", "positional argument follows keyword argument unpacking", 1, 8},
    {"f(True=1)", "SyntaxError", "cannot assign to True", 1, 2},
    {"x = yield = 1", "SyntaxError", "assignment to yield expression not possible", 1, 4},
    {"(*a) = 1", "SyntaxError", "cannot use starred expression here", 1, 1},
    {"print((*a))", "SyntaxError", "cannot use starred expression here", 1, 7},
    {"a, b: int", "SyntaxError", "only single target (not tuple) can be annotated", 1, 0},
    {"(a, b): int", "SyntaxError", "only single target (not tuple) can be annotated", 1, 0},
    {"[a]: int", "SyntaxError", "only single target (not list) can be annotated", 1, 0},
    {"a + 1: int", "SyntaxError", "illegal target for annotation", 1, 0},
    {"def f(*): pass", "SyntaxError", "named arguments must follow bare *", 1, 6},
    {"def f(**k, a): pass", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 11},
    {"def f(a, /, b, /): pass", "SyntaxError", "/ may appear only once", 1, 15},
    {"lambda x=1, y: 0", "SyntaxError", "non-default argument follows default argument", 1, 12},
    {"def f(a=1, /, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 14},
    {"import a.b as c.d", "SyntaxError", "invalid syntax", 1, 15},
    {"from . import *, a", "SyntaxError", "invalid syntax", 1, 15},
    {"from x import a,", "SyntaxError", "trailing comma not allowed without surrounding parentheses", 1, 16},
    {"with a as b, : pass", "SyntaxError", "invalid syntax", 1, 13},
    {"try:\n  pass\n", "SyntaxError", "expected 'except' or 'finally' block", 2, 6},
    {"try:\n  pass\nx = 1", "SyntaxError", "expected 'except' or 'finally' block", 3, 0},
    {"else: pass", "SyntaxError", "invalid syntax", 1, 0},
    {"if x:\n  pass\nelse:\n  pass\nelif y: pass", "SyntaxError", "invalid syntax", 5, 0},
    {"class C x: pass", "SyntaxError", "invalid syntax", 1, 8},
    {"def f: pass", "SyntaxError", "expected '('", 1, 5},
    {"def f() pass", "SyntaxError", "expected ':'", 1, 8},
    {"while x\n  pass", "SyntaxError", "expected ':'", 1, 7},
    {"for x in y\n  pass", "SyntaxError", "expected ':'", 1, 10},
    {"with x\n  pass", "SyntaxError", "expected ':'", 1, 6},
    {"class C\n  pass", "SyntaxError", "expected ':'", 1, 7},
    {"def f()\n  pass", "SyntaxError", "expected ':'", 1, 7},
    {"try\n  pass", "SyntaxError", "expected ':'", 1, 3},
    {"for x in y z: pass", "SyntaxError", "invalid syntax", 1, 11},
    {"x := 1", "SyntaxError", "invalid syntax", 1, 2},
    {"del a b", "SyntaxError", "invalid syntax", 1, 6},
    {"del *a", "SyntaxError", "cannot delete starred", 1, 4},
    {"del a + 1", "SyntaxError", "cannot delete expression", 1, 4},
    {"del (a, b + 1)", "SyntaxError", "cannot delete expression", 1, 8},
    {"x = ", "SyntaxError", "invalid syntax", 1, 4},
    {"x = (", "SyntaxError", "'(' was never closed", 1, 4},
    {"x = [1, 2", "SyntaxError", "'[' was never closed", 1, 4},
    {"x = {1: 2", "SyntaxError", "'{' was never closed", 1, 4},
    {"f(", "SyntaxError", "'(' was never closed", 1, 1},
    {"if x:", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 5},
    {"if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 5},
    {"def f():\n", "IndentationError", "expected an indented block after function definition on line 1", 1, 8},
    {"class C:\n", "IndentationError", "expected an indented block after class definition on line 1", 1, 8},
    {"while x:\n", "IndentationError", "expected an indented block after 'while' statement on line 1", 1, 8},
    {"for x in y:\n", "IndentationError", "expected an indented block after 'for' statement on line 1", 1, 11},
    {"try:\n", "IndentationError", "expected an indented block after 'try' statement on line 1", 1, 4},
    {"with x:\n", "IndentationError", "expected an indented block after 'with' statement on line 1", 1, 7},
    {"if x:\n  pass\nelse:\n", "IndentationError", "expected an indented block after 'else' statement on line 3", 3, 5},
    {"x = 1 +", "SyntaxError", "invalid syntax", 1, 7},
    {"x = 1 +\n", "SyntaxError", "invalid syntax", 1, 7},
    {"  x = 1", "IndentationError", "unexpected indent", 1, 1},
    {"\tx = 1", "IndentationError", "unexpected indent", 1, 0},
    {"if x:\n\tpass\n        pass", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 0},
    {"if x:\n        pass\n\tpass", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 0},
    {"x = \\", "SyntaxError", "unexpected EOF while parsing", 1, 5},
    {"x = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 7},
    {"x = 1 \\ y", "SyntaxError", "unexpected character after line continuation character", 1, 7},
    {"x = '''abc", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 4},
    {"x = f\"{}\"", "SyntaxError", "f-string: empty expression not allowed", 1, 9},
    {"x = f\"{\"", "SyntaxError", "f-string: expecting '}'", 1, 8},
    {"x = f\"}\"", "SyntaxError", "f-string: single '}' is not allowed", 1, 8},
    {"x = f\"{x!z}\"", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 12},
    {"x = f\"{x:{y:{z}}}\"", "SyntaxError", "f-string: expressions nested too deeply", 1, 18},
    {"x = f\"{a b}\"", "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 1},
    {"x = f\"{a!}\"", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 11},
    {"x = f\"{!r}\"", "SyntaxError", "f-string: expression required before '!'", 1, 11},
    {"x = f\"{\\n}\"", "SyntaxError", "f-string expression part cannot include a backslash", 1, 11},
    {"x = f\"{#}\"", "SyntaxError", "f-string expression part cannot include '#'", 1, 10},
    {"x = f\"{)}\"", "SyntaxError", "f-string: unmatched ')'", 1, 10},
    {"x = f\"{(}\"", "SyntaxError", "f-string: closing parenthesis '}' does not match opening parenthesis '('", 1, 10},
    {"x = f\"{x)}\"", "SyntaxError", "f-string: unmatched ')'", 1, 11},
    {"x = f\"{'a}\"", "SyntaxError", "f-string: unterminated string", 1, 11},
    {"x = b\"a\" \"b\"", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 12},
    {"x = \"a\" b\"b\"", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 12},
    {"x = b\"\303\251\"", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 4},
    {"x = \"\\u12\"", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape", 1, 10},
    {"x = \"\\U00110000\"", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character", 1, 16},
    {"x = 1 2", "SyntaxError", "invalid syntax", 1, 6},
    {"f(*)", "SyntaxError", "invalid syntax", 1, 3},
    {"f(**)", "SyntaxError", "invalid syntax", 1, 4},
    {"f(a=)", "SyntaxError", "invalid syntax", 1, 4},
    {"f(=1)", "SyntaxError", "invalid syntax", 1, 2},
    {"def f(a=): pass", "SyntaxError", "expected default value expression", 1, 7},
    {"def f(*, **k): pass", "SyntaxError", "named arguments must follow bare *", 1, 6},
    {"def f(*a=1): pass", "SyntaxError", "var-positional argument cannot have default value", 1, 8},
    {"def f(**k=1): pass", "SyntaxError", "var-keyword argument cannot have default value", 1, 9},
    {"def f(a, *, b, *c): pass", "SyntaxError", "* argument may appear only once", 1, 15},
    {"def f(/): pass", "SyntaxError", "invalid syntax", 1, 6},
    {"def f(*a, /): pass", "SyntaxError", "/ must be ahead of *", 1, 10},
    {"lambda *: 0", "SyntaxError", "named arguments must follow bare *", 1, 8},
    {"lambda **k, a: 0", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12},
    {"class C(x for x in y): pass", "SyntaxError", "invalid syntax", 1, 10},
    {"@f x\ndef g(): pass", "SyntaxError", "invalid syntax", 1, 3},
    {"@f\nx = 1", "SyntaxError", "invalid syntax", 2, 0},
    {"async x", "SyntaxError", "invalid syntax", 1, 6},
    {"await", "SyntaxError", "invalid syntax", 1, 5},
    {"not", "SyntaxError", "invalid syntax", 1, 3},
    {"x = not", "SyntaxError", "invalid syntax", 1, 7},
    {"x = a if b else", "SyntaxError", "invalid syntax", 1, 15},
    {"x = lambda", "SyntaxError", "invalid syntax", 1, 10},
    {"x = lambda x", "SyntaxError", "invalid syntax", 1, 12},
    {"x = lambda: ", "SyntaxError", "invalid syntax", 1, 12},
    {"x = a.", "SyntaxError", "invalid syntax", 1, 6},
    {"x = a[", "SyntaxError", "'[' was never closed", 1, 5},
    {"x = a[]", "SyntaxError", "invalid syntax", 1, 6},
    {"x = a[1:2:3:4]", "SyntaxError", "invalid syntax", 1, 11},
    {"x = {**a: 1}", "SyntaxError", "invalid syntax", 1, 8},
    {"x = {1: *a}", "SyntaxError", "cannot use a starred expression in a dictionary value", 1, 8},
    {"x = {1:}", "SyntaxError", "expression expected after dictionary key and ':'", 1, 6},
    {"x = {1: 2, 3}", "SyntaxError", "':' expected after dictionary key", 1, 11},
    {"x = {1, 2: 3}", "SyntaxError", "invalid syntax", 1, 9},
    {"x = [**a]", "SyntaxError", "invalid syntax", 1, 5},
    {"x = (**a)", "SyntaxError", "cannot use double starred expression here", 1, 5},
    {"x = [**a for a in b]", "SyntaxError", "invalid syntax", 1, 5},
    {"x = {**a for a in b}", "SyntaxError", "dict unpacking cannot be used in dict comprehension", 1, 5},
    {"x = [a, b for a in c]", "SyntaxError", "did you forget parentheses around the comprehension target?", 1, 5},
    {"x = [a, for a in c]", "SyntaxError", "did you forget parentheses around the comprehension target?", 1, 5},
    {"x = (a, b for a in c)", "SyntaxError", "invalid syntax", 1, 10},
    {"a b c", "SyntaxError", "invalid syntax", 1, 2},
    {"a.b c", "SyntaxError", "invalid syntax", 1, 4},
    {"1 2", "SyntaxError", "invalid syntax", 1, 2},
    {"\"a\" \"b\" c", "SyntaxError", "invalid syntax", 1, 8},
    {"x = 1 if 2", "SyntaxError", "expected 'else' after 'if' expression", 1, 4},
    {"x = 1 if 2 else", "SyntaxError", "invalid syntax", 1, 15},
    {"raise from x", "SyntaxError", "invalid syntax", 1, 6},
    {"raise x from", "SyntaxError", "invalid syntax", 1, 12},
    {"assert", "SyntaxError", "invalid syntax", 1, 6},
    {"assert x,", "SyntaxError", "invalid syntax", 1, 9},
    {"global", "SyntaxError", "invalid syntax", 1, 6},
    {"global x,", "SyntaxError", "invalid syntax", 1, 9},
    {"nonlocal 1", "SyntaxError", "invalid syntax", 1, 9},
    {"import", "SyntaxError", "invalid syntax", 1, 6},
    {"import a.", "SyntaxError", "invalid syntax", 1, 9},
    {"from import a", "SyntaxError", "invalid syntax", 1, 5},
    {"from a import", "SyntaxError", "invalid syntax", 1, 13},
    {"from a import (b", "SyntaxError", "'(' was never closed", 1, 14},
    {"from a import b as", "SyntaxError", "invalid syntax", 1, 18},
    {"pass pass", "SyntaxError", "invalid syntax", 1, 5},
    {"break 1", "SyntaxError", "invalid syntax", 1, 6},
    {"x = [1,, 2]", "SyntaxError", "invalid syntax", 1, 7},
    {"x = (1,, 2)", "SyntaxError", "invalid syntax", 1, 7},
    {"f(1,, 2)", "SyntaxError", "invalid syntax", 1, 4},
    {"x = 1,,", "SyntaxError", "invalid syntax", 1, 6},
    {"x = ,", "SyntaxError", "invalid syntax", 1, 4},
    {",", "SyntaxError", "invalid syntax", 1, 0},
    {"x.1", "SyntaxError", "invalid syntax", 1, 1},
    {"x = 1.e", "SyntaxError", "invalid decimal literal", 1, 5},
    {"x = 1e+", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 0b", "SyntaxError", "invalid binary literal", 1, 5},
    {"x = 0o", "SyntaxError", "invalid octal literal", 1, 5},
    {"x = 1j2", "SyntaxError", "invalid imaginary literal", 1, 5},
    {"x = 1.2.3", "SyntaxError", "invalid syntax", 1, 7},
    {"x = 09", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 4},
    {"x = 1__2", "SyntaxError", "invalid decimal literal", 1, 5},
    {"x = 0x1_", "SyntaxError", "invalid hexadecimal literal", 1, 7},
    {"x = <>", "SyntaxError", "invalid syntax", 1, 4},
    {"x = 1 <> 2", "SyntaxError", "invalid syntax", 1, 6},
    {"x = a ! b", "SyntaxError", "invalid syntax", 1, 6},
    {"x = a ? b", "SyntaxError", "invalid syntax", 1, 6},
    {"x = `a`", "SyntaxError", "invalid syntax", 1, 4},
    {"if x:\n    pass\n  pass", "IndentationError", "unindent does not match any outer indentation level", 3, 6},
    {"for x in range(10):\n    pass\nelse\n    pass", "SyntaxError", "expected ':'", 3, 4},
    {"while 1:\n  pass\nelse: pass\nelse: pass", "SyntaxError", "invalid syntax", 4, 0},
    {"def f(x):\n    return\n  x", "IndentationError", "unindent does not match any outer indentation level", 3, 3},
    {"class C:\n    def f(self):\n        pass\n   x = 1", "IndentationError", "unindent does not match any outer indentation level", 4, 8},
    {"x = (1 +\n  2 +\n  3", "SyntaxError", "'(' was never closed", 1, 4},
    {"x = [\n1,\n2\n", "SyntaxError", "'[' was never closed", 1, 4},
    {"def f(a b): pass", "SyntaxError", "invalid syntax", 1, 8},
    {"def f(a, (b, c)): pass", "SyntaxError", "Function parameters cannot be parenthesized", 1, 9},
    {"f(a, *b, c=1, **d, e)", "SyntaxError", "positional argument follows keyword argument unpacking", 1, 20},
    {"f(a, *b, c=1, **d, *e)", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 19},
    {"f(a=1, a)", "SyntaxError", "positional argument follows keyword argument", 1, 8},
    {"f(*a, b=1, c)", "SyntaxError", "positional argument follows keyword argument", 1, 12},
    {"x = a if b", "SyntaxError", "expected 'else' after 'if' expression", 1, 4},
    {"with (a as 1): pass", "SyntaxError", "cannot assign to literal", 1, 11},
    {"with (a b): pass", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6},
    {"x[a:=1:2]", "SyntaxError", "invalid syntax", 1, 6},
    {"try:\n  pass\nexcept A, B:\n  pass", "SyntaxError", "multiple exception types must be parenthesized", 3, 7},
    {"try:\n  pass\nexcept A, B as e:\n  pass", "SyntaxError", "multiple exception types must be parenthesized", 3, 7},
    {"try:\n  pass\nexcept A as e.x:\n  pass", "SyntaxError", "invalid syntax", 3, 13},
    {"try:\n  pass\nexcept A\n  pass", "SyntaxError", "expected ':'", 3, 8},
    {"try:\n  pass\nexcept\n  pass", "SyntaxError", "expected ':'", 3, 6},
    {"try:\n  pass\nfinally\n  pass", "SyntaxError", "expected ':'", 3, 7},
    {"try:\n  pass\nelse:\n  pass", "SyntaxError", "expected 'except' or 'finally' block", 3, 0},
    {"x = f'{lambda x: 1}'", "SyntaxError", "f-string: invalid syntax", 1, 9},
    {"x = f'{*a}'", "SyntaxError", "f-string: cannot use starred expression here", 1, 1},
    {"x = f'{a!r=}'", "SyntaxError", "f-string: expecting '}'", 1, 13},
    {"x = f'{a}}'", "SyntaxError", "f-string: single '}' is not allowed", 1, 11},
    {"x = f'{{a}'", "SyntaxError", "f-string: single '}' is not allowed", 1, 11},
    {"x = f' {'", "SyntaxError", "f-string: expecting '}'", 1, 9},
    {"x = f'{a:{'", "SyntaxError", "f-string: expecting '}'", 1, 11},
    {"x = f'{a:{b}'", "SyntaxError", "f-string: expecting '}'", 1, 13},
    {"x = fr'{a}\\'", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 4},
    {"if x:\n\tpass\n    pass", "IndentationError", "unindent does not match any outer indentation level", 3, 8},
    {"if x:\n    pass\n\tpass", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 0},
    {"if x:\n\t  pass\n  \t  pass", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 0},
    {"if x:\n    a\n  b", "IndentationError", "unindent does not match any outer indentation level", 3, 3},
    {"class A:\n  def f(self):\n      pass\n    x", "IndentationError", "unindent does not match any outer indentation level", 4, 5},
    {"x = [1,\n]\n  y = 2", "IndentationError", "unexpected indent", 3, 1},
    {"a\342\202\254b = 1", "SyntaxError", "invalid character '\342\202\254' (U+20AC)", 1, 1},
    {"\342\202\254 = 1", "SyntaxError", "invalid character '\342\202\254' (U+20AC)", 1, 0},
    {"x = 1 \342\202\254", "SyntaxError", "invalid character '\342\202\254' (U+20AC)", 1, 6},
    {"x\\u200b = 1", "SyntaxError", "unexpected character after line continuation character", 1, 2},
    {"x = 'abc\\", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 4},
    {"x = b\"\\\303\251\"", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 4},
    {"x = \"\\x\"", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape", 1, 8},
    {"x = \"\\xg0\"", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape", 1, 10},
    {"x = \"abc\\x4g\"", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 3-5: truncated \\xXX escape", 1, 13},
    {"x = \"\303\251\\x4\"", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape", 1, 11},
    {"x = b\"\\x\"", "SyntaxError", "(value error) invalid \\x escape at position 0", 1, 9},
    {"x = b\"\\xg\"", "SyntaxError", "(value error) invalid \\x escape at position 0", 1, 10},
    {"x = f\"{x!r}\" b\"a\"", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 17},
    {"x = b\"a\" f\"{x}\"", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 15},
    {"x = ub\"a\"", "SyntaxError", "invalid syntax", 1, 6},
    {"x = bu\"a\"", "SyntaxError", "invalid syntax", 1, 6},
    {"x = rr\"a\"", "SyntaxError", "invalid syntax", 1, 6},
    {"x = ff\"a\"", "SyntaxError", "invalid syntax", 1, 6},
    {"x = 0_7", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 4},
    {"x = 1.__class__", "SyntaxError", "invalid decimal literal", 1, 5},
    {"else: pass", "SyntaxError", "invalid syntax", 1, 0},
    {"elif y: pass", "SyntaxError", "invalid syntax", 1, 0},
    {"else: pass", "SyntaxError", "invalid syntax", 1, 0},
    {"try: pass", "SyntaxError", "expected 'except' or 'finally' block", 1, 9},
    {"finally: pass", "SyntaxError", "invalid syntax", 1, 0},
    {"x = 1;;", "SyntaxError", "invalid syntax", 1, 6},
    {";", "SyntaxError", "invalid syntax", 1, 0},
};

/* ---- helpers ---------------------------------------------------------------------- */

static char *dump_of(const char *src, int mode, int attrs, TnSyntaxErrorInfo *err)
{
    TnArena *a = tn_arena_new();
    TnSyntaxErrorInfo e;
    memset(&e, 0, sizeof e);
    TnModuleAst *m = tn_parse(a, src, strlen(src), "t.py", mode, &e);
    char *d = m ? tn_ast_dump_ex(m, attrs) : NULL;
    if (err)
        *err = e;
    tn_arena_free(a);
    return d;
}

static int parse_error(const char *src, size_t len, int mode, TnSyntaxErrorInfo *err)
{
    TnArena *a = tn_arena_new();
    memset(err, 0, sizeof *err);
    TnModuleAst *m = tn_parse(a, src, len, "t.py", mode, err);
    tn_arena_free(a);
    return m == NULL;
}

static void expect_error(const char *src, const char *type, const char *msg, int lineno, int col)
{
    TnSyntaxErrorInfo e;
    int failed = parse_error(src, strlen(src), 0, &e);
    cr_expect(failed, "expected a %s for %s", type, src);
    if (!failed)
        return;
    cr_expect_str_eq(e.type, type, "type for %s", src);
    cr_expect_str_eq(e.msg, msg, "message for %s", src);
    cr_expect_eq(e.lineno, lineno, "line for %s: %d, want %d (%s)", src, e.lineno, lineno, e.msg);
    cr_expect_eq(e.col_offset, col, "column for %s: %d, want %d (%s)", src, e.col_offset, col,
                 e.msg);
}

/* ---- ast.dump --------------------------------------------------------------------- */

Test(parser, dumps_match_cpython)
{
    for (size_t i = 0; i < sizeof dump_cases / sizeof dump_cases[0]; i++) {
        TnSyntaxErrorInfo e;
        char *d = dump_of(dump_cases[i].src, 0, 0, &e);
        cr_expect(d != NULL, "%s: %s at %d:%d", dump_cases[i].src, e.msg, e.lineno, e.col_offset);
        if (d)
            cr_expect_str_eq(d, dump_cases[i].dump, "dump of %s", dump_cases[i].src);
        free(d);
    }
}

Test(parser, positions_match_cpython)
{
    /* ast.dump(ast.parse(src), include_attributes=True) from CPython 3.11 */
    char *d = dump_of("x = (a + b) * c\n", 0, 1, NULL);
    cr_assert_not_null(d);
    cr_expect_str_eq(d,
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, "
        "end_lineno=1, end_col_offset=1)], value=BinOp(left=BinOp(left=Name(id='a', ctx=Load(), "
        "lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), op=Add(), right=Name(id='b', "
        "ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), lineno=1, "
        "col_offset=5, end_lineno=1, end_col_offset=10), op=Mult(), right=Name(id='c', "
        "ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15), lineno=1, "
        "col_offset=4, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, "
        "end_col_offset=15)], type_ignores=[])");
    free(d);
    d = dump_of("f'''ab\n  {x}'''", 0, 1, NULL);
    cr_assert_not_null(d);
    cr_expect_str_eq(d,
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='ab\\n  ', lineno=1, "
        "col_offset=0, end_lineno=2, end_col_offset=8), FormattedValue(value=Name(id='x', "
        "ctx=Load(), lineno=2, col_offset=3, end_lineno=2, end_col_offset=4), conversion=-1, "
        "lineno=1, col_offset=0, end_lineno=2, end_col_offset=8)], lineno=1, col_offset=0, "
        "end_lineno=2, end_col_offset=8), lineno=1, col_offset=0, end_lineno=2, "
        "end_col_offset=8)], type_ignores=[])");
    free(d);
    d = dump_of("@dec\ndef f(a: int = 1):\n    pass\n", 0, 1, NULL);
    cr_assert_not_null(d);
    cr_expect(strstr(d, "arg(arg='a', annotation=Name(id='int', ctx=Load(), lineno=2, "
                        "col_offset=9, end_lineno=2, end_col_offset=12), lineno=2, col_offset=6, "
                        "end_lineno=2, end_col_offset=12)") != NULL, "%s", d);
    cr_expect(strstr(d, "decorator_list=[Name(id='dec', ctx=Load(), lineno=1, col_offset=1, "
                        "end_lineno=1, end_col_offset=4)], lineno=2, col_offset=0, end_lineno=3, "
                        "end_col_offset=8)") != NULL, "%s", d);
    free(d);
}

Test(parser, constants_keep_literal_text)
{
    TnArena *a = tn_arena_new();
    TnSyntaxErrorInfo e;
    const char *src = "0X1F, 1_000, 1.5E3, 2j, 'a\\tb', b'\\x00'";
    TnModuleAst *m = tn_parse(a, src, strlen(src), "t.py", 2, &e);
    cr_assert_not_null(m);
    const TnExpr *t = m->body.items[0]->v.expr.value;
    cr_assert_eq(t->kind, TN_EXPR_TUPLE);
    const TnExpr *const *el = (const TnExpr *const *)t->v.list.elts.items;
    cr_expect_eq(el[0]->v.constant.kind, TN_CONST_INT);
    cr_expect_str_eq(el[0]->v.constant.text, "0x1F");
    cr_expect_str_eq(el[1]->v.constant.text, "1000");
    cr_expect_eq(el[2]->v.constant.kind, TN_CONST_FLOAT);
    cr_expect_str_eq(el[2]->v.constant.text, "1.5E3");
    cr_expect_eq(el[3]->v.constant.kind, TN_CONST_IMAG);
    cr_expect_str_eq(el[3]->v.constant.text, "2");
    cr_expect_eq(el[4]->v.constant.kind, TN_CONST_STR);
    cr_expect_eq(el[4]->v.constant.len, 3);
    cr_expect(memcmp(el[4]->v.constant.bytes, "a\tb", 3) == 0);
    cr_expect_eq(el[5]->v.constant.kind, TN_CONST_BYTES);
    cr_expect_eq(el[5]->v.constant.len, 1);
    cr_expect_eq(el[5]->v.constant.bytes[0], 0);
    tn_arena_free(a);
}

Test(parser, modes)
{
    char *d = dump_of("if x:\n    y\n", 1, 0, NULL);
    cr_assert_not_null(d);
    cr_expect_str_eq(d, "Interactive(body=[If(test=Name(id='x', ctx=Load()), "
                        "body=[Expr(value=Name(id='y', ctx=Load()))], orelse=[])])");
    free(d);
    TnSyntaxErrorInfo e;
    cr_expect(parse_error("x = 1\ny = 2\n", 12, 1, &e));
    cr_expect_str_eq(e.msg, "multiple statements found while compiling a single statement");
    d = dump_of("1 +\n 2", 2, 0, NULL);
    cr_expect_null(d, "eval input may not span lines outside brackets");
    free(d);
    d = dump_of("(1 +\n 2)\n\n", 2, 0, NULL);
    cr_assert_not_null(d);
    cr_expect_str_eq(d, "Module(body=[Expr(value=BinOp(left=Constant(value=1), op=Add(), "
                        "right=Constant(value=2)))], type_ignores=[])");
    free(d);
    cr_expect(parse_error("x = 1", 5, 2, &e));
    cr_expect_str_eq(e.msg, "invalid syntax");
}

/* ---- error messages and positions -------------------------------------------------- */

Test(parser, errors_match_cpython)
{
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
        const ErrCase *c = &error_cases[i];
        expect_error(c->src, c->type, c->msg, c->lineno, c->col);
    }
}

Test(parser, errors_from_the_brief)
{
    expect_error("1 = x\n", "SyntaxError",
                 "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 0);
    expect_error("f() = 1\n", "SyntaxError",
                 "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0);
    expect_error("a + 1 = 2\n", "SyntaxError",
                 "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 0);
    expect_error("x = 1 = 2\n", "SyntaxError", "cannot assign to literal", 1, 4);
    expect_error("a b\n", "SyntaxError", "invalid syntax", 1, 2);
    expect_error("[a b]\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 1);
    expect_error("if x\n    pass\n", "SyntaxError", "expected ':'", 1, 4);
    expect_error("x = (1,\n 2\n", "SyntaxError", "'(' was never closed", 1, 4);
    expect_error(")\n", "SyntaxError", "unmatched ')'", 1, 0);
    expect_error("(]\n", "SyntaxError",
                 "closing parenthesis ']' does not match opening parenthesis '('", 1, 1);
    expect_error("x = 1\n  y = 2\n", "IndentationError", "unexpected indent", 2, 1);
    expect_error("x = 1\n\nif x:\npass\n", "IndentationError",
                 "expected an indented block after 'if' statement on line 3", 4, 0);
    expect_error("if x:\n    a\n  b\n", "IndentationError",
                 "unindent does not match any outer indentation level", 3, 3);
    expect_error("x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)",
                 1, 4);
    expect_error("x = '''abc\n\n", "SyntaxError",
                 "unterminated triple-quoted string literal (detected at line 2)", 1, 4);
    expect_error("x = 12abc\n", "SyntaxError", "invalid decimal literal", 1, 5);
    expect_error("f(a=1, b)\n", "SyntaxError", "positional argument follows keyword argument",
                 1, 8);
    expect_error("[*x for x in y]\n", "SyntaxError",
                 "iterable unpacking cannot be used in comprehension", 1, 1);
    expect_error("def f(a=1, b): pass\n", "SyntaxError",
                 "non-default argument follows default argument", 1, 11);
    expect_error("x = b'a' 'b'\n", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 12);
    expect_error("if x:\n\tpass\n        pass\n", "TabError",
                 "inconsistent use of tabs and spaces in indentation", 3, 0);
}

Test(parser, unsupported_features_say_so)
{
    expect_error("try:\n    pass\nexcept* E:\n    pass\n", "SyntaxError",
                 "except* is not supported", 3, 0);
    expect_error("match x:\n    case 1:\n        pass\n", "SyntaxError",
                 "match statements are not supported", 1, 0);
    expect_error("x = '\\N{NO SUCH NAME}'\n", "SyntaxError",
                 "(unicode error) \\N{...} escapes are not supported for 'NO SUCH NAME' "
                 "(only common character names are known)", 1, 22);
    /* match and case stay usable as names */
    char *d = dump_of("match = case = 1\nmatch(x)\n", 0, 0, NULL);
    cr_expect_not_null(d);
    free(d);
}

Test(parser, source_encoding)
{
    TnSyntaxErrorInfo e;
    cr_expect(parse_error("x = 1\ny = (\0)\n", 13, 0, &e));
    cr_expect_str_eq(e.msg, "source code cannot contain null bytes");
    cr_expect_eq(e.lineno, 2);
    cr_expect(parse_error("x = 1\ny = '\xff'\n", 13, 0, &e));
    cr_expect(strstr(e.msg, "Non-UTF-8 code starting with '\\xff'") != NULL, "%s", e.msg);
    cr_expect_eq(e.lineno, 2);
    /* a BOM is skipped, \r\n and \r are line ends, a coding comment is ignored */
    char *d = dump_of("\xEF\xBB\xBF# -*- coding: latin-1 -*-\r\nx = 1\ry = 2\r\n", 0, 1, NULL);
    cr_assert_not_null(d);
    cr_expect(strstr(d, "Name(id='y', ctx=Store(), lineno=3, col_offset=0") != NULL, "%s", d);
    free(d);
    d = dump_of("\xCF\x80 = '\xC3\xA9'\n", 0, 1, NULL);
    cr_assert_not_null(d);
    cr_expect(strstr(d, "Name(id='\xCF\x80', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, "
                        "end_col_offset=2)") != NULL, "%s", d);
    free(d);
    expect_error("x = 1 \xE2\x82\xAC\n", "SyntaxError", "invalid character '\xE2\x82\xAC' (U+20AC)",
                 1, 6);
}

/* ---- robustness -------------------------------------------------------------------- */

static char *repeat(const char *unit, int n, const char *tail)
{
    size_t ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(ul * (size_t)n + tl + 1);
    for (int i = 0; i < n; i++)
        memcpy(s + ul * (size_t)i, unit, ul);
    memcpy(s + ul * (size_t)n, tail, tl + 1);
    return s;
}

Test(parser, nesting_limits)
{
    TnSyntaxErrorInfo e;
    char *s = repeat("(", 201, "");
    cr_expect(parse_error(s, strlen(s), 0, &e));
    cr_expect_str_eq(e.msg, "too many nested parentheses");
    free(s);
    s = repeat("-", 5000, "1");
    cr_expect(parse_error(s, strlen(s), 0, &e));
    cr_expect_str_eq(e.msg, "too complex");
    free(s);
    s = repeat("x + ", 100000, "x");
    cr_expect(parse_error(s, strlen(s), 0, &e));
    cr_expect_str_eq(e.msg, "too complex");
    free(s);
    s = repeat("lambda: ", 5000, "1");
    cr_expect(parse_error(s, strlen(s), 0, &e));
    cr_expect_str_eq(e.msg, "too complex");
    free(s);
    /* within the limits, the same shapes parse */
    s = repeat("x + ", 2000, "x");
    cr_expect(!parse_error(s, strlen(s), 0, &e), "%s", e.msg);
    free(s);
    s = repeat("(", 200, "");
    char *t = repeat(")", 200, "");
    char *u = malloc(strlen(s) + strlen(t) + 1);
    strcpy(u, s);
    strcat(u, t);
    cr_expect(!parse_error(u, strlen(u), 0, &e), "%s", e.msg);
    free(s);
    free(t);
    free(u);
    /* 100 levels of indentation is CPython's limit */
    char buf[40000] = "";
    for (int i = 0; i < 100; i++) {
        for (int k = 0; k < i; k++)
            strcat(buf, " ");
        strcat(buf, "if x:\n");
    }
    for (int k = 0; k < 100; k++)
        strcat(buf, " ");
    strcat(buf, "pass\n");
    cr_expect(parse_error(buf, strlen(buf), 0, &e));
    cr_expect_str_eq(e.msg, "too many levels of indentation");
}

Test(parser, garbage_never_crashes)
{
    /* Every prefix and a few mutations of a program full of constructs:
     * each parse must succeed or report an error with a message. */
    static const char prog[] =
        "@dec(1)\nclass C(B, metaclass=M):\n    '''doc'''\n    def f(self, a, /, b=2, *c, d, **e) -> 'R':\n"
        "        x = [i ** 2 for i in range(10) if i % 2]\n        y = {k: v for k, v in zip(a, b)}\n"
        "        z = f'{x!r:>{w}} {y=}' 'tail' \\\n            'more'\n"
        "        with (open(a) as f, open(b) as g):\n            yield from g\n"
        "        try:\n            del x[1:2, ::3]\n        except (E, F) as err:\n            raise G from err\n"
        "        finally:\n            return lambda q, *r, s=1: (q, r, s)\n"
        "async def g():\n    async for x in y: await z\n    async with a as (b, c): pass\n";
    size_t n = sizeof prog - 1;
    char *buf = malloc(n + 8);
    for (size_t cut = 0; cut <= n; cut++) {
        TnSyntaxErrorInfo e;
        memcpy(buf, prog, cut);
        if (parse_error(buf, cut, 0, &e))
            cr_expect(e.msg[0] != '\0' && e.type != NULL, "empty error for prefix %zu", cut);
        (void)tn_parse_incomplete(buf, cut);
    }
    unsigned seed = 12345;
    for (int it = 0; it < 3000; it++) {
        memcpy(buf, prog, n);
        for (int k = 0; k < 3; k++) {
            seed = seed * 1103515245u + 12345u;
            buf[(seed >> 8) % n] = (char)(seed >> 20);
        }
        TnSyntaxErrorInfo e;
        if (parse_error(buf, n, it % 3, &e))
            cr_expect(e.msg[0] != '\0' && e.type != NULL);
    }
    free(buf);
}

/* ---- the REPL helper ----------------------------------------------------------------- */

Test(parser, incomplete_input)
{
    static const struct { const char *src; int incomplete; } cases[] = {
        {"x = 1\n", 0},
        {"x = (1,\n", 1},
        {"s = '''abc\n", 1},
        {"x = 1 + \\\n", 1},
        {"if x:\n", 1},
        {"if x:\n    y\n", 1},
        {"if x:\n    y\n\n", 0},
        {"def f():\n    return 1\n", 1},
        {"try:\n    pass\n", 1},
        {"x = )\n", 0},
        {"1 +\n", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_expect_eq(tn_parse_incomplete(cases[i].src, strlen(cases[i].src)), cases[i].incomplete,
                     "%s", cases[i].src);
}
