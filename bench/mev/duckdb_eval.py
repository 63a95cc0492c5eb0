#!/usr/bin/env python3
"""Runs bench/mev/duckdb_eval.sql: the per-municipality table of a market
survey evaluation, computed by DuckDB from the addresses and responses CSV.

    python duckdb_eval.py --addresses A.csv --responses R.csv \
        --rule-set crates/dias-mev/rules/gigabit-2.0.json \
        --survey-start 2026-01-15 [--horizon-years 3] --out municipalities.csv \
        [--threads N] [--memory-limit 1.5GB]

The rule set is read from the same JSON file the engine embeds, so both
sides use the same thresholds. Prints one line of JSON: DuckDB version,
threads, seconds for connect and for the query (CSV read to CSV written).
"""

import argparse
import datetime
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def quote(path: str) -> str:
    return "'" + os.path.abspath(path).replace("'", "''") + "'"


def condition(rule: dict) -> str:
    alternatives = []
    for c in rule["supplied_when"]:
        down, up = float(c["down_min"]), float(c.get("up_min", 0))
        alternatives.append(f"(down >= {down!r} AND up >= {up!r})")
    if not alternatives:
        sys.exit("rule set has no condition")
    return " OR ".join(alternatives)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--addresses", required=True)
    p.add_argument("--responses", required=True)
    p.add_argument("--rule-set", required=True, help="rule set JSON (crates/dias-mev/rules/*.json)")
    p.add_argument("--survey-start", required=True, type=datetime.date.fromisoformat)
    p.add_argument("--horizon-years", type=int, default=3)
    p.add_argument("--out", required=True)
    p.add_argument("--threads", type=int, default=0, help="DuckDB threads (0: DuckDB's default, all cores)")
    p.add_argument("--sql", default=os.path.join(HERE, "duckdb_eval.sql"),
                   help="query template (default duckdb_eval.sql; duckdb_bare.sql: no row validation)")
    p.add_argument("--memory-limit", default="", help="DuckDB memory_limit, e.g. 1.5GB (default: DuckDB's)")
    args = p.parse_args()
    if not 0 <= args.horizon_years <= 10:
        sys.exit("--horizon-years must be between 0 and 10")

    with open(args.rule_set, encoding="utf-8") as f:
        rule = json.load(f)
    sql = open(args.sql, encoding="utf-8").read()
    for key, value in {
        "addresses": quote(args.addresses),
        "responses": quote(args.responses),
        "out": quote(args.out),
        "survey_start": f"DATE '{args.survey_start.isoformat()}'",
        "horizon_years": str(args.horizon_years),
        "supplied": condition(rule),
        "socio_rule": "true" if rule.get("socio_economic_eligible_unless_supplied") else "false",
    }.items():
        sql = sql.replace("{{" + key + "}}", value)
    if "{{" in sql:
        sys.exit(f"{args.sql} has a placeholder that is not filled")

    t0 = time.perf_counter()
    import duckdb  # noqa: E402  (timed: part of the run)

    con = duckdb.connect()
    if args.threads:
        con.execute(f"SET threads = {int(args.threads)}")
    if args.memory_limit:
        con.execute("SET memory_limit = ?", [args.memory_limit])
    t1 = time.perf_counter()
    con.execute(sql)
    t2 = time.perf_counter()
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    print(json.dumps({
        "duckdb": duckdb.__version__,
        "threads": threads,
        "rule_set": rule.get("id"),
        "connect_s": round(t1 - t0, 3),
        "query_s": round(t2 - t1, 3),
    }))


if __name__ == "__main__":
    main()
