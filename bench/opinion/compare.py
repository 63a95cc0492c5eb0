#!/usr/bin/env python3
"""Agreement of group memberships, for bench/opinion.sh.

    python3 compare.py --dias ANALYSIS.json [--reddwarf LABELS.json] [--truth TRUTH.csv]

Prints one JSON object: `k_dias`, and, where the inputs are given, `k_reddwarf`,
`ari_dias_reddwarf` (adjusted Rand index over participants that both tools placed in a group),
`ari_dias_truth`, `ari_reddwarf_truth` (against the planted groups of generate.py, over the
participants the tool placed in a group) and the number of participants each index covers.
ARI is invariant under relabelling: 1 = same partition, ~0 = chance agreement.
"""
import argparse
import csv
import json
import sys


def dias_labels(path: str) -> tuple[int, dict[str, int]]:
    with open(path, encoding="utf-8") as f:
        a = json.load(f)
    labels = {pid: p["group"] for pid, p in a["participants"].items() if p.get("group") is not None}
    return int(a["k"]), labels


def reddwarf_labels(path: str) -> tuple[int, dict[str, int]]:
    with open(path, encoding="utf-8") as f:
        r = json.load(f)
    return int(r["k"]), {str(k): int(v) for k, v in r["labels"].items()}


def truth_labels(path: str) -> dict[str, int]:
    with open(path, encoding="utf-8", newline="") as f:
        return {row["participant"]: int(row["group"]) for row in csv.DictReader(f)}


def ari(a: dict[str, int], b: dict[str, int]) -> tuple[float | None, int]:
    from sklearn.metrics import adjusted_rand_score

    common = sorted(a.keys() & b.keys())
    if len(common) < 2:
        return None, len(common)
    return float(adjusted_rand_score([a[i] for i in common], [b[i] for i in common])), len(common)


def compare(dias: str, reddwarf: str | None = None, truth: str | None = None) -> dict:
    out: dict = {}
    k_d, d = dias_labels(dias)
    out["k_dias"] = k_d
    out["clustered_dias"] = len(d)
    t = truth_labels(truth) if truth else None
    if reddwarf:
        k_r, r = reddwarf_labels(reddwarf)
        out["k_reddwarf"] = k_r
        out["clustered_reddwarf"] = len(r)
        out["ari_dias_reddwarf"], out["n_dias_reddwarf"] = ari(d, r)
        if t is not None:
            out["ari_reddwarf_truth"], _ = ari(r, t)
    if t is not None:
        out["ari_dias_truth"], _ = ari(d, t)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dias", required=True)
    ap.add_argument("--reddwarf")
    ap.add_argument("--truth")
    a = ap.parse_args()
    json.dump(compare(a.dias, a.reddwarf, a.truth), sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
