/* Tokenizer tests: token kinds, text and positions as CPython 3.11's
 * tokenizer produces them, indentation, line joining, literals, and the
 * tokenizer's own errors.
 *
 * The lexer interface is private to src/parse, so this test includes its
 * header directly; it builds against the files of src/parse alone.
 */
#include <criterion/criterion.h>
#include <string.h>
#include "../../src/parse/lexer.h"

typedef struct {
    TnTokType type;
    const char *text;       /* NULL: do not check */
    int lineno, col, end_lineno, end_col;
} Want;

#define T(type, text, l, c, el, ec) {TK_##type, text, l, c, el, ec}

static void check_tokens(const char *src, const Want *want, int n)
{
    TnArena *a = tn_arena_new();
    TnLexer lx;
    cr_assert_eq(tn_lexer_init(&lx, a, src, strlen(src), "t.py"), 0);
    for (int i = 0; i < n; i++) {
        TnToken t;
        TnTokType type = tn_lexer_next(&lx, &t);
        cr_expect_eq(type, want[i].type, "%s: token %d is %s, want %s", src, i,
                     tn_token_name(type), tn_token_name(want[i].type));
        if (want[i].text) {
            cr_expect_eq((size_t)t.len, strlen(want[i].text), "%s: token %d length", src, i);
            cr_expect(t.start && memcmp(t.start, want[i].text, (size_t)t.len) == 0,
                      "%s: token %d is '%.*s', want '%s'", src, i, t.len, t.start ? t.start : "",
                      want[i].text);
        }
        if (want[i].lineno) {
            cr_expect(t.lineno == want[i].lineno && t.col_offset == want[i].col &&
                          t.end_lineno == want[i].end_lineno && t.end_col_offset == want[i].end_col,
                      "%s: token %d at %d:%d-%d:%d, want %d:%d-%d:%d", src, i, t.lineno,
                      t.col_offset, t.end_lineno, t.end_col_offset, want[i].lineno, want[i].col,
                      want[i].end_lineno, want[i].end_col);
        }
        if (type == TK_ERRORTOKEN || type == TK_ENDMARKER)
            break;
    }
    tn_arena_free(a);
}

/* Lex until an error token; return the lexer's final state. */
static TnLexDone lex_error(const char *src, size_t len, TnSyntaxErrorInfo *err)
{
    TnArena *a = tn_arena_new();
    TnLexer lx;
    tn_lexer_init(&lx, a, src, len, "t.py");
    TnToken t;
    for (int i = 0; i < 10000; i++) {
        TnTokType type = tn_lexer_next(&lx, &t);
        if (type == TK_ENDMARKER || type == TK_ERRORTOKEN)
            break;
    }
    TnLexDone done = lx.done;
    if (err)
        *err = lx.err;
    tn_arena_free(a);
    return done;
}

Test(lexer, simple_statement)
{
    Want w[] = {
        T(NAME, "x", 1, 0, 1, 1), T(EQUAL, "=", 1, 2, 1, 3), T(NUMBER, "1", 1, 4, 1, 5),
        T(PLUS, "+", 1, 6, 1, 7), T(NAME, "yy", 1, 8, 1, 10), T(NEWLINE, NULL, 1, 10, 1, 10),
        T(ENDMARKER, NULL, 0, 0, 0, 0),
    };
    check_tokens("x = 1 + yy\n", w, 7);
}

Test(lexer, indentation)
{
    Want w[] = {
        T(IF, "if", 1, 0, 1, 2), T(NAME, "x", 0, 0, 0, 0), T(COLON, ":", 0, 0, 0, 0),
        T(NEWLINE, NULL, 0, 0, 0, 0), T(INDENT, NULL, 0, 0, 0, 0), T(PASS, "pass", 2, 4, 2, 8),
        T(NEWLINE, NULL, 0, 0, 0, 0), T(DEDENT, NULL, 0, 0, 0, 0), T(NAME, "y", 5, 0, 5, 1),
        T(NEWLINE, NULL, 0, 0, 0, 0), T(ENDMARKER, NULL, 0, 0, 0, 0),
    };
    /* blank lines and comment lines do not change indentation */
    check_tokens("if x:\n    pass\n\n      # comment\ny\n", w, 11);
}

