#!/usr/bin/env bash
# Throughput bench (not a test): verifications per second through RabbitMQ and the worker on this machine,
# with the ID-photo cache cold (every request a different ID photo), warm (one ID photo and one snapshot for all) and
# warm-varied (one ID photo, every request a different LFW snapshot: the snapshot's own cost varies) and warm-webcam
# (one ID photo, live 640×480 webcam frames); per mode also
# p50/p95 latency (publish → completed event, and the worker's own compute time) and the CPU time per verification of
# the worker, the broker and the publisher (user + system, so a noisy wall-clock figure is not the only evidence).
#   scripts/throughput.sh [COUNT]        (after scripts/setup.sh; uses ../shared/data/identity/lfw and replay/nuaa_print_frames)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
count="${1:-100}"
shared="${FACEVERIFY_SHARED_DATA:-$root/../shared/data}"
export FACEVERIFY_MODELS_DIR="${FACEVERIFY_MODELS_DIR:-$root/models/onnx}"
# A node of its own, so a broker someone else is using is never touched (FACEVERIFY_BENCH_NODE / _PORT: another one,
# for several benches on one machine; its distribution port is the AMQP port + 20000).
bench_port="${FACEVERIFY_BENCH_PORT:-5679}"
export RABBITMQ_NODENAME="${FACEVERIFY_BENCH_NODE:-fvbench@localhost}" RABBITMQ_NODE_PORT="$bench_port" \
  RABBITMQ_DIST_PORT="$((bench_port + 20000))" FACEVERIFY_RABBITMQ_STATE="/tmp/fv-rmq-bench-$bench_port"
work="$(mktemp -d)"
worker_pid=""
cleanup() { [ -n "$worker_pid" ] && kill -TERM "$worker_pid" 2>/dev/null && wait "$worker_pid" 2>/dev/null; scripts/rabbitmq.sh stop; rm -rf "$work"; }
trap cleanup EXIT
# The issue-15 yardstick, measured in this run before anything else starts: 75 % of cores × 1000 / the reference
# pass's snapshot part (the six packaged models once each on a 640×480 snapshot; `faceverify bench`).
reference_ms="$(dotnet src/FaceVerify.Cli/bin/Release/net10.0/faceverify.dll bench --json 2>/dev/null \
  | grep -o '"referenceStagesMs":{[^}]*}' | grep -o '"snapshot":[0-9.]*' | cut -d: -f2)"
yardstick="$(awk -v ms="${reference_ms:-0}" -v cores="$(nproc)" 'BEGIN {printf "%.1f", (ms > 0 ? 0.75 * cores * 1000 / ms : 0)}')"
echo "reference snapshot ${reference_ms:-?} ms: yardstick 75 % × $(nproc) cores × 1000 / it = $yardstick verifications/s"
scripts/rabbitmq.sh start >/dev/null

bus="rabbitmq://127.0.0.1:$RABBITMQ_NODE_PORT/"
FaceVerify__Transport=RabbitMQ FaceVerify__RabbitMQ__Uri="$bus" FaceVerify__MessageData__Path="$work/message-data" \
FaceVerify__Records__DatabasePath="$work/records.db" FaceVerify__Records__EvidencePath="$work/evidence" \
  dotnet src/FaceVerify.Worker/bin/Release/net10.0/FaceVerify.Worker.dll --urls http://127.0.0.1:0 >"$work/worker.log" 2>&1 &
worker_pid=$!
sleep 8

# Pairs from LFW View 2 "same" rows: the first image as ID photo, the second as snapshot.
awk -F, -v base="$shared/identity/lfw/" -v n="$count" 'NR>1 && $3=="same" && k<n {print base $1 "|" base $2; k++}' "$shared/identity/lfw/pairs.csv" >"$work/cold.pairs"
head -n 1 "$work/cold.pairs" >"$work/warm.pairs"
first_id_photo="$(head -n 1 "$work/cold.pairs" | cut -d'|' -f1)"
cut -d'|' -f2 "$work/cold.pairs" | sed "s#^#$first_id_photo|#" >"$work/warm-varied.pairs"
# warm-webcam: the same cached ID photo, NUAA's 108 live 640×480 webcam frames as snapshots (cycled): the pictures
# closest to an exam client's, and the size of the bench's snapshot.
awk -F, -v base="$shared/replay/nuaa_print_frames/" -v id="$first_id_photo" 'NR>1 && $2=="live" {print id "|" base $1}' \
  "$shared/replay/nuaa_print_frames/labels.csv" >"$work/warm-webcam.pairs"
publisher=(dotnet tests/FaceVerify.LoadPublisher/bin/Release/net10.0/FaceVerify.LoadPublisher.dll --bus "$bus" --message-data "$work/message-data" --wait)
# utime + stime of a process (fields 14 and 15 of /proc/PID/stat, after the parenthesised name), in clock ticks.
cpu_ticks() { if [ -r "/proc/$1/stat" ]; then sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; else echo 0; fi; }
ticks_per_s="$(getconf CLK_TCK)"
# A node that was already running (started elsewhere) has no pid file here: its CPU then reads as 0.
broker_pid="$(cat "$FACEVERIFY_RABBITMQ_STATE/rabbitmq.pid" 2>/dev/null || echo none)"
cores="$(nproc)"
for mode in cold warm warm-varied warm-webcam; do
  for _ in $(seq "$count"); do cat /proc/sys/kernel/random/uuid; done >"$work/$mode.ids"
  before="$(cpu_ticks "$worker_pid")"; broker_before="$(cpu_ticks "$broker_pid")"
  out="$("${publisher[@]}" --ids "$work/$mode.ids" --pairs "$work/$mode.pairs")"
  after="$(cpu_ticks "$worker_pid")"; broker_after="$(cpu_ticks "$broker_pid")"
  echo "$out" | grep -E '^(completed|after the last publish|latency)' | sed "s/^/$mode: /"
  echo "$out" | sed -n 's/^after the last publish: .*: \([0-9.]*\) verifications\/s.*/\1/p' \
    | awk -v m="$mode" -v y="$yardstick" 'y > 0 {printf "%s: queue loaded %.1f/s = %.0f %% of the yardstick %.1f/s\n", m, $1, 100 * $1 / y, y}'
  publisher_ms="$(echo "$out" | sed -n 's/^publisher CPU \([0-9.]*\) ms.*/\1/p')"
  # CPU per verification does not depend on what else the machine runs; cores × 1000 / (worker + broker + publisher)
  # is the rate these three would reach with every core to themselves.
  awk -v m="$mode" -v t="$((after - before))" -v b="$((broker_after - broker_before))" -v p="${publisher_ms:-0}" \
      -v hz="$ticks_per_s" -v n="$count" -v cores="$cores" \
    'BEGIN {w = 1000 * t / hz / n; r = 1000 * b / hz / n;
            printf "%s: worker CPU %.1f ms per verification (%.2f s for %d); broker %.1f ms, publisher %.1f ms\n", m, w, t / hz, n, r, p;
            printf "%s: CPU-bound capacity on %d cores: %.1f verifications/s (worker and broker alone: %.1f)\n", m, cores, cores * 1000 / (w + r + p), cores * 1000 / (w + r)}'
done
