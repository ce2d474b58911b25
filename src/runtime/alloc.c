/* Object and raw memory allocation, for both builds, through mimalloc.
 *
 * Every object is born here (header initialised for the current build) and
 * dies here, so the allocator, the two header layouts and the cyclic GC's
 * bookkeeping are in one place. Objects of GC types (TN_TPFLAG_GC) are
 * preceded by a TnGCHead (gc.h) and linked into the allocating thread's
 * list; the pointer handed out is the object, after the prefix. */
#include <mimalloc.h>
#include <stdlib.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/qsbr.h"
#include "tandem/freelist.h"
#include "tandem/gc.h"
#include "tandem/descr.h"

#define PREFIX sizeof(TnGCHead)

/* Under AddressSanitizer or ThreadSanitizer, allocate through libc so the
 * sanitizer sees every allocation and free (it cannot see inside mimalloc,
 * which would hide use-after-free bugs from ASan and make TSan report
 * recycled memory as races). Release builds always use mimalloc. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#  define mi_malloc malloc
#  define mi_zalloc(n) calloc(1, (n))
#  define mi_calloc calloc
#  define mi_realloc realloc
#  define mi_free free
#  include <malloc.h>
#  define mi_usable_size malloc_usable_size
#endif

void *tn_mem_alloc(size_t n)
{
    void *p = mi_malloc(n ? n : 1);
    if (!p)
        tn_err_nomemory();
    return p;
}

void *tn_mem_calloc(size_t n, size_t sz)
{
    void *p = mi_calloc(n ? n : 1, sz ? sz : 1);
    if (!p)
        tn_err_nomemory();
    return p;
}

void *tn_mem_realloc(void *p, size_t n)
{
    void *q = mi_realloc(p, n ? n : 1);
    if (!q)
        tn_err_nomemory();
    return q;
}

void tn_mem_free(void *p)
{
    mi_free(p);
}

/* A heap type is kept alive by its instances. */
static TnObject *init_header(void *block, TnType *t, int gc)
{
    if (!block)
        return tn_err_nomemory();
    TnObject *o = gc ? (TnObject *)((char *)block + PREFIX) : (TnObject *)block;
    tn_object_init_header(o, t);
    if (t->tp_flags & TN_TPFLAG_HEAPTYPE)
        tn_incref((TnObject *)t);
    if (gc)
        tn_gc_link(o);
    return o;
}

TnObject *tn_object_alloc(TnType *t, size_t size)
{
    int gc = tn_gc_type_has_prefix(t);
    return init_header(mi_zalloc(size + (gc ? PREFIX : 0)), t, gc);
}

/* Like tn_object_alloc, without zeroing: only the header is initialised.
 * For variable-size objects (str, bytes) whose constructor overwrites the
 * payload anyway, where zeroing it was a measurable share of every
 * concatenation. The caller must initialise every field after the header
 * before the object escapes or can be deallocated. */
TnObject *tn_object_alloc_nozero(TnType *t, size_t size)
{
    int gc = tn_gc_type_has_prefix(t);
    return init_header(mi_malloc(size + (gc ? PREFIX : 0)), t, gc);
}

static void *block_of(TnObject *o)
{
    return tn_gc_type_has_prefix(TN_TYPE(o)) ? (char *)o - PREFIX : (void *)o;
}

size_t tn_mem_usable_size(void *p)
{
    return mi_usable_size(p);
}

/* Make the block of the variable-size object o hold at least `need` bytes,
 * growing geometrically (x1.5) so that repeated appends copy O(n) bytes in
 * total; a block that already fits is kept as is. Returns the possibly
 * moved object, or NULL + MemoryError (o is then still valid). The caller
 * must hold the only reference (nobody may see the old address): since the
 * old block is freed at once, without a QSBR grace period, the ft build's
 * callers only use it when no lock-free reader can have the pointer. */
size_t tn_object_usable_size(TnObject *o)
{
    void *b = block_of(o);
    return mi_usable_size(b) - (size_t)((char *)o - (char *)b);
}

TnObject *tn_object_grow(TnObject *o, size_t need)
{
    if (need <= tn_object_usable_size(o))
        return o;
    void *b = block_of(o);
    size_t pre = (size_t)((char *)o - (char *)b);
    uint64_t meta = 0;
    if (pre) {
        /* the list links point at the old address: relink, keeping the flags */
        meta = tn_gc_meta(o);
        tn_gc_unlink(o);
    }
    void *r = mi_realloc(b, pre + need + need / 2);
    if (!r) {
        if (pre)
            tn_gc_link(o);
        return tn_err_nomemory();
    }
    TnObject *no = (TnObject *)((char *)r + pre);
    if (pre) {
        tn_gc_link(no);
        TN_GC_META_OR(TN_GC_HEAD(no), meta & (TN_GC_FINALIZED | TN_GC_WEAKREFS));
    }
    return no;
}

void tn_object_free(TnObject *o)
{
    TnType *t = o->ob_type;
    void *b = o;
    if (tn_gc_type_has_prefix(t)) {
        tn_gc_unlink(o);
        b = (char *)o - PREFIX;
    }
#ifdef TANDEM_FT
    tn_qsbr_free_object(b);   /* lock-free readers may still look at it */
#else
    mi_free(b);
#endif
    if (t->tp_flags & TN_TPFLAG_HEAPTYPE)
        tn_decref((TnObject *)t);
}

/* Every object whose count reaches zero comes here. Before the type tears
 * it down: its finalizer (once, PEP 442; it may resurrect the object),
 * then the weak references to it are cleared and their callbacks run, in
 * CPython's order. Only objects with a GC prefix can have either. */
void tn_dealloc(TnObject *o)
{
    TnType *t = o->ob_type;
    if (tn_gc_type_has_prefix(t)) {
        if (t->tp_finalize && !(tn_gc_meta(o) & TN_GC_FINALIZED) &&
            tn_object_call_finalizer_from_dealloc(o))
            return;
        if (tn_gc_meta(o) & TN_GC_WEAKREFS)
            tn_weakref_clear_dying(o);
    }
    t->tp_dealloc(o);
}

/* Free every block on ts's free lists (thread exit). May run on another
 * thread than ts's: the blocks are plain mimalloc memory by then. */
void tn_freelists_clear(TnThreadState *ts)
{
    for (int k = 0; k < TN_NFREELISTS; k++) {
        TnFreeList *fl = &ts->freelists[k];
        void *p = fl->head;
        while (p) {
            void *next = TN_FREELIST_NEXT(p);
            mi_free(p);
            p = next;
        }
        fl->head = NULL;
        fl->count = 0;
    }
}
