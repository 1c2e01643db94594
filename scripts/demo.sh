#!/usr/bin/env bash
# What the service decides, end to end on the embedded default (in-memory bus, SQLite records, nothing else installed):
# starts the Release worker on a free loopback port with a fresh API key and data folder, then shows four outcomes on
# pictures that are not copies of each other, saves each administrator report under artifacts/, and stops the worker:
#   1. the same person at two MEDS booking encounters                     -> pass
#   2. another person                                                     -> match.below_threshold
#   3. a printed photo of the candidate held to the camera (MSU-MFSD client036, a held-out test client of the
#      liveness heads; its live frame is the ID photo)                   -> snapshot.spoof_suspected
#   4. a non-compliant ID-photo upload (a raw mugshot)                   -> its reasons in Chinese
#   scripts/demo.sh                          (after scripts/setup.sh)
#   scripts/demo.sh ID_PHOTO SNAPSHOT        one verification of your own pictures instead
# Pictures come from the shared data (FACEVERIFY_SHARED_DATA, else ../shared/data).
# The report's language is the worker's default (Chinese); FaceVerify__Report__Language=en for English.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
shared="${FACEVERIFY_SHARED_DATA:-$root/../shared/data}"
meds="$shared/id_photo/meds_mugshots_openmpf"
msu="$shared/replay/msu_mfsd_frames"
worker_dll="$root/src/FaceVerify.Worker/bin/Release/net10.0/FaceVerify.Worker.dll"

[ -f "$worker_dll" ] || { echo "demo: $worker_dll is missing; run scripts/setup.sh first" >&2; exit 2; }
if [ $# -ge 2 ]; then pictures=("$1" "$2"); else
  pictures=("$meds/S048-04-t10_01.jpg" "$meds/S048-07-t10_01.jpg" "$meds/S041-01-t10_01.jpg"
    "$msu/real_client036_android_SD_scene01.jpg" "$msu/attack_client036_android_SD_printed_photo_scene01.jpg"); fi
for f in "${pictures[@]}"; do [ -f "$f" ] || { echo "demo: $f: no such file" >&2; exit 2; }; done
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
echo "ready"
mkdir -p "$root/artifacts"
reasons_json="$root/src/FaceVerify.Reporting/Texts/reason-messages.json"

# The Chinese message of a reason code, from the service's own table (one "zh" line under each code).
zh() { grep -A1 "\"$1\": {" "$reasons_json" | sed -nE 's/.*"zh": "(.*)",?$/\1/p'; }
# The first "NAME":value of a JSON file (the scores come before the timings, which have a "liveness" of their own).
field() { grep -oE "\"$1\":(\"[^\"]*\"|[^,}]*)" "$2" | head -n 1 | sed -E "s/^\"$1\"://" | tr -d '"'; }
blocking() { grep -oE '"code":"[a-z_.]+","message":"[^"]*","value":[^,]*,"threshold":[^,]*,"severity":"block"' "$1" | sed -nE 's/"code":"([a-z_.]+)".*/\1/p'; }

verify() {   # verify TITLE ID_PHOTO SNAPSHOT
  local title="$1" id_photo="$2" snapshot="$3" completed="$data/completed.json" status id
  echo
  echo "== $title"
  echo "   ID photo: ${id_photo#"$shared/"}   snapshot: ${snapshot#"$shared/"}"
  status="$(curl -sS -o "$completed" -w '%{http_code}' -H @"$data/api-key.header" \
    -F "idPhoto=@$id_photo;type=image/jpeg" -F "snapshot=@$snapshot;type=image/jpeg" \
    -F candidateId=demo-candidate -F examId=demo-exam \
    "$base/v1/verifications")"
  case "$status" in
    200) ;;
    202) echo "demo: no completed event within the wait (202); see $base/v1/verifications/<id>" >&2; cat "$completed" >&2; exit 1 ;;
    *) echo "demo: POST /v1/verifications answered $status" >&2; cat "$completed" >&2; echo >&2; exit 1 ;;
  esac
  echo "   verdict: $(field verdict "$completed")   retakeAllowed: $(field retakeAllowed "$completed")   policy: $(field policy "$completed")"
  echo "   similarity: $(field similarity "$completed") (threshold $(field similarityThreshold "$completed"))   liveness: $(field liveness "$completed") (threshold $(field livenessThreshold "$completed"))"
  for code in $(blocking "$completed"); do echo "   blocking: $code  $(zh "$code")"; done
  id="$(field verificationId "$completed")"
  curl -fsS -H @"$data/api-key.header" -o "$root/artifacts/demo-report-$id.html" "$base/v1/verifications/$id/report"
  echo "   report: artifacts/demo-report-$id.html"
}

validate() {   # validate TITLE PHOTO
  local title="$1" photo="$2" answer="$data/validated.json"
  echo
  echo "== $title"
  echo "   upload: ${photo#"$shared/"}"
  curl -fsS -o "$answer" -H 'Content-Type: image/jpeg' --data-binary @"$photo" "$base/v1/id-photos/validate"
  echo "   accepted: $(field accepted "$answer")   policy: $(field policy "$answer")"
  for code in $(blocking "$answer"); do echo "   拒绝原因: $(zh "$code")  ($code)"; done
}

if [ $# -ge 2 ]; then
  verify "your pictures" "$1" "$2"
  exit 0
fi
verify "1. the same person, two booking encounters (expect pass)" "$meds/S048-04-t10_01.jpg" "$meds/S048-07-t10_01.jpg"
verify "2. another person (expect match.below_threshold)" "$meds/S048-04-t10_01.jpg" "$meds/S041-01-t10_01.jpg"
verify "3. a printed photo of the candidate held to the webcam (expect snapshot.spoof_suspected)" \
  "$msu/real_client036_android_SD_scene01.jpg" "$msu/attack_client036_android_SD_printed_photo_scene01.jpg"
validate "4. a non-compliant ID-photo upload: a raw booking photo (expect its reasons in Chinese)" "$meds/S048-04-t10_01.jpg"
