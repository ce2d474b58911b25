/* Per-object mutex slow paths (ft build only; see lock.h, docs/locking.md).
 *
 * The lock is one byte in the object header: bit 0 LOCKED, bit 1 PARKED
 * (some thread may be sleeping on it). The fast path in lock.h is one CAS.
 * Here, a contended locker spins briefly, then sleeps in a "parking lot":
 * a fixed table of buckets (mutex + condition variable) chosen by the
 * object's address. A sleeper sets PARKED while holding its bucket's mutex,
 * and an unlocker that sees PARKED clears the byte and broadcasts under the
 * same mutex, so no wake-up is lost. A woken thread re-acquires with PARKED
 * kept set, since other sleepers may remain; the cost is at most one
 * spurious broadcast. */
#include <pthread.h>
#include <sched.h>
#include "tandem/tandem.h"

#ifdef TANDEM_FT
#define NBUCKETS 257

static struct bucket {
    pthread_mutex_t mu;
    pthread_cond_t cv;
} lot[NBUCKETS];
static pthread_once_t lot_once = PTHREAD_ONCE_INIT;

static void lot_init(void)
{
    for (int i = 0; i < NBUCKETS; i++) {
        pthread_mutex_init(&lot[i].mu, NULL);
        pthread_cond_init(&lot[i].cv, NULL);
    }
}

static struct bucket *bucket_for(TnObject *o)
{
    pthread_once(&lot_once, lot_init);
    return &lot[((uintptr_t)o >> 4) % NBUCKETS];
}

void tn_qsbr_offline(void);
void tn_qsbr_online(void);

void tn_mutex_lock_slow(TnObject *o)
{
    TnThreadState *ts = tn_ts();
    if (ts)
        TN_STAT_INC(ts, lock_contended);
    for (int spin = 0; spin < 64; spin++) {
        uint8_t v = tn_load_relaxed(&o->ob_mutex);
        if (!(v & TN_MUTEX_LOCKED) && tn_cas(&o->ob_mutex, &v, (uint8_t)(v | TN_MUTEX_LOCKED)))
            return;
        if (spin > 16)
            sched_yield();
    }
    struct bucket *b = bucket_for(o);
    int offline = 0;
    for (;;) {
        uint8_t v = tn_load_relaxed(&o->ob_mutex);
        if (!(v & TN_MUTEX_LOCKED)) {
            if (tn_cas(&o->ob_mutex, &v, (uint8_t)(v | TN_MUTEX_LOCKED)))
                break;
            continue;
        }
        pthread_mutex_lock(&b->mu);
        v = tn_load_relaxed(&o->ob_mutex);
        if ((v & TN_MUTEX_LOCKED) &&
            ((v & TN_MUTEX_PARKED) || tn_cas(&o->ob_mutex, &v, (uint8_t)(v | TN_MUTEX_PARKED)))) {
            if (!offline) {
                /* A sleeping thread must not hold up QSBR grace periods. */
                tn_qsbr_offline();
                offline = 1;
            }
            pthread_cond_wait(&b->cv, &b->mu);
        }
        pthread_mutex_unlock(&b->mu);
    }
    if (offline)
        tn_qsbr_online();
}

void tn_mutex_unlock_slow(TnObject *o)
{
    struct bucket *b = bucket_for(o);
    pthread_mutex_lock(&b->mu);
    tn_store_release(&o->ob_mutex, (uint8_t)0);
    pthread_cond_broadcast(&b->cv);
    pthread_mutex_unlock(&b->mu);
}
#endif
