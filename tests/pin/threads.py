# Prints the Cpus_allowed_list of the main thread, then of two threads it
# starts one after the other (so they take the order's slots 1 and 2).
import threading


def allowed(tid):
    with open('/proc/self/task/%d/status' % tid) as f:
        for line in f:
            if line.startswith('Cpus_allowed_list:'):
                return line.split(':', 1)[1].strip()
    return '?'


def report(name):
    print(name, allowed(threading.get_native_id()))


report('main')
for i in range(2):
    t = threading.Thread(target=report, args=('thread%d' % (i + 1),))
    t.start()
    t.join()
