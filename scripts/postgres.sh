#!/usr/bin/env bash
# Local PostgreSQL for the tests and the scale test: Debian's PostgreSQL 15, a cluster of its own in a fresh folder,
# bound to 127.0.0.1 on a free port, removed again at stop. Trust authentication: loopback and throw-away only.
#   scripts/postgres.sh start   installs the package if missing, creates and starts the cluster, creates database
#                               "faceverify"; prints the connection string and writes it to $STATE/connection
#   scripts/postgres.sh stop    stops that cluster and deletes its folder
#   scripts/postgres.sh psql …  psql on the cluster's "faceverify" database
# FACEVERIFY_POSTGRES_STATE (default: a folder under TMPDIR) names the cluster's folder; start and stop must agree.
# FACEVERIFY_POSTGRES_PORT picks the port (default: 55432 when free, else any free one).
set -euo pipefail
state="${FACEVERIFY_POSTGRES_STATE:-${TMPDIR:-/tmp}/faceverify-postgres}"
bin=/usr/lib/postgresql/15/bin

# initdb refuses to run as root: the cluster then belongs to the postgres user.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

install_if_missing() {
  [ -x "$bin/initdb" ] && return
  echo "postgres: installing Debian's postgresql-15"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql-15 >/dev/null
  # The package may start its own system cluster; only ours is wanted.
  service postgresql stop >/dev/null 2>&1 || true
}

free_port() {
  python3 - "${FACEVERIFY_POSTGRES_PORT:-55432}" <<'PY'
import socket, sys
def free(port):
    with socket.socket() as s:
        try: s.bind(("127.0.0.1", port)); return s.getsockname()[1]
        except OSError: return None
print(free(int(sys.argv[1])) or free(0))
PY
}

case "${1:-}" in
  start)
    install_if_missing
    if [ -f "$state/port" ] && as_owner "$bin/pg_ctl" -D "$state/data" status >/dev/null 2>&1; then
      echo "postgres: already running: $(cat "$state/connection")"; exit 0
    fi
    mkdir -p "$state"
    port="$(free_port)"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$state"
    as_owner "$bin/initdb" -D "$state/data" -U postgres --auth=trust -E UTF8 --no-sync >"$state/initdb.log" 2>&1 \
      || { echo "postgres: initdb failed:" >&2; cat "$state/initdb.log" >&2; exit 1; }
    if ! as_owner "$bin/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c max_connections=300" start >/dev/null; then
      echo "postgres: cluster did not start; log:" >&2; tail -n 40 "$state/server.log" >&2 || true; exit 1
    fi
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres faceverify
    echo "$port" >"$state/port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=faceverify" >"$state/connection"
    echo "postgres: serving $(cat "$state/connection")"
    ;;
  stop)
    if [ -d "$state/data" ]; then
      as_owner "$bin/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$state"
    ;;
  psql)
    shift; "$bin/psql" -h 127.0.0.1 -p "$(cat "$state/port")" -U postgres -d faceverify "$@"
    ;;
  *) echo "usage: $0 start|stop|psql ARGS" >&2; exit 2 ;;
esac
