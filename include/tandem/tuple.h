/* tuple: immutable array of references.
 * Invariants: ob_size never changes after the tuple escapes its creator;
 * items are never NULL once filled; the empty tuple is an immortal singleton.
 * Implemented in src/objects/tuple.c. */
#ifndef TANDEM_TUPLE_H
#define TANDEM_TUPLE_H
#include "tandem/type.h"

typedef struct {
    TnObject ob;
    tn_ssize_t ob_size;
    tn_hash_t hash_cache;          /* -1 = not computed yet */
    TnObject *items[];
} TnTuple;

extern TnType tn_tuple_type;
#define tn_tuple_check(o) TN_TYPE_CHECK_FLAG(o, TN_TPFLAG_TUPLE_SUBCLASS)
#define tn_tuple_check_exact(o) (TN_TYPE(o) == &tn_tuple_type)
#define TN_TUPLE_SIZE(o) (((TnTuple *)(o))->ob_size)
#define TN_TUPLE_ITEMS(o) (((TnTuple *)(o))->items)
#define TN_TUPLE_GET(o, i) (((TnTuple *)(o))->items[i])        /* borrowed */
#define TN_TUPLE_SET(o, i, v) (((TnTuple *)(o))->items[i] = (v)) /* steals; only while building */

TnObject *tn_tuple_new(tn_ssize_t n);            /* items NULL, to be filled with TN_TUPLE_SET */
TnObject *tn_tuple_pack(tn_ssize_t n, ...);      /* borrowed TnObject* args */
TnObject *tn_tuple_from_array(TnObject *const *items, tn_ssize_t n);  /* increfs */
TnObject *tn_tuple_getslice(TnObject *t, tn_ssize_t lo, tn_ssize_t hi);
/* Additions (containers). */
tn_hash_t tn_tuple_hash(TnObject *t);            /* CPython 3.11's xxHash-based tuple hash */
TnObject *tn_tuple_concat(TnObject *a, TnObject *b);   /* both tuples */
TnObject *tn_tuple_richcompare(TnObject *a, TnObject *b, int op);
/* Same items, possibly a tuple subclass: exact tuples are returned as is. */
TnObject *tn_tuple_exact(TnObject *t);
#endif
