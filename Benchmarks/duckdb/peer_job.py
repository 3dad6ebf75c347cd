#!/usr/bin/env python3
"""The peer-benchmark job of `maturity benchmark gaps` / `maturity benchmark stats`, in DuckDB SQL.

The yardstick of issue 5, section 6: read an *answers* peer CSV (authority_id, country,
population, type, year, question_id, answer), score every authority-year with the questionnaire
in SQL, keep each authority's newest year, and per population band and dimension (and overall)
either

  gaps   write every authority's score, the median of the OTHER members of its band and the gap
         (median - score), the columns of `maturity benchmark gaps` (medians of fewer than
         --min-group other members left empty), or
  stats  write n, mean, sd, min, P10, P25, median, P75, P90, max per band and column, the
         columns of `maturity benchmark stats --format csv` (cells of fewer than k values
         withheld, min/max only from 2k).

Everything the SQL needs about the questionnaire comes from its YAML: a `questions` table
(question id, dimension, weight, type, scored, na policy, whether it has skip logic), an
`answer_credit` table (question, answer as written -> credit, or excluded for `na: exclude`:
options of scale/single, yes/no and their YAML-boolean spellings, every combination of a multi
question's options in questionnaire order, `na` and `unknown` where allowed), an `option_credit`
table and a `band_credit` table (question, [min, max) -> credit) for answers spelled otherwise
(case, spaces, multi options in another order, numbers, decimal commas), and a `dimensions`
table. The `relevant:` expressions are parsed here and translated into SQL over each
authority's answers, so skip logic and the coverage denominator are evaluated per authority
exactly as the engine does (see docs/performance.md, "Peer benchmarks", for what differs:
validation, mainly).

Usage (from the repository root):
  python3 Benchmarks/duckdb/peer_job.py gaps  FILE.csv --output gaps-duckdb.csv
  python3 Benchmarks/duckdb/peer_job.py stats FILE.csv --output stats-duckdb.csv
  python3 Benchmarks/duckdb/peer_job.py gaps  FILE.csv --print-sql      # show the SQL only
"""

import argparse
import re
import sys

import duckdb
import yaml

DEFAULT_QUESTIONNAIRE = "Questionnaires/ai-data-readiness/questionnaire.yaml"
DEFAULT_BANDS = [5000, 20000, 50000, 100000, 250000, 1000000]


# ─── The questionnaire ────────────────────────────────────────────────────────────────────────


