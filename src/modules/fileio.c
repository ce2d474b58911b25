/* File objects: open() and sys.stdin/stdout/stderr (CPython's _io, folded
 * into one buffered object per file).
 *
 * One C struct serves text and binary files; the Python-visible type only
 * differs in name (_io.TextIOWrapper, _io.BufferedReader/Writer/Random).
 * Reads go through rbuf (raw bytes, not yet decoded: tell() is then exact),
 * writes collect in wbuf and reach the fd on flush, when the buffer fills,
 * at a newline for line-buffered files, or at every write for
 * write-through ones (stderr).
 *
 * Text decoding is UTF-8 (also latin-1 and ascii); with newline=None reads
 * translate \r\n and \r to \n (universal newlines).
 *
 * Thread safety (ft build): every method takes the file object's lock for
 * its whole duration, so buffer state is never seen half-updated and one
 * write() never interleaves with another. No Python code runs under the
 * lock. The lock is also held across the blocking system calls, which all
 * go through blocking_read()/blocking_write(): the threads issue makes
 * those release the GIL / go offline for QSBR.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tandem/tandem.h"
#include "tandem/gil.h"
#include "tandem/args.h"
#include "tandem/bytes.h"
#include "tandem/module.h"
#include "tandem/builtins.h"

#define BUFSIZE 8192

enum { ENC_UTF8, ENC_LATIN1, ENC_ASCII };
enum { NL_UNIVERSAL, NL_NONE_TRANSLATE, NL_LF, NL_CR, NL_CRLF };

typedef struct {
    TnObject ob;
    int fd;
    uint8_t readable, writable, binary, appending, closefd;
    uint8_t line_buffering, write_through;
    uint8_t enc;
    uint8_t newline;          /* NL_*: NL_UNIVERSAL is newline=None */
    TN_SHARED(uint8_t) closed;
    TnObject *name;           /* str or int */
    TnObject *mode;           /* str */
    TnObject *encoding;       /* str (text files) or NULL */
    TnObject *errors;         /* str (text files) or NULL */
    char *wbuf;
    size_t wlen, wcap;
    char *rbuf;
    size_t rpos, rlen, rcap;
} TnFile;

static TnObject *unsupported_exc;   /* io.UnsupportedOperation; set once at start-up */
static TnObject *std_streams[3];    /* the original sys.stdin/stdout/stderr, immortal */

static TnObject *file_err_closed(void)
{
    tn_err_setstr(&tn_exc_ValueError, "I/O operation on closed file.");
    return NULL;
}

static int file_check_open(TnFile *f)
{
    if (tn_load_relaxed(&f->closed)) {
        file_err_closed();
        return -1;
    }
    return 0;
}

static TnObject *unsupported(const char *msg)
{
    TnObject *t = tn_io_unsupported_operation();
    tn_err_setstr(t ? (TnType *)t : &tn_exc_OSError, msg);
    return NULL;
}

/* errno -> the OSError subclass CPython raises for it. */
static TnType *errno_type(int e)
{
    switch (e) {
    case ENOENT: return &tn_exc_FileNotFoundError;
    case EEXIST: return &tn_exc_FileExistsError;
    case EISDIR: return &tn_exc_IsADirectoryError;
    case ENOTDIR: return &tn_exc_NotADirectoryError;
    case EACCES: case EPERM: return &tn_exc_PermissionError;
    case EPIPE: return &tn_exc_BrokenPipeError;
    case EINTR: return &tn_exc_InterruptedError;
    case EAGAIN: return &tn_exc_BlockingIOError;
    default: return &tn_exc_OSError;
    }
}

static void raise_errno(const char *filename)
{
    tn_err_from_errno(errno_type(errno), filename);
}

/* ---- blocking system calls (the threads issue releases the GIL here) ---- */

/* threads issue: ft build only, the thread goes QSBR-offline around the
 * system call (it still holds the file's object lock, which protects the
 * buffers). The gil build keeps the GIL here: tn_lock is a no-op there, so
 * the GIL is what protects rbuf/wbuf; releasing it would let another thread
 * reallocate the buffer this call reads into or writes from. */
#ifdef TANDEM_FT
#define FILE_BLOCKING_BEGIN(ts) TN_BEGIN_BLOCKING(ts)
#define FILE_BLOCKING_END(ts) TN_END_BLOCKING(ts)
#else
#define FILE_BLOCKING_BEGIN(ts) ((void)(ts))
#define FILE_BLOCKING_END(ts) ((void)(ts))
#endif

static ssize_t blocking_read(int fd, void *buf, size_t n)
{
    ssize_t r;
    TnThreadState *ts = tn_ts();
    FILE_BLOCKING_BEGIN(ts);
    do
        r = read(fd, buf, n);
    while (r < 0 && errno == EINTR);
    int saved = errno;
    FILE_BLOCKING_END(ts);
    errno = saved;
    return r;
}

static ssize_t blocking_write(int fd, const void *buf, size_t n)
{
    ssize_t r;
    TnThreadState *ts = tn_ts();
    FILE_BLOCKING_BEGIN(ts);
    do
        r = write(fd, buf, n);
    while (r < 0 && errno == EINTR);
    int saved = errno;
    FILE_BLOCKING_END(ts);
    errno = saved;
    return r;
}

/* ---- buffers (caller holds the lock) ------------------------------------ */

