import threading

def work(n, out, lock):
    for i in range(100):
        with lock:
            out.append(n)

out = []
lock = threading.Lock()
ts = [threading.Thread(target=work, args=(i, out, lock)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(out), sorted(set(out)))
print([t.name for t in ts])
print([t.is_alive() for t in ts])
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), len(threading.enumerate()))
print(isinstance(threading.get_ident(), int), isinstance(threading.get_native_id(), int))
t = threading.Thread(target=lambda: None, name="named")
print(t.name, t.ident is None, t.daemon)
t.start(); t.join()
print(t.ident is not None, t.native_id is not None)

class Sub(threading.Thread):
    def __init__(self, v):
        super().__init__()
        self.v = v
        self.result = None
    def run(self):
        self.result = self.v * 2

s = Sub(21)
s.start(); s.join()
print(s.result)
try:
    s.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print("RuntimeError:", e)

def kw(a, b=0, *, c):
    print("kw", a, b, c)
t = threading.Thread(target=kw, args=(1,), kwargs={"b": 2, "c": 3})
t.start(); t.join()