def load_questionnaire(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    dimensions = []
    questions = []
    for didx, dim in enumerate(doc["dimensions"]):
        dimensions.append({"id": dim["id"], "idx": didx, "weight": float(dim.get("weight", 1))})
        qs = dim.get("questions") or [q for s in dim.get("sections", []) for q in s["questions"]]
        for q in qs:
            scored = q.get("scored", True) is not False and q["type"] != "text"
            questions.append(
                {
                    "id": q["id"],
                    "idx": len(questions),
                    "type": q["type"],
                    "dim": didx,
                    "weight": float(q.get("weight", 1)),
                    "scored": scored,
                    "na": q.get("na"),
                    "allowUnknown": bool(q.get("allowUnknown", False)),
                    "relevant": q.get("relevant"),
                    "options": [(o["id"], float(o["credit"])) for o in q.get("options", [])],
                    "bands": [
                        (b.get("min"), b.get("max"), float(b["credit"])) for b in q.get("bands", [])
                    ],
                }
            )
    return {
        "id": doc["id"],
        "version": str(doc["version"]),
        "aggregation": doc.get("aggregation", "mean"),
        "coverageFloor": float(doc.get("coverageFloor", 0.5)),
        "bands": [float(b) for b in doc.get("populationBands", DEFAULT_BANDS)],
        "dimensions": dimensions,
        "questions": questions,
    }


def band_labels(bounds):
    def short(v):
        if v >= 1_000_000 and v % 1_000_000 == 0:
            return f"{int(v // 1_000_000)}M"
        if v >= 1000 and v % 1000 == 0:
            return f"{int(v // 1000)}k"
        return f"{v:g}"

    labels = ["<" + short(bounds[0])]
    labels += [short(bounds[i - 1]) + "\u2013" + short(bounds[i]) for i in range(1, len(bounds))]
    labels.append(">" + short(bounds[-1]))
    return labels


def sql_str(text):
    return "'" + str(text).replace("'", "''") + "'"


def sql_num(x):
    return repr(float(x))


def ident(text):
    return '"' + text.replace('"', '""') + '"'


def special_questions(qn):
    """Questions kept apart from their dimension's plain sums: scored questions with skip logic
    (whether they count is decided per authority, from the answers their expression reads)."""
    return [q for q in qn["questions"] if q["scored"] and q["relevant"]]


def slot_of(q, special_ids):
    """Aggregation slot of a question's rows: its own index when special, else 100 + its
    dimension (scored questions), else none (context questions)."""
    if q["id"] in special_ids:
        return q["idx"]
    return 100 + q["dim"] if q["scored"] else None


MULTI_SUBSETS_UP_TO = 10  # options; beyond that multi answers go through the general path only


def load_tables(con, qn, rel):
    """The questionnaire as tables: dimensions, questions, answer_credit, band_credit."""
    special_ids = {q["id"] for q in special_questions(qn)}
    con.execute("CREATE TEMP TABLE dimensions(dimension VARCHAR, didx INTEGER, weight DOUBLE)")
    con.executemany(
        "INSERT INTO dimensions VALUES (?, ?, ?)", [(d["id"], d["idx"], d["weight"]) for d in qn["dimensions"]]
    )
    con.execute(
        """CREATE TEMP TABLE questions(question_id VARCHAR, qidx INTEGER, didx INTEGER, weight DOUBLE,
             type VARCHAR, scored BOOLEAN, na VARCHAR, conditional BOOLEAN, slot INTEGER, keep BOOLEAN)"""
    )
    # keep: rows the job reads (scored questions, and questions a `relevant:` expression reads)
    con.executemany(
        "INSERT INTO questions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (q["id"], q["idx"], q["dim"], q["weight"], q["type"], q["scored"], q["na"] or "",
             q["relevant"] is not None, slot_of(q, special_ids), q["scored"] or q["id"] in rel.referents)
            for q in qn["questions"]
        ],
    )
    # answer_credit: every answer spelled exactly as written by `benchmark build` and the
    # generator -> (credit, excluded). Other spellings (case, spaces, multi options in another
    # order, numbers) take the general path in the SQL.
    rows = []
    for q in qn["questions"]:
        opts = q["options"]
        if q["type"] in ("scale", "single"):
            rows += [(q["id"], o, c, False) for o, c in opts]
        elif q["type"] == "yesno":
            d = dict(opts)
            yes, no = d.get("yes", 1.0), d.get("no", 0.0)
            rows += [(q["id"], w, yes, False) for w in ("yes", "true", "on")]
            rows += [(q["id"], w, no, False) for w in ("no", "false", "off")]
        elif q["type"] == "multi":
            if len(opts) <= MULTI_SUBSETS_UP_TO:
                for mask in range(1, 1 << len(opts)):
                    ticked = [opts[i] for i in range(len(opts)) if mask >> i & 1]
                    rows.append((q["id"], "|".join(o for o, _ in ticked), min(1.0, sum(c for _, c in ticked)), False))
            else:
                rows += [(q["id"], o, min(1.0, c), False) for o, c in opts]
        if q["na"] in ("full", "zero", "exclude"):
            rows.append((q["id"], "na", {"full": 1.0, "zero": 0.0, "exclude": None}[q["na"]], q["na"] == "exclude"))
        if q.get("allowUnknown"):
            rows.append((q["id"], "unknown", 0.0, False))
    con.execute(
        "CREATE TEMP TABLE answer_credit(question_id VARCHAR, answer VARCHAR, credit DOUBLE, excluded BOOLEAN)"
    )
    con.executemany("INSERT INTO answer_credit VALUES (?, ?, ?, ?)", rows)
    # option_credit: one option -> its credit (for the general path)
    con.execute("CREATE TEMP TABLE option_credit(question_id VARCHAR, option_id VARCHAR, credit DOUBLE)")
    con.executemany(
        "INSERT INTO option_credit VALUES (?, ?, ?)",
        [(q["id"], o, c) for q in qn["questions"] if q["type"] in ("scale", "single", "multi") for o, c in q["options"]]
        + [(q["id"], w, dict(q["options"]).get(v, 1.0 if v == "yes" else 0.0))
           for q in qn["questions"] if q["type"] == "yesno"
           for w, v in (("yes", "yes"), ("true", "yes"), ("on", "yes"), ("no", "no"), ("false", "no"), ("off", "no"))],
    )
    con.execute(
        "CREATE TEMP TABLE band_credit(question_id VARCHAR, position INTEGER, lo DOUBLE, hi DOUBLE, credit DOUBLE)"
    )
    con.executemany(
        "INSERT INTO band_credit VALUES (?, ?, ?, ?, ?)",
        [
            (q["id"], i, None if lo is None else float(lo), None if hi is None else float(hi), c)
            for q in qn["questions"]
            for i, (lo, hi, c) in enumerate(q["bands"])
        ],
    )


