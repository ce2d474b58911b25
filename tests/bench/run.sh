#!/bin/sh
# tandem-bench end to end: tests/bench/run.sh BINDIR [UNIT_TEST_BINARY]
# (BINDIR holds tandem-bench, tandem-gil, tandem-ft). Runs the Criterion
# unit tests of the harness, then the command itself against fake
# interpreters (tests/bench/fake-interp: every way a run can fail), real
# per-thread pinning on both builds (tests/bench/workloads/pinned.py checks
# each worker's own Cpus_allowed_list), process confinement of other
# interpreters, the writers, compare, plot, kernels, and, when
# bench/workloads exists, one pass over every real workload at 1 and 2
# threads. Ends with `N passed, N failed` (unit test cases included).
cd "$(dirname "$0")/../.." || exit 1
bindir=${1:-bin}
unit=$2
B=$bindir/tandem-bench
T=tests/bench
W=$T/workloads
tmp=$(mktemp -d /tmp/tandem-bench-test.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0; fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }
# check NAME CONDITION...: runs the condition (a command), counts it.
check() { name=$1; shift; if "$@"; then ok; else ko "$name"; fi; }
has() { grep -q -- "$2" "$1"; }
py() { command -v python3 >/dev/null 2>&1; }

if [ -n "$unit" ]; then
    "$unit" --jobs=2 >"$tmp/unit.log" 2>&1; rc=$?
    p=$(sed -n 's/.*Passing: \([0-9]*\).*/\1/p' "$tmp/unit.log" | tail -1)
    f=$(sed -n 's/.*Failing: \([0-9]*\) | Crashing: \([0-9]*\).*/\1 \2/p' "$tmp/unit.log" | tail -1)
    pass=$((pass + ${p:-0}))
    set -- $f
    fail=$((fail + ${1:-1} + ${2:-0}))
    if [ $rc -ne 0 ]; then
        echo "FAIL unit tests ($unit):"; grep -v '^\[----\]' "$tmp/unit.log" | grep -v Synthesis | tail -20
    fi
fi

# ---- usage errors: exit status 2 and a message naming the culprit --------
$B >/dev/null 2>&1; check "no command: exit 2" [ $? -eq 2 ]
$B frobnicate 2>"$tmp/e" >/dev/null; rc=$?
check "unknown command" [ $rc -eq 2 ] && check "unknown command named" has "$tmp/e" "unknown command 'frobnicate'"
$B run --threads 1,x 2>"$tmp/e" >/dev/null; rc=$?
check "bad --threads: exit 2" [ $rc -eq 2 ]
check "bad --threads named" has "$tmp/e" "option --threads: 'x' is not a thread count"
$B run --pin diagonal 2>"$tmp/e" >/dev/null
check "bad --pin named" has "$tmp/e" "unknown policy 'diagonal'"
$B help >"$tmp/o" 2>&1; check "help lists run" has "$tmp/o" "tandem-bench COMMAND"

# ---- topo ------------------------------------------------------------------------
$B topo >"$tmp/topo" 2>&1; rc=$?
check "topo runs" [ $rc -eq 0 ]
for k in "cpu model:" "packages:" "cores:" "pus:" "cache:" "compact"; do
    check "topo shows $k" has "$tmp/topo" "$k"
done

# ---- fake interpreters: results and every failure mode ------------------------
F=$T/fake-interp
TB_FAKE_LOG=$tmp/fake.log; export TB_FAKE_LOG
$B run --builds "$F ok,$F garbage,$F crash,$F checkfail,$F fail,$F nothing,$F hang,no-such-python" \
    --workload-dir $W --threads 1,2 --repeat 2 --warmup 1 --timeout 1 --out "$tmp/fake" \
    >"$tmp/fake.out" 2>"$tmp/fake.err"; rc=$?
