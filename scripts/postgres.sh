#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and benchmarks: no Docker, no system service, nothing outside <dir>.
#
#   scripts/postgres.sh start <dir>   initdb into <dir>/data, start on 127.0.0.1 at a free port with a socket
#                                     directory in <dir>, wait until it accepts connections, and print the Npgsql
#                                     connection string (the only line on stdout; also written to <dir>/connection-string).
#   scripts/postgres.sh stop <dir>    stop the server started in <dir> (does nothing when none runs).
#
#   export FLUX_POSTGRES="$(scripts/postgres.sh start /tmp/flux-pg)"   # then: dotnet test; scripts/postgres.sh stop /tmp/flux-pg
#
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` OS user (created when missing) and
# <dir> is handed to it. Authentication is `trust`: for local tests only. A server left in <dir> by a killed run is
# stopped first; a port taken between the check and the bind is retried with another one.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }
log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  for dir in "${PG_BIN:-}" /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -Vr); do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
  done
  die "PostgreSQL's server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin; install them (apt-get install -y postgresql) or set PG_BIN."
}

# Runs a command as the user that owns the server: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_owner() {
  [ "$(id -u)" = 0 ] || return 0
  if ! id postgres >/dev/null 2>&1; then
    log "creating the 'postgres' OS user (PostgreSQL does not run as root)"
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_server() {
  local dir="$1" bin="$2" pid
  [ -f "$dir/data/postmaster.pid" ] || return 0
  pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
  as_owner "$bin/pg_ctl" -D "$dir/data" stop -m fast -w -t 30 >/dev/null 2>&1 \
    || as_owner "$bin/pg_ctl" -D "$dir/data" stop -m immediate -w -t 30 >/dev/null 2>&1 \
    || true
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/data/postmaster.pid"
}

start() {
  local dir="$1" bin port attempt
  bin="$(find_bin)"
  ensure_owner
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd -P)"

  if [ -f "$dir/data/postmaster.pid" ]; then
    log "stopping a server left in $dir by an earlier run"
    stop_server "$dir" "$bin"
  fi
  rm -rf "$dir/data" "$dir/s" "$dir/log" "$dir/port" "$dir/connection-string"
  mkdir -p "$dir/s"
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres:postgres "$dir"
    as_owner test -w "$dir" -a -x "$dir" \
      || die "the 'postgres' user cannot use $dir (a parent folder is not searchable by others); choose a folder under /tmp."
  fi

  # No locale: the C collation and UTF-8, the same on every machine, and no missing-locale failures.
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed (log above)"; }

  for attempt in $(seq 1 20); do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    port_in_use "$port" && continue
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 start \
         -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/s -c max_connections=300" >/dev/null 2>&1; then
      break
    fi
    if grep -q -i -E "could not bind|address already in use|could not create any TCP/IP sockets" "$dir/log" 2>/dev/null; then
      log "port $port was taken; trying another"
      stop_server "$dir" "$bin"
      port=""
      continue
    fi
    cat "$dir/log" >&2 2>/dev/null || true
    die "the server did not start (log above)"
  done
  [ -n "${port:-}" ] || die "no free port found after 20 attempts"

  for attempt in $(seq 1 120); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then
      echo "$port" >"$dir/port"
      local cs="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "$cs" >"$dir/connection-string"
      log "PostgreSQL is ready in $dir on 127.0.0.1:$port"
      echo "$cs"
      return 0
    fi
    sleep 0.5
  done
  cat "$dir/log" >&2 2>/dev/null || true
  die "the server in $dir did not accept connections within 60 s (log above)"
}

stop() {
  local dir="$1"
  [ -d "$dir" ] || return 0
  stop_server "$(cd "$dir" && pwd -P)" "$(find_bin)"
}

case "${1:-}" in
  start) [ -n "${2:-}" ] || die "usage: $0 start <dir>"; start "$2" ;;
  stop)  [ -n "${2:-}" ] || die "usage: $0 stop <dir>"; stop "$2" ;;
  *) die "usage: $0 start <dir> | stop <dir>" ;;
esac
