#!/usr/bin/env python3
"""Compare two gaps CSVs (ours from `maturity benchmark gaps`, the other from peer_job.py gaps), or
two stats CSVs (`maturity benchmark stats --format csv` and peer_job.py stats).

For every authority (gaps) or cell (stats) and every numeric column, a value agrees when both
are empty or both are numbers within --tolerance (absolute, default 1e-9). Prints a summary
and the first disagreements; exit status 1 if anything disagrees.

  python3 Benchmarks/duckdb/check_agreement.py gaps  ours.csv duckdb.csv
  python3 Benchmarks/duckdb/check_agreement.py stats ours.csv duckdb.csv
"""

import argparse
import sys

import duckdb


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["gaps", "stats"])
    ap.add_argument("ours")
    ap.add_argument("theirs")
    ap.add_argument("--tolerance", type=float, default=1e-9)
    ap.add_argument("--show", type=int, default=10, help="how many disagreements to print")
    args = ap.parse_args()

    con = duckdb.connect()
    con.execute("SET threads = 2")
    for name, path in (("ours", args.ours), ("theirs", args.theirs)):
        con.execute(
            f"CREATE TABLE {name} AS SELECT * FROM read_csv(?, header = true, all_varchar = true)", [path]
        )
    cols = [r[0] for r in con.execute("DESCRIBE ours").fetchall()]
    if args.kind == "gaps":
        keys = ["authority_id"]
        labels = ["year", "group"]
    else:
        keys = ["group", "column"]
        labels = []
    numeric = [c for c in cols if c not in keys + labels]
    q = lambda c: '"' + c + '"'
    on = " AND ".join(f"o.{q(k)} = t.{q(k)}" for k in keys)

    n_ours = con.execute("SELECT count(*) FROM ours").fetchone()[0]
    n_theirs = con.execute("SELECT count(*) FROM theirs").fetchone()[0]
    n_both = con.execute(f"SELECT count(*) FROM ours o JOIN theirs t ON {on}").fetchone()[0]
    print(f"rows: ours {n_ours}, duckdb {n_theirs}, matched by {'/'.join(keys)}: {n_both}")
    bad = 0
    for c in labels:
        d = con.execute(f"SELECT count(*) FROM ours o JOIN theirs t ON {on} WHERE o.{q(c)} IS DISTINCT FROM t.{q(c)}").fetchone()[0]
        print(f"  {c}: {n_both - d} agree, {d} differ")
        bad += d

    def agree(c):
        a, b = f"TRY_CAST(o.{q(c)} AS DOUBLE)", f"TRY_CAST(t.{q(c)} AS DOUBLE)"
        return f"(({a} IS NULL AND {b} IS NULL) OR abs({a} - {b}) <= {args.tolerance})"

    all_agree = " AND ".join(agree(c) for c in numeric)
    rows_agree = con.execute(f"SELECT count(*) FROM ours o JOIN theirs t ON {on} WHERE {all_agree}").fetchone()[0]
    print(f"{'authorities' if args.kind == 'gaps' else 'cells'} agreeing in every column to {args.tolerance:g}: "
          f"{rows_agree} of {n_both}")
    for c in numeric:
        d, maxdiff, exact = con.execute(
            f"""SELECT count(*) FILTER (WHERE NOT {agree(c)}),
                       max(abs(TRY_CAST(o.{q(c)} AS DOUBLE) - TRY_CAST(t.{q(c)} AS DOUBLE))),
                       count(*) FILTER (WHERE o.{q(c)} IS NOT DISTINCT FROM t.{q(c)}
                                         OR TRY_CAST(o.{q(c)} AS DOUBLE) = TRY_CAST(t.{q(c)} AS DOUBLE))
                FROM ours o JOIN theirs t ON {on}"""
        ).fetchone()
        print(f"  {c:28s} disagree {d:7d}   max |diff| {maxdiff if maxdiff is not None else 0:.3g}   bit-identical {exact}")
        bad += d
        if d and args.show:
            for row in con.execute(
                f"SELECT {', '.join('o.' + q(k) for k in keys)}, o.{q(c)}, t.{q(c)} FROM ours o JOIN theirs t ON {on} "
                f"WHERE NOT {agree(c)} LIMIT {args.show}"
            ).fetchall():
                print("      ", row)
    bad += abs(n_ours - n_both) + abs(n_theirs - n_both)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
