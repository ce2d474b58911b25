/* Thread pinning: -X pin=compact|scatter|none|LIST (src/runtime/pin.c).
 *
 * Invariants:
 *  - tn_pin_init() runs once, from tn_runtime_init, before any Python code
 *    and before any other interpreter thread exists. It computes the CPU
 *    order (OS CPU numbers) once; the order is read-only afterwards, so
 *    threads read it without a lock. The only mutable shared state is the
 *    atomic "next slot" counter.
 *  - The main thread takes slot 0 of the order; every thread started by
 *    tn_thread_start takes the next slot (1, 2, ...) modulo the order's
 *    length, whichever of them starts first. Slots are never given back.
 *  - Every CPU in the order is in the process's allowed cpuset at start-up.
 *    The binding is a real per-thread affinity (sched_setaffinity on the
 *    calling thread), visible in /proc/self/task/TID/status.
 *  - No policy (option absent) or "none": nothing is bound.
 */
#ifndef TANDEM_PIN_H
#define TANDEM_PIN_H

#include <stddef.h>

/* Parse tn_runtime.pin_policy, compute the order and bind the calling
 * (main) thread. 0 on success (also when there is no policy); -1 after
 * printing a message naming the problem on stderr (unknown policy, a
 * malformed or empty list, a CPU this process may not use, a failed bind).
 * The caller exits with status 2. */
int tn_pin_init(void);

/* Called by each new interpreter thread before it runs any code: bind it to
 * the next CPU of the order. A no-op without a policy. A failed bind prints
 * one warning and leaves the thread unbound (the thread still runs). */
void tn_pin_thread_start(void);

/* Syntax of a CPU list: comma-separated items, each `N` or `N-M` with
 * N <= M, decimal OS CPU numbers below TN_PIN_MAX_CPU, no spaces, no empty
 * items, no CPU twice. Stores up to `cap` CPUs in list order into cpus and
 * returns how many the list names (which may exceed cap: the caller
 * retries with a larger array). On a syntax error returns -1 and writes a
 * message (without prefix) into err. Does not look at the machine. */
#define TN_PIN_MAX_CPU (1 << 20)
int tn_pin_parse_list(const char *spec, int *cpus, int cap, char *err, size_t errlen);

/* The CPU order a policy gives on this machine, validated against the
 * allowed cpuset: a malloc'ed array (caller frees) with its length in *n.
 * "none" returns NULL with *n == 0 and err[0] == '\0'. On error returns
 * NULL with *n == 0 and a message (without prefix) in err. */
int *tn_pin_order(const char *policy, int *n, char *err, size_t errlen);

/* The CPU the calling thread was bound to by this module, or -1. */
int tn_pin_current_cpu(void);

#endif
