/* Traceback objects and exception printing.
 *
 * Invariants:
 *  - A traceback entry names a frame object (tb_frame), the line and the
 *    instruction that was executing when the exception passed through it
 *    (tb_lineno, tb_lasti as a byte offset like CPython), and the next
 *    (inner) entry. Entries are prepended to exc.__traceback__ as the
 *    exception unwinds each frame, so the chain reads outermost first.
 *  - Printing follows CPython 3.11's format exactly, except that the
 *    "^^^^" caret lines are never printed.
 */
#ifndef TANDEM_TRACEBACK_H
#define TANDEM_TRACEBACK_H

#include "tandem/frame.h"

typedef struct TnTraceback {
    TnObject ob;
    struct TnTraceback *tb_next;  /* strong or NULL */
    TnObject *tb_frame;           /* strong frame object */
    int tb_lasti;                 /* byte offset (code-unit index * 2) */
    int tb_lineno;
} TnTraceback;

extern TnType tn_traceback_type;
#define tn_traceback_check(o) (TN_TYPE(o) == &tn_traceback_type)

/* Prepend an entry for frame f (at its current lasti) to the traceback of
 * the current exception. 0 or -1 (MemoryError; the original exception is
 * kept). */
int tn_traceback_here(TnFrame *f);
/* Prepend an entry to `exc`'s traceback (exc borrowed). */
int tn_traceback_add(TnObject *exc, TnFrame *f);
/* Print "Traceback (most recent call last):" and the entries of tb to the
 * C stream `out` (a FILE *). */
void tn_traceback_print(TnObject *tb, void *out);

/* tn_err_print_exception and tn_err_write_unraisable (error.h) are
 * implemented in src/objects/traceback.c. */

int tn_traceback_init(void);

#endif
