#!/bin/sh
# -X pin end to end (not compared with CPython, which has no -X pin): for
# each interpreter given (default: both builds), run tests/pin/threads.py
# (main thread + 2 threads started one after the other, each printing the
# Cpus_allowed_list of its own /proc/self/task/TID) under several policies
# and check that every thread is bound to a single CPU, in the expected
# order (main: slot 0, threads: slots 1 and 2, wrapping). Then check that
# bad policies fail with exit status 2 and a message. Ends with
# `N passed, N failed`.
cd "$(dirname "$0")/../.."
[ $# -gt 0 ] || set -- bin/tandem-gil bin/tandem-ft
script=tests/pin/threads.py
pass=0; fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL $*"; }

# The CPUs this process may use, expanded ("0-2,5" -> "0 1 2 5").
expand() {
    echo "$1" | tr ',' '\n' | while IFS=- read -r lo hi; do
        [ -n "$lo" ] || continue
        seq "$lo" "${hi:-$lo}"
    done | tr '\n' ' '
}
allowed=$(expand "$(awk '/^Cpus_allowed_list:/ {print $2}' /proc/self/status)")

# compact, computed from sysfs independently of hwloc: one CPU per core
# first (cores by package, then by their first sibling), then the SMT
# siblings. Output: one CPU per line.
compact_order() {
    for c in $allowed; do
        t=/sys/devices/system/cpu/cpu$c/topology
        pkg=$(cat $t/physical_package_id 2>/dev/null || echo 0)
        sib=$(expand "$(cat $t/thread_siblings_list 2>/dev/null || echo $c)")
        rank=0; first=
        for s in $sib; do
            case " $allowed " in *" $s "*) ;; *) continue ;; esac
            [ -n "$first" ] || first=$s
            [ "$s" = "$c" ] && break
            rank=$((rank + 1))
        done
        echo "$rank $pkg $first $c"
    done | sort -n -k1,1 -k2,2 -k3,3 -k4,4 | awk '{print $4}'
}

# expect BIN POLICY CPU... : main, thread1, thread2 take slots 0, 1, 2 of the list.
expect() {
    bin=$1; policy=$2; shift 2
    n=$#
    want=$(for i in 0 1 2; do eval "echo \${$((i % n + 1))}"; done | tr '\n' ' ')
    out=$("$bin" -X "pin=$policy" "$script" 2>&1); rc=$?
    got=$(echo "$out" | awk '{print $2}' | tr '\n' ' ')
    if [ $rc -ne 0 ]; then
        ko "$bin -X pin=$policy: exit status $rc: $out"
    elif [ "$got" != "$want" ]; then
        ko "$bin -X pin=$policy: threads bound to '$got', expected '$want' ($(echo "$out" | tr '\n' ';'))"
    else
        ok
    fi
}

# fails BIN POLICY NEEDLE: exit status 2 and a message containing NEEDLE.
fails() {
    out=$("$1" -X "pin=$2" "$script" 2>&1); rc=$?
    if [ $rc -ne 2 ]; then
        ko "$1 -X pin=$2: exit status $rc, expected 2 ($out)"
    elif ! echo "$out" | grep -q -- "$3"; then
        ko "$1 -X pin=$2: message '$out' lacks '$3'"
    elif echo "$out" | grep -q '^main '; then
        ko "$1 -X pin=$2: Python code ran before the error"
    else
        ok
    fi
}

compact=$(compact_order | tr '\n' ' ')
first=${allowed%% *}
# LIST: the allowed CPUs in reverse, so the order is not the default one.
rev=$(for c in $allowed; do echo "$c"; done | sort -rn | tr '\n' ' ')
list=$(echo $rev | tr ' ' ',')
# A range: the first two allowed CPUs when they are consecutive.
range=; range_cpus=
c0=$first; c1=$(echo $allowed | awk '{print $2}')
if [ -n "$c1" ] && [ "$c1" = $((c0 + 1)) ]; then range="$c0-$c1"; range_cpus="$c0 $c1"; fi
packages=$(cat /sys/devices/system/cpu/cpu*/topology/physical_package_id 2>/dev/null | sort -u | wc -l)
nodes=$(ls -d /sys/devices/system/node/node[0-9]* 2>/dev/null | wc -l)
for bin in "$@"; do
    expect "$bin" compact $compact
    expect "$bin" "$first" "$first"
    expect "$bin" "$list" $rev
    [ -z "$range" ] || expect "$bin" "$range" $range_cpus
    # scatter equals compact on a single-package, single-NUMA-node machine.
    [ "$packages" != 1 ] || [ "$nodes" -gt 1 ] || expect "$bin" scatter $compact
    # none: nothing bound, every thread keeps the whole allowed set.
    out=$("$bin" -X pin=none "$script" 2>&1)
    want=$(awk '/^Cpus_allowed_list:/ {print $2}' /proc/self/status)
    if [ "$(echo "$out" | awk '{print $2}' | sort -u)" = "$want" ]; then ok; else ko "$bin -X pin=none: $out"; fi
    fails "$bin" 99999 "CPU 99999 is not available"
    fails "$bin" 1- "malformed item '1-'"
    fails "$bin" "" "needs compact, scatter, none or a CPU list"
    fails "$bin" 0,0 "listed twice"
    fails "$bin" 3-1 "reversed range"
    fails "$bin" packed "unknown policy 'packed'"
    fails "$bin" 0,,1 "empty item"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
