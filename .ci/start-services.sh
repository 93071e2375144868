#!/usr/bin/env bash
# Installs what the test suite needs from Debian and starts the shared server: PostgreSQL (the team store) on
# 127.0.0.1:5432. redis-server (the distributed sweeps) and chromium (the browser tests) are installed here
# and started by the tests themselves. Idempotent: safe to run again where all is installed or running.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The packaged redis-server service is not needed: the tests start their own on free ports.

version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname = 'meddle'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"create role meddle login password 'meddle' superuser\""
su postgres -c "psql -qtAc \"select 1 from pg_database where datname = 'meddle_test'\"" | grep -q 1 ||
  su postgres -c "psql -qc 'create database meddle_test owner meddle'"
echo "PostgreSQL $version ready at postgres://meddle:meddle@127.0.0.1:5432/meddle_test"

# The browser tests (test/e2e) drive /usr/bin/chromium through playwright-core.
if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
echo "chromium ready: $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
