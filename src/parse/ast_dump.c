/* tn_ast_dump: the text of Python's ast.dump(tree) (optionally with
 * include_attributes=True), so parser tests can be checked against
 * CPython directly.
 *
 * Invariants:
 *  - Field order and the omission of None-valued optional fields follow
 *    CPython 3.11's ASDL; fields our AST does not keep (type_comment,
 *    Constant.kind, type_ignores) print as CPython prints them when empty.
 *  - Constant values are printed as Python's repr: integers in decimal
 *    (any size), floats in shortest round-trip form, str/bytes with
 *    Python's quoting and escapes. Printability of non-ASCII characters
 *    is approximated (see tn__cp_printable in lexer.c).
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lexer.h"
#include "tandem/parse.h"

typedef struct {
    char *s;
    size_t len, cap;
    int oom;
    int attrs;
} Out;

static void put(Out *o, const char *s, size_t n)
{
    if (o->oom)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t ncap = o->cap ? o->cap * 2 : 256;
        while (ncap < o->len + n + 1)
            ncap *= 2;
        char *ns = realloc(o->s, ncap);
        if (!ns) {
            o->oom = 1;
            return;
        }
        o->s = ns;
        o->cap = ncap;
    }
    memcpy(o->s + o->len, s, n);
    o->len += n;
    o->s[o->len] = '\0';
}

static void puts_(Out *o, const char *s) { put(o, s, strlen(s)); }

static void putf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(Out *o, const char *fmt, ...)
{
    char buf[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        put(o, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* ---- value reprs ---------------------------------------------------------------- */

/* Arbitrary-precision conversion of an integer literal to decimal. */
static void put_int(Out *o, const char *text)
{
    int base = 10;
    const char *d = text;
    if (d[0] == '0' && (d[1] == 'x' || d[1] == 'X')) { base = 16; d += 2; }
    else if (d[0] == '0' && (d[1] == 'o' || d[1] == 'O')) { base = 8; d += 2; }
    else if (d[0] == '0' && (d[1] == 'b' || d[1] == 'B')) { base = 2; d += 2; }
    size_t nd = strlen(d);
    /* limbs in base 10^9, least significant first */
    size_t cap = nd / 2 + 2, n = 1;
    uint32_t *limb = calloc(cap, sizeof *limb);
    if (!limb) {
        o->oom = 1;
        return;
    }
    for (size_t i = 0; i < nd; i++) {
        int c = d[i], v;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else continue;
        uint64_t carry = (uint64_t)v;
        for (size_t k = 0; k < n; k++) {
            uint64_t x = (uint64_t)limb[k] * (uint64_t)base + carry;
            limb[k] = (uint32_t)(x % 1000000000u);
            carry = x / 1000000000u;
        }
        if (carry && n < cap)
            limb[n++] = (uint32_t)carry;
    }
    putf(o, "%u", limb[n - 1]);
    for (size_t k = n - 1; k-- > 0;)
        putf(o, "%09u", limb[k]);
    free(limb);
}

