/* Abstract syntax tree produced by the parser (src/parse) and consumed by
 * the symbol table and compiler (src/compile).
 *
 * Invariants:
 *  - The tree mirrors Python's `ast` module (3.11): same node kinds, same
 *    field meanings, so anyone who knows `ast.dump` can read it.
 *  - Every node and every array lives in one TnArena; freeing the arena frees
 *    the tree. Nothing in the tree is a reference-counted object: literals are
 *    kept as decoded bytes so the parser never touches the object system.
 *  - Strings (identifiers, literal payloads) are NUL-terminated UTF-8 owned by
 *    the arena. Identifiers are NOT mangled; the compiler mangles.
 *  - Positions are 1-based lines and 0-based UTF-8 byte columns, as in CPython.
 */
#ifndef TANDEM_AST_H
#define TANDEM_AST_H

#include <stddef.h>
#include <stdint.h>

/* ---- arena ---------------------------------------------------------------- */
typedef struct TnArena TnArena;
TnArena *tn_arena_new(void);
void tn_arena_free(TnArena *a);
void *tn_arena_alloc(TnArena *a, size_t size);      /* zeroed, 16-byte aligned */
char *tn_arena_strndup(TnArena *a, const char *s, size_t n);

typedef struct TnExpr TnExpr;
typedef struct TnStmt TnStmt;

/* A counted array of node pointers (or of other arena records). */
typedef struct { int n; TnExpr **items; } TnExprSeq;
typedef struct { int n; TnStmt **items; } TnStmtSeq;
typedef struct { int n; const char **items; } TnIdentSeq;

typedef struct { int lineno, col_offset, end_lineno, end_col_offset; } TnLoc;

typedef enum { TN_CTX_LOAD, TN_CTX_STORE, TN_CTX_DEL } TnExprCtx;

/* Operators use the numbering of the BINARY_OP oparg (see opcodes.h). */
typedef enum {
    TN_OP_ADD = 0, TN_OP_AND = 1, TN_OP_FLOORDIV = 2, TN_OP_LSHIFT = 3,
    TN_OP_MATMUL = 4, TN_OP_MUL = 5, TN_OP_MOD = 6, TN_OP_OR = 7,
    TN_OP_POW = 8, TN_OP_RSHIFT = 9, TN_OP_SUB = 10, TN_OP_DIV = 11,
    TN_OP_XOR = 12
} TnOperator;
typedef enum { TN_UOP_INVERT, TN_UOP_NOT, TN_UOP_UADD, TN_UOP_USUB } TnUnaryOp;
typedef enum { TN_BOOL_AND, TN_BOOL_OR } TnBoolOp;
/* Comparison numbering: the first six match the COMPARE_OP oparg. */
typedef enum {
    TN_CMP_LT = 0, TN_CMP_LE, TN_CMP_EQ, TN_CMP_NE, TN_CMP_GT, TN_CMP_GE,
    TN_CMP_IS, TN_CMP_ISNOT, TN_CMP_IN, TN_CMP_NOTIN
} TnCmpOp;

/* Literal payload of a Constant node. */
typedef enum {
    TN_CONST_NONE, TN_CONST_TRUE, TN_CONST_FALSE, TN_CONST_ELLIPSIS,
    TN_CONST_INT,      /* text: the literal as written minus underscores, e.g. "0x1f", "123" */
    TN_CONST_FLOAT,    /* text: "1.5e3" (underscores removed) */
    TN_CONST_IMAG,     /* text: the number without the trailing j */
    TN_CONST_STR,      /* bytes/len: decoded UTF-8 (escapes processed, concatenation done) */
    TN_CONST_BYTES     /* bytes/len: raw byte values */
} TnConstKind;

typedef struct { const char *arg; TnExpr *annotation; TnLoc loc; } TnArg;
typedef struct { int n; TnArg **items; } TnArgSeq;

typedef struct {
    TnArgSeq posonlyargs, args;
    TnArg *vararg;              /* NULL if none */
    TnArgSeq kwonlyargs;
    TnExprSeq kw_defaults;      /* same length as kwonlyargs; NULL item = no default */
    TnArg *kwarg;               /* NULL if none */
    TnExprSeq defaults;         /* for the last len(defaults) of posonlyargs+args */
} TnArguments;

