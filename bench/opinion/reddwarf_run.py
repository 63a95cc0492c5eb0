#!/usr/bin/env python3
"""Runs red-dwarf's Polis pipeline on a votes CSV, for bench/opinion.sh.

    python3 reddwarf_run.py --votes VOTES.csv --out LABELS.json [--seed 42]

Reads `participant,statement,vote` with pandas and turns it into the list of vote dicts
(`participant_id`, `statement_id`, `vote`) that red-dwarf takes (not timed), then times
`reddwarf.implementations.polis.run_pipeline(votes=…)` alone: red-dwarf's "essentially
feature-complete implementation of the Polis clustering algorithm" — vote matrix, mean
imputation, PCA (scikit-learn) with Polis' sparsity-aware scaling, statement projections,
k-means for k = 2…5 chosen by silhouette (on participants: red-dwarf has no base clusters and no
k-smoothing), comment statistics, representative statements, consensus, group-aware consensus
and routing priorities. That is the same work `dias opinion analyze` reports in
`timings_ms.total`.

Writes LABELS.json: {"k", "labels": {participant: group}, "analysis_s", "prep_s", "load_s",
"version"} and prints the same summary (without labels) as one JSON line on stdout.
"""
import argparse
import json
import sys
import time
from importlib.metadata import version


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--votes", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=42, help="random_state for PCA/k-means (determinism)")
    a = ap.parse_args()

    import pandas as pd
    from reddwarf.implementations.polis import run_pipeline

    t = time.perf_counter()
    df = pd.read_csv(a.votes, dtype={"participant": str, "statement": str, "vote": "int8"})
    load_s = time.perf_counter() - t

    t = time.perf_counter()
    # Integer ids when they are all numeric: red-dwarf sorts them numerically either way, and
    # int keys keep its pivot cheap. The labels are written back with string keys.
    for col in ("participant", "statement"):
        if df[col].str.fullmatch(r"\d+").all():
            df[col] = df[col].astype("int64")
    votes = (
        df.rename(columns={"participant": "participant_id", "statement": "statement_id"})
        .astype({"vote": "int64"})
        .to_dict("records")
    )
    del df
    prep_s = time.perf_counter() - t

    t = time.perf_counter()
    result = run_pipeline(votes=votes, random_state=a.seed)
    analysis_s = time.perf_counter() - t

    pdf = result.participants_df
    clustered = pdf[pdf["to_cluster"]]
    labels = {str(pid): int(g) for pid, g in clustered["cluster_id"].items() if not pd.isna(g)}
    k = len(set(labels.values()))
    summary = {
        "version": version("red-dwarf"),
        "votes": len(votes),
        "participants": int(pdf.shape[0]),
        "clustered": len(labels),
        "k": k,
        "load_s": round(load_s, 4),
        "prep_s": round(prep_s, 4),
        "analysis_s": round(analysis_s, 4),
        "repness_groups": len(result.repness) if result.repness is not None else 0,
        "consensus_agree": len(result.consensus.get("agree", [])) if isinstance(result.consensus, dict) else None,
    }
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump({**summary, "labels": labels}, f)
    json.dump(summary, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
