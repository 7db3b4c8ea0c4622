#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: npm packages (from the lock file) and, for the
# browser tests, Debian's Chromium, and for the store tests Debian's PostgreSQL. Does nothing when
# all are already in place.
set -euo pipefail
cd "$(dirname "$0")/.."
# A checkout whose node_modules is a link to another's (a git worktree) leaves installing to that one.
if [ -L node_modules ]; then
  :
elif [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› installing npm packages (better-sqlite3 compiles from source: about 2 minutes)"
  npm ci --no-audit --no-fund
fi
if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
if [[ " $* " == *" --browser "* ]] && [ ! -x /usr/bin/chromium ]; then
  echo "› installing Chromium from Debian's packages"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
# The tests run the classroom store against a real PostgreSQL: tools/pg-throwaway.ts starts its own
# cluster in a temporary folder, so the package's own cluster is not created (nothing left running).
if [[ " $* " == *" --postgres "* ]] && ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "› installing PostgreSQL from Debian's packages"
  $SUDO mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.conf >/dev/null
  # Not fatal: without it the PostgreSQL tests are skipped with the reason printed.
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o Dpkg::Options::=--force-confold postgresql >/dev/null; } ||
    echo "› PostgreSQL could not be installed: the PostgreSQL store tests will be skipped"
fi
