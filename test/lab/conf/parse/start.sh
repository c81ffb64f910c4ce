#!/bin/sh
# Parse Server (npm parse-server) on PostgreSQL 15 (Debian postgresql), for the Why403 lab. A fresh cluster in the
# run directory, owned by the postgres user (postgres refuses to run as root), on 127.0.0.1 only; then Parse
# Server in the foreground. The lab stops this script by PID: the trap stops Parse Server and PostgreSQL with it.
set -e
LAB_DIR="$1"
PG=/usr/lib/postgresql/15/bin
DATA="$LAB_DIR/pg"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_postgres "$PG/initdb" -D "$DATA" -A trust -U postgres > "$LAB_DIR/initdb.log"
as_postgres "$PG/pg_ctl" -D "$DATA" -l "$LAB_DIR/pg.log" -w \
  -o "-h 127.0.0.1 -p $PG_PORT -k $LAB_DIR -c fsync=off" start > /dev/null
stop() {
  [ -n "$NODE_PID" ] && kill "$NODE_PID" 2>/dev/null || true
  as_postgres "$PG/pg_ctl" -D "$DATA" -m fast stop > /dev/null || true
}
trap 'stop; exit 0' TERM INT
node "$(dirname "$0")/parse.mjs" &
NODE_PID=$!
wait "$NODE_PID" || true
stop
