/* The compiler: source text -> AST (src/parse) -> symbol tables -> code
 * objects (src/compile). Also the constructor of code objects.
 *
 * Invariants:
 *  - tn_compile* return a NEW code object (TnCode, see code.h) or NULL with
 *    an exception set: SyntaxError / IndentationError / TabError instances
 *    carry CPython's attributes (msg, filename, lineno, offset (1-based),
 *    text, end_lineno, end_offset), built by calling the class with
 *    (msg, (filename, lineno, offset, text, end_lineno, end_offset)).
 *  - The compiler keeps no global mutable state: every compilation has its
 *    own arena and compiler struct, so threads may compile concurrently.
 *  - Generated code follows CPython 3.10's instruction patterns (opcodes.h)
 *    with 3.11's comprehension scopes; stack depth is computed by flow
 *    analysis over tn_opcode_stack_effect, never by hand.
 *  - Code objects are immutable after tn_code_new returns.
 */
#ifndef TANDEM_COMPILE_H
#define TANDEM_COMPILE_H

#include <stddef.h>
#include <stdio.h>
#include "tandem/object.h"
#include "tandem/ast.h"

/* Compile modes (same numbering as tn_parse). */
enum { TN_COMPILE_EXEC = 0, TN_COMPILE_SINGLE = 1, TN_COMPILE_EVAL = 2 };

/* Compiler flags (CPython's values where CPython has one). */
enum {
    TN_CF_FUTURE_ANNOTATIONS = 0x1000000   /* from __future__ import annotations */
};

/* Parse and compile `src` (UTF-8, `len` bytes). */
TnObject *tn_compile(const char *src, size_t len, const char *filename, int mode);

/* Compile an already parsed module. `src`/`len` (may be NULL/0) are only
 * used to fill SyntaxError.text for errors found by the symbol table or
 * the compiler; use tn_compile_ast_src to pass them. */
TnObject *tn_compile_ast(TnModuleAst *mod, const char *filename, int mode, int flags);
TnObject *tn_compile_ast_src(TnModuleAst *mod, const char *filename, int mode, int flags,
                             const char *src, size_t len);

/* Raise a SyntaxError-family exception (type "SyntaxError",
 * "IndentationError" or "TabError") at a position: lineno 1-based, col
 * 0-based byte column (converted to a 1-based character offset); src may be
 * NULL (then text is None). Always returns NULL. */
TnObject *tn_raise_syntax_error(const char *type, const char *msg, const char *filename,
                                int lineno, int col, int end_lineno, int end_col,
                                const char *src, size_t len);

/* Build a code object. Steals nothing: every object argument is borrowed
 * (tuples of str for the name tuples, a tuple for consts); `code` (ncode
 * units) and `lines` (ncode ints) are copied. cell2arg may be NULL; else it
 * has ncellvars entries. docstring may be NULL. */
TnObject *tn_code_new(int argcount, int posonlyargcount, int kwonlyargcount,
                      int nlocals, int stacksize, int flags, int firstlineno,
                      const uint16_t *code, int ncode, const int *lines,
                      TnObject *consts, TnObject *names, TnObject *varnames,
                      TnObject *cellvars, TnObject *freevars,
                      TnObject *name, TnObject *qualname, TnObject *filename,
                      TnObject *docstring, const int *cell2arg);

/* Debug aid: write the CPython-style disassembly of `code` (a code object)
 * and of every code object in its constants to `f`. 0 or -1. (dis.c) */
int tn_dis_fprint(TnObject *code, FILE *f);

/* Readies tn_code_type (startup step 6). 0 or -1. */
int tn_code_init(void);

#endif
