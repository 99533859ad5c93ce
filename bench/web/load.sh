#!/usr/bin/env bash
# Load benchmark of the web app (Release) on loopback: /health (baseline), the dashboard page and a measure page, at about
# 200 requests/s (wrk, 4 connections each pausing 20 ms between requests; Debian's wrk has no fixed-rate mode), for a
# bounded time per URL, against SQLite and, when GOLDENTHREAD_TEST_POSTGRES is set (. scripts/postgres.sh), PostgreSQL.
# Prints wrk's throughput and latency percentiles. Loopback only; stops the app it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-15s}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
dotnet build src/GoldenThread.Web -c Release --nologo -v q >/dev/null
lua=$(mktemp --suffix=.lua)
echo 'function delay() return 20 end' >"$lua"

run() {
  local name=$1 provider=$2 cs=$3 port pid
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  ( cd src/GoldenThread.Web && GoldenThread__Store__Provider=$provider GoldenThread__Store__ConnectionString="$cs" ASPNETCORE_URLS="http://127.0.0.1:$port" \
      Logging__LogLevel__Default=Warning exec dotnet bin/Release/net10.0/GoldenThread.Web.dll --urls "http://127.0.0.1:$port" ) >/tmp/goldenthread-bench-$name.log 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  for url in /health /w/leicestershire-2020-23/dashboard /w/leicestershire-2020-23/measures/a1-gld; do
    curl -sf -o /dev/null "http://127.0.0.1:$port$url"   # warm: the first request computes and caches the dashboard
    echo "== $name $url"
    wrk -t2 -c4 -d"$DURATION" --latency -s "$lua" "http://127.0.0.1:$port$url" | grep -E "Requests/sec|Latency|50%|75%|90%|99%|requests in|Non-2xx"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

tmp=$(mktemp -d)
run sqlite Sqlite "Data Source=$tmp/bench.db"
if [ -n "${GOLDENTHREAD_TEST_POSTGRES:-}" ]; then
  run postgres Postgres "$GOLDENTHREAD_TEST_POSTGRES"
fi
rm -rf "$tmp" "$lua"
