#!/usr/bin/env bash
# Benchmark of the Livechat API on the embedded default (issue 5). Installs wrk when missing, builds the bench module's
# jar (bench/target/livechat-bench.jar: the standalone plus the baselines) when missing, then runs bench/run.py
# (see --help): e.g.
#   bench/run.sh                               # 1 k rooms, 20 s per point after a 5 s warm-up, 1/16/64 connections
#   bench/run.sh --rooms 1000000 --repeat 3    # 1 M rooms, median of 3 runs
#   bench/run.sh realtime                      # messages over 1 k and 10 k DDP websockets (bench/realtime.py)
#   bench/run.sh overload --rate 200,400       # open-loop load at fixed rates, past capacity (bench/overload.py)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
[ -f bench/target/livechat-bench.jar ] || mvn -B -q -DskipTests package -pl bench -am
if [ "${1:-}" = realtime ]; then
  shift
  exec python3 bench/realtime.py "$@"
fi
if [ "${1:-}" = overload ]; then
  shift
  exec python3 bench/overload.py "$@"
fi
exec python3 bench/run.py "$@"