def band_case(con, value):
    """The credit of a number: a CASE generated from band_credit (first band [lo, hi) that holds
    it, else 0), dispatched on the question."""
    by_q = {}
    for qid, _, lo, hi, credit in con.execute("SELECT * FROM band_credit ORDER BY question_id, position").fetchall():
        cond = " AND ".join(
            ([f"{value} >= {sql_num(lo)}"] if lo is not None else []) + ([f"{value} < {sql_num(hi)}"] if hi is not None else [])
        ) or "true"
        by_q.setdefault(qid, []).append(f"WHEN {cond} THEN {sql_num(credit)}")
    if not by_q:
        return "0.0"
    return "CASE q.question_id " + " ".join(
        f"WHEN {sql_str(qid)} THEN (CASE {' '.join(whens)} ELSE 0.0 END)" for qid, whens in by_q.items()
    ) + " ELSE 0.0 END"


# ─── Skip logic: `relevant:` expressions into SQL ──────────────────────────────────────────────

TOKEN = re.compile(
    r"\s*(?:(?P<num>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?P<str>'[^']*'|\"[^\"]*\")"
    r"|(?P<op>==|!=|<=|>=|<|>|\(|\)|\[|\]|,)|(?P<word>[A-Za-z_][A-Za-z0-9_.\-]*))"
)


