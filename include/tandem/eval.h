/* The bytecode interpreter.
 *
 * Invariants:
 *  - tn_eval_frame runs one frame to completion (return, exception) or to a
 *    yield (generator frames). It links the frame into tstate->frame on
 *    entry and unlinks it on exit; it does not free the frame (the caller
 *    that pushed it pops it).
 *  - Every Python-level call goes through tn_eval_frame recursively in C.
 *    Depth is bounded twice: tstate->recursion_limit Python frames
 *    ("RecursionError: maximum recursion depth exceeded"), and a C-stack
 *    guard computed from the real stack bounds of the running thread, so a
 *    very high sys.setrecursionlimit still raises instead of overflowing.
 *  - Safe points: the eval loop reads tstate->eval_breaker (relaxed) at
 *    every backward jump and at function entry; when nonzero it calls
 *    tn_eval_breaker_slow(), which handles GIL drops, BRC merges, QSBR,
 *    stop-the-world and pending signals. A return of -1 (exception set, e.g.
 *    KeyboardInterrupt) is raised at that point.
 *  - Inline caches (LOAD_GLOBAL) live in code->co_cache, allocated lazily
 *    and published with a compare-and-swap; each entry is a self-validating
 *    record read and written with relaxed atomics in the ft build (see
 *    ceval.c), so a stale or torn entry is never used.
 */
#ifndef TANDEM_EVAL_H
#define TANDEM_EVAL_H

#include "tandem/tstate.h"
#include "tandem/frame.h"

/* Run a module or class body: `code` with globals and locals dicts (locals
 * NULL = globals). New reference to the result or NULL. */
TnObject *tn_eval_code(TnObject *code, TnObject *globals, TnObject *locals);
/* Run frame f (see above). New reference or NULL. */
TnObject *tn_eval_frame(TnFrame *f);

/* Eval-breaker slow path. The default (weak) definition only handles
 * pending signals (KeyboardInterrupt); the runtime overrides it with one
 * that also handles GIL/BRC/QSBR/stop-the-world and calls
 * tn_eval_handle_signals(). Returns 0, or -1 with an exception set. */
int tn_eval_breaker_slow(TnThreadState *ts);
/* Pending-signal part of the breaker: in the main thread, if SIGINT
 * arrived, clear the flag and raise KeyboardInterrupt (-1). */
int tn_eval_handle_signals(TnThreadState *ts);
/* Install the SIGINT handler (sets a flag and the TN_EB_SIGNALS bit of the
 * main thread's breaker). Call from the main thread once its tstate exists. */
int tn_signals_install(void);
/* Main thread's state (the one signals are delivered to). */
extern TnThreadState *tn_main_tstate;

/* Run fn(arg) on a fresh thread with a large C stack (256 MiB, reserved
 * lazily) and wait for it. The calling thread's tstate is handed over
 * (tn_tls_tstate/tid are set on the new thread, which registers with QSBR;
 * the caller goes QSBR-offline while it waits). Returns 0 after fn ran, or
 * -1 when the thread could not be started (fn NOT run). */
int tn_run_on_big_stack(void (*fn)(void *), void *arg);
/* C-stack headroom check for recursion in C (eval entry, repr of deep
 * containers...): 0 when enough stack remains, else -1 with RecursionError
 * ("maximum recursion depth exceeded"). */
int tn_check_c_stack(void);

/* __build_class__(func, name, *bases, metaclass=..., **kw). */
TnObject *tn_build_class(TnObject *const *args, size_t nargs, TnObject *kwnames);
/* Zero-argument super(): *type from the __class__ cell of the current
 * frame, *obj its first argument (both new references). -1 + RuntimeError
 * ("super(): no arguments", "super(): __class__ cell not found", ...). */
int tn_frame_super_args(TnType **type, TnObject **obj);

/* globals()/locals()/builtins of the innermost frame. globals: borrowed,
 * NULL (no error) outside any frame; locals: new ref or NULL + error;
 * builtins: borrowed dict, never NULL after startup. */
TnObject *tn_eval_get_globals(void);
TnObject *tn_eval_get_locals(void);
TnObject *tn_eval_get_builtins(void);
/* The innermost running frame of this thread (borrowed) or NULL. */
TnFrame *tn_eval_current_frame(void);

/* Readies function, method, cell, generator, frame and traceback types and
 * the VM's interned names. 0 or -1. */
int tn_vm_init(void);

#endif
