#!/bin/sh
# Installs the e2e scripts' Node dependencies (package-lock.json, npm ci) when they are missing or older than the lock
# file. Run by the standalone module's build before its tests (exec-maven-plugin; skipped with -DskipTests or
# -De2e.skip). Never fails the build: without npm, or when npm ci fails, it prints one line and exits 0, and the tests
# that need these clients (RocketChatClientsTest) are skipped.
set -eu
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: the e2e tests with Rocket.Chat's clients will be skipped"
  exit 0
fi
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
if ! npm ci --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null 2>&1; then
  echo "npm ci failed in e2e/: the e2e tests with Rocket.Chat's clients will be skipped"
  exit 0
fi
echo "e2e: Rocket.Chat's clients installed in e2e/node_modules"
