/* Unit tests of the native modules' pure parts: the Mersenne Twister must
 * reproduce CPython's sequences bit for bit (expected values generated
 * with python3: random.Random(seed).getrandbits(32) / .random()), and the
 * SHA-512 used for str/bytes seeds must match hashlib. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include "tandem/builtins.h"

Test(random, mt19937_seed_42_matches_cpython)
{
    TnMT19937 s;
    uint32_t key[1] = { 42 };
    static const uint32_t expect[5] = { 2746317213u, 478163327u, 107420369u, 3184935163u,
                                        1181241943u };
    tn_mt_init_by_array(&s, key, 1);
    for (int i = 0; i < 5; i++)
        cr_expect_eq(tn_mt_genrand_uint32(&s), expect[i], "output %d", i);
}

Test(random, random_float_seed_42_matches_cpython)
{
    TnMT19937 s;
    uint32_t key[1] = { 42 };
    tn_mt_init_by_array(&s, key, 1);
    cr_expect_eq(tn_mt_random(&s), 0.6394267984578837);
    cr_expect_eq(tn_mt_random(&s), 0.025010755222666936);
    cr_expect_eq(tn_mt_random(&s), 0.27502931836911926);
}

Test(random, bignum_and_zero_seeds)
{
    TnMT19937 s;
    uint32_t big[4] = { 17, 0, 0, 16 };       /* 2**100 + 17, little-endian words */
    tn_mt_init_by_array(&s, big, 4);
    cr_expect_eq(tn_mt_genrand_uint32(&s), 1909605093u);
    uint32_t zero[1] = { 0 };                 /* seed(0): one zero word */
    tn_mt_init_by_array(&s, zero, 1);
    cr_expect_eq(tn_mt_genrand_uint32(&s), 3626764237u);
}

static void hex64(const unsigned char *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", d[i]);
}

Test(random, sha512_known_vectors)
{
    unsigned char d[64];
    char hex[129];
    tn_sha512("", 0, d);
    hex64(d, 64, hex);
    cr_expect_str_eq(hex, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                          "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
    char buf[200];
    memset(buf, 'a', sizeof buf);             /* spans two blocks */
    tn_sha512(buf, sizeof buf, d);
    hex64(d, 16, hex);
    cr_expect_str_eq(hex, "4b11459c33f52a22ee8236782714c150");
}
