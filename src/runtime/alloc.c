/* Object and raw memory allocation, for both builds, through mimalloc.
 *
 * Every object is born here (header initialised for the current build) and
 * dies here, so the allocator, the two header layouts and (later) the cyclic
 * GC's bookkeeping are in one place. */
#include <mimalloc.h>
#include <stdlib.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/qsbr.h"
#include "tandem/freelist.h"

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
static TnObject *init_header(TnObject *o, TnType *t)
{
    if (!o)
        return tn_err_nomemory();
    tn_object_init_header(o, t);
    if (t->tp_flags & TN_TPFLAG_HEAPTYPE)
        tn_incref((TnObject *)t);
    return o;
}

TnObject *tn_object_alloc(TnType *t, size_t size)
{
    return init_header(mi_zalloc(size), t);
}

/* Like tn_object_alloc, without zeroing: only the header is initialised.
 * For variable-size objects (str, bytes) whose constructor overwrites the
 * payload anyway, where zeroing it was a measurable share of every
 * concatenation. The caller must initialise every field after the header
 * before the object escapes or can be deallocated. */
TnObject *tn_object_alloc_nozero(TnType *t, size_t size)
{
    return init_header(mi_malloc(size), t);
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
    return mi_usable_size(o);
}

TnObject *tn_object_grow(TnObject *o, size_t need)
{
    if (need <= mi_usable_size(o))
        return o;
    TnObject *r = mi_realloc(o, need + need / 2);
    if (!r)
        return tn_err_nomemory();
    return r;
}

void tn_object_free(TnObject *o)
{
    TnType *t = o->ob_type;
#ifdef TANDEM_FT
    tn_qsbr_free_object(o);   /* lock-free readers may still look at it */
#else
    mi_free(o);
#endif
    if (t->tp_flags & TN_TPFLAG_HEAPTYPE)
        tn_decref((TnObject *)t);
}

void tn_dealloc(TnObject *o)
{
    o->ob_type->tp_dealloc(o);
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