check "failures give exit 1" [ $rc -eq 1 ]
for msg in \
    "workload alpha, build $F garbage, 1 thread: malformed TANDEM-BENCH line" \
    "workload beta, build $F crash, 2 threads: killed by signal 11" \
    "workload alpha, build $F checkfail, 2 threads: check failed: lost 3 items" \
    "workload beta, build $F fail, 1 thread: exit status 1: RuntimeError: boom" \
    "workload alpha, build $F nothing, 1 thread: no TANDEM-BENCH line" \
    "workload alpha, build $F hang, 1 thread: timed out" \
    "build no-such-python: command 'no-such-python' not found"; do
    check "message: $msg" has "$tmp/fake.err" "$msg"
done
check "table has the good build's speedup" has "$tmp/fake.out" "0.125s    0%   1.60  80%"
for f in results.json results.csv table.txt scaling.svg scaling.png scaling.gp; do
    check "fake run wrote $f" [ -s "$tmp/fake/$f" ]
done
check "csv row for a good record" has "$tmp/fake/results.csv" "^alpha,private,$F ok,2,\"[0-9,]*\",7,2,1,1,0.125,0.125,0.125,0,1.6,0.8,0.125;0.125,\$"
check "csv row keeps the error" has "$tmp/fake/results.csv" "^beta,contended,$F fail,1,.*,exit status 1: RuntimeError: boom\$"
if py; then
    python3 - "$tmp/fake/results.json" "$F" >"$tmp/py.out" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "tandem-bench/1"
for k in ("packages", "numa_nodes", "cores", "pus", "caches", "kernel", "cpu_model"):
    assert k in d["machine"], k
assert [b["name"] for b in d["builds"]][0] == sys.argv[2] + " ok"
assert d["builds"][0]["version"] == "fake-interp 1.0 (ok)"
recs = {(r["workload"], r["build"], r["threads"]): r for r in d["results"]}
assert len(recs) == 2 * 8 * 2, len(recs)
r = recs[("alpha", sys.argv[2] + " ok", 2)]
assert r["times"] == [0.125, 0.125] and r["median"] == 0.125 and r["speedup"] == 1.6, r
assert abs(r["efficiency"] - 0.8) < 1e-12 and r["repeat"] == 2 and r["warmup"] == 1
bad = recs[("beta", sys.argv[2] + " crash", 1)]
assert bad["times"] == [] and bad["median"] is None and "signal 11" in bad["error"], bad
print("json ok")
PY
    check "results.json schema and values ($(tail -1 "$tmp/py.out"))" has "$tmp/py.out" "json ok"
fi

# Process confinement of a non-tree interpreter: the CPU list of its run.
compact=$(awk '$1 == "compact" {print $2}' "$tmp/topo")
first=${compact%%,*}
check "1-thread fake run confined to CPU $first" has "$TB_FAKE_LOG" "^alpha 1 $first\$"
case $compact in
*,*) two=$(echo "$compact" | cut -d, -f1-2)
     lo=${two%,*}; hi=${two#*,}
     # The kernel prints a CPU set as ranges: 0,1 -> 0-1.
     if [ $((lo + 1)) -eq "$hi" ]; then want="$lo-$hi"; else want="$two"; fi
     check "2-thread fake run confined to CPUs $want" has "$TB_FAKE_LOG" "^alpha 2 $want\$" ;;
esac
unset TB_FAKE_LOG

# Unknown workload: named, the known one still measured.
$B run --builds "$F ok" --workload-dir $W --workloads alpha,nosuch --threads 1 --repeat 1 --warmup 0 \
    >"$tmp/o" 2>"$tmp/e"; rc=$?
check "unknown workload: exit 1" [ $rc -eq 1 ]
check "unknown workload named" has "$tmp/e" "unknown workload 'nosuch'"
check "known workload still measured" has "$tmp/o" "^alpha "

# list
$B list --workload-dir $W >"$tmp/o" 2>&1
check "list" has "$tmp/o" "^pinned  *private  *each worker reports"

# ---- real pinning on both builds ----------------------------------------------
# pinned.py fails its check unless every worker thread has its own single CPU.
$B run --builds gil,ft --workload-dir $W --workloads pinned,spin --threads 1,2 --repeat 1 --warmup 0 \
    --out "$tmp/real" --no-plot >"$tmp/o" 2>"$tmp/e"; rc=$?
check "per-thread pinning on gil and ft (each worker on its own CPU)" [ $rc -eq 0 ]
[ $rc -eq 0 ] || cat "$tmp/e"
check "real run wrote json" [ -s "$tmp/real/results.json" ]
check "no plot with --no-plot" [ ! -e "$tmp/real/scaling.svg" ]
check "cpus recorded" has "$tmp/real/results.csv" "^pinned,private,ft,2,\"$(echo "$compact" | cut -d, -f1-2)\","
case $compact in
*,*) $B run --builds gil --workload-dir $W --workloads pinned --threads 2 --repeat 1 --warmup 0 --pin none \
         >"$tmp/o" 2>"$tmp/e"
     check "--pin none leaves threads unpinned (the check sees it)" has "$tmp/e" "not one CPU" ;;
