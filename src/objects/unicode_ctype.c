/* Unicode character classification and case mapping over the generated
 * tables in unicode_db.c. ASCII (and Latin-1 where cheap) take a fast path;
 * everything else is a binary search over sorted ranges. The tables are
 * immutable, so every function here is thread-safe. */
#include "tandem/str.h"
#include "unicode_db.h"

static int in_ranges(const TnURange *r, int n, uint32_t cp)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (cp < r[mid].lo)
            hi = mid - 1;
        else if (cp > r[mid].hi)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}
#define IN(name, cp) in_ranges(tn_udb_##name, tn_udb_##name##_n, (cp))

int tn_unicode_isspace(uint32_t cp)
{
    if (cp < 128)
        return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
    return IN(space, cp);
}

int tn_unicode_isalpha(uint32_t cp)
{
    if (cp < 128)
        return (cp | 32) >= 'a' && (cp | 32) <= 'z';
    return IN(alpha, cp);
}

int tn_unicode_isdecimal(uint32_t cp)
{
    if (cp < 128)
        return cp >= '0' && cp <= '9';
    return IN(decimal, cp);
}

int tn_unicode_isdigit(uint32_t cp)
{
    if (cp < 128)
        return cp >= '0' && cp <= '9';
    return IN(digit, cp);
}

int tn_unicode_isnumeric(uint32_t cp)
{
    if (cp < 128)
        return cp >= '0' && cp <= '9';
    return IN(numeric, cp);
}

int tn_unicode_isalnum(uint32_t cp)
{
    return tn_unicode_isalpha(cp) || tn_unicode_isdecimal(cp) ||
           tn_unicode_isdigit(cp) || tn_unicode_isnumeric(cp);
}

int tn_unicode_islower(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'a' && cp <= 'z';
    return IN(lower, cp);
}

int tn_unicode_isupper(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'A' && cp <= 'Z';
    return IN(upper, cp);
}

int tn_unicode_istitle(uint32_t cp)
{
    return cp >= 128 && IN(title, cp);
}

int tn_unicode_iscased(uint32_t cp)
{
    return tn_unicode_islower(cp) || tn_unicode_isupper(cp) || tn_unicode_istitle(cp);
}

int tn_unicode_iscase_ignorable(uint32_t cp)
{
    return IN(case_ignorable, cp);
}

int tn_unicode_isprintable(uint32_t cp)
{
    if (cp < 128)
        return cp >= 32 && cp < 127;
    return IN(printable, cp);
}

int tn_unicode_islinebreak(uint32_t cp)
{
    return IN(linebreak, cp);
}

int tn_unicode_decimal_value(uint32_t cp)
{
    int lo = 0, hi = tn_udb_decimal_n - 1;
    if (cp < 128)
        return cp >= '0' && cp <= '9' ? (int)(cp - '0') : -1;
    /* Every decimal range starts at a digit zero (checked by the generator's
     * author against unicodedata.decimal). */
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (cp < tn_udb_decimal[mid].lo)
            hi = mid - 1;
        else if (cp > tn_udb_decimal[mid].hi)
            lo = mid + 1;
        else
            return (int)((cp - tn_udb_decimal[mid].lo) % 10);
    }
    return -1;
}

int tn_unicode_is_xid_start(uint32_t cp)
{
    if (cp < 128)
        return cp == '_' || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
    return IN(xid_start, cp);
}

int tn_unicode_is_xid_continue(uint32_t cp)
{
    if (cp < 128)
        return cp == '_' || ((cp | 32) >= 'a' && (cp | 32) <= 'z') || (cp >= '0' && cp <= '9');
    return IN(xid_continue, cp);
}

static const TnUCaseRun *find_run(const TnUCaseRun *r, int n, uint32_t cp)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (cp < r[mid].lo)
            hi = mid - 1;
        else if (cp > r[mid].hi)
            lo = mid + 1;
        else
            return (cp - r[mid].lo) % (uint32_t)r[mid].stride == 0 ? &r[mid] : NULL;
    }
    return NULL;
}

static const TnUCaseMulti *find_multi(const TnUCaseMulti *m, int n, uint32_t cp)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (cp < m[mid].cp)
            hi = mid - 1;
        else if (cp > m[mid].cp)
            lo = mid + 1;
        else
            return &m[mid];
    }
    return NULL;
}

int tn_unicode_case_full(uint32_t cp, int kind, uint32_t out[3])
{
    const TnUCaseRun *runs;
    const TnUCaseMulti *multi;
    int nruns, nmulti;
    if (cp < 128) {
        if (kind == 1 || kind == 2)
            out[0] = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
        else
            out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        return 1;
    }
    switch (kind) {
    case 0: runs = tn_udb_lower_runs; nruns = tn_udb_lower_runs_n;
            multi = tn_udb_lower_multi; nmulti = tn_udb_lower_multi_n; break;
    case 1: runs = tn_udb_upper_runs; nruns = tn_udb_upper_runs_n;
            multi = tn_udb_upper_multi; nmulti = tn_udb_upper_multi_n; break;
    case 2: runs = tn_udb_title_runs; nruns = tn_udb_title_runs_n;
            multi = tn_udb_title_multi; nmulti = tn_udb_title_multi_n; break;
    default: runs = tn_udb_fold_runs; nruns = tn_udb_fold_runs_n;
            multi = tn_udb_fold_multi; nmulti = tn_udb_fold_multi_n; break;
    }
    const TnUCaseRun *r = find_run(runs, nruns, cp);
    if (r) {
        out[0] = (uint32_t)((int32_t)cp + r->delta);
        return 1;
    }
    const TnUCaseMulti *m = find_multi(multi, nmulti, cp);
    if (m) {
        int n = 0;
        while (n < 3 && m->to[n])
            out[n] = m->to[n], n++;
        return n;
    }
    out[0] = cp;
    return 1;
}

uint32_t tn_unicode_tolower(uint32_t cp)
{
    uint32_t out[3];
    return tn_unicode_case_full(cp, 0, out) == 1 ? out[0] : cp;
}

uint32_t tn_unicode_toupper(uint32_t cp)
{
    uint32_t out[3];
    return tn_unicode_case_full(cp, 1, out) == 1 ? out[0] : cp;
}

uint32_t tn_unicode_totitle(uint32_t cp)
{
    uint32_t out[3];
    return tn_unicode_case_full(cp, 2, out) == 1 ? out[0] : cp;
}
