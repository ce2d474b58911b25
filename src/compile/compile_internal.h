/* Private structures shared by the files of the compiler (symtable.c,
 * compile.c, compile_stmt.c, compile_expr.c, assemble.c).
 *
 * Invariants:
 *  - Everything here lives for one compilation only and belongs to one
 *    thread; nothing is global.
 *  - Internal functions return 0 on success and -1 with an exception set
 *    (usually a SyntaxError from tn_compile_error).
 *  - Symbol names stored in scopes are already mangled.
 */
#ifndef TANDEM_COMPILE_INTERNAL_H
#define TANDEM_COMPILE_INTERNAL_H

#include "tandem/ast.h"
#include "tandem/code.h"
#include "tandem/compile.h"
#include "tandem/opcodes.h"

/* ---- symbol tables ------------------------------------------------------ */
enum { DEF_GLOBAL = 1, DEF_LOCAL = 2, DEF_PARAM = 4, DEF_NONLOCAL = 8,
       DEF_USE = 16, DEF_FREE_CLASS = 32, DEF_IMPORT = 64, DEF_ANNOT = 128,
       DEF_COMP_ITER = 256 };
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

enum { SC_NONE = 0, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL };
enum { BLOCK_MODULE, BLOCK_CLASS, BLOCK_FUNCTION };

typedef struct {
    const char *name;     /* mangled, arena-owned */
    int flags, scope;
    TnLoc dloc;           /* first global/nonlocal declaration, for errors */
} TnSymbol;

typedef struct TnScope {
    int kind;                         /* BLOCK_* */
    const char *name;
    const void *key;                  /* the AST node that opened it */
    int lineno;
    struct TnScope *parent;
    struct TnScope **children; int nchildren, cchildren;
    TnSymbol *syms; int nsyms, csyms;
    const char **params; int nparams, cparams;   /* parameter order */
    int is_generator, is_comprehension, is_lambda, is_nested;
    int is_coroutine;                 /* async def */
    int needs_class_closure;          /* class scope: a method uses __class__/super */
    int has_free;
    const char *private_name;         /* class name for mangling, or NULL */
} TnScope;

typedef struct {
    TnArena *arena;
    TnScope *top;
    TnScope **all; int nall, call;
    const char *filename, *src; size_t srclen;
    int future_annotations;
    int depth;
} TnSymtable;

int tn_symtable_build(TnSymtable *st, TnModuleAst *mod, int mode);
void tn_symtable_free(TnSymtable *st);
TnScope *tn_symtable_lookup(TnSymtable *st, const void *key);
TnSymbol *tn_scope_find(TnScope *s, const char *name);
int tn_scope_of(TnScope *s, const char *name);     /* SC_*; SC_NONE if unknown */
/* Mangle `name` for class `private_name`; returns name itself when no
 * mangling applies. Result lives in the arena. */
const char *tn_mangle(TnArena *a, const char *private_name, const char *name);

/* SyntaxError at an AST location; always returns -1. */
int tn_compile_error(const char *filename, const char *src, size_t srclen,
                     int lineno, int col, int end_lineno, int end_col, const char *fmt, ...);

/* ---- code generation ------------------------------------------------------ */
typedef struct TnBlock TnBlock;
typedef struct { int op, arg; TnBlock *target; int lineno; } TnInstr;

struct TnBlock {
    TnBlock *alloc_next;      /* every block of the unit, for freeing */
    TnBlock *next;            /* layout order */
    TnInstr *ins; int n, cap;
    int depth;                /* stack depth at entry, -1 = not reached */
    int offset;               /* code-unit index after assembly */
    int on_stack;
};

/* Frame blocks: what a `break`, `continue` or `return` must undo on its
 * way out. Each counts against TN_MAXBLOCKS like CPython's, which also
 * bounds the run-time block stack (an except clause holds two run-time
 * blocks, hence FB_EXCEPTION_HANDLER + FB_HANDLER_CLEANUP). */
enum { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
       FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER, FB_ASYNC_WITH };

typedef struct {
    int type;
    TnBlock *block, *exit;
    const void *datum;        /* FINALLY_TRY: TnStmtSeq*; HANDLER_CLEANUP: name */
} TnFBlock;

