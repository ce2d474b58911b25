/* -X stats: per-thread counters summed and printed at exit (stderr).
 *
 * Output: one line per counter with the total over every thread that ran,
 * then a per-thread table of the main counters (exited threads first, in
 * exit order, then the threads still alive at exit). Counters that this
 * build does not have, or that are not collected yet, say so instead of
 * printing a misleading 0 (docs/stats.md lists them and why). */
#include <stdio.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"

void tn_stats_add(TnStats *into, const TnStats *from)
{
    uint64_t pause_max = into->gc_pause_max_ns > from->gc_pause_max_ns
                         ? into->gc_pause_max_ns : from->gc_pause_max_ns;
#define TN_STAT_SUM(name, doc) into->name += from->name;
    TN_STATS_COUNTERS(TN_STAT_SUM)
#undef TN_STAT_SUM
    into->gc_pause_max_ns = pause_max;   /* a maximum, not a sum */
}

/* Why a counter has no value in this build, or NULL if it has one. */
static const char *missing(const char *name)
{
#ifndef TANDEM_FT
    /* One plain count, no owner: nothing to split into local and shared. */
    if (strncmp(name, "incref_", 7) == 0 || strncmp(name, "decref_", 7) == 0
        || strcmp(name, "refs_deferred") == 0 || strncmp(name, "deferred_", 9) == 0
        || strncmp(name, "stw_", 4) == 0)
        return "n/a (gil build)";
#endif
#ifdef TANDEM_FT
    if (strncmp(name, "gil_", 4) == 0)
        return "n/a (no GIL)";
#else
    if (strncmp(name, "brc_", 4) == 0 || strncmp(name, "lock_", 5) == 0
        || strncmp(name, "qsbr_", 5) == 0)
        return "n/a (gil build)";
#endif
    return NULL;
}

enum { MAX_TABLE_ROWS = 64 };

struct table { FILE *f; size_t rows, skipped; };

static void print_thread(uint32_t tid, const TnStats *st, int live, void *arg)
{
    struct table *t = arg;
    if (t->rows >= MAX_TABLE_ROWS) {
        t->skipped++;
        return;
    }
    t->rows++;
#ifdef TANDEM_FT
    fprintf(t->f, "  %5u %-6s %12llu %10llu %10llu %10llu %12llu %10llu %14llu\n",
            (unsigned)tid, live ? "live" : "exited",
            (unsigned long long)st->frames, (unsigned long long)st->brc_queued,
            (unsigned long long)st->brc_merged, (unsigned long long)st->lock_contended,
            (unsigned long long)st->qsbr_quiescent, (unsigned long long)st->qsbr_deferred,
            (unsigned long long)st->qsbr_deferred_bytes);
#else
    fprintf(t->f, "  %5u %-6s %12llu %12llu %12llu %10llu %12.3f\n",
            (unsigned)tid, live ? "live" : "exited",
            (unsigned long long)st->frames, (unsigned long long)st->gil_acquire,
            (unsigned long long)st->gil_drop_request, (unsigned long long)st->gil_switch,
            (double)st->gil_wait_ns / 1e6);
#endif
}

void tn_stats_print(FILE *f)
{
    TnStats total;
    tn_stats_total(&total);
    fprintf(f, "tandem stats (%s build):\n", TN_BUILD_NAME);
#define TN_STAT_PRINT(name, doc) \
    if (missing(#name)) \
        fprintf(f, "  %-22s %15s  %s\n", #name, missing(#name), doc); \
    else \
        fprintf(f, "  %-22s %15llu  %s\n", #name, (unsigned long long)total.name, doc);
    TN_STATS_COUNTERS(TN_STAT_PRINT)
#undef TN_STAT_PRINT
    fprintf(f, "per thread:\n");
#ifdef TANDEM_FT
    fprintf(f, "  %5s %-6s %12s %10s %10s %10s %12s %10s %14s\n", "tid", "state", "frames",
            "brc_queued", "brc_merged", "lock_cont", "qsbr_quiesc", "qsbr_defer", "qsbr_def_bytes");
#else
    fprintf(f, "  %5s %-6s %12s %12s %12s %10s %12s\n", "tid", "state", "frames",
            "gil_acquire", "gil_drop_req", "gil_switch", "gil_wait_ms");
#endif
    struct table t = { f, 0, 0 };
    tn_stats_each_thread(print_thread, &t);
    if (t.skipped)
        fprintf(f, "  ... %zu more threads (counted in the totals above)\n", t.skipped);
}
