#!/usr/bin/env bash
# Serves the demo (make demo): the task worker, a local mail sink and runserver.
# Ctrl-C (or SIGTERM) stops all three. Usage: scripts/serve.sh [HOST] [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."

HOST=${1:-127.0.0.1}
PORT=${2:-8000}
PY=.venv/bin/python
MAIL_PORT=1025
MAIL_LOG=var/demo-mail.log
WORKER_LOG=var/demo-worker.log
mkdir -p var

# Demo mail never leaves this machine: it all goes to the sink on loopback.
export EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend
export EMAIL_HOST=127.0.0.1 EMAIL_PORT=$MAIL_PORT EMAIL_HOST_USER= EMAIL_HOST_PASSWORD=
export EMAIL_USE_TLS=false
url_host=$HOST
[ "$HOST" = 0.0.0.0 ] && url_host=127.0.0.1
export SITE_URL=${SITE_URL:-http://$url_host:$PORT}

port_free() {
  $PY - "$1" "$2" <<'EOF'
import socket
import sys

host, port = sys.argv[1].strip("[]"), int(sys.argv[2])
family = socket.AF_INET6 if ":" in host else socket.AF_INET
with socket.socket(family) as sock:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sys.exit(1)
EOF
}

if ! port_free "$HOST" "$PORT"; then
  echo "Port $PORT on $HOST is already in use: another server is running there." >&2
  echo "Stop it, or serve the demo on another port: make demo PORT=8001" >&2
  exit 1
fi

pids=()
names=()

# Each process leads its own process group (setsid), so stopping it also stops
# the children it may have (runserver's autoreloader runs the server as a child).
start() {
  local name=$1
  shift
  setsid "$@" &
  pids+=("$!")
  names+=("$name")
}

alive() {
  [ -r "/proc/$1/stat" ] && [ "$(sed 's/.*) //' "/proc/$1/stat" | cut -c1)" != Z ]
}

stop_all() {
  trap - EXIT INT TERM
  echo
  echo "Stopping the demo..."
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do
      alive "$pid" || break
      sleep 0.2
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  echo "Stopped."
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if port_free 127.0.0.1 "$MAIL_PORT"; then
  echo "=== $(date -Iseconds) demo mail sink started ===" >>"$MAIL_LOG"
  start "mail sink" $PY -u -m aiosmtpd -n -l "127.0.0.1:$MAIL_PORT" \
    -c aiosmtpd.handlers.Debugging >>"$MAIL_LOG" 2>&1
  mail_note="Mail sent by the demo is written to $MAIL_LOG"
else
  mail_note="Port $MAIL_PORT is already in use: demo mail goes to whatever listens there"
fi

if $PY manage.py help run_worker >/dev/null 2>&1; then
  worker=(run_worker)
else
  worker=(db_worker --no-reload)
fi
start "task worker" $PY manage.py "${worker[@]}" >>"$WORKER_LOG" 2>&1
start "web server" $PY manage.py runserver "$HOST:$PORT"

for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "http://$url_host:$PORT/healthz" 2>/dev/null && break
  alive "${pids[-1]}" || break
  sleep 0.5
done

cat <<EOF

Entraide demo: $SITE_URL/
$mail_note
Task worker (${worker[0]}) log: $WORKER_LOG

EOF
$PY manage.py load_demo --print-accounts
echo
echo "Press Ctrl-C to stop the demo."

# Stop everything as soon as any of the three stops by itself.
status=0
wait -n "${pids[@]}" || status=$?
for i in "${!pids[@]}"; do
  alive "${pids[$i]}" || echo "The ${names[$i]} stopped (exit status $status)." >&2
done
exit "$status"