static int flush_locked(TnFile *f)
{
    size_t off = 0;
    while (off < f->wlen) {
        ssize_t n = blocking_write(f->fd, f->wbuf + off, f->wlen - off);
        if (n < 0) {
            /* Keep what was not written so a later flush can retry. */
            memmove(f->wbuf, f->wbuf + off, f->wlen - off);
            f->wlen -= off;
            raise_errno(NULL);
            return -1;
        }
        off += (size_t)n;
    }
    f->wlen = 0;
    return 0;
}

/* Before writing after reading: give back the read-ahead to the fd. */
static int drop_readahead(TnFile *f)
{
    if (f->rlen > f->rpos && lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR) < 0 &&
        errno != ESPIPE) {
        raise_errno(NULL);
        return -1;
    }
    f->rpos = f->rlen = 0;
    return 0;
}

static int write_locked(TnFile *f, const char *data, size_t n)
{
    if (f->rlen > f->rpos && drop_readahead(f) < 0)
        return -1;
    f->rpos = f->rlen = 0;
    if (f->wlen + n > f->wcap) {
        if (flush_locked(f) < 0)
            return -1;
        if (n >= BUFSIZE) {          /* big writes bypass the buffer */
            size_t off = 0;
            while (off < n) {
                ssize_t w = blocking_write(f->fd, data + off, n - off);
                if (w < 0) {
                    raise_errno(NULL);
                    return -1;
                }
                off += (size_t)w;
            }
            return 0;
        }
    }
    if (!f->wbuf) {
        f->wbuf = tn_mem_alloc(BUFSIZE);
        if (!f->wbuf)
            return -1;
        f->wcap = BUFSIZE;
    }
    memcpy(f->wbuf + f->wlen, data, n);
    f->wlen += n;
    if (f->write_through || (f->line_buffering && memchr(data, '\n', n)))
        return flush_locked(f);
    return 0;
}

/* Read more raw bytes, keeping rbuf[rpos..rlen). Returns bytes added (0 at
 * end of file) or -1 with an exception. */
