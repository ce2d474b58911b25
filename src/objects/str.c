/* str: construction, UTF-8 validation, hashing, comparison, interning,
 * indexing and slicing, repr, iteration, operators and the type object.
 * The methods live in str_methods.c, formatting in str_format.c and
 * str_mod.c, codecs in str_codec.c.
 *
 * Global state and how it is protected:
 *  - the empty string and chr(0..255) singletons: created by tn_str_init (or
 *    lazily before it, while the process is still single-threaded), then
 *    immutable and immortal;
 *  - the interning table: a pthread mutex (interning is rare after startup:
 *    identifiers are interned at compile time);
 *  - tn_id: filled once by tn_ids_init at startup, read-only afterwards. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "str_internal.h"

struct tn_ids tn_id;
static TnObject *empty_str;
static TnObject *latin1_cache[256];

/* ---- allocation --------------------------------------------------------- */

/* A str of `size` bytes in a block of `bytes` >= sizeof(TnStr) + size + 1
 * (room to grow in place: tn_str_append_inplace). */
static TnStr *str_alloc(tn_ssize_t size, tn_ssize_t length, size_t bytes)
{
    /* Not zeroed: every caller fills data[0..size) (the contract above). */
    TnStr *s = (TnStr *)tn_object_alloc_nozero(&tn_str_type, bytes);
    if (!s)
        return NULL;
    s->length = length;
    s->size = size;
    tn_store_relaxed(&s->hash, -1);
    s->ascii = size == length;
    s->interned = 0;
    tn_store_relaxed(&s->cpindex, NULL);
    s->data[size] = '\0';
    return s;
}

TnObject *tn_str_new_raw(tn_ssize_t size, tn_ssize_t length)
{
    if (size < 0 || size > (tn_ssize_t)(SIZE_MAX / 2))
        return tn_err_nomemory();
    return (TnObject *)str_alloc(size, length, sizeof(TnStr) + (size_t)size + 1);
}

static TnObject *make_immortal_str(const char *data, tn_ssize_t size, tn_ssize_t length)
{
    TnObject *s = tn_str_new_raw(size, length);
    if (!s)
        return NULL;
    memcpy(TN_STR_DATA(s), data, (size_t)size);
    tn_set_immortal(s);
    return s;
}

TnObject *tn_str_empty(void)
{
    if (TN_UNLIKELY(!empty_str))
        empty_str = make_immortal_str("", 0, 0);
    return empty_str;
}

static TnObject *latin1_char(uint32_t cp)
{
    TnObject *s = latin1_cache[cp];
    if (TN_UNLIKELY(!s)) {
        char buf[2];
        int n = tn_utf8_encode(cp, buf);
        s = make_immortal_str(buf, n, 1);
        if (!s)
            return NULL;
        latin1_cache[cp] = s;
    }
    return s;
}

/* ---- UTF-8 -------------------------------------------------------------- */

uint32_t tn_utf8_decode(const char *p, int *len)
{
    const unsigned char *u = (const unsigned char *)p;
    if (u[0] < 0x80) { *len = 1; return u[0]; }
    if (u[0] < 0xE0) { *len = 2; return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F); }
    if (u[0] < 0xF0) {
        *len = 3;
        return ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
           ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

int tn_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

tn_ssize_t tn_utf8_count(const char *p, tn_ssize_t n)
{
    tn_ssize_t count = 0;
    for (tn_ssize_t i = 0; i < n; i++)
        count += ((unsigned char)p[i] & 0xC0) != 0x80;
    return count;
}

int tn_utf8_scan(const char *s, tn_ssize_t n, tn_ssize_t *ncp, tn_ssize_t *err_start,
                 tn_ssize_t *err_end, const char **reason)
{
    const unsigned char *u = (const unsigned char *)s;
    tn_ssize_t i = 0, count = 0;
    while (i < n) {
        unsigned c = u[i];
        if (c < 0x80) {
            i++;
            count++;
            continue;
        }
        int need;
        unsigned lo = 0x80, hi = 0xBF;   /* valid range of the second byte */
        if (c >= 0xC2 && c <= 0xDF)
            need = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0) lo = 0xA0;     /* overlong */
            if (c == 0xED) hi = 0x9F;     /* surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;     /* > U+10FFFF */
        } else {
            *err_start = i;
            *err_end = i + 1;
            *reason = "invalid start byte";
            return -1;
        }
        int k;
        for (k = 1; k <= need; k++) {
            if (i + k >= n) {
                *err_start = i;
                *err_end = n;
                *reason = "unexpected end of data";
                return -1;
            }
            unsigned b = u[i + k];
            unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
            if (b < l || b > h) {
                *err_start = i;
                *err_end = i + k;
                *reason = "invalid continuation byte";
                return -1;
            }
        }
        i += need + 1;
        count++;
    }
    *ncp = count;
    return 0;
}

/* ---- constructors ------------------------------------------------------- */

TnObject *tn_str_from_utf8_trusted(const char *s, tn_ssize_t size)
{
    if (size == 0)
        return tn_newref(tn_str_empty());
    tn_ssize_t length = tn_utf8_count(s, size);
    if (length == 1) {
        int n;
        uint32_t cp = tn_utf8_decode(s, &n);
        if (cp < 256)
            return tn_newref(latin1_char(cp));
    }
    TnObject *o = tn_str_new_raw(size, length);
    if (o)
        memcpy(TN_STR_DATA(o), s, (size_t)size);
    return o;
}

