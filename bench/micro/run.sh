#!/bin/sh
# Single-thread micro timings, side by side: bench/micro/run.sh [INTERP...]
# (default: bin/tandem-gil bin/tandem-ft python3). Best of 5 wall-clock runs
# of each script, process start-up included (/usr/bin/time).
cd "$(dirname "$0")/../.." || exit 1
[ $# -gt 0 ] || set -- bin/tandem-gil bin/tandem-ft python3
printf '%-10s' script; for i in "$@"; do printf ' %16s' "$(basename "$i")"; done; echo
for s in bench/micro/*.py; do
    printf '%-10s' "$(basename "$s" .py)"
    for i in "$@"; do
        best=""
        for k in 1 2 3 4 5; do
            t=$( { /usr/bin/time -f %e "$i" "$s" >/dev/null; } 2>&1 | tail -n 1)
            best=$(echo "$best $t" | tr ' ' '\n' | grep . | sort -g | head -n 1)
        done
        printf ' %15ss' "$best"
    done
    echo
done
