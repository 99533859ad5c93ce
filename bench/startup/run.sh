#!/usr/bin/env bash
# Issue 13's goals as whole processes, with the bare read of bds_long.csv beside them, in one run:
#
#   bare read       bench/startup/BareRead: a .NET process that reads bds_long.csv line by line (the baseline)
#   store           goldenthread report --sample leicestershire-2020-23 into a SQLite store (the README's first command)
#   none            the same with --store none
#   all             the same with --la all --store none (every council's four files)
#   web             the web application on a SQLite store: from launch to the first 200 of the sample's public dashboard
#
# for the current checkout (CLI and web application published self-contained for linux-x64 in Release: one composite
# ReadyToRun image) and, unless BASELINE=none, for BASELINE
# (default e82dbcf, main before issue 13; published in Release as it was). Each round runs every subject once, in turn,
# so a slow spell of a busy machine hits all of them; round 0 is a warm-up (it also makes the stores and the LAIT
# cache) and is not counted. Prints every run, then per subject the medians of wall time, CPU time (user + system) and
# peak resident memory, and the ratios of the median wall and CPU times to the bare read's (on a machine shared with
# other work the CPU ratio is the steadier of the two).
#
#   bash bench/startup/run.sh                 # 5 rounds, baseline and current, web included
#   ROUNDS=3 WEB=no BASELINE=none bash bench/startup/run.sh
#   SKIP_PUBLISH=yes bash bench/startup/run.sh   # measure again what bench/startup/out already holds
#
# Publishes go to bench/startup/out/ (gitignored; the baseline's is kept per commit). Stores, caches and outputs go
# to a temporary folder, removed on exit.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/../.."
repo=$PWD
ROUNDS=${ROUNDS:-5}
BASELINE=${BASELINE:-e82dbcf}
WEB=${WEB:-yes}
SAMPLE=leicestershire-2020-23
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
unset GOLDENTHREAD_STORE GOLDENTHREAD_CACHE

lait=${GOLDENTHREAD_LAIT_DIR:-$repo/../shared/data/lait}
[ -f "$lait/bds_long.csv" ] || { echo "LAIT's bds_long.csv not found in $lait; set GOLDENTHREAD_LAIT_DIR" >&2; exit 1; }
lait=$(cd "$lait" && pwd)
export GOLDENTHREAD_LAIT_DIR=$lait

