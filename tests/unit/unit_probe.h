/* What the threaded unit tests share: a probe type whose frees are counted,
 * and a thread state for the calling thread, attached in the ft build as
 * the interpreter's own threads are (stw.h). Included by one test file
 * each, after criterion.h and tandem.h. */
#ifndef TANDEM_UNIT_PROBE_H
#define TANDEM_UNIT_PROBE_H

static int freed;
static void counting_dealloc(TnObject *o) { freed++; tn_object_free(o); }
static TnType probe_type = { TN_STATIC_TYPE_HEAD, .tp_name = "probe",
                             .tp_basicsize = sizeof(TnObject), .tp_dealloc = counting_dealloc };

#ifdef TANDEM_FT
int tn_brc_init_thread(TnThreadState *ts);
void tn_brc_merge_queue(TnThreadState *ts);
void tn_brc_fini_thread(TnThreadState *ts);
#endif

static void setup(void)
{
    if (!tn_ts()) {
        TnThreadState *ts = tn_tstate_new();
        cr_assert(ts);
#ifdef TANDEM_FT
        tn_brc_init_thread(ts);
        tn_thread_attach(ts);
#endif
    }
    freed = 0;
}
#endif
