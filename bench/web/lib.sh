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

