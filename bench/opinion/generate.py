#!/usr/bin/env python3
"""Deterministic synthetic votes with planted opinion groups, for bench/opinion.sh.

    python3 generate.py --participants 10000 --statements 1000 --density 0.10 \
        --groups 4 --seed 42 --out votes.csv [--truth truth.csv]

Writes `participant,statement,vote` (agree = 1, disagree = -1, pass = 0; ids are the decimal
numbers 0..n-1, so red-dwarf's numeric sort and dias' natural order agree), one row per voted
cell, sorted by participant then statement. `--truth` also writes `participant,group`, the
planted group of every participant.

Model: participants are split into `--groups` groups of unequal size (weights 4:3:2:1:… ,
assigned at random). Every group has, per statement, an agree tendency drawn from Beta(0.5, 0.5)
(U-shaped: groups mostly lean clearly one way, and independently of each other). A participant
sees about Binomial(statements, `--density`) statements, picked uniformly (drawn with
replacement, just enough draws to expect that many distinct ones, duplicates dropped); they pass with probability `--pass-rate`, otherwise
agree with their group's tendency, else disagree. Everything comes from one numpy Generator
seeded with `--seed`, so the same arguments give byte-identical files.
"""
import argparse
import sys

import numpy as np


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--participants", type=int, required=True)
    ap.add_argument("--statements", type=int, required=True)
    ap.add_argument("--density", type=float, required=True)
    ap.add_argument("--groups", type=int, default=4)
    ap.add_argument("--pass-rate", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth")
    a = ap.parse_args()
    if a.participants < 1 or a.statements < 1 or not 0 < a.density <= 0.9 or a.groups < 1:
        ap.error("participants, statements, groups must be >= 1 and 0 < density <= 0.9")

    rng = np.random.default_rng(a.seed)
    n_p, n_s = a.participants, a.statements

    weights = np.arange(a.groups, 0, -1, dtype=np.float64)
    weights /= weights.sum()
    group = rng.choice(a.groups, size=n_p, p=weights)
    p_agree = rng.beta(0.5, 0.5, size=(a.groups, n_s))

    # How many statements each participant sees, then which ones (with replacement, deduplicated).
    seen = rng.binomial(n_s, a.density, size=n_p)
    seen = np.clip(seen, 1, n_s)
    # Draws with replacement needed for `seen` distinct statements on average:
    # n·(1 − (1 − 1/n)^draws) = seen  ⇒  draws = ln(1 − seen/n) / ln(1 − 1/n).
    if n_s > 1:
        frac = np.minimum(seen / n_s, 1.0 - 0.5 / n_s)
        draws = np.rint(np.log1p(-frac) / np.log1p(-1.0 / n_s)).astype(np.int64)
    else:
        draws = seen
    rows = np.repeat(np.arange(n_p, dtype=np.int64), draws)
    cols = rng.integers(0, n_s, size=rows.size, dtype=np.int64)
    keys = np.unique(rows * n_s + cols)  # sorted by participant, then statement
    rows, cols = keys // n_s, keys % n_s

    u = rng.random(keys.size)
    passes = u < a.pass_rate
    # Rescale the remaining mass to [0, 1) and compare with the group's agree tendency.
    agree = (u - a.pass_rate) / (1.0 - a.pass_rate) < p_agree[group[rows], cols]
    vote = np.where(passes, 0, np.where(agree, 1, -1)).astype(np.int8)

    chunk = 1_000_000
    with open(a.out, "w", encoding="ascii", newline="\n") as f:
        f.write("participant,statement,vote\n")
        for start in range(0, keys.size, chunk):
            r = rows[start:start + chunk].tolist()
            c = cols[start:start + chunk].tolist()
            v = vote[start:start + chunk].tolist()
            f.write("".join(f"{x},{y},{z}\n" for x, y, z in zip(r, c, v)))
    if a.truth:
        with open(a.truth, "w", encoding="ascii", newline="\n") as f:
            f.write("participant,group\n")
            f.write("".join(f"{i},{g}\n" for i, g in enumerate(group.tolist())))

    voters = np.unique(rows).size
    print(
        f"{keys.size} votes, {voters} participants, {np.unique(cols).size} statements, "
        f"density {keys.size / (n_p * n_s):.4f}, groups {np.bincount(group, minlength=a.groups).tolist()}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