Test(lexer, tabs_count_to_multiples_of_eight)
{
    /* a tab and eight spaces are the same column, but mixing them so that
     * the meaning depends on the tab size is a TabError */
    Want ok[] = {
        T(IF, NULL, 0, 0, 0, 0), T(NAME, NULL, 0, 0, 0, 0), T(COLON, NULL, 0, 0, 0, 0),
        T(NEWLINE, NULL, 0, 0, 0, 0), T(INDENT, NULL, 0, 0, 0, 0), T(NAME, "a", 2, 1, 2, 2),
        T(NEWLINE, NULL, 0, 0, 0, 0), T(NAME, "b", 3, 1, 3, 2),
    };
    check_tokens("if x:\n\ta\n\tb\n", ok, 8);
    TnSyntaxErrorInfo e;
    cr_expect_eq(lex_error("if x:\n\tpass\n        pass\n", 25, &e), TN_LX_TABSPACE);
    cr_expect_eq(lex_error("if x:\n    a\n  b\n", 16, &e), TN_LX_DEDENT);
}

Test(lexer, implicit_and_explicit_line_joining)
{
    Want w[] = {
        T(NAME, "x", 1, 0, 1, 1), T(EQUAL, NULL, 0, 0, 0, 0), T(LPAR, "(", 1, 4, 1, 5),
        T(NUMBER, "1", 1, 5, 1, 6), T(COMMA, NULL, 0, 0, 0, 0), T(NUMBER, "2", 3, 8, 3, 9),
        T(RPAR, ")", 3, 9, 3, 10), T(PLUS, "+", 3, 11, 3, 12), T(NUMBER, "3", 4, 0, 4, 1),
        T(NEWLINE, NULL, 4, 1, 4, 1), T(ENDMARKER, NULL, 0, 0, 0, 0),
    };
    check_tokens("x = (1,\n\n        2) + \\\n3\n", w, 11);
}

Test(lexer, operators)
{
    Want w[] = {
        T(COLONEQUAL, ":=", 0, 0, 0, 0), T(RARROW, "->", 0, 0, 0, 0),
        T(ELLIPSIS, "...", 0, 0, 0, 0), T(DOUBLESTAREQUAL, "**=", 0, 0, 0, 0),
        T(DOUBLESLASHEQUAL, "//=", 0, 0, 0, 0), T(ATEQUAL, "@=", 0, 0, 0, 0),
        T(LEFTSHIFTEQUAL, "<<=", 0, 0, 0, 0), T(NOTEQUAL, "!=", 0, 0, 0, 0),
        T(DOUBLESTAR, "**", 0, 0, 0, 0), T(DOT, ".", 0, 0, 0, 0), T(DOT, ".", 0, 0, 0, 0),
        T(TILDE, "~", 0, 0, 0, 0), T(NEWLINE, NULL, 0, 0, 0, 0),
    };
    check_tokens(":= -> ... **= //= @= <<= != ** . . ~\n", w, 13);
}

Test(lexer, numbers)
{
    Want w[] = {
        T(NUMBER, "0x1F", 0, 0, 0, 0), T(NUMBER, "0o17", 0, 0, 0, 0),
        T(NUMBER, "0b1_0", 0, 0, 0, 0), T(NUMBER, "1_000", 0, 0, 0, 0),
        T(NUMBER, "1.5e-3", 0, 0, 0, 0), T(NUMBER, ".5", 0, 0, 0, 0),
        T(NUMBER, "5.", 0, 0, 0, 0), T(NUMBER, "2j", 0, 0, 0, 0),
        T(NUMBER, "1E5J", 0, 0, 0, 0), T(NUMBER, "00", 0, 0, 0, 0),
        /* "1if" is a number followed by a keyword, as in CPython */
        T(NUMBER, "1", 0, 0, 0, 0), T(IF, "if", 0, 0, 0, 0),
    };
    check_tokens("0x1F 0o17 0b1_0 1_000 1.5e-3 .5 5. 2j 1E5J 00 1if\n", w, 12);
    TnSyntaxErrorInfo e;
    cr_expect_eq(lex_error("1__0\n", 5, &e), TN_LX_ERROR);
    cr_expect_str_eq(e.msg, "invalid decimal literal");
    cr_expect_eq(lex_error("0777\n", 5, &e), TN_LX_ERROR);
    cr_expect(strncmp(e.msg, "leading zeros in decimal integer literals", 41) == 0, "%s", e.msg);
    cr_expect_eq(lex_error("0b2\n", 4, &e), TN_LX_ERROR);
    cr_expect_str_eq(e.msg, "invalid digit '2' in binary literal");
    cr_expect_eq(lex_error("0x\n", 3, &e), TN_LX_ERROR);
    cr_expect_str_eq(e.msg, "invalid hexadecimal literal");
}

