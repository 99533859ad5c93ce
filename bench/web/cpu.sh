#!/usr/bin/env bash
# The web server's CPU time per request for the quarterly cycle's pages (issue 10), on SQLite: a latency benchmark on a
# shared machine measures the other builds as much as the app, but the CPU the server process itself spends (utime +
# stime from /proc/PID/stat) does not depend on them. One signed-in performance officer asks for each page N times in a
# row over one keep-alive connection, after a warm-up; the script prints the CPU milliseconds per request.
#
#   bash bench/web/cpu.sh                 # publishes the current checkout's web app and command line in Release
#   N=400 bash bench/web/cpu.sh
#   PUBLISHED=/tmp/before bash bench/web/cpu.sh   # an app already published there (GoldenThread.Web/, GoldenThread.Cli/)
#
# Pages: /health without and with the session cookie, my work, the progress board, and one figure's page (an owner's
# GET before each save). Nobody saves while it runs, so what is cached stays cached: this measures a page served from
# the caches, which is what most of the 200 requests a second are between two saves.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/../.."
repo=$PWD
N=${N:-200}
WS=leicestershire-2015-16-q3
LABEL="2015/16 Q3"
SLUG=2015-16-q3
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
. bench/web/lib.sh

lait=${GOLDENTHREAD_LAIT_DIR:-$repo/../shared/data/lait}
[ -f "$lait/bds_long.csv" ] || { echo "LAIT's bds_long.csv not found in $lait; set GOLDENTHREAD_LAIT_DIR" >&2; exit 1; }
lait=$(cd "$lait" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/goldenthread-bench-cpu.XXXXXX")
pid=
cleanup() {
  [ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

out=${PUBLISHED:-$repo/bench/web/out/cpu}
if [ -z "${PUBLISHED:-}" ]; then
  echo "== publishing the web app and the command line (Release)" >&2
  for project in src/GoldenThread.Web src/GoldenThread.Cli; do
    dotnet publish "$project" -c Release -r linux-x64 --self-contained false -o "$out/$(basename "$project")" --nologo -v q >"$tmp/publish.log" 2>&1 \
      || { cat "$tmp/publish.log" >&2; exit 1; }
  done
  rm -rf "$out/GoldenThread.Web/samples"
  cp -r samples "$out/GoldenThread.Web/samples"
fi

port=$(free_port)
base=http://127.0.0.1:$port
start_web_app "$out/GoldenThread.Web" "$port" Sqlite "Data Source=$tmp/cpu.db" "$tmp/app.log"

password="lantern harbour cobalt meadow"
printf '%s\n' "$password" | dotnet "$out/GoldenThread.Cli/goldenthread.dll" user add --email cpu@council.example --name "CPU bench" \
  --role performance-officer --workspace "$WS" --password-stdin --store "$tmp/cpu.db" >/dev/null

jar=$tmp/cookies
token() { sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1; }
t=$(curl -sf -c "$jar" -b "$jar" "$base/sign-in" | token)
curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$t" \
  --data-urlencode "email=cpu@council.example" --data-urlencode "password=$password" "$base/sign-in"
t=$(curl -sf -c "$jar" -b "$jar" "$base/w/$WS/quarter" | token)
due=$(date -u -d '+30 days' +%d-%m-%Y)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$t" --data-urlencode "period=$LABEL" \
  --data-urlencode "due-day=${due%%-*}" --data-urlencode "due-month=$(cut -d- -f2 <<<"$due")" --data-urlencode "due-year=${due##*-}" \
  "$base/w/$WS/quarter"
figure=$(curl -sf -b "$jar" "$base/w/$WS/quarter/$SLUG" | sed -n 's/.*href="\([^"]*\/figures\/[^"?#]*\)".*/\1/p' | head -n 1)
[ -n "$figure" ] || { echo "the board links to no figure" >&2; exit 1; }

ticks=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }

# measure NAME PATH [cookie]: N requests in a row over one connection, after N/4 to warm up; CPU ms per request.
measure() {
  local name=$1 path=$2 cookie=${3:-} urls=() args=(-s) before after i
  for i in $(seq 1 "$N"); do urls+=("$base$path"); done
  [ -n "$cookie" ] && args+=(-b "$jar")
  curl "${args[@]}" "${urls[@]:0:$((N / 4))}" >/dev/null
  before=$(cpu)
  curl "${args[@]}" "${urls[@]}" >/dev/null
  after=$(cpu)
  awk -v n="$N" -v d=$((after - before)) -v hz="$ticks" -v name="$name" 'BEGIN { printf "%-28s %6.2f ms CPU a request (%d requests)\n", name, d * 1000 / hz / n, n }'
}

measure "/health, no cookie" /health
measure "/health, with the cookie" /health cookie
measure "my work" "/w/$WS/my-work" cookie
measure "progress board" "/w/$WS/quarter/$SLUG" cookie
measure "a figure's page" "$figure" cookie