def tokenize(source):
    pos, out = 0, []
    source = source.strip()
    while pos < len(source):
        m = TOKEN.match(source, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot parse relevant expression {source!r} at {pos + 1}")
        pos = m.end()
        kind = m.lastgroup
        text = m.group(kind)
        if kind == "str":
            out.append(("lit", text[1:-1]))
        elif kind == "num":
            out.append(("lit", float(text)))
        elif kind == "word" and text in ("and", "or", "not", "in", "selected", "answered"):
            out.append((text, text))
        else:
            out.append((kind, text))
    return out


class Parser:
    """expression := term ('or' term)*; term := factor ('and' factor)*; factor := 'not' factor |
    '(' expression ')' | test.  Produces a small AST of tuples."""

    def __init__(self, source):
        self.tokens = tokenize(source)
        self.i = 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None)

    def take(self, kind=None, text=None):
        tok = self.peek()
        if (kind and tok[0] != kind) or (text and tok[1] != text):
            raise ValueError(f"expected {kind or text}, got {tok}")
        self.i += 1
        return tok

    def parse(self):
        node = self.expression()
        if self.i != len(self.tokens):
            raise ValueError("trailing tokens")
        return node

    def expression(self):
        node = self.term()
        while self.peek()[0] == "or":
            self.take()
            node = ("or", node, self.term())
        return node

    def term(self):
        node = self.factor()
        while self.peek()[0] == "and":
            self.take()
            node = ("and", node, self.factor())
        return node

    def factor(self):
        kind, text = self.peek()
        if kind == "not":
            self.take()
            return ("not", self.factor())
        if kind == "op" and text == "(":
            self.take()
            node = self.expression()
            self.take("op", ")")
            return node
        if kind in ("selected", "answered"):
            self.take()
            self.take("op", "(")
            q = self.take("word")[1]
            if kind == "answered":
                self.take("op", ")")
                return ("answered", q)
            self.take("op", ",")
            option = self.take("lit")[1]
            self.take("op", ")")
            return ("selected", q, option)
        q = self.take("word")[1]
        kind, text = self.peek()
        if kind == "in":
            self.take()
            self.take("op", "[")
            lits = [self.take("lit")[1]]
            while self.peek() == ("op", ","):
                self.take()
                lits.append(self.take("lit")[1])
            self.take("op", "]")
            return ("in", q, lits)
        op = self.take("op")[1]
        return ("cmp", q, op, self.take("lit")[1])


def referenced(node):
    if node[0] in ("and", "or"):
        return referenced(node[1]) | referenced(node[2])
    if node[0] == "not":
        return referenced(node[1])
    return {node[1]}


class Relevance:
    """SQL for each conditional question's relevance, over the per-authority columns `raw_<q>`
    (the trimmed answer of each referenced question). As in the engine, a test on a question that
    has no usable answer (missing, na, unknown, or not relevant itself) is false."""

    def __init__(self, qn):
        self.by_id = {q["id"]: q for q in qn["questions"]}
        self.ast = {q["id"]: Parser(q["relevant"]).parse() for q in qn["questions"] if q["relevant"]}
        refs = set()
        for node in self.ast.values():
            refs |= referenced(node)
        # the referents of referents too (their own relevance needs their answers)
        todo = list(refs)
        while todo:
            r = todo.pop()
            if r in self.ast:
                for s in referenced(self.ast[r]) - refs:
                    refs.add(s)
                    todo.append(s)
        self.referents = sorted(refs, key=lambda q: self.by_id[q]["idx"])
        self.cache = {}

    @staticmethod
    def column(q):
        return ident("raw_" + q)

    def effective(self, q):
        """The answer of q when q is relevant, else NULL."""
        raw = self.column(q)
        if q not in self.ast:
            return raw
        return f"(CASE WHEN {self.sql(q)} THEN {raw} END)"

    def value(self, q):
        """The effective answer when it is a value (not na/unknown), else NULL."""
        e = self.effective(q)
        return f"(CASE WHEN lower({e}) NOT IN ('na', 'unknown') THEN {e} END)"

    def test(self, node):
        kind = node[0]
        if kind == "and":
            return f"({self.test(node[1])} AND {self.test(node[2])})"
        if kind == "or":
            return f"({self.test(node[1])} OR {self.test(node[2])})"
        if kind == "not":
            return f"(NOT {self.test(node[1])})"
        q = self.by_id[node[1]]
        v = self.value(node[1])
        if kind == "answered":
            return f"({v} IS NOT NULL)"
        if kind == "selected":
            if q["type"] == "multi":
                expr = f"list_contains(list_transform(string_split({v}, '|'), lambda x: trim(x)), {sql_str(node[2])})"
            else:
                expr = f"{v} = {sql_str(node[2])}"
            return f"coalesce({expr}, false)"
        if kind == "in":
            return "(" + " OR ".join(self.test(("cmp", node[1], "==", lit)) for lit in node[2]) + ")"
        _, _, op, lit = node
        sqlop = {"==": "=", "!=": "<>"}.get(op, op)
        if q["type"] in ("number", "percent"):
            if not isinstance(lit, float):
                return "false"
            expr = f"TRY_CAST(replace({v}, ',', '.') AS DOUBLE) {sqlop} {sql_num(lit)}"
        elif op not in ("==", "!="):
            return "false"
        elif q["type"] in ("scale", "single"):
            if lit not in [o for o, _ in q["options"]]:
                return "false"
            expr = f"{v} {sqlop} {sql_str(lit)}"
        elif q["type"] == "yesno":
            norm = (f"(CASE WHEN lower({v}) IN ('yes','true','on') THEN 'yes' "
                    f"WHEN lower({v}) IN ('no','false','off') THEN 'no' END)")
            expr = f"{norm} {sqlop} {sql_str(lit)}"
        elif q["type"] == "text":
            expr = f"{v} {sqlop} {sql_str(lit)}"
        else:  # a comparison with a multi answer never holds
            return "false"
        return f"coalesce({expr}, false)"

    def sql(self, q):
        if q not in self.cache:
            self.cache[q] = self.test(self.ast[q])
        return self.cache[q]


