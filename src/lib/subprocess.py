"""Run child processes: run, check_output, call, check_call, Popen.

fork/exec, the pipes and the waits are native (posix._spawn, _communicate,
waitpid), each releasing the GIL / going offline while it blocks."""

import os
import posix
import time as _time

__all__ = ["Popen", "PIPE", "STDOUT", "DEVNULL", "call", "check_call", "check_output",
           "run", "CalledProcessError", "TimeoutExpired", "SubprocessError",
           "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when a process run with check=True returns a non-zero status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            return "Command '%s' died with signal %d." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout of a wait for a child process expires."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """The result of run(): args, returncode, stdout, stderr."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = ["args={!r}".format(self.args), "returncode={!r}".format(self.returncode)]
        if self.stdout is not None:
            parts.append("stdout={!r}".format(self.stdout))
        if self.stderr is not None:
            parts.append("stderr={!r}".format(self.stderr))
        return "{}({})".format(type(self).__name__, ", ".join(parts))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _executables(name, env):
    """Candidate paths for the program, searched like execvpe does."""
    name = os.fsdecode(name)
    if "/" in name:
        return [name]
    dirs = os.get_exec_path(env)
    return [os.path.join(d or ".", name) for d in dirs]


class Popen:
    """A child process. Only the POSIX subset: args (sequence or, with
    shell=True, a string), stdin/stdout/stderr (None, PIPE, DEVNULL,
    STDOUT, a file descriptor or an object with fileno()), cwd, env,
    text/universal_newlines/encoding/errors, close_fds."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None,
                 stderr=None, preexec_fn=None, close_fds=True, shell=False, cwd=None,
                 env=None, universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        if preexec_fn is not None:
            raise NotImplementedError("subprocess.Popen: preexec_fn is not supported")
        if pass_fds:
            raise NotImplementedError("subprocess.Popen: pass_fds is not supported")
        if start_new_session or process_group is not None:
            raise NotImplementedError("subprocess.Popen: new sessions and process groups "
                                      "are not supported")
        if user is not None or group is not None or extra_groups is not None or umask != -1:
            raise NotImplementedError("subprocess.Popen: user/group/umask are not supported")
        self.args = args
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self.encoding = encoding
        self.errors = errors
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        if isinstance(args, (str, bytes)):
            argv = [args]
        elif hasattr(args, "__fspath__"):
            argv = [os.fspath(args)]
        else:
            argv = [os.fspath(a) if hasattr(a, "__fspath__") else a for a in args]
        if shell:
            argv = ["/bin/sh", "-c"] + argv
            if executable is None:
                executable = "/bin/sh"
        if not argv:
            raise IndexError("list index out of range")
        envlist = None
        if env is not None:
            envlist = []
            for k, v in env.items():
                k, v = os.fsencode(k), os.fsencode(v)
                if b"=" in k:
                    raise ValueError("illegal environment variable name")
                envlist.append(k + b"=" + v)
        to_close = []
        self._fds = []   # our ends of the pipes

        def child_fd(spec, for_input):
            if spec is None:
                return -1, None
            if spec == PIPE:
                r, w = posix.pipe()
                if for_input:
                    to_close.append(r)
                    return r, w
                to_close.append(w)
                return w, r
            if spec == DEVNULL:
                fd = posix.open(os.devnull, posix.O_RDONLY if for_input else posix.O_WRONLY)
                to_close.append(fd)
                return fd, None
            if isinstance(spec, int):
                if spec < 0:
                    raise ValueError("bad file descriptor %d" % spec)
                return spec, None
            return spec.fileno(), None

        try:
            in_fd, self._in = child_fd(stdin, True)
            out_fd, self._out = child_fd(stdout, False)
            if stderr == STDOUT:
                err_fd, self._err = (out_fd if out_fd >= 0 else -2), None
            else:
                err_fd, self._err = child_fd(stderr, False)
            lookup_env = env if env is not None else os.environ
            prog = executable if executable is not None else argv[0]
            self.pid = posix._spawn(_executables(prog, lookup_env), argv, envlist, cwd,
                                    in_fd, out_fd, err_fd, close_fds)
        except BaseException:
            for fd in to_close:
                posix.close(fd)
            for fd in (getattr(self, "_in", None), getattr(self, "_out", None),
                       getattr(self, "_err", None)):
                if fd is not None:
                    posix.close(fd)
            raise
        for fd in to_close:
            posix.close(fd)
        if self._in is not None:
            self.stdin = _PipeFile(self._in, "w", self)
        if self._out is not None:
            self.stdout = _PipeFile(self._out, "r", self)
        if self._err is not None:
            self.stderr = _PipeFile(self._err, "r", self)

    def __repr__(self):
        return "<Popen: returncode: {} args: {!r}>".format(self.returncode, self.args)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, tb):
        for f in (self.stdout, self.stderr, self.stdin):
            if f is not None:
                f.close()
        self.wait()

    def _decode(self, data):
        if data is None or not self.text_mode:
            return data
        s = data.decode(self.encoding or "utf-8", self.errors or "strict")
        return s.replace("\r\n", "\n").replace("\r", "\n")

    def _fd_of(self, f):
        return -1 if f is None or f.closed else f._fd

    def communicate(self, input=None, timeout=None):
        """Send input, read stdout/stderr to the end, wait for the child."""
        if input is not None and self.stdin is None:
            raise ValueError("Cannot send input after starting communication")
        if input is not None and self.text_mode:
            input = input.encode(self.encoding or "utf-8", self.errors or "strict")
        in_fd, out_fd, err_fd = (self._fd_of(self.stdin), self._fd_of(self.stdout),
                                 self._fd_of(self.stderr))
        if timeout is not None:
            deadline = _time.monotonic() + timeout
        try:
            out, err, timed_out = posix._communicate(in_fd, input, out_fd, err_fd, timeout)
        except BaseException:
            timed_out = False
            raise
        finally:
            # _communicate closed every descriptor it was given, unless it
            # timed out (then the output pipes stay open for the next call).
            for f in (self.stdin, self.stdout, self.stderr):
                if f is not None and not timed_out:
                    f._fd = -1
        if timed_out:
            prev = getattr(self, "_partial", None)
            if prev is not None:
                out = prev[0] + out if prev[0] is not None else out
                err = prev[1] + err if prev[1] is not None else err
            self._partial = (out, err)
            if self.stdin is not None:
                self.stdin.close()
            raise TimeoutExpired(self.args, timeout, self._decode(out), self._decode(err))
        prev = getattr(self, "_partial", None)
        if prev is not None:
            out = prev[0] + out if prev[0] is not None and out is not None else out
            err = prev[1] + err if prev[1] is not None and err is not None else err
            self._partial = None
        if timeout is None:
            self.wait()
        else:
            # The pipes are closed but the child may still be running.
            try:
                self.wait(max(deadline - _time.monotonic(), 0))
            except TimeoutExpired:
                raise TimeoutExpired(self.args, timeout, self._decode(out),
                                     self._decode(err)) from None
        return self._decode(out), self._decode(err)

    def poll(self):
        if self.returncode is None:
            pid, status = posix.waitpid(self.pid, posix.WNOHANG)
            if pid == self.pid:
                self.returncode = posix.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            pid, status = posix.waitpid(self.pid, 0)
            self.returncode = posix.waitstatus_to_exitcode(status)
            return self.returncode
        deadline = _time.monotonic() + timeout
        delay = 0.0005
        while self.poll() is None:
            left = deadline - _time.monotonic()
            if left <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, left, 0.05)
            _time.sleep(delay)
        return self.returncode

    def send_signal(self, sig):
        if self.returncode is None:
            posix.kill(self.pid, sig)

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)


