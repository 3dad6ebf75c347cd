#!/usr/bin/env bash
# The peer benchmark of docs/performance.md ("Peer benchmarks"): `maturity benchmark gaps` and
# `maturity benchmark stats` on 100,000 authorities' answers against the same jobs in DuckDB SQL
# (Benchmarks/duckdb/peer_job.py), and `maturity compare` against 1,000,000 authorities' scores.
#
# Never run by CI or `swift test`. Needs: swift, hyperfine, /usr/bin/time, python3 with duckdb
# and PyYAML (`pip install duckdb`). Generated data goes to $BENCH_DIR (default /tmp/bench,
# about 460 MB), never into the repository. Run one benchmark at a time: two at once on this
# 2-core machine measure each other.
#
#   Benchmarks/run-peer-benchmark.sh            # build, generate (once), check, measure
#   ROUNDS=9 SKIP_BUILD=1 SKIP_CHECK=1 Benchmarks/run-peer-benchmark.sh   # timing only
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/bench}
ROUNDS=${ROUNDS:-9}
mkdir -p "$BENCH_DIR"
ANSWERS=$BENCH_DIR/100k/synthetic-peers-answers.csv
SCORES=$BENCH_DIR/1m/synthetic-peers-scores.csv
DUCK="python3 Benchmarks/duckdb/peer_job.py"

echo "== machine: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== duckdb $(python3 -c 'import duckdb; print(duckdb.__version__)'), $(hyperfine --version)"

# A release build in its own scratch path (so it never waits on another build's lock).
if [ -z "${SKIP_BUILD:-}" ]; then
  swift build -c release --product maturity --scratch-path .build-release
