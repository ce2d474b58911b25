/* The two-mode layer: everything that differs between the gil build and the
 * free-threaded (ft) build is expressed through the macros and inline
 * functions here and in refcount.h / lock.h. Code elsewhere is written once.
 *
 * Invariants:
 *  - TANDEM_FT is defined (to 1) for the ft build and undefined for the gil
 *    build; it is passed on the compiler command line, never in a header.
 *  - In the gil build every tn_atomic_* helper is a plain load or store: the
 *    GIL orders all accesses, so atomics would only cost time.
 *  - In the ft build the helpers are C11 atomics with the stated ordering;
 *    relaxed loads/stores compile to plain moves on x86-64 and arm64 but keep
 *    ThreadSanitizer and the compiler honest.
 */
#ifndef TANDEM_MODE_H
#define TANDEM_MODE_H

#include <stdint.h>
#include <stddef.h>
#include <stdatomic.h>
#include "tandem/config.h"

#ifdef TANDEM_FT
#  define TN_FT 1
#  define TN_BUILD_NAME "ft"
#else
#  define TN_FT 0
#  define TN_BUILD_NAME "gil"
#endif

#define TN_LIKELY(x)   __builtin_expect(!!(x), 1)
#define TN_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define TN_UNUSED(x)   ((void)(x))
#define TN_INLINE      static inline __attribute__((always_inline))

/* A field read by other threads without a lock. In the gil build it is a
 * plain field; in the ft build an _Atomic one accessed through the helpers. */
#ifdef TANDEM_FT
#  define TN_SHARED(T) _Atomic(T)
#  define tn_load_relaxed(p)      atomic_load_explicit((p), memory_order_relaxed)
#  define tn_load_acquire(p)      atomic_load_explicit((p), memory_order_acquire)
#  define tn_store_relaxed(p, v)  atomic_store_explicit((p), (v), memory_order_relaxed)
#  define tn_store_release(p, v)  atomic_store_explicit((p), (v), memory_order_release)
#  define tn_fetch_add_relaxed(p, v) atomic_fetch_add_explicit((p), (v), memory_order_relaxed)
#  define tn_fetch_add_release(p, v) atomic_fetch_add_explicit((p), (v), memory_order_release)
#  define tn_cas(p, expp, v) \
       atomic_compare_exchange_strong_explicit((p), (expp), (v), memory_order_acq_rel, memory_order_acquire)
#else
#  define TN_SHARED(T) T
#  define tn_load_relaxed(p)      (*(p))
#  define tn_load_acquire(p)      (*(p))
#  define tn_store_relaxed(p, v)  (*(p) = (v))
#  define tn_store_release(p, v)  (*(p) = (v))
#  define tn_fetch_add_relaxed(p, v) ((*(p) += (v)) - (v))
#  define tn_fetch_add_release(p, v) ((*(p) += (v)) - (v))
#  define tn_cas(p, expp, v) \
       (*(p) == *(expp) ? (*(p) = (v), 1) : (*(expp) = *(p), 0))
#endif

typedef intptr_t tn_ssize_t;
typedef int64_t  tn_hash_t;   /* -1 means "error" as in CPython */

#endif