# ─── The job ─────────────────────────────────────────────────────────────────────────────────


def scores_sql(con, qn, rel, path):
    """A query with one row per authority (its newest year): authority_id, year, band, then one
    score column per dimension and `overall` (NULL = insufficient data)."""
    dims = qn["dimensions"]
    special = special_questions(qn)
    low = "lower(trim(r.answer))"
    number = "TRY_CAST(replace(trim(r.answer), ',', '.') AS DOUBLE)"
    # option -> credit as a constant MAP literal read from option_credit (a constant costs
    # nothing per row; joined in as a column it would be copied into every row)
    entries = con.execute("SELECT question_id || chr(31) || option_id, credit FROM option_credit").fetchall()
    credit_map = "MAP {" + ", ".join(f"{sql_str(k)}: {sql_num(v)}" for k, v in entries) + "}"
    lookup = "(" + credit_map + ")[q.question_id || chr(31) || @KEY@]"
    general = f"""CASE WHEN {low} = 'na' THEN (CASE q.na WHEN 'full' THEN 1.0 WHEN 'zero' THEN 0.0 END)
                  WHEN {low} = 'unknown' THEN 0.0
                  WHEN q.type IN ('number', 'percent') THEN {band_case(con, number)}
                  WHEN q.type = 'yesno' THEN {lookup.replace('@KEY@', low)}
                  WHEN q.type = 'multi' THEN least(1, coalesce(list_sum(list_transform(
                         list_filter(string_split(r.answer, '|'), lambda x: trim(x) <> ''),
                         lambda x: {lookup.replace('@KEY@', 'trim(x)')})), 0.0))
                  ELSE {lookup.replace('@KEY@', 'trim(r.answer)')} END"""

    per_answer = f"""
raw AS (
  SELECT authority_id, year, population, question_id, answer
  FROM read_csv({sql_str(path)}, header = true, delim = ',', quote = '"', escape = '"',
    columns = {{'authority_id': 'VARCHAR', 'country': 'VARCHAR', 'population': 'BIGINT',
               'type': 'VARCHAR', 'year': 'INTEGER', 'question_id': 'VARCHAR', 'answer': 'VARCHAR'}})
),
c AS (
  SELECT authority_id, year, population, qidx, slot, answer,
         CASE WHEN excluded THEN NULL ELSE weight * credit END AS pts,
         CASE WHEN excluded THEN NULL ELSE weight END AS mx,
         excluded
  FROM (
    SELECT r.authority_id, r.year, r.population, q.qidx, q.slot, q.weight, r.answer,
           CASE WHEN ac.question_id IS NOT NULL THEN ac.excluded
                ELSE ({low} = 'na' AND q.na = 'exclude') END AS excluded,
           CASE WHEN ac.question_id IS NOT NULL THEN ac.credit
                WHEN q.type IN ('number', 'percent') AND TRY_CAST(r.answer AS DOUBLE) IS NOT NULL
                  THEN {band_case(con, 'TRY_CAST(r.answer AS DOUBLE)')}
                ELSE {general} END AS credit
    FROM raw r
    JOIN questions q ON q.question_id = r.question_id AND q.keep
    LEFT JOIN answer_credit ac ON ac.question_id = r.question_id AND ac.answer = r.answer
  )
)"""

    aggs = ["any_value(population) AS population"]
    # (an `excluded` count only where the questionnaire has a question with `na: exclude`)
    for d in dims:
        i, sl = d["idx"], 100 + d["idx"]
        can_exclude = any(q["na"] == "exclude" and q["dim"] == i and q not in special for q in qn["questions"])
        aggs += [
            f"sum(CASE WHEN slot = {sl} THEN pts END) AS up{i}",
            f"sum(CASE WHEN slot = {sl} THEN mx END) AS um{i}",
            f"count(CASE WHEN slot = {sl} THEN mx END) AS ua{i}",
            f"count(CASE WHEN slot = {sl} AND excluded THEN 1 END) AS ux{i}" if can_exclude else f"0 AS ux{i}",
        ]
    # a question with skip logic: its points (NULL: not answered, or excluded as not applicable;
    # a duplicate answer is refused by our reader, not checked here)
    for q in special:
        n = q["idx"]
        aggs.append(f"sum(CASE WHEN slot = {n} THEN pts END) AS cp{n}")
        if q["na"] == "exclude":
            aggs.append(f"count(CASE WHEN slot = {n} AND excluded THEN 1 END) AS cx{n}")
    # the answers that skip logic reads
    for r in rel.referents:
        n = rel.by_id[r]["idx"]
        aggs.append(f"trim(any_value(CASE WHEN qidx = {n} THEN answer END)) AS {rel.column(r)}")
    per = "per AS (\n  SELECT authority_id, year,\n    " + ",\n    ".join(aggs) + "\n  FROM c GROUP BY authority_id, year\n)"

    # relevance of each special scored question with skip logic, per authority-year
    relcols = [f"{rel.sql(q['id'])} AS rel{q['idx']}" for q in special]
    relevant = "r AS (\n  SELECT per.*" + "".join(",\n    " + x for x in relcols) + "\n  FROM per\n)"

    def is_rel(q):
        return f"rel{q['idx']}"

    def not_excluded(q):
        return f" AND cx{q['idx']} = 0" if q["na"] == "exclude" else ""

    dim_exprs = []
    for d in dims:
        i = d["idx"]
        plain = sum(1 for q in qn["questions"] if q["scored"] and q["dim"] == i and q not in special)
        sq = [q for q in special if q["dim"] == i]
        pts = f"coalesce(up{i}, 0)" + "".join(f" + CASE WHEN {is_rel(q)} THEN coalesce(cp{q['idx']}, 0) ELSE 0 END" for q in sq)
        mx = f"coalesce(um{i}, 0)" + "".join(
            f" + CASE WHEN {is_rel(q)} AND cp{q['idx']} IS NOT NULL THEN {sql_num(q['weight'])} ELSE 0 END" for q in sq)
        app = f"({plain} - ux{i}" + "".join(f" + CASE WHEN {is_rel(q)}{not_excluded(q)} THEN 1 ELSE 0 END" for q in sq) + ")"
        ans = f"(ua{i}" + "".join(f" + CASE WHEN {is_rel(q)} AND cp{q['idx']} IS NOT NULL THEN 1 ELSE 0 END" for q in sq) + ")"
        dim_exprs.append(
            f"CASE WHEN ({mx}) > 0 AND {app} > 0 AND {ans}::DOUBLE / {app} >= {sql_num(qn['coverageFloor'])}\n"
            f"      THEN 100 * ({pts}) / ({mx}) END AS {ident(d['id'])}"
        )
    if qn["aggregation"] == "mean":
        num = " + ".join(f"coalesce({sql_num(d['weight'])} * {ident(d['id'])}, 0)" for d in dims)
        den = " + ".join(f"CASE WHEN {ident(d['id'])} IS NULL THEN 0 ELSE {sql_num(d['weight'])} END" for d in dims)
        overall = f"CASE WHEN ({den}) > 0 THEN ({num}) / ({den}) END AS overall"
    else:
        raise SystemExit("aggregation: points is not implemented in this benchmark script")

    labels = band_labels(qn["bands"])
    band = "CASE WHEN population IS NULL THEN NULL " + " ".join(
        f"WHEN population < {sql_num(b)} THEN {sql_str(labels[i])}" for i, b in enumerate(qn["bands"])
    ) + f" ELSE {sql_str(labels[-1])} END"

    scored = f"""s AS (
  SELECT authority_id, year, population,
    {(','+chr(10)+'    ').join(dim_exprs)}
  FROM r
  QUALIFY row_number() OVER (PARTITION BY authority_id ORDER BY year DESC) = 1
),
sc AS (
  SELECT authority_id, year, {band} AS band, {', '.join(ident(d['id']) for d in dims)},
    {overall}
  FROM s
  WHERE population IS NOT NULL  -- as ours: an authority without a population has no band
)"""
    return "WITH " + per_answer.strip() + ",\n" + per + ",\n" + relevant + ",\n" + scored, [d["id"] for d in dims] + ["overall"], labels


