#!/usr/bin/env bash
# Sets a machine up for the test suite, then installs the npm dependencies. Run by `npm run test:all` (the
# README's test command) and by `.ci/run`, so a fresh clone and CI do the same thing.
#
#   1. Debian packages the tests use: chromium (end-to-end tests, through playwright-core), libreoffice-writer-nogui
#      (answer documents are opened in Writer), poppler-utils (pdftotext), fonts-wqy-zenhei (a TrueType CJK font,
#      so Chinese renders in screenshots and printed PDFs). As root they are installed with apt-get; otherwise the
#      script names what is missing and the command that installs it.
#   2. PostgreSQL: the storage and service tests run on SQLite and PostgreSQL, and fail (never skip) without a
#      server. With GONGKAI_TEST_PG_URL set, that server is used as it is. Otherwise 127.0.0.1:5432 is used: a
#      local Debian cluster that is stopped is started; with none, apt's `postgresql` is installed and started;
#      user postgres gets trust on the loopback addresses and a `test` database is created.
#   3. `npm ci`, failing on any EBADENGINE warning (a dependency that does not support the Node.js we declare),
#      then scripts/check-engines.ts over the whole lock file.
#
# Options: --no-npm skips step 3; GONGKAI_SETUP_DRY_RUN=1 prints what would be installed or changed, and does
# nothing. Exit status: 0 ready, 1 something could not be set up (the message says what to do).
set -euo pipefail
cd "$(dirname "$0")/.."

run_npm=1
for arg in "$@"; do
  case "$arg" in
    --no-npm) run_npm=0 ;;
    *) echo "test-setup: unknown option $arg" >&2; exit 1 ;;
  esac
done
dry_run="${GONGKAI_SETUP_DRY_RUN:-}"
is_root=0
[ "$(id -u)" = 0 ] && is_root=1

say() { echo "== $*"; }
fail() { echo "!! $*" >&2; exit 1; }
# Runs a command that changes the machine, or only shows it in a dry run.
act() {
  if [ -n "$dry_run" ]; then echo "   (dry run) $*"; else "$@"; fi
}

apt_updated=0
apt_install() { # apt_install [--no-install-recommends] PACKAGE...
  if [ "$is_root" != 1 ]; then
    fail "missing Debian packages; as root run: apt-get install -y $*"
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" = 0 ]; then
    act apt-get update -qq
    apt_updated=1
  fi
  say "installing Debian packages: $*"
  act apt-get install -y -qq "$@"
}

# --- 1. Debian packages ---------------------------------------------------------------------------------------
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# (grep reads all of fc-list's output: with pipefail, `grep -q` stopping early would fail the pipe.)
fc-list 2>/dev/null | grep -i 'wenquanyi zen hei' >/dev/null || need+=(fonts-wqy-zenhei)
# The report's PDF export prints its Song-style text in AR PL UMing (a TrueType CJK font; never Noto CJK).
fc-list 2>/dev/null | grep -i 'AR PL UMing' >/dev/null || need+=(fonts-arphic-uming)
if [ "${#need[@]}" -gt 0 ]; then apt_install "${need[@]}"; fi
if ! command -v soffice >/dev/null 2>&1 && ! command -v libreoffice >/dev/null 2>&1; then
  # Writer alone, without LibreOffice's recommended extras (hundreds of MB).
  apt_install --no-install-recommends libreoffice-writer-nogui
fi
say "chromium, LibreOffice Writer, poppler-utils and the CJK font are present"

# --- 2. PostgreSQL --------------------------------------------------------------------------------------------
if [ -n "${GONGKAI_TEST_PG_URL:-}" ]; then
  # A server of the operator's choosing: used as it is, only checked.
  if command -v psql >/dev/null 2>&1; then
    PGCONNECT_TIMEOUT=30 psql "$GONGKAI_TEST_PG_URL" -qtAc 'select 1' >/dev/null ||
      fail "PostgreSQL does not answer at GONGKAI_TEST_PG_URL ($GONGKAI_TEST_PG_URL)"
  fi
  say "PostgreSQL: GONGKAI_TEST_PG_URL (the user needs CREATEDB: each test makes and drops its own database)"
