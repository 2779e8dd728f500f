#!/usr/bin/env bash
# The README's test command, and what .ci/run calls: installs what the tests need that a fresh machine lacks, starts
# the services they use, runs every test, and stops the services again.
#   - chromium, for the dashboard's browser tests (scripts/install-chromium.sh; skipped when already installed);
#   - one throwaway PostgreSQL server from the image's binaries (scripts/postgres.sh), shared by every test project
#     through FLUX_POSTGRES (each test works in a schema of its own). When FLUX_POSTGRES is already set, that server
#     is used instead. A plain `dotnet test` also works: each project then starts a server of its own.
# Extra arguments go to `dotnet test` (for example: scripts/test.sh --filter FullyQualifiedName~Durable).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-chromium.sh

if [ -z "${FLUX_POSTGRES:-}" ]; then
  pg_dir="$(mktemp -d /tmp/flux-test-postgres.XXXXXX)"
  trap 'scripts/postgres.sh stop "$pg_dir" || true; rm -rf "$pg_dir"' EXIT
  FLUX_POSTGRES="$(scripts/postgres.sh start "$pg_dir")"
  export FLUX_POSTGRES
fi

dotnet test Flux.sln "$@"
