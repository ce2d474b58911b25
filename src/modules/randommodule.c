/* _random: the Mersenne Twister core under random.py (src/lib/random.py).
 *
 * The generator is MT19937 exactly as CPython's Modules/_randommodule.c
 * (itself Matsumoto and Nishimura's reference code), and seeding follows
 * CPython 3.11: an int seed feeds init_by_array with the 32-bit words of
 * its absolute value; str/bytes/bytearray seeds (random.py's "version 2")
 * append their SHA-512 digest and use the resulting big-endian integer;
 * None reads 624 words from /dev/urandom. So a seeded sequence matches
 * CPython bit for bit.
 *
 * Thread safety: the state of a Random object is only touched under the
 * object's lock (ft build), so a generator shared by threads never
 * corrupts (threads then see interleaved, not repeated, outputs).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "tandem/tandem.h"
#include "tandem/module.h"
#include "tandem/args.h"
#include "tandem/bytes.h"
#include "tandem/builtins.h"

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

void tn_mt_init_genrand(TnMT19937 *s, uint32_t seed)
{
    uint32_t *mt = s->mt;
    mt[0] = seed;
    for (int i = 1; i < MT_N; i++)
        mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    s->index = MT_N;
}

void tn_mt_init_by_array(TnMT19937 *s, const uint32_t *key, size_t keylen)
{
    uint32_t *mt = s->mt;
    size_t i = 1, j = 0, k;
    tn_mt_init_genrand(s, 19650218U);
    for (k = MT_N > keylen ? MT_N : keylen; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++; j++;
        if (i >= MT_N) { mt[0] = mt[MT_N - 1]; i = 1; }
        if (j >= keylen) j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) { mt[0] = mt[MT_N - 1]; i = 1; }
    }
    mt[0] = 0x80000000U;   /* MSB is 1: non-zero initial array */
}

