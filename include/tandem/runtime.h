/* Process lifecycle and runtime services used by main.c and the modules.
 * Invariants: tn_runtime_init runs once, on the main thread, before any
 * Python code; tn_runtime_fini runs once at exit after every non-daemon
 * thread has been joined. */
#ifndef TANDEM_RUNTIME_H
#define TANDEM_RUNTIME_H
#include <stdio.h>
#include "tandem/tstate.h"

int tn_runtime_init(int argc, char **argv);   /* -1 and a message on stderr on failure */
void tn_runtime_fini(void);
/* Run `fn(arg)` for the thread state of `tid` under the registry lock;
 * 0 if that thread has exited. */
int tn_tstate_with(uint32_t tid, void (*fn)(TnThreadState *, void *), void *arg);
void tn_stats_add(TnStats *into, const TnStats *from);
void tn_stats_total(TnStats *out);
void tn_stats_print(FILE *f);
/* -X stats: call fn, under the registry lock, for every thread that exited
 * (live = 0, in exit order) and then every live one (live = 1). fn must not
 * take the registry lock or run Python code. */
void tn_stats_each_thread(void (*fn)(uint32_t tid, const TnStats *st, int live, void *arg), void *arg);
#endif
