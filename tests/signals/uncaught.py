# Ctrl-C while the main thread waits in join(): an uncaught KeyboardInterrupt.
import threading, time
t = threading.Thread(target=time.sleep, args=(30,), daemon=True)
t.start()
print("ready", flush=True)
t.join()
