/* Tokenizer: a transcription of CPython 3.11's Parser/tokenizer.c logic
 * (same states, same error wording and positions), minus the parts we do
 * not need (interactive prompts, type comments, encodings other than
 * UTF-8). See lexer.h for the invariants.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lexer.h"

#define EOF_CH (-1)
enum { TABSIZE = 8 };

static const char *const token_names[] = {
#define TN_TOK_NAME(name, text) text,
    TN_TOKEN_LIST(TN_TOK_NAME)
#undef TN_TOK_NAME
};

const char *tn_token_name(TnTokType t)
{
    return (unsigned)t < TK__COUNT ? token_names[t] : "?";
}

/* ---- UTF-8 helpers ------------------------------------------------------- */

int tn__utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    int len;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else
        return 0;
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    /* Reject overlong forms, surrogates and values past U+10FFFF, as the
     * strict UTF-8 codec does. */
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

static unsigned utf8_decode(const unsigned char *s, int len)
{
    static const unsigned char mask[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    unsigned cp = s[0] & mask[len];
    for (int i = 1; i < len; i++)
        cp = (cp << 6) | (s[i] & 0x3F);
    return cp;
}

/* Without the Unicode database we approximate Py_UNICODE_ISPRINTABLE for
 * the characters that matter in source code: controls, format characters,
 * separators other than the ASCII space, surrogates, private use and
 * noncharacters. */
int tn__cp_printable(unsigned cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD)
        return 0;
    if (cp == 0x061C || cp == 0x1680 || cp == 0x180E)
        return 0;
    if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
        (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
        (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xD800 && cp <= 0xF8FF) ||
        (cp >= 0xE0000 && cp <= 0xE0FFF) || cp >= 0xF0000 ||
        (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
        return 0;
    return 1;
}

/* Approximation of XID_Start / XID_Continue for non-ASCII code points:
 * letters of all scripts are accepted; punctuation, symbols, separators
 * and controls in the commonly hit blocks are rejected. */
static int cp_is_id(unsigned cp, int start)
{
    if (!tn__cp_printable(cp))
        return 0;
    if (cp < 0xC0)
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA || (!start && cp == 0xB7);
    if (cp == 0xD7 || cp == 0xF7)
        return 0;
    if (cp >= 0x2000 && cp <= 0x206F)
        return !start && (cp == 0x203F || cp == 0x2040 || cp == 0x2054);
    if (cp == 0x2070 || (cp >= 0x2074 && cp <= 0x207E) || (cp >= 0x2080 && cp <= 0x208E))
        return 0;
    if ((cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2190 && cp <= 0x2BFF) ||
        (cp >= 0x2E00 && cp <= 0x2E7F))
        return 0;
    if ((cp >= 0x3001 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) ||
        cp == 0x3030 || (cp >= 0x303D && cp <= 0x303F))
        return 0;
    if ((cp >= 0xFE10 && cp <= 0xFE19) || (cp >= 0xFE30 && cp <= 0xFE32) ||
        (cp >= 0xFE35 && cp <= 0xFE4C) || (cp >= 0xFE50 && cp <= 0xFE6B))
        return 0;
    if (cp >= 0xFE33 && cp <= 0xFE4F)
        return !start;
    if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
        (cp >= 0xFF3B && cp <= 0xFF40 && cp != 0xFF3F) || (cp >= 0xFF5B && cp <= 0xFF65))
        return 0;
    if (cp == 0xFF3F)
        return !start;
    if ((cp >= 0xFFF0 && cp <= 0xFFFF) || (cp >= 0x1F000 && cp <= 0x1FAFF))
        return 0;
    return 1;
}

/* ---- errors -------------------------------------------------------------- */

static void set_err(TnLexer *lx, const char *type, int lineno, int col,
                    int end_lineno, int end_col, const char *fmt, va_list ap)
{
    if (lx->has_err)
        return;                 /* first error wins */
    lx->has_err = 1;
    lx->err.type = type;
    vsnprintf(lx->err.msg, sizeof lx->err.msg, fmt, ap);
    lx->err.lineno = lineno;
    lx->err.col_offset = col;
    lx->err.end_lineno = end_lineno;
    lx->err.end_col_offset = end_col;
}

/* Byte column of the character that ends just before `p`, i.e. the
 * 0-based column whose 1-based character offset CPython reports when it
 * measures the error position as the text between line start and p. */
static int col_before(const TnLexer *lx, const char *p)
{
    if (p <= lx->line_start)
        return -1;
    const char *q = p - 1;
    while (q > lx->line_start && ((unsigned char)*q & 0xC0) == 0x80)
        q--;
    return (int)(q - lx->line_start);
}

/* CPython's syntaxerror(): located at the current read position. */
static TnTokType syntaxerror(TnLexer *lx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int col = col_before(lx, lx->cur);
    set_err(lx, "SyntaxError", lx->lineno, col, lx->lineno, col, fmt, ap);
    va_end(ap);
    lx->done = TN_LX_ERROR;
    return TK_ERRORTOKEN;
}

static TnTokType syntaxerror_range(TnLexer *lx, int col, int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_err(lx, "SyntaxError", lx->lineno, col, lx->lineno, end_col, fmt, ap);
    va_end(ap);
    lx->done = TN_LX_ERROR;
    return TK_ERRORTOKEN;
}

/* ---- reading characters ------------------------------------------------- */

/* Move to the next physical line. Like CPython, a line is checked for NUL
 * bytes and for valid UTF-8 when it is first read. */
static int underflow(TnLexer *lx)
{
    if (lx->inp >= lx->end) {
        lx->done = TN_LX_EOF;
        return 0;
    }
    const char *nl = memchr(lx->inp, '\n', (size_t)(lx->end - lx->inp));
    const char *e = nl ? nl + 1 : lx->end;
    lx->lineno++;
    lx->cur = lx->inp;
    lx->line_start = lx->cur;
    lx->inp = e;
    if (memchr(lx->cur, '\0', (size_t)(e - lx->cur))) {
        if (!lx->has_err) {
            lx->has_err = 1;
            lx->err.type = "SyntaxError";
            snprintf(lx->err.msg, sizeof lx->err.msg, "source code cannot contain null bytes");
            lx->err.lineno = lx->err.end_lineno = lx->lineno;
            lx->err.col_offset = lx->err.end_col_offset = -1;
        }
        lx->done = TN_LX_ERROR;
        return 0;
    }
    for (const unsigned char *s = (const unsigned char *)lx->cur; s < (const unsigned char *)e;) {
        int n = tn__utf8_len(s, (size_t)((const unsigned char *)lx->end - s));
        if (!n) {
            if (!lx->has_err) {
                lx->has_err = 1;
                lx->err.type = "SyntaxError";
                snprintf(lx->err.msg, sizeof lx->err.msg,
                         "Non-UTF-8 code starting with '\\x%.2x' in file %s on line %d, "
                         "but no encoding declared; see https://peps.python.org/pep-0263/ "
                         "for details", *s, lx->filename ? lx->filename : "<string>",
                         lx->lineno);
                lx->err.lineno = lx->err.end_lineno = lx->lineno;
                lx->err.col_offset = lx->err.end_col_offset = -1;
            }
            lx->done = TN_LX_ERROR;
            return 0;
        }
        s += n;
    }
    return 1;
}

static int nextc(TnLexer *lx)
{
    for (;;) {
        if (lx->cur != lx->inp)
            return (unsigned char)*lx->cur++;
        if (lx->done != TN_LX_OK)
            return EOF_CH;
        if (!underflow(lx)) {
            lx->cur = lx->inp;
            return EOF_CH;
        }
    }
}

static void backup(TnLexer *lx, int c)
{
    if (c != EOF_CH)
        lx->cur--;
}

/* ---- initialization ----------------------------------------------------- */

static int init_common(TnLexer *lx, TnArena *arena, const char *src, size_t len,
                       const char *filename, int normalize)
{
    memset(lx, 0, sizeof *lx);
    lx->filename = filename;
    if (normalize && len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    char *buf = tn_arena_alloc(arena, len + 2);
    if (!buf)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = src[i];
        if (c == '\r') {
            c = '\n';
            if (i + 1 < len && src[i + 1] == '\n')
                i++;
        }
        buf[n++] = c;
    }
    int empty = n == 0;
    if (n == 0 || buf[n - 1] != '\n')
        buf[n++] = '\n';
    buf[n] = '\0';
    lx->buf = lx->cur = lx->inp = lx->line_start = buf;
    lx->end = buf + n;
    lx->atbol = 1;
    lx->done = TN_LX_OK;
    lx->empty = empty;
    return 0;
}

int tn_lexer_init(TnLexer *lx, TnArena *arena, const char *src, size_t len,
                  const char *filename)
{
    return init_common(lx, arena, src, len, filename, 1);
}

int tn_lexer_init_fstring(TnLexer *lx, TnArena *arena, const char *src,
                          size_t len, const char *filename, int lineno,
                          int col_shift, int level_base)
{
    if (init_common(lx, arena, src, len, filename, 0) < 0)
        return -1;
    lx->level_base = level_base;
    lx->lineno = lineno - 1;    /* underflow() counts the first line */
    lx->starting_lineno = lineno;
    lx->starting_col_offset = col_shift;
    return 0;
}

/* ---- the tokenizer proper ------------------------------------------------ */

static int is_id_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int is_id_char(int c)
{
    return is_id_start(c) || (c >= '0' && c <= '9');
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static const struct { const char *s; TnTokType t; } keywords[] = {
    {"False", TK_FALSE}, {"None", TK_NONE}, {"True", TK_TRUE}, {"and", TK_AND},
    {"as", TK_AS}, {"assert", TK_ASSERT}, {"async", TK_ASYNC}, {"await", TK_AWAIT},
    {"break", TK_BREAK}, {"class", TK_CLASS}, {"continue", TK_CONTINUE},
    {"def", TK_DEF}, {"del", TK_DEL}, {"elif", TK_ELIF}, {"else", TK_ELSE},
    {"except", TK_EXCEPT}, {"finally", TK_FINALLY}, {"for", TK_FOR},
    {"from", TK_FROM}, {"global", TK_GLOBAL}, {"if", TK_IF}, {"import", TK_IMPORT},
    {"in", TK_IN}, {"is", TK_IS}, {"lambda", TK_LAMBDA}, {"nonlocal", TK_NONLOCAL},
    {"not", TK_NOT}, {"or", TK_OR}, {"pass", TK_PASS}, {"raise", TK_RAISE},
    {"return", TK_RETURN}, {"try", TK_TRY}, {"while", TK_WHILE}, {"with", TK_WITH},
    {"yield", TK_YIELD},
};

static TnTokType keyword_type(const char *s, int len)
{
    if (len < 2 || len > 8)
        return TK_NAME;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if ((int)strlen(keywords[i].s) == len && memcmp(keywords[i].s, s, (size_t)len) == 0)
            return keywords[i].t;
    return TK_NAME;
}

/* CPython's verify_identifier(): report the first character that cannot
 * be part of an identifier, positioned just after it. */
static int verify_identifier(TnLexer *lx)
{
    const unsigned char *s = (const unsigned char *)lx->tok_start;
    const unsigned char *e = (const unsigned char *)lx->cur;
    int first = 1;
    while (s < e) {
        int n = tn__utf8_len(s, (size_t)(e - s));
        unsigned cp;
        if (!n) {
            n = 1;
            cp = 0xFFFD;
        } else {
            cp = n == 1 ? *s : utf8_decode(s, n);
        }
        int ok = n == 1 ? (first ? is_id_start(cp) && !is_digit((int)cp) : is_id_char((int)cp))
                        : cp_is_id(cp, first);
        if (!ok) {
            lx->cur = (const char *)s + n;
            if (tn__cp_printable(cp)) {
                char ch[8] = {0};
                memcpy(ch, s, (size_t)n);
                syntaxerror(lx, "invalid character '%s' (U+%04X)", ch, cp);
            } else {
                syntaxerror(lx, "invalid non-printable character U+%04X", cp);
            }
            return 0;
        }
        first = 0;
        s += n;
    }
    return 1;
}

static int lookahead(TnLexer *lx, const char *test)
{
    const char *s = test;
    int res = 0;
    for (;;) {
        int c = nextc(lx);
        if (*s == 0) {
            res = !is_id_char(c);
        } else if (c == *s) {
            s++;
            continue;
        }
        backup(lx, c);
        while (s != test)
            backup(lx, *--s);
        return res;
    }
}

/* CPython's verify_end_of_number(): a literal directly followed by a
 * keyword that can legally follow a number ("1if x else y") is accepted
 * (CPython only warns); any other identifier character is an error. */
static int verify_end_of_number(TnLexer *lx, int c, const char *kind)
{
    int r = 0;
    if (c == 'a')
        r = lookahead(lx, "nd");
    else if (c == 'e')
        r = lookahead(lx, "lse");
    else if (c == 'f')
        r = lookahead(lx, "or");
    else if (c == 'i') {
        int c2 = nextc(lx);
        if (c2 == 'f' || c2 == 'n' || c2 == 's')
            r = 1;
        backup(lx, c2);
    } else if (c == 'o')
        r = lookahead(lx, "r");
    else if (c == 'n')
        r = lookahead(lx, "ot");
    if (r) {
        return 1;
    } else if (is_id_char(c)) {
        backup(lx, c);
        syntaxerror(lx, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

/* Digits with single underscores between them. Returns the first
 * character after the run, or 0 after reporting an error. */
static int decimal_tail(TnLexer *lx)
{
    int c;
    for (;;) {
        do {
            c = nextc(lx);
        } while (is_digit(c));
        if (c != '_')
            break;
        c = nextc(lx);
        if (!is_digit(c)) {
            backup(lx, c);
            syntaxerror(lx, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

static TnTokType two_chars(int c1, int c2)
{
    switch (c1) {
    case '!': if (c2 == '=') return TK_NOTEQUAL; break;
    case '%': if (c2 == '=') return TK_PERCENTEQUAL; break;
    case '&': if (c2 == '=') return TK_AMPEREQUAL; break;
    case '*': if (c2 == '*') return TK_DOUBLESTAR; if (c2 == '=') return TK_STAREQUAL; break;
    case '+': if (c2 == '=') return TK_PLUSEQUAL; break;
    case '-': if (c2 == '=') return TK_MINEQUAL; if (c2 == '>') return TK_RARROW; break;
    case '/': if (c2 == '/') return TK_DOUBLESLASH; if (c2 == '=') return TK_SLASHEQUAL; break;
    case ':': if (c2 == '=') return TK_COLONEQUAL; break;
    case '<':
        if (c2 == '<') return TK_LEFTSHIFT;
        if (c2 == '=') return TK_LESSEQUAL;
        if (c2 == '>') return TK_LTGT;
        break;
    case '=': if (c2 == '=') return TK_EQEQUAL; break;
    case '>': if (c2 == '=') return TK_GREATEREQUAL; if (c2 == '>') return TK_RIGHTSHIFT; break;
    case '@': if (c2 == '=') return TK_ATEQUAL; break;
    case '^': if (c2 == '=') return TK_CIRCUMFLEXEQUAL; break;
    case '|': if (c2 == '=') return TK_VBAREQUAL; break;
    }
    return TK_OP;
}

static TnTokType three_chars(int c1, int c2, int c3)
{
    if (c3 != '=' && !(c1 == '.' && c2 == '.' && c3 == '.'))
        return TK_OP;
    if (c1 == '*' && c2 == '*') return TK_DOUBLESTAREQUAL;
    if (c1 == '/' && c2 == '/') return TK_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<') return TK_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>') return TK_RIGHTSHIFTEQUAL;
    if (c1 == '.' && c2 == '.') return TK_ELLIPSIS;
    return TK_OP;
}

static TnTokType one_char(int c)
{
    switch (c) {
    case '%': return TK_PERCENT;
    case '&': return TK_AMPER;
    case '(': return TK_LPAR;
    case ')': return TK_RPAR;
    case '*': return TK_STAR;
    case '+': return TK_PLUS;
    case ',': return TK_COMMA;
    case '-': return TK_MINUS;
    case '.': return TK_DOT;
    case '/': return TK_SLASH;
    case ':': return TK_COLON;
    case ';': return TK_SEMI;
    case '<': return TK_LESS;
    case '=': return TK_EQUAL;
    case '>': return TK_GREATER;
    case '@': return TK_AT;
    case '[': return TK_LSQB;
    case ']': return TK_RSQB;
    case '^': return TK_CIRCUMFLEX;
    case '{': return TK_LBRACE;
    case '|': return TK_VBAR;
    case '}': return TK_RBRACE;
    case '~': return TK_TILDE;
    case '!': return TK_EXCLAMATION;
    }
    return TK_OP;
}

static int continuation_line(TnLexer *lx)
{
    int c = nextc(lx);
    if (c != '\n') {
        lx->done = TN_LX_LINECONT;
        return -1;
    }
    c = nextc(lx);
    if (c == EOF_CH) {
        lx->done = TN_LX_EOF;
        lx->cur = lx->inp;
        return -1;
    }
    backup(lx, c);
    return c;
}

static TnTokType indent_error(TnLexer *lx)
{
    lx->done = TN_LX_TABSPACE;
    lx->cur = lx->inp;
    return TK_ERRORTOKEN;
}

/* One token; pstart and pend delimit its text (NULL when it has none). */
static TnTokType tok_get(TnLexer *lx, const char **pstart, const char **pend)
{
    int c;
    int blankline, nonascii;
    *pstart = *pend = NULL;

nextline:
    lx->tok_start = NULL;
    blankline = 0;

    /* Indentation at the beginning of a line. */
    if (lx->atbol) {
        int col = 0, altcol = 0, cont_line_col = 0;
        lx->atbol = 0;
        for (;;) {
            c = nextc(lx);
            if (c == ' ') {
                col++, altcol++;
            } else if (c == '\t') {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol = altcol + 1;
            } else if (c == '\014') {
                col = altcol = 0;   /* form feed resets, as in CPython */
            } else if (c == '\\') {
                /* Indentation cannot be split over lines with a backslash:
                 * the first one found fixes the indentation. */
                cont_line_col = cont_line_col ? cont_line_col : col;
                if (continuation_line(lx) == -1)
                    return TK_ERRORTOKEN;
            } else {
                break;
            }
        }
        backup(lx, c);
        if (c == '#' || c == '\n')
            blankline = 1;      /* comments and blank lines do not indent */
        if (!blankline && lx->level == 0) {
            if (cont_line_col) {
                col = cont_line_col;
                altcol = cont_line_col;
            }
            if (col == lx->indstack[lx->indent]) {
                if (altcol != lx->altindstack[lx->indent])
                    return indent_error(lx);
            } else if (col > lx->indstack[lx->indent]) {
                if (lx->indent + 1 >= TN_MAXINDENT) {
                    lx->done = TN_LX_TOODEEP;
                    lx->cur = lx->inp;
                    return TK_ERRORTOKEN;
                }
                if (altcol <= lx->altindstack[lx->indent])
                    return indent_error(lx);
                lx->pendin++;
                lx->indstack[++lx->indent] = col;
                lx->altindstack[lx->indent] = altcol;
            } else {
                while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
                    lx->pendin--;
                    lx->indent--;
                }
                if (col != lx->indstack[lx->indent]) {
                    lx->done = TN_LX_DEDENT;
                    lx->cur = lx->inp;
                    return TK_ERRORTOKEN;
                }
                if (altcol != lx->altindstack[lx->indent])
                    return indent_error(lx);
            }
        }
    }

    lx->tok_start = lx->cur;
    if (lx->pendin != 0) {
        if (lx->pendin < 0) {
            lx->pendin++;
            return TK_DEDENT;
        }
        lx->pendin--;
        return TK_INDENT;
    }

again:
    lx->tok_start = NULL;
    do {
        c = nextc(lx);
    } while (c == ' ' || c == '\t' || c == '\014');
    lx->tok_start = lx->cur - 1;

    if (c == '#') {
        while (c != EOF_CH && c != '\n')
            c = nextc(lx);
    }

    if (c == EOF_CH) {
        if (lx->level)
            return TK_ERRORTOKEN;
        return lx->done == TN_LX_EOF ? TK_ENDMARKER : TK_ERRORTOKEN;
    }

    /* Identifiers and string prefixes. */
    nonascii = 0;
    if (is_id_start(c)) {
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
                saw_b = 1;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
                saw_u = 1;
            else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
                saw_r = 1;
            else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
                saw_f = 1;
            else
                break;
            c = nextc(lx);
            if (c == '"' || c == '\'')
                goto letter_quote;
        }
        while (is_id_char(c)) {
            if (c >= 128)
                nonascii = 1;
            c = nextc(lx);
        }
        backup(lx, c);
        if (nonascii && !verify_identifier(lx))
            return TK_ERRORTOKEN;
        *pstart = lx->tok_start;
        *pend = lx->cur;
        return keyword_type(lx->tok_start, (int)(lx->cur - lx->tok_start));
    }

    if (c == '\n') {
        lx->atbol = 1;
        if (blankline || lx->level > 0)
            goto nextline;
        *pstart = lx->tok_start;
        *pend = lx->cur - 1;    /* the '\n' is not part of the token */
        lx->cont_line = 0;
        return TK_NEWLINE;
    }

    if (c == '.') {
        c = nextc(lx);
        if (is_digit(c))
            goto fraction;
        if (c == '.') {
            c = nextc(lx);
            if (c == '.') {
                *pstart = lx->tok_start;
                *pend = lx->cur;
                return TK_ELLIPSIS;
            }
            backup(lx, c);
            backup(lx, '.');
        } else {
            backup(lx, c);
        }
        *pstart = lx->tok_start;
        *pend = lx->cur;
        return TK_DOT;
    }

    if (is_digit(c)) {
        if (c == '0') {
            c = nextc(lx);
            if (c == 'x' || c == 'X') {
                c = nextc(lx);
                do {
                    if (c == '_')
                        c = nextc(lx);
                    if (!is_xdigit(c)) {
                        backup(lx, c);
                        return syntaxerror(lx, "invalid hexadecimal literal");
                    }
                    do {
                        c = nextc(lx);
                    } while (is_xdigit(c));
                } while (c == '_');
                if (!verify_end_of_number(lx, c, "hexadecimal"))
                    return TK_ERRORTOKEN;
            } else if (c == 'o' || c == 'O') {
                c = nextc(lx);
                do {
                    if (c == '_')
                        c = nextc(lx);
                    if (c < '0' || c >= '8') {
                        if (is_digit(c))
                            return syntaxerror(lx, "invalid digit '%c' in octal literal", c);
                        backup(lx, c);
                        return syntaxerror(lx, "invalid octal literal");
                    }
                    do {
                        c = nextc(lx);
                    } while ('0' <= c && c < '8');
                } while (c == '_');
                if (is_digit(c))
                    return syntaxerror(lx, "invalid digit '%c' in octal literal", c);
                if (!verify_end_of_number(lx, c, "octal"))
                    return TK_ERRORTOKEN;
            } else if (c == 'b' || c == 'B') {
                c = nextc(lx);
                do {
                    if (c == '_')
                        c = nextc(lx);
                    if (c != '0' && c != '1') {
                        if (is_digit(c))
                            return syntaxerror(lx, "invalid digit '%c' in binary literal", c);
                        backup(lx, c);
                        return syntaxerror(lx, "invalid binary literal");
                    }
                    do {
                        c = nextc(lx);
                    } while (c == '0' || c == '1');
                } while (c == '_');
                if (is_digit(c))
                    return syntaxerror(lx, "invalid digit '%c' in binary literal", c);
                if (!verify_end_of_number(lx, c, "binary"))
                    return TK_ERRORTOKEN;
            } else {
                int nonzero = 0;
                /* Maybe an old-style octal; "0" itself is fine. */
                for (;;) {
                    if (c == '_') {
                        c = nextc(lx);
                        if (!is_digit(c)) {
                            backup(lx, c);
                            return syntaxerror(lx, "invalid decimal literal");
                        }
                    }
                    if (c != '0')
                        break;
                    c = nextc(lx);
                }
                const char *zeros_end = lx->cur;
                if (is_digit(c)) {
                    nonzero = 1;
                    c = decimal_tail(lx);
                    if (c == 0)
                        return TK_ERRORTOKEN;
                }
                if (c == '.') {
                    c = nextc(lx);
                    goto fraction;
                } else if (c == 'e' || c == 'E') {
                    goto exponent;
                } else if (c == 'j' || c == 'J') {
                    goto imaginary;
                } else if (nonzero) {
                    backup(lx, c);
                    return syntaxerror_range(
                        lx, (int)(lx->tok_start - lx->line_start),
                        (int)(zeros_end - lx->line_start) - 1,
                        "leading zeros in decimal integer literals are not permitted; "
                        "use an 0o prefix for octal integers");
                }
                if (!verify_end_of_number(lx, c, "decimal"))
                    return TK_ERRORTOKEN;
            }
        } else {
            c = decimal_tail(lx);
            if (c == 0)
                return TK_ERRORTOKEN;
            if (c == '.') {
                c = nextc(lx);
fraction:
                if (is_digit(c)) {
                    c = decimal_tail(lx);
                    if (c == 0)
                        return TK_ERRORTOKEN;
                }
            }
            if (c == 'e' || c == 'E') {
                int e;
exponent:
                e = c;
                c = nextc(lx);
                if (c == '+' || c == '-') {
                    c = nextc(lx);
                    if (!is_digit(c)) {
                        backup(lx, c);
                        return syntaxerror(lx, "invalid decimal literal");
                    }
                } else if (!is_digit(c)) {
                    backup(lx, c);
                    if (!verify_end_of_number(lx, e, "decimal"))
                        return TK_ERRORTOKEN;
                    backup(lx, e);
                    *pstart = lx->tok_start;
                    *pend = lx->cur;
                    return TK_NUMBER;
                }
                c = decimal_tail(lx);
                if (c == 0)
                    return TK_ERRORTOKEN;
            }
            if (c == 'j' || c == 'J') {
imaginary:
                c = nextc(lx);
                if (!verify_end_of_number(lx, c, "imaginary"))
                    return TK_ERRORTOKEN;
            } else if (!verify_end_of_number(lx, c, "decimal")) {
                return TK_ERRORTOKEN;
            }
        }
        backup(lx, c);
        *pstart = lx->tok_start;
        *pend = lx->cur;
        return TK_NUMBER;
    }

letter_quote:
    if (c == '\'' || c == '"') {
        int quote = c, quote_size = 1, end_quote_size = 0;
        lx->first_lineno = lx->lineno;
        lx->multi_line_start = lx->line_start;
        c = nextc(lx);
        if (c == quote) {
            c = nextc(lx);
            if (c == quote)
                quote_size = 3;
            else
                end_quote_size = 1;     /* empty string */
        }
        if (c != quote)
            backup(lx, c);
        while (end_quote_size != quote_size) {
            c = nextc(lx);
            if (lx->done == TN_LX_ERROR)
                return TK_ERRORTOKEN;   /* bad line inside the literal */
            if (c == EOF_CH || (quote_size == 1 && c == '\n')) {
                /* Report from the opening quote, naming the line where
                 * the scan gave up. */
                int detected = lx->lineno;
                lx->cur = lx->tok_start + 1;
                lx->line_start = lx->multi_line_start;
                lx->lineno = lx->first_lineno;
                lx->done = TN_LX_OK;
                if (quote_size == 3)
                    return syntaxerror(lx, "unterminated triple-quoted string literal "
                                       "(detected at line %d)", detected);
                return syntaxerror(lx, "unterminated string literal (detected at line %d)",
                                   detected);
            }
            if (c == quote) {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if (c == '\\')
                    nextc(lx);  /* skip the escaped character */
            }
        }
        *pstart = lx->tok_start;
        *pend = lx->cur;
        return TK_STRING;
    }

    if (c == '\\') {
        if (continuation_line(lx) == -1)
            return TK_ERRORTOKEN;
        lx->cont_line = 1;
        goto again;
    }

    {
        int c2 = nextc(lx);
        TnTokType t2 = two_chars(c, c2);
        if (t2 != TK_OP) {
            int c3 = nextc(lx);
            TnTokType t3 = three_chars(c, c2, c3);
            if (t3 != TK_OP)
                t2 = t3;
            else
                backup(lx, c3);
            *pstart = lx->tok_start;
            *pend = lx->cur;
            return t2;
        }
        backup(lx, c2);
    }

    switch (c) {
    case '(': case '[': case '{':
        if (lx->level + lx->level_base >= TN_MAXLEVEL)
            return syntaxerror(lx, "too many nested parentheses");
        lx->parenstack[lx->level] = (char)c;
        lx->parenlinenostack[lx->level] = lx->lineno;
        lx->parencolstack[lx->level] = (int)(lx->tok_start - lx->line_start);
        lx->level++;
        break;
    case ')': case ']': case '}': {
        if (!lx->level)
            return syntaxerror(lx, "unmatched '%c'", c);
        lx->level--;
        int opening = lx->parenstack[lx->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}'))) {
            if (lx->parenlinenostack[lx->level] != lx->lineno)
                return syntaxerror(lx, "closing parenthesis '%c' does not match opening "
                                   "parenthesis '%c' on line %d", c, opening,
                                   lx->parenlinenostack[lx->level]);
            return syntaxerror(lx, "closing parenthesis '%c' does not match opening "
                               "parenthesis '%c'", c, opening);
        }
        break;
    }
    }

    if (c < 0x20 || c == 0x7F)
        return syntaxerror(lx, "invalid non-printable character U+%04X", c);

    *pstart = lx->tok_start;
    *pend = lx->cur;
    return one_char(c);
}

TnTokType tn_lexer_next(TnLexer *lx, TnToken *t)
{
    const char *start, *end;
    TnTokType type;
    if (lx->done != TN_LX_OK && lx->done != TN_LX_EOF) {
        type = TK_ERRORTOKEN;
        start = end = NULL;
    } else {
        type = tok_get(lx, &start, &end);
    }
    memset(t, 0, sizeof *t);
    t->type = type;
    t->start = start;
    t->len = start && end ? (int)(end - start) : 0;
    t->level = lx->level;
    const char *ls = type == TK_STRING ? lx->multi_line_start : lx->line_start;
    int lineno = type == TK_STRING ? lx->first_lineno : lx->lineno;
    int col = (start && start >= ls) ? (int)(start - ls) : -1;
    int end_col = (end && end >= lx->line_start) ? (int)(end - lx->line_start) : -1;
    if (lx->starting_lineno && lx->lineno == lx->starting_lineno) {
        col += lx->starting_col_offset;
        end_col += lx->starting_col_offset;
    }
    t->lineno = lineno;
    t->col_offset = col;
    t->end_lineno = lx->lineno;
    t->end_col_offset = end_col;
    t->cur_col = (int)(lx->cur - lx->line_start);
    if (type == TK_ERRORTOKEN && lx->done == TN_LX_OK)
        lx->done = TN_LX_ERROR;     /* defensive: errors are final */
    return type;
}
