/* bytes (immutable) and bytearray (mutable) byte strings.
 * Invariants:
 *  - bytes: data[] holds ob_size bytes plus a trailing NUL (so data may be
 *    passed to C string functions when it contains no NUL). Immutable once it
 *    escapes its creator; hash cached (-1 = not yet). The empty bytes object
 *    and the 256 one-byte objects are immortal singletons.
 *  - bytearray: `data` holds ob_size bytes (+ NUL) of an `allocated`-byte
 *    buffer. Every mutation runs under the object's lock (ft build); a
 *    replaced buffer is freed with tn_mem_free_deferred, so lock-free readers
 *    (len, indexing) stay safe.
 *  - Functions taking a "bytes-like" object accept bytes and bytearray.
 * Implemented in src/objects/bytes*.c. */
#ifndef TANDEM_BYTES_H
#define TANDEM_BYTES_H
#include "tandem/type.h"

typedef struct {
    TnObject ob;
    tn_ssize_t ob_size;
    TN_SHARED(tn_hash_t) hash;
    char data[];
} TnBytes;

typedef struct {
    TnObject ob;
    TN_SHARED(tn_ssize_t) ob_size;
    tn_ssize_t allocated;
    TN_SHARED(char *) data;
    tn_ssize_t exports;            /* reserved (memoryview); always 0 */
} TnByteArray;

extern TnType tn_bytes_type, tn_bytearray_type, tn_bytes_iter_type, tn_bytearray_iter_type;
#define tn_bytes_check(o) TN_TYPE_CHECK_FLAG(o, TN_TPFLAG_BYTES_SUBCLASS)
#define tn_bytes_check_exact(o) (TN_TYPE(o) == &tn_bytes_type)
#define tn_bytearray_check(o) tn_is_instance_fast(o, &tn_bytearray_type)
#define TN_BYTES_DATA(o) (((TnBytes *)(o))->data)
#define TN_BYTES_SIZE(o) (((TnBytes *)(o))->ob_size)
/* Only for bytearrays private to the caller, or under its lock. */
#define TN_BYTEARRAY_DATA(o) tn_load_relaxed(&((TnByteArray *)(o))->data)
#define TN_BYTEARRAY_SIZE(o) tn_load_relaxed(&((TnByteArray *)(o))->ob_size)

TnObject *tn_bytes_from_data(const char *data, tn_ssize_t size);
TnObject *tn_bytes_from_cstr(const char *s);
/* A fresh bytes of `size` bytes for the caller to fill before it escapes
 * (never a singleton). */
TnObject *tn_bytes_new_uninit(tn_ssize_t size);
TnObject *tn_bytes_concat(TnObject *a, TnObject *b);          /* bytes-like + bytes-like -> bytes */
TnObject *tn_bytes_repr(TnObject *b);                          /* b'...' */
TnObject *tn_bytes_decode(TnObject *b, const char *encoding, const char *errors);
/* bytes(o): int n, iterable of ints, bytes-like; str needs an encoding. */
TnObject *tn_bytes_from_object(TnObject *o);
TnObject *tn_bytes_mod(TnObject *fmt, TnObject *args);         /* bytes % args */
tn_hash_t tn_bytes_hash(TnObject *b);
/* Borrow the buffer of a bytes-like object: 0 ok, -1 TypeError (not bytes-like).
 * For a bytearray the pointer is valid only until the next mutation. */
int tn_bytes_like_get(TnObject *o, const char **data, tn_ssize_t *size);

TnObject *tn_bytearray_from_data(const char *data, tn_ssize_t size);
int tn_bytearray_append_byte(TnObject *ba, int byte);        /* -1 error */

int tn_bytes_init(void);   /* bytes, bytearray and their iterators; singletons */
#endif
