#!/usr/bin/env bash
# Multi-process scale test (issue 3): the embedded infrastructure only (Kafka broker + MongoDB-wire store), the seed
# step (java -jar gateway.jar seed), then 2 gateways, 2 room-services and 1 visitor-service, each its own JVM; a mixed
# workload through both gateways with every response checked (load.py); one room-service killed with SIGKILL mid-run;
# then SIGTERM to every service, each of which must exit 0. Prints load.py's SUMMARY line and the exit codes.
#
#   scale/run.sh                       # 40 s of load, SIGKILL at 15 s, 8 client threads
#   SCALE_SECONDS=60 SCALE_KILL_AT=20 SCALE_WORKERS=16 scale/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RUN_SECONDS=${SCALE_SECONDS:-40}
KILL_AT=${SCALE_KILL_AT:-15}
WORKERS=${SCALE_WORKERS:-8}
JAVA_OPTS=${SCALE_JAVA_OPTS:--Xmx384m}

for jar in standalone/target/livechat-standalone.jar gateway/target/gateway.jar room-service/target/room-service.jar \
           visitor-service/target/visitor-service.jar; do
  [ -f "$jar" ] || { echo "building jars"; mvn -B -q -DskipTests package; break; }
done

WORK=$(mktemp -d /tmp/livechat-scale.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
KAFKA_PORT=$(free_port); while ! python3 -c "import socket; socket.socket().bind(('127.0.0.1',$((KAFKA_PORT+1))))" 2>/dev/null; do KAFKA_PORT=$(free_port); done
MONGO_PORT=$(free_port); GW1_PORT=$(free_port); GW2_PORT=$(free_port)
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT MONGO_URL=mongodb://127.0.0.1:$MONGO_PORT/rocketchat
export TOPIC_PARTITIONS=12 ADMIN_USERNAME=admin ADMIN_PASS=admin
# The workload comes from one address (127.0.0.1), far over Rocket.Chat's 5 rooms a minute: the seed step writes the
# fresh store's API_Enable_Rate_Limiter setting as false (the setting stays the switch; see README, Rate limiting).
export RATE_LIMITER_DEFAULT=false

declare -A PIDS
cleanup() { for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # name jar [VAR=value ...]
  local name=$1 jar=$2; shift 2
  env "$@" java $JAVA_OPTS -jar "$jar" > "$WORK/$name.log" 2>&1 &
  PIDS[$name]=$!
}
wait_for() { # name pattern timeout_s
  local deadline=$((SECONDS + $3))
  until grep -qs "$2" "$WORK/$1.log"; do
    if ! kill -0 "${PIDS[$1]}" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "$1 did not become ready:"; tail -20 "$WORK/$1.log"; exit 1
    fi
    sleep 0.5
  done
}

echo "logs in $WORK"
start infra standalone/target/livechat-standalone.jar INFRA_ONLY=true DATA_DIR="$WORK/data"
wait_for infra "infrastructure ready" 90
java $JAVA_OPTS -jar gateway/target/gateway.jar seed > "$WORK/seed.log" 2>&1 \
  || { echo "seed step failed:"; tail -20 "$WORK/seed.log"; exit 1; }
start room-service-1 room-service/target/room-service.jar MANAGEMENT_PORT="$(free_port)"
start room-service-2 room-service/target/room-service.jar MANAGEMENT_PORT="$(free_port)"
start visitor-service visitor-service/target/visitor-service.jar MANAGEMENT_PORT="$(free_port)"
for service in room-service-1 room-service-2 visitor-service; do wait_for "$service" "ready" 120; done
start gateway-1 gateway/target/gateway.jar PORT="$GW1_PORT" GATEWAY_INSTANCE_ID=scale-gw1
start gateway-2 gateway/target/gateway.jar PORT="$GW2_PORT" GATEWAY_INSTANCE_ID=scale-gw2
for gateway in gateway-1 gateway-2; do wait_for "$gateway" "listening on port" 120; done
echo "2 gateways (:$GW1_PORT, :$GW2_PORT), 2 room-services, 1 visitor-service running"

python3 scale/load.py --gateways "http://127.0.0.1:$GW1_PORT,http://127.0.0.1:$GW2_PORT" --seconds "$RUN_SECONDS" \
  --workers "$WORKERS" --kill-at "$KILL_AT" --report "$WORK/load.json" > "$WORK/load.out" 2>&1 &
LOAD_PID=$!
sleep "$KILL_AT"
echo "SIGKILL room-service-1 at ${KILL_AT}s"
kill -9 "${PIDS[room-service-1]}"; unset 'PIDS[room-service-1]'
LOAD_STATUS=0; wait $LOAD_PID || LOAD_STATUS=$?
cat "$WORK/load.out"

status=0
for name in gateway-1 gateway-2 room-service-2 visitor-service infra; do
  kill -TERM "${PIDS[$name]}"
  code=0; wait "${PIDS[$name]}" || code=$?
  unset "PIDS[$name]"
  echo "SIGTERM $name: exit $code"
  [ "$code" -eq 0 ] || status=1
done
grep -h "deleted topic livechat.replies" "$WORK"/gateway-*.log | sed 's/^/  /' || { echo "reply topics not deleted"; status=1; }
[ "$LOAD_STATUS" -eq 0 ] || { echo "load check failed ($LOAD_STATUS)"; status=1; }
exit $status
