/* Parser core: token buffer, error reporting, node allocation, and the
 * public entry points tn_parse and tn_parse_incomplete. The grammar is in
 * parse_stmt.c, parse_expr.c, parse_args.c and parse_string.c; CPython's
 * second-pass error rules are emulated in parse_check.c; ast_depth.c
 * bounds the depth of the result.
 *
 * Error strategy (mirrors CPython 3.11's pegen):
 *  - a tokenizer error reached while parsing is final;
 *  - any other error (specific or the generic "invalid syntax") is then
 *    checked against the rest of the source: if tokenizing the remainder
 *    hits a tokenizer error, that one is reported instead, and an unclosed
 *    bracket at EOF wins when it opened on an earlier line than the last
 *    token the parser looked at (_PyPegen_tokenize_full_source_to_check_for_errors).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parser.h"
#include "tandem/parse.h"

/* ---- tokens --------------------------------------------------------------- */

static void lexer_error(Parser *p, const TnToken *t);

static int add_block(Parser *p)
{
    TnToken **nb = realloc(p->tokblocks, (size_t)(p->nblocks + 1) * sizeof *nb);
    if (!nb)
        return -1;
    p->tokblocks = nb;
    nb[p->nblocks] = malloc(TN_TOK_BLOCK * sizeof(TnToken));
    if (!nb[p->nblocks])
        return -1;
    p->nblocks++;
    return 0;
}

static void free_tokens(Parser *p)
{
    for (int i = 0; i < p->nblocks; i++)
        free(p->tokblocks[i]);
    free(p->tokblocks);
    p->tokblocks = NULL;
    p->nblocks = 0;
}

TnToken *tn__tok(Parser *p, int i)
{
    while (p->ntoks <= i && !p->lexer_failed) {
        if (p->ntoks == p->nblocks * TN_TOK_BLOCK && add_block(p) < 0) {
            /* Out of memory: end the token stream with an error token. */
            p->lexer_failed = 1;
            tn__nomem(p);
            break;
        }
        TnToken *t = tn__tokat(p, p->ntoks++);
        if (tn_lexer_next(p->lx, t) == TK_ERRORTOKEN)
            p->lexer_failed = 1;
    }
    int seen = i + 1 < p->ntoks ? i + 1 : p->ntoks;
    if (!p->analysis && seen > p->fill)
        p->fill = seen;
    if (p->ntoks == 0) {
        /* out of memory before the first token */
        p->oom_tok.type = TK_ERRORTOKEN;
        p->oom_tok.lineno = 1;
        return &p->oom_tok;
    }
    TnToken *t = tn__tokat(p, i < p->ntoks ? i : p->ntoks - 1);
    if (t->type == TK_ERRORTOKEN)
        lexer_error(p, t);
    return t;
}

TnToken *tn__advance(Parser *p)
{
    TnToken *t = tn__cur(p);
    if (t->type != TK_ERRORTOKEN && p->pos < p->ntoks)
        p->pos++;
    return t;
}

TnToken *tn__accept(Parser *p, TnTokType type)
{
    if (tn__type(p) == type)
        return tn__advance(p);
    return NULL;
}

TnToken *tn__expect(Parser *p, TnTokType type)
{
    if (tn__type(p) == type)
        return tn__advance(p);
    tn__error_generic(p);
    return NULL;
}

TnToken *tn__expect_forced(Parser *p, TnTokType type)
{
    TnToken *t = tn__cur(p);
    if (t->type == type)
        return tn__advance(p);
    if (!tn__failed(p)) {
        tn__error_loc(p, tn__tok_loc(t), "expected '%s'", tn_token_name(type));
        p->err_eager = 1;
        p->err_generic = 0;
    }
    return NULL;
}

int tn__is_soft_name(const TnToken *t, const char *name)
{
    size_t n = strlen(name);
    return t->type == TK_NAME && (size_t)t->len == n && memcmp(t->start, name, n) == 0;
}

TnMark tn__analysis_begin(Parser *p)
{
    p->analysis++;
    return tn__mark(p);
}

int tn__analysis_end(Parser *p, TnMark m)
{
    p->analysis--;
    if (p->err_kind == TN_ERR_TOKENIZER || (p->err_kind != TN_ERR_NONE && p->err_eager))
        return -1;
    tn__reset(p, m);
    return 0;
}

