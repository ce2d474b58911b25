import threading, sys, time

# exception in a thread: reported on stderr, thread ends, program goes on
def boom():
    raise ValueError("boom")
t = threading.Thread(target=boom, name="Boomer")
t.start(); t.join()
print("after boom", t.is_alive())

# thread-local storage
loc = threading.local()
loc.x = "main"
seen = []
def lw(i):
    seen.append(hasattr(loc, "x"))
    loc.x = i
    time.sleep(0.01)
    seen.append(loc.x == i)
ts = [threading.Thread(target=lw, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(seen.count(False), seen.count(True), loc.x)

class MyLocal(threading.local):
    def __init__(self, v):
        self.v = v
ml = MyLocal(7)
ml.v = 8
out = []
def mw():
    out.append(ml.v)
t = threading.Thread(target=mw); t.start(); t.join()
print(out, ml.v)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
del loc.x
print(hasattr(loc, "x"))

# daemon flag inherited / set
d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon)
t = threading.Thread(target=lambda: None)
t.daemon = True
t.start(); t.join()
try:
    t.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)

# join with timeout on a sleeping thread
t = threading.Thread(target=time.sleep, args=(0.3,))
t.start()
t.join(0.01)
print("alive after short join", t.is_alive())
t.join()
print("alive after join", t.is_alive())

sys.setswitchinterval(0.001)
print(sys.getswitchinterval())

# a non-daemon thread still running at the end is joined at exit
def tail():
    time.sleep(0.05)
    print("tail finished")
threading.Thread(target=tail).start()
print("main done")
