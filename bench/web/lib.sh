# Helpers shared by the web benchmarks (sourced, not run).

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# fresh_postgres_db NAME: drops and creates a database on the server of GOLDENTHREAD_TEST_POSTGRES; prints its
# connection string.
fresh_postgres_db() {
  local name=$1 cs=$GOLDENTHREAD_TEST_POSTGRES host port user bin
  host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$cs")
  port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$cs")
  user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$cs")
  bin=${GOLDENTHREAD_POSTGRES_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
  PGOPTIONS='-c client_min_messages=warning' "$bin/dropdb" --if-exists -h "${host:-127.0.0.1}" -p "${port:-5432}" -U "${user:-postgres}" "$name" >/dev/null
  "$bin/createdb" -h "${host:-127.0.0.1}" -p "${port:-5432}" -U "${user:-postgres}" "$name"
  sed 's/Database=[^;]*//; s/;;*/;/g; s/;$//' <<<"$cs" | sed "s/\$/;Database=$name/"
}


# start_web_app DIR PORT PROVIDER CONNECTION_STRING LOG: starts the web application published in DIR on 127.0.0.1:PORT
# with the bundled samples and the LAIT folder $lait, in the Development environment (so that its session cookie,
# Secure elsewhere, travels over the loopback http the benchmarks use), and waits for /health. Sets pid, which the
# caller's clean-up kills; exits with the application's log when it stops before answering.
start_web_app() {
  local dir=$1 port=$2 provider=$3 cs=$4 log=$5
  (
    cd "$dir"
    ASPNETCORE_ENVIRONMENT=Development GOLDENTHREAD_LAIT_DIR="$lait" Logging__LogLevel__Default=Warning exec dotnet GoldenThread.Web.dll \
      --urls "http://127.0.0.1:$port" --GoldenThread:Store:Provider="$provider" --GoldenThread:Store:ConnectionString="$cs" \
      --GoldenThread:Store:MigrateOnStart=true --GoldenThread:LaitFolder="$lait" --GoldenThread:SeedSamples=true
  ) >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; exit 1; }
    sleep 0.5
  done
}
