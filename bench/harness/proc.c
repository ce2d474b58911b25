/* Child processes: every measurement is its own process, so one crash,
 * hang or garbage output costs that measurement only. Output is captured
 * through pipes (bounded), a hang is killed after the timeout together
 * with anything it started (the child leads its own process group). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"

#define CAPTURE_MAX (4u << 20)

double tb_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

typedef struct {
    char *buf;
    size_t len, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->len + n > CAPTURE_MAX)
        n = CAPTURE_MAX - b->len;
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->buf = tb_xrealloc(b->buf, b->cap);
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

/* In the child, before exec: confine to the CPU list. Only
 * async-signal-safe work here (no malloc): a fixed cpu_set_t. */
static int confine(const char *cpus)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    const char *p = cpus;
    while (*p) {
        long lo = 0, hi;
        while (*p >= '0' && *p <= '9')
            lo = lo * 10 + (*p++ - '0');
        hi = lo;
        if (*p == '-') {
            p++;
            hi = 0;
            while (*p >= '0' && *p <= '9')
                hi = hi * 10 + (*p++ - '0');
        }
        for (long c = lo; c <= hi && c < CPU_SETSIZE; c++)
            CPU_SET((int)c, &set);
        if (*p == ',')
            p++;
        else if (*p)
            return -1;
    }
    return sched_setaffinity(0, sizeof set, &set);
}

/* The running child's process group: it is not the terminal's foreground
 * group, so Ctrl-C reaches only the harness, which must take the child
 * (and whatever it started) down with it. */
static volatile sig_atomic_t current_child;

static void on_signal(int sig)
{
    if (current_child > 0)
        kill(-(pid_t)current_child, SIGKILL);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_handlers(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
}

int tb_proc_run(char *const argv[], const char *cpus, double timeout, TbProc *p)
{
    int out[2] = {-1, -1}, err[2] = {-1, -1}, ex[2] = {-1, -1};
    memset(p, 0, sizeof *p);
    p->status = -1;
    install_handlers();
    if (pipe(out) < 0 || pipe(err) < 0 || pipe2(ex, O_CLOEXEC) < 0)
        goto fail;
    double t0 = tb_now();
    pid_t pid = fork();
    if (pid < 0)
        goto fail;
    if (pid == 0) {
        setpgid(0, 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(out[0]); close(out[1]); close(err[0]); close(err[1]); close(ex[0]);
        int e = 0;
        if (cpus && *cpus && confine(cpus) < 0)
            e = errno ? errno : EINVAL;
        if (!e) {
            execvp(argv[0], argv);
            e = errno;
        }
        /* Tell the parent why exec failed; exit without flushing stdio. */
        if (write(ex[1], &e, sizeof e) < 0)
            _exit(127);
        _exit(127);
    }
    setpgid(pid, pid);
    current_child = pid;
    close(out[1]); close(err[1]); close(ex[1]);
    int e = 0;
    if (read(ex[0], &e, sizeof e) == (ssize_t)sizeof e)
        p->exec_failed = e;
    close(ex[0]);

    Buf bo = {0}, be = {0};
    buf_add(&bo, "", 0);
    buf_add(&be, "", 0);
    struct pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open_fds = 2;
    while (open_fds > 0) {
        int wait_ms = -1;
        if (timeout > 0) {
            double left = timeout - (tb_now() - t0);
            if (left <= 0) {
                p->timed_out = 1;
                kill(-pid, SIGKILL);
                break;
            }
            wait_ms = (int)(left * 1000) + 1;
        }
        int r = poll(fds, 2, wait_ms);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char chunk[8192];
            ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
            if (n > 0) {
                buf_add(i ? &be : &bo, chunk, (size_t)n);
            } else if (n == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            }
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    int st = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    while (wait4(pid, &st, 0, &ru) < 0 && errno == EINTR)
        ;
    p->cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 +
             (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
    current_child = 0;
    p->wall = tb_now() - t0;
    if (WIFEXITED(st))
        p->status = WEXITSTATUS(st);
    else if (WIFSIGNALED(st))
        p->signal = WTERMSIG(st);
    p->out = bo.buf;
    p->err = be.buf;
    return 0;
fail:
    for (int i = 0; i < 2; i++) {
        if (out[i] >= 0) close(out[i]);
        if (err[i] >= 0) close(err[i]);
        if (ex[i] >= 0) close(ex[i]);
    }
    return -1;
}

void tb_proc_free(TbProc *p)
{
    free(p->out);
    free(p->err);
    p->out = p->err = NULL;
}

/* The last non-blank line of s, at most 300 bytes. */
static char *last_line(const char *s)
{
    const char *end = s + strlen(s);
    while (end > s && (end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\r'))
        end--;
    const char *start = end;
    while (start > s && start[-1] != '\n')
        start--;
    int len = (int)(end - start);
    if (len > 300)
        len = 300;
    return tb_xasprintf("%.*s", len, start);
}

char *tb_proc_failure(const TbProc *p)
{
    char *tail = last_line(p->err && *p->err ? p->err : p->out ? p->out : "");
    char *msg;
    if (p->exec_failed)
        msg = tb_xasprintf("cannot run the command: %s", strerror(p->exec_failed));
    else if (p->timed_out)
        msg = tb_xasprintf("timed out (killed)%s%s", *tail ? "; last output: " : "", tail);
    else if (p->signal)
        msg = tb_xasprintf("killed by signal %d (%s)%s%s", p->signal, strsignal(p->signal),
                           *tail ? "; last output: " : "", tail);
    else
        msg = tb_xasprintf("exit status %d%s%s", p->status, *tail ? ": " : "", tail);
    free(tail);
    return msg;
}
