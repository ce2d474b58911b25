# time: the nanosecond clocks and CPU-time clocks exist and behave
import time

for name in ["perf_counter_ns", "monotonic_ns", "process_time_ns", "thread_time_ns", "time_ns"]:
    f = getattr(time, name)
    a = f()
    b = f()
    print(name, type(a).__name__, b >= a, a > 0)
for name in ["perf_counter", "monotonic", "process_time", "thread_time", "time"]:
    f = getattr(time, name)
    a = f()
    print(name, type(a).__name__, f() >= a)
t0 = time.process_time_ns()
x = 0
for i in range(200000):
    x += i
print(time.process_time_ns() >= t0, abs(time.time_ns() / 1e9 - time.time()) < 1.0)
print(type(time.tzname).__name__, len(time.tzname), type(time.altzone).__name__)
for clk in ["CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID", "CLOCK_THREAD_CPUTIME_ID"]:
    cid = getattr(time, clk)
    print(clk, type(time.clock_gettime(cid)).__name__, type(time.clock_gettime_ns(cid)).__name__,
          0 < time.clock_getres(cid) < 1)
