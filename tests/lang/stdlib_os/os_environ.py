# os.environ is a mutable mapping whose changes reach the process
# environment (child processes see them); getpid, cpu_count, affinity.
import os, subprocess, sys
print(type(os.environ).__name__, "PATH" in os.environ, os.getenv("TANDEM_T_NOPE"),
      os.getenv("TANDEM_T_NOPE", "dflt"))
os.environ["TANDEM_T_X"] = "42"
print(os.environ["TANDEM_T_X"], os.getenv("TANDEM_T_X"), os.environ.get("TANDEM_T_X"))
out = subprocess.run(["sh", "-c", "echo $TANDEM_T_X"], capture_output=True, text=True).stdout
print(repr(out))
del os.environ["TANDEM_T_X"]
print("TANDEM_T_X" in os.environ)
out = subprocess.run(["sh", "-c", "echo \"[$TANDEM_T_X]\""], capture_output=True, text=True).stdout
print(repr(out))
try:
    os.environ["TANDEM_T_NOPE"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ["TANDEM_T_Y"] = 1
except TypeError as e:
    print("TypeError", e)
os.environ.setdefault("TANDEM_T_Z", "z")
print(os.environ.pop("TANDEM_T_Z"), os.environ.pop("TANDEM_T_Z", None))
os.environ.update({"TANDEM_T_A": "a"}, TANDEM_T_B="b")
print(sorted(k for k in os.environ if k.startswith("TANDEM_T_")))
print(sorted(k for k, v in os.environ.items() if k.startswith("TANDEM_T_")))
print(isinstance(os.environ.copy(), dict), len(os.environ) == len(list(os.environ)))

pid = os.getpid()
print(type(pid).__name__, pid > 0, os.getppid() > 0, pid != os.getppid())
n = os.cpu_count()
print(type(n).__name__, n >= 1)
cpus = os.sched_getaffinity(0)
print(type(cpus).__name__, len(cpus) >= 1, cpus <= set(range(n)) or len(cpus) <= n)
first = min(cpus)
os.sched_setaffinity(0, {first})
print(os.sched_getaffinity(0) == {first})
os.sched_setaffinity(0, cpus)
print(os.sched_getaffinity(0) == cpus)
try:
    os.sched_setaffinity(0, [-1])
except ValueError as e:
    print("ValueError", e)
