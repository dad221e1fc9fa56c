#!/usr/bin/env bash
# Installs and starts what the test suite needs: PostgreSQL, Debian's Chromium, axe-core.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
# WeasyPrint (practice PDFs) and pdftotext, which the PDF tests read them back with.
for package in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils; do
  dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -f node_modules/axe-core/axe.min.js ]; then
  npm ci --silent --no-audit --no-fund
fi

PGVER=$(ls /etc/postgresql | sort -n | tail -1)
if ! pg_ctlcluster "$PGVER" main status >/dev/null 2>&1; then
  pg_ctlcluster "$PGVER" main start
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='entraide'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE entraide LOGIN PASSWORD 'entraide' CREATEDB\""
su postgres -c "psql -qAtc \"select 1 from pg_database where datname='entraide'\"" | grep -q 1 \
  || su postgres -c "createdb -O entraide entraide"
