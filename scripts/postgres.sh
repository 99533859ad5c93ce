#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the tests and the web benchmark, and exports its connection string
# as GOLDENTHREAD_TEST_POSTGRES. Source it (`. scripts/postgres.sh`) so the variable reaches the caller; call
# goldenthread_postgres_stop when done (scripts/test.sh does so on exit).
# Installs Debian's postgresql when no server binary is present. The cluster lives in a temporary folder owned by the
# 'postgres' user (a server refuses to run as root) and listens on loopback only, on a free port.

goldenthread_postgres_start() {
  if [ -n "${GOLDENTHREAD_TEST_POSTGRES:-}" ]; then
    echo "postgres: using GOLDENTHREAD_TEST_POSTGRES from the environment"
    return 0
  fi

  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres: installing Debian's postgresql"
    if [ "$(id -u)" -eq 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres: no PostgreSQL server binaries found" >&2
    return 1
  fi

  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
    run=(runuser -u postgres --)
  fi

  local dir port
  dir=$(mktemp -d "${TMPDIR:-/tmp}/goldenthread-pg.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

  "${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { echo "postgres: initdb failed:" >&2; cat "$dir/initdb.log" >&2; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null \
    || { echo "postgres: the server did not start:" >&2; cat "$dir/server.log" >&2; return 1; }
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres goldenthread_test

  GOLDENTHREAD_POSTGRES_DIR="$dir"
  GOLDENTHREAD_POSTGRES_BIN="$bin"
  export GOLDENTHREAD_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=goldenthread_test"
  echo "postgres: $($bin/postgres --version) on 127.0.0.1:$port (data in $dir)"
}

goldenthread_postgres_stop() {
  if [ -n "${GOLDENTHREAD_POSTGRES_DIR:-}" ] && [ -d "$GOLDENTHREAD_POSTGRES_DIR/data" ]; then
    local run=()
    [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
    "${run[@]}" "$GOLDENTHREAD_POSTGRES_BIN/pg_ctl" -D "$GOLDENTHREAD_POSTGRES_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$GOLDENTHREAD_POSTGRES_DIR"
    unset GOLDENTHREAD_POSTGRES_DIR
  fi
}

goldenthread_postgres_start
