/* set and frozenset: open-addressing hash tables with CPython's probing so
 * iteration order of small-int sets matches CPython's.
 * Invariants: mutations of a set run under its object lock (ft build);
 * user __hash__/__eq__ never run while the lock is held.
 * Implemented in src/objects/set.c. */
#ifndef TANDEM_SET_H
#define TANDEM_SET_H
#include "tandem/type.h"

extern TnType tn_set_type, tn_frozenset_type;
#define tn_anyset_check(o) (tn_is_instance_fast(o, &tn_set_type) || tn_is_instance_fast(o, &tn_frozenset_type))
#define tn_frozenset_check(o) tn_is_instance_fast(o, &tn_frozenset_type)

TnObject *tn_set_new(TnObject *iterable);        /* iterable may be NULL */
TnObject *tn_frozenset_new(TnObject *iterable);
int tn_set_add(TnObject *s, TnObject *key);
int tn_set_discard(TnObject *s, TnObject *key);  /* 1 removed, 0 absent, -1 error */
int tn_set_contains(TnObject *s, TnObject *key);
tn_ssize_t tn_set_size(TnObject *s);
int tn_set_update(TnObject *s, TnObject *iterable);
/* Iterate like tn_dict_next (new ref in *key). */
int tn_set_next(TnObject *s, tn_ssize_t *pos, TnObject **key);
/* Additions (containers). */
#define tn_set_check(o) tn_is_instance_fast(o, &tn_set_type)
#define tn_anyset_check_exact(o) (TN_TYPE(o) == &tn_set_type || TN_TYPE(o) == &tn_frozenset_type)
void tn_set_clear(TnObject *s);
TnObject *tn_set_pop(TnObject *s);                       /* KeyError "pop from an empty set" */
TnObject *tn_set_copy(TnObject *s);                      /* same kind (set/frozenset) */
#endif
