#!/usr/bin/env bash
# Runs the end-to-end tests against the real app: a private X server (Xvfb), tauri-driver
# in front of WebKitWebDriver, and Node's test runner driving the app through WebDriver.
# Usage: scripts/e2e.sh APP_BINARY CLI_BINARY [node --test args…]
set -euo pipefail
app=$(realpath "${1:?usage: e2e.sh APP CLI}")
cli=$(realpath "${2:?usage: e2e.sh APP CLI}")
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)

# The screen: 1280x800 unless SCREEN says otherwise (the layout walk, layout.walk.mjs, runs
# on a 1920x1080 screen to set the window to 1024x700, 1280x800 and 1920x1080).
if [ -z "${MILEPOST_IN_XVFB:-}" ]; then
  exec env MILEPOST_IN_XVFB=1 xvfb-run -a -s "-screen 0 ${SCREEN:-1280x800}x24" "$0" "$app" "$cli" "$@"
fi

# Room voting's server listens on this computer only, never on the machine's network.
export MILEPOST_ROOM_HOST=127.0.0.1

driver=${TAURI_DRIVER:-${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver}
port=${TAURI_DRIVER_PORT:-4444}
log=$(mktemp -t tauri-driver.XXXXXX.log)
"$driver" --port "$port" --native-port $((port + 1)) --native-driver /usr/bin/WebKitWebDriver >"$log" 2>&1 &
driver_pid=$!
trap 'kill $driver_pid 2>/dev/null || true; wait $driver_pid 2>/dev/null || true; rm -f "$log"' EXIT

# Wait for the driver to accept connections (at most ~10 s), then run the tests.
ready=""
for _ in $(seq 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then ready=1; break; fi
  if ! kill -0 $driver_pid 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  cat "$log" >&2
  echo "tauri-driver did not start listening on port $port" >&2
  exit 1
fi

cd "$here/tests/e2e"
[ $# -gt 0 ] || set -- ./*.test.mjs
status=0
MILEPOST_APP="$app" MILEPOST_CLI="$cli" TAURI_DRIVER_URL="http://127.0.0.1:$port/" \
  node --test --test-concurrency=1 --test-timeout=180000 "$@" || status=$?
if [ $status -ne 0 ]; then echo "--- tauri-driver log ---" >&2; tail -50 "$log" >&2; fi
exit $status
