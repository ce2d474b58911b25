/* The instruction set: ONE X-macro table read by the compiler (emission and
 * stack-depth computation), the eval loop (dispatch table, labels), and the
 * dis module (names, argument decoding). Nothing is kept in step by hand.
 *
 * Invariants:
 *  - An instruction is one 16-bit code unit: opcode in the low byte, oparg
 *    in the high byte. Larger opargs are built by up to three EXTENDED_ARG
 *    prefixes (oparg = (prefix << 8) | next), as in CPython.
 *  - Jump targets are ABSOLUTE code-unit indexes (dis prints them as byte
 *    offsets, index * 2, like CPython). A jump to a lower index is a
 *    backward jump and therefore a safe point (eval breaker check).
 *  - Semantics follow CPython 3.10's opcodes of the same name, except where
 *    noted: exceptions are single objects (no (type, value, tb) triples),
 *    binary operators are one BINARY_OP (3.11 numbering, see TnOperator in
 *    ast.h; inplace = 13 + operator), and all jumps are absolute.
 *
 * Exception handling (block stack, as in 3.10, with single-object exceptions):
 *  - SETUP_FINALLY T / SETUP_WITH T push a block {handler T, stack level}.
 *    POP_BLOCK pops it on the normal path.
 *  - When an exception is raised, blocks are popped until a SETUP_FINALLY or
 *    SETUP_WITH block is found (EXCEPT_HANDLER blocks met on the way restore
 *    the handled exception they saved, see below). The value stack is cut to
 *    the block's level, an EXCEPT_HANDLER block is pushed, then the
 *    previously handled exception (or None) and the new exception are
 *    pushed, the new one becomes the "handled" exception (sys.exc_info),
 *    and execution jumps to T. So a handler starts with [..., prev, exc].
 *  - POP_EXCEPT pops the EXCEPT_HANDLER block and `prev` (TOS), restoring it
 *    as the handled exception. RERAISE pops an exception and raises it again
 *    (oparg 1: keep the frame's current traceback entry unchanged).
 *  - SETUP_WITH T: TOS is a context manager; pushes its bound __exit__ then
 *    the result of __enter__(); the block's level is just above __exit__.
 *    WITH_EXCEPT_START: stack [exit, prev, exc] (exit at depth 3); calls
 *    exit(type(exc), exc, exc.__traceback__) and pushes the result.
 *
 *
 * Coroutines (3.10 opcodes, single-object exceptions):
 *  - GET_AWAITABLE where: TOS = the iterator `await TOS` drives (a coroutine
 *    itself, or what __await__ returned); `where` only picks the error
 *    message (0 await, 1 __aenter__ result, 2 __aexit__ result). It is
 *    followed by LOAD_CONST None; YIELD_FROM.
 *  - GET_AITER: TOS = TOS.__aiter__(). GET_ANEXT pushes the awaitable of
 *    TOS.__anext__() (aiter stays below it).
 *  - END_ASYNC_FOR is the handler of the SETUP_FINALLY around GET_ANEXT:
 *    stack [aiter, prev, exc]. StopAsyncIteration ends the loop (pops all
 *    three, restores `prev` as POP_EXCEPT does); anything else is re-raised.
 *  - BEFORE_ASYNC_WITH: mgr -> [bound __aexit__, mgr.__aenter__()];
 *    SETUP_ASYNC_WITH T (after the awaited enter result is on TOS) pushes a
 *    block whose level excludes that result, then the body runs as in
 *    SETUP_WITH; the exit result is awaited with GET_AWAITABLE 2.
 *  - YIELD_VALUE in an async generator (CO_ASYNC_GENERATOR) yields the value
 *    wrapped (gen.h: tn_asyncgen_wrap), so the driver can tell it from an
 *    await's YIELD_FROM passing a value through.
 *
 * Calls: CALL_FUNCTION n [f, a1..an]; CALL_FUNCTION_KW n [f, a1..an, names];
 * CALL_FUNCTION_EX flags [f, argstuple, (kwdict if flags & 1)];
 * LOAD_METHOD name pushes [meth, self] or [NULL, bound/attr];
 * CALL_METHOD n [meth_or_NULL, self_or_callable, a1..an];
 * CALL_METHOD_KW n [meth_or_NULL, self_or_callable, a1..an, names].
 * MAKE_FUNCTION flags: [defaults(0x1), kwdefaults(0x2), annotations(0x4,
 * a dict), closure(0x8, tuple of cells), code, qualname] -> function.
 * Frames: fast locals are co_varnames; cells/free vars follow them and
 * LOAD_DEREF/STORE_DEREF/LOAD_CLOSURE/DELETE_DEREF/LOAD_CLASSDEREF index
 * cellvars then freevars (3.10 numbering).
 */
