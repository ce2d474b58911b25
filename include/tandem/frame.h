/* Frames: the activation record of one running piece of Python code, and
 * the lazily created `frame` objects that expose it to Python.
 *
 * Invariants:
 *  - A TnFrame lives in its thread's frame arena (tstate->arena_*: bump
 *    allocation in TN_FRAME_CHUNK_SIZE chunks, released strictly in LIFO
 *    order by tn_frame_pop), or inside a generator object (gen.h), never
 *    anywhere else. `owner` says which.
 *  - localsplus[] holds co_nlocals fast locals, then co_ncells cells, then
 *    co_nfree cells (code.h layout), then the value stack
 *    (co_stacksize slots). Stack slots [nlocalsplus, nlocalsplus+stacktop)
 *    hold owned references while the frame is suspended; while it runs the
 *    eval loop keeps the stack pointer in a register.
 *  - code, globals, builtins (a dict), func (NULL for module/class bodies)
 *    and locals (dict or NULL) are BORROWED in arena frames: the caller
 *    keeps them alive for the whole call (the callable sits on its value
 *    stack, or a C caller holds it), which saves four increfs and decrefs
 *    per call and, in the ft build, keeps threads calling the same function
 *    off its shared reference count. Generator-owned and frame-object-owned
 *    frames hold strong references to them.
 *  - `back` is the calling frame on this thread (borrowed; the chain is
 *    tstate->frame -> back -> ...). A generator's frame has back == NULL
 *    while suspended.
 *  - frame_obj, when non-NULL, is the `frame` object that views this frame
 *    (strong reference held by the frame). When the frame is released while
 *    someone else still holds the frame object, the object takes a heap copy
 *    of the frame (CPython 3.11's take_ownership), so f_code, f_lineno,
 *    f_globals and f_locals stay valid after the call returned.
 *  - lasti is the index of the instruction being executed (or -1 before the
 *    first); tn_frame_lineno maps it to a source line via co_lines.
 */
#ifndef TANDEM_FRAME_H
#define TANDEM_FRAME_H

#include "tandem/tstate.h"
#include "tandem/code.h"

/* Block kinds on the frame's block stack (opcodes.h). */
enum { TN_BLOCK_FINALLY = 1, TN_BLOCK_WITH = 2, TN_BLOCK_EXCEPT_HANDLER = 3 };
typedef struct { int type, handler, level; } TnBlock;

/* Who owns a TnFrame's memory. */
enum { TN_FRAME_OWNED_BY_THREAD = 0, TN_FRAME_OWNED_BY_GENERATOR = 1,
       TN_FRAME_OWNED_BY_FRAME_OBJECT = 2 };

typedef struct TnFrame {
    TnCode *code;
    TnObject *func;                /* the function being run, or NULL */
    TnObject *globals;             /* dict */
    TnObject *builtins;            /* dict */
    TnObject *locals;              /* dict (module/class bodies) or NULL */
    struct TnFrame *back;
    TnObject *frame_obj;           /* lazily created `frame` object */
    TnObject *gen;                 /* borrowed: owning generator, or NULL */
    int lasti;
    int stacktop;                  /* value-stack depth while suspended */
    int iblock;
    int owner;                     /* TN_FRAME_OWNED_BY_* */
    int nlocalsplus;               /* co_nlocals + co_ncells + co_nfree */
    int size;                      /* bytes of this frame (header + slots) */
    TnBlock blocks[TN_MAXBLOCKS];
    TnObject *localsplus[];
} TnFrame;

/* Bytes needed for a frame running `co`. */
size_t tn_frame_size(const TnCode *co);
/* Allocate a frame for `co` from the thread's arena; every slot is NULL,
 * references to code/globals/builtins/func/locals are taken (func and
 * locals may be NULL; builtins NULL = taken from globals["__builtins__"] or
 * the runtime's builtins). Not linked into tstate->frame yet. NULL +
 * MemoryError on failure. */
TnFrame *tn_frame_push(TnThreadState *ts, TnCode *co, TnObject *func,
                       TnObject *globals, TnObject *builtins, TnObject *locals);
/* Initialise an already allocated frame (generator storage) the same way. */
void tn_frame_init(TnFrame *f, TnCode *co, TnObject *func, TnObject *globals,
                   TnObject *builtins, TnObject *locals, int owner);
/* Drop every reference the frame holds (locals, stack, code, ...); hands
 * the frame to its frame object first when that object is still shared. */
void tn_frame_clear(TnFrame *f);
/* Clear and return the frame's memory to the arena. LIFO only. */
void tn_frame_pop(TnThreadState *ts, TnFrame *f);
/* Free every chunk of a thread's arena (thread exit; runtime calls it). */
void tn_frame_arena_free(TnThreadState *ts);

/* Source line being executed. */
int tn_frame_lineno(const TnFrame *f);
/* The frame object of `f`, created on first use (borrowed; the frame keeps
 * it alive while it runs). NULL + MemoryError. */
TnObject *tn_frame_get_object(TnFrame *f);
/* A dict of the frame's current locals: f->locals itself (new ref) for
 * module/class bodies, else a fresh snapshot of the bound fast locals and
 * cells. */
TnObject *tn_frame_locals_dict(TnFrame *f);
/* f_locals / locals() of a frame object, CPython 3.11 style: one dict per
 * frame object, refreshed from the fast locals on every call (so
 * `locals() is locals()` and names exec() stored there stay visible).
 * Module and class bodies return their locals mapping itself. */
TnObject *tn_frame_object_locals(TnObject *frame_obj);
/* sys._getframe(depth): new reference or NULL + ValueError("call stack is
 * not deep enough"). */
TnObject *tn_sys_getframe(int depth);

/* The `frame` type: f_code f_lineno f_globals f_locals f_back f_lasti
 * f_builtins. */
typedef struct {
    TnObject ob;
    TnFrame *frame;                /* the live frame, or the owned copy */
    TnObject *back;                /* f_back snapshot once detached, or NULL */
    int lineno_at_detach;
    TnObject *locals_snapshot;     /* f_locals computed at detach, or NULL */
} TnFrameObject;
extern TnType tn_frame_type;
#define tn_frame_check(o) (TN_TYPE(o) == &tn_frame_type)
/* The TnFrame a frame object views (never NULL). */
TN_INLINE TnFrame *tn_frame_object_frame(TnObject *fo) { return ((TnFrameObject *)fo)->frame; }

#endif
