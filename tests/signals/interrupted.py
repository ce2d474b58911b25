# Ctrl-C while another thread computes: KeyboardInterrupt in the main thread.
import threading
def spin():
    x = 0
    while not stop:
        x += 1
stop = False
t = threading.Thread(target=spin)
t.start()
print("ready", flush=True)
try:
    while True:
        x = sum(range(1000))
except KeyboardInterrupt:
    print("caught in", threading.current_thread().name)
stop = True
t.join()
print("joined")