TnObject *tn_str_from_ascii(const char *s, tn_ssize_t size)
{
    if (size <= 1)
        return size == 0 ? tn_newref(tn_str_empty()) : tn_newref(latin1_char((unsigned char)s[0]));
    TnObject *o = tn_str_new_raw(size, size);
    if (o)
        memcpy(TN_STR_DATA(o), s, (size_t)size);
    return o;
}

TnObject *tn_str_from_utf8(const char *s, tn_ssize_t size)
{
    tn_ssize_t ncp, es, ee;
    const char *reason;
    if (tn_utf8_scan(s, size, &ncp, &es, &ee, &reason) < 0) {
        tn_err_unicode_decode("utf-8", s, size, es, ee, reason);
        return NULL;
    }
    return tn_str_from_utf8_trusted(s, size);
}

TnObject *tn_str_from_cstr(const char *s)
{
    return tn_str_from_utf8(s, (tn_ssize_t)strlen(s));
}

TnObject *tn_str_from_codepoint(uint32_t cp)
{
    if (cp < 256)
        return tn_newref(latin1_char(cp));
    char buf[4];
    int n = tn_utf8_encode(cp, buf);
    TnObject *o = tn_str_new_raw(n, 1);
    if (o)
        memcpy(TN_STR_DATA(o), buf, (size_t)n);
    return o;
}

TnObject *tn_str_chr(int64_t cp)
{
    if (cp < 0 || cp > 0x10FFFF)
        return tn_err_format(&tn_exc_ValueError, "chr() arg not in range(0x110000)");
    if (cp >= 0xD800 && cp <= 0xDFFF) {
        /* CPython returns a lone surrogate; tandem's str is strict UTF-8 and
         * cannot hold one, so this is an unsupported feature rather than a
         * ValueError a program might catch and skip. tn_err_format has no
         * field widths, hence the snprintf. */
        char hex[8];
        snprintf(hex, sizeof hex, "%04X", (unsigned)cp);
        return tn_err_format(&tn_exc_NotImplementedError,
                             "chr() of a surrogate code point (U+%s) is not supported: "
                             "tandem's str cannot hold lone surrogates", hex);
    }
    return tn_str_from_codepoint((uint32_t)cp);
}

const char *tn_str_as_cstr(TnObject *s)
{
    return TN_STR_DATA(s);
}

/* ---- builder ------------------------------------------------------------ */

void tn_sb_init(TnStrBuilder *b)
{
    b->buf = NULL;
    b->len = b->cap = 0;
    b->ncp = 0;
    b->ascii = 1;
}

static int sb_reserve(TnStrBuilder *b, tn_ssize_t extra)
{
    if (b->len + extra <= b->cap)
        return 0;
    tn_ssize_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra)
        cap *= 2;
    char *nb = tn_mem_realloc(b->buf, (size_t)cap);
    if (!nb)
        return -1;
    b->buf = nb;
    b->cap = cap;
    return 0;
}

int tn_sb_append(TnStrBuilder *b, const char *s, tn_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (sb_reserve(b, n) < 0)
        return -1;
    memcpy(b->buf + b->len, s, (size_t)n);
    b->len += n;
    tn_ssize_t cps = tn_utf8_count(s, n);
    if (cps != n)
        b->ascii = 0;
    b->ncp += cps;
    return 0;
}

int tn_sb_append_cstr(TnStrBuilder *b, const char *s)
{
    return tn_sb_append(b, s, (tn_ssize_t)strlen(s));
}

int tn_sb_append_str(TnStrBuilder *b, TnObject *str)
{
    tn_ssize_t n = TN_STR_SIZE(str);
    if (n == 0)
        return 0;
    if (sb_reserve(b, n) < 0)
        return -1;
    memcpy(b->buf + b->len, TN_STR_DATA(str), (size_t)n);
    b->len += n;
    b->ncp += TN_STR_LEN(str);
    if (!((TnStr *)str)->ascii)
        b->ascii = 0;
    return 0;
}

int tn_sb_append_char(TnStrBuilder *b, uint32_t cp)
{
    if (sb_reserve(b, 4) < 0)
        return -1;
    b->len += tn_utf8_encode(cp, b->buf + b->len);
    b->ncp++;
    if (cp >= 0x80)
        b->ascii = 0;
    return 0;
}

TnObject *tn_sb_finish(TnStrBuilder *b)
{
    TnObject *o;
    if (b->ncp <= 1)
        o = tn_str_from_utf8_trusted(b->buf, b->len);
    else {
        o = tn_str_new_raw(b->len, b->ncp);
        if (o)
            memcpy(TN_STR_DATA(o), b->buf, (size_t)b->len);
    }
    tn_sb_discard(b);
    return o;
}

void tn_sb_discard(TnStrBuilder *b)
{
    tn_mem_free(b->buf);
    tn_sb_init(b);
}

/* ---- hashing and comparison -------------------------------------------- */

static uint64_t fmix64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