fi
# Measure a copy, so that a rebuild in the same scratch path during the run cannot swap the
# binary between rounds. (Commands run from the repository root, where questionnaires are found.)
cp .build-release/release/maturity "$BENCH_DIR/maturity"
rm -rf "$BENCH_DIR"/*.resources
cp -R .build-release/release/*.resources "$BENCH_DIR/"  # the texts and questionnaires the binary loads
B=$BENCH_DIR/maturity
# compare keeps each scores file's table in a cache (see docs/performance.md): measured with the
# table kept (a second comparison against an unchanged file), without it (--no-cache: the CSV
# parsed), and as a first comparison that parses the CSV and writes the table.
CACHE=$BENCH_DIR/cache
COLD_CACHE=$BENCH_DIR/cache-first
COMPARE="compare Examples/responses/small-municipality.response.yaml --peers $SCORES --band auto"
echo "== maturity built from $(git rev-parse --short HEAD)$(git diff --quiet -- Sources Package.swift || echo ' + uncommitted changes'), binary of $(date -u -r .build-release/release/maturity +%H:%MZ)"

# The seeded, deterministic inputs (generated once).
[ -s "$ANSWERS" ] || $B example peers --count 100000 --seed 1 --shape answers --output "$BENCH_DIR/100k"
[ -s "$SCORES" ] || $B example peers --count 1000000 --seed 2 --shape scores --output "$BENCH_DIR/1m"
ls -l "$ANSWERS" "$SCORES"
wc -l "$ANSWERS" "$SCORES"

# Agreement first: the same numbers from both, else the timings mean nothing.
if [ -z "${SKIP_CHECK:-}" ]; then
  echo "== agreement (gaps)"
  $B benchmark gaps "$ANSWERS" --by band --output "$BENCH_DIR/gaps-ours.csv"
  $DUCK gaps "$ANSWERS" --output "$BENCH_DIR/gaps-duckdb.csv"
  python3 Benchmarks/duckdb/check_agreement.py gaps "$BENCH_DIR/gaps-ours.csv" "$BENCH_DIR/gaps-duckdb.csv" || echo "!! gaps disagree"
  echo "== medians of the other members, brute force on a sample (ours, then DuckDB)"
  python3 Benchmarks/duckdb/verify_median_without_self.py "$BENCH_DIR/gaps-ours.csv" || echo "!! ours: median-without-self check failed"
  python3 Benchmarks/duckdb/verify_median_without_self.py "$BENCH_DIR/gaps-duckdb.csv" || echo "!! duckdb: median-without-self check failed"
  echo "== agreement (stats)"
  $B benchmark stats "$ANSWERS" --by band --format csv --output "$BENCH_DIR/stats-ours.csv"
  $DUCK stats "$ANSWERS" --output "$BENCH_DIR/stats-duckdb.csv"
  python3 Benchmarks/duckdb/check_agreement.py stats "$BENCH_DIR/stats-ours.csv" "$BENCH_DIR/stats-duckdb.csv" || echo "!! stats disagree"
fi

# Side by side. The machine is shared and noisy, so the commands are interleaved: ROUNDS rounds,
# each one hyperfine run of every command (after one warm-up of each), and the summary takes the
# median of each command's ROUNDS times across the rounds' JSON exports.
echo "== compare: the same output parsed, with the table written, and with the table kept"
rm -rf "$CACHE" "$COLD_CACHE"
$B $COMPARE --format json --no-cache > "$BENCH_DIR/compare-parsed.json"
env XDG_CACHE_HOME="$CACHE" $B $COMPARE --format json > "$BENCH_DIR/compare-first.json"
env XDG_CACHE_HOME="$CACHE" $B $COMPARE --format json > "$BENCH_DIR/compare-kept.json"
cmp "$BENCH_DIR/compare-parsed.json" "$BENCH_DIR/compare-first.json" && cmp "$BENCH_DIR/compare-parsed.json" "$BENCH_DIR/compare-kept.json" \
  && echo "identical" || echo "!! compare outputs differ"
ls -l "$CACHE"/digital-maturity/peer-tables

echo "== timing: $ROUNDS interleaved rounds"
rm -f "$BENCH_DIR"/hyperfine-round-*.json
# Before each round, wait (up to 2 minutes) for a second in which the CPUs are at least 90 % idle.
wait_idle() {
  for _ in $(seq 1 60); do
    [ "$(vmstat 1 2 | tail -1 | awk '{print $15}')" -ge 90 ] && return 0
    sleep 1
  done
  echo "(machine still busy, measuring anyway)"
}
for round in $(seq 1 "$ROUNDS"); do
  wait_idle
  warmup=0
  [ "$round" = 1 ] && warmup=1
  hyperfine -N -w "$warmup" -r 1 --style basic --export-json "$BENCH_DIR/hyperfine-round-$round.json" \
    -n "gaps, 100k answers (ours)" "$B benchmark gaps $ANSWERS --by band --output $BENCH_DIR/gaps-ours.csv" \
    -n "gaps, 100k answers (DuckDB)" "$DUCK gaps $ANSWERS --output $BENCH_DIR/gaps-duckdb.csv" \
    -n "stats, 100k answers (ours)" "$B benchmark stats $ANSWERS --by band --format csv --output $BENCH_DIR/stats-ours.csv" \
    -n "stats, 100k answers (DuckDB)" "$DUCK stats $ANSWERS --output $BENCH_DIR/stats-duckdb.csv" \
    -n "python3 + import duckdb, yaml (part of the DuckDB rows)" "python3 -c 'import duckdb, yaml'" \
    -n "compare, 1M scores, CSV parsed (--no-cache)" "$B $COMPARE --no-cache" \
    -n "compare, 1M scores, table kept" "env XDG_CACHE_HOME=$CACHE $B $COMPARE"
  hyperfine -N -r 1 --style basic --prepare "rm -rf $COLD_CACHE" --export-json "$BENCH_DIR/hyperfine-round-$round-first.json" \
    -n "compare, 1M scores, first run (parses, keeps the table)" "env XDG_CACHE_HOME=$COLD_CACHE $B $COMPARE"
  uptime
done

# Peak memory: /usr/bin/time -v, three runs each, the highest kept.
echo "== peak memory"
RSS=$BENCH_DIR/rss.tsv
: > "$RSS"
peak() { # name, command...
  local name=$1; shift
  for _ in 1 2 3; do
    /usr/bin/time -v "$@" > /dev/null 2> "$BENCH_DIR/time-v.txt"
    printf '%s\t%s\n' "$name" "$(awk -F': ' '/Maximum resident set size/ {print $2}' "$BENCH_DIR/time-v.txt")" >> "$RSS"
  done
}
peak "gaps, 100k answers (ours)" $B benchmark gaps "$ANSWERS" --by band --output "$BENCH_DIR/gaps-ours.csv"
peak "gaps, 100k answers (DuckDB)" $DUCK gaps "$ANSWERS" --output "$BENCH_DIR/gaps-duckdb.csv"
peak "stats, 100k answers (ours)" $B benchmark stats "$ANSWERS" --by band --format csv --output "$BENCH_DIR/stats-ours.csv"
peak "stats, 100k answers (DuckDB)" $DUCK stats "$ANSWERS" --output "$BENCH_DIR/stats-duckdb.csv"
peak "compare, 1M scores, CSV parsed (--no-cache)" $B $COMPARE --no-cache
peak "compare, 1M scores, table kept" env XDG_CACHE_HOME="$CACHE" $B $COMPARE
rm -rf "$COLD_CACHE"
peak "compare, 1M scores, first run (parses, keeps the table)" env XDG_CACHE_HOME="$COLD_CACHE" $B $COMPARE

echo "== summary"
python3 Benchmarks/duckdb/summarize.py --rss "$RSS" "$BENCH_DIR"/hyperfine-round-*.json
