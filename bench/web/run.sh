#!/usr/bin/env bash
# Before/after speed of the web pages, in one run: the web application as it was at BASELINE (default ab6c751, the last
# commit before issue 8, pages built from strings) against the current checkout (pages as Razor components), both
# published in Release and started side by side on loopback, on SQLite and on PostgreSQL.
#
#   bash bench/web/run.sh                                   # 3 rounds × 20 s per page and version, about 15 minutes
#   DURATION=3 ROUNDS=1 bash bench/web/run.sh               # a quick check that everything works
#
# Settings (environment): BASELINE (a commit), DURATION (measured seconds per run, default 20), WARMUP (3), RATE
# (requests per second, 200), ROUNDS (3), STORES ("sqlite postgres"), PAGES (space-separated paths), GOAL_MS (50).
#
# For each store, each page, each round: the open-loop load generator (bench/GoldenThread.Bench.Web) runs against the
# baseline and then the current app (baseline, current, baseline, current, ...), so a slow spell of a busy machine hits
# both. Each run reports nearest-rank p50/p90/p99 of latencies measured from each request's scheduled start. The table
# gives, per version, the median over rounds of p50 and of p99, and the ratio current ÷ baseline. It is printed and
# written to bench/web/results/ (gitignored) with the raw runs as JSON lines.
#
# Publishes go to bench/web/out/ (gitignored); the baseline's is kept per commit and reused, so a second run does not
# rebuild it (delete bench/web/out/baseline-* to force). The servers, the temporary worktree and a PostgreSQL server
# this script started are stopped on exit.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/../.."
repo=$PWD

BASELINE=${BASELINE:-ab6c751}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-3}
RATE=${RATE:-200}
ROUNDS=${ROUNDS:-3}
STORES=${STORES:-sqlite postgres}
PAGES=${PAGES:-/w/leicestershire-2015-16-q3/dashboard /w/leicestershire-2020-23/measures/a1-gld /health}
GOAL_MS=${GOAL_MS:-50}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

baseline_sha=$(git rev-parse --verify "$BASELINE^{commit}")
current_sha=$(git rev-parse HEAD)
current_desc="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+uncommitted changes in src')"

# LAIT's files: GOLDENTHREAD_LAIT_DIR, else ../shared/data/lait beside the repository. Given to both apps explicitly,
# because the baseline runs from a folder outside the repository.
lait=${GOLDENTHREAD_LAIT_DIR:-$repo/../shared/data/lait}
[ -f "$lait/bds_long.csv" ] || { echo "LAIT's bds_long.csv not found in $lait; set GOLDENTHREAD_LAIT_DIR" >&2; exit 1; }
lait=$(cd "$lait" && pwd)

out=$repo/bench/web/out
results=$repo/bench/web/results
mkdir -p "$out" "$results"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/goldenthread-bench-web.XXXXXX")
baseline_tree=$tmp/baseline-src
pids=()
started_postgres=no

# free_port and fresh_postgres_db, shared with cycle.sh.
. bench/web/lib.sh

cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ -d "$baseline_tree" ]; then
    git -C "$repo" worktree remove --force "$baseline_tree" >/dev/null 2>&1 || true
  fi
  git -C "$repo" worktree prune >/dev/null 2>&1 || true
  [ "$started_postgres" = yes ] && goldenthread_postgres_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM


# publish TREE DEST: the web app of a source tree in Release, with the tree's samples/ beside it (the app finds the
# samples walking up from its own folder), so that DEST runs on its own.
publish() {
  local tree=$1 dest=$2
  rm -rf "$dest"
  dotnet publish "$tree/src/GoldenThread.Web" -c Release -o "$dest" --nologo -v q -p:TreatWarningsAsErrors=false >"$tmp/publish.log" 2>&1 \
    || { cat "$tmp/publish.log" >&2; echo "publishing $tree failed" >&2; exit 1; }
  cp -r "$tree/samples" "$dest/samples"
}

echo "== load generator"
dotnet publish bench/GoldenThread.Bench.Web -c Release -o "$out/loadgen" --nologo -v q >"$tmp/publish.log" 2>&1 \
  || { cat "$tmp/publish.log" >&2; exit 1; }
loadgen=("dotnet" "$out/loadgen/GoldenThread.Bench.Web.dll")

echo "== current ($current_desc): publishing"
publish "$repo" "$out/current"

baseline_out=$out/baseline-$baseline_sha
if [ -f "$baseline_out/GoldenThread.Web.dll" ] && [ -d "$baseline_out/samples" ]; then
  echo "== baseline ($BASELINE = ${baseline_sha:0:7}): reusing $baseline_out"
