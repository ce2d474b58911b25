# Popen: pipes, communicate, wait/poll, line iteration, context manager;
# and children run from several threads at once (the waits release the GIL).
import subprocess, threading, time
from subprocess import Popen, PIPE

p = Popen(["sh", "-c", "read x; echo got $x; echo e >&2"], stdin=PIPE, stdout=PIPE, stderr=PIPE)
out, err = p.communicate(b"abc\n")
print(out, err, p.returncode)
with Popen(["printf", "a\\nb\\nc\\n"], stdout=PIPE, text=True) as p:
    print([line for line in p.stdout])
print(p.returncode)
p = Popen(["sh", "-c", "exit 4"])
print(p.wait(), p.returncode, p.poll())
p = Popen(["sleep", "5"])
print(p.poll())
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd)
p.kill()
print(p.wait())
p = Popen(["cat"], stdin=PIPE, stdout=PIPE)
p.stdin.write(b"written ")
p.stdin.write(b"directly")
p.stdin.close()
print(p.stdout.read(), p.wait())
p.stdout.close()
p = Popen(["sh", "-c", "echo x; exit 2"], stdout=PIPE, text=True)
print(repr(p.stdout.readline()), p.wait())
p.stdout.close()

results = []
lock = threading.Lock()

def worker(i):
    r = subprocess.run(["sh", "-c", "sleep 0.3; echo %d" % i], capture_output=True, text=True)
    with lock:
        results.append(r.stdout.strip())

t0 = time.monotonic()
ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results), time.monotonic() - t0 < 1.0)
