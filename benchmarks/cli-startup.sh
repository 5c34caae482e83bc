#!/usr/bin/env bash
# CLI start-up against `java -version`: median wall and CPU (user+sys) of N runs of each command, taken in turns so
# that both see the same machine load. Used for the "CLI validate" row of BENCHMARKS.md.
#
# Usage: benchmarks/cli-startup.sh [runs (default 9)] [-- command to compare, default: ./fmi-share validate
#        samples/passing-share.json]
# Run from the repository root after `mvn -B -ntp -DskipTests -pl cli -am package`; the launcher records its AppCDS
# archive on its first run, which this script makes before measuring.
set -euo pipefail
runs="${1:-9}"
shift || true
[ "${1:-}" = "--" ] && shift
if [ $# -eq 0 ]; then
  set -- ./fmi-share validate samples/passing-share.json
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$@" > /dev/null 2>&1 || true          # first run: builds the jar if missing and records the AppCDS archive
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S" -o "$tmp/jv.$i" java -version > /dev/null 2>&1
  /usr/bin/time -f "%e %U %S" -o "$tmp/cmd.$i" "$@" > /dev/null 2>&1 || true
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
jv_wall=$(for f in "$tmp"/jv.*; do awk '{print $1}' "$f"; done | median)
jv_cpu=$(for f in "$tmp"/jv.*; do awk '{print $2 + $3}' "$f"; done | median)
cmd_wall=$(for f in "$tmp"/cmd.*; do awk '{print $1}' "$f"; done | median)
cmd_cpu=$(for f in "$tmp"/cmd.*; do awk '{print $2 + $3}' "$f"; done | median)
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java -version: median wall ${jv_wall} s, CPU ${jv_cpu} s ($runs runs)"
echo "$*: median wall ${cmd_wall} s, CPU ${cmd_cpu} s"
awk -v a="$cmd_wall" -v b="$jv_wall" -v c="$cmd_cpu" -v d="$jv_cpu" \
  'BEGIN {printf "ratio: wall %.1fx, CPU %.1fx\n", a / b, c / d}'
