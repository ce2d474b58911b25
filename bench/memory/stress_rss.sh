#!/bin/sh
# Peak RSS of the stress suite, gil vs ft, side by side (issue 3's memory
# target: ft <= 1.2 x gil). For every tests/stress script and thread count,
# runs each build REPS times (default 3), alternating gil and ft so that both
# see the same machine, and reports the median peak RSS (kB, from
# /usr/bin/time's %M, i.e. the kernel's maxrss) and the ratio ft/gil, then
# the ratio of the summed medians over the whole suite.
#
#   bench/memory/stress_rss.sh [THREADS...]      default: 2 4
#   SECONDS_PER_RUN=1 REPS=3 GIL=bin/tandem-gil FT=bin/tandem-ft
cd "$(dirname "$0")/../.." || exit 1
GIL=${GIL:-bin/tandem-gil}
FT=${FT:-bin/tandem-ft}
REPS=${REPS:-3}
SECS=${SECONDS_PER_RUN:-1}
[ $# -gt 0 ] || set -- 2 4
[ -x /usr/bin/time ] || { echo "stress_rss.sh: needs /usr/bin/time (Debian package: time)" >&2; exit 2; }

peak() {   # peak RSS in kB of one run, or "fail"
    /usr/bin/time -f '%M' -o "$tmp" "$@" >/dev/null 2>&1 || { echo fail; return; }
    tail -n 1 "$tmp"
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT INT TERM
status=0
printf '%-16s %7s %10s %10s %7s\n' script threads gil_kB ft_kB ft/gil
for t in "$@"; do
    sum_g=0 sum_f=0
    for f in tests/stress/[a-z]*.py; do
        name=$(basename "$f" .py)
        g="" ft=""
        r=0
        while [ "$r" -lt "$REPS" ]; do
            g="$g $(peak "$GIL" "$f" "$t" "$SECS")"
            ft="$ft $(peak "$FT" "$f" "$t" "$SECS")"
            r=$((r + 1))
        done
        case "$g$ft" in *fail*)
            echo "$name threads=$t: a run failed" >&2; status=1; continue ;;
        esac
        mg=$(echo "$g" | median) mf=$(echo "$ft" | median)
        sum_g=$((sum_g + mg)) sum_f=$((sum_f + mf))
        printf '%-16s %7d %10d %10d %7.2f\n' "$name" "$t" "$mg" "$mf" "$(echo "$mf $mg" | awk '{print $1 / $2}')"
    done
    printf '%-16s %7d %10d %10d %7.2f\n' "(whole suite)" "$t" "$sum_g" "$sum_f" \
        "$(echo "$sum_f $sum_g" | awk '{print $2 ? $1 / $2 : 0}')"
done
exit $status
