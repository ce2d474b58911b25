/* Front-end extras beyond the AST contract in ast.h: a dump with
 * positions (for tests and `-X dump-ast`) and a helper for the REPL.
 *
 * Invariants:
 *  - Nothing here allocates objects of the object system; results are
 *    plain malloc'd text or flags.
 *  - Trees from tn_parse never exceed TN_AST_MAX_DEPTH (below).
 *  - Error positions in TnSyntaxErrorInfo (filled by tn_parse) follow one
 *    rule: CPython's SyntaxError.offset is the 1-based character offset of
 *    byte column col_offset, i.e. col_offset + 1 when the line is ASCII;
 *    col_offset == -1 means CPython reports offset 0 (no caret). An
 *    end_col_offset < 0 means CPython's end_offset is end_col_offset + 1
 *    (0 or -1). Lines are 1-based.
 *  - All positions (errors and nodes) count lines and bytes in the source
 *    as the tokenizer sees it: a leading UTF-8 BOM removed and "\r\n" or a
 *    lone "\r" ending a line, like CPython. Code that maps a position back
 *    to the raw bytes must do the same.
 *  - A few messages carry no usable position in CPython either (the
 *    non-UTF-8 and NUL-byte errors): lineno is the offending line and
 *    col_offset is -1.
 */
#ifndef TANDEM_PARSE_H
#define TANDEM_PARSE_H

#include "tandem/ast.h"

/* Every tree tn_parse returns is at most this deep, counting statements
 * and expressions from a top-level statement down to a leaf; deeper input
 * is a SyntaxError "too complex". Recursive walkers (symbol table,
 * compiler) may rely on it. CPython's compiler stops near the same depth. */
enum { TN_AST_MAX_DEPTH = 3000 };

/* tn_ast_dump with CPython's include_attributes=True: every stmt, expr,
 * arg, keyword, alias and excepthandler also shows lineno, col_offset,
 * end_lineno and end_col_offset. Caller frees the result with free(). */
char *tn_ast_dump_ex(const TnModuleAst *m, int include_attributes);

/* For the interactive prompt: 1 if `src` failed to parse only because it
 * ended too early (an open bracket, an unterminated triple-quoted string,
 * a trailing backslash, a compound statement still waiting for its block
 * or for a blank line), so the prompt should read another line; 0 if it
 * parses or has a real error. */
int tn_parse_incomplete(const char *src, size_t len);

#endif
