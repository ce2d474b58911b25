/* str: immutable Unicode text, stored as UTF-8.
 * Invariants: data[] is valid UTF-8 of `size` bytes plus a NUL; `length` is
 * the number of code points; `ascii` is set when size == length (O(1)
 * indexing). The hash is cached (-1 = not yet). Interned strings are
 * immortal and unique per content (tn_str_intern).
 *  - Surrogate code points (U+D800..U+DFFF) are never stored (the UTF-8
 *    decoder rejects them, chr() of one raises), so data[] is always
 *    strictly valid UTF-8.
 *  - cpindex: for non-ASCII strings only, a lazily built table of byte
 *    offsets of every 64th code point (O(1)-ish indexing); installed once
 *    with a CAS, freed with the string. NULL for ASCII strings.
 *  - The empty string and chr(0..255) are immortal singletons; every
 *    constructor here returns them for such content.
 *  - Unicode classification and case mapping cover all of Unicode 14.0
 *    (tables generated from CPython 3.11's unicodedata: src/objects/
 *    unicode_db.c), including full case mappings ('ß'.upper() == 'SS') and
 *    Final_Sigma in lower().
 * Implemented in src/objects/str*.c and unicode*.c. */
#ifndef TANDEM_STR_H
#define TANDEM_STR_H
#include <stdarg.h>
#include "tandem/type.h"

typedef struct {
    TnObject ob;
    tn_ssize_t length;             /* code points */
    tn_ssize_t size;               /* bytes, excluding the trailing NUL */
    TN_SHARED(tn_hash_t) hash;
    uint8_t ascii;
    uint8_t interned;
    TN_SHARED(void *) cpindex;     /* non-ASCII: lazy code-point index (str.c) */
    char data[];
} TnStr;

extern TnType tn_str_type;
#define tn_str_check(o) TN_TYPE_CHECK_FLAG(o, TN_TPFLAG_STR_SUBCLASS)
#define tn_str_check_exact(o) (TN_TYPE(o) == &tn_str_type)
#define TN_STR_DATA(o) (((TnStr *)(o))->data)      /* UTF-8, NUL-terminated */
#define TN_STR_SIZE(o) (((TnStr *)(o))->size)      /* bytes */
#define TN_STR_LEN(o) (((TnStr *)(o))->length)     /* code points */

TnObject *tn_str_from_cstr(const char *s);                   /* UTF-8 */
TnObject *tn_str_from_utf8(const char *s, tn_ssize_t size);  /* validates; UnicodeDecodeError */
TnObject *tn_str_from_format(const char *fmt, ...);          /* same escapes as tn_err_format */
TnObject *tn_str_from_codepoint(uint32_t cp);
TnObject *tn_str_concat(TnObject *a, TnObject *b);
/* In-place `a += b` (the eval loop's concatenation fast path).
 * tn_str_is_resizable: 1 when `o` is an exact, mortal, non-interned str
 * whose reference count is exactly `refs` (ft: and the current thread owns
 * it and no other thread holds a reference), i.e. the caller holds every
 * reference and may mutate it. tn_str_append_inplace steals `a`, which
 * must be resizable with the caller's one reference, appends the str `b`
 * and returns the (possibly moved) result, or NULL + MemoryError (a freed). */
int tn_str_is_resizable(TnObject *o, tn_ssize_t refs);
TnObject *tn_str_append_inplace(TnObject *a, TnObject *b);
TnObject *tn_str_join(TnObject *sep, TnObject *iterable);
int tn_str_eq(TnObject *a, TnObject *b);                     /* both str; no error */
int tn_str_eq_cstr(TnObject *a, const char *s);
tn_hash_t tn_str_hash(TnObject *s);
/* Interning: returns the unique immortal str with this content. */
TnObject *tn_str_intern(TnObject *s);                        /* steals s, returns new ref */
TnObject *tn_str_intern_cstr(const char *s);                 /* returns a borrowed immortal ref */
const char *tn_str_as_cstr(TnObject *s);                     /* borrowed UTF-8 */
/* va_list form of tn_str_from_format (tn_err_format is built on it). */
TnObject *tn_str_from_formatv(const char *fmt, va_list ap);
/* Trusted input: s must be valid UTF-8 (no check) / pure ASCII. */
TnObject *tn_str_from_utf8_trusted(const char *s, tn_ssize_t size);
TnObject *tn_str_from_ascii(const char *s, tn_ssize_t size);
int tn_str_compare(TnObject *a, TnObject *b);               /* <0, 0, >0 by code points */
TnObject *tn_str_richcompare(TnObject *a, TnObject *b, int op);
TnObject *tn_str_repr(TnObject *s);                          /* repr(str) */
/* ascii(): repr text with every non-ASCII code point escaped (\xNN, \uNNNN,
 * \UNNNNNNNN). Takes any str (usually a repr). */