typedef struct { const char **s; int n, cap; } TnNameTab;

typedef struct TnUnit {
    struct TnUnit *parent;
    TnScope *ste;
    const char *name;
    char *qualname;                   /* tn_mem-owned */
    TnObject **consts; int nconsts, cconsts;
    TnNameTab names, varnames, cellvars, freevars;
    TnBlock *blocks, *entry, *cur;
    int argcount, posonly, kwonly, extra_flags;
    int firstlineno, lineno;
    TnFBlock fb[TN_MAXBLOCKS]; int nfb;
    const char *private_name;
    TnObject *docstring;              /* borrowed from consts */
} TnUnit;

typedef struct {
    TnSymtable st;
    TnArena *arena;
    const char *filename, *src; size_t srclen;
    int mode, flags, interactive;
    TnUnit *u;
    int depth;                        /* C recursion depth, see TN_COMPILE_MAX_DEPTH */
} TnCompiler;

/* Deepest AST nesting the compiler and symbol table recurse into; beyond it
 * they raise RecursionError instead of overflowing the C stack (CPython:
 * "maximum recursion depth exceeded during compilation"). */
#define TN_COMPILE_MAX_DEPTH 3000
int tn_c_enter(int *depth);                      /* 0, or -1 + RecursionError */

/* compile.c */
int tn_c_addop(TnCompiler *c, int op, int arg);
int tn_c_addjump(TnCompiler *c, int op, TnBlock *target);
TnBlock *tn_c_new_block(TnCompiler *c);
void tn_c_use_block(TnCompiler *c, TnBlock *b);   /* link after current, make current */
int tn_c_next_block(TnCompiler *c);
int tn_c_add_const(TnCompiler *c, TnObject *o);   /* steals o; returns index or -1 */
int tn_c_load_const(TnCompiler *c, TnObject *o);  /* steals o */
int tn_c_load_none(TnCompiler *c);
int tn_c_name_index(TnCompiler *c, TnNameTab *t, const char *name);   /* -1 on error */
int tn_c_nameop(TnCompiler *c, const char *id, TnExprCtx ctx);
int tn_c_addop_name(TnCompiler *c, int op, const char *name, int mangle);
const char *tn_c_mangle(TnCompiler *c, const char *name);
int tn_c_error(TnCompiler *c, TnLoc loc, const char *fmt, ...);
int tn_c_push_fblock(TnCompiler *c, TnLoc loc, int type, TnBlock *b, TnBlock *exit, const void *datum);
void tn_c_pop_fblock(TnCompiler *c);
int tn_c_function(TnCompiler *c, TnStmt *s);
int tn_c_class(TnCompiler *c, TnStmt *s);
int tn_c_lambda(TnCompiler *c, TnExpr *e);
int tn_c_comprehension(TnCompiler *c, TnExpr *e);
/* Constant folding: 1 and *out = new ref when `e` is a (folded) constant,
 * 0 when it is not, -1 on error. */
int tn_c_const_object(TnCompiler *c, TnExpr *e, TnObject **out);
int tn_c_maybe_const(TnExpr *e);    /* a node kind that folding may turn into a constant */
TnObject *tn_c_str(TnCompiler *c, const char *s);       /* interned str, new ref */
char *tn_c_unparse(TnCompiler *c, TnExpr *e);            /* annotation text (tn_mem-owned) */

/* compile_stmt.c / compile_expr.c */
int tn_c_stmt(TnCompiler *c, TnStmt *s);
int tn_c_body(TnCompiler *c, TnStmtSeq *body);
int tn_c_expr(TnCompiler *c, TnExpr *e);
int tn_c_jump_if(TnCompiler *c, TnExpr *e, TnBlock *target, int cond);
int tn_c_assign_target(TnCompiler *c, TnExpr *t);     /* value on TOS */
int tn_c_call_helper(TnCompiler *c, int n, TnExprSeq *args, TnKeywordSeq *kws, TnLoc loc);
int tn_c_unwind_fblock_stack(TnCompiler *c, int preserve_tos, TnFBlock **loop);
int tn_c_find_ann(TnStmtSeq *body);

/* assemble.c */
TnObject *tn_c_assemble(TnCompiler *c, int addnone);

#endif
