/* Object and raw memory allocation, for both builds, through mimalloc.
 *
 * Every object is born here (header initialised for the current build) and
 * dies here, so the allocator, the two header layouts and (later) the cyclic
 * GC's bookkeeping are in one place. */
#include <mimalloc.h>
#include <string.h>
#include "tandem/tandem.h"

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

TnObject *tn_object_alloc(TnType *t, size_t size)
{
    TnObject *o = mi_zalloc(size);
    if (!o)
        return tn_err_nomemory();
#ifdef TANDEM_FT
    tn_store_relaxed(&o->ob_tid, tn_tls_tid);
    tn_store_relaxed(&o->ob_ref_local, 1);
#else
    o->ob_refcnt = 1;
#endif
    o->ob_type = t;
    if (t->tp_flags & TN_TPFLAG_HEAPTYPE)
        tn_incref((TnObject *)t);
    return o;
}

void tn_object_free(TnObject *o)
{
    TnType *t = o->ob_type;
    mi_free(o);
    if (t->tp_flags & TN_TPFLAG_HEAPTYPE)
        tn_decref((TnObject *)t);
}

void tn_dealloc(TnObject *o)
{
    o->ob_type->tp_dealloc(o);
}
