# StringIO, BytesIO and array shared by threads: no write is lost or torn
import io
import threading
from array import array

N, T = 2000, 4
sio = io.StringIO()
bio = io.BytesIO()
arr = array("q")

def worker(k):
    line = "thread%d:%s\n" % (k, "x" * 20)
    for i in range(N):
        sio.write(line)
        bio.write(b"%d" % k)
        arr.append(k * N + i)

threads = [threading.Thread(target=worker, args=(k,)) for k in range(T)]
for t in threads:
    t.start()
for t in threads:
    t.join()
lines = sio.getvalue().splitlines()
print(len(lines), all(l.startswith("thread") and l.endswith("x" * 20) and len(l) == 28 for l in lines))
print(sorted(set(lines)) == ["thread%d:%s" % (k, "x" * 20) for k in range(T)])
data = bio.getvalue()
print(len(data), sorted(set(data)) == [ord(str(k)) for k in range(T)])
print(len(arr), sorted(arr) == list(range(T * N)))
