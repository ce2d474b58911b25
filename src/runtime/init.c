/* Process start-up and shut-down: the one place that knows the order in
 * which subsystems come up (docs/api.md, "Startup order"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"
#include "tandem/qsbr.h"
#include "tandem/gil.h"
#include "tandem/module.h"
#include "tandem/import.h"
#include "tandem/pin.h"

/* Each step returns 0 or -1 (with an exception set when one can be). */
#define TN_INIT_STEPS(X) \
    X(tn_types_init) X(tn_str_init) X(tn_int_init) X(tn_float_init) \
    X(tn_containers_init) X(tn_exc_init) X(tn_bytes_init) X(tn_code_init) \
    X(tn_vm_init) X(tn_import_init)
#define TN_DECLARE_STEP(fn) int fn(void);
TN_INIT_STEPS(TN_DECLARE_STEP)
#undef TN_DECLARE_STEP

TnObject *tn_module_init_sys(void);
TnObject *tn_module_init_builtins(void);
int tn_brc_init_thread(TnThreadState *ts);
int tn_import_init_path(void);   /* import.c */
void tn_brc_fini_thread(TnThreadState *ts);

static void init_failed(const char *what)
{
    fprintf(stderr, "tandem: fatal: initialisation failed in %s\n", what);
    if (tn_ts() && tn_err_occurred())
        tn_err_print_exception(tn_err_occurred());
}

int tn_runtime_init(int argc, char **argv)
{
    if (tn_pin_init() < 0)
        exit(2);   /* bad -X pin: a usage error, reported by tn_pin_init */
    TnThreadState *ts = tn_tstate_new();
    if (!ts) {
        fprintf(stderr, "tandem: fatal: out of memory\n");
        return -1;
    }
    tn_qsbr_register();
    tn_gil_acquire(ts);   /* threads issue: taken once, held by the main thread */
#ifdef TANDEM_FT
    if (tn_brc_init_thread(ts) < 0) {
        fprintf(stderr, "tandem: fatal: out of memory\n");
        return -1;
    }
#endif
#define TN_RUN_STEP(fn) if (fn() < 0) { init_failed(#fn); return -1; }
    TN_INIT_STEPS(TN_RUN_STEP)
#undef TN_RUN_STEP

    tn_runtime.modules = tn_dict_new();
    tn_runtime.path = tn_list_new(0);
    tn_runtime.argv = tn_list_new(0);
    if (!tn_runtime.modules || !tn_runtime.path || !tn_runtime.argv) {
        init_failed("runtime lists");
        return -1;
    }
    if (tn_import_init_path() < 0) {   /* PYTHONPATH / TANDEMPATH (import.c) */
        init_failed("sys.path");
        return -1;
    }
    for (int i = 0; i < argc; i++) {
        TnObject *s = tn_str_from_cstr(argv[i]);
        if (!s || tn_list_append(tn_runtime.argv, s) < 0) {
            init_failed("sys.argv");
            return -1;
        }
        TN_DECREF(s);
    }
    tn_runtime.builtins = tn_module_init_builtins();
    if (!tn_runtime.builtins) {
        init_failed("builtins");
        return -1;
    }
    tn_runtime.builtins_dict = tn_module_get_dict(tn_runtime.builtins);
    tn_runtime.sys = tn_module_init_sys();
    if (!tn_runtime.sys
        || tn_dict_setitem_str(tn_runtime.modules, "builtins", tn_runtime.builtins) < 0
        || tn_dict_setitem_str(tn_runtime.modules, "sys", tn_runtime.sys) < 0) {
        init_failed("sys");
        return -1;
    }
    return 0;
}

void tn_runtime_fini(void)
{
    TnThreadState *ts = tn_ts();
    if (tn_runtime.opt_stats)
        tn_stats_print(stderr);
#ifdef TANDEM_FT
    tn_brc_fini_thread(ts);
#endif
    (void)ts;
}
