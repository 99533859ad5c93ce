#!/usr/bin/env bash
# The quarterly cycle under load (issue 10): "my work" and the progress board read at RATE requests a second by a
# signed-in performance officer while OWNERS owners save figures and commentary through the figure page's form, all at
# once, on SQLite and on PostgreSQL. Counts errors and lost updates (every figure read back at the end and compared with
# the last save the application acknowledged); prints nearest-rank p50/p90/p99 per page. /health is read the same way
# first, as the baseline of the same run.
#
#   bash bench/web/cycle.sh                         # 20 s per page and store, about 5 minutes with the builds
#   DURATION=5 STORES=sqlite bash bench/web/cycle.sh
#   OWNER_THINK_MS=0 bash bench/web/cycle.sh        # the stress variant: owners save as fast as the server answers
#   COUNTERS=yes bash bench/web/cycle.sh            # also the server's runtime counters each second (dotnet-counters)
#
# Settings (environment): DURATION (20), WARMUP (3), RATE (200), OWNERS (20), STORES ("sqlite postgres"),
# OWNER_THINK_MS (1000), COUNTERS (no), SERVER_WARMUP (40), PAGES ("my-work board": the pages read, in that order, each for DURATION).
#
# COUNTERS=yes records the server's System.Runtime and ASP.NET Core counters once a second while the pages are read
# (thread pool queue and threads, garbage collections and their pauses, lock contention, requests in flight) into
# bench/web/results/counters-STAMP-STORE.csv, to see what the server was doing in a spell where it fell behind. It needs
# dotnet-counters (`dotnet tool install -g dotnet-counters`).
#
# OWNER_THINK_MS is how long each owner pauses, on average, between one save's answer and opening the form for the next
# (each pause drawn from half to one and a half times it, the owners out of step). Real owners type a figure and three
# paragraphs of commentary between saves, minutes rather than seconds, so 1000 ms is still harsh: 20 owners saving once
# a second each is about 20 saves a second, 72,000 an hour, where a quarter brings a few hundred. With 0 they save in a
# closed loop as fast as the server answers, which measures how much the saves can take rather than what owners do: the
# saves then take whatever CPU the pages leave, and the pages' queue grows (docs/benchmarks.md, first two rounds).
# SERVER_WARMUP is how long, in all, the pages are read while the owners save before anything is measured, each page in
# turn; those runs are recorded too, as round 0, version "warm-up". A freshly started server spends its first half minute
# of this load compiling the hot code optimised (tiered compilation; 0.5 s of JIT a second on these 2 cores, PGO's
# instrumented tier included), and the pages' p99 then is tens to hundreds of milliseconds (seconds, with the board
# measured first, before the sixth round's cache change), which is the start, not the steady state the goal is about
# (docs/benchmarks.md, sixth round). SERVER_WARMUP=0 measures from the start.
# The app runs in the Development environment only so that its session cookie, Secure elsewhere, travels over the
# loopback http the benchmark uses; nothing else differs for these pages.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/../.."
repo=$PWD
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-3}
RATE=${RATE:-200}
OWNERS=${OWNERS:-20}
OWNER_THINK_MS=${OWNER_THINK_MS:-1000}
SERVER_WARMUP=${SERVER_WARMUP:-40}
COUNTERS=${COUNTERS:-no}
STORES=${STORES:-sqlite postgres}
PAGES=${PAGES:-my-work board}
WS=leicestershire-2015-16-q3
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
. bench/web/lib.sh

lait=${GOLDENTHREAD_LAIT_DIR:-$repo/../shared/data/lait}
[ -f "$lait/bds_long.csv" ] || { echo "LAIT's bds_long.csv not found in $lait; set GOLDENTHREAD_LAIT_DIR" >&2; exit 1; }
lait=$(cd "$lait" && pwd)

out=$repo/bench/web/out/cycle
results=$repo/bench/web/results
mkdir -p "$out" "$results"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/goldenthread-bench-cycle.XXXXXX")
pid=
counters_pid=
started_postgres=no
cleanup() {
  [ -n "${cpu_pid:-}" ] && { kill "$cpu_pid" 2>/dev/null || true; }
  [ -n "$counters_pid" ] && { kill "$counters_pid" 2>/dev/null || true; wait "$counters_pid" 2>/dev/null || true; }
  [ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  [ "$started_postgres" = yes ] && goldenthread_postgres_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== publishing the web app, the command line and the load generator (Release)"
for project in src/GoldenThread.Web src/GoldenThread.Cli bench/GoldenThread.Bench.Web; do
  # For a runtime, so that the app and the command line are ReadyToRun, as a real installation would be (docs/web.md).
  dotnet publish "$project" -c Release -r linux-x64 --self-contained false -o "$out/$(basename "$project")" --nologo -v q >"$tmp/publish.log" 2>&1 \
    || { cat "$tmp/publish.log" >&2; exit 1; }
done
cp -r samples "$out/GoldenThread.Web/samples"

page_paths=
for page in $PAGES; do
  case $page in
    my-work) page_paths="$page_paths /w/$WS/my-work" ;;
    board) page_paths="$page_paths /w/$WS/quarter/{period}" ;;
    *) echo "unknown page '$page' (my-work, board)" >&2; exit 2 ;;
  esac
