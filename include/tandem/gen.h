/* Generators.
 *
 * Invariants:
 *  - A generator owns its frame: the TnFrame is stored inline at the end of
 *    the generator object (CPython 3.11 style) and bound there directly
 *    when the generator function is called, so a suspended generator
 *    outlives the call that created it without copying.
 *  - While running, the generator's frame is linked into the running
 *    thread's frame chain (f->back = caller) and gi_running is 1; a
 *    re-entrant send raises ValueError("generator already executing").
 *  - frame_state: CREATED (not started), SUSPENDED (at a yield),
 *    RUNNING, CLEARED (finished or closed; frame references dropped).
 *  - A suspended generator that is deallocated is closed first
 *    (GeneratorExit thrown in; a yield in response prints an unraisable
 *    RuntimeError as CPython does).
 *  - A generator object is not thread-safe to resume concurrently: running
 *    it from two threads at once raises "generator already executing"
 *    (the state is changed with an atomic compare-and-swap in the ft build).
 */
#ifndef TANDEM_GEN_H
#define TANDEM_GEN_H

#include "tandem/frame.h"

enum { TN_GEN_CREATED = 0, TN_GEN_SUSPENDED = 1, TN_GEN_RUNNING = 2, TN_GEN_CLEARED = 3 };

typedef struct {
    TnObject ob;
    TnObject *name;               /* __name__ */
    TnObject *qualname;           /* __qualname__ */
    TnObject *yieldfrom;          /* reserved, always NULL: gi_yieldfrom is read from the frame */
    TnObject *exc_state;          /* handled exception saved while suspended */
    TnObject *weakreflist;        /* reserved for weakref support */
    TN_SHARED(int) state;         /* TN_GEN_* */
    TnFrame frame;                /* inline; localsplus follows the object */
} TnGen;

extern TnType tn_gen_type;
#define tn_gen_check(o) (TN_TYPE(o) == &tn_gen_type)

/* Allocate a generator for function `func` (whose code has CO_GENERATOR):
 * its frame is initialised but arguments not bound yet; *frame receives it
 * so the caller can bind into it. */
TnObject *tn_gen_new(TnObject *func, TnFrame **frame);

/* Result of resuming a generator. */
typedef enum { TN_SEND_RETURN = 0, TN_SEND_NEXT = 1, TN_SEND_ERROR = -1 } TnSendResult;
/* Resume `gen` with `arg` (NULL = None / __next__). NEXT: *result = the
 * yielded value; RETURN: *result = the returned value (StopIteration not
 * raised); ERROR: exception set, *result NULL. */
TnSendResult tn_gen_send_ex(TnObject *gen, TnObject *arg, TnObject **result);
/* Throw `exc` (an instance, borrowed) into the generator. */
TnSendResult tn_gen_throw_ex(TnObject *gen, TnObject *exc, TnObject **result);
/* gen.close(): 0 or -1. */
int tn_gen_close(TnObject *gen);
/* Set StopIteration(value) (value None -> StopIteration()). */
void tn_set_stop_iteration(TnObject *value);
/* The value carried by the current StopIteration, which is cleared: new
 * reference (None when absent). Only call with StopIteration set. */
TnObject *tn_fetch_stop_iteration_value(void);

int tn_gen_init(void);

#endif