def gaps_sql(con, qn, rel, path, output, min_group):
    head, columns, _ = scores_sql(con, qn, rel, path)
    unpivot = " UNION ALL ".join(
        f"SELECT authority_id, year, band, {i} AS col, {ident(c)} AS score FROM sc" for i, c in enumerate(columns)
    )
    k = int(min_group)
    # The median of the other members: with n values sorted s[0..n-1] and the authority's own at
    # rank k (any of its tied ranks gives the same), the list without it has m = n - 1 values and
    # its median interpolates between positions L = floor((m - 1) / 2) and U = min(L + 1, m - 1),
    # which are s[L] or s[L + 1] (and s[L + 1] or s[L + 2]) depending on whether they fall before k.
    body = f""",
long AS ({unpivot}),
ranked AS (
  SELECT *, count(score) OVER (PARTITION BY band, col) AS n,
         row_number() OVER (PARTITION BY band, col ORDER BY score ASC NULLS LAST) - 1 AS k
  FROM long
),
g AS (
  SELECT band, col,
         max(score) FILTER (WHERE k = (n - 2) // 2) AS s0,
         max(score) FILTER (WHERE k = (n - 2) // 2 + 1) AS s1,
         max(score) FILTER (WHERE k = (n - 2) // 2 + 2) AS s2,
         quantile_cont(score, 0.5) AS median_all
  FROM ranked GROUP BY band, col
),
med AS (
  SELECT ranked.authority_id, ranked.year, ranked.band, ranked.col, ranked.score,
    CASE
      WHEN ranked.score IS NULL THEN (CASE WHEN n >= {k} THEN median_all END)
      WHEN n - 1 < {k} THEN NULL
      ELSE el + ((n - 2) * 0.5 - (n - 2) // 2) * (eu - el)
    END AS median
  FROM ranked JOIN g USING (band, col),
  LATERAL (SELECT CASE WHEN (n - 2) // 2 < ranked.k THEN s0 ELSE s1 END AS el,
                  CASE WHEN least((n - 2) // 2 + 1, n - 2) = (n - 2) // 2
                       THEN (CASE WHEN (n - 2) // 2 < ranked.k THEN s0 ELSE s1 END)
                       WHEN (n - 2) // 2 + 1 < ranked.k THEN s1 ELSE s2 END AS eu)
)
"""
    select = ["authority_id", "year", 'band AS "group"']
    for i, c in enumerate(columns):
        select += [
            f"any_value(CASE WHEN col = {i} THEN score END) AS {ident(c + '_score')}",
            f"any_value(CASE WHEN col = {i} THEN median END) AS {ident(c + '_median')}",
            f"any_value(CASE WHEN col = {i} THEN median - score END) AS {ident(c + '_gap')}",
        ]
    query = head + body + "SELECT " + ",\n  ".join(select) + "\nFROM med GROUP BY authority_id, year, band"
    return f"COPY (\n{query}\n) TO {sql_str(output)} (HEADER, DELIMITER ',')"


