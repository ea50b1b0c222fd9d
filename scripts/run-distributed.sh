#!/usr/bin/env bash
# The distributed shape on this machine, without containers (docs/OPERATIONS.md): one Kafka broker JVM
# (KRaft) started from the Maven artifacts, command-side x2 and query-side x2 as separate JVMs on loopback ports,
# the local PostgreSQL (scripts/ensure-postgres.sh) with a database of its own.
#
#   scripts/run-distributed.sh up            build, start everything, wait until every service is healthy
#   scripts/run-distributed.sh down          stop everything (the database and the broker's data stay)
#   scripts/run-distributed.sh status        what runs, where
#   scripts/run-distributed.sh fresh         down, forget the database and the broker's data, up
#   scripts/run-distributed.sh kill NAME     kill -9 one process (command-1, command-2, query-1, query-2, kafka)
#   scripts/run-distributed.sh start NAME    start one process again
#   scripts/run-distributed.sh stop NAME     stop one process (SIGTERM, a clean shutdown)
#
# Ports: command-1 8181, command-2 8182, query-1 8191, query-2 8192, the identity provider 8200, Kafka 19092
# (controller 19093); BASE_PORT moves them all. Logs, process ids and the installation's keys (secrets.env, made at
# the first start) under target/distributed/. The services trust a local stand-in for your OIDC provider (the
# ledger's own development issuer runs only on the embedded H2 database): a token for any actor and role is
#   curl -s -X POST 'localhost:8200/token?actor=me&role=AGENT'
# Customers' messages come through the gateway local-gateway (role SYSTEM); the bot is local-bot.
# The Compose and Kubernetes files in deploy/ use your real provider instead.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=$PWD/target/distributed
BASE_PORT=${BASE_PORT:-8180}
KAFKA_PORT=$((BASE_PORT + 10912))
CONTROLLER_PORT=$((KAFKA_PORT + 1))
DATABASE=${LEDGER_DISTRIBUTED_DB:-ledger_distributed}
PARTITIONS=${LEDGER_PARTITIONS:-6}
TOPIC=ledger-events
SERVICES="command-1 command-2 query-1 query-2"

log() { echo "run-distributed: $*" >&2; }

port_of() {
  case "$1" in
    command-1) echo $((BASE_PORT + 1)) ;;
    command-2) echo $((BASE_PORT + 2)) ;;
    query-1) echo $((BASE_PORT + 11)) ;;
    query-2) echo $((BASE_PORT + 12)) ;;
    identity) echo $((BASE_PORT + 20)) ;;
    kafka) echo "$KAFKA_PORT" ;;
    *) log "no such process: $1"; exit 2 ;;
  esac
}

database() {
  eval "$(scripts/ensure-postgres.sh)"
  URL=${LEDGER_TEST_PG_URL:?no PostgreSQL server (scripts/ensure-postgres.sh)}
  SERVER=${URL%/*}
  DB_USER=${LEDGER_TEST_PG_USER:-postgres}
  DB_PASSWORD=${LEDGER_TEST_PG_PASSWORD:-}
  PG_HOST=$(echo "$SERVER" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#')
  PG_PORT=$(echo "$SERVER" | sed -E 's#.*:([0-9]+)$#\1#')
  PSQL="env PGOPTIONS=--client-min-messages=warning psql -h $PG_HOST -p $PG_PORT -U $DB_USER -d ${URL##*/} -qtA"
}

build() {
  mkdir -p "$DIR"
  if [ ! -f deploy/target/interaction-ledger.jar ] || [ ! -f tools/target/ledger-tools.jar ] || [ "${SKIP_BUILD:-0}" != 1 ]; then
    ./mvnw -B -q -ntp -DskipTests install
  fi
  # The broker's classpath: the Kafka server artifacts the tests use (deploy's test scope), from the local Maven
  # repository.
  if [ ! -s "$DIR/broker.classpath" ]; then
    ./mvnw -B -q -ntp -pl deploy dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$DIR/broker.classpath"
  fi
}

alive() { [ -f "$DIR/$1.pid" ] && kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null; }

start_kafka() {
  mkdir -p "$DIR/kafka"
  cat > "$DIR/kafka/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DIR/kafka/data
num.partitions=$PARTITIONS
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
# the ledger's topic keeps every event: a new query side reads the ledger from the start
log.retention.ms=-1
EOF
  cat > "$DIR/kafka/logback.xml" <<'EOF'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d %-5level %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="OUT"/></root>
  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
</configuration>
EOF
  local java=(java -Xms128m -Xmx512m -XX:+UseSerialGC -Dlogback.configurationFile="$DIR/kafka/logback.xml"
    -cp "$(cat "$DIR/broker.classpath")")
  if [ ! -f "$DIR/kafka/data/meta.properties" ]; then
    "${java[@]}" kafka.tools.StorageTool format -t "$(java_random_cluster_id)" \
      -c "$DIR/kafka/server.properties" >> "$DIR/kafka.log" 2>&1
  fi
  nohup "${java[@]}" kafka.Kafka "$DIR/kafka/server.properties" >> "$DIR/kafka.log" 2>&1 &
  echo $! > "$DIR/kafka.pid"
  wait_for_port "$KAFKA_PORT" kafka
}

# A KRaft cluster id, made by Kafka's storage tool (called inside start_kafka, whose java command it uses): its ids
# never start with '-', which the tool's format command would read as an option (a plain random base64 id did, once
# in 64).
java_random_cluster_id() { "${java[@]}" kafka.tools.StorageTool random-uuid | tail -1; }

wait_for_port() {
  local i
  for i in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    alive "$2" || { log "$2 died; see $DIR/$2.log"; tail -20 "$DIR/$2.log" >&2; exit 1; }
    sleep 0.1
  done
  log "$2 did not open port $1"; exit 1
}

