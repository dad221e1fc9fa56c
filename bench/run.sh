#!/usr/bin/env bash
# Measures key pages at a data scale: a fresh database, generated data, gunicorn with
# production settings on loopback, wrk on each page, and a Markdown table of results
# in bench/results/. Usage: bench/run.sh [small|regional|national]
# (make bench SCALE=national). SQLite in var/bench.sqlite3, or, when DATABASE_URL is
# set, a PostgreSQL database named entraide_bench on the same server.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SCALE=${1:-small}
case "$SCALE" in
  small | regional | national) ;;
  *) echo "Usage: bench/run.sh [small|regional|national]" >&2; exit 2 ;;
esac
DURATION=${BENCH_DURATION:-10}  # seconds measured per page
WARMUP=${BENCH_WARMUP:-2}       # seconds per page before measuring
CONNECTIONS=${BENCH_CONNECTIONS:-4}
ONLY=${BENCH_PAGES:-.}          # extended regex on page names, e.g. 'Empty|Search'
export BENCH_DB=${BENCH_DB:-entraide_bench}  # the database made afresh
# BENCH_TAG keeps a partial run's table apart: <scale>-<date>[-postgresql]-<tag>.md
THREADS=2
WORKERS=2
PY=$ROOT/.venv/bin/python
DATA=$ROOT/var/bench
mkdir -p "$DATA" bench/results

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

export ENTRAIDE_ENV=production DEBUG=false LOG_LEVEL=WARNING
export DJANGO_SETTINGS_MODULE=bench.settings PYTHONPATH=$ROOT
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,testserver SECURE_SSL_REDIRECT=false
export ENTRAIDE_DATA_DIR=$DATA

suffix=""
if [ -n "${DATABASE_URL:-}" ]; then
  DATABASE_URL=$($PY - <<'EOF'
import os
from urllib.parse import urlsplit, urlunsplit

import psycopg

url = urlsplit(os.environ["DATABASE_URL"])
with psycopg.connect(urlunsplit(url._replace(path="/postgres")), autocommit=True) as db:
    name = os.environ["BENCH_DB"]
    db.execute(f'DROP DATABASE IF EXISTS "{name}"')
    db.execute(f'CREATE DATABASE "{name}"')
print(urlunsplit(url._replace(path=f"/{name}")))
EOF
  )
  suffix="-postgresql"
