#!/usr/bin/env bash
# Local RabbitMQ for the tests: Debian's rabbitmq-server, bound to 127.0.0.1 only.
#   scripts/rabbitmq.sh start   installs the package if missing, starts the node, waits until it serves
#   scripts/rabbitmq.sh stop    stops the node started by `start`
set -euo pipefail
state="${FACEVERIFY_RABBITMQ_STATE:-/tmp/faceverify-rabbitmq}"
export RABBITMQ_NODENAME="${RABBITMQ_NODENAME:-faceverify@localhost}"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="${RABBITMQ_NODE_PORT:-5672}"
export RABBITMQ_DIST_PORT="${RABBITMQ_DIST_PORT:-25672}"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_MNESIA_BASE="$state/mnesia"
export RABBITMQ_LOG_BASE="$state/log"
export RABBITMQ_PID_FILE="$state/rabbitmq.pid"
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

install_if_missing() {
  command -v rabbitmq-server >/dev/null && return
  echo "rabbitmq: installing Debian's rabbitmq-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq rabbitmq-server >/dev/null
  # The package starts a system node on every interface where it can; ours is the only one wanted.
  service rabbitmq-server stop >/dev/null 2>&1 || true
}

case "${1:-}" in
  start)
    install_if_missing
    mkdir -p "$state/mnesia" "$state/log"
    chown -R rabbitmq:rabbitmq "$state" 2>/dev/null || true
    if rabbitmqctl -n "$RABBITMQ_NODENAME" status >/dev/null 2>&1; then
      echo "rabbitmq: $RABBITMQ_NODENAME already running"; exit 0
    fi
    nohup rabbitmq-server >"$state/server.out" 2>&1 &
    # `wait <pidfile>` blocks until the node has written its pid and the app is running.
    if ! timeout 120 rabbitmqctl -n "$RABBITMQ_NODENAME" wait "$RABBITMQ_PID_FILE" >/dev/null; then
      echo "rabbitmq: node did not start; log:" >&2; tail -n 40 "$state"/log/*.log >&2 || true; exit 1
    fi
    echo "rabbitmq: $RABBITMQ_NODENAME serving amqp://127.0.0.1:$RABBITMQ_NODE_PORT/"
    ;;
  stop)
    rabbitmqctl -n "$RABBITMQ_NODENAME" stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 || true
    epmd -kill >/dev/null 2>&1 || true
    ;;
  ctl)
    shift; rabbitmqctl -n "$RABBITMQ_NODENAME" "$@"
    ;;
  *) echo "usage: $0 start|stop|ctl ARGS" >&2; exit 2 ;;
esac
