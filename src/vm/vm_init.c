/* tn_vm_init: ready the VM's types (startup step 6, docs/api.md). */
#include "tandem/tandem.h"
#include "tandem/eval.h"
#include "tandem/func.h"
#include "tandem/gen.h"
#include "tandem/traceback.h"
#include "tandem/import.h"

int tn_vm_init(void)
{
    if (tn_func_init() < 0 || tn_gen_init() < 0 || tn_traceback_init() < 0
        || tn_import_init() < 0)
        return -1;
    /* Ctrl-C -> KeyboardInterrupt in the main thread (the one that runs
     * the startup sequence). */
    if (tn_ts() && !tn_main_tstate && tn_signals_install() < 0)
        return -1;
    return 0;
}
