#!/bin/sh
# -X chaos and -X stats checks on both builds (docs/stats.md). Run from the
# repository root by scripts/check-all; prints PASS/FAIL lines and a final
# `N passed, N failed`. Usage: tests/chaos/run.sh [interpreter...]
cd "$(dirname "$0")/../.."
[ $# -gt 0 ] || set -- bin/tandem-gil bin/tandem-ft
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); echo "PASS $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; [ -f "$tmp/err" ] && sed 's/^/    /' "$tmp/err" | head -20; }
expected="ok 12000 12000 12000 174000"
for bin in "$@"; do
    # A threaded script is correct under chaos, and twice with the same seed.
    for seed in 1 1 12345678901234567890; do
        out=$(timeout 120 $bin -X chaos=$seed tests/chaos/threaded.py 2>"$tmp/err"); rc=$?
        if [ $rc -eq 0 ] && [ "$out" = "$expected" ]; then ok "$bin -X chaos=$seed threaded.py"
        else echo "rc=$rc out=$out" >> "$tmp/err"; ko "$bin -X chaos=$seed threaded.py"; fi
    done
    # A bad seed is a usage error: exit status 2 and a message.
    timeout 20 $bin -X chaos=abc -c 'pass' >/dev/null 2>"$tmp/err"; rc=$?
    if [ $rc -eq 2 ] && grep -q 'chaos' "$tmp/err"; then ok "$bin -X chaos=abc exits 2"
    else echo "rc=$rc" >> "$tmp/err"; ko "$bin -X chaos=abc exits 2"; fi
    # -X stats: the table goes to stderr, stdout is the program's, status 0.
    out=$(timeout 120 $bin -X stats tests/chaos/threaded.py 2>"$tmp/err"); rc=$?
    if [ $rc -eq 0 ] && [ "$out" = "$expected" ] && grep -q '^tandem stats' "$tmp/err" \
        && grep -q '^  frames ' "$tmp/err" && grep -q '^per thread:' "$tmp/err" \
        && [ "$(grep -c ' exited ' "$tmp/err")" -ge 4 ]; then ok "$bin -X stats"
    else echo "rc=$rc out=$out" >> "$tmp/err"; ko "$bin -X stats"; fi
    # Both options together, and the exit status of a failing program kept.
    timeout 60 $bin -X stats -X chaos=3 -c 'import sys; sys.exit(3)' >/dev/null 2>"$tmp/err"; rc=$?
    if [ $rc -eq 3 ] && grep -q '^tandem stats' "$tmp/err"; then ok "$bin -X stats -X chaos=3 keeps exit status"
    else echo "rc=$rc" >> "$tmp/err"; ko "$bin -X stats -X chaos=3 keeps exit status"; fi
done
# The build-specific counters are present.
for pair in "bin/tandem-gil:gil_acquire" "bin/tandem-ft:qsbr_quiescent" "bin/tandem-ft:incref_local" \
            "bin/tandem-ft:refs_deferred" "bin/tandem-ft:lock_acquire"; do
    bin=${pair%%:*}; ctr=${pair#*:}
    case " $* " in *" $bin "*) ;; *) continue ;; esac
    $bin -X stats tests/chaos/threaded.py 2>"$tmp/err" >/dev/null
    if grep -Eq "^  $ctr +[1-9][0-9]* " "$tmp/err"; then ok "$bin -X stats counts $ctr"
    else ko "$bin -X stats counts $ctr"; fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
