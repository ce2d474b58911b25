/* Thread-level services of the eval loop: the C-stack guard, running the
 * interpreter on a big stack, pending signals (Ctrl-C) and the default
 * eval-breaker slow path, and the frame accessors builtins use.
 *
 * Global state: tn_main_tstate is written once at startup (before other
 * threads exist); sigint_pending is a sig_atomic_t written by the signal
 * handler and cleared by the main thread; tn_stack_soft_limit is
 * thread-local. */
#include "tandem/tandem.h"
#include "tandem/eval.h"
#include "tandem/frame.h"
#include "tandem/qsbr.h"
#include "vm_internal.h"
#include <pthread.h>
#include <signal.h>
#include <string.h>

/* Keep this much C stack free below the guard: enough to raise the
 * RecursionError, unwind, and print a traceback in C. */
#define STACK_MARGIN (256u * 1024u)
/* The main program's stack when run through tn_run_on_big_stack. */
#define BIG_STACK_SIZE ((size_t)256 << 20)

/* UINTPTR_MAX until computed, so the first check takes the slow path. */
_Thread_local uintptr_t tn_stack_soft_limit = UINTPTR_MAX;
static _Thread_local int stack_limit_known;

TnThreadState *tn_main_tstate;
static volatile sig_atomic_t sigint_pending;

static void compute_stack_limit(void)
{
    pthread_attr_t attr;
    void *addr = NULL;
    size_t size = 0;
    stack_limit_known = 1;
    tn_stack_soft_limit = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return;
    if (pthread_attr_getstack(&attr, &addr, &size) == 0 && size > 2 * STACK_MARGIN)
        tn_stack_soft_limit = (uintptr_t)addr + STACK_MARGIN;
    pthread_attr_destroy(&attr);
}

int tn_check_c_stack_slow(uintptr_t sp)
{
    if (!stack_limit_known) {
        compute_stack_limit();
        if (sp >= tn_stack_soft_limit)
            return 0;
    }
    tn_err_setstr(&tn_exc_RecursionError, "maximum recursion depth exceeded");
    return -1;
}

int tn_check_c_stack(void)
{
    char probe;
    uintptr_t sp = (uintptr_t)&probe;
    if (TN_LIKELY(stack_limit_known && sp >= tn_stack_soft_limit))
        return 0;
    return tn_check_c_stack_slow(sp);
}

/* ---- big stack ---------------------------------------------------------- */

typedef struct {
    void (*fn)(void *);
    void *arg;
    TnThreadState *ts;
} BigStackJob;

static void *big_stack_main(void *p)
{
    BigStackJob *job = p;
    /* The interpreter's identity moves with us (same tstate, same owner id
     * for biased reference counting); QSBR registration is per pthread. */
    tn_tstate_bind(job->ts);
    tn_qsbr_register();
    job->fn(job->arg);
    tn_qsbr_unregister();
    return NULL;
}

int tn_run_on_big_stack(void (*fn)(void *), void *arg)
{
    BigStackJob job = { fn, arg, tn_ts() };
    pthread_attr_t attr;
    pthread_t th;
    if (pthread_attr_init(&attr) != 0)
        return -1;
    if (pthread_attr_setstacksize(&attr, BIG_STACK_SIZE) != 0) {
        pthread_attr_destroy(&attr);
        return -1;
    }
    /* The caller only waits. It leaves QSBR rather than going offline: a
     * second registered thread would make every free wait for a grace
     * period (qsbr.c frees at once only while one thread is registered). */
    tn_qsbr_unregister();
    int err = pthread_create(&th, &attr, big_stack_main, &job);
    pthread_attr_destroy(&attr);
    if (err == 0)
        pthread_join(th, NULL);
    tn_qsbr_register();
    tn_tstate_bind(job.ts);
    return err == 0 ? 0 : -1;
}

/* ---- signals and the eval breaker --------------------------------------- */

static void sigint_handler(int sig)
{
    (void)sig;
    sigint_pending = 1;
    TnThreadState *ts = tn_main_tstate;
    if (ts) {
#ifdef TANDEM_FT
        atomic_fetch_or_explicit(&ts->eval_breaker, TN_EB_SIGNALS, memory_order_relaxed);
#else
        __atomic_fetch_or(&ts->eval_breaker, TN_EB_SIGNALS, __ATOMIC_RELAXED);
#endif
    }
}

int tn_signals_install(void)
{
    tn_main_tstate = tn_ts();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sigint_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (sigaction(SIGINT, &sa, NULL) != 0) {
        tn_err_from_errno(&tn_exc_OSError, NULL);
        return -1;
    }
    return 0;
}

int tn_eval_handle_signals(TnThreadState *ts)
{
    if (ts != tn_main_tstate)
        return 0;
#ifdef TANDEM_FT
    atomic_fetch_and_explicit(&ts->eval_breaker, ~(uint32_t)TN_EB_SIGNALS, memory_order_relaxed);
#else
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)TN_EB_SIGNALS, __ATOMIC_RELAXED);
#endif
    if (sigint_pending) {
        sigint_pending = 0;
        tn_err_set_object(&tn_exc_KeyboardInterrupt, NULL);
        return -1;
    }
    return 0;
}

/* threads issue: the eval-breaker slow path (GIL drops, BRC merges, QSBR,
 * signals) is tn_eval_breaker_slow in src/runtime/safepoint.c. It is no
 * longer a weak default here: with a static library, a weak definition in
 * an object that is linked anyway keeps the strong one from being pulled
 * out of the archive. */

/* ---- frame accessors ---------------------------------------------------- */

TnFrame *tn_eval_current_frame(void)
{
    return tn_ts()->frame;
}

TnObject *tn_eval_get_globals(void)
{
    TnFrame *f = tn_ts()->frame;
    return f ? f->globals : NULL;
}

TnObject *tn_eval_get_locals(void)
{
    TnFrame *f = tn_ts()->frame;
    if (!f)
        return tn_err_format(&tn_exc_SystemError, "frame does not exist");
    if (f->locals)
        return tn_newref(f->locals);
    TnObject *fo = tn_frame_get_object(f);
    return fo ? tn_frame_object_locals(fo) : NULL;
}

TnObject *tn_eval_get_builtins(void)
{
    TnFrame *f = tn_ts()->frame;
    return f ? f->builtins : tn_runtime.builtins_dict;
}
