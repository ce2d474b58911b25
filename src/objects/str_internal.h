/* Private to src/objects/str*.c, bytes*.c and unicode*.c: helpers shared by
 * the text types that are not part of the public contract. */
#ifndef TANDEM_STR_INTERNAL_H
#define TANDEM_STR_INTERNAL_H
#include "tandem/tandem.h"
#include "tandem/bytes.h"
#include "tandem/args.h"
#include "tandem/exc.h"

#include "tandem/slice.h"

/* A fresh str with room for `size` UTF-8 bytes holding `length` code points;
 * the caller fills data[0..size) before it escapes. Never a singleton. */
TnObject *tn_str_new_raw(tn_ssize_t size, tn_ssize_t length);
/* The empty str (borrowed, immortal). */
TnObject *tn_str_empty(void);
/* Byte offset of code point i (0 <= i <= length). */
tn_ssize_t tn_str_offset(TnObject *s, tn_ssize_t i);
/* Number of code points in the UTF-8 bytes p[0..n). */
tn_ssize_t tn_utf8_count(const char *p, tn_ssize_t n);
/* Validate UTF-8: returns 0 and *ncp, or -1 with err_start, err_end and reason
 * describing the first invalid sequence (CPython's decoder's rules). */
int tn_utf8_scan(const char *s, tn_ssize_t n, tn_ssize_t *ncp, tn_ssize_t *err_start,
                 tn_ssize_t *err_end, const char **reason);
extern const TnMethodDef tn_str_methods[];
/* Argument helpers with CPython's messages. */
int tn_str_index_arg(TnObject *o, tn_ssize_t *out);   /* None or __index__, clamped */
/* Normalise [start, end) like CPython ADJUST_INDICES. */
void tn_str_adjust(tn_ssize_t len, tn_ssize_t *start, tn_ssize_t *end);
/* Shared %-formatting engine: bytes_mode selects bytes semantics. */
TnObject *tn_str_percent_format(TnObject *fmt, TnObject *args, int bytes_mode);
/* Pad a str to width with fill and align: '<', '>', '^' (format()'s centering,
 * extra fill on the right) or 'C' (str.center's rounding); new ref. */
TnObject *tn_str_pad(TnObject *s, tn_ssize_t width, uint32_t fill, char align);
/* Code point → '\xNN' / '\uNNNN' / '\UNNNNNNNN' into out (>= 11 bytes); returns length. */
int tn_str_escape_cp(uint32_t cp, char *out);
/* bytes-like repr helper (prefix "b" or "bytearray(b" handled by callers). */
int tn_bytes_repr_into(TnStrBuilder *b, const char *data, tn_ssize_t n);
/* The str hash function applied to raw bytes (bytes hash == same algorithm). */
tn_hash_t tn_bytes_hash_data(const char *p, tn_ssize_t n);
extern TnType tn_str_iter_type;
#endif