typedef struct { const char *arg; /* NULL for **expr */ TnExpr *value; TnLoc loc; } TnKeyword;
typedef struct { int n; TnKeyword **items; } TnKeywordSeq;

typedef struct { TnExpr *target, *iter; TnExprSeq ifs; int is_async; } TnComprehension;
typedef struct { int n; TnComprehension **items; } TnComprehensionSeq;

typedef struct { const char *name; const char *asname; TnLoc loc; } TnAlias;
typedef struct { int n; TnAlias **items; } TnAliasSeq;

typedef struct { TnExpr *context_expr; TnExpr *optional_vars; } TnWithItem;
typedef struct { int n; TnWithItem **items; } TnWithItemSeq;

typedef struct { TnExpr *type; const char *name; TnStmtSeq body; TnLoc loc; } TnExceptHandler;
typedef struct { int n; TnExceptHandler **items; } TnHandlerSeq;

/* ---- expressions ---------------------------------------------------------- */
typedef enum {
    TN_EXPR_BOOLOP, TN_EXPR_NAMEDEXPR, TN_EXPR_BINOP, TN_EXPR_UNARYOP,
    TN_EXPR_LAMBDA, TN_EXPR_IFEXP, TN_EXPR_DICT, TN_EXPR_SET,
    TN_EXPR_LISTCOMP, TN_EXPR_SETCOMP, TN_EXPR_DICTCOMP, TN_EXPR_GENEXP,
    TN_EXPR_AWAIT, TN_EXPR_YIELD, TN_EXPR_YIELDFROM, TN_EXPR_COMPARE,
    TN_EXPR_CALL, TN_EXPR_FORMATTEDVALUE, TN_EXPR_JOINEDSTR, TN_EXPR_CONSTANT,
    TN_EXPR_ATTRIBUTE, TN_EXPR_SUBSCRIPT, TN_EXPR_STARRED, TN_EXPR_NAME,
    TN_EXPR_LIST, TN_EXPR_TUPLE, TN_EXPR_SLICE
} TnExprKind;

struct TnExpr {
    TnExprKind kind;
    TnLoc loc;
    union {
        struct { TnBoolOp op; TnExprSeq values; } boolop;
        struct { TnExpr *target, *value; } namedexpr;
        struct { TnExpr *left; TnOperator op; TnExpr *right; } binop;
        struct { TnUnaryOp op; TnExpr *operand; } unaryop;
        struct { TnArguments *args; TnExpr *body; } lambda;
        struct { TnExpr *test, *body, *orelse; } ifexp;
        struct { TnExprSeq keys; /* NULL key = **value */ TnExprSeq values; } dict;
        struct { TnExprSeq elts; } set;
        /* listcomp, setcomp, genexp use elt; dictcomp uses key/value */
        struct { TnExpr *elt, *key, *value; TnComprehensionSeq generators; } comp;
        struct { TnExpr *value; } await_;
        struct { TnExpr *value; /* may be NULL */ } yield;
        struct { TnExpr *value; } yieldfrom;
        struct { TnExpr *left; int n; TnCmpOp *ops; TnExpr **comparators; } compare;
        struct { TnExpr *func; TnExprSeq args; TnKeywordSeq keywords; } call;
        /* conversion: -1 none, 's', 'r', 'a'; format_spec: JoinedStr or NULL */
        struct { TnExpr *value; int conversion; TnExpr *format_spec; } formatted;
        struct { TnExprSeq values; /* Constant(str) and FormattedValue */ } joined;
        struct { TnConstKind kind; const char *text; const char *bytes; size_t len; } constant;
        struct { TnExpr *value; const char *attr; TnExprCtx ctx; } attribute;
        struct { TnExpr *value, *slice; TnExprCtx ctx; } subscript;
        struct { TnExpr *value; TnExprCtx ctx; } starred;
        struct { const char *id; TnExprCtx ctx; } name;
        struct { TnExprSeq elts; TnExprCtx ctx; } list;   /* also Tuple */
        struct { TnExpr *lower, *upper, *step; /* each may be NULL */ } slice;
    } v;
};