done

stamp=$(date -u +%Y%m%dT%H%M%SZ)
runs=$results/cycle-$stamp.jsonl
for store in $STORES; do
  case $store in
    sqlite) provider=Sqlite; cs="Data Source=$tmp/cycle.db"; cli_store=$tmp/cycle.db ;;
    postgres)
      if [ -z "${GOLDENTHREAD_TEST_POSTGRES:-}" ]; then
        . scripts/postgres.sh
        started_postgres=yes
      fi
      provider=Postgres; cs=$(fresh_postgres_db goldenthread_bench_cycle); cli_store=$cs ;;
    *) echo "unknown store '$store' (sqlite, postgres)" >&2; exit 2 ;;
  esac

  port=$(free_port)
  start_web_app "$out/GoldenThread.Web" "$port" "$provider" "$cs" "$tmp/app-$store.log"

  # A performance officer who reads, and the owners, each a performance officer too so that any measure may be theirs.
  people=$tmp/people-$store.csv
  : >"$people"
  for i in $(seq 0 "$OWNERS"); do
    email="bench-$i@council.example"
    password="lantern harbour cobalt $i meadow"
    printf '%s\n' "$password" | dotnet "$out/GoldenThread.Cli/goldenthread.dll" user add --email "$email" --name "Bench person $i" \
      --role performance-officer --workspace "$WS" --password-stdin --store "$cli_store" >/dev/null
    echo "$email,$password" >>"$people"
  done

  echo "== $store: /health, my work and the progress board at $RATE/s while $OWNERS owners save, about $OWNER_THINK_MS ms apart; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet "$out/GoldenThread.Bench.Web/GoldenThread.Bench.Web.dll" run --url "http://127.0.0.1:$port/health" --rate "$RATE" \
    --warmup "$WARMUP" --duration "$DURATION" --store "$store" --page /health --version baseline >>"$runs"
  if [ "$COUNTERS" = yes ]; then
    counters_bin=$(command -v dotnet-counters || echo "$HOME/.dotnet/tools/dotnet-counters")
    "$counters_bin" collect -p "$pid" --refresh-interval 1 --format csv -o "$results/counters-$stamp-$store.csv" \
      --counters System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft-AspNetCore-Server-Kestrel >"$tmp/counters.log" 2>&1 &
    counters_pid=$!
  fi
  # The host's share of the machine's CPU time taken from this virtual machine ("steal"), each second: a spell in which
  # the machine had fewer cores than it seemed shows here, not in the server's counters.
  ( while sleep 1; do echo "$(date -u +%H:%M:%S) $(head -n 1 /proc/stat)"; done ) >"$results/cpu-$stamp-$store.txt" &
  cpu_pid=$!
  before=$(head -n 1 /proc/stat)
  dotnet "$out/GoldenThread.Bench.Web/GoldenThread.Bench.Web.dll" cycle --url "http://127.0.0.1:$port" --workspace "$WS" \
    --label "2015/16 Q3" --people "$people" --pages "$page_paths" \
    --think-ms "$OWNER_THINK_MS" --warm-server "$SERVER_WARMUP" --rate "$RATE" --warmup "$WARMUP" --duration "$DURATION" --store "$store" >>"$runs"

  after=$(head -n 1 /proc/stat)
  kill "$cpu_pid" 2>/dev/null || true; wait "$cpu_pid" 2>/dev/null || true; cpu_pid=
  echo "$before" "$after" | awk '{ for (i = 2; i <= 9; i++) { all += $(i + 11) - $i } steal = $(20) - $9;
    printf "== %s: the host took %.1f%% of this machine'"'"'s CPU time during the cycle (steal; per second in %s)\n", store, 100 * steal / all, file }' \
    store="$store" file="bench/web/results/cpu-$stamp-$store.txt"
  if [ -n "$counters_pid" ]; then kill -TERM "$counters_pid" 2>/dev/null || true; wait "$counters_pid" 2>/dev/null || true; counters_pid=; fi
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done

echo "== runs in $runs; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
