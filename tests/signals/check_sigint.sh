#!/bin/sh
# Ctrl-C (SIGINT) raises KeyboardInterrupt in the main thread, on both builds,
# whatever other threads do: caught by the script (interrupted.py), or
# uncaught while the main thread blocks in join() (uncaught.py), which ends
# the process by SIGINT after the traceback, as CPython does (status 130
# in a shell). Usage: tests/signals/check_sigint.sh INTERP...
cd "$(dirname "$0")/../.."
[ $# -gt 0 ] || set -- bin/tandem-gil bin/tandem-ft
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); echo "PASS $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; sed 's/^/    | /' "$tmp/err" "$tmp/out"; }

# Start SCRIPT, wait for its "ready" line, send one SIGINT; sets rc. The
# interpreter is signalled directly (timeout(1) would forward the signal to
# its process group as well: two interrupts), with a watchdog instead.
interrupt() {
    "$1" "$2" >"$tmp/out" 2>"$tmp/err" &
    pid=$!
    (sleep 60; kill -9 $pid 2>/dev/null) &
    dog=$!
    i=0
    while ! grep -q ready "$tmp/out" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.05; i=$((i + 1)); done
    sleep 0.1
    kill -INT $pid 2>/dev/null
    wait $pid
    rc=$?
    kill $dog 2>/dev/null
    wait $dog 2>/dev/null
}

for bin in "$@"; do
    interrupt "$bin" tests/signals/interrupted.py
    if [ $rc -eq 0 ] && grep -q "caught in MainThread" "$tmp/out" && grep -q joined "$tmp/out"
    then ok "$bin: KeyboardInterrupt caught in the main thread"
    else echo "rc=$rc" >> "$tmp/err"; ko "$bin: KeyboardInterrupt caught in the main thread"; fi
    interrupt "$bin" tests/signals/uncaught.py
    if [ $rc -eq 130 ] && [ "$(tail -1 "$tmp/err")" = KeyboardInterrupt ] \
       && grep -q "Traceback (most recent call last):" "$tmp/err"
    then ok "$bin: uncaught KeyboardInterrupt in join() -> traceback, killed by SIGINT"
    else echo "rc=$rc" >> "$tmp/err"; ko "$bin: uncaught KeyboardInterrupt in join() -> traceback, killed by SIGINT"; fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
