/* Quiescent-state-based reclamation (ft build; no-ops in the gil build).
 * Invariants: a thread that runs Python code is registered; it is offline
 * whenever it may block; memory passed to tn_mem_free_deferred (object.h)
 * is freed only after every registered online thread has reported a
 * quiescent state, without blocking the caller. */
#ifndef TANDEM_QSBR_H
#define TANDEM_QSBR_H
#include <stddef.h>
/* Registered interpreter threads (ft): with one, nobody can be reading an
 * object or a buffer without a lock, so frees need no grace period. */
extern _Atomic int tn_qsbr_live_threads;
void tn_qsbr_register(void);
void tn_qsbr_unregister(void);
void tn_qsbr_quiescent(void);
void tn_qsbr_offline(void);
void tn_qsbr_online(void);
/* Free an object's memory after a grace period (at once while only one
 * thread runs, and always in the gil build). Batched per thread. */
void tn_qsbr_free_object(void *p);
/* Drop a reference after a grace period (at once while only one thread
 * runs, and in the gil build): for an object that lock-free readers may
 * hold as a borrowed pointer, such as a class attribute being rebound. */
struct TnObject;
void tn_decref_delayed(struct TnObject *o);
/* Blocks the calling thread has handed to QSBR and not yet freed (tests). */
size_t tn_qsbr_pending(void);
#endif
