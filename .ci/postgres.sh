#!/usr/bin/env bash
# Makes sure PostgreSQL is there and reachable the way the tests and the benchmark expect:
# 127.0.0.1:5432, user postgres without password, database "test". Installs it from Debian's
# packages when missing and starts it when down. Sourced by .ci/run and bench/run.sh.

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

ensure_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "==> Installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql postgresql-client postgresql-contrib >/dev/null
  fi

  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if ! pg_up; then
    echo "==> Starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_up && break; sleep 1; done
    pg_up || { echo "PostgreSQL did not come up" >&2; return 1; }
  fi

  # A fresh Debian cluster asks for passwords on TCP; the tests connect as postgres without one.
  if ! psql -h 127.0.0.1 -U postgres -d postgres -w -tAc 'SELECT 1' >/dev/null 2>&1; then
    echo "==> Allowing password-less local TCP connections for the tests"
    local hba=/etc/postgresql/$version/main/pg_hba.conf
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$version" main reload
    for _ in $(seq 1 10); do psql -h 127.0.0.1 -U postgres -d postgres -w -tAc 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
  fi

  if [ "$(psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'")" != "1" ]; then
    echo "==> Creating database test"
    psql -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE test'
  fi
}
