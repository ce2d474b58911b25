/* Recursive-descent parser internals (private to src/parse).
 *
 * Invariants:
 *  - Tokens are pulled lazily from the lexer into fixed-size blocks, so a
 *    TnToken pointer stays valid for the whole parse. `ntoks` plays the
 *    role of CPython's p->fill ("the last token fetched" is ntoks - 1);
 *    `fill` counts only the tokens fetched outside error analysis (our
 *    emulation of CPython's second pass), because CPython reports the
 *    generic "invalid syntax" where its first pass stopped.
 *  - Every parse function returns NULL (or -1) after recording an error in
 *    `err`, and never returns NULL without one. The parse is deterministic
 *    (one or two tokens of lookahead) and raises CPython's specialised
 *    messages where it fails; the few places where CPython's PEG parser
 *    backtracks are explicit speculations (tn__mark/tn__reset) that
 *    discard the error they produced.
 *  - CPython reports errors from a second, slower pass over the input; the
 *    parts of that pass we need are emulated by error analyses
 *    (tn__analysis_begin/end, parse_check.c), which may read ahead but do
 *    not move `fill`, and by `peg_prefix` mode, which reproduces PEG's
 *    "longest valid prefix" results.
 *  - The first recorded error wins; tn__reset clears it.
 *  - All nodes live in the arena; the token blocks are malloc'd and freed by
 *    the entry point, so nothing leaks on error paths.
 *  - `depth` bounds the recursion: every recursive grammar rule goes through
 *    TN_ENTER/TN_LEAVE, and exceeding TN_MAX_DEPTH is a SyntaxError.
 */
#ifndef TN_PARSE_PARSER_H
#define TN_PARSE_PARSER_H

#include "lexer.h"
#include "tandem/parse.h"

enum { TN_MAX_DEPTH = 1000, TN_TOK_BLOCK = 512 };

enum {
    TN_ERR_NONE = 0,
    TN_ERR_TOKENIZER,   /* raised by the lexer: final */
    TN_ERR_PARSER       /* raised by the parser: later tokenizer errors may override */
};

typedef struct Parser {
    TnArena *arena;
    TnLexer *lx;
    TnToken **tokblocks;        /* fixed-size blocks: token pointers stay valid */
    int nblocks;
    int ntoks, pos;
    int fill;                   /* tokens fetched outside error analysis */
    int analysis;               /* > 0 while emulating CPython's second pass */
    int peg_prefix;             /* CPython first-pass semantics: return the longest
                                   valid prefix, no specialised errors (parse_expr.c) */
    int check_depth;            /* nesting of error analyses (parse_check.c) */
    TnToken oom_tok;            /* returned when no token could be stored */
    int lexer_failed;           /* token ntoks-1 is the error token */
    int depth;
    int mode;                   /* 0 file, 1 single, 2 eval, 3 f-string expression */
    const char *filename;
    int err_kind;
    int err_generic;            /* the error is the generic "invalid syntax" */
    int err_final;              /* not subject to the rest-of-source check */
    int err_eager;              /* raised where CPython raises in its first pass */
    int in_action;              /* > 0 while decoding literals (parse_string.c) */
    TnSyntaxErrorInfo err;
    /* f-string expression parsers: errors are prefixed "f-string: " and
     * their columns made relative to the "(expr)" text, as CPython does */
    int fstring;
    int fstring_col_shift;
} Parser;

/* ---- tokens --------------------------------------------------------------- */
TnToken *tn__tok(Parser *p, int i);          /* token i, fetching as needed */
/* token i, which must already have been fetched */
static inline TnToken *tn__tokat(Parser *p, int i)
{
    return &p->tokblocks[i / TN_TOK_BLOCK][i % TN_TOK_BLOCK];
}
static inline TnToken *tn__cur(Parser *p) { return tn__tok(p, p->pos); }
static inline TnToken *tn__peek(Parser *p, int k) { return tn__tok(p, p->pos + k); }
static inline TnTokType tn__type(Parser *p) { return tn__cur(p)->type; }
TnToken *tn__advance(Parser *p);
TnToken *tn__accept(Parser *p, TnTokType t);     /* consume if it matches */
TnToken *tn__expect(Parser *p, TnTokType t);     /* else generic error */
/* CPython's forced token (&&'x'): "expected 'x'" at the current token */
TnToken *tn__expect_forced(Parser *p, TnTokType t);
int tn__is_soft_name(const TnToken *t, const char *name);

