#!/usr/bin/env bash
# Scale-out test (not a unit test): WORKERS worker processes on one RabbitMQ and one PostgreSQL, REQUESTS verifications
# published by a separate process (every tenth sent twice at the same moment with the same VerificationId), one
# worker killed with SIGKILL mid-run and started again. Prints one JSON line read from the database and the answers:
#   {"workers","requests","answered","computedTwice","lost","seconds","perSecond",
#    "records","duplicatesAnswered","takeovers"}
# answered: VerificationIds the publisher got a completed event for; lost = requests - answered; computedTwice: records
# whose first attempt was saved more than once; takeovers: claims taken over after their lease ran out (the kill).
#   scripts/scale-test.sh [WORKERS] [REQUESTS]      (after scripts/setup.sh; uses ../shared/data/identity/lfw)
# Everything listens on 127.0.0.1 only and is removed at exit. RABBITMQ_NODENAME / RABBITMQ_NODE_PORT /
# RABBITMQ_DIST_PORT choose the broker node (default fvscale@localhost on 5683), FACEVERIFY_POSTGRES_PORT the database port.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
workers="${1:-3}"
requests="${2:-300}"
shared="${FACEVERIFY_SHARED_DATA:-$root/../shared/data}"
export FACEVERIFY_MODELS_DIR="${FACEVERIFY_MODELS_DIR:-$root/models/onnx}"
lease="${FACEVERIFY_SCALE_CLAIM_LEASE:-00:00:15}"

work="$(mktemp -d /tmp/faceverify-scale.XXXXXX)"   # not under TMPDIR: a private one (0700) would shut the services out
chmod 755 "$work"   # the broker's and the database's own users keep their state in here
export RABBITMQ_NODENAME="${RABBITMQ_NODENAME:-fvscale@localhost}" RABBITMQ_NODE_PORT="${RABBITMQ_NODE_PORT:-5683}"
export RABBITMQ_DIST_PORT="${RABBITMQ_DIST_PORT:-25683}" FACEVERIFY_RABBITMQ_STATE="$work/rabbitmq"
export FACEVERIFY_POSTGRES_STATE="$work/postgres"
declare -a pids=()
publisher_pid=""

cleanup() {
  [ -n "$publisher_pid" ] && kill "$publisher_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do timeout 40 tail --pid="$pid" -f /dev/null 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; done
  scripts/rabbitmq.sh stop >/dev/null 2>&1 || true
  scripts/postgres.sh stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

log() { echo "scale-test: $*" >&2; }
scripts/rabbitmq.sh start >&2
scripts/postgres.sh start >&2
connection="$(cat "$FACEVERIFY_POSTGRES_STATE/connection")"
sql() { scripts/postgres.sh psql -tAq -c "$1"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

bus="rabbitmq://127.0.0.1:$RABBITMQ_NODE_PORT/"
export FaceVerify__MessageData__Provider=Postgres FaceVerify__Postgres__ConnectionString="$connection"

# start_worker INDEX: a worker process on its own HTTP port; its pid goes to pids[INDEX], its port to ports[INDEX].
declare -a ports=()
start_worker() {
  local i="$1" port; port="$(free_port)"
  FaceVerify__Transport=RabbitMQ FaceVerify__RabbitMQ__Uri="$bus" FaceVerify__Records__Provider=Postgres \
  FaceVerify__Records__ClaimLease="$lease" FaceVerify__Records__EvidencePath="$work/evidence-$i" \
  FaceVerify__MessageData__Path="$work/message-data-$i" Logging__LogLevel__Default=Warning \
    dotnet src/FaceVerify.Worker/bin/Release/net10.0/FaceVerify.Worker.dll --urls "http://127.0.0.1:$port" >>"$work/worker-$i.log" 2>&1 &
  pids[i]=$!
  ports[i]=$port
}
wait_ready() {
  local i="$1"
  for _ in $(seq 240); do
    curl -sf "http://127.0.0.1:${ports[i]}/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "${pids[i]}" 2>/dev/null || { log "worker $i exited"; tail -n 30 "$work/worker-$i.log" >&2; return 1; }
    sleep 0.5
  done
  log "worker $i not ready in 120 s"; tail -n 30 "$work/worker-$i.log" >&2; return 1
}

for i in $(seq 0 $((workers - 1))); do start_worker "$i"; done
for i in $(seq 0 $((workers - 1))); do wait_ready "$i"; done
log "$workers workers ready"

# LFW View 2 "same" pairs: the first image as ID photo, the second as snapshot; the ids are new for every run.
awk -F, -v base="$shared/identity/lfw/" -v n="$requests" 'NR>1 && $3=="same" && k<n {print base $1 "|" base $2; k++}' \
  "$shared/identity/lfw/pairs.csv" >"$work/pairs"
for _ in $(seq "$requests"); do cat /proc/sys/kernel/random/uuid; done >"$work/ids"
dotnet tests/FaceVerify.LoadPublisher/bin/Release/net10.0/FaceVerify.LoadPublisher.dll --bus "$bus" \
  --ids "$work/ids" --pairs "$work/pairs" --wait --summary --send-twice-every 10 --timeout 00:10:00 \
  >"$work/publisher.out" 2>"$work/publisher.err" &
publisher_pid=$!

# The kill: once a third of the requests have records, worker 0 dies with whatever it holds in flight.
victim=0
for _ in $(seq 1200); do
  done_count="$(sql "SELECT count(*) FROM verifications" 2>/dev/null || echo 0)"
  [ "${done_count:-0}" -ge $((requests / 3)) ] && break
  kill -0 "$publisher_pid" 2>/dev/null || break
  sleep 0.25
done
log "SIGKILL to worker $victim (pid ${pids[victim]}) with ${done_count:-0} of $requests recorded"
kill -KILL "${pids[victim]}"
wait "${pids[victim]}" 2>/dev/null || true
start_worker "$victim"
wait_ready "$victim"
log "worker $victim started again"

publisher_status=0
wait "$publisher_pid" || publisher_status=$?
publisher_pid=""
summary="$(grep '^{' "$work/publisher.out" | tail -n 1)"
[ -n "$summary" ] || { log "publisher printed no summary (exit $publisher_status)"; cat "$work/publisher.err" >&2; exit 1; }
answered="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["answered"])' "$summary")"
seconds="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["seconds"])' "$summary")"

computed_twice="$(sql "SELECT count(*) FROM verifications WHERE first_computations > 1")"
records="$(sql "SELECT count(*) FROM verifications")"
duplicates="$(sql "SELECT coalesce(sum(duplicates_answered), 0) FROM verifications")"
takeovers="$(sql "SELECT coalesce(sum(claims - 1), 0) FROM verification_claims")"
python3 - "$workers" "$requests" "$answered" "$computed_twice" "$seconds" "$records" "$duplicates" "$takeovers" <<'PY'
import json, sys
w, r, a, twice, s, rec, dup, take = sys.argv[1:]
r, a, s = int(r), int(a), float(s)
print(json.dumps({"workers": int(w), "requests": r, "answered": a, "computedTwice": int(twice), "lost": r - a,
                  "seconds": round(s, 1), "perSecond": round(a / s, 2) if s > 0 else 0,
                  "records": int(rec), "duplicatesAnswered": int(dup), "takeovers": int(take)}))
PY
