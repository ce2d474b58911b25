/* list.sort: a stable natural merge sort (runs detected as in timsort,
 * short runs extended by binary insertion, adjacent runs merged bottom-up).
 * It sorts a private array (see tn_list_sort in list.c), so user code (key
 * functions, __lt__) never runs under a lock. On an error the array is left
 * a permutation of its input, as CPython guarantees. No global state. */
#include <string.h>
#include "containers_internal.h"

typedef struct { TnObject *k, *v; } Pair;

enum { CMP_GENERIC, CMP_INT, CMP_FLOAT, CMP_STR };

/* 1 if a < b, 0 if not, -1 on error. */
static inline int lt(int kind, TnObject *a, TnObject *b)
{
    switch (kind) {
    case CMP_INT: return TN_INT_IVAL(a) < TN_INT_IVAL(b);
    case CMP_FLOAT: return TN_FLOAT_VAL(a) < TN_FLOAT_VAL(b);
    case CMP_STR: return tn_str_compare(a, b) < 0;
    default: {
        TnObject *r = tn_object_richcompare(a, b, TN_LT);
        if (!r)
            return -1;
        int t = r == tn_True ? 1 : r == tn_False ? 0 : tn_object_is_true(r);
        tn_decref(r);
        return t;
    }
    }
}

static void reverse_pairs(Pair *a, tn_ssize_t n)
{
    for (tn_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        Pair t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

/* Sort a[lo..hi) where a[lo..start) is already sorted. */
static int binary_insertion(int kind, Pair *a, tn_ssize_t lo, tn_ssize_t hi, tn_ssize_t start)
{
    for (tn_ssize_t i = start; i < hi; i++) {
        Pair p = a[i];
        tn_ssize_t l = lo, r = i;
        while (l < r) {
            tn_ssize_t m = l + (r - l) / 2;
            int c = lt(kind, p.k, a[m].k);
            if (c < 0)
                return -1;   /* a[lo..hi) is still a permutation */
            if (c)
                r = m;
            else
                l = m + 1;
        }
        memmove(a + l + 1, a + l, (size_t)(i - l) * sizeof(Pair));
        a[l] = p;
    }
    return 0;
}

/* Merge a[lo..mid) and a[mid..hi) using tmp (room for mid - lo). */
static int merge(int kind, Pair *a, tn_ssize_t lo, tn_ssize_t mid, tn_ssize_t hi, Pair *tmp)
{
    /* Skip the prefix of the left run already in place. */
    tn_ssize_t nl = mid - lo;
    memcpy(tmp, a + lo, (size_t)nl * sizeof(Pair));
    tn_ssize_t i = 0, j = mid, k = lo;
    int err = 0;
    while (i < nl && j < hi) {
        int c = lt(kind, a[j].k, tmp[i].k);
        if (c < 0) {
            err = -1;
            break;
        }
        if (c)
            a[k++] = a[j++];   /* strictly smaller: right first; ties keep left (stable) */
        else
            a[k++] = tmp[i++];
    }
    /* Remaining left items fill the gap (k + (nl - i) == j): on success and
     * on error alike the array stays a permutation. */
    memcpy(a + k, tmp + i, (size_t)(nl - i) * sizeof(Pair));
    return err;
}

#define MIN_RUN 32

static int merge_sort(int kind, Pair *a, tn_ssize_t n)
{
    if (n < 2)
        return 0;
    /* Find runs. */
    tn_ssize_t *runs = tn_mem_alloc((size_t)(n / 1 + 2) * sizeof(tn_ssize_t));
    Pair *tmp = runs ? tn_mem_alloc((size_t)n * sizeof(Pair)) : NULL;
    if (!tmp) {
        tn_mem_free(runs);
        return -1;
    }
    tn_ssize_t nruns = 0, lo = 0;
    int err = 0;
    while (lo < n) {
        tn_ssize_t hi = lo + 1;
        if (hi < n) {
            int c = lt(kind, a[hi].k, a[lo].k);
            if (c < 0) { err = -1; break; }
            if (c) {           /* strictly descending: safe to reverse */
                hi++;
                while (hi < n) {
                    c = lt(kind, a[hi].k, a[hi - 1].k);
                    if (c < 0) { err = -1; break; }
                    if (!c)
                        break;
                    hi++;
                }
                if (err)
                    break;
                reverse_pairs(a + lo, hi - lo);
            } else {
                hi++;
                while (hi < n) {
                    c = lt(kind, a[hi].k, a[hi - 1].k);
                    if (c < 0) { err = -1; break; }
                    if (c)
                        break;
                    hi++;
                }
                if (err)
                    break;
            }
        }
        if (hi - lo < MIN_RUN && hi < n) {
            tn_ssize_t end = lo + MIN_RUN < n ? lo + MIN_RUN : n;
            if (binary_insertion(kind, a, lo, end, hi) < 0) { err = -1; break; }
            hi = end;
        }
        runs[nruns++] = lo;
        lo = hi;
    }
    runs[nruns] = n;
    /* Merge adjacent runs pairwise until one is left. */
    while (!err && nruns > 1) {
        tn_ssize_t w = 0;
        for (tn_ssize_t r = 0; r < nruns; r += 2) {
            if (r + 1 < nruns && !err) {
                if (merge(kind, a, runs[r], runs[r + 1], runs[r + 2], tmp) < 0)
                    err = -1;
            }
            runs[w++] = runs[r];
        }
        runs[w] = n;
        nruns = w;
    }
    tn_mem_free(tmp);
    tn_mem_free(runs);
    return err;
}

/* Pick a comparison that needs no dispatch when every key has the same
 * simple type (the common case of sorting ints, floats or strs). */
static int choose_kind(Pair *a, tn_ssize_t n)
{
    if (n == 0)
        return CMP_GENERIC;
    TnType *t = TN_TYPE(a[0].k);
    for (tn_ssize_t i = 0; i < n; i++) {
        if (TN_TYPE(a[i].k) != t)
            return CMP_GENERIC;
        if (t == &tn_int_type && !TN_INT_IS_SMALL(a[i].k))
            return CMP_GENERIC;
    }
    if (t == &tn_int_type)
        return CMP_INT;
    if (t == &tn_float_type)
        return CMP_FLOAT;
    if (t == &tn_str_type)
        return CMP_STR;
    return CMP_GENERIC;
}

int tn_list_sort_array(TnObject **vals, tn_ssize_t n, TnObject *key, int reverse)
{
    if (n < 2 && !key)
        return 0;
    Pair *a = tn_mem_alloc((size_t)(n ? n : 1) * sizeof(Pair));
    if (!a)
        return -1;
    tn_ssize_t nkeys = 0;
    int err = 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        a[i].v = vals[i];
        a[i].k = vals[i];
    }
    if (key) {
        for (; nkeys < n; nkeys++) {
            TnObject *k = tn_call_one(key, vals[nkeys]);
            if (!k) {
                err = -1;
                break;
            }
            a[nkeys].k = k;
        }
    }
    if (!err) {
        /* reverse + stable sort + reverse keeps equal items in order */
        if (reverse)
            reverse_pairs(a, n);
        err = merge_sort(choose_kind(a, n), a, n);
        if (reverse)
            reverse_pairs(a, n);
        for (tn_ssize_t i = 0; i < n; i++)
            vals[i] = a[i].v;
    }
    if (key)
        for (tn_ssize_t i = 0; i < nkeys; i++)
            tn_decref(a[i].k);
    tn_mem_free(a);
    return err;
}
