import threading

def count(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total

results = [0] * 4
def work(k):
    results[k] = count(50000 + k)
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(results)