TnObject *tn_str_ascii_escape(TnObject *s);
uint32_t tn_str_char_at(TnObject *s, tn_ssize_t i);           /* 0 <= i < len, no check */
TnObject *tn_str_substr(TnObject *s, tn_ssize_t start, tn_ssize_t stop);  /* code points, clamped */
TnObject *tn_str_repeat(TnObject *s, tn_ssize_t n);
int tn_str_contains(TnObject *s, TnObject *sub);             /* sub must be str; -1 error */
/* str % args (also used by BINARY_OP's fast path). */
TnObject *tn_str_mod(TnObject *fmt, TnObject *args);
/* fmt.format(*args, **kwargs) in the vector convention; format_map uses a mapping. */
TnObject *tn_str_format(TnObject *fmt, TnObject *const *args, size_t nargs, TnObject *kwnames);
TnObject *tn_str_format_map(TnObject *fmt, TnObject *mapping);
/* format(s, spec) for a str s: fill, align, width, precision, type 's'. */
TnObject *tn_str_format_spec(TnObject *s, TnObject *spec);
/* Codecs: "utf-8" (utf8, utf_8, U8), "ascii", "latin-1" (latin1, iso-8859-1);
 * errors "strict", "ignore", "replace" (+ "surrogateescape" is rejected).
 * LookupError "unknown encoding: X" otherwise. */
TnObject *tn_str_decode(const char *data, tn_ssize_t size, const char *encoding,
                        const char *errors);                /* -> str */
TnObject *tn_str_encode(TnObject *s, const char *encoding, const char *errors); /* -> bytes */
/* chr(cp) with CPython's ValueError for cp out of range. */
TnObject *tn_str_chr(int64_t cp);
int tn_str_init(void);      /* str type, interning table, singletons, tn_ids_init */
/* Decode one UTF-8 code point at p (valid UTF-8 assumed); sets *len. */
uint32_t tn_utf8_decode(const char *p, int *len);
int tn_utf8_encode(uint32_t cp, char *out);                  /* returns 1..4 */

/* Unicode character database (the subset documented above), unicode_ctype.c. */
int tn_unicode_isspace(uint32_t cp);
int tn_unicode_isalpha(uint32_t cp);
int tn_unicode_isdecimal(uint32_t cp);
int tn_unicode_isdigit(uint32_t cp);
int tn_unicode_isnumeric(uint32_t cp);
int tn_unicode_isalnum(uint32_t cp);
int tn_unicode_islower(uint32_t cp);
int tn_unicode_isupper(uint32_t cp);
int tn_unicode_istitle(uint32_t cp);
int tn_unicode_isprintable(uint32_t cp);
int tn_unicode_islinebreak(uint32_t cp);
int tn_unicode_decimal_value(uint32_t cp);                  /* -1 if not decimal */
int tn_unicode_is_xid_start(uint32_t cp);                    /* identifiers (lexer) */
int tn_unicode_is_xid_continue(uint32_t cp);
uint32_t tn_unicode_tolower(uint32_t cp);
uint32_t tn_unicode_toupper(uint32_t cp);
uint32_t tn_unicode_totitle(uint32_t cp);
int tn_str_isidentifier(TnObject *s);

/* Builder for code that appends pieces (repr, format, join). */
typedef struct { char *buf; tn_ssize_t len, cap; tn_ssize_t ncp; int ascii; } TnStrBuilder;
void tn_sb_init(TnStrBuilder *b);
int tn_sb_append(TnStrBuilder *b, const char *s, tn_ssize_t n);   /* UTF-8 bytes */
int tn_sb_append_cstr(TnStrBuilder *b, const char *s);
int tn_sb_append_str(TnStrBuilder *b, TnObject *str);
int tn_sb_append_char(TnStrBuilder *b, uint32_t cp);
TnObject *tn_sb_finish(TnStrBuilder *b);                     /* new str; frees buffer */
void tn_sb_discard(TnStrBuilder *b);