static tn_ssize_t fill_locked(TnFile *f)
{
    if (f->wlen && flush_locked(f) < 0)
        return -1;
    if (f->rpos > 0) {
        memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (f->rlen == f->rcap) {
        size_t ncap = f->rcap ? f->rcap * 2 : BUFSIZE;
        char *nb = tn_mem_realloc(f->rbuf, ncap);
        if (!nb)
            return -1;
        f->rbuf = nb;
        f->rcap = ncap;
    }
    ssize_t n = blocking_read(f->fd, f->rbuf + f->rlen, f->rcap - f->rlen);
    if (n < 0) {
        raise_errno(NULL);
        return -1;
    }
    f->rlen += (size_t)n;
    return n;
}

/* Bytes in the UTF-8 sequence starting with lead byte c (1 for invalid
 * bytes: the decoder reports them). */
static int utf8_len(unsigned char c)
{
    if (c < 0x80) return 1;
    if (c >= 0xf0 && c < 0xf8) return 4;
    if (c >= 0xe0) return c < 0xf0 ? 3 : 1;
    if (c >= 0xc0) return 2;
    return 1;
}

/* Text read: up to `nchars` characters (-1 = all), stopping after a line
 * end when `line` is set. Appends encoded bytes (newlines translated when
 * newline=None) to *out (a tn_mem buffer). */
typedef struct { char *buf; size_t len, cap; } Bytes;

static int bytes_put(Bytes *b, const char *p, size_t n)
{
    if (b->len + n > b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 256;
        while (ncap < b->len + n)
            ncap *= 2;
        char *nb = tn_mem_realloc(b->buf, ncap);
        if (!nb)
            return -1;
        b->buf = nb;
        b->cap = ncap;
    }
    memcpy(b->buf + b->len, p, n);
    b->len += n;
    return 0;
}

static int text_read_locked(TnFile *f, tn_ssize_t nchars, int line, Bytes *out)
{
    tn_ssize_t count = 0;
    int translate = f->newline == NL_UNIVERSAL;
    int split_cr = f->newline == NL_UNIVERSAL || f->newline == NL_NONE_TRANSLATE ||
                   f->newline == NL_CR || f->newline == NL_CRLF;
    while (nchars < 0 || count < nchars) {
        if (f->rpos == f->rlen) {
            tn_ssize_t n = fill_locked(f);
            if (n < 0)
                return -1;
            if (n == 0)
                break;
        }
        unsigned char c = (unsigned char)f->rbuf[f->rpos];
        if (c == '\r' && split_cr) {
            if (f->rpos + 1 == f->rlen) {   /* need the next byte to see \r\n */
                if (fill_locked(f) < 0)
                    return -1;
            }
            int crlf = f->rpos + 1 < f->rlen && f->rbuf[f->rpos + 1] == '\n';
            if (translate) {
                if (bytes_put(out, "\n", 1) < 0)
                    return -1;
            } else if (bytes_put(out, crlf ? "\r\n" : "\r", crlf ? 2 : 1) < 0)
                return -1;
            f->rpos += crlf ? 2 : 1;
            count += translate ? 1 : (crlf ? 2 : 1);
            if (line)
                break;
            continue;
        }
        if (c == '\n') {
            if (bytes_put(out, "\n", 1) < 0)
                return -1;
            f->rpos++;
            count++;
            if (line && f->newline != NL_CR)
                break;
            continue;
        }
        if (c < 0x80) {   /* a run of plain ASCII */
            size_t start = f->rpos, end = f->rpos;
            size_t limit = f->rlen;
            if (nchars >= 0 && (size_t)(nchars - count) < limit - start)
                limit = start + (size_t)(nchars - count);
            while (end < limit && (unsigned char)f->rbuf[end] < 0x80 && f->rbuf[end] != '\n' &&
                   (f->rbuf[end] != '\r' || !split_cr))
                end++;
            if (bytes_put(out, f->rbuf + start, end - start) < 0)
                return -1;
            count += (tn_ssize_t)(end - start);
            f->rpos = end;
            continue;
        }
        int len = f->enc == ENC_UTF8 ? utf8_len(c) : 1;
        while (f->rpos + (size_t)len > f->rlen) {
            tn_ssize_t n = fill_locked(f);
            if (n < 0)
                return -1;
            if (n == 0) {
                len = (int)(f->rlen - f->rpos);   /* truncated: the decoder complains */
                break;
            }
        }
        if (bytes_put(out, f->rbuf + f->rpos, (size_t)len) < 0)
            return -1;
        f->rpos += (size_t)len;
        count++;
    }
    return 0;
}

static TnObject *decode(TnFile *f, const char *data, size_t n)
{
    static const char *const names[] = { "utf-8", "latin-1", "ascii" };
    const char *errors = f->errors ? TN_STR_DATA(f->errors) : "strict";
    if (f->enc == ENC_UTF8 && strcmp(errors, "strict") == 0)
        return tn_str_from_utf8(data, (tn_ssize_t)n);
    return tn_str_decode(data, (tn_ssize_t)n, names[f->enc], errors);
}

/* Binary read of up to n bytes (n < 0: to the end), or one line. */
static int bin_read_locked(TnFile *f, tn_ssize_t n, int line, Bytes *out)
{
    for (;;) {
        size_t avail = f->rlen - f->rpos;
        if (avail) {
            size_t take = avail;
            if (n >= 0 && (size_t)n - out->len < take)
                take = (size_t)n - out->len;
            if (line) {
                char *nl = memchr(f->rbuf + f->rpos, '\n', take);
                if (nl)
                    take = (size_t)(nl - (f->rbuf + f->rpos)) + 1;
            }
            if (bytes_put(out, f->rbuf + f->rpos, take) < 0)
                return -1;
            f->rpos += take;
            if (line && out->len && out->buf[out->len - 1] == '\n')
                return 0;
        }
        if (n >= 0 && out->len >= (size_t)n)
            return 0;
        tn_ssize_t got = fill_locked(f);
        if (got < 0)
            return -1;
        if (got == 0)
            return 0;
    }
}

/* ---- construction ------------------------------------------------------- */

static int parse_encoding(const char *e, uint8_t *out)
{
    char low[32];
    size_t i;
    for (i = 0; e[i] && i < sizeof low - 1; i++)
        low[i] = (char)((e[i] >= 'A' && e[i] <= 'Z') ? e[i] + 32 : (e[i] == '_' ? '-' : e[i]));
    low[i] = 0;
    if (!strcmp(low, "utf-8") || !strcmp(low, "utf8") || !strcmp(low, "u8") || !strcmp(low, "utf"))
        *out = ENC_UTF8;
    else if (!strcmp(low, "latin-1") || !strcmp(low, "latin1") || !strcmp(low, "iso-8859-1") ||
             !strcmp(low, "iso8859-1") || !strcmp(low, "l1"))
        *out = ENC_LATIN1;
    else if (!strcmp(low, "ascii") || !strcmp(low, "us-ascii"))
        *out = ENC_ASCII;
    else {
        tn_err_format(&tn_exc_LookupError, "unknown encoding: %s", e);
        return -1;
    }
    return 0;
}

static TnFile *file_alloc(int binary, int readable, int writable)
{
    TnType *t = !binary ? &tn_textio_type
              : readable && writable ? &tn_bufrandom_type
              : readable ? &tn_bufreader_type : &tn_bufwriter_type;
    TnFile *f = (TnFile *)tn_object_alloc(t, sizeof(TnFile));
    if (!f)
        return NULL;
    f->fd = -1;
    f->binary = (uint8_t)binary;
    f->readable = (uint8_t)readable;
    f->writable = (uint8_t)writable;
    return f;
}

TnObject *tn_file_open(TnObject *file, const char *mode, int buffering, const char *encoding,
                       const char *errors, const char *newline, int closefd)
{
    int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0, text = 0, binary = 0;
    for (const char *p = mode; *p; p++) {
        const char *valid = "xrwabt+";
        if (!strchr(valid, *p) || strchr(p + 1, *p)) {
            tn_err_format(&tn_exc_ValueError, "invalid mode: '%s'", mode);
            return NULL;
        }
        switch (*p) {
        case 'x': creating = 1; break;
        case 'r': reading = 1; break;
        case 'w': writing = 1; break;
        case 'a': appending = 1; break;
        case '+': updating = 1; break;
        case 't': text = 1; break;
        case 'b': binary = 1; break;
        }
    }
    if (text && binary) {
        tn_err_setstr(&tn_exc_ValueError, "can't have text and binary mode at once");
        return NULL;
    }
    if (creating + reading + writing + appending > 1) {
        tn_err_setstr(&tn_exc_ValueError, "must have exactly one of create/read/write/append mode");
        return NULL;
    }
    if (creating + reading + writing + appending == 0) {
        tn_err_setstr(&tn_exc_ValueError,
                      "Must have exactly one of create/read/write/append mode and at most one plus");
        return NULL;
    }
    if (binary && encoding) {
        tn_err_setstr(&tn_exc_ValueError, "binary mode doesn't take an encoding argument");
        return NULL;
    }
    if (binary && errors) {
        tn_err_setstr(&tn_exc_ValueError, "binary mode doesn't take an errors argument");
        return NULL;
    }
    if (binary && newline) {
        tn_err_setstr(&tn_exc_ValueError, "binary mode doesn't take a newline argument");
        return NULL;
    }
    if (!binary && buffering == 0) {
        tn_err_setstr(&tn_exc_ValueError, "can't have unbuffered text I/O");
        return NULL;
    }
    uint8_t nl = NL_UNIVERSAL;
    if (newline) {
        if (!strcmp(newline, "")) nl = NL_NONE_TRANSLATE;
        else if (!strcmp(newline, "\n")) nl = NL_LF;
        else if (!strcmp(newline, "\r")) nl = NL_CR;
        else if (!strcmp(newline, "\r\n")) nl = NL_CRLF;
        else {
            tn_err_format(&tn_exc_ValueError, "illegal newline value: %s", newline);
            return NULL;
        }
    }
    uint8_t enc = ENC_UTF8;
    if (encoding && parse_encoding(encoding, &enc) < 0)
        return NULL;
    if (errors && strcmp(errors, "strict") && strcmp(errors, "ignore") && strcmp(errors, "replace")) {
        tn_err_format(&tn_exc_LookupError, "unknown error handler name '%s'", errors);
        return NULL;
    }

    int readable = reading || updating, writable = !reading || updating;
    int flags = O_CLOEXEC | (readable && writable ? O_RDWR : readable ? O_RDONLY : O_WRONLY);
    if (creating) flags |= O_CREAT | O_EXCL;
    if (writing) flags |= O_CREAT | O_TRUNC;
    if (appending) flags |= O_CREAT | O_APPEND;

    int fd;
    const char *path = NULL;
    if (tn_str_check(file)) {
        path = TN_STR_DATA(file);
        if ((tn_ssize_t)strlen(path) != TN_STR_SIZE(file)) {
            tn_err_setstr(&tn_exc_ValueError, "embedded null byte");
            return NULL;
        }
        fd = open(path, flags, 0666);
        if (fd < 0) {
            raise_errno(path);
            return NULL;
        }
        closefd = 1;
    } else if (tn_int_check(file) && !tn_bool_check(file)) {
        int64_t v;
        if (!tn_int_as_i64_overflow(file, &v) || v < 0 || v > INT32_MAX) {
            tn_err_setstr(&tn_exc_ValueError, "negative file descriptor");
            return NULL;
        }
        fd = (int)v;
    } else {
        tn_err_format(&tn_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                      TN_TYPE(file)->tp_name);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (path)
            close(fd);
        errno = EISDIR;
        raise_errno(path);
        return NULL;
    }
    if (appending)
        lseek(fd, 0, SEEK_END);

    TnFile *f = file_alloc(binary, readable, writable);
    if (!f) {
        if (closefd)
            close(fd);
        return NULL;
    }
    f->fd = fd;
    f->closefd = (uint8_t)closefd;
    f->appending = (uint8_t)appending;
    f->enc = enc;
    f->newline = nl;
    f->line_buffering = (uint8_t)(buffering == 1 || (buffering < 0 && !binary && isatty(fd)));
    f->name = tn_newref(file);
    if (binary) {
        const char *m = creating ? (readable ? "xb+" : "xb")
                      : appending ? (readable ? "ab+" : "ab")
                      : readable ? (writable ? "rb+" : "rb") : "wb";
        f->mode = tn_str_from_cstr(m);
    } else {
        f->mode = tn_str_from_cstr(mode);
        f->encoding = tn_str_from_cstr(encoding ? encoding : "UTF-8");
        f->errors = tn_str_from_cstr(errors ? errors : "strict");
        if (!f->encoding || !f->errors)
            goto error;
    }
    if (!f->mode)
        goto error;
    return &f->ob;
error:
    TN_DECREF(f);
    return NULL;
}

TnObject *tn_file_from_fd(int fd, const char *name, const char *mode, int line_buffering)
{
    int readable = mode[0] == 'r', writable = !readable;
    TnFile *f = file_alloc(0, readable, writable);
    if (!f)
        return NULL;
    f->fd = fd;
    f->closefd = 0;
    f->line_buffering = (uint8_t)line_buffering;
    f->name = tn_str_from_cstr(name);
    f->mode = tn_str_from_cstr(mode);
    f->encoding = tn_str_from_cstr("utf-8");
    f->errors = tn_str_from_cstr("strict");
    if (!f->name || !f->mode || !f->encoding || !f->errors) {
        TN_DECREF(f);
        return NULL;
    }
    return &f->ob;
}

int tn_file_check(TnObject *o)
{
    TnType *t = TN_TYPE(o);
    return t == &tn_textio_type || t == &tn_bufreader_type || t == &tn_bufwriter_type ||
           t == &tn_bufrandom_type;
}

/* ---- the methods -------------------------------------------------------- */

int tn_file_write_utf8(TnObject *o, const char *data, tn_ssize_t size)
{
    TnFile *f = (TnFile *)o;
    TnObject *encoded = NULL;
    if (!f->binary && f->enc != ENC_UTF8) {
        TnObject *s = tn_str_from_utf8(data, size);
        if (!s)
            return -1;
        encoded = tn_str_encode(s, f->enc == ENC_LATIN1 ? "latin-1" : "ascii",
                                TN_STR_DATA(f->errors));
        TN_DECREF(s);
        if (!encoded)
            return -1;
        data = TN_BYTES_DATA(encoded);
        size = TN_BYTES_SIZE(encoded);
    }
    int r = -1;
    tn_lock(o);
    if (file_check_open(f) < 0)
        goto done;
    if (!f->writable) {
        unsupported(f->binary ? "write" : "not writable");
        goto done;
    }
    if (!f->binary && (f->newline == NL_CR || f->newline == NL_CRLF) && memchr(data, '\n', size)) {
        const char *nl = f->newline == NL_CR ? "\r" : "\r\n";
        size_t nll = strlen(nl);
        r = 0;
        for (tn_ssize_t i = 0; i < size && r == 0; i++)
            r = data[i] == '\n' ? write_locked(f, nl, nll) : write_locked(f, data + i, 1);
    } else {
        r = write_locked(f, data, (size_t)size);
    }
done:
    tn_unlock(o);
    TN_XDECREF(encoded);
    return r;
}

static TnObject *file_write(TnObject *self, TnObject *arg)
{
    TnFile *f = (TnFile *)self;
    const char *data;
    tn_ssize_t size, count;
    if (f->binary) {
        if (tn_str_check(arg) || tn_bytes_like_get(arg, &data, &size) < 0) {
            tn_err_clear();
            tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'",
                          TN_TYPE(arg)->tp_name);
            return NULL;
        }
        count = size;
    } else {
        if (!tn_str_check(arg)) {
            tn_err_format(&tn_exc_TypeError, "write() argument must be str, not %s",
                          TN_TYPE(arg)->tp_name);
            return NULL;
        }
        data = TN_STR_DATA(arg);
        size = TN_STR_SIZE(arg);
        count = TN_STR_LEN(arg);
    }
    /* A bytearray's buffer may move if another thread resizes it: copy. */
    TnObject *keep = NULL;
    if (tn_bytearray_check(arg)) {
        keep = tn_bytes_from_data(data, size);
        if (!keep)
            return NULL;
        data = TN_BYTES_DATA(keep);
    }
    int r = tn_file_write_utf8(self, data, size);
    TN_XDECREF(keep);
    if (r < 0)
        return NULL;
    return tn_int_from_i64(count);
}

