/* Generators and coroutines.
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
 *  - A coroutine (`async def`) is the same object with type tn_coro_type:
 *    it is not iterable, it is driven by send/throw/close or by `await`
 *    (YIELD_FROM on it), and resuming it after it finished raises
 *    RuntimeError("cannot reuse already awaited coroutine").
 *  - An async generator (`async def` with `yield`) is the same object with
 *    type tn_asyncgen_type. Its frame's YIELD_VALUE wraps the value
 *    (tn_asyncgen_wrap) so that the awaitables returned by __anext__,
 *    asend, athrow and aclose can tell a value yielded to `async for`
 *    (which completes the awaitable) from one that an `await` inside the
 *    body passes up to the driver (returned from send unchanged).
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
    int ag_running_async;         /* async generator: an asend/athrow is in progress */
    int ag_closed;                /* async generator: finished or aclose()d */
    TnFrame frame;                /* inline; localsplus follows the object */
} TnGen;

extern TnType tn_gen_type;
extern TnType tn_coro_type;
extern TnType tn_coro_wrapper_type;   /* what coroutine.__await__() returns */
#define tn_gen_check(o) (TN_TYPE(o) == &tn_gen_type)
extern TnType tn_asyncgen_type;
#define tn_coro_check(o) (TN_TYPE(o) == &tn_coro_type)
#define tn_asyncgen_check(o) (TN_TYPE(o) == &tn_asyncgen_type)
/* Any of the three kinds: all have the TnGen layout. */
#define tn_gen_like_check(o) (tn_gen_check(o) || tn_coro_check(o) || tn_asyncgen_check(o))
/* YIELD_VALUE in an async generator: wrap `v` (stolen); NULL on error. */
TnObject *tn_asyncgen_wrap(TnObject *v);

/* Allocate a generator, a coroutine (CO_COROUTINE) or an async generator
 * (CO_ASYNC_GENERATOR) for function `func`:
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
/* The object a suspended generator or coroutine is delegating to (in
 * `yield from` / `await`), borrowed, or NULL. */
TnObject *tn_gen_yf(TnObject *gen);
/* gen.close(): 0 or -1. */
int tn_gen_close(TnObject *gen);
/* Set StopIteration(value) (value None -> StopIteration()). */
void tn_set_stop_iteration(TnObject *value);
/* The value carried by the current StopIteration, which is cleared: new
 * reference (None when absent). Only call with StopIteration set. */
TnObject *tn_fetch_stop_iteration_value(void);

int tn_gen_init(void);

#endif