/* A word-at-a-time multiplicative hash finished with murmur3's mixer: fast
 * on long strings, well distributed on short identifiers. Not randomised
 * (the brief does not require CPython's hash values). */
static tn_hash_t hash_bytes(const char *p, tn_ssize_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)n * 0xC2B2AE3D27D4EB4FULL);
    tn_ssize_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ fmix64(w)) * 0x9FB21C651E98DF25ULL;
        h = (h << 29) | (h >> 35);
    }
    uint64_t tail = 0;
    for (tn_ssize_t j = 0; i + j < n; j++)
        tail |= (uint64_t)(unsigned char)p[i + j] << (8 * j);
    h = fmix64(h ^ tail ^ ((uint64_t)(n - i) << 56));
    tn_hash_t r = (tn_hash_t)h;
    return r == -1 ? -2 : r;
}

tn_hash_t tn_str_hash(TnObject *o)
{
    TnStr *s = (TnStr *)o;
    tn_hash_t h = tn_load_relaxed(&s->hash);
    if (h != -1)
        return h;
    h = hash_bytes(s->data, s->size);
    tn_store_relaxed(&s->hash, h);   /* benign race: every thread computes the same value */
    return h;
}

tn_hash_t tn_bytes_hash_data(const char *p, tn_ssize_t n);
tn_hash_t tn_bytes_hash_data(const char *p, tn_ssize_t n)
{
    return hash_bytes(p, n);
}

int tn_str_eq(TnObject *a, TnObject *b)
{
    if (a == b)
        return 1;
    if (TN_STR_SIZE(a) != TN_STR_SIZE(b))
        return 0;
    TnStr *sa = (TnStr *)a, *sb = (TnStr *)b;
    tn_hash_t ha = tn_load_relaxed(&sa->hash), hb = tn_load_relaxed(&sb->hash);
    if (ha != -1 && hb != -1 && ha != hb)
        return 0;
    /* Two distinct interned strings never have the same content. */
    if (sa->interned && sb->interned)
        return 0;
    return memcmp(sa->data, sb->data, (size_t)sa->size) == 0;
}

int tn_str_eq_cstr(TnObject *a, const char *s)
{
    size_t n = strlen(s);
    return (size_t)TN_STR_SIZE(a) == n && memcmp(TN_STR_DATA(a), s, n) == 0;
}

/* UTF-8 byte order is code-point order, so memcmp is the right comparison. */
int tn_str_compare(TnObject *a, TnObject *b)
{
    tn_ssize_t na = TN_STR_SIZE(a), nb = TN_STR_SIZE(b);
    int c = memcmp(TN_STR_DATA(a), TN_STR_DATA(b), (size_t)(na < nb ? na : nb));
    if (c)
        return c;
    return na < nb ? -1 : na > nb;
}

