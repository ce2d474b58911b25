"""Class attributes rebound by some threads while others read them, through
the class, through an instance (the type's attribute cache) and as bound
methods of a method being redefined. Every value read must be one that was
written, intact: a reader that loaded a class attribute just before a writer
replaced it must never see it freed under it."""
import time
from _stress import args, run, until

N, SECONDS = args()


class Shared:
    data = [0, 0]
    tag = "t0"

    def method(self):
        return 0


def make_method(k):
    def method(self):
        return k
    return method


def writer(i):
    deadline = until(SECONDS)
    n = 0
    while time.monotonic() < deadline:
        for _ in range(100):
            n += 1
            Shared.data = [n, -n]
            Shared.tag = "t%d" % n
            if n % 10 == 0:
                Shared.method = make_method(n)
            if n % 50 == 0:             # each writer its own name: no user race
                setattr(Shared, "extra%d" % i, (n,))
                delattr(Shared, "extra%d" % i)
    return n, 0


def reader(i):
    deadline = until(SECONDS)
    obj = Shared()
    reads = bad = 0
    while time.monotonic() < deadline:
        for _ in range(100):
            reads += 1
            for v in (Shared.data, obj.data):
                if type(v) is not list or len(v) != 2 or v[0] != -v[1]:
                    bad += 1
            t = obj.tag
            if type(t) is not str or t[0] != "t" or not t[1:].isdigit():
                bad += 1
            if type(obj.method()) is not int:
                bad += 1
    return reads, bad


results = run(max(N, 2), lambda i: writer(i) if i % 2 == 0 else reader(i))
bad = sum(r[1] for r in results)
assert bad == 0, "%d reads saw a value that was never written" % bad
v = Shared.data
assert type(v) is list and v[0] == -v[1]
assert not [k for k in vars(Shared) if k.startswith("extra")]
print("OK class_attrs threads=%d writes=%d reads=%d"
      % (max(N, 2), sum(r[0] for i, r in enumerate(results) if i % 2 == 0),
         sum(r[0] for i, r in enumerate(results) if i % 2)))
