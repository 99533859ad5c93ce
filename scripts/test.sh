#!/usr/bin/env bash
# Runs every test of GoldenThread on a fresh machine: installs what the tests need where it is missing, then
# `dotnet test` on the whole solution, then prints one closing line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK (dotnet) is not on PATH; install the .NET 10 SDK." >&2
  exit 1
fi

# The tests read the published LAIT files from ../shared/data/lait (beside the repository), as the samples do.
if [ ! -f ../shared/data/lait/bds_long.csv ] && [ -z "${GOLDENTHREAD_LAIT_DIR:-}" ]; then
  echo "note: ../shared/data/lait/bds_long.csv not found; tests that need real LAIT data will fail." >&2
fi

# A PostgreSQL server on loopback for the store and web tests, and Debian's Chromium for the browser tests; sourced so
# that GOLDENTHREAD_TEST_POSTGRES reaches dotnet test. The server is stopped on exit.
. scripts/postgres.sh
trap goldenthread_postgres_stop EXIT
. scripts/browser.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
status=0
dotnet test GoldenThread.slnx --nologo 2>&1 | tee "$log" || status=$?

# dotnet test prints one summary per test assembly; add them up into the plain closing line CI reads.
awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
    n++
  }
  END { if (n == 0) { print "0 passed, 0 failed"; exit } printf "%d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
rm -f "$log"
exit "$status"
