#!/usr/bin/env bash
# Runs the whole suite on SQLite (browser tests excepted) then on PostgreSQL (all).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DBS=${ENTRAIDE_TEST_DBS:-sqlite postgres}
export ENTRAIDE_DISABLE_RATE_LIMITS=${ENTRAIDE_DISABLE_RATE_LIMITS:-1}
mkdir -p var
status=0
for db in $DBS; do
  echo "=== Test suite on $db ==="
  if [ "$db" = sqlite ]; then
    unset DATABASE_URL
    $PY -m pytest -m "not browser" -n 2 -q "$@" || status=$?
  else
    DATABASE_URL=${PG_URL:-postgres://entraide:entraide@127.0.0.1:5432/entraide} \
      $PY -m pytest -n 2 -q "$@" || status=$?
  fi
  [ $status -eq 0 ] || break
done
exit $status