Test(lexer, strings)
{
    Want w[] = {
        T(STRING, "'a'", 1, 0, 1, 3), T(STRING, "rb'\\'x'", 1, 4, 1, 11),
        T(STRING, "F\"{x}\"", 1, 12, 1, 18), T(STRING, "'''a\nb'''", 1, 19, 2, 4),
        T(STRING, "Br\"\"", 2, 5, 2, 9), T(NEWLINE, NULL, 0, 0, 0, 0),
    };
    check_tokens("'a' rb'\\'x' F\"{x}\" '''a\nb''' Br\"\"\n", w, 6);
    /* "ub" is not a prefix: a name followed by a string */
    Want w2[] = {T(NAME, "ub", 0, 0, 0, 0), T(STRING, "'x'", 0, 0, 0, 0)};
    check_tokens("ub'x'\n", w2, 2);
    TnSyntaxErrorInfo e;
    cr_expect_eq(lex_error("x = 'abc\n", 9, &e), TN_LX_ERROR);
    cr_expect_str_eq(e.msg, "unterminated string literal (detected at line 1)");
    cr_expect_eq(e.col_offset, 4);
    cr_expect_eq(lex_error("'''abc\n\nx\n", 10, &e), TN_LX_ERROR);
    cr_expect_str_eq(e.msg, "unterminated triple-quoted string literal (detected at line 3)");
    cr_expect_eq(e.lineno, 1);
}

Test(lexer, identifiers_may_be_unicode)
{
    Want w[] = {T(NAME, "\xCF\x80", 1, 0, 1, 2), T(EQUAL, NULL, 1, 3, 1, 4),
                T(NAME, "na\xC3\xAFve", 1, 5, 1, 11)};
    check_tokens("\xCF\x80 = na\xC3\xAFve\n", w, 3);
    TnSyntaxErrorInfo e;
    cr_expect_eq(lex_error("a\xE2\x82\xAC = 1\n", 8, &e), TN_LX_ERROR);
    cr_expect_str_eq(e.msg, "invalid character '\xE2\x82\xAC' (U+20AC)");
    cr_expect_eq(lex_error("a\xC2\xA0= 1\n", 7, &e), TN_LX_ERROR);
    cr_expect_str_eq(e.msg, "invalid non-printable character U+00A0");
}

Test(lexer, brackets)
{
    TnSyntaxErrorInfo e;
    cr_expect_eq(lex_error("x = (1,\n 2\n", 11, &e), TN_LX_EOF);
    cr_expect_eq(lex_error(")\n", 2, &e), TN_LX_ERROR);
    cr_expect_str_eq(e.msg, "unmatched ')'");
    cr_expect_eq(lex_error("[\n\n)\n", 5, &e), TN_LX_ERROR);
    cr_expect_str_eq(e.msg, "closing parenthesis ')' does not match opening parenthesis '[' on line 1");
    char deep[402];
    memset(deep, '(', 201);
    memset(deep + 201, ')', 201);
    cr_expect_eq(lex_error(deep, sizeof deep, &e), TN_LX_ERROR);
    cr_expect_str_eq(e.msg, "too many nested parentheses");
}

Test(lexer, line_continuation_errors)
{
    TnSyntaxErrorInfo e;
    cr_expect_eq(lex_error("x = 1 \\ y\n", 10, &e), TN_LX_LINECONT);
    cr_expect_eq(lex_error("x = 1 \\\n", 8, &e), TN_LX_EOF);
}

Test(lexer, source_normalization)
{
    /* BOM skipped; \r\n and \r end lines; a missing final newline is added */
    Want w[] = {
        T(NAME, "a", 1, 0, 1, 1), T(NEWLINE, NULL, 1, 1, 1, 1), T(NAME, "b", 2, 0, 2, 1),
        T(NEWLINE, NULL, 2, 1, 2, 1), T(NAME, "c", 3, 0, 3, 1), T(NEWLINE, NULL, 3, 1, 3, 1),
        T(ENDMARKER, NULL, 0, 0, 0, 0),
    };
    check_tokens("\xEF\xBB\xBF" "a\r\nb\rc", w, 7);
    TnSyntaxErrorInfo e;
    cr_expect_eq(lex_error("x = 1\n\0\n", 8, &e), TN_LX_ERROR);
    cr_expect_str_eq(e.msg, "source code cannot contain null bytes");
    cr_expect_eq(lex_error("x = '\xC3'\n", 8, &e), TN_LX_ERROR);
    cr_expect(strstr(e.msg, "Non-UTF-8 code starting with '\\xc3'") != NULL, "%s", e.msg);
}
