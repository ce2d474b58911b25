/* In-memory streams of the io module: io.StringIO and io.BytesIO.
 *
 * StringIO keeps its text as an array of code points (uint32_t), because
 * its positions (seek, tell, truncate, read sizes) count code points and
 * str is stored as UTF-8: with one slot per code point every position is an
 * index. The UTF-8 value is rebuilt by getvalue()/read(). BytesIO keeps a
 * plain byte buffer.
 *
 * Thread safety (ft build): every method holds the stream's object lock for
 * its whole duration, so concurrent writes never interleave inside one
 * call nor corrupt the buffer. No Python code runs under the lock: argument
 * conversion happens before it is taken.
 */
#include <stddef.h>
#include <string.h>
#include "tandem/tandem.h"
#include "tandem/args.h"
#include "tandem/bytes.h"
#include "tandem/module.h"
#include "tandem/builtins.h"

extern TnType tn_iobase_type, tn_textiobase_type, tn_bufferediobase_type;

/* ---- shared helpers ----------------------------------------------------- */

static TnObject *err_closed(void)
{
    tn_err_setstr(&tn_exc_ValueError, "I/O operation on closed file.");
    return NULL;
}

/* An optional size argument: absent or None means -1 (everything). */
static int size_arg(const char *name, TnObject *const *args, size_t nargs, tn_ssize_t *out)
{
    if (tn_check_nargs(name, nargs, 0, 1) < 0)
        return -1;
    *out = -1;
    if (nargs == 0 || args[0] == tn_None)
        return 0;
    if (!tn_int_check(args[0]) && !TN_TYPE(args[0])->nb_index) {
        tn_err_format(&tn_exc_TypeError, "argument should be integer or None, not '%s'",
                      TN_TYPE(args[0])->tp_name);
        return -1;
    }
    *out = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    return (*out == -1 && tn_err_occurred()) ? -1 : 0;
}

