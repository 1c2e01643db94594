#!/usr/bin/env bash
# One verification end to end on the embedded default (in-memory bus, SQLite records, nothing else installed):
# starts the Release worker on a free loopback port with a fresh API key and data folder, posts an ID photo and a
# snapshot, prints the completed event, saves the HTML report under artifacts/, and stops the worker.
#   scripts/demo.sh [ID_PHOTO [SNAPSHOT]]        (after scripts/setup.sh)
# Pictures default to two of Obama from the shared data (FACEVERIFY_SHARED_DATA, else ../shared/data).
# The report's language is the worker's default (Chinese); FaceVerify__Report__Language=en for English.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
shared="${FACEVERIFY_SHARED_DATA:-$root/../shared/data}"
id_photo="${1:-$shared/identity/face_recognition/examples__obama.jpg}"
snapshot="${2:-$shared/identity/face_recognition/examples__obama-720p.jpg}"
worker_dll="$root/src/FaceVerify.Worker/bin/Release/net10.0/FaceVerify.Worker.dll"

[ -f "$worker_dll" ] || { echo "demo: $worker_dll is missing; run scripts/setup.sh first" >&2; exit 2; }
for f in "$id_photo" "$snapshot"; do [ -f "$f" ] || { echo "demo: $f: no such file" >&2; exit 2; }; done
command -v curl >/dev/null || { echo "demo: curl is needed" >&2; exit 2; }
export FACEVERIFY_MODELS_DIR="${FACEVERIFY_MODELS_DIR:-$root/models/onnx}"

# Records, evidence and claim-check files are biometric data: a private folder, deleted at exit.
data="$(mktemp -d "${TMPDIR:-/tmp}/faceverify-demo.XXXXXX")"
chmod 700 "$data"
log="$data/worker.log"
# The key goes to the worker through its environment and to curl through a file, never on a command line (ps shows those).
api_key="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
printf 'X-Api-Key: %s\n' "$api_key" >"$data/api-key.header"

worker_pid=""
cleanup() {
  local status=$?
  if [ -n "$worker_pid" ] && kill -0 "$worker_pid" 2>/dev/null; then
    kill -TERM "$worker_pid" 2>/dev/null || true
    wait "$worker_pid" 2>/dev/null || true
    echo "worker stopped"
  fi
  if [ "$status" -ne 0 ] && [ -f "$log" ]; then echo "--- worker log (last 30 lines) ---" >&2; tail -n 30 "$log" >&2; fi
  rm -rf "$data"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

FaceVerify__Transport=InMemory \
FaceVerify__Admin__ApiKey="$api_key" \
FaceVerify__Records__DatabasePath="$data/records.db" \
FaceVerify__Records__EvidencePath="$data/evidence" \
FaceVerify__MessageData__Path="$data/message-data" \
  dotnet "$worker_dll" --urls "http://127.0.0.1:0" >"$log" 2>&1 &
worker_pid=$!

# Port 0 lets the OS pick a free port; Kestrel logs the one it got.
base=""
for _ in $(seq 1 120); do
  kill -0 "$worker_pid" 2>/dev/null || { echo "demo: the worker exited during start-up" >&2; exit 1; }
  base="$(sed -nE 's#.*Now listening on: (http://127\.0\.0\.1:[0-9]+).*#\1#p' "$log" | head -n 1)"
  [ -n "$base" ] && break
  sleep 0.5
done
[ -n "$base" ] || { echo "demo: the worker did not start listening within 60 s" >&2; exit 1; }
echo "worker on $base (pid $worker_pid, data in $data)"

ready=""
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null; then ready=1; break; fi
  kill -0 "$worker_pid" 2>/dev/null || { echo "demo: the worker exited before it was ready" >&2; exit 1; }
  sleep 0.5
done
[ -n "$ready" ] || { echo "demo: /health/ready did not answer 200 within 60 s (models missing? run scripts/setup.sh)" >&2; exit 1; }
echo "ready; verifying $(basename "$id_photo") (ID photo) against $(basename "$snapshot") (snapshot)"

completed="$data/completed.json"
status="$(curl -sS -o "$completed" -w '%{http_code}' -H @"$data/api-key.header" \
  -F "idPhoto=@$id_photo;type=image/jpeg" -F "snapshot=@$snapshot;type=image/jpeg" \
  -F candidateId=demo-candidate -F examId=demo-exam \
  "$base/v1/verifications")"
case "$status" in
  200) ;;
  202) echo "demo: no completed event within the wait (202); see $base/v1/verifications/<id>" >&2; cat "$completed" >&2; exit 1 ;;
  *) echo "demo: POST /v1/verifications answered $status" >&2; cat "$completed" >&2; echo >&2; exit 1 ;;
esac
echo "IdentityVerificationCompleted:"
if command -v python3 >/dev/null; then python3 -m json.tool --no-ensure-ascii "$completed"; else cat "$completed"; echo; fi

id="$(sed -nE 's/.*"verificationId":"([0-9a-f-]+)".*/\1/p' "$completed")"
mkdir -p "$root/artifacts"
report="$root/artifacts/demo-report-$id.html"
curl -fsS -H @"$data/api-key.header" -o "$report" "$base/v1/verifications/$id/report"
verdict="$(sed -nE 's/.*"verdict":"([a-z]+)".*/\1/p' "$completed")"
echo "verdict: $verdict"
echo "report: $report"