#ifndef TANDEM_OPCODES_H
#define TANDEM_OPCODES_H

/* Argument kinds, used by dis to print the argument's meaning. */
enum {
    TN_ARG_NONE,    /* no argument (oparg ignored, dis prints nothing) */
    TN_ARG_INT,     /* a count or flags */
    TN_ARG_CONST,   /* index into co_consts */
    TN_ARG_NAME,    /* index into co_names */
    TN_ARG_LOCAL,   /* index into co_varnames */
    TN_ARG_FREE,    /* index into cellvars + freevars */
    TN_ARG_JUMP,    /* absolute target (code-unit index) */
    TN_ARG_CMP,     /* comparison operator: < <= == != > >= */
    TN_ARG_BINOP    /* binary operator: see TnOperator, +13 for inplace */
};

#define TN_NFLAGS(a) (((a) & 1) + (((a) >> 1) & 1) + (((a) >> 2) & 1) + (((a) >> 3) & 1))

/* X(NAME, ARGKIND, STACK_EFFECT, STACK_EFFECT_IF_JUMPING)
 * Effects are expressions in `oparg`. */
#define TN_OPCODES(X) \
    X(NOP,                   TN_ARG_NONE,  0, 0) \
    X(POP_TOP,               TN_ARG_NONE, -1, -1) \
    X(ROT_TWO,               TN_ARG_NONE,  0, 0) \
    X(ROT_THREE,             TN_ARG_NONE,  0, 0) \
    X(ROT_FOUR,              TN_ARG_NONE,  0, 0) \
    X(ROT_N,                 TN_ARG_INT,   0, 0) \
    X(DUP_TOP,               TN_ARG_NONE,  1, 1) \
    X(DUP_TOP_TWO,           TN_ARG_NONE,  2, 2) \
    X(UNARY_POSITIVE,        TN_ARG_NONE,  0, 0) \
    X(UNARY_NEGATIVE,        TN_ARG_NONE,  0, 0) \
    X(UNARY_NOT,             TN_ARG_NONE,  0, 0) \
    X(UNARY_INVERT,          TN_ARG_NONE,  0, 0) \
    X(BINARY_OP,             TN_ARG_BINOP, -1, -1) \
    X(BINARY_SUBSCR,         TN_ARG_NONE, -1, -1) \
    X(STORE_SUBSCR,          TN_ARG_NONE, -3, -3) \
    X(DELETE_SUBSCR,         TN_ARG_NONE, -2, -2) \
    X(COMPARE_OP,            TN_ARG_CMP,  -1, -1) \
    X(IS_OP,                 TN_ARG_INT,  -1, -1) \
    X(CONTAINS_OP,           TN_ARG_INT,  -1, -1) \
    X(GET_ITER,              TN_ARG_NONE,  0, 0) \
    X(GET_YIELD_FROM_ITER,   TN_ARG_NONE,  0, 0) \
    X(FOR_ITER,              TN_ARG_JUMP,  1, -1) \
    X(YIELD_VALUE,           TN_ARG_NONE,  0, 0) \
    X(YIELD_FROM,            TN_ARG_NONE, -1, -1) \
    X(RETURN_VALUE,          TN_ARG_NONE, -1, -1) \
    X(PRINT_EXPR,            TN_ARG_NONE, -1, -1) \
    X(LOAD_BUILD_CLASS,      TN_ARG_NONE,  1, 1) \
    X(LOAD_ASSERTION_ERROR,  TN_ARG_NONE,  1, 1) \
    X(IMPORT_NAME,           TN_ARG_NAME, -1, -1) \
    X(IMPORT_FROM,           TN_ARG_NAME,  1, 1) \
    X(IMPORT_STAR,           TN_ARG_NONE, -1, -1) \
    X(SETUP_ANNOTATIONS,     TN_ARG_NONE,  0, 0) \
    X(SETUP_FINALLY,         TN_ARG_JUMP,  0, 2) \
    X(SETUP_WITH,            TN_ARG_JUMP,  1, 2) \
    X(POP_BLOCK,             TN_ARG_NONE,  0, 0) \
    X(POP_EXCEPT,            TN_ARG_NONE, -1, -1) \
    X(RERAISE,               TN_ARG_INT,  -1, -1) \
    X(WITH_EXCEPT_START,     TN_ARG_NONE,  1, 1) \
    X(JUMP_IF_NOT_EXC_MATCH, TN_ARG_JUMP, -2, -2) \
    X(RAISE_VARARGS,         TN_ARG_INT,  -(oparg), -(oparg)) \
    X(JUMP_ABSOLUTE,         TN_ARG_JUMP,  0, 0) \
    X(POP_JUMP_IF_FALSE,     TN_ARG_JUMP, -1, -1) \
    X(POP_JUMP_IF_TRUE,      TN_ARG_JUMP, -1, -1) \
    X(JUMP_IF_FALSE_OR_POP,  TN_ARG_JUMP, -1, 0) \
    X(JUMP_IF_TRUE_OR_POP,   TN_ARG_JUMP, -1, 0) \
    X(LOAD_CONST,            TN_ARG_CONST, 1, 1) \
    X(LOAD_NAME,             TN_ARG_NAME,  1, 1) \
    X(STORE_NAME,            TN_ARG_NAME, -1, -1) \
    X(DELETE_NAME,           TN_ARG_NAME,  0, 0) \
    X(LOAD_GLOBAL,           TN_ARG_NAME,  1, 1) \
    X(STORE_GLOBAL,          TN_ARG_NAME, -1, -1) \
    X(DELETE_GLOBAL,         TN_ARG_NAME,  0, 0) \
    X(LOAD_FAST,             TN_ARG_LOCAL, 1, 1) \
    X(STORE_FAST,            TN_ARG_LOCAL, -1, -1) \
    X(DELETE_FAST,           TN_ARG_LOCAL, 0, 0) \
    X(LOAD_CLOSURE,          TN_ARG_FREE,  1, 1) \
    X(LOAD_DEREF,            TN_ARG_FREE,  1, 1) \
    X(LOAD_CLASSDEREF,       TN_ARG_FREE,  1, 1) \
    X(STORE_DEREF,           TN_ARG_FREE, -1, -1) \
    X(DELETE_DEREF,          TN_ARG_FREE,  0, 0) \
    X(LOAD_ATTR,             TN_ARG_NAME,  0, 0) \
    X(STORE_ATTR,            TN_ARG_NAME, -2, -2) \
    X(DELETE_ATTR,           TN_ARG_NAME, -1, -1) \
    X(LOAD_METHOD,           TN_ARG_NAME,  1, 1) \
    X(CALL_METHOD,           TN_ARG_INT,  -(oparg) - 1, -(oparg) - 1) \
    X(CALL_METHOD_KW,        TN_ARG_INT,  -(oparg) - 2, -(oparg) - 2) \
    X(CALL_FUNCTION,         TN_ARG_INT,  -(oparg), -(oparg)) \
    X(CALL_FUNCTION_KW,      TN_ARG_INT,  -(oparg) - 1, -(oparg) - 1) \
    X(CALL_FUNCTION_EX,      TN_ARG_INT,  -1 - ((oparg) & 1), -1 - ((oparg) & 1)) \
    X(MAKE_FUNCTION,         TN_ARG_INT,  -1 - TN_NFLAGS(oparg), -1 - TN_NFLAGS(oparg)) \
    X(BUILD_TUPLE,           TN_ARG_INT,  1 - (oparg), 1 - (oparg)) \
    X(BUILD_LIST,            TN_ARG_INT,  1 - (oparg), 1 - (oparg)) \
    X(BUILD_SET,             TN_ARG_INT,  1 - (oparg), 1 - (oparg)) \
    X(BUILD_MAP,             TN_ARG_INT,  1 - 2 * (oparg), 1 - 2 * (oparg)) \
    X(BUILD_CONST_KEY_MAP,   TN_ARG_INT,  -(oparg), -(oparg)) \
    X(BUILD_STRING,          TN_ARG_INT,  1 - (oparg), 1 - (oparg)) \
    X(BUILD_SLICE,           TN_ARG_INT,  (oparg) == 3 ? -2 : -1, (oparg) == 3 ? -2 : -1) \
    X(LIST_APPEND,           TN_ARG_INT,  -1, -1) \
    X(SET_ADD,               TN_ARG_INT,  -1, -1) \
    X(MAP_ADD,               TN_ARG_INT,  -2, -2) \
    X(LIST_EXTEND,           TN_ARG_INT,  -1, -1) \
    X(SET_UPDATE,            TN_ARG_INT,  -1, -1) \
    X(DICT_UPDATE,           TN_ARG_INT,  -1, -1) \
    X(DICT_MERGE,            TN_ARG_INT,  -1, -1) \
    X(LIST_TO_TUPLE,         TN_ARG_NONE,  0, 0) \
    X(UNPACK_SEQUENCE,       TN_ARG_INT,  (oparg) - 1, (oparg) - 1) \
    X(UNPACK_EX,             TN_ARG_INT,  ((oparg) & 0xFF) + ((oparg) >> 8), ((oparg) & 0xFF) + ((oparg) >> 8)) \
    X(FORMAT_VALUE,          TN_ARG_INT,  ((oparg) & 4) ? -1 : 0, ((oparg) & 4) ? -1 : 0) \
    X(GET_AWAITABLE,         TN_ARG_INT,   0, 0) \
    X(GET_AITER,             TN_ARG_NONE,  0, 0) \
    X(GET_ANEXT,             TN_ARG_NONE,  1, 1) \
    X(END_ASYNC_FOR,         TN_ARG_NONE, -3, -3) \
    X(BEFORE_ASYNC_WITH,     TN_ARG_NONE,  1, 1) \
    X(SETUP_ASYNC_WITH,      TN_ARG_JUMP,  0, 1) \
    X(EXTENDED_ARG,          TN_ARG_INT,  0, 0)

