/* The native module registry read by the import system (import.h).
 * Immutable after compilation: threads read it without locks. */
#include "tandem/import.h"
#include "tandem/builtins.h"

TnObject *tn_module_init__thread(void);   /* threadmodule.c (threads issue) */
TnObject *tn_module_init_posix(void);     /* posixmodule.c (os, subprocess) */
TnObject *tn_module_init__weakref(void);  /* objects/weakref.c (cyclic GC issue) */

TnObject *tn_module_init__collections(void);  /* collectionsmodule.c (deque) */
TnObject *tn_module_init__itertools(void);    /* itertoolsmodule.c (count) */
TnObject *tn_module_init_array(void);     /* arraymodule.c */
TnObject *tn_module_init_struct(void);    /* structmodule.c */

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
    { "posix", tn_module_init_posix },
    { "_weakref", tn_module_init__weakref },
    { "_collections", tn_module_init__collections },
    { "_itertools", tn_module_init__itertools },
    { "array", tn_module_init_array },
    { "struct", tn_module_init_struct },
    { 0, 0 }
};
