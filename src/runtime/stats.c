/* -X stats: per-thread counters summed and printed at exit. */
#include <stdio.h>
#include "tandem/tandem.h"
#include "tandem/runtime.h"

void tn_stats_add(TnStats *into, const TnStats *from)
{
#define TN_STAT_SUM(name, doc) into->name += from->name;
    TN_STATS_COUNTERS(TN_STAT_SUM)
#undef TN_STAT_SUM
}

void tn_stats_print(FILE *f)
{
    TnStats total;
    tn_stats_total(&total);
    fprintf(f, "tandem stats (%s build):\n", TN_BUILD_NAME);
#define TN_STAT_PRINT(name, doc) \
    fprintf(f, "  %-22s %14llu  %s\n", #name, (unsigned long long)total.name, doc);
    TN_STATS_COUNTERS(TN_STAT_PRINT)
#undef TN_STAT_PRINT
}