# The installation's keys, made once with the first start and kept (the store's customer keys are wrapped with
# the master key): never the development keys the ledger ships, which it refuses outside development.
secrets() {
  if [ ! -s "$DIR/secrets.env" ]; then
    mkdir -p "$DIR"
    (umask 077
     echo "LEDGER_MASTER_KEYS=local-1:$(head -c 32 /dev/urandom | base64)" > "$DIR/secrets.env"
     echo "LEDGER_ANALYTICS_PSEUDONYM_KEY=$(head -c 32 /dev/urandom | base64)" >> "$DIR/secrets.env")
  fi
  set -a; . "$DIR/secrets.env"; set +a
}

start_identity() {
  nohup java -Xms32m -Xmx64m -XX:+UseSerialGC -Dloader.main=com.interactionledger.deploy.identity.LocalIdentityProvider \
    -cp tools/target/ledger-tools.jar org.springframework.boot.loader.launch.PropertiesLauncher "$(port_of identity)" \
    >> "$DIR/identity.log" 2>&1 &
  echo $! > "$DIR/identity.pid"
  wait_for_port "$(port_of identity)" identity
}

start_service() {
  local name=$1 port main extra=()
  port=$(port_of "$name")
  case "$name" in
    command-*) main=com.interactionledger.deploy.services.CommandSideService
      extra=(--ledger.kafka.relay.enabled=true) ;;
    query-*) main=com.interactionledger.deploy.services.QuerySideService
      extra=(--ledger.kafka.consumer.enabled=true) ;;
  esac
  database
  secrets
  LEDGER_DB_URL="$SERVER/$DATABASE" LEDGER_DB_USER=$DB_USER LEDGER_DB_PASSWORD=$DB_PASSWORD \
  LEDGER_DB_POOL=10 LEDGER_ACCESS_MODE=oidc \
  LEDGER_OIDC_ISSUER="http://127.0.0.1:$(port_of identity)/realms/ledger" \
  nohup java -Xms128m -Xmx${SERVICE_HEAP:-512m} -Daxoniq.update-checker.disabled=true -Dloader.main=$main \
    -cp deploy/target/interaction-ledger.jar org.springframework.boot.loader.launch.PropertiesLauncher \
    --spring.profiles.active=postgres --server.port="$port" --ledger.node-id="$name" \
    --ledger.kafka.bootstrap-servers="127.0.0.1:$KAFKA_PORT" --ledger.kafka.topic=$TOPIC "${extra[@]}" \
    --ledger.machines.local-gateway.gateway-of=PHONE,WEB_CHAT,MOBILE_APP,EMAIL,SOCIAL,SMS,VIDEO,BRANCH \
    "--ledger.machines.local-gateway.records=POST /sessions,POST /sessions/{sessionId}/messages,POST /sessions/{sessionId}/resolution" \
    "--ledger.machines.local-bot.records=POST /sessions/{sessionId}/messages,POST /sessions/{sessionId}/handoff" \
    --ledger.machines.local-bot.bot-on=PHONE,WEB_CHAT,MOBILE_APP,EMAIL,SOCIAL,SMS,VIDEO,BRANCH \
    >> "$DIR/$name.log" 2>&1 &
  echo $! > "$DIR/$name.pid"
}

wait_healthy() {
  local name=$1 port i
  port=$(port_of "$name")
  for i in $(seq 1 900); do
    if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      return 0
    fi
    alive "$name" || { log "$name died; see $DIR/$name.log"; tail -30 "$DIR/$name.log" >&2; exit 1; }
    sleep 0.2
  done
  log "$name is not healthy after 180 s; see $DIR/$name.log"; exit 1
}

start_one() {
  if alive "$1"; then log "$1 already runs (pid $(cat "$DIR/$1.pid"))"; return 0; fi
  case "$1" in
    kafka) start_kafka ;;
    identity) start_identity ;;
    *) start_service "$1"; wait_healthy "$1" ;;
  esac
  log "$1 up on port $(port_of "$1") (pid $(cat "$DIR/$1.pid"))"
}

signal_one() {
  local name=$1 signal=$2 pid i
  alive "$name" || { log "$name is not running"; return 0; }
  pid=$(cat "$DIR/$name.pid")
  kill "-$signal" "$pid"
  for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$DIR/$name.pid"
  log "$name stopped (SIG$signal)"
}

up() {
  build
  database
  if [ -z "$($PSQL -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]; then
    $PSQL -c "CREATE DATABASE $DATABASE"
  fi
  start_one identity
  start_one kafka
  # The first command side migrates the ledger schema, the first query side the read models': one at a time.
  start_one command-1
  start_one query-1
  start_service command-2
  start_service query-2
  wait_healthy command-2 && log "command-2 up on port $(port_of command-2)"
  wait_healthy query-2 && log "query-2 up on port $(port_of query-2)"
  status
}

down() {
  local name
  for name in query-2 query-1 command-2 command-1 kafka identity; do signal_one "$name" TERM; done
}

status() {
  local name
  for name in identity kafka $SERVICES; do
    if alive "$name"; then
      echo "$name  pid $(cat "$DIR/$name.pid")  127.0.0.1:$(port_of "$name")"
    else
      echo "$name  down"
    fi
  done
}

case "${1:-up}" in
  up) up ;;
  down) down ;;
  status) status ;;
  fresh)
    down
    database
    $PSQL -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)"
    rm -rf "$DIR/kafka" "$DIR/secrets.env"
    up ;;
  kill) signal_one "${2:?which process}" KILL ;;
  stop) signal_one "${2:?which process}" TERM ;;
  start) start_one "${2:?which process}" ;;
  *) sed -n '2,20p' "$0" >&2; exit 2 ;;
esac
