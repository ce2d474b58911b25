/* Exceptions as values.
 *
 * Invariants:
 *  - A function that fails returns NULL (object results) or -1 (int results)
 *    with an exception set on the current thread state; callers propagate it
 *    through one `goto error` path. There is no longjmp.
 *  - The raised exception is always an instance (never a (type, value, tb)
 *    triple), as in CPython 3.12: tstate->curexc.
 *  - Exception classes are static types `tn_exc_<Name>` listed once in the
 *    X-macro TN_EXCEPTION_TYPES, in CPython's hierarchy.
 */
#ifndef TANDEM_ERROR_H
#define TANDEM_ERROR_H

#include "tandem/type.h"

/* X(name, base) -- CPython's built-in exception hierarchy. */
#define TN_EXCEPTION_TYPES(X) \
    X(BaseException, BaseException) \
    X(SystemExit, BaseException) \
    X(KeyboardInterrupt, BaseException) \
    X(GeneratorExit, BaseException) \
    X(Exception, BaseException) \
    X(StopIteration, Exception) \
    X(StopAsyncIteration, Exception) \
    X(ArithmeticError, Exception) \
    X(FloatingPointError, ArithmeticError) \
    X(OverflowError, ArithmeticError) \
    X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) \
    X(AttributeError, Exception) \
    X(BufferError, Exception) \
    X(EOFError, Exception) \
    X(ImportError, Exception) \
    X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) \
    X(IndexError, LookupError) \
    X(KeyError, LookupError) \
    X(MemoryError, Exception) \
    X(NameError, Exception) \
    X(UnboundLocalError, NameError) \
    X(OSError, Exception) \
    X(BlockingIOError, OSError) \
    X(ChildProcessError, OSError) \
    X(ConnectionError, OSError) \
    X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) \
    X(FileExistsError, OSError) \
    X(FileNotFoundError, OSError) \
    X(InterruptedError, OSError) \
    X(IsADirectoryError, OSError) \
    X(NotADirectoryError, OSError) \
    X(PermissionError, OSError) \
    X(ProcessLookupError, OSError) \
    X(TimeoutError, OSError) \
    X(ReferenceError, Exception) \
    X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) \
    X(SyntaxError, Exception) \
    X(IndentationError, SyntaxError) \
    X(TabError, IndentationError) \
    X(SystemError, Exception) \
    X(TypeError, Exception) \
    X(ValueError, Exception) \
    X(UnicodeError, ValueError) \
    X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) \
    X(Warning, Exception) \
    X(DeprecationWarning, Warning) \
    X(RuntimeWarning, Warning) \
    X(UserWarning, Warning)

#define TN_DECLARE_EXC(name, base) extern TnType tn_exc_##name;
TN_EXCEPTION_TYPES(TN_DECLARE_EXC)
#undef TN_DECLARE_EXC

/* The instance layout shared by all exception types (subclasses may add
 * fields after it: see exc.c). */
typedef struct {
    TnObject ob;
    TnObject *dict;          /* instance __dict__ */
    TnObject *args;          /* tuple */
    TnObject *traceback;     /* traceback object or NULL */
    TnObject *context;       /* __context__ or NULL */
    TnObject *cause;         /* __cause__ or NULL */
    char suppress_context;   /* __suppress_context__ */
} TnBaseException;

/* Raise. */
void tn_err_set(TnObject *exc);                             /* steals an instance */
void tn_err_set_object(TnType *t, TnObject *value);         /* t(value); value borrowed, NULL = t() */
void tn_err_setstr(TnType *t, const char *msg);
/* printf-like, plus %R (repr of object), %S (str of object), %U (str object
 * as is), %T (type name of object), %N (name of a type object), %zd %zu %lld
 * %ld %d %u %x %c %s %p %%. Always returns NULL for `return tn_err_format(...)`. */
TnObject *tn_err_format(TnType *t, const char *fmt, ...);
TnObject *tn_err_nomemory(void);
/* errno-based OSError subclass with strerror text; filename may be NULL. */
TnObject *tn_err_from_errno(TnType *t, const char *filename);

/* Inspect and clear. */
TnObject *tn_err_occurred(void);            /* borrowed current exception or NULL */
int tn_err_matches(TnType *t);              /* current exception is an instance of t */
int tn_exc_matches(TnObject *exc, TnObject *type_or_tuple);  /* isinstance-like */
void tn_err_clear(void);
TnObject *tn_err_fetch(void);               /* take the current exception (new ref) or NULL */
void tn_err_restore(TnObject *exc);         /* steal; NULL clears */

/* Print `exc` with its chain and traceback to stderr as CPython does. */
void tn_err_print_exception(TnObject *exc);
/* "Exception ignored in: <obj>" + traceback, for __del__ and callbacks. */
void tn_err_write_unraisable(TnObject *where);

#endif