void tn__reset(Parser *p, TnMark m)
{
    p->pos = m.pos;
    p->depth = m.depth;
    p->err_kind = TN_ERR_NONE;
    p->err_generic = 0;
    p->err_final = 0;
    p->err_eager = 0;
}

/* ---- errors --------------------------------------------------------------- */

int tn__failed(const Parser *p)
{
    return p->err_kind != TN_ERR_NONE;
}

static void verror(Parser *p, int kind, const char *type, int lineno, int col,
                   int end_lineno, int end_col, const char *fmt, va_list ap)
{
    if (p->err_kind != TN_ERR_NONE)
        return;
    p->err_kind = kind;
    p->err_eager = p->in_action > 0;
    /* in PEG-prefix mode there is no second pass: every parser error is
     * just a failed alternative */
    p->err_generic = p->peg_prefix && kind == TN_ERR_PARSER && !p->err_eager;
    p->err.type = type;
    char msg[sizeof p->err.msg];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (p->fstring && kind == TN_ERR_PARSER) {
        snprintf(p->err.msg, sizeof p->err.msg, "f-string: %.240s", msg);
        /* CPython reports f-string expression errors relative to the
         * "(expr)" text it parsed. */
        if (col >= 0)
            col -= p->fstring_col_shift;
        if (end_col >= 0)
            end_col -= p->fstring_col_shift;
    } else {
        memcpy(p->err.msg, msg, sizeof msg);
    }
    p->err.lineno = lineno;
    p->err.col_offset = col;
    p->err.end_lineno = end_lineno;
    p->err.end_col_offset = end_col;
}

