import threading, time

def spin():
    n = 0
    while True:
        n += 1

def sleeper():
    time.sleep(100)

for f in (spin, sleeper):
    threading.Thread(target=f, daemon=True).start()
time.sleep(0.05)
print("exiting with daemon threads still running")