/* Well-known identifiers: interned at startup, immortal, shared by all
 * threads. Use as TN_ID(__init__) (a borrowed str). Add names at the end. */
#define TN_IDENTIFIERS(X) \
    X(__init__) X(__new__) X(__del__) X(__repr__) X(__str__) X(__hash__) \
    X(__eq__) X(__ne__) X(__lt__) X(__le__) X(__gt__) X(__ge__) \
    X(__bool__) X(__len__) X(__getitem__) X(__setitem__) X(__delitem__) \
    X(__contains__) X(__iter__) X(__next__) X(__call__) X(__enter__) X(__exit__) \
    X(__getattr__) X(__getattribute__) X(__setattr__) X(__delattr__) \
    X(__get__) X(__set__) X(__delete__) X(__set_name__) X(__init_subclass__) \
    X(__class__) X(__dict__) X(__slots__) X(__name__) X(__qualname__) X(__module__) \
    X(__doc__) X(__annotations__) X(__builtins__) X(__file__) X(__main__) \
    X(__package__) X(__spec__) X(__loader__) X(__path__) X(__all__) X(__import__) \
    X(__mro__) X(__bases__) X(__base__) X(__weakref__) X(__classcell__) X(__index__) \
    X(__int__) X(__float__) X(__abs__) X(__neg__) X(__pos__) X(__invert__) \
    X(__format__) X(__reversed__) X(__length_hint__) X(__missing__) X(__round__) \
    X(__trunc__) X(__floor__) X(__ceil__) X(__instancecheck__) X(__subclasscheck__) \
    X(__prepare__) X(__build_class__) X(__traceback__) X(__cause__) X(__context__) \
    X(__self__) X(__func__) X(__wrapped__) X(__defaults__) X(__kwdefaults__) \
    X(__code__) X(__globals__) X(__closure__) X(__debug__) X(__abstractmethods__) \
    X(__fspath__) X(__sizeof__) X(__reduce__) X(__copy__) X(__deepcopy__) \
    X(__aenter__) X(__aexit__) X(__await__) X(__aiter__) X(__anext__) \
    X(__add__) X(__radd__) X(__iadd__) X(__sub__) X(__rsub__) X(__isub__) \
    X(__mul__) X(__rmul__) X(__imul__) X(__truediv__) X(__rtruediv__) X(__itruediv__) \
    X(__floordiv__) X(__rfloordiv__) X(__ifloordiv__) X(__mod__) X(__rmod__) X(__imod__) \
    X(__divmod__) X(__rdivmod__) X(__pow__) X(__rpow__) X(__ipow__) \
    X(__lshift__) X(__rlshift__) X(__ilshift__) X(__rshift__) X(__rrshift__) X(__irshift__) \
    X(__and__) X(__rand__) X(__iand__) X(__or__) X(__ror__) X(__ior__) \
    X(__xor__) X(__rxor__) X(__ixor__) X(__matmul__) X(__rmatmul__) X(__imatmul__) \
    X(append) X(extend) X(keys) X(items) X(values) X(get) X(send) X(throw) X(close) \
    X(join) X(format) X(mro) X(args) X(value) X(name) X(write) X(flush) X(read) \
    X(readline) X(encoding) X(errors) X(stdout) X(stderr) X(stdin) X(sort) X(copy) \
    X(update) X(fileno) X(builtins) X(sys) X(path) X(modules) X(argv) X(strict) \
    X(utf_8) X(end) X(sep) X(file) X(key) X(reverse) X(default) X(start) X(step) \
    X(stop) X(self) X(cls) X(msg) X(code) X(errno) X(strerror) X(filename) \
    X(lineno) X(offset) X(text) X(print_file_and_line) X(obj) X(level) X(fromlist) \
    X(globals) X(locals) X(metaclass) X(_is_coroutine) X(__orig_bases__) \
    X(__mro_entries__) X(__class_getitem__) X(__match_args__) X(__dataclass_fields__)

struct tn_ids {
#define TN_ID_FIELD(name) TnObject *s_##name;
    TN_IDENTIFIERS(TN_ID_FIELD)
#undef TN_ID_FIELD
};
extern struct tn_ids tn_id;
#define TN_ID(name) (tn_id.s_##name)
int tn_ids_init(void);      /* at startup, after str is ready */
#endif
