/* The time module: clocks, sleep and the basic calendar functions.
 * No mutable C state. */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include "tandem/tandem.h"
#include "tandem/gil.h"
#include "tandem/args.h"
#include "tandem/module.h"
#include "tandem/builtins.h"

static double ts_to_double(const struct timespec *ts)
{
    return (double)ts->tv_sec + (double)ts->tv_nsec * 1e-9;
}

static int64_t ts_to_ns(const struct timespec *ts)
{
    return (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

static TnObject *clock_float(clockid_t id)
{
    struct timespec ts;
    if (clock_gettime(id, &ts) < 0)
        return tn_err_from_errno(&tn_exc_OSError, NULL);
    return tn_float_new(ts_to_double(&ts));
}

static TnObject *clock_ns(clockid_t id)
{
    struct timespec ts;
    if (clock_gettime(id, &ts) < 0)
        return tn_err_from_errno(&tn_exc_OSError, NULL);
    return tn_int_from_i64(ts_to_ns(&ts));
}

static TnObject *time_time(TnObject *s, TnObject *u) { return clock_float(CLOCK_REALTIME); }
static TnObject *time_time_ns(TnObject *s, TnObject *u) { return clock_ns(CLOCK_REALTIME); }
static TnObject *time_monotonic(TnObject *s, TnObject *u) { return clock_float(CLOCK_MONOTONIC); }
static TnObject *time_monotonic_ns(TnObject *s, TnObject *u) { return clock_ns(CLOCK_MONOTONIC); }
static TnObject *time_process_time(TnObject *s, TnObject *u) { return clock_float(CLOCK_PROCESS_CPUTIME_ID); }
static TnObject *time_process_time_ns(TnObject *s, TnObject *u) { return clock_ns(CLOCK_PROCESS_CPUTIME_ID); }
static TnObject *time_thread_time(TnObject *s, TnObject *u) { return clock_float(CLOCK_THREAD_CPUTIME_ID); }
static TnObject *time_thread_time_ns(TnObject *s, TnObject *u) { return clock_ns(CLOCK_THREAD_CPUTIME_ID); }

static int clock_id_arg(TnObject *arg, clockid_t *out)
{
    int64_t v;
    if (!tn_int_check(arg)) {
        tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      TN_TYPE(arg)->tp_name);
        return -1;
    }
    if (!tn_int_as_i64_overflow(arg, &v) || v > INT32_MAX || v < INT32_MIN) {
        tn_err_setstr(&tn_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (clockid_t)v;
    return 0;
}

static TnObject *time_clock_gettime(TnObject *s, TnObject *arg)
{
    clockid_t id;
    return clock_id_arg(arg, &id) < 0 ? NULL : clock_float(id);
}

static TnObject *time_clock_gettime_ns(TnObject *s, TnObject *arg)
{
    clockid_t id;
    return clock_id_arg(arg, &id) < 0 ? NULL : clock_ns(id);
}

static TnObject *time_clock_getres(TnObject *s, TnObject *arg)
{
    clockid_t id;
    struct timespec ts;
    if (clock_id_arg(arg, &id) < 0)
        return NULL;
    if (clock_getres(id, &ts) < 0)
        return tn_err_from_errno(&tn_exc_OSError, NULL);
    return tn_float_new(ts_to_double(&ts));
}

/* The one blocking call of this module. It holds no lock; the threads
 * issue wraps it to release the GIL (gil build) and go offline for QSBR
 * (ft build) while it sleeps. Returns 0, or -1 with errno set. A signal
 * interrupts the sleep: the caller runs the signal check, then resumes. */
static int blocking_sleep(struct timespec *deadline)
{
    /* threads issue: other threads run (gil) / grace periods proceed (ft). */
    TnThreadState *ts = tn_ts();
    TN_BEGIN_BLOCKING(ts);
    int r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, deadline, NULL);
    TN_END_BLOCKING(ts);
    if (r != 0) {
        errno = r;
        return -1;
    }
    return 0;
}

int tn_eval_handle_signals(TnThreadState *ts);

static TnObject *time_sleep(TnObject *self, TnObject *arg)
{
    double secs;
    if (!tn_float_check(arg) && !tn_int_check(arg)) {
        tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      TN_TYPE(arg)->tp_name);
        return NULL;
    }
    secs = tn_float_as_double(arg);
    if (secs == -1.0 && tn_err_occurred())
        return NULL;
    if (isnan(secs)) {
        tn_err_setstr(&tn_exc_ValueError, "Invalid value NaN (not a number)");
        return NULL;
    }
    if (secs < 0) {
        tn_err_setstr(&tn_exc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    if (secs > 9.2e9) {
        tn_err_setstr(&tn_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return NULL;
    }
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    double whole = floor(secs);
    deadline.tv_sec += (time_t)whole;
    deadline.tv_nsec += (long)((secs - whole) * 1e9);
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    while (blocking_sleep(&deadline) < 0) {
        if (errno != EINTR)
            return tn_err_from_errno(&tn_exc_OSError, NULL);
        if (tn_eval_handle_signals(tn_ts()) < 0)   /* Ctrl-C: KeyboardInterrupt */
            return NULL;
    }
    TN_RETURN_NONE;
}

/* ---- struct_time and the calendar functions ----------------------------- */

static TnObject *structseq_get(TnObject *self, void *closure)
{
    return tn_newref(TN_TUPLE_GET(self, (intptr_t)closure));
}

static int tm_from_tuple(TnObject *o, struct tm *tm);

/* tm_zone and tm_gmtoff are not items (len is 9, as CPython): they are
 * recomputed from the local-time fields. */
static TnObject *get_zone_field(TnObject *self, void *closure)
{
    struct tm tm;
    if (tm_from_tuple(self, &tm) < 0)
        return NULL;
    time_t t = mktime(&tm);
    struct tm lt;
    if (t == (time_t)-1 || !localtime_r(&t, &lt))
        TN_RETURN_NONE;
    if (closure)
        return tn_int_from_i64(lt.tm_gmtoff);
    return tn_str_from_cstr(lt.tm_zone ? lt.tm_zone : "");
}

#define F(name, i) { name, structseq_get, NULL, NULL, (void *)(intptr_t)(i) }
static const TnGetSetDef struct_time_fields[] = {
    F("tm_year", 0), F("tm_mon", 1), F("tm_mday", 2), F("tm_hour", 3), F("tm_min", 4),
    F("tm_sec", 5), F("tm_wday", 6), F("tm_yday", 7), F("tm_isdst", 8),
    { "tm_zone", get_zone_field, NULL, NULL, NULL },
    { "tm_gmtoff", get_zone_field, NULL, NULL, (void *)1 }, { 0, 0, 0, 0, 0 }
};
#undef F

static TnObject *struct_time_repr(TnObject *self)
{
    TnStrBuilder b;
    tn_sb_init(&b);
    if (tn_sb_append_cstr(&b, "time.struct_time(") < 0)
        goto error;
    for (int i = 0; i < 9; i++) {
        TnObject *r = tn_object_repr(TN_TUPLE_GET(self, i));
        int ok = r && (i == 0 || tn_sb_append(&b, ", ", 2) == 0) &&
                 tn_sb_append_cstr(&b, struct_time_fields[i].name) == 0 &&
                 tn_sb_append(&b, "=", 1) == 0 && tn_sb_append_str(&b, r) == 0;
        TN_XDECREF(r);
        if (!ok)
            goto error;
    }
    if (tn_sb_append(&b, ")", 1) < 0)
        goto error;
    return tn_sb_finish(&b);
error:
    tn_sb_discard(&b);
    return NULL;
}

static TnType struct_time_type = {
    TN_STATIC_TYPE_HEAD,
    .tp_name = "time.struct_time",
    .tp_basicsize = sizeof(TnTuple),
    .tp_itemsize = sizeof(TnObject *),
    .tp_repr = struct_time_repr,
    .tp_getset = struct_time_fields,
    .tp_base = &tn_tuple_type,
};

static TnObject *make_struct_time(const struct tm *tm)
{
    TnObject *v[9] = {
        tn_int_from_i64(tm->tm_year + 1900), tn_int_from_i64(tm->tm_mon + 1),
        tn_int_from_i64(tm->tm_mday), tn_int_from_i64(tm->tm_hour), tn_int_from_i64(tm->tm_min),
        tn_int_from_i64(tm->tm_sec), tn_int_from_i64((tm->tm_wday + 6) % 7),
        tn_int_from_i64(tm->tm_yday + 1), tn_int_from_i64(tm->tm_isdst)
    };
    TnTuple *t = (TnTuple *)tn_object_alloc(&struct_time_type,
                                            sizeof(TnTuple) + 9 * sizeof(TnObject *));
    for (int i = 0; i < 9; i++) {
        if (!v[i] || !t) {
            for (int j = 0; j < 9; j++)
                TN_XDECREF(v[j]);
            if (t)
                tn_object_free(&t->ob);
            return NULL;
        }
    }
    t->hash_cache = -1;
    t->ob_size = 9;
    for (int i = 0; i < 9; i++)
        t->items[i] = v[i];
    return &t->ob;
}

/* Seconds argument of localtime/gmtime/ctime: None = now. */
static int time_arg(TnObject *const *args, size_t nargs, const char *name, time_t *out)
{
    if (tn_check_nargs(name, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 0 || args[0] == tn_None) {
        *out = time(NULL);
        return 0;
    }
    double d = tn_float_as_double(args[0]);
    if (d == -1.0 && tn_err_occurred())
        return -1;
    if (isnan(d)) {
        tn_err_setstr(&tn_exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    *out = (time_t)floor(d);
    return 0;
}

static TnObject *time_localtime(TnObject *self, TnObject *const *args, size_t nargs)
{
    time_t t;
    struct tm tm;
    if (time_arg(args, nargs, "localtime", &t) < 0)
        return NULL;
    if (!localtime_r(&t, &tm))
        return tn_err_from_errno(&tn_exc_OSError, NULL);
    return make_struct_time(&tm);
}

static TnObject *time_gmtime(TnObject *self, TnObject *const *args, size_t nargs)
{
    time_t t;
    struct tm tm;
    if (time_arg(args, nargs, "gmtime", &t) < 0)
        return NULL;
    if (!gmtime_r(&t, &tm))
        return tn_err_from_errno(&tn_exc_OSError, NULL);
    return make_struct_time(&tm);
}

/* A struct tm from a struct_time or 9-tuple. */
static int tm_from_tuple(TnObject *o, struct tm *tm)
{
    if (!tn_tuple_check(o) || TN_TUPLE_SIZE(o) < 9) {
        tn_err_setstr(&tn_exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    int64_t f[9];
    for (int i = 0; i < 9; i++) {
        TnObject *it = TN_TUPLE_GET(o, i);
        if (!tn_int_check(it)) {
            tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          TN_TYPE(it)->tp_name);
            return -1;
        }
        if (!tn_int_as_i64_overflow(it, &f[i]) || f[i] > INT32_MAX || f[i] < INT32_MIN) {
            tn_err_setstr(&tn_exc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)f[0] - 1900;
    tm->tm_mon = (int)f[1] - 1;
    tm->tm_mday = (int)f[2];
    tm->tm_hour = (int)f[3];
    tm->tm_min = (int)f[4];
    tm->tm_sec = (int)f[5];
    tm->tm_wday = (int)((f[6] + 1) % 7);
    tm->tm_yday = (int)f[7] - 1;
    tm->tm_isdst = (int)f[8];
    return 0;
}

static TnObject *time_mktime(TnObject *self, TnObject *arg)
{
    struct tm tm;
    if (tm_from_tuple(arg, &tm) < 0)
        return NULL;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        tn_err_setstr(&tn_exc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return tn_float_new((double)t);
}

static TnObject *time_strftime(TnObject *self, TnObject *const *args, size_t nargs)
{
    if (tn_check_nargs("strftime", nargs, 1, 2) < 0)
        return NULL;
    if (!tn_str_check(args[0])) {
        tn_err_format(&tn_exc_TypeError, "strftime() argument 1 must be str, not %s",
                      TN_TYPE(args[0])->tp_name);
        return NULL;
    }
    struct tm tm;
    if (nargs == 2) {
        if (tm_from_tuple(args[1], &tm) < 0)
            return NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    const char *fmt = TN_STR_DATA(args[0]);
    if (!*fmt)
        return tn_str_from_cstr("");
    for (size_t cap = 256; cap <= (size_t)1 << 20; cap *= 2) {
        char *buf = tn_mem_alloc(cap);
        if (!buf)
            return NULL;
        size_t n = strftime(buf, cap, fmt, &tm);
        if (n > 0 || cap >= 64 * strlen(fmt)) {
            TnObject *r = tn_str_from_utf8(buf, (tn_ssize_t)n);
            tn_mem_free(buf);
            return r;
        }
        tn_mem_free(buf);
    }
    return tn_str_from_cstr("");
}

static TnObject *format_asctime(const struct tm *tm)
{
    static const char wday[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char mon[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    return tn_str_from_format("%s %s %2d %02d:%02d:%02d %d", wday[(tm->tm_wday % 7 + 7) % 7],
                              mon[(tm->tm_mon % 12 + 12) % 12], tm->tm_mday, tm->tm_hour,
                              tm->tm_min, tm->tm_sec, tm->tm_year + 1900);
}

static TnObject *time_asctime(TnObject *self, TnObject *const *args, size_t nargs)
{
    struct tm tm;
    if (tn_check_nargs("asctime", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1) {
        if (tm_from_tuple(args[0], &tm) < 0)
            return NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    return format_asctime(&tm);
}

static TnObject *time_ctime(TnObject *self, TnObject *const *args, size_t nargs)
{
    time_t t;
    struct tm tm;
    if (time_arg(args, nargs, "ctime", &t) < 0)
        return NULL;
    localtime_r(&t, &tm);
    return format_asctime(&tm);
}

static const TnMethodDef time_methods[] = {
    { "time", (void *)time_time, TN_METH_NOARGS, "Return the current time in seconds since the Epoch." },
    { "time_ns", (void *)time_time_ns, TN_METH_NOARGS, "Return the current time in nanoseconds since the Epoch." },
    { "monotonic", (void *)time_monotonic, TN_METH_NOARGS, "Monotonic clock, cannot go backward." },
    { "monotonic_ns", (void *)time_monotonic_ns, TN_METH_NOARGS, "Monotonic clock, cannot go backward, as nanoseconds." },
    { "perf_counter", (void *)time_monotonic, TN_METH_NOARGS, "Performance counter for benchmarking." },
    { "perf_counter_ns", (void *)time_monotonic_ns, TN_METH_NOARGS, "Performance counter for benchmarking as nanoseconds." },
    { "process_time", (void *)time_process_time, TN_METH_NOARGS, "Process time for profiling: sum of the kernel and user-space CPU time." },
    { "process_time_ns", (void *)time_process_time_ns, TN_METH_NOARGS, "Process time for profiling as nanoseconds." },
    { "thread_time", (void *)time_thread_time, TN_METH_NOARGS, "Thread time for profiling: sum of the kernel and user-space CPU time." },
    { "thread_time_ns", (void *)time_thread_time_ns, TN_METH_NOARGS, "Thread time for profiling as nanoseconds." },
    { "clock_gettime", (void *)time_clock_gettime, TN_METH_O, "Return the time of the specified clock clk_id." },
    { "clock_gettime_ns", (void *)time_clock_gettime_ns, TN_METH_O, "Return the time of the specified clock clk_id as nanoseconds." },
    { "clock_getres", (void *)time_clock_getres, TN_METH_O, "Return the resolution (precision) of the specified clock clk_id." },
    { "sleep", (void *)time_sleep, TN_METH_O, "Delay execution for a given number of seconds." },
    { "localtime", (void *)time_localtime, TN_METH_FAST, "Convert seconds since the Epoch to a time tuple expressing local time." },
    { "gmtime", (void *)time_gmtime, TN_METH_FAST, "Convert seconds since the Epoch to a time tuple expressing UTC." },
    { "mktime", (void *)time_mktime, TN_METH_O, "Convert a time tuple in local time to seconds since the Epoch." },
    { "strftime", (void *)time_strftime, TN_METH_FAST, "Convert a time tuple to a string according to a format specification." },
    { "asctime", (void *)time_asctime, TN_METH_FAST, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'." },
    { "ctime", (void *)time_ctime, TN_METH_FAST, "Convert a time in seconds since the Epoch to a string in local time." },
    { 0, 0, 0, 0 }
};

TnObject *tn_module_init_time(void)
{
    if (tn_type_ready(&struct_time_type) < 0)
        return NULL;
    TnObject *m = tn_module_new("time");
    if (!m)
        return NULL;
    tzset();
    if (tn_module_add_functions(m, time_methods) < 0 ||
        tn_module_add_type(m, &struct_time_type) < 0 ||
        tn_module_add_int(m, "timezone", timezone) < 0 ||
        tn_module_add_int(m, "daylight", daylight) < 0 ||
        tn_module_add_int(m, "altzone", daylight ? timezone - 3600 : timezone) < 0 ||
        tn_module_add_int(m, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        tn_module_add_int(m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0 ||
        tn_module_add_int(m, "CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW) < 0 ||
        tn_module_add_int(m, "CLOCK_BOOTTIME", CLOCK_BOOTTIME) < 0 ||
        tn_module_add_int(m, "CLOCK_TAI", CLOCK_TAI) < 0 ||
        tn_module_add_int(m, "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID) < 0 ||
        tn_module_add_int(m, "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID) < 0) {
        TN_DECREF(m);
        return NULL;
    }
    TnObject *n0 = tn_str_from_cstr(tzname[0]), *n1 = n0 ? tn_str_from_cstr(tzname[1]) : NULL;
    TnObject *names = n1 ? tn_tuple_pack(2, n0, n1) : NULL;
    int rc = names ? tn_module_add_object(m, "tzname", names) : -1;
    TN_XDECREF(n0);
    TN_XDECREF(n1);
    TN_XDECREF(names);
    if (rc < 0) {
        TN_DECREF(m);
        return NULL;
    }
    return m;
}
