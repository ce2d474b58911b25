/* Private interfaces between the files of the VM (src/vm/, and the VM's
 * object files func.c, gen.c, traceback.c, frameobject.c). Not part of the
 * public API. */
#ifndef TANDEM_VM_INTERNAL_H
#define TANDEM_VM_INTERNAL_H

#include "tandem/tandem.h"
#include "tandem/frame.h"

/* Run f; throwflag != 0: an exception is already set and is raised at the
 * frame's current instruction (generator.throw). */
TnObject *tn_eval_frame_ex(TnFrame *f, int throwflag);

/* Slow paths of the eval loop (ceval_ops.c). Each returns 0/-1 or a new
 * reference/NULL, exception set on failure. */
int tn_vm_do_raise(TnObject *exc, TnObject *cause);
int tn_vm_unpack(TnObject *v, int argcnt, int argcntafter, TnObject **sp);
TnObject *tn_vm_format_value(TnObject *value, TnObject *spec, int conversion);
TnObject *tn_vm_build_string(TnObject **items, int n);
TnObject *tn_vm_call_ex(TnObject *func, TnObject *args, TnObject *kwargs);
TnObject *tn_vm_load_name(TnFrame *f, TnObject *name);
TnObject *tn_vm_load_global_slow(TnFrame *f, TnObject *name);
TnObject *tn_vm_load_classderef(TnFrame *f, int oparg);
void tn_vm_unbound_local(TnCode *co, int oparg);
void tn_vm_unbound_deref(TnCode *co, int oparg);
TnObject *tn_vm_make_function(TnObject **sp, int flags, TnFrame *f);
int tn_vm_dict_merge(TnObject *func, TnObject *dict, TnObject *update, int merge);
int tn_vm_list_extend(TnObject *list, TnObject *iterable);
TnObject *tn_vm_setup_with(TnObject *mgr, TnObject **exit_out);
TnObject *tn_vm_with_except_start(TnObject *exit, TnObject *exc);
int tn_vm_check_except_type(TnObject *right);
int tn_vm_print_expr(TnObject *v);
int tn_vm_setup_annotations(TnFrame *f);
int tn_vm_store_name(TnFrame *f, TnObject *name, TnObject *v);
int tn_vm_delete_name(TnFrame *f, TnObject *name);
TnObject *tn_vm_get_yield_from_iter(TnObject *o);
/* YIELD_FROM: send v to receiver. 1 = yielded (*out = value), 0 =
 * finished (*out = return value), -1 = error. */
int tn_vm_send(TnObject *receiver, TnObject *v, TnObject **out);
/* Coroutine opcodes (opcodes.h): GET_AWAITABLE, GET_AITER, GET_ANEXT,
 * BEFORE_ASYNC_WITH (returns the __aenter__ result, *exit_out = __aexit__). */
TnObject *tn_vm_get_awaitable(TnObject *o, int where);
TnObject *tn_vm_get_aiter(TnObject *o);
TnObject *tn_vm_get_anext(TnObject *aiter);
TnObject *tn_vm_before_async_with(TnObject *mgr, TnObject **exit_out);
/* "f()" description of a callable for error messages (new ref). */
TnObject *tn_vm_func_desc(TnObject *func);

/* LOAD_GLOBAL's inline cache (ceval_cache.c). *res = new reference. */
TnObject *tn_vm_load_global_cached(TnFrame *f, int oparg);
void tn_vm_code_cache_free(TnCode *co);

/* C-stack guard slow path (stack.c). */
extern _Thread_local uintptr_t tn_stack_soft_limit;
int tn_check_c_stack_slow(uintptr_t sp);

#endif