void *tn__error_at(Parser *p, const char *type, int lineno, int col, int end_lineno,
                   int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, TN_ERR_PARSER, type, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

void *tn__error_loc(Parser *p, TnLoc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, TN_ERR_PARSER, "SyntaxError", loc.lineno, loc.col_offset, loc.end_lineno,
           loc.end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}

void *tn__error_range(Parser *p, TnLoc a, TnLoc b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, TN_ERR_PARSER, "SyntaxError", a.lineno, a.col_offset, b.end_lineno,
           b.end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}

/* Position CPython gives a token in _PyPegen_raise_error: its column, or
 * for tokens without text the read position of the tokenizer. An unknown
 * end column is -2 so that end_col_offset + 1 gives CPython's -1. */
static void token_err_pos(const TnToken *t, int *col, int *end_col)
{
    *col = t->col_offset >= 0 ? t->col_offset : t->cur_col - 1;
    *end_col = t->end_col_offset >= 0 ? t->end_col_offset : -2;
}

void *tn__error_last(Parser *p, const char *type, const char *fmt, ...)
{
    if (p->ntoks == 0)
        tn__tok(p, 0);
    const TnToken *t = tn__tokat(p, p->ntoks - 1);
    int col, end_col;
    token_err_pos(t, &col, &end_col);
    va_list ap;
    va_start(ap, fmt);
    verror(p, TN_ERR_PARSER, type, t->lineno, col, t->end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

void *tn__error_generic(Parser *p)
{
    if (tn__failed(p))
        return NULL;
    if (p->ntoks == 0)
        tn__tok(p, 0);
    int i = p->fill > 0 ? p->fill - 1 : p->ntoks - 1;
    return tn__error_generic_at(p, i);
}

void *tn__error_starting_from(Parser *p, int lineno, int col, const char *fmt, ...)
{
    const TnToken *t = tn__tokat(p, p->ntoks - 1);
    va_list ap;
    va_start(ap, fmt);
    verror(p, TN_ERR_PARSER, "SyntaxError", lineno, col, t->end_lineno,
           t->end_col_offset >= 0 ? t->end_col_offset - 1 : t->cur_col - 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *tn__error_generic_at(Parser *p, int index)
{
    if (tn__failed(p))
        return NULL;
    const TnToken *t = tn__tokat(p, index);
    /* _PyPegen_set_syntax_error: failing on an INDENT/DEDENT is an
     * indentation problem, not a generic one. */
    if (t->type == TK_INDENT || t->type == TK_DEDENT) {
        /* CPython returns before tokenizing the rest of the file here */
        p->err_final = 1;
        return tn__error_last(p, "IndentationError",
                              t->type == TK_INDENT ? "unexpected indent" : "unexpected unindent");
    }
    tn__error_at(p, "SyntaxError", t->lineno, t->col_offset, t->end_lineno,
                 t->end_col_offset, "invalid syntax");
    p->err_generic = 1;
    return NULL;
}

void *tn__error_depth(Parser *p)
{
    TnToken *t = tn__cur(p);
    return tn__error_loc(p, tn__tok_loc(t), "too complex");
}

void *tn__nomem(Parser *p)
{
    return tn__error_at(p, "SyntaxError", 1, -1, 1, -1, "out of memory while parsing");
}

/* The tokenizer failed at token t: build CPython's message for it
 * (pegen's tokenizer_error / raise_unclosed_parentheses_error). */
static void lexer_error(Parser *p, const TnToken *t)
{
    if (p->err_kind != TN_ERR_NONE)
        return;
    TnLexer *lx = p->lx;
    TnSyntaxErrorInfo *e = &p->err;
    p->err_kind = TN_ERR_TOKENIZER;
    e->type = "SyntaxError";
    e->lineno = e->end_lineno = lx->lineno;
    switch (lx->done) {
    case TN_LX_ERROR:
        *e = lx->err;
        return;
    case TN_LX_EOF:
        if (lx->level) {
            e->lineno = e->end_lineno = lx->parenlinenostack[lx->level - 1];
            e->col_offset = lx->parencolstack[lx->level - 1];
            e->end_col_offset = -1;
            snprintf(e->msg, sizeof e->msg, "'%c' was never closed",
                     lx->parenstack[lx->level - 1]);
        } else {
            e->col_offset = t->cur_col - 1;
            e->end_col_offset = -2;
            snprintf(e->msg, sizeof e->msg, "unexpected EOF while parsing");
        }
        return;
    case TN_LX_DEDENT:
        e->type = "IndentationError";
        e->col_offset = t->cur_col - 1;
        e->end_col_offset = -2;
        snprintf(e->msg, sizeof e->msg, "unindent does not match any outer indentation level");
        return;
    case TN_LX_TABSPACE:
        e->type = "TabError";
        e->col_offset = 0;
        e->end_col_offset = -1;
        snprintf(e->msg, sizeof e->msg, "inconsistent use of tabs and spaces in indentation");
        return;
    case TN_LX_TOODEEP:
        e->type = "IndentationError";
        e->col_offset = 0;
        e->end_col_offset = -1;
        snprintf(e->msg, sizeof e->msg, "too many levels of indentation");
        return;
    case TN_LX_LINECONT:
        e->col_offset = t->cur_col - 1;
        e->end_col_offset = -1;
        snprintf(e->msg, sizeof e->msg,
                 "unexpected character after line continuation character");
        return;
    case TN_LX_OK:
        break;
    }
    e->col_offset = 0;
    e->end_col_offset = -1;
    snprintf(e->msg, sizeof e->msg, "unknown parsing error");
}

/* After a parser error, keep tokenizing: a later tokenizer error replaces
 * it, and so does an unclosed bracket opened before the error line. */
static void check_rest_of_source(Parser *p)
{
    if (p->err_kind != TN_ERR_PARSER || p->err_final || p->lexer_failed || p->ntoks == 0)
        return;
    int err_line = tn__tokat(p, p->ntoks - 1)->lineno;
    if (tn__tokat(p, p->ntoks - 1)->type == TK_ENDMARKER)
        return;
    TnLexer *lx = p->lx;
    TnToken t;
    for (;;) {
        TnTokType type = tn_lexer_next(lx, &t);
        if (type == TK_ENDMARKER)
            return;
        if (type != TK_ERRORTOKEN)
            continue;
        if (lx->done == TN_LX_ERROR) {
            p->err = lx->err;
            p->err_kind = TN_ERR_TOKENIZER;
        } else if (lx->level != 0 && err_line > lx->parenlinenostack[lx->level - 1]) {
            /* any other tokenizer failure inside brackets reports the
             * bracket, as CPython does */
            lx->done = TN_LX_EOF;
            p->err_kind = TN_ERR_NONE;
            lexer_error(p, &t);
        }
        return;
    }
}

/* ---- nodes ---------------------------------------------------------------- */

void *tn__alloc(Parser *p, size_t size)
{
    void *m = tn_arena_alloc(p->arena, size);
    if (!m)
        tn__nomem(p);
    return m;
}

TnExpr *tn__expr(Parser *p, TnExprKind kind, TnLoc loc)
{
    TnExpr *e = tn__alloc(p, sizeof *e);
    if (e) {
        e->kind = kind;
        e->loc = loc;
    }
    return e;
}

TnStmt *tn__stmt(Parser *p, TnStmtKind kind, TnLoc loc)
{
    TnStmt *s = tn__alloc(p, sizeof *s);
    if (s) {
        s->kind = kind;
        s->loc = loc;
    }
    return s;
}

TnLoc tn__tok_loc(const TnToken *t)
{
    TnLoc l = {t->lineno, t->col_offset, t->end_lineno, t->end_col_offset};
    if (l.col_offset < 0)
        l.col_offset = t->cur_col - 1;
    return l;
}

TnLoc tn__extra(Parser *p, const TnToken *start)
{
    /* _PyPegen_get_last_nonnwhitespace_token: blocks end at their last
     * real token, not at the NEWLINE/DEDENT that closed them */
    const TnToken *end = start;
    for (int m = p->pos - 1; m >= 0; m--) {
        const TnToken *t = tn__tokat(p, m);
        end = t;
        if (t->type != TK_ENDMARKER && t->type != TK_NEWLINE && t->type != TK_INDENT &&
            t->type != TK_DEDENT)
            break;
    }
    TnLoc l = {start->lineno, start->col_offset, end->end_lineno, end->end_col_offset};
    return l;
}

void *tn__grow(Parser *p, void *items, int n, int *cap, size_t elsize)
{
    int ncap = *cap ? *cap * 2 : 4;
    void *m = tn__alloc(p, (size_t)ncap * elsize);
    if (!m)
        return NULL;
    if (n)
        memcpy(m, items, (size_t)n * elsize);
    *cap = ncap;
    return m;
}

const char *tn__tok_str(Parser *p, const TnToken *t)
{
    char *s = tn_arena_strndup(p->arena, t->start, (size_t)t->len);
    if (!s)
        tn__nomem(p);
    return s;
}

TnExpr *tn__name(Parser *p, const TnToken *t, TnExprCtx ctx)
{
    TnExpr *e = tn__expr(p, TN_EXPR_NAME, tn__tok_loc(t));
    if (!e)
        return NULL;
    e->v.name.id = tn__tok_str(p, t);
    e->v.name.ctx = ctx;
    return e->v.name.id ? e : NULL;
}

/* ---- entry points --------------------------------------------------------- */

static void parser_init(Parser *p, TnArena *arena, TnLexer *lx, const char *filename, int mode)
{
    memset(p, 0, sizeof *p);
    p->arena = arena;
    p->lx = lx;
    p->filename = filename;
    p->mode = mode;
}

/* Positions, counts and capacities are ints; a 1 GiB source keeps all of
 * them far from overflow. */
#define TN_MAX_SOURCE ((size_t)1 << 30)

TnModuleAst *tn_parse(TnArena *arena, const char *src, size_t len,
                      const char *filename, int mode, TnSyntaxErrorInfo *err)
{
    if (len > TN_MAX_SOURCE) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->type = "SyntaxError";
            snprintf(err->msg, sizeof err->msg, "source code too long to parse");
            err->lineno = 1;
            err->col_offset = err->end_col_offset = -1;
        }
        return NULL;
    }
    TnLexer *lx = tn_arena_alloc(arena, sizeof *lx);
    TnModuleAst *m = tn_arena_alloc(arena, sizeof *m);
    if (!lx || !m || tn_lexer_init(lx, arena, src ? src : "", src ? len : 0, filename) < 0) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->type = "SyntaxError";
            snprintf(err->msg, sizeof err->msg, "out of memory while parsing");
            err->lineno = 1;
            err->col_offset = err->end_col_offset = -1;
        }
        return NULL;
    }
    Parser p;
    parser_init(&p, arena, lx, filename, mode);
    int rc;
    if (mode == 1)
        rc = tn__interactive(&p, &m->body);
    else if (mode == 2)
        rc = tn__eval(&p, &m->body);
    else
        rc = tn__file(&p, &m->body);
    if (rc < 0 || tn__failed(&p)) {
        if (!tn__failed(&p))
            tn__error_generic(&p);
        check_rest_of_source(&p);
        if (err)
            *err = p.err;
        free_tokens(&p);
        return NULL;
    }
    m->interactive = mode == 1;
    free_tokens(&p);
    return m;
}

TnExpr *tn__fstring_expr(Parser *parent, const char *text, size_t len, int lineno,
                         int col_shift, int level)
{
    char *buf = tn__alloc(parent, len + 3);
    TnLexer *lx = tn__alloc(parent, sizeof *lx);
    if (!buf || !lx)
        return NULL;
    buf[0] = '(';
    memcpy(buf + 1, text, len);
    buf[len + 1] = ')';
    if (tn_lexer_init_fstring(lx, parent->arena, buf, len + 2, parent->filename, lineno,
                              col_shift, parent->lx->level_base + level) < 0)
        return tn__nomem(parent);
    Parser p;
    parser_init(&p, parent->arena, lx, parent->filename, 3);
    p.fstring = 1;
    p.fstring_col_shift = col_shift;
    p.depth = parent->depth;
    TnExpr *e = tn__star_expressions(&p);
    if (!e || tn__failed(&p)) {
        if (!tn__failed(&p))
            tn__error_generic(&p);
        check_rest_of_source(&p);
        if (parent->err_kind == TN_ERR_NONE) {
            parent->err = p.err;
            parent->err_kind = TN_ERR_PARSER;
            parent->err_eager = 1;  /* raised while decoding the literal */
        }
        free_tokens(&p);
        return NULL;
    }
    free_tokens(&p);
    return e;
}

/* ---- REPL support --------------------------------------------------------- */

/* Did the parse fail only because the input stopped early? */
static int failed_at_eof(Parser *p)
{
    const char *m = p->err.msg;
    if (strncmp(m, "unterminated triple-quoted string", 33) == 0 ||
        strstr(m, "' was never closed") || strcmp(m, "unexpected EOF while parsing") == 0)
        return 1;
    if (p->ntoks == 0)
        return 0;
    const TnToken *last = tn__tokat(p, p->ntoks - 1);
    return last->type == TK_ENDMARKER &&
           (strncmp(m, "expected an indented block", 26) == 0 ||
            strcmp(m, "expected 'except' or 'finally' block") == 0);
}

int tn_parse_incomplete(const char *src, size_t len)
{
    if (len > TN_MAX_SOURCE)
        return 0;
    TnArena *arena = tn_arena_new();
    if (!arena)
        return 0;
    int incomplete = 0;
    TnLexer *lx = tn_arena_alloc(arena, sizeof *lx);
    if (lx && tn_lexer_init(lx, arena, src ? src : "", src ? len : 0, "<stdin>") == 0) {
        Parser p;
        TnStmtSeq body = {0, NULL};
        parser_init(&p, arena, lx, "<stdin>", 1);
        if (tn__interactive(&p, &body) < 0 || tn__failed(&p)) {
            incomplete = failed_at_eof(&p);
        } else if (body.n == 1) {
            /* A compound statement goes on until a blank line, as at
             * CPython's prompt. */
            TnStmtKind k = body.items[0]->kind;
            int compound = k == TN_STMT_IF || k == TN_STMT_WHILE || k == TN_STMT_FOR ||
                           k == TN_STMT_ASYNCFOR || k == TN_STMT_WITH || k == TN_STMT_ASYNCWITH ||
                           k == TN_STMT_TRY || k == TN_STMT_FUNCTIONDEF ||
                           k == TN_STMT_ASYNCFUNCTIONDEF || k == TN_STMT_CLASSDEF;
            size_t n = len;
            while (n > 0 && (src[n - 1] == ' ' || src[n - 1] == '\t'))
                n--;
            int blank_line_at_end = n >= 2 && src[n - 1] == '\n' && src[n - 2] == '\n';
            incomplete = compound && !blank_line_at_end;
        }
        free_tokens(&p);
    }
    tn_arena_free(arena);
    return incomplete;
}
