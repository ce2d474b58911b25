/* The import system: IMPORT_NAME / IMPORT_FROM / IMPORT_STAR, sys.modules,
 * module search, and running files and strings.
 *
 * Invariants:
 *  - sys.modules is tn_runtime.modules (a dict). A module is put there
 *    BEFORE its body runs, so a circular import sees the partially
 *    initialised module; if the body fails the entry is removed.
 *  - Search order for an absolute name not in sys.modules: the native
 *    module registry (tn_native_modules, src/modules/registry.c), then NAME.py
 *    in each directory of sys.path (tn_runtime.path, script directory
 *    first), then the embedded Python modules (tn_libsrc[] in
 *    build/gen/tn_libsrc.h).
 *  - Dotted names are resolved by importing each parent first; the child is
 *    looked up in sys.modules (native modules register submodules such as
 *    "os.path" there) and set as an attribute of the parent. A package is
 *    a directory with __init__.py (or an embedded src/lib/PKG/__init__.py);
 *    its submodules are searched in its __path__, then among the embedded
 *    modules. Namespace packages are not supported (ModuleNotFoundError
 *    that says so).
 *  - The import lock is per module name (ft build): two threads importing
 *    the same module wait for one another; the second sees the finished
 *    module. Protected by a process-wide mutex that is never held while
 *    Python code runs.
 */
#ifndef TANDEM_IMPORT_H
#define TANDEM_IMPORT_H

#include "tandem/type.h"

/* The native module registry, defined in src/modules/registry.c (builtins
 * engineer); terminated by {0, 0}. */
typedef struct {
    const char *name;
    TnObject *(*init)(void);
} TnNativeModule;
extern const TnNativeModule tn_native_modules[];

/* import NAME (absolute, dotted allowed). New reference to the module
 * itself (the last component), or NULL + ModuleNotFoundError/... */
TnObject *tn_import_module(const char *name);
/* CPython's __import__(name, globals, locals, fromlist, level): returns the
 * top-level package when fromlist is empty/None, else the module itself.
 * globals may be NULL (level must then be 0). */
TnObject *tn_import_name(TnObject *name, TnObject *globals, TnObject *fromlist,
                         int level);
/* from MODULE import NAME: getattr or, failing that, sys.modules
 * "module.name"; ImportError with CPython's messages (incl. the circular
 * import variant). */
TnObject *tn_import_from(TnObject *module, TnObject *name);
/* from MODULE import *: honours __all__, else every name not starting
 * with '_'. Stores into `locals` (dict). */
int tn_import_star(TnObject *module, TnObject *locals);
/* builtins.__import__ (vector convention), registered by the builtins
 * engineer. */
TnObject *tn_builtin_import(TnObject *self, TnObject *const *args, size_t nargs,
                            TnObject *kwnames);

/* Execute a .py file as module `main_module` (its dict gets __name__ as
 * set by the caller, __file__ = path, __builtins__). Returns a new
 * reference to the module's result (None) or NULL with the exception set
 * (SyntaxError, OSError "can't open file", or whatever the script raised). */
TnObject *tn_run_file(const char *path, TnObject *main_module);
/* Compile and run `src` in `globals` (also the locals). mode: 0 file, 1
 * single (interactive: expression statements print their value), 2 eval
 * (returns the expression's value). New reference or NULL. */
TnObject *tn_run_string(const char *src, const char *filename, TnObject *globals,
                        int mode);
/* Execute an already compiled module code object in `module`'s dict. */
TnObject *tn_exec_code_in_module(TnObject *code, TnObject *module);

/* 1 while `module`'s body is still running (a circular import may see it):
 * module getattr uses it for CPython's "partially initialized module 'm'
 * has no attribute 'x' (most likely due to a circular import)". */
int tn_import_is_initializing(TnObject *module);

/* Register "name" -> module in sys.modules (borrowed). 0 or -1. */
int tn_import_add_module(const char *name, TnObject *module);

int tn_import_init(void);

#endif
