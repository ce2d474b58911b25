import time
print("body runs")
time.sleep(0.2)
DONE = True