TnObject *tn_str_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_str_check(a) || !tn_str_check(b))
        return tn_newref(tn_NotImplemented);
    int r;
    if (op == TN_EQ || op == TN_NE) {
        r = tn_str_eq(a, b);
        if (op == TN_NE)
            r = !r;
    } else {
        int c = tn_str_compare(a, b);
        switch (op) {
        case TN_LT: r = c < 0; break;
        case TN_LE: r = c <= 0; break;
        case TN_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    return tn_bool_from(r);
}

/* ---- interning ---------------------------------------------------------- */

static pthread_mutex_t intern_mutex = PTHREAD_MUTEX_INITIALIZER;
static TnObject **intern_table;     /* open addressing; protected by intern_mutex */
static size_t intern_cap, intern_used;

static TnObject **intern_slot(TnObject **table, size_t cap, const char *data, tn_ssize_t size,
                              tn_hash_t h)
{
    size_t mask = cap - 1, i = (size_t)h & mask;
    for (;;) {
        TnObject *e = table[i];
        if (!e || (TN_STR_SIZE(e) == size && memcmp(TN_STR_DATA(e), data, (size_t)size) == 0))
            return &table[i];
        i = (i + 1) & mask;
    }
}

static int intern_grow(void)
{
    size_t ncap = intern_cap ? intern_cap * 2 : 1024;
    TnObject **nt = tn_mem_calloc(ncap, sizeof(TnObject *));
    if (!nt)
        return -1;
    for (size_t i = 0; i < intern_cap; i++) {
        TnObject *e = intern_table[i];
        if (e)
            *intern_slot(nt, ncap, TN_STR_DATA(e), TN_STR_SIZE(e), tn_str_hash(e)) = e;
    }
    tn_mem_free(intern_table);
    intern_table = nt;
    intern_cap = ncap;
    return 0;
}

/* Returns a borrowed immortal string with this content; `candidate` (exact
 * str, may be NULL) is used as the stored object when the content is new. */
static TnObject *intern_lookup(const char *data, tn_ssize_t size, TnObject *candidate)
{
    tn_hash_t h = hash_bytes(data, size);
    TnObject *result = NULL;
    pthread_mutex_lock(&intern_mutex);
    if (intern_used * 2 >= intern_cap && intern_grow() < 0)
        goto done;
    TnObject **slot = intern_slot(intern_table, intern_cap, data, size, h);
    if (*slot) {
        result = *slot;
        goto done;
    }
    if (!candidate) {
        candidate = tn_str_from_utf8_trusted(data, size);
        if (!candidate)
            goto done;
    } else {
        tn_incref(candidate);
    }
    /* A str whose content is a singleton already is that singleton. */
    ((TnStr *)candidate)->interned = 1;
    tn_str_hash(candidate);
    tn_set_immortal(candidate);
    *slot = candidate;
    intern_used++;
    result = candidate;
done:
    pthread_mutex_unlock(&intern_mutex);
    return result;
}

TnObject *tn_str_intern(TnObject *s)
{
    if (((TnStr *)s)->interned && tn_str_check_exact(s))
        return s;
    TnObject *r = intern_lookup(TN_STR_DATA(s), TN_STR_SIZE(s),
                                tn_str_check_exact(s) ? s : NULL);
    tn_decref(s);
    return r;   /* immortal: the "new reference" needs no count */
}

TnObject *tn_str_intern_cstr(const char *s)
{
    tn_ssize_t n = (tn_ssize_t)strlen(s);
    tn_ssize_t ncp, es, ee;
    const char *reason;
    if (tn_utf8_scan(s, n, &ncp, &es, &ee, &reason) < 0) {
        tn_err_unicode_decode("utf-8", s, n, es, ee, reason);
        return NULL;
    }
    return intern_lookup(s, n, NULL);
}

int tn_ids_init(void)
{
#define TN_ID_INIT(name) \
    if (!(tn_id.s_##name = tn_str_intern_cstr(#name))) return -1;
    TN_IDENTIFIERS(TN_ID_INIT)
#undef TN_ID_INIT
    return 0;
}

/* ---- code-point indexing ------------------------------------------------ */

#define CPINDEX_STEP 64

tn_ssize_t tn_str_offset(TnObject *o, tn_ssize_t i)
{
    TnStr *s = (TnStr *)o;
    if (s->ascii || i <= 0)
        return i;
    if (i >= s->length)
        return s->size;
    const char *p = s->data;
    tn_ssize_t off = 0, cp = 0;
    if (s->length > CPINDEX_STEP) {
        tn_ssize_t *idx = tn_load_acquire(&s->cpindex);
        if (!idx) {
            tn_ssize_t n = s->length / CPINDEX_STEP + 1, k = 0, c = 0;
            idx = tn_mem_alloc((size_t)n * sizeof(tn_ssize_t));
            if (idx) {
                for (tn_ssize_t b = 0; b < s->size; b++) {
                    if (((unsigned char)p[b] & 0xC0) != 0x80) {
                        if (c % CPINDEX_STEP == 0)
                            idx[k++] = b;
                        c++;
                    }
                }
                void *expected = NULL;
                if (!tn_cas(&s->cpindex, &expected, (void *)idx)) {
                    tn_mem_free(idx);
                    idx = expected;
                }
            } else {
                tn_err_clear();   /* fall back to a scan */
            }
        }
        if (idx) {
            cp = i / CPINDEX_STEP * CPINDEX_STEP;
            off = idx[i / CPINDEX_STEP];
        }
    }
    while (cp < i) {
        off++;
        while (((unsigned char)p[off] & 0xC0) == 0x80)
            off++;
        cp++;
    }
    return off;
}

uint32_t tn_str_char_at(TnObject *s, tn_ssize_t i)
{
    if (((TnStr *)s)->ascii)
        return (unsigned char)TN_STR_DATA(s)[i];
    int n;
    return tn_utf8_decode(TN_STR_DATA(s) + tn_str_offset(s, i), &n);
}

TnObject *tn_str_substr(TnObject *s, tn_ssize_t start, tn_ssize_t stop)
{
    tn_ssize_t len = TN_STR_LEN(s);
    if (start < 0) start = 0;
    if (stop > len) stop = len;
    if (start >= stop)
        return tn_newref(tn_str_empty());
    if (start == 0 && stop == len && tn_str_check_exact(s))
        return tn_newref(s);
    tn_ssize_t b0 = tn_str_offset(s, start), b1 = tn_str_offset(s, stop);
    if (stop - start == 1) {
        int n;
        uint32_t cp = tn_utf8_decode(TN_STR_DATA(s) + b0, &n);
        if (cp < 256)
            return tn_newref(latin1_char(cp));
    }
    TnObject *r = tn_str_new_raw(b1 - b0, stop - start);
    if (r)
        memcpy(TN_STR_DATA(r), TN_STR_DATA(s) + b0, (size_t)(b1 - b0));
    return r;
}

static TnObject *str_item(TnObject *s, tn_ssize_t i)
{
    tn_ssize_t len = TN_STR_LEN(s);
    if (i < 0)
        i += len;
    if (i < 0 || i >= len)
        return tn_err_format(&tn_exc_IndexError, "string index out of range");
    return tn_str_from_codepoint(tn_str_char_at(s, i));
}

static TnObject *str_subscript(TnObject *s, TnObject *key)
{
    if (tn_int_check(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return str_item(s, i);
    }
    if (tn_slice_check(key)) {
        tn_ssize_t start, stop, step;
        if (tn_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        tn_ssize_t n = tn_slice_adjust_indices(TN_STR_LEN(s), &start, &stop, step);
        if (step == 1)
            return tn_str_substr(s, start, start + n);
        if (n <= 0)
            return tn_newref(tn_str_empty());
        TnStrBuilder b;
        tn_sb_init(&b);
        for (tn_ssize_t k = 0, i = start; k < n; k++, i += step)
            if (tn_sb_append_char(&b, tn_str_char_at(s, i)) < 0) {
                tn_sb_discard(&b);
                return NULL;
            }
        return tn_sb_finish(&b);
    }
    if (TN_TYPE(key)->nb_index) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return str_item(s, i);
    }
    return tn_err_format(&tn_exc_TypeError, "string indices must be integers, not '%.200s'",
                         TN_TYPE(key)->tp_name);
}

static tn_ssize_t str_length(TnObject *s)
{
    return TN_STR_LEN(s);
}

/* ---- concat, repeat, join, contains ------------------------------------ */

TnObject *tn_str_concat(TnObject *a, TnObject *b)
{
    if (TN_STR_SIZE(a) == 0 && tn_str_check_exact(b))
        return tn_newref(b);
    if (TN_STR_SIZE(b) == 0 && tn_str_check_exact(a))
        return tn_newref(a);
    tn_ssize_t na = TN_STR_SIZE(a), nb = TN_STR_SIZE(b);
    TnObject *r = tn_str_new_raw(na + nb, TN_STR_LEN(a) + TN_STR_LEN(b));
    if (!r)
        return NULL;
    memcpy(TN_STR_DATA(r), TN_STR_DATA(a), (size_t)na);
    memcpy(TN_STR_DATA(r) + na, TN_STR_DATA(b), (size_t)nb);
    return r;
}

/* In-place concatenation (CPython's unicode_concatenate): `s += t` in a loop
 * would copy the whole string every time; when the string has no other
 * holder it can grow where it is instead. */
int tn_str_is_resizable(TnObject *o, tn_ssize_t refs)
{
    TnStr *s = (TnStr *)o;
    if (!tn_str_check_exact(o) || s->interned || tn_is_immortal(o))
        return 0;
#ifdef TANDEM_FT
    /* Exact only for the owner: another thread's references are in
     * ob_ref_shared (any state bit set means a merge is pending too). */
    return tn_load_relaxed(&o->ob_tid) == tn_tls_tid
        && tn_load_relaxed(&o->ob_ref_shared) == 0
        && tn_load_relaxed(&o->ob_ref_local) == (uint32_t)refs;
#else
    return o->ob_refcnt == refs;
#endif
}

TnObject *tn_str_append_inplace(TnObject *a, TnObject *b)
{
    tn_ssize_t na = TN_STR_SIZE(a), nb = TN_STR_SIZE(b);
    if (nb == 0)
        return a;
    if (na > (tn_ssize_t)(SIZE_MAX / 4) - nb) {
        tn_decref(a);
        return tn_err_nomemory();
    }
    /* Geometric growth keeps a loop of appends linear. */
    size_t need = sizeof(TnStr) + (size_t)(na + nb) + 1;
    TnStr *s = (TnStr *)a;
    if (need > tn_object_usable_size(a)) {
#ifdef TANDEM_FT
        /* realloc would free the old block at once, but a thread that loaded
         * the pointer from a container before it let go of the string may
         * still tn_try_incref it (object.h): the old string dies the normal
         * way (QSBR-deferred) and a copy with room to spare takes over. */
        s = str_alloc(na, TN_STR_LEN(a), need + need / 2);
        if (!s) {
            tn_decref(a);
            return NULL;
        }
        memcpy(s->data, TN_STR_DATA(a), (size_t)na);
        s->ascii = ((TnStr *)a)->ascii;
        tn_decref(a);
#else
        s = (TnStr *)tn_object_grow(a, need);
        if (!s) {
            tn_decref(a);
            return NULL;
        }
#endif
    }
    memcpy(s->data + na, TN_STR_DATA(b), (size_t)nb);
    s->data[na + nb] = '\0';
    s->size = na + nb;
    s->length += TN_STR_LEN(b);
    s->ascii = s->ascii && ((TnStr *)b)->ascii;
    tn_store_relaxed(&s->hash, -1);
    void *idx = tn_load_relaxed(&s->cpindex);
    if (idx) {
        /* The code-point index is sized for the old length: rebuild lazily.
         * Nobody else holds the string, so nobody is reading the index. */
        tn_store_relaxed(&s->cpindex, NULL);
        tn_mem_free(idx);
    }
    return (TnObject *)s;
}

TnObject *tn_str_repeat(TnObject *s, tn_ssize_t n)
{
    tn_ssize_t size = TN_STR_SIZE(s);
    if (n <= 0 || size == 0)
        return tn_newref(tn_str_empty());
    if (n == 1 && tn_str_check_exact(s))
        return tn_newref(s);
    if (size > (tn_ssize_t)(INTPTR_MAX / 4) / n)
        return tn_err_nomemory();
    TnObject *r = tn_str_new_raw(size * n, TN_STR_LEN(s) * n);
    if (!r)
        return NULL;
    char *d = TN_STR_DATA(r);
    memcpy(d, TN_STR_DATA(s), (size_t)size);
    tn_ssize_t done = size, total = size * n;
    while (done < total) {           /* doubling copies */
        tn_ssize_t chunk = done < total - done ? done : total - done;
        memcpy(d + done, d, (size_t)chunk);
        done += chunk;
    }
    return r;
}

/* sep.join over n borrowed items. Runs no Python code and decrefs nothing
 * the caller gave it, so a caller may hold the items' list lock. */
static TnObject *join_items(TnObject *sep, TnObject *const *items, tn_ssize_t n)
{
    tn_ssize_t size = 0, length = 0;
    TnObject *r = NULL;
    for (tn_ssize_t i = 0; i < n; i++) {
        if (!tn_str_check(items[i])) {
            tn_err_format(&tn_exc_TypeError, "sequence item %zd: expected str instance, %.80s found",
                          i, TN_TYPE(items[i])->tp_name);
            goto done;
        }
        size += TN_STR_SIZE(items[i]);
        length += TN_STR_LEN(items[i]);
    }
    if (n == 1 && tn_str_check_exact(items[0])) {
        r = tn_newref(items[0]);
        goto done;
    }
    if (n > 1) {
        size += TN_STR_SIZE(sep) * (n - 1);
        length += TN_STR_LEN(sep) * (n - 1);
    }
    if (length <= 1) {
        TnStrBuilder b;
        tn_sb_init(&b);
        for (tn_ssize_t i = 0; i < n; i++)
            if ((i && tn_sb_append_str(&b, sep) < 0) || tn_sb_append_str(&b, items[i]) < 0) {
                tn_sb_discard(&b);
                goto done;
            }
        r = tn_sb_finish(&b);
        goto done;
    }
    r = tn_str_new_raw(size, length);
    if (!r)
        goto done;
    char *d = TN_STR_DATA(r);
    for (tn_ssize_t i = 0; i < n; i++) {
        if (i) {
            memcpy(d, TN_STR_DATA(sep), (size_t)TN_STR_SIZE(sep));
            d += TN_STR_SIZE(sep);
        }
        memcpy(d, TN_STR_DATA(items[i]), (size_t)TN_STR_SIZE(items[i]));
        d += TN_STR_SIZE(items[i]);
    }
done:
    return r;
}

TnObject *tn_str_join(TnObject *sep, TnObject *iterable)
{
    /* Tuples and lists are joined in place (the list's lock keeps its items
     * put in the ft build); anything else is first copied into a list. */
    if (tn_tuple_check_exact(iterable))
        return join_items(sep, TN_TUPLE_ITEMS(iterable), TN_TUPLE_SIZE(iterable));
    if (tn_list_check_exact(iterable)) {
        tn_lock(iterable);
        TnObject *r = join_items(sep, TN_LIST_ITEMS(iterable), tn_list_size(iterable));
        tn_unlock(iterable);
        return r;
    }
    /* CPython's message when the argument is not iterable at all. */
    TnObject *it = tn_object_iter(iterable);
    if (!it) {
        if (tn_err_matches(&tn_exc_TypeError)) {
            tn_err_clear();
            tn_err_setstr(&tn_exc_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    TnObject *seq = tn_sequence_list(it);
    tn_decref(it);
    if (!seq)
        return NULL;
    TnObject *r = join_items(sep, TN_LIST_ITEMS(seq), tn_list_size(seq));
    tn_decref(seq);
    return r;
}

int tn_str_contains(TnObject *s, TnObject *sub)
{
    tn_ssize_t n = TN_STR_SIZE(sub);
    if (n == 0)
        return 1;
    if (n > TN_STR_SIZE(s))
        return 0;
    return memmem(TN_STR_DATA(s), (size_t)TN_STR_SIZE(s), TN_STR_DATA(sub), (size_t)n) != NULL;
}

static int str_sq_contains(TnObject *s, TnObject *sub)
{
    if (!tn_str_check(sub)) {
        tn_err_format(&tn_exc_TypeError, "'in <string>' requires string as left operand, not %.100s",
                      TN_TYPE(sub)->tp_name);
        return -1;
    }
    return tn_str_contains(s, sub);
}

/* ---- operators ---------------------------------------------------------- */

/* Defer to a user class that may implement the reflected operator; otherwise
 * raise CPython's sequence-specific message (str has no number slots there,
 * so the message comes from sq_concat / sq_repeat). */
static int defer_to_heap(TnObject *o, tn_binaryfunc slot)
{
    return (TN_TYPE(o)->tp_flags & TN_TPFLAG_HEAPTYPE) && slot;
}

static TnObject *str_nb_add(TnObject *a, TnObject *b)
{
    if (!tn_str_check(a))
        return tn_newref(tn_NotImplemented);
    if (!tn_str_check(b)) {
        if (defer_to_heap(b, TN_TYPE(b)->nb_add))
            return tn_newref(tn_NotImplemented);
        return tn_err_format(&tn_exc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                             TN_TYPE(b)->tp_name);
    }
    return tn_str_concat(a, b);
}

static TnObject *seq_repeat_count(TnObject *seq, TnObject *n, TnObject *(*rep)(TnObject *, tn_ssize_t))
{
    if (!TN_TYPE(n)->nb_index) {
        if (defer_to_heap(n, TN_TYPE(n)->nb_multiply))
            return tn_newref(tn_NotImplemented);
        return tn_err_format(&tn_exc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                             TN_TYPE(n)->tp_name);
    }
    tn_ssize_t k = tn_number_as_ssize(n, &tn_exc_OverflowError);
    if (k == -1 && tn_err_occurred())
        return NULL;
    return rep(seq, k);
}

static TnObject *str_nb_multiply(TnObject *a, TnObject *b)
{
    if (tn_str_check(a))
        return seq_repeat_count(a, b, tn_str_repeat);
    if (tn_str_check(b))
        return seq_repeat_count(b, a, tn_str_repeat);
    return tn_newref(tn_NotImplemented);
}

static TnObject *str_nb_remainder(TnObject *a, TnObject *b)
{
    if (!tn_str_check(a))
        return tn_newref(tn_NotImplemented);
    return tn_str_mod(a, b);
}

TnObject *tn_str_mod(TnObject *fmt, TnObject *args)
{
    return tn_str_percent_format(fmt, args, 0);
}

/* ---- repr --------------------------------------------------------------- */

int tn_str_escape_cp(uint32_t cp, char *out)
{
    static const char hex[] = "0123456789abcdef";
    int n = 0;
    out[n++] = '\\';
    if (cp < 0x100) {
        out[n++] = 'x';
        out[n++] = hex[cp >> 4];
        out[n++] = hex[cp & 15];
    } else if (cp < 0x10000) {
        out[n++] = 'u';
        for (int sh = 12; sh >= 0; sh -= 4)
            out[n++] = hex[(cp >> sh) & 15];
    } else {
        out[n++] = 'U';
        for (int sh = 28; sh >= 0; sh -= 4)
            out[n++] = hex[(cp >> sh) & 15];
    }
    return n;
}

static TnObject *repr_impl(TnObject *s, int ascii_only)
{
    const char *p = TN_STR_DATA(s), *end = p + TN_STR_SIZE(s);
    int has_sq = memchr(p, '\'', (size_t)TN_STR_SIZE(s)) != NULL;
    int has_dq = memchr(p, '"', (size_t)TN_STR_SIZE(s)) != NULL;
    char quote = (has_sq && !has_dq) ? '"' : '\'';
    TnStrBuilder b;
    tn_sb_init(&b);
    if (sb_reserve(&b, TN_STR_SIZE(s) + 2) < 0)
        return NULL;
    b.buf[b.len++] = quote;
    b.ncp++;
    while (p < end) {
        int n;
        uint32_t cp = tn_utf8_decode(p, &n);
        char esc[12];
        int en = 0;
        if (cp == (uint32_t)quote || cp == '\\') {
            esc[0] = '\\'; esc[1] = (char)cp; en = 2;
        } else if (cp == '\t') {
            esc[0] = '\\'; esc[1] = 't'; en = 2;
        } else if (cp == '\n') {
            esc[0] = '\\'; esc[1] = 'n'; en = 2;
        } else if (cp == '\r') {
            esc[0] = '\\'; esc[1] = 'r'; en = 2;
        } else if (cp < 0x20 || cp == 0x7f) {
            en = tn_str_escape_cp(cp, esc);
        } else if (cp >= 0x80 && (ascii_only || !tn_unicode_isprintable(cp))) {
            en = tn_str_escape_cp(cp, esc);
        }
        int rc = en ? tn_sb_append(&b, esc, en) : tn_sb_append(&b, p, n);
        if (rc < 0) {
            tn_sb_discard(&b);
            return NULL;
        }
        p += n;
    }
    if (tn_sb_append(&b, &quote, 1) < 0) {
        tn_sb_discard(&b);
        return NULL;
    }
    return tn_sb_finish(&b);
}

TnObject *tn_str_repr(TnObject *s)
{
    return repr_impl(s, 0);
}

TnObject *tn_str_ascii_escape(TnObject *s)
{
    if (((TnStr *)s)->ascii)
        return tn_newref(s);
    TnStrBuilder b;
    tn_sb_init(&b);
    const char *p = TN_STR_DATA(s), *end = p + TN_STR_SIZE(s);
    while (p < end) {
        int n;
        uint32_t cp = tn_utf8_decode(p, &n);
        char esc[12];
        int rc = cp < 0x80 ? tn_sb_append(&b, p, n) : tn_sb_append(&b, esc, tn_str_escape_cp(cp, esc));
        if (rc < 0) {
            tn_sb_discard(&b);
            return NULL;
        }
        p += n;
    }
    return tn_sb_finish(&b);
}

static TnObject *str_str(TnObject *s)
{
    if (tn_str_check_exact(s))
        return tn_newref(s);
    return tn_str_from_utf8_trusted(TN_STR_DATA(s), TN_STR_SIZE(s));
}

/* ---- iteration ---------------------------------------------------------- */

typedef struct {
    TnObject ob;
    TnObject *str;          /* NULL once exhausted */
    tn_ssize_t off;         /* byte offset of the next code point */
} TnStrIter;

static void striter_dealloc(TnObject *o)
{
    TN_XDECREF(((TnStrIter *)o)->str);
    tn_object_free(o);
}

static TnObject *striter_next(TnObject *o)
{
    TnStrIter *it = (TnStrIter *)o;
    TnObject *s = it->str;
    if (!s)
        return NULL;
    if (it->off >= TN_STR_SIZE(s)) {
        it->str = NULL;
        tn_decref(s);
        return NULL;
    }
    int n;
    uint32_t cp = tn_utf8_decode(TN_STR_DATA(s) + it->off, &n);
    it->off += n;
    return tn_str_from_codepoint(cp);
}

static TnObject *iter_self(TnObject *o)
{
    return tn_newref(o);
}

static TnObject *striter_length_hint(TnObject *o, TnObject *unused)
{
    TnStrIter *it = (TnStrIter *)o;
    tn_ssize_t n = 0;
    if (it->str)
        n = tn_utf8_count(TN_STR_DATA(it->str) + it->off, TN_STR_SIZE(it->str) - it->off);
    return tn_int_from_i64(n);
}

static const TnMethodDef striter_methods[] = {
    {"__length_hint__", (void *)striter_length_hint, TN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

TnType tn_str_iter_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(TnStrIter),
    .tp_dealloc = striter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

static TnObject *str_iter(TnObject *s)
{
    TnStrIter *it = (TnStrIter *)tn_object_alloc(&tn_str_iter_type, sizeof(TnStrIter));
    if (!it)
        return NULL;
    it->str = tn_newref(s);
    it->off = 0;
    return (TnObject *)it;
}

/* ---- type object -------------------------------------------------------- */

static void str_dealloc(TnObject *o)
{
    TnStr *s = (TnStr *)o;
    void *idx = tn_load_relaxed(&s->cpindex);
    if (idx)
        tn_mem_free(idx);
    tn_object_free(o);
}

/* str(object='') / str(object=b'', encoding='utf-8', errors='strict') */
static TnObject *str_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = {"object", "encoding", "errors", NULL};
    TnObject *vals[3] = {NULL, NULL, NULL};
    TnObject *r = NULL;
    if (tn_parse_args("str", args, nargs, kwnames, kwlist, 3, 0, vals) < 0)
        return NULL;
    if (!vals[1] && !vals[2]) {
        r = vals[0] ? tn_object_str(vals[0]) : tn_newref(tn_str_empty());
    } else {
        const char *enc = "utf-8", *errs = "strict";
        for (int i = 1; i < 3; i++)
            if (vals[i] && !tn_str_check(vals[i]))
                return tn_err_format(&tn_exc_TypeError,
                                     "str() argument '%s' must be str, not %.200s",
                                     kwlist[i], TN_TYPE(vals[i])->tp_name);
        if (vals[1]) enc = TN_STR_DATA(vals[1]);
        if (vals[2]) errs = TN_STR_DATA(vals[2]);
        if (!vals[0])
            r = tn_newref(tn_str_empty());
        else if (tn_str_check(vals[0]))
            return tn_err_format(&tn_exc_TypeError, "decoding str is not supported");
        else {
            const char *data;
            tn_ssize_t size;
            if (tn_bytes_like_get(vals[0], &data, &size) < 0) {
                tn_err_clear();
                return tn_err_format(&tn_exc_TypeError,
                                     "decoding to str: need a bytes-like object, %.80s found",
                                     TN_TYPE(vals[0])->tp_name);
            }
            r = tn_str_decode(data, size, enc, errs);
        }
    }
    if (!r || type == &tn_str_type)
        return r;
    /* A subclass instance: same layout, the subclass's type. */
    TnStr *sub = (TnStr *)tn_object_alloc(type, type->tp_basicsize + (size_t)TN_STR_SIZE(r) + 1);
    if (sub) {
        sub->length = TN_STR_LEN(r);
        sub->size = TN_STR_SIZE(r);
        tn_store_relaxed(&sub->hash, -1);
        sub->ascii = ((TnStr *)r)->ascii;
        memcpy(sub->data, TN_STR_DATA(r), (size_t)TN_STR_SIZE(r) + 1);
    }
    tn_decref(r);
    return (TnObject *)sub;
}

TnType tn_str_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "str",
    .tp_basicsize = sizeof(TnStr),
    .tp_itemsize = 1,
    .tp_flags = TN_TPFLAG_BASETYPE | TN_TPFLAG_STR_SUBCLASS,
    .tp_dealloc = str_dealloc,
    .tp_repr = tn_str_repr,
    .tp_str = str_str,
    .tp_hash = tn_str_hash,
    .tp_richcompare = tn_str_richcompare,
    .tp_iter = str_iter,
    .tp_new = str_new,
    .nb_add = str_nb_add,
    .nb_multiply = str_nb_multiply,
    .nb_remainder = str_nb_remainder,
    .sq_length = str_length,
    .mp_subscript = str_subscript,
    .sq_contains = str_sq_contains,
    .sq_item = str_item,
    .tp_methods = tn_str_methods,
    .tp_doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str",
};

int tn_str_init(void)
{
    if (!tn_str_empty())
        return -1;
    for (uint32_t c = 0; c < 256; c++)
        if (!latin1_char(c))
            return -1;
    if (tn_type_ready(&tn_str_type) < 0 || tn_type_ready(&tn_str_iter_type) < 0)
        return -1;
    return tn_ids_init();
}
