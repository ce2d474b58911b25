/* Tokenizer for Python 3.11 source (private to src/parse).
 *
 * Invariants:
 *  - The lexer reads a normalized copy of the source (no BOM, "\r\n" and
 *    "\r" turned into "\n", always ending in "\n"), so columns are byte
 *    offsets into the original lines and string literals see CPython's
 *    universal-newline text.
 *  - Tokens are produced lazily, one per tn_lexer_next call, in CPython's
 *    order: INDENT/DEDENT before the first token of a line, NEWLINE at the
 *    end of each logical line, DEDENTs then ENDMARKER at EOF.
 *  - Positions follow CPython's tokenizer exactly: 1-based lines, 0-based
 *    byte columns; a STRING starts on the line where its opening quote (or
 *    prefix) is. Tokens without text (INDENT, DEDENT, ENDMARKER, errors)
 *    have col_offset == -1 and carry `cur_col`, the byte distance from the
 *    line start to the read position when they were made; CPython uses
 *    that as the error offset for such tokens.
 *  - Once an error token is returned the lexer is finished: every later
 *    call returns TK_ERRORTOKEN again. `done` says why; for TN_LX_ERROR the
 *    message is already in `err` (CPython raises those inside the
 *    tokenizer), the other codes are turned into messages by the parser.
 *  - Lines are checked for NUL bytes and invalid UTF-8 when the lexer first
 *    reads them, like CPython's line-by-line decoding (the parser decides
 *    which of a syntax error and a later bad line is reported, as CPython
 *    does; see parser.c).
 */
#ifndef TN_PARSE_LEXER_H
#define TN_PARSE_LEXER_H

#include <stddef.h>
#include "tandem/ast.h"

enum { TN_MAXINDENT = 100, TN_MAXLEVEL = 200 };

#define TN_TOKEN_LIST(X) \
    X(ENDMARKER, "ENDMARKER") X(NAME, "NAME") X(NUMBER, "NUMBER") \
    X(STRING, "STRING") X(NEWLINE, "NEWLINE") X(INDENT, "INDENT") \
    X(DEDENT, "DEDENT") X(ERRORTOKEN, "ERRORTOKEN") \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(COLON, ":") \
    X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*") \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">") \
    X(EQUAL, "=") X(DOT, ".") X(PERCENT, "%") X(LBRACE, "{") X(RBRACE, "}") \
    X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=") \
    X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^") \
    X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**") \
    X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=") \
    X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=") \
    X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=") \
    X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=") \
    X(DOUBLESLASH, "//") X(DOUBLESLASHEQUAL, "//=") X(AT, "@") \
    X(ATEQUAL, "@=") X(RARROW, "->") X(ELLIPSIS, "...") \
    X(COLONEQUAL, ":=") X(LTGT, "<>") X(EXCLAMATION, "!") X(OP, "OP") \
    X(FALSE, "False") X(NONE, "None") X(TRUE, "True") X(AND, "and") \
    X(AS, "as") X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await") \
    X(BREAK, "break") X(CLASS, "class") X(CONTINUE, "continue") \
    X(DEF, "def") X(DEL, "del") X(ELIF, "elif") X(ELSE, "else") \
    X(EXCEPT, "except") X(FINALLY, "finally") X(FOR, "for") \
    X(FROM, "from") X(GLOBAL, "global") X(IF, "if") X(IMPORT, "import") \
    X(IN, "in") X(IS, "is") X(LAMBDA, "lambda") X(NONLOCAL, "nonlocal") \
    X(NOT, "not") X(OR, "or") X(PASS, "pass") X(RAISE, "raise") \
    X(RETURN, "return") X(TRY, "try") X(WHILE, "while") X(WITH, "with") \
    X(YIELD, "yield")

typedef enum {
#define TN_TOK_ENUM(name, text) TK_##name,
    TN_TOKEN_LIST(TN_TOK_ENUM)
#undef TN_TOK_ENUM
    TK__COUNT
} TnTokType;

/* First and last keyword token (keywords are contiguous). */
#define TK_FIRST_KEYWORD TK_FALSE
#define TK_LAST_KEYWORD TK_YIELD

typedef struct {
    TnTokType type;
    const char *start;   /* text in the normalized source; NULL if none */
    int len;
    int lineno, col_offset, end_lineno, end_col_offset;
    int cur_col;         /* see header comment */
    int level;           /* bracket depth after this token */
} TnToken;

typedef enum {
    TN_LX_OK, TN_LX_EOF, TN_LX_ERROR, TN_LX_DEDENT, TN_LX_TABSPACE,
    TN_LX_TOODEEP, TN_LX_LINECONT
} TnLexDone;

typedef struct {
    const char *buf, *end;          /* normalized source */
    const char *cur;                /* next byte to read */
    const char *inp;                /* end of the current line (after '\n') */
    const char *line_start;
    const char *tok_start;
    const char *multi_line_start;   /* line start where a STRING began */
    int lineno, first_lineno;
    int atbol, pendin, cont_line;
    int indent;
    int indstack[TN_MAXINDENT], altindstack[TN_MAXINDENT];
    int level;
    int level_base;                 /* brackets open around an f-string expression */
    char parenstack[TN_MAXLEVEL];
    int parenlinenostack[TN_MAXLEVEL], parencolstack[TN_MAXLEVEL];
    TnLexDone done;
    /* f-string expression lexers shift columns of their first line */
    int starting_lineno, starting_col_offset;
    const char *filename;           /* for the non-UTF-8 message */
    int empty;                      /* the source had no bytes at all */
    int has_err;
    TnSyntaxErrorInfo err;
} TnLexer;

/* Prepare `lx` to read `src`. The normalized copy lives in `arena`.
 * Returns 0, or -1 when out of memory. */
int tn_lexer_init(TnLexer *lx, TnArena *arena, const char *src, size_t len,
                  const char *filename);

/* A lexer over an f-string expression: `src` is "(" expr ")", its first
 * line is line `lineno`, and tokens on that line are shifted right by
 * `col_shift` bytes (CPython's starting_lineno/starting_col_offset).
 * `level_base` brackets are already open around it; they count against
 * TN_MAXLEVEL so nested f-strings cannot multiply the nesting limit. */
int tn_lexer_init_fstring(TnLexer *lx, TnArena *arena, const char *src,
                          size_t len, const char *filename, int lineno,
                          int col_shift, int level_base);

/* Produce the next token into *t and return its type. */
TnTokType tn_lexer_next(TnLexer *lx, TnToken *t);

/* Printable name of a token type ("NAME", "(", "if", ...). */
const char *tn_token_name(TnTokType t);

/* Approximation of Py_UNICODE_ISPRINTABLE (no Unicode database here). */
int tn__cp_printable(unsigned cp);

/* Length in bytes of the UTF-8 sequence at s (1..4), or 0 if invalid.
 * `n` is the number of bytes available. Shared with string decoding. */
int tn__utf8_len(const unsigned char *s, size_t n);

#endif