uint32_t tn_mt_genrand_uint32(TnMT19937 *s)
{
    static const uint32_t mag01[2] = { 0x0U, MATRIX_A };
    uint32_t *mt = s->mt, y;
    if (s->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        s->index = 0;
    }
    y = mt[s->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double tn_mt_random(TnMT19937 *s)
{
    uint32_t a = tn_mt_genrand_uint32(s) >> 5, b = tn_mt_genrand_uint32(s) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* ---- SHA-512 (FIPS 180-4), for version-2 seeding of str/bytes ---------- */

static const uint64_t sha512_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL
};

#define ROR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static void sha512_block(uint64_t h[8], const unsigned char *p)
{
    uint64_t w[80], a, b, c, d, e, f, g, hh;
    for (int i = 0; i < 16; i++) {
        w[i] = 0;
        for (int j = 0; j < 8; j++)
            w[i] = (w[i] << 8) | p[i * 8 + j];
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ROR64(w[i - 15], 1) ^ ROR64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ROR64(w[i - 2], 19) ^ ROR64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = h[0]; b = h[1]; c = h[2]; d = h[3]; e = h[4]; f = h[5]; g = h[6]; hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t S1 = ROR64(e, 14) ^ ROR64(e, 18) ^ ROR64(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + S1 + ch + sha512_k[i] + w[i];
        uint64_t S0 = ROR64(a, 28) ^ ROR64(a, 34) ^ ROR64(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = S0 + maj;
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void tn_sha512(const void *data, size_t len, unsigned char out[64])
{
    uint64_t h[8] = {
        0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
        0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL
    };
    const unsigned char *p = data;
    size_t n = len;
    unsigned char block[128];
    while (n >= 128) {
        sha512_block(h, p);
        p += 128;
        n -= 128;
    }
    memset(block, 0, sizeof block);
    memcpy(block, p, n);
    block[n] = 0x80;
    if (n >= 112) {
        sha512_block(h, block);
        memset(block, 0, sizeof block);
    }
    uint64_t bits = (uint64_t)len * 8;   /* high 64 bits of the length: 0 */
    for (int i = 0; i < 8; i++)
        block[127 - i] = (unsigned char)(bits >> (8 * i));
    sha512_block(h, block);
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++)
            out[i * 8 + j] = (unsigned char)(h[i] >> (56 - 8 * j));
}

/* ---- the Random type ----------------------------------------------------- */

typedef struct {
    TnObject ob;
    TnMT19937 st;
} TnRandom;

static TnType random_type;

/* Key words (little-endian 32-bit) of |n| for an int n; new buffer. */
static uint32_t *int_key_words(TnObject *n, size_t *keylen)
{
    TnInt *v = (TnInt *)n;
    uint32_t *key;
    if (v->nd == 0) {
        uint64_t u = v->ival < 0 ? (uint64_t)0 - (uint64_t)v->ival : (uint64_t)v->ival;
        key = tn_mem_alloc(2 * sizeof(uint32_t));
        if (!key)
            return NULL;
        key[0] = (uint32_t)u;
        key[1] = (uint32_t)(u >> 32);
        *keylen = key[1] ? 2 : 1;
        return key;
    }
    size_t nd = (size_t)(v->nd < 0 ? -v->nd : v->nd);
    key = tn_mem_alloc(nd * sizeof(uint32_t));
    if (!key)
        return NULL;
    memcpy(key, v->d, nd * sizeof(uint32_t));
    while (nd > 1 && key[nd - 1] == 0)
        nd--;
    *keylen = nd;
    return key;
}

/* random.py's version-2 seed: int.from_bytes(a + sha512(a).digest()) as
 * key words (the big-endian integer, leading zero bytes ignored). */
static uint32_t *bytes_key_words(const char *data, tn_ssize_t size, size_t *keylen)
{
    size_t total = (size_t)size + 64;
    unsigned char *buf = tn_mem_alloc(total);
    if (!buf)
        return NULL;
    memcpy(buf, data, (size_t)size);
    tn_sha512(data, (size_t)size, buf + size);
    size_t start = 0;
    while (start < total && buf[start] == 0)
        start++;
    size_t nbytes = total - start;
    size_t nwords = nbytes ? (nbytes + 3) / 4 : 1;
    uint32_t *key = tn_mem_calloc(nwords, sizeof(uint32_t));
    if (!key) {
        tn_mem_free(buf);
        return NULL;
    }
    for (size_t i = 0; i < nbytes; i++) {      /* i-th byte from the least significant end */
        unsigned char b = buf[total - 1 - i];
        key[i / 4] |= (uint32_t)b << (8 * (i % 4));
    }
    tn_mem_free(buf);
    *keylen = nwords;
    return key;
}

static int seed_from_urandom(TnRandom *r)
{
    uint32_t key[MT_N];
    size_t got = 0;
    FILE *f = fopen("/dev/urandom", "rb");
    if (f) {
        got = fread(key, sizeof(uint32_t), MT_N, f);
        fclose(f);
    }
    if (got < MT_N) {
        /* No urandom: mix the time and pid, as CPython's fallback does. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        key[0] = (uint32_t)ts.tv_sec;
        key[1] = (uint32_t)ts.tv_nsec;
        key[2] = (uint32_t)getpid();
        got = 3;
    }
    tn_lock(&r->ob);
    tn_mt_init_by_array(&r->st, key, got);
    tn_unlock(&r->ob);
    return 0;
}

static int random_seed_obj(TnRandom *r, TnObject *arg)
{
    uint32_t *key = NULL;
    size_t keylen = 0;
    TnObject *hashed = NULL;
    if (!arg || arg == tn_None)
        return seed_from_urandom(r);
    if (tn_int_check(arg)) {
        key = int_key_words(arg, &keylen);
    } else if (tn_str_check(arg)) {
        key = bytes_key_words(TN_STR_DATA(arg), TN_STR_SIZE(arg), &keylen);
    } else if (tn_bytes_check(arg) || tn_bytearray_check(arg)) {
        const char *data;
        tn_ssize_t size;
        if (tn_bytes_like_get(arg, &data, &size) < 0)
            return -1;
        key = bytes_key_words(data, size, &keylen);
    } else {
        tn_hash_t h = tn_object_hash(arg);
        if (h == -1 && tn_err_occurred())
            return -1;
        hashed = tn_int_from_i64(h);
        if (!hashed)
            return -1;
        key = int_key_words(hashed, &keylen);
        TN_DECREF(hashed);
    }
    if (!key)
        return -1;
    tn_lock(&r->ob);
    tn_mt_init_by_array(&r->st, key, keylen);
    tn_unlock(&r->ob);
    tn_mem_free(key);
    return 0;
}

static TnObject *random_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    if (type == &random_type && tn_check_no_kwargs("Random", kwnames) < 0)
        return NULL;
    /* Subclasses may take other arguments in their __init__. */
    if (type == &random_type && nargs > 1) {
        tn_err_setstr(&tn_exc_TypeError, "Random() requires 0 or 1 argument");
        return NULL;
    }
    TnRandom *r = (TnRandom *)tn_object_alloc(type, type->tp_basicsize);
    if (!r)
        return NULL;
    /* A deterministic start; random.Random.__init__ seeds again. */
    tn_mt_init_genrand(&r->st, 5489U);
    if (type == &random_type && random_seed_obj(r, nargs ? args[0] : NULL) < 0) {
        TN_DECREF(r);
        return NULL;
    }
    return &r->ob;
}

static int random_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return 0;   /* seeding happens in __new__ (native) or random.Random.__init__ */
}

static void random_dealloc(TnObject *o)
{
    tn_object_free(o);
}

static TnObject *random_random(TnObject *self, TnObject *unused)
{
    TnRandom *r = (TnRandom *)self;
    tn_lock(self);
    double d = tn_mt_random(&r->st);
    tn_unlock(self);
    return tn_float_new(d);
}

static TnObject *random_seed(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("seed", nargs, 0, 1) < 0)
        return NULL;
    if (random_seed_obj((TnRandom *)self, nargs ? args[0] : NULL) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *random_getrandbits(TnObject *self, TnObject *arg)
{
    TnRandom *r = (TnRandom *)self;
    tn_ssize_t k = tn_number_as_ssize(arg, &tn_exc_OverflowError);
    if (k == -1 && tn_err_occurred())
        return NULL;
    if (k < 0) {
        tn_err_setstr(&tn_exc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    if (k == 0)
        return tn_int_from_i64(0);
    if (k <= 32) {
        tn_lock(self);
        uint32_t v = tn_mt_genrand_uint32(&r->st) >> (32 - k);
        tn_unlock(self);
        return tn_int_from_i64(v);
    }
    if (k <= 64) {
        tn_lock(self);
        uint64_t lo = tn_mt_genrand_uint32(&r->st);
        uint64_t hi = tn_mt_genrand_uint32(&r->st) >> (64 - k);
        tn_unlock(self);
        return tn_int_from_u64(lo | (hi << 32));
    }
    /* Words are generated least significant first, the last one cut to the
     * remaining bits (CPython's order); render them as hex for the int
     * parser, most significant first. */
    size_t nwords = (size_t)(k - 1) / 32 + 1;
    uint32_t *w = tn_mem_alloc(nwords * sizeof(uint32_t));
    char *hex = w ? tn_mem_alloc(nwords * 8 + 1) : NULL;
    if (!hex) {
        tn_mem_free(w);
        return NULL;
    }
    tn_lock(self);
    tn_ssize_t left = k;
    for (size_t i = 0; i < nwords; i++, left -= 32) {
        uint32_t v = tn_mt_genrand_uint32(&r->st);
        if (left < 32)
            v >>= (32 - left);
        w[i] = v;
    }
    tn_unlock(self);
    for (size_t i = 0; i < nwords; i++)
        snprintf(hex + 8 * i, 9, "%08x", w[nwords - 1 - i]);
    TnObject *res = tn_int_from_string(hex, (tn_ssize_t)(nwords * 8), 16);
    tn_mem_free(w);
    tn_mem_free(hex);
    return res;
}

static TnObject *random_getstate(TnObject *self, TnObject *unused)
{
    TnRandom *r = (TnRandom *)self;
    TnMT19937 copy;
    tn_lock(self);
    copy = r->st;
    tn_unlock(self);
    TnObject *t = tn_tuple_new(MT_N + 1);
    if (!t)
        return NULL;
    for (int i = 0; i < MT_N; i++) {
        TnObject *v = tn_int_from_u64(copy.mt[i]);
        if (!v) {
            TN_DECREF(t);
            return NULL;
        }
        TN_TUPLE_SET(t, i, v);
    }
    TnObject *idx = tn_int_from_i64(copy.index);
    if (!idx) {
        TN_DECREF(t);
        return NULL;
    }
    TN_TUPLE_SET(t, MT_N, idx);
    return t;
}

static TnObject *random_setstate(TnObject *self, TnObject *state)
{
    TnRandom *r = (TnRandom *)self;
    TnMT19937 st;
    if (!tn_tuple_check(state)) {
        tn_err_setstr(&tn_exc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (TN_TUPLE_SIZE(state) != MT_N + 1) {
        tn_err_setstr(&tn_exc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    for (int i = 0; i <= MT_N; i++) {
        TnObject *item = TN_TUPLE_GET(state, i);
        int64_t v;
        if (!tn_int_check(item)) {
            tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          TN_TYPE(item)->tp_name);
            return NULL;
        }
        if (!tn_int_as_i64_overflow(item, &v) || v < 0 || (i < MT_N && v > 0xffffffffLL)) {
            tn_err_setstr(&tn_exc_OverflowError, "Python int too large to convert to C unsigned long");
            return NULL;
        }
        if (i < MT_N)
            st.mt[i] = (uint32_t)v;
        else if (v > MT_N) {
            tn_err_setstr(&tn_exc_ValueError, "invalid state");
            return NULL;
        } else
            st.index = (int)v;
    }
    tn_lock(self);
    r->st = st;
    tn_unlock(self);
    TN_RETURN_NONE;
}

static const TnMethodDef random_methods[] = {
    { "random", (void *)random_random, TN_METH_NOARGS, "random() -> x in the interval [0, 1)." },
    { "seed", (void *)random_seed, TN_METH_FAST, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier." },
    { "getstate", (void *)random_getstate, TN_METH_NOARGS, "getstate() -> tuple containing the current state." },
    { "setstate", (void *)random_setstate, TN_METH_O, "setstate(state) -> None.  Restores generator state." },
    { "getrandbits", (void *)random_getrandbits, TN_METH_O, "getrandbits(k) -> x.  Generates an int with k random bits." },
    { 0, 0, 0, 0 }
};

static TnType random_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(TnRandom),
    .tp_flags = TN_TPFLAG_BASETYPE,
    .tp_dealloc = random_dealloc,
    .tp_new = random_new,
    .tp_init = random_init,
    .tp_methods = random_methods,
    .tp_doc = "Random() -> create a random number generator with its own internal state.",
};

static TnObject *sha512_digest(TnObject *self, TnObject *arg)
{
    const char *data;
    tn_ssize_t size;
    unsigned char out[64];
    if (tn_str_check(arg)) {
        data = TN_STR_DATA(arg);
        size = TN_STR_SIZE(arg);
    } else if (tn_bytes_like_get(arg, &data, &size) < 0) {
        return NULL;
    }
    tn_sha512(data, (size_t)size, out);
    return tn_bytes_from_data((const char *)out, 64);
}

static const TnMethodDef module_methods[] = {
    { "_sha512", (void *)sha512_digest, TN_METH_O, "SHA-512 digest of bytes (or UTF-8 of a str)." },
    { 0, 0, 0, 0 }
};

TnObject *tn_module_init__random(void)
{
    if (tn_type_ready(&random_type) < 0)
        return NULL;
    TnObject *m = tn_module_new("_random");
    if (!m)
        return NULL;
    if (tn_module_add_type(m, &random_type) < 0 || tn_module_add_functions(m, module_methods) < 0) {
        TN_DECREF(m);
        return NULL;
    }
    return m;
}
