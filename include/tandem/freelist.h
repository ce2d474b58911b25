/* Per-thread free lists for the most allocated fixed-size objects: exact
 * floats and small-form ints (int.h's nd == 0), which otherwise cost a
 * mimalloc allocation, a zeroing and a free each.
 *
 * Invariants:
 *  - A list belongs to one TnThreadState and is only touched by that
 *    thread: no locks. A dead object goes onto the list of the thread that
 *    deallocates it only if (ft) that thread owns it (ob_tid == tn_tls_tid);
 *    otherwise, or with no thread state, or when the list is full
 *    (TN_FREELIST_MAX), it goes back to the allocator.
 *  - A listed object is dead memory: its header is rewritten in full by
 *    tn_freelist_pop; the link to the next one is kept in the first word
 *    after the header (both kinds have at least 8 payload bytes).
 *  - Only blocks of at least the kind's size are pushed (a float, or an int
 *    whose block holds a TnInt), so a popped block always fits.
 *  - tn_freelists_clear(ts) frees every listed block; tn_tstate_delete
 *    calls it, so a finished thread leaves nothing behind.
 * Implemented inline here; tn_freelists_clear in src/runtime/alloc.c. */
#ifndef TANDEM_FREELIST_H
#define TANDEM_FREELIST_H
#include "tandem/tstate.h"

#define TN_FREELIST_MAX 256

/* tn_freelists_clear(ts) is declared in tstate.h (tn_tstate_delete's file
 * sees only that header). */

#define TN_FREELIST_NEXT(o) (*(void **)((char *)(o) + sizeof(TnObject)))

/* A block from the current thread's list `kind` with its header set for a
 * new object of static type t (count 1, owned by this thread), or NULL when
 * the list is empty. The caller sets the payload. */
TN_INLINE TnObject *tn_freelist_pop(int kind, TnType *t)
{
    TnThreadState *ts = tn_ts();
    if (TN_UNLIKELY(!ts))
        return NULL;
    TnFreeList *fl = &ts->freelists[kind];
    TnObject *o = (TnObject *)fl->head;
    if (!o)
        return NULL;
    fl->head = TN_FREELIST_NEXT(o);
    fl->count--;
    tn_object_init_header(o, t);
    return o;
}

/* Keep the dead object o (of a static type) on the current thread's list
 * `kind`: 1 if kept, 0 if the caller must free it. */
TN_INLINE int tn_freelist_push(int kind, TnObject *o)
{
    TnThreadState *ts = tn_ts();
    if (TN_UNLIKELY(!ts))
        return 0;
#ifdef TANDEM_FT
    /* Another thread's object: its memory goes back to mimalloc (which
     * handles cross-thread frees), never onto this thread's list. */
    if (tn_load_relaxed(&o->ob_tid) != tn_tls_tid)
        return 0;
#endif
    TnFreeList *fl = &ts->freelists[kind];
    if (fl->count >= TN_FREELIST_MAX)
        return 0;
    TN_FREELIST_NEXT(o) = fl->head;
    fl->head = o;
    fl->count++;
    return 1;
}
#endif
