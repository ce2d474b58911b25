#include <stdio.h>
/* Codecs between str and bytes: utf-8, ascii, latin-1, with the error
 * handlers strict, ignore and replace (CPython's names and messages). */
#include <ctype.h>
#include <string.h>
#include "str_internal.h"

enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1, ENC_UNKNOWN };
enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_UNKNOWN };

static int lookup_encoding(const char *name)
{
    char norm[32];
    size_t n = 0;
    for (const char *p = name; *p && n < sizeof norm - 1; p++)
        norm[n++] = (*p == '_' || *p == ' ') ? '-' : (char)tolower((unsigned char)*p);
    norm[n] = '\0';
    if (strlen(name) >= sizeof norm)
        return ENC_UNKNOWN;
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", NULL};
    static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859",
                                         "cp819", "l1", "latin", "iso-ir-100", NULL};
    for (int i = 0; utf8[i]; i++) if (!strcmp(norm, utf8[i])) return ENC_UTF8;
    for (int i = 0; ascii[i]; i++) if (!strcmp(norm, ascii[i])) return ENC_ASCII;
    for (int i = 0; latin1[i]; i++) if (!strcmp(norm, latin1[i])) return ENC_LATIN1;
    return ENC_UNKNOWN;
}

static int lookup_errors(const char *errors)
{
    if (!strcmp(errors, "strict")) return ERR_STRICT;
    if (!strcmp(errors, "ignore")) return ERR_IGNORE;
    if (!strcmp(errors, "replace")) return ERR_REPLACE;
    return ERR_UNKNOWN;
}

static const char *const enc_names[] = {"utf-8", "ascii", "latin-1"};

/* Handlers CPython has but tandem lacks: a program using one meets a
 * clear "not supported" instead of CPython's message for a misspelling.
 * The surrogate ones cannot exist here: str never holds lone surrogates. */
static const char *const cpython_handlers[] = {"surrogateescape", "surrogatepass",
    "backslashreplace", "xmlcharrefreplace", "namereplace", NULL};

static int handler_or_raise(int eh, const char *errors)
{
    if (eh == ERR_UNKNOWN) {
        for (int i = 0; cpython_handlers[i]; i++)
            if (!strcmp(errors, cpython_handlers[i])) {
                tn_err_format(&tn_exc_NotImplementedError,
                              "the '%s' error handler is not supported by tandem", errors);
                return -1;
            }
        tn_err_format(&tn_exc_LookupError, "unknown error handler name '%.100s'", errors);
        return -1;
    }
    return 0;
}

TnObject *tn_str_decode(const char *data, tn_ssize_t size, const char *encoding, const char *errors)
{
    int enc = lookup_encoding(encoding);
    if (enc == ENC_UNKNOWN)
        return tn_err_format(&tn_exc_LookupError, "unknown encoding: %.200s", encoding);
    int eh = lookup_errors(errors);
    TnStrBuilder b;
    tn_sb_init(&b);
    if (enc == ENC_UTF8) {
        tn_ssize_t i = 0;
        while (i < size) {
            tn_ssize_t ncp, es, ee;
            const char *reason;
            if (tn_utf8_scan(data + i, size - i, &ncp, &es, &ee, &reason) == 0) {
                if (i == 0)
                    return tn_str_from_utf8_trusted(data, size);
                if (tn_sb_append(&b, data + i, size - i) < 0)
                    goto error;
                break;
            }
            if (eh == ERR_STRICT || handler_or_raise(eh, errors) < 0) {
                if (eh == ERR_STRICT)
                    tn_err_unicode_decode("utf-8", data, size, i + es, i + ee, reason);
                goto error;
            }
            if (tn_sb_append(&b, data + i, es) < 0)
                goto error;
            if (eh == ERR_REPLACE && tn_sb_append_char(&b, 0xFFFD) < 0)
                goto error;
            i += ee;
        }
        return tn_sb_finish(&b);
    }
    for (tn_ssize_t i = 0; i < size; i++) {
        unsigned char c = (unsigned char)data[i];
        if (enc == ENC_ASCII && c >= 0x80) {
            if (eh == ERR_STRICT) {
                tn_err_unicode_decode("ascii", data, size, i, i + 1, "ordinal not in range(128)");
                goto error;
            }
            if (handler_or_raise(eh, errors) < 0)
                goto error;
            if (eh == ERR_REPLACE && tn_sb_append_char(&b, 0xFFFD) < 0)
                goto error;
            continue;
        }
        if (tn_sb_append_char(&b, c) < 0)
            goto error;
    }
    return tn_sb_finish(&b);
error:
    tn_sb_discard(&b);
    return NULL;
}

TnObject *tn_str_encode(TnObject *s, const char *encoding, const char *errors)
{
    int enc = lookup_encoding(encoding);
    if (enc == ENC_UNKNOWN)
        return tn_err_format(&tn_exc_LookupError, "unknown encoding: %.200s", encoding);
    if (enc == ENC_UTF8 || ((TnStr *)s)->ascii)
        return tn_bytes_from_data(TN_STR_DATA(s), TN_STR_SIZE(s));
    int eh = lookup_errors(errors);
    uint32_t limit = enc == ENC_ASCII ? 128 : 256;
    TnStrBuilder b;   /* used as a plain byte buffer */
    tn_sb_init(&b);
    const char *p = TN_STR_DATA(s), *end = p + TN_STR_SIZE(s);
    tn_ssize_t pos = 0;
    while (p < end) {
        int n;
        uint32_t cp = tn_utf8_decode(p, &n);
        if (cp < limit) {
            char c = (char)cp;
            if (tn_sb_append(&b, &c, 1) < 0)
                goto error;
            p += n;
            pos++;
            continue;
        }
        if (eh != ERR_STRICT) {
            if (handler_or_raise(eh, errors) < 0)
                goto error;
            if (eh == ERR_REPLACE && tn_sb_append(&b, "?", 1) < 0)
                goto error;
            p += n;
            pos++;
            continue;
        }
        /* strict: report the whole run of unencodable characters */
        tn_ssize_t startpos = pos;
        uint32_t first = cp;
        const char *q = p;
        while (q < end) {
            int k;
            uint32_t c2 = tn_utf8_decode(q, &k);
            if (c2 < limit)
                break;
            q += k;
            pos++;
        }
        (void)first;
        char reason[40];
        snprintf(reason, sizeof reason, "ordinal not in range(%u)", (unsigned)limit);
        tn_err_unicode_encode(enc_names[enc], s, startpos, pos, reason);
        goto error;
    }
    TnObject *r = tn_bytes_from_data(b.buf, b.len);
    tn_sb_discard(&b);
    return r;
error:
    tn_sb_discard(&b);
    return NULL;
}
