#!/usr/bin/env bash
# The README's test command: installs what the tests need that the machine may lack (chromium, for the dashboard's
# browser tests), then runs every test. PostgreSQL is started by the tests themselves (scripts/postgres.sh).
# Extra arguments go to `dotnet test` (for example: scripts/test.sh --filter FullyQualifiedName~Durable).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-chromium.sh
dotnet test Flux.sln "$@"
