#!/usr/bin/env bash
# Times `goldenthread report --sample leicestershire-2020-23 --la all` (every council's dashboard.html, .xlsx, .json and
# report.docx) before and after issue 8 in one run: the baseline commit (default ab6c751, string-built HTML) and the
# current checkout are both published in Release and run in turn, alternating, ROUNDS times each; prints every time,
# the medians and their ratio. Nothing is stored (--store none); the output goes to a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
BASELINE=${BASELINE:-ab6c751}
ROUNDS=${ROUNDS:-3}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/baseline-src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git worktree add --detach "$work/baseline-src" "$BASELINE" >/dev/null 2>&1
dotnet publish -c Release -o "$work/before" "$work/baseline-src/src/GoldenThread.Cli" >/dev/null
dotnet publish -c Release -o "$work/after" src/GoldenThread.Cli >/dev/null

run() { # $1 = before|after; prints seconds
  local start end
  start=$(date +%s.%N)
  GOLDENTHREAD_STORE=none "$work/$1/goldenthread" report --sample leicestershire-2020-23 --la all --store none --out "$work/out-$1" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

declare -a before after
for i in $(seq 1 "$ROUNDS"); do
  if (( i % 2 )); then before+=("$(run before)"); after+=("$(run after)"); else after+=("$(run after)"); before+=("$(run before)"); fi
  echo "round $i: before ${before[-1]} s, after ${after[-1]} s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mb=$(median "${before[@]}"); ma=$(median "${after[@]}")
echo "report --la all ($(nproc) CPUs, $ROUNDS rounds): before $BASELINE median ${mb} s, after median ${ma} s, ratio $(echo "scale=2; $ma / $mb" | bc)"
