#!/bin/sh
# Apache Tomcat 10 (Debian tomcat10) for the Why403 lab: a CATALINA_BASE in the run directory with the lab's
# server.xml and tomcat-users.xml (filled in there by the lab) and the package's own web.xml, catalina.properties and
# logging.properties; then catalina.sh run, which execs the JVM in the foreground so the lab stops it by PID.
set -e
BASE="$1"
mkdir -p "$BASE/conf" "$BASE/logs" "$BASE/work" "$BASE/temp" "$BASE/webapps"
cp "$BASE/server.xml" "$BASE/tomcat-users.xml" "$BASE/conf/"
cp /etc/tomcat10/web.xml /etc/tomcat10/catalina.properties /etc/tomcat10/logging.properties "$BASE/conf/"
export CATALINA_HOME=/usr/share/tomcat10 CATALINA_BASE="$BASE" CATALINA_TMPDIR="$BASE/temp"
exec /usr/share/tomcat10/bin/catalina.sh run