typedef enum {
#define TN_OP_ENUM(name, kind, eff, jeff) TN_##name,
    TN_OPCODES(TN_OP_ENUM)
#undef TN_OP_ENUM
    TN_NUM_OPCODES
} TnOpcode;

/* FORMAT_VALUE oparg: conversion in the low 2 bits, 4 = a spec is on the stack. */
enum { TN_FVC_NONE = 0, TN_FVC_STR = 1, TN_FVC_REPR = 2, TN_FVC_ASCII = 3,
       TN_FVS_HAVE_SPEC = 4 };
/* RAISE_VARARGS: 0 re-raise, 1 raise exc, 2 raise exc from cause. */
/* BINARY_OP: inplace variants are TN_OP_* + TN_BINOP_INPLACE. */
#define TN_BINOP_INPLACE 13

/* Per-opcode facts generated from the table (src/compile/opcodes.c). */
extern const char *const tn_opcode_names[TN_NUM_OPCODES];
extern const unsigned char tn_opcode_argkind[TN_NUM_OPCODES];
/* Stack effect of (op, oparg); jump selects the taken-branch effect. */
int tn_opcode_stack_effect(int op, int oparg, int jump);
/* Operator symbols for dis: "+", "+=", ... (index = BINARY_OP oparg). */
extern const char *const tn_binop_symbols[26];
extern const char *const tn_cmp_symbols[6];

#endif
