/* Exception instance layouts and helpers beyond error.h (owned by the type
 * system; error.h is the lead's contract).
 *
 * Invariants: every exception instance starts with TnBaseException (error.h);
 * the subclasses below add fields after it, and user subclasses of any of
 * them get the same layout plus (nothing: the __dict__ is TnBaseException.
 * dict). Implemented in src/objects/exc.c.
 */
#ifndef TANDEM_EXC_H
#define TANDEM_EXC_H

#include "tandem/error.h"

typedef struct { TnBaseException base; TnObject *value; } TnStopIteration;
typedef struct { TnBaseException base; TnObject *code; } TnSystemExit;
typedef struct { TnBaseException base; TnObject *msg, *name, *path; } TnImportError;
typedef struct { TnBaseException base; TnObject *name; } TnNameError;
typedef struct { TnBaseException base; TnObject *name, *obj; } TnAttributeError;
typedef struct {
    TnBaseException base;
    TnObject *myerrno, *strerror, *filename, *filename2;
} TnOSError;
typedef struct {
    TnBaseException base;
    TnObject *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset,
             *print_file_and_line;
} TnSyntaxError;
typedef struct {
    TnBaseException base;
    TnObject *encoding, *object, *reason;
    tn_ssize_t start, end;
} TnUnicodeError;

#define tn_exc_check(o) TN_TYPE_CHECK_FLAG(o, TN_TPFLAG_EXC_SUBCLASS)
#define tn_exc_type_check(t) (((TnType *)(t))->tp_flags & TN_TPFLAG_EXC_SUBCLASS)

int tn_exc_init(void);
/* Accessors (borrowed or NULL); setters take borrowed refs. */
TnObject *tn_exc_get_context(TnObject *exc);
TnObject *tn_exc_get_cause(TnObject *exc);
TnObject *tn_exc_get_traceback(TnObject *exc);
void tn_exc_set_context(TnObject *exc, TnObject *ctx);      /* ctx may be NULL */
void tn_exc_set_cause(TnObject *exc, TnObject *cause);      /* also sets __suppress_context__ */
void tn_exc_set_traceback(TnObject *exc, TnObject *tb);
/* StopIteration(value).value (new ref; None when absent). */
TnObject *tn_stop_iteration_value(TnObject *exc);
/* Raise StopIteration(value) (value borrowed; a tuple is passed as one arg). */
void tn_err_set_stop_iteration(TnObject *value);
/* Raise KeyError(key) (a tuple key is passed as one arg, as CPython does). */
void tn_err_set_key(TnObject *key);
/* Raise UnicodeDecodeError(encoding, bytes, start, end, reason). */
void tn_err_unicode_decode(const char *encoding, const char *data, tn_ssize_t len,
                           tn_ssize_t start, tn_ssize_t end, const char *reason);
/* Raise UnicodeEncodeError(encoding, str, start, end, reason). */
void tn_err_unicode_encode(const char *encoding, TnObject *str, tn_ssize_t start,
                           tn_ssize_t end, const char *reason);
/* The preallocated MemoryError (immortal). */
extern TnObject *tn_memory_error_instance;

#endif