else
  db=var/${BENCH_DB#entraide_}.sqlite3
  rm -f "$db" "$db-wal" "$db-shm"
  DATABASE_URL=sqlite:///$ROOT/$db
fi
export DATABASE_URL

echo "=== Fresh database, migrations, static files"
$PY manage.py migrate --noinput -v0
$PY manage.py collectstatic --noinput -v0

echo "=== Generating $SCALE data"
generated=$($PY bench/generate.py --scale "$SCALE" | tee /dev/stderr)
generation=$(sed -n 's/^GENERATED [a-z]* in //p' <<<"$generated")
counts=$(grep -v '^GENERATED' <<<"$generated" | tail -1)

pages=$($PY bench/pages.py)
cookie=$(sed -n 's/^COOKIE //p' <<<"$pages")
cookie_lead=$(sed -n 's/^COOKIE_LEAD //p' <<<"$pages")
database=$(sed -n 's/^DATABASE //p' <<<"$pages")
subject=$(sed -n 's/^SUBJECT //p' <<<"$pages")

PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "=== gunicorn on 127.0.0.1:$PORT ($WORKERS workers)"
"$ROOT/.venv/bin/gunicorn" entraide.wsgi:application --bind "127.0.0.1:$PORT" \
  --workers "$WORKERS" --log-level warning --error-logfile "$DATA/gunicorn.log" &
GUNICORN=$!
stop_gunicorn() {
  kill -TERM "$GUNICORN" 2>/dev/null || true
  wait "$GUNICORN" 2>/dev/null || true
}
trap stop_gunicorn EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break
  kill -0 "$GUNICORN" 2>/dev/null || { echo "gunicorn did not start: $DATA/gunicorn.log" >&2; exit 1; }
  sleep 0.5
done

run_wrk() {  # seconds path auth
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$1s" --timeout 10s -s bench/report.lua)
  [ "$3" = signed-in ] && args+=(-H "Cookie: $cookie")
  [ "$3" = lead ] && args+=(-H "Cookie: $cookie_lead")
  wrk "${args[@]}" "http://127.0.0.1:$PORT$2"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=""
while read -r _ auth queries path name; do
  echo "=== $name ($path): ${WARMUP} s warm-up, ${DURATION} s measured"
  curl_args=(-s -o /dev/null -w '%{http_code}')
  [ "$auth" = signed-in ] && curl_args+=(-H "Cookie: $cookie")
  [ "$auth" = lead ] && curl_args+=(-H "Cookie: $cookie_lead")
  status=$(curl "${curl_args[@]}" "http://127.0.0.1:$PORT$path")
  if [ "$status" != 200 ]; then
    echo "$path answered $status through gunicorn, not 200: stopping." >&2
    exit 1
  fi
  run_wrk "$WARMUP" "$path" "$auth" >/dev/null
  read -r _ _requests rps p50 p95 p99 http_errors socket_errors < <(
    run_wrk "$DURATION" "$path" "$auth" | grep '^BENCH'
  )
  errors=$((http_errors + socket_errors))
  echo "    $rps requests/s, p50 $p50 ms, p95 $p95 ms, errors $errors"
  rows+="| $name | \`$path\` | $queries | $rps | $p50 | $p95 | $p99 | $errors |"$'\n'
done < <(grep '^PAGE' <<<"$pages" | grep -E -- "$ONLY")

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "=== Search: server time, one request at a time"
searched=$($PY bench/search.py)
search_rows=$(sed -n 's/^SEARCH //p' <<<"$searched")
read -r _ search_network search_sheets < <(grep '^NETWORK' <<<"$searched")
result=bench/results/$SCALE-$(date +%F)$suffix${BENCH_TAG:+-$BENCH_TAG}.md
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
versions=$($PY -c 'import django, platform; print(f"Python {platform.python_version()}, Django {django.get_version()}")')
cat >"$result" <<EOF
# Benchmark: $SCALE scale, $(date +%F)

- Data: $counts; generated in $generation.
- Database: $database.
- Server: gunicorn, $WORKERS sync workers, production settings (\`ENTRAIDE_ENV=production\`, DEBUG off), 127.0.0.1.
- Load: wrk, $THREADS threads, $CONNECTIONS connections, $DURATION s per page after a $WARMUP s warm-up. wrk runs on the same machine and shares its CPUs.
- Machine: $(nproc) CPUs ($cpu); $versions; commit $(git rev-parse --short HEAD).
- Load average (1, 5, 15 min) before the pages: $load_before; after: $load_after. Anything above $(nproc) means other work shared the CPUs during the run.
- Queries: database queries for one request to the page (Django's test client, same data).
- Signed in: $subject.

| Page | Path | Queries | Requests/s | p50 (ms) | p95 (ms) | p99 (ms) | Errors |
|---|---|---:|---:|---:|---:|---:|---:|
$rows
The empty view is the floor: the framework and middleware alone, no template or query.

## Search: server time, one request at a time

Network \`$search_network\` ($search_sheets practice sheets; the index holds every kind of every network). Each query 20 times after a warm-up, in one process, one after another (\`bench/search.py\`): the whole request through Django, and apart the database part (the ranked first page and the counts by kind).

| Query | Requests | p50 (ms) | p95 (ms) | max (ms) | Database p50 (ms) | Database p95 (ms) |
|---|---:|---:|---:|---:|---:|---:|
$search_rows
EOF
echo
cat "$result"
echo "Written to $result"
