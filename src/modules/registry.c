/* The native module registry read by the import system (import.h).
 * Immutable after compilation: threads read it without locks. */
#include "tandem/import.h"
#include "tandem/builtins.h"

TnObject *tn_module_init__thread(void);   /* threadmodule.c (threads issue) */

const TnNativeModule tn_native_modules[] = {
    { "builtins", tn_module_init_builtins },
    { "sys", tn_module_init_sys },
    { "time", tn_module_init_time },
    { "gc", tn_module_init_gc },
    { "math", tn_module_init_math },
    { "dis", tn_module_init_dis },
    { "_random", tn_module_init__random },
    { "io", tn_module_init_io },
    { "_thread", tn_module_init__thread },
    { 0, 0 }
};
