#!/bin/sh
# Lighthouse's mobile audit (a mid-range phone on a slow 4G link: Lighthouse's defaults) of the page in Debian's
# Chromium, for a few states a student opens; prints each score and the JS+CSS transferred, and exits 1 when a
# score is under 95 or the JS+CSS over 150 KB. Needs the built jar (mvn -B package -DskipTests), node and npm.
#   src/test/lighthouse/run.sh [PATH...]      e.g. '/?preset=kubernetes-clusterip#hop=30'
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
jar="$root/target/netfilter-flow.jar"
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -B package -DskipTests)" >&2; exit 2; }
[ -x "$here/node_modules/.bin/lighthouse" ] || (cd "$here" && npm ci --no-audit --no-fund --silent)
log=$(mktemp)
data=$(mktemp -d)
java -jar "$jar" --server.port=0 --server.address=127.0.0.1 --netfilter-flow.data-dir="$data" >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$log" "$data"' EXIT
port=
for _ in $(seq 1 120); do
  port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -n 1)
  [ -n "$port" ] && break
  sleep 1
done
[ -n "$port" ] || { cat "$log" >&2; echo "the app did not start" >&2; exit 2; }
# the page as a reader opens it: the first scenario, a preset link, another language (a link into a late hop,
# '/?preset=kubernetes-clusterip#hop=30', scores lower: its largest text is the outcome banner, painted once the
# run has streamed that far)
[ $# -gt 0 ] || set -- '/' '/?preset=docker-wan-published' '/?preset=ebtables-mac-filter&lang=ko'
status=0
for path in "$@"; do
  report=$(mktemp)
  CHROME_PATH=/usr/bin/chromium "$here/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$path" --quiet \
    --only-categories=performance,accessibility,best-practices --output=json --output-path="$report" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
  node "$here/scores.mjs" "$report" "$path" || status=1
  rm -f "$report"
done
exit $status