static int seek_args(TnObject *const *args, size_t nargs, tn_ssize_t *pos, int *whence)
{
    if (tn_check_nargs("seek", nargs, 1, 2) < 0)
        return -1;
    *pos = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (*pos == -1 && tn_err_occurred())
        return -1;
    *whence = 0;
    if (nargs == 2) {
        tn_ssize_t w = tn_number_as_ssize(args[1], &tn_exc_OverflowError);
        if (w == -1 && tn_err_occurred())
            return -1;
        if (w < 0 || w > 2) {
            tn_err_format(&tn_exc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", w);
            return -1;
        }
        *whence = (int)w;
    }
    return 0;
}

/* Context manager and iteration are the same for both types. */
static TnObject *stream_enter(TnObject *self, TnObject *unused);
static TnObject *call_close(TnObject *self)
{
    return tn_call_method(self, tn_str_intern_cstr("close"), NULL, 0);
}

static TnObject *stream_exit(TnObject *self, TnObject *const *args, size_t nargs)
{
    return call_close(self);
}


/* ======================================================================== */
/* StringIO                                                                 */
/* ======================================================================== */

enum { SNL_LF, SNL_NONE, SNL_EMPTY, SNL_CR, SNL_CRLF };

typedef struct {
    TnObject ob;
    uint32_t *buf;
    tn_ssize_t len, cap, pos;   /* code points */
    uint8_t closed;
    uint8_t newline;            /* SNL_*: the constructor's newline argument */
    uint8_t initialized;
} TnStringIO;

extern TnType tn_stringio_type;

static int sio_check(TnStringIO *s)
{
    if (!s->initialized) {
        tn_err_setstr(&tn_exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (s->closed) {
        /* StringIO's message has no final period (BytesIO's has) */
        tn_err_setstr(&tn_exc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static int sio_reserve(TnStringIO *s, tn_ssize_t need)
{
    if (need <= s->cap)
        return 0;
    tn_ssize_t cap = s->cap ? s->cap : 16;
    while (cap < need)
        cap *= 2;
    uint32_t *nb = tn_mem_realloc(s->buf, (size_t)cap * sizeof(uint32_t));
    if (!nb) {
        tn_err_nomemory();
        return -1;
    }
    s->buf = nb;
    s->cap = cap;
    return 0;
}

/* Decode a str into code points, applying the write-side newline
 * translation; the result is a fresh tn_mem buffer (*n code points). */
static uint32_t *sio_decode(TnStringIO *s, TnObject *str, tn_ssize_t *n)
{
    const char *p = TN_STR_DATA(str);
    tn_ssize_t size = TN_STR_SIZE(str), len = TN_STR_LEN(str);
    int nl = s->newline;
    /* "\n" may become "\r\n": at most twice as many code points */
    uint32_t *out = tn_mem_alloc(((size_t)len * (nl == SNL_CRLF ? 2 : 1) + 1) * sizeof(uint32_t));
    if (!out) {
        tn_err_nomemory();
        return NULL;
    }
    tn_ssize_t k = 0;
    for (tn_ssize_t i = 0; i < size;) {
        uint32_t c;
        if ((unsigned char)p[i] < 0x80) {
            c = (unsigned char)p[i++];
        } else {
            int l;
            c = tn_utf8_decode(p + i, &l);
            i += l;
        }
        if (c == '\r' && nl == SNL_NONE) {
            if (i < size && p[i] == '\n')
                i++;
            c = '\n';
        } else if (c == '\n' && nl == SNL_CR) {
            c = '\r';
        } else if (c == '\n' && nl == SNL_CRLF) {
            out[k++] = '\r';
        }
        out[k++] = c;
    }
    *n = k;
    return out;
}

/* Writes code points at the position (padding a gap with NULs, as
 * CPython), caller holds the lock. */
static int sio_write_cps(TnStringIO *s, const uint32_t *cp, tn_ssize_t n)
{
    if (n == 0)
        return 0;
    tn_ssize_t end = s->pos + n;
    if (sio_reserve(s, end) < 0)
        return -1;
    if (s->pos > s->len)
        memset(s->buf + s->len, 0, (size_t)(s->pos - s->len) * sizeof(uint32_t));
    memcpy(s->buf + s->pos, cp, (size_t)n * sizeof(uint32_t));
    s->pos = end;
    if (end > s->len)
        s->len = end;
    return 0;
}

static TnObject *sio_make_str(const uint32_t *cp, tn_ssize_t n)
{
    TnStrBuilder b;
    tn_sb_init(&b);
    for (tn_ssize_t i = 0; i < n; i++) {
        if (tn_sb_append_char(&b, cp[i]) < 0) {
            tn_sb_discard(&b);
            return NULL;
        }
    }
    return tn_sb_finish(&b);
}

static TnObject *sio_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnStringIO *s = (TnStringIO *)tn_object_alloc(type, type->tp_basicsize);
    if (!s)
        return NULL;
    s->buf = NULL;
    s->len = s->cap = s->pos = 0;
    s->closed = 0;
    s->newline = SNL_LF;
    s->initialized = 0;
    return &s->ob;
}

static int sio_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "initial_value", "newline", NULL };
    TnObject *a[2] = { NULL, NULL };
    TnStringIO *s = (TnStringIO *)self;
    if (tn_parse_args("StringIO", args, nargs, kwnames, kwlist, 2, 0, a) < 0)
        return -1;
    int nl = SNL_LF;
    if (a[1] && a[1] != tn_None) {
        if (!tn_str_check(a[1])) {
            tn_err_format(&tn_exc_TypeError, "newline must be str or None, not %s",
                          TN_TYPE(a[1])->tp_name);
            return -1;
        }
        const char *v = TN_STR_DATA(a[1]);
        if (!strcmp(v, "\n"))
            nl = SNL_LF;
        else if (!strcmp(v, ""))
            nl = SNL_EMPTY;
        else if (!strcmp(v, "\r"))
            nl = SNL_CR;
        else if (!strcmp(v, "\r\n"))
            nl = SNL_CRLF;
        else {
            tn_err_format(&tn_exc_ValueError, "illegal newline value: %R", a[1]);
            return -1;
        }
    } else if (a[1] == tn_None) {
        nl = SNL_NONE;
    }
    if (a[0] && a[0] != tn_None && !tn_str_check(a[0])) {
        tn_err_format(&tn_exc_TypeError, "initial_value must be str or None, not %s",
                      TN_TYPE(a[0])->tp_name);
        return -1;
    }
    tn_lock(self);
    s->newline = (uint8_t)nl;
    s->len = s->pos = 0;
    s->closed = 0;
    s->initialized = 1;
    int rc = 0;
    if (a[0] && a[0] != tn_None) {
        tn_ssize_t n;
        uint32_t *cp = sio_decode(s, a[0], &n);
        rc = cp ? sio_write_cps(s, cp, n) : -1;
        tn_mem_free(cp);
        s->pos = 0;
    }
    tn_unlock(self);
    return rc;
}

static void sio_dealloc(TnObject *self)
{
    tn_mem_free(((TnStringIO *)self)->buf);
    tn_object_free(self);
}

static TnObject *sio_write(TnObject *self, TnObject *arg)
{
    TnStringIO *s = (TnStringIO *)self;
    if (!tn_str_check(arg))
        return tn_err_format(&tn_exc_TypeError, "string argument expected, got '%s'",
                             TN_TYPE(arg)->tp_name);
    tn_ssize_t n, len = TN_STR_LEN(arg);
    uint32_t *cp = sio_decode(s, arg, &n);
    if (!cp)
        return NULL;
    TnObject *res = NULL;
    tn_lock(self);
    if (sio_check(s) == 0 && sio_write_cps(s, cp, n) == 0)
        res = tn_int_from_i64(len);
    tn_unlock(self);
    tn_mem_free(cp);
    return res;
}

static TnObject *sio_writelines(TnObject *self, TnObject *lines)
{
    TnObject *it = tn_object_iter(lines), *line;
    if (!it)
        return NULL;
    while ((line = tn_iter_next(it))) {
        TnObject *r = sio_write(self, line);
        tn_decref(line);
        if (!r) {
            tn_decref(it);
            return NULL;
        }
        tn_decref(r);
    }
    tn_decref(it);
    if (tn_err_occurred())
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *sio_getvalue(TnObject *self, TnObject *unused)
{
    TnStringIO *s = (TnStringIO *)self;
    TnObject *res = NULL;
    tn_lock(self);
    if (sio_check(s) == 0)
        res = sio_make_str(s->buf, s->len);
    tn_unlock(self);
    return res;
}

static TnObject *sio_read(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnStringIO *s = (TnStringIO *)self;
    tn_ssize_t size;
    if (size_arg("read", args, nargs, &size) < 0)
        return NULL;
    TnObject *res = NULL;
    tn_lock(self);
    if (sio_check(s) == 0) {
        tn_ssize_t avail = s->pos < s->len ? s->len - s->pos : 0;
        if (size < 0 || size > avail)
            size = avail;
        res = sio_make_str(s->buf + s->pos, size);
        if (res)
            s->pos += size;
    }
    tn_unlock(self);
    return res;
}

/* Length of the next line from `start` (including its terminator), at most
 * `limit` code points when limit >= 0. */
static tn_ssize_t sio_line_len(TnStringIO *s, tn_ssize_t start, tn_ssize_t limit)
{
    tn_ssize_t end = s->len;
    if (limit >= 0 && start + limit < end)
        end = start + limit;
    const uint32_t *b = s->buf;
    for (tn_ssize_t i = start; i < end; i++) {
        switch (s->newline) {
        case SNL_EMPTY:
            if (b[i] == '\n')
                return i + 1 - start;
            if (b[i] == '\r')
                return (i + 1 < end && b[i + 1] == '\n' ? i + 2 : i + 1) - start;
            break;
        case SNL_CR:
            if (b[i] == '\r')
                return i + 1 - start;
            break;
        case SNL_CRLF:
            if (b[i] == '\r' && i + 1 < end && b[i + 1] == '\n')
                return i + 2 - start;
            break;
        default:
            if (b[i] == '\n')
                return i + 1 - start;
        }
    }
    return end > start ? end - start : 0;
}

static TnObject *sio_readline_locked(TnStringIO *s, tn_ssize_t limit)
{
    if (s->pos >= s->len)
        return tn_str_from_cstr("");
    tn_ssize_t n = sio_line_len(s, s->pos, limit);
    TnObject *r = sio_make_str(s->buf + s->pos, n);
    if (r)
        s->pos += n;
    return r;
}

static TnObject *sio_readline(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnStringIO *s = (TnStringIO *)self;
    tn_ssize_t size;
    if (size_arg("readline", args, nargs, &size) < 0)
        return NULL;
    TnObject *res = NULL;
    tn_lock(self);
    if (sio_check(s) == 0)
        res = sio_readline_locked(s, size);
    tn_unlock(self);
    return res;
}

static TnObject *sio_readlines(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnStringIO *s = (TnStringIO *)self;
    tn_ssize_t hint;
    if (size_arg("readlines", args, nargs, &hint) < 0)
        return NULL;
    TnObject *list = tn_list_new(0);
    if (!list)
        return NULL;
    tn_lock(self);
    if (sio_check(s) < 0)
        goto error;
    tn_ssize_t total = 0;
    while (s->pos < s->len) {
        TnObject *line = sio_readline_locked(s, -1);
        if (!line)
            goto error;
        total += TN_STR_LEN(line);
        int rc = tn_list_append(list, line);
        tn_decref(line);
        if (rc < 0)
            goto error;
        if (hint > 0 && total >= hint)
            break;
    }
    tn_unlock(self);
    return list;
error:
    tn_unlock(self);
    tn_decref(list);
    return NULL;
}

static TnObject *sio_seek(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnStringIO *s = (TnStringIO *)self;
    tn_ssize_t pos;
    int whence;
    if (seek_args(args, nargs, &pos, &whence) < 0)
        return NULL;
    TnObject *res = NULL;
    tn_lock(self);
    if (sio_check(s) < 0)
        goto done;
    if (whence == 0 && pos < 0) {
        tn_err_format(&tn_exc_ValueError, "Negative seek position %zd", pos);
        goto done;
    }
    if (whence != 0 && pos != 0) {
        tn_err_setstr(&tn_exc_OSError, whence == 1 ? "Can't do nonzero cur-relative seeks"
                                                   : "Can't do nonzero end-relative seeks");
        goto done;
    }
    if (whence == 2)
        s->pos = s->len;
    else if (whence == 0)
        s->pos = pos;
    res = tn_int_from_i64(s->pos);
done:
    tn_unlock(self);
    return res;
}

/* ---- what StringIO and BytesIO share ------------------------------------ */

/* The fields both types start with, in the same order (checked below), so
 * tell/truncate/close/flush and the predicates exist once. Positions are
 * code points for StringIO and bytes for BytesIO. */
typedef struct {
    TnObject ob;
    void *buf;
    tn_ssize_t len, cap, pos;
    uint8_t closed;
} MemHead;
_Static_assert(offsetof(TnStringIO, buf) == offsetof(MemHead, buf) &&
               offsetof(TnStringIO, pos) == offsetof(MemHead, pos) &&
               offsetof(TnStringIO, closed) == offsetof(MemHead, closed),
               "StringIO must start like MemHead");

static int is_stringio(TnObject *self) { return tn_is_instance_fast(self, &tn_stringio_type); }

/* Usable (initialised, open)? Else -1 with the type's own ValueError. */
static int mem_check(TnObject *self)
{
    if (is_stringio(self))
        return sio_check((TnStringIO *)self);
    if (((MemHead *)self)->closed) {
        err_closed();
        return -1;
    }
    return 0;
}

static TnObject *mem_tell(TnObject *self, TnObject *unused)
{
    TnObject *res = NULL;
    tn_lock(self);
    if (mem_check(self) == 0)
        res = tn_int_from_i64(((MemHead *)self)->pos);
    tn_unlock(self);
    return res;
}

static TnObject *mem_truncate(TnObject *self, TnObject *const *args, size_t nargs)
{
    MemHead *m = (MemHead *)self;
    tn_ssize_t size;
    if (size_arg("truncate", args, nargs, &size) < 0)
        return NULL;
    int given = nargs == 1 && args[0] != tn_None;
    TnObject *res = NULL;
    tn_lock(self);
    if (mem_check(self) < 0)
        goto done;
    if (!given)
        size = m->pos;
    if (size < 0) {
        tn_err_format(&tn_exc_ValueError, is_stringio(self) ? "Negative size value %zd"
                                                            : "negative size value %zd", size);
        goto done;
    }
    if (size < m->len)
        m->len = size;
    res = tn_int_from_i64(size);
done:
    tn_unlock(self);
    return res;
}

static TnObject *mem_close(TnObject *self, TnObject *unused)
{
    MemHead *m = (MemHead *)self;
    tn_lock(self);
    m->closed = 1;
    tn_mem_free(m->buf);
    m->buf = NULL;
    m->len = m->cap = 0;
    tn_unlock(self);
    TN_RETURN_NONE;
}

static TnObject *mem_checked_bool(TnObject *self, int value)
{
    if (mem_check(self) < 0)
        return NULL;
    return tn_bool_from(value);
}

static TnObject *mem_true(TnObject *self, TnObject *unused) { return mem_checked_bool(self, 1); }
static TnObject *mem_false(TnObject *self, TnObject *unused) { return mem_checked_bool(self, 0); }

static TnObject *mem_flush(TnObject *self, TnObject *unused)
{
    if (mem_check(self) < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *mem_iter(TnObject *self)
{
    if (mem_check(self) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *sio_iternext(TnObject *self)
{
    TnStringIO *s = (TnStringIO *)self;
    TnObject *line;
    if (TN_TYPE(self) == &tn_stringio_type) {
        tn_lock(self);
        line = sio_check(s) < 0 ? NULL : sio_readline_locked(s, -1);
        tn_unlock(self);
    } else {
        /* a subclass may override readline() */
        line = tn_call_method(self, tn_str_intern_cstr("readline"), NULL, 0);
        if (line && !tn_str_check(line)) {
            tn_err_format(&tn_exc_OSError, "readline() should have returned a str object, not '%s'",
                          TN_TYPE(line)->tp_name);
            TN_CLEAR(line);
        }
    }
    if (!line)
        return NULL;
    if (TN_STR_SIZE(line) == 0) {
        tn_decref(line);
        return NULL;
    }
    return line;
}

static TnObject *sio_get_closed(TnObject *self, void *c)
{
    return tn_bool_from(((TnStringIO *)self)->closed);
}

static TnObject *sio_get_line_buffering(TnObject *self, void *c)
{
    if (sio_check((TnStringIO *)self) < 0)
        return NULL;
    return tn_bool_from(0);
}

static TnObject *sio_get_newlines(TnObject *self, void *c)
{
    TN_RETURN_NONE;
}

static const TnGetSetDef sio_getset[] = {
    { "closed", sio_get_closed, NULL, "True if the file is closed.", NULL },
    { "line_buffering", sio_get_line_buffering, NULL, NULL, NULL },
    { "newlines", sio_get_newlines, NULL, NULL, NULL },
    { 0, 0, 0, 0, 0 }
};

static const TnMethodDef sio_methods[] = {
    { "getvalue", (void *)sio_getvalue, TN_METH_NOARGS, "Retrieve the entire contents of the object." },
    { "read", (void *)sio_read, TN_METH_FAST, "Read at most size characters, returned as a string." },
    { "readline", (void *)sio_readline, TN_METH_FAST, "Read until newline or EOF." },
    { "readlines", (void *)sio_readlines, TN_METH_FAST, "Return a list of lines from the stream." },
    { "write", (void *)sio_write, TN_METH_O, "Write string to file; returns the number of characters written." },
    { "writelines", (void *)sio_writelines, TN_METH_O, "Write a list of lines to stream." },
    { "seek", (void *)sio_seek, TN_METH_FAST, "Change stream position." },
    { "tell", (void *)mem_tell, TN_METH_NOARGS, "Tell the current file position." },
    { "truncate", (void *)mem_truncate, TN_METH_FAST, "Truncate size to pos." },
    { "close", (void *)mem_close, TN_METH_NOARGS, "Close the IO object." },
    { "flush", (void *)mem_flush, TN_METH_NOARGS, NULL },
    { "readable", (void *)mem_true, TN_METH_NOARGS, "Returns True if the IO object can be read." },
    { "writable", (void *)mem_true, TN_METH_NOARGS, "Returns True if the IO object can be written." },
    { "seekable", (void *)mem_true, TN_METH_NOARGS, "Returns True if the IO object can be seeked." },
    { "isatty", (void *)mem_false, TN_METH_NOARGS, NULL },
    { "__enter__", (void *)stream_enter, TN_METH_NOARGS, NULL },
    { "__exit__", (void *)stream_exit, TN_METH_FAST, NULL },
    { 0, 0, 0, 0 }
};

TnType tn_stringio_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(TnStringIO),
    .tp_flags = TN_TPFLAG_BASETYPE,
    .tp_base = &tn_textiobase_type,
    .tp_dealloc = sio_dealloc,
    .tp_new = sio_new,
    .tp_init = sio_init,
    .tp_iter = mem_iter,
    .tp_iternext = sio_iternext,
    .tp_methods = sio_methods,
    .tp_getset = sio_getset,
    .tp_doc = "Text I/O implementation using an in-memory buffer.",
};

/* ======================================================================== */
/* BytesIO                                                                  */
/* ======================================================================== */

typedef struct {
    TnObject ob;
    char *buf;
    tn_ssize_t len, cap, pos;
    uint8_t closed;
} TnBytesIO;
_Static_assert(offsetof(TnBytesIO, buf) == offsetof(MemHead, buf) &&
               offsetof(TnBytesIO, pos) == offsetof(MemHead, pos) &&
               offsetof(TnBytesIO, closed) == offsetof(MemHead, closed),
               "BytesIO must start like MemHead");

extern TnType tn_bytesio_type;

static int bio_check(TnBytesIO *b)
{
    if (b->closed) {
        err_closed();
        return -1;
    }
    return 0;
}

static int bio_write_data(TnBytesIO *b, const char *data, tn_ssize_t n)
{
    if (n == 0)
        return 0;
    tn_ssize_t end = b->pos + n;
    if (end > b->cap) {
        tn_ssize_t cap = b->cap ? b->cap : 64;
        while (cap < end)
            cap *= 2;
        char *nb = tn_mem_realloc(b->buf, (size_t)cap);
        if (!nb) {
            tn_err_nomemory();
            return -1;
        }
        b->buf = nb;
        b->cap = cap;
    }
    if (b->pos > b->len)
        memset(b->buf + b->len, 0, (size_t)(b->pos - b->len));
    memcpy(b->buf + b->pos, data, (size_t)n);
    b->pos = end;
    if (end > b->len)
        b->len = end;
    return 0;
}

/* A private copy of a bytes-like argument's content: the argument may be a
 * bytearray another thread resizes while we hold only our own lock. */
static TnObject *bytes_arg(TnObject *o)
{
    if (tn_bytes_check(o))
        return tn_newref(o);
    const char *data;
    tn_ssize_t size;
    if (!tn_bytearray_check(o) || tn_bytes_like_get(o, &data, &size) < 0) {
        tn_err_clear();
        return tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'",
                             TN_TYPE(o)->tp_name);
    }
    return tn_bytes_from_data(data, size);
}

static TnObject *bio_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    TnBytesIO *b = (TnBytesIO *)tn_object_alloc(type, type->tp_basicsize);
    if (!b)
        return NULL;
    b->buf = NULL;
    b->len = b->cap = b->pos = 0;
    b->closed = 0;
    return &b->ob;
}

static int bio_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    static const char *const kwlist[] = { "initial_bytes", NULL };
    TnObject *a[1] = { NULL };
    TnBytesIO *b = (TnBytesIO *)self;
    if (tn_parse_args("BytesIO", args, nargs, kwnames, kwlist, 1, 0, a) < 0)
        return -1;
    TnObject *data = NULL;
    if (a[0] && a[0] != tn_None) {
        data = bytes_arg(a[0]);
        if (!data)
            return -1;
    }
    tn_lock(self);
    b->len = b->pos = 0;
    b->closed = 0;
    int rc = data ? bio_write_data(b, TN_BYTES_DATA(data), TN_BYTES_SIZE(data)) : 0;
    b->pos = 0;
    tn_unlock(self);
    TN_XDECREF(data);
    return rc;
}

static void bio_dealloc(TnObject *self)
{
    tn_mem_free(((TnBytesIO *)self)->buf);
    tn_object_free(self);
}

static TnObject *bio_write(TnObject *self, TnObject *arg)
{
    TnBytesIO *b = (TnBytesIO *)self;
    TnObject *data = bytes_arg(arg);
    if (!data)
        return NULL;
    TnObject *res = NULL;
    tn_lock(self);
    if (bio_check(b) == 0 && bio_write_data(b, TN_BYTES_DATA(data), TN_BYTES_SIZE(data)) == 0)
        res = tn_int_from_i64(TN_BYTES_SIZE(data));
    tn_unlock(self);
    tn_decref(data);
    return res;
}

static TnObject *bio_writelines(TnObject *self, TnObject *lines)
{
    TnObject *it = tn_object_iter(lines), *line;
    if (!it)
        return NULL;
    while ((line = tn_iter_next(it))) {
        TnObject *r = bio_write(self, line);
        tn_decref(line);
        if (!r) {
            tn_decref(it);
            return NULL;
        }
        tn_decref(r);
    }
    tn_decref(it);
    if (tn_err_occurred())
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *bio_getvalue(TnObject *self, TnObject *unused)
{
    TnBytesIO *b = (TnBytesIO *)self;
    TnObject *res = NULL;
    tn_lock(self);
    if (bio_check(b) == 0)
        res = tn_bytes_from_data(b->buf ? b->buf : "", b->len);
    tn_unlock(self);
    return res;
}

static TnObject *bio_read(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnBytesIO *b = (TnBytesIO *)self;
    tn_ssize_t size;
    if (size_arg("read", args, nargs, &size) < 0)
        return NULL;
    TnObject *res = NULL;
    tn_lock(self);
    if (bio_check(b) == 0) {
        tn_ssize_t avail = b->pos < b->len ? b->len - b->pos : 0;
        if (size < 0 || size > avail)
            size = avail;
        res = tn_bytes_from_data(size ? b->buf + b->pos : "", size);
        if (res)
            b->pos += size;
    }
    tn_unlock(self);
    return res;
}

static TnObject *bio_readline_locked(TnBytesIO *b, tn_ssize_t limit)
{
    if (b->pos >= b->len)
        return tn_bytes_from_data("", 0);
    tn_ssize_t end = b->len;
    if (limit >= 0 && b->pos + limit < end)
        end = b->pos + limit;
    const char *nl = memchr(b->buf + b->pos, '\n', (size_t)(end - b->pos));
    tn_ssize_t n = nl ? (nl - (b->buf + b->pos)) + 1 : end - b->pos;
    TnObject *r = tn_bytes_from_data(b->buf + b->pos, n);
    if (r)
        b->pos += n;
    return r;
}

static TnObject *bio_readline(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnBytesIO *b = (TnBytesIO *)self;
    tn_ssize_t size;
    if (size_arg("readline", args, nargs, &size) < 0)
        return NULL;
    TnObject *res = NULL;
    tn_lock(self);
    if (bio_check(b) == 0)
        res = bio_readline_locked(b, size);
    tn_unlock(self);
    return res;
}

static TnObject *bio_readlines(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnBytesIO *b = (TnBytesIO *)self;
    tn_ssize_t hint;
    if (size_arg("readlines", args, nargs, &hint) < 0)
        return NULL;
    TnObject *list = tn_list_new(0);
    if (!list)
        return NULL;
    tn_lock(self);
    if (bio_check(b) < 0)
        goto error;
    tn_ssize_t total = 0;
    while (b->pos < b->len) {
        TnObject *line = bio_readline_locked(b, -1);
        if (!line)
            goto error;
        total += TN_BYTES_SIZE(line);
        int rc = tn_list_append(list, line);
        tn_decref(line);
        if (rc < 0)
            goto error;
        if (hint > 0 && total >= hint)
            break;
    }
    tn_unlock(self);
    return list;
error:
    tn_unlock(self);
    tn_decref(list);
    return NULL;
}

static TnObject *bio_seek(TnObject *self, TnObject *const *args, size_t nargs)
{
    TnBytesIO *b = (TnBytesIO *)self;
    tn_ssize_t pos;
    int whence;
    if (seek_args(args, nargs, &pos, &whence) < 0)
        return NULL;
    TnObject *res = NULL;
    tn_lock(self);
    if (bio_check(b) < 0)
        goto done;
    if (whence == 0 && pos < 0) {
        tn_err_format(&tn_exc_ValueError, "negative seek value %zd", pos);
        goto done;
    }
    if (whence == 1)
        pos += b->pos;
    else if (whence == 2)
        pos += b->len;
    b->pos = pos < 0 ? 0 : pos;
    res = tn_int_from_i64(b->pos);
done:
    tn_unlock(self);
    return res;
}

static TnObject *bio_iternext(TnObject *self)
{
    TnBytesIO *b = (TnBytesIO *)self;
    tn_lock(self);
    TnObject *line = bio_check(b) < 0 ? NULL : bio_readline_locked(b, -1);
    tn_unlock(self);
    if (!line)
        return NULL;
    if (TN_BYTES_SIZE(line) == 0) {
        tn_decref(line);
        return NULL;
    }
    return line;
}

static TnObject *bio_get_closed(TnObject *self, void *c)
{
    return tn_bool_from(((TnBytesIO *)self)->closed);
}

static const TnGetSetDef bio_getset[] = {
    { "closed", bio_get_closed, NULL, "True if the file is closed.", NULL },
    { 0, 0, 0, 0, 0 }
};

static const TnMethodDef bio_methods[] = {
    { "getvalue", (void *)bio_getvalue, TN_METH_NOARGS, "Retrieve the entire contents of the BytesIO object." },
    { "read", (void *)bio_read, TN_METH_FAST, "Read at most size bytes, returned as a bytes object." },
    { "read1", (void *)bio_read, TN_METH_FAST, "Read at most size bytes, returned as a bytes object." },
    { "readline", (void *)bio_readline, TN_METH_FAST, "Next line from the file, as a bytes object." },
    { "readlines", (void *)bio_readlines, TN_METH_FAST, "List of bytes objects, each a line from the file." },
    { "write", (void *)bio_write, TN_METH_O, "Write bytes to file; return the number of bytes written." },
    { "writelines", (void *)bio_writelines, TN_METH_O, "Write lines to the file." },
    { "seek", (void *)bio_seek, TN_METH_FAST, "Change stream position." },
    { "tell", (void *)mem_tell, TN_METH_NOARGS, "Current file position, an integer." },
    { "truncate", (void *)mem_truncate, TN_METH_FAST, "Truncate the file to at most size bytes." },
    { "close", (void *)mem_close, TN_METH_NOARGS, "Disable all I/O operations." },
    { "flush", (void *)mem_flush, TN_METH_NOARGS, "Does nothing." },
    { "readable", (void *)mem_true, TN_METH_NOARGS, "Returns True if the IO object can be read." },
    { "writable", (void *)mem_true, TN_METH_NOARGS, "Returns True if the IO object can be written." },
    { "seekable", (void *)mem_true, TN_METH_NOARGS, "Returns True if the IO object can be seeked." },
    { "isatty", (void *)mem_false, TN_METH_NOARGS, "Always returns False." },
    { "__enter__", (void *)stream_enter, TN_METH_NOARGS, NULL },
    { "__exit__", (void *)stream_exit, TN_METH_FAST, NULL },
    { 0, 0, 0, 0 }
};

TnType tn_bytesio_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(TnBytesIO),
    .tp_flags = TN_TPFLAG_BASETYPE,
    .tp_base = &tn_bufferediobase_type,
    .tp_dealloc = bio_dealloc,
    .tp_new = bio_new,
    .tp_init = bio_init,
    .tp_iter = mem_iter,
    .tp_iternext = bio_iternext,
    .tp_methods = bio_methods,
    .tp_getset = bio_getset,
    .tp_doc = "Buffered I/O implementation using an in-memory bytes buffer.",
};

/* ---- shared method bodies ------------------------------------------------ */

static TnObject *stream_enter(TnObject *self, TnObject *unused)
{
    if (tn_is_instance_fast(self, &tn_stringio_type)) {
        if (sio_check((TnStringIO *)self) < 0)
            return NULL;
    } else if (bio_check((TnBytesIO *)self) < 0) {
        return NULL;
    }
    return tn_newref(self);
}


/* Called from the io module's init (fileio.c). */
int tn_memio_add_types(TnObject *m)
{
    if (tn_type_ready(&tn_stringio_type) < 0 || tn_type_ready(&tn_bytesio_type) < 0)
        return -1;
    if (tn_module_add_type(m, &tn_stringio_type) < 0 || tn_module_add_type(m, &tn_bytesio_type) < 0)
        return -1;
    return 0;
}

/* ======================================================================== */
/* IOBase and its abstract subclasses                                       */
/* ======================================================================== */

/* io.IOBase, io.RawIOBase, io.BufferedIOBase and io.TextIOBase: the common
 * bases of every stream type here (for isinstance) and of user-written
 * streams, which get CPython's default methods built on their own read(),
 * readline(), write(), seek() and flush(). The closed state of such a user
 * object lives in its __dict__ as "__IOBase_closed", as in CPython. */

static TnObject *iob_unsupported(const char *what)
{
    TnObject *t = tn_io_unsupported_operation();
    tn_err_setstr(t ? (TnType *)t : &tn_exc_OSError, what);
    return NULL;
}

static int iob_is_closed(TnObject *self)
{
    TnObject *v = tn_object_getattr(self, tn_str_intern_cstr("__IOBase_closed"));
    if (!v) {
        tn_err_clear();
        return 0;
    }
    int t = tn_object_is_true(v);
    tn_decref(v);
    return t;
}

static TnObject *iob_new(TnType *type, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return tn_object_alloc(type, type->tp_basicsize);
}

static int iob_init(TnObject *self, TnObject *const *args, size_t nargs, TnObject *kwnames)
{
    return 0;
}

static TnObject *iob_check_closed(TnObject *self)
{
    int c = iob_is_closed(self);
    if (c < 0)
        return NULL;
    if (c)
        return err_closed();
    return self;
}

static TnObject *iob_flush(TnObject *self, TnObject *unused)
{
    if (!iob_check_closed(self))
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *iob_close(TnObject *self, TnObject *unused)
{
    int c = iob_is_closed(self);
    if (c < 0)
        return NULL;
    if (c)
        TN_RETURN_NONE;
    TnObject *r = tn_call_method(self, tn_str_intern_cstr("flush"), NULL, 0);
    /* closed even when flush fails, as CPython */
    int rc = tn_object_setattr_cstr(self, "__IOBase_closed", tn_bool_from(1));
    if (!r)
        return NULL;
    tn_decref(r);
    if (rc < 0)
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *iob_get_closed(TnObject *self, void *c)
{
    int v = iob_is_closed(self);
    return v < 0 ? NULL : tn_bool_from(v);
}

static TnObject *iob_enter(TnObject *self, TnObject *unused)
{
    TnObject *r = tn_object_getattr(self, tn_str_intern_cstr("closed"));
    if (!r)
        return NULL;
    int c = tn_object_is_true(r);
    tn_decref(r);
    if (c < 0)
        return NULL;
    if (c)
        return err_closed();
    return tn_newref(self);
}

static TnObject *iob_exit(TnObject *self, TnObject *const *args, size_t nargs)
{
    return call_close(self);
}

static TnObject *iob_false(TnObject *self, TnObject *unused) { return tn_bool_from(0); }
static TnObject *iob_fileno(TnObject *self, TnObject *unused) { return iob_unsupported("fileno"); }
static TnObject *iob_seek(TnObject *self, TnObject *const *a, size_t n) { return iob_unsupported("seek"); }
static TnObject *iob_truncate(TnObject *self, TnObject *const *a, size_t n) { return iob_unsupported("truncate"); }

static TnObject *iob_tell(TnObject *self, TnObject *unused)
{
    TnObject *zero = tn_int_from_i64(0), *one = tn_int_from_i64(1);
    TnObject *args[2] = { zero, one };
    TnObject *r = tn_call_method(self, tn_str_intern_cstr("seek"), args, 2);
    tn_decref(zero);
    tn_decref(one);
    return r;
}

/* readline() from read(1): a str or bytes line, whichever read() gives. */
static TnObject *iob_readline(TnObject *self, TnObject *const *args, size_t nargs)
{
    tn_ssize_t limit;
    if (size_arg("readline", args, nargs, &limit) < 0)
        return NULL;
    TnObject *one = tn_int_from_i64(1), *acc = NULL;
    if (!one)
        return NULL;
    for (tn_ssize_t n = 0; limit < 0 || n < limit; n++) {
        TnObject *c = tn_call_method(self, tn_str_intern_cstr("read"), &one, 1);
        if (!c)
            goto error;
        int is_str = tn_str_check(c);
        if (!is_str && !tn_bytes_check(c)) {
            tn_err_format(&tn_exc_OSError, "read() should have returned a bytes object, not '%s'",
                          TN_TYPE(c)->tp_name);
            tn_decref(c);
            goto error;
        }
        tn_ssize_t len = is_str ? TN_STR_SIZE(c) : TN_BYTES_SIZE(c);
        int nl = len && (is_str ? TN_STR_DATA(c) : TN_BYTES_DATA(c))[len - 1] == '\n';
        TnObject *next = acc ? tn_number_add(acc, c) : tn_newref(c);
        tn_decref(c);
        TN_XDECREF(acc);
        acc = next;
        if (!acc)
            goto error;
        if (!len || nl)
            break;
    }
    tn_decref(one);
    return acc ? acc : tn_bytes_from_data("", 0);
error:
    tn_decref(one);
    TN_XDECREF(acc);
    return NULL;
}

static TnObject *iob_readlines(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("readlines", nargs, 0, 1) < 0)
        return NULL;
    TnObject *list = tn_list_new(0);
    if (list && tn_list_extend(list, self) < 0)
        TN_CLEAR(list);
    return list;
}

static TnObject *iob_writelines(TnObject *self, TnObject *lines)
{
    if (!iob_check_closed(self))
        return NULL;
    TnObject *it = tn_object_iter(lines), *line;
    if (!it)
        return NULL;
    while ((line = tn_iter_next(it))) {
        TnObject *r = tn_call_method(self, tn_str_intern_cstr("write"), &line, 1);
        tn_decref(line);
        if (!r) {
            tn_decref(it);
            return NULL;
        }
        tn_decref(r);
    }
    tn_decref(it);
    if (tn_err_occurred())
        return NULL;
    TN_RETURN_NONE;
}

static TnObject *iob_iter(TnObject *self)
{
    if (!iob_check_closed(self))
        return NULL;
    return tn_newref(self);
}

static TnObject *iob_iternext(TnObject *self)
{
    TnObject *line = tn_call_method(self, tn_str_intern_cstr("readline"), NULL, 0);
    if (!line)
        return NULL;
    tn_ssize_t n = tn_object_length(line);
    if (n <= 0) {
        tn_decref(line);
        return NULL;
    }
    return line;
}

static const TnGetSetDef iob_getset[] = {
    { "closed", iob_get_closed, NULL, NULL, NULL },
    { 0, 0, 0, 0, 0 }
};

static const TnMethodDef iob_methods[] = {
    { "close", (void *)iob_close, TN_METH_NOARGS, "Flush and close the IO object." },
    { "flush", (void *)iob_flush, TN_METH_NOARGS, "Flush write buffers, if applicable." },
    { "readable", (void *)iob_false, TN_METH_NOARGS, "Return whether object was opened for reading." },
    { "writable", (void *)iob_false, TN_METH_NOARGS, "Return whether object was opened for writing." },
    { "seekable", (void *)iob_false, TN_METH_NOARGS, "Return whether object supports random access." },
    { "isatty", (void *)iob_false, TN_METH_NOARGS, "Return whether this is an 'interactive' stream." },
    { "fileno", (void *)iob_fileno, TN_METH_NOARGS, "Returns underlying file descriptor if one exists." },
    { "seek", (void *)iob_seek, TN_METH_FAST, "Change the stream position." },
    { "tell", (void *)iob_tell, TN_METH_NOARGS, "Return current stream position." },
    { "truncate", (void *)iob_truncate, TN_METH_FAST, "Truncate file to size bytes." },
    { "readline", (void *)iob_readline, TN_METH_FAST, "Read and return a line from the stream." },
    { "readlines", (void *)iob_readlines, TN_METH_FAST, "Return a list of lines from the stream." },
    { "writelines", (void *)iob_writelines, TN_METH_O, "Write a list of lines to stream." },
    { "__enter__", (void *)iob_enter, TN_METH_NOARGS, NULL },
    { "__exit__", (void *)iob_exit, TN_METH_FAST, NULL },
    { 0, 0, 0, 0 }
};

TnType tn_iobase_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "_io._IOBase",
    .tp_basicsize = sizeof(TnObject),
    .tp_flags = TN_TPFLAG_BASETYPE,
    .tp_new = iob_new,
    .tp_init = iob_init,
    .tp_iter = iob_iter,
    .tp_iternext = iob_iternext,
    .tp_methods = iob_methods,
    .tp_getset = iob_getset,
    .tp_doc = "The abstract base class for all I/O classes.",
};

#define IOB_SUBTYPE(var, name, doc) \
    TnType var = { \
        TN_STATIC_TYPE_HEAD, \
        .tp_name = name, \
        .tp_basicsize = sizeof(TnObject), \
        .tp_flags = TN_TPFLAG_BASETYPE, \
        .tp_base = &tn_iobase_type, \
        .tp_new = iob_new, \
        .tp_init = iob_init, \
        .tp_doc = doc, \
    };
IOB_SUBTYPE(tn_rawiobase_type, "_io._RawIOBase", "Base class for raw binary I/O.")
IOB_SUBTYPE(tn_bufferediobase_type, "_io._BufferedIOBase", "Base class for buffered IO objects.")
IOB_SUBTYPE(tn_textiobase_type, "_io._TextIOBase", "Base class for text I/O.")

/* Called from the io module's init (fileio.c), after the file types. */
int tn_memio_add_bases(TnObject *m)
{
    if (tn_type_ready(&tn_iobase_type) < 0 || tn_type_ready(&tn_rawiobase_type) < 0 ||
        tn_type_ready(&tn_bufferediobase_type) < 0 || tn_type_ready(&tn_textiobase_type) < 0)
        return -1;
    if (tn_module_add_object(m, "IOBase", (TnObject *)&tn_iobase_type) < 0 ||
        tn_module_add_object(m, "RawIOBase", (TnObject *)&tn_rawiobase_type) < 0 ||
        tn_module_add_object(m, "BufferedIOBase", (TnObject *)&tn_bufferediobase_type) < 0 ||
        tn_module_add_object(m, "TextIOBase", (TnObject *)&tn_textiobase_type) < 0)
        return -1;
    return 0;
}
