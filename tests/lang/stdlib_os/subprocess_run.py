# subprocess.run / check_output / Popen against CPython.
import subprocess, sys, os
from subprocess import PIPE, STDOUT, DEVNULL, run

r = run(["echo", "hello", "world"], capture_output=True)
print(r.returncode, r.stdout, r.stderr, r.args)
print(r)
r = run(["sh", "-c", "echo out; echo err >&2; exit 3"], stdout=PIPE, stderr=PIPE, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
r = run(["sh", "-c", "echo out; echo err >&2"], stdout=PIPE, stderr=STDOUT)
print(sorted(r.stdout.split()), r.stderr)
r = run(["sh", "-c", "echo gone; echo gone2 >&2"], stdout=DEVNULL, stderr=DEVNULL)
print(r.returncode, r.stdout, r.stderr)
r = run(["cat"], input=b"fed through stdin", capture_output=True)
print(r.stdout)
r = run(["tr", "a-z", "A-Z"], input="text mode\nline two\n", capture_output=True, text=True)
print(repr(r.stdout))
big = "x" * 200000 + "\n"
r = run(["cat"], input=big, stdout=PIPE, text=True)
print(len(r.stdout), r.stdout == big)
r = run(["pwd"], capture_output=True, text=True, cwd="/")
print(repr(r.stdout))
r = run(["sh", "-c", "echo $ONLY_VAR"], capture_output=True, text=True,
        env={"ONLY_VAR": "from env", "PATH": os.environ.get("PATH", "/bin:/usr/bin")})
print(repr(r.stdout))
r = run("echo shell $((6*7))", shell=True, capture_output=True, text=True)
print(repr(r.stdout))
try:
    run(["sh", "-c", "echo partial; exit 5"], capture_output=True, check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, e.output, e.stdout, e.stderr)
    print(e)
print(subprocess.check_output(["echo", "co"]))
print(subprocess.check_output("echo $((1+2))", shell=True, text=True))
try:
    subprocess.check_output(["false"])
except subprocess.CalledProcessError as e:
    print(e, e.returncode)
try:
    run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd, e.stdout)
try:
    run(["sh", "-c", "echo before; sleep 5"], timeout=0.3, capture_output=True)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.stdout)
try:
    run(["no-such-program-tandem"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e)
try:
    run(["ls"], cwd="/no/such/dir/tandem")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e)
print(subprocess.call(["sh", "-c", "exit 7"]), subprocess.check_call(["true"]))
print(r.returncode == 0, isinstance(r, subprocess.CompletedProcess))
r = run(["sh", "-c", "kill -TERM $$"])
print(r.returncode)