def stats_sql(con, qn, rel, path, output, min_group):
    head, columns, labels = scores_sql(con, qn, rel, path)
    k = int(min_group)
    unpivot = " UNION ALL ".join(
        f"SELECT band, {i} AS col, {sql_str(c)} AS name, {ident(c)} AS score FROM sc" for i, c in enumerate(columns)
    )
    order = "CASE band " + " ".join(f"WHEN {sql_str(l)} THEN {i}" for i, l in enumerate(labels)) + " END"
    body = f""",
long AS ({unpivot}),
cells AS (
  SELECT band, col, any_value(name) AS name, count(score) AS n, avg(score) AS mean, stddev_samp(score) AS sd,
         min(score) AS lo, max(score) AS hi,
         quantile_cont(score, [0.1, 0.25, 0.5, 0.75, 0.9]) AS q
  FROM long GROUP BY band, col
)
SELECT band AS "group", name AS "column", n,
  CASE WHEN n >= {k} THEN mean END AS mean, CASE WHEN n >= {k} THEN sd END AS sd,
  CASE WHEN n >= {2 * k} THEN lo END AS min,
  CASE WHEN n >= {k} THEN q[1] END AS p10, CASE WHEN n >= {k} THEN q[2] END AS p25,
  CASE WHEN n >= {k} THEN q[3] END AS median, CASE WHEN n >= {k} THEN q[4] END AS p75,
  CASE WHEN n >= {k} THEN q[5] END AS p90, CASE WHEN n >= {2 * k} THEN hi END AS max
FROM cells ORDER BY {order}, col
"""
    return f"COPY (\n{head}{body}) TO {sql_str(output)} (HEADER, DELIMITER ',')"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("job", choices=["gaps", "stats"])
    ap.add_argument("file", help="answers-shape peer CSV")
    ap.add_argument("--output", "-o", default="/dev/stdout")
    ap.add_argument("--questionnaire", default=DEFAULT_QUESTIONNAIRE)
    ap.add_argument("--min-group", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--memory-limit", default=None, help="DuckDB memory_limit, e.g. 1GB (default: DuckDB's)")
    ap.add_argument("--print-sql", action="store_true", help="print the SQL and exit")
    ap.add_argument("--profile", metavar="FILE", help="write DuckDB's query profile (operator timings) to FILE")
    args = ap.parse_args()

    qn = load_questionnaire(args.questionnaire)
    rel = Relevance(qn)
    con = duckdb.connect(":memory:")
    con.execute(f"SET threads = {int(args.threads)}")
    if args.memory_limit:
        con.execute(f"SET memory_limit = {sql_str(args.memory_limit)}")
    load_tables(con, qn, rel)
    make = gaps_sql if args.job == "gaps" else stats_sql
    sql = make(con, qn, rel, args.file, args.output, args.min_group)
    if args.print_sql:
        print(sql)
        return
    if args.profile:
        con.execute("PRAGMA enable_profiling = 'json'")
        con.execute(f"PRAGMA profiling_output = {sql_str(args.profile)}")
    con.execute(sql)


if __name__ == "__main__":
    sys.exit(main())