out=$repo/bench/startup/out
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/goldenthread-bench-startup.XXXXXX")
web_pid=
cleanup() {
  [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null || true
  git worktree remove --force "$tmp/baseline-src" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

quiet() { "$@" >"$tmp/publish.log" 2>&1 || { cat "$tmp/publish.log" >&2; echo "failed: $*" >&2; exit 1; }; }

versions=(current)
if [ "${SKIP_PUBLISH:-no}" = yes ]; then
  # Measure what is already in bench/startup/out (bareread, current-cli, current-web, baseline-cli, baseline-web).
  if [ "$BASELINE" != none ]; then versions+=(baseline); fi
  BASELINE=none
else
echo "== publishing (Release)"
quiet dotnet publish bench/startup/BareRead -c Release -o "$out/bareread"
# Self-contained: one composite ReadyToRun image of the runtime, ASP.NET Core and the application (the csproj files).
quiet dotnet publish src/GoldenThread.Cli -c Release -r linux-x64 --self-contained -o "$out/current-cli"
fi
if [ "$WEB" = yes ] && [ "${SKIP_PUBLISH:-no}" != yes ]; then
  quiet dotnet publish src/GoldenThread.Web -c Release -r linux-x64 --self-contained -o "$out/current-web"
  rm -rf "$out/current-web/samples"; cp -r samples "$out/current-web/samples"
fi
if [ "$BASELINE" != none ]; then
  sha=$(git rev-parse --verify "$BASELINE^{commit}")
  base=$out/baseline-${sha:0:7}
  if [ ! -x "$base-cli/goldenthread" ] || { [ "$WEB" = yes ] && [ ! -f "$base-web/GoldenThread.Web.dll" ]; }; then
    git worktree add --detach "$tmp/baseline-src" "$sha" >/dev/null 2>&1
    quiet dotnet publish "$tmp/baseline-src/src/GoldenThread.Cli" -c Release -o "$base-cli"
    if [ "$WEB" = yes ]; then
      quiet dotnet publish "$tmp/baseline-src/src/GoldenThread.Web" -c Release -o "$base-web"
      rm -rf "$base-web/samples"; cp -r "$tmp/baseline-src/samples" "$base-web/samples"
    fi
  fi
  ln -sfn "$base-cli" "$out/baseline-cli"
  if [ "$WEB" = yes ]; then ln -sfn "$base-web" "$out/baseline-web"; fi
  versions+=(baseline)
fi

# time_run NAME COMMAND...: runs it once (standard output discarded); appends "NAME wall cpu maxrss_kb" to the results.
time_run() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { echo "$name failed:" >&2; cat "$tmp/err" >&2; exit 1; }
  read -r wall user sys rss <"$tmp/time"
  echo "$name $wall $(echo "$user + $sys" | bc) $rss" | tee -a "$tmp/results"
}

# web_run NAME VERSION: launches the web app on its SQLite store and polls the sample's public dashboard every 10 ms;
# the time is from launch to the first 200. CPU and memory are not measured for the server.
web_run() {
  local name=$1 version=$2 port start end code
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  start=$(date +%s.%N)
  # The application's own launcher: a self-contained publish must not be run by the shared runtime's dotnet.
  local launch=(./GoldenThread.Web)
  [ -x "$out/$version-web/GoldenThread.Web" ] || launch=(dotnet GoldenThread.Web.dll)
  ( cd "$out/$version-web" && ASPNETCORE_ENVIRONMENT=Production exec "${launch[@]}" --urls "http://127.0.0.1:$port" \
      --GoldenThread:Store:Provider=Sqlite --GoldenThread:Store:ConnectionString="Data Source=$tmp/web-$version/goldenthread.db" \
      --GoldenThread:Store:MigrateOnStart=true --GoldenThread:SeedSamples=true --GoldenThread:LaitFolder="$lait" ) >"$tmp/web.log" 2>&1 &
  web_pid=$!
  for _ in $(seq 1 6000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/w/$SAMPLE/dashboard" || true)
    if [ "$code" = 200 ]; then break; fi
    kill -0 "$web_pid" 2>/dev/null || { echo "$name: the web app stopped:" >&2; tail -n 30 "$tmp/web.log" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s.%N)
  kill "$web_pid"; wait "$web_pid" 2>/dev/null || true; web_pid=
  [ "$code" = 200 ] || { echo "$name: no 200 in 60 s" >&2; exit 1; }
  echo "$name $(echo "$end - $start" | bc) - -" | tee -a "$tmp/results"
}

for round in $(seq 0 "$ROUNDS"); do
  if [ "$round" = 0 ]; then echo "== round 0 (warm-up: stores, caches; not counted)"; else echo "== round $round"; fi
  if [ "$round" = 1 ]; then : >"$tmp/results"; fi
  time_run "bare-read" "$out/bareread/BareRead" "$lait/bds_long.csv"
  for v in "${versions[@]}"; do
    mkdir -p "$tmp/$v"
    time_run "$v:store" "$out/$v-cli/goldenthread" report --sample "$SAMPLE" --store "$tmp/$v/goldenthread.db" --out "$tmp/$v/out-store"
    GOLDENTHREAD_CACHE=$tmp/$v/cache time_run "$v:none" "$out/$v-cli/goldenthread" report --sample "$SAMPLE" --store none --out "$tmp/$v/out-none"
    GOLDENTHREAD_CACHE=$tmp/$v/cache time_run "$v:all" "$out/$v-cli/goldenthread" report --sample "$SAMPLE" --la all --store none --out "$tmp/$v/out-all"
    if [ "$WEB" = yes ]; then web_run "$v:web" "$v"; fi
  done
done

echo
echo "== medians of $ROUNDS rounds ($(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))"
awk '
  function median(list,   n, a, i, j, t) { n = split(list, a, " "); for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { if (!($1 in wall)) order[++k] = $1; wall[$1] = wall[$1] " " $2; cpu[$1] = cpu[$1] " " $3; rss[$1] = rss[$1] " " $4 }
  END {
    base = median(wall["bare-read"]); cbase = median(cpu["bare-read"])
    printf "%-18s %10s %12s %10s %12s %10s\n", "subject", "wall s", "wall / bare", "CPU s", "CPU / bare", "peak MB"
    for (i = 1; i <= k; i++) { s = order[i]; m = median(wall[s])
      if (cpu[s] ~ /-/) { c = "-"; cr = "-"; r = "-" } else { c = sprintf("%.2f", median(cpu[s])); cr = sprintf("%.1fx", median(cpu[s]) / cbase); r = sprintf("%.0f", median(rss[s]) / 1024) }
      printf "%-18s %10.2f %11.1fx %10s %12s %10s\n", s, m, m / base, c, cr, r }
  }' "$tmp/results"
