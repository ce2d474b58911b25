/* Private to src/modules/bltin*.c: the builtins module is split into two
 * files (functions on objects and numbers; I/O, namespaces, code). */
#ifndef TANDEM_BLTIN_INTERNAL_H
#define TANDEM_BLTIN_INTERNAL_H

#include "tandem/tandem.h"

/* NULL-name-terminated method tables of each file. */
extern const TnMethodDef tn_bltin_object_methods[];   /* bltin_object.c */
extern const TnMethodDef tn_bltin_io_methods[];       /* bltin_io.c */

/* Index of keyword `name` in a kwlist, or -1. */
int tn_bltin_kwindex(TnObject *name, const char *const *kwlist);

#endif