static TnObject *file_writelines(TnObject *self, TnObject *lines)
{
    TnObject *it = tn_object_iter(lines);
    if (!it)
        return NULL;
    for (;;) {
        TnObject *line = tn_iter_next(it);
        if (!line)
            break;
        TnObject *r = file_write(self, line);
        TN_DECREF(line);
        if (!r) {
            TN_DECREF(it);
            return NULL;
        }
        TN_DECREF(r);
    }
    TN_DECREF(it);
    if (tn_err_occurred())
        return NULL;
    TN_RETURN_NONE;
}

int tn_file_flush(TnObject *o)
{
    TnFile *f = (TnFile *)o;
    tn_lock(o);
    int r = file_check_open(f) < 0 ? -1 : flush_locked(f);
    tn_unlock(o);
    return r;
}

static TnObject *file_flush(TnObject *self, TnObject *unused)
{
    if (tn_file_flush(self) < 0)
        return NULL;
    TN_RETURN_NONE;
}

/* size argument of read()/readline(): None or an int; -1 = unlimited. */
static int size_arg(TnObject *const *args, size_t nargs, const char *fname, tn_ssize_t *n)
{
    *n = -1;
    if (tn_check_nargs(fname, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 1 && args[0] != tn_None) {
        if (!tn_int_check(args[0])) {
            tn_err_format(&tn_exc_TypeError, "argument should be integer or None, not '%s'",
                          TN_TYPE(args[0])->tp_name);
            return -1;
        }
        *n = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
        if (*n == -1 && tn_err_occurred())
            return -1;
        if (*n < 0)
            *n = -1;
    }
    return 0;
}

static TnObject *read_common(TnObject *self, tn_ssize_t n, int line)
{
    TnFile *f = (TnFile *)self;
    Bytes out = { NULL, 0, 0 };
    TnObject *res = NULL;
    tn_lock(self);
    if (file_check_open(f) < 0)
        goto done;
    if (!f->readable) {
        unsupported(f->binary ? "read" : "not readable");
        goto done;
    }
    if ((f->binary ? bin_read_locked(f, n, line, &out) : text_read_locked(f, n, line, &out)) < 0)
        goto done;
    res = f->binary ? tn_bytes_from_data(out.buf ? out.buf : "", (tn_ssize_t)out.len)
                    : decode(f, out.buf ? out.buf : "", out.len);
done:
    tn_unlock(self);
    tn_mem_free(out.buf);
    return res;
}

static TnObject *file_read(TnObject *self, TnObject *const *args, size_t nargs)
{
    tn_ssize_t n;
    if (size_arg(args, nargs, "read", &n) < 0)
        return NULL;
    return read_common(self, n, 0);
}

static TnObject *file_readline(TnObject *self, TnObject *const *args, size_t nargs)
{
    tn_ssize_t n;
    if (size_arg(args, nargs, "readline", &n) < 0)
        return NULL;
    return read_common(self, n, 1);
}

static TnObject *file_readlines(TnObject *self, TnObject *const *args, size_t nargs)
{
    tn_ssize_t hint;
    if (size_arg(args, nargs, "readlines", &hint) < 0)
        return NULL;
    TnObject *l = tn_list_new(0);
    if (!l)
        return NULL;
    tn_ssize_t total = 0;
    for (;;) {
        TnObject *line = read_common(self, -1, 1);
        if (!line) {
            TN_DECREF(l);
            return NULL;
        }
        tn_ssize_t len = tn_object_length(line);
        if (len == 0) {
            TN_DECREF(line);
            break;
        }
        int r = tn_list_append(l, line);
        TN_DECREF(line);
        if (r < 0) {
            TN_DECREF(l);
            return NULL;
        }
        total += len;
        if (hint > 0 && total >= hint)
            break;
    }
    return l;
}

static TnObject *file_iternext(TnObject *self)
{
    TnObject *line = read_common(self, -1, 1);
    if (!line)
        return NULL;
    if (tn_object_length(line) == 0) {
        TN_DECREF(line);
        return NULL;
    }
    return line;
}

static TnObject *file_iter(TnObject *self)
{
    if (file_check_open((TnFile *)self) < 0)
        return NULL;
    return tn_newref(self);
}

static int close_locked(TnFile *f)
{
    if (tn_load_relaxed(&f->closed))
        return 0;
    int r = flush_locked(f);
    tn_store_relaxed(&f->closed, 1);
    if (f->closefd && f->fd >= 0 && close(f->fd) < 0 && r == 0) {
        raise_errno(NULL);
        r = -1;
    }
    f->fd = -1;
    tn_mem_free(f->rbuf);
    tn_mem_free(f->wbuf);
    f->rbuf = f->wbuf = NULL;
    f->rpos = f->rlen = f->rcap = f->wlen = f->wcap = 0;
    return r;
}

static TnObject *file_close(TnObject *self, TnObject *unused)
{
    tn_lock(self);
    int r = close_locked((TnFile *)self);
    tn_unlock(self);
    if (r < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *file_enter(TnObject *self, TnObject *unused)
{
    if (file_check_open((TnFile *)self) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *file_exit(TnObject *self, TnObject *const *args, size_t nargs)
{
    return file_close(self, NULL);
}

static TnObject *file_tell(TnObject *self, TnObject *unused)
{
    TnFile *f = (TnFile *)self;
    TnObject *res = NULL;
    tn_lock(self);
    if (file_check_open(f) < 0 || flush_locked(f) < 0)
        goto done;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0) {
        raise_errno(NULL);
        goto done;
    }
    res = tn_int_from_i64((int64_t)pos - (int64_t)(f->rlen - f->rpos));
done:
    tn_unlock(self);
    return res;
}

static TnObject *file_seek(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnFile *f = (TnFile *)self;
    if (tn_check_nargs("seek", nargs, 1, 2) < 0)
        return NULL;
    tn_ssize_t off = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (off == -1 && tn_err_occurred())
        return NULL;
    tn_ssize_t whence = 0;
    if (nargs == 2) {
        whence = tn_number_as_ssize(args[1], &tn_exc_OverflowError);
        if (whence == -1 && tn_err_occurred())
            return NULL;
    }
    TnObject *res = NULL;
    tn_lock(self);
    if (file_check_open(f) < 0)
        goto done;
    if (whence < 0 || whence > 2) {
        tn_err_format(&tn_exc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
        goto done;
    }
    if (!f->binary) {
        if (whence == 1 && off != 0) {
            unsupported("can't do nonzero cur-relative seeks");
            goto done;
        }
        if (whence == 2 && off != 0) {
            unsupported("can't do nonzero end-relative seeks");
            goto done;
        }
        if (whence == 0 && off < 0) {
            tn_err_format(&tn_exc_ValueError, "negative seek position %zd", off);
            goto done;
        }
    }
    if (flush_locked(f) < 0)
        goto done;
    if (whence == 1)
        off -= (tn_ssize_t)(f->rlen - f->rpos);
    f->rpos = f->rlen = 0;
    off_t pos = lseek(f->fd, (off_t)off, (int)whence);
    if (pos < 0) {
        raise_errno(NULL);
        goto done;
    }
    res = tn_int_from_i64((int64_t)pos);
done:
    tn_unlock(self);
    return res;
}

static TnObject *file_truncate(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnFile *f = (TnFile *)self;
    if (tn_check_nargs("truncate", nargs, 0, 1) < 0)
        return NULL;
    tn_ssize_t size = -1;
    if (nargs == 1 && args[0] != tn_None) {
        size = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
        if (size == -1 && tn_err_occurred())
            return NULL;
    }
    TnObject *res = NULL;
    tn_lock(self);
    if (file_check_open(f) < 0)
        goto done;
    if (!f->writable) {
        unsupported("truncate");
        goto done;
    }
    if (flush_locked(f) < 0 || drop_readahead(f) < 0)
        goto done;
    if (size < 0) {
        off_t pos = lseek(f->fd, 0, SEEK_CUR);
        if (pos < 0) {
            raise_errno(NULL);
            goto done;
        }
        size = (tn_ssize_t)pos;
    }
    if (ftruncate(f->fd, (off_t)size) < 0) {
        raise_errno(NULL);
        goto done;
    }
    res = tn_int_from_i64(size);
done:
    tn_unlock(self);
    return res;
}

static TnObject *file_fileno(TnObject *self, TnObject *unused)
{
    TnFile *f = (TnFile *)self;
    if (file_check_open(f) < 0)
        return NULL;
    return tn_int_from_i64(f->fd);
}

static TnObject *file_isatty(TnObject *self, TnObject *unused)
{
    TnFile *f = (TnFile *)self;
    if (file_check_open(f) < 0)
        return NULL;
    return tn_bool_from(isatty(f->fd));
}

static TnObject *file_readable(TnObject *self, TnObject *unused)
{
    if (file_check_open((TnFile *)self) < 0)
        return NULL;
    return tn_bool_from(((TnFile *)self)->readable);
}

static TnObject *file_writable(TnObject *self, TnObject *unused)
{
    if (file_check_open((TnFile *)self) < 0)
        return NULL;
    return tn_bool_from(((TnFile *)self)->writable);
}

static TnObject *file_seekable(TnObject *self, TnObject *unused)
{
    TnFile *f = (TnFile *)self;
    if (file_check_open(f) < 0)
        return NULL;
    return tn_bool_from(lseek(f->fd, 0, SEEK_CUR) >= 0);
}

static TnObject *file_repr(TnObject *self)
{
    TnFile *f = (TnFile *)self;
    if (f->binary)
        return tn_str_from_format("<%s name=%R>", TN_TYPE(self)->tp_name, f->name);
    return tn_str_from_format("<_io.TextIOWrapper name=%R mode=%R encoding=%R>", f->name,
                              f->mode, f->encoding);
}

static void file_dealloc(TnObject *self)
{
    TnFile *f = (TnFile *)self;
    TnObject *exc = tn_err_fetch();    /* a failing flush here must not leak out */
    if (close_locked(f) < 0)
        tn_err_clear();
    tn_err_restore(exc);
    TN_XDECREF(f->name);
    TN_XDECREF(f->mode);
    TN_XDECREF(f->encoding);
    TN_XDECREF(f->errors);
    tn_object_free(self);
}

static TnObject *get_closed(TnObject *self, void *c)
{
    return tn_bool_from(tn_load_relaxed(&((TnFile *)self)->closed));
}

static TnObject *get_line_buffering(TnObject *self, void *c)
{
    return tn_bool_from(((TnFile *)self)->line_buffering);
}

static TnObject *get_field(TnObject *self, void *c)
{
    TnObject *v = *(TnObject **)((char *)self + (size_t)c);
    if (!v)
        return tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '%s'",
                             TN_TYPE(self)->tp_name, (size_t)c == offsetof(TnFile, encoding)
                             ? "encoding" : "errors");
    return tn_newref(v);
}

static const TnGetSetDef file_getset[] = {
    { "closed", get_closed, NULL, "True if the file is closed.", NULL },
    { "line_buffering", get_line_buffering, NULL, NULL, NULL },
    { "name", get_field, NULL, NULL, (void *)offsetof(TnFile, name) },
    { "mode", get_field, NULL, NULL, (void *)offsetof(TnFile, mode) },
    { "encoding", get_field, NULL, NULL, (void *)offsetof(TnFile, encoding) },
    { "errors", get_field, NULL, NULL, (void *)offsetof(TnFile, errors) },
    { 0, 0, 0, 0, 0 }
};

static const TnMethodDef file_methods[] = {
    { "read", (void *)file_read, TN_METH_FAST, "Read at most size characters (bytes), or to EOF." },
    { "readline", (void *)file_readline, TN_METH_FAST, "Read until newline or EOF." },
    { "readlines", (void *)file_readlines, TN_METH_FAST, "Return a list of lines from the stream." },
    { "write", (void *)file_write, TN_METH_O, "Write the string (bytes); return the number written." },
    { "writelines", (void *)file_writelines, TN_METH_O, "Write a list of lines to the stream." },
    { "flush", (void *)file_flush, TN_METH_NOARGS, "Flush the write buffer." },
    { "close", (void *)file_close, TN_METH_NOARGS, "Flush and close the file." },
    { "seek", (void *)file_seek, TN_METH_FAST, "Change the stream position." },
    { "tell", (void *)file_tell, TN_METH_NOARGS, "Return the current stream position." },
    { "truncate", (void *)file_truncate, TN_METH_FAST, "Truncate the file to size bytes." },
    { "fileno", (void *)file_fileno, TN_METH_NOARGS, "Return the underlying file descriptor." },
    { "isatty", (void *)file_isatty, TN_METH_NOARGS, "True if the file is a terminal." },
    { "readable", (void *)file_readable, TN_METH_NOARGS, NULL },
    { "writable", (void *)file_writable, TN_METH_NOARGS, NULL },
    { "seekable", (void *)file_seekable, TN_METH_NOARGS, NULL },
    { "__enter__", (void *)file_enter, TN_METH_NOARGS, NULL },
    { "__exit__", (void *)file_exit, TN_METH_FAST, NULL },
    { 0, 0, 0, 0 }
};

/* Files come from open() only; without this the type would inherit the
 * io base class's constructor and build a file with no descriptor. */
static TnObject *file_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return tn_err_format(&tn_exc_TypeError, "cannot create '%s' instances; use open()",
                         type->tp_name);
}

extern TnType tn_textiobase_type, tn_bufferediobase_type;   /* memio.c */

#define FILE_TYPE(var, name, base) \
    TnType var = { \
        TN_STATIC_TYPE_HEAD, \
        .tp_name = name, \
        .tp_base = base, \
        .tp_new = file_new, \
        .tp_basicsize = sizeof(TnFile), \
        .tp_dealloc = file_dealloc, \
        .tp_repr = file_repr, \
        .tp_iter = file_iter, \
        .tp_iternext = file_iternext, \
        .tp_methods = file_methods, \
        .tp_getset = file_getset, \
    };
FILE_TYPE(tn_textio_type, "_io.TextIOWrapper", &tn_textiobase_type)
FILE_TYPE(tn_bufreader_type, "_io.BufferedReader", &tn_bufferediobase_type)
FILE_TYPE(tn_bufwriter_type, "_io.BufferedWriter", &tn_bufferediobase_type)
FILE_TYPE(tn_bufrandom_type, "_io.BufferedRandom", &tn_bufferediobase_type)

/* ---- start-up: types, UnsupportedOperation, std streams ----------------- */

TnObject *tn_io_unsupported_operation(void)
{
    return unsupported_exc;
}

static void flush_std_atexit(void)
{
    tn_file_flush_std();
}

void tn_file_flush_std(void)
{
    for (int i = 1; i < 3; i++) {
        TnObject *o = std_streams[i];
        if (!o)
            continue;
        tn_lock(o);
        if (!tn_load_relaxed(&((TnFile *)o)->closed)) {
            TnFile *f = (TnFile *)o;
            /* Best effort: a failed flush at exit (closed pipe) is dropped. */
            size_t off = 0;
            while (off < f->wlen) {
                ssize_t n = blocking_write(f->fd, f->wbuf + off, f->wlen - off);
                if (n <= 0)
                    break;
                off += (size_t)n;
            }
            f->wlen = 0;
        }
        tn_unlock(o);
    }
}

/* Called by sys's init (start-up, one thread): readies the file types,
 * creates io.UnsupportedOperation and the three standard streams, which are
 * stored in `out` (new references). */
int tn_fileio_init(TnObject *out[3])
{
    if (tn_type_ready(&tn_textio_type) < 0 || tn_type_ready(&tn_bufreader_type) < 0 ||
        tn_type_ready(&tn_bufwriter_type) < 0 || tn_type_ready(&tn_bufrandom_type) < 0)
        return -1;
    if (!unsupported_exc) {
        TnObject *name = tn_str_from_cstr("UnsupportedOperation");
        TnObject *bases = tn_tuple_pack(2, (TnObject *)&tn_exc_OSError, (TnObject *)&tn_exc_ValueError);
        TnObject *dict = tn_dict_new();
        if (!name || !bases || !dict) {
            TN_XDECREF(name);
            TN_XDECREF(bases);
            TN_XDECREF(dict);
            return -1;
        }
        TnObject *modname = tn_str_from_cstr("io");
        if (!modname || tn_dict_setitem_str(dict, "__module__", modname) < 0) {
            TN_XDECREF(modname);
            TN_DECREF(name);
            TN_DECREF(bases);
            TN_DECREF(dict);
            return -1;
        }
        TN_DECREF(modname);
        unsupported_exc = tn_type_new_class(name, bases, dict, NULL);
        if (!unsupported_exc) {
            /* The layout of (OSError, ValueError) should be accepted as in
             * CPython; if the type system refuses it, OSError alone keeps
             * `except OSError` working. */
            tn_err_clear();
            TN_DECREF(bases);
            bases = tn_tuple_pack(1, (TnObject *)&tn_exc_OSError);
            if (bases)
                unsupported_exc = tn_type_new_class(name, bases, dict, NULL);
        }
        TN_DECREF(name);
        TN_XDECREF(bases);
        TN_DECREF(dict);
        if (!unsupported_exc)
            return -1;
    }
    out[0] = tn_file_from_fd(0, "<stdin>", "r", isatty(0));
    out[1] = tn_file_from_fd(1, "<stdout>", "w", isatty(1));
    out[2] = tn_file_from_fd(2, "<stderr>", "w", isatty(2));
    if (!out[0] || !out[1] || !out[2])
        return -1;
    ((TnFile *)out[2])->write_through = 1;   /* stderr: unbuffered text, as CPython */
    for (int i = 0; i < 3; i++) {
        tn_set_immortal(out[i]);
        std_streams[i] = out[i];
    }
    atexit(flush_std_atexit);
    return 0;
}

/* ---- the io module ------------------------------------------------------ */

static TnObject *io_open(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnObject *b = tn_dict_get_str_known(tn_runtime.builtins_dict, tn_str_intern_cstr("open"));
    if (!b)
        return tn_err_format(&tn_exc_RuntimeError, "builtins.open is missing");
    TnObject *r = tn_call(b, args, nargs, kwnames);
    TN_DECREF(b);
    return r;
}

int tn_memio_add_types(TnObject *m);   /* memio.c: StringIO, BytesIO */
int tn_memio_add_bases(TnObject *m);   /* memio.c: IOBase and its subclasses */

static const TnMethodDef io_methods[] = {
    { "open", (void *)io_open, TN_METH_FASTKW, "Open file and return a stream." },
    { 0, 0, 0, 0 }
};

TnObject *tn_module_init_io(void)
{
    TnObject *m = tn_module_new("io");
    if (!m)
        return NULL;
    if (tn_module_add_functions(m, io_methods) < 0 ||
        tn_module_add_object(m, "UnsupportedOperation", unsupported_exc) < 0 ||
        tn_module_add_type(m, &tn_textio_type) < 0 || tn_module_add_type(m, &tn_bufreader_type) < 0 ||
        tn_module_add_type(m, &tn_bufwriter_type) < 0 || tn_module_add_type(m, &tn_bufrandom_type) < 0 ||
        tn_module_add_int(m, "SEEK_SET", 0) < 0 || tn_module_add_int(m, "SEEK_CUR", 1) < 0 ||
        tn_module_add_int(m, "SEEK_END", 2) < 0 || tn_module_add_int(m, "DEFAULT_BUFFER_SIZE", BUFSIZE) < 0 ||
        tn_memio_add_bases(m) < 0 || tn_memio_add_types(m) < 0) {
        TN_DECREF(m);
        return NULL;
    }
    return m;
}