esac

# ---- compare and plot ------------------------------------------------------------
$B compare "$tmp/real/results.json" "$tmp/real/results.json" >"$tmp/o" 2>&1; rc=$?
check "compare with itself" [ $rc -eq 0 ]
check "compare: nothing flagged" has "$tmp/o" "0 outside the spread; geometric mean of B/A: 1.000"
sed 's/"median": \([0-9.e-]*\)/"median": 9\1/' "$tmp/real/results.json" >"$tmp/slow.json"
$B compare "$tmp/real/results.json" "$tmp/slow.json" >"$tmp/o" 2>&1
check "compare flags a slower run" has "$tmp/o" " \*\$"
$B compare "$tmp/real/results.json" /nonexistent.json >"$tmp/o" 2>&1; rc=$?
check "compare: missing file" [ $rc -eq 1 ]
$B plot "$tmp/real" >"$tmp/o" 2>&1; rc=$?
check "plot DIR" [ $rc -eq 0 ] && check "plot wrote svg" [ -s "$tmp/real/scaling.svg" ] && \
    check "plot wrote png" [ -s "$tmp/real/scaling.png" ]

# ---- kernels ----------------------------------------------------------------------
builds=gil,ft; py && builds=gil,ft,python3
$B kernels --kernel-dir $T/kernels --builds $builds --repeat 1 --test >"$tmp/o" 2>"$tmp/e"; rc=$?
check "kernels --test" [ $rc -eq 0 ]
[ $rc -eq 0 ] || cat "$tmp/e"
check "kernels geomean line" has "$tmp/o" "^geomean"
check "kernels ft/gil column" has "$tmp/o" "ft/gil"
printf 'print("checksum: 1")\n' >"$tmp/wrong.py"
printf 'checksum: 2\n' >"$tmp/wrong.expected"
$B kernels --kernel-dir "$tmp" --builds gil --repeat 1 >"$tmp/o" 2>"$tmp/e"; rc=$?
check "kernel with a wrong checksum fails" [ $rc -eq 1 ]
check "wrong checksum named" has "$tmp/e" "kernel wrong, build gil: output differs"

# ---- the real workloads, once, at 1 and 2 threads ---------------------------------
if [ -f bench/workloads/_driver.py ]; then
    $B run --builds gil,ft --threads 1,2 --repeat 1 --warmup 0 --scale 0.05 --out "$tmp/all" --no-plot --quiet \
        >"$tmp/o" 2>"$tmp/e"; rc=$?
    check "every workload runs on gil and ft at 1 and 2 threads" [ $rc -eq 0 ]
    [ $rc -eq 0 ] || cat "$tmp/e"
    nw=$($B list | wc -l)
    nrec=$(grep -c -E '^[a-z_0-9]+,[a-z]+,(gil|ft),(1|2),' "$tmp/all/results.csv")
    check "records for every workload x 2 builds x 2 thread counts ($nw workloads, $nrec records)" \
        [ "$nrec" -eq $((nw * 4)) ]
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
