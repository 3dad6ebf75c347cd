#!/usr/bin/env python3
"""Makes statistics-fixture.json: value sets and their statistics computed with numpy (the
independent reference for the Swift statistics). Run once; the output is committed."""
import json
import numpy as np

rng = np.random.default_rng(20251115)
sets = {
    "seven": [12.5, 40.0, 40.0, 3.25, 99.0, 57.5, 40.0],
    "fifty-with-ties": [float(x) for x in rng.integers(0, 20, 50) * 5],
    "thousand-and-one": [float(x) for x in np.round(rng.beta(2, 5, 1001) * 100, 6)],
}
out = {}
for name, values in sets.items():
    a = np.array(values)
    probes = [float(a[0]), float(np.median(a)), 0.0, 100.0, 40.0]
    out[name] = {
        "values": values,
        "n": len(values),
        "mean": float(a.mean()),
        "sd": float(a.std(ddof=1)),
        "min": float(a.min()),
        "p10": float(np.percentile(a, 10)),
        "p25": float(np.percentile(a, 25)),
        "median": float(np.percentile(a, 50)),
        "p75": float(np.percentile(a, 75)),
        "p90": float(np.percentile(a, 90)),
        "max": float(a.max()),
        "ranks": [[p, float(100 * ((a < p).sum() + 0.5 * (a == p).sum()) / len(a))] for p in probes],
    }
json.dump(out, open("statistics-fixture.json", "w"), indent=1)
