/* Argument checking and keyword parsing for native functions (args.h). */
#include <string.h>
#include "type_internal.h"
#include "tandem/args.h"

int tn_check_nargs(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max && min == 0)
        tn_err_format(&tn_exc_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    else if (min == max && min == 1)
        tn_err_format(&tn_exc_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
    else if (min == max)
        tn_err_format(&tn_exc_TypeError, "%s expected %zu argument%s, got %zu", fname, min,
                      min == 1 ? "" : "s", nargs);
    else if (nargs < min)
        tn_err_format(&tn_exc_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min,
                      min == 1 ? "" : "s", nargs);
    else
        tn_err_format(&tn_exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max,
                      max == 1 ? "" : "s", nargs);
    return -1;
}

int tn_check_nargs_exact(const char *fname, size_t nargs, size_t n)
{
    if (nargs == n)
        return 0;
    tn_err_format(&tn_exc_TypeError, "%s() takes exactly %zu argument%s (%zu given)", fname, n,
                  n == 1 ? "" : "s", nargs);
    return -1;
}

int tn_check_no_kwargs(const char *fname, TnObject *kwnames)
{
    if (!kwnames || TN_TUPLE_SIZE(kwnames) == 0)
        return 0;
    tn_err_format(&tn_exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

int tn_parse_args(const char *fname, TnObject *const *args, size_t nargs, TnObject *kwnames,
                  const char *const *kwlist, size_t npos_max, size_t nrequired, TnObject **out)
{
    size_t nparams = 0;
    while (kwlist[nparams])
        nparams++;
    if (nargs > npos_max) {
        if (npos_max == 0)
            tn_err_format(&tn_exc_TypeError, "%s() takes no positional arguments", fname);
        else
            tn_err_format(&tn_exc_TypeError, "%s() takes at most %zu %sargument%s (%zu given)", fname,
                          npos_max, npos_max < nparams ? "positional " : "", npos_max == 1 ? "" : "s",
                          nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++)
        out[i] = args[i];
    size_t nkw = kwnames ? (size_t)TN_TUPLE_SIZE(kwnames) : 0;
    for (size_t k = 0; k < nkw; k++) {
        TnObject *name = TN_TUPLE_GET(kwnames, k);
        size_t i;
        for (i = 0; i < nparams; i++)
            if (kwlist[i][0] && tn_str_eq_cstr(name, kwlist[i]))
                break;
        if (i == nparams) {
            tn_err_format(&tn_exc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, name);
            return -1;
        }
        if (i < nargs) {
            tn_err_format(&tn_exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)",
                          fname, kwlist[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (size_t i = nargs; i < nrequired; i++) {
        int given = 0;
        for (size_t k = 0; k < nkw && !given; k++)
            given = kwlist[i][0] && tn_str_eq_cstr(TN_TUPLE_GET(kwnames, k), kwlist[i]);
        if (!given) {
            if (kwlist[i][0])
                tn_err_format(&tn_exc_TypeError, "%s() missing required argument '%s' (pos %zu)",
                              fname, kwlist[i], i + 1);
            else
                tn_err_format(&tn_exc_TypeError, "%s() takes at least %zu positional argument%s (%zu given)",
                              fname, nrequired, nrequired == 1 ? "" : "s", nargs);
            return -1;
        }
    }
    return 0;
}