/* ---- speculation ---------------------------------------------------------- */
typedef struct { int pos; int depth; } TnMark;
static inline TnMark tn__mark(Parser *p) { TnMark m = {p->pos, p->depth}; return m; }
void tn__reset(Parser *p, TnMark m);             /* rewind and forget the error */
/* Error analysis: a speculative parse that only decides which message to
 * give. tn__analysis_end rewinds; it returns -1 (keeping the error) if the
 * speculation hit an error CPython raises wherever it is met (tokenizer
 * errors, literal decoding errors, forced tokens). */
TnMark tn__analysis_begin(Parser *p);
int tn__analysis_end(Parser *p, TnMark m);

/* ---- errors --------------------------------------------------------------- */
int tn__failed(const Parser *p);
void *tn__error_at(Parser *p, const char *type, int lineno, int col,
                   int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* RAISE_SYNTAX_ERROR_KNOWN_LOCATION on a node or token */
void *tn__error_loc(Parser *p, TnLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* RAISE_SYNTAX_ERROR_KNOWN_RANGE: from a's start to b's end */
void *tn__error_range(Parser *p, TnLoc a, TnLoc b, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token fetched */
void *tn__error_last(Parser *p, const char *type, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The generic "invalid syntax" at the last token fetched. */
void *tn__error_generic(Parser *p);
/* the same at a given token index (CPython's first-pass failure point) */
void *tn__error_generic_at(Parser *p, int tok_index);
/* RAISE_SYNTAX_ERROR_STARTING_FROM: from a position to the read position */
void *tn__error_starting_from(Parser *p, int lineno, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void *tn__error_depth(Parser *p);
void *tn__nomem(Parser *p);
TnLoc tn__tok_loc(const TnToken *t);

#define TN_ENTER(p, failval)                                    \
    do {                                                        \
        if (++(p)->depth > TN_MAX_DEPTH) {                      \
            (p)->depth--;                                       \
            tn__error_depth(p);                                 \
            return failval;                                     \
        }                                                       \
    } while (0)
#define TN_LEAVE(p) ((p)->depth--)

/* ---- nodes ---------------------------------------------------------------- */
void *tn__alloc(Parser *p, size_t size);
TnExpr *tn__expr(Parser *p, TnExprKind kind, TnLoc loc);
TnStmt *tn__stmt(Parser *p, TnStmtKind kind, TnLoc loc);
/* Location from token `start` to the last consumed token (CPython's EXTRA). */
TnLoc tn__extra(Parser *p, const TnToken *start);
void *tn__grow(Parser *p, void *items, int n, int *cap, size_t elsize);
#define TN_PUSH(p, seq, cap, x)                                                   \
    (((seq).n < (cap) ||                                                           \
      ((seq).items = tn__grow((p), (seq).items, (seq).n, &(cap), sizeof *(seq).items)) != NULL) \
         ? ((seq).items[(seq).n++] = (x), 0)                                       \
         : -1)
const char *tn__tok_str(Parser *p, const TnToken *t);   /* arena copy of the text */
TnExpr *tn__name(Parser *p, const TnToken *t, TnExprCtx ctx);

/* ---- shared grammar entry points -------------------------------------------- */
/* expressions (parse_expr.c) */
TnExpr *tn__expression(Parser *p);
TnExpr *tn__expression_prefix(Parser *p);   /* with PEG's prefix semantics */
TnExpr *tn__named_expression(Parser *p);
TnExpr *tn__star_expressions(Parser *p);
TnExpr *tn__star_named_expression(Parser *p);
TnExpr *tn__expressions(Parser *p);         /* eval input */
TnExpr *tn__disjunction(Parser *p);
TnExpr *tn__bitwise_or(Parser *p);
TnExpr *tn__yield_expr(Parser *p);
TnExpr *tn__annotated_rhs(Parser *p);       /* yield_expr | star_expressions */
/* named_expression; call arguments pass check_assign = 0 because CPython
 * does not apply invalid_named_expression to them */
TnExpr *tn__named_expression_ex(Parser *p, int check_assign);
TnExpr *tn__starred(Parser *p, TnExpr *(*operand)(Parser *));   /* '*' operand */
int tn__at_comprehension(Parser *p);        /* 'for' or 'async' 'for' */
int tn__at_comprehension_2nd(Parser *p);    /* the same, as a second-pass check */
int tn__for_if_clauses(Parser *p, TnComprehensionSeq *gens);
TnExpr *tn__lambdef(Parser *p);
TnExpr *tn__star_target(Parser *p);         /* one assignment target, unchecked */
TnExpr *tn__star_targets(Parser *p);        /* a comma-separated list of them */
/* for-loop targets up to 'in'; reports CPython's errors when 'in' is missing */
TnExpr *tn__for_targets(Parser *p);
/* parse_args.c */
TnArguments *tn__parameters(Parser *p, int lambda);
/* after '(' of a call or class; consumes ')' */
int tn__call_args(Parser *p, TnExprSeq *args, TnKeywordSeq *kws, const TnToken *open);
int tn__starts_expression(TnTokType t);

/* targets (parse_check.c) */
enum { TN_TARGET_STAR, TN_TARGET_DEL, TN_TARGET_FOR };
/* CPython's _PyPegen_get_invalid_target: NULL when e is a valid target */
TnExpr *tn__invalid_target(TnExpr *e, int kind);
const char *tn__expr_name(const TnExpr *e);
void tn__set_context(TnExpr *e, TnExprCtx ctx);
/* report an invalid target (assumes tn__invalid_target(e) != NULL) */
void *tn__target_error(Parser *p, TnExpr *e, int kind);
/* where an expression sits among the tokens (parse_check.c) */
int tn__tok_index_after(Parser *p, int lineno, int col);   /* first token at/after */
int tn__is_wrapped_in_parens(Parser *p, const TnExpr *e);  /* '(' e ')' */
int tn__is_bare_tuple(Parser *p, const TnExpr *e);         /* a, b (no parens) */
int tn__is_bitwise_level(Parser *p, const TnExpr *e);
int tn__starts_with_excluded_atom(Parser *p, const TnExpr *e);
const TnExpr *tn__bitwise_prefix(Parser *p, const TnExpr *e);
/* the generic failure after an expression: "Perhaps you forgot a comma?",
 * "Missing parentheses in call to 'print'", or "invalid syntax" */
void *tn__error_after_expr(Parser *p, TnExpr *e);
/* just the specialised part: 1 if an error was recorded, else 0 */
int tn__invalid_expression_check(Parser *p, TnExpr *e);
/* invalid_named_expression's `a = b`, called with '=' as current token */
void tn__named_assign_check(Parser *p, TnExpr *e);

/* strings (parse_string.c): one or more adjacent STRING tokens */
TnExpr *tn__strings(Parser *p);
/* code point of a \N{...} name, or -1 (unicode_names.c) */
long tn__unicode_lookup(const char *name, size_t len);
/* a NUMBER token as a Constant */
TnExpr *tn__number(Parser *p, const TnToken *t);

/* statements (parse_stmt.c) */
int tn__file(Parser *p, TnStmtSeq *body);
int tn__interactive(Parser *p, TnStmtSeq *body);
int tn__eval(Parser *p, TnStmtSeq *body);

/* the AST depth bound (ast_depth.c): "too complex" past TN_AST_MAX_DEPTH */
int tn__check_depth(Parser *p, const TnStmt *s);

/* entry point for f-string expressions (parser.c) */
TnExpr *tn__fstring_expr(Parser *parent, const char *text, size_t len,
                         int lineno, int col_shift, int level);

#endif
