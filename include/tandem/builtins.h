/* The builtins module, the native standard modules (sys, time, gc, _random)
 * and file objects (open(), sys.stdout/stderr/stdin).
 *
 * Invariants:
 *  - Each tn_module_init_<name> returns a NEW module object and is called
 *    once: builtins and sys by src/runtime/init.c at start-up (builtins
 *    first), the others by the import system on first import, through the
 *    table tn_native_modules[] in src/modules/registry.c.
 *  - print() and input() look sys.stdout / sys.stdin up at call time, so a
 *    user replacement of sys.stdout is honoured. When the target is one of
 *    our own file objects, print() hands it one complete line in one write,
 *    so lines printed by different threads never interleave.
 *  - File objects (src/modules/fileio.c) keep their buffers under the
 *    object's lock (ft build): a write() is never interleaved with another
 *    write() on the same file. The lock is held across the write(2) of a
 *    flush, so bytes reach the fd in the order the writes were accepted.
 *  - sys.stdout is line buffered on a terminal and block buffered
 *    otherwise; sys.stderr is always line buffered (as CPython 3.9+).
 *    tn_file_flush_std() must run before the process exits (it is also
 *    registered with atexit() as a safety net).
 *  - The random generator state (_random.Random) is guarded by the
 *    object's lock, so a generator shared by threads never corrupts.
 */
#ifndef TANDEM_BUILTINS_H
#define TANDEM_BUILTINS_H

#include "tandem/type.h"

/* Module constructors (new references). */
TnObject *tn_module_init_builtins(void);
TnObject *tn_module_init_sys(void);
TnObject *tn_module_init_time(void);
TnObject *tn_module_init_gc(void);
TnObject *tn_module_init__random(void);
TnObject *tn_module_init_io(void);    /* io: open, UnsupportedOperation, file types */
/* Written by other engineers (declared here for registry.c). */
TnObject *tn_module_init_math(void);
TnObject *tn_module_init_dis(void);

/* ---- file objects -------------------------------------------------------
 * One C layout backs every file object; the type object differs only in
 * its name, as CPython's: text files are "_io.TextIOWrapper", binary ones
 * "_io.BufferedReader" / "_io.BufferedWriter" / "_io.BufferedRandom". */
extern TnType tn_textio_type, tn_bufreader_type, tn_bufwriter_type, tn_bufrandom_type;
/* io.UnsupportedOperation (subclass of OSError and ValueError), created at
 * first use; borrowed. */
TnObject *tn_io_unsupported_operation(void);
int tn_file_check(TnObject *o);

/* open(file, mode, buffering, encoding, errors, newline, closefd) with
 * CPython's checks and messages. `file` is a str path or an int fd;
 * encoding/errors/newline may be NULL (= None). New reference or NULL. */
TnObject *tn_file_open(TnObject *file, const char *mode, int buffering,
                       const char *encoding, const char *errors, const char *newline,
                       int closefd);
/* A text file object over an existing fd (not closed by the object):
 * used for sys.stdin/stdout/stderr. */
TnObject *tn_file_from_fd(int fd, const char *name, const char *mode, int line_buffering);
/* Write UTF-8 text (text files) or bytes (binary files) to a file object of
 * ours; returns 0 or -1 (ValueError on a closed file, UnsupportedOperation
 * when not writable, OSError). */
int tn_file_write_utf8(TnObject *f, const char *data, tn_ssize_t size);
/* Flush a file object of ours (0 / -1). */
int tn_file_flush(TnObject *f);
/* Start-up (called by tn_module_init_sys, one thread): readies the file
 * types, creates io.UnsupportedOperation and the standard streams
 * stdin/stdout/stderr (immortal; stored in out[0..2] as new references). */
int tn_fileio_init(TnObject *out[3]);
/* Flush the original sys.stdout and sys.stderr (sys.__stdout__ etc.);
 * never raises. Call before exit. */
void tn_file_flush_std(void);

/* ---- sys helpers --------------------------------------------------------- */
/* sys.<name> as a NEW reference (looked up in the sys module's dict at
 * call time: another thread may replace it), or NULL without an exception
 * when missing. */
TnObject *tn_sys_get_object(const char *name);
/* sys.get_int_max_str_digits() storage (0 = unlimited; default 4300).
 * Read by the int <-> str conversions (numbers engineer). */
extern TN_SHARED(int) tn_int_max_str_digits;

/* ---- random helpers ------------------------------------------------------ */
/* SHA-512 of `len` bytes into out[64] (used by random.seed(str/bytes)). */
void tn_sha512(const void *data, size_t len, unsigned char out[64]);

/* MT19937 state, as CPython's _randommodule.c. Exposed for unit tests. */
typedef struct {
    uint32_t mt[624];
    int index;
} TnMT19937;
void tn_mt_init_genrand(TnMT19937 *s, uint32_t seed);
void tn_mt_init_by_array(TnMT19937 *s, const uint32_t *key, size_t keylen);
uint32_t tn_mt_genrand_uint32(TnMT19937 *s);
double tn_mt_random(TnMT19937 *s);    /* random() in [0, 1), 53 bits */

#endif
