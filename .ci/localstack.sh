#!/usr/bin/env bash
# Installs and runs LocalStack natively (no Docker), S3 only, on loopback.
# Usage: .ci/localstack.sh install|start|stop|status   (run from the repository root)
# Why each variable: OVERRIDE_IN_DOCKER=0 runs outside a container; FILESYSTEM_ROOT keeps LocalStack's files
# under target/; GATEWAY_LISTEN binds loopback only; EAGER_SERVICE_LOADING starts the services before the health
# check says ready; DNS_ADDRESS=0, SKIP_SSL_CERT_DOWNLOAD=1 and DISABLE_EVENTS=1 stop it reaching the network;
# PERSISTENCE=0 starts every run empty.
# Every Python dependency is pinned by localstack-constraints.txt (the set PyPI served when 4.13.1 was
# current): newer releases break it (cbor2 6 dropped cbor2._decoder, pyOpenSSL 26 dropped add_extensions).
set -euo pipefail
LS_VERSION=4.13.1
DIR="${LOCALSTACK_DIR:-$PWD/target/localstack}"
PORT="${LOCALSTACK_PORT:-4566}"
ENDPOINT="http://127.0.0.1:$PORT"

install() {
  # Importing the runtime and the AWS gateway proves the whole dependency set is there, not just the package.
  if [ -x "$DIR/venv/bin/python" ] \
      && "$DIR/venv/bin/python" -c 'import localstack.runtime.runtime, localstack.aws.app' 2>/dev/null; then
    return 0
  fi
  rm -rf "$DIR/venv" # a half-built or half-deleted venv (e.g. after mvn clean) is rebuilt from scratch
  mkdir -p "$DIR"
  echo "Installing LocalStack $LS_VERSION from PyPI into $DIR (once: about 100 packages, 2 to 4 minutes) ..."
  python3 -m venv "$DIR/venv"
  # Progress: a line per 10 packages fetched, then one while pip installs them; the whole log on failure.
  if ! "$DIR/venv/bin/pip" install --no-color --progress-bar off --disable-pip-version-check \
      "localstack-core[base-runtime]==$LS_VERSION" -c "$(dirname "$0")/localstack-constraints.txt" 2>&1 \
      | tee "$DIR/pip.log" | awk '/^Collecting / { n++; if (n % 10 == 0) { printf "  %d packages fetched ...\n", n; fflush() } }
          /^Installing collected packages/ { printf "  installing %d packages ...\n", n; fflush() }'; then
    tail -n 20 "$DIR/pip.log" >&2
    echo "pip could not install LocalStack (log: $DIR/pip.log)" >&2
    return 1
  fi
}

healthy() {
  curl -fsS "$ENDPOINT/_localstack/health" 2>/dev/null | grep -Eq '"s3": *"(running|available)"'
}

start() {
  install
  if healthy; then echo "LocalStack already running at $ENDPOINT"; return 0; fi
  mkdir -p "$DIR/fs"
  env OVERRIDE_IN_DOCKER=0 FILESYSTEM_ROOT="$DIR/fs" GATEWAY_LISTEN="127.0.0.1:$PORT" \
      SERVICES=s3 EAGER_SERVICE_LOADING=1 DNS_ADDRESS=0 SKIP_SSL_CERT_DOWNLOAD=1 DISABLE_EVENTS=1 PERSISTENCE=0 \
      nohup "$DIR/venv/bin/python" -m localstack.runtime.main > "$DIR/localstack.log" 2>&1 &
  echo $! > "$DIR/pid"
  echo "Starting LocalStack $LS_VERSION at $ENDPOINT (10 to 30 seconds; up to 120) ..."
  for i in $(seq 1 120); do
    if healthy; then echo "LocalStack $LS_VERSION ready at $ENDPOINT"; return 0; fi
    if [ $((i % 10)) -eq 0 ]; then echo "  still starting ($i s) ..."; fi
    if ! kill -0 "$(cat "$DIR/pid")" 2>/dev/null; then break; fi
    sleep 1
  done
  echo "LocalStack did not become ready; last log lines:" >&2
  tail -n 40 "$DIR/localstack.log" >&2 || true
  return 1
}

stop() {
  if [ -f "$DIR/pid" ]; then
    kill -TERM "$(cat "$DIR/pid")" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$(cat "$DIR/pid")" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$(cat "$DIR/pid")" 2>/dev/null || true
    rm -f "$DIR/pid"
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) healthy && echo "running at $ENDPOINT" || { echo "not running"; exit 1; } ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
