#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: initdb into a scratch
# folder, start it on a free loopback port, export its address as
# WORKSHOP_TEST_PG (and WORKSHOP_REQUIRE_PG=1, so the tests that need it fail
# rather than skip), run the command, stop and remove the cluster.
# PostgreSQL refuses to run as root: as root the cluster runs as the
# `postgres` user Debian's package creates.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
  bindir="$(pg_config --bindir)"
fi
if [ -z "$bindir" ]; then
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
  echo "with-postgres: PostgreSQL's initdb and pg_ctl not found; scripts/deps.sh postgres installs them" >&2
  exit 1
fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/workshop-pg.XXXXXX")"
chmod 755 "$scratch"
as=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres: running as root and there is no postgres user to run the cluster as" >&2
    exit 1
  fi
  chown postgres "$scratch"
  as=(runuser -u postgres --)
fi

stop() {
  "${as[@]}" "$bindir/pg_ctl" -D "$scratch/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap stop EXIT

# A free port: nothing answers on it.
port=""
for _ in $(seq 1 50); do
  p=$(( 20000 + RANDOM % 30000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "with-postgres: no free port found" >&2; exit 1; }

"${as[@]}" "$bindir/initdb" -D "$scratch/data" -U postgres -A trust -E UTF8 --no-sync >"$scratch/initdb.log" 2>&1 || {
  echo "with-postgres: initdb failed:" >&2; cat "$scratch/initdb.log" >&2; exit 1; }
if ! "${as[@]}" "$bindir/pg_ctl" -D "$scratch/data" -l "$scratch/server.log" -w -t 60 \
    -o "-p $port -k $scratch -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null; then
  echo "with-postgres: the server did not start:" >&2; cat "$scratch/server.log" >&2; exit 1
fi

export WORKSHOP_TEST_PG="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
export WORKSHOP_REQUIRE_PG=1
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
set +e
"$@"
rc=$?
set -e
exit $rc
