/* Private to src/objects/str*.c and unicode*.c: the generated Unicode
 * tables (unicode_db.c). Ranges are sorted, inclusive and disjoint; a case
 * run maps every `stride`-th code point in [lo, hi] to cp + delta. */
#ifndef TANDEM_UNICODE_DB_H
#define TANDEM_UNICODE_DB_H
#include <stdint.h>

typedef struct { uint32_t lo, hi; } TnURange;
typedef struct { uint32_t lo, hi; int32_t stride, delta; } TnUCaseRun;
typedef struct { uint32_t cp; uint32_t to[3]; } TnUCaseMulti;   /* to[] 0-padded */

#define TN_UDB_PROPS(X) X(alpha) X(decimal) X(digit) X(numeric) X(lower) X(upper) \
    X(title) X(printable) X(space) X(linebreak) X(xid_start) X(xid_continue) X(case_ignorable)
#define TN_UDB_DECL(name) extern const TnURange tn_udb_##name[]; extern const int tn_udb_##name##_n;
TN_UDB_PROPS(TN_UDB_DECL)
#undef TN_UDB_DECL

#define TN_UDB_CASES(X) X(lower) X(upper) X(title) X(fold)
#define TN_UDB_CDECL(kind) \
    extern const TnUCaseRun tn_udb_##kind##_runs[]; extern const int tn_udb_##kind##_runs_n; \
    extern const TnUCaseMulti tn_udb_##kind##_multi[]; extern const int tn_udb_##kind##_multi_n;
TN_UDB_CASES(TN_UDB_CDECL)
#undef TN_UDB_CDECL

/* Full case mapping of cp into out[] (1..3 code points); kind 0 lower,
 * 1 upper, 2 title, 3 casefold. Returns the count. */
int tn_unicode_case_full(uint32_t cp, int kind, uint32_t out[3]);
int tn_unicode_iscased(uint32_t cp);
int tn_unicode_iscase_ignorable(uint32_t cp);
#endif