/* Python's float repr ('r' format); add_dot_0 as for float (not complex). */
static void put_float_value(Out *o, double x, int add_dot_0)
{
    if (isinf(x)) {
        puts_(o, x > 0 ? "inf" : "-inf");
        return;
    }
    if (isnan(x)) {
        puts_(o, "nan");
        return;
    }
    char buf[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    /* buf is [-]d[.ddd]e[+-]xx: split into digits and decimal exponent */
    char digits[32];
    int nd = 0, neg = 0;
    const char *s = buf;
    if (*s == '-') {
        neg = 1;
        s++;
    }
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            digits[nd++] = *s;
    int exp10 = atoi(s + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = '\0';
    int decpt = exp10 + 1;
    if (neg)
        puts_(o, "-");
    if (x == 0) {
        puts_(o, add_dot_0 ? "0.0" : "0");
        return;
    }
    if (decpt <= -4 || decpt > 16) {
        put(o, digits, 1);
        if (nd > 1) {
            puts_(o, ".");
            put(o, digits + 1, (size_t)nd - 1);
        }
        putf(o, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    } else if (decpt <= 0) {
        puts_(o, "0.");
        for (int i = 0; i < -decpt; i++)
            puts_(o, "0");
        put(o, digits, (size_t)nd);
    } else if (decpt >= nd) {
        put(o, digits, (size_t)nd);
        for (int i = nd; i < decpt; i++)
            puts_(o, "0");
        if (add_dot_0)
            puts_(o, ".0");
    } else {
        put(o, digits, (size_t)decpt);
        puts_(o, ".");
        put(o, digits + decpt, (size_t)(nd - decpt));
    }
}

/* Decode one UTF-8 sequence, accepting the 3-byte surrogate forms the
 * parser produces for \ud800-style escapes. */
static int decode_cp(const unsigned char *s, size_t n, unsigned *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    int len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
    if ((size_t)len > n || len == 1) {
        *cp = s[0];
        return 1;
    }
    unsigned v = s[0] & (0xFF >> (len + 1));
    for (int i = 1; i < len; i++)
        v = (v << 6) | (s[i] & 0x3F);
    *cp = v;
    return len;
}

static void put_str_repr(Out *o, const char *s, size_t n)
{
    int has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    put(o, &q, 1);
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        int len = decode_cp(u + i, n - i, &cp);
        if (cp == (unsigned)q || cp == '\\') {
            char e[2] = {'\\', (char)cp};
            put(o, e, 2);
        } else if (cp == '\t') {
            puts_(o, "\\t");
        } else if (cp == '\n') {
            puts_(o, "\\n");
        } else if (cp == '\r') {
            puts_(o, "\\r");
        } else if (cp < 0x20 || cp == 0x7F) {
            putf(o, "\\x%02x", cp);
        } else if (cp < 0x7F) {
            put(o, (const char *)u + i, 1);
        } else if (tn__cp_printable(cp)) {
            put(o, (const char *)u + i, (size_t)len);
        } else if (cp <= 0xFF) {
            putf(o, "\\x%02x", cp);
        } else if (cp <= 0xFFFF) {
            putf(o, "\\u%04x", cp);
        } else {
            putf(o, "\\U%08x", cp);
        }
        i += (size_t)len;
    }
    put(o, &q, 1);
}

static void put_bytes_repr(Out *o, const char *s, size_t n)
{
    int has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    puts_(o, "b");
    put(o, &q, 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\') {
            char e[2] = {'\\', (char)c};
            put(o, e, 2);
        } else if (c == '\t') {
            puts_(o, "\\t");
        } else if (c == '\n') {
            puts_(o, "\\n");
        } else if (c == '\r') {
            puts_(o, "\\r");
        } else if (c < 0x20 || c >= 0x7F) {
            putf(o, "\\x%02x", c);
        } else {
            put(o, (const char *)&s[i], 1);
        }
    }
    put(o, &q, 1);
}

static void put_constant(Out *o, const TnExpr *e)
{
    switch (e->v.constant.kind) {
    case TN_CONST_NONE: puts_(o, "None"); break;
    case TN_CONST_TRUE: puts_(o, "True"); break;
    case TN_CONST_FALSE: puts_(o, "False"); break;
    case TN_CONST_ELLIPSIS: puts_(o, "Ellipsis"); break;
    case TN_CONST_INT: put_int(o, e->v.constant.text); break;
    case TN_CONST_FLOAT: put_float_value(o, strtod(e->v.constant.text, NULL), 1); break;
    case TN_CONST_IMAG:
        put_float_value(o, strtod(e->v.constant.text, NULL), 0);
        puts_(o, "j");
        break;
    case TN_CONST_STR: put_str_repr(o, e->v.constant.bytes, e->v.constant.len); break;
    case TN_CONST_BYTES: put_bytes_repr(o, e->v.constant.bytes, e->v.constant.len); break;
    }
}

/* ---- nodes ------------------------------------------------------------------------ */

static void dump_expr(Out *o, const TnExpr *e);
static void dump_stmts(Out *o, const TnStmtSeq *s);

static void put_loc(Out *o, const TnLoc *l, int first)
{
    if (!o->attrs)
        return;
    putf(o, "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d", first ? "" : ", ",
         l->lineno, l->col_offset, l->end_lineno, l->end_col_offset);
}

static void put_name_str(Out *o, const char *s)
{
    put_str_repr(o, s, strlen(s));
}

static void dump_exprs(Out *o, const TnExprSeq *s)
{
    puts_(o, "[");
    for (int i = 0; i < s->n; i++) {
        if (i)
            puts_(o, ", ");
        if (s->items[i])
            dump_expr(o, s->items[i]);
        else
            puts_(o, "None");
    }
    puts_(o, "]");
}

static const char *ctx_name(TnExprCtx c)
{
    return c == TN_CTX_STORE ? "Store()" : c == TN_CTX_DEL ? "Del()" : "Load()";
}

static const char *op_name(TnOperator op)
{
    switch (op) {
    case TN_OP_ADD: return "Add()";
    case TN_OP_AND: return "BitAnd()";
    case TN_OP_FLOORDIV: return "FloorDiv()";
    case TN_OP_LSHIFT: return "LShift()";
    case TN_OP_MATMUL: return "MatMult()";
    case TN_OP_MUL: return "Mult()";
    case TN_OP_MOD: return "Mod()";
    case TN_OP_OR: return "BitOr()";
    case TN_OP_POW: return "Pow()";
    case TN_OP_RSHIFT: return "RShift()";
    case TN_OP_SUB: return "Sub()";
    case TN_OP_DIV: return "Div()";
    case TN_OP_XOR: return "BitXor()";
    }
    return "?";
}

static const char *cmp_name(TnCmpOp op)
{
    static const char *const names[] = {"Lt()", "LtE()", "Eq()", "NotEq()", "Gt()", "GtE()",
                                        "Is()", "IsNot()", "In()", "NotIn()"};
    return (unsigned)op < 10 ? names[op] : "?";
}

static const char *unop_name(TnUnaryOp op)
{
    switch (op) {
    case TN_UOP_INVERT: return "Invert()";
    case TN_UOP_NOT: return "Not()";
    case TN_UOP_UADD: return "UAdd()";
    case TN_UOP_USUB: return "USub()";
    }
    return "?";
}

static void dump_arg(Out *o, const TnArg *a)
{
    puts_(o, "arg(arg=");
    put_name_str(o, a->arg);
    if (a->annotation) {
        puts_(o, ", annotation=");
        dump_expr(o, a->annotation);
    }
    put_loc(o, &a->loc, 0);
    puts_(o, ")");
}

static void dump_args(Out *o, const TnArgSeq *s)
{
    puts_(o, "[");
    for (int i = 0; i < s->n; i++) {
        if (i)
            puts_(o, ", ");
        dump_arg(o, s->items[i]);
    }
    puts_(o, "]");
}

static void dump_arguments(Out *o, const TnArguments *a)
{
    puts_(o, "arguments(posonlyargs=");
    dump_args(o, &a->posonlyargs);
    puts_(o, ", args=");
    dump_args(o, &a->args);
    if (a->vararg) {
        puts_(o, ", vararg=");
        dump_arg(o, a->vararg);
    }
    puts_(o, ", kwonlyargs=");
    dump_args(o, &a->kwonlyargs);
    puts_(o, ", kw_defaults=");
    dump_exprs(o, &a->kw_defaults);
    if (a->kwarg) {
        puts_(o, ", kwarg=");
        dump_arg(o, a->kwarg);
    }
    puts_(o, ", defaults=");
    dump_exprs(o, &a->defaults);
    puts_(o, ")");
}

static void dump_keywords(Out *o, const TnKeywordSeq *s)
{
    puts_(o, "[");
    for (int i = 0; i < s->n; i++) {
        const TnKeyword *k = s->items[i];
        if (i)
            puts_(o, ", ");
        puts_(o, "keyword(");
        if (k->arg) {
            puts_(o, "arg=");
            put_name_str(o, k->arg);
            puts_(o, ", ");
        }
        puts_(o, "value=");
        dump_expr(o, k->value);
        put_loc(o, &k->loc, 0);
        puts_(o, ")");
    }
    puts_(o, "]");
}

static void dump_generators(Out *o, const TnComprehensionSeq *s)
{
    puts_(o, "[");
    for (int i = 0; i < s->n; i++) {
        const TnComprehension *c = s->items[i];
        if (i)
            puts_(o, ", ");
        puts_(o, "comprehension(target=");
        dump_expr(o, c->target);
        puts_(o, ", iter=");
        dump_expr(o, c->iter);
        puts_(o, ", ifs=");
        dump_exprs(o, &c->ifs);
        putf(o, ", is_async=%d)", c->is_async);
    }
    puts_(o, "]");
}

static void dump_expr(Out *o, const TnExpr *e)
{
    switch (e->kind) {
    case TN_EXPR_BOOLOP:
        putf(o, "BoolOp(op=%s, values=", e->v.boolop.op == TN_BOOL_AND ? "And()" : "Or()");
        dump_exprs(o, &e->v.boolop.values);
        break;
    case TN_EXPR_NAMEDEXPR:
        puts_(o, "NamedExpr(target=");
        dump_expr(o, e->v.namedexpr.target);
        puts_(o, ", value=");
        dump_expr(o, e->v.namedexpr.value);
        break;
    case TN_EXPR_BINOP:
        puts_(o, "BinOp(left=");
        dump_expr(o, e->v.binop.left);
        putf(o, ", op=%s, right=", op_name(e->v.binop.op));
        dump_expr(o, e->v.binop.right);
        break;
    case TN_EXPR_UNARYOP:
        putf(o, "UnaryOp(op=%s, operand=", unop_name(e->v.unaryop.op));
        dump_expr(o, e->v.unaryop.operand);
        break;
    case TN_EXPR_LAMBDA:
        puts_(o, "Lambda(args=");
        dump_arguments(o, e->v.lambda.args);
        puts_(o, ", body=");
        dump_expr(o, e->v.lambda.body);
        break;
    case TN_EXPR_IFEXP:
        puts_(o, "IfExp(test=");
        dump_expr(o, e->v.ifexp.test);
        puts_(o, ", body=");
        dump_expr(o, e->v.ifexp.body);
        puts_(o, ", orelse=");
        dump_expr(o, e->v.ifexp.orelse);
        break;
    case TN_EXPR_DICT:
        puts_(o, "Dict(keys=");
        dump_exprs(o, &e->v.dict.keys);
        puts_(o, ", values=");
        dump_exprs(o, &e->v.dict.values);
        break;
    case TN_EXPR_SET:
        puts_(o, "Set(elts=");
        dump_exprs(o, &e->v.set.elts);
        break;
    case TN_EXPR_LISTCOMP:
    case TN_EXPR_SETCOMP:
    case TN_EXPR_GENEXP:
        puts_(o, e->kind == TN_EXPR_LISTCOMP ? "ListComp(elt="
                 : e->kind == TN_EXPR_SETCOMP ? "SetComp(elt=" : "GeneratorExp(elt=");
        dump_expr(o, e->v.comp.elt);
        puts_(o, ", generators=");
        dump_generators(o, &e->v.comp.generators);
        break;
    case TN_EXPR_DICTCOMP:
        puts_(o, "DictComp(key=");
        dump_expr(o, e->v.comp.key);
        puts_(o, ", value=");
        dump_expr(o, e->v.comp.value);
        puts_(o, ", generators=");
        dump_generators(o, &e->v.comp.generators);
        break;
    case TN_EXPR_AWAIT:
        puts_(o, "Await(value=");
        dump_expr(o, e->v.await_.value);
        break;
    case TN_EXPR_YIELD:
        puts_(o, "Yield(");
        if (e->v.yield.value) {
            puts_(o, "value=");
            dump_expr(o, e->v.yield.value);
            put_loc(o, &e->loc, 0);
        } else {
            put_loc(o, &e->loc, 1);
        }
        puts_(o, ")");
        return;
    case TN_EXPR_YIELDFROM:
        puts_(o, "YieldFrom(value=");
        dump_expr(o, e->v.yieldfrom.value);
        break;
    case TN_EXPR_COMPARE:
        puts_(o, "Compare(left=");
        dump_expr(o, e->v.compare.left);
        puts_(o, ", ops=[");
        for (int i = 0; i < e->v.compare.n; i++)
            putf(o, "%s%s", i ? ", " : "", cmp_name(e->v.compare.ops[i]));
        puts_(o, "], comparators=[");
        for (int i = 0; i < e->v.compare.n; i++) {
            if (i)
                puts_(o, ", ");
            dump_expr(o, e->v.compare.comparators[i]);
        }
        puts_(o, "]");
        break;
    case TN_EXPR_CALL:
        puts_(o, "Call(func=");
        dump_expr(o, e->v.call.func);
        puts_(o, ", args=");
        dump_exprs(o, &e->v.call.args);
        puts_(o, ", keywords=");
        dump_keywords(o, &e->v.call.keywords);
        break;
    case TN_EXPR_FORMATTEDVALUE:
        puts_(o, "FormattedValue(value=");
        dump_expr(o, e->v.formatted.value);
        putf(o, ", conversion=%d", e->v.formatted.conversion);
        if (e->v.formatted.format_spec) {
            puts_(o, ", format_spec=");
            dump_expr(o, e->v.formatted.format_spec);
        }
        break;
    case TN_EXPR_JOINEDSTR:
        puts_(o, "JoinedStr(values=");
        dump_exprs(o, &e->v.joined.values);
        break;
    case TN_EXPR_CONSTANT:
        puts_(o, "Constant(value=");
        put_constant(o, e);
        break;
    case TN_EXPR_ATTRIBUTE:
        puts_(o, "Attribute(value=");
        dump_expr(o, e->v.attribute.value);
        puts_(o, ", attr=");
        put_name_str(o, e->v.attribute.attr);
        putf(o, ", ctx=%s", ctx_name(e->v.attribute.ctx));
        break;
    case TN_EXPR_SUBSCRIPT:
        puts_(o, "Subscript(value=");
        dump_expr(o, e->v.subscript.value);
        puts_(o, ", slice=");
        dump_expr(o, e->v.subscript.slice);
        putf(o, ", ctx=%s", ctx_name(e->v.subscript.ctx));
        break;
    case TN_EXPR_STARRED:
        puts_(o, "Starred(value=");
        dump_expr(o, e->v.starred.value);
        putf(o, ", ctx=%s", ctx_name(e->v.starred.ctx));
        break;
    case TN_EXPR_NAME:
        puts_(o, "Name(id=");
        put_name_str(o, e->v.name.id);
        putf(o, ", ctx=%s", ctx_name(e->v.name.ctx));
        break;
    case TN_EXPR_LIST:
    case TN_EXPR_TUPLE:
        puts_(o, e->kind == TN_EXPR_LIST ? "List(elts=" : "Tuple(elts=");
        dump_exprs(o, &e->v.list.elts);
        putf(o, ", ctx=%s", ctx_name(e->v.list.ctx));
        break;
    case TN_EXPR_SLICE: {
        puts_(o, "Slice(");
        int first = 1;
        const char *names[3] = {"lower", "upper", "step"};
        const TnExpr *parts[3] = {e->v.slice.lower, e->v.slice.upper, e->v.slice.step};
        for (int i = 0; i < 3; i++) {
            if (!parts[i])
                continue;
            putf(o, "%s%s=", first ? "" : ", ", names[i]);
            dump_expr(o, parts[i]);
            first = 0;
        }
        put_loc(o, &e->loc, first);
        puts_(o, ")");
        return;
    }
    }
    put_loc(o, &e->loc, 0);
    puts_(o, ")");
}

static void dump_stmt(Out *o, const TnStmt *s)
{
    switch (s->kind) {
    case TN_STMT_FUNCTIONDEF:
    case TN_STMT_ASYNCFUNCTIONDEF:
        puts_(o, s->kind == TN_STMT_FUNCTIONDEF ? "FunctionDef(name=" : "AsyncFunctionDef(name=");
        put_name_str(o, s->v.funcdef.name);
        puts_(o, ", args=");
        dump_arguments(o, s->v.funcdef.args);
        puts_(o, ", body=");
        dump_stmts(o, &s->v.funcdef.body);
        puts_(o, ", decorator_list=");
        dump_exprs(o, &s->v.funcdef.decorators);
        if (s->v.funcdef.returns) {
            puts_(o, ", returns=");
            dump_expr(o, s->v.funcdef.returns);
        }
        break;
    case TN_STMT_CLASSDEF:
        puts_(o, "ClassDef(name=");
        put_name_str(o, s->v.classdef.name);
        puts_(o, ", bases=");
        dump_exprs(o, &s->v.classdef.bases);
        puts_(o, ", keywords=");
        dump_keywords(o, &s->v.classdef.keywords);
        puts_(o, ", body=");
        dump_stmts(o, &s->v.classdef.body);
        puts_(o, ", decorator_list=");
        dump_exprs(o, &s->v.classdef.decorators);
        break;
    case TN_STMT_RETURN:
        puts_(o, "Return(");
        if (s->v.ret.value) {
            puts_(o, "value=");
            dump_expr(o, s->v.ret.value);
            put_loc(o, &s->loc, 0);
        } else {
            put_loc(o, &s->loc, 1);
        }
        puts_(o, ")");
        return;
    case TN_STMT_DELETE:
        puts_(o, "Delete(targets=");
        dump_exprs(o, &s->v.del.targets);
        break;
    case TN_STMT_ASSIGN:
        puts_(o, "Assign(targets=");
        dump_exprs(o, &s->v.assign.targets);
        puts_(o, ", value=");
        dump_expr(o, s->v.assign.value);
        break;
    case TN_STMT_AUGASSIGN:
        puts_(o, "AugAssign(target=");
        dump_expr(o, s->v.augassign.target);
        putf(o, ", op=%s, value=", op_name(s->v.augassign.op));
        dump_expr(o, s->v.augassign.value);
        break;
    case TN_STMT_ANNASSIGN:
        puts_(o, "AnnAssign(target=");
        dump_expr(o, s->v.annassign.target);
        puts_(o, ", annotation=");
        dump_expr(o, s->v.annassign.annotation);
        if (s->v.annassign.value) {
            puts_(o, ", value=");
            dump_expr(o, s->v.annassign.value);
        }
        putf(o, ", simple=%d", s->v.annassign.simple);
        break;
    case TN_STMT_FOR:
    case TN_STMT_ASYNCFOR:
        puts_(o, s->kind == TN_STMT_FOR ? "For(target=" : "AsyncFor(target=");
        dump_expr(o, s->v.for_.target);
        puts_(o, ", iter=");
        dump_expr(o, s->v.for_.iter);
        puts_(o, ", body=");
        dump_stmts(o, &s->v.for_.body);
        puts_(o, ", orelse=");
        dump_stmts(o, &s->v.for_.orelse);
        break;
    case TN_STMT_WHILE:
    case TN_STMT_IF:
        puts_(o, s->kind == TN_STMT_WHILE ? "While(test=" : "If(test=");
        dump_expr(o, s->v.if_.test);
        puts_(o, ", body=");
        dump_stmts(o, &s->v.if_.body);
        puts_(o, ", orelse=");
        dump_stmts(o, &s->v.if_.orelse);
        break;
    case TN_STMT_WITH:
    case TN_STMT_ASYNCWITH:
        puts_(o, s->kind == TN_STMT_WITH ? "With(items=[" : "AsyncWith(items=[");
        for (int i = 0; i < s->v.with.items.n; i++) {
            const TnWithItem *w = s->v.with.items.items[i];
            puts_(o, i ? ", withitem(context_expr=" : "withitem(context_expr=");
            dump_expr(o, w->context_expr);
            if (w->optional_vars) {
                puts_(o, ", optional_vars=");
                dump_expr(o, w->optional_vars);
            }
            puts_(o, ")");
        }
        puts_(o, "], body=");
        dump_stmts(o, &s->v.with.body);
        break;
    case TN_STMT_RAISE: {
        puts_(o, "Raise(");
        int first = 1;
        if (s->v.raise.exc) {
            puts_(o, "exc=");
            dump_expr(o, s->v.raise.exc);
            first = 0;
        }
        if (s->v.raise.cause) {
            puts_(o, first ? "cause=" : ", cause=");
            dump_expr(o, s->v.raise.cause);
            first = 0;
        }
        put_loc(o, &s->loc, first);
        puts_(o, ")");
        return;
    }
    case TN_STMT_TRY:
        puts_(o, "Try(body=");
        dump_stmts(o, &s->v.try_.body);
        puts_(o, ", handlers=[");
        for (int i = 0; i < s->v.try_.handlers.n; i++) {
            const TnExceptHandler *h = s->v.try_.handlers.items[i];
            puts_(o, i ? ", ExceptHandler(" : "ExceptHandler(");
            if (h->type) {
                puts_(o, "type=");
                dump_expr(o, h->type);
                puts_(o, ", ");
            }
            if (h->name) {
                puts_(o, "name=");
                put_name_str(o, h->name);
                puts_(o, ", ");
            }
            puts_(o, "body=");
            dump_stmts(o, &h->body);
            put_loc(o, &h->loc, 0);
            puts_(o, ")");
        }
        puts_(o, "], orelse=");
        dump_stmts(o, &s->v.try_.orelse);
        puts_(o, ", finalbody=");
        dump_stmts(o, &s->v.try_.finalbody);
        break;
    case TN_STMT_ASSERT:
        puts_(o, "Assert(test=");
        dump_expr(o, s->v.assert_.test);
        if (s->v.assert_.msg) {
            puts_(o, ", msg=");
            dump_expr(o, s->v.assert_.msg);
        }
        break;
    case TN_STMT_IMPORT:
    case TN_STMT_IMPORTFROM: {
        const TnAliasSeq *names;
        if (s->kind == TN_STMT_IMPORT) {
            puts_(o, "Import(names=[");
            names = &s->v.import.names;
        } else {
            puts_(o, "ImportFrom(");
            if (s->v.importfrom.module) {
                puts_(o, "module=");
                put_name_str(o, s->v.importfrom.module);
                puts_(o, ", ");
            }
            puts_(o, "names=[");
            names = &s->v.importfrom.names;
        }
        for (int i = 0; i < names->n; i++) {
            const TnAlias *a = names->items[i];
            puts_(o, i ? ", alias(name=" : "alias(name=");
            put_name_str(o, a->name);
            if (a->asname) {
                puts_(o, ", asname=");
                put_name_str(o, a->asname);
            }
            put_loc(o, &a->loc, 0);
            puts_(o, ")");
        }
        puts_(o, "]");
        if (s->kind == TN_STMT_IMPORTFROM)
            putf(o, ", level=%d", s->v.importfrom.level);
        break;
    }
    case TN_STMT_GLOBAL:
    case TN_STMT_NONLOCAL:
        puts_(o, s->kind == TN_STMT_GLOBAL ? "Global(names=[" : "Nonlocal(names=[");
        for (int i = 0; i < s->v.global.names.n; i++) {
            if (i)
                puts_(o, ", ");
            put_name_str(o, s->v.global.names.items[i]);
        }
        puts_(o, "]");
        break;
    case TN_STMT_EXPR:
        puts_(o, "Expr(value=");
        dump_expr(o, s->v.expr.value);
        break;
    case TN_STMT_PASS:
    case TN_STMT_BREAK:
    case TN_STMT_CONTINUE:
        puts_(o, s->kind == TN_STMT_PASS ? "Pass(" : s->kind == TN_STMT_BREAK ? "Break(" : "Continue(");
        put_loc(o, &s->loc, 1);
        puts_(o, ")");
        return;
    }
    put_loc(o, &s->loc, 0);
    puts_(o, ")");
}

static void dump_stmts(Out *o, const TnStmtSeq *s)
{
    puts_(o, "[");
    for (int i = 0; i < s->n; i++) {
        if (i)
            puts_(o, ", ");
        dump_stmt(o, s->items[i]);
    }
    puts_(o, "]");
}

char *tn_ast_dump_ex(const TnModuleAst *m, int include_attributes)
{
    Out o = {0};
    o.attrs = include_attributes;
    if (m->interactive) {
        puts_(&o, "Interactive(body=");
        dump_stmts(&o, &m->body);
        puts_(&o, ")");
    } else {
        puts_(&o, "Module(body=");
        dump_stmts(&o, &m->body);
        puts_(&o, ", type_ignores=[])");
    }
    if (o.oom) {
        free(o.s);
        return NULL;
    }
    return o.s;
}

char *tn_ast_dump(const TnModuleAst *m)
{
    return tn_ast_dump_ex(m, 0);
}
