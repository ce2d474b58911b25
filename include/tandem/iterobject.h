/* The built-in iterator types: enumerate, zip, map, filter, reversed, the
 * sequence iterator (classes with only __getitem__), the callable iterator
 * iter(f, sentinel), and the list/tuple/dict/set/range iterators' type
 * objects (defined with their containers).
 * Invariants: every type here is static and immortal; their tp_new follows
 * the vector convention (type.h), so builtins register them directly as
 * `enumerate`, `zip`, `map`, `filter`, `reversed`. An exhausted iterator
 * drops its references to the underlying objects.
 * Implemented in src/objects/iterobject.c. */
#ifndef TANDEM_ITEROBJECT_H
#define TANDEM_ITEROBJECT_H
#include "tandem/type.h"

extern TnType tn_enumerate_type, tn_zip_type, tn_map_type, tn_filter_type,
              tn_reversed_type, tn_seqiter_type, tn_calliter_type;
/* Iterator types of the containers (the classes of iter([]) etc.). */
extern TnType tn_list_iter_type, tn_list_reviter_type, tn_tuple_iter_type,
              tn_set_iter_type, tn_dict_keyiter_type, tn_dict_valueiter_type,
              tn_dict_itemiter_type, tn_dict_revkeyiter_type,
              tn_dict_revvalueiter_type, tn_dict_revitemiter_type;

/* iter(seq) for an object with __getitem__ only (IndexError/StopIteration ends it). */
TnObject *tn_seqiter_new(TnObject *seq);
/* iter(callable, sentinel). */
TnObject *tn_calliter_new(TnObject *callable, TnObject *sentinel);
/* reversed(seq): __reversed__ if defined, else the sequence protocol. */
TnObject *tn_reversed_new(TnObject *seq);

/* Startup step 4 (docs/api.md): readies tuple, list, dict (+ views), set,
 * frozenset, range, slice and all iterator types. */
int tn_containers_init(void);
#endif
