/* slice objects and the index helpers every sequence type uses.
 * Invariants: a slice is immutable (start/stop/step are strong refs, None
 * when absent); tn_slice_unpack + tn_slice_adjust_indices give CPython's
 * PySlice_Unpack/PySlice_AdjustIndices results (clamped to the sequence,
 * step != 0). Implemented in src/objects/slice.c. */
#ifndef TANDEM_SLICE_H
#define TANDEM_SLICE_H
#include "tandem/type.h"

typedef struct {
    TnObject ob;
    TnObject *start, *stop, *step;   /* never NULL (None when absent) */
} TnSlice;

extern TnType tn_slice_type;
#define tn_slice_check(o) (TN_TYPE(o) == &tn_slice_type)

/* slice(start, stop, step); NULL arguments mean None. Borrowed args. */
TnObject *tn_slice_new(TnObject *start, TnObject *stop, TnObject *step);
/* Convert the slice's fields to C integers (None -> defaults, huge values
 * clamped to +-TN_SSIZE_MAX as CPython). ValueError "slice step cannot be
 * zero"; TypeError "slice indices must be integers or None or have an
 * __index__ method". 0 ok, -1 error. */
int tn_slice_unpack(TnObject *slice, tn_ssize_t *start, tn_ssize_t *stop, tn_ssize_t *step);
/* Clamp start/stop to a sequence of `length`; returns the slice length. */
tn_ssize_t tn_slice_adjust_indices(tn_ssize_t length, tn_ssize_t *start, tn_ssize_t *stop,
                                   tn_ssize_t step);
/* slice.indices(length) semantics in one call: 0 ok / -1 error. */
int tn_slice_get_indices(TnObject *slice, tn_ssize_t length, tn_ssize_t *start,
                         tn_ssize_t *stop, tn_ssize_t *step, tn_ssize_t *slicelength);

#define TN_SSIZE_MAX INTPTR_MAX
#define TN_SSIZE_MIN INTPTR_MIN
#endif
