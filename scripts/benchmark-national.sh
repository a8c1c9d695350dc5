#!/usr/bin/env bash
# Benchmark: the monthly job on a synthetic national-scale CIN census extract (every LA in one
# CSV table set with an LEA column, about a million children) inside a 1 GB heap, on the embedded
# H2 database. Prints the time of each stage and the process's peak memory. Not part of the tests.
#
#   scripts/benchmark-national.sh              # the full national size
#   LAS=20 scripts/benchmark-national.sh       # a quicker, smaller run
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-target/benchmark}
SCALE=${SCALE:-5.5}
LAS=${LAS:-1000}
HEAP=${HEAP:-1g}

mvn -B -q package -DskipTests
rm -rf "$WORK" && mkdir -p "$WORK"
echo "Generating the national extract (scale $SCALE)..."
java -jar target/neglect-scorecard.jar generate-national --output "$WORK/input" --scale "$SCALE" --las "$LAS"
du -sh "$WORK/input" | awk '{print "Extract size: " $1}'

codes=$(awk -F, 'NR>1 && !seen[$NF]++ {printf "%s%s", sep, $NF; sep=", "}' "$WORK/input/national/ChildIdentifiers.csv")
cat > "$WORK/national.yml" <<YML
name: national-benchmark
partnership:
  id: england-synthetic
  name: All LAs (synthetic benchmark)
  members: [$codes]
YML

echo "Running the job with -Xmx$HEAP..."
start=$(date +%s.%N)
java -Xmx"$HEAP" ${BENCH_JAVA_OPTS--XX:+UseParallelGC} -Dlogging.level.org.neglectscorecard.indicators=DEBUG -jar target/neglect-scorecard.jar run --period 2025-03-31 --input "$WORK/input" \
  --output "$WORK/output" --data-dir "$WORK/data" --job "$WORK/national.yml" > "$WORK/run.txt" 2>&1 &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
  sleep 0.5
done
wait "$pid" && status=0 || status=$?
end=$(date +%s.%N)

grep -E "^Found|^Using|^Computed|Finished in" "$WORK/run.txt" || true
rows=$(sed -n 's/.*: \([0-9,]*\) rows read.*/\1/p' "$WORK/run.txt" | tr -d , | awk '{s += $1} END {print s}')
echo "----------------------------------------------------------------"
printf "Exit status:          %s\n" "$status"
printf "Rows read:            %'d\n" "${rows:-0}"
printf "Wall time:            %.1f s\n" "$(echo "$end - $start" | bc)"
printf "Peak resident memory: %d MB (heap limit %s)\n" $((peak / 1024)) "$HEAP"
printf "Database on disk:     %s\n" "$(du -sh "$WORK/data" | cut -f1)"
echo "Slowest indicator statements:"
# (|| true: head closing the pipe early is not a failure of the benchmark)
grep "rows in" "$WORK/data/logs/scorecard.log" | awk '{print $(NF-1) " ms  " $(NF-6) " " $(NF-5)}' | sort -rn | head -8 || true
[ "$status" -eq 0 ] || { echo "The run failed: see $WORK/run.txt"; exit 1; }