else
  echo "== baseline ($BASELINE = ${baseline_sha:0:7}): temporary worktree, publishing"
  git worktree add --detach "$baseline_tree" "$baseline_sha" >/dev/null 2>&1
  # GOV.UK Frontend: reuse the current tree's npm packages when the lock file is the same, instead of npm ci again.
  frontend=src/GoldenThread.Web/frontend
  if [ -d "$repo/$frontend/node_modules" ] && cmp -s "$repo/$frontend/package-lock.json" "$baseline_tree/$frontend/package-lock.json"; then
    cp -r "$repo/$frontend/node_modules" "$baseline_tree/$frontend/node_modules"
  fi
  publish "$baseline_tree" "$baseline_out.partial"
  mv "$baseline_out.partial" "$baseline_out"
  git worktree remove --force "$baseline_tree"
fi

# start_app NAME DIR PROVIDER CONNECTION_STRING: starts the published app in DIR on a free loopback port, in the
# Production environment, seeding the samples into the (fresh) store; sets app_url when /health answers.
start_app() {
  local name=$1 dir=$2 provider=$3 cs=$4 port pid
  port=$(free_port)
  (
    cd "$dir"
    ASPNETCORE_ENVIRONMENT=Production GOLDENTHREAD_LAIT_DIR="$lait" exec dotnet GoldenThread.Web.dll \
      --urls "http://127.0.0.1:$port" \
      --GoldenThread:Store:Provider="$provider" \
      --GoldenThread:Store:ConnectionString="$cs" \
      --GoldenThread:Store:MigrateOnStart=true \
      --GoldenThread:LaitFolder="$lait" \
      --GoldenThread:SeedSamples=true
  ) >"$tmp/$name.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1 600); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/health"; then
      app_url="http://127.0.0.1:$port"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name stopped before it answered /health:" >&2
      tail -n 30 "$tmp/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "$name did not answer /health within 300 s:" >&2
  tail -n 30 "$tmp/$name.log" >&2
  exit 1
}

stop_apps() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  pids=()
}

stamp=$(date -u +%Y%m%dT%H%M%SZ)
runs=$results/web-$stamp.jsonl
report=$results/web-$stamp.md
: >"$runs"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

for store in $STORES; do
  case $store in
    sqlite)
      label=SQLite provider=Sqlite
      cs_before="Data Source=$tmp/before.db"
      cs_after="Data Source=$tmp/after.db"
      ;;
    postgres)
      label=PostgreSQL provider=Postgres
      if [ -z "${GOLDENTHREAD_TEST_POSTGRES:-}" ]; then
        . scripts/postgres.sh
        started_postgres=yes
      fi
      cs_before=$(fresh_postgres_db goldenthread_bench_before)
      cs_after=$(fresh_postgres_db goldenthread_bench_after)
      ;;
    *) echo "unknown store '$store' (sqlite, postgres)" >&2; exit 2 ;;
  esac

  echo "== $label: starting both apps (fresh stores, samples loaded on start)"
  start_app "$store-before" "$baseline_out" "$provider" "$cs_before"; url_before=$app_url
  start_app "$store-after" "$out/current" "$provider" "$cs_after"; url_after=$app_url

  for page in $PAGES; do
    # One request each first: it must be a 200, and it fills the app's caches (the first dashboard is computed).
    for url in "$url_before" "$url_after"; do
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 120 "$url$page")
      [ "$code" = 200 ] || { echo "$url$page answered $code, not 200" >&2; exit 1; }
    done
    for round in $(seq 1 "$ROUNDS"); do
      for version in before after; do
        if [ "$version" = before ]; then url=$url_before; else url=$url_after; fi
        "${loadgen[@]}" run --url "$url$page" --rate "$RATE" --warmup "$WARMUP" --duration "$DURATION" \
          --store "$label" --page "$page" --version "$version" --round "$round" >>"$runs"
        sleep 1 # let requests a saturated app is still working on finish before the other app's run
      done
    done
  done
  stop_apps
done

{
  echo "Web pages before and after: baseline ${baseline_sha:0:7} ($BASELINE), current $current_desc; $(date -u '+%Y-%m-%d %H:%M UTC')."
  echo "Open loop at $RATE requests/s, $WARMUP s warm-up then $DURATION s measured per run, $ROUNDS round(s) alternating before/after;"
  echo "medians over rounds of nearest-rank p50 and p99, latency from each request's scheduled start. $(nproc) CPUs,"
  echo "load average $load_start at the start and $(cut -d' ' -f1-3 /proc/loadavg) at the end."
  echo
  "${loadgen[@]}" table "$runs" --goal-ms "$GOAL_MS"
} | tee "$report"
echo
echo "written: $report (raw runs: $runs)"
