#!/usr/bin/env python3
"""Turn hyperfine's JSON exports (one per interleaved round, times of the same command pooled) and a peak-memory table into the Markdown table of
docs/performance.md ("Peer benchmarks").

  python3 Benchmarks/duckdb/summarize.py --rss rss.tsv jobs.json compare.json

rss.tsv: one line per command name: NAME<TAB>kilobytes (from /usr/bin/time -v, "Maximum
resident set size"). Command names are hyperfine's `-n` names; a name `X (ours)` is paired
with `X (DuckDB)` for the ratio column.
"""

import argparse
import json
import statistics


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("json", nargs="+")
    ap.add_argument("--rss")
    args = ap.parse_args()

    rss = {}
    if args.rss:
        with open(args.rss) as f:
            for line in f:
                if line.strip():
                    name, kb = line.rstrip("\n").split("\t")
                    rss[name] = max(rss.get(name, 0), int(kb))

    # the same command in several exports (interleaved rounds): its times are pooled
    results = {}
    cpu = {}  # name -> user + system seconds per run
    paired = {}  # name -> ratios ours/DuckDB within each export (round)
    for path in args.json:
        with open(path) as f:
            rnd = {r["command"]: r["times"] for r in json.load(f)["results"]}
            f.seek(0)
            for r in json.load(f)["results"]:
                # hyperfine exports the mean user and system time of the export's runs
                cpu.setdefault(r["command"], []).append(r["user"] + r["system"])
        for name, times in rnd.items():
            results.setdefault(name, []).extend(times)
            other = name[: -len("(ours)")] + "(DuckDB)" if name.endswith("(ours)") else None
            if other in rnd:
                paired.setdefault(name, []).append(statistics.median(times) / statistics.median(rnd[other]))
    median = {name: statistics.median(times) for name, times in results.items()}

    print("| job | wall, median | wall, min – max | runs | ours / DuckDB: medians | per round (median, range) | fastest runs | CPU (user + sys), median | ours / DuckDB: CPU | peak RSS |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, times in results.items():
        ratio = pair = fastest = cpu_ratio = ""
        if name.endswith("(ours)"):
            other = name[: -len("(ours)")] + "(DuckDB)"
            if other in median:
                ratio = f"**{median[name] / median[other]:.2f}**"
                fastest = f"{min(times) / min(results[other]):.2f}"
                cpu_ratio = f"{statistics.median(cpu[name]) / statistics.median(cpu[other]):.2f}"
            if name in paired:
                r = paired[name]
                pair = f"{statistics.median(r):.2f} ({min(r):.2f} – {max(r):.2f})"
        mem = f"{rss[name] / 1024:.0f} MiB" if name in rss else "—"
        print(
            f"| {name} | {statistics.median(times):.2f} s | {min(times):.2f} – {max(times):.2f} s | "
            f"{len(times)} | {ratio} | {pair} | {fastest} | {statistics.median(cpu[name]):.2f} s | {cpu_ratio} | {mem} |"
        )


if __name__ == "__main__":
    main()
