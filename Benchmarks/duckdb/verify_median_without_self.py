#!/usr/bin/env python3
"""Check the `<column>_median` of a gaps CSV by brute force: for a random sample of authorities,
the median of the OTHER members of the group, computed with DuckDB's quantile_cont over the
group's scores without the authority (the scores are the file's own `<column>_score`), must
equal the file's median (to --tolerance). Authorities without a score of their own are compared
with the median of the whole group. Medians of fewer than --min-group values must be empty.

  python3 Benchmarks/duckdb/verify_median_without_self.py gaps.csv [--sample 500]
"""

import argparse
import sys

import duckdb


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gaps")
    ap.add_argument("--sample", type=int, default=500)
    ap.add_argument("--min-group", type=int, default=5)
    ap.add_argument("--tolerance", type=float, default=1e-9)
    ap.add_argument("--seed", type=float, default=0.42)
    args = ap.parse_args()

    con = duckdb.connect()
    con.execute("SET threads = 2")
    con.execute("CREATE TABLE g AS SELECT * FROM read_csv(?, header = true, all_varchar = true)", [args.gaps])
    columns = [r[0][: -len("_score")] for r in con.execute("DESCRIBE g").fetchall() if r[0].endswith("_score")]
    con.execute(f"SELECT setseed({args.seed})")
    con.execute(f"CREATE TABLE s AS SELECT * FROM g ORDER BY random() LIMIT {int(args.sample)}")
    total_bad = 0
    for c in columns:
        sc, md = f'"{c}_score"', f'"{c}_median"'
        bad, checked = con.execute(
            f"""
            WITH expected AS (
              SELECT s.authority_id,
                     count(TRY_CAST(o.{sc} AS DOUBLE)) AS n,
                     quantile_cont(TRY_CAST(o.{sc} AS DOUBLE), 0.5) AS median
              FROM s JOIN g o ON o."group" = s."group"
                AND (o.authority_id <> s.authority_id OR s.{sc} IS NULL)
              GROUP BY s.authority_id
            )
            SELECT count(*) FILTER (WHERE NOT (
                     (CASE WHEN e.n >= {args.min_group} THEN e.median END IS NULL AND s.{md} IS NULL)
                     OR abs(e.median - TRY_CAST(s.{md} AS DOUBLE)) <= {args.tolerance})),
                   count(*)
            FROM s JOIN expected e USING (authority_id)"""
        ).fetchone()
        print(f"  {c:20s} median of the others: {checked - bad} of {checked} sampled authorities agree")
        total_bad += bad
    return 1 if total_bad else 0


if __name__ == "__main__":
    sys.exit(main())
