/* Function objects, bound methods and cells.
 *
 * Invariants:
 *  - A function's code and globals never change after creation except
 *    through __code__ assignment (which bumps nothing: frames hold their own
 *    reference). defaults is a tuple or NULL, kwdefaults a dict or NULL,
 *    closure a tuple of cells or NULL (its length is co_nfree).
 *  - Calling a function (tp_call == tn_function_vectorcall) binds arguments
 *    into a fresh frame with CPython 3.11's exact error messages, then runs
 *    it with tn_eval_frame; a generator function returns a generator whose
 *    frame lives in the generator object.
 *  - function.__get__ returns a bound method (`method` type) binding
 *    `self`; a method's call prepends self without building a tuple.
 *  - A cell holds one reference or NULL (unbound). In the ft build cells
 *    may be read by several threads: the slot is read with tn_load_acquire
 *    and replaced under the cell's object lock (the old value is decref'd
 *    after unlocking).
 */
#ifndef TANDEM_FUNC_H
#define TANDEM_FUNC_H

#include "tandem/type.h"
#include "tandem/code.h"

typedef struct {
    TnObject ob;
    TnObject *code;            /* TnCode */
    TnObject *globals;         /* dict */
    TnObject *builtins;        /* dict */
    TnObject *name;            /* str */
    TnObject *qualname;        /* str */
    TnObject *defaults;        /* tuple or NULL */
    TnObject *kwdefaults;      /* dict or NULL */
    TnObject *closure;         /* tuple of cells or NULL */
    TnObject *doc;             /* or NULL (None) */
    TnObject *annotations;     /* dict or NULL */
    TnObject *dict;            /* __dict__ or NULL */
    TnObject *module;          /* __module__ or NULL */
    tn_vectorcallfunc vectorcall;
} TnFunction;

extern TnType tn_function_type;
#define tn_function_check(o) (TN_TYPE(o) == &tn_function_type)
#define TN_FUNC_CODE(o) ((TnCode *)((TnFunction *)(o))->code)

/* New function from a code object; globals borrowed (a dict); qualname NULL
 * = code's co_qualname. __module__ is globals['__name__']. */
TnObject *tn_function_new(TnObject *code, TnObject *globals, TnObject *qualname);
/* The function call: bind, push a frame, evaluate. */
TnObject *tn_function_vectorcall(TnObject *func, TnObject *const *args, size_t nargs,
                                 TnObject *kwnames);
/* Bind arguments of `func` into the fast locals of frame f (cells made,
 * co_cell2arg applied, closure copied). 0 or -1 with TypeError set. */
struct TnFrame;
int tn_function_bind_args(TnObject *func, struct TnFrame *f, TnObject *const *args,
                          size_t nargs, TnObject *kwnames);

/* Bound methods (`method`). */
typedef struct {
    TnObject ob;
    TnObject *func;            /* __func__ */
    TnObject *self;            /* __self__ */
} TnMethod;
extern TnType tn_method_type;
#define tn_method_check(o) (TN_TYPE(o) == &tn_method_type)
TnObject *tn_method_new(TnObject *func, TnObject *self);   /* borrowed args */

/* Cells (`cell`): closure variables. */
typedef struct {
    TnObject ob;
    TN_SHARED(TnObject *) ref;  /* NULL = empty */
} TnCell;
extern TnType tn_cell_type;
#define tn_cell_check(o) (TN_TYPE(o) == &tn_cell_type)
TnObject *tn_cell_new(TnObject *value);          /* value borrowed, may be NULL */
TnObject *tn_cell_get(TnObject *cell);           /* new ref or NULL (empty, no error) */
void tn_cell_set(TnObject *cell, TnObject *value); /* value borrowed, NULL empties */

/* Type readiness (called from tn_vm_init). */
int tn_func_init(void);

#endif