else
  pg_answers() {
    if command -v pg_isready >/dev/null 2>&1; then
      pg_isready -q -t 30 -h 127.0.0.1 -p 5432
    else
      (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
    fi
  }
  as_postgres() { PGCONNECT_TIMEOUT=30 psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -qtA "$@"; }
  started_here=0
  if ! pg_answers; then
    if [ "$is_root" != 1 ]; then
      fail "PostgreSQL does not answer at 127.0.0.1:5432. Start one (trust for user postgres, a database named test), or set GONGKAI_TEST_PG_URL=postgres://user:pass@host:port/db to a server where the user may create databases."
    fi
    if ! ls /etc/postgresql/*/main/postgresql.conf >/dev/null 2>&1; then
      apt_install postgresql
    fi
    say "starting the local PostgreSQL cluster"
    for conf in /etc/postgresql/*/main/postgresql.conf; do
      [ -e "$conf" ] || continue
      version="$(basename "$(dirname "$(dirname "$conf")")")"
      act pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
    started_here=1
    if [ -z "$dry_run" ]; then
      for _ in $(seq 1 60); do pg_answers && break; sleep 1; done
      pg_answers || fail "PostgreSQL did not start at 127.0.0.1:5432 (see /var/log/postgresql/)"
    fi
  fi
  if ! command -v psql >/dev/null 2>&1; then
    if [ "$is_root" = 1 ]; then apt_install postgresql-client; else
      fail "psql is missing (Debian package postgresql-client); it checks the user postgres and the database test"
    fi
  fi
  if [ -z "$dry_run" ] && ! as_postgres -c 'select 1' >/dev/null 2>&1; then
    hba="$(ls /etc/postgresql/*/main/pg_hba.conf 2>/dev/null | head -n 1 || true)"
    if [ "$is_root" = 1 ] && [ "$started_here" = 1 ] && [ -n "$hba" ]; then
      # The cluster this script started: user postgres may connect over the loopback without a password, as the
      # tests expect. Lines at the top of pg_hba.conf win over the packaged defaults below them.
      say "giving user postgres trust on 127.0.0.1 and ::1 in $hba"
      {
        echo '# added by gongkai scripts/test-setup.sh: the test suite connects as postgres without a password'
        echo 'host all postgres 127.0.0.1/32 trust'
        echo 'host all postgres ::1/128 trust'
        cat "$hba"
      } >"$hba.gongkai" && mv "$hba.gongkai" "$hba" && chown postgres:postgres "$hba"
      for conf in /etc/postgresql/*/main/postgresql.conf; do
        version="$(basename "$(dirname "$(dirname "$conf")")")"
        pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
      done
      sleep 1
    fi
    as_postgres -c 'select 1' >/dev/null ||
      fail "PostgreSQL at 127.0.0.1:5432 refuses user postgres without a password. Allow it (pg_hba.conf: host all postgres 127.0.0.1/32 trust), or set GONGKAI_TEST_PG_URL=postgres://user:pass@host:port/db."
  fi
  if [ -z "$dry_run" ] && [ "$(as_postgres -c "select 1 from pg_database where datname = 'test'")" != 1 ]; then
    say "creating the database test"
    as_postgres -c 'create database test' >/dev/null
  fi
  say "PostgreSQL answers at postgres://postgres@127.0.0.1:5432/test"
fi

# --- 3. npm dependencies --------------------------------------------------------------------------------------
if [ "$run_npm" = 1 ]; then
  say "node $(node --version), npm $(npm --version 2>/dev/null); npm ci"
  log="$(mktemp)"
  trap 'rm -f "$log"' EXIT
  set +e
  npm ci 2>&1 | tee "$log"
  status="${PIPESTATUS[0]}"
  set -e
  [ "$status" = 0 ] || fail "npm ci failed (exit $status)"
  if grep -q 'EBADENGINE' "$log"; then
    grep 'EBADENGINE' -A3 "$log" >&2
    fail "npm ci warned EBADENGINE: a dependency does not support this Node.js (package.json promises $(node -p 'require("./package.json").engines.node')). Choose a version that does, or an npm override."
  fi
  npx --no-install tsx scripts/check-engines.ts
fi
say "ready for the tests (npm test)"
