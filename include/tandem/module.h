/* Module objects: a namespace dict with a name.
 *
 * Invariants:
 *  - md_dict is created with the module and never replaced, so the eval
 *    loop may cache it (LOAD_GLOBAL); it always holds __name__ and __doc__
 *    (None when absent), and __file__ for modules loaded from a file.
 *  - Attribute access goes through the dict (type attributes first, as for
 *    any object); a missing name raises "module 'm' has no attribute 'x'",
 *    or calls the module's __getattr__ if it defines one (PEP 562).
 *  - Implemented in src/objects/module.c.
 */
#ifndef TANDEM_MODULE_H
#define TANDEM_MODULE_H

#include "tandem/type.h"

typedef struct {
    TnObject ob;
    TnObject *md_dict;         /* the namespace (dict), never NULL */
    TnObject *md_name;         /* str, as given at creation (for errors, repr) */
    void *md_state;            /* native modules' private data, or NULL */
} TnModule;

extern TnType tn_module_type;
#define tn_module_check(o) tn_is_instance_fast(o, &tn_module_type)

TnObject *tn_module_new(const char *name);
TnObject *tn_module_new_obj(TnObject *name);                 /* name: str */
TnObject *tn_module_get_dict(TnObject *m);                   /* borrowed */
TnObject *tn_module_get_name(TnObject *m);                   /* borrowed str */
/* Add every function of a NULL-name-terminated table, bound to the module. */
int tn_module_add_functions(TnObject *m, const TnMethodDef *defs);
int tn_module_add_object(TnObject *m, const char *name, TnObject *value);  /* value borrowed */
int tn_module_add_int(TnObject *m, const char *name, long value);
int tn_module_add_str(TnObject *m, const char *name, const char *value);
/* Add a static type under its short name (the part after the last '.'). */
int tn_module_add_type(TnObject *m, TnType *t);

#endif
