/* Argument checking and parsing for native functions (vector convention:
 * args[0..nargs) positional, then one value per name in `kwnames`).
 *
 * Invariants: every helper raises TypeError with CPython 3.11's words and
 * returns -1 on failure, 0 on success. Parsed values are BORROWED from the
 * caller's argument vector (valid for the duration of the call).
 * Implemented in src/objects/abstract_args.c.
 */
#ifndef TANDEM_ARGS_H
#define TANDEM_ARGS_H

#include "tandem/object.h"

/* Positional count check for functions that take no keywords. Messages:
 *   min == max == 0: "f() takes no arguments (2 given)"
 *   min == max == 1: "f() takes exactly one argument (2 given)"
 *   min == max:      "f expected 2 arguments, got 3"
 *   too few:         "f expected at least 1 argument, got 0"
 *   too many:        "f expected at most 3 arguments, got 4"
 * (the last three are CPython's PyArg_UnpackTuple forms; fname is printed
 * as given, so pass "f" for those and "f()" style is added by the first two).
 * max may be (size_t)-1 for "no limit". */
int tn_check_nargs(const char *fname, size_t nargs, size_t min, size_t max);
/* "f() takes no keyword arguments" when kwnames is a non-empty tuple. */
int tn_check_no_kwargs(const char *fname, TnObject *kwnames);
/* "f() takes at most N positional arguments (M given)"-style variants: */
int tn_check_nargs_exact(const char *fname, size_t nargs, size_t n);   /* "f() takes exactly N arguments (M given)" */

/* Keyword parsing, CPython's _PyArg_ParseStackAndKeywords for "O|O$O" specs.
 *   kwlist: NULL-terminated parameter names; "" for positional-only ones.
 *   npos_max: parameters that may be given by position (the rest are
 *             keyword-only);  nrequired: the first nrequired are required.
 *   out[i] receives the i-th parameter (borrowed) or is left unchanged
 *   (caller pre-sets defaults, typically NULL).
 * Errors: "f() got an unexpected keyword argument 'x'",
 *   "f() missing required argument 'x' (pos 1)",
 *   "argument for f() given by name ('x') and position (1)",
 *   "f() takes at most 2 arguments (3 given)". */
int tn_parse_args(const char *fname, TnObject *const *args, size_t nargs, TnObject *kwnames,
                  const char *const *kwlist, size_t npos_max, size_t nrequired,
                  TnObject **out);
/* Alias kept for the name docs/api.md predicts. */
#define tn_parse_kwargs tn_parse_args

#endif
