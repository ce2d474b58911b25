/* Code objects: the compiler's output, the eval loop's input.
 *
 * Invariants:
 *  - Immutable after creation; shared by every function and frame made from
 *    it (and so, in the ft build, read by many threads without locks).
 *  - co_code holds co_ncode 16-bit units (opcode | oparg << 8), see
 *    opcodes.h. co_lines[i] is the source line of unit i (0 = none).
 *  - Local variable layout of a frame ("localsplus"):
 *      [0, co_nlocals)                        co_varnames (arguments first)
 *      [co_nlocals, co_nlocals + ncells)      cells for co_cellvars
 *      [.., + nfree)                          cells for co_freevars (from the closure)
 *    co_cell2arg[i] >= 0 says cellvar i is also argument co_cell2arg[i]: the
 *    frame moves the argument's value into the new cell at entry.
 */
#ifndef TANDEM_CODE_H
#define TANDEM_CODE_H

#include "tandem/object.h"

/* co_flags, CPython's values. */
enum {
    TN_CO_OPTIMIZED = 0x1, TN_CO_NEWLOCALS = 0x2, TN_CO_VARARGS = 0x4,
    TN_CO_VARKEYWORDS = 0x8, TN_CO_NESTED = 0x10, TN_CO_GENERATOR = 0x20,
    TN_CO_NOFREE = 0x40, TN_CO_COROUTINE = 0x80, TN_CO_ITERABLE_COROUTINE = 0x100,
    TN_CO_ASYNC_GENERATOR = 0x200,
    TN_CO_FUTURE_ANNOTATIONS = 0x1000000
};

/* The deepest block nesting a frame supports (CPython's CO_MAXBLOCKS). */
#define TN_MAXBLOCKS 20

typedef struct TnCode {
    TnObject ob;
    uint16_t *co_code;
    int co_ncode;
    int *co_lines;
    int co_argcount, co_posonlyargcount, co_kwonlyargcount;
    int co_nlocals, co_ncells, co_nfree;
    int co_stacksize;
    int co_flags;
    int co_firstlineno;
    int *co_cell2arg;             /* NULL when no cellvar is an argument */
    TnObject *co_consts;          /* tuple */
    TnObject *co_names;           /* tuple of str */
    TnObject *co_varnames;        /* tuple of str */
    TnObject *co_cellvars;        /* tuple of str */
    TnObject *co_freevars;        /* tuple of str */
    TnObject *co_name;            /* str */
    TnObject *co_qualname;        /* str */
    TnObject *co_filename;        /* str */
    TnObject *co_docstring;       /* first constant if a docstring, else NULL */
    void *co_cache;               /* per-instruction inline caches, owned by the VM */
} TnCode;

extern TnType tn_code_type;
#define tn_code_check(o) (TN_TYPE(o) == &tn_code_type)

/* The line of code unit `i` (what tracebacks print). */
static inline int tn_code_line(const TnCode *co, int i)
{
    return (i >= 0 && i < co->co_ncode) ? co->co_lines[i] : co->co_firstlineno;
}

#endif
