/* list: mutable array of references.
 * Invariants: 0 <= ob_size <= allocated; items[0..ob_size) are non-NULL.
 * Every mutation runs under the list's object lock (ft build). The items
 * array is replaced (never shrunk in place) on resize and the old array is
 * freed through tn_mem_free_deferred, so lock-free readers stay safe.
 * Implemented in src/objects/list.c. */
#ifndef TANDEM_LIST_H
#define TANDEM_LIST_H
#include "tandem/type.h"

typedef struct {
    TnObject ob;
    TN_SHARED(tn_ssize_t) ob_size;
    tn_ssize_t allocated;
    TN_SHARED(TnObject **) items;
} TnList;

extern TnType tn_list_type;
#define tn_list_check(o) TN_TYPE_CHECK_FLAG(o, TN_TPFLAG_LIST_SUBCLASS)
#define tn_list_check_exact(o) (TN_TYPE(o) == &tn_list_type)
/* Only for lists private to the caller (being built, not yet shared). */
#define TN_LIST_SIZE(o) tn_load_relaxed(&((TnList *)(o))->ob_size)
#define TN_LIST_ITEMS(o) tn_load_relaxed(&((TnList *)(o))->items)
#define TN_LIST_SET_UNSAFE(o, i, v) (TN_LIST_ITEMS(o)[i] = (v))   /* steals; new lists only */

TnObject *tn_list_new(tn_ssize_t n);             /* n NULL items, fill with TN_LIST_SET_UNSAFE */
int tn_list_append(TnObject *l, TnObject *v);     /* -1 error */
TnObject *tn_list_getitem(TnObject *l, tn_ssize_t i);   /* new ref; IndexError */
int tn_list_setitem(TnObject *l, tn_ssize_t i, TnObject *v);   /* v borrowed */
int tn_list_extend(TnObject *l, TnObject *iterable);
int tn_list_insert(TnObject *l, tn_ssize_t i, TnObject *v);
int tn_list_sort(TnObject *l, TnObject *key, int reverse);
int tn_list_reverse(TnObject *l);
TnObject *tn_list_as_tuple(TnObject *l);
tn_ssize_t tn_list_size(TnObject *l);
/* Additions (containers). */
/* Lock-free read of item i (ft: optimistic load + increment, see list.c's
 * list_item_ref). New ref, or NULL with NO error when i is out of range. */
TnObject *tn_list_item_ref(TnObject *l, tn_ssize_t i);
TnObject *tn_list_pop(TnObject *l, tn_ssize_t i);       /* IndexError as list.pop */
void tn_list_clear(TnObject *l);
TnObject *tn_list_getslice(TnObject *l, tn_ssize_t lo, tn_ssize_t hi);  /* clamped */
TnObject *tn_list_from_array(TnObject *const *items, tn_ssize_t n);      /* increfs */
/* A private snapshot of the items as a new list (under the lock). */
TnObject *tn_list_copy(TnObject *l);
/* Recursion guard for repr of containers (CPython's Py_ReprEnter/Leave):
 * 1 if o is already being repr'd by this thread (print "[...]"), 0 if not
 * (o is now marked), -1 on error. Per-thread state: no lock needed. */
int tn_repr_enter(TnObject *o);
void tn_repr_leave(TnObject *o);
#endif
