/* range: immutable arithmetic progression.
 * Invariants: start/stop/step/length are int objects (strong refs); step is
 * never 0. When every value fits in int64 the C fields (is_small = 1) are
 * used by the fast paths (iteration, indexing, `in`); otherwise the slow
 * path computes with int objects. Implemented in src/objects/range.c. */
#ifndef TANDEM_RANGE_H
#define TANDEM_RANGE_H
#include "tandem/type.h"

typedef struct {
    TnObject ob;
    TnObject *start, *stop, *step, *length;   /* ints */
    int is_small;                              /* all four fit in int64 */
    int64_t istart, istop, istep, ilen;
} TnRange;

extern TnType tn_range_type, tn_range_iter_type, tn_longrange_iter_type;
#define tn_range_check(o) (TN_TYPE(o) == &tn_range_type)

/* range(start, stop, step) from C integers (step != 0). */
TnObject *tn_range_new_i64(int64_t start, int64_t stop, int64_t step);
#endif