/* ---- statements ----------------------------------------------------------- */
typedef enum {
    TN_STMT_FUNCTIONDEF, TN_STMT_ASYNCFUNCTIONDEF, TN_STMT_CLASSDEF,
    TN_STMT_RETURN, TN_STMT_DELETE, TN_STMT_ASSIGN, TN_STMT_AUGASSIGN,
    TN_STMT_ANNASSIGN, TN_STMT_FOR, TN_STMT_ASYNCFOR, TN_STMT_WHILE, TN_STMT_IF,
    TN_STMT_WITH, TN_STMT_ASYNCWITH, TN_STMT_RAISE, TN_STMT_TRY,
    TN_STMT_ASSERT, TN_STMT_IMPORT, TN_STMT_IMPORTFROM, TN_STMT_GLOBAL,
    TN_STMT_NONLOCAL, TN_STMT_EXPR, TN_STMT_PASS, TN_STMT_BREAK,
    TN_STMT_CONTINUE
} TnStmtKind;

struct TnStmt {
    TnStmtKind kind;
    TnLoc loc;
    union {
        /* FunctionDef/AsyncFunctionDef. loc.lineno is the `def` line; the
         * first decorator's line is decorators.items[0]->loc.lineno. */
        struct { const char *name; TnArguments *args; TnStmtSeq body;
                 TnExprSeq decorators; TnExpr *returns; } funcdef;
        struct { const char *name; TnExprSeq bases; TnKeywordSeq keywords;
                 TnStmtSeq body; TnExprSeq decorators; } classdef;
        struct { TnExpr *value; /* may be NULL */ } ret;
        struct { TnExprSeq targets; } del;
        struct { TnExprSeq targets; TnExpr *value; } assign;   /* a = b = value */
        struct { TnExpr *target; TnOperator op; TnExpr *value; } augassign;
        struct { TnExpr *target, *annotation, *value; int simple; } annassign;
        struct { TnExpr *target, *iter; TnStmtSeq body, orelse; } for_;   /* also AsyncFor */
        struct { TnExpr *test; TnStmtSeq body, orelse; } while_;
        struct { TnExpr *test; TnStmtSeq body, orelse; } if_;
        struct { TnWithItemSeq items; TnStmtSeq body; } with;   /* also AsyncWith */
        struct { TnExpr *exc, *cause; /* each may be NULL */ } raise;
        struct { TnStmtSeq body; TnHandlerSeq handlers; TnStmtSeq orelse, finalbody; } try_;
        struct { TnExpr *test, *msg; } assert_;
        struct { TnAliasSeq names; } import;
        struct { const char *module; /* NULL for `from . import x` */ TnAliasSeq names; int level; } importfrom;
        struct { TnIdentSeq names; } global;   /* also Nonlocal */
        struct { TnExpr *value; } expr;
    } v;
};

/* A parsed module. `interactive` modules print expression statements. */
typedef struct { TnStmtSeq body; int interactive; } TnModuleAst;

/* A syntax error found by the lexer or parser (also reused by the symbol
 * table and compiler). `type` is "SyntaxError" or "IndentationError" or
 * "TabError"; msg is CPython's wording where CPython has one. */
typedef struct {
    const char *type;
    char msg[256];
    int lineno, col_offset;       /* 1-based line, 0-based byte column */
    int end_lineno, end_col_offset;
} TnSyntaxErrorInfo;

/* Parse `src` (UTF-8, `len` bytes). Returns NULL and fills *err on a syntax
 * error. `filename` is only used in messages. mode: 0 file, 1 single
 * (interactive statement), 2 eval (one expression, stored as an Expr stmt). */
TnModuleAst *tn_parse(TnArena *arena, const char *src, size_t len,
                      const char *filename, int mode, TnSyntaxErrorInfo *err);

/* ast.dump-like text of a module, for tests and `-X dump-ast`. Caller frees
 * the result with free(). */
char *tn_ast_dump(const TnModuleAst *m);

#endif
