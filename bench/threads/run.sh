#!/bin/sh
# Thread scaling, side by side: bench/threads/run.sh [INTERP...]
# (default: bin/tandem-gil bin/tandem-ft python3). For every interpreter and
# workload of scaling.py, runs 1 and 2 threads (override: THREADS="1 2 4"),
# each measurement in its own process, REPS times (default 3), and prints the
# median times and speedup = T * t1 / tT (each thread does the full work, so
# perfect scaling is T). An interpreter that cannot run the script (e.g. no
# `threading` yet) gets one line saying why instead of figures.
cd "$(dirname "$0")/../.." || exit 1
REPS=${REPS:-3}
THREADS=${THREADS:-"1 2"}
[ $# -gt 0 ] || set -- bin/tandem-gil bin/tandem-ft python3
WORKLOADS="private shared_func shared_class shared_dict"
raw=$(mktemp) || exit 1
trap 'rm -f "$raw"' EXIT INT TERM
status=0
for interp in "$@"; do
    if ! err=$($interp bench/threads/scaling.py private 1 1000 2>&1 >/dev/null); then
        echo "$interp: cannot run bench/threads/scaling.py: $(printf '%s\n' "$err" | tail -n 1)"
        status=1
        continue
    fi
    for w in $WORKLOADS; do
        for t in $THREADS; do
            r=1
            while [ "$r" -le "$REPS" ]; do
                out=$($interp bench/threads/scaling.py "$w" "$t") || { echo "$interp $w $t: failed" >&2; status=1; break; }
                echo "$interp $out" >> "$raw"
                r=$((r + 1))
            done
        done
    done
done
# raw lines: INTERP WORKLOAD THREADS ITERATIONS SECONDS
sort -k1,1 -k2,2 -k3,3n -k5,5g "$raw" | awk -v reps="$REPS" '
    { key = $1 " " $2 " " $3; n[key]++; v[key, n[key]] = $5
      if (!(key in seen)) { seen[key] = 1; order[++m] = key } }
    END {
        printf "%-20s %-13s %7s %10s %8s\n", "interpreter", "workload", "threads", "median_s", "speedup"
        for (i = 1; i <= m; i++) {
            key = order[i]; split(key, f, " ")
            c = n[key]; med = (c % 2) ? v[key, (c + 1) / 2] : (v[key, c / 2] + v[key, c / 2 + 1]) / 2
            if (f[3] == 1) base[f[1], f[2]] = med
            sp = ((f[1], f[2]) in base) ? sprintf("%.2f", f[3] * base[f[1], f[2]] / med) : "-"
            printf "%-20s %-13s %7d %10.3f %8s\n", f[1], f[2], f[3], med, sp
        }
        # ft/gil single-thread ratio, when both were measured
        for (i = 1; i <= m; i++) {
            split(order[i], f, " ")
            if (f[3] != 1 || f[1] !~ /tandem-ft$/) continue
            g = f[1]; sub(/tandem-ft$/, "tandem-gil", g)
            if ((g, f[2]) in base)
                printf "ft/gil 1-thread time ratio %-13s %.2f\n", f[2], base[f[1], f[2]] / base[g, f[2]]
        }
    }'
exit $status
