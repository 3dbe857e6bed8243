#!/usr/bin/env bash
# Runs the whole benchmark suite and rewrites BENCHMARKS.md. Usage (from the project root):
#   bench/run.sh            # full suite: 1,000,000 seeded messages, 3 runs of 10 s per figure
#   QUICK=1 bench/run.sh    # smoke run: 20,000 messages, 1 run of 3 s (figures not for BENCHMARKS.md)
# Needs: Java 17, Maven, wrk and curl (apt-get install wrk curl). Everything binds to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

SEEDED=${SEEDED:-1000000}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-"16 64"}
HEAP=${HEAP:-"-Xmx128m -XX:+UseSerialGC"}
if [ -n "${QUICK:-}" ]; then SEEDED=20000; RUNS=1; DURATION=3s; fi

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 2; }

out=bench/target/run
rm -rf "$out" && mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

echo "== build"
mvn -B -ntp -q -DskipTests package -pl bench,desktop -am
gateway_jar=gateway-core/target/smsdesk-gateway.jar
bench_jar=bench/target/smsdesk-bench.jar

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
wait_http() { # url, timeout seconds
    local deadline=$((SECONDS + $2))
    until curl -fs -o /dev/null "$1"; do
        [ $SECONDS -lt $deadline ] || { echo "timeout waiting for $1" >&2; return 1; }
        sleep 0.05
    done
}
record() { # scenario conns run json
    echo "{\"kind\":\"wrk\",\"scenario\":\"$1\",\"conns\":$2,\"run\":$3,${4#\{}" >> "$results"
}
load() { # scenario url script conns run duration
    local script="$out/$1.lua"
    cat "bench/scripts/$3" bench/scripts/common.lua > "$script"
    local line
    line=$(wrk -t2 -c"$4" -d"$6" -s "$script" "$2" | grep '^{"requests"')
    [ "$5" = warmup ] || record "$1" "$4" "$5" "$line"
    echo "   $1 c$4 run $5: $line"
}

load_avg() { awk '{print $1}' /proc/loadavg; }
echo "{\"kind\":\"metric\",\"name\":\"load_average_at_start\",\"run\":1,\"value\":$(load_avg)}" >> "$results"

echo "== JMH: auth path and send parsing"
java -jar "$bench_jar" jmh -f 1 -wi 3 -w 1s -i 5 -r 1s -tu us -bm avgt -rf json -rff "$out/jmh.json" \
    'app.smsdesk.*Benchmark.*' > "$out/jmh.log"
tail -n 8 "$out/jmh.log"

echo "== seed $SEEDED messages"
data="$out/data"
java -jar "$bench_jar" seed "$data" "$SEEDED"

echo "== cold start (JVM start to /health answering), 5 runs"
for i in 1 2 3 4 5; do
    port=$(free_port)
    start=$(date +%s%N)
    SMSDESK_ADMIN_PASSWORD=bench-password-123 java $HEAP -jar "$gateway_jar" --host 127.0.0.1 --port "$port" \
        --https-port off --data-dir "$data" > "$out/cold-$i.log" 2>&1 &
    pid=$!
    wait_http "http://127.0.0.1:$port/health" 30
    end=$(date +%s%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "{\"kind\":\"metric\",\"name\":\"cold_start_ms\",\"run\":$i,\"value\":$(( (end - start) / 1000000 ))}" >> "$results"
done

if command -v xvfb-run >/dev/null; then
    echo "== console cold start (JVM start to the first frame, under Xvfb), 3 runs"
    for i in 1 2 3; do
        ms=$(xvfb-run -a java -Dsmsdesk.exitAfterFirstFrame=true -jar desktop/target/smsdesk.jar \
            --data-dir "$out/console-$i" --port 0 --https-port 0 2>/dev/null | sed -n 's/^first frame after \([0-9]*\) ms$/\1/p')
        echo "   run $i: ${ms:-?} ms"
        [ -z "$ms" ] || echo "{\"kind\":\"metric\",\"name\":\"console_first_frame_ms\",\"run\":$i,\"value\":$ms}" >> "$results"
    done
else
    echo "== console cold start skipped (no xvfb-run: apt-get install xvfb libgtk-3-0)"
fi

echo "== start the bare Undertow baseline and the gateway"
hello_port=$(free_port)
java -jar "$bench_jar" hello "$hello_port" > "$out/hello.log" 2>&1 &
pids+=($!)
gw_port=$(free_port)
SMSDESK_ADMIN_PASSWORD=bench-password-123 java $HEAP -jar "$gateway_jar" --host 127.0.0.1 --port "$gw_port" \
    --https-port off --data-dir "$data" > "$out/gateway.log" 2>&1 &
gw_pid=$!
pids+=($gw_pid)
wait_http "http://127.0.0.1:$hello_port/hello" 30
wait_http "http://127.0.0.1:$gw_port/health" 30
gw="http://127.0.0.1:$gw_port"
TOKEN=$(curl -fs -u admin:bench-password-123 -H 'Content-Type: application/json' \
    -d '{"scopes":["messages:send","messages:read","messages:list"],"ttl":86400,"name":"bench"}' \
    "$gw/3rdparty/v1/auth/token" | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
export TOKEN SEEDED

scenario() { # name url script
    echo "== $1"
    load "$1" "$2" "$3" 64 warmup 5s
    for c in $CONNS; do
        for r in $(seq 1 "$RUNS"); do load "$1" "$2" "$3" "$c" "$r" "$DURATION"; done
    done
}
scenario hello "http://127.0.0.1:$hello_port/hello" hello.lua
scenario get-by-id "$gw" get-by-id.lua
scenario list-first "$gw" list-first.lua
scenario list-any "$gw" list-any.lua
scenario send "$gw/3rdparty/v1/messages" send.lua

echo "== SSE wake latency (send -> the phone's GET /message), 1 and 50 phones"
for phones in 1 50; do
    java -jar "$bench_jar" sse "$gw" bench-private-token admin bench-password-123 "$phones" 200 "$RUNS" \
        | grep '^{"phones"' | while read -r line; do
        echo "   $line"
        r=$(python3 -c "import json,sys;print(json.loads(sys.argv[1])['run'])" "$line")
        for f in p50 p99; do
            v=$(python3 -c "import json,sys;print(json.loads(sys.argv[1])['${f}_ms'])" "$line")
            echo "{\"kind\":\"metric\",\"name\":\"sse_wake_${f}_ms_${phones}\",\"run\":$r,\"value\":$v}" >> "$results"
        done
    done
done

rss=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$gw_pid/status")
echo "{\"kind\":\"metric\",\"name\":\"peak_rss_mib\",\"run\":1,\"value\":$rss}" >> "$results"
echo "   gateway peak RSS: $rss MiB"

echo "{\"kind\":\"metric\",\"name\":\"load_average_at_end\",\"run\":1,\"value\":$(load_avg)}" >> "$results"

if [ -n "${QUICK:-}" ]; then
    java -cp "$bench_jar" app.smsdesk.bench.Report "$results" "$out/jmh.json" "$out/BENCHMARKS.quick.md" "$*"
    echo "quick run: report in $out/BENCHMARKS.quick.md"
else
    java -cp "$bench_jar" app.smsdesk.bench.Report "$results" "$out/jmh.json" BENCHMARKS.md "bench/run.sh"
    echo "report written to BENCHMARKS.md"
fi