class _PipeFile:
    """Our end of a pipe to the child: read/write/close (and readline,
    iteration for reading), text or bytes as the Popen asked."""

    def __init__(self, fd, mode, proc):
        self._fd = fd
        self._mode = mode
        self._proc = proc
        self._buf = b""

    @property
    def closed(self):
        return self._fd < 0

    def fileno(self):
        if self._fd < 0:
            raise ValueError("I/O operation on closed file")
        return self._fd

    def close(self):
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            posix.close(fd)

    def write(self, data):
        if self._proc.text_mode:
            data = data.encode(self._proc.encoding or "utf-8", self._proc.errors or "strict")
        view = bytes(data)
        while view:
            n = posix.write(self.fileno(), view)
            view = view[n:]
        return len(data)

    def flush(self):
        pass

    def _fill(self):
        chunk = posix.read(self.fileno(), 65536)
        self._buf += chunk
        return bool(chunk)

    def read(self, n=-1):
        if n is None or n < 0:
            while self._fill():
                pass
            data, self._buf = self._buf, b""
        else:
            while len(self._buf) < n and self._fill():
                pass
            data, self._buf = self._buf[:n], self._buf[n:]
        return self._proc._decode(data)

    def readline(self):
        while b"\n" not in self._buf and self._fill():
            pass
        i = self._buf.find(b"\n")
        i = len(self._buf) if i < 0 else i + 1
        data, self._buf = self._buf[:i], self._buf[i:]
        return self._proc._decode(data)

    def readlines(self):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Run a command, wait for it, return a CompletedProcess."""
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used "
                             "with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            # As CPython on POSIX: the exception keeps the output read so
            # far; reading on to EOF could wait for the killed child's own
            # children, which may hold the pipes open.
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    if "stdout" in kwargs:
        raise ValueError("stdout argument not allowed, it will be overridden.")
    if kwargs.get("input") is None and kwargs.get("stdin") is None and "input" in kwargs:
        kwargs["input"] = "" if kwargs.get("universal_newlines") or kwargs.get("text") \
            or kwargs.get("encoding") or kwargs.get("errors") else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT)
        status = 0
    except CalledProcessError as ex:
        data = ex.output
        status = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return status, data


def getoutput(cmd):
    return getstatusoutput(cmd)[1]
